// Expressions: variables to ids, aggregates to their result variables, EXISTS to algebra.
#include "sparql/translate/translator.hpp"

namespace kikv::sparql::translation {

Expr Translator::translate_expr(const ast::Expr& e, Aggregation* agg) {
  switch (e.kind) {
    case ExprKind::Var: return Expr::variable(var(e.var));
    case ExprKind::Constant: return Expr::constant(e.term);
    case ExprKind::Exists:
    case ExprKind::NotExists: {
      Expr out;
      out.kind = e.kind;
      out.pattern.push_back(translate_group(e.pattern[0]));
      return out;
    }
    case ExprKind::Aggregate: {
      // §18.2.4.1: each aggregate becomes Aggregation(...) bound to a fresh variable; identical
      // aggregates of one level share it.
      Aggregate a;
      a.kind = e.aggregate;
      a.distinct = e.distinct;
      a.star = e.star;
      a.separator = e.separator;
      if (e.aggregate == AggregateKind::Custom) a.iri = e.term.value;
      for (const auto& arg : e.args) a.args.push_back(translate_expr(arg));
      if (agg == nullptr) return Expr::constant(rdf::Term{});  // not reached: parser rejects
      for (const auto& existing : agg->aggregates) {
        Aggregate probe = a;
        probe.var = existing.var;
        if (probe == existing) return Expr::variable(existing.var);
      }
      a.var = fresh(Fresh::Internal);
      agg->aggregates.push_back(std::move(a));
      return Expr::variable(agg->aggregates.back().var);
    }
    default: break;
  }
  Expr out;
  out.kind = e.kind;
  out.builtin = e.builtin;
  if (e.kind == ExprKind::FunctionCall) out.term = e.term;
  if (e.kind == ExprKind::Builtin && e.builtin == Builtin::Iri) out.term = rdf::Term::iri(base_);
  out.args.reserve(e.args.size());
  for (const auto& a : e.args) out.args.push_back(translate_expr(a, agg));
  return out;
}

}  // namespace kikv::sparql::translation
