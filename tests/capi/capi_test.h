/* Shared by the C API tests (C99): a CHECK macro that counts failures, and helpers. */
#ifndef KIKV_CAPI_TEST_H
#define KIKV_CAPI_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kikv/kikv.h"

static int failures = 0;
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)
#define CHECK_RC(expr, want)                                                                   \
  do {                                                                                         \
    int rc_ = (expr);                                                                          \
    if (rc_ != (want)) {                                                                       \
      fprintf(stderr, "%s:%d: %s gave %d (%s), expected %d\n", __FILE__, __LINE__, #expr, rc_, \
              kikv_errstr(rc_), (want));                                                       \
      failures++;                                                                              \
    }                                                                                          \
  } while (0)

static inline int str_eq(const char* a, const char* b) { return a && b && strcmp(a, b) == 0; }

static inline int finish(const char* name) {
  if (failures) {
    fprintf(stderr, "%s: %d check(s) failed\n", name, failures);
    return 1;
  }
  printf("%s: all checks passed\n", name);
  return 0;
}

#endif
