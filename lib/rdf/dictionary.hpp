// The dictionary maps RDF terms to 64-bit ids and back. Small literals are packed into the id
// itself (inline_literal.hpp) and never reach the tables; blank nodes are plain counters.
//
// IRIs are stored as (namespace number, local part): most IRIs of a data set share a few
// namespaces ("http://example.org/person/"), so this roughly halves their memory.
// Literals are stored as (datatype IRI number, language tag, lexical form). Language tags are
// case-insensitive (RDF 1.1 §3.3): they are keyed in lower case, so "a"@EN and "a"@en are one
// term, and printed as the tag was first written ("en-US" stays "en-US").
//
// Not thread-safe for writers; concurrent readers are safe while no writer runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rdf/string_table.hpp"
#include "rdf/term.hpp"
#include "rdf/term_id.hpp"

namespace kikv::rdf {

class Dictionary {
 public:
  Dictionary();

  TermId intern_iri(std::string_view iri);
  /// `datatype` is an IRI id; pass vocab::kRdfLangString with a non-empty `lang` for
  /// language-tagged strings and vocab::kXsdString for simple literals.
  TermId intern_literal(std::string_view lexical, TermId datatype, std::string_view lang = {});
  TermId intern_literal(std::string_view lexical, std::string_view datatype_iri,
                        std::string_view lang = {});
  /// A blank node that is distinct from every other one.
  TermId new_blank();
  /// Interns any term. A blank node term is looked up by the label this dictionary gives its
  /// blank nodes ("b" + number); other labels get a fresh node.
  TermId intern(const Term& term);

  std::optional<TermId> find_iri(std::string_view iri) const;
  std::optional<TermId> find_literal(std::string_view lexical, TermId datatype,
                                     std::string_view lang = {}) const;
  std::optional<TermId> find(const Term& term) const;

  /// The term behind an id (kNoTerm and kDefaultGraph are not terms).
  Term term(TermId id) const;
  /// Appends the IRI, the blank node label (without "_:") or the lexical form to `out`.
  void append_value(TermId id, std::string& out) const;
  std::string value(TermId id) const {
    std::string s;
    append_value(id, s);
    return s;
  }
  /// The value as a view: literals in the table are viewed in place, everything else is
  /// written into `scratch` first.
  std::string_view view(TermId id, std::string& scratch) const;
  /// Datatype IRI id of a literal (kNoTerm for IRIs and blank nodes).
  TermId datatype(TermId id) const;
  /// Language tag of a literal ("" if none), as first written.
  std::string_view lang(TermId id) const;
  /// The display form of a lower-cased language tag known to this dictionary, or `lower`.
  std::string_view lang_display(std::string_view lower) const;

  /// A point to roll back to: everything interned after it can be removed again.
  struct Mark {
    uint64_t namespaces = 0, iris = 0, literals = 0, blanks = 0, lang_tags = 0;
  };
  Mark mark() const;
  void rollback(const Mark& mark);

  struct Stats {
    uint64_t iris = 0, literals = 0, blanks = 0, namespaces = 0;
    size_t memory_bytes = 0;
  };
  Stats stats() const;

 private:
  /// Splits an IRI after its last '/', '#' or ':' into namespace and local part.
  static size_t namespace_length(std::string_view iri);
  static void encode_iri_key(std::string_view local, uint64_t ns, std::string& key);
  static void encode_literal_key(std::string_view lexical, TermId datatype, std::string_view lang,
                                 std::string& key);

  StringTable namespaces_;
  StringTable iris_;      ///< varint(namespace) + local part
  StringTable literals_;  ///< varint(datatype IRI index) [+ lang length byte + lang] + lexical
  /// Language tags whose first written form is not all lower case: lower case → as written.
  std::unordered_map<std::string, std::string> lang_display_;
  std::vector<std::string> lang_order_;  ///< keys of lang_display_ in insertion order (rollback)
  uint64_t blanks_ = 0;
  std::string key_;  ///< scratch for intern (writers only)
  /// One-entry cache of the last namespace interned: N-Triples repeats namespaces in runs.
  std::string last_ns_;
  uint64_t last_ns_index_ = UINT64_MAX;
};

}  // namespace kikv::rdf
