/* C99: every destructor accepts NULL, and every function given a NULL handle answers with a
** defined code or value instead of crashing (as Serd's test_free_null.c). */
#include "capi_test.h"

static int write_nothing(void* user, const char* data, size_t n) {
  (void)user;
  (void)data;
  (void)n;
  return 0;
}

int main(void) {
  const char* data = "x";
  int64_t bytes = 1, line = 1, col = 1;
  int rows = 1, y = 1, m = 1, d = 1;

  /* destructors */
  CHECK_RC(kikv_close(NULL), KIKV_OK);
  CHECK_RC(kikv_finalize(NULL), KIKV_OK);

  /* kikv_db functions */
  CHECK_RC(kikv_open(NULL, 0, NULL), KIKV_MISUSE);
  CHECK_RC(kikv_errcode(NULL), KIKV_MISUSE);
  CHECK(kikv_errmsg(NULL) != NULL);
  CHECK_RC(kikv_error_offset(NULL, &line, &col), KIKV_MISUSE);
  CHECK(line == 0 && col == 0);
  CHECK_RC(kikv_error_offset(NULL, NULL, NULL), KIKV_MISUSE);
  CHECK_RC(kikv_interrupt(NULL), KIKV_MISUSE);
  CHECK(kikv_size(NULL) == -1);
  CHECK_RC(kikv_load_file(NULL, "x.ttl", 0, NULL, NULL), KIKV_MISUSE);
  CHECK_RC(kikv_load_string(NULL, "", -1, 0, NULL, NULL), KIKV_MISUSE);
  CHECK_RC(kikv_begin(NULL), KIKV_MISUSE);
  CHECK_RC(kikv_commit(NULL), KIKV_MISUSE);
  CHECK_RC(kikv_rollback(NULL), KIKV_MISUSE);
  CHECK(kikv_in_transaction(NULL) == -1);
  CHECK_RC(kikv_export(NULL, KIKV_FORMAT_NTRIPLES, NULL, write_nothing, NULL), KIKV_MISUSE);
  CHECK_RC(kikv_export_file(NULL, "/tmp/x.nt", KIKV_FORMAT_NTRIPLES, NULL), KIKV_MISUSE);
  CHECK_RC(kikv_prepare(NULL, "ASK {}", -1, NULL), KIKV_MISUSE);

  /* kikv_stmt functions */
  CHECK_RC(kikv_step(NULL), KIKV_MISUSE);
  CHECK_RC(kikv_reset(NULL), KIKV_MISUSE);
  CHECK(kikv_db_handle(NULL) == NULL);
  CHECK(kikv_stmt_text(NULL) == NULL);
  CHECK(kikv_stmt_form(NULL) == 0);
  CHECK_RC(kikv_stmt_set_timeout(NULL, 10), KIKV_MISUSE);
  CHECK(kikv_bind_parameter_count(NULL) == 0);
  CHECK(kikv_bind_parameter_index(NULL, "x") == 0);
  CHECK(kikv_bind_parameter_name(NULL, 1) == NULL);
  CHECK_RC(kikv_bind_iri(NULL, 1, "http://x"), KIKV_MISUSE);
  CHECK_RC(kikv_bind_string(NULL, 1, "x", -1), KIKV_MISUSE);
  CHECK_RC(kikv_bind_lang_string(NULL, 1, "x", -1, "nl"), KIKV_MISUSE);
  CHECK_RC(kikv_bind_literal(NULL, 1, "x", -1, NULL), KIKV_MISUSE);
  CHECK_RC(kikv_bind_int64(NULL, 1, 1), KIKV_MISUSE);
  CHECK_RC(kikv_bind_double(NULL, 1, 1.0), KIKV_MISUSE);
  CHECK_RC(kikv_bind_decimal(NULL, 1, "1.0"), KIKV_MISUSE);
  CHECK_RC(kikv_bind_date(NULL, 1, 2024, 1, 1), KIKV_MISUSE);
  CHECK_RC(kikv_bind_bool(NULL, 1, 1), KIKV_MISUSE);
  CHECK_RC(kikv_bind_unbound(NULL, 1), KIKV_MISUSE);
  CHECK_RC(kikv_clear_bindings(NULL), KIKV_MISUSE);
  CHECK(kikv_column_count(NULL) == 0);
  CHECK(kikv_column_name(NULL, 0) == NULL);
  CHECK(kikv_column_type(NULL, 0) == KIKV_UNBOUND);
  CHECK(kikv_column_text(NULL, 0) == NULL);
  CHECK(kikv_column_bytes(NULL, 0) == 0);
  CHECK(kikv_column_datatype(NULL, 0) == NULL);
  CHECK(kikv_column_lang(NULL, 0) == NULL);
  CHECK(kikv_column_int64(NULL, 0) == 0);
  CHECK(kikv_column_double(NULL, 0) == 0.0);
  CHECK_RC(kikv_column_date(NULL, 0, &y, &m, &d), KIKV_MISUSE);
  CHECK(y == 0 && m == 0 && d == 0);
  CHECK_RC(kikv_fetch(NULL, 10, &data, &bytes, &rows), KIKV_MISUSE);
  CHECK(data == NULL && bytes == 0 && rows == 0);
  return finish("capi free_null");
}
