// Compiles the algebra into a physical plan for one execution: constants become term ids,
// basic graph patterns become chains of index joins ordered by estimated cardinality, filters
// move to the earliest point where their variables are final, OPTIONAL over patterns is
// evaluated per row, other joins are hash joins.
#pragma once

#include <vector>

#include "sparql/algebra.hpp"
#include "sparql/exec/expr.hpp"
#include "sparql/exec/ops_scan.hpp"
#include "sparql/exec/plan.hpp"

namespace kikv::sparql::exec {

struct CompileOptions {
  /// Order the steps of basic graph patterns by estimated cardinality (off: textual order,
  /// for testing that results do not depend on it).
  bool reorder_patterns = true;
};

class Compiler {
 public:
  Compiler(ExecContext& ctx, Evaluator& eval, const VarTable& vars, CompileOptions options = {});

  /// The plan of `op`. `seeded` lists variables whose values will come from the seed at
  /// open() (EXISTS patterns); empty otherwise.
  OpPtr compile(const Op& op, const std::vector<VarId>& seeded = {});
  /// An expression evaluated on rows of `schema`.
  CExpr compile_expr(const Expr& e, const Schema& schema);

 private:
  struct Compiled {
    OpPtr op;
    std::vector<VarId> certain;  ///< sorted: bound in every row
  };
  /// One step of a pattern chain: a triple pattern or a path.
  struct Step {
    const TriplePattern* triple = nullptr;
    const Op* path = nullptr;  ///< a Path op
  };

  Compiled build(const Op& op);
  Compiled build_join(const Op& op);
  Compiled build_left_join(const Op& op);
  Compiled build_filter(const Op& op);
  /// A chain of steps over `input` with `filters` placed as early as they can be.
  Compiled build_chain(Compiled input, std::vector<Step> steps, const std::vector<const Expr*>& filters);
  /// Flattens Join/Bgp/Path subtrees into steps; returns false if `op` is not pattern-only.
  static bool collect_steps(const Op& op, std::vector<Step>& steps);
  static void collect_join_operands(const Op& op, std::vector<const Op*>& out);
  double estimate(const Step& step, const std::vector<VarId>& bound) const;
  Slot make_slot(const TermOrVar& t, const Schema& in, Schema& out, const std::vector<Slot>& earlier,
                 const std::vector<VarId>& earlier_vars);
  TermId constant_id(const rdf::Term& t, bool& absent) const;

  ExecContext& ctx_;
  Evaluator& eval_;
  const VarTable& vars_;
  CompileOptions options_;
  std::vector<bool> seeded_;
};

/// Sorted union / membership helpers for variable sets.
std::vector<VarId> var_union(const std::vector<VarId>& a, const std::vector<VarId>& b);
bool var_contains(const std::vector<VarId>& set, VarId v);

}  // namespace kikv::sparql::exec
