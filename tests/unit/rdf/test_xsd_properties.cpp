// Invariants of the XSD value functions on pseudo-random inputs (fixed seed, so failures are
// reproducible): canonical forms read back to the same value, arithmetic inverses hold, and the
// order agrees with subtraction. These need no expected values, only the relations the specs
// guarantee.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <random>

#include "rdf/xsd.hpp"
#include "xsd_test_util.hpp"

namespace x = kikv::rdf::xsd;
using x::Decimal;

namespace {

std::mt19937_64& rng() {
  static std::mt19937_64 r(20240229);
  return r;
}

int64_t uniform(int64_t lo, int64_t hi) {
  return std::uniform_int_distribution<int64_t>(lo, hi)(rng());
}

Decimal random_decimal() {
  // Up to 19 digits at scale <= 15, so that sums and products of two stay exact.
  x::int128_t units = 0;
  int digits = static_cast<int>(uniform(1, 19));
  for (int i = 0; i < digits; ++i) units = units * 10 + uniform(0, 9);
  if (uniform(0, 1) == 1) units = -units;
  return Decimal{units, static_cast<int32_t>(uniform(0, std::min(digits, 15)))};
}

x::Temporal random_date_time() {
  x::Temporal t;
  t.kind = x::TemporalKind::DateTime;
  t.year = uniform(-3000, 12000);
  t.month = static_cast<uint8_t>(uniform(1, 12));
  t.day = static_cast<uint8_t>(uniform(1, x::days_in_month(t.year, t.month)));
  t.hour = static_cast<uint8_t>(uniform(0, 23));
  t.minute = static_cast<uint8_t>(uniform(0, 59));
  t.second = static_cast<uint8_t>(uniform(0, 59));
  t.nanosecond = uniform(0, 1) == 1 ? static_cast<uint32_t>(uniform(0, 999999999)) : 0;
  if (uniform(0, 1) == 1) {
    t.has_tz = true;
    t.tz_minutes = static_cast<int16_t>(uniform(-840, 840));
  }
  return t;
}

bool same_temporal(const x::Temporal& a, const x::Temporal& b) {
  return a.kind == b.kind && a.year == b.year && a.month == b.month && a.day == b.day &&
         a.hour == b.hour && a.minute == b.minute && a.second == b.second &&
         a.nanosecond == b.nanosecond && a.has_tz == b.has_tz &&
         (!a.has_tz || a.tz_minutes == b.tz_minutes);
}

}  // namespace

TEST_CASE("decimals: lexical round trip, exact sums and products", "[rdf][xsd]") {
  for (int i = 0; i < 2000; ++i) {
    const Decimal a = random_decimal();
    const Decimal b = random_decimal();
    const std::string sa = x::to_string_at_scale(a);
    INFO(sa << " " << x::to_string_at_scale(b));
    auto pa = x::parse_decimal(sa);
    REQUIRE(pa);
    CHECK(pa->units == a.units);
    CHECK(pa->scale == a.scale);
    auto canonical = x::parse_decimal(x::to_string(a));
    REQUIRE(canonical);
    CHECK(x::compare(*canonical, a) == 0);
    auto sum = x::add(a, b);
    REQUIRE(sum);
    auto back = x::subtract(*sum, b);
    REQUIRE(back);
    CHECK(x::compare(*back, a) == 0);
    CHECK(x::compare(a, b) == -x::compare(b, a));
    auto diff = x::subtract(a, b);
    REQUIRE(diff);
    CHECK(x::compare(a, b) == x::compare(*diff, Decimal{0, 0}));
    auto prod = x::multiply(a, b);
    REQUIRE(prod);
    if (b.units != 0) {
      auto quotient = x::divide(*prod, b);  // exact: the quotient terminates
      REQUIRE(quotient);
      CHECK(x::compare(*quotient, a) == 0);
    }
    // floor <= value <= ceil, and round is one of them.
    CHECK(x::compare(x::floor(a), a) <= 0);
    CHECK(x::compare(x::ceil(a), a) >= 0);
    const Decimal r = x::round(a);
    CHECK((x::compare(r, x::floor(a)) == 0 || x::compare(r, x::ceil(a)) == 0));
  }
}

TEST_CASE("doubles: printed forms parse back to the same bits", "[rdf][xsd]") {
  for (int i = 0; i < 20000; ++i) {
    uint64_t bits = rng()();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (!std::isfinite(v)) continue;
    const std::string s = x::to_string_double(v);
    INFO(s);
    auto back = x::parse_double(s);
    REQUIRE(back);
    CHECK(std::memcmp(&*back, &v, sizeof v) == 0);
    float f = static_cast<float>(v);
    if (!std::isfinite(f)) continue;
    auto fback = x::parse_float(x::to_string_float(f));
    REQUIRE(fback);
    CHECK(std::memcmp(&*fback, &f, sizeof f) == 0);
  }
}

TEST_CASE("dateTimes: canonical round trip, subtraction inverts addition", "[rdf][xsd]") {
  for (int i = 0; i < 3000; ++i) {
    const x::Temporal a = random_date_time();
    const x::Temporal b = random_date_time();
    const std::string sa = x::to_string(a);
    INFO(sa << " " << x::to_string(b));
    auto pa = x::parse_temporal(x::TemporalKind::DateTime, sa);
    REQUIRE(pa);
    CHECK(same_temporal(*pa, a));
    // b - a is a dayTimeDuration d with a + d == b on the time line (same timezone rules).
    if (a.has_tz == b.has_tz) {
      auto d = x::subtract(b, a);
      REQUIRE(d);
      auto b2 = x::add(a, *d);
      REQUIRE(b2);
      CHECK(x::compare(*b2, b) == 0);
      auto ord = x::compare(a, b);
      REQUIRE(ord);
      const bool pos = d->seconds > 0 || d->nanoseconds > 0;
      const bool neg = d->seconds < 0 || d->nanoseconds < 0;
      const int sign = pos ? 1 : (neg ? -1 : 0);
      CHECK(*ord == -sign);
      auto dstr = x::parse_duration(x::DurationKind::DayTime, x::to_string(*d));
      REQUIRE(dstr);
      CHECK(x::equal(*dstr, *d));
    }
    // Adding and then subtracting a dayTimeDuration returns to the start.
    x::Duration dt;
    dt.kind = x::DurationKind::DayTime;
    dt.seconds = uniform(-100000000, 100000000);
    dt.nanoseconds = static_cast<int32_t>(dt.seconds < 0 ? -uniform(0, 999999999)
                                                          : uniform(0, 999999999));
    auto there = x::add(a, dt);
    REQUIRE(there);
    auto back = x::subtract(*there, dt);
    REQUIRE(back);
    CHECK(same_temporal(*back, a));
  }
}
