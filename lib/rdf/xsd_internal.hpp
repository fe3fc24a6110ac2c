// Helpers shared by the xsd_*.cpp files (not part of the public XSD API): powers of ten,
// 128-bit helpers and a fixed-size unsigned big integer for the rare cases that do not fit in
// 128 bits (wide decimal products/quotients, and the exact digit generation of to_string_double).
// Everything lives on the stack: no allocation.
#pragma once

#include <algorithm>
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "rdf/xsd.hpp"

namespace kikv::rdf::xsd::detail {

inline constexpr int128_t kInt128Max = static_cast<int128_t>(~static_cast<uint128_t>(0) >> 1);

/// 10^n for n in [0, 38] (10^38 < 2^127).
constexpr uint128_t pow10_u128(int n) {
  uint128_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}
inline constexpr int kMaxPow10 = 38;

inline constexpr std::array<uint128_t, kMaxPow10 + 1> kPow10 = [] {
  std::array<uint128_t, kMaxPow10 + 1> a{};
  for (int i = 0; i <= kMaxPow10; ++i) a[static_cast<std::size_t>(i)] = pow10_u128(i);
  return a;
}();

inline uint128_t magnitude(int128_t v) {
  return v < 0 ? static_cast<uint128_t>(0) - static_cast<uint128_t>(v) : static_cast<uint128_t>(v);
}

/// Writes the decimal digits of v into the end of buf (which must hold 40 chars); returns the
/// index of the first digit.
inline int write_u128_digits(uint128_t v, char* buf, int end) {
  int i = end;
  if (v == 0) {
    buf[--i] = '0';
    return i;
  }
  // Peel 19-digit chunks with one 128-bit division each, then print 64-bit chunks.
  constexpr uint64_t kChunk = 10000000000000000000ull;  // 10^19
  while (v != 0) {
    uint64_t part;
    if (v >= kChunk) {
      part = static_cast<uint64_t>(v % kChunk);
      v /= kChunk;
      for (int k = 0; k < 19; ++k) {
        buf[--i] = static_cast<char>('0' + part % 10);
        part /= 10;
      }
    } else {
      part = static_cast<uint64_t>(v);
      v = 0;
      while (part != 0) {
        buf[--i] = static_cast<char>('0' + part % 10);
        part /= 10;
      }
    }
  }
  return i;
}

/// Unsigned integer of N 32-bit limbs (little endian). Only what the XSD code needs.
template <int N>
struct FixedUInt {
  std::array<uint32_t, N> limb{};
  int used = 0;  ///< limbs in use (limb[used..] are zero)

  static FixedUInt from_u128(uint128_t v) {
    FixedUInt r;
    while (v != 0 && r.used < N) {
      r.limb[static_cast<std::size_t>(r.used++)] = static_cast<uint32_t>(v);
      v >>= 32;
    }
    return r;
  }
  bool is_zero() const { return used == 0; }
  void trim() {
    while (used > 0 && limb[static_cast<std::size_t>(used - 1)] == 0) --used;
  }
  /// *= m; returns false on overflow of N limbs.
  bool mul_small(uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < used; ++i) {
      uint64_t t = static_cast<uint64_t>(limb[static_cast<std::size_t>(i)]) * m + carry;
      limb[static_cast<std::size_t>(i)] = static_cast<uint32_t>(t);
      carry = t >> 32;
    }
    if (carry != 0) {
      if (used == N) return false;
      limb[static_cast<std::size_t>(used++)] = static_cast<uint32_t>(carry);
    }
    trim();
    return true;
  }
  bool mul_pow5(int n) {
    // 5^13 is the largest power of five below 2^32.
    while (n >= 13) {
      if (!mul_small(1220703125u)) return false;
      n -= 13;
    }
    uint32_t p = 1;
    for (int i = 0; i < n; ++i) p *= 5;
    return mul_small(p);
  }
  bool mul_pow10(int n) {
    while (n >= 9) {
      if (!mul_small(1000000000u)) return false;
      n -= 9;
    }
    uint32_t p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return mul_small(p);
  }
  /// *= 2^n; returns false on overflow.
  bool shl(int n) {
    if (used == 0 || n == 0) return true;
    int words = n / 32;
    int bits = n % 32;
    if (bit_length() + n > N * 32) return false;
    std::array<uint32_t, N> out{};
    for (int i = used - 1; i >= 0; --i) {
      uint64_t v = static_cast<uint64_t>(limb[static_cast<std::size_t>(i)]) << bits;
      int lo = i + words;
      if (lo < N) out[static_cast<std::size_t>(lo)] |= static_cast<uint32_t>(v);
      if (lo + 1 < N) out[static_cast<std::size_t>(lo + 1)] |= static_cast<uint32_t>(v >> 32);
    }
    limb = out;
    used = std::min(N, used + words + 1);
    trim();
    return true;
  }
  int bit_length() const {
    if (used == 0) return 0;
    uint32_t top = limb[static_cast<std::size_t>(used - 1)];
    int b = 0;
    while (top != 0) {
      ++b;
      top >>= 1;
    }
    return (used - 1) * 32 + b;
  }
  bool bit(int i) const {
    return ((limb[static_cast<std::size_t>(i / 32)] >> (i % 32)) & 1u) != 0;
  }
  static int compare(const FixedUInt& a, const FixedUInt& b) {
    if (a.used != b.used) return a.used < b.used ? -1 : 1;
    for (int i = a.used - 1; i >= 0; --i) {
      uint32_t x = a.limb[static_cast<std::size_t>(i)];
      uint32_t y = b.limb[static_cast<std::size_t>(i)];
      if (x != y) return x < y ? -1 : 1;
    }
    return 0;
  }
  /// a + b (must not overflow N limbs; callers size N generously).
  static FixedUInt add(const FixedUInt& a, const FixedUInt& b) {
    FixedUInt r;
    uint64_t carry = 0;
    int n = std::max(a.used, b.used);
    for (int i = 0; i < n; ++i) {
      uint64_t t = static_cast<uint64_t>(a.limb[static_cast<std::size_t>(i)]) +
                   b.limb[static_cast<std::size_t>(i)] + carry;
      r.limb[static_cast<std::size_t>(i)] = static_cast<uint32_t>(t);
      carry = t >> 32;
    }
    r.used = n;
    if (carry != 0 && n < N) {
      r.limb[static_cast<std::size_t>(r.used++)] = static_cast<uint32_t>(carry);
    }
    r.trim();
    return r;
  }
  /// *this -= b, requires *this >= b.
  void sub(const FixedUInt& b) {
    int64_t borrow = 0;
    for (int i = 0; i < used; ++i) {
      int64_t t = static_cast<int64_t>(limb[static_cast<std::size_t>(i)]) -
                  static_cast<int64_t>(b.limb[static_cast<std::size_t>(i)]) - borrow;
      borrow = t < 0 ? 1 : 0;
      limb[static_cast<std::size_t>(i)] = static_cast<uint32_t>(t + (borrow << 32));
    }
    trim();
  }
  /// Quotient and remainder by a divisor d with 0 < d < 2^127 (bitwise restoring division; the
  /// remainder always fits 128 bits). Slow path only.
  FixedUInt divmod(uint128_t d, uint128_t& rem) const {
    FixedUInt q;
    uint128_t r = 0;
    for (int i = bit_length() - 1; i >= 0; --i) {
      r = (r << 1) | (bit(i) ? 1u : 0u);
      if (r >= d) {
        r -= d;
        q.limb[static_cast<std::size_t>(i / 32)] |= 1u << (i % 32);
      }
    }
    q.used = N;
    q.trim();
    rem = r;
    return q;
  }
  /// The value if it is below 2^127 (fits a non-negative int128_t).
  bool to_u127(uint128_t& out) const {
    if (bit_length() > 127) return false;
    uint128_t v = 0;
    for (int i = used - 1; i >= 0; --i) v = (v << 32) | limb[static_cast<std::size_t>(i)];
    out = v;
    return true;
  }
};

/// Decimal digits of a double as Java's Double.toString (JDK <= 18) generates them, which is what
/// Apache Jena prints and what it uses to convert doubles to decimals (BigDecimal.valueOf):
/// value = 0.d1d2...dn * 10^dec_exponent. Digits may end in zeros after a carry ("1.300E5").
struct JavaDigits {
  char digits[24];
  int first = 0;  ///< index of the first digit in `digits`
  int count = 0;
  int dec_exponent = 0;
};
/// For a finite, non-zero double (the sign is ignored).
void java_double_digits(double v, JavaDigits& out);

// ---------------------------------------------------------------------------------------------
// Dates and times
// ---------------------------------------------------------------------------------------------

/// Largest |year| kikv represents (XSD 1.1 lets implementations bound the year; 9 digits keep
/// every instant, in seconds, far inside int64).
inline constexpr int64_t kMaxYear = 999'999'999;
inline constexpr int64_t kSecondsPerDay = 86400;

/// Inverse of days_from_civil.
void civil_from_days(int64_t days, int64_t& year, unsigned& month, unsigned& day);

/// Floor division and the matching non-negative remainder.
inline int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
inline int64_t floor_mod(int64_t a, int64_t b) { return a - floor_div(a, b) * b; }

/// A point on the time line: seconds since 1970-01-01T00:00:00 plus nanoseconds (0..999999999).
struct Instant {
  int64_t seconds = 0;
  uint32_t nanos = 0;
  friend bool operator==(const Instant&, const Instant&) = default;
  friend auto operator<=>(const Instant&, const Instant&) = default;
};

/// The "starting instant" of a value in its own local time (timezone ignored), with the missing
/// fields of g* kinds and times taken from the F&O 3.1 templates (1972-12-31, xxxx-01-01 ...).
Instant local_instant(const Temporal& t);
/// local_instant shifted to UTC when the value has a timezone.
Instant utc_instant(const Temporal& t);

}  // namespace kikv::rdf::xsd::detail
