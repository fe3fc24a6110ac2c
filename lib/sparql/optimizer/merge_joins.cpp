// Join(Bgp, Bgp) → Bgp (a BGP is a conjunction of patterns, so the join of two is their union,
// SPARQL 1.1 §18.2.2.6), and Join(unit, X) → X (the unit table is the join's identity).
#include "sparql/optimizer/optimizer.hpp"

namespace kikv::sparql {
namespace {

bool is_unit(const Op& op) {
  return op.kind == OpKind::Table && op.vars.empty() && op.rows.size() == 1;
}

}  // namespace

void merge_joins(Op& op) {
  for (Op& c : op.children) merge_joins(c);
  if (op.kind != OpKind::Join) return;
  Op& a = op.children[0];
  Op& b = op.children[1];
  if (is_unit(a)) {
    Op keep = std::move(b);
    op = std::move(keep);
    return;
  }
  if (is_unit(b)) {
    Op keep = std::move(a);
    op = std::move(keep);
    return;
  }
  if (a.kind == OpKind::Bgp && b.kind == OpKind::Bgp) {
    Op merged = std::move(a);
    merged.triples.insert(merged.triples.end(), b.triples.begin(), b.triples.end());
    compute_scope(merged);
    op = std::move(merged);
  }
}

}  // namespace kikv::sparql
