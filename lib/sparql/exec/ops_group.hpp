// GROUP BY with aggregates (§18.5): hashes the input on the group keys and feeds each group's
// accumulators; without keys all rows form one group (which exists even for no input).
#pragma once

#include <memory>
#include <vector>

#include "sparql/exec/expr.hpp"
#include "sparql/exec/plan.hpp"

namespace kikv::sparql {
class Accumulator;
}

namespace kikv::sparql::exec {

struct GroupAggregate {
  AggregateKind kind = AggregateKind::Count;
  bool distinct = false;
  bool star = false;  ///< COUNT(*)
  std::string separator = " ";
  CExpr arg;
};

class GroupOp final : public PhysicalOp {
 public:
  /// Output schema: the key variables, then one variable per aggregate.
  GroupOp(Schema schema, OpPtr input, std::vector<CExpr> keys, std::vector<GroupAggregate> aggregates,
          Evaluator& eval);
  ~GroupOp() override;
  void open(ExecContext& ctx, const TermId* seed) override;
  bool next(Batch& out) override;
  std::string describe(const VarTable&) const override;
  std::vector<const PhysicalOp*> children() const override { return {input_.get()}; }

 private:
  struct Group;
  OpPtr input_;
  std::vector<CExpr> keys_;
  std::vector<GroupAggregate> aggregates_;
  Evaluator& eval_;
  std::vector<std::unique_ptr<Group>> groups_;
  size_t pos_ = 0;
};

}  // namespace kikv::sparql::exec
