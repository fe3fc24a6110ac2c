// Shared fixture for the function-library tests: a dictionary (for "stored" terms, as loaded
// data), a TermTable and a FunctionContext, terms written the way SPARQL writes them, and results
// printed in N-Triples form with "xsd:" abbreviating the XSD namespace, so that expectations read
// like the TSV output of ../shared/peers/run jena:
//   CHECK(f.call("STRBEFORE", {"\"abc\"@en", "\"b\""}) == "\"a\"@en");
//   CHECK(f.arith(ArithOp::Divide, "1", "3") == "\"0.333333333333333333333333\"^^xsd:decimal");
#pragma once

#include <catch2/catch.hpp>

#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rdf/dictionary.hpp"
#include "rdf/term.hpp"
#include "sparql/eval/functions.hpp"
#include "sparql/eval/operators.hpp"
#include "sparql/eval/term_table.hpp"
#include "sparql/eval/value.hpp"

namespace eval_test {

using kikv::rdf::TermId;
namespace rdf = kikv::rdf;
namespace sparql = kikv::sparql;

inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

/// Parses one term in SPARQL syntax: <iri>, _:label, "lexical", "lexical"@lang,
/// "lexical"^^xsd:local, "lexical"^^<iri>, integers, decimals, doubles, true/false.
inline rdf::Term parse_term(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') {
    return rdf::Term::iri(std::string(s.substr(1, s.size() - 2)));
  }
  if (s.substr(0, 2) == "_:") return rdf::Term::blank(std::string(s.substr(2)));
  if (s == "true" || s == "false") return rdf::Term::literal(std::string(s), std::string(kXsd) + "boolean");
  if (!s.empty() && s.front() == '"') {
    std::string lex;
    size_t i = 1;
    for (; i < s.size() && s[i] != '"'; ++i) {
      if (s[i] == '\\' && i + 1 < s.size()) {
        const char c = s[++i];
        lex += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
      } else {
        lex += s[i];
      }
    }
    REQUIRE(i < s.size());
    std::string_view rest = s.substr(i + 1);
    if (rest.empty()) return rdf::Term::string(lex);
    if (rest.front() == '@') return rdf::Term::lang_literal(lex, std::string(rest.substr(1)));
    REQUIRE(rest.substr(0, 2) == "^^");
    rest.remove_prefix(2);
    if (rest.substr(0, 4) == "xsd:") return rdf::Term::literal(lex, std::string(kXsd) + std::string(rest.substr(4)));
    if (rest.substr(0, 4) == "rdf:") {
      return rdf::Term::literal(lex, "http://www.w3.org/1999/02/22-rdf-syntax-ns#" + std::string(rest.substr(4)));
    }
    REQUIRE(rest.front() == '<');
    return rdf::Term::literal(lex, std::string(rest.substr(1, rest.size() - 2)));
  }
  const bool exp = s.find_first_of("eE") != std::string_view::npos;
  const bool dot = s.find('.') != std::string_view::npos;
  return rdf::Term::literal(std::string(s), std::string(kXsd) + (exp ? "double" : dot ? "decimal" : "integer"));
}

/// N-Triples form with xsd: abbreviated and canonical booleans as true/false; "error" for nullopt, "UNBOUND" for kNoTerm.
inline std::string show(const sparql::TermTable& terms, std::optional<TermId> id) {
  if (!id) return "error";
  if (*id == rdf::kNoTerm) return "UNBOUND";
  std::string s = rdf::to_ntriples(terms.term(*id));
  const std::string full = "<" + std::string(kXsd);
  for (size_t p; (p = s.find(full)) != std::string::npos;) {
    const size_t end = s.find('>', p);
    s = s.substr(0, p) + "xsd:" + s.substr(p + full.size(), end - p - full.size()) + s.substr(end + 1);
  }
  if (s == "\"true\"^^xsd:boolean" || s == "\"false\"^^xsd:boolean") return s.substr(1, s.find('"', 1) - 1);
  return s;
}

inline std::string show_bool(std::optional<bool> b) { return b ? (*b ? "true" : "false") : "error"; }

struct Fixture {
  rdf::Dictionary dict;
  std::unique_ptr<sparql::TermTable> terms;
  std::unique_ptr<sparql::FunctionContext> ctx;
  std::map<std::string, TermId, std::less<>> blanks;

  explicit Fixture(std::string base = "http://example.org/") {
    terms = std::make_unique<sparql::TermTable>(dict);
    ctx = std::make_unique<sparql::FunctionContext>(*terms, std::move(base), 42);
  }

  /// A term computed by the query ("UNBOUND" is kNoTerm; the same _:label gives the same node).
  TermId t(std::string_view text) {
    if (text == "UNBOUND") return rdf::kNoTerm;
    if (text.substr(0, 2) == "_:") {
      auto it = blanks.find(text);
      if (it == blanks.end()) it = blanks.emplace(std::string(text), terms->new_blank()).first;
      return it->second;
    }
    return terms->intern(parse_term(text));
  }
  /// A term of the store (as loaded data). Intern stored terms before using them in t().
  TermId stored(std::string_view text) { return dict.intern(parse_term(text)); }

  std::string show(std::optional<TermId> id) const { return eval_test::show(*terms, id); }

  std::vector<TermId> ids(std::initializer_list<std::string_view> args) {
    std::vector<TermId> v;
    for (auto a : args) v.push_back(t(a));
    return v;
  }

  /// Calls the builtin `name` (or the IRI function, e.g. "xsd:integer") on the arguments.
  std::string call(std::string_view name, std::initializer_list<std::string_view> args = {}) {
    return call_ids(name, ids(args));
  }
  std::string call_ids(std::string_view name, const std::vector<TermId>& args) {
    const sparql::Function* f = nullptr;
    if (name.substr(0, 4) == "xsd:") {
      f = sparql::find_function_iri(std::string(kXsd) + std::string(name.substr(4)));
    } else {
      f = sparql::find_builtin(name);
    }
    REQUIRE(f != nullptr);
    REQUIRE(args.size() >= f->min_args);
    REQUIRE(args.size() <= f->max_args);
    return show(f->impl(args, *ctx));
  }

  std::string arith(sparql::ArithOp op, std::string_view a, std::string_view b) {
    return show(sparql::arithmetic(op, t(a), t(b), *terms));
  }
  std::string cmp(sparql::CompareOp op, std::string_view a, std::string_view b) {
    return show_bool(sparql::compare(op, t(a), t(b), *terms));
  }
};

}  // namespace eval_test
