// Constant folding: an expression whose arguments are all constants is evaluated once, by the
// executor's own evaluator (so folding can never change a result), and replaced by its value.
// This matters for KIK-V questions: once parameters are bound, period boundaries such as
// xsd:date(CONCAT(STR(2024), "-01-01")) + "P3M"^^xsd:duration become plain dates.
// Not folded: non-deterministic functions (RAND, NOW, UUID, STRUUID, BNODE), IRI() (it needs
// the query's base), EXISTS, and expressions whose evaluation is an error (they stay, and fail
// at run time as before).
#include "rdf/quad_store.hpp"
#include "sparql/eval/functions.hpp"
#include "sparql/exec/compile.hpp"
#include "sparql/optimizer/optimizer.hpp"

namespace kikv::sparql {
namespace {

class Folder {
 public:
  explicit Folder(TermTable& terms)
      : terms_(terms), ctx_(empty_store(), terms, vars_), fn_(terms), eval_(ctx_, fn_), compiler_(ctx_, eval_, vars_) {}

  void fold(Expr& e) {
    for (Expr& a : e.args) fold(a);
    for (Op& p : e.pattern) fold_op(p);
    if (!foldable(e)) return;
    try {
      exec::CExpr c = compiler_.compile_expr(e, {});
      if (auto v = eval_.eval(c, nullptr, nullptr)) e = Expr::constant(terms_.term(*v));
    } catch (const Error&) {
      // Left as it is: compiling it later reports the problem in context.
    }
  }

  void fold_op(Op& op) {
    for (Op& c : op.children) fold_op(c);
    for (Expr& e : op.exprs) fold(e);
    for (VarBinding& b : op.bindings) fold(b.expr);
    for (Aggregate& a : op.aggregates)
      for (Expr& e : a.args) fold(e);
    for (OrderKey& k : op.order) fold(k.expr);
  }

 private:
  static const rdf::QuadStore& empty_store() {
    static const rdf::QuadStore store;
    return store;
  }

  /// An operator or function call whose arguments are all constants, deterministic.
  static bool foldable(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Var:
      case ExprKind::Constant:
      case ExprKind::Exists:
      case ExprKind::NotExists:
      case ExprKind::Aggregate:
        return false;
      case ExprKind::Builtin: {
        if (e.builtin == Builtin::Bound || e.builtin == Builtin::Iri || e.builtin == Builtin::Bnode) return false;
        if (e.builtin == Builtin::If || e.builtin == Builtin::Coalesce) break;
        const Function* f = find_builtin(builtin_name(e.builtin));
        if (!f || !f->deterministic) return false;
        break;
      }
      case ExprKind::FunctionCall: {
        const Function* f = find_function_iri(e.term.value);
        if (!f || !f->deterministic) return false;
        break;
      }
      default:
        break;
    }
    for (const Expr& a : e.args)
      if (a.kind != ExprKind::Constant) return false;
    return true;
  }

  TermTable& terms_;
  VarTable vars_;
  exec::ExecContext ctx_;
  FunctionContext fn_;
  exec::Evaluator eval_;
  exec::Compiler compiler_;
};

}  // namespace

void fold_constants(Op& op, TermTable& terms) {
  Folder folder(terms);
  folder.fold_op(op);
}

}  // namespace kikv::sparql
