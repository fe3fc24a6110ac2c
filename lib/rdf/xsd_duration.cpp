// Durations as (months, seconds + nanoseconds): xsd:duration, xsd:yearMonthDuration and
// xsd:dayTimeDuration (XSD 1.1 Part 2 §3.3.6, §3.4.26-27), their canonical forms, equality and
// order, and the duration arithmetic of XPath F&O 3.1 §8.
#include <charconv>
#include <cmath>

#include "rdf/xsd.hpp"
#include "rdf/xsd_internal.hpp"

namespace kikv::rdf::xsd {

using detail::kSecondsPerDay;

namespace {

constexpr int64_t kNanosPerSecond = 1'000'000'000;

bool mul_add(int64_t& acc, int64_t value, int64_t factor) {
  int64_t p;
  if (__builtin_mul_overflow(value, factor, &p)) return false;
  return !__builtin_add_overflow(acc, p, &acc);
}

/// Unsigned integer made of the digits at s[i..]; false if there are none or on overflow.
bool read_uint(std::string_view s, std::size_t& i, int64_t& out) {
  std::size_t start = i;
  int64_t v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, s[i] - '0', &v)) {
      return false;
    }
    ++i;
  }
  out = v;
  return i > start;
}

bool is_zero(const Duration& d) { return d.months == 0 && d.seconds == 0 && d.nanoseconds == 0; }

Duration negated(const Duration& d) {
  Duration r = d;
  r.months = -d.months;
  r.seconds = -d.seconds;
  r.nanoseconds = -d.nanoseconds;
  return r;
}

/// seconds + nanoseconds as a decimal number of seconds.
Decimal seconds_decimal(const Duration& d) {
  return Decimal{static_cast<int128_t>(d.seconds) * kNanosPerSecond + d.nanoseconds, 9};
}

/// A whole number of nanoseconds as a day-time duration; nullopt if the seconds overflow.
std::optional<Duration> from_nanos(int128_t nanos, DurationKind kind) {
  int128_t s = nanos / kNanosPerSecond;
  int128_t ns = nanos % kNanosPerSecond;
  if (s > INT64_MAX || s < -INT64_MAX) return std::nullopt;
  Duration d;
  d.kind = kind;
  d.seconds = static_cast<int64_t>(s);
  d.nanoseconds = static_cast<int32_t>(ns);
  return d;
}

/// The decimal rounded to an integer, halves towards positive infinity (fn:round), when it fits
/// int128.
int128_t round_to_integer(const Decimal& d) { return round(d).units; }

/// Decimal with `scale` shifted down by k digits: the same digits read as value * 10^k.
Decimal times_pow10(Decimal d, int k) {
  // Only used with k <= scale, so no precision is lost.
  d.scale -= k;
  return d;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Lexical forms
// ---------------------------------------------------------------------------------------------

std::optional<Duration> parse_duration(DurationKind kind, std::string_view s) {
  // -?P(nY)?(nM)?(nD)?(T(nH)?(nM)?(n(.n)?S)?)?, at least one field, at least one after T.
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && s[i] == '-') {
    negative = true;
    ++i;
  }
  if (i >= s.size() || s[i] != 'P') return std::nullopt;
  ++i;
  int64_t months = 0, seconds = 0;
  int32_t nanos = 0;
  bool any = false, has_year_month = false, has_day = false, has_time = false;
  // Date part: designators must come in order Y, M, D.
  const char date_designators[] = {'Y', 'M', 'D'};
  int next = 0;
  while (i < s.size() && s[i] != 'T') {
    int64_t v;
    if (!read_uint(s, i, v) || i >= s.size()) return std::nullopt;
    char designator = s[i++];
    int k = next;
    while (k < 3 && date_designators[k] != designator) ++k;
    if (k == 3) return std::nullopt;
    next = k + 1;
    bool ok = designator == 'Y'   ? mul_add(months, v, 12)
              : designator == 'M' ? mul_add(months, v, 1)
                                  : mul_add(seconds, v, kSecondsPerDay);
    if (!ok) return std::nullopt;
    (designator == 'D' ? has_day : has_year_month) = true;
    any = true;
  }
  if (i < s.size() && s[i] == 'T') {
    ++i;
    const char time_designators[] = {'H', 'M', 'S'};
    int tnext = 0;
    bool any_time = false;
    while (i < s.size()) {
      int64_t v;
      if (!read_uint(s, i, v) || i >= s.size()) return std::nullopt;
      int32_t frac = 0;
      bool has_frac = false;
      if (s[i] == '.') {
        ++i;
        int n = 0;
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
          if (n < 9) {  // further digits are truncated
            frac = frac * 10 + (s[i] - '0');
            ++n;
          }
          ++i;
        }
        for (; n < 9; ++n) frac *= 10;
        has_frac = true;
        if (i >= s.size()) return std::nullopt;
      }
      char designator = s[i++];
      int k = tnext;
      while (k < 3 && time_designators[k] != designator) ++k;
      if (k == 3 || (has_frac && designator != 'S')) return std::nullopt;
      tnext = k + 1;
      int64_t factor = designator == 'H' ? 3600 : designator == 'M' ? 60 : 1;
      if (!mul_add(seconds, v, factor)) return std::nullopt;
      nanos = frac;
      any_time = true;
    }
    if (!any_time) return std::nullopt;
    any = has_time = true;
  }
  if (!any || i != s.size()) return std::nullopt;
  if (kind == DurationKind::YearMonth && (has_day || has_time)) return std::nullopt;
  if (kind == DurationKind::DayTime && has_year_month) return std::nullopt;
  Duration d;
  d.kind = kind;
  d.months = negative ? -months : months;
  d.seconds = negative ? -seconds : seconds;
  d.nanoseconds = negative ? -nanos : nanos;
  return d;
}

std::string to_string(const Duration& d) {
  if (is_zero(d)) return d.kind == DurationKind::YearMonth ? "P0M" : "PT0S";
  std::string s;
  s.reserve(32);
  const bool negative = d.months < 0 || d.seconds < 0 || d.nanoseconds < 0;
  if (negative) s += '-';
  s += 'P';
  auto append_uint = [&s](uint64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    s.append(buf, r.ptr);
  };
  auto num = [&](uint64_t v, char designator) {
    append_uint(v);
    s += designator;
  };
  const uint64_t months = d.months < 0 ? 0 - static_cast<uint64_t>(d.months)
                                       : static_cast<uint64_t>(d.months);
  if (months / 12 != 0) num(months / 12, 'Y');
  if (months % 12 != 0) num(months % 12, 'M');
  const uint64_t secs = d.seconds < 0 ? 0 - static_cast<uint64_t>(d.seconds)
                                      : static_cast<uint64_t>(d.seconds);
  const uint32_t nanos = static_cast<uint32_t>(d.nanoseconds < 0 ? -d.nanoseconds : d.nanoseconds);
  if (secs / 86400 != 0) num(secs / 86400, 'D');
  const uint64_t h = secs % 86400 / 3600, m = secs % 3600 / 60, sec = secs % 60;
  if (h != 0 || m != 0 || sec != 0 || nanos != 0) {
    s += 'T';
    if (h != 0) num(h, 'H');
    if (m != 0) num(m, 'M');
    if (sec != 0 || nanos != 0) {
      append_uint(sec);
      if (nanos != 0) {
        char buf[10];
        uint32_t n = nanos;
        for (int k = 8; k >= 0; --k) {
          buf[k] = static_cast<char>('0' + n % 10);
          n /= 10;
        }
        int len = 9;
        while (buf[len - 1] == '0') --len;
        s += '.';
        s.append(buf, static_cast<std::size_t>(len));
      }
      s += 'S';
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Equality and order
// ---------------------------------------------------------------------------------------------

bool equal(const Duration& a, const Duration& b) {
  return a.months == b.months && a.seconds == b.seconds && a.nanoseconds == b.nanoseconds;
}

std::optional<int> compare(const Duration& a, const Duration& b) {
  auto cmp_seconds = [](const Duration& x, const Duration& y) {
    if (x.seconds != y.seconds) return x.seconds < y.seconds ? -1 : 1;
    if (x.nanoseconds != y.nanoseconds) return x.nanoseconds < y.nanoseconds ? -1 : 1;
    return 0;
  };
  const bool no_time = a.seconds == 0 && a.nanoseconds == 0 && b.seconds == 0 && b.nanoseconds == 0;
  if (a.months == b.months || no_time) {
    if (a.months != b.months) return a.months < b.months ? -1 : 1;
    return cmp_seconds(a, b);
  }
  // Month parts differ and there are day-time parts: XSD 1.1 §3.3.6.2 (1.0 §3.2.6.2) orders
  // durations by adding them to four reference dateTimes; if the four results disagree, the
  // durations are incomparable.
  static constexpr int64_t kRefs[4][2] = {{1696, 9}, {1697, 2}, {1903, 3}, {1903, 7}};
  int result = 0;
  for (int k = 0; k < 4; ++k) {
    Temporal ref;
    ref.kind = TemporalKind::DateTime;
    ref.year = kRefs[k][0];
    ref.month = static_cast<uint8_t>(kRefs[k][1]);
    ref.day = 1;
    ref.has_tz = true;
    auto ra = add(ref, a);
    auto rb = add(ref, b);
    if (!ra || !rb) return std::nullopt;
    auto c = xsd::compare(*ra, *rb);
    if (!c) return std::nullopt;
    if (k == 0) {
      result = *c;
    } else if (*c != result) {
      return std::nullopt;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic (F&O 3.1 §8.4)
// ---------------------------------------------------------------------------------------------

std::optional<Duration> add(const Duration& a, const Duration& b) {
  if (a.kind != b.kind || a.kind == DurationKind::Duration) return std::nullopt;
  Duration r;
  r.kind = a.kind;
  if (__builtin_add_overflow(a.months, b.months, &r.months)) return std::nullopt;
  int128_t nanos = static_cast<int128_t>(a.seconds) * kNanosPerSecond + a.nanoseconds +
                   static_cast<int128_t>(b.seconds) * kNanosPerSecond + b.nanoseconds;
  auto t = from_nanos(nanos, a.kind);
  if (!t) return std::nullopt;
  r.seconds = t->seconds;
  r.nanoseconds = t->nanoseconds;
  return r;
}

std::optional<Duration> subtract(const Duration& a, const Duration& b) {
  if (b.months == INT64_MIN || b.seconds == INT64_MIN) return std::nullopt;
  return add(a, negated(b));
}

namespace {

/// d * factor (or d / factor when `divide`), rounded to whole months or nanoseconds.
std::optional<Duration> scale_duration(const Duration& d, double factor, bool divide) {
  if (d.kind == DurationKind::Duration || std::isnan(factor)) return std::nullopt;  // FOCA0005
  if (std::isinf(factor)) {
    if (!divide) return std::nullopt;  // d * ±INF overflows (err:FODT0002)
    Duration z;
    z.kind = d.kind;
    return z;  // d / ±INF is a zero-length duration
  }
  if (factor == 0) {
    if (divide) return std::nullopt;  // overflow (err:FODT0002)
    Duration z;
    z.kind = d.kind;
    return z;
  }
  // The factor as a decimal with Java's digits (2.1 is 2.1, not 2.100000000000000088...), so that
  // P2Y11M * 2.3 is exactly 80.5 months and rounds to P6Y9M as F&O §8.4.3 shows.
  auto f = decimal_from_double(factor);
  if (!f) return std::nullopt;
  if (d.kind == DurationKind::YearMonth) {
    auto v = divide ? xsd::divide(decimal_from_integer(d.months), *f)
                    : multiply(decimal_from_integer(d.months), *f);
    if (!v) return std::nullopt;
    int128_t months = round_to_integer(*v);
    if (months > INT64_MAX || months < -INT64_MAX) return std::nullopt;
    Duration r;
    r.kind = d.kind;
    r.months = static_cast<int64_t>(months);
    return r;
  }
  auto v = divide ? xsd::divide(seconds_decimal(d), *f) : multiply(seconds_decimal(d), *f);
  if (!v) return std::nullopt;
  // Round to whole nanoseconds (halves towards positive infinity, as fn:round).
  Decimal ns = *v;
  int128_t nanos;
  if (ns.scale >= 9) {
    nanos = round_to_integer(times_pow10(ns, 9));
  } else {
    nanos = ns.units;
    for (int k = ns.scale; k < 9; ++k) {
      if (nanos > detail::kInt128Max / 10 || nanos < -detail::kInt128Max / 10) return std::nullopt;
      nanos *= 10;
    }
  }
  return from_nanos(nanos, d.kind);
}

}  // namespace

std::optional<Duration> multiply(const Duration& d, double factor) {
  return scale_duration(d, factor, false);
}

std::optional<Duration> divide(const Duration& d, double divisor) {
  return scale_duration(d, divisor, true);
}

std::optional<Decimal> divide(const Duration& a, const Duration& b) {
  if (a.kind != b.kind) return std::nullopt;
  if (a.kind == DurationKind::YearMonth) {
    return xsd::divide(decimal_from_integer(a.months), decimal_from_integer(b.months));
  }
  if (a.kind == DurationKind::DayTime) return xsd::divide(seconds_decimal(a), seconds_decimal(b));
  return std::nullopt;
}

}  // namespace kikv::rdf::xsd
