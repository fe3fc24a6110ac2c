/* Example: the C API end to end. Loads RDF files, counts the Wlz indications running on a
** reference date (a query parameter), prints rows with typed column access, and shows how
** errors are reported. Build against an installed kikv:
**   cc -std=c99 zorg.c $(pkg-config --cflags --libs kikv)        or CMake: find_package(kikv)
**   ./a.out examples/data/zorgaanbieder-klein.ttl
*/
#include <stdio.h>
#include <string.h>

#include <kikv/kikv.h>

static const char* kQuery =
    "PREFIX onz-g:    <http://purl.org/ozo/onz-g#>\n"
    "PREFIX onz-zorg: <http://purl.org/ozo/onz-zorg#>\n"
    "SELECT ?client ?profiel ?start WHERE {\n"
    "  ?indicatie a onz-zorg:WlzIndicatie ; onz-g:isAbout ?client ;\n"
    "             onz-zorg:heeftZorgprofiel ?profiel ; onz-g:startDatum ?start .\n"
    "  FILTER(?start <= ?peildatum)\n"
    "} ORDER BY ?start\n";

int main(int argc, char** argv) {
  kikv_db* db = NULL;
  kikv_stmt* st = NULL;
  int rc, i, year, month, day, peil;
  int64_t line, column;

  if (strcmp(kikv_version(), KIKV_VERSION) != 0) fprintf(stderr, "warning: header and library versions differ\n");
  if (kikv_open(NULL, 0, &db) != KIKV_OK) {
    fprintf(stderr, "kikv_open: %s\n", kikv_errmsg(db));
    kikv_close(db); /* NULL-safe */
    return 1;
  }
  for (i = 1; i < argc; i++) {
    if (kikv_load_file(db, argv[i], KIKV_FORMAT_AUTO, NULL, NULL) != KIKV_OK) {
      fprintf(stderr, "%s\n", kikv_errmsg(db)); /* e.g. "zorg.ttl:12:7: expected ..." */
      kikv_close(db);
      return 1;
    }
  }
  printf("%lld statements loaded\n", (long long)kikv_size(db));

  rc = kikv_prepare(db, kQuery, -1, &st);
  peil = kikv_bind_parameter_index(st, "peildatum");
  for (year = 2023; rc == KIKV_OK && year <= 2024; year++) {
    rc = kikv_bind_date(st, peil, year, 1, 1); /* the statement is not running here */
    if (rc != KIKV_OK) break;
    printf("peildatum %d-01-01:\n", year);
    while ((rc = kikv_step(st)) == KIKV_ROW) {
      /* strings are valid until the next step/reset/finalize */
      kikv_column_date(st, 2, &i, &month, &day);
      printf("  %s  %s  since %04d-%02d-%02d\n", kikv_column_text(st, 0), kikv_column_text(st, 1), i, month, day);
    }
    if (rc == KIKV_DONE) rc = KIKV_OK; /* DONE ends the execution; the next step starts over */
  }
  if (rc != KIKV_OK) fprintf(stderr, "query failed: %s (%s)\n", kikv_errmsg(db), kikv_errstr(rc));
  kikv_finalize(st);

  /* A syntax error: the code, the message and the position. */
  rc = kikv_prepare(db, "SELECT ?x WHERE { ?x }", -1, &st);
  if (rc == KIKV_SYNTAX && kikv_error_offset(db, &line, &column) == KIKV_OK)
    printf("a malformed query: %s (line %lld, column %lld)\n", kikv_errstr(rc), (long long)line, (long long)column);
  kikv_finalize(st); /* st is NULL after a failed prepare: a no-op */

  kikv_close(db);
  return 0;
}
