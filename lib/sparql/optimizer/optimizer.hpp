// Algebra-to-algebra rewrites applied before a query is compiled. One pass per file, each
// switchable (tests run queries with and without them and compare). Rewrites that need the
// store's statistics (ordering the patterns of a BGP, choosing index or hash joins) happen when
// the plan is compiled (exec/compile.cpp), where the store is known.
#pragma once

#include <cstdint>

#include "sparql/algebra.hpp"
#include "sparql/eval/term_table.hpp"

namespace kikv::sparql {

enum class Pass : uint32_t {
  ConstantFolding = 1u << 0,  ///< evaluate expressions whose arguments are constants
  MergeJoins = 1u << 1,       ///< join of BGPs → one BGP; drop joins with the unit table
  FilterPushdown = 1u << 2,   ///< move filter conjuncts to the operand that binds their variables
};

struct PassSet {
  uint32_t bits = ~0u;
  static PassSet all() { return {}; }
  static PassSet none() { return {0}; }
  bool has(Pass p) const { return (bits & static_cast<uint32_t>(p)) != 0; }
  PassSet without(Pass p) const { return {bits & ~static_cast<uint32_t>(p)}; }
};

/// Runs the passes over an operator tree (scope/certain sets are kept up to date). `terms`
/// resolves constants for constant folding (its dictionary may be empty).
Op optimize(Op op, TermTable& terms, PassSet passes = PassSet::all());

// The passes, for tests.
void fold_constants(Op& op, TermTable& terms);
void merge_joins(Op& op);
void push_down_filters(Op& op);

}  // namespace kikv::sparql
