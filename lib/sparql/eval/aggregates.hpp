// Set functions of SPARQL 1.1 aggregates (§18.5.1): COUNT, SUM, AVG, MIN, MAX, SAMPLE,
// GROUP_CONCAT, each optionally DISTINCT (duplicates removed by term id, i.e. RDF term equality).
//
// The caller evaluates the aggregate's expression for every row of a group and add()s the result,
// kNoTerm for an unbound value or an error. COUNT(*) is the caller's (it counts rows, not values).
// Errors follow Apache Jena 4.5 and Oxigraph, which agree with each other and with the
// specification's algebra (an error in the multiset makes the set function an error):
//   COUNT   counts the bound values, skipping errors;
//   SAMPLE  returns some bound value (the first), skipping errors; no value → error;
//   SUM     0 for no rows; any error or non-numeric value → error;
//   AVG     0 for no rows; any error or non-numeric value → error; integer averages are decimals;
//   MIN/MAX error for no rows or when any value is an error; ordered as ORDER BY;
//   GROUP_CONCAT  "" for no rows; any error (or a blank node, which has no string value) →
//           error; the result is a simple literal even when all values share a language tag.
// So an unbound value is NOT skipped by SUM: KIK-V queries write SUM(COALESCE(?a * ?b, 0)).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "rdf/term_id.hpp"
#include "sparql/algebra.hpp"
#include "sparql/eval/term_table.hpp"

namespace kikv::sparql {


/// The running state of one aggregate for one group.
class Accumulator {
 public:
  virtual ~Accumulator() = default;
  /// Adds one row's value of the aggregate's expression (kNoTerm: unbound or an error).
  virtual void add(rdf::TermId value) = 0;
  /// The aggregate's value for the rows added; nullopt for an error (the result is unbound).
  virtual std::optional<rdf::TermId> finish() = 0;
  /// Forgets the rows added, to start the next group.
  virtual void reset() = 0;
};

/// A new accumulator. `separator` is GROUP_CONCAT's (a single space unless given). The
/// accumulator interns results (and keeps a reference to `terms`).
std::unique_ptr<Accumulator> make_accumulator(AggregateKind kind, bool distinct, TermTable& terms,
                                              std::string_view separator = " ");

}  // namespace kikv::sparql
