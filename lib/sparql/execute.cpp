#include "sparql/execute.hpp"

#include <algorithm>
#include <set>

#include "rdf/error.hpp"
#include "sparql/eval/functions.hpp"
#include "sparql/exec/compile.hpp"
#include "sparql/exec/expr.hpp"
#include "sparql/sparql.hpp"

namespace kikv::sparql {

using exec::Batch;
using rdf::kNoTerm;
using rdf::TermId;

struct Execution::Impl {
  Impl(const rdf::QuadStore& store, TermTable& terms, const Query& q, const ExecuteOptions& o)
      : ctx(store, terms, q.vars), fn(terms, q.base, o.random_seed), eval(ctx, fn) {}

  exec::ExecContext ctx;
  FunctionContext fn;
  exec::Evaluator eval;
  exec::OpPtr plan;
  std::vector<int> columns;  ///< per result column: column in the plan's rows (-1: never bound)
  Batch batch;
  size_t pos = 0;
  bool opened = false;
  bool done = false;
  // CONSTRUCT/DESCRIBE result graph, built on first use.
  std::vector<std::array<TermId, 3>> graph;
  bool graph_built = false;
  size_t graph_pos = 0;

  /// Moves to the next row of the plan; false at the end. (A row may have no columns, so its
  /// pointer says nothing about whether there is one.)
  bool next_row(const TermId*& row) {
    if (!opened) {
      plan->open(ctx, nullptr);
      opened = true;
    }
    while (pos >= batch.size()) {
      if (done || !plan->next(batch)) {
        done = true;
        return false;
      }
      pos = 0;
    }
    row = batch.row(pos++);
    return true;
  }
};

namespace {

/// Ids of the FROM / FROM NAMED graphs; graphs the store does not have are empty and skipped.
std::vector<TermId> graph_ids(const rdf::Dictionary& dict, const std::vector<std::string>& iris) {
  std::vector<TermId> out;
  for (const std::string& iri : iris)
    if (auto id = dict.find_iri(iri)) out.push_back(*id);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

Execution::Execution(const rdf::QuadStore& store, const Query& query, ExecuteOptions options)
    : store_(store), query_(query), terms_(std::make_unique<TermTable>(store.dictionary())) {
  impl_ = std::make_unique<Impl>(store, *terms_, query, options);
  exec::ExecContext& ctx = impl_->ctx;
  ctx.interrupt = options.interrupt;
  if (options.timeout) ctx.deadline = std::chrono::steady_clock::now() + *options.timeout;
  if (!query.dataset.empty()) {
    // A dataset description replaces the store's default dataset (§13.2).
    ctx.default_graphs = graph_ids(store.dictionary(), query.dataset.default_graphs);
    ctx.named_graphs = graph_ids(store.dictionary(), query.dataset.named_graphs);
  }
  ctx.active_graphs = ctx.default_graphs;

  root_ = optimize(query.root, *terms_, options.passes);
  exec::CompileOptions co;
  co.reorder_patterns = options.reorder_patterns;
  exec::Compiler compiler(ctx, impl_->eval, query.vars, co);
  impl_->plan = compiler.compile(root_);
  if (query.form == QueryForm::Select) {
    for (VarId v : query.projection) {
      columns_.push_back(query.vars[v].source_name.empty() ? query.vars.name(v) : query.vars[v].source_name);
      impl_->columns.push_back(exec::column_of(impl_->plan->schema(), v));
    }
  }
}

Execution::~Execution() = default;

bool Execution::next(std::vector<TermId>& row) {
  const TermId* r = nullptr;
  if (!impl_->next_row(r)) return false;
  row.resize(impl_->columns.size());
  for (size_t i = 0; i < impl_->columns.size(); ++i) row[i] = impl_->columns[i] >= 0 ? r[impl_->columns[i]] : kNoTerm;
  return true;
}

bool Execution::ask() {
  const TermId* r = nullptr;
  return impl_->next_row(r);
}

void Execution::build_graph() {
  auto& graph = impl_->graph;
  std::set<std::array<TermId, 3>> seen;
  auto add = [&](TermId s, TermId p, TermId o) {
    // Only valid RDF triples: subject IRI or blank node, predicate IRI.
    if (s == kNoTerm || p == kNoTerm || o == kNoTerm) return;
    if (rdf::is_literal(s) || !rdf::is_iri(p)) return;
    std::array<TermId, 3> t{s, p, o};
    if (seen.insert(t).second) graph.push_back(t);
  };
  const exec::Schema& schema = impl_->plan->schema();
  if (query_.form == QueryForm::Construct) {
    std::vector<std::pair<std::string, TermId>> bnodes;  // template blank nodes, per solution
    const TermId* r = nullptr;
    while (impl_->next_row(r)) {
      bnodes.clear();
      auto value = [&](const TermOrVar& x) -> TermId {
        if (x.is_var()) {
          const int c = exec::column_of(schema, x.var);
          return c >= 0 ? r[c] : kNoTerm;
        }
        if (x.term.is_blank()) {
          for (auto& [label, id] : bnodes)
            if (label == x.term.value) return id;
          bnodes.emplace_back(x.term.value, terms_->new_blank());
          return bnodes.back().second;
        }
        return terms_->intern(x.term);
      };
      for (const TriplePattern& t : query_.construct_template) add(value(t.subject), value(t.predicate), value(t.object));
    }
  } else if (query_.form == QueryForm::Describe) {
    // The resources: constants and the values of the described variables in every solution.
    std::vector<TermId> resources;
    for (const TermOrVar& d : query_.describe) {
      if (!d.is_var()) resources.push_back(terms_->intern(d.term));
    }
    const TermId* r = nullptr;
    while (impl_->next_row(r)) {
      for (const TermOrVar& d : query_.describe) {
        if (!d.is_var()) continue;
        const int c = exec::column_of(schema, d.var);
        if (c >= 0 && r[c] != kNoTerm) resources.push_back(r[c]);
      }
    }
    // Each resource's statements, following blank-node objects (a concise bounded description).
    std::set<TermId> done;
    while (!resources.empty()) {
      const TermId x = resources.back();
      resources.pop_back();
      if (!done.insert(x).second || rdf::is_local(x)) continue;
      for (TermId g : impl_->ctx.default_graphs) {
        auto c = store_.scan(rdf::QuadPattern{g, x, kNoTerm, kNoTerm});
        rdf::Quad q;
        while (c.next(q)) {
          add(q.s, q.p, q.o);
          if (rdf::is_blank(q.o)) resources.push_back(q.o);
        }
      }
    }
  }
  impl_->graph_built = true;
}

bool Execution::next_triple(std::array<TermId, 3>& triple) {
  if (!impl_->graph_built) build_graph();
  if (impl_->graph_pos >= impl_->graph.size()) return false;
  triple = impl_->graph[impl_->graph_pos++];
  return true;
}

std::string Execution::explain() const {
  return to_sse(root_, query_.vars) + "\n\n" + exec::explain_tree(*impl_->plan, query_.vars);
}

}  // namespace kikv::sparql
