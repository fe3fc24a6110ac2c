// The objects behind the kikv_db and kikv_stmt handles.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "kikv/kikv.h"
#include "rdf/quad_store.hpp"
#include "rdf/term.hpp"
#include "sparql/algebra.hpp"
#include "sparql/execute.hpp"

namespace kikv::capi {
/// Values of the `magic` fields: a handle whose magic is not its kind's is closed or finalized.
inline constexpr uint32_t kDbMagic = 0x6b696b76;    // "kikv"
inline constexpr uint32_t kStmtMagic = 0x73746d74;  // "stmt"
inline constexpr uint32_t kDeadMagic = 0xdeadbeef;
}  // namespace kikv::capi

struct kikv_db {
  kikv::rdf::QuadStore store;
  int errcode = KIKV_OK;
  std::string errmsg;

  std::atomic<uint32_t> magic{kikv::capi::kDbMagic};
  /// The thread inside a call on this handle or one of its statements (0: none). Calls from a
  /// second thread meanwhile are refused with KIKV_MISUSE instead of racing (capi::Entry).
  std::atomic<uintptr_t> owner{0};
  /// Set by kikv_interrupt from any thread; read by running executions.
  std::atomic<bool> interrupt{false};
  /// Position of the last syntax error (0 = none).
  int64_t err_line = 0, err_column = 0;

  /// Every statement shell ever prepared on this handle. Finalized ones keep their memory (magic
  /// cleared) so that a late call on them is detected, and are reused by later prepares.
  std::vector<std::unique_ptr<kikv_stmt>> stmts;
  size_t live_stmts = 0;
  /// Statements with an execution in progress (stepped, not yet done or reset): while there are
  /// any, the store must not change.
  int running = 0;
  /// kikv_close was called while statements were still open: only kikv_finalize is accepted
  /// on them, and the last one frees the handle.
  bool closed = false;

  // Transaction state: the quads added since kikv_begin and the dictionary's state then.
  bool in_transaction = false;
  kikv::rdf::Dictionary::Mark txn_mark;
  std::vector<kikv::rdf::Quad> undo;
};

namespace kikv::capi {

/// Everything a live statement holds; freed by kikv_finalize (the kikv_stmt shell stays).
struct Statement {
  /// One result value's text forms, computed on first request for the current row.
  struct Cell {
    uint64_t text_row = 0, lang_row = 0;  ///< the row `text` / `lang` belong to (0: none)
    std::string text, lang;
    std::string text_scratch;  ///< for values formatted on the fly (inline literals, IRIs)
  };

  std::string text;
  kikv::sparql::Query query;                 ///< as prepared
  std::optional<kikv::sparql::Query> bound;  ///< with the bound parameters substituted
  bool rebind = false;                       ///< parameters changed since `bound` was made
  std::vector<std::string> param_names;      ///< index i-1 → name of parameter i
  std::vector<std::optional<kikv::rdf::Term>> params;
  std::string unknown_param;  ///< the last name kikv_bind_parameter_index did not find
  std::vector<std::string> columns;
  int64_t timeout_ms = 0;

  std::unique_ptr<kikv::sparql::Execution> run;  ///< the execution in progress, if any
  bool has_row = false;                          ///< a row is current (last step: KIKV_ROW)
  bool ask_answered = false;
  uint64_t row_number = 0;  ///< counts rows over the statement's life (cell cache key)
  std::vector<kikv::rdf::TermId> row;
  std::array<kikv::rdf::TermId, 3> triple{};
  std::vector<Cell> cells;
  /// Datatype IRIs of the current execution's literals, by id (node-stable strings).
  std::unordered_map<kikv::rdf::TermId, std::string> datatypes;
  std::string fetch_buffer;
};

}  // namespace kikv::capi

struct kikv_stmt {
  std::atomic<uint32_t> magic{kikv::capi::kStmtMagic};
  kikv_db* db = nullptr;
  std::unique_ptr<kikv::capi::Statement> s;
};
