// Dates and times in the seven-property model of XSD 1.1 Part 2 (§3.3.7 - §3.3.15, §D.2):
// lexical parsing, canonical formatting, the proleptic Gregorian calendar and the order relation
// (§3.3.7.3 / F&O 3.1 §9.4) with the ±14:00 window when only one value has a timezone.
#include <cstdio>

#include "rdf/xsd.hpp"
#include "rdf/xsd_internal.hpp"

namespace kikv::rdf::xsd {

using detail::Instant;
using detail::kMaxYear;
using detail::kSecondsPerDay;

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------

bool is_leap_year(int64_t year) {
  // Astronomical numbering (XSD 1.1): year 0 is 1 BCE and a leap year.
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(int64_t year, unsigned month) {
  static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

int64_t days_from_civil(int64_t year, unsigned month, unsigned day) {
  // Days in 400-year eras, counting years from March so that the leap day comes last.
  const int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = detail::floor_div(y, 400);
  const int64_t yoe = y - era * 400;                                     // [0, 399]
  const int64_t mp = month > 2 ? month - 3 : month + 9;                  // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + static_cast<int64_t>(day) - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + doe - 719468;
}

namespace detail {

void civil_from_days(int64_t days, int64_t& year, unsigned& month, unsigned& day) {
  const int64_t z = days + 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;                                   // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);           // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                 // [0, 11]
  day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  year = yoe + era * 400 + (month <= 2 ? 1 : 0);
}

Instant local_instant(const Temporal& t) {
  // F&O 3.1 §9.4: missing components come from the template 1972-12-31T00:00:00 (gYear and
  // gYearMonth use January / day 1 of their own year).
  int64_t year = 1972;
  unsigned month = 12, day = 31;
  switch (t.kind) {
    case TemporalKind::DateTime:
    case TemporalKind::DateTimeStamp:
    case TemporalKind::Date:
      year = t.year;
      month = t.month;
      day = t.day;
      break;
    case TemporalKind::Time:
      break;
    case TemporalKind::GYear:
      year = t.year;
      month = 1;
      day = 1;
      break;
    case TemporalKind::GYearMonth:
      year = t.year;
      month = t.month;
      day = 1;
      break;
    case TemporalKind::GMonth:
      month = t.month;
      day = 1;
      break;
    case TemporalKind::GMonthDay:
      month = t.month;
      day = t.day;
      break;
    case TemporalKind::GDay:
      day = t.day;
      break;
  }
  Instant i;
  i.seconds = days_from_civil(year, month, day) * kSecondsPerDay + t.hour * 3600 +
              t.minute * 60 + t.second;
  i.nanos = t.nanosecond;
  return i;
}

Instant utc_instant(const Temporal& t) {
  Instant i = local_instant(t);
  if (t.has_tz) i.seconds -= static_cast<int64_t>(t.tz_minutes) * 60;
  return i;
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

namespace {

struct Cursor {
  std::string_view s;
  std::size_t i = 0;

  bool done() const { return i == s.size(); }
  bool peek(char c) const { return i < s.size() && s[i] == c; }
  bool eat(char c) {
    if (!peek(c)) return false;
    ++i;
    return true;
  }
  bool digit_at(std::size_t k) const { return k < s.size() && s[k] >= '0' && s[k] <= '9'; }
  /// Exactly two digits.
  bool two(unsigned& out) {
    if (!digit_at(i) || !digit_at(i + 1)) return false;
    out = static_cast<unsigned>((s[i] - '0') * 10 + (s[i + 1] - '0'));
    i += 2;
    return true;
  }
};

/// yearFrag ::= '-'? (([1-9] digit digit digit+)) | ('0' digit digit digit))
bool parse_year(Cursor& c, int64_t& year) {
  bool negative = c.eat('-');
  std::size_t start = c.i;
  int64_t v = 0;
  while (c.digit_at(c.i)) {
    if (c.i - start >= 9) return false;  // beyond kMaxYear
    v = v * 10 + (c.s[c.i] - '0');
    ++c.i;
  }
  std::size_t n = c.i - start;
  if (n < 4) return false;
  if (n > 4 && c.s[start] == '0') return false;
  year = negative ? -v : v;
  return v <= kMaxYear;
}

bool parse_month(Cursor& c, uint8_t& month) {
  unsigned m;
  if (!c.two(m) || m < 1 || m > 12) return false;
  month = static_cast<uint8_t>(m);
  return true;
}

bool parse_day(Cursor& c, uint8_t& day) {
  unsigned d;
  if (!c.two(d) || d < 1 || d > 31) return false;
  day = static_cast<uint8_t>(d);
  return true;
}

/// hh:mm:ss(.s+)? with 24:00:00 allowed; sets end_of_day for 24:00:00.
bool parse_time(Cursor& c, Temporal& t, bool& end_of_day) {
  unsigned h, m, s;
  if (!c.two(h) || !c.eat(':') || !c.two(m) || !c.eat(':') || !c.two(s)) return false;
  uint32_t nanos = 0;
  bool fraction_nonzero = false;
  if (c.eat('.')) {
    if (!c.digit_at(c.i)) return false;
    int n = 0;
    while (c.digit_at(c.i)) {
      char d = c.s[c.i++];
      if (d != '0') fraction_nonzero = true;
      if (n < 9) {  // further digits are truncated
        nanos = nanos * 10 + static_cast<uint32_t>(d - '0');
        ++n;
      }
    }
    for (; n < 9; ++n) nanos *= 10;
  }
  end_of_day = false;
  if (h == 24) {
    if (m != 0 || s != 0 || fraction_nonzero) return false;
    end_of_day = true;
    h = 0;
  } else if (h > 23 || m > 59 || s > 59) {
    return false;
  }
  t.hour = static_cast<uint8_t>(h);
  t.minute = static_cast<uint8_t>(m);
  t.second = static_cast<uint8_t>(s);
  t.nanosecond = nanos;
  return true;
}

/// timezoneFrag ::= 'Z' | ('+' | '-') (('0' digit | '1' [0-3]) ':' minuteFrag | '14:00')
bool parse_timezone(Cursor& c, Temporal& t) {
  if (c.done()) return true;
  if (c.eat('Z')) {
    t.has_tz = true;
    t.tz_minutes = 0;
    return true;
  }
  bool negative;
  if (c.eat('+')) {
    negative = false;
  } else if (c.eat('-')) {
    negative = true;
  } else {
    return false;
  }
  unsigned h, m;
  if (!c.two(h) || !c.eat(':') || !c.two(m)) return false;
  if (m > 59 || h > 14 || (h == 14 && m != 0)) return false;
  int total = static_cast<int>(h * 60 + m);
  t.has_tz = true;
  t.tz_minutes = static_cast<int16_t>(negative ? -total : total);
  return true;
}

}  // namespace

std::optional<Temporal> parse_temporal(TemporalKind kind, std::string_view lexical) {
  Cursor c{lexical, 0};
  Temporal t;
  t.kind = kind;
  bool end_of_day = false;
  switch (kind) {
    case TemporalKind::DateTime:
    case TemporalKind::DateTimeStamp:
    case TemporalKind::Date:
      if (!parse_year(c, t.year) || !c.eat('-') || !parse_month(c, t.month) || !c.eat('-') ||
          !parse_day(c, t.day)) {
        return std::nullopt;
      }
      if (t.day > days_in_month(t.year, t.month)) return std::nullopt;
      if (kind != TemporalKind::Date && (!c.eat('T') || !parse_time(c, t, end_of_day))) {
        return std::nullopt;
      }
      break;
    case TemporalKind::Time:
      if (!parse_time(c, t, end_of_day)) return std::nullopt;
      end_of_day = false;  // 24:00:00 is simply 00:00:00 for xsd:time
      break;
    case TemporalKind::GYear:
      if (!parse_year(c, t.year)) return std::nullopt;
      break;
    case TemporalKind::GYearMonth:
      if (!parse_year(c, t.year) || !c.eat('-') || !parse_month(c, t.month)) return std::nullopt;
      break;
    case TemporalKind::GMonth:
      if (!c.eat('-') || !c.eat('-') || !parse_month(c, t.month)) return std::nullopt;
      break;
    case TemporalKind::GMonthDay:
      if (!c.eat('-') || !c.eat('-') || !parse_month(c, t.month) || !c.eat('-') ||
          !parse_day(c, t.day)) {
        return std::nullopt;
      }
      // Any year: February may have 29 days.
      if (t.day > days_in_month(2000, t.month)) return std::nullopt;
      break;
    case TemporalKind::GDay:
      if (!c.eat('-') || !c.eat('-') || !c.eat('-') || !parse_day(c, t.day)) return std::nullopt;
      break;
  }
  if (!parse_timezone(c, t) || !c.done()) return std::nullopt;
  if (kind == TemporalKind::DateTimeStamp && !t.has_tz) return std::nullopt;
  if (end_of_day) {
    // 24:00:00 is the first instant of the next day (XSD 1.1 §3.3.7.2).
    int64_t days = days_from_civil(t.year, t.month, t.day) + 1;
    unsigned m, d;
    detail::civil_from_days(days, t.year, m, d);
    if (t.year > kMaxYear) return std::nullopt;
    t.month = static_cast<uint8_t>(m);
    t.day = static_cast<uint8_t>(d);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

namespace {

void append2(std::string& s, unsigned v) {
  s += static_cast<char>('0' + v / 10);
  s += static_cast<char>('0' + v % 10);
}

void append_year(std::string& s, int64_t year) {
  char buf[24];
  uint64_t mag = year < 0 ? static_cast<uint64_t>(-year) : static_cast<uint64_t>(year);
  int n = std::snprintf(buf, sizeof buf, "%s%04llu", year < 0 ? "-" : "",
                        static_cast<unsigned long long>(mag));
  s.append(buf, static_cast<std::size_t>(n));
}

void append_time(std::string& s, const Temporal& t) {
  append2(s, t.hour);
  s += ':';
  append2(s, t.minute);
  s += ':';
  append2(s, t.second);
  if (t.nanosecond != 0) {
    char buf[10];
    uint32_t n = t.nanosecond;
    for (int i = 8; i >= 0; --i) {
      buf[i] = static_cast<char>('0' + n % 10);
      n /= 10;
    }
    int len = 9;
    while (buf[len - 1] == '0') --len;
    s += '.';
    s.append(buf, static_cast<std::size_t>(len));
  }
}

void append_timezone(std::string& s, const Temporal& t) {
  if (!t.has_tz) return;
  if (t.tz_minutes == 0) {
    s += 'Z';
    return;
  }
  int m = t.tz_minutes;
  s += m < 0 ? '-' : '+';
  if (m < 0) m = -m;
  append2(s, static_cast<unsigned>(m / 60));
  s += ':';
  append2(s, static_cast<unsigned>(m % 60));
}

}  // namespace

std::string to_string(const Temporal& t) {
  std::string s;
  s.reserve(40);
  switch (t.kind) {
    case TemporalKind::DateTime:
    case TemporalKind::DateTimeStamp:
      append_year(s, t.year);
      s += '-';
      append2(s, t.month);
      s += '-';
      append2(s, t.day);
      s += 'T';
      append_time(s, t);
      break;
    case TemporalKind::Date:
      append_year(s, t.year);
      s += '-';
      append2(s, t.month);
      s += '-';
      append2(s, t.day);
      break;
    case TemporalKind::Time:
      append_time(s, t);
      break;
    case TemporalKind::GYear:
      append_year(s, t.year);
      break;
    case TemporalKind::GYearMonth:
      append_year(s, t.year);
      s += '-';
      append2(s, t.month);
      break;
    case TemporalKind::GMonth:
      s += "--";
      append2(s, t.month);
      break;
    case TemporalKind::GMonthDay:
      s += "--";
      append2(s, t.month);
      s += '-';
      append2(s, t.day);
      break;
    case TemporalKind::GDay:
      s += "---";
      append2(s, t.day);
      break;
  }
  append_timezone(s, t);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Order
// ---------------------------------------------------------------------------------------------

namespace {

bool is_date_time(TemporalKind k) {
  return k == TemporalKind::DateTime || k == TemporalKind::DateTimeStamp;
}

int cmp(const Instant& a, const Instant& b) { return a < b ? -1 : (b < a ? 1 : 0); }

}  // namespace

std::optional<int> compare(const Temporal& a, const Temporal& b) {
  if (a.kind != b.kind && !(is_date_time(a.kind) && is_date_time(b.kind))) return std::nullopt;
  if (a.has_tz == b.has_tz) return cmp(detail::utc_instant(a), detail::utc_instant(b));
  // Exactly one has a timezone: the other could be anywhere from 14 hours earlier to 14 hours
  // later (XSD 1.1 §3.3.7.3 / 1.0 §3.2.7.4); inside that window the order is indeterminate.
  const bool a_has = a.has_tz;
  const Instant p = detail::utc_instant(a_has ? a : b);
  Instant q_earliest = detail::local_instant(a_has ? b : a);
  Instant q_latest = q_earliest;
  q_earliest.seconds -= 14 * 3600;
  q_latest.seconds += 14 * 3600;
  int r;
  if (p < q_earliest) {
    r = -1;
  } else if (q_latest < p) {
    r = 1;
  } else {
    return std::nullopt;
  }
  return a_has ? r : -r;
}

}  // namespace kikv::rdf::xsd
