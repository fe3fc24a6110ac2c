// xsd:decimal values: units / 10^scale in 128 bits. The common cases (operands and results that
// fit 128 bits) run on native __int128 arithmetic; wider intermediate values (products, scaled
// dividends) take a slower fixed-size big-integer path and are rounded back half-even. Results
// keep at most kMaxDecimalScale fraction digits and at most the digits that fit 127 bits: when a
// value needs more, fraction digits are rounded off (half-even), and only a value whose integer
// part does not fit is an overflow (nullopt).
#include <charconv>
#include <cmath>
#include <cstring>

#include "rdf/xsd.hpp"
#include "rdf/xsd_internal.hpp"

namespace kikv::rdf::xsd {
namespace {

using detail::kInt128Max;
using detail::kPow10;
using detail::magnitude;

constexpr uint128_t kMaxMagnitude = static_cast<uint128_t>(kInt128Max);
using Wide = detail::FixedUInt<20>;  // 640 bits: |units| * 10^60 and products of two units

int128_t with_sign(uint128_t mag, bool negative) {
  int128_t v = static_cast<int128_t>(mag);
  return negative ? -v : v;
}

/// a * b if |a * b| <= kInt128Max. (Not __builtin_mul_overflow: for signed 128-bit operands
/// clang emits a call to __muloti4, which libgcc does not provide.)
bool mul_checked(int128_t a, int128_t b, int128_t& out) {
  const uint128_t ua = magnitude(a);
  const uint128_t ub = magnitude(b);
  uint128_t p;
  if ((ua >> 64) == 0 && (ub >> 64) == 0) {
    p = ua * ub;  // < 2^128: cannot wrap
    if (p > kMaxMagnitude) return false;
  } else {
    if (ua != 0 && ub > kMaxMagnitude / ua) return false;
    p = ua * ub;
  }
  out = with_sign(p, (a < 0) != (b < 0));
  return true;
}

/// v * 10^k if it fits (|result| <= kInt128Max).
bool scale_up(int128_t v, int k, int128_t& out) {
  if (v == 0 || k == 0) {
    out = v;
    return true;
  }
  if (k > detail::kMaxPow10) return false;
  return mul_checked(v, static_cast<int128_t>(kPow10[static_cast<std::size_t>(k)]), out);
}

/// Rounds mag / 10^k half-even; `sticky` says that non-zero digits were already dropped below
/// the ones in mag (so an exact half is really above half). k <= 38.
uint128_t round_half_even_u128(uint128_t mag, int k, bool sticky) {
  if (k == 0) return mag;
  uint128_t p = kPow10[static_cast<std::size_t>(k)];
  uint128_t q = mag / p;
  uint128_t r = mag % p;
  uint128_t half = p / 2;
  if (r > half || (r == half && (sticky || (q & 1) != 0))) ++q;
  return q;
}

/// Divides a wide magnitude by 10^k (any k >= 0), returning the quotient and whether the
/// dropped digits were non-zero (`sticky`), with the last dropped digit in `last`.
Wide wide_div_pow10(const Wide& m, int k, bool& sticky, unsigned& last) {
  Wide q = m;
  sticky = false;
  last = 0;
  if (k == 0) return q;
  int rest = k - 1;
  while (rest > 0) {
    int step = rest > 38 ? 38 : rest;
    uint128_t rem = 0;
    q = q.divmod(kPow10[static_cast<std::size_t>(step)], rem);
    if (rem != 0) sticky = true;
    rest -= step;
  }
  uint128_t rem = 0;
  q = q.divmod(10, rem);
  last = static_cast<unsigned>(rem);
  return q;
}

/// Turns an exact wide result (sign, magnitude, scale) into a Decimal: fraction digits beyond
/// `max_scale` are rounded off half-even (`sticky`: the true value is slightly larger in
/// magnitude than `m`), then more fraction digits are dropped while the units do not fit.
std::optional<Decimal> finish_wide(bool negative, const Wide& m, int scale, bool sticky,
                                   int max_scale) {
  int drop = scale > max_scale ? scale - max_scale : 0;
  while (true) {
    Wide q = m;
    bool st = sticky;
    unsigned last = 0;
    if (drop > 0) {
      bool dropped_sticky = false;
      q = wide_div_pow10(m, drop, dropped_sticky, last);
      st = st || dropped_sticky;
      bool odd = !q.is_zero() && (q.limb[0] & 1u) != 0;
      if (last > 5 || (last == 5 && (st || odd))) q = Wide::add(q, Wide::from_u128(1));
    }
    uint128_t mag = 0;
    if (q.to_u127(mag)) {
      return Decimal{with_sign(mag, negative), static_cast<int32_t>(scale - drop)};
    }
    if (scale - drop <= 0) return std::nullopt;
    // Each dropped digit removes log2(10) ~ 3.32 bits; (excess - 1) * log10(2) digits are
    // certainly needed, so stepping by that (at least one) finds the smallest drop that fits.
    int excess_bits = q.bit_length() - 127;
    int more = std::max(1, (excess_bits - 1) * 30103 / 100000);
    drop = std::min(scale, drop + more);
  }
}

Wide wide_from(int128_t v) { return Wide::from_u128(magnitude(v)); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Lexical forms
// ---------------------------------------------------------------------------------------------

std::optional<Decimal> parse_decimal(std::string_view s) {
  std::size_t i = 0;
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    i = 1;
  }
  uint128_t units = 0;
  int scale = 0;
  int pending_zeros = 0;  // fraction zeros not yet multiplied in (they may be dropped)
  std::size_t digits = 0;
  auto push = [&units](unsigned d) {
    if (units > (kMaxMagnitude - d) / 10) return false;
    units = units * 10 + d;
    return true;
  };
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (!push(static_cast<unsigned>(s[i] - '0'))) return std::nullopt;
    ++i;
    ++digits;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (s[i] == '0') {
        ++pending_zeros;
      } else {
        for (; pending_zeros > 0; --pending_zeros, ++scale) {
          if (!push(0)) return std::nullopt;
        }
        if (!push(static_cast<unsigned>(s[i] - '0'))) return std::nullopt;
        ++scale;
      }
      ++i;
      ++digits;
    }
  }
  if (digits == 0 || i != s.size()) return std::nullopt;
  if (scale > kMaxDecimalScale) return std::nullopt;
  // Trailing fraction zeros are kept (to_string_at_scale round-trips "1.50") while they fit.
  for (; pending_zeros > 0 && scale < kMaxDecimalScale; --pending_zeros, ++scale) {
    if (!push(0)) break;
  }
  return Decimal{with_sign(units, negative), static_cast<int32_t>(scale)};
}

std::optional<int128_t> parse_integer(std::string_view s) {
  std::size_t i = 0;
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    i = 1;
  }
  if (i == s.size()) return std::nullopt;
  uint128_t v = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c < '0' || c > '9') return std::nullopt;
    unsigned d = static_cast<unsigned>(c - '0');
    if (v > (kMaxMagnitude - d) / 10) return std::nullopt;
    v = v * 10 + d;
  }
  return with_sign(v, negative);
}

Decimal normalized(Decimal d) {
  if (d.units == 0) return Decimal{0, 0};
  while (d.scale > 0 && d.units % 10 == 0) {
    d.units /= 10;
    --d.scale;
  }
  return d;
}

std::string to_string_at_scale(const Decimal& d) {
  char buf[80];
  const int end = 80;
  int first = detail::write_u128_digits(magnitude(d.units), buf, end);
  const int scale = d.scale;
  // Ensure at least one integer digit before the fraction digits.
  while (end - first < scale + 1) buf[--first] = '0';
  std::string s;
  s.reserve(static_cast<std::size_t>(end - first + 2));
  if (d.units < 0) s += '-';
  s.append(buf + first, static_cast<std::size_t>(end - first - scale));
  if (scale > 0) {
    s += '.';
    s.append(buf + end - scale, static_cast<std::size_t>(scale));
  }
  return s;
}

std::string to_string(const Decimal& d) {
  Decimal n = normalized(d);
  std::string s = to_string_at_scale(n);
  if (n.scale == 0) s += ".0";
  return s;
}

std::string integer_to_string(int128_t v) {
  char buf[48];
  int first = detail::write_u128_digits(magnitude(v), buf, 48);
  if (v < 0) buf[--first] = '-';
  return std::string(buf + first, static_cast<std::size_t>(48 - first));
}

// ---------------------------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------------------------

Decimal decimal_from_integer(int128_t v) { return Decimal{v, 0}; }

double decimal_to_double(const Decimal& d) {
  // Correctly rounded: let from_chars round the exact decimal digits.
  char buf[80];
  const int end = 80;
  int first = detail::write_u128_digits(magnitude(d.units), buf, end);
  int n = end - first;
  // digits * 10^-scale as "digitsE-scale" avoids building the fraction.
  char text[96];
  std::size_t len = 0;
  if (d.units < 0) text[len++] = '-';
  std::memcpy(text + len, buf + first, static_cast<std::size_t>(n));
  len += static_cast<std::size_t>(n);
  if (d.scale != 0) {
    text[len++] = 'e';
    text[len++] = '-';
    auto r = std::to_chars(text + len, text + sizeof text, d.scale);
    len = static_cast<std::size_t>(r.ptr - text);
  }
  double v = 0;
  std::from_chars(text, text + len, v);
  return v;
}

std::optional<Decimal> decimal_from_double(double v) {
  if (!std::isfinite(v)) return std::nullopt;
  if (v == 0) return Decimal{0, 0};
  // Jena converts with BigDecimal.valueOf(d), i.e. the digits of Java's Double.toString.
  detail::JavaDigits jd;
  detail::java_double_digits(v, jd);
  uint128_t digits = 0;
  for (int i = 0; i < jd.count; ++i) {
    digits = digits * 10 + static_cast<unsigned>(jd.digits[jd.first + i] - '0');
  }
  const bool negative = v < 0;
  // value = digits * 10^(dec_exponent - count)
  int exp10 = jd.dec_exponent - jd.count;
  if (exp10 >= 0) {
    int128_t r;
    if (!scale_up(static_cast<int128_t>(digits), exp10, r)) return std::nullopt;
    return normalized(Decimal{negative ? -r : r, 0});
  }
  int scale = -exp10;
  if (scale <= kMaxDecimalScale) return normalized(Decimal{with_sign(digits, negative), scale});
  int drop = scale - kMaxDecimalScale;
  if (drop > detail::kMaxPow10) return Decimal{0, 0};
  uint128_t r = round_half_even_u128(digits, drop, false);
  return normalized(Decimal{with_sign(r, negative), kMaxDecimalScale});
}

// ---------------------------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------------------------

int compare(const Decimal& a, const Decimal& b) {
  if (a.scale == b.scale) return a.units < b.units ? -1 : (a.units > b.units ? 1 : 0);
  const int sa = (a.units > 0) - (a.units < 0);
  const int sb = (b.units > 0) - (b.units < 0);
  if (sa != sb) return sa < sb ? -1 : 1;
  if (sa == 0) return 0;
  // Same sign: align the scales; if that overflows, the rescaled side has the larger magnitude.
  if (a.scale < b.scale) {
    int128_t x;
    if (!scale_up(a.units, b.scale - a.scale, x)) return sa;
    return x < b.units ? -1 : (x > b.units ? 1 : 0);
  }
  int128_t y;
  if (!scale_up(b.units, a.scale - b.scale, y)) return -sb;
  return a.units < y ? -1 : (a.units > y ? 1 : 0);
}

std::optional<Decimal> add(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale, b.scale);
  int128_t x, y, sum;
  if (scale_up(a.units, scale - a.scale, x) && scale_up(b.units, scale - b.scale, y) &&
      !__builtin_add_overflow(x, y, &sum) && sum >= -kInt128Max) {
    return Decimal{sum, static_cast<int32_t>(scale)};
  }
  // Slow path: exact sum in wide arithmetic, then rounded to fit.
  Wide wx = wide_from(a.units);
  wx.mul_pow10(scale - a.scale);
  Wide wy = wide_from(b.units);
  wy.mul_pow10(scale - b.scale);
  const bool nx = a.units < 0, ny = b.units < 0;
  if (nx == ny) return finish_wide(nx, Wide::add(wx, wy), scale, false, kMaxDecimalScale);
  if (Wide::compare(wx, wy) >= 0) {
    wx.sub(wy);
    return finish_wide(nx, wx, scale, false, kMaxDecimalScale);
  }
  wy.sub(wx);
  return finish_wide(ny, wy, scale, false, kMaxDecimalScale);
}

Decimal negate(const Decimal& d) { return Decimal{-d.units, d.scale}; }

std::optional<Decimal> subtract(const Decimal& a, const Decimal& b) { return add(a, negate(b)); }

std::optional<Decimal> multiply(const Decimal& a, const Decimal& b) {
  const int scale = a.scale + b.scale;
  int128_t p;
  if (mul_checked(a.units, b.units, p)) {
    if (scale <= kMaxDecimalScale) return Decimal{p, static_cast<int32_t>(scale)};
    uint128_t r = round_half_even_u128(magnitude(p), scale - kMaxDecimalScale, false);
    return Decimal{with_sign(r, p < 0), kMaxDecimalScale};
  }
  Wide w = wide_from(a.units);
  Wide wb = wide_from(b.units);
  // Schoolbook product of the two magnitudes (each at most 4 limbs).
  Wide prod;
  for (int i = 0; i < w.used; ++i) {
    uint64_t carry = 0;
    for (int j = 0; j < wb.used || carry != 0; ++j) {
      std::size_t k = static_cast<std::size_t>(i + j);
      uint64_t t = static_cast<uint64_t>(prod.limb[k]) + carry;
      if (j < wb.used) {
        t += static_cast<uint64_t>(w.limb[static_cast<std::size_t>(i)]) *
             wb.limb[static_cast<std::size_t>(j)];
      }
      prod.limb[k] = static_cast<uint32_t>(t);
      carry = t >> 32;
    }
  }
  prod.used = static_cast<int>(prod.limb.size());
  prod.trim();
  return finish_wide((a.units < 0) != (b.units < 0), prod, scale, false, kMaxDecimalScale);
}

std::optional<Decimal> divide(const Decimal& a, const Decimal& b) {
  if (b.units == 0) return std::nullopt;
  if (a.units == 0) return Decimal{0, 0};
  const bool negative = (a.units < 0) != (b.units < 0);
  const uint128_t ub = magnitude(b.units);
  // Quotient at kMaxDecimalScale digits: exact (terminating) results are returned exactly, as
  // Jena's BigDecimal.divide does; others are rounded half-even to kDecimalDivisionScale digits.
  const int e = b.scale + kMaxDecimalScale - a.scale;  // 0 .. 60
  int128_t n;
  if (scale_up(static_cast<int128_t>(magnitude(a.units)), e, n)) {
    const uint128_t un = static_cast<uint128_t>(n);
    uint128_t q = un / ub;
    uint128_t r = un % ub;
    if (r == 0) return normalized(Decimal{with_sign(q, negative), kMaxDecimalScale});
    q = round_half_even_u128(q, kMaxDecimalScale - kDecimalDivisionScale, true);
    return normalized(Decimal{with_sign(q, negative), kDecimalDivisionScale});
  }
  Wide w = wide_from(a.units);
  w.mul_pow10(e);
  uint128_t rem = 0;
  Wide q = w.divmod(ub, rem);
  std::optional<Decimal> out =
      rem == 0 ? finish_wide(negative, q, kMaxDecimalScale, false, kMaxDecimalScale)
               : finish_wide(negative, q, kMaxDecimalScale, true, kDecimalDivisionScale);
  if (out) return normalized(*out);
  return out;
}

Decimal abs(const Decimal& d) { return d.units < 0 ? negate(d) : d; }

Decimal floor(const Decimal& d) {
  if (d.scale == 0) return d;
  const int128_t p = static_cast<int128_t>(kPow10[static_cast<std::size_t>(d.scale)]);
  int128_t q = d.units / p;
  if (d.units % p < 0) --q;
  return Decimal{q, 0};
}

Decimal ceil(const Decimal& d) {
  if (d.scale == 0) return d;
  const int128_t p = static_cast<int128_t>(kPow10[static_cast<std::size_t>(d.scale)]);
  int128_t q = d.units / p;
  if (d.units % p > 0) ++q;
  return Decimal{q, 0};
}

Decimal round(const Decimal& d) {
  if (d.scale == 0) return d;
  const int128_t p = static_cast<int128_t>(kPow10[static_cast<std::size_t>(d.scale)]);
  int128_t q = d.units / p;
  int128_t r = d.units % p;
  if (r < 0) {
    --q;
    r += p;
  }
  // r in [0, p): round half towards positive infinity.
  if (2 * r >= p) ++q;
  return Decimal{q, 0};
}

std::optional<int128_t> integer_divide(int128_t a, int128_t b) {
  if (b == 0) return std::nullopt;
  if (b == -1) {
    if (a < -kInt128Max) return std::nullopt;
    return -a;
  }
  return a / b;
}

}  // namespace kikv::rdf::xsd
