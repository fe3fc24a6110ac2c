/* C99: transactions (undo log, exact rollback) and export (callback, file, graphs). */
#include "capi_test.h"

struct Buffer {
  char data[8192];
  size_t size;
  int calls;
  int refuse_after;
};

static int collect(void* user, const char* data, size_t n) {
  struct Buffer* b = (struct Buffer*)user;
  b->calls++;
  if (b->refuse_after && b->calls > b->refuse_after) return 42;
  if (b->size + n < sizeof b->data) {
    memcpy(b->data + b->size, data, n);
    b->size += n;
    b->data[b->size] = '\0';
  }
  return 0;
}

static struct Buffer export_nt(kikv_db* db, int format, const char* graph) {
  struct Buffer b;
  memset(&b, 0, sizeof b);
  CHECK_RC(kikv_export(db, format, graph, collect, &b), KIKV_OK);
  return b;
}

static void test_transactions(void) {
  kikv_db* db = NULL;
  kikv_stmt* st = NULL;
  struct Buffer before, after;
  CHECK_RC(kikv_open(NULL, 0, &db), KIKV_OK);
  CHECK_RC(kikv_load_string(db, "<http://x/a> <http://x/p> \"1\" , \"en\"@EN-gb .", -1, KIKV_FORMAT_TURTLE, NULL, NULL),
           KIKV_OK);
  before = export_nt(db, KIKV_FORMAT_NQUADS, NULL);
  CHECK(kikv_in_transaction(db) == 0);
  CHECK_RC(kikv_commit(db), KIKV_MISUSE);
  CHECK_RC(kikv_rollback(db), KIKV_MISUSE);

  /* rollback restores exactly: new quads, new terms, named graphs, blank nodes, and quads that
  ** were there already stay */
  CHECK_RC(kikv_begin(db), KIKV_OK);
  CHECK(kikv_in_transaction(db) == 1);
  CHECK_RC(kikv_begin(db), KIKV_MISUSE);
  CHECK_RC(kikv_load_string(db, "<http://x/a> <http://x/p> \"1\" , \"2\" , \"x\"@en-GB ; <http://x/q> _:b .", -1,
                            KIKV_FORMAT_TURTLE, NULL, NULL),
           KIKV_OK);
  CHECK_RC(kikv_load_string(db, "<http://x/g1> <http://x/p> <http://x/new> .", -1, KIKV_FORMAT_NTRIPLES, NULL,
                            "http://x/graph"),
           KIKV_OK);
  /* a failed load inside the transaction changes nothing */
  CHECK_RC(kikv_load_string(db, "<http://x/z> <http://x/p> \"open", -1, KIKV_FORMAT_TURTLE, NULL, NULL), KIKV_SYNTAX);
  CHECK(kikv_size(db) == 6);
  /* uncommitted changes are visible to queries */
  CHECK_RC(kikv_prepare(db, "ASK { GRAPH <http://x/graph> { ?s ?p <http://x/new> } }", -1, &st), KIKV_OK);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK(kikv_column_int64(st, 0) == 1);
  /* not while the statement runs */
  CHECK_RC(kikv_rollback(db), KIKV_BUSY);
  CHECK(kikv_in_transaction(db) == 1);
  CHECK_RC(kikv_reset(st), KIKV_OK);
  CHECK_RC(kikv_rollback(db), KIKV_OK);
  CHECK(kikv_in_transaction(db) == 0);
  CHECK(kikv_size(db) == 2);
  after = export_nt(db, KIKV_FORMAT_NQUADS, NULL);
  CHECK(before.size == after.size && strcmp(before.data, after.data) == 0);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK(kikv_column_int64(st, 0) == 0);
  kikv_reset(st);

  /* the same terms can be interned again after the rollback */
  CHECK_RC(kikv_begin(db), KIKV_OK);
  CHECK_RC(kikv_load_string(db, "<http://x/g1> <http://x/p> <http://x/new> .", -1, KIKV_FORMAT_NTRIPLES, NULL,
                            "http://x/graph"),
           KIKV_OK);
  CHECK_RC(kikv_commit(db), KIKV_OK);
  CHECK(kikv_size(db) == 3);
  CHECK_RC(kikv_step(st), KIKV_ROW);
  CHECK(kikv_column_int64(st, 0) == 1);
  kikv_finalize(st);

  /* committed changes survive a later rollback */
  CHECK_RC(kikv_begin(db), KIKV_OK);
  CHECK_RC(kikv_load_string(db, "<http://x/b> <http://x/p> 3 .", -1, KIKV_FORMAT_TURTLE, NULL, NULL), KIKV_OK);
  CHECK(kikv_size(db) == 4);
  CHECK_RC(kikv_rollback(db), KIKV_OK);
  CHECK(kikv_size(db) == 3);
  kikv_close(db);
}

static void test_export(void) {
  kikv_db* db = NULL;
  struct Buffer b;
  char path[128];
  FILE* f;
  CHECK_RC(kikv_open(NULL, 0, &db), KIKV_OK);
  CHECK_RC(kikv_load_string(db,
                            "<http://x/a> <http://x/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
                            "<http://x/a> <http://x/p> <http://x/b> <http://x/g> .\n",
                            -1, KIKV_FORMAT_NQUADS, NULL, NULL),
           KIKV_OK);
  b = export_nt(db, KIKV_FORMAT_NTRIPLES, NULL);
  CHECK(str_eq(b.data, "<http://x/a> <http://x/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"));
  b = export_nt(db, KIKV_FORMAT_NTRIPLES, "http://x/g");
  CHECK(str_eq(b.data, "<http://x/a> <http://x/p> <http://x/b> .\n"));
  b = export_nt(db, KIKV_FORMAT_NQUADS, NULL);
  CHECK(strstr(b.data, "<http://x/b> <http://x/g> .") != NULL);
  b = export_nt(db, KIKV_FORMAT_NTRIPLES, "http://x/no-such-graph");
  CHECK(b.size == 0);
  b = export_nt(db, KIKV_FORMAT_TURTLE, NULL);
  CHECK(strstr(b.data, "@prefix xsd:") != NULL);

  memset(&b, 0, sizeof b);
  b.refuse_after = -1; /* refuse at once */
  CHECK_RC(kikv_export(db, KIKV_FORMAT_NQUADS, NULL, collect, &b), KIKV_IO);
  CHECK(strstr(kikv_errmsg(db), "42") != NULL);
  CHECK_RC(kikv_export(db, KIKV_FORMAT_AUTO, NULL, collect, &b), KIKV_RANGE);
  CHECK_RC(kikv_export(db, 77, NULL, collect, &b), KIKV_RANGE);
  CHECK_RC(kikv_export(db, KIKV_FORMAT_NQUADS, NULL, NULL, NULL), KIKV_MISUSE);

  /* files */
  snprintf(path, sizeof path, "/tmp/kikv-export-%d.nq", rand());
  CHECK_RC(kikv_export_file(db, path, KIKV_FORMAT_AUTO, NULL), KIKV_OK);
  f = fopen(path, "r");
  CHECK(f != NULL);
  if (f) {
    char line[512];
    int n = 0;
    while (fgets(line, sizeof line, f)) n++;
    CHECK(n == 2);
    fclose(f);
  }
  {
    /* what was exported loads back to the same store */
    kikv_db* db2 = NULL;
    CHECK_RC(kikv_open(NULL, 0, &db2), KIKV_OK);
    CHECK_RC(kikv_load_file(db2, path, KIKV_FORMAT_AUTO, NULL, NULL), KIKV_OK);
    CHECK(kikv_size(db2) == 2);
    kikv_close(db2);
  }
  remove(path);
  CHECK_RC(kikv_export_file(db, "/tmp/x.unknown", KIKV_FORMAT_AUTO, NULL), KIKV_RANGE);
  CHECK_RC(kikv_export_file(db, "/nonexistent/dir/x.nt", KIKV_FORMAT_AUTO, NULL), KIKV_IO);
  CHECK(strstr(kikv_errmsg(db), "/nonexistent/dir/x.nt") != NULL);
  CHECK_RC(kikv_export_file(db, NULL, KIKV_FORMAT_AUTO, NULL), KIKV_MISUSE);
  kikv_close(db);
}

int main(void) {
  test_transactions();
  test_export();
  return finish("capi txn");
}
