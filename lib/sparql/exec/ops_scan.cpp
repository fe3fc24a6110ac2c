#include "sparql/exec/ops_scan.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kikv::sparql::exec {

bool UnitOp::next(Batch& out) {
  out.reset(0);
  if (done_) return false;
  done_ = true;
  out.append();
  return true;
}

bool RowSourceOp::next(Batch& out) {
  out.reset(width());
  if (done_ || !row_) return false;
  done_ = true;
  out.append(row_);
  return true;
}

std::string RowSourceOp::describe(const VarTable& vars) const {
  return "Row " + schema_names(schema_, vars);
}

void TableOp::open(ExecContext&, const TermId* seed) {
  pos_ = 0;
  seed_ = seed;
}

bool TableOp::next(Batch& out) {
  out.reset(width());
  while (pos_ < rows_.size() && !out.full()) {
    const TermId* r = rows_.row(pos_++);
    // A seeded variable (EXISTS substitution) keeps only compatible rows.
    bool ok = true;
    if (seed_) {
      for (size_t c = 0; c < width() && ok; ++c) {
        const TermId s = seed_[schema_[c]];
        ok = s == kNoTerm || r[c] == kNoTerm || r[c] == s;
      }
    }
    if (!ok) continue;
    TermId* o = out.append();
    std::copy(r, r + width(), o);
    if (seed_) {
      for (size_t c = 0; c < width(); ++c)
        if (o[c] == kNoTerm) o[c] = seed_[schema_[c]];
    }
  }
  return !out.empty();
}

std::string TableOp::describe(const VarTable& vars) const {
  return fmt::format("Values {} ({} rows)", schema_names(schema_, vars), rows_.size());
}

IndexJoinOp::IndexJoinOp(Schema schema, OpPtr input, Slot s, Slot p, Slot o,
                         std::vector<CExpr> filters, Evaluator& eval, double estimate)
    : PhysicalOp(std::move(schema)),
      input_(std::move(input)),
      slots_{s, p, o},
      filters_(std::move(filters)),
      eval_(eval),
      estimate_(estimate) {}

void IndexJoinOp::open(ExecContext& ctx, const TermId* seed) {
  ctx_ = &ctx;
  seed_ = seed;
  graphs_ = ctx.active_graphs;
  input_->open(ctx, seed);
  in_.clear();
  in_pos_ = 0;
  in_done_ = false;
  scanning_ = false;
  // cursor_ is kept: reopened once per row (OPTIONAL, EXISTS), it can still seek forward.
}

TermId IndexJoinOp::bound_value(const Slot& slot) const {
  switch (slot.kind) {
    case Slot::Const: return slot.value;
    case Slot::Input: return row_[slot.in_col];
    case Slot::Seed: return seed_ ? seed_[slot.var] : kNoTerm;
    case Slot::Same: return bound_value(slots_[slot.same_as]);
    default: return kNoTerm;
  }
}

bool IndexJoinOp::start_row() {
  for (const Slot& s : slots_)
    if (s.kind == Slot::Const && s.impossible) return false;
  if (graphs_.empty()) return false;
  pattern_.s = bound_value(slots_[0]);
  pattern_.p = bound_value(slots_[1]);
  pattern_.o = bound_value(slots_[2]);
  graph_pos_ = 0;
  pattern_.g = graphs_[0];
  // Input rows often arrive in key order: then the cursor moves on instead of searching anew.
  if (!cursor_.seek(pattern_)) cursor_ = ctx_->store.scan(pattern_);
  seen_.clear();
  return true;
}

bool IndexJoinOp::next(Batch& out) {
  out.reset(width());
  const size_t in_width = input_->width();
  while (!out.full()) {
    if (!scanning_) {
      if (in_pos_ >= in_.size()) {
        if (in_done_ || !input_->next(in_)) {
          in_done_ = true;
          break;
        }
        in_pos_ = 0;
        ctx_->check();
      }
      row_ = in_.row(in_pos_++);
      scanning_ = start_row();
      continue;
    }
    rdf::Quad q;
    if (!cursor_.next(q)) {
      if (++graph_pos_ < graphs_.size()) {
        pattern_.g = graphs_[graph_pos_];
        cursor_ = ctx_->store.scan(pattern_);
      } else {
        scanning_ = false;
      }
      continue;
    }
    const TermId vals[3] = {q.s, q.p, q.o};
    bool ok = true;
    for (int i = 0; i < 3 && ok; ++i)
      if (slots_[i].kind == Slot::Same) ok = vals[i] == vals[slots_[i].same_as];
    if (!ok) continue;
    if (graphs_.size() > 1) {
      // The default graph is the merge of several graphs: a triple counts once.
      const std::array<TermId, 3> t{q.s, q.p, q.o};
      if (std::find(seen_.begin(), seen_.end(), t) != seen_.end()) continue;
      seen_.push_back(t);
    }
    TermId* o = out.append();
    std::copy(row_, row_ + in_width, o);
    for (int i = 0; i < 3; ++i) {
      const Slot& s = slots_[i];
      if (s.out_col >= 0 && o[s.out_col] == kNoTerm) o[s.out_col] = vals[i];
    }
    if (!filters_.empty() && !eval_.test_all(filters_, o, seed_)) out.pop();
  }
  return !out.empty();
}

std::string IndexJoinOp::describe(const VarTable& vars) const {
  auto slot_text = [&](const Slot& s) -> std::string {
    switch (s.kind) {
      case Slot::Const: return s.impossible ? "<absent>" : fmt::format("#{:x}", s.value);
      case Slot::Free:
      case Slot::Input:
      case Slot::Seed:
      case Slot::Same: return "?" + vars.name(s.var);
    }
    return "?";
  };
  return fmt::format("IndexJoin ({} {} {}) est={:.0f}{}", slot_text(slots_[0]), slot_text(slots_[1]),
                     slot_text(slots_[2]), estimate_,
                     filters_.empty() ? "" : fmt::format(" filters={}", filters_.size()));
}

}  // namespace kikv::sparql::exec
