// Result columns: kikv_column_* read the current row's term ids, converting to text or numbers
// only on request (cached per row).
#include <cmath>
#include <limits>

#include "capi/column.hpp"
#include "capi/guard.hpp"
#include "rdf/inline_literal.hpp"
#include "rdf/vocab.hpp"
#include "rdf/xsd.hpp"
#include "sparql/eval/value.hpp"

using kikv::capi::set_error;
using kikv::capi::Statement;
using kikv::capi::value_guard;
using kikv::rdf::IdTag;
using kikv::rdf::TermId;

namespace kikv::capi {

int column_error(kikv_stmt* st, int column, const char* fn) {
  Statement& s = *st->s;
  if (column < 0 || static_cast<size_t>(column) >= s.columns.size())
    return set_error(st->db, KIKV_RANGE,
                     std::string(fn) + ": column " + std::to_string(column) + " out of range (the result has " +
                         std::to_string(s.columns.size()) + ")");
  return set_error(st->db, KIKV_MISUSE, std::string(fn) + ": no current row (kikv_step gives one)");
}

std::optional<xsd::Temporal> date_value(const Statement& s, TermId id, std::string& scratch) {
  const IdTag tag = rdf::id_tag(id);
  if (tag == IdTag::Date || tag == IdTag::DateTime) return rdf::inline_temporal(id);
  const TermId dt = s.run->terms().datatype(id);
  if (dt == rdf::vocab::kXsdDate)
    return xsd::parse_temporal(xsd::TemporalKind::Date, s.run->terms().view(id, scratch));
  if (dt == rdf::vocab::kXsdDateTime)
    return xsd::parse_temporal(xsd::TemporalKind::DateTime, s.run->terms().view(id, scratch));
  return std::nullopt;
}

std::optional<bool> boolean_value(const Statement& s, TermId id, std::string& scratch) {
  if (rdf::id_tag(id) == IdTag::Boolean) return rdf::id_payload(id) != 0;
  if (rdf::is_literal(id) && s.run->terms().datatype(id) == rdf::vocab::kXsdBoolean)
    return xsd::parse_boolean(s.run->terms().view(id, scratch));
  return std::nullopt;
}

}  // namespace kikv::capi

namespace {

using kikv::capi::cell_text;
using kikv::capi::check_column;

TermId current(kikv_stmt* st, int column) { return st->s->row[static_cast<size_t>(column)]; }

}  // namespace

extern "C" {

int kikv_column_count(kikv_stmt* st) {
  return value_guard(st, 0, [&](int& out) {
    out = static_cast<int>(st->s->columns.size());
    return KIKV_OK;
  });
}

const char* kikv_column_name(kikv_stmt* st, int column) {
  return value_guard(st, static_cast<const char*>(nullptr), [&](const char*& out) {
    const auto& cols = st->s->columns;
    if (column < 0 || static_cast<size_t>(column) >= cols.size())
      return set_error(st->db, KIKV_RANGE, "kikv_column_name: column out of range");
    out = cols[static_cast<size_t>(column)].c_str();
    return KIKV_OK;
  });
}

int kikv_column_type(kikv_stmt* st, int column) {
  return value_guard(st, KIKV_UNBOUND, [&](int& out) {
    if (const int rc = check_column(st, column, "kikv_column_type")) return rc;
    const TermId id = current(st, column);
    if (id == kikv::rdf::kNoTerm) out = KIKV_UNBOUND;
    else if (kikv::rdf::is_iri(id)) out = KIKV_IRI;
    else if (kikv::rdf::is_blank(id)) out = KIKV_BNODE;
    else out = KIKV_LITERAL;
    return KIKV_OK;
  });
}

const char* kikv_column_text(kikv_stmt* st, int column) {
  return value_guard(st, static_cast<const char*>(nullptr), [&](const char*& out) {
    if (const int rc = check_column(st, column, "kikv_column_text")) return rc;
    if (current(st, column) == kikv::rdf::kNoTerm) return KIKV_OK;
    out = cell_text(*st->s, column).c_str();
    return KIKV_OK;
  });
}

int64_t kikv_column_bytes(kikv_stmt* st, int column) {
  return value_guard(st, int64_t{0}, [&](int64_t& out) {
    if (const int rc = check_column(st, column, "kikv_column_bytes")) return rc;
    out = static_cast<int64_t>(cell_text(*st->s, column).size());
    return KIKV_OK;
  });
}

const char* kikv_column_datatype(kikv_stmt* st, int column) {
  return value_guard(st, static_cast<const char*>(nullptr), [&](const char*& out) {
    if (const int rc = check_column(st, column, "kikv_column_datatype")) return rc;
    const TermId id = current(st, column);
    if (!kikv::rdf::is_literal(id)) return KIKV_OK;
    Statement& s = *st->s;
    const TermId dt = s.run->terms().datatype(id);
    auto [it, added] = s.datatypes.try_emplace(dt);
    if (added) s.run->terms().append_value(dt, it->second);
    out = it->second.c_str();
    return KIKV_OK;
  });
}

const char* kikv_column_lang(kikv_stmt* st, int column) {
  return value_guard(st, static_cast<const char*>(nullptr), [&](const char*& out) {
    if (const int rc = check_column(st, column, "kikv_column_lang")) return rc;
    const TermId id = current(st, column);
    if (!kikv::rdf::is_literal(id)) return KIKV_OK;
    Statement& s = *st->s;
    Statement::Cell& c = s.cells[static_cast<size_t>(column)];
    if (c.lang_row != s.row_number) {
      c.lang.assign(s.run->terms().lang(id));
      c.lang_row = s.row_number;
    }
    if (!c.lang.empty()) out = c.lang.c_str();
    return KIKV_OK;
  });
}

int64_t kikv_column_int64(kikv_stmt* st, int column) {
  return value_guard(st, int64_t{0}, [&](int64_t& out) {
    if (const int rc = check_column(st, column, "kikv_column_int64")) return rc;
    const TermId id = current(st, column);
    if (kikv::rdf::id_tag(id) == IdTag::Integer) {
      out = kikv::rdf::integer_id_value(id);
      return KIKV_OK;
    }
    Statement& s = *st->s;
    std::string scratch;
    if (auto b = kikv::capi::boolean_value(s, id, scratch)) {
      out = *b ? 1 : 0;
      return KIKV_OK;
    }
    auto n = id == kikv::rdf::kNoTerm ? std::nullopt : kikv::sparql::numeric_value(id, s.run->terms());
    if (!n) return set_error(st->db, KIKV_TYPE, "kikv_column_int64: the value is not a number");
    namespace xsd = kikv::rdf::xsd;
    using kikv::sparql::NumericType;
    constexpr int64_t lo = std::numeric_limits<int64_t>::min(), hi = std::numeric_limits<int64_t>::max();
    auto clamp128 = [&](xsd::int128_t v) {
      if (v < lo || v > hi) {
        out = v < 0 ? lo : hi;
        return set_error(st->db, KIKV_RANGE, "kikv_column_int64: the integer does not fit 64 bits");
      }
      out = static_cast<int64_t>(v);
      return KIKV_OK;
    };
    switch (n->type) {
      case NumericType::Integer: return clamp128(n->integer);
      case NumericType::Decimal: {
        xsd::int128_t units = n->decimal.units;
        for (int i = 0; i < n->decimal.scale; ++i) units /= 10;
        return clamp128(units);
      }
      case NumericType::Float:
      case NumericType::Double: {
        const double d = std::trunc(n->floating);
        if (std::isnan(d)) return set_error(st->db, KIKV_TYPE, "kikv_column_int64: NaN is not an integer");
        if (d < -9.2233720368547758e18 || d >= 9.2233720368547758e18) {
          out = d < 0 ? lo : hi;
          return set_error(st->db, KIKV_RANGE, "kikv_column_int64: the number does not fit 64 bits");
        }
        out = static_cast<int64_t>(d);
        return KIKV_OK;
      }
    }
    return KIKV_OK;
  });
}

double kikv_column_double(kikv_stmt* st, int column) {
  return value_guard(st, 0.0, [&](double& out) {
    if (const int rc = check_column(st, column, "kikv_column_double")) return rc;
    const TermId id = current(st, column);
    if (kikv::rdf::id_tag(id) == IdTag::Integer) {
      out = static_cast<double>(kikv::rdf::integer_id_value(id));
      return KIKV_OK;
    }
    Statement& s = *st->s;
    std::string scratch;
    if (auto b = kikv::capi::boolean_value(s, id, scratch)) {
      out = *b ? 1.0 : 0.0;
      return KIKV_OK;
    }
    auto n = id == kikv::rdf::kNoTerm ? std::nullopt : kikv::sparql::numeric_value(id, s.run->terms());
    if (!n) return set_error(st->db, KIKV_TYPE, "kikv_column_double: the value is not a number");
    out = kikv::sparql::to_double(*n);
    return KIKV_OK;
  });
}

int kikv_column_date(kikv_stmt* st, int column, int* year, int* month, int* day) {
  if (year) *year = 0;
  if (month) *month = 0;
  if (day) *day = 0;
  return kikv::capi::stmt_guard(st, "kikv_column_date", [&] {
    if (const int rc = check_column(st, column, "kikv_column_date")) return rc;
    const TermId id = current(st, column);
    std::string scratch;
    auto t = kikv::rdf::is_literal(id) ? kikv::capi::date_value(*st->s, id, scratch) : std::nullopt;
    if (!t) return set_error(st->db, KIKV_TYPE, "kikv_column_date: the value is not an xsd:date or xsd:dateTime");
    if (t->year < std::numeric_limits<int>::min() || t->year > std::numeric_limits<int>::max())
      return set_error(st->db, KIKV_RANGE, "kikv_column_date: the year does not fit an int");
    if (year) *year = static_cast<int>(t->year);
    if (month) *month = t->month;
    if (day) *day = t->day;
    return KIKV_OK;
  });
}

}  // extern "C"
