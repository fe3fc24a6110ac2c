// kikv::sparql entry points: parse a SPARQL 1.1 query into its algebra, pre-bind parameters,
// print the algebra in SSE.
//
//   Query q = parse_query(text, {.source = "4.1.rq"});
//   bind_parameters(q, {{"peildatum", rdf::Term::literal("2024-01-01", xsd date)}});
//   std::cout << to_sse(q);
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rdf/term.hpp"
#include "sparql/algebra.hpp"
#include "sparql/ast.hpp"

namespace kikv::sparql {

struct ParseOptions {
  /// Base IRI for relative IRIs (a BASE in the query replaces it). Empty: relative IRIs are
  /// kept as written.
  std::string base;
  /// Name of the query in error messages ("4.1.rq:3:14: ...").
  std::string source = "query";
  /// Prefixes known before the query's own PREFIX declarations (prefix without ':', IRI).
  std::vector<std::pair<std::string, std::string>> prefixes;
  /// Nesting limit (groups, parentheses, paths, collections) that gives a SyntaxError instead
  /// of exhausting the stack.
  unsigned max_depth = 256;
  /// Limit on the height of the trees the query becomes (expression and path operator chains
  /// such as a || b || c ..., group elements, UNION branches, select expressions), so that
  /// recursive walks of the syntax tree and the algebra stay within the stack.
  unsigned max_height = 1000;
  /// Accept a projection expression that uses an alias defined earlier in the same aggregate
  /// SELECT clause (Jena ARQ does; see docs/sparql-extensions.md).
  bool allow_alias_reuse = true;
};

/// Parses a SPARQL 1.1 query (SELECT, CONSTRUCT, ASK, DESCRIBE) and translates it to the
/// algebra. Throws kikv::SyntaxError (source:line:column: message) on malformed queries and on
/// violations of the static rules of the specification (scoping, grouping, blank node reuse).
Query parse_query(std::string_view text, const ParseOptions& options = {});

/// Parses and checks only, giving the syntax tree.
ast::Query parse_syntax(std::string_view text, const ParseOptions& options = {});

/// Translates a (checked) syntax tree to the algebra (§18.2).
Query translate(const ast::Query& syntax);

/// Pre-binds parameters: every occurrence of each named variable in the query (at any depth:
/// sub-SELECTs, BIND, FILTER and EXISTS expressions, VALUES, triple patterns, paths, GROUP BY,
/// ORDER BY, templates) becomes the constant, as Jena's QueryTransformOps substitution does. A
/// projected parameter stays a column: `SELECT ?k` becomes `SELECT (constant AS ?k)`. VALUES
/// rows that bind the variable to another value are dropped and its column removed.
/// Throws kikv::NotFoundError for a name the query does not mention, kikv::MisuseError if the
/// query assigns the variable itself (BIND or AS), kikv::TypeError for a blank node value.
/// Never touches the query text.
void bind_parameters(Query& query, const std::map<std::string, rdf::Term>& parameters);
/// The same on a syntax tree.
void bind_parameters(ast::Query& query, const std::map<std::string, rdf::Term>& parameters);

/// The algebra in SSE, the notation of Jena's `arq.qparse --print=op`, wrapped in
/// (prefix (...) ...) when the query declared prefixes.
std::string to_sse(const Query& query);
std::string to_sse(const Op& op, const VarTable& vars);
/// Without the variable table (e.g. an optimizer debugging a subtree): variables print as ?_<id>.
std::string to_sse(const Op& op);
std::string to_sse(const Expr& expr, const VarTable& vars);
std::string to_sse(const Path& path);

}  // namespace kikv::sparql
