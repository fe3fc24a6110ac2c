// String functions (SPARQL 1.1 §17.4.3), REGEX (§17.4.3.14, fn:matches) and the hash functions
// (§17.4.6). Strings are UTF-8; lengths and positions count code points. Functions that take two
// string arguments require them to be "argument compatible" (§17.4.3.1.1); results keep the
// language tag of the first argument where the specification says so.
#include <cmath>
#include <cstdint>
#include <string>

#include <openssl/evp.h>
#include <utf8proc.h>

#include "sparql/eval/functions_impl.hpp"
#include "sparql/eval/value.hpp"

namespace kikv::sparql::fn {

using rdf::TermId;

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += is_continuation(c) ? 0 : 1;
  return n;
}

/// Byte offset of the code point numbered `index` (0-based); s.size() past the end.
size_t byte_offset(std::string_view s, size_t index) {
  size_t i = 0;
  for (; i < s.size(); ++i) {
    if (!is_continuation(s[i])) {
      if (index == 0) return i;
      --index;
    }
  }
  return s.size();
}

std::optional<StringValue> string_arg(TermId id, FunctionContext& ctx, int buffer) {
  return string_value(id, ctx.terms(), ctx.scratch(buffer));
}

std::optional<std::string_view> simple_arg(TermId id, FunctionContext& ctx, int buffer) {
  auto s = string_arg(id, ctx, buffer);
  if (!s || !s->lang.empty()) return std::nullopt;
  return s->text;
}

/// §17.4.3.1.1: both simple/xsd:string, both with the same language tag, or a language-tagged
/// first argument with a simple second one.
bool compatible(const StringValue& a, const StringValue& b) {
  return b.lang.empty() || ascii_iequal(a.lang, b.lang);
}

/// The two compatible string arguments of STRSTARTS ... STRAFTER.
bool two_strings(Args args, FunctionContext& ctx, StringValue& a, StringValue& b) {
  auto x = string_arg(args[0], ctx, 0);
  auto y = string_arg(args[1], ctx, 1);
  if (!x || !y || !compatible(*x, *y)) return false;
  a = *x;
  b = *y;
  return true;
}

/// fn:round on a double (half towards positive infinity).
double xpath_round(double x) {
  if (!std::isfinite(x)) return x;
  const double f = std::floor(x);
  return x - f >= 0.5 ? f + 1 : f;
}

// --- case mapping ------------------------------------------------------------------------------

void append_code_point(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

/// Unconditional upper-case mappings of the Unicode SpecialCasing file that change the length
/// (fn:upper-case uses full case mappings: "straße" → "STRASSE"); Greek iota-subscript forms
/// are not included.
const char* special_upper(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x00DF: return "SS";                  // ß
    case 0x0149: return "\u02BCN";             // ŉ
    case 0x01F0: return "J\u030C";             // ǰ
    case 0x0587: return "\u0535\u0552";        // և
    case 0x1E96: return "H\u0331";             // ẖ
    case 0x1E97: return "T\u0308";             // ẗ
    case 0x1E98: return "W\u030A";             // ẘ
    case 0x1E99: return "Y\u030A";             // ẙ
    case 0x1E9A: return "A\u02BE";             // ẚ
    case 0xFB00: return "FF";
    case 0xFB01: return "FI";
    case 0xFB02: return "FL";
    case 0xFB03: return "FFI";
    case 0xFB04: return "FFL";
    case 0xFB05: return "ST";
    case 0xFB06: return "ST";
    case 0xFB13: return "\u0544\u0546";
    case 0xFB14: return "\u0544\u0535";
    case 0xFB15: return "\u0544\u053B";
    case 0xFB16: return "\u054E\u0546";
    case 0xFB17: return "\u0544\u053D";
    default: return nullptr;
  }
}

/// Maps every code point; nullopt for invalid UTF-8.
std::optional<std::string> map_case(std::string_view s, bool upper) {
  std::string out;
  out.reserve(s.size());
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return std::nullopt;
    p += n;
    left -= n;
    if (upper) {
      if (const char* special = special_upper(cp)) {
        out.append(special);
        continue;
      }
      append_code_point(out, utf8proc_toupper(cp));
    } else if (cp == 0x0130) {
      out.append("i\u0307");  // İ: the only unconditional special lower-case mapping
    } else {
      append_code_point(out, utf8proc_tolower(cp));
    }
  }
  return out;
}

// --- hashes ------------------------------------------------------------------------------------

Result hash(Args args, FunctionContext& ctx, const EVP_MD* md) {
  auto text = simple_arg(args[0], ctx, 0);
  if (!text) return std::nullopt;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(text->data(), text->size(), digest, &len, md, nullptr) != 1) return std::nullopt;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string& out = ctx.scratch(1);
  out.clear();
  for (unsigned i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return make_string(out, ctx.terms());
}

}  // namespace

Result strlen(Args args, FunctionContext& ctx) {
  auto s = string_arg(args[0], ctx, 0);
  if (!s) return std::nullopt;
  return make_integer(static_cast<rdf::xsd::int128_t>(code_points(s->text)), ctx.terms());
}

Result substr(Args args, FunctionContext& ctx) {
  auto s = string_arg(args[0], ctx, 0);
  auto start = numeric_value(args[1], ctx.terms());
  if (!s || !start) return std::nullopt;
  const double from = xpath_round(to_double(*start));
  double end = INFINITY;
  if (args.size() > 2) {
    auto len = numeric_value(args[2], ctx.terms());
    if (!len) return std::nullopt;
    end = from + xpath_round(to_double(*len));
  }
  // fn:substring: the characters at positions p (from 1) with from <= p < end.
  const double n = static_cast<double>(code_points(s->text));
  const double lo = std::max(from, 1.0), hi = std::min(end, n + 1);
  if (std::isnan(lo) || std::isnan(hi) || !(hi > lo)) return make_string("", s->lang, ctx.terms());
  const size_t b = byte_offset(s->text, static_cast<size_t>(lo) - 1);
  const size_t e = byte_offset(s->text, static_cast<size_t>(hi) - 1);
  return make_string(s->text.substr(b, e - b), s->lang, ctx.terms());
}

Result ucase(Args args, FunctionContext& ctx) {
  auto s = string_arg(args[0], ctx, 0);
  if (!s) return std::nullopt;
  auto r = map_case(s->text, true);
  if (!r) return std::nullopt;
  return make_string(*r, s->lang, ctx.terms());
}

Result lcase(Args args, FunctionContext& ctx) {
  auto s = string_arg(args[0], ctx, 0);
  if (!s) return std::nullopt;
  auto r = map_case(s->text, false);
  if (!r) return std::nullopt;
  return make_string(*r, s->lang, ctx.terms());
}

Result strstarts(Args args, FunctionContext& ctx) {
  StringValue a, b;
  if (!two_strings(args, ctx, a, b)) return std::nullopt;
  return make_boolean(a.text.substr(0, b.text.size()) == b.text);
}

Result strends(Args args, FunctionContext& ctx) {
  StringValue a, b;
  if (!two_strings(args, ctx, a, b)) return std::nullopt;
  return make_boolean(a.text.size() >= b.text.size() &&
                      a.text.substr(a.text.size() - b.text.size()) == b.text);
}

Result contains(Args args, FunctionContext& ctx) {
  StringValue a, b;
  if (!two_strings(args, ctx, a, b)) return std::nullopt;
  return make_boolean(a.text.find(b.text) != std::string_view::npos);
}

Result strbefore(Args args, FunctionContext& ctx) {
  StringValue a, b;
  if (!two_strings(args, ctx, a, b)) return std::nullopt;
  const size_t pos = a.text.find(b.text);
  if (pos == std::string_view::npos) return make_string("", ctx.terms());  // simple literal
  return make_string(a.text.substr(0, pos), a.lang, ctx.terms());
}

Result strafter(Args args, FunctionContext& ctx) {
  StringValue a, b;
  if (!two_strings(args, ctx, a, b)) return std::nullopt;
  const size_t pos = a.text.find(b.text);
  if (pos == std::string_view::npos) return make_string("", ctx.terms());  // simple literal
  return make_string(a.text.substr(pos + b.text.size()), a.lang, ctx.terms());
}

Result encode_for_uri(Args args, FunctionContext& ctx) {
  auto s = string_arg(args[0], ctx, 0);
  if (!s) return std::nullopt;
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string& out = ctx.scratch(1);
  out.clear();
  for (char c : s->text) {
    const auto u = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    }
  }
  return make_string(out, ctx.terms());
}

Result concat(Args args, FunctionContext& ctx) {
  std::string& out = ctx.scratch(1);
  out.clear();
  std::string_view lang;  // the common language tag while there is one
  bool same_lang = true;
  for (size_t i = 0; i < args.size(); ++i) {
    auto s = string_arg(args[i], ctx, 0);
    if (!s) return std::nullopt;
    if (i == 0) {
      lang = s->lang;
    } else if (!ascii_iequal(lang, s->lang)) {
      same_lang = false;
    }
    out.append(s->text);
  }
  if (!same_lang) lang = {};
  return make_string(out, lang, ctx.terms());
}

Result replace(Args args, FunctionContext& ctx) {
  auto s = string_arg(args[0], ctx, 0);
  auto pattern = simple_arg(args[1], ctx, 1);
  auto replacement = simple_arg(args[2], ctx, 2);
  std::optional<std::string_view> flags = std::string_view{};
  if (args.size() > 3) flags = simple_arg(args[3], ctx, 3);
  if (!s || !pattern || !replacement || !flags) return std::nullopt;
  const Regex* re = ctx.regex().get(*pattern, *flags);
  if (re == nullptr) return std::nullopt;
  auto r = ctx.regex().replace(*re, s->text, *replacement);
  if (!r) return std::nullopt;
  return make_string(*r, s->lang, ctx.terms());
}

Result regex(Args args, FunctionContext& ctx) {
  auto s = string_arg(args[0], ctx, 0);
  auto pattern = simple_arg(args[1], ctx, 1);
  std::optional<std::string_view> flags = std::string_view{};
  if (args.size() > 2) flags = simple_arg(args[2], ctx, 2);
  if (!s || !pattern || !flags) return std::nullopt;
  const Regex* re = ctx.regex().get(*pattern, *flags);
  if (re == nullptr) return std::nullopt;
  auto r = ctx.regex().matches(*re, s->text);
  if (!r) return std::nullopt;
  return make_boolean(*r);
}

Result md5(Args args, FunctionContext& ctx) { return hash(args, ctx, EVP_md5()); }
Result sha1(Args args, FunctionContext& ctx) { return hash(args, ctx, EVP_sha1()); }
Result sha256(Args args, FunctionContext& ctx) { return hash(args, ctx, EVP_sha256()); }
Result sha384(Args args, FunctionContext& ctx) { return hash(args, ctx, EVP_sha384()); }
Result sha512(Args args, FunctionContext& ctx) { return hash(args, ctx, EVP_sha512()); }

}  // namespace kikv::sparql::fn
