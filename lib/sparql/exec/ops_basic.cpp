#include "sparql/exec/ops_basic.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "sparql/eval/functions.hpp"
#include "sparql/eval/operators.hpp"

namespace kikv::sparql::exec {

// --- Filter ----------------------------------------------------------------------------------

void FilterOp::open(ExecContext& ctx, const TermId* seed) {
  ctx_ = &ctx;
  seed_ = seed;
  input_->open(ctx, seed);
}

bool FilterOp::next(Batch& out) {
  out.reset(width());
  while (out.empty()) {
    if (!input_->next(in_)) return false;
    ctx_->check();
    for (size_t i = 0; i < in_.size(); ++i) {
      const TermId* r = in_.row(i);
      if (eval_.test_all(exprs_, r, seed_)) out.append(r);
    }
  }
  return true;
}

std::string FilterOp::describe(const VarTable&) const { return fmt::format("Filter ({} conditions)", exprs_.size()); }

// --- Extend ----------------------------------------------------------------------------------

ExtendOp::ExtendOp(Schema schema, OpPtr input, std::vector<CExpr> exprs, std::vector<int> columns,
                   Evaluator& eval)
    : PhysicalOp(std::move(schema)),
      input_(std::move(input)),
      exprs_(std::move(exprs)),
      columns_(std::move(columns)),
      eval_(eval) {}

void ExtendOp::open(ExecContext& ctx, const TermId* seed) {
  ctx_ = &ctx;
  seed_ = seed;
  input_->open(ctx, seed);
}

bool ExtendOp::next(Batch& out) {
  out.reset(width());
  if (!input_->next(in_)) return false;
  ctx_->check();
  const size_t iw = input_->width();
  for (size_t i = 0; i < in_.size(); ++i) {
    TermId* o = out.append();
    std::copy(in_.row(i), in_.row(i) + iw, o);
    eval_.functions().start_solution();  // BNODE(label) is one node per solution
    for (size_t k = 0; k < exprs_.size(); ++k) {
      // BIND to a variable that is already bound is a static error; a row where an extended
      // variable already has a value (seeded EXISTS) keeps it.
      if (o[columns_[k]] != kNoTerm) continue;
      if (auto v = eval_.eval(exprs_[k], o, seed_)) o[columns_[k]] = *v;
    }
  }
  return true;
}

std::string ExtendOp::describe(const VarTable& vars) const {
  Schema bound;
  for (int c : columns_) bound.push_back(schema_[static_cast<size_t>(c)]);
  return "Extend " + schema_names(bound, vars);
}

// --- Project ---------------------------------------------------------------------------------

ProjectOp::ProjectOp(Schema schema, OpPtr input) : PhysicalOp(std::move(schema)), input_(std::move(input)) {
  for (VarId v : schema_) map_.push_back(column_of(input_->schema(), v));
}

void ProjectOp::open(ExecContext& ctx, const TermId* seed) {
  seed_ = seed;
  input_->open(ctx, seed);
}

bool ProjectOp::next(Batch& out) {
  out.reset(width());
  if (!input_->next(in_)) return false;
  for (size_t i = 0; i < in_.size(); ++i) {
    const TermId* r = in_.row(i);
    TermId* o = out.append();
    for (size_t c = 0; c < map_.size(); ++c) {
      o[c] = map_[c] >= 0 ? r[map_[c]] : (seed_ ? seed_[schema_[c]] : kNoTerm);
    }
  }
  return true;
}

std::string ProjectOp::describe(const VarTable& vars) const { return "Project " + schema_names(schema_, vars); }

// --- Distinct --------------------------------------------------------------------------------

size_t DistinctOp::RowHash::operator()(uint32_t i) const {
  uint64_t h = 0x9e3779b97f4a7c15ULL;
  const TermId* r = store->data() + size_t{i} * width;
  for (size_t c = 0; c < width; ++c) h = (h ^ r[c]) * 0xff51afd7ed558ccdULL;
  return static_cast<size_t>(h ^ (h >> 31));
}

bool DistinctOp::RowEq::operator()(uint32_t a, uint32_t b) const {
  const TermId* ra = store->data() + size_t{a} * width;
  const TermId* rb = store->data() + size_t{b} * width;
  return std::equal(ra, ra + width, rb);
}

void DistinctOp::open(ExecContext& ctx, const TermId* seed) {
  ctx_ = &ctx;
  input_->open(ctx, seed);
  rows_.clear();
  seen_ = std::unordered_set<uint32_t, RowHash, RowEq>(64, RowHash{width(), &rows_}, RowEq{width(), &rows_});
}

bool DistinctOp::next(Batch& out) {
  out.reset(width());
  const size_t w = width();
  while (out.empty()) {
    if (!input_->next(in_)) return false;
    ctx_->check();
    for (size_t i = 0; i < in_.size(); ++i) {
      const TermId* r = in_.row(i);
      const auto index = static_cast<uint32_t>(w ? rows_.size() / w : seen_.size());
      rows_.insert(rows_.end(), r, r + w);
      if (seen_.insert(index).second) {
        out.append(r);
      } else {
        rows_.resize(rows_.size() - w);
      }
      if (w == 0 && !seen_.empty()) break;  // all rows without columns are the same row
    }
  }
  return true;
}

// --- Slice -----------------------------------------------------------------------------------

void SliceOp::open(ExecContext& ctx, const TermId* seed) {
  input_->open(ctx, seed);
  skipped_ = emitted_ = 0;
}

bool SliceOp::next(Batch& out) {
  out.reset(width());
  while (out.empty()) {
    if (limit_ && emitted_ >= *limit_) return false;
    if (!input_->next(in_)) return false;
    for (size_t i = 0; i < in_.size(); ++i) {
      if (skipped_ < offset_) {
        ++skipped_;
        continue;
      }
      if (limit_ && emitted_ >= *limit_) break;
      out.append(in_.row(i));
      ++emitted_;
    }
  }
  return true;
}

std::string SliceOp::describe(const VarTable&) const {
  return fmt::format("Slice offset={} limit={}", offset_, limit_ ? std::to_string(*limit_) : "none");
}

// --- OrderBy ---------------------------------------------------------------------------------

void OrderByOp::open(ExecContext& ctx, const TermId* seed) {
  input_->open(ctx, seed);
  const size_t w = width(), k = keys_.size();
  // Each stored row is the input row followed by its sort key values.
  rows_ = RowStore(w + k);
  Batch in;
  std::vector<TermId> buf(w + k);
  while (input_->next(in)) {
    ctx.check();
    for (size_t i = 0; i < in.size(); ++i) {
      std::copy(in.row(i), in.row(i) + w, buf.begin());
      for (size_t j = 0; j < k; ++j) buf[w + j] = eval_.eval(keys_[j].expr, in.row(i), seed).value_or(kNoTerm);
      rows_.add(buf.data());
    }
  }
  order_.resize(rows_.size());
  for (size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<uint32_t>(i);
  const TermTable& terms = ctx.terms;
  std::stable_sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
    const TermId* ra = rows_.row(a) + w;
    const TermId* rb = rows_.row(b) + w;
    for (size_t j = 0; j < k; ++j) {
      int c = order_compare(ra[j], rb[j], terms);
      if (c != 0) return keys_[j].descending ? c > 0 : c < 0;
    }
    return false;
  });
  pos_ = 0;
}

bool OrderByOp::next(Batch& out) {
  out.reset(width());
  while (pos_ < order_.size() && !out.full()) out.append(rows_.row(order_[pos_++]));
  return !out.empty();
}

std::string OrderByOp::describe(const VarTable&) const { return fmt::format("OrderBy ({} keys)", keys_.size()); }

// --- Graph -----------------------------------------------------------------------------------

GraphOp::GraphOp(Schema schema, OpPtr input, int graph_col, VarId graph_var, TermId fixed, bool absent)
    : PhysicalOp(std::move(schema)),
      input_(std::move(input)),
      graph_col_(graph_col),
      graph_var_(graph_var),
      fixed_(fixed),
      absent_(absent) {
  for (VarId v : input_->schema()) map_.push_back(column_of(schema_, v));
}

void GraphOp::open(ExecContext& ctx, const TermId* seed) {
  ctx_ = &ctx;
  seed_ = seed;
  graphs_.clear();
  const std::vector<TermId> visible = ctx.visible_named_graphs();
  auto is_visible = [&](TermId g) { return std::find(visible.begin(), visible.end(), g) != visible.end(); };
  if (graph_var_ == kNoVar) {
    if (!absent_ && is_visible(fixed_)) graphs_.push_back(fixed_);
  } else if (seed && seed[graph_var_] != kNoTerm) {
    if (is_visible(seed[graph_var_])) graphs_.push_back(seed[graph_var_]);
  } else {
    graphs_ = visible;
  }
  pos_ = 0;
  open_ = false;
}

void GraphOp::open_graph() {
  saved_active_ = ctx_->active_graphs;
  ctx_->active_graphs = {graphs_[pos_]};
  input_->open(*ctx_, seed_);
  ctx_->active_graphs = saved_active_;
  open_ = true;
}

bool GraphOp::next(Batch& out) {
  out.reset(width());
  while (out.empty()) {
    if (!open_) {
      if (pos_ >= graphs_.size()) return false;
      open_graph();
    }
    // The graph stays active while the pattern runs: operators that open sub-plans lazily
    // (OPTIONAL per row, EXISTS) read it then.
    const TermId g = graphs_[pos_];
    saved_active_ = ctx_->active_graphs;
    ctx_->active_graphs = {g};
    const bool more = input_->next(in_);
    ctx_->active_graphs = saved_active_;
    if (!more) {
      open_ = false;
      ++pos_;
      continue;
    }
    for (size_t i = 0; i < in_.size(); ++i) {
      const TermId* r = in_.row(i);
      TermId* o = out.append();
      for (size_t c = 0; c < map_.size(); ++c) o[map_[c]] = r[c];
      if (graph_col_ >= 0) {
        // The pattern may bind ?g itself (GRAPH ?g { ?g ?p ?o }): it must agree.
        if (o[graph_col_] != kNoTerm && o[graph_col_] != g) {
          out.pop();
          continue;
        }
        o[graph_col_] = g;
      }
    }
  }
  return true;
}

std::string GraphOp::describe(const VarTable& vars) const {
  return graph_var_ == kNoVar ? fmt::format("Graph #{:x}", fixed_) : "Graph ?" + vars.name(graph_var_);
}

}  // namespace kikv::sparql::exec
