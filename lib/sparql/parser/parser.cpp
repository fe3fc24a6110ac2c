#include "sparql/parser/parser.hpp"

#include <algorithm>

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

void Parser::check_height(uint64_t height, const ast::SourcePos& p) const {
  if (height > options_.max_height) {
    fail_at(p, "query too complex: its expressions, paths or patterns form a tree more than " +
                   std::to_string(options_.max_height) +
                   " levels high (long chains of operators, group elements or UNION branches)");
  }
}

void Parser::seal(ast::Expr& e) const {
  uint64_t h = 0;
  for (const auto& a : e.args) h = std::max<uint64_t>(h, a.height);
  for (const auto& p : e.pattern) h = std::max<uint64_t>(h, p.height);
  check_height(h + 1, e.pos);
  e.height = static_cast<uint32_t>(h + 1);
}

namespace {

uint64_t path_height(const Path& p) {
  uint64_t h = 0;
  for (const auto& a : p.args) h = std::max(h, path_height(a));
  return h + 1;
}

}  // namespace

uint64_t Parser::select_height(const ast::SelectQuery& s) const {
  // Group, Filter (HAVING), Join (VALUES), one Extend per select expression, OrderBy, Project,
  // Distinct, Slice over the pattern; expressions hang below those.
  uint64_t h = s.where.height;
  for (const auto& p : s.projection) {
    if (p.expr) h = std::max<uint64_t>(h, p.expr->height);
  }
  for (const auto& g : s.group_by) h = std::max<uint64_t>(h, g.expr.height);
  for (const auto& e : s.having) h = std::max<uint64_t>(h, e.height);
  for (const auto& o : s.order_by) h = std::max<uint64_t>(h, o.expr.height);
  return h + 8 + s.projection.size();
}

void Parser::seal_group(ast::Pattern& group) const {
  // Translation (§18.2.2.6) folds the elements left-deep: one Join/LeftJoin/Minus/Extend per
  // element (per Bgp/Path part of a triples block), one Filter on top. So the height is at most
  // the number of those folds plus the highest element.
  uint64_t folds = 2;
  uint64_t highest = 0;
  for (const auto& e : group.children) {
    uint64_t h = 1;
    switch (e.kind) {
      case ast::PatternKind::Triples:
        // Plain triples share one Bgp; each path may split it (a Path op and a new Bgp).
        for (const auto& t : e.triples) {
          if (!t.path) continue;
          folds += 2;
          h = std::max(h, path_height(*t.path) + 1);
        }
        break;
      case ast::PatternKind::Filter:
      case ast::PatternKind::Bind: h = e.expr.height + 1; break;
      case ast::PatternKind::Union:
        for (const auto& c : e.children) h = std::max<uint64_t>(h, c.height);
        h += e.children.size();
        break;
      case ast::PatternKind::SubSelect: h = select_height(e.select[0]); break;
      case ast::PatternKind::Values: break;
      default:
        for (const auto& c : e.children) h = std::max<uint64_t>(h, c.height + 1);
        break;
    }
    ++folds;
    highest = std::max(highest, h);
  }
  check_height(folds + highest, group.pos);
  group.height = static_cast<uint32_t>(folds + highest);
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
