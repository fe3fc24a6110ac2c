// Expressions, builtin calls and aggregates (§19.8 rules 110-128).
#include "rdf/error.hpp"
#include "sparql/parser/parser.hpp"

namespace kikv::sparql::parser {
namespace {

/// How a builtin keyword is called.
enum class Args : uint8_t {
  Fixed,    ///< '(' Expression (',' Expression){min-1} ')', min == max
  Range,    ///< between min and max expressions
  Nil,      ///< NIL only: RAND() NOW() UUID() STRUUID()
  List,     ///< ExpressionList (any number, also NIL): CONCAT, COALESCE
  BnodeArg, ///< '(' Expression ')' | NIL
  BoundVar, ///< '(' Var ')'
};

struct BuiltinSpec {
  std::string_view keyword;
  Builtin builtin;
  Args args;
  uint8_t min;
  uint8_t max;
};

constexpr BuiltinSpec kBuiltins[] = {
    {"STR", Builtin::Str, Args::Fixed, 1, 1},
    {"LANG", Builtin::Lang, Args::Fixed, 1, 1},
    {"LANGMATCHES", Builtin::LangMatches, Args::Fixed, 2, 2},
    {"DATATYPE", Builtin::Datatype, Args::Fixed, 1, 1},
    {"BOUND", Builtin::Bound, Args::BoundVar, 1, 1},
    {"IRI", Builtin::Iri, Args::Fixed, 1, 1},
    {"URI", Builtin::Iri, Args::Fixed, 1, 1},
    {"BNODE", Builtin::Bnode, Args::BnodeArg, 0, 1},
    {"RAND", Builtin::Rand, Args::Nil, 0, 0},
    {"ABS", Builtin::Abs, Args::Fixed, 1, 1},
    {"CEIL", Builtin::Ceil, Args::Fixed, 1, 1},
    {"FLOOR", Builtin::Floor, Args::Fixed, 1, 1},
    {"ROUND", Builtin::Round, Args::Fixed, 1, 1},
    {"CONCAT", Builtin::Concat, Args::List, 0, 255},
    {"SUBSTR", Builtin::Substr, Args::Range, 2, 3},
    {"STRLEN", Builtin::StrLen, Args::Fixed, 1, 1},
    {"REPLACE", Builtin::Replace, Args::Range, 3, 4},
    {"UCASE", Builtin::UCase, Args::Fixed, 1, 1},
    {"LCASE", Builtin::LCase, Args::Fixed, 1, 1},
    {"ENCODE_FOR_URI", Builtin::EncodeForUri, Args::Fixed, 1, 1},
    {"CONTAINS", Builtin::Contains, Args::Fixed, 2, 2},
    {"STRSTARTS", Builtin::StrStarts, Args::Fixed, 2, 2},
    {"STRENDS", Builtin::StrEnds, Args::Fixed, 2, 2},
    {"STRBEFORE", Builtin::StrBefore, Args::Fixed, 2, 2},
    {"STRAFTER", Builtin::StrAfter, Args::Fixed, 2, 2},
    {"YEAR", Builtin::Year, Args::Fixed, 1, 1},
    {"MONTH", Builtin::Month, Args::Fixed, 1, 1},
    {"DAY", Builtin::Day, Args::Fixed, 1, 1},
    {"HOURS", Builtin::Hours, Args::Fixed, 1, 1},
    {"MINUTES", Builtin::Minutes, Args::Fixed, 1, 1},
    {"SECONDS", Builtin::Seconds, Args::Fixed, 1, 1},
    {"TIMEZONE", Builtin::Timezone, Args::Fixed, 1, 1},
    {"TZ", Builtin::Tz, Args::Fixed, 1, 1},
    {"NOW", Builtin::Now, Args::Nil, 0, 0},
    {"UUID", Builtin::Uuid, Args::Nil, 0, 0},
    {"STRUUID", Builtin::StrUuid, Args::Nil, 0, 0},
    {"MD5", Builtin::Md5, Args::Fixed, 1, 1},
    {"SHA1", Builtin::Sha1, Args::Fixed, 1, 1},
    {"SHA256", Builtin::Sha256, Args::Fixed, 1, 1},
    {"SHA384", Builtin::Sha384, Args::Fixed, 1, 1},
    {"SHA512", Builtin::Sha512, Args::Fixed, 1, 1},
    {"COALESCE", Builtin::Coalesce, Args::List, 0, 255},
    {"IF", Builtin::If, Args::Fixed, 3, 3},
    {"STRLANG", Builtin::StrLang, Args::Fixed, 2, 2},
    {"STRDT", Builtin::StrDt, Args::Fixed, 2, 2},
    {"SAMETERM", Builtin::SameTerm, Args::Fixed, 2, 2},
    {"ISIRI", Builtin::IsIri, Args::Fixed, 1, 1},
    {"ISURI", Builtin::IsIri, Args::Fixed, 1, 1},
    {"ISBLANK", Builtin::IsBlank, Args::Fixed, 1, 1},
    {"ISLITERAL", Builtin::IsLiteral, Args::Fixed, 1, 1},
    {"ISNUMERIC", Builtin::IsNumeric, Args::Fixed, 1, 1},
    {"REGEX", Builtin::Regex, Args::Range, 2, 3},
};

struct AggregateSpec {
  std::string_view keyword;
  AggregateKind kind;
};
constexpr AggregateSpec kAggregates[] = {
    {"COUNT", AggregateKind::Count}, {"SUM", AggregateKind::Sum},
    {"MIN", AggregateKind::Min},     {"MAX", AggregateKind::Max},
    {"AVG", AggregateKind::Avg},     {"SAMPLE", AggregateKind::Sample},
    {"GROUP_CONCAT", AggregateKind::GroupConcat},
};

const BuiltinSpec* find_builtin(std::string_view word) {
  for (const auto& b : kBuiltins) {
    if (keyword_equals(word, b.keyword)) return &b;
  }
  return nullptr;
}

const AggregateSpec* find_aggregate(std::string_view word) {
  for (const auto& a : kAggregates) {
    if (keyword_equals(word, a.keyword)) return &a;
  }
  return nullptr;
}

ast::Expr node(ExprKind kind, ast::SourcePos pos, std::vector<ast::Expr> args = {}) {
  ast::Expr e;
  e.kind = kind;
  e.pos = pos;
  e.args = std::move(args);
  return e;
}

ast::Expr constant(rdf::Term t, ast::SourcePos pos) {
  ast::Expr e = node(ExprKind::Constant, pos);
  e.term = std::move(t);
  return e;
}

ast::Expr binary(ExprKind kind, ast::Expr a, ast::Expr b) {
  ast::SourcePos p = a.pos;
  std::vector<ast::Expr> args;
  args.reserve(2);
  args.push_back(std::move(a));
  args.push_back(std::move(b));
  return node(kind, p, std::move(args));
}

}  // namespace

ast::Expr Parser::parse_expression() {
  // Expression ::= ConditionalOrExpression ::= ConditionalAndExpression ( '||' ... )*
  DepthGuard guard(*this);
  ast::Expr left = parse_conditional_and();
  while (accept(Tok::OrOr)) left = binary(ExprKind::Or, std::move(left), parse_conditional_and());
  return left;
}

ast::Expr Parser::parse_conditional_and() {
  ast::Expr left = parse_relational();
  while (accept(Tok::AndAnd)) left = binary(ExprKind::And, std::move(left), parse_relational());
  return left;
}

ast::Expr Parser::parse_relational() {
  // RelationalExpression ::= NumericExpression ( '=' NumericExpression | ... | 'IN' ExpressionList
  //                          | 'NOT' 'IN' ExpressionList )?   (not associative)
  ast::Expr left = parse_additive();
  ExprKind kind;
  switch (peek().kind) {
    case Tok::Eq: kind = ExprKind::Equal; break;
    case Tok::Ne: kind = ExprKind::NotEqual; break;
    case Tok::Lt: kind = ExprKind::Less; break;
    case Tok::Gt: kind = ExprKind::Greater; break;
    case Tok::Le: kind = ExprKind::LessEqual; break;
    case Tok::Ge: kind = ExprKind::GreaterEqual; break;
    case Tok::Word: {
      bool negated = at_keyword("NOT") && at_keyword("IN", 1);
      if (!negated && !at_keyword("IN")) return left;
      next();
      if (negated) next();
      std::vector<ast::Expr> args;
      args.push_back(std::move(left));
      for (auto& e : parse_expression_list()) args.push_back(std::move(e));
      ast::SourcePos p = args[0].pos;
      return node(negated ? ExprKind::NotIn : ExprKind::In, p, std::move(args));
    }
    default: return left;
  }
  next();
  return binary(kind, std::move(left), parse_additive());
}

ast::Expr Parser::parse_additive() {
  // AdditiveExpression ::= MultiplicativeExpression ( '+' MultiplicativeExpression
  //   | '-' MultiplicativeExpression
  //   | ( NumericLiteralPositive | NumericLiteralNegative ) ( ( '*' UnaryExpression )
  //     | ( '/' UnaryExpression ) )* )*
  // "?x -1" is ?x minus 1: the sign of a signed literal acts as the operator.
  ast::Expr left = parse_multiplicative();
  while (true) {
    if (at(Tok::Plus) || at(Tok::Minus)) {
      ExprKind kind = at(Tok::Plus) ? ExprKind::Add : ExprKind::Subtract;
      next();
      left = binary(kind, std::move(left), parse_multiplicative());
      continue;
    }
    const Token& t = peek();
    bool signed_number = (t.kind == Tok::Integer || t.kind == Tok::Decimal || t.kind == Tok::Double) &&
                         (t.text[0] == '+' || t.text[0] == '-');
    if (!signed_number) return left;
    Token tok = next();
    ExprKind kind = tok.text[0] == '+' ? ExprKind::Add : ExprKind::Subtract;
    tok.text.erase(0, 1);
    ast::Expr right = constant(numeric_literal(tok), pos_of(tok));
    while (at(Tok::Star) || at(Tok::Slash)) {
      ExprKind op = at(Tok::Star) ? ExprKind::Multiply : ExprKind::Divide;
      next();
      right = binary(op, std::move(right), parse_unary());
    }
    left = binary(kind, std::move(left), std::move(right));
  }
}

ast::Expr Parser::parse_multiplicative() {
  ast::Expr left = parse_unary();
  while (at(Tok::Star) || at(Tok::Slash)) {
    ExprKind kind = at(Tok::Star) ? ExprKind::Multiply : ExprKind::Divide;
    next();
    left = binary(kind, std::move(left), parse_unary());
  }
  return left;
}

ast::Expr Parser::parse_unary() {
  // UnaryExpression ::= '!' PrimaryExpression | '+' PrimaryExpression | '-' PrimaryExpression
  //                   | PrimaryExpression
  auto p = pos();
  if (accept(Tok::Bang)) return node(ExprKind::Not, p, {parse_primary()});
  if (accept(Tok::Plus)) return node(ExprKind::UnaryPlus, p, {parse_primary()});
  if (accept(Tok::Minus)) return node(ExprKind::UnaryMinus, p, {parse_primary()});
  return parse_primary();
}

ast::Expr Parser::parse_var_expr() {
  Token t = expect(Tok::Var, "a variable");
  ast::Expr e = node(ExprKind::Var, pos_of(t));
  e.var = std::move(t.text);
  return e;
}

ast::Expr Parser::parse_primary() {
  // PrimaryExpression ::= BrackettedExpression | BuiltInCall | iriOrFunction | RDFLiteral
  //                     | NumericLiteral | BooleanLiteral | Var
  auto p = pos();
  const Token& t = peek();
  switch (t.kind) {
    case Tok::LParen: return parse_bracketted_expression();
    case Tok::Var: return parse_var_expr();
    case Tok::IriRef:
    case Tok::PNameLn:
    case Tok::PNameNs: return parse_iri_or_function(/*require_args=*/false);
    case Tok::String:
    case Tok::Integer:
    case Tok::Decimal:
    case Tok::Double: return constant(parse_literal(), p);
    case Tok::Word:
      if (at_literal()) return constant(parse_literal(), p);
      if (starts_builtin_call()) return parse_builtin_call();
      if (peek(1).kind == Tok::LParen) {
        fail_at(p, "unknown function " + t.text + "() (use an IRI for extension functions)");
      }
      break;
    case Tok::BlankLabel:
    case Tok::LBracket:
      fail_at(p, "blank nodes are not allowed in expressions");
    default: break;
  }
  fail_expected("an expression");
}

ast::Expr Parser::parse_bracketted_expression() {
  expect(Tok::LParen, "'('");
  ast::Expr e = parse_expression();
  expect(Tok::RParen, "')'");
  return e;
}

ast::Expr Parser::parse_constraint() {
  // Constraint ::= BrackettedExpression | BuiltInCall | FunctionCall
  if (at(Tok::LParen)) return parse_bracketted_expression();
  if (starts_builtin_call()) return parse_builtin_call();
  if (at_iri()) return parse_iri_or_function(/*require_args=*/true);
  fail_expected("'(' or a function call");
}

bool Parser::starts_builtin_call() {
  const Token& t = peek();
  if (t.kind != Tok::Word) return false;
  if (keyword_equals(t.text, "EXISTS")) return true;
  if (keyword_equals(t.text, "NOT")) return at_keyword("EXISTS", 1);
  return find_builtin(t.text) != nullptr || find_aggregate(t.text) != nullptr;
}

std::vector<ast::Expr> Parser::parse_expression_list() {
  // ExpressionList ::= NIL | '(' Expression ( ',' Expression )* ')'
  expect(Tok::LParen, "'('");
  std::vector<ast::Expr> args;
  if (accept(Tok::RParen)) return args;
  do {
    args.push_back(parse_expression());
  } while (accept(Tok::Comma));
  expect(Tok::RParen, "',' or ')'");
  return args;
}

ast::Expr Parser::parse_builtin_call() {
  auto p = pos();
  if (at_keyword("EXISTS") || at_keyword("NOT")) {
    bool negated = accept_keyword("NOT");
    expect_keyword("EXISTS");
    if (!at(Tok::LBrace)) fail_expected("'{' after EXISTS");
    ast::Expr e = node(negated ? ExprKind::NotExists : ExprKind::Exists, p);
    e.pattern.push_back(parse_group_graph_pattern());
    return e;
  }
  if (find_aggregate(peek().text)) return parse_aggregate();
  const BuiltinSpec& spec = *find_builtin(peek().text);
  std::string name(spec.keyword);
  next();
  ast::Expr e = node(ExprKind::Builtin, p);
  e.builtin = spec.builtin;
  if (!at(Tok::LParen)) fail_expected("'(' after " + name);
  switch (spec.args) {
    case Args::Nil:
      next();
      expect(Tok::RParen, "')' (" + name + " takes no arguments)");
      return e;
    case Args::BoundVar:
      next();
      if (!at(Tok::Var)) fail_expected("a variable in BOUND(...)");
      e.args.push_back(parse_var_expr());
      expect(Tok::RParen, "')'");
      return e;
    case Args::BnodeArg:
      next();
      if (accept(Tok::RParen)) return e;
      e.args.push_back(parse_expression());
      expect(Tok::RParen, "')' (BNODE takes at most one argument)");
      return e;
    case Args::List:
      e.args = parse_expression_list();
      return e;
    case Args::Fixed:
    case Args::Range: {
      next();
      e.args.push_back(parse_expression());
      while (e.args.size() < spec.max && accept(Tok::Comma)) e.args.push_back(parse_expression());
      if (e.args.size() < spec.min) {
        fail_expected("',' (" + name + " takes " + std::to_string(spec.min) + " arguments)");
      }
      if (!at(Tok::RParen)) {
        std::string count = spec.min == spec.max
                                ? std::to_string(spec.min)
                                : std::to_string(spec.min) + " to " + std::to_string(spec.max);
        fail_expected("')' (" + name + " takes " + count + " argument" +
                      (spec.max == 1 ? "" : "s") + ")");
      }
      next();
      return e;
    }
  }
  return e;
}

ast::Expr Parser::parse_aggregate() {
  // Aggregate ::= 'COUNT' '(' 'DISTINCT'? ( '*' | Expression ) ')' | 'SUM' '(' ... ')' | ...
  //             | 'GROUP_CONCAT' '(' 'DISTINCT'? Expression ( ';' 'SEPARATOR' '=' String )? ')'
  auto p = pos();
  Token name = next();
  const AggregateSpec& spec = *find_aggregate(name.text);
  std::string upper(spec.keyword);
  if (!aggregates_allowed_) {
    fail_at(p, "aggregate " + upper + "(...) is only allowed in SELECT, HAVING and ORDER BY");
  }
  if (in_aggregate_) fail_at(p, "aggregate " + upper + "(...) cannot be nested in another aggregate");
  ast::Expr e = node(ExprKind::Aggregate, p);
  e.aggregate = spec.kind;
  e.separator = " ";
  expect(Tok::LParen, "'(' after " + upper);
  e.distinct = accept_keyword("DISTINCT");
  in_aggregate_ = true;
  if (spec.kind == AggregateKind::Count && accept(Tok::Star)) {
    e.star = true;
  } else {
    e.args.push_back(parse_expression());
  }
  in_aggregate_ = false;
  if (spec.kind == AggregateKind::GroupConcat && accept(Tok::Semicolon)) {
    expect_keyword("SEPARATOR");
    expect(Tok::Eq, "'=' after SEPARATOR");
    e.separator = expect(Tok::String, "a string after SEPARATOR =").text;
  }
  expect(Tok::RParen, "')' to close " + upper + "(...)");
  return e;
}

ast::Expr Parser::parse_iri_or_function(bool require_args) {
  // iriOrFunction ::= iri ArgList?;  FunctionCall ::= iri ArgList
  // ArgList ::= NIL | '(' 'DISTINCT'? Expression ( ',' Expression )* ')'
  auto p = pos();
  std::string iri = parse_iri();
  if (!at(Tok::LParen)) {
    if (require_args) fail_expected("'(' (a function call)");
    return constant(rdf::Term::iri(std::move(iri)), p);
  }
  next();
  ast::Expr e = node(ExprKind::FunctionCall, p);
  e.term = rdf::Term::iri(std::move(iri));
  if (accept(Tok::RParen)) return e;
  if (accept_keyword("DISTINCT")) {
    // Only a custom aggregate can take DISTINCT.
    if (!aggregates_allowed_ || in_aggregate_) {
      fail_at(p, "DISTINCT in a function call (a custom aggregate) is only allowed in SELECT, "
                 "HAVING and ORDER BY");
    }
    e.kind = ExprKind::Aggregate;
    e.aggregate = AggregateKind::Custom;
    e.distinct = true;
  }
  do {
    e.args.push_back(parse_expression());
  } while (accept(Tok::Comma));
  expect(Tok::RParen, "',' or ')'");
  return e;
}

}  // namespace kikv::sparql::parser
