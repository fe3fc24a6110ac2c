// Date/time arithmetic: date/dateTime/time ± duration (F&O 3.1 §9.7.2-9.7.14, which defer to
// XSD Appendix E "Adding durations to dateTimes") and the difference of two values
// (op:subtract-dateTimes / -dates / -times).
//
// Months are added first, pinning the day to the end of a shorter month (2024-01-31 + P1M =
// 2024-02-29); then the seconds are added on the (local) time line. A date is treated as its
// starting instant 00:00:00 and the time of day of the result is dropped. The timezone of the
// operand is kept as it is. KIK-V extension: a general xsd:duration with both a month and a
// day-time part is accepted and applied the same way (months first).
#include "rdf/xsd.hpp"
#include "rdf/xsd_internal.hpp"

namespace kikv::rdf::xsd {

using detail::floor_div;
using detail::floor_mod;
using detail::kMaxYear;
using detail::kSecondsPerDay;

namespace {

constexpr int64_t kNanosPerSecond = 1'000'000'000;

bool is_date_time(TemporalKind k) {
  return k == TemporalKind::DateTime || k == TemporalKind::DateTimeStamp;
}

void set_time_of_day(Temporal& t, int64_t second_of_day) {
  t.hour = static_cast<uint8_t>(second_of_day / 3600);
  t.minute = static_cast<uint8_t>(second_of_day % 3600 / 60);
  t.second = static_cast<uint8_t>(second_of_day % 60);
}

std::optional<Temporal> add_to_time(const Temporal& t, const Duration& d) {
  // op:add-dayTimeDuration-to-time (F&O §9.7.13): only the day-time part counts, modulo one
  // day; the result wraps around midnight.
  if (d.kind == DurationKind::YearMonth) return std::nullopt;
  int64_t ns = static_cast<int64_t>(t.nanosecond) + d.nanoseconds;
  int64_t sod = t.hour * 3600 + t.minute * 60 + t.second + floor_mod(d.seconds, kSecondsPerDay) +
                floor_div(ns, kNanosPerSecond);
  Temporal r = t;
  set_time_of_day(r, floor_mod(sod, kSecondsPerDay));
  r.nanosecond = static_cast<uint32_t>(floor_mod(ns, kNanosPerSecond));
  return r;
}

}  // namespace

std::optional<Temporal> add(const Temporal& t, const Duration& d) {
  if (t.kind == TemporalKind::Time) return add_to_time(t, d);
  if (t.kind != TemporalKind::Date && !is_date_time(t.kind)) return std::nullopt;
  Temporal r = t;
  if (d.months != 0) {
    // XSD 1.1 Appendix E dateTimePlusDuration: months first, then pin the day to the month's
    // length.
    int64_t total;
    if (__builtin_mul_overflow(t.year, int64_t{12}, &total) ||
        __builtin_add_overflow(total, static_cast<int64_t>(t.month) - 1, &total) ||
        __builtin_add_overflow(total, d.months, &total)) {
      return std::nullopt;
    }
    r.year = floor_div(total, 12);
    if (r.year > kMaxYear || r.year < -kMaxYear) return std::nullopt;
    r.month = static_cast<uint8_t>(floor_mod(total, 12) + 1);
    const unsigned last = days_in_month(r.year, r.month);
    if (r.day > last) r.day = static_cast<uint8_t>(last);
  }
  if (d.seconds != 0 || d.nanoseconds != 0) {
    int64_t ns = static_cast<int64_t>(r.nanosecond) + d.nanoseconds;
    int64_t local = days_from_civil(r.year, r.month, r.day) * kSecondsPerDay + r.hour * 3600 +
                    r.minute * 60 + r.second;
    if (__builtin_add_overflow(local, d.seconds, &local) ||
        __builtin_add_overflow(local, floor_div(ns, kNanosPerSecond), &local)) {
      return std::nullopt;
    }
    unsigned month, day;
    detail::civil_from_days(floor_div(local, kSecondsPerDay), r.year, month, day);
    if (r.year > kMaxYear || r.year < -kMaxYear) return std::nullopt;
    r.month = static_cast<uint8_t>(month);
    r.day = static_cast<uint8_t>(day);
    if (r.kind == TemporalKind::Date) return r;  // the time of day is dropped (F&O §9.7.10)
    set_time_of_day(r, floor_mod(local, kSecondsPerDay));
    r.nanosecond = static_cast<uint32_t>(floor_mod(ns, kNanosPerSecond));
  }
  return r;
}

std::optional<Temporal> subtract(const Temporal& t, const Duration& d) {
  if (d.months == INT64_MIN || d.seconds == INT64_MIN) return std::nullopt;
  Duration n = d;
  n.months = -d.months;
  n.seconds = -d.seconds;
  n.nanoseconds = -d.nanoseconds;
  return add(t, n);
}

std::optional<Duration> subtract(const Temporal& a, const Temporal& b) {
  const bool ok = (a.kind == b.kind && (a.kind == TemporalKind::Date ||
                                        a.kind == TemporalKind::Time || is_date_time(a.kind))) ||
                  (is_date_time(a.kind) && is_date_time(b.kind));
  if (!ok) return std::nullopt;
  // A value without a timezone is taken as UTC (kikv's implicit timezone).
  const detail::Instant x = detail::utc_instant(a);
  const detail::Instant y = detail::utc_instant(b);
  int64_t ns = static_cast<int64_t>(x.nanos) - static_cast<int64_t>(y.nanos);
  int64_t s = x.seconds - y.seconds;
  // Same sign for seconds and nanoseconds.
  if (s > 0 && ns < 0) {
    --s;
    ns += kNanosPerSecond;
  } else if (s < 0 && ns > 0) {
    ++s;
    ns -= kNanosPerSecond;
  }
  Duration d;
  d.kind = DurationKind::DayTime;
  d.seconds = s;
  d.nanoseconds = static_cast<int32_t>(ns);
  return d;
}

}  // namespace kikv::rdf::xsd
