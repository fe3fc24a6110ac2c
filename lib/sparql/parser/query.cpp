// Query forms, prologue, dataset clauses, solution modifiers and VALUES (§19.8 rules 1-28, 60-65).
#include <charconv>

#include "sparql/parser/parser.hpp"

namespace kikv::sparql::parser {
namespace {

constexpr std::string_view kUpdateKeywords[] = {"INSERT", "DELETE", "LOAD",  "CLEAR", "CREATE",
                                                "DROP",   "COPY",   "MOVE",  "ADD",   "WITH"};

}  // namespace

ast::Query Parser::parse_query_unit() {
  ast::Query q;
  parse_prologue();
  ast::SelectQuery& s = q.select;
  s.pos = pos();
  if (accept_keyword("SELECT")) {
    q.form = QueryForm::Select;
    parse_select_clause(s);
    parse_dataset_clauses(q);
    parse_where_clause(s);
    parse_solution_modifiers(s);
  } else if (accept_keyword("CONSTRUCT")) {
    q.form = QueryForm::Construct;
    if (at(Tok::LBrace)) {
      parse_construct_template(q.construct_template);
      parse_dataset_clauses(q);
      parse_where_clause(s);
    } else {
      // CONSTRUCT WHERE { TriplesTemplate? }: the template is also the pattern.
      parse_dataset_clauses(q);
      expect_keyword("WHERE");
      s.where.kind = ast::PatternKind::Group;
      s.where.pos = pos();
      expect(Tok::LBrace, "'{'");
      end_bgp();
      ast::Pattern triples;
      triples.kind = ast::PatternKind::Triples;
      triples.pos = pos();
      while (starts_triples_subject()) {
        parse_triples_same_subject(triples.triples, /*with_paths=*/false);
        if (!accept(Tok::Dot)) break;
      }
      if (!at(Tok::RBrace)) fail_expected("'}' or a triple pattern (CONSTRUCT WHERE allows triples only)");
      next();
      q.construct_where = true;
      q.construct_template = triples.triples;
      if (!triples.triples.empty()) s.where.children.push_back(std::move(triples));
      seal_group(s.where);
    }
    parse_solution_modifiers(s);
  } else if (accept_keyword("DESCRIBE")) {
    q.form = QueryForm::Describe;
    if (accept(Tok::Star)) {
      q.describe_all = true;
    } else {
      do {
        q.describe.push_back(parse_var_or_iri("a variable or IRI to describe"));
      } while (at(Tok::Var) || at_iri());
    }
    parse_dataset_clauses(q);
    if (at_keyword("WHERE") || at(Tok::LBrace)) {
      parse_where_clause(s);
    } else {
      s.where.kind = ast::PatternKind::Group;
      s.where.pos = pos();
    }
    parse_solution_modifiers(s);
  } else if (accept_keyword("ASK")) {
    q.form = QueryForm::Ask;
    parse_dataset_clauses(q);
    parse_where_clause(s);
    parse_solution_modifiers(s);
  } else {
    for (auto kw : kUpdateKeywords) {
      if (at_keyword(kw)) {
        fail_at(pos(), "SPARQL Update (" + std::string(kw) +
                           ") is not a query; expected SELECT, CONSTRUCT, DESCRIBE or ASK");
      }
    }
    fail_expected("SELECT, CONSTRUCT, DESCRIBE or ASK");
  }
  if (accept_keyword("VALUES")) s.values = parse_data_block();
  if (!at(Tok::End)) fail_expected("end of query");
  check_height(select_height(s), s.pos);
  q.base = base_;
  q.prefixes = prefix_order_;
  return q;
}

void Parser::parse_prologue() {
  while (true) {
    if (accept_keyword("BASE")) {
      Token t = expect(Tok::IriRef, "an IRI in <...> after BASE");
      base_ = resolve(t.text);
    } else if (accept_keyword("PREFIX")) {
      Token p = expect(Tok::PNameNs, "a prefix name such as 'ex:' after PREFIX");
      Token t = expect(Tok::IriRef, "an IRI in <...> after PREFIX " + p.text + ":");
      std::string iri = resolve(t.text);
      prefixes_[p.text] = iri;
      bool replaced = false;
      for (auto& entry : prefix_order_) {
        if (entry.first == p.text) {
          entry.second = iri;
          replaced = true;
        }
      }
      if (!replaced) prefix_order_.emplace_back(p.text, iri);
    } else {
      return;
    }
  }
}

void Parser::parse_select_clause(ast::SelectQuery& s) {
  if (accept_keyword("DISTINCT")) {
    s.distinct = true;
  } else if (accept_keyword("REDUCED")) {
    s.reduced = true;
  }
  if (accept(Tok::Star)) {
    s.select_all = true;
    return;
  }
  bool saved_allowed = aggregates_allowed_;
  aggregates_allowed_ = true;
  while (true) {
    if (at(Tok::Var)) {
      Token v = next();
      s.projection.push_back(ast::Projection{v.text, std::nullopt, pos_of(v)});
    } else if (at(Tok::LParen)) {
      next();
      ast::Expr e = parse_expression();
      expect_keyword("AS");
      Token v = expect(Tok::Var, "a variable after AS");
      expect(Tok::RParen, "')' after (expression AS ?var");
      s.projection.push_back(ast::Projection{v.text, std::move(e), pos_of(v)});
    } else {
      break;
    }
  }
  aggregates_allowed_ = saved_allowed;
  if (s.projection.empty()) fail_expected("'*', a variable or '(expression AS ?var)' after SELECT");
}

void Parser::parse_dataset_clauses(ast::Query& q) {
  while (accept_keyword("FROM")) {
    if (accept_keyword("NAMED")) {
      q.dataset.named_graphs.push_back(parse_iri());
    } else {
      if (!at_iri()) fail_expected("an IRI or NAMED after FROM");
      q.dataset.default_graphs.push_back(parse_iri());
    }
  }
}

void Parser::parse_where_clause(ast::SelectQuery& s) {
  accept_keyword("WHERE");
  if (!at(Tok::LBrace)) fail_expected("'{' (the WHERE clause)");
  s.where = parse_group_graph_pattern();
}

uint64_t Parser::parse_unsigned_integer(std::string_view clause) {
  Token t = peek();
  if (t.kind != Tok::Integer || t.text[0] == '+' || t.text[0] == '-') {
    fail_expected("a non-negative integer after " + std::string(clause));
  }
  next();
  uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), value);
  if (ec != std::errc() || ptr != t.text.data() + t.text.size()) {
    fail_at(pos_of(t), std::string(clause) + " value " + t.text + " is too large");
  }
  return value;
}

void Parser::parse_solution_modifiers(ast::SelectQuery& s) {
  if (at_keyword("GROUP")) {
    next();
    expect_keyword("BY");
    // GroupCondition ::= BuiltInCall | FunctionCall | '(' Expression ( 'AS' Var )? ')' | Var
    bool saved_allowed = aggregates_allowed_;
    aggregates_allowed_ = false;
    do {
      ast::GroupCondition c;
      c.pos = pos();
      if (at(Tok::Var)) {
        c.expr = parse_var_expr();
      } else if (accept(Tok::LParen)) {
        c.expr = parse_expression();
        if (accept_keyword("AS")) {
          Token v = expect(Tok::Var, "a variable after AS");
          c.var = v.text;
          c.pos = pos_of(v);
        }
        expect(Tok::RParen, "')'");
      } else if (starts_builtin_call()) {
        c.expr = parse_builtin_call();
      } else if (at_iri()) {
        c.expr = parse_iri_or_function(/*require_args=*/true);
      } else {
        fail_expected("a variable, '(expression)' or a function call after GROUP BY");
      }
      s.group_by.push_back(std::move(c));
    } while (at(Tok::Var) || at(Tok::LParen) || starts_builtin_call() || at_iri());
    aggregates_allowed_ = saved_allowed;
  }
  bool saved_allowed = aggregates_allowed_;
  aggregates_allowed_ = true;
  if (accept_keyword("HAVING")) {
    do {
      s.having.push_back(parse_constraint());
    } while (at(Tok::LParen) || starts_builtin_call() || at_iri());
  }
  if (at_keyword("ORDER")) {
    next();
    expect_keyword("BY");
    do {
      ast::OrderCondition c;
      if (at_keyword("ASC") || at_keyword("DESC")) {
        c.descending = at_keyword("DESC");
        next();
        if (!at(Tok::LParen)) fail_expected("'(' after ASC/DESC");
        c.expr = parse_bracketted_expression();
      } else if (at(Tok::Var)) {
        c.expr = parse_var_expr();
      } else if (at(Tok::LParen) || starts_builtin_call() || at_iri()) {
        c.expr = parse_constraint();
      } else {
        fail_expected("an order condition (a variable, ASC(...), DESC(...) or an expression)");
      }
      s.order_by.push_back(std::move(c));
    } while (at(Tok::Var) || at(Tok::LParen) || at_keyword("ASC") || at_keyword("DESC") ||
             starts_builtin_call() || at_iri());
  }
  aggregates_allowed_ = saved_allowed;
  // LimitOffsetClauses ::= LimitClause OffsetClause? | OffsetClause LimitClause?
  for (int i = 0; i < 2; ++i) {
    if (!s.limit && accept_keyword("LIMIT")) {
      s.limit = parse_unsigned_integer("LIMIT");
    } else if (!s.offset && accept_keyword("OFFSET")) {
      s.offset = parse_unsigned_integer("OFFSET");
    }
  }
}

ast::SelectQuery Parser::parse_sub_select() {
  // SubSelect ::= SelectClause WhereClause SolutionModifier ValuesClause
  ast::SelectQuery s;
  s.pos = pos();
  expect_keyword("SELECT");
  parse_select_clause(s);
  parse_where_clause(s);
  parse_solution_modifiers(s);
  if (accept_keyword("VALUES")) s.values = parse_data_block();
  return s;
}

ast::Values Parser::parse_data_block() {
  // DataBlock ::= InlineDataOneVar | InlineDataFull
  ast::Values v;
  v.pos = pos();
  auto add_var = [&](const Token& t) {
    for (const auto& existing : v.vars) {
      if (existing == t.text) fail_at(pos_of(t), "variable ?" + t.text + " appears twice in VALUES");
    }
    v.vars.push_back(t.text);
  };
  if (at(Tok::Var)) {
    add_var(next());
    expect(Tok::LBrace, "'{' after VALUES ?" + v.vars[0]);
    while (!at(Tok::RBrace)) {
      if (at(Tok::End)) fail_expected("a value or '}'");
      v.rows.push_back(TableRow{parse_data_block_value()});
    }
    next();
    return v;
  }
  if (!at(Tok::LParen)) fail_expected("a variable or '(' after VALUES");
  next();
  while (at(Tok::Var)) add_var(next());
  expect(Tok::RParen, "a variable or ')' in the VALUES variable list");
  expect(Tok::LBrace, "'{' after the VALUES variables");
  while (at(Tok::LParen)) {
    Token open = next();
    TableRow row;
    while (!at(Tok::RParen)) {
      if (at(Tok::End) || at(Tok::RBrace)) fail_expected("a value or ')'");
      row.push_back(parse_data_block_value());
    }
    next();
    if (row.size() != v.vars.size()) {
      fail_at(pos_of(open), "VALUES row has " + std::to_string(row.size()) + " value" +
                                (row.size() == 1 ? "" : "s") + " but " +
                                std::to_string(v.vars.size()) + " variable" +
                                (v.vars.size() == 1 ? " is" : "s are") + " declared");
    }
    v.rows.push_back(std::move(row));
  }
  expect(Tok::RBrace, "'(' or '}' in VALUES");
  return v;
}

std::optional<rdf::Term> Parser::parse_data_block_value() {
  // DataBlockValue ::= iri | RDFLiteral | NumericLiteral | BooleanLiteral | 'UNDEF'
  if (accept_keyword("UNDEF")) return std::nullopt;
  if (at_iri()) return rdf::Term::iri(parse_iri());
  if (at_literal()) return parse_literal();
  fail_expected("an IRI, a literal or UNDEF in VALUES");
}

void Parser::parse_construct_template(std::vector<ast::TriplePattern>& out) {
  // ConstructTemplate ::= '{' ConstructTriples? '}'
  expect(Tok::LBrace, "'{'");
  bool saved = in_template_;
  in_template_ = true;
  while (starts_triples_subject()) {
    parse_triples_same_subject(out, /*with_paths=*/false);
    if (!accept(Tok::Dot)) break;
  }
  in_template_ = saved;
  if (!at(Tok::RBrace)) fail_expected("'}' or a triple pattern in the CONSTRUCT template");
  next();
}

}  // namespace kikv::sparql::parser
