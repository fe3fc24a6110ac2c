#include "sparql/parser/lexer.hpp"

#include <algorithm>

#include "rdf/error.hpp"

namespace kikv::sparql::parser {
namespace {

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Decodes one UTF-8 sequence at s[i]; returns its length, 0 if invalid (overlong, surrogate,
/// truncated or > U+10FFFF).
size_t decode_utf8(std::string_view s, size_t i, char32_t& cp) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  size_t len;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool is_varname_extra(char32_t c) {
  return c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

bool is_local_escape_char(char c) {
  static constexpr std::string_view kChars = "_~.-!$&'()*+,;=/?#@%";
  return kChars.find(c) != std::string_view::npos;
}

}  // namespace

bool is_pn_chars_base(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}
bool is_pn_chars_u(char32_t c) { return c == '_' || is_pn_chars_base(c); }
bool is_pn_chars(char32_t c) {
  return is_pn_chars_u(c) || c == '-' || (c >= '0' && c <= '9') || is_varname_extra(c);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

Lexer::Lexer(std::string_view text, std::string source)
    : source_(std::move(source)), original_(text) {
  if (text.size() >= UINT32_MAX) throw SyntaxError("query text too long", source_, 0, 0);
  // §19.2: replace codepoint escapes in one pass; the result is not scanned again, so "\u005c"
  // yields a backslash that starts nothing. As in Java (and Jena), a backslash preceded by an
  // odd number of backslashes is itself escaped and does not start a codepoint escape.
  text_.reserve(text.size());
  size_t run = 0;  // backslashes immediately before i in the original text
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '\\' && run % 2 == 0 && i + 1 < text.size() && (text[i + 1] == 'u' || text[i + 1] == 'U')) {
      size_t digits = text[i + 1] == 'u' ? 4 : 8;
      char32_t cp = 0;
      for (size_t k = 0; k < digits; ++k) {
        if (i + 2 + k >= text.size() || !is_hex(text[i + 2 + k])) {
          throw SyntaxError(std::string("bad codepoint escape: \\") + text[i + 1] + " needs " +
                                std::to_string(digits) + " hex digits",
                            source_, position(static_cast<uint32_t>(text_.size())).line,
                            position(static_cast<uint32_t>(text_.size())).column);
        }
        cp = cp * 16 + static_cast<char32_t>(hex_value(text[i + 2 + k]));
      }
      if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        auto p = position(static_cast<uint32_t>(text_.size()));
        throw SyntaxError("codepoint escape " + std::string(text.substr(i, digits + 2)) +
                              " is not a Unicode scalar value (surrogate or beyond U+10FFFF)",
                          source_, p.line, p.column);
      }
      append_utf8(text_, cp);
      i += digits + 2;
      shifts_.emplace_back(static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(i));
      run = 0;
      continue;
    }
    run = c == '\\' ? run + 1 : 0;
    text_ += c;
    ++i;
  }
}

ast::SourcePos Lexer::position(uint32_t offset) const {
  // Map back to the original text, then count lines and characters.
  uint32_t orig = offset;
  auto it = std::upper_bound(shifts_.begin(), shifts_.end(), offset,
                             [](uint32_t o, const auto& s) { return o < s.first; });
  if (it != shifts_.begin()) {
    --it;
    orig = it->second + (offset - it->first);
  }
  orig = std::min<uint32_t>(orig, static_cast<uint32_t>(original_.size()));
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < original_.size(); ++i) {
      if (original_[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
  auto line_it = std::upper_bound(line_starts_.begin(), line_starts_.end(), orig) - 1;
  auto line = static_cast<uint32_t>(line_it - line_starts_.begin());
  // Positions are mostly asked for in text order: continue counting characters from the last
  // answer on the same line, so long single-line queries stay linear.
  uint32_t from = *line_it;
  uint32_t column = 1;
  if (line == cache_line_ && orig >= cache_offset_ && cache_offset_ >= from) {
    from = cache_offset_;
    column = cache_column_;
  }
  for (uint32_t i = from; i < orig; ++i) {
    if ((static_cast<unsigned char>(original_[i]) & 0xC0) != 0x80) ++column;
  }
  cache_line_ = line;
  cache_offset_ = orig;
  cache_column_ = column;
  return {line + 1, column};
}

void Lexer::fail(const std::string& message, uint32_t offset) const {
  auto p = position(offset);
  throw SyntaxError(message, source_, p.line, p.column);
}

std::string_view Lexer::raw(const Token& t) const {
  return std::string_view(text_).substr(t.offset, t.length);
}

const Token& Lexer::peek(size_t k) {
  while (ahead_.size() <= k) ahead_.push_back(scan());
  return ahead_[k];
}

Token Lexer::next() {
  if (ahead_.empty()) return scan();
  Token t = std::move(ahead_.front());
  ahead_.pop_front();
  return t;
}

size_t Lexer::decode_at(size_t at, char32_t& cp) const {
  if (at >= text_.size()) return 0;
  size_t n = decode_utf8(text_, at, cp);
  if (n == 0) fail("invalid UTF-8 in the query text", static_cast<uint32_t>(at));
  return n;
}

Token Lexer::make(Tok kind, size_t start, std::string text) {
  Token t;
  t.kind = kind;
  t.offset = static_cast<uint32_t>(start);
  t.length = static_cast<uint32_t>(pos_ - start);
  t.text = std::move(text);
  return t;
}

void Lexer::skip_space_and_comments() {
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++pos_;
    } else if (c == '#') {
      while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
    } else {
      break;
    }
  }
}

Token Lexer::scan() {
  skip_space_and_comments();
  size_t start = pos_;
  if (pos_ >= text_.size()) return make(Tok::End, start);
  char c = text_[pos_];
  char n = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
  auto punct = [&](Tok kind, size_t len) {
    pos_ += len;
    return make(kind, start);
  };
  switch (c) {
    case '{': return punct(Tok::LBrace, 1);
    case '}': return punct(Tok::RBrace, 1);
    case '(': return punct(Tok::LParen, 1);
    case ')': return punct(Tok::RParen, 1);
    case '[': return punct(Tok::LBracket, 1);
    case ']': return punct(Tok::RBracket, 1);
    case ';': return punct(Tok::Semicolon, 1);
    case ',': return punct(Tok::Comma, 1);
    case '=': return punct(Tok::Eq, 1);
    case '*': return punct(Tok::Star, 1);
    case '/': return punct(Tok::Slash, 1);
    case '!': return n == '=' ? punct(Tok::Ne, 2) : punct(Tok::Bang, 1);
    case '>': return n == '=' ? punct(Tok::Ge, 2) : punct(Tok::Gt, 1);
    case '^': return n == '^' ? punct(Tok::CaretCaret, 2) : punct(Tok::Caret, 1);
    case '|': return n == '|' ? punct(Tok::OrOr, 2) : punct(Tok::Pipe, 1);
    case '&':
      if (n == '&') return punct(Tok::AndAnd, 2);
      fail("unexpected character '&' (did you mean '&&'?)", static_cast<uint32_t>(start));
    case '<': return scan_iri_or_less(start);
    case '"':
    case '\'': return scan_string(start);
    case '?':
    case '$': return scan_var(start);
    case '@': return scan_langtag(start);
    case '.':
      if (is_digit(n)) return scan_number(start);
      return punct(Tok::Dot, 1);
    case '+':
    case '-':
      if (is_digit(n) || (n == '.' && pos_ + 2 < text_.size() && is_digit(text_[pos_ + 2]))) {
        return scan_number(start);
      }
      return punct(c == '+' ? Tok::Plus : Tok::Minus, 1);
    case '_':
      if (n == ':') return scan_blank_label(start);
      break;
    case ':': return scan_pname(start, start);
    default: break;
  }
  if (is_digit(c)) return scan_number(start);
  char32_t cp = 0;
  decode_at(pos_, cp);
  if (is_pn_chars_base(cp)) return scan_name(start);
  std::string shown;
  if (cp < 0x20 || cp == 0x7F) {
    shown = "U+" + std::to_string(static_cast<unsigned>(cp));
  } else {
    append_utf8(shown, cp);
    shown = "'" + shown + "'";
  }
  fail("unexpected character " + shown, static_cast<uint32_t>(start));
}

Token Lexer::scan_iri_or_less(size_t start) {
  // IRIREF ::= '<' ([^<>"{}|^`\]-[#x00-#x20])* '>'; anything else starting with '<' is the
  // operator '<' or '<=' (so "?a<?b" is an operator, "?x<?a&&?b>?y" an IRI, as the grammar says).
  size_t i = start + 1;
  while (i < text_.size()) {
    auto u = static_cast<unsigned char>(text_[i]);
    if (u == '>') {
      pos_ = i + 1;
      std::string iri = text_.substr(start + 1, i - start - 1);
      for (size_t k = 0; k < iri.size();) {  // validate UTF-8 inside the IRI
        char32_t cp;
        size_t len = decode_utf8(iri, k, cp);
        if (len == 0) fail("invalid UTF-8 in IRI", static_cast<uint32_t>(start + 1 + k));
        k += len;
      }
      return make(Tok::IriRef, start, std::move(iri));
    }
    if (u <= 0x20 || u == '<' || u == '"' || u == '{' || u == '}' || u == '|' || u == '^' ||
        u == '`' || u == '\\') {
      break;
    }
    ++i;
  }
  if (start + 1 < text_.size() && text_[start + 1] == '=') {
    pos_ = start + 2;
    return make(Tok::Le, start);
  }
  pos_ = start + 1;
  return make(Tok::Lt, start);
}

Token Lexer::scan_string(size_t start) {
  char q = text_[start];
  bool long_form = start + 2 < text_.size() && text_[start + 1] == q && text_[start + 2] == q;
  pos_ = start + (long_form ? 3 : 1);
  std::string value;
  while (true) {
    if (pos_ >= text_.size()) fail("unterminated string", static_cast<uint32_t>(start));
    char c = text_[pos_];
    if (long_form) {
      if (c == q && pos_ + 2 < text_.size() && text_[pos_ + 1] == q && text_[pos_ + 2] == q) {
        pos_ += 3;
        break;
      }
    } else {
      if (c == q) {
        ++pos_;
        break;
      }
      if (c == '\n' || c == '\r') {
        fail("line break inside a string (use \\n or a \"\"\"long string\"\"\")",
             static_cast<uint32_t>(pos_));
      }
    }
    if (c == '\\') {
      char e = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
      switch (e) {
        case 't': value += '\t'; break;
        case 'b': value += '\b'; break;
        case 'n': value += '\n'; break;
        case 'r': value += '\r'; break;
        case 'f': value += '\f'; break;
        case '"': value += '"'; break;
        case '\'': value += '\''; break;
        case '\\': value += '\\'; break;
        default:
          fail(std::string("invalid escape sequence '\\") + (e ? std::string(1, e) : "") +
                   "' in string",
               static_cast<uint32_t>(pos_));
      }
      pos_ += 2;
      continue;
    }
    char32_t cp;
    size_t len = decode_at(pos_, cp);
    value.append(text_, pos_, len);
    pos_ += len;
  }
  return make(Tok::String, start, std::move(value));
}

Token Lexer::scan_number(size_t start) {
  size_t i = start;
  if (text_[i] == '+' || text_[i] == '-') ++i;
  auto digits = [&](size_t& k) {
    size_t from = k;
    while (k < text_.size() && is_digit(text_[k])) ++k;
    return k - from;
  };
  size_t int_digits = digits(i);
  Tok kind = Tok::Integer;
  // Length of a valid EXPONENT at k, 0 if there is none.
  auto exponent = [&](size_t k) -> size_t {
    if (k >= text_.size() || (text_[k] != 'e' && text_[k] != 'E')) return 0;
    size_t e = k + 1;
    if (e < text_.size() && (text_[e] == '+' || text_[e] == '-')) ++e;
    return digits(e) > 0 ? e - k : 0;
  };
  // '.' belongs to the number only if followed by digits (DECIMAL) or, after integer digits, by
  // an exponent (DOUBLE "1.e5"); "1." is INTEGER then '.', as the longest-match rule gives.
  if (i < text_.size() && text_[i] == '.') {
    size_t k = i + 1;
    size_t frac_digits = digits(k);
    if (frac_digits > 0 || (int_digits > 0 && exponent(k) > 0)) {
      i = k;
      kind = Tok::Decimal;
    }
  }
  if (size_t e = exponent(i); e > 0) {
    i += e;
    kind = Tok::Double;
  }
  pos_ = i;
  return make(kind, start, text_.substr(start, i - start));
}

Token Lexer::scan_var(size_t start) {
  size_t i = start + 1;
  char32_t cp = 0;
  size_t len = decode_at(i, cp);
  if (len == 0 || !(is_pn_chars_u(cp) || (cp >= '0' && cp <= '9'))) {
    if (text_[start] == '?') {
      pos_ = start + 1;
      return make(Tok::Question, start);
    }
    fail("expected a variable name after '$'", static_cast<uint32_t>(start));
  }
  while (len > 0 && (is_pn_chars_u(cp) || (cp >= '0' && cp <= '9') || is_varname_extra(cp))) {
    i += len;
    len = decode_at(i, cp);
  }
  pos_ = i;
  return make(Tok::Var, start, text_.substr(start + 1, i - start - 1));
}

Token Lexer::scan_blank_label(size_t start) {
  // BLANK_NODE_LABEL ::= '_:' ( PN_CHARS_U | [0-9] ) ((PN_CHARS|'.')* PN_CHARS)?
  size_t i = start + 2;
  char32_t cp = 0;
  size_t len = decode_at(i, cp);
  if (len == 0 || !(is_pn_chars_u(cp) || (cp >= '0' && cp <= '9'))) {
    fail("expected a blank node label after '_:'", static_cast<uint32_t>(start));
  }
  i += len;
  size_t end = i;  // end of the last non-'.' character
  while ((len = decode_at(i, cp)) > 0 && (is_pn_chars(cp) || cp == '.')) {
    i += len;
    if (cp != '.') end = i;
  }
  pos_ = end;
  return make(Tok::BlankLabel, start, text_.substr(start + 2, end - start - 2));
}

Token Lexer::scan_name(size_t start) {
  // Either PN_PREFIX ':' ... (a prefixed name) or a bare word (keyword, 'a', true, ...).
  size_t i = start;
  size_t end = start;  // end of the last non-'.' character
  char32_t cp = 0;
  size_t len;
  while ((len = decode_at(i, cp)) > 0 && (is_pn_chars(cp) || cp == '.')) {
    i += len;
    if (cp != '.') end = i;
  }
  if (end < text_.size() && text_[end] == ':') return scan_pname(start, end);
  size_t w = start;
  while (w < text_.size() && (is_ascii_alpha(text_[w]) || is_digit(text_[w]) || text_[w] == '_')) {
    ++w;
  }
  if (w == start) {
    decode_at(start, cp);
    std::string shown;
    append_utf8(shown, cp);
    fail("unexpected character '" + shown + "'", static_cast<uint32_t>(start));
  }
  pos_ = w;
  return make(Tok::Word, start, text_.substr(start, w - start));
}

Token Lexer::scan_pname(size_t start, size_t colon) {
  // PN_LOCAL ::= (PN_CHARS_U | ':' | [0-9] | PLX) ((PN_CHARS | '.' | ':' | PLX)* (PN_CHARS | ':' | PLX))?
  std::string prefix = text_.substr(start, colon - start);
  size_t i = colon + 1;
  std::string local;
  size_t end = i;              // source end of the last non-'.' character
  size_t local_end = 0;        // local.size() at that point
  bool first = true;
  while (i < text_.size()) {
    char c = text_[i];
    if (c == '%') {
      if (i + 2 < text_.size() && is_hex(text_[i + 1]) && is_hex(text_[i + 2])) {
        local.append(text_, i, 3);  // PERCENT stays as written in the IRI
        i += 3;
      } else {
        fail("'%' in a prefixed name must be followed by two hex digits",
             static_cast<uint32_t>(i));
      }
    } else if (c == '\\') {
      char e = i + 1 < text_.size() ? text_[i + 1] : '\0';
      if (!is_local_escape_char(e)) {
        fail(std::string("invalid escape '\\") + e + "' in a prefixed name",
             static_cast<uint32_t>(i));
      }
      local += e;
      i += 2;
    } else {
      char32_t cp;
      size_t len = decode_at(i, cp);
      bool ok = first ? (is_pn_chars_u(cp) || cp == ':' || (cp >= '0' && cp <= '9'))
                      : (is_pn_chars(cp) || cp == '.' || cp == ':');
      if (!ok) break;
      local.append(text_, i, len);
      i += len;
      if (cp == '.') {
        first = false;
        continue;
      }
    }
    first = false;
    end = i;
    local_end = local.size();
  }
  local.resize(local_end);
  pos_ = end;
  Token t = make(local.empty() ? Tok::PNameNs : Tok::PNameLn, start, std::move(prefix));
  t.local = std::move(local);
  return t;
}

Token Lexer::scan_langtag(size_t start) {
  size_t i = start + 1;
  size_t from = i;
  while (i < text_.size() && is_ascii_alpha(text_[i])) ++i;
  if (i == from) fail("expected a language tag after '@'", static_cast<uint32_t>(start));
  while (i + 1 < text_.size() && text_[i] == '-' &&
         (is_ascii_alpha(text_[i + 1]) || is_digit(text_[i + 1]))) {
    ++i;
    while (i < text_.size() && (is_ascii_alpha(text_[i]) || is_digit(text_[i]))) ++i;
  }
  pos_ = i;
  return make(Tok::LangTag, start, text_.substr(start + 1, i - start - 1));
}

}  // namespace kikv::sparql::parser
