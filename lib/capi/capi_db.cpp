// kikv_open/close, errors, interrupt and version.
#include <cstring>

#include "capi/guard.hpp"
#include "capi/statement.hpp"
#include "kikv_version.hpp"

using kikv::capi::Entry;
using kikv::capi::guard;
using kikv::capi::set_error;

extern "C" {

const char* kikv_version(void) { return KIKV_ENGINE_VERSION; }

int kikv_libversion_number(void) { return KIKV_VERSION_NUMBER; }

const char* kikv_errstr(int rc) {
  switch (rc) {
    case KIKV_OK: return "not an error";
    case KIKV_ERROR: return "error";
    case KIKV_MISUSE: return "API misuse";
    case KIKV_NOMEM: return "out of memory";
    case KIKV_IO: return "I/O error";
    case KIKV_SYNTAX: return "syntax error";
    case KIKV_RANGE: return "out of range";
    case KIKV_NOTFOUND: return "not found";
    case KIKV_TYPE: return "wrong type";
    case KIKV_EVAL: return "evaluation error";
    case KIKV_INTERRUPT: return "interrupted";
    case KIKV_UNSUPPORTED: return "not supported";
    case KIKV_CORRUPT: return "corrupt data";
    case KIKV_BUSY: return "store in use by a running statement";
    case KIKV_ROW: return "another row available";
    case KIKV_DONE: return "no more rows available";
    default: return "unknown result code";
  }
}

int kikv_open(const char* path, int flags, kikv_db** out) {
  (void)flags;
  if (!out) return KIKV_MISUSE;
  *out = nullptr;
  kikv_db* db = new (std::nothrow) kikv_db;
  if (!db) return KIKV_NOMEM;
  *out = db;
  return guard(db, [&] {
    if (path && std::strcmp(path, ":memory:") != 0)
      return set_error(db, KIKV_UNSUPPORTED,
                       std::string("persistent stores are not available yet: ") + path);
    return KIKV_OK;
  });
}

int kikv_close(kikv_db* db) {
  if (!db) return KIKV_OK;
  if (db->magic.load(std::memory_order_relaxed) != kikv::capi::kDbMagic) return KIKV_MISUSE;
  Entry entry(db);
  if (!entry.ok()) return KIKV_MISUSE;
  db->magic.store(kikv::capi::kDeadMagic, std::memory_order_relaxed);
  if (db->live_stmts == 0) {
    entry.release();
    delete db;
    return KIKV_OK;
  }
  // Statements still open: stop them and leave the handle to the last kikv_finalize.
  for (auto& st : db->stmts)
    if (kikv::capi::live(st.get())) kikv::capi::stop(*st);
  db->closed = true;
  return KIKV_OK;
}

int kikv_errcode(kikv_db* db) {
  Entry entry(db);
  if (!entry.ok()) return KIKV_MISUSE;
  return db->errcode;
}

const char* kikv_errmsg(kikv_db* db) {
  if (!db) return "NULL database handle";
  Entry entry(db);
  if (!entry.ok()) return "the database handle is in use by another thread";
  return db->errcode == KIKV_OK ? "not an error" : db->errmsg.c_str();
}

int kikv_error_offset(kikv_db* db, int64_t* line, int64_t* column) {
  if (line) *line = 0;
  if (column) *column = 0;
  Entry entry(db);
  if (!entry.ok()) return KIKV_MISUSE;
  if (db->errcode != KIKV_SYNTAX || db->err_line == 0) return KIKV_NOTFOUND;
  if (line) *line = db->err_line;
  if (column) *column = db->err_column;
  return KIKV_OK;
}

int kikv_interrupt(kikv_db* db) {
  if (!db) return KIKV_MISUSE;
  db->interrupt.store(true, std::memory_order_relaxed);
  return KIKV_OK;
}

int64_t kikv_size(kikv_db* db) {
  Entry entry(db);
  if (!entry.ok()) return -1;
  return static_cast<int64_t>(db->store.size());
}

}  // extern "C"
