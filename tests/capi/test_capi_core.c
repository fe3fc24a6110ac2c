/* C99 test of the core C API: open/close, loading, sizes, errors, version. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kikv/kikv.h"

static int failures = 0;
#define CHECK(cond)                                                        \
  do {                                                                     \
    if (!(cond)) {                                                         \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                          \
    }                                                                      \
  } while (0)

static const char* kTurtle =
    "@prefix ex: <http://example.org/> .\n"
    "ex:a ex:p 1 , 2 ; ex:q \"x\"@nl .\n";

int main(void) {
  kikv_db* db = NULL;
  char path[256];
  FILE* f;
  int rc;

  /* version */
  CHECK(strcmp(kikv_version(), KIKV_VERSION) == 0);
  CHECK(kikv_libversion_number() == KIKV_VERSION_NUMBER);
  CHECK(strcmp(kikv_errstr(KIKV_SYNTAX), "syntax error") == 0);
  CHECK(kikv_errstr(12345) != NULL);

  /* NULL handles are misuse, never a crash */
  CHECK(kikv_open(NULL, 0, NULL) == KIKV_MISUSE);
  CHECK(kikv_close(NULL) == KIKV_OK);
  CHECK(kikv_errcode(NULL) == KIKV_MISUSE);
  CHECK(kikv_errmsg(NULL) != NULL);
  CHECK(kikv_size(NULL) == -1);
  CHECK(kikv_load_string(NULL, kTurtle, -1, KIKV_FORMAT_TURTLE, NULL, NULL) == KIKV_MISUSE);
  CHECK(kikv_load_file(NULL, "x.ttl", 0, NULL, NULL) == KIKV_MISUSE);

  /* persistent stores are not there yet: clear error, handle still usable for errmsg */
  rc = kikv_open("/tmp/some-store", KIKV_OPEN_CREATE, &db);
  CHECK(rc == KIKV_UNSUPPORTED);
  CHECK(db != NULL);
  CHECK(strstr(kikv_errmsg(db), "/tmp/some-store") != NULL);
  kikv_close(db);

  /* in-memory store */
  db = NULL;
  CHECK(kikv_open(NULL, 0, &db) == KIKV_OK);
  CHECK(db != NULL);
  CHECK(kikv_size(db) == 0);
  CHECK(kikv_errcode(db) == KIKV_OK);

  CHECK(kikv_load_string(db, kTurtle, -1, KIKV_FORMAT_TURTLE, NULL, NULL) == KIKV_OK);
  CHECK(kikv_size(db) == 3);
  /* length-limited input: only the first statement line */
  CHECK(kikv_load_string(db, "<http://s> <http://p> <http://o> .<garbage", 34, KIKV_FORMAT_NTRIPLES,
                         NULL, NULL) == KIKV_OK);
  CHECK(kikv_size(db) == 4);
  /* into a named graph */
  CHECK(kikv_load_string(db, "<http://s> <http://p> <http://o> .", -1, KIKV_FORMAT_NTRIPLES, NULL,
                         "http://example.org/g") == KIKV_OK);
  CHECK(kikv_size(db) == 5);

  /* syntax error: code, position in the message, store unchanged */
  rc = kikv_load_string(db, "@prefix ex: <http://example.org/> .\nex:b ex:p 3 .\nex:c ex:p \"open .\n",
                        -1, KIKV_FORMAT_TURTLE, NULL, NULL);
  CHECK(rc == KIKV_SYNTAX);
  CHECK(kikv_errcode(db) == KIKV_SYNTAX);
  CHECK(strstr(kikv_errmsg(db), "string:3:") != NULL);
  CHECK(kikv_size(db) == 5);

  /* a successful call resets the error */
  CHECK(kikv_load_string(db, "", -1, KIKV_FORMAT_TURTLE, NULL, NULL) == KIKV_OK);
  CHECK(kikv_errcode(db) == KIKV_OK);

  /* files: missing, bad format code, good file */
  CHECK(kikv_load_file(db, "/nonexistent/data.ttl", KIKV_FORMAT_AUTO, NULL, NULL) == KIKV_IO);
  CHECK(strstr(kikv_errmsg(db), "/nonexistent/data.ttl") != NULL);
  CHECK(kikv_load_file(db, "data.unknown", KIKV_FORMAT_AUTO, NULL, NULL) == KIKV_RANGE);
  CHECK(kikv_load_file(db, "x.ttl", 99, NULL, NULL) == KIKV_RANGE);
  CHECK(kikv_load_file(db, NULL, 0, NULL, NULL) == KIKV_MISUSE);
  CHECK(kikv_load_string(db, NULL, -1, 0, NULL, NULL) == KIKV_MISUSE);

  snprintf(path, sizeof path, "/tmp/kikv-capi-%ld.nt", (long)rand());
  f = fopen(path, "w");
  CHECK(f != NULL);
  if (f) {
    fputs("<http://x/a> <http://x/b> \"1\" .\n<http://x/a> <http://x/b> \"2\" .\n", f);
    fclose(f);
    CHECK(kikv_load_file(db, path, KIKV_FORMAT_AUTO, NULL, NULL) == KIKV_OK);
    CHECK(kikv_size(db) == 7);
    remove(path);
  }

  CHECK(kikv_close(db) == KIKV_OK);

  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("capi core: all checks passed\n");
  return 0;
}
