// The terms a query sees: the store's dictionary plus the terms the query computes (CONCAT
// results, new IRIs, doubles ...). Every term has exactly one id: a computed term that exists
// in the store gets the store's id, an inline-able one its inline id, anything else an id in
// this table's local space (IdTag::LocalIri/LocalLiteral/LocalBlank). So solutions stay
// arrays of ids, and id equality stays RDF term equality, throughout evaluation.
//
// One TermTable per query execution; not thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "rdf/dictionary.hpp"
#include "rdf/string_table.hpp"
#include "rdf/term.hpp"
#include "rdf/term_id.hpp"
#include "rdf/vocab.hpp"

namespace kikv::sparql {

using rdf::TermId;

class TermTable {
 public:
  explicit TermTable(const rdf::Dictionary& dict) : dict_(dict) {}

  const rdf::Dictionary& dictionary() const { return dict_; }

  TermId intern_iri(std::string_view iri);
  /// `datatype` is an IRI id (store or local); a non-empty `lang` makes it rdf:langString.
  TermId intern_literal(std::string_view lexical, TermId datatype, std::string_view lang = {});
  TermId intern_literal(std::string_view lexical, std::string_view datatype_iri,
                        std::string_view lang = {});
  TermId intern_string(std::string_view lexical) {
    return intern_literal(lexical, rdf::vocab::kXsdString);
  }
  TermId intern(const rdf::Term& term);
  /// A fresh blank node, distinct from every other.
  TermId new_blank();

  /// Appends the IRI, blank label or lexical form.
  void append_value(TermId id, std::string& out) const;
  std::string value(TermId id) const {
    std::string s;
    append_value(id, s);
    return s;
  }
  /// The lexical form without copying when the term is stored as text (dictionary or local
  /// literal, IRIs); inline literals are formatted into `scratch` and a view of it returned.
  std::string_view view(TermId id, std::string& scratch) const;
  /// Datatype IRI id of a literal (kNoTerm for IRIs/blank nodes).
  TermId datatype(TermId id) const;
  std::string_view lang(TermId id) const;
  rdf::Term term(TermId id) const;

 private:
  const rdf::Dictionary& dict_;
  rdf::StringTable iris_;
  rdf::StringTable literals_;  ///< varint(datatype id) varint(lang length) lang lexical
  uint64_t blanks_ = 0;
  std::string key_;
  /// Language tags first written with upper case letters that the dictionary does not know.
  std::unordered_map<std::string, std::string> lang_display_;
};

}  // namespace kikv::sparql
