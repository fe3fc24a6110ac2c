// Physical operators: the executable form of the algebra. Each produces batches of rows of its
// schema. open() (re)starts it — cheaply, since some operators are reopened once per input row
// (OPTIONAL over patterns, EXISTS) — and next() fills a batch.
//
// `seed` passed to open() holds values for variables bound outside the operator (by EXISTS,
// which substitutes the current solution into its pattern, SPARQL 1.1 §18.6). It is indexed by
// VarId over the whole query's variable table; kNoTerm = not bound. May be null.
#pragma once

#include <memory>
#include <string>

#include "sparql/exec/batch.hpp"
#include "sparql/exec/context.hpp"

namespace kikv::sparql::exec {

class PhysicalOp {
 public:
  explicit PhysicalOp(Schema schema) : schema_(std::move(schema)) {}
  virtual ~PhysicalOp() = default;
  PhysicalOp(const PhysicalOp&) = delete;
  PhysicalOp& operator=(const PhysicalOp&) = delete;

  const Schema& schema() const { return schema_; }
  size_t width() const { return schema_.size(); }

  virtual void open(ExecContext& ctx, const TermId* seed) = 0;
  /// Clears `out`, sets its width and fills it with up to kBatchRows rows. Returns false, with
  /// `out` empty, once the operator is exhausted.
  virtual bool next(Batch& out) = 0;
  /// One line describing the operator for `kikv query --explain`; children are printed by
  /// explain_tree().
  virtual std::string describe(const VarTable& vars) const = 0;
  virtual std::vector<const PhysicalOp*> children() const { return {}; }

 protected:
  Schema schema_;
};

using OpPtr = std::unique_ptr<PhysicalOp>;

/// The plan as an indented tree, one operator per line.
std::string explain_tree(const PhysicalOp& op, const VarTable& vars);
/// "?a ?b" for a schema.
std::string schema_names(const Schema& schema, const VarTable& vars);

}  // namespace kikv::sparql::exec
