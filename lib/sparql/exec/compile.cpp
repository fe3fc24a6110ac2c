#include "sparql/exec/compile.hpp"

#include <algorithm>
#include <limits>

#include "rdf/error.hpp"
#include "sparql/exec/ops_basic.hpp"
#include "sparql/exec/ops_group.hpp"
#include "sparql/exec/ops_join.hpp"
#include "sparql/exec/ops_path.hpp"
#include "sparql/exec/ops_scan.hpp"

namespace kikv::sparql::exec {

std::vector<VarId> var_union(const std::vector<VarId>& a, const std::vector<VarId>& b) {
  std::vector<VarId> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

bool var_contains(const std::vector<VarId>& set, VarId v) {
  return std::binary_search(set.begin(), set.end(), v);
}

namespace {

std::vector<VarId> var_intersection(const std::vector<VarId>& a, const std::vector<VarId>& b) {
  std::vector<VarId> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::vector<VarId> sorted(std::vector<VarId> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

/// Variables of a step.
std::vector<VarId> step_vars(const TriplePattern* t, const Op* path) {
  std::vector<VarId> out;
  auto add = [&](const TermOrVar& x) {
    if (x.is_var()) out.push_back(x.var);
  };
  if (t) {
    add(t->subject);
    add(t->predicate);
    add(t->object);
  } else {
    add(path->subject);
    add(path->object);
  }
  return sorted(out);
}

}  // namespace

Compiler::Compiler(ExecContext& ctx, Evaluator& eval, const VarTable& vars, CompileOptions options)
    : ctx_(ctx), eval_(eval), vars_(vars), options_(options), seeded_(vars.size(), false) {}

OpPtr Compiler::compile(const Op& op, const std::vector<VarId>& seeded) {
  const std::vector<bool> saved = seeded_;
  for (VarId v : seeded) seeded_[v] = true;
  Compiled c = build(op);
  seeded_ = saved;
  return std::move(c.op);
}

TermId Compiler::constant_id(const rdf::Term& t, bool& absent) const {
  auto id = ctx_.store.dictionary().find(t);
  absent = !id;
  return id.value_or(kNoTerm);
}

bool Compiler::collect_steps(const Op& op, std::vector<Step>& steps) {
  switch (op.kind) {
    case OpKind::Bgp:
      for (const TriplePattern& t : op.triples) steps.push_back(Step{&t, nullptr});
      return true;
    case OpKind::Path:
      steps.push_back(Step{nullptr, &op});
      return true;
    case OpKind::Join:
      for (const Op& c : op.children)
        if (!collect_steps(c, steps)) return false;
      return true;
    default:
      return false;
  }
}

void Compiler::collect_join_operands(const Op& op, std::vector<const Op*>& out) {
  if (op.kind == OpKind::Join) {
    for (const Op& c : op.children) collect_join_operands(c, out);
  } else {
    out.push_back(&op);
  }
}

Compiler::Compiled Compiler::build(const Op& op) {
  switch (op.kind) {
    case OpKind::Bgp:
    case OpKind::Path: {
      std::vector<Step> steps;
      collect_steps(op, steps);
      return build_chain(Compiled{std::make_unique<UnitOp>(), {}}, std::move(steps), {});
    }
    case OpKind::Join: return build_join(op);
    case OpKind::LeftJoin: return build_left_join(op);
    case OpKind::Filter: return build_filter(op);
    case OpKind::Minus: {
      Compiled a = build(op.children[0]);
      Compiled b = build(op.children[1]);
      const auto certain = var_intersection(a.certain, b.certain);
      return Compiled{std::make_unique<MinusOp>(std::move(a.op), std::move(b.op), certain), a.certain};
    }
    case OpKind::Union: {
      std::vector<const Op*> branches;
      std::vector<const Op*> todo{&op};
      while (!todo.empty()) {  // flatten nested unions, keeping their order
        const Op* o = todo.back();
        todo.pop_back();
        if (o->kind == OpKind::Union) {
          for (auto it = o->children.rbegin(); it != o->children.rend(); ++it) todo.push_back(&*it);
        } else {
          branches.push_back(o);
        }
      }
      std::vector<OpPtr> ops;
      std::vector<VarId> certain;
      for (size_t i = 0; i < branches.size(); ++i) {
        Compiled c = build(*branches[i]);
        certain = i == 0 ? c.certain : var_intersection(certain, c.certain);
        ops.push_back(std::move(c.op));
      }
      return Compiled{std::make_unique<UnionOp>(std::move(ops)), certain};
    }
    case OpKind::Extend: {
      // A chain of Extends (one per BIND or select expression) is one operator, so that all
      // of a solution's expressions share its BNODE(label) scope.
      std::vector<const VarBinding*> bindings;
      const Op* base = &op;
      while (base->kind == OpKind::Extend) {
        for (auto it = base->bindings.rbegin(); it != base->bindings.rend(); ++it) bindings.push_back(&*it);
        base = &base->children[0];
      }
      std::reverse(bindings.begin(), bindings.end());
      Compiled c = build(*base);
      Schema schema = c.op->schema();
      std::vector<int> columns;
      for (const VarBinding* b : bindings) {
        int col = column_of(schema, b->var);
        if (col < 0) {
          col = static_cast<int>(schema.size());
          schema.push_back(b->var);
        }
        columns.push_back(col);
      }
      std::vector<CExpr> exprs;
      for (const VarBinding* b : bindings) exprs.push_back(compile_expr(b->expr, schema));
      return Compiled{std::make_unique<ExtendOp>(schema, std::move(c.op), std::move(exprs), std::move(columns), eval_),
                      c.certain};
    }
    case OpKind::Graph: {
      Compiled c = build(op.children[0]);
      Schema schema = c.op->schema();
      if (op.graph.is_var()) {
        int col = column_of(schema, op.graph.var);
        if (col < 0) {
          col = static_cast<int>(schema.size());
          schema.push_back(op.graph.var);
        }
        auto certain = var_union(c.certain, {op.graph.var});
        return Compiled{std::make_unique<GraphOp>(schema, std::move(c.op), col, op.graph.var, kNoTerm, false), certain};
      }
      bool absent = false;
      const TermId g = constant_id(op.graph.term, absent);
      return Compiled{std::make_unique<GraphOp>(schema, std::move(c.op), -1, kNoVar, g, absent), c.certain};
    }
    case OpKind::Service:
      throw UnsupportedError("SERVICE is not supported: kikv does not query remote endpoints");
    case OpKind::Table: {
      Schema schema = op.vars;
      RowStore rows(schema.size());
      std::vector<TermId> buf(schema.size());
      std::vector<bool> always(schema.size(), true);
      for (const TableRow& r : op.rows) {
        for (size_t c = 0; c < schema.size(); ++c) {
          buf[c] = r[c] ? ctx_.terms.intern(*r[c]) : kNoTerm;
          if (!r[c]) always[c] = false;
        }
        rows.add(buf.data());
      }
      std::vector<VarId> certain;
      for (size_t c = 0; c < schema.size(); ++c)
        if (always[c]) certain.push_back(schema[c]);
      if (schema.empty() && op.rows.size() == 1) return Compiled{std::make_unique<UnitOp>(), {}};
      return Compiled{std::make_unique<TableOp>(schema, std::move(rows)), sorted(certain)};
    }
    case OpKind::Group: {
      Compiled c = build(op.children[0]);
      const Schema& in = c.op->schema();
      Schema schema;
      std::vector<CExpr> keys;
      std::vector<VarId> certain;
      for (const VarBinding& b : op.bindings) {
        schema.push_back(b.var);
        keys.push_back(compile_expr(b.expr, in));
        if (b.expr.kind == ExprKind::Var && var_contains(c.certain, b.expr.var)) certain.push_back(b.var);
      }
      std::vector<GroupAggregate> aggs;
      for (const Aggregate& a : op.aggregates) {
        if (a.kind == AggregateKind::Custom) throw UnsupportedError("unknown aggregate function <" + a.iri + ">");
        GroupAggregate g;
        g.kind = a.kind;
        g.distinct = a.distinct;
        g.star = a.star;
        g.separator = a.separator;
        if (!a.star && !a.args.empty()) g.arg = compile_expr(a.args[0], in);
        aggs.push_back(std::move(g));
        schema.push_back(a.var);
      }
      return Compiled{std::make_unique<GroupOp>(schema, std::move(c.op), std::move(keys), std::move(aggs), eval_),
                      sorted(certain)};
    }
    case OpKind::OrderBy: {
      Compiled c = build(op.children[0]);
      std::vector<SortKey> keys;
      for (const OrderKey& k : op.order) keys.push_back(SortKey{compile_expr(k.expr, c.op->schema()), k.descending});
      return Compiled{std::make_unique<OrderByOp>(std::move(c.op), std::move(keys), eval_), c.certain};
    }
    case OpKind::Project: {
      Compiled c = build(op.children[0]);
      auto certain = var_intersection(c.certain, sorted(op.vars));
      return Compiled{std::make_unique<ProjectOp>(op.vars, std::move(c.op)), certain};
    }
    case OpKind::Distinct: {
      Compiled c = build(op.children[0]);
      return Compiled{std::make_unique<DistinctOp>(std::move(c.op)), c.certain};
    }
    case OpKind::Reduced:
      // REDUCED permits, but does not require, removing duplicates: keeping them costs nothing.
      return build(op.children[0]);
    case OpKind::Slice: {
      Compiled c = build(op.children[0]);
      return Compiled{std::make_unique<SliceOp>(std::move(c.op), op.offset, op.limit), c.certain};
    }
  }
  throw EvalError("unknown algebra operator");
}

Compiler::Compiled Compiler::build_join(const Op& op) {
  std::vector<const Op*> operands;
  collect_join_operands(op, operands);
  std::vector<Step> steps;
  std::vector<const Op*> others;
  for (const Op* o : operands) {
    std::vector<Step> s;
    if (collect_steps(*o, s)) {
      steps.insert(steps.end(), s.begin(), s.end());
    } else {
      others.push_back(o);
    }
  }
  if (others.empty()) return build_chain(Compiled{std::make_unique<UnitOp>(), {}}, std::move(steps), {});
  // VALUES first: small and binding, they make good inputs for what follows.
  std::stable_partition(others.begin(), others.end(), [](const Op* o) { return o->kind == OpKind::Table; });
  Compiled acc = build(*others[0]);
  for (size_t i = 1; i < others.size(); ++i) {
    Compiled next = build(*others[i]);
    const auto certain = var_intersection(acc.certain, next.certain);
    const auto all_certain = var_union(acc.certain, next.certain);
    acc = Compiled{std::make_unique<HashJoinOp>(std::move(acc.op), std::move(next.op), certain), all_certain};
  }
  if (steps.empty()) return acc;
  // Patterns sharing variables with the rest run as index lookups per row; unconnected ones
  // are evaluated once and joined (a cross product).
  bool connected = false;
  for (const Step& s : steps) {
    for (VarId v : step_vars(s.triple, s.path))
      if (column_of(acc.op->schema(), v) >= 0) connected = true;
  }
  if (connected) return build_chain(std::move(acc), std::move(steps), {});
  Compiled bgp = build_chain(Compiled{std::make_unique<UnitOp>(), {}}, std::move(steps), {});
  const auto all_certain = var_union(acc.certain, bgp.certain);
  return Compiled{std::make_unique<HashJoinOp>(std::move(acc.op), std::move(bgp.op), std::vector<VarId>{}), all_certain};
}

Compiler::Compiled Compiler::build_left_join(const Op& op) {
  Compiled a = build(op.children[0]);
  const Op& right = op.children[1];
  std::vector<Step> steps;
  if (collect_steps(right, steps) && !steps.empty()) {
    auto source = std::make_unique<RowSourceOp>(a.op->schema());
    RowSourceOp* source_ptr = source.get();
    Compiled chain = build_chain(Compiled{std::move(source), a.certain}, std::move(steps), {});
    std::vector<CExpr> exprs;
    for (const Expr& e : op.exprs) exprs.push_back(compile_expr(e, chain.op->schema()));
    return Compiled{std::make_unique<ChainLeftJoinOp>(std::move(a.op), std::move(chain.op), source_ptr,
                                                      std::move(exprs), eval_),
                    a.certain};
  }
  Compiled b = build(right);
  const auto certain = var_intersection(a.certain, b.certain);
  const JoinLayout layout = JoinLayout::make(a.op->schema(), b.op->schema(), certain);
  std::vector<CExpr> exprs;
  for (const Expr& e : op.exprs) exprs.push_back(compile_expr(e, layout.out));
  return Compiled{std::make_unique<HashLeftJoinOp>(std::move(a.op), std::move(b.op), certain, std::move(exprs), eval_),
                  a.certain};
}

Compiler::Compiled Compiler::build_filter(const Op& op) {
  const Op& child = op.children[0];
  std::vector<Step> steps;
  if (collect_steps(child, steps) && !steps.empty()) {
    std::vector<const Expr*> filters;
    for (const Expr& e : op.exprs) filters.push_back(&e);
    return build_chain(Compiled{std::make_unique<UnitOp>(), {}}, std::move(steps), filters);
  }
  Compiled c = build(child);
  std::vector<CExpr> exprs;
  for (const Expr& e : op.exprs) exprs.push_back(compile_expr(e, c.op->schema()));
  return Compiled{std::make_unique<FilterOp>(std::move(c.op), std::move(exprs), eval_), c.certain};
}

double Compiler::estimate(const Step& step, const std::vector<VarId>& bound) const {
  auto is_bound = [&](const TermOrVar& x) { return x.is_var() && (var_contains(bound, x.var) || seeded_[x.var]); };
  if (step.path) {
    const bool s = !step.path->subject.is_var() || is_bound(step.path->subject);
    const bool o = !step.path->object.is_var() || is_bound(step.path->object);
    return s && o ? 1.0 : (s || o) ? 10.0 : 1e9;
  }
  const TriplePattern& t = *step.triple;
  rdf::QuadPattern p;
  const TermOrVar* pos[3] = {&t.subject, &t.predicate, &t.object};
  TermId* ids[3] = {&p.s, &p.p, &p.o};
  for (int i = 0; i < 3; ++i) {
    if (pos[i]->is_var()) continue;
    bool absent = false;
    *ids[i] = constant_id(pos[i]->term, absent);
    if (absent) return 0.0;
  }
  double est = static_cast<double>(ctx_.store.count(p));
  if (est == 0) return 0.0;
  const rdf::QuadStore::PredicateStats st =
      p.p != kNoTerm ? ctx_.store.predicate_stats(p.p) : ctx_.store.global_stats();
  if (is_bound(t.subject)) est /= std::max<double>(1.0, static_cast<double>(st.subjects));
  if (is_bound(t.object)) est /= std::max<double>(1.0, static_cast<double>(st.objects));
  if (is_bound(t.predicate)) est /= 20.0;  // a typical number of distinct predicates per subject
  return est;
}

Slot Compiler::make_slot(const TermOrVar& t, const Schema& in, Schema& out, const std::vector<Slot>& earlier,
                         const std::vector<VarId>& earlier_vars) {
  Slot s;
  if (!t.is_var()) {
    s.kind = Slot::Const;
    s.value = constant_id(t.term, s.impossible);
    return s;
  }
  s.var = t.var;
  for (size_t k = 0; k < earlier.size(); ++k) {
    if (earlier_vars[k] == t.var) {
      s.kind = Slot::Same;
      s.same_as = static_cast<int>(k);
      return s;
    }
  }
  const int col = column_of(in, t.var);
  if (col >= 0) {
    s.kind = Slot::Input;
    s.in_col = s.out_col = col;
    return s;
  }
  s.kind = seeded_[t.var] ? Slot::Seed : Slot::Free;
  s.out_col = static_cast<int>(out.size());
  out.push_back(t.var);
  return s;
}

Compiler::Compiled Compiler::build_chain(Compiled input, std::vector<Step> steps,
                                         const std::vector<const Expr*>& filters) {
  // Order: repeatedly the step with the smallest estimated output given what is bound.
  if (options_.reorder_patterns && steps.size() > 1) {
    std::vector<VarId> bound = sorted(input.op->schema());
    std::vector<Step> ordered;
    while (!steps.empty()) {
      size_t best = 0;
      double best_est = std::numeric_limits<double>::infinity();
      for (size_t i = 0; i < steps.size(); ++i) {
        const double e = estimate(steps[i], bound);
        if (e < best_est) {
          best_est = e;
          best = i;
        }
      }
      bound = var_union(bound, step_vars(steps[best].triple, steps[best].path));
      ordered.push_back(steps[best]);
      steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(best));
    }
    steps = std::move(ordered);
  }
  // Each filter goes after the last step that mentions one of its variables: from there on,
  // none of them can change.
  std::vector<std::vector<const Expr*>> placed(std::max<size_t>(steps.size(), 1));
  for (const Expr* f : filters) {
    std::vector<VarId> fv;
    expr_vars(*f, fv);
    fv = sorted(fv);
    size_t at = 0;
    for (size_t i = 0; i < steps.size(); ++i) {
      for (VarId v : step_vars(steps[i].triple, steps[i].path))
        if (var_contains(fv, v)) at = i;
    }
    placed[at].push_back(f);
  }

  Compiled cur = std::move(input);
  for (size_t i = 0; i < steps.size(); ++i) {
    const Step& st = steps[i];
    Schema out = cur.op->schema();
    const Schema& in = cur.op->schema();
    std::vector<Slot> slots;
    std::vector<VarId> slot_vars;
    const TermOrVar* positions[3];
    if (st.triple) {
      positions[0] = &st.triple->subject;
      positions[1] = &st.triple->predicate;
      positions[2] = &st.triple->object;
    } else {
      positions[0] = &st.path->subject;
      positions[1] = &st.path->object;
    }
    const int n = st.triple ? 3 : 2;
    for (int k = 0; k < n; ++k) {
      slots.push_back(make_slot(*positions[k], in, out, slots, slot_vars));
      slot_vars.push_back(positions[k]->is_var() ? positions[k]->var : kNoVar);
      // A path end may be a term the store lacks: a zero-length path still matches it.
      if (st.path && slots.back().kind == Slot::Const && slots.back().impossible) {
        slots.back().value = ctx_.terms.intern(positions[k]->term);
        slots.back().impossible = false;
      }
    }
    std::vector<CExpr> fs;
    for (const Expr* f : placed[i]) fs.push_back(compile_expr(*f, out));
    const double est = estimate(st, sorted(in));
    std::vector<VarId> certain = var_union(cur.certain, step_vars(st.triple, st.path));
    if (st.triple) {
      cur = Compiled{std::make_unique<IndexJoinOp>(out, std::move(cur.op), slots[0], slots[1], slots[2], std::move(fs),
                                                   eval_, est),
                     certain};
    } else {
      CPath path = compile_path(st.path->path, ctx_.store.dictionary());
      cur = Compiled{std::make_unique<PathJoinOp>(out, std::move(cur.op), slots[0], std::move(path), slots[1],
                                                  std::move(fs), eval_),
                     certain};
    }
  }
  if (steps.empty() && !filters.empty()) {
    std::vector<CExpr> fs;
    for (const Expr* f : filters) fs.push_back(compile_expr(*f, cur.op->schema()));
    cur.op = std::make_unique<FilterOp>(std::move(cur.op), std::move(fs), eval_);
  }
  return cur;
}

}  // namespace kikv::sparql::exec
