// Dates and times: lexical spaces and canonical forms (XSD 1.1 Part 2 §3.3.7-3.3.15, §3.3.7.2
// for 24:00:00, §3.3.7.3 / XSD 1.0 §3.2.7.4 for the order with one timezone missing), the
// calendar, and the comparison examples of XPath F&O 3.1 §9.4.
#include <catch2/catch.hpp>

#include "rdf/xsd.hpp"

namespace x = kikv::rdf::xsd;
using x::TemporalKind;
using K = TemporalKind;

namespace {

x::Temporal tv(K kind, const char* text) {
  auto t = x::parse_temporal(kind, text);
  INFO(text);
  REQUIRE(t.has_value());
  return *t;
}

std::string canon(K kind, const char* text) {
  auto t = x::parse_temporal(kind, text);
  return t ? x::to_string(*t) : "invalid";
}

/// compare() as a string: "<", "=", ">" or "?" (indeterminate / not comparable).
std::string order(K kind, const char* a, const char* b) {
  auto r = x::compare(tv(kind, a), tv(kind, b));
  if (!r) return "?";
  return *r < 0 ? "<" : (*r > 0 ? ">" : "=");
}

}  // namespace

TEST_CASE("calendar: leap years, month lengths, day numbers", "[rdf][xsd]") {
  CHECK(x::is_leap_year(2024));
  CHECK(x::is_leap_year(2000));
  CHECK_FALSE(x::is_leap_year(1900));
  CHECK_FALSE(x::is_leap_year(2023));
  CHECK_FALSE(x::is_leap_year(2100));
  CHECK(x::is_leap_year(0));  // 1 BCE in XSD 1.1's numbering
  CHECK(x::is_leap_year(-4));
  CHECK_FALSE(x::is_leap_year(-1));
  CHECK(x::days_in_month(2024, 2) == 29);
  CHECK(x::days_in_month(2023, 2) == 28);
  CHECK(x::days_in_month(1900, 2) == 28);
  CHECK(x::days_in_month(2000, 2) == 29);
  CHECK(x::days_in_month(2024, 4) == 30);
  CHECK(x::days_in_month(2024, 1) == 31);
  CHECK(x::days_in_month(2024, 12) == 31);
  CHECK(x::days_in_month(2024, 13) == 0);
  CHECK(x::days_from_civil(1970, 1, 1) == 0);
  CHECK(x::days_from_civil(1969, 12, 31) == -1);
  CHECK(x::days_from_civil(2000, 3, 1) == 11017);
  CHECK(x::days_from_civil(2024, 1, 1) == 19723);
  CHECK(x::days_from_civil(1, 1, 1) == -719162);
  CHECK(x::days_from_civil(9999, 12, 31) == 2932896);
  CHECK(x::days_from_civil(0, 3, 1) == -719468);
  CHECK(x::days_from_civil(2024, 3, 1) - x::days_from_civil(2024, 2, 1) == 29);
  CHECK(x::days_from_civil(2023, 3, 1) - x::days_from_civil(2023, 2, 1) == 28);
}

TEST_CASE("xsd:date and xsd:dateTime lexical space", "[rdf][xsd]") {
  for (const char* ok : {"2024-02-29", "2000-02-29", "2024-01-31", "9999-12-31", "10000-01-01",
                         "-0001-01-01", "0000-01-01", "2024-01-01Z", "2024-01-01+14:00",
                         "2024-01-01-14:00", "2024-01-01+13:59", "2024-01-01-00:00",
                         "999999999-12-31"}) {
    INFO(ok);
    CHECK(x::parse_temporal(K::Date, ok).has_value());
  }
  for (const char* bad :
       {"2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-06-31", "2024-09-31",
        "2024-11-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "2024-1-01",
        "2024-01-1", "24-01-01", "02024-01-01", "+2024-01-01", " 2024-01-01", "2024-01-01 ",
        "2024/01/01", "2024-01-01T00:00:00", "2024-01-01+14:01", "2024-01-01-14:01",
        "2024-01-01+15:00", "2024-01-01+1:00", "2024-01-01+01:60", "2024-01-01+0100", "2024-01-01z",
        "2024-01-01ZZ", "", "1000000000-01-01"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_temporal(K::Date, bad).has_value());
  }
  for (const char* ok : {"2024-01-01T12:00:00", "2024-01-01T12:00:00.5+01:00",
                         "2024-01-01T23:59:59.999999999Z", "2024-01-01T24:00:00",
                         "2024-01-01T24:00:00.000", "-0044-03-15T12:00:00"}) {
    INFO(ok);
    CHECK(x::parse_temporal(K::DateTime, ok).has_value());
  }
  for (const char* bad : {"2024-01-01", "2024-01-01T24:00:01", "2024-01-01T24:00:00.1",
                          "2024-01-01T24:01:00", "2024-01-01T23:60:00", "2024-01-01T23:59:60",
                          "2024-01-01T1:00:00", "2024-01-01T12:00", "2024-01-01T12:00:00.",
                          "2024-01-01t12:00:00", "2024-01-01 12:00:00", "2024-02-30T00:00:00",
                          "2024-01-01T12:00:00+14:30"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_temporal(K::DateTime, bad).has_value());
  }
  // xsd:dateTimeStamp requires the timezone.
  CHECK_FALSE(x::parse_temporal(K::DateTimeStamp, "2024-01-01T00:00:00"));
  CHECK(canon(K::DateTimeStamp, "2024-01-01T00:00:00+00:00") == "2024-01-01T00:00:00Z");
}

TEST_CASE("date/time values have canonical forms", "[rdf][xsd]") {
  // Fraction without trailing zeros, "Z" for a zero offset, the offset kept otherwise.
  CHECK(canon(K::DateTime, "2024-01-01T12:00:00.500Z") == "2024-01-01T12:00:00.5Z");
  CHECK(canon(K::DateTime, "2024-01-01T12:00:00.000") == "2024-01-01T12:00:00");
  CHECK(canon(K::DateTime, "2024-01-01T12:00:00.5+01:00") == "2024-01-01T12:00:00.5+01:00");
  CHECK(canon(K::DateTime, "2024-01-01T12:00:00-00:00") == "2024-01-01T12:00:00Z");
  CHECK(canon(K::DateTime, "2024-01-01T12:00:00+00:00") == "2024-01-01T12:00:00Z");
  // More than 9 fraction digits are truncated to nanoseconds.
  CHECK(canon(K::DateTime, "2024-01-01T12:00:00.1234567891") == "2024-01-01T12:00:00.123456789");
  CHECK(canon(K::Time, "12:00:00.000000001") == "12:00:00.000000001");
  // 24:00:00 is the first instant of the next day (XSD 1.1 §3.3.7.2).
  CHECK(canon(K::DateTime, "2024-01-01T24:00:00") == "2024-01-02T00:00:00");
  CHECK(canon(K::DateTime, "2024-02-28T24:00:00") == "2024-02-29T00:00:00");
  CHECK(canon(K::DateTime, "2024-12-31T24:00:00Z") == "2025-01-01T00:00:00Z");
  CHECK(canon(K::DateTime, "9999-12-31T24:00:00") == "10000-01-01T00:00:00");
  CHECK(canon(K::Time, "24:00:00") == "00:00:00");
  CHECK(canon(K::Time, "24:00:00+01:00") == "00:00:00+01:00");
  // F&O 3.1 §9.5.1 fn:year-from-dateTime examples: 1999-12-31T24:00:00 is in 2000; -0002 is -2.
  CHECK(tv(K::DateTime, "1999-12-31T24:00:00").year == 2000);
  CHECK(tv(K::DateTime, "-0002-06-06T00:00:00").year == -2);
  CHECK(canon(K::Date, "-0001-01-01") == "-0001-01-01");
  CHECK(canon(K::Date, "-10000-01-01") == "-10000-01-01");
  CHECK(canon(K::Date, "-0000-01-01") == "0000-01-01");
  CHECK(canon(K::Date, "2024-01-01-05:00") == "2024-01-01-05:00");
  // Round trips of canonical forms (what term-id inlining relies on).
  const std::pair<K, const char*> forms[] = {
      {K::DateTime, "2024-03-01T08:15:30.25-05:00"}, {K::DateTime, "0001-01-01T00:00:00Z"},
      {K::Date, "2024-02-29"},                       {K::Date, "2024-02-29+14:00"},
      {K::Time, "23:59:59.999"},                     {K::Time, "00:00:00Z"},
      {K::GYear, "2024"},                            {K::GYear, "-0044"},
      {K::GYear, "12345Z"},                          {K::GYearMonth, "2024-05"},
      {K::GYearMonth, "2024-05-03:00"},              {K::GMonth, "--05"},
      {K::GMonth, "--12Z"},                          {K::GMonthDay, "--05-01"},
      {K::GMonthDay, "--02-29+01:00"},               {K::GDay, "---01"},
      {K::GDay, "---31-14:00"},
      {K::DateTimeStamp, "2024-01-01T00:00:00+01:00"},
  };
  for (const auto& [kind, text] : forms) {
    INFO(text);
    CHECK(canon(kind, text) == text);
  }
}

TEST_CASE("g* kinds and xsd:time lexical space", "[rdf][xsd]") {
  for (const char* bad : {"24", "024", "2024-01", "2024Z ", "+2024", "02024"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_temporal(K::GYear, bad));
  }
  for (const char* bad : {"2024-5", "2024-13", "2024-00", "2024"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_temporal(K::GYearMonth, bad));
  }
  for (const char* bad : {"--5", "--13", "--00", "-05", "05", "--05--", "--05-01"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_temporal(K::GMonth, bad));
  }
  CHECK(x::parse_temporal(K::GMonthDay, "--02-29"));  // valid in leap years
  for (const char* bad :
       {"--02-30", "--04-31", "--06-31", "--13-01", "--5-01", "--05-1", "-05-01"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_temporal(K::GMonthDay, bad));
  }
  for (const char* bad : {"---32", "---00", "---1", "--01", "---011"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_temporal(K::GDay, bad));
  }
  for (const char* bad : {"24:00:01", "25:00:00", "12:60:00", "12:00:60", "12:00", "1:00:00",
                          "12:00:00.", "T12:00:00", "12:00:00+14:01"}) {
    INFO(bad);
    CHECK_FALSE(x::parse_temporal(K::Time, bad));
  }
  auto t = tv(K::GMonthDay, "--05-01Z");
  CHECK(t.month == 5);
  CHECK(t.day == 1);
  CHECK(t.has_tz);
  auto tz = tv(K::Time, "10:00:00-05:30");
  CHECK(tz.tz_minutes == -330);
}

TEST_CASE("op:dateTime-equal and friends (F&O 3.1 §9.4)", "[rdf][xsd]") {
  // op:dateTime-equal examples that do not depend on the implicit timezone.
  CHECK(order(K::DateTime, "2002-04-02T12:00:00-01:00", "2002-04-02T17:00:00+04:00") == "=");
  CHECK(order(K::DateTime, "2002-04-02T12:00:00", "2002-04-02T17:00:00") == "<");
  CHECK(order(K::DateTime, "2002-04-02T12:00:00", "2002-04-02T12:00:00") == "=");
  CHECK(order(K::DateTime, "2002-04-02T23:00:00-04:00", "2002-04-03T02:00:00-01:00") == "=");
  CHECK(order(K::DateTime, "1999-12-31T24:00:00", "2000-01-01T00:00:00") == "=");
  CHECK(order(K::DateTime, "2005-04-04T24:00:00", "2005-04-04T00:00:00") == ">");
  // op:date-equal / op:date-less-than / op:date-greater-than.
  CHECK(order(K::Date, "2004-12-25Z", "2004-12-25+07:00") == ">");
  CHECK(order(K::Date, "2004-12-25-12:00", "2004-12-26+12:00") == "=");
  CHECK(order(K::Date, "2004-12-25Z", "2004-12-25-05:00") == "<");
  // op:time-equal / op:time-less-than / op:time-greater-than (reference date 1972-12-31).
  CHECK(order(K::Time, "08:00:00+09:00", "17:00:00-06:00") == "<");
  CHECK(order(K::Time, "21:30:00+10:30", "06:00:00-05:00") == "=");
  CHECK(order(K::Time, "24:00:00+01:00", "00:00:00+01:00") == "=");
  CHECK(order(K::Time, "23:59:59", "24:00:00") == ">");
  // op:gYear-equal, op:gMonthDay-equal, op:gMonth-equal, op:gDay-equal, op:gYearMonth-equal.
  CHECK(order(K::GYear, "2005-12:00", "2005+12:00") == ">");
  CHECK(order(K::GMonthDay, "--12-25-14:00", "--12-26+10:00") == "=");
  CHECK(order(K::GMonthDay, "--12-25", "--12-26Z") == "<");
  CHECK(order(K::GMonth, "--12-14:00", "--12+10:00") == ">");
  CHECK(order(K::GDay, "---25-14:00", "---25+10:00") == ">");
  CHECK(order(K::GYearMonth, "1986-02", "1986-03") == "<");
  CHECK(order(K::GYearMonth, "1978-03", "1986-03Z") == "<");
  CHECK(order(K::DateTimeStamp, "2024-01-01T00:00:00Z", "2024-01-01T01:00:00+01:00") == "=");
  // dateTime and dateTimeStamp compare; other kinds do not mix.
  CHECK(x::compare(tv(K::DateTime, "2024-01-01T00:00:00Z"),
                   tv(K::DateTimeStamp, "2024-01-01T00:00:01Z")) == -1);
  CHECK_FALSE(x::compare(tv(K::Date, "2024-01-01"), tv(K::DateTime, "2024-01-01T00:00:00")));
  CHECK_FALSE(x::compare(tv(K::GYear, "2024"), tv(K::GYearMonth, "2024-01")));
}

TEST_CASE("one value with and one without timezone: the ±14:00 window", "[rdf][xsd]") {
  // XSD 1.0 §3.2.7.4 / XSD 1.1 §3.3.7.3 examples. Determinate:
  CHECK(order(K::DateTime, "2000-01-15T00:00:00", "2000-02-15T00:00:00") == "<");
  CHECK(order(K::DateTime, "2000-01-15T12:00:00", "2000-01-16T12:00:00Z") == "<");
  // Indeterminate:
  CHECK(order(K::DateTime, "2000-01-01T12:00:00", "1999-12-31T23:00:00Z") == "?");
  CHECK(order(K::DateTime, "2000-01-16T12:00:00", "2000-01-16T12:00:00Z") == "?");
  CHECK(order(K::DateTime, "2000-01-16T00:00:00", "2000-01-16T12:00:00Z") == "?");
  // Boundary: exactly 14 hours apart is still indeterminate, one second more is not.
  CHECK(order(K::DateTime, "2000-01-15T22:00:00", "2000-01-16T12:00:00Z") == "?");
  CHECK(order(K::DateTime, "2000-01-15T21:59:59", "2000-01-16T12:00:00Z") == "<");
  CHECK(order(K::DateTime, "2000-01-16T12:00:00Z", "2000-01-15T21:59:59") == ">");
  CHECK(order(K::DateTime, "2000-01-17T02:00:00", "2000-01-16T12:00:00Z") == "?");
  CHECK(order(K::DateTime, "2000-01-17T02:00:00.000000001", "2000-01-16T12:00:00Z") == ">");
  // F&O 3.1 evaluates these with the implicit timezone -05:00 (true / true); kikv has no implicit
  // timezone for comparisons and reports them as indeterminate.
  CHECK(order(K::DateTime, "2002-04-02T12:00:00", "2002-04-02T23:00:00+06:00") == "?");
  CHECK(order(K::Time, "11:00:00", "17:00:00Z") == "?");
  // Far apart: determinate whatever the timezone.
  CHECK(order(K::Date, "2024-01-01", "2024-01-03Z") == "<");
  CHECK(order(K::GYear, "1976", "1977Z") == "<");
}
