// xsd:double / xsd:float: lexical space (XSD 1.1 Part 2 §3.3.4-3.3.5) and the form Jena prints
// for computed values. Every expected string below is Apache Jena's output (ARQ 4.5, OpenJDK 17)
// for the SPARQL expression in the comment, obtained with
//   ../shared/peers/run jena Q.rq empty.ttl   (Q.rq: SELECT (EXPR AS ?v) WHERE {})
// Jena prints Java's Double.toString(d) (+ "e0" when there is no exponent) and Float.toString(f).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "rdf/xsd.hpp"

namespace x = kikv::rdf::xsd;

TEST_CASE("xsd:double lexical forms are parsed exactly", "[rdf][xsd]") {
  // XSD 1.1 §3.3.5.1 doubleRep: all of these are in the lexical space.
  CHECK(x::parse_double("1") == 1.0);
  CHECK(x::parse_double("-1.5") == -1.5);
  CHECK(x::parse_double("+1.5") == 1.5);
  CHECK(x::parse_double(".5") == 0.5);
  CHECK(x::parse_double("5.") == 5.0);
  CHECK(x::parse_double("-.5e1") == -5.0);
  CHECK(x::parse_double("1e3") == 1000.0);
  CHECK(x::parse_double("1E-3") == 0.001);
  CHECK(x::parse_double("1e+3") == 1000.0);
  CHECK(x::parse_double("0012.50") == 12.5);
  CHECK(x::parse_double("INF") == std::numeric_limits<double>::infinity());
  CHECK(x::parse_double("+INF") == std::numeric_limits<double>::infinity());
  CHECK(x::parse_double("-INF") == -std::numeric_limits<double>::infinity());
  auto nan = x::parse_double("NaN");
  REQUIRE(nan);
  CHECK(std::isnan(*nan));
  auto neg_zero = x::parse_double("-0");
  REQUIRE(neg_zero);
  CHECK(*neg_zero == 0.0);
  CHECK(std::signbit(*neg_zero));
  // Correct rounding of long mantissas.
  CHECK(x::parse_double("0.1") == 0.1);
  CHECK(x::parse_double("2.2250738585072014E-308") == std::numeric_limits<double>::min());
  CHECK(x::parse_double("4.9e-324") == std::numeric_limits<double>::denorm_min());
  CHECK(x::parse_double("1.7976931348623157E308") == std::numeric_limits<double>::max());
  // Out of range: the XSD 1.1 lexical mapping rounds to ±INF / ±0.
  CHECK(x::parse_double("1e400") == std::numeric_limits<double>::infinity());
  CHECK(x::parse_double("-1e400") == -std::numeric_limits<double>::infinity());
  CHECK(x::parse_double("1e-400") == 0.0);
  auto tiny_neg = x::parse_double("-1e-400");
  REQUIRE(tiny_neg);
  CHECK(std::signbit(*tiny_neg));
  CHECK(x::parse_double("0e999999999999") == 0.0);
}

TEST_CASE("strings outside the xsd:double lexical space are rejected", "[rdf][xsd]") {
  for (const char* bad : {"", " 1", "1 ", "inf", "Inf", "+inf", "infinity", "Infinity", "nan",
                          "NAN", "-NaN", "+NaN", "1e", "1e+", "e3", ".", "+", "-", ".e1", "1.5.2",
                          "1,5", "0x10", "1f", "1d", "--1", "+-1", "1e1.5", "INF1", "1 e3"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_double(bad).has_value());
    CHECK_FALSE(x::parse_float(bad).has_value());
  }
}

TEST_CASE("xsd:float parses directly to the nearest float", "[rdf][xsd]") {
  CHECK(x::parse_float("1.5") == 1.5f);
  CHECK(x::parse_float("-INF") == -std::numeric_limits<float>::infinity());
  CHECK(x::parse_float("3.4028235e38") == std::numeric_limits<float>::max());
  CHECK(x::parse_float("3.5e38") == std::numeric_limits<float>::infinity());
  CHECK(x::parse_float("1.4e-45") == std::numeric_limits<float>::denorm_min());
  CHECK(x::parse_float("1e-46") == 0.0f);
  CHECK(x::parse_float("16777217") == 16777216.0f);
  // Just above the midpoint between 1 and the next float: rounding via double would land on the
  // midpoint and then round to even (1.0f); the correct float is the upper neighbour.
  CHECK(x::parse_float("1.0000000596046447755") == std::nextafter(1.0f, 2.0f));
}

TEST_CASE("computed doubles print as Jena prints them", "[rdf][xsd]") {
  struct Case {
    double value;
    const char* jena;
  };
  const double d1e0 = 1.0;
  const Case cases[] = {
      {d1e0 + 1, "2.0e0"},                        // 1e0+1
      {1.5e2 + 0, "150.0e0"},                     // 1.5e2+0
      {0.001 + 0, "0.001e0"},                     // 0.001e0+0   (1e-3: still plain)
      {2e-3 * 1, "0.002e0"},                      // 2e-3*1
      {1.0e-3 * 9.99, "0.00999e0"},               // 1.0E-3*9.99
      {9.999e-4 + 0, "9.999E-4"},                 // 9.999e-4+0  (below 1e-3: scientific)
      {1e-3 * 0.5, "5.0E-4"},                     // 1e-3*0.5
      {0.0001 + 0, "1.0E-4"},                     // 0.0001e0+0
      {1e-5 * 1.5, "1.5000000000000002E-5"},      // 1e-5*1.5
      {1e-7 + 0, "1.0E-7"},                       // 1e-7+0
      {1e6 + 0, "1000000.0e0"},                   // 1e6+0
      {1234567.0 + 0, "1234567.0e0"},             // 1234567e0+0
      {9999999.0 + 0, "9999999.0e0"},             // 9999999e0+0 (below 1e7: plain)
      {1e7 + 0, "1.0E7"},                         // 1e7+0       (1e7: scientific)
      {12345678.0 + 0, "1.2345678E7"},            // 12345678e0+0
      {99999999.0 + 0, "9.9999999E7"},            // 99999999e0+0
      {123456789.0 + 0, "1.23456789E8"},          // 123456789e0+0
      {12345.678 + 0, "12345.678e0"},             // 12345.678e0+0
      {0.5 + 0, "0.5e0"},                         // 0.5e0+0
      {-1.5 * 2, "-3.0e0"},                       // -1.5e0*2
      {0.1 + 0.2, "0.30000000000000004e0"},       // 0.1e0+0.2
      {1.1 * 1.1, "1.2100000000000002e0"},        // 1.1e0*1.1
      {d1e0 / 3, "0.3333333333333333e0"},         // 1e0/3
      {2 * d1e0 / 3, "0.6666666666666666e0"},     // 2e0/3
      {100 * d1e0 / 3, "33.333333333333336e0"},   // 100e0/3
      {1e21 + 0, "1.0E21"},                       // 1e21+0
      {1e22 + 0, "1.0E22"},                       // 1e22+0
      {2.0 * 1e22, "2.0E22"},                     // 2e0*1e22
      {1.0e16 + 0, "1.0E16"},                     // 1.0e16+0
      {9007199254740993.0 + 0, "9.007199254740992E15"},       // 9007199254740993e0+0
      {123456789012345678.0 + 0, "1.2345678901234568E17"},    // 123456789012345678e0+0
      {1.7976931348623157E308 + 0, "1.7976931348623157E308"}, // 1.7976931348623157E308+0
      {2.2250738585072014E-308 + 0, "2.2250738585072014E-308"},
      {4.9e-324 + 0, "4.9E-324"},                 // 4.9e-324+0 (smallest subnormal)
      {d1e0 - 1, "0.0e0"},                        // 1e0-1e0
      {-d1e0 + 1, "0.0e0"},                       // -1e0+1
      {0.0 * -1, "-0.0e0"},                       // 0.0e0*-1
      {d1e0 / 0.0, "INF"},                        // 1e0/0
      {-d1e0 / 0.0, "-INF"},                      // -1e0/0
      {1e300 * 1e10, "INF"},                      // 1e300*1e10
      // Java (before JDK 19) does not always print the shortest round-trip digits; Jena shows
      // the same digits:
      {5.684341886080802e-14 + 0, "5.6843418860808015E-14"},  // 5.684341886080802e-14 + 0
      {834994418359195136.0 + 0, "8.3499441835919514E17"},    // 834994418359195136e0 + 0
      {7e22 + 0, "7.0000000000000004E22"},                    // 7e22+0
      {1e23 + 0, "9.999999999999999E22"},                     // 1e23+0
  };
  for (const auto& c : cases) {
    INFO(c.jena);
    CHECK(x::to_string_double(c.value) == c.jena);
  }
  const double zero = 0.0;
  CHECK(x::to_string_double(zero / zero) == "NaN");  // 0e0/0
}

TEST_CASE("computed floats print as Jena prints them", "[rdf][xsd]") {
  struct Case {
    float value;
    const char* jena;
  };
  const float one = 1.0f;
  const Case cases[] = {
      {1.5f + one, "2.5"},                    // xsd:float("1.5")+xsd:float("1")
      {0.1f * 3.0f, "0.3"},                   // xsd:float("0.1")*xsd:float("3")
      {one / 3.0f, "0.33333334"},             // xsd:float("1")/xsd:float("3")
      {one + 1.0f, "2.0"},                    // xsd:float("1")+1
      {1e10f * one, "1.0E10"},                // xsd:float("1e10")*xsd:float("1")
      {1e-5f + 0.0f, "1.0E-5"},               // xsd:float("1e-5")+xsd:float("0")
      {1e-3f * one, "0.001"},                 // xsd:float("1e-3")*xsd:float("1")
      {9999999.0f * one, "9999999.0"},        // xsd:float("9999999")*xsd:float("1")
      {1e7f * one, "1.0E7"},                  // xsd:float("1e7")*xsd:float("1")
      {16777216.0f * one, "1.6777216E7"},     // xsd:float("16777217")*xsd:float("1")
      {123456792.0f * one, "1.23456792E8"},   // xsd:float("123456789")*xsd:float("1")
      {3.4028235e38f * one, "3.4028235E38"},  // xsd:float("3.4028235e38")*xsd:float("1")
      {1e-40f * one, "1.0E-40"},              // xsd:float("1e-40")*xsd:float("1") (subnormal)
      {1.4e-45f * one, "1.4E-45"},            // xsd:float("1.4e-45")*xsd:float("1")
      {-2.5f * one, "-2.5"},                  // xsd:float("-2.5")*xsd:float("1")
      {0.0f * -one, "-0.0"},                  // xsd:float("0")*xsd:float("-1")
      {one / 0.0f, "INF"},                    // xsd:float("1")/xsd:float("0")
  };
  for (const auto& c : cases) {
    INFO(c.jena);
    CHECK(x::to_string_float(c.value) == c.jena);
  }
  CHECK(x::to_string_float(-std::numeric_limits<float>::infinity()) == "-INF");
  CHECK(x::to_string_float(std::numeric_limits<float>::quiet_NaN()) == "NaN");
}

TEST_CASE("printed doubles and floats read back to the same value", "[rdf][xsd]") {
  // The printed forms are always in the lexical space and round-trip (Java's digits are not
  // always the shortest, but always enough).
  for (double v : {0.1, 1.0 / 3, 5.684341886080802e-14, 7e22, 1e23, 834994418359195136.0,
                   4.9e-324, 1.7976931348623157E308, -123.456, 2.5e-7}) {
    auto s = x::to_string_double(v);
    INFO(s);
    auto back = x::parse_double(s);
    REQUIRE(back);
    CHECK(*back == v);
  }
  for (float v : {0.1f, 1.0f / 3, 1e-40f, 3.4028235e38f, -7.25f, 123456792.0f}) {
    auto s = x::to_string_float(v);
    INFO(s);
    auto back = x::parse_float(s);
    REQUIRE(back);
    CHECK(*back == v);
  }
}
