// Every extern "C" function runs its body through guard(): exceptions become result codes and
// messages on the handle, so none crosses the C boundary. guard() also claims the handle for
// the calling thread (Entry), so that two threads using one kikv_db at once get KIKV_MISUSE
// instead of a data race.
#pragma once

#include <pthread.h>

#include <new>
#include <string>

#include "capi/db.hpp"
#include "rdf/error.hpp"

namespace kikv::capi {

inline int set_error(kikv_db* db, int code, std::string message) {
  if (db) {
    db->errcode = code;
    db->errmsg = std::move(message);
    db->err_line = db->err_column = 0;
  }
  return code;
}

inline int set_ok(kikv_db* db) {
  if (db && db->errcode != KIKV_OK) {
    db->errcode = KIKV_OK;
    db->errmsg.clear();
    db->err_line = db->err_column = 0;
  }
  return KIKV_OK;
}

/// A token for the calling thread (never 0): pthread_self(), which is cheaper here than a
/// thread_local (no __tls_get_addr from a shared library).
inline uintptr_t this_thread_token() noexcept { return static_cast<uintptr_t>(pthread_self()); }

/// Claims `db` for the calling thread for the duration of a call. Re-entrant on one thread (a
/// C API function may call another); a claim held by another thread fails (ok() == false).
class Entry {
 public:
  explicit Entry(kikv_db* db) noexcept : db_(db) {
    if (!db_) return;
    const uintptr_t me = this_thread_token();
    uintptr_t expected = 0;
    if (db_->owner.compare_exchange_strong(expected, me, std::memory_order_acquire)) {
      owns_ = true;
    } else if (expected != me) {
      db_ = nullptr;
    }
  }
  ~Entry() {
    if (owns_) db_->owner.store(0, std::memory_order_release);
  }
  Entry(const Entry&) = delete;
  Entry& operator=(const Entry&) = delete;

  /// False when another thread is inside a call on the handle (or the handle is NULL).
  bool ok() const noexcept { return db_ != nullptr; }
  /// Gives up the claim early (before the handle is freed).
  void release() noexcept {
    if (owns_) db_->owner.store(0, std::memory_order_release);
    owns_ = false;
  }

 private:
  kikv_db* db_;
  bool owns_ = false;
};

/// Runs `body` (returning a result code) and converts any exception into a code on `db`.
/// Returns KIKV_MISUSE, leaving the handle untouched, while another thread uses `db`.
template <typename Body>
int guard(kikv_db* db, Body&& body) noexcept {
  Entry entry(db);
  if (db && !entry.ok()) return KIKV_MISUSE;
  try {
    const int rc = body();
    if (rc == KIKV_OK) set_ok(db);
    return rc;
  } catch (const kikv::SyntaxError& e) {
    set_error(db, KIKV_SYNTAX, e.what());
    if (db) {
      db->err_line = static_cast<int64_t>(e.line());
      db->err_column = static_cast<int64_t>(e.column());
    }
    return KIKV_SYNTAX;
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

/// The live statement behind a handle, or nullptr (NULL, finalized, or its store closed).
inline kikv_stmt* live(kikv_stmt* st) noexcept {
  if (!st || st->magic.load(std::memory_order_relaxed) != kStmtMagic) return nullptr;
  return st;
}

/// guard() for a statement: KIKV_MISUSE for NULL or finalized statements and for statements
/// whose store was closed.
template <typename Body>
int stmt_guard(kikv_stmt* st, const char* fn, Body&& body) noexcept {
  if (!live(st)) return KIKV_MISUSE;
  kikv_db* db = st->db;
  return guard(db, [&]() -> int {
    if (db->closed) return set_error(db, KIKV_MISUSE, std::string(fn) + ": the store was closed");
    return body();
  });
}

/// For functions that return a value instead of a code (kikv_column_*): `fallback` on misuse;
/// errors are recorded on the handle as by guard().
template <typename T, typename Body>
T value_guard(kikv_stmt* st, T fallback, Body&& body) noexcept {
  if (!live(st)) return fallback;
  kikv_db* db = st->db;
  T out = fallback;
  guard(db, [&]() -> int {
    if (db->closed) return set_error(db, KIKV_MISUSE, "the store was closed");
    return body(out);
  });
  return out;
}

}  // namespace kikv::capi
