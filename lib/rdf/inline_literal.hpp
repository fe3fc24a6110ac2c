// Packing small literals into term ids and unpacking them again (see term_id.hpp for the tags).
// A literal is inlined only if printing the packed value gives back its lexical form exactly,
// so inlining never changes a term.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "rdf/term_id.hpp"
#include "rdf/xsd.hpp"

namespace kikv::rdf {

/// The inline id of `lexical`^^`datatype` (a well-known datatype id), if it has one.
std::optional<TermId> try_inline_literal(std::string_view lexical, TermId datatype);

/// Appends the lexical form of an inline literal to `out`.
void append_inline_lexical(TermId id, std::string& out);
/// The datatype (a well-known IRI id) of an inline literal.
TermId inline_datatype(TermId id);

// Typed access for the expression evaluator; each requires the matching tag.
xsd::Decimal inline_decimal(TermId id);    ///< IdTag::Decimal
xsd::Temporal inline_temporal(TermId id);  ///< IdTag::Date, DateTime, GYear
xsd::Duration inline_duration(TermId id);  ///< IdTag::Duration
/// IdTag::String: copies the (at most 7) bytes into `out` and returns their number.
size_t inline_string(TermId id, char out[8]);

// Packing from values (used by the evaluator to return results without touching the dictionary).
std::optional<TermId> pack_integer(xsd::int128_t v);
std::optional<TermId> pack_decimal(const xsd::Decimal& d);  ///< keeps d.scale digits
std::optional<TermId> pack_temporal(const xsd::Temporal& t);
std::optional<TermId> pack_duration(const xsd::Duration& d);
std::optional<TermId> pack_string(std::string_view s);

}  // namespace kikv::rdf
