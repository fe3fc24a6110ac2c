/* C99 + POSIX threads: kikv_interrupt from another thread, per-statement timeouts, detection of
** one handle used from two threads at once, and independent handles on separate threads. */
#include <pthread.h>
#include <time.h>

#include "capi_test.h"

/* A cross product of N subjects three times over: N^3 rows to count, far too many to finish. */
#define N 2000
static const char* kSlow = "SELECT (COUNT(*) AS ?n) WHERE { ?a <http://x/p> ?b . ?c <http://x/p> ?d . ?e <http://x/p> ?f }";

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_ms(long ms) {
  struct timespec ts;
  ts.tv_sec = ms / 1000;
  ts.tv_nsec = (ms % 1000) * 1000000L;
  nanosleep(&ts, NULL);
}

static kikv_db* open_generated(void) {
  kikv_db* db = NULL;
  char* data = malloc((size_t)N * 64);
  size_t len = 0;
  int i;
  for (i = 0; i < N; i++) len += (size_t)sprintf(data + len, "<http://x/s%d> <http://x/p> %d .\n", i, i);
  CHECK_RC(kikv_open(NULL, 0, &db), KIKV_OK);
  CHECK_RC(kikv_load_string(db, data, (int64_t)len, KIKV_FORMAT_TURTLE, NULL, NULL), KIKV_OK);
  free(data);
  return db;
}

struct Run {
  kikv_stmt* st;
  int rc;
  double seconds;
  volatile int started;
  pthread_mutex_t lock;
};

static void* step_thread(void* arg) {
  struct Run* r = (struct Run*)arg;
  double t0;
  pthread_mutex_lock(&r->lock);
  r->started = 1;
  pthread_mutex_unlock(&r->lock);
  t0 = now();
  r->rc = kikv_step(r->st);
  r->seconds = now() - t0;
  return NULL;
}

static int started(struct Run* r) {
  int s;
  pthread_mutex_lock(&r->lock);
  s = r->started;
  pthread_mutex_unlock(&r->lock);
  return s;
}

static void test_interrupt(void) {
  kikv_db* db = open_generated();
  kikv_stmt *other = NULL, *scratch = NULL;
  struct Run run;
  pthread_t t;
  memset(&run, 0, sizeof run);
  pthread_mutex_init(&run.lock, NULL);
  CHECK_RC(kikv_prepare(db, kSlow, -1, &run.st), KIKV_OK);
  CHECK_RC(kikv_prepare(db, "ASK { ?s ?p 5 }", -1, &other), KIKV_OK);
  /* an interrupt with nothing running does not touch the next statement */
  CHECK_RC(kikv_interrupt(db), KIKV_OK);

  pthread_create(&t, NULL, step_thread, &run);
  while (!started(&run)) sleep_ms(1);
  sleep_ms(200);
  /* the handle is busy on the other thread: calls are refused, nothing races */
  CHECK(kikv_size(db) == -1);
  CHECK_RC(kikv_prepare(db, "ASK {}", -1, &scratch), KIKV_MISUSE);
  CHECK(scratch == NULL);
  CHECK_RC(kikv_step(other), KIKV_MISUSE);
  CHECK_RC(kikv_load_string(db, "", -1, KIKV_FORMAT_TURTLE, NULL, NULL), KIKV_MISUSE);
  CHECK(kikv_column_count(run.st) == 0);
  CHECK(kikv_errcode(db) == KIKV_MISUSE);
  CHECK(strstr(kikv_errmsg(db), "another thread") != NULL);
  CHECK_RC(kikv_close(db), KIKV_MISUSE);

  CHECK_RC(kikv_interrupt(db), KIKV_OK);
  pthread_join(t, NULL);
  CHECK_RC(run.rc, KIKV_INTERRUPT);
  CHECK(run.seconds < 5.0);
  CHECK(strstr(kikv_errmsg(db), "interrupted") != NULL);

  /* afterwards statements run normally again */
  CHECK_RC(kikv_step(other), KIKV_ROW);
  CHECK(kikv_column_int64(other, 0) == 1);
  kikv_finalize(other);
  kikv_finalize(run.st);
  pthread_mutex_destroy(&run.lock);
  kikv_close(db);
}

static void test_timeout(void) {
  kikv_db* db = open_generated();
  kikv_stmt* st = NULL;
  double t0;
  int rc;
  CHECK_RC(kikv_prepare(db, kSlow, -1, &st), KIKV_OK);
  CHECK_RC(kikv_stmt_set_timeout(st, -1), KIKV_RANGE);
  CHECK_RC(kikv_stmt_set_timeout(st, 150), KIKV_OK);
  t0 = now();
  rc = kikv_step(st);
  CHECK_RC(rc, KIKV_INTERRUPT);
  CHECK(now() - t0 < 5.0);
  CHECK(strstr(kikv_errmsg(db), "timed out") != NULL);
  /* the statement was reset by the error and can run again, e.g. without a limit on a quick
  ** query */
  CHECK_RC(kikv_stmt_set_timeout(st, 0), KIKV_OK);
  kikv_finalize(st);
  kikv_close(db);
}

/* Several threads hammer one handle: each call either works or gives KIKV_MISUSE. */
struct Hammer {
  kikv_db* db;
  int ok, misuse, other;
};

static void* hammer_thread(void* arg) {
  struct Hammer* h = (struct Hammer*)arg;
  int i;
  for (i = 0; i < 300; i++) {
    kikv_stmt* st = NULL;
    int rc = kikv_prepare(h->db, "SELECT ?s WHERE { ?s <http://x/p> 7 }", -1, &st);
    if (rc == KIKV_OK) {
      while ((rc = kikv_step(st)) == KIKV_ROW) (void)kikv_column_text(st, 0);
      /* finalize may meet another thread too: retry until it is done */
      while (kikv_finalize(st) == KIKV_MISUSE) sleep_ms(0);
    }
    if (rc == KIKV_OK || rc == KIKV_DONE) h->ok++;
    else if (rc == KIKV_MISUSE) h->misuse++;
    else h->other++;
    (void)kikv_size(h->db);
  }
  return NULL;
}

static void test_one_handle_many_threads(void) {
  kikv_db* db = open_generated();
  struct Hammer h[4];
  pthread_t t[4];
  int i, ok = 0, other = 0;
  for (i = 0; i < 4; i++) {
    memset(&h[i], 0, sizeof h[i]);
    h[i].db = db;
    pthread_create(&t[i], NULL, hammer_thread, &h[i]);
  }
  for (i = 0; i < 4; i++) {
    pthread_join(t[i], NULL);
    ok += h[i].ok;
    other += h[i].other;
  }
  CHECK(ok > 0);
  CHECK(other == 0);
  CHECK(kikv_size(db) == N);
  kikv_close(db);
}

/* Separate handles on separate threads are independent. */
static void* own_handle_thread(void* arg) {
  int* result = (int*)arg;
  kikv_db* db = open_generated();
  kikv_stmt* st = NULL;
  int i;
  *result = 0;
  for (i = 0; i < 20; i++) {
    if (kikv_prepare(db, "SELECT (SUM(?o) AS ?sum) WHERE { ?s <http://x/p> ?o }", -1, &st) != KIKV_OK) return NULL;
    if (kikv_step(st) == KIKV_ROW && kikv_column_int64(st, 0) == (int64_t)N * (N - 1) / 2) ++*result;
    kikv_finalize(st);
  }
  kikv_close(db);
  return NULL;
}

static void test_handles_per_thread(void) {
  pthread_t t[3];
  int results[3], i;
  for (i = 0; i < 3; i++) pthread_create(&t[i], NULL, own_handle_thread, &results[i]);
  for (i = 0; i < 3; i++) {
    pthread_join(t[i], NULL);
    CHECK(results[i] == 20);
  }
}

int main(void) {
  test_interrupt();
  test_timeout();
  test_one_handle_many_threads();
  test_handles_per_thread();
  return finish("capi threads");
}
