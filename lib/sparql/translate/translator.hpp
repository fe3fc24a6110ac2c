// Syntax tree → algebra (SPARQL 1.1 §18.2). Internal to lib/sparql; the entry point is
// translate() in sparql.hpp. Files: query.cpp (query forms, §18.2.4-5 modifiers and projection),
// group.cpp (§18.2.2 group patterns, triples and paths), aggregate.cpp (§18.2.4.1 grouping),
// expr.cpp (expressions).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "sparql/algebra.hpp"
#include "sparql/ast.hpp"

namespace kikv::sparql::translation {

class Translator {
 public:
  Query run(const ast::Query& q);

 private:
  // --- variables ---
  /// The id of a variable name in the current (sub-SELECT) scope, created on first use.
  VarId var(const std::string& name);
  enum class Fresh : uint8_t { Blank, Internal, PathJoint };
  /// A new variable: Blank "?0", Internal ".0" (aggregates, unnamed GROUP BY keys), PathJoint
  /// "?P0" (Internal kind).
  VarId fresh(Fresh what);
  TermOrVar node(const ast::VarOrTerm& t);
  /// Enters a sub-SELECT that projects `projected`: those names keep their outer ids, all
  /// others get Hidden ids.
  void push_scope(const std::vector<std::string>& projected);
  void pop_scope() { scopes_.pop_back(); }

  // --- query level (query.cpp) ---
  /// A query level. Select and Describe get a Project over `columns` (default: what the level
  /// projects), stored in `projection` if given.
  Op translate_select(const ast::SelectQuery& s, QueryForm form, std::vector<VarId>* projection,
                      const std::vector<VarId>* columns);
  /// VALUES, select expressions, ORDER BY, projection, DISTINCT/REDUCED, slice over the
  /// grouped pattern.
  Op finish_select(Op&& pattern, const ast::SelectQuery& s, QueryForm form,
                   std::vector<VarId>* projection, const std::vector<VarId>* columns,
                   std::vector<Expr>& select_exprs, std::vector<OrderKey>& order);
  Op translate_sub_select(const ast::SelectQuery& s);
  Op table(const ast::Values& v);

  // --- groups, triples, paths (group.cpp) ---
  Op translate_group(const ast::Pattern& group);
  void flush(Op& g, std::vector<Op>& pending);
  Op filter(Op&& g, std::vector<Expr> exprs);
  Op apply_element(Op&& g, const ast::Pattern& e);
  Op apply_optional(Op&& g, const ast::Pattern& body);
  Op apply_bind(Op&& g, const ast::Pattern& e);
  Op translate_element(const ast::Pattern& p);
  Op translate_union(const ast::Pattern& p);
  Op translate_graph(const ast::Pattern& p);
  /// Appends the ops of a triples block (§18.2.2.4-5): triples to the last Bgp of `parts`
  /// (or a new one), paths as Path ops.
  void translate_triples(const std::vector<ast::TriplePattern>& triples, std::vector<Op>& parts);
  void translate_path(const TermOrVar& subject, const Path& path, const TermOrVar& object,
                      std::vector<Op>& parts);
  void translate_path_step(const TermOrVar& subject, const Path& path, const TermOrVar& object,
                           std::vector<Op>& parts);

  // --- grouping (aggregate.cpp) ---
  /// Collects the aggregates of one query level and replaces them by their variables.
  struct Aggregation {
    std::vector<Aggregate> aggregates;
  };
  Expr translate_with_aggregates(const ast::Expr& e, Aggregation& agg);
  Op translate_grouping(const ast::SelectQuery& s, Op&& pattern, std::vector<Expr>& select_exprs,
                        std::vector<OrderKey>& order);

  // --- expressions (expr.cpp) ---
  /// `agg` is null outside SELECT/HAVING/ORDER BY of a grouped level.
  Expr translate_expr(const ast::Expr& e, Aggregation* agg = nullptr);
  Expr translate_leaf(const ast::Expr& e);
  Expr translate_call(const ast::Expr& e);
  Expr translate_exists(const ast::Expr& e);
  Expr translate_aggregate(const ast::Expr& e, Aggregation* agg);

  struct Scope {
    std::unordered_map<std::string, VarId> names;
    bool hidden = false;  ///< unknown names are Hidden (inside a sub-SELECT)
    std::string hidden_prefix;
  };
  std::vector<Scope> scopes_;
  VarTable vars_;
  std::unordered_map<std::string, VarId> blank_vars_;
  uint32_t blank_counter_ = 0;
  uint32_t path_counter_ = 0;
  uint32_t internal_counter_ = 0;
  std::string base_;
};

/// Op builders that fill in scope/certain.
Op make_join(Op&& left, Op&& right);
Op make_op(OpKind kind, std::vector<Op> children);
bool is_table_unit(const Op& op);

}  // namespace kikv::sparql::translation
