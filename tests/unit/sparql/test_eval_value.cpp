// Decoding term ids to typed values and making ids of computed values (sparql/eval/value.hpp).
// Expected lexical forms of computed values are those Jena 4.5 prints (checked with
// ../shared/peers/run jena on SELECT (expr AS ?x) WHERE {}).
#include "eval_test_util.hpp"

#include "rdf/inline_literal.hpp"
#include "rdf/vocab.hpp"

using namespace kikv::sparql;
using eval_test::Fixture;
namespace vocab = kikv::rdf::vocab;
namespace xsd = kikv::rdf::xsd;
using kikv::rdf::IdTag;

namespace {

std::string num(const std::optional<Numeric>& n) {
  if (!n) return "none";
  switch (n->type) {
    case NumericType::Integer: return "integer " + xsd::integer_to_string(n->integer);
    case NumericType::Decimal: return "decimal " + xsd::to_string(n->decimal);
    case NumericType::Float: return "float " + xsd::to_string_float(static_cast<float>(n->floating));
    case NumericType::Double: return "double " + xsd::to_string_double(n->floating);
  }
  return "?";
}

}  // namespace

TEST_CASE("numeric_value decodes inline, stored and computed numerics", "[sparql][eval]") {
  Fixture f;
  const auto zero_one = f.stored("\"01\"^^xsd:integer");   // non-canonical: in the dictionary
  const auto bad = f.stored("\"abc\"^^xsd:integer");       // ill-typed
  const auto byte_ok = f.stored("\"-128\"^^xsd:byte");
  const auto byte_bad = f.stored("\"300\"^^xsd:byte");     // out of the byte range: ill-typed
  const auto dbl = f.stored("\"1.5e0\"^^xsd:double");
  CHECK(kikv::rdf::id_tag(zero_one) == IdTag::Literal);
  CHECK(num(numeric_value(zero_one, *f.terms)) == "integer 1");
  CHECK(num(numeric_value(bad, *f.terms)) == "none");
  CHECK(num(numeric_value(byte_ok, *f.terms)) == "integer -128");
  CHECK(num(numeric_value(byte_bad, *f.terms)) == "none");
  CHECK(num(numeric_value(dbl, *f.terms)) == "double 1.5e0");

  CHECK(kikv::rdf::id_tag(f.t("42")) == IdTag::Integer);
  CHECK(num(numeric_value(f.t("42"), *f.terms)) == "integer 42");
  CHECK(num(numeric_value(f.t("-2.50"), *f.terms)) == "decimal -2.5");
  CHECK(num(numeric_value(f.t("\"1.25\"^^xsd:float"), *f.terms)) == "float 1.25");
  CHECK(num(numeric_value(f.t("\"7\"^^xsd:unsignedInt"), *f.terms)) == "integer 7");
  CHECK(num(numeric_value(f.t("\"NaN\"^^xsd:double"), *f.terms)) == "double NaN");
  CHECK(num(numeric_value(f.t("\"12345678901234567890123\"^^xsd:integer"), *f.terms)) ==
        "integer 12345678901234567890123");
  CHECK(num(numeric_value(f.t("\"1\""), *f.terms)) == "none");
  CHECK(num(numeric_value(f.t("<http://example.org/1>"), *f.terms)) == "none");
  CHECK(num(numeric_value(f.t("true"), *f.terms)) == "none");
}

TEST_CASE("promotion follows XPath: integer, decimal, float, double", "[sparql][eval]") {
  const Numeric i = Numeric::of_integer(3);
  CHECK(num(promote(i, NumericType::Decimal)) == "decimal 3.0");
  CHECK(num(promote(i, NumericType::Float)) == "float 3.0");
  CHECK(num(promote(i, NumericType::Double)) == "double 3.0e0");
  CHECK(num(promote(Numeric::of_decimal({15, 1}), NumericType::Double)) == "double 1.5e0");
  CHECK(num(promote(Numeric::of_float(0.5f), NumericType::Double)) == "double 0.5e0");
  CHECK(is_nan(Numeric::of_double(std::nan(""))));
  CHECK_FALSE(is_nan(Numeric::of_integer(0)));
}

TEST_CASE("strings, booleans, dates and durations decode", "[sparql][eval]") {
  Fixture f;
  std::string scratch;
  auto s = string_value(f.t("\"abc\""), *f.terms, scratch);
  REQUIRE(s);
  CHECK(s->text == "abc");
  CHECK(s->lang.empty());
  auto l = string_value(f.t("\"chat\"@fr"), *f.terms, scratch);
  REQUIRE(l);
  CHECK(l->text == "chat");
  CHECK(l->lang == "fr");
  auto x = string_value(f.t("\"a longer string\"^^xsd:string"), *f.terms, scratch);
  REQUIRE(x);
  CHECK(x->text == "a longer string");
  CHECK_FALSE(string_value(f.t("1"), *f.terms, scratch));
  CHECK_FALSE(string_value(f.t("<http://example.org/a>"), *f.terms, scratch));

  CHECK(boolean_value(f.t("true"), *f.terms) == true);
  CHECK(boolean_value(f.t("\"0\"^^xsd:boolean"), *f.terms) == false);
  CHECK_FALSE(boolean_value(f.t("\"yes\"^^xsd:boolean"), *f.terms));

  auto d = temporal_value(f.t("\"2024-02-29\"^^xsd:date"), *f.terms);
  REQUIRE(d);
  CHECK(d->kind == xsd::TemporalKind::Date);
  CHECK(d->day == 29);
  auto tm = temporal_value(f.t("\"10:11:12.5\"^^xsd:time"), *f.terms);
  REQUIRE(tm);
  CHECK(tm->nanosecond == 500000000);
  CHECK_FALSE(temporal_value(f.t("\"2024-02-30\"^^xsd:date"), *f.terms));

  auto du = duration_value(f.t("\"P1Y2M\"^^xsd:yearMonthDuration"), *f.terms);
  REQUIRE(du);
  CHECK(du->months == 14);
  CHECK_FALSE(duration_value(f.t("\"P1D\"^^xsd:yearMonthDuration"), *f.terms));
}

TEST_CASE("decode classifies every kind of term", "[sparql][eval]") {
  Fixture f;
  std::string scratch;
  auto kind = [&](std::string_view text) { return decode(f.t(text), *f.terms, scratch).kind; };
  CHECK(kind("<http://example.org/a>") == ValueKind::Iri);
  CHECK(kind("_:b") == ValueKind::Blank);
  CHECK(kind("\"a\"") == ValueKind::String);
  CHECK(kind("\"a\"@en") == ValueKind::LangString);
  CHECK(kind("1") == ValueKind::Numeric);
  CHECK(kind("\"1e0\"^^xsd:float") == ValueKind::Numeric);
  CHECK(kind("false") == ValueKind::Boolean);
  CHECK(kind("\"2024-01-01T00:00:00Z\"^^xsd:dateTime") == ValueKind::Temporal);
  CHECK(kind("\"--12-25\"^^xsd:gMonthDay") == ValueKind::Temporal);
  CHECK(kind("\"PT1H\"^^xsd:dayTimeDuration") == ValueKind::Duration);
  CHECK(kind("\"abc\"^^xsd:integer") == ValueKind::IllTyped);
  CHECK(kind("\"2024-13-01\"^^xsd:date") == ValueKind::IllTyped);
  CHECK(kind("\"x\"^^<http://example.org/dt>") == ValueKind::Other);
}

TEST_CASE("computed values get Jena's forms and the one id of their term", "[sparql][eval]") {
  Fixture f;
  TermTable& tt = *f.terms;
  // Jena 4.5: 1 + 2.0 = "3.0"^^xsd:decimal, 1/3 = "0.333333333333333333333333"^^xsd:decimal.
  CHECK(f.show(make_decimal({3, 0}, tt)) == "\"3.0\"^^xsd:decimal");
  CHECK(f.show(make_decimal({300, 2}, tt)) == "\"3.0\"^^xsd:decimal");
  CHECK(f.show(make_decimal({-5, 1}, tt)) == "\"-0.5\"^^xsd:decimal");
  CHECK(f.show(make_decimal({0, 0}, tt)) == "\"0.0\"^^xsd:decimal");
  CHECK(make_decimal({3, 0}, tt) == f.t("3.0"));  // inline, the same id as the literal 3.0
  CHECK(kikv::rdf::is_inline(make_decimal({3, 0}, tt)));
  const xsd::Decimal third = *xsd::divide({1, 0}, {3, 0});
  CHECK(f.show(make_decimal(third, tt)) == "\"0.333333333333333333333333\"^^xsd:decimal");
  CHECK(make_decimal(third, tt) == f.t("0.333333333333333333333333"));

  CHECK(make_integer(7, tt) == kikv::rdf::make_integer_id(7));
  const xsd::int128_t big = static_cast<xsd::int128_t>(1) << 100;
  CHECK(f.show(make_integer(big, tt)) == "\"1267650600228229401496703205376\"^^xsd:integer");
  CHECK(make_integer(big, tt) == make_integer(big, tt));

  // Jena 4.5: 1e0 + 2e0 = "3.0e0"^^xsd:double; "1"^^xsd:float + 1 = "2.0"^^xsd:float.
  CHECK(f.show(make_double(3.0, tt)) == "\"3.0e0\"^^xsd:double");
  CHECK(f.show(make_float(2.0f, tt)) == "\"2.0\"^^xsd:float");
  CHECK(make_double(3.0, tt) == f.t("\"3.0e0\"^^xsd:double"));

  CHECK(make_string("short", tt) == f.t("\"short\""));
  CHECK(kikv::rdf::is_inline(make_string("short", tt)));
  CHECK(make_string("a longer text", tt) == f.t("\"a longer text\""));
  CHECK(f.show(make_string("hoi", "nl", tt)) == "\"hoi\"@nl");

  auto date = xsd::parse_temporal(xsd::TemporalKind::Date, "2024-12-31");
  CHECK(make_temporal(*date, tt) == f.t("\"2024-12-31\"^^xsd:date"));
  auto time = xsd::parse_temporal(xsd::TemporalKind::Time, "13:00:00");
  CHECK(f.show(make_temporal(*time, tt)) == "\"13:00:00\"^^xsd:time");
  auto dur = xsd::parse_duration(xsd::DurationKind::DayTime, "P29D");
  CHECK(make_duration(*dur, tt) == f.t("\"P29D\"^^xsd:dayTimeDuration"));
}

TEST_CASE("a computed term that is in the store gets the store's id", "[sparql][eval]") {
  Fixture f;
  const auto stored = f.stored("\"a string that is too long to inline\"");
  const auto stored_double = f.stored("\"2.0e0\"^^xsd:double");
  CHECK(make_string("a string that is too long to inline", *f.terms) == stored);
  CHECK(make_double(2.0, *f.terms) == stored_double);
}
