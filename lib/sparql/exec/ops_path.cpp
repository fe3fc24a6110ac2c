#include "sparql/exec/ops_path.hpp"

#include <algorithm>

namespace kikv::sparql::exec {

PathJoinOp::PathJoinOp(Schema schema, OpPtr input, Slot s, CPath path, Slot o, std::vector<CExpr> filters,
                       Evaluator& eval)
    : PhysicalOp(std::move(schema)),
      input_(std::move(input)),
      s_(s),
      o_(o),
      path_(std::move(path)),
      filters_(std::move(filters)),
      eval_(eval) {}

void PathJoinOp::open(ExecContext& ctx, const TermId* seed) {
  ctx_ = &ctx;
  seed_ = seed;
  graphs_ = ctx.active_graphs;
  input_->open(ctx, seed);
  in_.clear();
  in_pos_ = 0;
  in_done_ = false;
  matches_.clear();
  match_pos_ = 0;
}

TermId PathJoinOp::bound_value(const Slot& slot) const {
  switch (slot.kind) {
    case Slot::Const: return slot.value;
    case Slot::Input: return row_[slot.in_col];
    case Slot::Seed: return seed_ ? seed_[slot.var] : kNoTerm;
    default: return kNoTerm;
  }
}

void PathJoinOp::compute_row() {
  matches_.clear();
  match_pos_ = 0;
  if ((s_.kind == Slot::Const && s_.impossible) || (o_.kind == Slot::Const && o_.impossible)) return;
  PathEvaluator pe(ctx_->store, graphs_, *ctx_);
  const TermId s = bound_value(s_);
  const TermId o = o_.kind == Slot::Same ? s : bound_value(o_);
  // A value bound by a variable (not a constant of the pattern) must be a node of the graph:
  // the path is evaluated on its own and joined (§18.4), and a zero-length path with a free
  // end only reaches the graph's nodes.
  if ((s != kNoTerm && s_.kind != Slot::Const && !is_node(s)) ||
      (o != kNoTerm && o_.kind != Slot::Const && !is_node(o)))
    return;
  std::vector<TermId> nodes;
  if (s != kNoTerm) {
    pe.forward(path_, s, nodes);
    for (TermId y : nodes)
      if (o == kNoTerm || y == o) matches_.emplace_back(s, y);
  } else if (o != kNoTerm) {
    pe.backward(path_, o, nodes);
    for (TermId x : nodes) matches_.emplace_back(x, o);
  } else {
    pe.all(path_, matches_);
    if (o_.kind == Slot::Same) {
      matches_.erase(std::remove_if(matches_.begin(), matches_.end(), [](auto& m) { return m.first != m.second; }),
                     matches_.end());
    }
  }
}

bool PathJoinOp::next(Batch& out) {
  out.reset(width());
  const size_t iw = input_->width();
  while (!out.full()) {
    if (match_pos_ < matches_.size()) {
      auto [x, y] = matches_[match_pos_++];
      TermId* r = out.append();
      std::copy(row_, row_ + iw, r);
      if (s_.out_col >= 0 && r[s_.out_col] == kNoTerm) r[s_.out_col] = x;
      if (o_.out_col >= 0 && r[o_.out_col] == kNoTerm) r[o_.out_col] = y;
      if (!filters_.empty() && !eval_.test_all(filters_, r, seed_)) out.pop();
      continue;
    }
    if (in_pos_ >= in_.size()) {
      if (in_done_ || !input_->next(in_)) {
        in_done_ = true;
        break;
      }
      in_pos_ = 0;
      ctx_->check();
    }
    row_ = in_.row(in_pos_++);
    compute_row();
  }
  return !out.empty();
}

bool PathJoinOp::is_node(TermId x) const {
  for (TermId g : graphs_) {
    if (ctx_->store.count(rdf::QuadPattern{g, x, kNoTerm, kNoTerm}) > 0 ||
        ctx_->store.count(rdf::QuadPattern{g, kNoTerm, kNoTerm, x}) > 0)
      return true;
  }
  return false;
}

std::string PathJoinOp::describe(const VarTable&) const { return "PathJoin"; }

}  // namespace kikv::sparql::exec
