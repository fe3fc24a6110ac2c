// SPARQL 1.1 tokenizer (§19.8 terminals). Codepoint escapes (\uXXXX, \UXXXXXXXX) are replaced
// before tokenizing, in one pass, as §19.2 says; positions in messages still refer to the text
// as written.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "sparql/ast.hpp"

namespace kikv::sparql::parser {

enum class Tok : uint8_t {
  End,
  Word,        ///< a bare word: keyword, `a`, true/false, builtin name (text as written)
  IriRef,      ///< <...> (text: the IRI as written, unresolved)
  PNameNs,     ///< prefix: (text: prefix)
  PNameLn,     ///< prefix:local (text: prefix, local: unescaped local part)
  BlankLabel,  ///< _:label (text: label)
  Var,         ///< ?x / $x (text: name)
  String,      ///< any of the four quote styles (text: the unescaped value)
  LangTag,     ///< @nl-NL (text: tag without '@')
  Integer,     ///< text: lexical form, with its sign if written (INTEGER_POSITIVE ...)
  Decimal,
  Double,
  LBrace, RBrace, LParen, RParen, LBracket, RBracket,
  Semicolon, Comma, Dot,
  Eq, Ne, Lt, Gt, Le, Ge,
  Bang, AndAnd, OrOr,
  Plus, Minus, Star, Slash,
  Caret, CaretCaret, Pipe, Question,
};

struct Token {
  Tok kind = Tok::End;
  uint32_t offset = 0;  ///< byte offset in the unescaped text
  uint32_t length = 0;  ///< bytes in the unescaped text
  std::string text;
  std::string local;  ///< PNameLn only
};

/// Turns query text into tokens on demand, with arbitrary lookahead.
class Lexer {
 public:
  /// Throws SyntaxError for a bad codepoint escape or invalid UTF-8.
  Lexer(std::string_view text, std::string source);

  /// The k-th token ahead (0 = the next one); throws SyntaxError on a lexical error.
  const Token& peek(size_t k = 0);
  Token next();

  /// 1-based line/column (characters) of an offset in the unescaped text.
  ast::SourcePos position(uint32_t offset) const;
  /// The unescaped source text of a token, for messages.
  std::string_view raw(const Token& t) const;
  const std::string& source() const { return source_; }
  /// Throws SyntaxError at `offset` (in the unescaped text).
  [[noreturn]] void fail(const std::string& message, uint32_t offset) const;

 private:
  Token scan();
  void skip_space_and_comments();
  Token make(Tok kind, size_t start, std::string text = {});
  Token scan_iri_or_less(size_t start);
  Token scan_string(size_t start);
  Token scan_number(size_t start);
  Token scan_var(size_t start);
  Token scan_blank_label(size_t start);
  Token scan_name(size_t start);
  Token scan_pname(size_t start, size_t colon);
  Token scan_langtag(size_t start);
  /// Decodes the code point at pos_ + ahead; returns its byte length (0 at the end).
  size_t decode_at(size_t at, char32_t& cp) const;

  std::string source_;
  std::string original_;  ///< as given (for line/column)
  std::string text_;      ///< after codepoint-escape replacement
  /// (offset in text_, offset in original_) at each point where the two stop being aligned.
  std::vector<std::pair<uint32_t, uint32_t>> shifts_;
  mutable std::vector<uint32_t> line_starts_;  ///< offsets in original_, computed on demand
  mutable uint32_t cache_line_ = 0;    ///< last position() answer: line index,
  mutable uint32_t cache_offset_ = 0;  ///< offset in original_,
  mutable uint32_t cache_column_ = 1;  ///< and column
  size_t pos_ = 0;
  std::deque<Token> ahead_;
};

/// Code point classes of the grammar (§19.8).
bool is_pn_chars_base(char32_t c);
bool is_pn_chars_u(char32_t c);
bool is_pn_chars(char32_t c);
/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

}  // namespace kikv::sparql::parser
