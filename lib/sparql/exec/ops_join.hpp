// Binary operators: hash join, left join (hash-based and per-row over pattern chains), minus
// and union. Join compatibility follows SPARQL: two rows are compatible if every variable they
// share is unbound in one of them or bound to the same term in both.
#pragma once

#include <vector>

#include "sparql/exec/expr.hpp"
#include "sparql/exec/ops_scan.hpp"
#include "sparql/exec/plan.hpp"

namespace kikv::sparql::exec {

/// Rows of one operand held in memory with a hash index on some of their columns.
class HashedRows {
 public:
  /// `key_cols`: columns hashed (variables bound in every row of both sides).
  void build(PhysicalOp& op, ExecContext& ctx, const TermId* seed, std::vector<int> key_cols);
  size_t size() const { return rows_.size(); }
  const TermId* row(size_t i) const { return rows_.row(i); }
  /// Calls fn(index, row) for each row whose key equals the probe's (all rows if no key columns).
  template <typename Fn>
  void probe(const TermId* probe_row, const std::vector<int>& probe_cols, Fn&& fn) const;

 private:
  uint64_t hash_key(const TermId* row, const std::vector<int>& cols) const;
  RowStore rows_;
  std::vector<int> key_cols_;
  std::vector<uint32_t> heads_;
  std::vector<uint32_t> chain_;
};

/// Column mapping between two operands and the output of a join-like operator.
struct JoinLayout {
  /// Output schema = left schema + right-only variables.
  Schema out;
  std::vector<int> right_to_out;      ///< per right column: its output column
  std::vector<std::pair<int, int>> shared;  ///< (left col, right col) of shared variables
  std::vector<int> left_keys, right_keys;   ///< hashed columns (certain on both sides)

  /// `certain`: variables bound in every row of both operands.
  static JoinLayout make(const Schema& left, const Schema& right, const std::vector<VarId>& certain);
  bool compatible(const TermId* l, const TermId* r) const;
  /// Writes the merged row (out must be filled with the left row first).
  void merge_right(TermId* row, const TermId* r) const;
};

class HashJoinOp final : public PhysicalOp {
 public:
  HashJoinOp(OpPtr left, OpPtr right, const std::vector<VarId>& certain);
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable& vars) const override;
  std::vector<const PhysicalOp*> children() const override { return {left_.get(), right_.get()}; }

 private:
  OpPtr left_, right_;
  JoinLayout layout_;
  HashedRows table_;
  ExecContext* ctx_ = nullptr;
  Batch in_;
  size_t in_pos_ = 0;
  bool done_ = false;
  std::vector<uint32_t> pending_;  ///< matches of the current left row not yet emitted
  size_t pending_pos_ = 0;
  const TermId* row_ = nullptr;
};

/// OPTIONAL over any right operand: the right side is materialised and hashed.
class HashLeftJoinOp final : public PhysicalOp {
 public:
  HashLeftJoinOp(OpPtr left, OpPtr right, const std::vector<VarId>& certain,
                 std::vector<CExpr> exprs, Evaluator& eval);
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable& vars) const override;
  std::vector<const PhysicalOp*> children() const override { return {left_.get(), right_.get()}; }

 private:
  OpPtr left_, right_;
  JoinLayout layout_;
  std::vector<CExpr> exprs_;
  Evaluator& eval_;
  HashedRows table_;
  ExecContext* ctx_ = nullptr;
  const TermId* seed_ = nullptr;
  Batch in_;
  size_t in_pos_ = 0;
  bool done_ = false;
};

/// OPTIONAL whose right side is a chain of pattern steps: evaluated once per left row with the
/// row as the chain's input, so that the row's bindings drive the index lookups.
class ChainLeftJoinOp final : public PhysicalOp {
 public:
  /// `chain`'s input is `source` (a RowSourceOp with the left schema); chain schema extends it.
  ChainLeftJoinOp(OpPtr left, OpPtr chain, RowSourceOp* source, std::vector<CExpr> exprs,
                  Evaluator& eval);
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable& vars) const override;
  std::vector<const PhysicalOp*> children() const override { return {left_.get(), chain_.get()}; }

 private:
  OpPtr left_, chain_;
  RowSourceOp* source_;
  std::vector<CExpr> exprs_;
  Evaluator& eval_;
  ExecContext* ctx_ = nullptr;
  const TermId* seed_ = nullptr;
  Batch in_, chain_out_;
  size_t in_pos_ = 0;
  bool done_ = false;
  bool in_chain_ = false;
  bool matched_ = false;
  const TermId* row_ = nullptr;
};

class MinusOp final : public PhysicalOp {
 public:
  MinusOp(OpPtr left, OpPtr right, const std::vector<VarId>& certain);
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable& vars) const override;
  std::vector<const PhysicalOp*> children() const override { return {left_.get(), right_.get()}; }

 private:
  OpPtr left_, right_;
  JoinLayout layout_;
  HashedRows table_;
  ExecContext* ctx_ = nullptr;
  Batch in_;
};

class UnionOp final : public PhysicalOp {
 public:
  explicit UnionOp(std::vector<OpPtr> branches);
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable& vars) const override;
  std::vector<const PhysicalOp*> children() const override;

 private:
  std::vector<OpPtr> branches_;
  std::vector<std::vector<int>> maps_;  ///< per branch: output column of each branch column
  size_t current_ = 0;
  ExecContext* ctx_ = nullptr;
  const TermId* seed_ = nullptr;
  Batch in_;
};

}  // namespace kikv::sparql::exec
