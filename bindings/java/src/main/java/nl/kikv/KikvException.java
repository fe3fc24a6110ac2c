package nl.kikv;

/**
 * A failed kikv call: {@link #code()} is the C result code (KIKV_SYNTAX, KIKV_INTERRUPT ...),
 * the message is the engine's. For syntax errors {@link #line()} and {@link #column()} give the
 * position (1-based; 0 when unknown).
 */
public class KikvException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int code;
  private final long line;
  private final long column;

  public KikvException(int code, String message) {
    this(code, message, 0, 0);
  }

  public KikvException(int code, String message, long line, long column) {
    super(message);
    this.code = code;
    this.line = line;
    this.column = column;
  }

  /** The result code (see {@link KikvLibrary}'s KIKV_* constants). */
  public int code() {
    return code;
  }

  /** The name of the result code: "syntax error", "interrupted" ... */
  public String codeName() {
    return KikvLibrary.INSTANCE.kikv_errstr(code);
  }

  public long line() {
    return line;
  }

  public long column() {
    return column;
  }
}
