// Grouping and aggregation (§18.2.4.1) and HAVING (§18.2.4.2).
#include "sparql/ast_scope.hpp"
#include "sparql/translate/translator.hpp"

namespace kikv::sparql::translation {

Expr Translator::translate_with_aggregates(const ast::Expr& e, Aggregation& agg) {
  return translate_expr(e, &agg);
}

Op Translator::translate_grouping(const ast::SelectQuery& s, Op&& pattern,
                                  std::vector<Expr>& select_exprs, std::vector<OrderKey>& order) {
  bool grouped = !s.group_by.empty();
  for (const auto& p : s.projection) grouped = grouped || (p.expr && ast::contains_aggregate(*p.expr));
  for (const auto& h : s.having) grouped = grouped || ast::contains_aggregate(h);
  for (const auto& o : s.order_by) grouped = grouped || ast::contains_aggregate(o.expr);

  Aggregation agg;
  Aggregation* ctx = grouped ? &agg : nullptr;
  // Internal variables are numbered in text order (SELECT aggregates, unnamed GROUP BY keys,
  // HAVING, ORDER BY), as Jena numbers them, so SSE output can be compared.
  for (size_t i = 0; i < s.projection.size(); ++i) {
    if (s.projection[i].expr) select_exprs[i] = translate_expr(*s.projection[i].expr, ctx);
  }
  std::vector<VarBinding> keys;
  for (const auto& g : s.group_by) {
    if (!g.var.empty()) {
      Expr e = translate_expr(g.expr);
      keys.push_back(VarBinding{var(g.var), std::move(e)});
    } else if (g.expr.kind == ExprKind::Var) {
      VarId v = var(g.expr.var);
      keys.push_back(VarBinding{v, Expr::variable(v)});
    } else {
      Expr e = translate_expr(g.expr);
      keys.push_back(VarBinding{fresh(Fresh::Internal), std::move(e)});
    }
  }
  std::vector<Expr> having;
  for (const auto& h : s.having) having.push_back(translate_expr(h, ctx));
  for (const auto& o : s.order_by) order.push_back(OrderKey{translate_expr(o.expr, ctx), o.descending});

  Op op = std::move(pattern);
  if (grouped) {
    // Group(exprlist, P) with the aggregates (Group((1), P) when there is no GROUP BY: no keys).
    Op group = make_op(OpKind::Group, {});
    group.bindings = std::move(keys);
    group.aggregates = std::move(agg.aggregates);
    group.children.push_back(std::move(op));
    compute_scope(group);
    op = std::move(group);
  }
  if (!having.empty()) {
    Op f = make_op(OpKind::Filter, {});
    f.exprs = std::move(having);
    f.children.push_back(std::move(op));
    compute_scope(f);
    op = std::move(f);
  }
  return op;
}

}  // namespace kikv::sparql::translation
