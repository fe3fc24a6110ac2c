/* C99 test of statements: prepare, parameters, step, typed columns, ASK, CONSTRUCT, DESCRIBE,
** kikv_fetch, and the errors each gives for bad input. */
#include <stdint.h>

#include "capi_test.h"

#define EX "http://example.org/"
#define XSD "http://www.w3.org/2001/XMLSchema#"

static const char* kData =
    "@prefix ex: <http://example.org/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "ex:anna a ex:Client ; ex:name \"Anna\" ; ex:age 87 ; ex:born \"1937-05-04\"^^xsd:date ;\n"
    "  ex:weight 61.5 ; ex:score 2.5e0 ; ex:active true ; ex:label \"Anna de V.\"@nl ;\n"
    "  ex:huge 123456789012345678901234567890 ; ex:odd \"abc\"^^xsd:integer ; ex:friend _:f .\n"
    "ex:bert a ex:Client ; ex:name \"Bert\\ttab\\u001Fsep\" ; ex:age 72 .\n"
    "_:f ex:name \"Friend\" .\n";

static kikv_db* open_loaded(void) {
  kikv_db* db = NULL;
  CHECK_RC(kikv_open(NULL, 0, &db), KIKV_OK);
  CHECK_RC(kikv_load_string(db, kData, -1, KIKV_FORMAT_TURTLE, NULL, NULL), KIKV_OK);
  return db;
}

static int count_rows(kikv_stmt* st) {
  int n = 0, rc;
  while ((rc = kikv_step(st)) == KIKV_ROW) n++;
  CHECK_RC(rc, KIKV_DONE);
  return n;
}

static void test_select_columns(void) {
  kikv_db* db = open_loaded();
  kikv_stmt* st = NULL;
  int y = 0, m = 0, d = 0;
  CHECK_RC(kikv_prepare(db,
                        "PREFIX ex: <" EX "> SELECT ?name ?age ?born ?weight ?score ?active ?label ?huge ?odd "
                        "?friend ?none WHERE { ex:anna ex:name ?name ; ex:age ?age ; ex:born ?born ; "
                        "ex:weight ?weight ; ex:score ?score ; ex:active ?active ; ex:label ?label ; "
                        "ex:huge ?huge ; ex:odd ?odd ; ex:friend ?friend OPTIONAL { ?x ex:none ?none } }",
                        -1, &st),
           KIKV_OK);
  CHECK(st != NULL);
  CHECK(kikv_stmt_form(st) == KIKV_FORM_SELECT);
  CHECK(kikv_db_handle(st) == db);
  CHECK(kikv_column_count(st) == 11);
  CHECK(str_eq(kikv_column_name(st, 0), "name"));
  CHECK(str_eq(kikv_column_name(st, 10), "none"));
  CHECK(kikv_column_name(st, 11) == NULL);
  CHECK(kikv_errcode(db) == KIKV_RANGE);
  CHECK(kikv_column_name(st, -1) == NULL);

  /* no row yet */
  CHECK(kikv_column_text(st, 0) == NULL);
  CHECK(kikv_errcode(db) == KIKV_MISUSE);

  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK(kikv_column_type(st, 0) == KIKV_LITERAL);
  CHECK(str_eq(kikv_column_text(st, 0), "Anna"));
  CHECK(kikv_column_bytes(st, 0) == 4);
  CHECK(str_eq(kikv_column_datatype(st, 0), XSD "string"));
  CHECK(kikv_column_lang(st, 0) == NULL);
  CHECK(kikv_errcode(db) == KIKV_OK);

  CHECK(kikv_column_int64(st, 1) == 87);
  CHECK(kikv_column_double(st, 1) == 87.0);
  CHECK(str_eq(kikv_column_datatype(st, 1), XSD "integer"));

  CHECK_RC(kikv_column_date(st, 2, &y, &m, &d), KIKV_OK);
  CHECK(y == 1937 && m == 5 && d == 4);
  CHECK(str_eq(kikv_column_text(st, 2), "1937-05-04"));

  CHECK(kikv_column_double(st, 3) == 61.5);
  CHECK(kikv_column_int64(st, 3) == 61); /* truncated */
  CHECK(str_eq(kikv_column_datatype(st, 3), XSD "decimal"));
  CHECK(kikv_column_double(st, 4) == 2.5);
  CHECK(str_eq(kikv_column_datatype(st, 4), XSD "double"));
  CHECK(kikv_column_int64(st, 5) == 1);
  CHECK(str_eq(kikv_column_text(st, 5), "true"));

  CHECK(str_eq(kikv_column_text(st, 6), "Anna de V."));
  CHECK(str_eq(kikv_column_lang(st, 6), "nl"));
  CHECK(str_eq(kikv_column_datatype(st, 6), "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"));

  /* beyond 64 bits: nearest int64 and KIKV_RANGE */
  CHECK(kikv_column_int64(st, 7) == INT64_MAX);
  CHECK(kikv_errcode(db) == KIKV_RANGE);
  CHECK(kikv_column_double(st, 7) > 1.2e29);
  CHECK(str_eq(kikv_column_text(st, 7), "123456789012345678901234567890"));

  /* ill-typed integer: the text is there, the number is not */
  CHECK(str_eq(kikv_column_text(st, 8), "abc"));
  CHECK(kikv_column_int64(st, 8) == 0);
  CHECK(kikv_errcode(db) == KIKV_TYPE);
  CHECK(kikv_column_date(st, 8, &y, &m, &d) == KIKV_TYPE);
  CHECK(y == 0 && m == 0 && d == 0);

  CHECK(kikv_column_type(st, 9) == KIKV_BNODE);
  CHECK(kikv_column_text(st, 9) != NULL && kikv_column_bytes(st, 9) > 0);
  CHECK(kikv_column_datatype(st, 9) == NULL);
  CHECK(kikv_column_int64(st, 9) == 0);
  CHECK(kikv_errcode(db) == KIKV_TYPE);

  CHECK(kikv_column_type(st, 10) == KIKV_UNBOUND);
  CHECK(kikv_column_text(st, 10) == NULL);
  CHECK(kikv_column_bytes(st, 10) == 0);
  CHECK(kikv_errcode(db) == KIKV_OK);

  /* column out of range */
  CHECK(kikv_column_type(st, 11) == KIKV_UNBOUND);
  CHECK(kikv_errcode(db) == KIKV_RANGE);
  CHECK(kikv_column_text(st, -1) == NULL);

  CHECK_RC(kikv_step(st), KIKV_DONE);
  CHECK(kikv_column_text(st, 0) == NULL); /* no row after DONE */
  CHECK(kikv_errcode(db) == KIKV_MISUSE);
  /* a step after DONE starts over (as SQLite) */
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK_RC(kikv_reset(st), KIKV_OK);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK(str_eq(kikv_column_text(st, 0), "Anna"));
  CHECK_RC(kikv_finalize(st), KIKV_OK);
  kikv_close(db);
}

static void test_text_with_special_bytes(void) {
  kikv_db* db = open_loaded();
  kikv_stmt* st = NULL;
  const char* data = NULL;
  int64_t bytes = 0;
  int rows = 0;
  CHECK_RC(kikv_prepare(db, "SELECT ?n WHERE { <" EX "bert> <" EX "name> ?n }", -1, &st), KIKV_OK);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK(kikv_column_bytes(st, 0) == 12);
  CHECK(memcmp(kikv_column_text(st, 0), "Bert\ttab\x1fsep", 12) == 0);
  kikv_reset(st);
  /* kikv_fetch escapes 0x1B..0x1F in payloads */
  CHECK_RC(kikv_fetch(st, 10, &data, &bytes, &rows), KIKV_DONE);
  CHECK(rows == 1);
  CHECK(bytes == 15 && memcmp(data, "sBert\ttab\x1b?sep\x1e", 15) == 0);
  kikv_finalize(st);
  kikv_close(db);
}

static void test_parameters(void) {
  kikv_db* db = open_loaded();
  kikv_stmt* st = NULL;
  int i_min, i_cls;
  CHECK_RC(kikv_prepare(db,
                        "PREFIX ex: <" EX "> SELECT ?c ?age WHERE { ?c a ?class ; ex:age ?age "
                        "FILTER(?age >= ?min) } ORDER BY ?c",
                        -1, &st),
           KIKV_OK);
  CHECK(kikv_bind_parameter_count(st) == 4);
  i_min = kikv_bind_parameter_index(st, "min");
  i_cls = kikv_bind_parameter_index(st, "?class");
  CHECK(i_min > 0 && i_cls > 0 && i_min != i_cls);
  CHECK(kikv_bind_parameter_index(st, "$min") == i_min);
  CHECK(str_eq(kikv_bind_parameter_name(st, i_min), "min"));
  CHECK(kikv_bind_parameter_name(st, 0) == NULL);
  CHECK(kikv_bind_parameter_name(st, 99) == NULL);

  /* unbound parameters are ordinary variables: ?min unbound → FILTER error → no rows */
  CHECK(count_rows(st) == 0);

  CHECK_RC(kikv_bind_iri(st, i_cls, EX "Client"), KIKV_OK);
  CHECK_RC(kikv_bind_int64(st, i_min, 80), KIKV_OK);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK(str_eq(kikv_column_text(st, 0), EX "anna"));
  /* binding while running is misuse */
  CHECK_RC(kikv_bind_int64(st, i_min, 1), KIKV_MISUSE);
  CHECK_RC(kikv_clear_bindings(st), KIKV_MISUSE);
  CHECK_RC(kikv_step(st), KIKV_DONE);

  /* rebinding after DONE takes effect at the next step */
  CHECK_RC(kikv_bind_int64(st, i_min, 70), KIKV_OK);
  CHECK(count_rows(st) == 2);
  CHECK_RC(kikv_bind_decimal(st, i_min, "72.5"), KIKV_OK);
  CHECK(count_rows(st) == 1);
  CHECK_RC(kikv_bind_double(st, i_min, 71.9), KIKV_OK);
  CHECK(count_rows(st) == 2);
  CHECK_RC(kikv_bind_literal(st, i_min, "72", -1, XSD "int"), KIKV_OK);
  CHECK(count_rows(st) == 2);
  /* a string does not compare with integers: FILTER error, no rows */
  CHECK_RC(kikv_bind_string(st, i_min, "72", -1), KIKV_OK);
  CHECK(count_rows(st) == 0);
  CHECK_RC(kikv_bind_unbound(st, i_min), KIKV_OK);
  CHECK(count_rows(st) == 0);
  CHECK_RC(kikv_bind_int64(st, i_min, 0), KIKV_OK);
  CHECK(count_rows(st) == 2);
  CHECK_RC(kikv_clear_bindings(st), KIKV_OK);
  CHECK(count_rows(st) == 0);

  /* wrong index / name */
  CHECK(kikv_bind_parameter_index(st, "peildatum") == 0);
  CHECK(kikv_errcode(db) == KIKV_NOTFOUND);
  CHECK_RC(kikv_bind_date(st, kikv_bind_parameter_index(st, "peildatum"), 2024, 1, 1), KIKV_NOTFOUND);
  CHECK(strstr(kikv_errmsg(db), "peildatum") != NULL);
  CHECK_RC(kikv_bind_int64(st, 5, 1), KIKV_RANGE);
  CHECK_RC(kikv_bind_int64(st, -1, 1), KIKV_RANGE);
  CHECK(kikv_bind_parameter_index(st, NULL) == 0);
  CHECK(kikv_errcode(db) == KIKV_MISUSE);

  /* bad values */
  CHECK_RC(kikv_bind_iri(st, i_cls, NULL), KIKV_MISUSE);
  CHECK_RC(kikv_bind_iri(st, i_cls, "has space"), KIKV_SYNTAX);
  CHECK_RC(kikv_bind_iri(st, i_cls, ""), KIKV_SYNTAX);
  CHECK_RC(kikv_bind_string(st, i_min, "\xff\xfe", -1), KIKV_SYNTAX);
  CHECK_RC(kikv_bind_string(st, i_min, "\xc0\xaf", -1), KIKV_SYNTAX);       /* overlong '/' */
  CHECK_RC(kikv_bind_string(st, i_min, "\xed\xa0\x80", -1), KIKV_SYNTAX);   /* surrogate */
  CHECK_RC(kikv_bind_string(st, i_min, "caf\xc3", -1), KIKV_SYNTAX);        /* truncated */
  CHECK_RC(kikv_bind_string(st, i_min, "caf\xc3\xa9", -1), KIKV_OK);
  CHECK_RC(kikv_bind_string(st, i_min, "a\0b", 3), KIKV_OK);
  CHECK_RC(kikv_bind_string(st, i_min, "x", -2), KIKV_RANGE);
  CHECK_RC(kikv_bind_lang_string(st, i_min, "hallo", -1, "nl-NL"), KIKV_OK);
  CHECK_RC(kikv_bind_lang_string(st, i_min, "hallo", -1, "n l"), KIKV_SYNTAX);
  CHECK_RC(kikv_bind_lang_string(st, i_min, "hallo", -1, ""), KIKV_SYNTAX);
  CHECK_RC(kikv_bind_lang_string(st, i_min, "hallo", -1, NULL), KIKV_MISUSE);
  CHECK_RC(kikv_bind_literal(st, i_min, "x", -1, "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"),
           KIKV_TYPE);
  CHECK_RC(kikv_bind_decimal(st, i_min, "1.2.3"), KIKV_SYNTAX);
  CHECK_RC(kikv_bind_decimal(st, i_min, NULL), KIKV_MISUSE);
  CHECK_RC(kikv_bind_date(st, i_min, 2023, 2, 29), KIKV_SYNTAX);
  CHECK_RC(kikv_bind_date(st, i_min, 2024, 2, 29), KIKV_OK);
  CHECK_RC(kikv_bind_date(st, i_min, 0, 1, 1), KIKV_SYNTAX);
  CHECK_RC(kikv_bind_date(st, i_min, 2024, 13, 1), KIKV_SYNTAX);
  CHECK_RC(kikv_bind_bool(st, i_min, 1), KIKV_OK);
  kikv_finalize(st);

  /* a variable the query assigns cannot be a parameter */
  CHECK_RC(kikv_prepare(db, "SELECT ?y WHERE { BIND(1 AS ?y) }", -1, &st), KIKV_OK);
  CHECK_RC(kikv_bind_int64(st, kikv_bind_parameter_index(st, "y"), 2), KIKV_MISUSE);
  CHECK(strstr(kikv_errmsg(db), "BIND") != NULL);
  CHECK(count_rows(st) == 1);
  kikv_finalize(st);

  /* a projected parameter stays a column; parameters reach into sub-SELECTs */
  CHECK_RC(kikv_prepare(db,
                        "PREFIX ex: <" EX "> SELECT ?peildatum ?n WHERE { { SELECT (COUNT(*) AS ?n) "
                        "WHERE { ?c ex:born ?b FILTER(?b < ?peildatum) } } }",
                        -1, &st),
           KIKV_OK);
  CHECK_RC(kikv_bind_date(st, kikv_bind_parameter_index(st, "peildatum"), 1937, 5, 4), KIKV_OK);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK(str_eq(kikv_column_text(st, 0), "1937-05-04"));
  CHECK(kikv_column_int64(st, 1) == 0);
  kikv_reset(st);
  CHECK_RC(kikv_bind_date(st, kikv_bind_parameter_index(st, "peildatum"), 1937, 5, 5), KIKV_OK);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK(kikv_column_int64(st, 1) == 1);
  kikv_finalize(st);
  kikv_close(db);
}

static void test_ask_construct_describe(void) {
  kikv_db* db = open_loaded();
  kikv_stmt* st = NULL;
  int n = 0;
  CHECK_RC(kikv_prepare(db, "ASK { ?c <" EX "age> ?a FILTER(?a > ?limit) }", -1, &st), KIKV_OK);
  CHECK(kikv_stmt_form(st) == KIKV_FORM_ASK);
  CHECK(kikv_column_count(st) == 1);
  CHECK(str_eq(kikv_column_name(st, 0), "ask"));
  CHECK_RC(kikv_bind_int64(st, kikv_bind_parameter_index(st, "limit"), 80), KIKV_OK);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK(kikv_column_int64(st, 0) == 1);
  CHECK(str_eq(kikv_column_datatype(st, 0), XSD "boolean"));
  CHECK_RC(kikv_step(st), KIKV_DONE);
  CHECK_RC(kikv_bind_int64(st, kikv_bind_parameter_index(st, "limit"), 90), KIKV_OK);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK(str_eq(kikv_column_text(st, 0), "false"));
  kikv_finalize(st);

  CHECK_RC(kikv_prepare(db, "CONSTRUCT { ?c <" EX "older> true } WHERE { ?c <" EX "age> ?a FILTER(?a > 80) }", -1,
                        &st),
           KIKV_OK);
  CHECK(kikv_stmt_form(st) == KIKV_FORM_CONSTRUCT);
  CHECK(kikv_column_count(st) == 3);
  CHECK(str_eq(kikv_column_name(st, 0), "subject") && str_eq(kikv_column_name(st, 1), "predicate") &&
        str_eq(kikv_column_name(st, 2), "object"));
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK(str_eq(kikv_column_text(st, 0), EX "anna"));
  CHECK(kikv_column_type(st, 1) == KIKV_IRI);
  CHECK(kikv_column_int64(st, 2) == 1);
  CHECK_RC(kikv_step(st), KIKV_DONE);
  kikv_finalize(st);

  CHECK_RC(kikv_prepare(db, "DESCRIBE <" EX "bert>", -1, &st), KIKV_OK);
  CHECK(kikv_stmt_form(st) == KIKV_FORM_DESCRIBE);
  while (kikv_step(st) == KIKV_ROW) {
    CHECK(str_eq(kikv_column_text(st, 0), EX "bert"));
    n++;
  }
  CHECK(n == 3);
  kikv_finalize(st);
  kikv_close(db);
}

static void test_fetch(void) {
  kikv_db* db = open_loaded();
  kikv_stmt* st = NULL;
  const char* data = NULL;
  int64_t bytes = 0;
  int rows = 0, total = 0, rc;
  static const char expect[] =
      "sAnna\x1fi87\x1f" "D1937-05-04\x1f" "d61.5\x1f" "f2.5e0\x1f" "btrue\x1fLnl\x1d" "Anna de V.\x1f"
      "i123456789012345678901234567890\x1fThttp://www.w3.org/2001/XMLSchema#integer\x1d" "abc\x1f\x1e";
  CHECK_RC(kikv_prepare(db,
                        "PREFIX ex: <" EX "> SELECT ?name ?age ?born ?weight ?score ?active ?label ?huge ?odd "
                        "?none WHERE { ex:anna ex:name ?name ; ex:age ?age ; ex:born ?born ; "
                        "ex:weight ?weight ; ex:score ?score ; ex:active ?active ; ex:label ?label ; "
                        "ex:huge ?huge ; ex:odd ?odd OPTIONAL { ?x ex:none ?none } }",
                        -1, &st),
           KIKV_OK);
  CHECK_RC(kikv_fetch(st, 5, &data, &bytes, &rows), KIKV_DONE);
  CHECK(rows == 1);
  CHECK(bytes == (int64_t)sizeof expect - 1);
  CHECK(data && memcmp(data, expect, sizeof expect - 1) == 0);
  CHECK(kikv_column_text(st, 0) == NULL); /* no current row after a fetch */
  CHECK_RC(kikv_fetch(st, 0, &data, &bytes, &rows), KIKV_RANGE);
  CHECK_RC(kikv_fetch(st, 1, NULL, &bytes, &rows), KIKV_MISUSE);
  kikv_finalize(st);

  /* batches: the 4 quads of ex:bert and _:f, 2 at a time */
  CHECK_RC(kikv_prepare(db, "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(?s != <" EX "anna>) }", -1, &st), KIKV_OK);
  while ((rc = kikv_fetch(st, 2, &data, &bytes, &rows)) == KIKV_ROW) {
    CHECK(rows == 2);
    total += rows;
  }
  CHECK_RC(rc, KIKV_DONE);
  total += rows;
  CHECK(total == 4);
  kikv_finalize(st);
  kikv_close(db);
}

static void test_bad_queries(void) {
  kikv_db* db = open_loaded();
  kikv_stmt* st = (kikv_stmt*)&st; /* must be set to NULL on failure */
  int64_t line = -1, col = -1;
  CHECK_RC(kikv_prepare(db, "SELECT ?x WHERE {\n  ?x ?y }", -1, &st), KIKV_SYNTAX);
  CHECK(st == NULL);
  CHECK_RC(kikv_error_offset(db, &line, &col), KIKV_OK);
  CHECK(line == 2 && col == 9);
  CHECK(strstr(kikv_errmsg(db), "2:9") != NULL);
  CHECK_RC(kikv_error_offset(NULL, &line, &col), KIKV_MISUSE);

  CHECK_RC(kikv_prepare(db, "SELECT * WHERE { ?s ?p \"\xff\" }", -1, &st), KIKV_SYNTAX);
  CHECK(strstr(kikv_errmsg(db), "UTF-8") != NULL);
  CHECK_RC(kikv_error_offset(db, &line, &col), KIKV_NOTFOUND);
  CHECK(line == 0 && col == 0);
  CHECK_RC(kikv_prepare(db, "INSERT DATA { <a:b> <a:c> <a:d> }", -1, &st), KIKV_SYNTAX);
  CHECK(strstr(kikv_errmsg(db), "Update") != NULL);
  CHECK_RC(kikv_prepare(db, NULL, -1, &st), KIKV_MISUSE);
  CHECK_RC(kikv_prepare(db, "ASK {}", -1, NULL), KIKV_MISUSE);
  CHECK_RC(kikv_prepare(db, "ASK {}", -5, &st), KIKV_RANGE);
  /* length-limited text */
  CHECK_RC(kikv_prepare(db, "ASK {} garbage", 6, &st), KIKV_OK);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  kikv_finalize(st);

  /* evaluation errors come from kikv_step */
  CHECK_RC(kikv_prepare(db, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", -1, &st),
           KIKV_OK);
  CHECK(kikv_step(st) != KIKV_ROW);
  CHECK(kikv_errcode(db) != KIKV_OK);
  kikv_finalize(st);
  kikv_close(db);
}

static void test_finalized_and_closed(void) {
  kikv_db* db = open_loaded();
  kikv_stmt *st = NULL, *st2 = NULL;
  CHECK_RC(kikv_prepare(db, "SELECT * WHERE { ?s ?p ?o }", -1, &st), KIKV_OK);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  /* the store cannot change under a running statement */
  CHECK_RC(kikv_load_string(db, "<a:x> <a:y> <a:z> .", -1, KIKV_FORMAT_TURTLE, NULL, NULL), KIKV_BUSY);
  CHECK(strstr(kikv_errmsg(db), "running") != NULL);
  CHECK_RC(kikv_reset(st), KIKV_OK);
  CHECK_RC(kikv_load_string(db, "<a:x> <a:y> <a:z> .", -1, KIKV_FORMAT_TURTLE, NULL, NULL), KIKV_OK);
  CHECK_RC(kikv_finalize(st), KIKV_OK);
  /* a finalized statement is detected while its store is open */
  CHECK_RC(kikv_step(st), KIKV_MISUSE);
  CHECK_RC(kikv_reset(st), KIKV_MISUSE);
  CHECK_RC(kikv_finalize(st), KIKV_MISUSE);
  CHECK_RC(kikv_bind_int64(st, 1, 1), KIKV_MISUSE);
  CHECK(kikv_column_text(st, 0) == NULL);
  CHECK(kikv_column_count(st) == 0);
  CHECK(kikv_db_handle(st) == NULL);

  /* closing with open statements: they stay valid for kikv_finalize only */
  CHECK_RC(kikv_prepare(db, "SELECT * WHERE { ?s ?p ?o }", -1, &st), KIKV_OK);
  CHECK_RC(kikv_prepare(db, "ASK { ?s ?p ?o }", -1, &st2), KIKV_OK);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK_RC(kikv_close(db), KIKV_OK);
  CHECK_RC(kikv_close(db), KIKV_MISUSE);
  CHECK_RC(kikv_step(st), KIKV_MISUSE);
  CHECK(kikv_column_text(st, 0) == NULL);
  CHECK_RC(kikv_step(st2), KIKV_MISUSE);
  {
    kikv_stmt* none = (kikv_stmt*)&none;
    CHECK_RC(kikv_prepare(db, "ASK {}", -1, &none), KIKV_MISUSE);
    CHECK(none == NULL);
  }
  CHECK_RC(kikv_finalize(st), KIKV_OK);
  CHECK_RC(kikv_finalize(st2), KIKV_OK); /* the last one frees the store */
}

int main(void) {
  test_select_columns();
  test_text_with_special_bytes();
  test_parameters();
  test_ask_construct_describe();
  test_fetch();
  test_bad_queries();
  test_finalized_and_closed();
  return finish("capi stmt");
}
