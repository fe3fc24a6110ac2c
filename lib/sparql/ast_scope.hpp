// In-scope variables of syntax-tree patterns (SPARQL 1.1 §18.2.1), shared by the static checks
// and the translation.
#pragma once

#include <string>
#include <vector>

#include "sparql/ast.hpp"

namespace kikv::sparql::ast {

/// Appends the in-scope variables of `p` to `out` in order of first appearance, skipping those
/// already in `out`. MINUS right-hand sides, FILTERs and EXISTS contribute nothing; a sub-SELECT
/// contributes what it projects.
void collect_in_scope(const Pattern& p, std::vector<std::string>& out);

/// Appends the variables of a VALUES block (all are in scope, even if UNDEF everywhere).
void collect_in_scope_values(const Values& v, std::vector<std::string>& out);

/// The variables a SELECT body makes visible: its projection, or for SELECT * the in-scope
/// variables of its WHERE clause and trailing VALUES.
std::vector<std::string> projected_vars(const SelectQuery& s);

/// True if `e` contains an aggregate (not looking into EXISTS patterns).
bool contains_aggregate(const Expr& e);

}  // namespace kikv::sparql::ast
