// What physical operators need while they run: the store, the query's term table, the
// dataset, and the interrupt/deadline state.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <vector>

#include "rdf/error.hpp"
#include "rdf/quad_store.hpp"
#include "sparql/algebra.hpp"
#include "sparql/eval/term_table.hpp"

namespace kikv::sparql::exec {

struct ExecContext {
  ExecContext(const rdf::QuadStore& s, TermTable& t, const VarTable& v)
      : store(s), terms(t), vars(v) {}

  const rdf::QuadStore& store;
  TermTable& terms;
  const VarTable& vars;

  /// Graphs merged into the default graph (FROM); normally just the store's default graph.
  std::vector<rdf::TermId> default_graphs{rdf::kDefaultGraph};
  /// Named graphs (FROM NAMED); nullopt = every named graph in the store.
  std::optional<std::vector<rdf::TermId>> named_graphs;
  /// The graphs that scans opened now read: the default graph(s), or the graph chosen by an
  /// enclosing GRAPH. Operators copy it at open().
  std::vector<rdf::TermId> active_graphs{rdf::kDefaultGraph};

  /// Set from another thread to stop the query (kikv_interrupt).
  const std::atomic<bool>* interrupt = nullptr;
  std::optional<std::chrono::steady_clock::time_point> deadline;

  /// Throws InterruptError when interrupted or past the deadline. Cheap; call once per batch.
  void check() const {
    if (interrupt && interrupt->load(std::memory_order_relaxed))
      throw InterruptError("query interrupted");
    if (deadline && std::chrono::steady_clock::now() > *deadline)
      throw InterruptError("query timed out");
  }

  /// The named graphs visible to GRAPH ?g.
  std::vector<rdf::TermId> visible_named_graphs() const {
    return named_graphs ? *named_graphs : store.graphs(false);
  }
};

}  // namespace kikv::sparql::exec
