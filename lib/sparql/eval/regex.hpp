// XPath regular expressions (F&O 3.1 §5.6: fn:matches, fn:replace) for REGEX and REPLACE, on
// PCRE2 in UTF mode with Unicode properties. Flags are XPath's: s (dot matches newlines),
// m (multi-line ^ $), i (case-insensitive), x (whitespace outside character classes removed),
// q (the pattern is a literal string). Compiled patterns are cached per query, keyed by pattern
// and flags, so a FILTER with a constant pattern compiles it once.
//
// Not supported (PCRE2 has no equivalent): character class subtraction "[a-z-[aeiou]]" and the
// \p{IsBlockName} block escapes; such patterns are errors.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace kikv::sparql {

/// A compiled pattern (owned by the cache that made it).
class Regex;

/// Compiled patterns of one query execution. Not thread-safe.
class RegexCache {
 public:
  RegexCache();
  ~RegexCache();
  RegexCache(const RegexCache&) = delete;
  RegexCache& operator=(const RegexCache&) = delete;

  /// The compiled pattern, or nullptr if the flags or the pattern are invalid (an error).
  const Regex* get(std::string_view pattern, std::string_view flags);

  /// fn:matches: does `text` contain a match? nullopt on a matching error (invalid UTF-8, a
  /// resource limit).
  std::optional<bool> matches(const Regex& regex, std::string_view text);

  /// fn:replace: every non-overlapping match replaced by `replacement`, in which $N is the
  /// N-th group and \$ and \\ are literal (with the q flag the replacement is literal).
  /// nullopt (err:FORX0003/4) if the pattern matches the empty string or the replacement is
  /// invalid, and on matching errors.
  std::optional<std::string> replace(const Regex& regex, std::string_view text,
                                     std::string_view replacement);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kikv::sparql
