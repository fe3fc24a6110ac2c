// Query forms, variable scopes and the solution modifiers of §18.2.4-18.2.5.
#include "sparql/ast_scope.hpp"
#include "sparql/sparql.hpp"
#include "sparql/translate/translator.hpp"

namespace kikv::sparql::translation {

Op make_op(OpKind kind, std::vector<Op> children) {
  Op op;
  op.kind = kind;
  op.children = std::move(children);
  return op;
}

bool is_table_unit(const Op& op) {
  return op.kind == OpKind::Table && op.vars.empty() && op.rows.size() == 1;
}

Op make_join(Op&& left, Op&& right) {
  // §18.2.2.8 simplification: Join(Z, A) = A, Join(A, Z) = A.
  if (is_table_unit(left)) return right;
  if (is_table_unit(right)) return left;
  std::vector<Op> children;
  children.reserve(2);
  children.push_back(std::move(left));
  children.push_back(std::move(right));
  Op op = make_op(OpKind::Join, std::move(children));
  compute_scope(op);
  return op;
}

VarId Translator::var(const std::string& name) {
  Scope& scope = scopes_.back();
  auto it = scope.names.find(name);
  if (it != scope.names.end()) return it->second;
  VarId id = scope.hidden ? vars_.add(scope.hidden_prefix + name, VarKind::Hidden, name)
                          : vars_.add(name, VarKind::Named, name);
  scope.names.emplace(name, id);
  return id;
}

VarId Translator::fresh(Fresh what) {
  auto numbered = [](const char* prefix, uint32_t& counter) {
    std::string name = prefix;
    name += std::to_string(counter++);
    return name;
  };
  switch (what) {
    case Fresh::Blank: return vars_.add(numbered("?", blank_counter_), VarKind::Blank);
    case Fresh::Internal: return vars_.add(numbered(".", internal_counter_), VarKind::Internal);
    case Fresh::PathJoint: break;
  }
  return vars_.add(numbered("?P", path_counter_), VarKind::Internal);
}

TermOrVar Translator::node(const ast::VarOrTerm& t) {
  if (t.is_var()) return TermOrVar::variable(var(t.var));
  if (t.term.is_blank()) {
    // Blank nodes of patterns act as variables (§18.2.1 BGP matching); a label belongs to one
    // basic graph pattern (checked by the parser), so one variable per label suffices.
    auto [it, inserted] = blank_vars_.emplace(t.term.value, kNoVar);
    if (inserted) it->second = fresh(Fresh::Blank);
    return TermOrVar::variable(it->second);
  }
  return TermOrVar::constant(t.term);
}

void Translator::push_scope(const std::vector<std::string>& projected) {
  Scope inner;
  inner.hidden = true;
  inner.hidden_prefix = scopes_.back().hidden_prefix + "/";
  for (const auto& name : projected) inner.names.emplace(name, var(name));
  scopes_.push_back(std::move(inner));
}

Op Translator::table(const ast::Values& v) {
  Op op;
  op.kind = OpKind::Table;
  for (const auto& name : v.vars) op.vars.push_back(var(name));
  op.rows = v.rows;
  compute_scope(op);
  return op;
}

Op Translator::translate_sub_select(const ast::SelectQuery& s) {
  push_scope(ast::projected_vars(s));
  Op op = translate_select(s, QueryForm::Select, nullptr, nullptr);
  pop_scope();
  return op;
}

Op Translator::translate_select(const ast::SelectQuery& s, QueryForm form,
                                std::vector<VarId>* projection, const std::vector<VarId>* columns) {
  // §18.2.4: pattern, grouping + aggregates, HAVING, VALUES, select expressions;
  // §18.2.5: ORDER BY, projection, DISTINCT/REDUCED, slice. (ToList is the identity here.)
  std::vector<Expr> select_exprs(s.projection.size());
  std::vector<OrderKey> order;
  return finish_select(translate_grouping(s, translate_group(s.where), select_exprs, order), s,
                       form, projection, columns, select_exprs, order);
}

Op Translator::finish_select(Op&& pattern, const ast::SelectQuery& s, QueryForm form,
                             std::vector<VarId>* projection, const std::vector<VarId>* columns,
                             std::vector<Expr>& select_exprs, std::vector<OrderKey>& order) {
  Op op = std::move(pattern);
  if (s.values) op = make_join(std::move(op), table(*s.values));
  for (size_t i = 0; i < s.projection.size(); ++i) {
    if (!s.projection[i].expr) continue;
    Op ext = make_op(OpKind::Extend, {});
    ext.bindings.push_back(VarBinding{var(s.projection[i].var), std::move(select_exprs[i])});
    ext.children.push_back(std::move(op));
    compute_scope(ext);
    op = std::move(ext);
  }
  if (!order.empty()) {
    Op ob = make_op(OpKind::OrderBy, {});
    ob.order = std::move(order);
    ob.children.push_back(std::move(op));
    compute_scope(ob);
    op = std::move(ob);
  }
  if (form == QueryForm::Select || form == QueryForm::Describe) {
    std::vector<VarId> cols;
    if (columns) {
      cols = *columns;
    } else {
      for (const auto& name : ast::projected_vars(s)) cols.push_back(var(name));
    }
    Op proj = make_op(OpKind::Project, {});
    proj.vars = cols;
    proj.children.push_back(std::move(op));
    compute_scope(proj);
    op = std::move(proj);
    if (projection) *projection = std::move(cols);
  }
  if (s.distinct || s.reduced) {
    Op d = make_op(s.distinct ? OpKind::Distinct : OpKind::Reduced, {});
    d.children.push_back(std::move(op));
    compute_scope(d);
    op = std::move(d);
  }
  if (s.limit || s.offset) {
    Op slice = make_op(OpKind::Slice, {});
    slice.offset = s.offset.value_or(0);
    slice.limit = s.limit;
    slice.children.push_back(std::move(op));
    compute_scope(slice);
    op = std::move(slice);
  }
  return op;
}

Query Translator::run(const ast::Query& q) {
  Query out;
  out.form = q.form;
  out.base = q.base;
  out.prefixes = q.prefixes;
  out.dataset = q.dataset;
  base_ = q.base;
  scopes_.emplace_back();
  std::vector<VarId> described;
  if (q.form == QueryForm::Describe) {
    if (q.describe_all) {
      ast::NameList names;
      ast::collect_in_scope(q.select.where, names);
      for (const auto& n : names.names()) out.describe.push_back(TermOrVar::variable(var(n)));
    } else {
      for (const auto& t : q.describe) out.describe.push_back(node(t));
    }
    for (const auto& t : out.describe) {
      if (t.is_var()) described.push_back(t.var);
    }
  }
  out.root = translate_select(q.select, q.form, &out.projection,
                              q.form == QueryForm::Describe ? &described : nullptr);
  if (q.form == QueryForm::Construct) {
    for (const auto& t : q.construct_template) {
      auto keep = [this](const ast::VarOrTerm& n) {
        // Template blank nodes stay blank nodes: they are instantiated per solution.
        return n.is_var() ? TermOrVar::variable(var(n.var)) : TermOrVar::constant(n.term);
      };
      out.construct_template.push_back(
          TriplePattern{keep(t.subject), keep(t.predicate), keep(t.object)});
    }
  }
  out.vars = std::move(vars_);
  return out;
}

}  // namespace kikv::sparql::translation

namespace kikv::sparql {

Query translate(const ast::Query& syntax) {
  translation::Translator t;
  return t.run(syntax);
}

}  // namespace kikv::sparql
