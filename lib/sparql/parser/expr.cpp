// Expressions, builtin calls and aggregates (§19.8 rules 110-128).
#include "rdf/error.hpp"
#include "sparql/parser/parser.hpp"

namespace kikv::sparql::parser {
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

namespace {

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

// Binary operators by precedence climbing rather than one function per grammar level
// (ConditionalOr > ConditionalAnd > Relational > Additive > Multiplicative): the same trees,
// but a parenthesised sub-expression costs 5 stack frames instead of 10.
namespace {
constexpr int kOr = 1, kAnd = 2, kRelational = 3, kAdditive = 4, kMultiplicative = 5;

bool is_signed_number(const Token& t) {
  return (t.kind == Tok::Integer || t.kind == Tok::Decimal || t.kind == Tok::Double) &&
         (t.text[0] == '+' || t.text[0] == '-');
}
}  // namespace

int Parser::binary_operator(ExprKind& kind) {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::OrOr: kind = ExprKind::Or; return kOr;
    case Tok::AndAnd: kind = ExprKind::And; return kAnd;
    case Tok::Eq: kind = ExprKind::Equal; return kRelational;
    case Tok::Ne: kind = ExprKind::NotEqual; return kRelational;
    case Tok::Lt: kind = ExprKind::Less; return kRelational;
    case Tok::Gt: kind = ExprKind::Greater; return kRelational;
    case Tok::Le: kind = ExprKind::LessEqual; return kRelational;
    case Tok::Ge: kind = ExprKind::GreaterEqual; return kRelational;
    case Tok::Plus: kind = ExprKind::Add; return kAdditive;
    case Tok::Minus: kind = ExprKind::Subtract; return kAdditive;
    case Tok::Star: kind = ExprKind::Multiply; return kMultiplicative;
    case Tok::Slash: kind = ExprKind::Divide; return kMultiplicative;
    case Tok::Integer:
    case Tok::Decimal:
    case Tok::Double:
      // AdditiveExpression ::= ... ( NumericLiteralPositive | NumericLiteralNegative )
      //   ( ( '*' UnaryExpression ) | ( '/' UnaryExpression ) )*: "?x -1" is ?x minus 1.
      if (!is_signed_number(t)) return 0;
      kind = t.text[0] == '+' ? ExprKind::Add : ExprKind::Subtract;
      return kAdditive;
    case Tok::Word:
      if (at_keyword("IN")) {
        kind = ExprKind::In;
        return kRelational;
      }
      if (at_keyword("NOT") && at_keyword("IN", 1)) {
        kind = ExprKind::NotIn;
        return kRelational;
      }
      return 0;
    default: return 0;
  }
}

ast::Expr Parser::parse_expression() {
  DepthGuard guard(*this);
  return climb(parse_unary(), kOr);
}

ast::Expr Parser::climb(ast::Expr left, int min_precedence) {
  // RelationalExpression is not associative: in "?a = ?b = ?c" and "?x && ?a = ?b = ?c" the
  // second '=' follows an operand built from a relational (or looser) operator, which the
  // grammar does not allow; stop there and let the caller report it.
  int last = 0;  // precedence of the operator that built `left` here (0: none yet)
  while (true) {
    ExprKind kind{};
    int precedence = binary_operator(kind);
    if (precedence == 0 || precedence < min_precedence) return left;
    if (precedence == kRelational && last != 0 && last <= kRelational) return left;
    last = precedence;
    if (kind == ExprKind::In || kind == ExprKind::NotIn) {
      left = parse_in(std::move(left), kind);
      continue;
    }
    left = binary(kind, std::move(left), parse_operand(precedence));
    seal(left);
  }
}

ast::Expr Parser::parse_in(ast::Expr left, ExprKind kind) {
  next();
  if (kind == ExprKind::NotIn) next();
  std::vector<ast::Expr> args;
  args.push_back(std::move(left));
  for (auto& e : parse_expression_list()) args.push_back(std::move(e));
  ast::SourcePos p = args[0].pos;
  ast::Expr e = node(kind, p, std::move(args));
  seal(e);
  return e;
}

ast::Expr Parser::parse_operand(int precedence) {
  if (is_signed_number(peek())) return parse_signed_operand();
  next();  // the operator
  return climb(parse_unary(), precedence + 1);
}

ast::Expr Parser::parse_signed_operand() {
  Token op = next();
  op.text.erase(0, 1);  // the sign is the operator
  return climb(constant(numeric_literal(op), pos_of(op)), kMultiplicative);
}

ast::Expr Parser::parse_unary() {
  // UnaryExpression ::= '!' PrimaryExpression | '+' PrimaryExpression | '-' PrimaryExpression
  //                   | PrimaryExpression
  ExprKind kind;
  switch (peek().kind) {
    case Tok::Bang: kind = ExprKind::Not; break;
    case Tok::Plus: kind = ExprKind::UnaryPlus; break;
    case Tok::Minus: kind = ExprKind::UnaryMinus; break;
    default: return parse_primary();
  }
  ast::Expr e = node(kind, pos());
  next();
  e.args.push_back(parse_primary());
  seal(e);
  return e;
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
  if (at_keyword("EXISTS") || at_keyword("NOT")) return parse_exists();
  if (find_aggregate(peek().text)) return parse_aggregate();
  const BuiltinSpec* found = find_builtin(peek().text);
  if (!found) fail_expected("a builtin function");  // not reached: callers check
  const BuiltinSpec& spec = *found;
  ast::Expr e = node(ExprKind::Builtin, pos());
  e.builtin = spec.builtin;
  next();
  if (!at(Tok::LParen)) fail_builtin(spec, "'(' after ");
  switch (spec.args) {
    case Args::Nil:
      next();
      if (!accept(Tok::RParen)) fail_builtin(spec, "')' (takes no arguments): ");
      break;
    case Args::BoundVar:
      next();
      if (!at(Tok::Var)) fail_expected("a variable in BOUND(...)");
      e.args.push_back(parse_var_expr());
      expect(Tok::RParen, "')'");
      break;
    case Args::BnodeArg:
      next();
      if (accept(Tok::RParen)) break;
      e.args.push_back(parse_expression());
      if (!accept(Tok::RParen)) fail_builtin(spec, "')' (takes at most one argument): ");
      break;
    case Args::List:
      e.args = parse_expression_list();
      break;
    case Args::Fixed:
    case Args::Range:
      next();
      e.args.push_back(parse_expression());
      while (e.args.size() < spec.max && accept(Tok::Comma)) e.args.push_back(parse_expression());
      if (e.args.size() < spec.min) fail_builtin(spec, "',' (too few arguments): ");
      if (!accept(Tok::RParen)) fail_builtin(spec, "')' (too many arguments): ");
      break;
  }
  seal(e);
  return e;
}

ast::Expr Parser::parse_exists() {
  auto p = pos();
  bool negated = accept_keyword("NOT");
  expect_keyword("EXISTS");
  if (!at(Tok::LBrace)) fail_expected("'{' after EXISTS");
  ast::Expr e = node(negated ? ExprKind::NotExists : ExprKind::Exists, p);
  e.pattern.push_back(parse_group_graph_pattern());
  seal(e);
  return e;
}

void Parser::fail_builtin(const BuiltinSpec& spec, const char* what) {
  // Out of line: building messages costs stack in the recursive parse functions.
  std::string name(spec.keyword);
  std::string count = spec.min == spec.max
                          ? std::to_string(spec.min)
                          : std::to_string(spec.min) + " to " + std::to_string(spec.max);
  std::string arity = spec.args == Args::List ? "any number of arguments"
                                               : count + " argument" + (spec.max == 1 ? "" : "s");
  fail_expected(std::string(what) + name + "(...), which takes " + arity);
}

ast::Expr Parser::parse_aggregate() {
  // Aggregate ::= 'COUNT' '(' 'DISTINCT'? ( '*' | Expression ) ')' | 'SUM' '(' ... ')' | ...
  //             | 'GROUP_CONCAT' '(' 'DISTINCT'? Expression ( ';' 'SEPARATOR' '=' String )? ')'
  auto p = pos();
  const AggregateSpec* found = find_aggregate(next().text);
  if (!found) fail_at(p, "expected an aggregate");  // not reached: callers check
  const AggregateSpec& spec = *found;
  std::string upper(spec.keyword);
  if (!aggregates_allowed_) {
    fail_at(p, "aggregate " + upper + "(...) is only allowed in SELECT, HAVING and ORDER BY");
  }
  if (in_aggregate_) fail_at(p, "aggregate " + upper + "(...) cannot be nested in another aggregate");
  ast::Expr e = node(ExprKind::Aggregate, p);
  e.aggregate = spec.kind;
  e.separator.assign(1, ' ');  // (not = " ": GCC 12 -Wrestrict false positive)
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
  seal(e);
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
  if (accept(Tok::RParen)) {
    seal(e);
    return e;
  }
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
  seal(e);
  return e;
}

}  // namespace kikv::sparql::parser
