// Statement internals shared by the capi_* files: starting and stopping executions, the current
// row, and checks common to the store-changing calls.
#pragma once

#include <string>
#include <string_view>

#include "capi/db.hpp"

namespace kikv::capi {

/// Ends the statement's execution, if any (the store may change again once none runs).
void stop(kikv_stmt& st) noexcept;

/// Advances to the next row: KIKV_ROW or KIKV_DONE; throws on failure (after stopping).
int advance(kikv_stmt& st);

/// For calls that change the store: KIKV_BUSY (recorded on `db`) while a statement of `db` is
/// running, KIKV_MISUSE for a closed handle, else KIKV_OK.
int check_writable(kikv_db* db, const char* fn);

/// Strict UTF-8 check (no overlong forms, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view text) noexcept;

}  // namespace kikv::capi
