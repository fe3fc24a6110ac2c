// Parameters: kikv_bind_* pre-bind query variables to terms (sparql::bind_parameters at the next
// execution; never text splicing).
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>

#include "capi/guard.hpp"
#include "capi/statement.hpp"
#include "rdf/xsd.hpp"
#include "sparql/sparql.hpp"

using kikv::capi::set_error;
using kikv::capi::Statement;
using kikv::capi::stmt_guard;
using kikv::rdf::Term;

namespace {

namespace xsd = kikv::rdf::xsd;
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

/// Text of a (text, length) argument; throws MisuseError for NULL, SyntaxError for bad UTF-8.
std::string text_arg(const char* fn, const char* text, int64_t length, const char* what) {
  if (!text) throw kikv::MisuseError(std::string(fn) + ": " + what + " is NULL");
  if (length < -1) throw kikv::RangeError(std::string(fn) + ": negative length");
  std::string out(text, length == -1 ? std::strlen(text) : static_cast<size_t>(length));
  if (!kikv::capi::valid_utf8(out))
    throw kikv::SyntaxError(std::string(fn) + ": " + what + " is not valid UTF-8", "", 0, 0);
  return out;
}

/// BCP 47 shape, as RDF's LANGTAG: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
bool valid_lang(std::string_view tag) {
  if (tag.empty()) return false;
  size_t i = 0;
  bool first = true;
  while (i < tag.size()) {
    size_t j = i;
    while (j < tag.size() && tag[j] != '-') {
      const char c = tag[j];
      const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      const bool digit = c >= '0' && c <= '9';
      if (!alpha && !(digit && !first)) return false;
      ++j;
    }
    if (j == i) return false;
    first = false;
    if (j == tag.size()) return true;
    i = j + 1;
    if (i == tag.size()) return false;
  }
  return true;
}

/// Binds `value` to parameter `index` of `st` after the checks every kikv_bind_* shares. The
/// binding is tried on the syntax tree at once, so that a variable the query assigns (BIND, AS)
/// is refused here rather than at the next step.
int bind(kikv_stmt* st, const char* fn, int index, const std::function<std::optional<Term>()>& make) {
  return stmt_guard(st, fn, [&] {
    Statement& s = *st->s;
    kikv_db* db = st->db;
    if (index == 0) {
      if (!s.unknown_param.empty())
        return set_error(db, KIKV_NOTFOUND,
                         std::string(fn) + ": parameter ?" + s.unknown_param + " does not occur in the query");
      return set_error(db, KIKV_NOTFOUND, std::string(fn) + ": parameter index 0 (no such parameter)");
    }
    if (index < 0 || static_cast<size_t>(index) > s.params.size())
      return set_error(db, KIKV_RANGE,
                       std::string(fn) + ": parameter index " + std::to_string(index) + " out of range (the query has " +
                           std::to_string(s.params.size()) + ")");
    if (s.run)
      return set_error(db, KIKV_MISUSE,
                       std::string(fn) + ": the statement is running; kikv_reset it before binding");
    std::optional<Term> value = make();
    const std::string& name = s.param_names[static_cast<size_t>(index) - 1];
    if (value) {
      kikv::sparql::ast::Query probe = *s.query.syntax;
      kikv::sparql::bind_parameters(probe, {{name, *value}});
    }
    s.params[static_cast<size_t>(index) - 1] = std::move(value);
    s.rebind = true;
    return KIKV_OK;
  });
}

std::string format_date(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

}  // namespace

extern "C" {

int kikv_bind_parameter_count(kikv_stmt* st) {
  int out = 0;
  stmt_guard(st, "kikv_bind_parameter_count", [&] {
    out = static_cast<int>(st->s->params.size());
    return KIKV_OK;
  });
  return out;
}

int kikv_bind_parameter_index(kikv_stmt* st, const char* name) {
  int out = 0;
  stmt_guard(st, "kikv_bind_parameter_index", [&] {
    Statement& s = *st->s;
    if (!name) return set_error(st->db, KIKV_MISUSE, "kikv_bind_parameter_index: name is NULL");
    std::string_view n(name);
    if (!n.empty() && (n[0] == '?' || n[0] == '$')) n.remove_prefix(1);
    for (size_t i = 0; i < s.param_names.size(); ++i)
      if (s.param_names[i] == n) {
        out = static_cast<int>(i + 1);
        s.unknown_param.clear();
        return KIKV_OK;
      }
    s.unknown_param.assign(n);
    return set_error(st->db, KIKV_NOTFOUND, "kikv_bind_parameter_index: parameter ?" + s.unknown_param +
                                                " does not occur in the query");
  });
  return out;
}

const char* kikv_bind_parameter_name(kikv_stmt* st, int index) {
  const char* out = nullptr;
  stmt_guard(st, "kikv_bind_parameter_name", [&] {
    const auto& names = st->s->param_names;
    if (index < 1 || static_cast<size_t>(index) > names.size())
      return set_error(st->db, KIKV_RANGE, "kikv_bind_parameter_name: index out of range");
    out = names[static_cast<size_t>(index) - 1].c_str();
    return KIKV_OK;
  });
  return out;
}

int kikv_bind_iri(kikv_stmt* st, int index, const char* iri) {
  return bind(st, "kikv_bind_iri", index, [&]() -> std::optional<Term> {
    std::string v = text_arg("kikv_bind_iri", iri, -1, "the IRI");
    if (v.empty()) throw kikv::SyntaxError("kikv_bind_iri: empty IRI", "", 0, 0);
    for (unsigned char c : v)
      if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\' ||
          c == '^' || c == '`')
        throw kikv::SyntaxError("kikv_bind_iri: character not allowed in an IRI: '" + v + "'", "", 0, 0);
    return Term::iri(std::move(v));
  });
}

int kikv_bind_string(kikv_stmt* st, int index, const char* text, int64_t length) {
  return bind(st, "kikv_bind_string", index, [&]() -> std::optional<Term> {
    return Term::string(text_arg("kikv_bind_string", text, length, "the text"));
  });
}

int kikv_bind_lang_string(kikv_stmt* st, int index, const char* text, int64_t length, const char* lang) {
  return bind(st, "kikv_bind_lang_string", index, [&]() -> std::optional<Term> {
    std::string v = text_arg("kikv_bind_lang_string", text, length, "the text");
    std::string tag = text_arg("kikv_bind_lang_string", lang, -1, "the language tag");
    if (!valid_lang(tag))
      throw kikv::SyntaxError("kikv_bind_lang_string: malformed language tag '" + tag + "'", "", 0, 0);
    return Term::lang_literal(std::move(v), std::move(tag));
  });
}

int kikv_bind_literal(kikv_stmt* st, int index, const char* lexical, int64_t length, const char* datatype) {
  return bind(st, "kikv_bind_literal", index, [&]() -> std::optional<Term> {
    std::string v = text_arg("kikv_bind_literal", lexical, length, "the lexical form");
    if (!datatype) return Term::string(std::move(v));
    std::string dt = text_arg("kikv_bind_literal", datatype, -1, "the datatype");
    if (dt.empty()) throw kikv::SyntaxError("kikv_bind_literal: empty datatype IRI", "", 0, 0);
    if (dt == "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")
      throw kikv::TypeError("kikv_bind_literal: rdf:langString needs a language tag (kikv_bind_lang_string)");
    return Term::literal(std::move(v), std::move(dt));
  });
}

int kikv_bind_int64(kikv_stmt* st, int index, int64_t value) {
  return bind(st, "kikv_bind_int64", index, [&]() -> std::optional<Term> {
    return Term::literal(std::to_string(value), kXsd + "integer");
  });
}

int kikv_bind_double(kikv_stmt* st, int index, double value) {
  return bind(st, "kikv_bind_double", index, [&]() -> std::optional<Term> {
    return Term::literal(xsd::to_string_double(value), kXsd + "double");
  });
}

int kikv_bind_decimal(kikv_stmt* st, int index, const char* decimal) {
  return bind(st, "kikv_bind_decimal", index, [&]() -> std::optional<Term> {
    std::string v = text_arg("kikv_bind_decimal", decimal, -1, "the decimal");
    if (!xsd::parse_decimal(v))
      throw kikv::SyntaxError("kikv_bind_decimal: not an xsd:decimal: '" + v + "'", "", 0, 0);
    return Term::literal(std::move(v), kXsd + "decimal");
  });
}

int kikv_bind_date(kikv_stmt* st, int index, int year, int month, int day) {
  return bind(st, "kikv_bind_date", index, [&]() -> std::optional<Term> {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
      throw kikv::SyntaxError("kikv_bind_date: no such date " + std::to_string(year) + "-" +
                                  std::to_string(month) + "-" + std::to_string(day),
                              "", 0, 0);
    std::string v = format_date(year, month, day);
    if (!xsd::parse_temporal(xsd::TemporalKind::Date, v))
      throw kikv::SyntaxError("kikv_bind_date: no such date " + v, "", 0, 0);
    return Term::literal(std::move(v), kXsd + "date");
  });
}

int kikv_bind_bool(kikv_stmt* st, int index, int value) {
  return bind(st, "kikv_bind_bool", index, [&]() -> std::optional<Term> {
    return Term::literal(value ? "true" : "false", kXsd + "boolean");
  });
}

int kikv_bind_unbound(kikv_stmt* st, int index) {
  return bind(st, "kikv_bind_unbound", index, []() -> std::optional<Term> { return std::nullopt; });
}

int kikv_clear_bindings(kikv_stmt* st) {
  return stmt_guard(st, "kikv_clear_bindings", [&] {
    Statement& s = *st->s;
    if (s.run)
      return set_error(st->db, KIKV_MISUSE, "kikv_clear_bindings: the statement is running; kikv_reset it first");
    for (auto& p : s.params) p.reset();
    s.rebind = true;
    return KIKV_OK;
  });
}

}  // extern "C"
