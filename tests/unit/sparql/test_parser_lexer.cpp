#include <catch2/catch.hpp>

#include "sparql/parser/lexer.hpp"
#include "sparql_test_util.hpp"

using kikv::sparql::parser::Lexer;
using kikv::sparql::parser::Tok;
using kikv::sparql::testing::syntax_error;

namespace {

std::vector<Tok> kinds(std::string_view text) {
  Lexer lex(text, "t");
  std::vector<Tok> out;
  while (lex.peek().kind != Tok::End) out.push_back(lex.next().kind);
  return out;
}

std::vector<std::string> texts(std::string_view text) {
  Lexer lex(text, "t");
  std::vector<std::string> out;
  while (lex.peek().kind != Tok::End) {
    auto t = lex.next();
    if (t.kind == Tok::PNameLn) {
      out.push_back(t.text + ":" + t.local);
    } else if (t.kind == Tok::Dot) {
      out.push_back(".");
    } else {
      out.push_back(t.text);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("lexer: punctuation and operators", "[sparql][parser][lexer]") {
  CHECK(kinds("{ } ( ) [ ] ; , . = != < > <= >= ! && || + - * / ^ ^^ | ?") ==
        std::vector<Tok>{Tok::LBrace, Tok::RBrace, Tok::LParen, Tok::RParen, Tok::LBracket,
                         Tok::RBracket, Tok::Semicolon, Tok::Comma, Tok::Dot, Tok::Eq, Tok::Ne,
                         Tok::Lt, Tok::Gt, Tok::Le, Tok::Ge, Tok::Bang, Tok::AndAnd, Tok::OrOr,
                         Tok::Plus, Tok::Minus, Tok::Star, Tok::Slash, Tok::Caret,
                         Tok::CaretCaret, Tok::Pipe, Tok::Question});
}

TEST_CASE("lexer: IRIREF versus the < operator (longest match, as the grammar says)",
          "[sparql][parser][lexer]") {
  CHECK(kinds("?a<?b") == std::vector<Tok>{Tok::Var, Tok::Lt, Tok::Var});
  CHECK(kinds("?a < ?b") == std::vector<Tok>{Tok::Var, Tok::Lt, Tok::Var});
  CHECK(kinds("?a <= ?b") == std::vector<Tok>{Tok::Var, Tok::Le, Tok::Var});
  // "<?a&&?b>" is an IRI reference: SPARQL 1.0 test syn-bad-26 relies on it.
  CHECK(kinds("?x<?a&&?b>?y") == std::vector<Tok>{Tok::Var, Tok::IriRef, Tok::Var});
  CHECK(texts("<http://example.org/a#b>") == std::vector<std::string>{"http://example.org/a#b"});
}

TEST_CASE("lexer: numbers, with the sign as part of the literal", "[sparql][parser][lexer]") {
  CHECK(kinds("1 1.5 .5 1e3 1.E3 1.5e-3 +1 -2.5 +.5e1") ==
        std::vector<Tok>{Tok::Integer, Tok::Decimal, Tok::Decimal, Tok::Double, Tok::Double,
                         Tok::Double, Tok::Integer, Tok::Decimal, Tok::Double});
  CHECK(texts("+1 -2.5") == std::vector<std::string>{"+1", "-2.5"});
  // "1." is INTEGER then '.' (SPARQL 1.1 DECIMAL needs a digit after the dot).
  CHECK(kinds("1.") == std::vector<Tok>{Tok::Integer, Tok::Dot});
  CHECK(kinds("1.e") == std::vector<Tok>{Tok::Integer, Tok::Dot, Tok::Word});
  CHECK(kinds("?x-1") == std::vector<Tok>{Tok::Var, Tok::Integer});
  CHECK(kinds("?x - 1") == std::vector<Tok>{Tok::Var, Tok::Minus, Tok::Integer});
}

TEST_CASE("lexer: prefixed names, words, variables, blank nodes, language tags",
          "[sparql][parser][lexer]") {
  CHECK(texts("onz-fin: onz-g:isAbout :x a SELECT ex:a.b. ?x $y _:b1 @nl-NL") ==
        std::vector<std::string>{"onz-fin", "onz-g:isAbout", ":x", "a", "SELECT", "ex:a.b", ".",
                                 "x", "y", "b1", "nl-NL"});
  CHECK(kinds("onz-fin: a:b") == std::vector<Tok>{Tok::PNameNs, Tok::PNameLn});
  // Escapes and percent-encodings in local names (PLX).
  CHECK(texts(R"(ex:a\.b ex:100%25 ex:\~x ex::c)") ==
        std::vector<std::string>{"ex:a.b", "ex:100%25", "ex:~x", "ex::c"});
  CHECK(texts("?x·y ?é") == std::vector<std::string>{"x·y", "é"});
  CHECK(texts("_:a.b. _:1") == std::vector<std::string>{"a.b", ".", "1"});
}

TEST_CASE("lexer: strings in the four quote styles with escapes", "[sparql][parser][lexer]") {
  CHECK(texts(R"("a\tb" 'c\'d' """e"f""g""" '''h
i''')") == std::vector<std::string>{"a\tb", "c'd", "e\"f\"\"g", "h\ni"});
  CHECK(texts(R"("\b\f\n\r\\\"")") == std::vector<std::string>{"\b\f\n\r\\\""});
}

TEST_CASE("lexer: codepoint escapes are replaced once, before tokenizing (§19.2)",
          "[sparql][parser][lexer]") {
  CHECK(texts(R"("\u00e9\U0001F46A" <http://x/\u0061>)") ==
        std::vector<std::string>{"é\xF0\x9F\x91\xAA", "http://x/a"});
  // "\u0022" produces a quote that ends the string: escapes apply everywhere.
  CHECK(kinds(R"("a\u0022 ?x)") == std::vector<Tok>{Tok::String, Tok::Var});
  // An escaped backslash does not start a codepoint escape (as in Java and Jena).
  CHECK(texts(R"("\\u0041")") == std::vector<std::string>{"\\u0041"});
}

TEST_CASE("lexer: error positions are 1-based line:column in the text as written",
          "[sparql][parser][lexer]") {
  auto error_at = [](std::string_view text) {
    try {
      Lexer lex(text, "q.rq");
      while (lex.next().kind != Tok::End) {
      }
    } catch (const kikv::SyntaxError& e) {
      return std::to_string(e.line()) + ":" + std::to_string(e.column()) + " " + e.detail();
    }
    return std::string("no error");
  };
  CHECK(error_at("?x\n  \"abc") == "2:3 unterminated string");
  CHECK(error_at("?x \"a\nb\"") == "1:6 line break inside a string (use \\n or a \"\"\"long string\"\"\")");
  CHECK(error_at("\"\\q\"") == "1:2 invalid escape sequence '\\q' in string");
  CHECK(error_at("?x & ?y") == "1:4 unexpected character '&' (did you mean '&&'?)");
  // Columns count characters, and refer to the text before escape replacement.
  CHECK(error_at("\"é\\u00e9\" `") == "1:11 unexpected character '`'");
  CHECK(error_at("'\\uD800'") ==
        "1:2 codepoint escape \\uD800 is not a Unicode scalar value (surrogate or beyond U+10FFFF)");
  CHECK(error_at("'\\u12'") == "1:2 bad codepoint escape: \\u needs 4 hex digits");
  CHECK(error_at("ex:a%2") == "1:5 '%' in a prefixed name must be followed by two hex digits");
  CHECK(error_at("\"\xff\"") == "1:2 invalid UTF-8 in the query text");
}

TEST_CASE("lexer: keywords are case-insensitive, 'a' is not", "[sparql][parser][lexer]") {
  CHECK(syntax_error("select * where { ?s a ?o } limit 1") == "");
  CHECK(syntax_error("SeLeCt * WhErE { ?s ?p TRUE FILTER(False) }") == "");
  CHECK(syntax_error("SELECT * { ?s A ?o }") ==
        "query:1:15: expected a predicate (IRI, 'a', variable or path), found 'A'");
}
