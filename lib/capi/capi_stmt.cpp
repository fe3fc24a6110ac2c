// Statements: kikv_prepare, kikv_step, kikv_reset, kikv_finalize and statement properties.
#include <chrono>
#include <cstring>
#include <map>
#include <set>

#include "capi/guard.hpp"
#include "capi/statement.hpp"
#include "rdf/term_id.hpp"
#include "sparql/sparql.hpp"

using kikv::capi::Entry;
using kikv::capi::guard;
using kikv::capi::live;
using kikv::capi::set_error;
using kikv::capi::Statement;
using kikv::capi::stmt_guard;

namespace kikv::capi {

void stop(kikv_stmt& st) noexcept {
  Statement& s = *st.s;
  if (s.run) {
    s.run.reset();
    --st.db->running;
  }
  s.has_row = false;
  s.ask_answered = false;
  s.datatypes.clear();
}

namespace {

/// The query to run: the prepared one, or a copy with the bound parameters substituted
/// (made again only when the bindings changed).
const sparql::Query& query_to_run(Statement& s) {
  if (s.rebind) {
    std::map<std::string, rdf::Term> values;
    for (size_t i = 0; i < s.params.size(); ++i)
      if (s.params[i]) values.emplace(s.param_names[i], *s.params[i]);
    s.bound.reset();
    if (!values.empty()) {
      sparql::Query q;
      q.syntax = s.query.syntax;
      sparql::bind_parameters(q, values);
      s.bound = std::move(q);
    }
    s.rebind = false;
  }
  return s.bound ? *s.bound : s.query;
}

void start(kikv_stmt& st) {
  Statement& s = *st.s;
  kikv_db* db = st.db;
  const sparql::Query& q = query_to_run(s);
  sparql::ExecuteOptions options;
  options.interrupt = &db->interrupt;
  if (s.timeout_ms > 0) options.timeout = std::chrono::milliseconds(s.timeout_ms);
  // As SQLite: an interrupt lasts while statements run; the first one to start afterwards
  // clears it.
  if (db->running == 0) db->interrupt.store(false, std::memory_order_relaxed);
  s.run = std::make_unique<sparql::Execution>(db->store, q, options);
  ++db->running;
}

}  // namespace

int advance(kikv_stmt& st) {
  Statement& s = *st.s;
  try {
    if (!s.run) start(st);
    s.has_row = false;
    bool got = false;
    switch (s.run->form()) {
      case sparql::QueryForm::Select: got = s.run->next(s.row); break;
      case sparql::QueryForm::Ask:
        if (!s.ask_answered) {
          s.row.assign(1, rdf::make_boolean_id(s.run->ask()));
          s.ask_answered = got = true;
        }
        break;
      case sparql::QueryForm::Construct:
      case sparql::QueryForm::Describe:
        got = s.run->next_triple(s.triple);
        if (got) s.row.assign(s.triple.begin(), s.triple.end());
        break;
    }
    if (!got) {
      stop(st);
      return KIKV_DONE;
    }
    s.has_row = true;
    ++s.row_number;
    return KIKV_ROW;
  } catch (...) {
    stop(st);
    throw;
  }
}

int check_writable(kikv_db* db, const char* fn) {
  if (db->closed) return set_error(db, KIKV_MISUSE, std::string(fn) + ": the store was closed");
  if (db->running > 0)
    return set_error(db, KIKV_BUSY,
                     std::string(fn) + ": " + std::to_string(db->running) +
                         " statement(s) still running on this store; reset or finalize them first");
  return KIKV_OK;
}

bool valid_utf8(std::string_view text) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const unsigned c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int n;
    unsigned cp, min;
    if ((c & 0xE0) == 0xC0) n = 1, cp = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) n = 2, cp = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) n = 3, cp = c & 0x07, min = 0x10000;
    else return false;
    if (end - p <= n) return false;
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += n + 1;
  }
  return true;
}

}  // namespace kikv::capi

namespace {

/// Parameter names: every variable written in the query (sub-SELECTs included), in the order
/// of the variable table.
std::vector<std::string> parameter_names(const kikv::sparql::Query& q) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& v : q.vars.vars) {
    if (v.kind != kikv::sparql::VarKind::Named && v.kind != kikv::sparql::VarKind::Hidden) continue;
    const std::string& name = v.source_name.empty() ? v.name : v.source_name;
    if (seen.insert(name).second) out.push_back(name);
  }
  return out;
}

std::vector<std::string> column_names(const kikv::sparql::Query& q) {
  using kikv::sparql::QueryForm;
  switch (q.form) {
    case QueryForm::Ask: return {"ask"};
    case QueryForm::Construct:
    case QueryForm::Describe: return {"subject", "predicate", "object"};
    case QueryForm::Select: break;
  }
  std::vector<std::string> out;
  for (auto v : q.projection)
    out.push_back(q.vars[v].source_name.empty() ? q.vars.name(v) : q.vars[v].source_name);
  return out;
}

}  // namespace

extern "C" {

int kikv_prepare(kikv_db* db, const char* sparql, int64_t length, kikv_stmt** out) {
  if (out) *out = nullptr;
  if (!db) return KIKV_MISUSE;
  if (db->magic.load(std::memory_order_relaxed) != kikv::capi::kDbMagic) return KIKV_MISUSE;
  return guard(db, [&] {
    if (!sparql || !out) return set_error(db, KIKV_MISUSE, "kikv_prepare: NULL argument");
    if (length < -1) return set_error(db, KIKV_RANGE, "kikv_prepare: negative length");
    const std::string_view text(sparql, length == -1 ? std::strlen(sparql) : static_cast<size_t>(length));
    if (!kikv::capi::valid_utf8(text)) return set_error(db, KIKV_SYNTAX, "kikv_prepare: the query is not valid UTF-8");
    auto s = std::make_unique<Statement>();
    s->text.assign(text);
    s->query = kikv::sparql::parse_query(s->text);
    s->param_names = parameter_names(s->query);
    s->params.resize(s->param_names.size());
    s->columns = column_names(s->query);
    s->cells.resize(s->columns.size());
    // A finalized shell is reused; otherwise a new one joins the handle's list.
    kikv_stmt* st = nullptr;
    for (auto& shell : db->stmts)
      if (!shell->s) {
        st = shell.get();
        break;
      }
    if (!st) {
      db->stmts.push_back(std::make_unique<kikv_stmt>());
      st = db->stmts.back().get();
    }
    st->db = db;
    st->s = std::move(s);
    st->magic.store(kikv::capi::kStmtMagic, std::memory_order_relaxed);
    ++db->live_stmts;
    *out = st;
    return KIKV_OK;
  });
}

int kikv_finalize(kikv_stmt* st) {
  if (!st) return KIKV_OK;
  if (!live(st)) return KIKV_MISUSE;
  kikv_db* db = st->db;
  Entry entry(db);
  if (!entry.ok()) return KIKV_MISUSE;
  kikv::capi::stop(*st);
  st->magic.store(kikv::capi::kDeadMagic, std::memory_order_relaxed);
  st->s.reset();
  --db->live_stmts;
  if (db->closed) {
    if (db->live_stmts == 0) {
      entry.release();
      delete db;
    }
    return KIKV_OK;
  }
  kikv::capi::set_ok(db);
  return KIKV_OK;
}

int kikv_step(kikv_stmt* st) {
  int result = KIKV_MISUSE;
  const int rc = stmt_guard(st, "kikv_step", [&] {
    result = kikv::capi::advance(*st);
    return KIKV_OK;
  });
  return rc == KIKV_OK ? result : rc;
}

int kikv_reset(kikv_stmt* st) {
  return stmt_guard(st, "kikv_reset", [&] {
    kikv::capi::stop(*st);
    return KIKV_OK;
  });
}

kikv_db* kikv_db_handle(kikv_stmt* st) { return live(st) ? st->db : nullptr; }

const char* kikv_stmt_text(kikv_stmt* st) {
  const char* out = nullptr;
  stmt_guard(st, "kikv_stmt_text", [&] {
    out = st->s->text.c_str();
    return KIKV_OK;
  });
  return out;
}

int kikv_stmt_form(kikv_stmt* st) {
  int out = 0;
  stmt_guard(st, "kikv_stmt_form", [&] {
    switch (st->s->query.form) {
      case kikv::sparql::QueryForm::Select: out = KIKV_FORM_SELECT; break;
      case kikv::sparql::QueryForm::Construct: out = KIKV_FORM_CONSTRUCT; break;
      case kikv::sparql::QueryForm::Ask: out = KIKV_FORM_ASK; break;
      case kikv::sparql::QueryForm::Describe: out = KIKV_FORM_DESCRIBE; break;
    }
    return KIKV_OK;
  });
  return out;
}

int kikv_stmt_set_timeout(kikv_stmt* st, int64_t milliseconds) {
  return stmt_guard(st, "kikv_stmt_set_timeout", [&] {
    if (milliseconds < 0)
      return set_error(st->db, KIKV_RANGE, "kikv_stmt_set_timeout: negative timeout");
    st->s->timeout_ms = milliseconds;
    return KIKV_OK;
  });
}

}  // extern "C"
