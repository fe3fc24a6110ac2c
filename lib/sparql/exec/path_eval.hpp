// Property path evaluation (SPARQL 1.1 §18.4 "Property Path Patterns"). Sequences and
// alternatives keep multiplicities (they are joins and unions); *, + and ? give each node once,
// using the ALP procedure with a visited set, so cyclic data terminates.
#pragma once

#include <utility>
#include <vector>

#include "rdf/quad_store.hpp"
#include "sparql/algebra.hpp"
#include "sparql/exec/context.hpp"

namespace kikv::sparql::exec {

/// A path with its IRIs resolved to ids (`absent` when an IRI is not in the store).
struct CPath {
  PathKind kind = PathKind::Link;
  TermId iri = rdf::kNoTerm;
  bool absent = false;
  std::vector<TermId> iris;  ///< NegatedSet (absent IRIs dropped: they exclude nothing)
  std::vector<CPath> args;
};

CPath compile_path(const Path& path, const rdf::Dictionary& dict);

class PathEvaluator {
 public:
  PathEvaluator(const rdf::QuadStore& store, std::vector<TermId> graphs, ExecContext& ctx)
      : store_(store), graphs_(std::move(graphs)), ctx_(ctx) {}

  /// Nodes y with x path y, with multiplicity.
  void forward(const CPath& p, TermId x, std::vector<TermId>& out);
  /// Nodes x with x path y, with multiplicity.
  void backward(const CPath& p, TermId y, std::vector<TermId>& out);
  /// All pairs (x, y).
  void all(const CPath& p, std::vector<std::pair<TermId, TermId>>& out);

 private:
  /// Direct steps of a path from `x` (forward) or to `x` (backward).
  void step(const CPath& p, TermId x, bool fwd, std::vector<TermId>& out);
  void closure(const CPath& p, TermId x, bool fwd, bool include_start, std::vector<TermId>& out);
  void scan(const rdf::QuadPattern& pat, std::vector<rdf::Quad>& out);
  /// Every subject and object of the active graphs (the nodes of zero-length paths).
  void nodes(std::vector<TermId>& out);

  const rdf::QuadStore& store_;
  std::vector<TermId> graphs_;
  ExecContext& ctx_;
};

}  // namespace kikv::sparql::exec
