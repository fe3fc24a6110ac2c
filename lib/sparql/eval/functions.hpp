// The SPARQL 1.1 builtin functions that are plain functions of their evaluated arguments
// (§17.4: STR, LANG ... SHA512, isIRI ... sameTerm) and the XSD cast functions named by IRI
// (§17.5), as a registry the expression evaluator looks up once at compile time.
//
// The special forms that evaluate their arguments lazily (IF, COALESCE, BOUND, &&, ||, EXISTS,
// IN) belong to the evaluator; operators are in operators.hpp.
//
// Every implementation takes the evaluated arguments as term ids (kNoTerm for an unbound or
// erroneous argument) and returns the result id, or std::nullopt for an expression error.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rdf/term_id.hpp"
#include "rdf/xsd.hpp"
#include "sparql/eval/regex.hpp"
#include "sparql/eval/term_table.hpp"

namespace kikv::sparql {

/// What the functions need from the query execution. One per execution; not thread-safe.
class FunctionContext {
 public:
  /// `base_iri` resolves IRI("relative"); `seed` seeds RAND/UUID/STRUUID (a random seed if 0).
  explicit FunctionContext(TermTable& terms, std::string base_iri = {}, uint64_t seed = 0);

  TermTable& terms() { return terms_; }
  std::string_view base_iri() const { return base_iri_; }

  /// NOW(): one xsd:dateTime for the whole execution, the current time (UTC) when first asked
  /// for unless set_now() fixed it.
  rdf::TermId now();
  void set_now(const rdf::xsd::Temporal& t);

  std::mt19937_64& rng() { return rng_; }
  RegexCache& regex() { return regex_; }

  /// BNODE(label): the blank node for the string literal `label` in the current solution.
  rdf::TermId bnode_for(rdf::TermId label);
  /// Starts the next solution: BNODE(label) gives fresh blank nodes again.
  void start_solution() { bnodes_.clear(); }

  /// Scratch buffers for the implementations (text of inline strings, results being built).
  std::string& scratch(int i) { return scratch_[i]; }

 private:
  TermTable& terms_;
  std::string base_iri_;
  rdf::TermId now_ = rdf::kNoTerm;
  std::mt19937_64 rng_;
  RegexCache regex_;
  std::vector<std::pair<rdf::TermId, rdf::TermId>> bnodes_;  ///< label → blank node (few)
  std::string scratch_[4];
};

using FunctionImpl = std::optional<rdf::TermId> (*)(std::span<const rdf::TermId> args,
                                                    FunctionContext& ctx);

/// max_args of the functions that take any number of arguments (CONCAT).
inline constexpr uint8_t kVariadic = 255;

struct Function {
  std::string_view name;  ///< upper-case keyword, or the IRI of a cast
  uint8_t min_args = 0;
  uint8_t max_args = 0;
  FunctionImpl impl = nullptr;
  /// False for RAND, UUID, STRUUID, BNODE (and NOW, fixed only per execution): results that
  /// must not be computed once at compile time.
  bool deterministic = true;
};

/// The builtin called `keyword` (case-insensitive: "strlen", "isIRI", "STRLEN"); nullptr if
/// it is not a plain function.
const Function* find_builtin(std::string_view keyword);
/// The function named by an IRI (the XSD casts: xsd:string, boolean, integer, decimal, float,
/// double, dateTime, date, time, the derived integer types and the duration types).
const Function* find_function_iri(std::string_view iri);
/// Every builtin and IRI function (for tests and documentation).
std::span<const Function> builtin_functions();
std::span<const Function> iri_functions();

}  // namespace kikv::sparql
