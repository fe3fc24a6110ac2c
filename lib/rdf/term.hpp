// RDF terms as values at the edges of the engine (parsers, writers, APIs). Inside, terms are
// 64-bit ids (term_id.hpp); convert with the Dictionary.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace kikv::rdf {

enum class TermKind : uint8_t { Iri = 1, Blank = 2, Literal = 3 };

/// An owning RDF term. For literals `datatype` is always set (xsd:string for simple literals,
/// rdf:langString for language-tagged ones) and `lang` is lower-case-insensitive as given.
struct Term {
  TermKind kind = TermKind::Iri;
  std::string value;     ///< IRI, blank node label (without "_:") or lexical form
  std::string datatype;  ///< literal datatype IRI
  std::string lang;      ///< language tag, literals only

  static Term iri(std::string v) { return Term{TermKind::Iri, std::move(v), {}, {}}; }
  static Term blank(std::string label) { return Term{TermKind::Blank, std::move(label), {}, {}}; }
  static Term literal(std::string lexical, std::string datatype);
  static Term lang_literal(std::string lexical, std::string lang);
  static Term string(std::string lexical);

  bool is_iri() const { return kind == TermKind::Iri; }
  bool is_blank() const { return kind == TermKind::Blank; }
  bool is_literal() const { return kind == TermKind::Literal; }

  friend bool operator==(const Term&, const Term&) = default;
  friend auto operator<=>(const Term&, const Term&) = default;
};

/// N-Triples / SPARQL form: <iri>, _:label, "lexical"@lang, "lexical"^^<datatype>
/// ("lexical" alone for xsd:string).
std::string to_ntriples(const Term& term);
/// Appends the N-Triples escaping of `text` (quotes, backslash, \n, \r, \t) to `out`.
void append_escaped_string(std::string& out, std::string_view text);

namespace iri {
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
inline constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
inline constexpr std::string_view kXsdFloat = "http://www.w3.org/2001/XMLSchema#float";
inline constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view kXsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";
inline constexpr std::string_view kXsdTime = "http://www.w3.org/2001/XMLSchema#time";
inline constexpr std::string_view kXsdGYear = "http://www.w3.org/2001/XMLSchema#gYear";
inline constexpr std::string_view kXsdDuration = "http://www.w3.org/2001/XMLSchema#duration";
inline constexpr std::string_view kXsdYearMonthDuration =
    "http://www.w3.org/2001/XMLSchema#yearMonthDuration";
inline constexpr std::string_view kXsdDayTimeDuration =
    "http://www.w3.org/2001/XMLSchema#dayTimeDuration";
}  // namespace iri

}  // namespace kikv::rdf
