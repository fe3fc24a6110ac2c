package nl.kikv;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A prepared query: bind parameters by name (the query's variables, pre-bound; never spliced into
 * the text), then {@link #execute()}. Executing again ends the previous Result.
 */
public final class Statement implements AutoCloseable {
  private static final KikvLibrary LIB = Store.LIB;
  private final Store store;
  private Pointer st;
  private final List<String> columns;
  private final List<String> parameters;
  private Result current;

  Statement(Store store, String sparql) {
    this.store = store;
    byte[] raw = sparql.getBytes(StandardCharsets.UTF_8);
    PointerByReference out = new PointerByReference();
    Pointer db = store.handle();
    int rc = LIB.kikv_prepare(db, raw, raw.length, out);
    if (rc != KikvLibrary.KIKV_OK) throw Store.error(db, rc);
    st = out.getValue();
    List<String> cols = new ArrayList<>();
    for (int i = 0, n = LIB.kikv_column_count(st); i < n; i++) cols.add(Store.string(LIB.kikv_column_name(st, i)));
    columns = Collections.unmodifiableList(cols);
    List<String> params = new ArrayList<>();
    for (int i = 1, n = LIB.kikv_bind_parameter_count(st); i <= n; i++) params.add(Store.string(LIB.kikv_bind_parameter_name(st, i)));
    parameters = Collections.unmodifiableList(params);
  }

  Pointer handle() {
    if (st == null) throw new KikvException(KikvLibrary.KIKV_MISUSE, "the statement is closed");
    store.handle();
    return st;
  }

  Store store() {
    return store;
  }

  /** Result column names. */
  public List<String> columns() {
    return columns;
  }

  /** Parameter names (the query's variables). */
  public List<String> parameters() {
    return parameters;
  }

  private int index(String name) {
    Pointer h = handle();
    endResult();
    return LIB.kikv_bind_parameter_index(h, Store.cstr(name));
  }

  private Statement checked(int rc) {
    if (rc != KikvLibrary.KIKV_OK) throw Store.error(store.handle(), rc);
    return this;
  }

  /** Binds a Java value by its type (see Store.query); null unbinds. */
  public Statement bind(String name, Object value) {
    if (value == null) return unbind(name);
    if (value instanceof Boolean) return bind(name, ((Boolean) value).booleanValue());
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)
      return bind(name, ((Number) value).longValue());
    if (value instanceof BigInteger) return bindLiteral(name, value.toString(), Literal.XSD + "integer");
    if (value instanceof Double || value instanceof Float) return bind(name, ((Number) value).doubleValue());
    if (value instanceof BigDecimal) return bind(name, (BigDecimal) value);
    if (value instanceof String) return bind(name, (String) value);
    if (value instanceof LocalDate) return bind(name, (LocalDate) value);
    if (value instanceof LocalDateTime) return bindLiteral(name, value.toString(), Literal.XSD + "dateTime");
    if (value instanceof Iri) return bindIri(name, ((Iri) value).value());
    if (value instanceof Literal) {
      Literal l = (Literal) value;
      return l.lang() != null ? bindLangString(name, l.lexical(), l.lang()) : bindLiteral(name, l.lexical(), l.datatype());
    }
    throw new IllegalArgumentException("kikv: cannot bind a " + value.getClass().getName());
  }

  public Statement bind(String name, long value) {
    return checked(LIB.kikv_bind_int64(handle(), index(name), value));
  }

  public Statement bind(String name, double value) {
    return checked(LIB.kikv_bind_double(handle(), index(name), value));
  }

  public Statement bind(String name, boolean value) {
    return checked(LIB.kikv_bind_bool(handle(), index(name), value ? 1 : 0));
  }

  public Statement bind(String name, BigDecimal value) {
    return checked(LIB.kikv_bind_decimal(handle(), index(name), Store.cstr(value.toPlainString())));
  }

  /** An xsd:string. */
  public Statement bind(String name, String value) {
    byte[] raw = value.getBytes(StandardCharsets.UTF_8);
    return checked(LIB.kikv_bind_string(handle(), index(name), raw, raw.length));
  }

  public Statement bind(String name, LocalDate value) {
    return checked(LIB.kikv_bind_date(handle(), index(name), value.getYear(), value.getMonthValue(), value.getDayOfMonth()));
  }

  public Statement bindIri(String name, String iri) {
    return checked(LIB.kikv_bind_iri(handle(), index(name), Store.cstr(iri)));
  }

  public Statement bindLangString(String name, String text, String lang) {
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    return checked(LIB.kikv_bind_lang_string(handle(), index(name), raw, raw.length, Store.cstr(lang)));
  }

  public Statement bindLiteral(String name, String lexical, String datatype) {
    byte[] raw = lexical.getBytes(StandardCharsets.UTF_8);
    return checked(LIB.kikv_bind_literal(handle(), index(name), raw, raw.length, Store.cstr(datatype)));
  }

  /** Makes the variable an ordinary (unbound) variable again. */
  public Statement unbind(String name) {
    return checked(LIB.kikv_bind_unbound(handle(), index(name)));
  }

  public Statement clearBindings() {
    Pointer h = handle();
    endResult();
    return checked(LIB.kikv_clear_bindings(h));
  }

  /** Limits each execution (null or zero: no limit); past it reading throws KIKV_INTERRUPT. */
  public Statement setTimeout(Duration timeout) {
    return checked(LIB.kikv_stmt_set_timeout(handle(), timeout == null ? 0 : Math.max(1, timeout.toMillis())));
  }

  /** Starts the query with the current bindings; rows are read lazily. */
  public Result execute() {
    Pointer h = handle();
    endResult();
    current = new Result(this, h);
    return current;
  }

  private void endResult() {
    if (current != null) {
      current.detach();
      current = null;
    }
    if (st != null && store.handle() != null) LIB.kikv_reset(st);
  }

  void resultDone(Result r) {
    if (current == r) {
      current = null;
      if (st != null) LIB.kikv_reset(st);
    }
  }

  /** Finalizes the statement. Idempotent. */
  @Override public void close() {
    if (st == null) return;
    if (current != null) {
      current.detach();
      current = null;
    }
    try {
      store.handle();
      LIB.kikv_finalize(st);
    } catch (KikvException closed) {
      // the store was closed first: it finalized everything
    }
    st = null;
    store.forget(this);
  }
}
