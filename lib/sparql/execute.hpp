// Running a parsed query over a store: `Execution` owns everything one run needs (the query's
// term table, the compiled plan, the evaluator) and hands out results as term ids, converted to
// terms only on request.
//
//   Query q = parse_query(text);
//   Execution run(store, q);
//   std::vector<TermId> row;
//   while (run.next(row)) ... run.term(row[i]) ...
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rdf/quad_store.hpp"
#include "sparql/algebra.hpp"
#include "sparql/eval/term_table.hpp"
#include "sparql/optimizer/optimizer.hpp"

namespace kikv::sparql {

struct ExecuteOptions {
  /// Algebra rewrites to apply (none: run the translation as it is, for tests).
  PassSet passes = PassSet::all();
  /// Order patterns by estimated cardinality (off only to test that results do not depend on it).
  bool reorder_patterns = true;
  std::optional<std::chrono::milliseconds> timeout;
  /// Set to true from another thread to stop the run (InterruptError).
  const std::atomic<bool>* interrupt = nullptr;
  /// Seed for RAND/UUID (0: random).
  uint64_t random_seed = 0;
};

class Execution {
 public:
  /// Compiles the query for this store. Throws EvalError/UnsupportedError for queries that
  /// cannot run (unknown functions, SERVICE ...).
  Execution(const rdf::QuadStore& store, const Query& query, ExecuteOptions options = {});
  ~Execution();
  Execution(const Execution&) = delete;
  Execution& operator=(const Execution&) = delete;

  QueryForm form() const { return query_.form; }
  /// SELECT: the result variables, in order (names without '?').
  const std::vector<std::string>& columns() const { return columns_; }
  /// SELECT: the next solution (kNoTerm = unbound). False when there are no more.
  bool next(std::vector<rdf::TermId>& row);
  /// ASK: whether the pattern has a solution.
  bool ask();
  /// CONSTRUCT/DESCRIBE: the next triple of the result graph (no duplicates).
  bool next_triple(std::array<rdf::TermId, 3>& triple);

  /// Term of an id in a result (store ids and ids computed by this run).
  rdf::Term term(rdf::TermId id) const { return terms_->term(id); }
  const TermTable& terms() const { return *terms_; }
  /// The physical plan, one operator per line.
  std::string explain() const;

 private:
  struct Impl;
  void build_graph();

  const rdf::QuadStore& store_;
  const Query& query_;
  Op root_;  ///< the optimised algebra
  std::unique_ptr<TermTable> terms_;
  std::unique_ptr<Impl> impl_;
  std::vector<std::string> columns_;
};

}  // namespace kikv::sparql
