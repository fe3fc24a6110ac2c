#include "sparql/eval/value.hpp"

#include <cmath>

#include "rdf/inline_literal.hpp"

namespace kikv::sparql {

using rdf::IdTag;
using rdf::TermId;
namespace xsd = rdf::xsd;
namespace vocab = rdf::vocab;

namespace {

/// Index of a well-known IRI id, or -1.
int well_known_index(TermId dt) {
  if (rdf::id_tag(dt) != IdTag::Iri) return -1;
  const uint64_t i = rdf::id_payload(dt);
  return i < vocab::kWellKnownIris.size() ? static_cast<int>(i) : -1;
}

/// The XSD local name of a well-known datatype ("int" for xsd:int).
std::string_view xsd_local_name(TermId dt) {
  const int i = well_known_index(dt);
  if (i < 0) return {};
  std::string_view iri = vocab::kWellKnownIris[static_cast<size_t>(i)];
  return iri.substr(iri.rfind('#') + 1);
}

bool is_stored_literal(TermId id) {
  return rdf::id_tag(id) == IdTag::Literal || rdf::id_tag(id) == IdTag::LocalLiteral;
}

/// Scratch for the lexical form of table literals. TermTable::view only writes into it for
/// inline literals, which the callers here decode from the id instead, so it stays empty.
std::string& lexical_scratch() {
  thread_local std::string s;
  return s;
}

std::optional<Numeric> parse_numeric(DatatypeClass cls, TermId dt, std::string_view lex) {
  switch (cls) {
    case DatatypeClass::Integer: {
      auto v = xsd::parse_integer(lex);
      if (!v) return std::nullopt;
      if (dt != vocab::kXsdInteger && !xsd::integer_in_range(xsd_local_name(dt), *v)) {
        return std::nullopt;
      }
      return Numeric::of_integer(*v);
    }
    case DatatypeClass::Decimal: {
      auto v = xsd::parse_decimal(lex);
      if (!v) return std::nullopt;
      return Numeric::of_decimal(*v);
    }
    case DatatypeClass::Float: {
      auto v = xsd::parse_float(lex);
      if (!v) return std::nullopt;
      return Numeric::of_float(*v);
    }
    case DatatypeClass::Double: {
      auto v = xsd::parse_double(lex);
      if (!v) return std::nullopt;
      return Numeric::of_double(*v);
    }
    default:
      return std::nullopt;
  }
}

bool is_numeric_class(DatatypeClass c) {
  return c == DatatypeClass::Integer || c == DatatypeClass::Decimal ||
         c == DatatypeClass::Float || c == DatatypeClass::Double;
}

}  // namespace

// --- numerics ----------------------------------------------------------------------------------

Numeric promote(const Numeric& n, NumericType type) {
  if (type == n.type) return n;
  switch (type) {
    case NumericType::Integer: return n;  // never a promotion
    case NumericType::Decimal: return Numeric::of_decimal(xsd::decimal_from_integer(n.integer));
    case NumericType::Float: return Numeric::of_float(static_cast<float>(to_double(n)));
    case NumericType::Double: return Numeric::of_double(to_double(n));
  }
  return n;
}

double to_double(const Numeric& n) {
  switch (n.type) {
    case NumericType::Integer: return static_cast<double>(n.integer);
    case NumericType::Decimal: return xsd::decimal_to_double(n.decimal);
    case NumericType::Float:
    case NumericType::Double: return n.floating;
  }
  return 0;
}

bool is_nan(const Numeric& n) {
  return (n.type == NumericType::Float || n.type == NumericType::Double) && std::isnan(n.floating);
}

std::optional<Numeric> numeric_value(TermId id, const TermTable& terms) {
  switch (rdf::id_tag(id)) {
    case IdTag::Integer: return Numeric::of_integer(rdf::integer_id_value(id));
    case IdTag::Decimal: return Numeric::of_decimal(rdf::inline_decimal(id));
    case IdTag::Literal:
    case IdTag::LocalLiteral: {
      const TermId dt = terms.datatype(id);
      const DatatypeClass cls = classify_datatype(dt);
      if (!is_numeric_class(cls)) return std::nullopt;
      return parse_numeric(cls, dt, terms.view(id, lexical_scratch()));
    }
    default:
      return std::nullopt;
  }
}

// --- other value spaces ------------------------------------------------------------------------

std::optional<StringValue> string_value(TermId id, const TermTable& terms, std::string& scratch) {
  if (rdf::id_tag(id) == IdTag::String) {
    char buf[8];
    scratch.assign(buf, rdf::inline_string(id, buf));
    return StringValue{scratch, {}};
  }
  if (!is_stored_literal(id)) return std::nullopt;
  const TermId dt = terms.datatype(id);
  if (dt == vocab::kXsdString) return StringValue{terms.view(id, scratch), {}};
  if (dt == vocab::kRdfLangString) return StringValue{terms.view(id, scratch), terms.lang(id)};
  return std::nullopt;
}

std::optional<bool> boolean_value(TermId id, const TermTable& terms) {
  if (rdf::id_tag(id) == IdTag::Boolean) return rdf::id_payload(id) != 0;
  if (!is_stored_literal(id) || terms.datatype(id) != vocab::kXsdBoolean) return std::nullopt;
  return xsd::parse_boolean(terms.view(id, lexical_scratch()));
}

std::optional<xsd::Temporal> temporal_value(TermId id, const TermTable& terms) {
  switch (rdf::id_tag(id)) {
    case IdTag::Date:
    case IdTag::DateTime:
    case IdTag::GYear: return rdf::inline_temporal(id);
    case IdTag::Literal:
    case IdTag::LocalLiteral: {
      const TermId dt = terms.datatype(id);
      if (classify_datatype(dt) != DatatypeClass::Temporal) return std::nullopt;
      return xsd::parse_temporal(temporal_kind(dt), terms.view(id, lexical_scratch()));
    }
    default:
      return std::nullopt;
  }
}

std::optional<xsd::Duration> duration_value(TermId id, const TermTable& terms) {
  switch (rdf::id_tag(id)) {
    case IdTag::Duration: return rdf::inline_duration(id);
    case IdTag::Literal:
    case IdTag::LocalLiteral: {
      const TermId dt = terms.datatype(id);
      if (classify_datatype(dt) != DatatypeClass::Duration) return std::nullopt;
      return xsd::parse_duration(duration_kind(dt), terms.view(id, lexical_scratch()));
    }
    default:
      return std::nullopt;
  }
}

DatatypeClass classify_datatype(TermId dt) {
  switch (well_known_index(dt)) {
    case 0: return DatatypeClass::String;
    case 1: return DatatypeClass::LangString;
    case 2: return DatatypeClass::Boolean;
    case 3: return DatatypeClass::Integer;
    case 4: return DatatypeClass::Decimal;
    case 5: return DatatypeClass::Double;
    case 6: return DatatypeClass::Float;
    case 7: case 8: case 9: case 10: case 11: case 12: case 13: case 14: case 18:
      return DatatypeClass::Temporal;
    case 15: case 16: case 17: return DatatypeClass::Duration;
    default:
      return vocab::is_integer_datatype(dt) ? DatatypeClass::Integer : DatatypeClass::Other;
  }
}

xsd::TemporalKind temporal_kind(TermId dt) {
  using K = xsd::TemporalKind;
  switch (well_known_index(dt)) {
    case 7: return K::Date;
    case 9: return K::Time;
    case 10: return K::GYear;
    case 11: return K::GYearMonth;
    case 12: return K::GMonth;
    case 13: return K::GMonthDay;
    case 14: return K::GDay;
    case 18: return K::DateTimeStamp;
    default: return K::DateTime;
  }
}

xsd::DurationKind duration_kind(TermId dt) {
  if (dt == vocab::kXsdYearMonthDuration) return xsd::DurationKind::YearMonth;
  if (dt == vocab::kXsdDayTimeDuration) return xsd::DurationKind::DayTime;
  return xsd::DurationKind::Duration;
}

TermId temporal_datatype(xsd::TemporalKind kind) {
  using K = xsd::TemporalKind;
  switch (kind) {
    case K::DateTime: return vocab::kXsdDateTime;
    case K::Date: return vocab::kXsdDate;
    case K::Time: return vocab::kXsdTime;
    case K::GYear: return vocab::kXsdGYear;
    case K::GYearMonth: return vocab::kXsdGYearMonth;
    case K::GMonth: return vocab::kXsdGMonth;
    case K::GMonthDay: return vocab::kXsdGMonthDay;
    case K::GDay: return vocab::kXsdGDay;
    case K::DateTimeStamp: return vocab::kXsdDateTimeStamp;
  }
  return vocab::kXsdDateTime;
}

TermId duration_datatype(xsd::DurationKind kind) {
  switch (kind) {
    case xsd::DurationKind::YearMonth: return vocab::kXsdYearMonthDuration;
    case xsd::DurationKind::DayTime: return vocab::kXsdDayTimeDuration;
    case xsd::DurationKind::Duration: return vocab::kXsdDuration;
  }
  return vocab::kXsdDuration;
}

Value decode(TermId id, const TermTable& terms, std::string& scratch) {
  Value v;
  switch (rdf::id_tag(id)) {
    case IdTag::Iri:
    case IdTag::LocalIri: v.kind = ValueKind::Iri; return v;
    case IdTag::Blank:
    case IdTag::LocalBlank: v.kind = ValueKind::Blank; return v;
    case IdTag::Integer:
    case IdTag::Decimal:
      v.kind = ValueKind::Numeric;
      v.datatype = rdf::inline_datatype(id);
      v.numeric = *numeric_value(id, terms);
      return v;
    case IdTag::Boolean:
      v.kind = ValueKind::Boolean;
      v.datatype = vocab::kXsdBoolean;
      v.boolean = rdf::id_payload(id) != 0;
      return v;
    case IdTag::Date:
    case IdTag::DateTime:
    case IdTag::GYear:
      v.kind = ValueKind::Temporal;
      v.datatype = rdf::inline_datatype(id);
      v.temporal = rdf::inline_temporal(id);
      return v;
    case IdTag::Duration:
      v.kind = ValueKind::Duration;
      v.datatype = rdf::inline_datatype(id);
      v.duration = rdf::inline_duration(id);
      return v;
    case IdTag::String: {
      v.kind = ValueKind::String;
      v.datatype = vocab::kXsdString;
      char buf[8];
      scratch.assign(buf, rdf::inline_string(id, buf));
      v.lexical = scratch;
      return v;
    }
    case IdTag::Literal:
    case IdTag::LocalLiteral: break;
    default: return v;  // not a term
  }
  v.datatype = terms.datatype(id);
  v.lexical = terms.view(id, scratch);
  const DatatypeClass cls = classify_datatype(v.datatype);
  v.kind = ValueKind::IllTyped;
  switch (cls) {
    case DatatypeClass::String: v.kind = ValueKind::String; break;
    case DatatypeClass::LangString:
      v.kind = ValueKind::LangString;
      v.lang = terms.lang(id);
      break;
    case DatatypeClass::Integer:
    case DatatypeClass::Decimal:
    case DatatypeClass::Float:
    case DatatypeClass::Double:
      if (auto n = parse_numeric(cls, v.datatype, v.lexical)) {
        v.kind = ValueKind::Numeric;
        v.numeric = *n;
      }
      break;
    case DatatypeClass::Boolean:
      if (auto b = xsd::parse_boolean(v.lexical)) {
        v.kind = ValueKind::Boolean;
        v.boolean = *b;
      }
      break;
    case DatatypeClass::Temporal:
      if (auto t = xsd::parse_temporal(temporal_kind(v.datatype), v.lexical)) {
        v.kind = ValueKind::Temporal;
        v.temporal = *t;
      }
      break;
    case DatatypeClass::Duration:
      if (auto d = xsd::parse_duration(duration_kind(v.datatype), v.lexical)) {
        v.kind = ValueKind::Duration;
        v.duration = *d;
      }
      break;
    case DatatypeClass::Other: v.kind = ValueKind::Other; break;
  }
  return v;
}

// --- making ids --------------------------------------------------------------------------------

TermId make_integer(xsd::int128_t v, TermTable& terms) {
  if (auto id = rdf::pack_integer(v)) return *id;
  return terms.intern_literal(xsd::integer_to_string(v), vocab::kXsdInteger);
}

TermId make_decimal(const xsd::Decimal& d, TermTable& terms) {
  // Jena's form is the normalised value with at least one fraction digit; the inline id prints
  // exactly d.scale digits, so bring the value to that scale first.
  xsd::Decimal n = xsd::normalized(d);
  constexpr xsd::int128_t kLimit = (xsd::int128_t{1} << 100);
  if (n.scale == 0 && n.units > -kLimit && n.units < kLimit) n = xsd::Decimal{n.units * 10, 1};
  if (n.scale > 0) {
    if (auto id = rdf::pack_decimal(n)) return *id;
  }
  return terms.intern_literal(xsd::to_string(d), vocab::kXsdDecimal);
}

TermId make_float(float v, TermTable& terms) {
  return terms.intern_literal(xsd::to_string_float(v), vocab::kXsdFloat);
}

TermId make_double(double v, TermTable& terms) {
  return terms.intern_literal(xsd::to_string_double(v), vocab::kXsdDouble);
}

TermId make_numeric(const Numeric& n, TermTable& terms) {
  switch (n.type) {
    case NumericType::Integer: return make_integer(n.integer, terms);
    case NumericType::Decimal: return make_decimal(n.decimal, terms);
    case NumericType::Float: return make_float(static_cast<float>(n.floating), terms);
    case NumericType::Double: return make_double(n.floating, terms);
  }
  return kNoTerm;
}

TermId make_string(std::string_view text, TermTable& terms) {
  if (auto id = rdf::pack_string(text)) return *id;
  return terms.intern_literal(text, vocab::kXsdString);
}

TermId make_string(std::string_view text, std::string_view lang, TermTable& terms) {
  if (lang.empty()) return make_string(text, terms);
  return terms.intern_literal(text, vocab::kRdfLangString, lang);
}

TermId make_temporal(const xsd::Temporal& t, TermTable& terms) {
  if (auto id = rdf::pack_temporal(t)) return *id;
  return terms.intern_literal(xsd::to_string(t), temporal_datatype(t.kind));
}

TermId make_duration(const xsd::Duration& d, TermTable& terms) {
  if (auto id = rdf::pack_duration(d)) return *id;
  return terms.intern_literal(xsd::to_string(d), duration_datatype(d.kind));
}

}  // namespace kikv::sparql
