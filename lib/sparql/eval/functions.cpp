#include "sparql/eval/functions.hpp"

#include <array>
#include <chrono>

#include "sparql/eval/functions_impl.hpp"
#include "sparql/eval/value.hpp"

namespace kikv::sparql {

using rdf::TermId;

// --- context -----------------------------------------------------------------------------------

FunctionContext::FunctionContext(TermTable& terms, std::string base_iri, uint64_t seed)
    : terms_(terms), base_iri_(std::move(base_iri)), rng_(seed != 0 ? seed : std::random_device{}()) {}

TermId FunctionContext::now() {
  if (now_ == rdf::kNoTerm) {
    using namespace std::chrono;
    const auto ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    const auto day = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    const auto in_day = ms - day * 86400000;
    const year_month_day ymd{sys_days{days{day}}};
    rdf::xsd::Temporal t;
    t.kind = rdf::xsd::TemporalKind::DateTime;
    t.year = static_cast<int>(ymd.year());
    t.month = static_cast<uint8_t>(static_cast<unsigned>(ymd.month()));
    t.day = static_cast<uint8_t>(static_cast<unsigned>(ymd.day()));
    t.hour = static_cast<uint8_t>(in_day / 3600000);
    t.minute = static_cast<uint8_t>(in_day / 60000 % 60);
    t.second = static_cast<uint8_t>(in_day / 1000 % 60);
    t.nanosecond = static_cast<uint32_t>(in_day % 1000) * 1000000u;
    t.has_tz = true;
    set_now(t);
  }
  return now_;
}

void FunctionContext::set_now(const rdf::xsd::Temporal& t) { now_ = make_temporal(t, terms_); }

TermId FunctionContext::bnode_for(TermId label) {
  for (const auto& [l, b] : bnodes_) {
    if (l == label) return b;
  }
  const TermId b = terms_.new_blank();
  bnodes_.emplace_back(label, b);
  return b;
}

// --- registry ----------------------------------------------------------------------------------

namespace {

constexpr uint8_t V = kVariadic;

// Sorted by name (find_builtin uses binary search).
constexpr std::array kBuiltins = {
    Function{"ABS", 1, 1, fn::abs},
    Function{"BNODE", 0, 1, fn::bnode, false},
    Function{"CEIL", 1, 1, fn::ceil},
    Function{"CONCAT", 0, V, fn::concat},
    Function{"CONTAINS", 2, 2, fn::contains},
    Function{"DATATYPE", 1, 1, fn::datatype},
    Function{"DAY", 1, 1, fn::day},
    Function{"ENCODE_FOR_URI", 1, 1, fn::encode_for_uri},
    Function{"FLOOR", 1, 1, fn::floor},
    Function{"HOURS", 1, 1, fn::hours},
    Function{"IRI", 1, 1, fn::iri},
    Function{"ISBLANK", 1, 1, fn::is_blank},
    Function{"ISIRI", 1, 1, fn::is_iri},
    Function{"ISLITERAL", 1, 1, fn::is_literal},
    Function{"ISNUMERIC", 1, 1, fn::is_numeric},
    Function{"ISURI", 1, 1, fn::is_iri},
    Function{"LANG", 1, 1, fn::lang},
    Function{"LANGMATCHES", 2, 2, fn::langmatches},
    Function{"LCASE", 1, 1, fn::lcase},
    Function{"MD5", 1, 1, fn::md5},
    Function{"MINUTES", 1, 1, fn::minutes},
    Function{"MONTH", 1, 1, fn::month},
    Function{"NOW", 0, 0, fn::now, false},
    Function{"RAND", 0, 0, fn::rand, false},
    Function{"REGEX", 2, 3, fn::regex},
    Function{"REPLACE", 3, 4, fn::replace},
    Function{"ROUND", 1, 1, fn::round},
    Function{"SAMETERM", 2, 2, fn::same_term},
    Function{"SECONDS", 1, 1, fn::seconds},
    Function{"SHA1", 1, 1, fn::sha1},
    Function{"SHA256", 1, 1, fn::sha256},
    Function{"SHA384", 1, 1, fn::sha384},
    Function{"SHA512", 1, 1, fn::sha512},
    Function{"STR", 1, 1, fn::str},
    Function{"STRAFTER", 2, 2, fn::strafter},
    Function{"STRBEFORE", 2, 2, fn::strbefore},
    Function{"STRDT", 2, 2, fn::strdt},
    Function{"STRENDS", 2, 2, fn::strends},
    Function{"STRLANG", 2, 2, fn::strlang},
    Function{"STRLEN", 1, 1, fn::strlen},
    Function{"STRSTARTS", 2, 2, fn::strstarts},
    Function{"STRUUID", 0, 0, fn::struuid, false},
    Function{"SUBSTR", 2, 3, fn::substr},
    Function{"TIMEZONE", 1, 1, fn::timezone},
    Function{"TZ", 1, 1, fn::tz},
    Function{"UCASE", 1, 1, fn::ucase},
    Function{"URI", 1, 1, fn::iri},
    Function{"UUID", 0, 0, fn::uuid, false},
    Function{"YEAR", 1, 1, fn::year},
};

#define KIKV_XSD "http://www.w3.org/2001/XMLSchema#"
constexpr std::array kIriFunctions = {
    Function{KIKV_XSD "boolean", 1, 1, fn::cast_boolean},
    Function{KIKV_XSD "byte", 1, 1, fn::cast_byte},
    Function{KIKV_XSD "date", 1, 1, fn::cast_date},
    Function{KIKV_XSD "dateTime", 1, 1, fn::cast_date_time},
    Function{KIKV_XSD "dayTimeDuration", 1, 1, fn::cast_day_time_duration},
    Function{KIKV_XSD "decimal", 1, 1, fn::cast_decimal},
    Function{KIKV_XSD "double", 1, 1, fn::cast_double},
    Function{KIKV_XSD "duration", 1, 1, fn::cast_duration},
    Function{KIKV_XSD "float", 1, 1, fn::cast_float},
    Function{KIKV_XSD "int", 1, 1, fn::cast_int},
    Function{KIKV_XSD "integer", 1, 1, fn::cast_integer},
    Function{KIKV_XSD "long", 1, 1, fn::cast_long},
    Function{KIKV_XSD "negativeInteger", 1, 1, fn::cast_negative_integer},
    Function{KIKV_XSD "nonNegativeInteger", 1, 1, fn::cast_non_negative_integer},
    Function{KIKV_XSD "nonPositiveInteger", 1, 1, fn::cast_non_positive_integer},
    Function{KIKV_XSD "positiveInteger", 1, 1, fn::cast_positive_integer},
    Function{KIKV_XSD "short", 1, 1, fn::cast_short},
    Function{KIKV_XSD "string", 1, 1, fn::cast_string},
    Function{KIKV_XSD "time", 1, 1, fn::cast_time},
    Function{KIKV_XSD "unsignedByte", 1, 1, fn::cast_unsigned_byte},
    Function{KIKV_XSD "unsignedInt", 1, 1, fn::cast_unsigned_int},
    Function{KIKV_XSD "unsignedLong", 1, 1, fn::cast_unsigned_long},
    Function{KIKV_XSD "unsignedShort", 1, 1, fn::cast_unsigned_short},
    Function{KIKV_XSD "yearMonthDuration", 1, 1, fn::cast_year_month_duration},
};
#undef KIKV_XSD

char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

/// Compares `keyword` case-insensitively with an upper-case name.
int keyword_compare(std::string_view keyword, std::string_view name) {
  const size_t n = std::min(keyword.size(), name.size());
  for (size_t i = 0; i < n; ++i) {
    const char k = ascii_upper(keyword[i]);
    if (k != name[i]) return static_cast<unsigned char>(k) < static_cast<unsigned char>(name[i]) ? -1 : 1;
  }
  return keyword.size() < name.size() ? -1 : (keyword.size() > name.size() ? 1 : 0);
}

}  // namespace

const Function* find_builtin(std::string_view keyword) {
  size_t lo = 0, hi = kBuiltins.size();
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    const int c = keyword_compare(keyword, kBuiltins[mid].name);
    if (c == 0) return &kBuiltins[mid];
    if (c < 0) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return nullptr;
}

const Function* find_function_iri(std::string_view iri) {
  for (const Function& f : kIriFunctions) {
    if (f.name == iri) return &f;
  }
  return nullptr;
}

std::span<const Function> builtin_functions() { return kBuiltins; }
std::span<const Function> iri_functions() { return kIriFunctions; }

}  // namespace kikv::sparql
