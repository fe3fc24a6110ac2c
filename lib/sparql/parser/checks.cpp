#include "sparql/parser/checks.hpp"

#include <algorithm>

#include "rdf/error.hpp"
#include "sparql/ast_scope.hpp"

namespace kikv::sparql::parser {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
bool contains(const ast::NameList& v, const std::string& s) { return v.contains(s); }

class Checker {
 public:
  explicit Checker(const ParseOptions& options) : options_(options) {}

  void check_select(const ast::SelectQuery& s);
  void check_pattern(const ast::Pattern& p);
  void check_expr(const ast::Expr& e);

 private:
  [[noreturn]] void fail(const ast::SourcePos& p, const std::string& message) const {
    throw SyntaxError(message, options_.source, p.line, p.column);
  }
  /// Variables of `e` outside aggregates must be in `allowed` (a grouped query's projection).
  void check_grouped(const ast::Expr& e, const std::vector<std::string>& groups,
                     const std::vector<std::string>& aliases);

  const ParseOptions& options_;
};

void Checker::check_grouped(const ast::Expr& e, const std::vector<std::string>& groups,
                            const std::vector<std::string>& aliases) {
  switch (e.kind) {
    case ExprKind::Aggregate:
    case ExprKind::Exists:
    case ExprKind::NotExists: return;
    case ExprKind::Var:
      if (contains(groups, e.var)) return;
      if (contains(aliases, e.var)) {
        if (options_.allow_alias_reuse) return;
        fail(e.pos, "variable ?" + e.var +
                        " in a SELECT expression of a grouped query is an alias of this SELECT "
                        "clause; SPARQL 1.1 requires a GROUP BY variable or an aggregate");
      }
      fail(e.pos, "variable ?" + e.var +
                      " in a SELECT expression must be grouped (GROUP BY) or inside an aggregate");
    default:
      for (const auto& a : e.args) check_grouped(a, groups, aliases);
  }
}

void Checker::check_select(const ast::SelectQuery& s) {
  check_pattern(s.where);
  for (const auto& item : s.projection) {
    if (item.expr) check_expr(*item.expr);
  }
  for (const auto& g : s.group_by) check_expr(g.expr);
  for (const auto& h : s.having) check_expr(h);
  for (const auto& o : s.order_by) check_expr(o.expr);

  bool grouped = !s.group_by.empty();
  for (const auto& item : s.projection) grouped = grouped || (item.expr && ast::contains_aggregate(*item.expr));
  for (const auto& h : s.having) grouped = grouped || ast::contains_aggregate(h);
  for (const auto& o : s.order_by) grouped = grouped || ast::contains_aggregate(o.expr);
  if (s.select_all) {
    if (grouped) {
      fail(s.pos, s.group_by.empty() ? "SELECT * is not allowed in a query with aggregates"
                                     : "SELECT * is not allowed with GROUP BY");
    }
    return;
  }

  ast::NameList in_scope;
  ast::collect_in_scope(s.where, in_scope);
  if (s.values) ast::collect_in_scope_values(*s.values, in_scope);
  std::vector<std::string> groups;
  for (const auto& g : s.group_by) {
    if (!g.var.empty()) {
      groups.push_back(g.var);
    } else if (g.expr.kind == ExprKind::Var) {
      groups.push_back(g.expr.var);
    }
  }
  ast::NameList seen;                // projected so far
  std::vector<std::string> aliases;  // assigned by (expr AS ?v) so far
  for (const auto& item : s.projection) {
    if (item.expr) {
      if (contains(in_scope, item.var)) {
        fail(item.pos, "(... AS ?" + item.var + "): variable ?" + item.var +
                           " is already in scope in the WHERE clause");
      }
      if (contains(groups, item.var)) {
        fail(item.pos, "(... AS ?" + item.var + "): variable ?" + item.var +
                           " is already a GROUP BY key");
      }
      if (contains(seen, item.var)) {
        fail(item.pos, "(... AS ?" + item.var + "): variable ?" + item.var +
                           " is already used in this SELECT clause");
      }
      if (grouped) check_grouped(*item.expr, groups, aliases);
      aliases.push_back(item.var);
    } else if (grouped && !contains(groups, item.var) && !contains(aliases, item.var)) {
      fail(item.pos, "variable ?" + item.var +
                         " is selected but not grouped: add it to GROUP BY or use an aggregate");
    }
    seen.add(item.var);
  }
}

void Checker::check_pattern(const ast::Pattern& p) {
  switch (p.kind) {
    case ast::PatternKind::Group: {
      // §18.2.1: the variable of BIND must not be in scope from the preceding elements.
      ast::NameList preceding;
      for (const auto& child : p.children) {
        if (child.kind == ast::PatternKind::Bind && contains(preceding, child.var)) {
          fail(child.var_pos, "BIND(... AS ?" + child.var + "): variable ?" + child.var +
                                  " is already in scope in this group");
        }
        check_pattern(child);
        ast::collect_in_scope(child, preceding);
      }
      break;
    }
    case ast::PatternKind::Filter:
    case ast::PatternKind::Bind: check_expr(p.expr); break;
    case ast::PatternKind::SubSelect: check_select(p.select[0]); break;
    default:
      for (const auto& c : p.children) check_pattern(c);
      break;
  }
}

void Checker::check_expr(const ast::Expr& e) {
  for (const auto& p : e.pattern) check_pattern(p);
  for (const auto& a : e.args) check_expr(a);
}

}  // namespace

void check_query(const ast::Query& q, const ParseOptions& options) {
  Checker(options).check_select(q.select);
}

}  // namespace kikv::sparql::parser
