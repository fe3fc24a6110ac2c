#include "sparql/ast_scope.hpp"

#include <algorithm>

namespace kikv::sparql::ast {
namespace {

void add(std::vector<std::string>& out, const std::string& v) {
  if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
}

void add_term(std::vector<std::string>& out, const VarOrTerm& t) {
  if (t.is_var()) add(out, t.var);
}

}  // namespace

void collect_in_scope(const Pattern& p, std::vector<std::string>& out) {
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
    case PatternKind::Bind: add(out, p.var); break;
    case PatternKind::Values:
      for (const auto& v : p.values.vars) add(out, v);
      break;
    case PatternKind::SubSelect:
      for (const auto& v : projected_vars(p.select[0])) add(out, v);
      break;
  }
}

void collect_in_scope_values(const Values& v, std::vector<std::string>& out) {
  for (const auto& name : v.vars) add(out, name);
}

std::vector<std::string> projected_vars(const SelectQuery& s) {
  std::vector<std::string> out;
  if (s.select_all) {
    collect_in_scope(s.where, out);
    if (s.values) {
      for (const auto& v : s.values->vars) add(out, v);
    }
    return out;
  }
  for (const auto& item : s.projection) add(out, item.var);
  return out;
}

bool contains_aggregate(const Expr& e) {
  if (e.kind == ExprKind::Aggregate) return true;
  return std::any_of(e.args.begin(), e.args.end(),
                     [](const Expr& a) { return contains_aggregate(a); });
}

}  // namespace kikv::sparql::ast
