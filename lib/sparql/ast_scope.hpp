// In-scope variables of syntax-tree patterns (SPARQL 1.1 §18.2.1), shared by the static checks,
// parameter substitution and the translation.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "sparql/ast.hpp"

namespace kikv::sparql::ast {

/// Variable names in order of first appearance, without duplicates (O(1) lookups: queries
/// can have tens of thousands of variables).
class NameList {
 public:
  /// Appends `name` unless present; true if it was new.
  bool add(const std::string& name) {
    if (!set_.insert(name).second) return false;
    order_.push_back(name);
    return true;
  }
  bool contains(const std::string& name) const { return set_.count(name) > 0; }
  const std::vector<std::string>& names() const { return order_; }

 private:
  std::vector<std::string> order_;
  std::unordered_set<std::string> set_;
};

/// Adds the in-scope variables of `p`. MINUS right-hand sides, FILTERs and EXISTS contribute
/// nothing; a sub-SELECT contributes what it projects.
void collect_in_scope(const Pattern& p, NameList& out);

/// Adds the variables of a VALUES block (all are in scope, even if UNDEF everywhere).
void collect_in_scope_values(const Values& v, NameList& out);

/// The variables a SELECT body makes visible: its projection, or for SELECT * the in-scope
/// variables of its WHERE clause and trailing VALUES.
std::vector<std::string> projected_vars(const SelectQuery& s);

/// True if `e` contains an aggregate (not looking into EXISTS patterns).
bool contains_aggregate(const Expr& e);

}  // namespace kikv::sparql::ast
