// Parameter pre-binding by substitution on the syntax tree (the behaviour of Jena 4's
// QueryTransformOps.transform(query, substitutions), which KIK-V datastations use), followed by
// a fresh translation. Values are terms, never text, so no value can change the query's shape.
#include <algorithm>
#include <set>

#include "rdf/error.hpp"
#include "sparql/ast_scope.hpp"
#include "sparql/sparql.hpp"

namespace kikv::sparql {
namespace {

std::string where(const ast::SourcePos& p) {
  return p.line ? " (line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ")"
                : std::string();
}

class Substituter {
 public:
  explicit Substituter(const std::map<std::string, rdf::Term>& params) : params_(params) {}

  void query(ast::Query& q) {
    select(q.select);
    for (auto& t : q.construct_template) triple(t);
    for (auto& t : q.describe) term(t);
  }
  const std::set<std::string>& mentioned() const { return mentioned_; }

 private:
  const rdf::Term* find(const std::string& name) {
    auto it = params_.find(name);
    if (it == params_.end()) return nullptr;
    mentioned_.insert(name);
    return &it->second;
  }

  [[noreturn]] void assigned(const std::string& name, const char* how, const ast::SourcePos& p) {
    throw MisuseError("parameter ?" + name + " cannot be pre-bound: the query assigns it with " +
                      how + where(p));
  }

  void term(ast::VarOrTerm& t) {
    if (!t.is_var()) return;
    if (const rdf::Term* value = find(t.var)) t = ast::VarOrTerm::constant(*value, t.pos);
  }

  void triple(ast::TriplePattern& t) {
    term(t.subject);
    if (!t.path) term(t.predicate);
    term(t.object);
  }

  void expr(ast::Expr& e) {
    if (e.kind == ExprKind::Var) {
      if (const rdf::Term* value = find(e.var)) {
        e.kind = ExprKind::Constant;
        e.term = *value;
        e.var.clear();
      }
      return;
    }
    for (auto& a : e.args) expr(a);
    for (auto& p : e.pattern) pattern(p);
  }

  void values(ast::Values& v) {
    // Joining the block with the constant: rows binding the variable to another term go, the
    // column goes (a block whose columns all go keeps its row count, as empty solutions).
    for (size_t i = v.vars.size(); i-- > 0;) {
      const rdf::Term* value = find(v.vars[i]);
      if (!value) continue;
      std::vector<TableRow> kept;
      for (auto& row : v.rows) {
        if (row[i] && !(*row[i] == *value)) continue;
        row.erase(row.begin() + static_cast<std::ptrdiff_t>(i));
        kept.push_back(std::move(row));
      }
      v.rows = std::move(kept);
      v.vars.erase(v.vars.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }

  void pattern(ast::Pattern& p) {
    switch (p.kind) {
      case ast::PatternKind::Triples:
        for (auto& t : p.triples) triple(t);
        break;
      case ast::PatternKind::Filter: expr(p.expr); break;
      case ast::PatternKind::Bind:
        if (params_.count(p.var)) assigned(p.var, "BIND", p.var_pos);
        expr(p.expr);
        break;
      case ast::PatternKind::Values: values(p.values); break;
      case ast::PatternKind::SubSelect: select(p.select[0]); break;
      case ast::PatternKind::Graph:
      case ast::PatternKind::Service: term(p.graph); [[fallthrough]];
      default:
        for (auto& c : p.children) pattern(c);
        break;
    }
  }

  void select(ast::SelectQuery& s) {
    pattern(s.where);
    if (s.values) values(*s.values);
    // A parameter can still be in scope after substitution only through a sub-SELECT that
    // projects it (as a constant, below); then the plain variable already carries the value.
    ast::NameList in_scope;
    ast::collect_in_scope(s.where, in_scope);
    if (s.values) ast::collect_in_scope_values(*s.values, in_scope);
    auto still_bound = [&](const std::string& name) { return in_scope.contains(name); };
    for (auto& item : s.projection) {
      if (item.expr) {
        if (params_.count(item.var)) assigned(item.var, "(... AS ?" + item.var + ")", item.pos);
        expr(*item.expr);
      } else if (!still_bound(item.var)) {
        if (const rdf::Term* value = find(item.var)) {
          // SELECT ?k → SELECT (constant AS ?k): the column stays.
          ast::Expr c;
          c.kind = ExprKind::Constant;
          c.term = *value;
          c.pos = item.pos;
          item.expr = std::move(c);
        }
      }
    }
    for (auto& g : s.group_by) {
      if (!g.var.empty() && params_.count(g.var)) assigned(g.var, "GROUP BY (... AS ?var)", g.pos);
      // GROUP BY ?k becomes GROUP BY (constant): one group key that is not a variable, so the
      // projection's (constant AS ?k) binds ?k after grouping.
      if (g.expr.kind == ExprKind::Var && still_bound(g.expr.var)) continue;
      expr(g.expr);
    }
    for (auto& h : s.having) expr(h);
    for (auto& o : s.order_by) expr(o.expr);
  }

  // `assigned` with a std::string reason.
  [[noreturn]] void assigned(const std::string& name, const std::string& how,
                             const ast::SourcePos& p) {
    assigned(name, how.c_str(), p);
  }

  const std::map<std::string, rdf::Term>& params_;
  std::set<std::string> mentioned_;
};

}  // namespace

void bind_parameters(ast::Query& query, const std::map<std::string, rdf::Term>& parameters) {
  for (const auto& [name, value] : parameters) {
    if (value.is_blank()) {
      throw TypeError("parameter ?" + name + ": a blank node cannot be a parameter value");
    }
  }
  ast::Query copy = query;  // all or nothing
  Substituter s(parameters);
  s.query(copy);
  for (const auto& [name, value] : parameters) {
    if (!s.mentioned().count(name)) {
      throw NotFoundError("parameter ?" + name + " does not occur in the query");
    }
  }
  query = std::move(copy);
}

void bind_parameters(Query& query, const std::map<std::string, rdf::Term>& parameters) {
  if (!query.syntax) throw MisuseError("bind_parameters: the query has no syntax tree");
  auto syntax = std::make_shared<ast::Query>(*query.syntax);
  bind_parameters(*syntax, parameters);
  Query out = translate(*syntax);
  out.syntax = std::move(syntax);
  query = std::move(out);
}

}  // namespace kikv::sparql
