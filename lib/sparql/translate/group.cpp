// Group graph patterns (§18.2.2.6), property path patterns (§18.2.2.4) and basic graph
// patterns (§18.2.2.5).
#include <algorithm>

#include "sparql/translate/translator.hpp"

namespace kikv::sparql::translation {
namespace {

Op wrap(OpKind kind, Op&& child) {
  Op op = make_op(kind, {});
  op.children.push_back(std::move(child));
  return op;
}

Op binary_op(OpKind kind, Op&& left, Op&& right) {
  std::vector<Op> children;
  children.reserve(2);
  children.push_back(std::move(left));
  children.push_back(std::move(right));
  Op op = make_op(kind, std::move(children));
  compute_scope(op);
  return op;
}

}  // namespace

void Translator::translate_path(const TermOrVar& subject, const Path& path,
                                const TermOrVar& object, std::vector<Op>& parts) {
  // §18.2.2.4: X seq(P, Q) Y → X P ?V . ?V Q Y with a fresh ?V. The recursion over long
  // sequences goes through this small function only.
  if (path.kind != PathKind::Sequence) {
    translate_path_step(subject, path, object, parts);
    return;
  }
  TermOrVar joint = TermOrVar::variable(fresh(Fresh::PathJoint));
  translate_path(subject, path.args[0], joint, parts);
  translate_path(joint, path.args[1], object, parts);
}

void Translator::translate_path_step(const TermOrVar& subject, const Path& path,
                                     const TermOrVar& object, std::vector<Op>& parts) {
  // X link(iri) Y → triple; X inv(iri) Y → Y iri X; any other path stays a Path op.
  auto add_triple = [&parts](TriplePattern t) {
    if (parts.empty() || parts.back().kind != OpKind::Bgp) parts.push_back(make_op(OpKind::Bgp, {}));
    parts.back().triples.push_back(std::move(t));
  };
  if (path.kind == PathKind::Link) {
    add_triple({subject, TermOrVar::constant(rdf::Term::iri(path.iri)), object});
    return;
  }
  if (path.kind == PathKind::Inverse && path.args[0].kind == PathKind::Link) {
    add_triple({object, TermOrVar::constant(rdf::Term::iri(path.args[0].iri)), subject});
    return;
  }
  Op op = make_op(OpKind::Path, {});
  op.subject = subject;
  op.path = path;
  op.object = object;
  compute_scope(op);
  parts.push_back(std::move(op));
}

void Translator::translate_triples(const std::vector<ast::TriplePattern>& triples,
                                   std::vector<Op>& parts) {
  for (const auto& t : triples) {
    // Ids are allocated in subject, predicate, object order.
    TermOrVar s = node(t.subject);
    if (t.path) {
      TermOrVar o = node(t.object);
      translate_path(s, *t.path, o, parts);
      continue;
    }
    TermOrVar p = node(t.predicate);
    TermOrVar o = node(t.object);
    if (parts.empty() || parts.back().kind != OpKind::Bgp) parts.push_back(make_op(OpKind::Bgp, {}));
    parts.back().triples.push_back({std::move(s), std::move(p), std::move(o)});
  }
}

// translate_group is recursive (nested groups, OPTIONAL, UNION ...): each element kind is
// translated in its own function, so one nesting level costs only small stack frames.

Op Translator::translate_group(const ast::Pattern& group) {
  // §18.2.2.6. FILTERs are collected and applied to the whole group; triples blocks separated
  // only by FILTERs form one basic graph pattern (as in Jena).
  Op g = table_unit();
  std::vector<Expr> filters;
  std::vector<Op> pending;  // Bgp and Path ops of the current triples run
  for (const auto& e : group.children) {
    if (e.kind == ast::PatternKind::Triples) {
      translate_triples(e.triples, pending);
    } else if (e.kind == ast::PatternKind::Filter) {
      filters.push_back(translate_expr(e.expr));
    } else {
      flush(g, pending);
      g = apply_element(std::move(g), e);
    }
  }
  flush(g, pending);
  if (!filters.empty()) g = filter(std::move(g), std::move(filters));
  return g;
}

void Translator::flush(Op& g, std::vector<Op>& pending) {
  for (auto& part : pending) {
    if (part.kind == OpKind::Bgp) compute_scope(part);
    g = make_join(std::move(g), std::move(part));
  }
  pending.clear();
}

Op Translator::filter(Op&& g, std::vector<Expr> exprs) {
  Op f = wrap(OpKind::Filter, std::move(g));
  f.exprs = std::move(exprs);
  compute_scope(f);
  return f;
}

Op Translator::apply_element(Op&& g, const ast::Pattern& e) {
  switch (e.kind) {
    case ast::PatternKind::Optional: return apply_optional(std::move(g), e.children[0]);
    case ast::PatternKind::Minus:
      return binary_op(OpKind::Minus, std::move(g), translate_group(e.children[0]));
    case ast::PatternKind::Bind: return apply_bind(std::move(g), e);
    default: return make_join(std::move(g), translate_element(e));
  }
}

Op Translator::apply_optional(Op&& g, const ast::Pattern& body) {
  // "If A is of the form Filter(F, A2)": only the OPTIONAL group's own FILTERs; a filter
  // of a nested group { { ... FILTER } } is Join(Z, Filter(...)) before simplification and
  // stays inside (W3C optional-filter/expr-5).
  bool own_filter = std::any_of(body.children.begin(), body.children.end(),
                                [](const ast::Pattern& c) { return c.kind == ast::PatternKind::Filter; });
  Op lj = make_op(OpKind::LeftJoin, {});
  lj.children.push_back(std::move(g));
  lj.children.push_back(translate_group(body));
  Op& a = lj.children[1];
  if (own_filter && a.kind == OpKind::Filter) {
    lj.exprs = std::move(a.exprs);
    Op inner = std::move(a.children[0]);
    a = std::move(inner);
  }
  compute_scope(lj);
  return lj;
}

Op Translator::apply_bind(Op&& g, const ast::Pattern& e) {
  Op ext = wrap(OpKind::Extend, std::move(g));
  ext.bindings.push_back(VarBinding{var(e.var), translate_expr(e.expr)});
  compute_scope(ext);
  return ext;
}

Op Translator::translate_element(const ast::Pattern& p) {
  switch (p.kind) {
    case ast::PatternKind::Group: return translate_group(p);
    case ast::PatternKind::Union: return translate_union(p);
    case ast::PatternKind::Graph:
    case ast::PatternKind::Service: return translate_graph(p);
    case ast::PatternKind::Values: return table(p.values);
    case ast::PatternKind::SubSelect: return translate_sub_select(p.select[0]);
    default: break;
  }
  return table_unit();  // not reached: other kinds are handled by translate_group
}

Op Translator::translate_union(const ast::Pattern& p) {
  Op u = translate_group(p.children[0]);
  for (size_t i = 1; i < p.children.size(); ++i) {
    u = binary_op(OpKind::Union, std::move(u), translate_group(p.children[i]));
  }
  return u;
}

Op Translator::translate_graph(const ast::Pattern& p) {
  Op op = wrap(p.kind == ast::PatternKind::Graph ? OpKind::Graph : OpKind::Service,
               translate_group(p.children[0]));
  op.graph = node(p.graph);
  op.silent = p.silent;
  compute_scope(op);
  return op;
}

}  // namespace kikv::sparql::translation
