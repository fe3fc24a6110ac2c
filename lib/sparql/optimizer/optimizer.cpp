#include "sparql/optimizer/optimizer.hpp"

namespace kikv::sparql {

Op optimize(Op op, TermTable& terms, PassSet passes) {
  // Folding first: a folded filter may become a constant that pushdown can drop or place.
  if (passes.has(Pass::ConstantFolding)) fold_constants(op, terms);
  if (passes.has(Pass::MergeJoins)) merge_joins(op);
  if (passes.has(Pass::FilterPushdown)) push_down_filters(op);
  return op;
}

}  // namespace kikv::sparql
