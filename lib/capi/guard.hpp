// Every extern "C" function runs its body through guard(): exceptions become result codes and
// messages on the handle, so none crosses the C boundary.
#pragma once

#include <new>

#include "capi/db.hpp"
#include "rdf/error.hpp"

namespace kikv::capi {

inline int set_error(kikv_db* db, int code, std::string message) {
  if (db) {
    db->errcode = code;
    db->errmsg = std::move(message);
  }
  return code;
}

inline int set_ok(kikv_db* db) {
  if (db) {
    db->errcode = KIKV_OK;
    db->errmsg.clear();
  }
  return KIKV_OK;
}

/// Runs `body` (returning a result code) and converts any exception into a code on `db`.
template <typename Body>
int guard(kikv_db* db, Body&& body) noexcept {
  try {
    const int rc = body();
    if (rc == KIKV_OK) set_ok(db);
    return rc;
  } catch (const kikv::Error& e) {
    return set_error(db, static_cast<int>(e.code()), e.what());
  } catch (const std::bad_alloc&) {
    return set_error(db, KIKV_NOMEM, "out of memory");
  } catch (const std::exception& e) {
    return set_error(db, KIKV_ERROR, e.what());
  } catch (...) {
    return set_error(db, KIKV_ERROR, "unknown error");
  }
}

}  // namespace kikv::capi
