// Filter push-down: each conjunct of a FILTER moves as far down as it keeps its meaning, so that
// rows are discarded before joins multiply them. A conjunct moves into an operand only when all
// variables it reads are bound in every solution of that operand (`certain`): then it sees the
// same values there as above. (A variable that may be unbound could be bound by the other side
// of the join, which would change the value the filter sees.)
//   Filter(Join(A, B))      → into A or B
//   Filter(LeftJoin(A, B))  → into A
//   Filter(Union(A, B))     → into both branches
//   Filter(Extend(X, v))    → below the Extend when the conjunct does not read v
//   Filter(Graph(g, X))     → into X when the conjunct does not read the graph variable
//   Filter(Filter(X))       → merged
// Conjunctions (a && b) are split first.
#include <algorithm>

#include "sparql/optimizer/optimizer.hpp"

namespace kikv::sparql {
namespace {

void vars_of(const Expr& e, std::vector<VarId>& out) {
  if (e.kind == ExprKind::Var) out.push_back(e.var);
  for (const Expr& a : e.args) vars_of(a, out);
  // EXISTS substitutes the row into its pattern: every variable it mentions counts.
  for (const Op& p : e.pattern) out.insert(out.end(), p.scope.begin(), p.scope.end());
}

bool covered(const Expr& e, const std::vector<VarId>& certain) {
  std::vector<VarId> vs;
  vars_of(e, vs);
  return std::all_of(vs.begin(), vs.end(),
                     [&](VarId v) { return std::binary_search(certain.begin(), certain.end(), v); });
}

bool reads(const Expr& e, VarId v) {
  std::vector<VarId> vs;
  vars_of(e, vs);
  return std::find(vs.begin(), vs.end(), v) != vs.end();
}

/// Wraps `op` in a filter with `e` (or adds `e` to its filter).
void add_filter(Op& op, Expr e) {
  if (op.kind == OpKind::Filter) {
    op.exprs.push_back(std::move(e));
    return;
  }
  Op f;
  f.kind = OpKind::Filter;
  f.exprs.push_back(std::move(e));
  f.children.push_back(std::move(op));
  compute_scope(f);
  op = std::move(f);
}

/// Tries to place `e` inside `op` (which the filter sits on). False if it must stay above.
bool sink(Op& op, Expr& e) {
  switch (op.kind) {
    case OpKind::Join:
      for (Op& c : op.children) {
        if (covered(e, c.certain)) {
          if (!sink(c, e)) add_filter(c, std::move(e));
          compute_scope(op);
          return true;
        }
      }
      return false;
    case OpKind::LeftJoin:
      if (!covered(e, op.children[0].certain)) return false;
      if (!sink(op.children[0], e)) add_filter(op.children[0], std::move(e));
      compute_scope(op);
      return true;
    case OpKind::Union:
      for (Op& c : op.children) {
        Expr copy = e;
        if (!sink(c, copy)) add_filter(c, std::move(copy));
      }
      compute_scope(op);
      return true;
    case OpKind::Extend:
      for (const VarBinding& b : op.bindings)
        if (reads(e, b.var)) return false;
      if (!sink(op.children[0], e)) add_filter(op.children[0], std::move(e));
      compute_scope(op);
      return true;
    case OpKind::Graph:
      if (op.graph.is_var() && reads(e, op.graph.var)) return false;
      if (!sink(op.children[0], e)) add_filter(op.children[0], std::move(e));
      compute_scope(op);
      return true;
    case OpKind::Filter:
      if (!sink(op.children[0], e)) op.exprs.push_back(std::move(e));
      compute_scope(op);
      return true;
    default:
      return false;
  }
}

/// A FILTER keeps a row iff every conjunct is true, so `a && b` may be split: if either is false
/// or an error the row goes, either way.
void split_conjunction(Expr e, std::vector<Expr>& out) {
  if (e.kind == ExprKind::And) {
    split_conjunction(std::move(e.args[0]), out);
    split_conjunction(std::move(e.args[1]), out);
  } else {
    out.push_back(std::move(e));
  }
}

}  // namespace

void push_down_filters(Op& op) {
  for (Op& c : op.children) push_down_filters(c);
  if (op.kind != OpKind::Filter) return;
  std::vector<Expr> conjuncts;
  for (Expr& e : op.exprs) split_conjunction(std::move(e), conjuncts);
  std::vector<Expr> kept;
  for (Expr& e : conjuncts) {
    if (!sink(op.children[0], e)) kept.push_back(std::move(e));
  }
  if (kept.empty()) {
    Op child = std::move(op.children[0]);
    op = std::move(child);
    return;
  }
  op.exprs = std::move(kept);
  compute_scope(op);
}

}  // namespace kikv::sparql
