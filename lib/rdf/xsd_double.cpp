// xsd:double and xsd:float: strict lexical parsing, and the form Apache Jena prints for computed
// values.
//
// Jena (the KIK-V reference, ARQ 4.5 on OpenJDK 17) formats a computed double with
// Double.toString(d), appending "e0" when that has no exponent, and a float with
// Float.toString(f) unchanged; infinities and NaN become INF, -INF and NaN. Java's toString is not
// the shortest round-trip form: before JDK 19 it used the FloatingDecimal digit generator, which
// prints e.g. 2^-44 as 5.6843418860808015E-14 and 1e23 as 9.999999999999999E22. To print exactly
// what Jena prints, to_string_double/float re-implement that generator's observable algorithm
// (Steele & White style digit generation with a decimal-exponent estimate, a fast path for
// integral values that keeps "insignificant" digits, 32/64-bit fixed-width arithmetic whose
// wrap-around is part of the behaviour, and big-integer arithmetic otherwise). The tests pin the
// behaviour with values checked against Jena.
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <system_error>

#include "rdf/xsd.hpp"
#include "rdf/xsd_internal.hpp"

namespace kikv::rdf::xsd {
namespace {

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Validates the XSD float/double lexical space; on success `body` is the part std::from_chars
/// accepts (no leading '+') and `special` is set for INF/-INF/NaN (1 = +INF, -1 = -INF, 2 = NaN).
bool check_float_lexical(std::string_view s, std::string_view& body, int& special, bool& huge,
                         bool& negative) {
  special = 0;
  huge = false;
  negative = false;
  if (s.empty()) return false;
  if (s == "NaN") {
    special = 2;
    return true;
  }
  std::size_t i = 0;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    i = 1;
  }
  if (s.substr(i) == "INF") {
    special = negative ? -1 : 1;
    return true;
  }
  body = s.substr(s[0] == '+' ? 1 : 0);
  std::size_t int_digits = 0, frac_digits = 0;
  // Position of the first non-zero mantissa digit relative to the decimal point, to classify
  // out-of-range values (from_chars reports them without a value).
  long long first_nonzero_exp = 0;
  bool seen_nonzero = false;
  while (i < s.size() && is_digit(s[i])) {
    if (s[i] != '0' && !seen_nonzero) {
      seen_nonzero = true;
      first_nonzero_exp = 0;
    }
    if (seen_nonzero) ++first_nonzero_exp;
    ++i;
    ++int_digits;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    long long pos = 0;
    while (i < s.size() && is_digit(s[i])) {
      --pos;
      if (s[i] != '0' && !seen_nonzero) {
        seen_nonzero = true;
        first_nonzero_exp = pos + 1;
      }
      ++i;
      ++frac_digits;
    }
  }
  if (int_digits + frac_digits == 0) return false;
  long long exp = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      eneg = s[i] == '-';
      ++i;
    }
    if (i >= s.size() || !is_digit(s[i])) return false;
    while (i < s.size() && is_digit(s[i])) {
      if (exp < 100000000) exp = exp * 10 + (s[i] - '0');
      ++i;
    }
    if (eneg) exp = -exp;
  }
  if (i != s.size()) return false;
  huge = seen_nonzero && first_nonzero_exp + exp > 0;
  return true;
}

template <typename T>
std::optional<T> parse_binary_float(std::string_view lexical) {
  std::string_view body;
  int special = 0;
  bool huge = false, negative = false;
  if (!check_float_lexical(lexical, body, special, huge, negative)) return std::nullopt;
  if (special == 1) return std::numeric_limits<T>::infinity();
  if (special == -1) return -std::numeric_limits<T>::infinity();
  if (special == 2) return std::numeric_limits<T>::quiet_NaN();
  T value{};
  auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
  if (ec == std::errc::result_out_of_range) {
    // XSD 1.1 lexical mapping: values beyond the range round to ±INF, tiny ones to ±0.
    T v = huge ? std::numeric_limits<T>::infinity() : T(0);
    return negative ? -v : v;
  }
  if (ec != std::errc() || ptr != body.data() + body.size()) return std::nullopt;
  return value;
}

// ---------------------------------------------------------------------------------------------
// Java (JDK <= 18) Double.toString / Float.toString digit generation
// ---------------------------------------------------------------------------------------------

constexpr int kExpShift = 52;
constexpr int kMinSmallBinExp = -(63 / 3);
constexpr int kMaxSmallBinExp = 62;
constexpr int kPow5Count = 27;  // 5^0 .. 5^26 fit in 63 bits

constexpr std::array<int64_t, kPow5Count> kLongPow5 = [] {
  std::array<int64_t, kPow5Count> a{};
  int64_t p = 1;
  for (std::size_t i = 0; i < a.size(); ++i) {
    a[i] = p;
    p *= 5;
  }
  return a;
}();

/// Bits needed for 5^i (0 for i = 0), as Java's table.
constexpr std::array<int, kPow5Count> kN5Bits = [] {
  std::array<int, kPow5Count> a{};
  for (std::size_t i = 1; i < a.size(); ++i) {
    int64_t v = kLongPow5[i];
    int b = 0;
    while (v != 0) {
      ++b;
      v >>= 1;
    }
    a[i] = b;
  }
  return a;
}();

int n5_bits(int i) { return i < kPow5Count ? kN5Bits[static_cast<std::size_t>(i)] : i * 3; }

/// floor(p2 * log10(2)): decimal digits of an integral value below 2^p2 that cannot be
/// significant.
int insignificant_digits_for_pow2(int p2) {
  if (p2 <= 1 || p2 >= 64) return 0;
  int k = 0;
  uint128_t p10 = 10;
  while (p10 <= (static_cast<uint128_t>(1) << p2)) {
    ++k;
    p10 *= 10;
  }
  return k;
}

using detail::JavaDigits;

/// Digits of an integral long value with trailing zeros dropped, after rounding away
/// `insignificant` low digits (half up).
void develop_long_digits(JavaDigits& out, int64_t value, int insignificant) {
  int dec_exp = 0;
  if (insignificant != 0) {
    int64_t pow10 = 1;
    for (int i = 0; i < insignificant; ++i) pow10 *= 10;
    int64_t residue = value % pow10;
    value /= pow10;
    dec_exp += insignificant;
    if (residue >= (pow10 >> 1)) ++value;
  }
  int pos = static_cast<int>(sizeof out.digits);
  int64_t c = value % 10;
  value /= 10;
  while (c == 0) {
    ++dec_exp;
    c = value % 10;
    value /= 10;
  }
  while (value != 0) {
    out.digits[--pos] = static_cast<char>('0' + c);
    ++dec_exp;
    c = value % 10;
    value /= 10;
  }
  out.digits[--pos] = static_cast<char>('0' + c);
  out.dec_exponent = dec_exp + 1;
  out.first = pos;
  out.count = static_cast<int>(sizeof out.digits) - pos;
}

/// floor of Java's estimate of log10 of the value (may be one too small).
int estimate_dec_exp(uint64_t fract_bits, int bin_exp) {
  constexpr uint64_t kExpOne = 0x3ff0000000000000ull;
  constexpr uint64_t kSignifMask = 0x000fffffffffffffull;
  double d2 = std::bit_cast<double>(kExpOne | (fract_bits & kSignifMask));
  // Kept as separate statements so that no compiler fuses them into an FMA.
  double t = d2 - 1.5;
  t = t * 0.289529654;
  t = t + 0.176091259;
  double u = static_cast<double>(bin_exp) * 0.301029995663981;
  double d = t + u;
  return static_cast<int>(std::floor(d));
}

void roundup(JavaDigits& out) {
  int i = out.first + out.count - 1;
  char q = out.digits[i];
  if (q == '9') {
    while (q == '9' && i > out.first) {
      out.digits[i] = '0';
      q = out.digits[--i];
    }
    if (q == '9') {
      out.dec_exponent += 1;
      out.digits[out.first] = '1';
      return;
    }
  }
  out.digits[i] = static_cast<char>(q + 1);
}

/// The 32- or 64-bit digit loop. Java computes it in int/long; overflow of `m` (and of the sums)
/// wraps and is part of the observable behaviour, so the arithmetic is done unsigned and compared
/// signed.
template <typename S, typename U>
void fixed_width_digits(JavaDigits& out, int& dec_exp, bool& low, bool& high, int64_t& low_diff,
                        uint64_t fract_bits, int b5, int b2, int s5, int s2, int m5, int m2) {
  auto sgn = [](U v) { return static_cast<S>(v); };
  auto pow5 = [](int i) { return static_cast<U>(kLongPow5[static_cast<std::size_t>(i)]); };
  U b = static_cast<U>(static_cast<U>(fract_bits) * pow5(b5)) << b2;
  U s = pow5(s5) << s2;
  U m = pow5(m5) << m2;
  U tens = static_cast<U>(s * 10u);
  int n = 0;
  U q = b / s;
  b = static_cast<U>(10u * (b % s));
  m = static_cast<U>(m * 10u);
  low = sgn(b) < sgn(m);
  high = sgn(static_cast<U>(b + m)) > sgn(tens);
  if (q == 0 && !high) {
    --dec_exp;
  } else {
    out.digits[n++] = static_cast<char>('0' + q);
  }
  if (dec_exp < -3 || dec_exp >= 8) high = low = false;
  while (!low && !high) {
    q = b / s;
    b = static_cast<U>(10u * (b % s));
    m = static_cast<U>(m * 10u);
    if (sgn(m) > 0) {
      low = sgn(b) < sgn(m);
      high = sgn(static_cast<U>(b + m)) > sgn(tens);
    } else {
      low = true;
      high = true;
    }
    out.digits[n++] = static_cast<char>('0' + q);
  }
  low_diff = static_cast<int64_t>(sgn(static_cast<U>(static_cast<U>(b << 1) - tens)));
  out.first = 0;
  out.count = n;
}

using Big = detail::FixedUInt<48>;

Big big_pow52(int p5, int p2) {
  Big r = Big::from_u128(1);
  r.mul_pow5(p5);
  r.shl(p2);
  return r;
}

/// Java's FloatingDecimal.BinaryToASCIIBuffer.dtoa for a positive finite non-zero value
/// fract_bits * 2^(bin_exp - 52), with the leading bit of fract_bits at bit 52.
void java_dtoa(JavaDigits& out, int bin_exp, uint64_t fract_bits, int n_significant_bits) {
  const int tail_zeros = std::countr_zero(fract_bits);
  const int n_fract_bits = kExpShift + 1 - tail_zeros;
  const int n_tiny_bits = std::max(0, n_fract_bits - bin_exp - 1);
  if (bin_exp <= kMaxSmallBinExp && bin_exp >= kMinSmallBinExp) {
    // Integral values (no fraction bits) below 2^63: the digits of the long, minus the ones that
    // cannot be significant.
    if (n_tiny_bits == 0) {
      int insignificant = bin_exp > n_significant_bits
                              ? insignificant_digits_for_pow2(bin_exp - n_significant_bits - 1)
                              : 0;
      uint64_t v = bin_exp >= kExpShift ? fract_bits << (bin_exp - kExpShift)
                                        : fract_bits >> (kExpShift - bin_exp);
      develop_long_digits(out, static_cast<int64_t>(v), insignificant);
      return;
    }
  }
  int dec_exp = estimate_dec_exp(fract_bits, bin_exp);
  int b5 = std::max(0, -dec_exp);
  int b2 = b5 + n_tiny_bits + bin_exp;
  int s5 = std::max(0, dec_exp);
  int s2 = s5 + n_tiny_bits;
  int m5 = b5;
  int m2 = b2 - n_significant_bits;
  fract_bits >>= tail_zeros;
  b2 -= n_fract_bits - 1;
  int common2 = std::min(b2, s2);
  b2 -= common2;
  s2 -= common2;
  m2 -= common2;
  if (n_fract_bits == 1) m2 -= 1;
  if (m2 < 0) {
    b2 -= m2;
    s2 -= m2;
    m2 = 0;
  }
  const int b_bits = n_fract_bits + b2 + n5_bits(b5);
  const int ten_s_bits = s2 + 1 + n5_bits(s5 + 1);
  bool low = false, high = false;
  int64_t low_diff = 0;
  if (b_bits < 64 && ten_s_bits < 64) {
    if (b_bits < 32 && ten_s_bits < 32) {
      fixed_width_digits<int32_t, uint32_t>(out, dec_exp, low, high, low_diff, fract_bits, b5, b2,
                                            s5, s2, m5, m2);
    } else {
      fixed_width_digits<int64_t, uint64_t>(out, dec_exp, low, high, low_diff, fract_bits, b5, b2,
                                            s5, s2, m5, m2);
    }
  } else {
    Big sval = big_pow52(s5, s2);
    Big bval = Big::from_u128(fract_bits);
    bval.mul_pow5(b5);
    bval.shl(b2);
    Big mval = big_pow52(m5 + 1, m2 + 1);
    Big ten_sval = big_pow52(s5 + 1, s2 + 1);
    auto quo_rem = [&sval](Big& bv) {
      int q = 0;
      while (Big::compare(bv, sval) >= 0) {
        bv.sub(sval);
        ++q;
      }
      bv.mul_small(10);
      return q;
    };
    int n = 0;
    int q = quo_rem(bval);
    low = Big::compare(bval, mval) < 0;
    high = Big::compare(ten_sval, Big::add(bval, mval)) <= 0;
    if (q == 0 && !high) {
      --dec_exp;
    } else {
      out.digits[n++] = static_cast<char>('0' + q);
    }
    if (dec_exp < -3 || dec_exp >= 8) high = low = false;
    while (!low && !high) {
      q = quo_rem(bval);
      mval.mul_small(10);
      low = Big::compare(bval, mval) < 0;
      high = Big::compare(ten_sval, Big::add(bval, mval)) <= 0;
      out.digits[n++] = static_cast<char>('0' + q);
    }
    if (high && low) {
      Big twice = bval;
      twice.shl(1);
      low_diff = Big::compare(twice, ten_sval);
    }
    out.first = 0;
    out.count = n;
  }
  out.dec_exponent = dec_exp + 1;
  if (high) {
    if (low) {
      if (low_diff == 0) {
        if (((out.digits[out.first + out.count - 1] - '0') & 1) != 0) roundup(out);
      } else if (low_diff > 0) {
        roundup(out);
      }
    } else {
      roundup(out);
    }
  }
}

/// Java's toJavaFormatString layout of the digits.
void append_java_format(std::string& s, bool negative, const JavaDigits& d) {
  if (negative) s += '-';
  const char* dig = d.digits + d.first;
  const int n = d.count;
  const int e = d.dec_exponent;
  if (e > 0 && e < 8) {
    int len = std::min(n, e);
    s.append(dig, static_cast<std::size_t>(len));
    if (len < e) {
      s.append(static_cast<std::size_t>(e - len), '0');
      s += ".0";
    } else {
      s += '.';
      if (len < n) {
        s.append(dig + len, static_cast<std::size_t>(n - len));
      } else {
        s += '0';
      }
    }
  } else if (e <= 0 && e > -3) {
    s += "0.";
    s.append(static_cast<std::size_t>(-e), '0');
    s.append(dig, static_cast<std::size_t>(n));
  } else {
    s += dig[0];
    s += '.';
    if (n > 1) {
      s.append(dig + 1, static_cast<std::size_t>(n - 1));
    } else {
      s += '0';
    }
    s += 'E';
    int x = e - 1;
    if (x < 0) {
      s += '-';
      x = -x;
    }
    char buf[8];
    auto r = std::to_chars(buf, buf + sizeof buf, x);
    s.append(buf, r.ptr);
  }
}

}  // namespace

std::optional<double> parse_double(std::string_view lexical) {
  return parse_binary_float<double>(lexical);
}

std::optional<float> parse_float(std::string_view lexical) {
  return parse_binary_float<float>(lexical);
}

std::string to_string_double(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v < 0 ? "-INF" : "INF";
  const bool negative = std::signbit(v);
  if (v == 0) return negative ? "-0.0e0" : "0.0e0";
  JavaDigits d;
  detail::java_double_digits(v, d);
  std::string s;
  s.reserve(26);
  append_java_format(s, negative, d);
  if (s.find('E') == std::string::npos) s += "e0";
  return s;
}

std::string to_string_float(float v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v < 0 ? "-INF" : "INF";
  uint32_t bits = std::bit_cast<uint32_t>(v);
  bool negative = (bits >> 31) != 0;
  uint32_t fract = bits & 0x7fffffu;
  int bin_exp = static_cast<int>((bits >> 23) & 0xff);
  if (bin_exp == 0 && fract == 0) return negative ? "-0.0" : "0.0";
  int n_significant;
  if (bin_exp == 0) {
    int lz = std::countl_zero(fract);
    int shift = lz - (31 - 23);
    fract <<= shift;
    bin_exp = 1 - shift;
    n_significant = 32 - lz;
  } else {
    fract |= 1u << 23;
    n_significant = 24;
  }
  bin_exp -= 127;
  JavaDigits d;
  java_dtoa(d, bin_exp, static_cast<uint64_t>(fract) << (kExpShift - 23), n_significant);
  std::string s;
  s.reserve(20);
  append_java_format(s, negative, d);
  return s;
}

namespace detail {

void java_double_digits(double v, JavaDigits& out) {
  uint64_t bits = std::bit_cast<uint64_t>(v);
  uint64_t fract = bits & 0x000fffffffffffffull;
  int bin_exp = static_cast<int>((bits >> 52) & 0x7ff);
  int n_significant;
  if (bin_exp == 0) {
    int lz = std::countl_zero(fract);
    int shift = lz - (63 - kExpShift);
    fract <<= shift;
    bin_exp = 1 - shift;
    n_significant = 64 - lz;
  } else {
    fract |= 1ull << kExpShift;
    n_significant = kExpShift + 1;
  }
  java_dtoa(out, bin_exp - 1023, fract, n_significant);
}

}  // namespace detail
}  // namespace kikv::rdf::xsd
