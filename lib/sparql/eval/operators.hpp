// SPARQL operators on term ids (SPARQL 1.1 §17.3 operator mapping, XPath F&O 3.1 op:*):
// arithmetic with numeric type promotion and date/time/duration arithmetic, the comparison
// operators, effective boolean value, logical not, sameTerm, IN, and the total order of
// ORDER BY / MIN / MAX.
//
// An expression error (type error, division by zero, unbound input ...) is std::nullopt. An
// unbound input is passed as kNoTerm. Nothing here throws or allocates on the common paths
// (inline numbers, dates and short strings); computed terms that are not inline are interned
// in the TermTable.
//
// Where Apache Jena (the KIK-V reference) extends SPARQL, these operators follow it when the
// specifications leave the case undefined (ordering of dates, times, durations and same-language
// strings, xsd:date ± any duration, "a" = 1 is false); where they disagree the specifications
// win (NaN = NaN is false; date - date is an xsd:dayTimeDuration). See the tests for the cases.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "rdf/term_id.hpp"
#include "sparql/eval/term_table.hpp"
#include "sparql/eval/value.hpp"

namespace kikv::sparql {

enum class ArithOp : uint8_t { Add, Subtract, Multiply, Divide };

/// `a op b` on numerics (op:numeric-add ... with promotion; integer / integer is a decimal;
/// integer or decimal division by zero is an error, float/double division gives ±INF/NaN) and on
/// dates, times and durations: date/dateTime/time ± duration (any of xsd:duration,
/// yearMonthDuration, dayTimeDuration; duration + date too), date - date, dateTime - dateTime,
/// time - time (→ xsd:dayTimeDuration), duration ± duration, duration × number, number ×
/// duration, duration ÷ number, duration ÷ duration (→ xsd:decimal).
std::optional<rdf::TermId> arithmetic(ArithOp op, rdf::TermId a, rdf::TermId b,
                                      TermTable& terms);
/// The same on numeric values (for aggregates that accumulate without interning).
std::optional<Numeric> numeric_arithmetic(ArithOp op, const Numeric& a, const Numeric& b);
/// Unary minus (op:numeric-unary-minus; durations negate as well).
std::optional<rdf::TermId> unary_minus(rdf::TermId a, TermTable& terms);
/// Unary plus: the operand itself if it is numeric (as Jena, which keeps "5"^^xsd:byte).
std::optional<rdf::TermId> unary_plus(rdf::TermId a, const TermTable& terms);

enum class CompareOp : uint8_t { Equal, NotEqual, Less, Greater, LessEqual, GreaterEqual };

/// `a op b`. Numerics compare by value across types (NaN is unequal to everything), simple
/// literals / xsd:string by code point, booleans false < true, date/time values of one kind on
/// the time line (nullopt when indeterminate by the XSD timezone rule), durations by value,
/// language-tagged strings of the same language (case-insensitive) by code point.
/// `=`/`!=` on other terms is RDFterm-equal: the same term is equal; IRIs and blank nodes are
/// unequal to anything else; two different literals of distinct known value spaces are
/// unequal; a literal of an unknown datatype, or ill-typed, against a different literal is an
/// error (except against a language-tagged string, which is unequal).
std::optional<bool> compare(CompareOp op, rdf::TermId a, rdf::TermId b, const TermTable& terms);
/// sameTerm(a, b).
std::optional<bool> same_term(rdf::TermId a, rdf::TermId b);
/// Effective boolean value (SPARQL §17.2.2): booleans, numerics (false for 0 and NaN), strings
/// (false when empty); ill-typed booleans and numerics are false; anything else is an error.
std::optional<bool> ebv(rdf::TermId a, const TermTable& terms);
/// `!a`: the negated effective boolean value.
std::optional<bool> logical_not(rdf::TermId a, const TermTable& terms);
/// `x IN (list)` (§17.4.1.9): true if x = some element; otherwise an error if some comparison
/// was an error (an unbound element is kNoTerm), else false. NOT IN is its negation.
std::optional<bool> in_list(rdf::TermId x, std::span<const rdf::TermId> list,
                            const TermTable& terms);

/// The total order of ORDER BY (SPARQL §15.1), also used by MIN and MAX: unbound (kNoTerm) <
/// blank nodes < IRIs (by code point) < literals. Literals are grouped: numerics (by value, NaN
/// last), booleans, dates and dateTimes together on the time line (no timezone taken as UTC),
/// times, the g* kinds, durations, simple literals (by code point), language-tagged strings (by
/// language, then text), then everything else (unknown datatypes and ill-typed literals, by
/// lexical form and datatype). Ties between different terms of equal value (1 and 1.0 and
/// "01"^^xsd:integer) are broken by lexical form and datatype, so the order is total and the
/// result is deterministic. Returns <0, 0 (only for the same id), >0.
int order_compare(rdf::TermId a, rdf::TermId b, const TermTable& terms);

}  // namespace kikv::sparql
