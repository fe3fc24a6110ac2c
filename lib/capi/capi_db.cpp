// kikv_open/close, errors and version.
#include <cstring>

#include "capi/guard.hpp"
#include "kikv_version.hpp"

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
  delete db;
  return KIKV_OK;
}

int kikv_errcode(kikv_db* db) { return db ? db->errcode : KIKV_MISUSE; }

const char* kikv_errmsg(kikv_db* db) {
  if (!db) return "NULL database handle";
  return db->errcode == KIKV_OK ? "not an error" : db->errmsg.c_str();
}

int64_t kikv_size(kikv_db* db) { return db ? static_cast<int64_t>(db->store.size()) : -1; }

}  // extern "C"
