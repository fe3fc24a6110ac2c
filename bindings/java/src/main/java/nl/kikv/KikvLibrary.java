package nl.kikv;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The C ABI of libkikv (include/kikv/kikv.h) as a JNA interface; see that header for what each
 * function does. Strings are passed as UTF-8 byte arrays ({@code NUL}-terminated where the C
 * function takes a C string), handles as {@link Pointer}.
 *
 * <p>The library is loaded from the system property {@code kikv.library} or the environment
 * variable {@code KIKV_LIBRARY} (a path), else by name ("kikv") from {@code jna.library.path} and
 * the system's library path.
 */
public interface KikvLibrary extends Library {
  KikvLibrary INSTANCE = load();

  private static KikvLibrary load() {
    String path = System.getProperty("kikv.library");
    if (path == null || path.isEmpty()) path = System.getenv("KIKV_LIBRARY");
    return Native.load(path == null || path.isEmpty() ? "kikv" : path, KikvLibrary.class);
  }

  int KIKV_OK = 0, KIKV_ERROR = 1, KIKV_MISUSE = 2, KIKV_NOMEM = 3, KIKV_IO = 4, KIKV_SYNTAX = 5,
      KIKV_RANGE = 6, KIKV_NOTFOUND = 7, KIKV_TYPE = 8, KIKV_EVAL = 9, KIKV_INTERRUPT = 10,
      KIKV_UNSUPPORTED = 11, KIKV_CORRUPT = 12, KIKV_BUSY = 13, KIKV_ROW = 100, KIKV_DONE = 101;
  int KIKV_FORMAT_AUTO = 0, KIKV_FORMAT_TURTLE = 1, KIKV_FORMAT_NTRIPLES = 2, KIKV_FORMAT_NQUADS = 3,
      KIKV_FORMAT_TRIG = 4;

  /** kikv_write_fn */
  interface WriteFn extends Callback {
    int invoke(Pointer userData, Pointer data, long length);
  }

  String kikv_version();
  int kikv_libversion_number();
  String kikv_errstr(int rc);

  int kikv_open(byte[] path, int flags, PointerByReference db);
  int kikv_close(Pointer db);
  int kikv_errcode(Pointer db);
  Pointer kikv_errmsg(Pointer db);
  int kikv_error_offset(Pointer db, LongByReference line, LongByReference column);
  int kikv_interrupt(Pointer db);

  int kikv_load_file(Pointer db, byte[] path, int format, byte[] base, byte[] graph);
  int kikv_load_string(Pointer db, byte[] data, long length, int format, byte[] base, byte[] graph);
  long kikv_size(Pointer db);

  int kikv_begin(Pointer db);
  int kikv_commit(Pointer db);
  int kikv_rollback(Pointer db);
  int kikv_in_transaction(Pointer db);

  int kikv_export(Pointer db, int format, byte[] graph, WriteFn write, Pointer userData);
  int kikv_export_file(Pointer db, byte[] path, int format, byte[] graph);

  int kikv_prepare(Pointer db, byte[] sparql, long length, PointerByReference stmt);
  int kikv_finalize(Pointer stmt);
  int kikv_step(Pointer stmt);
  int kikv_reset(Pointer stmt);
  int kikv_stmt_form(Pointer stmt);
  int kikv_stmt_set_timeout(Pointer stmt, long milliseconds);

  int kikv_bind_parameter_count(Pointer stmt);
  int kikv_bind_parameter_index(Pointer stmt, byte[] name);
  Pointer kikv_bind_parameter_name(Pointer stmt, int index);
  int kikv_bind_iri(Pointer stmt, int index, byte[] iri);
  int kikv_bind_string(Pointer stmt, int index, byte[] text, long length);
  int kikv_bind_lang_string(Pointer stmt, int index, byte[] text, long length, byte[] lang);
  int kikv_bind_literal(Pointer stmt, int index, byte[] lexical, long length, byte[] datatype);
  int kikv_bind_int64(Pointer stmt, int index, long value);
  int kikv_bind_double(Pointer stmt, int index, double value);
  int kikv_bind_decimal(Pointer stmt, int index, byte[] decimal);
  int kikv_bind_date(Pointer stmt, int index, int year, int month, int day);
  int kikv_bind_bool(Pointer stmt, int index, int value);
  int kikv_bind_unbound(Pointer stmt, int index);
  int kikv_clear_bindings(Pointer stmt);

  int kikv_column_count(Pointer stmt);
  Pointer kikv_column_name(Pointer stmt, int column);
  int kikv_column_type(Pointer stmt, int column);
  Pointer kikv_column_text(Pointer stmt, int column);
  long kikv_column_bytes(Pointer stmt, int column);
  long kikv_column_int64(Pointer stmt, int column);
  double kikv_column_double(Pointer stmt, int column);

  int kikv_fetch(Pointer stmt, int maxRows, PointerByReference data, LongByReference bytes, IntByReference rows);
}
