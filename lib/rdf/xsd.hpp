// XSD datatype values: lexical parsing, canonical formatting, comparison and arithmetic.
// Semantics follow XML Schema 1.1 Part 2 (lexical/canonical mappings) and XPath and XQuery
// Functions and Operators 3.1 (op:numeric-*, op:*-equal/less-than, date/duration arithmetic).
//
// Parsing is strict: the argument must be in the type's lexical space exactly (no surrounding
// whitespace). Callers that implement XPath casts collapse whitespace first (see collapse_ws).
// Operations that the specifications define as errors (division by zero, overflow, an
// indeterminate comparison ...) return std::nullopt instead of throwing: they are frequent in
// FILTER evaluation and must stay cheap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kikv::rdf::xsd {

/// 128-bit integers (a GCC/Clang extension; `__extension__` keeps -Wpedantic quiet). Use these
/// names instead of the keyword so that including code stays warning-free.
__extension__ typedef __int128 int128_t;
__extension__ typedef unsigned __int128 uint128_t;

// ---------------------------------------------------------------------------------------------
// Decimals and integers
// ---------------------------------------------------------------------------------------------

/// Exact decimal: value = units / 10^scale with 0 <= scale <= kMaxDecimalScale and
/// |units| <= 2^127 - 1 (so negation never overflows). Not normalised: parse_decimal("1.50")
/// gives {150, 2}; use normalized() to strip trailing fraction zeros.
///
/// Arithmetic is exact while the result fits. A result with more than kMaxDecimalScale fraction
/// digits, or whose units would not fit 127 bits, is rounded half-even by dropping fraction
/// digits (so at least 38 significant digits survive); only a result whose integer part does not
/// fit is an overflow (nullopt).
struct Decimal {
  int128_t units = 0;
  int32_t scale = 0;
};
inline constexpr int kMaxDecimalScale = 30;
/// Fraction digits kept by decimal division (as Apache Jena, which is the KIK-V reference).
inline constexpr int kDecimalDivisionScale = 24;

/// xsd:decimal lexical form: [+-]? (digits ('.' digits?)? | '.' digits). Also accepts xsd:integer
/// lexicals. nullopt if not in the lexical space, if the digits do not fit 127-bit units, or if a
/// non-zero digit comes after kMaxDecimalScale fraction digits (trailing zeros there are dropped).
std::optional<Decimal> parse_decimal(std::string_view lexical);
/// xsd:integer lexical form [+-]?[0-9]+; nullopt if invalid or |value| > 2^127 - 1.
std::optional<int128_t> parse_integer(std::string_view lexical);
/// Decimal with trailing fraction zeros removed (scale as small as possible, >= 0).
Decimal normalized(Decimal d);
/// Canonical form of a computed xsd:decimal as Jena prints it (XSD 1.0 canonical form):
/// normalised, with at least one fraction digit: "3.0", "-0.5", "0.333333333333333333333333".
std::string to_string(const Decimal& d);
/// The digits exactly at d.scale ("1.50" for {150, 2}); used to round-trip lexical forms.
std::string to_string_at_scale(const Decimal& d);
/// Canonical xsd:integer form of a 128-bit value.
std::string integer_to_string(int128_t v);

Decimal decimal_from_integer(int128_t v);
double decimal_to_double(const Decimal& d);
/// Conversion of a finite double using the digits Java's Double.toString gives it (as Jena's
/// BigDecimal.valueOf; these read back to the same double); more than kMaxDecimalScale fraction
/// digits are rounded half-even (1.5e-40 gives 0). nullopt for NaN/INF or |v| >= 2^127.
std::optional<Decimal> decimal_from_double(double v);

int compare(const Decimal& a, const Decimal& b);  ///< -1, 0, 1 (by value: 1.50 == 1.5)
std::optional<Decimal> add(const Decimal& a, const Decimal& b);
std::optional<Decimal> subtract(const Decimal& a, const Decimal& b);
std::optional<Decimal> multiply(const Decimal& a, const Decimal& b);
/// a / b, normalised. Exact when the quotient terminates within kMaxDecimalScale fraction digits
/// (Jena's BigDecimal.divide is exact when the quotient terminates: 1/10^25 stays exact),
/// otherwise rounded half-even to kDecimalDivisionScale digits (1/3 = 0.333...3, 24 digits).
/// nullopt when b is zero (err:FOAR0001) or on overflow.
std::optional<Decimal> divide(const Decimal& a, const Decimal& b);
Decimal negate(const Decimal& d);
Decimal abs(const Decimal& d);
Decimal floor(const Decimal& d);
Decimal ceil(const Decimal& d);
/// fn:round: half rounds towards positive infinity (round(-2.5) = -2).
Decimal round(const Decimal& d);
/// Integer division of two integers truncating towards zero (op:numeric-integer-divide).
std::optional<int128_t> integer_divide(int128_t a, int128_t b);

/// Range check for the derived integer types (xsd:int, xsd:long, xsd:short, xsd:byte,
/// xsd:nonNegativeInteger, xsd:positiveInteger, xsd:negativeInteger, xsd:nonPositiveInteger,
/// xsd:unsignedLong/Int/Short/Byte). `local_name` is the part after the XSD namespace.
/// Returns false for names that are not integer types.
bool integer_in_range(std::string_view local_name, int128_t value);
/// True if `local_name` is xsd:integer or one of the derived integer types above.
bool is_integer_type(std::string_view local_name);

// ---------------------------------------------------------------------------------------------
// Floating point
// ---------------------------------------------------------------------------------------------

/// xsd:double / xsd:float lexical forms, including INF, +INF, -INF, NaN, "1e3", ".5", "5.".
std::optional<double> parse_double(std::string_view lexical);
std::optional<float> parse_float(std::string_view lexical);
/// Form of a computed double/float as Jena prints it (ARQ 4.5 on OpenJDK 17): Java's
/// Double.toString with "e0" appended when it has no exponent ("2.0e0", "150.0e0", "0.001e0",
/// "1.0E7", "9.999E-4", "-0.0e0"), Float.toString unchanged ("2.5", "1.0E10"), and "INF",
/// "-INF", "NaN". Java prints plain notation for 1e-3 <= |v| < 1e7, scientific otherwise, and its
/// (pre-JDK 19) digits are not always the shortest: 1e23 prints as "9.999999999999999E22".
std::string to_string_double(double v);
std::string to_string_float(float v);

// ---------------------------------------------------------------------------------------------
// Booleans
// ---------------------------------------------------------------------------------------------

/// "true", "false", "1", "0".
std::optional<bool> parse_boolean(std::string_view lexical);

// ---------------------------------------------------------------------------------------------
// Dates and times (the seven-property model of XSD 1.1)
// ---------------------------------------------------------------------------------------------

enum class TemporalKind : uint8_t {
  DateTime, Date, Time, GYear, GYearMonth, GMonth, GMonthDay, GDay, DateTimeStamp
};

/// A date/time value. Fields a kind does not have are zero (month/day are 1-based when present).
/// `nanosecond` holds the fraction of the second (9 digits kept; more are truncated).
/// |year| <= 999999999 (an implementation limit XSD 1.1 allows); larger years do not parse and
/// arithmetic that would produce them fails.
/// Years may be negative; year 0 is not allowed (XSD 1.0 rule, also in Jena) — we accept
/// "0000" as XSD 1.1 does and treat it as 1 BCE.
struct Temporal {
  TemporalKind kind = TemporalKind::DateTime;
  int64_t year = 0;
  uint8_t month = 0;
  uint8_t day = 0;
  uint8_t hour = 0;
  uint8_t minute = 0;
  uint8_t second = 0;
  uint32_t nanosecond = 0;
  bool has_tz = false;
  int16_t tz_minutes = 0;  ///< -840 .. 840 when has_tz
};

/// Parse the lexical form of `kind` (e.g. "2024-02-29", "2024-01-01T12:00:00.5+01:00",
/// "24:00:00" is accepted for time/dateTime and normalised to 00:00:00 of the next day).
/// Checks day-of-month against the month and leap years.
std::optional<Temporal> parse_temporal(TemporalKind kind, std::string_view lexical);
/// Canonical form: fraction without trailing zeros, timezone "Z" for UTC, "+hh:mm" otherwise.
std::string to_string(const Temporal& t);

/// XPath op:*-equal / op:*-less-than for two values of the same kind (Date and DateTime may not
/// be mixed; DateTime and DateTimeStamp may). Times compare on the reference date 1972-12-31, and
/// g* kinds on the F&O 3.1 §9.4 templates. Values without timezone are compared as if in UTC
/// only when both lack one; a value with and one without a timezone are compared with the
/// +14:00/-14:00 window of XSD 1.1 §D.3.3: nullopt when the order is indeterminate (also for
/// kinds that do not compare). Returns -1, 0, 1.
std::optional<int> compare(const Temporal& a, const Temporal& b);

/// Days since 1970-01-01 of the (year, month, day) in the proleptic Gregorian calendar.
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);
bool is_leap_year(int64_t year);
unsigned days_in_month(int64_t year, unsigned month);

// ---------------------------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------------------------

enum class DurationKind : uint8_t { Duration, YearMonth, DayTime };

/// A duration as (months, seconds + nanoseconds). All non-zero parts have the same sign.
struct Duration {
  DurationKind kind = DurationKind::Duration;
  int64_t months = 0;
  int64_t seconds = 0;
  int32_t nanoseconds = 0;  ///< same sign as seconds, |n| < 1e9
};

/// Lexical forms: "P1Y2M3DT4H5M6.5S", "-P1D", "PT0S"; yearMonthDuration allows only Y/M parts,
/// dayTimeDuration only D/H/M/S parts. Seconds are n or n.n (9 fraction digits kept, more are
/// truncated); nullopt when months or seconds overflow int64.
std::optional<Duration> parse_duration(DurationKind kind, std::string_view lexical);
/// Canonical form (XSD 1.1): zero parts omitted; zero is "PT0S" (duration, dayTimeDuration) or
/// "P0M" (yearMonthDuration); days/hours/minutes normalised (P1DT1H, not PT25H).
std::string to_string(const Duration& d);

/// Equality as op:duration-equal (P1Y == P12M, P1D == PT24H across subtypes).
bool equal(const Duration& a, const Duration& b);
/// Order for yearMonthDuration (by months) and dayTimeDuration (by seconds). General xsd:duration
/// values are ordered as XSD 1.1 §3.3.6.2 says: by months or seconds when the other part is equal
/// in both, otherwise by adding both to the four reference dateTimes 1696-09-01, 1697-02-01,
/// 1903-03-01 and 1903-07-01: P1Y > P364D, but P1Y vs P365D and P1M vs P30D are indeterminate
/// (nullopt).
std::optional<int> compare(const Duration& a, const Duration& b);

std::optional<Duration> add(const Duration& a, const Duration& b);       ///< same subtype only
std::optional<Duration> subtract(const Duration& a, const Duration& b);  ///< same subtype only
/// yearMonthDuration / dayTimeDuration times a number (F&O 3.1 §8.4.3, §8.4.8): the factor is
/// taken as a decimal (Java's digits, so 2.3 is 2.3) and the result rounded to whole months or
/// nanoseconds with fn:round. nullopt for NaN, ±INF or overflow; a zero factor gives zero.
std::optional<Duration> multiply(const Duration& d, double factor);
/// As multiply; dividing by ±INF gives zero, by ±0 is an overflow (nullopt).
std::optional<Duration> divide(const Duration& d, double divisor);
/// Ratio of two durations of the same subtype as a decimal (F&O 3.1 §8.4.5, §8.4.10).
std::optional<Decimal> divide(const Duration& a, const Duration& b);

/// date/dateTime/time + duration (F&O 3.1 §9.7, XSD Appendix E "Adding durations to dateTimes"):
/// months first with day-of-month clamping (2024-01-31 + P1M = 2024-02-29), then seconds.
/// Unlike XPath, a general xsd:duration with both month and day parts is accepted (the KIK-V
/// queries rely on it); a time only takes the day-time part (modulo one day; nullopt for a
/// yearMonthDuration). A date adds from its starting instant and drops the time of day of the
/// result. Result keeps the kind and timezone; nullopt for g* kinds and beyond the year limit.
std::optional<Temporal> add(const Temporal& t, const Duration& d);
std::optional<Temporal> subtract(const Temporal& t, const Duration& d);
/// date - date, dateTime - dateTime, time - time → dayTimeDuration (op:subtract-dates ...).
/// Values without a timezone are taken as UTC.
std::optional<Duration> subtract(const Temporal& a, const Temporal& b);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// XSD whitespace "collapse": trim, and runs of whitespace to one space.
std::string collapse_ws(std::string_view text);

}  // namespace kikv::rdf::xsd
