#include "sparql/parser/parser.hpp"

#include "rdf/error.hpp"
#include "sparql/parser/checks.hpp"

namespace kikv::sparql::parser {

bool keyword_equals(std::string_view word, std::string_view keyword) {
  if (word.size() != keyword.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != keyword[i]) return false;
  }
  return true;
}

Parser::Parser(std::string_view text, const ParseOptions& options)
    : lex_(text, options.source), options_(options), base_(options.base) {
  for (const auto& [prefix, iri] : options.prefixes) {
    prefixes_[prefix] = iri;
    prefix_order_.emplace_back(prefix, iri);
  }
}

bool Parser::at_keyword(std::string_view keyword, size_t k) {
  const Token& t = peek(k);
  return t.kind == Tok::Word && keyword_equals(t.text, keyword);
}

bool Parser::accept(Tok kind) {
  if (!at(kind)) return false;
  next();
  return true;
}

bool Parser::accept_keyword(std::string_view keyword) {
  if (!at_keyword(keyword)) return false;
  next();
  return true;
}

Token Parser::expect(Tok kind, std::string_view what) {
  if (!at(kind)) fail_expected(what);
  return next();
}

void Parser::expect_keyword(std::string_view keyword) {
  if (!at_keyword(keyword)) fail_expected(std::string(keyword));
  next();
}

std::string Parser::describe(const Token& t) const {
  if (t.kind == Tok::End) return "end of input";
  std::string_view raw = lex_.raw(t);
  std::string shown(raw.substr(0, 40));
  if (raw.size() > 40) shown += "...";
  for (char& c : shown) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return "'" + shown + "'";
}

void Parser::fail_expected(std::string_view what) {
  const Token& t = peek();
  auto p = pos_of(t);
  throw SyntaxError("expected " + std::string(what) + ", found " + describe(t), lex_.source(),
                    p.line, p.column);
}

void Parser::fail_at(const ast::SourcePos& p, const std::string& message) const {
  throw SyntaxError(message, lex_.source(), p.line, p.column);
}

Parser::DepthGuard::DepthGuard(Parser& p) : parser(p) {
  if (++parser.depth_ > parser.options_.max_depth) {
    --parser.depth_;
    parser.fail_at(parser.pos(), "query nested too deeply (more than " +
                                     std::to_string(parser.options_.max_depth) +
                                     " levels of groups, parentheses or paths)");
  }
}

}  // namespace kikv::sparql::parser

namespace kikv::sparql {

ast::Query parse_syntax(std::string_view text, const ParseOptions& options) {
  parser::Parser p(text, options);
  ast::Query q = p.parse_query_unit();
  parser::check_query(q, options);
  return q;
}

Query parse_query(std::string_view text, const ParseOptions& options) {
  auto syntax = std::make_shared<ast::Query>(parse_syntax(text, options));
  Query q = translate(*syntax);
  q.syntax = std::move(syntax);
  return q;
}

}  // namespace kikv::sparql
