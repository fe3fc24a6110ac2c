// Static rules of SPARQL 1.1 that the grammar alone does not express (§18.2.1 scoping of BIND and
// SELECT expressions, §11.4 grouping of projected variables, §19.8 note on SELECT * with
// GROUP BY). Blank node label reuse, VALUES arity and aggregate placement are checked while
// parsing.
#pragma once

#include "sparql/ast.hpp"
#include "sparql/sparql.hpp"

namespace kikv::sparql::parser {

/// Throws SyntaxError (with options.source and the position of the offending variable) if `q`
/// breaks one of the rules.
void check_query(const ast::Query& q, const ParseOptions& options);

}  // namespace kikv::sparql::parser
