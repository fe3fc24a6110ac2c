// Compiled expressions: the algebra's Expr with variables resolved to row columns, constants to
// term ids and functions to their implementations. Evaluated per row by the operators that own
// them (Filter, Extend, LeftJoin, Group, OrderBy ...).
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "sparql/algebra.hpp"
#include "sparql/exec/plan.hpp"

namespace kikv::sparql {
struct Function;
struct FunctionContext;
}  // namespace kikv::sparql

namespace kikv::sparql::exec {

struct CExpr {
  ExprKind kind = ExprKind::Constant;
  Builtin builtin = Builtin::None;
  TermId constant = kNoTerm;  ///< Constant (kNoTerm: a constant that is an error, e.g. bad IRI)
  VarId var = kNoVar;         ///< Var
  int column = -1;            ///< Var: column in the row, -1 if not in the row's schema
  const Function* function = nullptr;  ///< Builtin (plain ones) and FunctionCall
  std::vector<CExpr> args;
  /// Exists/NotExists: the pattern's plan and its scratch space.
  struct ExistsPlan {
    OpPtr pattern;
    Schema row_schema;           ///< schema of the rows the expression is evaluated on
    std::vector<TermId> seed;    ///< the row substituted into the pattern (§18.6)
    Batch batch;
  };
  std::shared_ptr<ExistsPlan> exists;
};

/// Variables an expression reads (for placing filters).
void expr_vars(const Expr& e, std::vector<VarId>& out);

/// Evaluates compiled expressions. One per query execution; re-entrant (EXISTS patterns may
/// evaluate expressions of their own).
class Evaluator {
 public:
  Evaluator(ExecContext& ctx, FunctionContext& fn) : ctx_(ctx), fn_(fn) {}

  /// The value, or nullopt for an error or an unbound variable.
  std::optional<TermId> eval(CExpr& e, const TermId* row, const TermId* seed);
  /// FILTER semantics: effective boolean value, errors are false.
  bool test(CExpr& e, const TermId* row, const TermId* seed);
  /// All of a conjunction.
  bool test_all(std::vector<CExpr>& es, const TermId* row, const TermId* seed) {
    for (CExpr& e : es)
      if (!test(e, row, seed)) return false;
    return true;
  }
  FunctionContext& functions() { return fn_; }
  ExecContext& context() { return ctx_; }

 private:
  bool exists(CExpr& e, const TermId* row, const TermId* seed);

  ExecContext& ctx_;
  FunctionContext& fn_;
};

}  // namespace kikv::sparql::exec
