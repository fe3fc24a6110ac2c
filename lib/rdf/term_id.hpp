// 64-bit term ids. The top four bits are a tag; the low 60 bits are either an index into the
// dictionary (IRIs, blank nodes, literals that cannot be inlined) or the value itself for small
// literals, so that comparisons and arithmetic on them need no dictionary lookup.
//
// Inlining is only used when the literal's lexical form is exactly the one the id prints back
// (see Dictionary::intern_literal): "01"^^xsd:integer keeps its form by going to the dictionary.
// RDF term equality is therefore id equality, for every id.
#pragma once

#include <cstdint>

namespace kikv::rdf {

using TermId = uint64_t;

/// "No term": an unbound variable in a solution, a wildcard in a pattern.
inline constexpr TermId kNoTerm = 0;

enum class IdTag : uint8_t {
  None = 0,
  Iri = 1,          ///< payload: IRI table index
  Blank = 2,        ///< payload: blank node number
  Literal = 3,      ///< payload: literal table index (lexical form + datatype or language)
  Integer = 4,      ///< xsd:integer, payload: 60-bit two's complement value
  Decimal = 5,      ///< xsd:decimal, payload: 4-bit fraction digits | 56-bit signed units
  Boolean = 6,      ///< xsd:boolean "true"/"false", payload 1/0
  Date = 7,         ///< xsd:date, payload: packed date (see below)
  DateTime = 8,     ///< xsd:dateTime with millisecond precision
  GYear = 9,        ///< xsd:gYear
  Duration = 10,    ///< xsd:duration / yearMonthDuration / dayTimeDuration, whole seconds
  String = 11,      ///< xsd:string of at most 7 UTF-8 bytes, payload: 3-bit length | bytes
  // Terms computed during a query that are not in the store live in the query's own table
  // (sparql::TermTable) and are never stored.
  LocalIri = 12,
  LocalLiteral = 13,
  LocalBlank = 14,
  Special = 15,     ///< reserved ids such as the default graph
};

inline constexpr int kTagShift = 60;
inline constexpr uint64_t kPayloadMask = (uint64_t{1} << kTagShift) - 1;

constexpr TermId make_id(IdTag tag, uint64_t payload) {
  return (uint64_t{static_cast<uint8_t>(tag)} << kTagShift) | (payload & kPayloadMask);
}
constexpr IdTag id_tag(TermId id) { return static_cast<IdTag>(id >> kTagShift); }
constexpr uint64_t id_payload(TermId id) { return id & kPayloadMask; }

/// The graph name of the default graph in quads.
inline constexpr TermId kDefaultGraph = make_id(IdTag::Special, 0);

constexpr bool is_iri(TermId id) {
  return id_tag(id) == IdTag::Iri || id_tag(id) == IdTag::LocalIri;
}
constexpr bool is_blank(TermId id) {
  return id_tag(id) == IdTag::Blank || id_tag(id) == IdTag::LocalBlank;
}
constexpr bool is_literal(TermId id) {
  return (id_tag(id) >= IdTag::Literal && id_tag(id) <= IdTag::String) ||
         id_tag(id) == IdTag::LocalLiteral;
}
/// True for ids of query-local terms (never in the store).
constexpr bool is_local(TermId id) {
  return id_tag(id) >= IdTag::LocalIri && id_tag(id) <= IdTag::LocalBlank;
}
/// True for literals whose value is packed into the id.
constexpr bool is_inline(TermId id) {
  return id_tag(id) > IdTag::Literal && id_tag(id) <= IdTag::String;
}

// --- signed payload helpers --------------------------------------------------------------------

/// Sign-extends the low `bits` bits of `v`.
constexpr int64_t sign_extend(uint64_t v, int bits) {
  const uint64_t m = uint64_t{1} << (bits - 1);
  v &= (uint64_t{1} << bits) - 1;
  return static_cast<int64_t>((v ^ m) - m);
}

inline constexpr int64_t kInlineIntegerMin = -(int64_t{1} << 59);
inline constexpr int64_t kInlineIntegerMax = (int64_t{1} << 59) - 1;

constexpr TermId make_integer_id(int64_t v) {
  return make_id(IdTag::Integer, static_cast<uint64_t>(v));
}
constexpr int64_t integer_id_value(TermId id) { return sign_extend(id_payload(id), 60); }

constexpr TermId make_boolean_id(bool v) { return make_id(IdTag::Boolean, v ? 1 : 0); }

}  // namespace kikv::rdf
