// Unary operators: FILTER, BIND/select expressions (Extend), projection, DISTINCT, OFFSET/LIMIT,
// ORDER BY, and GRAPH.
#pragma once

#include <unordered_set>
#include <vector>

#include "sparql/exec/expr.hpp"
#include "sparql/exec/plan.hpp"

namespace kikv::sparql::exec {

class FilterOp final : public PhysicalOp {
 public:
  FilterOp(OpPtr input, std::vector<CExpr> exprs, Evaluator& eval)
      : PhysicalOp(input->schema()), input_(std::move(input)), exprs_(std::move(exprs)), eval_(eval) {}
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable&) const override;
  std::vector<const PhysicalOp*> children() const override { return {input_.get()}; }

 private:
  OpPtr input_;
  std::vector<CExpr> exprs_;
  Evaluator& eval_;
  ExecContext* ctx_ = nullptr;
  const TermId* seed_ = nullptr;
  Batch in_;
};

/// Binds each new variable to its expression's value (unbound on error), in order, so a later
/// expression sees the earlier ones.
class ExtendOp final : public PhysicalOp {
 public:
  /// `columns[i]`: output column of exprs[i]'s variable.
  ExtendOp(Schema schema, OpPtr input, std::vector<CExpr> exprs, std::vector<int> columns, Evaluator& eval);
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable&) const override;
  std::vector<const PhysicalOp*> children() const override { return {input_.get()}; }

 private:
  OpPtr input_;
  std::vector<CExpr> exprs_;
  std::vector<int> columns_;
  Evaluator& eval_;
  ExecContext* ctx_ = nullptr;
  const TermId* seed_ = nullptr;
  Batch in_;
};

/// Keeps the columns of `schema` (missing ones are unbound; seeded ones take the seed value).
class ProjectOp final : public PhysicalOp {
 public:
  ProjectOp(Schema schema, OpPtr input);
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable&) const override;
  std::vector<const PhysicalOp*> children() const override { return {input_.get()}; }

 private:
  OpPtr input_;
  std::vector<int> map_;
  const TermId* seed_ = nullptr;
  Batch in_;
};

class DistinctOp final : public PhysicalOp {
 public:
  explicit DistinctOp(OpPtr input) : PhysicalOp(input->schema()), input_(std::move(input)) {}
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable&) const override { return "Distinct"; }
  std::vector<const PhysicalOp*> children() const override { return {input_.get()}; }

 private:
  struct RowHash {
    size_t width;
    const std::vector<TermId>* store;
    size_t operator()(uint32_t i) const;
  };
  struct RowEq {
    size_t width;
    const std::vector<TermId>* store;
    bool operator()(uint32_t a, uint32_t b) const;
  };
  OpPtr input_;
  ExecContext* ctx_ = nullptr;
  Batch in_;
  std::vector<TermId> rows_;  ///< seen rows; the last slot is a probe slot
  std::unordered_set<uint32_t, RowHash, RowEq> seen_{16, RowHash{0, nullptr}, RowEq{0, nullptr}};
};

class SliceOp final : public PhysicalOp {
 public:
  SliceOp(OpPtr input, uint64_t offset, std::optional<uint64_t> limit)
      : PhysicalOp(input->schema()), input_(std::move(input)), offset_(offset), limit_(limit) {}
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable&) const override;
  std::vector<const PhysicalOp*> children() const override { return {input_.get()}; }

 private:
  OpPtr input_;
  uint64_t offset_;
  std::optional<uint64_t> limit_;
  uint64_t skipped_ = 0, emitted_ = 0;
  Batch in_;
};

struct SortKey {
  CExpr expr;
  bool descending = false;
};

class OrderByOp final : public PhysicalOp {
 public:
  OrderByOp(OpPtr input, std::vector<SortKey> keys, Evaluator& eval)
      : PhysicalOp(input->schema()), input_(std::move(input)), keys_(std::move(keys)), eval_(eval) {}
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable&) const override;
  std::vector<const PhysicalOp*> children() const override { return {input_.get()}; }

 private:
  OpPtr input_;
  std::vector<SortKey> keys_;
  Evaluator& eval_;
  RowStore rows_;
  std::vector<uint32_t> order_;
  size_t pos_ = 0;
};

/// GRAPH <iri> or GRAPH ?g: runs the pattern once per graph with that graph active, binding
/// ?g (when a variable) to the graph's name.
class GraphOp final : public PhysicalOp {
 public:
  /// `graph_col`: output column of ?g (-1 for a constant graph). `fixed`: the constant graph
  /// (kNoTerm for a variable; `absent` if the constant names no graph in the store).
  GraphOp(Schema schema, OpPtr input, int graph_col, VarId graph_var, TermId fixed, bool absent);
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable&) const override;
  std::vector<const PhysicalOp*> children() const override { return {input_.get()}; }

 private:
  void open_graph();
  OpPtr input_;
  int graph_col_;
  VarId graph_var_;
  TermId fixed_;
  bool absent_;
  std::vector<int> map_;  ///< input column → output column
  ExecContext* ctx_ = nullptr;
  const TermId* seed_ = nullptr;
  std::vector<TermId> graphs_;
  std::vector<TermId> saved_active_;
  size_t pos_ = 0;
  bool open_ = false;
  Batch in_;
};

}  // namespace kikv::sparql::exec
