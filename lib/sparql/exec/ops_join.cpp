#include "sparql/exec/ops_join.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kikv::sparql::exec {
namespace {

inline uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdULL;
}

bool is_certain(const std::vector<VarId>& certain, VarId v) {
  return std::binary_search(certain.begin(), certain.end(), v);
}

}  // namespace

// --- HashedRows ------------------------------------------------------------------------------

uint64_t HashedRows::hash_key(const TermId* row, const std::vector<int>& cols) const {
  uint64_t h = 0x12345;
  for (int c : cols) h = mix(h, row[c]);
  return h;
}

void HashedRows::build(PhysicalOp& op, ExecContext& ctx, const TermId* seed, std::vector<int> key_cols) {
  key_cols_ = std::move(key_cols);
  rows_ = RowStore(op.width());
  op.open(ctx, seed);
  Batch b;
  while (op.next(b)) {
    ctx.check();
    for (size_t i = 0; i < b.size(); ++i) rows_.add(b.row(i));
  }
  heads_.clear();
  chain_.clear();
  if (key_cols_.empty()) return;
  size_t buckets = 16;
  while (buckets < rows_.size() * 2) buckets <<= 1;
  heads_.assign(buckets, UINT32_MAX);
  chain_.assign(rows_.size(), UINT32_MAX);
  for (size_t i = 0; i < rows_.size(); ++i) {
    const size_t bucket = hash_key(rows_.row(i), key_cols_) & (buckets - 1);
    chain_[i] = heads_[bucket];
    heads_[bucket] = static_cast<uint32_t>(i);
  }
}

template <typename Fn>
void HashedRows::probe(const TermId* probe_row, const std::vector<int>& probe_cols, Fn&& fn) const {
  if (key_cols_.empty()) {
    for (size_t i = 0; i < rows_.size(); ++i) fn(i, rows_.row(i));
    return;
  }
  const size_t b = hash_key(probe_row, probe_cols) & (heads_.size() - 1);
  for (uint32_t i = heads_[b]; i != UINT32_MAX; i = chain_[i]) {
    const TermId* r = rows_.row(i);
    bool eq = true;
    for (size_t k = 0; k < key_cols_.size() && eq; ++k) eq = r[key_cols_[k]] == probe_row[probe_cols[k]];
    if (eq) fn(size_t{i}, r);
  }
}

// --- JoinLayout ------------------------------------------------------------------------------

JoinLayout JoinLayout::make(const Schema& left, const Schema& right, const std::vector<VarId>& certain) {
  JoinLayout l;
  l.out = left;
  for (size_t rc = 0; rc < right.size(); ++rc) {
    const int lc = column_of(left, right[rc]);
    if (lc >= 0) {
      l.right_to_out.push_back(lc);
      l.shared.emplace_back(lc, static_cast<int>(rc));
      if (is_certain(certain, right[rc])) {
        l.left_keys.push_back(lc);
        l.right_keys.push_back(static_cast<int>(rc));
      }
    } else {
      l.right_to_out.push_back(static_cast<int>(l.out.size()));
      l.out.push_back(right[rc]);
    }
  }
  return l;
}

bool JoinLayout::compatible(const TermId* l, const TermId* r) const {
  for (auto [lc, rc] : shared) {
    if (l[lc] != kNoTerm && r[rc] != kNoTerm && l[lc] != r[rc]) return false;
  }
  return true;
}

void JoinLayout::merge_right(TermId* row, const TermId* r) const {
  for (size_t rc = 0; rc < right_to_out.size(); ++rc) {
    if (r[rc] != kNoTerm) row[right_to_out[rc]] = r[rc];
  }
}

// --- HashJoinOp ------------------------------------------------------------------------------

HashJoinOp::HashJoinOp(OpPtr left, OpPtr right, const std::vector<VarId>& certain)
    : PhysicalOp({}), left_(std::move(left)), right_(std::move(right)) {
  layout_ = JoinLayout::make(left_->schema(), right_->schema(), certain);
  schema_ = layout_.out;
}

void HashJoinOp::open(ExecContext& ctx, const TermId* seed) {
  ctx_ = &ctx;
  table_.build(*right_, ctx, seed, layout_.right_keys);
  left_->open(ctx, seed);
  in_.clear();
  in_pos_ = 0;
  done_ = table_.size() == 0;  // nothing can join
  pending_.clear();
  pending_pos_ = 0;
}

bool HashJoinOp::next(Batch& out) {
  out.reset(width());
  const size_t lw = left_->width();
  while (!out.full()) {
    if (pending_pos_ < pending_.size()) {
      TermId* o = out.append();
      std::copy(row_, row_ + lw, o);
      layout_.merge_right(o, table_.row(pending_[pending_pos_++]));
      continue;
    }
    if (done_) break;
    if (in_pos_ >= in_.size()) {
      if (!left_->next(in_)) {
        done_ = true;
        break;
      }
      in_pos_ = 0;
      ctx_->check();
    }
    row_ = in_.row(in_pos_++);
    pending_.clear();
    pending_pos_ = 0;
    table_.probe(row_, layout_.left_keys, [&](size_t i, const TermId* r) {
      if (layout_.compatible(row_, r)) pending_.push_back(static_cast<uint32_t>(i));
    });
  }
  return !out.empty();
}

std::string HashJoinOp::describe(const VarTable& vars) const {
  Schema keys;
  for (int c : layout_.left_keys) keys.push_back(left_->schema()[static_cast<size_t>(c)]);
  return "HashJoin on " + (keys.empty() ? std::string("(cross product)") : schema_names(keys, vars));
}

// --- HashLeftJoinOp --------------------------------------------------------------------------

HashLeftJoinOp::HashLeftJoinOp(OpPtr left, OpPtr right, const std::vector<VarId>& certain,
                               std::vector<CExpr> exprs, Evaluator& eval)
    : PhysicalOp({}), left_(std::move(left)), right_(std::move(right)), exprs_(std::move(exprs)), eval_(eval) {
  layout_ = JoinLayout::make(left_->schema(), right_->schema(), certain);
  schema_ = layout_.out;
}

void HashLeftJoinOp::open(ExecContext& ctx, const TermId* seed) {
  ctx_ = &ctx;
  seed_ = seed;
  table_.build(*right_, ctx, seed, layout_.right_keys);
  left_->open(ctx, seed);
  in_.clear();
  in_pos_ = 0;
  done_ = false;
}

bool HashLeftJoinOp::next(Batch& out) {
  out.reset(width());
  const size_t lw = left_->width();
  // A left row may produce many rows; finish it even if the batch grows past kBatchRows.
  while (!out.full() && !done_) {
    if (in_pos_ >= in_.size()) {
      if (!left_->next(in_)) {
        done_ = true;
        break;
      }
      in_pos_ = 0;
      ctx_->check();
    }
    const TermId* row = in_.row(in_pos_++);
    bool matched = false;
    table_.probe(row, layout_.left_keys, [&](size_t, const TermId* r) {
      if (!layout_.compatible(row, r)) return;
      TermId* o = out.append();
      std::copy(row, row + lw, o);
      layout_.merge_right(o, r);
      if (!exprs_.empty() && !eval_.test_all(exprs_, o, seed_)) {
        out.pop();
        return;
      }
      matched = true;
    });
    if (!matched) {
      TermId* o = out.append();
      std::copy(row, row + lw, o);
    }
  }
  return !out.empty();
}

std::string HashLeftJoinOp::describe(const VarTable& vars) const {
  Schema keys;
  for (int c : layout_.left_keys) keys.push_back(left_->schema()[static_cast<size_t>(c)]);
  return "HashLeftJoin on " + (keys.empty() ? std::string("(all)") : schema_names(keys, vars)) +
         (exprs_.empty() ? "" : fmt::format(" filters={}", exprs_.size()));
}

// --- ChainLeftJoinOp -------------------------------------------------------------------------

ChainLeftJoinOp::ChainLeftJoinOp(OpPtr left, OpPtr chain, RowSourceOp* source,
                                 std::vector<CExpr> exprs, Evaluator& eval)
    : PhysicalOp(chain->schema()),
      left_(std::move(left)),
      chain_(std::move(chain)),
      source_(source),
      exprs_(std::move(exprs)),
      eval_(eval) {}

void ChainLeftJoinOp::open(ExecContext& ctx, const TermId* seed) {
  ctx_ = &ctx;
  seed_ = seed;
  left_->open(ctx, seed);
  in_.clear();
  in_pos_ = 0;
  done_ = false;
  in_chain_ = false;
}

bool ChainLeftJoinOp::next(Batch& out) {
  out.reset(width());
  const size_t lw = left_->width();
  while (!out.full()) {
    if (in_chain_) {
      if (chain_->next(chain_out_)) {
        for (size_t i = 0; i < chain_out_.size(); ++i) {
          const TermId* r = chain_out_.row(i);
          if (!exprs_.empty() && !eval_.test_all(exprs_, const_cast<TermId*>(r), seed_)) continue;
          out.append(r);
          matched_ = true;
        }
        continue;
      }
      in_chain_ = false;
      if (!matched_) {
        TermId* o = out.append();
        std::copy(row_, row_ + lw, o);
      }
      continue;
    }
    if (done_) break;
    if (in_pos_ >= in_.size()) {
      if (!left_->next(in_)) {
        done_ = true;
        break;
      }
      in_pos_ = 0;
      ctx_->check();
    }
    row_ = in_.row(in_pos_++);
    source_->set_row(row_);
    chain_->open(*ctx_, seed_);
    in_chain_ = true;
    matched_ = false;
  }
  return !out.empty();
}

std::string ChainLeftJoinOp::describe(const VarTable&) const {
  return "ChainLeftJoin (per row)" + (exprs_.empty() ? std::string() : fmt::format(" filters={}", exprs_.size()));
}

// --- MinusOp ---------------------------------------------------------------------------------

MinusOp::MinusOp(OpPtr left, OpPtr right, const std::vector<VarId>& certain)
    : PhysicalOp(left->schema()), left_(std::move(left)), right_(std::move(right)) {
  layout_ = JoinLayout::make(left_->schema(), right_->schema(), certain);
}

void MinusOp::open(ExecContext& ctx, const TermId* seed) {
  ctx_ = &ctx;
  table_.build(*right_, ctx, seed, layout_.right_keys);
  left_->open(ctx, seed);
}

bool MinusOp::next(Batch& out) {
  out.reset(width());
  while (out.empty()) {
    if (!left_->next(in_)) return false;
    ctx_->check();
    for (size_t i = 0; i < in_.size(); ++i) {
      const TermId* row = in_.row(i);
      bool removed = false;
      table_.probe(row, layout_.left_keys, [&](size_t, const TermId* r) {
        if (removed || !layout_.compatible(row, r)) return;
        // Only rows sharing a bound variable remove (dom(μ) ∩ dom(μ') ≠ ∅).
        for (auto [lc, rc] : layout_.shared) {
          if (row[lc] != kNoTerm && r[rc] != kNoTerm) {
            removed = true;
            return;
          }
        }
      });
      if (!removed) out.append(row);
    }
  }
  return true;
}

std::string MinusOp::describe(const VarTable& vars) const {
  Schema keys;
  for (int c : layout_.left_keys) keys.push_back(left_->schema()[static_cast<size_t>(c)]);
  return "Minus on " + (keys.empty() ? std::string("(all)") : schema_names(keys, vars));
}

// --- UnionOp ---------------------------------------------------------------------------------

UnionOp::UnionOp(std::vector<OpPtr> branches) : PhysicalOp({}), branches_(std::move(branches)) {
  for (const OpPtr& b : branches_) {
    std::vector<int> map;
    for (VarId v : b->schema()) {
      int c = column_of(schema_, v);
      if (c < 0) {
        c = static_cast<int>(schema_.size());
        schema_.push_back(v);
      }
      map.push_back(c);
    }
    maps_.push_back(std::move(map));
  }
}

void UnionOp::open(ExecContext& ctx, const TermId* seed) {
  ctx_ = &ctx;
  seed_ = seed;
  current_ = 0;
  if (!branches_.empty()) branches_[0]->open(ctx, seed);
}

bool UnionOp::next(Batch& out) {
  out.reset(width());
  while (current_ < branches_.size()) {
    if (branches_[current_]->next(in_)) {
      const auto& map = maps_[current_];
      for (size_t i = 0; i < in_.size(); ++i) {
        const TermId* r = in_.row(i);
        TermId* o = out.append();
        for (size_t c = 0; c < map.size(); ++c) o[map[c]] = r[c];
      }
      return true;
    }
    if (++current_ < branches_.size()) branches_[current_]->open(*ctx_, seed_);
  }
  return false;
}

std::string UnionOp::describe(const VarTable&) const { return fmt::format("Union ({} branches)", branches_.size()); }

std::vector<const PhysicalOp*> UnionOp::children() const {
  std::vector<const PhysicalOp*> out;
  for (const OpPtr& b : branches_) out.push_back(b.get());
  return out;
}

}  // namespace kikv::sparql::exec
