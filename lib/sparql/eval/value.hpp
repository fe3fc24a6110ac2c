// Typed values of term ids, and term ids of computed values: the bridge between the id world of
// the executor and the XSD value library (rdf/xsd.hpp) for the SPARQL functions and operators.
//
// Decoding: inline literals decode from the id alone (no dictionary access); dictionary and
// query-local literals parse their lexical form by datatype, so that non-canonical forms such as
// "01"^^xsd:integer are numbers while ill-typed ones such as "abc"^^xsd:integer are not.
//
// Making: computed values get the lexical forms Apache Jena (the KIK-V reference engine) prints
// for computed results — decimals "3.0" and "0.333333333333333333333333", doubles as
// xsd::to_string_double, canonical integers, dates and durations — and the one id that term has
// (inline when possible without touching any table, else TermTable::intern_literal).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rdf/term_id.hpp"
#include "rdf/vocab.hpp"
#include "rdf/xsd.hpp"
#include "sparql/eval/term_table.hpp"

namespace kikv::sparql {

using rdf::kNoTerm;

// ---------------------------------------------------------------------------------------------
// Numerics
// ---------------------------------------------------------------------------------------------

/// The four primitive numeric types of XPath, in promotion order (integer → decimal → float →
/// double). Every derived integer type (xsd:int, xsd:byte ...) is an Integer.
enum class NumericType : uint8_t { Integer = 0, Decimal = 1, Float = 2, Double = 3 };

/// A numeric value. Only the member of `type` is meaningful.
struct Numeric {
  NumericType type = NumericType::Integer;
  rdf::xsd::int128_t integer = 0;  ///< Integer
  rdf::xsd::Decimal decimal;       ///< Decimal
  double floating = 0;             ///< Double, or Float (a float value, widened exactly)

  static Numeric of_integer(rdf::xsd::int128_t v) {
    Numeric n;
    n.integer = v;
    return n;
  }
  static Numeric of_decimal(const rdf::xsd::Decimal& d) {
    Numeric n;
    n.type = NumericType::Decimal;
    n.decimal = d;
    return n;
  }
  static Numeric of_float(float v) {
    Numeric n;
    n.type = NumericType::Float;
    n.floating = static_cast<double>(v);
    return n;
  }
  static Numeric of_double(double v) {
    Numeric n;
    n.type = NumericType::Double;
    n.floating = v;
    return n;
  }
};

/// XPath numeric type promotion of `n` to `type` (which must not be below n.type). Promoting an
/// integer too large for a decimal (never for int128 values) is not possible, so this is total.
Numeric promote(const Numeric& n, NumericType type);
/// The value as a double (decimals and integers rounded to nearest).
double to_double(const Numeric& n);
/// True for NaN doubles/floats.
bool is_nan(const Numeric& n);

/// The value of a numeric literal (xsd:integer and derived types with their range checked,
/// xsd:decimal, xsd:float, xsd:double); nullopt for anything else, including ill-typed literals.
std::optional<Numeric> numeric_value(rdf::TermId id, const TermTable& terms);

// ---------------------------------------------------------------------------------------------
// Other value spaces
// ---------------------------------------------------------------------------------------------

/// A string literal: a simple literal / xsd:string (lang empty) or a language-tagged string.
struct StringValue {
  std::string_view text;
  std::string_view lang;  ///< empty for xsd:string
};

/// The text and language of a simple literal, xsd:string or rdf:langString literal; nullopt for
/// other terms. `scratch` receives the bytes of inline strings (the view may point into it).
std::optional<StringValue> string_value(rdf::TermId id, const TermTable& terms,
                                        std::string& scratch);
/// The value of an xsd:boolean literal ("true", "false", "1", "0").
std::optional<bool> boolean_value(rdf::TermId id, const TermTable& terms);
/// The value of a date/time literal (xsd:dateTime, date, time, gYear ... dateTimeStamp).
std::optional<rdf::xsd::Temporal> temporal_value(rdf::TermId id, const TermTable& terms);
/// The value of an xsd:duration, yearMonthDuration or dayTimeDuration literal.
std::optional<rdf::xsd::Duration> duration_value(rdf::TermId id, const TermTable& terms);

/// What a datatype id says about its literals, before looking at the lexical form.
enum class DatatypeClass : uint8_t {
  String,      ///< xsd:string (simple literals)
  LangString,  ///< rdf:langString
  Integer,     ///< xsd:integer and the derived integer types
  Decimal,
  Float,
  Double,
  Boolean,
  Temporal,    ///< dateTime, date, time, g*, dateTimeStamp
  Duration,    ///< duration, yearMonthDuration, dayTimeDuration
  Other,       ///< any other datatype (unknown to the engine)
};
DatatypeClass classify_datatype(rdf::TermId datatype);
/// The temporal kind of a Temporal datatype id.
rdf::xsd::TemporalKind temporal_kind(rdf::TermId datatype);
rdf::xsd::DurationKind duration_kind(rdf::TermId datatype);
rdf::TermId temporal_datatype(rdf::xsd::TemporalKind kind);
rdf::TermId duration_datatype(rdf::xsd::DurationKind kind);

/// The kind of value a term has, for the operators' dispatch.
enum class ValueKind : uint8_t {
  Iri,
  Blank,
  String,      ///< simple literal / xsd:string
  LangString,
  Numeric,
  Boolean,
  Temporal,
  Duration,
  IllTyped,  ///< a datatype of the engine (numeric, boolean, date ...) with an invalid lexical form
  Other,     ///< a literal of any other datatype
};

/// A decoded term. Only the members for `kind` are set.
struct Value {
  ValueKind kind = ValueKind::Other;
  rdf::TermId datatype = kNoTerm;  ///< literals
  Numeric numeric;
  bool boolean = false;
  rdf::xsd::Temporal temporal;
  rdf::xsd::Duration duration;
  /// String, LangString, IllTyped, Other: the lexical form (into the table or `scratch`).
  std::string_view lexical;
  std::string_view lang;  ///< LangString
};

/// Decodes a bound id (not kNoTerm). `scratch` holds the bytes of inline strings.
Value decode(rdf::TermId id, const TermTable& terms, std::string& scratch);

// ---------------------------------------------------------------------------------------------
// Making ids of computed values
// ---------------------------------------------------------------------------------------------

/// rdf::TermId of a boolean (always inline).
constexpr rdf::TermId make_boolean(bool v) { return rdf::make_boolean_id(v); }
rdf::TermId make_integer(rdf::xsd::int128_t v, TermTable& terms);
/// A decimal in Jena's form: normalised, at least one fraction digit ("3.0", "-0.5").
rdf::TermId make_decimal(const rdf::xsd::Decimal& d, TermTable& terms);
rdf::TermId make_float(float v, TermTable& terms);
rdf::TermId make_double(double v, TermTable& terms);
rdf::TermId make_numeric(const Numeric& n, TermTable& terms);
/// A simple literal (xsd:string).
rdf::TermId make_string(std::string_view text, TermTable& terms);
/// A simple literal if `lang` is empty, else a language-tagged string.
rdf::TermId make_string(std::string_view text, std::string_view lang, TermTable& terms);
rdf::TermId make_temporal(const rdf::xsd::Temporal& t, TermTable& terms);
rdf::TermId make_duration(const rdf::xsd::Duration& d, TermTable& terms);

}  // namespace kikv::sparql
