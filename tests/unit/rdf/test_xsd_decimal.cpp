// xsd:decimal and xsd:integer values. Expected values come from XSD 1.1 Part 2 (lexical space),
// XPath F&O 3.1 examples (§4.2 op:numeric-*, §4.4 fn:abs/ceiling/floor/round) and from Apache
// Jena (ARQ 4.5), which is the KIK-V reference for the form of computed decimals:
//   ../shared/peers/run jena Q.rq empty.ttl   with Q.rq = SELECT (EXPR AS ?v) WHERE {}
#include <catch2/catch.hpp>

#include "rdf/xsd.hpp"
#include "xsd_test_util.hpp"

namespace x = kikv::rdf::xsd;
using x::Decimal;
using xsd_test::dec;
using xsd_test::i128;

namespace {
bool same(const Decimal& a, const Decimal& b) { return a.units == b.units && a.scale == b.scale; }

std::string div_str(const char* a, const char* b) {
  auto q = x::divide(dec(a), dec(b));
  return q ? x::to_string(*q) : "error";
}
std::string mul_str(const char* a, const char* b) {
  auto q = x::multiply(dec(a), dec(b));
  return q ? x::to_string(*q) : "error";
}
std::string add_str(const char* a, const char* b) {
  auto q = x::add(dec(a), dec(b));
  return q ? x::to_string(*q) : "error";
}
}  // namespace

constexpr const char* kMax = "170141183460469231731687303715884105727";  // 2^127 - 1

TEST_CASE("xsd:decimal lexical forms keep their written scale", "[rdf][xsd]") {
  CHECK(same(dec("1.50"), Decimal{150, 2}));
  CHECK(same(dec("-0.5"), Decimal{-5, 1}));
  CHECK(same(dec("+1"), Decimal{1, 0}));
  CHECK(same(dec(".5"), Decimal{5, 1}));
  CHECK(same(dec("5."), Decimal{5, 0}));
  CHECK(same(dec("007"), Decimal{7, 0}));
  CHECK(same(dec("0.000"), Decimal{0, 3}));
  CHECK(same(dec("-0"), Decimal{0, 0}));
  CHECK(x::to_string_at_scale(dec("1.50")) == "1.50");
  CHECK(x::to_string_at_scale(dec("-0.05")) == "-0.05");
  CHECK(x::to_string_at_scale(dec("12")) == "12");
  CHECK(x::to_string_at_scale(Decimal{0, 2}) == "0.00");
  // Round trips used by term-id inlining: only canonical-looking forms come back unchanged.
  for (const char* s : {"0", "1.50", "-3.25", "0.001", "123456789.000000001", kMax}) {
    INFO(s);
    CHECK(x::to_string_at_scale(dec(s)) == s);
  }
  CHECK(x::to_string_at_scale(dec("+1")) != "+1");
  CHECK(x::to_string_at_scale(dec(".5")) != ".5");
}

TEST_CASE("strings outside the xsd:decimal lexical space are rejected", "[rdf][xsd]") {
  for (const char* bad : {"", "+", "-", ".", "+.", "1e3", "1E3", "1.2.3", " 1", "1 ", "INF", "NaN",
                          "1,5", "--1", "+-1", "0x1", "1_000", "١"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_decimal(bad).has_value());
  }
  for (const char* bad : {"", "+", "-", "1.0", "1.", ".1", "1e3", " 1", "1 ", "0x1", "++1"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_integer(bad).has_value());
  }
}

TEST_CASE("decimal and integer limits: 128-bit units, 30 fraction digits", "[rdf][xsd]") {
  CHECK(x::integer_to_string(i128(kMax)) == kMax);
  CHECK(x::integer_to_string(i128("-170141183460469231731687303715884105727")) ==
        "-170141183460469231731687303715884105727");
  CHECK_FALSE(x::parse_integer("170141183460469231731687303715884105728"));
  CHECK_FALSE(x::parse_integer("-170141183460469231731687303715884105728"));
  CHECK_FALSE(x::parse_integer("999999999999999999999999999999999999999999"));
  CHECK(x::parse_integer("-0000000000000000000000000000000000000000000001") == -1);
  CHECK(same(dec("17014118346046923173168730371588410572.7"), Decimal{i128(kMax), 1}));
  CHECK_FALSE(x::parse_decimal("17014118346046923173168730371588410572.8"));
  CHECK(same(dec("0.000000000000000000000000000001"), Decimal{1, 30}));
  CHECK_FALSE(x::parse_decimal("0.0000000000000000000000000000001"));  // 31 fraction digits
  // Trailing zeros beyond the representable scale do not change the value.
  auto one = x::parse_decimal("1.0000000000000000000000000000000000");
  REQUIRE(one);
  CHECK(x::compare(*one, Decimal{1, 0}) == 0);
  CHECK(x::to_string(*one) == "1.0");
}

TEST_CASE("computed decimals print as Jena prints them", "[rdf][xsd]") {
  // Jena output for each expression:
  CHECK(div_str("1", "3") == "0.333333333333333333333333");  // 1/3
  CHECK(div_str("2", "3") == "0.666666666666666666666667");  // 2/3
  CHECK(div_str("1", "7") == "0.142857142857142857142857");  // 1/7
  CHECK(div_str("1.0", "3.0") == "0.333333333333333333333333");  // 1.0/3.0
  CHECK(div_str("4", "2") == "2.0");    // 4/2
  CHECK(div_str("10", "4") == "2.5");   // 10/4
  // Terminating quotients are exact, even beyond 24 fraction digits:
  CHECK(div_str("1", "1000000000000000000000000") == "0.000000000000000000000001");
  CHECK(div_str("1", "10000000000000000000000000") == "0.0000000000000000000000001");
  CHECK(div_str("5", "10000000000000000000000000") == "0.0000000000000000000000005");
  CHECK(div_str("15", "10000000000000000000000000") == "0.0000000000000000000000015");
  CHECK(div_str("25", "10000000000000000000000000") == "0.0000000000000000000000025");
  CHECK(add_str("1.50", "0") == "1.5");  // 1.50+0
  CHECK(mul_str("1.5", "2") == "3.0");   // 1.5*2
  CHECK(mul_str("3.0", "2") == "6.0");   // 3.0*2
  CHECK(add_str("-0.5", "0") == "-0.5");  // -0.5+0
  CHECK(add_str("0.0", "0") == "0.0");    // 0.0+0
  CHECK(add_str("-0.0", "0") == "0.0");   // -0.0+0
  CHECK(mul_str("1.25", "1.25") == "1.5625");  // 1.25*1.25
  CHECK(x::to_string(x::round(dec("-2.5"))) == "-2.0");   // ROUND(-2.5)
  CHECK(x::to_string(x::round(dec("2.5"))) == "3.0");     // ROUND(2.5)
  CHECK(x::to_string(x::round(dec("-2.6"))) == "-3.0");   // ROUND(-2.6)
  CHECK(x::to_string(x::round(dec("2.4999"))) == "2.0");  // ROUND(2.4999)
  CHECK(x::to_string(x::ceil(dec("-0.5"))) == "0.0");     // CEIL(-0.5)
  CHECK(x::to_string(x::floor(dec("-0.5"))) == "-1.0");   // FLOOR(-0.5)
  CHECK(x::to_string(x::abs(dec("-1.50"))) == "1.5");     // ABS(-1.50)
  CHECK(x::to_string(Decimal{-5, 1}) == "-0.5");
}

TEST_CASE("decimal division beyond 38 significant digits is rounded to fit", "[rdf][xsd]") {
  // Jena prints 100000000000000000000000000000.0/3 with 24 fraction digits
  // ("33333333333333333333333333333.333333333333333333333333", 53 digits); 128-bit units hold 38
  // digits, so kikv keeps the 29 integer digits and rounds to 9 fraction digits.
  CHECK(div_str("100000000000000000000000000000.0", "3") ==
        "33333333333333333333333333333.333333333");
  CHECK(div_str("200000000000000000000000000000", "3") ==
        "66666666666666666666666666666.666666667");
  CHECK(div_str(kMax, "1") == std::string(kMax) + ".0");
  CHECK(div_str(kMax, "0.1") == "error");  // integer part does not fit
  CHECK(div_str("1", "0") == "error");      // err:FOAR0001
  CHECK(div_str("0", "0") == "error");
  CHECK(div_str("0", "5") == "0.0");
  CHECK(div_str("-1", "3") == "-0.333333333333333333333333");
  CHECK(div_str("1", "-8") == "-0.125");
  CHECK(div_str("0.000000000000000000000000000001", "0.000000000000000000000000000003") ==
        "0.333333333333333333333333");
  // The dividend scaled to 30 fraction digits needs more than 128 bits; the quotient is exact.
  CHECK(div_str("12345678901234567890.123456789012345678", "0.000000000000000002") ==
        "6172839450617283945061728394506172839.0");
}

TEST_CASE("decimal arithmetic: exact sums and products, overflow is an error", "[rdf][xsd]") {
  CHECK(add_str("0.1", "0.2") == "0.3");
  CHECK(add_str("1.005", "-1.005") == "0.0");
  CHECK(add_str("99.99", "0.01") == "100.0");
  auto s = x::subtract(dec("1"), dec("0.001"));
  REQUIRE(s);
  CHECK(x::to_string(*s) == "0.999");
  CHECK(mul_str("-0.5", "0.5") == "-0.25");
  CHECK(add_str(kMax, "1") == "error");
  CHECK(add_str(kMax, "-1") == "170141183460469231731687303715884105726.0");
  CHECK(mul_str(kMax, "2") == "error");
  // (10^19)^2 = 10^38 fits below 2^127 (1.7e38); 10^20 * 10^19 = 10^39 does not.
  CHECK(mul_str("10000000000000000000", "10000000000000000000") ==
        "100000000000000000000000000000000000000.0");
  CHECK(mul_str("100000000000000000000", "10000000000000000000") == "error");
  // Aligning 10^37 (scale 0) with 0.1 needs 10^38 units: still fits; 10^38 + 0.1 rounds.
  CHECK(add_str("10000000000000000000000000000000000000", "0.1") ==
        "10000000000000000000000000000000000000.1");
  CHECK(add_str("100000000000000000000000000000000000000", "0.4") ==
        "100000000000000000000000000000000000000.0");
  // Products with more than kMaxDecimalScale fraction digits round half-even to 30 digits.
  CHECK(mul_str("0.000000000000001", "0.0000000000000015") == "0.000000000000000000000000000002");
  CHECK(mul_str("0.000000000000001", "0.0000000000000025") == "0.000000000000000000000000000002");
  CHECK(mul_str("0.000000000000001", "0.0000000000000035") == "0.000000000000000000000000000004");
  CHECK(mul_str("0.000000000000001", "0.00000000000000151") == "0.000000000000000000000000000002");
  CHECK(mul_str("0.000000000000001", "0.0000000000000004") == "0.0");
  // A product wider than 128 bits: the exact value
  // 12345678901234567890.123456789024691356901234567890123456789012345678 keeps the 19 fraction
  // digits that fit 127-bit units (39 digits), rounded half-even.
  CHECK(mul_str("12345678901234567890.123456789012345678", "1.000000000000000000000000000001") ==
        "12345678901234567890.1234567890246913569");
}

TEST_CASE("decimal comparison is by value", "[rdf][xsd]") {
  CHECK(x::compare(dec("1.50"), dec("1.5")) == 0);
  CHECK(x::compare(dec("0"), dec("-0.000")) == 0);
  CHECK(x::compare(dec("-0.1"), dec("0.01")) == -1);
  CHECK(x::compare(dec("0.01"), dec("-0.1")) == 1);
  CHECK(x::compare(dec("2"), dec("1.999999999999999999999999999999")) == 1);
  CHECK(x::compare(dec("-2"), dec("-1.999999999999999999999999999999")) == -1);
  // Alignment overflows 128 bits: the integer side is the larger in magnitude.
  CHECK(x::compare(dec(kMax), dec("0.000000000000000000000000000001")) == 1);
  CHECK(x::compare(dec("-100000000000"), dec("-0.000000000000000000000000000001")) == -1);
  CHECK(x::compare(dec("0.000000000000000000000000000001"), dec(kMax)) == -1);
}

TEST_CASE("fn:round, fn:floor, fn:ceiling, fn:abs on decimals (F&O 3.1 §4.4)", "[rdf][xsd]") {
  // §4.4.5 fn:round examples.
  CHECK(x::to_string(x::round(dec("2.5"))) == "3.0");
  CHECK(x::to_string(x::round(dec("2.4999"))) == "2.0");
  CHECK(x::to_string(x::round(dec("-2.5"))) == "-2.0");
  // §4.4.2 fn:ceiling, §4.4.3 fn:floor, §4.4.1 fn:abs examples.
  CHECK(x::to_string_at_scale(x::ceil(dec("10.5"))) == "11");
  CHECK(x::to_string_at_scale(x::ceil(dec("-10.5"))) == "-10");
  CHECK(x::to_string_at_scale(x::floor(dec("10.5"))) == "10");
  CHECK(x::to_string_at_scale(x::floor(dec("-10.5"))) == "-11");
  CHECK(x::to_string(x::abs(dec("10.5"))) == "10.5");
  CHECK(x::to_string(x::abs(dec("-10.5"))) == "10.5");
  CHECK(x::to_string_at_scale(x::round(dec("7"))) == "7");
  CHECK(x::to_string_at_scale(x::floor(dec("-0.000000000000000000000000000001"))) == "-1");
  CHECK(x::to_string_at_scale(x::ceil(dec("0.000000000000000000000000000001"))) == "1");
  CHECK(x::to_string(x::negate(dec("0.5"))) == "-0.5");
}

TEST_CASE("op:numeric-integer-divide truncates towards zero (F&O 3.1 §4.2.5)", "[rdf][xsd]") {
  CHECK(x::integer_divide(10, 3) == 3);
  CHECK(x::integer_divide(3, -2) == -1);
  CHECK(x::integer_divide(-3, 2) == -1);
  CHECK(x::integer_divide(-3, -2) == 1);
  CHECK_FALSE(x::integer_divide(1, 0));  // err:FOAR0001
  CHECK(x::integer_divide(i128(kMax), -1) == -i128(kMax));
}

TEST_CASE("decimal <-> double conversions", "[rdf][xsd]") {
  CHECK(x::decimal_to_double(dec("0.1")) == 0.1);
  CHECK(x::decimal_to_double(dec("-1.50")) == -1.5);
  CHECK(x::decimal_to_double(dec("0.000000000000000000000000000001")) == 1e-30);
  CHECK(x::decimal_to_double(dec(kMax)) == 1.7014118346046923e38);
  CHECK(x::decimal_to_double(dec("0.3333333333333333333333333")) == 1.0 / 3);
  // Jena: xsd:decimal(EXPR) for a computed double uses Java's digits (BigDecimal.valueOf).
  auto str = [](double v) {
    auto d = x::decimal_from_double(v);
    return d ? x::to_string(*d) : "error";
  };
  CHECK(str(5.684341886080802e-14 + 0) == "0.000000000000056843418860808015");
  CHECK(str(0.1 + 0.2) == "0.30000000000000004");
  CHECK(str(1e23 + 0) == "99999999999999990000000.0");
  CHECK(str(1.0 / 3) == "0.3333333333333333");
  CHECK(str(static_cast<double>(0.1f)) == "0.10000000149011612");  // xsd:decimal(xsd:float(0.1)*..)
  CHECK(str(1.0) == "1.0");                                          // xsd:decimal(1e0)
  CHECK(str(-2.5) == "-2.5");
  CHECK(str(0.0) == "0.0");
  // Beyond 30 fraction digits the value is rounded (Jena keeps 1.5E-40 exactly).
  CHECK(str(1.5e-40) == "0.0");
  CHECK(str(1.5e-30) == "0.000000000000000000000000000002");
  CHECK(str(1e39) == "error");
  CHECK(str(std::numeric_limits<double>::infinity()) == "error");
  CHECK(str(std::numeric_limits<double>::quiet_NaN()) == "error");
}

TEST_CASE("derived integer types: ranges and names", "[rdf][xsd]") {
  CHECK(x::integer_in_range("byte", -128));
  CHECK(x::integer_in_range("byte", 127));
  CHECK_FALSE(x::integer_in_range("byte", 128));
  CHECK_FALSE(x::integer_in_range("byte", -129));
  CHECK(x::integer_in_range("short", -32768));
  CHECK_FALSE(x::integer_in_range("short", 32768));
  CHECK(x::integer_in_range("int", 2147483647));
  CHECK_FALSE(x::integer_in_range("int", 2147483648LL));
  CHECK(x::integer_in_range("int", -2147483648LL));
  CHECK_FALSE(x::integer_in_range("int", -2147483649LL));
  CHECK(x::integer_in_range("long", i128("9223372036854775807")));
  CHECK_FALSE(x::integer_in_range("long", i128("9223372036854775808")));
  CHECK(x::integer_in_range("long", i128("-9223372036854775808")));
  CHECK_FALSE(x::integer_in_range("long", i128("-9223372036854775809")));
  CHECK(x::integer_in_range("unsignedLong", i128("18446744073709551615")));
  CHECK_FALSE(x::integer_in_range("unsignedLong", i128("18446744073709551616")));
  CHECK_FALSE(x::integer_in_range("unsignedLong", -1));
  CHECK(x::integer_in_range("unsignedInt", 4294967295LL));
  CHECK_FALSE(x::integer_in_range("unsignedInt", 4294967296LL));
  CHECK(x::integer_in_range("unsignedShort", 65535));
  CHECK_FALSE(x::integer_in_range("unsignedShort", 65536));
  CHECK(x::integer_in_range("unsignedByte", 255));
  CHECK_FALSE(x::integer_in_range("unsignedByte", 256));
  CHECK(x::integer_in_range("nonNegativeInteger", 0));
  CHECK_FALSE(x::integer_in_range("nonNegativeInteger", -1));
  CHECK(x::integer_in_range("positiveInteger", 1));
  CHECK_FALSE(x::integer_in_range("positiveInteger", 0));
  CHECK(x::integer_in_range("nonPositiveInteger", 0));
  CHECK_FALSE(x::integer_in_range("nonPositiveInteger", 1));
  CHECK(x::integer_in_range("negativeInteger", -1));
  CHECK_FALSE(x::integer_in_range("negativeInteger", 0));
  CHECK(x::integer_in_range("integer", i128(kMax)));
  CHECK_FALSE(x::integer_in_range("decimal", 1));
  CHECK_FALSE(x::integer_in_range("Int", 1));
  for (const char* t : {"integer", "long", "int", "short", "byte", "nonNegativeInteger",
                        "positiveInteger", "nonPositiveInteger", "negativeInteger", "unsignedLong",
                        "unsignedInt", "unsignedShort", "unsignedByte"}) {
    INFO(t);
    CHECK(x::is_integer_type(t));
  }
  for (const char* t : {"decimal", "double", "float", "string", "", "integerx", "dateTime"}) {
    INFO(t);
    CHECK_FALSE(x::is_integer_type(t));
  }
}

TEST_CASE("xsd:boolean lexical forms and whitespace collapsing", "[rdf][xsd]") {
  CHECK(x::parse_boolean("true") == true);
  CHECK(x::parse_boolean("1") == true);
  CHECK(x::parse_boolean("false") == false);
  CHECK(x::parse_boolean("0") == false);
  for (const char* bad : {"TRUE", "True", "yes", "", " true", "01", "t"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_boolean(bad));
  }
  CHECK(x::collapse_ws("  a \t b\r\n\nc  ") == "a b c");
  CHECK(x::collapse_ws("") == "");
  CHECK(x::collapse_ws(" \t\n") == "");
  CHECK(x::collapse_ws("2024-01-01") == "2024-01-01");
  CHECK(x::collapse_ws("\u00a0x") == "\u00a0x");  // NBSP is not XML whitespace
}
