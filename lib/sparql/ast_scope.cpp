#include "sparql/ast_scope.hpp"

#include <algorithm>

namespace kikv::sparql::ast {
namespace {

void add_term(NameList& out, const VarOrTerm& t) {
  if (t.is_var()) out.add(t.var);
}

}  // namespace

void collect_in_scope(const Pattern& p, NameList& out) {
  switch (p.kind) {
    case PatternKind::Group:
    case PatternKind::Union:
    case PatternKind::Optional:
      for (const auto& c : p.children) collect_in_scope(c, out);
      break;
    case PatternKind::Triples:
      for (const auto& t : p.triples) {
        add_term(out, t.subject);
        if (!t.path) add_term(out, t.predicate);
        add_term(out, t.object);
      }
      break;
    case PatternKind::Graph:
    case PatternKind::Service:
      add_term(out, p.graph);
      for (const auto& c : p.children) collect_in_scope(c, out);
      break;
    case PatternKind::Minus:
    case PatternKind::Filter: break;
    case PatternKind::Bind: out.add(p.var); break;
    case PatternKind::Values: collect_in_scope_values(p.values, out); break;
    case PatternKind::SubSelect:
      for (const auto& v : projected_vars(p.select[0])) out.add(v);
      break;
  }
}

void collect_in_scope_values(const Values& v, NameList& out) {
  for (const auto& name : v.vars) out.add(name);
}

std::vector<std::string> projected_vars(const SelectQuery& s) {
  NameList out;
  if (s.select_all) {
    collect_in_scope(s.where, out);
    if (s.values) collect_in_scope_values(*s.values, out);
  } else {
    for (const auto& item : s.projection) out.add(item.var);
  }
  return out.names();
}

bool contains_aggregate(const Expr& e) {
  if (e.kind == ExprKind::Aggregate) return true;
  return std::any_of(e.args.begin(), e.args.end(),
                     [](const Expr& a) { return contains_aggregate(a); });
}

}  // namespace kikv::sparql::ast
