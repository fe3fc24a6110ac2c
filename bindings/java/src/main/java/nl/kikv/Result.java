package nl.kikv;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of one execution, read lazily in batches. Values: xsd:integer → Long (BigInteger
 * beyond 64 bits), xsd:decimal → BigDecimal, xsd:double → Double, xsd:boolean → Boolean,
 * xsd:string → String, xsd:date (no timezone) → LocalDate, IRI → {@link Iri}, blank node →
 * {@link BlankNode}, other literals → {@link Literal}, unbound → null. ASK gives one row with one
 * Boolean; CONSTRUCT/DESCRIBE rows (subject, predicate, object).
 */
public final class Result implements AutoCloseable, Iterator<Row>, Iterable<Row> {
  /** Rows fetched per call into the library. */
  public static final int BATCH_ROWS = 512;

  private final Statement statement;
  private final Pointer st;
  private final List<String> columns;
  private List<Object[]> rows = new ArrayList<>();
  private int pos;
  private boolean done;
  private boolean closeStatement;
  private KikvException detached;
  private final PointerByReference data = new PointerByReference();
  private final LongByReference bytes = new LongByReference();
  private final IntByReference count = new IntByReference();

  Result(Statement statement, Pointer st) {
    this.statement = statement;
    this.st = st;
    this.columns = statement.columns();
  }

  void closeStatementOnClose() {
    closeStatement = true;
  }

  void detach() {
    rows = new ArrayList<>();
    done = true;
    detached = new KikvException(KikvLibrary.KIKV_MISUSE, "the result was ended by a new execution or by closing");
  }

  public List<String> columns() {
    return columns;
  }

  @Override public Iterator<Row> iterator() {
    return this;
  }

  @Override public boolean hasNext() {
    while (pos >= rows.size()) {
      if (detached != null) throw detached;
      if (done) return false;
      fill();
    }
    return true;
  }

  @Override public Row next() {
    if (!hasNext()) throw new NoSuchElementException();
    return new Row(columns, rows.get(pos++));
  }

  /** All remaining rows. */
  public List<Row> toList() {
    List<Row> out = new ArrayList<>();
    while (hasNext()) out.add(next());
    return out;
  }

  private void fill() {
    statement.handle();
    int rc = Store.LIB.kikv_fetch(st, BATCH_ROWS, data, bytes, count);
    if (rc != KikvLibrary.KIKV_ROW && rc != KikvLibrary.KIKV_DONE) {
      KikvException e = Store.error(statement.store().handle(), rc);
      done = true;
      close();
      throw e;
    }
    long n = bytes.getValue();
    String text = n == 0 ? "" : new String(data.getValue().getByteArray(0, (int) n), StandardCharsets.UTF_8);
    rows = decode(text, columns.size());
    pos = 0;
    if (rc == KikvLibrary.KIKV_DONE) {
      done = true;
      close();
    }
  }

  /** Stops reading (the store can change again); closes the statement if query() made it. */
  @Override public void close() {
    if (!done) {
      done = true;
      rows = new ArrayList<>(rows.subList(Math.min(pos, rows.size()), rows.size()));
      pos = 0;
    }
    statement.resultDone(this);
    if (closeStatement) {
      closeStatement = false;
      statement.close();
    }
  }

  // --- decoding kikv_fetch batches (encoding: kikv_fetch in kikv.h) ---------------------------

  static List<Object[]> decode(String text, int ncols) {
    List<Object[]> out = new ArrayList<>();
    boolean escaped = text.indexOf('\u001b') >= 0;
    int i = 0, len = text.length();
    while (i < len) {
      Object[] row = new Object[ncols];
      int col = 0;
      while (true) {
        int end = i;
        while (end < len && text.charAt(end) != '\u001f' && text.charAt(end) != '\u001e') end++;
        if (col < ncols) row[col] = value(text, i, end, escaped);
        col++;
        char sep = end < len ? text.charAt(end) : '\u001e';
        i = end + 1;
        if (sep == '\u001e') break;
      }
      out.add(row);
    }
    return out;
  }

  private static String unescape(String s) {
    if (s.indexOf('\u001b') < 0) return s;
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u001b' && i + 1 < s.length()) b.append((char) (s.charAt(++i) - 0x20));
      else b.append(c);
    }
    return b.toString();
  }

  private static Object value(String text, int from, int to, boolean escaped) {
    if (from == to) return null;
    char tag = text.charAt(from);
    String payload = text.substring(from + 1, to);
    switch (tag) {
      case 'L': case 'T': {
        int sep = payload.indexOf('\u001d');
        String head = payload.substring(0, sep), lexical = payload.substring(sep + 1);
        if (escaped) {
          head = unescape(head);
          lexical = unescape(lexical);
        }
        return tag == 'L' ? Literal.lang(lexical, head) : Literal.typed(lexical, head);
      }
      default:
        break;
    }
    if (escaped) payload = unescape(payload);
    switch (tag) {
      case 'I': return new Iri(payload);
      case 'B': return new BlankNode(payload);
      case 's': return payload;
      case 'i':
        if (payload.length() < 19) return Long.parseLong(payload);
        BigInteger big = new BigInteger(payload);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
      case 'd': return new BigDecimal(payload);
      case 'f': return parseDouble(payload);
      case 'b': return payload.equals("true") || payload.equals("1");
      case 'D': return LocalDate.parse(payload);
      default: return Literal.typed(payload, Literal.XSD + "string");
    }
  }

  private static double parseDouble(String s) {
    switch (s) {
      case "INF": case "+INF": return Double.POSITIVE_INFINITY;
      case "-INF": return Double.NEGATIVE_INFINITY;
      case "NaN": return Double.NaN;
      default: return Double.parseDouble(s);
    }
  }
}
