// Durations: lexical spaces and canonical forms (XSD 1.1 Part 2 §3.3.6, §3.4.26, §3.4.27), the
// order relation (XSD 1.1 §3.3.6.2 / XSD 1.0 §3.2.6.2), and the examples of XPath F&O 3.1 §8.2
// (comparisons) and §8.4 (arithmetic).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "rdf/xsd.hpp"

namespace x = kikv::rdf::xsd;
using x::DurationKind;
using DK = DurationKind;

namespace {

x::Duration dur(DK kind, const char* text) {
  auto d = x::parse_duration(kind, text);
  INFO(text);
  REQUIRE(d.has_value());
  return *d;
}
x::Duration ym(const char* text) { return dur(DK::YearMonth, text); }
x::Duration dt(const char* text) { return dur(DK::DayTime, text); }
x::Duration du(const char* text) { return dur(DK::Duration, text); }

std::string canon(DK kind, const char* text) {
  auto d = x::parse_duration(kind, text);
  return d ? x::to_string(*d) : "invalid";
}

std::string str(const std::optional<x::Duration>& d) { return d ? x::to_string(*d) : "error"; }

std::string order(const x::Duration& a, const x::Duration& b) {
  auto r = x::compare(a, b);
  if (!r) return "?";
  return *r < 0 ? "<" : (*r > 0 ? ">" : "=");
}

}  // namespace

TEST_CASE("duration lexical spaces", "[rdf][xsd]") {
  for (const char* ok : {"P1Y2M3DT4H5M6.5S", "-P1D", "PT0S", "P0D", "P1Y", "P1M", "PT1M", "PT1H",
                         "P1DT1S", "PT0.000000001S", "P12M", "PT36H", "P1Y0M0DT0H0M0S", "-PT0S"}) {
    INFO(ok);
    CHECK(x::parse_duration(DK::Duration, ok).has_value());
  }
  for (const char* bad :
       {"", "P", "PT", "-P", "P1YT", "P1DT", "1D", "P-1D", "+P1D", "P1.5D", "PT1.5H", "PT1.5M",
        "P1M1Y", "P1D1M", "PT1S1M", "PT1M1H", "P1Y1Y", "p1D", "P1d", " P1D", "P1D ", "PT.5S",
        "PT5.S", "PT1.S", "P1W", "P1DT1HS", "P1DT-1H", "P99999999999999999999Y", "PT1,5S",
        "P1Y-1M", "PT1H1H"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_duration(DK::Duration, bad).has_value());
  }
  // xsd:yearMonthDuration: only Y and M; xsd:dayTimeDuration: only D, H, M, S.
  CHECK(x::parse_duration(DK::YearMonth, "P1Y2M"));
  CHECK(x::parse_duration(DK::YearMonth, "-P15M"));
  CHECK_FALSE(x::parse_duration(DK::YearMonth, "P1D"));
  CHECK_FALSE(x::parse_duration(DK::YearMonth, "P1Y1D"));
  CHECK_FALSE(x::parse_duration(DK::YearMonth, "PT1H"));
  CHECK_FALSE(x::parse_duration(DK::YearMonth, "P0YT0S"));
  CHECK(x::parse_duration(DK::DayTime, "P3DT55H"));
  CHECK(x::parse_duration(DK::DayTime, "PT1M"));  // minutes
  CHECK_FALSE(x::parse_duration(DK::DayTime, "P1Y"));
  CHECK_FALSE(x::parse_duration(DK::DayTime, "P1M"));
  CHECK_FALSE(x::parse_duration(DK::DayTime, "P1MT1H"));
  // The value is (months, seconds): F&O 3.1 §8.3 component examples.
  CHECK(ym("P20Y15M").months == 255);  // years-from-duration 21, months-from-duration 3
  CHECK(ym("-P15M").months == -15);
  CHECK(dt("P3DT55H").seconds == 3 * 86400 + 55 * 3600);  // days-from-duration 5
  CHECK(dt("-PT256S").seconds == -256);                    // seconds-from-duration -16.0
  auto frac = dt("P3DT10H12.5S");
  CHECK(frac.seconds == 3 * 86400 + 10 * 3600 + 12);
  CHECK(frac.nanoseconds == 500000000);
  auto neg = dt("-PT1.25S");
  CHECK(neg.seconds == -1);
  CHECK(neg.nanoseconds == -250000000);
}

TEST_CASE("durations have canonical forms (XSD 1.1 §3.3.6.2)", "[rdf][xsd]") {
  CHECK(canon(DK::DayTime, "PT25H") == "P1DT1H");
  CHECK(canon(DK::DayTime, "PT36H") == "P1DT12H");
  CHECK(canon(DK::DayTime, "PT60S") == "PT1M");
  CHECK(canon(DK::DayTime, "PT3600S") == "PT1H");
  CHECK(canon(DK::DayTime, "P1DT0H") == "P1D");
  CHECK(canon(DK::DayTime, "PT1.50S") == "PT1.5S");
  CHECK(canon(DK::DayTime, "P0D") == "PT0S");
  CHECK(canon(DK::DayTime, "-P0D") == "PT0S");
  CHECK(canon(DK::DayTime, "-PT0.5S") == "-PT0.5S");
  CHECK(canon(DK::DayTime, "PT0.1234567891S") == "PT0.123456789S");  // nanoseconds kept
  CHECK(canon(DK::YearMonth, "P0Y") == "P0M");
  CHECK(canon(DK::YearMonth, "-P0M") == "P0M");
  CHECK(canon(DK::YearMonth, "P13M") == "P1Y1M");
  CHECK(canon(DK::YearMonth, "P12M") == "P1Y");
  CHECK(canon(DK::Duration, "P0D") == "PT0S");
  CHECK(canon(DK::Duration, "P0Y") == "PT0S");
  CHECK(canon(DK::Duration, "P1Y0M0DT0H0M0S") == "P1Y");
  CHECK(canon(DK::Duration, "-P1D") == "-P1D");
  CHECK(canon(DK::Duration, "P1Y13M1DT25H") == "P2Y1M2DT1H");
  for (const char* c : {"P1Y2M3DT4H5M6.7S", "-P1D", "PT0S", "P1DT1H", "-P1Y1M", "PT0.000000001S",
                        "P10675199DT2H48M5S", "-P2DT15H"}) {
    INFO(c);
    CHECK(canon(DK::Duration, c) == c);
  }
  CHECK(canon(DK::YearMonth, "P0M") == "P0M");
}

TEST_CASE("op:duration-equal (F&O 3.1 §8.2.5)", "[rdf][xsd]") {
  CHECK(x::equal(du("P1Y"), du("P12M")));
  CHECK(x::equal(du("PT24H"), du("P1D")));
  CHECK_FALSE(x::equal(du("P1Y"), du("P365D")));
  CHECK(x::equal(ym("P0Y"), dt("P0D")));
  CHECK_FALSE(x::equal(ym("P1Y"), dt("P365D")));
  CHECK(x::equal(ym("P2Y"), ym("P24M")));
  CHECK(x::equal(dt("P10D"), dt("PT240H")));
  CHECK(x::equal(du("P2Y0M0DT0H0M0S"), ym("P24M")));
  CHECK(x::equal(du("P0Y0M10D"), dt("PT240H")));
  CHECK_FALSE(x::equal(dt("PT1.5S"), dt("PT1.4S")));
}

TEST_CASE("duration order: subtypes by value, xsd:duration by the XSD reference dates",
          "[rdf][xsd]") {
  // op:yearMonthDuration-less-than / op:dayTimeDuration-less-than (F&O 3.1 §8.2.1 - §8.2.4).
  CHECK(order(ym("P1Y"), ym("P13M")) == "<");
  CHECK(order(ym("-P1Y"), ym("P0M")) == "<");
  CHECK(order(ym("P2Y"), ym("P24M")) == "=");
  CHECK(order(dt("P1D"), dt("PT23H")) == ">");
  CHECK(order(dt("PT1.5S"), dt("PT1.25S")) == ">");
  CHECK(order(dt("-PT1.5S"), dt("-PT1.25S")) == "<");
  // XSD 1.0 §3.2.6.2 table (add to 1696-09-01, 1697-02-01, 1903-03-01, 1903-07-01):
  CHECK(order(du("P1Y"), du("P364D")) == ">");
  CHECK(order(du("P1Y"), du("P365D")) == "?");
  CHECK(order(du("P1Y"), du("P366D")) == "?");
  CHECK(order(du("P1Y"), du("P367D")) == "<");
  CHECK(order(du("P1M"), du("P27D")) == ">");
  CHECK(order(du("P1M"), du("P28D")) == "?");
  CHECK(order(du("P1M"), du("P29D")) == "?");
  CHECK(order(du("P1M"), du("P30D")) == "?");
  CHECK(order(du("P1M"), du("P31D")) == "?");
  CHECK(order(du("P1M"), du("P32D")) == "<");
  CHECK(order(du("P5M"), du("P149D")) == ">");
  CHECK(order(du("P5M"), du("P150D")) == "?");
  CHECK(order(du("P5M"), du("P153D")) == "?");
  CHECK(order(du("P5M"), du("P154D")) == "<");
  CHECK(order(du("P1Y"), du("P12M")) == "=");
  CHECK(order(du("P1M1D"), du("P1M")) == ">");
  CHECK(order(du("-P1D"), du("PT0S")) == "<");
}

TEST_CASE("duration arithmetic (F&O 3.1 §8.4)", "[rdf][xsd]") {
  // §8.4.1 op:add-yearMonthDurations, §8.4.2 op:subtract-yearMonthDurations
  CHECK(str(x::add(ym("P2Y11M"), ym("P3Y3M"))) == "P6Y2M");
  CHECK(str(x::subtract(ym("P2Y11M"), ym("P3Y3M"))) == "-P4M");
  // §8.4.3 op:multiply-yearMonthDuration (fn:round of 80.5 months), §8.4.4 divide
  CHECK(str(x::multiply(ym("P2Y11M"), 2.3)) == "P6Y9M");
  CHECK(str(x::divide(ym("P2Y11M"), 1.5)) == "P1Y11M");
  // §8.4.5 op:divide-yearMonthDuration-by-yearMonthDuration
  auto r1 = x::divide(ym("P3Y4M"), ym("-P1Y4M"));
  REQUIRE(r1);
  CHECK(x::to_string(*r1) == "-2.5");
  auto r2 = x::divide(ym("P3Y4M"), ym("P1M"));
  REQUIRE(r2);
  CHECK(x::to_string(*r2) == "40.0");
  // §8.4.6 op:add-dayTimeDurations, §8.4.7 op:subtract-dayTimeDurations
  CHECK(str(x::add(dt("P2DT12H5M"), dt("P5DT12H"))) == "P8DT5M");
  CHECK(str(x::subtract(dt("P2DT12H"), dt("P1DT10H30M"))) == "P1DT1H30M");
  // §8.4.8 op:multiply-dayTimeDuration, §8.4.9 op:divide-dayTimeDuration
  CHECK(str(x::multiply(dt("PT2H10M"), 2.1)) == "PT4H33M");
  CHECK(str(x::divide(dt("P1DT2H30M10.5S"), 1.5)) == "PT17H40M7S");
  // §8.4.10 op:divide-dayTimeDuration-by-dayTimeDuration: 175991 s / 122400 s, which F&O shows
  // rounded to 1.4378; and the number of seconds in P2DT53M11S.
  auto r3 = x::divide(dt("P2DT53M11S"), dt("P1DT10H"));
  REQUIRE(r3);
  CHECK(x::to_string(*r3) == "1.437834967320261437908497");
  auto r4 = x::divide(dt("P2DT53M11S"), dt("PT1S"));
  REQUIRE(r4);
  CHECK(x::to_string(*r4) == "175991.0");
}

TEST_CASE("duration arithmetic edge cases", "[rdf][xsd]") {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // Subtypes must match; xsd:duration itself has no arithmetic.
  CHECK_FALSE(x::add(ym("P1Y"), dt("P1D")));
  CHECK_FALSE(x::add(du("P1Y"), du("P1D")));
  CHECK_FALSE(x::subtract(dt("P1D"), ym("P1M")));
  CHECK_FALSE(x::multiply(du("P1D"), 2));
  CHECK_FALSE(x::divide(du("P1D"), du("P1D")));
  CHECK_FALSE(x::divide(ym("P1Y"), dt("P1D")));
  CHECK(str(x::add(dt("-P1D"), dt("PT1H"))) == "-PT23H");
  CHECK(str(x::add(dt("PT0.7S"), dt("PT0.6S"))) == "PT1.3S");
  CHECK(str(x::subtract(dt("PT1S"), dt("PT1.5S"))) == "-PT0.5S");
  CHECK(str(x::add(ym("P0M"), ym("P0M"))) == "P0M");
  // Overflow of the 64-bit months / seconds.
  CHECK_FALSE(x::add(ym("P768614336404564650Y"), ym("P768614336404564650Y")));
  CHECK_FALSE(x::multiply(dt("P1D"), 1e300));
  // F&O: zero factor gives a zero duration; ±INF factor overflows; NaN is FOCA0005;
  // dividing by ±0 overflows; dividing by ±INF gives zero.
  CHECK(str(x::multiply(ym("P1Y"), 0.0)) == "P0M");
  CHECK(str(x::multiply(dt("P1D"), -0.0)) == "PT0S");
  CHECK_FALSE(x::multiply(ym("P1Y"), inf));
  CHECK_FALSE(x::multiply(dt("P1D"), nan));
  CHECK_FALSE(x::divide(ym("P1Y"), 0.0));
  CHECK_FALSE(x::divide(dt("P1D"), nan));
  CHECK(str(x::divide(dt("P1D"), -inf)) == "PT0S");
  CHECK(str(x::divide(ym("P1Y"), inf)) == "P0M");
  CHECK_FALSE(x::divide(dt("P1D"), dt("PT0S")));
  CHECK_FALSE(x::divide(ym("P1Y"), ym("P0M")));
  // fn:round: halves go towards positive infinity (P1M * 2.5 = 2.5 -> 3, * -2.5 = -2.5 -> -2).
  CHECK(str(x::multiply(ym("P1M"), 2.5)) == "P3M");
  CHECK(str(x::multiply(ym("P1M"), -2.5)) == "-P2M");
  CHECK(str(x::multiply(dt("PT1S"), 0.5)) == "PT0.5S");
  CHECK(str(x::divide(dt("PT1S"), 3)) == "PT0.333333333S");
  CHECK(str(x::multiply(dt("-P1D"), 1.5)) == "-P1DT12H");
}
