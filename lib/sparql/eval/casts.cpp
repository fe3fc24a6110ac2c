// XSD cast functions (SPARQL 1.1 §17.5 and the XPath F&O 3.1 §19 casting rules they refer to).
// A string source is whitespace-collapsed and must then be in the target's lexical space; a
// language-tagged string is not a valid source (except for xsd:string). Results are canonical
// terms ("+12" cast to xsd:integer is "12"^^xsd:integer; 1.0 cast to xsd:string is "1";
// 1e10 is "1.0E10"), where Jena would keep the source's lexical form.
#include <cmath>
#include <string>

#include "sparql/eval/functions_impl.hpp"
#include "sparql/eval/value.hpp"

namespace kikv::sparql::fn {

using rdf::TermId;
namespace xsd = rdf::xsd;
namespace vocab = rdf::vocab;
using xsd::int128_t;

namespace {

/// The decoded source of a cast; nullopt for unbound arguments and blank nodes.
std::optional<Value> source(Args args, FunctionContext& ctx) {
  const TermId x = args[0];
  if (x == rdf::kNoTerm || rdf::is_blank(x)) return std::nullopt;
  return decode(x, ctx.terms(), ctx.scratch(0));
}

/// The whitespace-collapsed text of a simple literal / xsd:string source.
std::optional<std::string> string_source(const Value& v) {
  if (v.kind != ValueKind::String) return std::nullopt;
  return xsd::collapse_ws(v.lexical);
}

/// XPath's string form of a float or double (F&O 3.1 §19.1.2.2): decimal notation for
/// 1e-6 <= |v| < 1e6 ("1.5", "100", "0.001"), else "1.0E10" style; digits from Java's
/// Float/Double.toString (`java`), as Jena prints them.
std::string xpath_float_string(std::string_view java, double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  int exp = 0;
  std::string_view m = java;
  if (size_t e = java.find_first_of("eE"); e != std::string_view::npos) {
    exp = std::stoi(std::string(java.substr(e + 1)));
    m = java.substr(0, e);
  }
  const bool negative = !m.empty() && m[0] == '-';
  if (negative) m.remove_prefix(1);
  std::string digits;
  const size_t dot = m.find('.');
  long point = static_cast<long>(dot == std::string_view::npos ? m.size() : dot) + exp;
  for (char c : m) {
    if (c != '.') digits += c;
  }
  const size_t lead = digits.find_first_not_of('0');
  digits.erase(0, lead);
  point -= static_cast<long>(lead);
  digits.erase(digits.find_last_not_of('0') + 1);
  std::string out = negative ? "-" : "";
  const double a = std::fabs(v);
  const long n = static_cast<long>(digits.size());
  if (a >= 1e-6 && a < 1e6) {
    if (point <= 0) {
      out += "0." + std::string(static_cast<size_t>(-point), '0') + digits;
    } else if (point >= n) {
      out += digits + std::string(static_cast<size_t>(point - n), '0');
    } else {
      out += digits.substr(0, static_cast<size_t>(point)) + "." +
             digits.substr(static_cast<size_t>(point));
    }
  } else {
    out += digits[0];
    out += '.';
    out += digits.size() > 1 ? digits.substr(1) : "0";
    out += 'E';
    out += std::to_string(point - 1);
  }
  return out;
}

std::string numeric_string(const Numeric& n) {
  switch (n.type) {
    case NumericType::Integer: return xsd::integer_to_string(n.integer);
    case NumericType::Decimal: return xsd::to_string_at_scale(xsd::normalized(n.decimal));
    case NumericType::Float: {
      const auto f = static_cast<float>(n.floating);
      return xpath_float_string(xsd::to_string_float(f), n.floating);
    }
    case NumericType::Double:
      return xpath_float_string(xsd::to_string_double(n.floating), n.floating);
  }
  return {};
}

/// The integer value of a cast source (string, numeric or boolean).
std::optional<int128_t> integer_of(const Value& v) {
  if (auto s = string_source(v)) return xsd::parse_integer(*s);
  if (v.kind == ValueKind::Boolean) return v.boolean ? 1 : 0;
  if (v.kind != ValueKind::Numeric) return std::nullopt;
  const Numeric& n = v.numeric;
  switch (n.type) {
    case NumericType::Integer: return n.integer;
    case NumericType::Decimal: {
      const xsd::Decimal t = n.decimal.units < 0 ? xsd::ceil(n.decimal) : xsd::floor(n.decimal);
      return xsd::normalized(t).units;  // truncated towards zero
    }
    case NumericType::Float:
    case NumericType::Double: {
      if (!std::isfinite(n.floating)) return std::nullopt;  // err:FOCA0002
      const double t = std::trunc(n.floating);
      if (std::fabs(t) >= 1.7e38) return std::nullopt;
      return static_cast<int128_t>(t);
    }
  }
  return std::nullopt;
}

Result cast_to_integer_type(Args args, FunctionContext& ctx, TermId datatype,
                            std::string_view local_name) {
  auto v = source(args, ctx);
  if (!v) return std::nullopt;
  auto i = integer_of(*v);
  if (!i) return std::nullopt;
  if (datatype == vocab::kXsdInteger) return make_integer(*i, ctx.terms());
  if (!xsd::integer_in_range(local_name, *i)) return std::nullopt;
  return ctx.terms().intern_literal(xsd::integer_to_string(*i), datatype);
}

std::optional<double> double_of(const Value& v, bool as_float) {
  if (auto s = string_source(v)) {
    if (as_float) {
      auto f = xsd::parse_float(*s);
      if (!f) return std::nullopt;
      return static_cast<double>(*f);
    }
    return xsd::parse_double(*s);
  }
  if (v.kind == ValueKind::Boolean) return v.boolean ? 1.0 : 0.0;
  if (v.kind == ValueKind::Numeric) return to_double(v.numeric);
  return std::nullopt;
}

std::optional<xsd::Temporal> temporal_of(const Value& v, xsd::TemporalKind kind) {
  using K = xsd::TemporalKind;
  if (auto s = string_source(v)) return xsd::parse_temporal(kind, *s);
  if (v.kind != ValueKind::Temporal) return std::nullopt;
  xsd::Temporal t = v.temporal;
  const bool from_date_time = t.kind == K::DateTime || t.kind == K::DateTimeStamp;
  switch (kind) {
    case K::DateTime:
      if (!from_date_time && t.kind != K::Date) return std::nullopt;
      t.kind = K::DateTime;  // a date becomes midnight at its start, keeping the timezone
      return t;
    case K::Date:
      if (!from_date_time && t.kind != K::Date) return std::nullopt;
      t.kind = K::Date;
      t.hour = t.minute = t.second = 0;
      t.nanosecond = 0;
      return t;
    case K::Time:
      if (!from_date_time && t.kind != K::Time) return std::nullopt;
      t.kind = K::Time;
      t.year = 0;
      t.month = t.day = 0;
      return t;
    default: return std::nullopt;
  }
}

Result cast_temporal(Args args, FunctionContext& ctx, xsd::TemporalKind kind) {
  auto v = source(args, ctx);
  if (!v) return std::nullopt;
  auto t = temporal_of(*v, kind);
  if (!t) return std::nullopt;
  return make_temporal(*t, ctx.terms());
}

Result cast_to_duration(Args args, FunctionContext& ctx, xsd::DurationKind kind) {
  auto v = source(args, ctx);
  if (!v) return std::nullopt;
  if (auto s = string_source(*v)) {
    auto d = xsd::parse_duration(kind, *s);
    if (!d) return std::nullopt;
    return make_duration(*d, ctx.terms());
  }
  if (v->kind != ValueKind::Duration) return std::nullopt;
  xsd::Duration d = v->duration;
  d.kind = kind;
  if (kind == xsd::DurationKind::YearMonth) d.seconds = d.nanoseconds = 0;
  if (kind == xsd::DurationKind::DayTime) d.months = 0;
  return make_duration(d, ctx.terms());
}

}  // namespace

Result cast_string(Args args, FunctionContext& ctx) {
  const TermId x = args[0];
  if (rdf::is_iri(x)) return make_string(ctx.terms().view(x, ctx.scratch(0)), ctx.terms());
  auto v = source(args, ctx);
  if (!v) return std::nullopt;
  switch (v->kind) {
    case ValueKind::String: return x;
    case ValueKind::LangString: return make_string(v->lexical, ctx.terms());
    case ValueKind::Numeric: return make_string(numeric_string(v->numeric), ctx.terms());
    case ValueKind::Boolean: return make_string(v->boolean ? "true" : "false", ctx.terms());
    case ValueKind::Temporal: return make_string(xsd::to_string(v->temporal), ctx.terms());
    case ValueKind::Duration: return make_string(xsd::to_string(v->duration), ctx.terms());
    default: return std::nullopt;  // ill-typed literals and unknown datatypes
  }
}

Result cast_boolean(Args args, FunctionContext& ctx) {
  auto v = source(args, ctx);
  if (!v) return std::nullopt;
  if (auto s = string_source(*v)) {
    auto b = xsd::parse_boolean(*s);
    if (!b) return std::nullopt;
    return make_boolean(*b);
  }
  if (v->kind == ValueKind::Boolean) return make_boolean(v->boolean);
  if (v->kind != ValueKind::Numeric) return std::nullopt;
  const Numeric& n = v->numeric;
  switch (n.type) {
    case NumericType::Integer: return make_boolean(n.integer != 0);
    case NumericType::Decimal: return make_boolean(n.decimal.units != 0);
    default: return make_boolean(n.floating != 0 && !std::isnan(n.floating));
  }
}

Result cast_integer(Args args, FunctionContext& ctx) {
  return cast_to_integer_type(args, ctx, vocab::kXsdInteger, "integer");
}

Result cast_decimal(Args args, FunctionContext& ctx) {
  auto v = source(args, ctx);
  if (!v) return std::nullopt;
  if (auto s = string_source(*v)) {
    auto d = xsd::parse_decimal(*s);
    if (!d) return std::nullopt;
    return make_decimal(*d, ctx.terms());
  }
  if (v->kind == ValueKind::Boolean) {
    return make_decimal(xsd::decimal_from_integer(v->boolean ? 1 : 0), ctx.terms());
  }
  if (v->kind != ValueKind::Numeric) return std::nullopt;
  const Numeric& n = v->numeric;
  switch (n.type) {
    case NumericType::Integer: return make_decimal(xsd::decimal_from_integer(n.integer), ctx.terms());
    case NumericType::Decimal: return make_decimal(n.decimal, ctx.terms());
    default: {
      auto d = xsd::decimal_from_double(n.floating);  // nullopt for NaN, INF (err:FOCA0002)
      if (!d) return std::nullopt;
      return make_decimal(*d, ctx.terms());
    }
  }
}

Result cast_float(Args args, FunctionContext& ctx) {
  auto v = source(args, ctx);
  if (!v) return std::nullopt;
  auto d = double_of(*v, true);
  if (!d) return std::nullopt;
  return make_float(static_cast<float>(*d), ctx.terms());
}

Result cast_double(Args args, FunctionContext& ctx) {
  auto v = source(args, ctx);
  if (!v) return std::nullopt;
  auto d = double_of(*v, false);
  if (!d) return std::nullopt;
  return make_double(*d, ctx.terms());
}

Result cast_date_time(Args args, FunctionContext& ctx) {
  return cast_temporal(args, ctx, xsd::TemporalKind::DateTime);
}
Result cast_date(Args args, FunctionContext& ctx) {
  return cast_temporal(args, ctx, xsd::TemporalKind::Date);
}
Result cast_time(Args args, FunctionContext& ctx) {
  return cast_temporal(args, ctx, xsd::TemporalKind::Time);
}

Result cast_duration(Args args, FunctionContext& ctx) {
  return cast_to_duration(args, ctx, xsd::DurationKind::Duration);
}
Result cast_year_month_duration(Args args, FunctionContext& ctx) {
  return cast_to_duration(args, ctx, xsd::DurationKind::YearMonth);
}
Result cast_day_time_duration(Args args, FunctionContext& ctx) {
  return cast_to_duration(args, ctx, xsd::DurationKind::DayTime);
}

#define KIKV_INTEGER_CAST(fn_name, index, local)                                 \
  Result fn_name(Args args, FunctionContext& ctx) {                              \
    return cast_to_integer_type(args, ctx, vocab::well_known(index), local);     \
  }
KIKV_INTEGER_CAST(cast_int, 19, "int")
KIKV_INTEGER_CAST(cast_long, 20, "long")
KIKV_INTEGER_CAST(cast_short, 21, "short")
KIKV_INTEGER_CAST(cast_byte, 22, "byte")
KIKV_INTEGER_CAST(cast_non_negative_integer, 23, "nonNegativeInteger")
KIKV_INTEGER_CAST(cast_positive_integer, 24, "positiveInteger")
KIKV_INTEGER_CAST(cast_non_positive_integer, 25, "nonPositiveInteger")
KIKV_INTEGER_CAST(cast_negative_integer, 26, "negativeInteger")
KIKV_INTEGER_CAST(cast_unsigned_long, 27, "unsignedLong")
KIKV_INTEGER_CAST(cast_unsigned_int, 28, "unsignedInt")
KIKV_INTEGER_CAST(cast_unsigned_short, 29, "unsignedShort")
KIKV_INTEGER_CAST(cast_unsigned_byte, 30, "unsignedByte")
#undef KIKV_INTEGER_CAST

}  // namespace kikv::sparql::fn
