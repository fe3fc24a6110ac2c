package nl.kikv;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A kikv store: {@code new Store()} is in memory ({@code new Store(path)}: persistent stores are
 * not available yet and throw KIKV_UNSUPPORTED). Close it with try-with-resources.
 *
 * <p>A Store and its statements may be used from one thread at a time; a call from a second
 * thread meanwhile throws KikvException(KIKV_MISUSE) instead of racing. {@link #interrupt()} is
 * the exception: call it from any thread to stop running queries.
 */
public final class Store implements AutoCloseable {
  static final KikvLibrary LIB = KikvLibrary.INSTANCE;

  private Pointer db;
  private final List<Statement> statements = new ArrayList<>();

  /** An in-memory store. */
  public Store() {
    this(null);
  }

  /** A store at {@code path} (null: in memory). */
  public Store(String path) {
    PointerByReference out = new PointerByReference();
    int rc = LIB.kikv_open(path == null ? null : cstr(path), 0, out);
    Pointer handle = out.getValue();
    if (rc != KikvLibrary.KIKV_OK) {
      KikvException e = error(handle, rc);
      LIB.kikv_close(handle);
      throw e;
    }
    db = handle;
  }

  /** The library's version ("0.1.0"). */
  public static String libraryVersion() {
    return LIB.kikv_version();
  }

  static byte[] cstr(String s) {
    if (s == null) return null;
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[b.length + 1];
    System.arraycopy(b, 0, out, 0, b.length);
    return out;
  }

  static String string(Pointer p) {
    return p == null ? null : p.getString(0, "UTF-8");
  }

  static KikvException error(Pointer db, int rc) {
    String message = db == null ? LIB.kikv_errstr(rc) : string(LIB.kikv_errmsg(db));
    if (rc == KikvLibrary.KIKV_SYNTAX && db != null) {
      LongByReference line = new LongByReference(), column = new LongByReference();
      LIB.kikv_error_offset(db, line, column);
      return new KikvException(rc, message, line.getValue(), column.getValue());
    }
    return new KikvException(rc, message);
  }

  Pointer handle() {
    if (db == null) throw new KikvException(KikvLibrary.KIKV_MISUSE, "the store is closed");
    return db;
  }

  void check(int rc) {
    if (rc != KikvLibrary.KIKV_OK) throw error(db, rc);
  }

  static int format(String name) {
    if (name == null) return KikvLibrary.KIKV_FORMAT_AUTO;
    switch (name.toLowerCase()) {
      case "turtle": case "ttl": return KikvLibrary.KIKV_FORMAT_TURTLE;
      case "ntriples": case "nt": case "n-triples": return KikvLibrary.KIKV_FORMAT_NTRIPLES;
      case "nquads": case "nq": case "n-quads": return KikvLibrary.KIKV_FORMAT_NQUADS;
      case "trig": return KikvLibrary.KIKV_FORMAT_TRIG;
      case "auto": return KikvLibrary.KIKV_FORMAT_AUTO;
      default: throw new IllegalArgumentException("unknown RDF format " + name);
    }
  }

  /** Loads an RDF file (syntax from the extension). All or nothing. */
  public void load(Path path) {
    load(path, null, null, null);
  }

  /** Loads an RDF file; format (turtle, ntriples, nquads, trig), base and graph may be null. */
  public void load(Path path, String format, String base, String graph) {
    check(LIB.kikv_load_file(handle(), cstr(path.toString()), format(format), cstr(base), cstr(graph)));
  }

  /** Loads an RDF document (Turtle unless another format is named). */
  public void loadString(String data, String format) {
    byte[] raw = data.getBytes(StandardCharsets.UTF_8);
    check(LIB.kikv_load_string(handle(), raw, raw.length, format == null ? KikvLibrary.KIKV_FORMAT_TURTLE : format(format), null, null));
  }

  public void loadString(String data) {
    loadString(data, null);
  }

  /** The whole store (or one graph if not null) in an RDF syntax. */
  public String export(String format, String graph) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    KikvLibrary.WriteFn write = (user, data, length) -> {
      out.write(data.getByteArray(0, (int) length), 0, (int) length);
      return 0;
    };
    check(LIB.kikv_export(handle(), format(format), cstr(graph), write, null));
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  /** Number of quads in all graphs. */
  public long size() {
    return LIB.kikv_size(handle());
  }

  public void begin() {
    check(LIB.kikv_begin(handle()));
  }

  public void commit() {
    check(LIB.kikv_commit(handle()));
  }

  public void rollback() {
    check(LIB.kikv_rollback(handle()));
  }

  /** A prepared statement; close it (or the store) when done. */
  public Statement prepare(String sparql) {
    Statement st = new Statement(this, sparql);
    statements.add(st);
    return st;
  }

  void forget(Statement st) {
    statements.remove(st);
  }

  /** Runs a query; closing the Result also closes its statement. */
  public Result query(String sparql) {
    return query(sparql, Map.of());
  }

  /**
   * Runs a query with parameters: variables pre-bound by name (Long/Integer, Double, BigDecimal,
   * BigInteger, Boolean, String, LocalDate, Iri, Literal; null leaves the variable unbound).
   */
  public Result query(String sparql, Map<String, ?> params) {
    Statement st = prepare(sparql);
    try {
      params.forEach(st::bind);
      Result r = st.execute();
      r.closeStatementOnClose();
      return r;
    } catch (RuntimeException e) {
      st.close();
      throw e;
    }
  }

  /** The answer of an ASK query. */
  public boolean ask(String sparql, Map<String, ?> params) {
    try (Result r = query(sparql, params)) {
      return r.hasNext() && Boolean.TRUE.equals(r.next().get(0));
    }
  }

  /** Stops the queries running on this store; safe from any thread. */
  public void interrupt() {
    Pointer handle = db;
    if (handle != null) LIB.kikv_interrupt(handle);
  }

  /** Closes the store and its open statements. Idempotent. */
  @Override public void close() {
    if (db == null) return;
    for (Statement st : new ArrayList<>(statements)) st.close();
    LIB.kikv_close(db);
    db = null;
  }
}
