#include "sparql/eval/operators.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "rdf/inline_literal.hpp"

namespace kikv::sparql {

using rdf::IdTag;
using rdf::TermId;
namespace xsd = rdf::xsd;
using xsd::int128_t;

namespace {

/// Scratch buffers for the text of inline strings; thread-local so that the operators stay
/// free functions without allocating once the buffers have grown.
std::string& scratch(int i) {
  thread_local std::string buffers[4];
  return buffers[i];
}

enum class Order : int8_t { Less, Equal, Greater, Unordered };

template <typename T>
Order order_of(const T& a, const T& b) {
  return a < b ? Order::Less : (b < a ? Order::Greater : Order::Equal);
}
Order order_of_int(int c) { return c < 0 ? Order::Less : (c > 0 ? Order::Greater : Order::Equal); }

constexpr int128_t kInt128Min = static_cast<int128_t>(static_cast<xsd::uint128_t>(1) << 127);

Order numeric_order(const Numeric& a, const Numeric& b) {
  const NumericType t = std::max(a.type, b.type);
  switch (t) {
    case NumericType::Integer: return order_of(a.integer, b.integer);
    case NumericType::Decimal:
      return order_of_int(xsd::compare(promote(a, t).decimal, promote(b, t).decimal));
    case NumericType::Float:
    case NumericType::Double: {
      const double x = promote(a, t).floating, y = promote(b, t).floating;
      if (std::isnan(x) || std::isnan(y)) return Order::Unordered;
      return order_of(x, y);
    }
  }
  return Order::Unordered;
}

bool is_date_time_kind(xsd::TemporalKind k) {
  return k == xsd::TemporalKind::DateTime || k == xsd::TemporalKind::DateTimeStamp;
}

/// True if XPath compares values of these kinds (same kind; dateTime with dateTimeStamp).
bool temporal_kinds_compare(xsd::TemporalKind a, xsd::TemporalKind b) {
  return a == b || (is_date_time_kind(a) && is_date_time_kind(b));
}

bool ascii_iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

int ascii_icompare(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y - 'A' + 'a');
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

// --- arithmetic --------------------------------------------------------------------------------

std::optional<int128_t> integer_op(ArithOp op, int128_t a, int128_t b) {
  int128_t r = 0;
  bool overflow = false;
  switch (op) {
    case ArithOp::Add: overflow = __builtin_add_overflow(a, b, &r); break;
    case ArithOp::Subtract: overflow = __builtin_sub_overflow(a, b, &r); break;
    case ArithOp::Multiply: overflow = __builtin_mul_overflow(a, b, &r); break;
    case ArithOp::Divide: return std::nullopt;
  }
  // The XSD library keeps |v| <= 2^127 - 1, so the most negative value counts as overflow too.
  if (overflow || r == kInt128Min) return std::nullopt;
  return r;
}

/// Sum or difference of two durations where at least one is a general xsd:duration (an
/// extension as in Jena: "P1Y"^^xsd:duration + "P1D"^^xsd:duration = "P1Y1D"); an error when the
/// result would have a month part and a second part of opposite signs.
std::optional<xsd::Duration> general_duration_add(const xsd::Duration& a, xsd::Duration b,
                                                  bool subtract) {
  constexpr int64_t kNanos = 1000000000;
  if (subtract) {
    if (b.months == INT64_MIN || b.seconds == INT64_MIN) return std::nullopt;
    b.months = -b.months;
    b.seconds = -b.seconds;
    b.nanoseconds = -b.nanoseconds;
  }
  xsd::Duration r;
  r.kind = xsd::DurationKind::Duration;
  if (__builtin_add_overflow(a.months, b.months, &r.months)) return std::nullopt;
  const int128_t nanos = (static_cast<int128_t>(a.seconds) + b.seconds) * kNanos +
                         a.nanoseconds + b.nanoseconds;
  const int128_t secs = nanos / kNanos;
  if (secs > INT64_MAX || secs < -INT64_MAX) return std::nullopt;
  r.seconds = static_cast<int64_t>(secs);
  r.nanoseconds = static_cast<int32_t>(nanos % kNanos);
  if ((r.months > 0 && nanos < 0) || (r.months < 0 && nanos > 0)) return std::nullopt;
  return r;
}

std::optional<xsd::Duration> duration_add(const xsd::Duration& a, const xsd::Duration& b,
                                          bool subtract) {
  using DK = xsd::DurationKind;
  if (a.kind == DK::Duration || b.kind == DK::Duration) return general_duration_add(a, b, subtract);
  return subtract ? xsd::subtract(a, b) : xsd::add(a, b);
}

/// Arithmetic on dates, times and durations (and durations with numbers).
std::optional<TermId> temporal_arithmetic(ArithOp op, const Value& a, const Value& b,
                                          TermTable& terms) {
  const ValueKind ka = a.kind, kb = b.kind;
  using VK = ValueKind;
  switch (op) {
    case ArithOp::Add:
      if (ka == VK::Temporal && kb == VK::Duration) {
        if (auto r = xsd::add(a.temporal, b.duration)) return make_temporal(*r, terms);
      } else if (ka == VK::Duration && kb == VK::Temporal) {
        if (auto r = xsd::add(b.temporal, a.duration)) return make_temporal(*r, terms);
      } else if (ka == VK::Duration && kb == VK::Duration) {
        if (auto r = duration_add(a.duration, b.duration, false)) return make_duration(*r, terms);
      }
      return std::nullopt;
    case ArithOp::Subtract:
      if (ka == VK::Temporal && kb == VK::Duration) {
        if (auto r = xsd::subtract(a.temporal, b.duration)) return make_temporal(*r, terms);
      } else if (ka == VK::Temporal && kb == VK::Temporal) {
        if (auto r = xsd::subtract(a.temporal, b.temporal)) return make_duration(*r, terms);
      } else if (ka == VK::Duration && kb == VK::Duration) {
        if (auto r = duration_add(a.duration, b.duration, true)) return make_duration(*r, terms);
      }
      return std::nullopt;
    case ArithOp::Multiply:
      if (ka == VK::Duration && kb == VK::Numeric) {
        if (auto r = xsd::multiply(a.duration, to_double(b.numeric))) {
          return make_duration(*r, terms);
        }
      } else if (ka == VK::Numeric && kb == VK::Duration) {
        if (auto r = xsd::multiply(b.duration, to_double(a.numeric))) {
          return make_duration(*r, terms);
        }
      }
      return std::nullopt;
    case ArithOp::Divide:
      if (ka == VK::Duration && kb == VK::Numeric) {
        if (auto r = xsd::divide(a.duration, to_double(b.numeric))) {
          return make_duration(*r, terms);
        }
      } else if (ka == VK::Duration && kb == VK::Duration) {
        if (auto r = xsd::divide(a.duration, b.duration)) return make_decimal(*r, terms);
      }
      return std::nullopt;
  }
  return std::nullopt;
}

// --- comparison --------------------------------------------------------------------------------

bool order_satisfies(CompareOp op, Order o) {
  switch (op) {
    case CompareOp::Equal: return o == Order::Equal;
    case CompareOp::NotEqual: return o != Order::Equal;
    case CompareOp::Less: return o == Order::Less;
    case CompareOp::Greater: return o == Order::Greater;
    case CompareOp::LessEqual: return o == Order::Less || o == Order::Equal;
    case CompareOp::GreaterEqual: return o == Order::Greater || o == Order::Equal;
  }
  return false;
}

bool is_equality(CompareOp op) { return op == CompareOp::Equal || op == CompareOp::NotEqual; }

/// Result of `op` for two terms known to be different (Equal false, NotEqual true) or known to be
/// the same term; orderings between them are errors.
std::optional<bool> equality_only(CompareOp op, bool same) {
  if (op == CompareOp::Equal) return same;
  if (op == CompareOp::NotEqual) return !same;
  return std::nullopt;
}

/// The order of two values in the same value space, or nullopt if they are not comparable
/// (different spaces, different languages, indeterminate date/duration order). `known_unequal`
/// is set when the values are in distinct but known spaces, so that '=' is false, not an error.
std::optional<Order> value_order(const Value& a, const Value& b, CompareOp op,
                                 bool& known_unequal) {
  using VK = ValueKind;
  known_unequal = false;
  if (a.kind != b.kind) return std::nullopt;
  switch (a.kind) {
    case VK::Numeric: return numeric_order(a.numeric, b.numeric);
    case VK::String: return order_of_int(a.lexical.compare(b.lexical));
    case VK::LangString:
      if (!ascii_iequal(a.lang, b.lang)) {
        known_unequal = true;
        return std::nullopt;
      }
      return order_of_int(a.lexical.compare(b.lexical));
    case VK::Boolean: return order_of(a.boolean, b.boolean);
    case VK::Temporal: {
      if (!temporal_kinds_compare(a.temporal.kind, b.temporal.kind)) {
        known_unequal = true;
        return std::nullopt;
      }
      auto c = xsd::compare(a.temporal, b.temporal);
      if (!c) return std::nullopt;
      return order_of_int(*c);
    }
    case VK::Duration: {
      if (is_equality(op)) return xsd::equal(a.duration, b.duration) ? Order::Equal : Order::Less;
      auto c = xsd::compare(a.duration, b.duration);
      if (!c) return std::nullopt;
      return order_of_int(*c);
    }
    default: return std::nullopt;
  }
}

// --- ORDER BY ----------------------------------------------------------------------------------

int literal_group(const Value& v) {
  using VK = ValueKind;
  switch (v.kind) {
    case VK::Numeric: return 0;
    case VK::Boolean: return 1;
    case VK::Temporal:
      switch (v.temporal.kind) {
        case xsd::TemporalKind::DateTime:
        case xsd::TemporalKind::DateTimeStamp:
        case xsd::TemporalKind::Date: return 2;
        case xsd::TemporalKind::Time: return 3;
        case xsd::TemporalKind::GYear: return 4;
        case xsd::TemporalKind::GYearMonth: return 5;
        case xsd::TemporalKind::GMonth: return 6;
        case xsd::TemporalKind::GMonthDay: return 7;
        case xsd::TemporalKind::GDay: return 8;
      }
      return 2;
    case VK::Duration: return 9;
    case VK::String: return 10;
    case VK::LangString: return 11;
    default: return 12;
  }
}

/// Seconds of a date/time value on the time line (no timezone taken as UTC; the kinds without a
/// year, month or day use the F&O §9.4 reference values 1972-12-31).
int128_t temporal_seconds(const xsd::Temporal& t) {
  using K = xsd::TemporalKind;
  int64_t year = t.year;
  unsigned month = t.month, day = t.day;
  switch (t.kind) {
    case K::Time: year = 1972, month = 12, day = 31; break;
    case K::GYear: month = 1, day = 1; break;
    case K::GYearMonth: day = 1; break;
    case K::GMonth: year = 1972, day = 1; break;
    case K::GMonthDay: year = 1972; break;
    case K::GDay: year = 1972, month = 12; break;
    default: break;
  }
  const int128_t days = xsd::days_from_civil(year, month, day);
  return days * 86400 + t.hour * 3600 + t.minute * 60 + t.second -
         (t.has_tz ? t.tz_minutes * 60 : 0);
}

/// Seconds of a duration with months at their average Gregorian length (365.2425 / 12 days):
/// consistent with the XSD partial order wherever that order is determinate.
int128_t duration_seconds(const xsd::Duration& d) {
  return static_cast<int128_t>(d.months) * 2629746 + d.seconds;
}

int sign(int128_t v) { return v < 0 ? -1 : (v > 0 ? 1 : 0); }

/// Order of two literals of the same group by value (0 when equal in value).
int group_value_compare(int group, const Value& a, const Value& b) {
  switch (group) {
    case 0: {
      const bool na = is_nan(a.numeric), nb = is_nan(b.numeric);
      if (na || nb) return na == nb ? 0 : (na ? 1 : -1);
      switch (numeric_order(a.numeric, b.numeric)) {
        case Order::Less: return -1;
        case Order::Greater: return 1;
        default: return 0;
      }
    }
    case 1: return static_cast<int>(a.boolean) - static_cast<int>(b.boolean);
    case 2: case 3: case 4: case 5: case 6: case 7: case 8: {
      if (int c = sign(temporal_seconds(a.temporal) - temporal_seconds(b.temporal))) return c;
      return sign(static_cast<int128_t>(a.temporal.nanosecond) - b.temporal.nanosecond);
    }
    case 9: {
      if (int c = sign(duration_seconds(a.duration) - duration_seconds(b.duration))) return c;
      return sign(static_cast<int128_t>(a.duration.nanoseconds) - b.duration.nanoseconds);
    }
    case 10: return a.lexical.compare(b.lexical);
    case 11:
      if (int c = ascii_icompare(a.lang, b.lang)) return c;
      return a.lexical.compare(b.lexical);
    default: return a.lexical.compare(b.lexical);
  }
}

/// Final tie-break between two different literals: lexical form, datatype IRI, language tag.
int literal_syntax_compare(TermId a, TermId b, const TermTable& terms) {
  if (int c = terms.view(a, scratch(2)).compare(terms.view(b, scratch(3)))) return c;
  const TermId da = terms.datatype(a), db = terms.datatype(b);
  if (da != db) {
    if (int c = terms.view(da, scratch(2)).compare(terms.view(db, scratch(3)))) return c;
  }
  if (int c = terms.lang(a).compare(terms.lang(b))) return c;
  return a < b ? -1 : 1;  // cannot happen for two different terms; keeps the order total
}

int term_rank(TermId id) {
  if (id == kNoTerm) return 0;
  if (rdf::is_blank(id)) return 1;
  if (rdf::is_iri(id)) return 2;
  if (rdf::is_literal(id)) return 3;
  return 4;
}

}  // namespace

// --- public: arithmetic ------------------------------------------------------------------------

std::optional<Numeric> numeric_arithmetic(ArithOp op, const Numeric& a, const Numeric& b) {
  NumericType t = std::max(a.type, b.type);
  if (op == ArithOp::Divide && t == NumericType::Integer) t = NumericType::Decimal;
  switch (t) {
    case NumericType::Integer: {
      auto r = integer_op(op, a.integer, b.integer);
      if (!r) return std::nullopt;
      return Numeric::of_integer(*r);
    }
    case NumericType::Decimal: {
      const xsd::Decimal x = promote(a, t).decimal, y = promote(b, t).decimal;
      std::optional<xsd::Decimal> r;
      switch (op) {
        case ArithOp::Add: r = xsd::add(x, y); break;
        case ArithOp::Subtract: r = xsd::subtract(x, y); break;
        case ArithOp::Multiply: r = xsd::multiply(x, y); break;
        case ArithOp::Divide: r = xsd::divide(x, y); break;
      }
      if (!r) return std::nullopt;
      return Numeric::of_decimal(*r);
    }
    case NumericType::Float: {
      const float x = static_cast<float>(promote(a, t).floating);
      const float y = static_cast<float>(promote(b, t).floating);
      switch (op) {
        case ArithOp::Add: return Numeric::of_float(x + y);
        case ArithOp::Subtract: return Numeric::of_float(x - y);
        case ArithOp::Multiply: return Numeric::of_float(x * y);
        case ArithOp::Divide: return Numeric::of_float(x / y);
      }
      return std::nullopt;
    }
    case NumericType::Double: {
      const double x = promote(a, t).floating, y = promote(b, t).floating;
      switch (op) {
        case ArithOp::Add: return Numeric::of_double(x + y);
        case ArithOp::Subtract: return Numeric::of_double(x - y);
        case ArithOp::Multiply: return Numeric::of_double(x * y);
        case ArithOp::Divide: return Numeric::of_double(x / y);
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<TermId> arithmetic(ArithOp op, TermId a, TermId b, TermTable& terms) {
  if (a == kNoTerm || b == kNoTerm) return std::nullopt;
  if (rdf::id_tag(a) == IdTag::Integer && rdf::id_tag(b) == IdTag::Integer &&
      op != ArithOp::Divide) {
    // Inline integers are 60-bit, so a 64-bit result of + - never overflows; * may.
    const int64_t x = rdf::integer_id_value(a), y = rdf::integer_id_value(b);
    int64_t r = 0;
    bool overflow = false;
    switch (op) {
      case ArithOp::Add: r = x + y; break;
      case ArithOp::Subtract: r = x - y; break;
      default: overflow = __builtin_mul_overflow(x, y, &r); break;
    }
    if (!overflow) return make_integer(r, terms);
  }
  const Value va = decode(a, terms, scratch(0));
  const Value vb = decode(b, terms, scratch(1));
  if (va.kind == ValueKind::Numeric && vb.kind == ValueKind::Numeric) {
    auto r = numeric_arithmetic(op, va.numeric, vb.numeric);
    if (!r) return std::nullopt;
    return make_numeric(*r, terms);
  }
  return temporal_arithmetic(op, va, vb, terms);
}

std::optional<TermId> unary_minus(TermId a, TermTable& terms) {
  if (a == kNoTerm) return std::nullopt;
  if (rdf::id_tag(a) == IdTag::Integer) return make_integer(-rdf::integer_id_value(a), terms);
  const Value v = decode(a, terms, scratch(0));
  if (v.kind == ValueKind::Numeric) {
    const Numeric& n = v.numeric;
    switch (n.type) {
      case NumericType::Integer:
        return make_integer(-n.integer, terms);  // |integer| <= 2^127 - 1: no overflow
      case NumericType::Decimal: return make_decimal(xsd::negate(n.decimal), terms);
      case NumericType::Float: return make_float(-static_cast<float>(n.floating), terms);
      case NumericType::Double: return make_double(-n.floating, terms);
    }
  }
  if (v.kind == ValueKind::Duration) {
    xsd::Duration d = v.duration;
    if (d.months == INT64_MIN || d.seconds == INT64_MIN) return std::nullopt;
    d.months = -d.months;
    d.seconds = -d.seconds;
    d.nanoseconds = -d.nanoseconds;
    return make_duration(d, terms);
  }
  return std::nullopt;
}

std::optional<TermId> unary_plus(TermId a, const TermTable& terms) {
  if (a == kNoTerm) return std::nullopt;
  if (rdf::id_tag(a) == IdTag::Integer || rdf::id_tag(a) == IdTag::Decimal) return a;
  if (numeric_value(a, terms) || duration_value(a, terms)) return a;
  return std::nullopt;
}

// --- public: comparison ------------------------------------------------------------------------

std::optional<bool> compare(CompareOp op, TermId a, TermId b, const TermTable& terms) {
  if (a == kNoTerm || b == kNoTerm) return std::nullopt;
  if (rdf::id_tag(a) == IdTag::Integer && rdf::id_tag(b) == IdTag::Integer) {
    return order_satisfies(op, order_of(rdf::integer_id_value(a), rdf::integer_id_value(b)));
  }
  if (a == b && rdf::is_inline(a)) return order_satisfies(op, Order::Equal);  // never NaN
  if (!rdf::is_literal(a) || !rdf::is_literal(b)) return equality_only(op, a == b);

  const Value va = decode(a, terms, scratch(0));
  const Value vb = decode(b, terms, scratch(1));
  bool known_unequal = false;
  if (auto o = value_order(va, vb, op, known_unequal)) return order_satisfies(op, *o);
  if (!is_equality(op)) return std::nullopt;
  if (a == b) return op == CompareOp::Equal;  // the same term (RDFterm-equal)
  if (known_unequal) return op == CompareOp::NotEqual;
  if (va.kind == vb.kind && (va.kind == ValueKind::Temporal || va.kind == ValueKind::Duration)) {
    return std::nullopt;  // indeterminate order
  }
  using VK = ValueKind;
  // A language-tagged string is never equal to a literal of another kind (W3C open-eq-08/10).
  if (va.kind == VK::LangString || vb.kind == VK::LangString) return op == CompareOp::NotEqual;
  // Different literals of which one has an unknown datatype or an invalid lexical form: they
  // might denote the same value (RDFterm-equal raises a type error).
  if (va.kind == VK::IllTyped || va.kind == VK::Other || vb.kind == VK::IllTyped ||
      vb.kind == VK::Other) {
    return std::nullopt;
  }
  return op == CompareOp::NotEqual;  // distinct known value spaces (1 = "1" is false)
}

std::optional<bool> same_term(TermId a, TermId b) {
  if (a == kNoTerm || b == kNoTerm) return std::nullopt;
  return a == b;
}

std::optional<bool> ebv(TermId a, const TermTable& terms) {
  switch (rdf::id_tag(a)) {
    case IdTag::Boolean: return rdf::id_payload(a) != 0;
    case IdTag::Integer: return rdf::integer_id_value(a) != 0;
    case IdTag::Decimal: return rdf::inline_decimal(a).units != 0;
    case IdTag::String: return (rdf::id_payload(a) >> 56) != 0;
    case IdTag::Literal:
    case IdTag::LocalLiteral: break;
    default: return std::nullopt;
  }
  const TermId dt = terms.datatype(a);
  switch (classify_datatype(dt)) {
    case DatatypeClass::String:
    case DatatypeClass::LangString: return !terms.view(a, scratch(0)).empty();
    case DatatypeClass::Boolean: return boolean_value(a, terms).value_or(false);
    case DatatypeClass::Integer:
    case DatatypeClass::Decimal:
    case DatatypeClass::Float:
    case DatatypeClass::Double: {
      auto n = numeric_value(a, terms);
      if (!n || is_nan(*n)) return false;  // an invalid lexical form is false (§17.2.2)
      switch (n->type) {
        case NumericType::Integer: return n->integer != 0;
        case NumericType::Decimal: return n->decimal.units != 0;
        default: return n->floating != 0;
      }
    }
    default: return std::nullopt;
  }
}

std::optional<bool> logical_not(TermId a, const TermTable& terms) {
  auto v = ebv(a, terms);
  if (!v) return std::nullopt;
  return !*v;
}

std::optional<bool> in_list(TermId x, std::span<const TermId> list, const TermTable& terms) {
  bool error = false;
  for (TermId e : list) {
    auto r = compare(CompareOp::Equal, x, e, terms);
    if (!r) {
      error = true;
    } else if (*r) {
      return true;
    }
  }
  if (error) return std::nullopt;
  return false;
}

// --- public: ORDER BY --------------------------------------------------------------------------

int order_compare(TermId a, TermId b, const TermTable& terms) {
  if (a == b) return 0;
  if (rdf::id_tag(a) == IdTag::Integer && rdf::id_tag(b) == IdTag::Integer) {
    return rdf::integer_id_value(a) < rdf::integer_id_value(b) ? -1 : 1;
  }
  const int ra = term_rank(a), rb = term_rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 1:  // blank nodes: by id, which is stable within a query
    case 4: return a < b ? -1 : 1;
    case 2: {
      const int c = terms.view(a, scratch(0)).compare(terms.view(b, scratch(1)));
      return c != 0 ? c : (a < b ? -1 : 1);
    }
    default: break;
  }
  const Value va = decode(a, terms, scratch(0));
  const Value vb = decode(b, terms, scratch(1));
  const int ga = literal_group(va), gb = literal_group(vb);
  if (ga != gb) return ga < gb ? -1 : 1;
  if (int c = group_value_compare(ga, va, vb)) return c < 0 ? -1 : 1;
  return literal_syntax_compare(a, b, terms) < 0 ? -1 : 1;
}

}  // namespace kikv::sparql
