// Expressions: variables to ids, aggregates to their result variables, EXISTS to algebra.
#include "sparql/translate/translator.hpp"

namespace kikv::sparql::translation {

// translate_expr recurses over the expression tree; the cases that do not recurse, and the
// aggregate case, have their own functions so its stack frame stays small.

Expr Translator::translate_expr(const ast::Expr& e, Aggregation* agg) {
  switch (e.kind) {
    case ExprKind::Var:
    case ExprKind::Constant: return translate_leaf(e);
    case ExprKind::Exists:
    case ExprKind::NotExists: return translate_exists(e);
    case ExprKind::Aggregate: return translate_aggregate(e, agg);
    default: break;
  }
  Expr out = translate_call(e);
  out.args.reserve(e.args.size());
  for (const auto& a : e.args) out.args.push_back(translate_expr(a, agg));
  return out;
}

Expr Translator::translate_leaf(const ast::Expr& e) {
  if (e.kind == ExprKind::Var) return Expr::variable(var(e.var));
  return Expr::constant(e.term);
}

Expr Translator::translate_call(const ast::Expr& e) {
  Expr out;
  out.kind = e.kind;
  out.builtin = e.builtin;
  if (e.kind == ExprKind::FunctionCall) out.term = e.term;
  if (e.kind == ExprKind::Builtin && e.builtin == Builtin::Iri) out.term = rdf::Term::iri(base_);
  return out;
}

Expr Translator::translate_exists(const ast::Expr& e) {
  Expr out;
  out.kind = e.kind;
  out.pattern.push_back(translate_group(e.pattern[0]));
  return out;
}

Expr Translator::translate_aggregate(const ast::Expr& e, Aggregation* agg) {
  // §18.2.4.1: each aggregate becomes Aggregation(...) bound to a fresh variable; identical
  // aggregates of one level share it.
  Aggregate a;
  a.kind = e.aggregate;
  a.distinct = e.distinct;
  a.star = e.star;
  a.separator = e.separator;
  if (e.aggregate == AggregateKind::Custom) a.iri = e.term.value;
  for (const auto& arg : e.args) a.args.push_back(translate_expr(arg));
  if (agg == nullptr) return Expr::constant(rdf::Term{});  // not reached: the parser rejects it
  for (const auto& existing : agg->aggregates) {
    Aggregate probe = a;
    probe.var = existing.var;
    if (probe == existing) return Expr::variable(existing.var);
  }
  a.var = fresh(Fresh::Internal);
  agg->aggregates.push_back(std::move(a));
  return Expr::variable(agg->aggregates.back().var);
}

}  // namespace kikv::sparql::translation
