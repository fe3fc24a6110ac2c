#include "sparql/eval/regex.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <unordered_map>

namespace kikv::sparql {

class Regex {
 public:
  pcre2_code* code = nullptr;
  bool literal = false;  ///< the q flag: the replacement string is literal too
  ~Regex() { pcre2_code_free(code); }
};

namespace {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// XPath's x flag: removes whitespace outside character classes (PCRE2_EXTENDED would also
/// treat '#' as the start of a comment, which XPath does not).
std::string strip_whitespace(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += c;
      out += pattern[++i];
      continue;
    }
    if (c == '[') in_class = true;
    if (c == ']') in_class = false;
    if (!in_class && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) continue;
    out += c;
  }
  return out;
}

}  // namespace

class RegexCache::Impl {
 public:
  Impl() {
    context = pcre2_compile_context_create(nullptr);
    pcre2_set_newline(context, PCRE2_NEWLINE_ANYCRLF);  // XPath '.' excludes \n and \r
    match_data = pcre2_match_data_create(32, nullptr);
  }
  ~Impl() {
    pcre2_match_data_free(match_data);
    pcre2_compile_context_free(context);
  }

  pcre2_compile_context* context = nullptr;
  pcre2_match_data* match_data = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Regex>, StringHash, std::equal_to<>> cache;
  std::string key;  ///< flags '\0' pattern, reused so that lookups do not allocate

  std::unique_ptr<Regex> compile(std::string_view pattern, std::string_view flags) {
    uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_DOLLAR_ENDONLY;
    bool strip = false, literal = false;
    for (char f : flags) {
      switch (f) {
        case 's': options |= PCRE2_DOTALL; break;
        case 'm': options |= PCRE2_MULTILINE; break;
        case 'i': options |= PCRE2_CASELESS; break;
        case 'x': strip = true; break;
        case 'q': literal = true; break;
        default: return nullptr;  // err:FORX0001
      }
    }
    std::string stripped;
    if (literal) {
      options = PCRE2_UTF | PCRE2_LITERAL | (options & PCRE2_CASELESS);
    } else if (strip) {
      stripped = strip_whitespace(pattern);
      pattern = stripped;
    }
    int error = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                     options, &error, &offset, context);
    if (code == nullptr) return nullptr;
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // optional speed-up; ignore failure
    auto r = std::make_unique<Regex>();
    r->code = code;
    r->literal = literal;
    return r;
  }

  /// Runs one match from `start`; the number of pairs in the ovector, 0 for no match, <0 error.
  int match(const Regex& regex, std::string_view text, size_t start) {
    return pcre2_match(regex.code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), start,
                       0, match_data, nullptr);
  }
};

RegexCache::RegexCache() : impl_(std::make_unique<Impl>()) {}
RegexCache::~RegexCache() = default;

const Regex* RegexCache::get(std::string_view pattern, std::string_view flags) {
  Impl& m = *impl_;
  m.key.assign(flags);
  m.key += '\0';
  m.key.append(pattern);
  auto it = m.cache.find(std::string_view(m.key));
  if (it == m.cache.end()) it = m.cache.emplace(m.key, m.compile(pattern, flags)).first;
  return it->second.get();
}

std::optional<bool> RegexCache::matches(const Regex& regex, std::string_view text) {
  const int rc = impl_->match(regex, text, 0);
  if (rc == PCRE2_ERROR_NOMATCH) return false;
  if (rc < 0) return std::nullopt;
  return true;
}

std::optional<std::string> RegexCache::replace(const Regex& regex, std::string_view text,
                                               std::string_view replacement) {
  Impl& m = *impl_;
  // err:FORX0003: a pattern that matches the empty string.
  {
    const int rc = m.match(regex, "", 0);
    if (rc >= 0) return std::nullopt;
    if (rc != PCRE2_ERROR_NOMATCH) return std::nullopt;
  }
  uint32_t groups = 0;
  pcre2_pattern_info(regex.code, PCRE2_INFO_CAPTURECOUNT, &groups);
  // Validate the replacement once (err:FORX0004): '\' only before '\' or '$', '$' only before a
  // digit.
  if (!regex.literal) {
    for (size_t i = 0; i < replacement.size(); ++i) {
      const char c = replacement[i];
      if (c == '\\') {
        if (i + 1 >= replacement.size() || (replacement[i + 1] != '\\' && replacement[i + 1] != '$')) {
          return std::nullopt;
        }
        ++i;
      } else if (c == '$') {
        if (i + 1 >= replacement.size() || replacement[i + 1] < '0' || replacement[i + 1] > '9') {
          return std::nullopt;
        }
      }
    }
  }
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos <= text.size()) {
    const int rc = m.match(regex, text, pos);
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0) return std::nullopt;
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(m.match_data);
    const uint32_t pairs = pcre2_get_ovector_count(m.match_data);
    out.append(text.substr(pos, ov[0] - pos));
    if (regex.literal) {
      out.append(replacement);
    } else {
      for (size_t i = 0; i < replacement.size(); ++i) {
        const char c = replacement[i];
        if (c == '\\') {
          out += replacement[++i];
        } else if (c == '$') {
          // $N: as many digits as still name an existing group (at least one digit).
          uint32_t n = static_cast<uint32_t>(replacement[++i] - '0');
          while (i + 1 < replacement.size() && replacement[i + 1] >= '0' &&
                 replacement[i + 1] <= '9') {
            const uint32_t next = n * 10 + static_cast<uint32_t>(replacement[i + 1] - '0');
            if (next > groups) break;
            n = next;
            ++i;
          }
          if (n <= groups && n < pairs && ov[2 * n] != PCRE2_UNSET) {
            out.append(text.substr(ov[2 * n], ov[2 * n + 1] - ov[2 * n]));
          }
        } else {
          out += c;
        }
      }
    }
    pos = ov[1];
    if (ov[1] == ov[0]) {
      // An empty match not at the start of a string (a lookahead): copy one character and go on.
      if (pos >= text.size()) break;
      size_t n = 1;
      while (pos + n < text.size() && (static_cast<unsigned char>(text[pos + n]) & 0xC0) == 0x80) ++n;
      out.append(text.substr(pos, n));
      pos += n;
    }
  }
  if (pos < text.size()) out.append(text.substr(pos));
  return out;
}

}  // namespace kikv::sparql
