// Helpers shared by the SPARQL parser/algebra unit tests.
#pragma once

#include <string>
#include <string_view>

#include "rdf/error.hpp"
#include "sparql/sparql.hpp"

namespace kikv::sparql::testing {

/// Collapses whitespace runs and the spaces just inside parentheses, so SSE laid out by Jena
/// and by to_sse() compare equal when they say the same.
inline std::string normalize_sse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty() && out.back() != '(' && c != ')') out += ' ';
    space = false;
    out += c;
  }
  return out;
}

/// Normalised SSE of the algebra of `query` (full IRIs, no prefix wrapper).
inline std::string sse(std::string_view query, std::string base = "http://example.org/base/") {
  ParseOptions opts;
  opts.base = std::move(base);
  Query q = parse_query(query, opts);
  return normalize_sse(to_sse(q.root, q.vars));
}

/// The message of the SyntaxError that parsing `query` throws ("" if it parses).
inline std::string syntax_error(std::string_view query, const ParseOptions& opts = {}) {
  try {
    parse_query(query, opts);
  } catch (const SyntaxError& e) {
    return e.what();
  }
  return "";
}

}  // namespace kikv::sparql::testing
