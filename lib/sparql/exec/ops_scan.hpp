// Leaf and pattern operators: the unit row, VALUES tables, a settable single row, and the
// index join that extends each input row with the matches of one triple pattern.
#pragma once

#include <vector>

#include "rdf/quad_store.hpp"
#include "sparql/exec/expr.hpp"
#include "sparql/exec/plan.hpp"

namespace kikv::sparql::exec {

/// One row binding nothing (the empty group pattern).
class UnitOp final : public PhysicalOp {
 public:
  UnitOp() : PhysicalOp({}) {}
  void open(ExecContext&, const TermId*) override { done_ = false; }
  bool next(Batch& out) override;
  std::string describe(const VarTable&) const override { return "Unit"; }

 private:
  bool done_ = false;
};

/// A row set from outside before each open() (the input of per-row plans).
class RowSourceOp final : public PhysicalOp {
 public:
  explicit RowSourceOp(Schema schema) : PhysicalOp(std::move(schema)) {}
  void set_row(const TermId* row) { row_ = row; }
  void open(ExecContext&, const TermId*) override { done_ = false; }
  bool next(Batch& out) override;
  std::string describe(const VarTable& vars) const override;

 private:
  const TermId* row_ = nullptr;
  bool done_ = false;
};

/// VALUES: constant rows.
class TableOp final : public PhysicalOp {
 public:
  TableOp(Schema schema, RowStore rows) : PhysicalOp(std::move(schema)), rows_(std::move(rows)) {}
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable& vars) const override;

 private:
  RowStore rows_;
  size_t pos_ = 0;
  const TermId* seed_ = nullptr;
};

/// How one position of a triple pattern gets its value.
struct Slot {
  enum Kind : uint8_t {
    Const,  ///< a term id (`value`); `impossible` if the constant is not in the store
    Input,  ///< the input row's column `in_col` (a maybe-bound variable may be kNoTerm)
    Seed,   ///< the seed value of `var` (kNoTerm: acts as Free)
    Free,   ///< a new variable: written to the output's column `out_col`
    Same,   ///< repeats the free variable of slot `same_as` in this pattern: must be equal
  } kind = Const;
  TermId value = kNoTerm;
  bool impossible = false;
  int in_col = -1;
  int out_col = -1;
  VarId var = kNoVar;
  int same_as = -1;
};

/// For every input row, scans the store for one triple pattern (s, p, o) with the positions
/// bound by the row, and emits the row extended with the new variables. A BGP is a chain of
/// these over a UnitOp; a join with a BGP chains them over the other operand.
class IndexJoinOp final : public PhysicalOp {
 public:
  /// `schema` = input schema followed by the pattern's new variables.
  IndexJoinOp(Schema schema, OpPtr input, Slot s, Slot p, Slot o, std::vector<CExpr> filters,
              Evaluator& eval, double estimate);
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable& vars) const override;
  std::vector<const PhysicalOp*> children() const override { return {input_.get()}; }

 private:
  bool start_row();
  TermId bound_value(const Slot& slot) const;

  OpPtr input_;
  Slot slots_[3];
  std::vector<CExpr> filters_;
  Evaluator& eval_;
  double estimate_;
  // state
  ExecContext* ctx_ = nullptr;
  const TermId* seed_ = nullptr;
  std::vector<TermId> graphs_;
  Batch in_;
  size_t in_pos_ = 0;
  bool in_done_ = false;
  const TermId* row_ = nullptr;
  rdf::QuadPattern pattern_;
  size_t graph_pos_ = 0;
  bool scanning_ = false;
  rdf::QuadStore::Cursor cursor_;
  std::vector<std::array<TermId, 3>> seen_;  ///< dedupe across merged default graphs
};

}  // namespace kikv::sparql::exec
