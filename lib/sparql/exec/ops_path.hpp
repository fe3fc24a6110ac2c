// A property-path pattern joined to its input: for each input row, the path's matches with the
// subject/object bound by the row (or free).
#pragma once

#include "sparql/exec/ops_scan.hpp"
#include "sparql/exec/path_eval.hpp"

namespace kikv::sparql::exec {

class PathJoinOp final : public PhysicalOp {
 public:
  /// `schema` = input schema followed by new variables; slots as for IndexJoinOp (`o.kind ==
  /// Slot::Same` when subject and object are the same variable).
  PathJoinOp(Schema schema, OpPtr input, Slot s, CPath path, Slot o, std::vector<CExpr> filters, Evaluator& eval);
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable& vars) const override;
  std::vector<const PhysicalOp*> children() const override { return {input_.get()}; }

 private:
  TermId bound_value(const Slot& slot) const;
  /// Whether x occurs as a subject or object in the active graphs.
  bool is_node(TermId x) const;
  void compute_row();

  OpPtr input_;
  Slot s_, o_;
  CPath path_;
  std::vector<CExpr> filters_;
  Evaluator& eval_;
  ExecContext* ctx_ = nullptr;
  const TermId* seed_ = nullptr;
  std::vector<TermId> graphs_;
  Batch in_;
  size_t in_pos_ = 0;
  bool in_done_ = false;
  const TermId* row_ = nullptr;
  std::vector<std::pair<TermId, TermId>> matches_;
  size_t match_pos_ = 0;
};

}  // namespace kikv::sparql::exec
