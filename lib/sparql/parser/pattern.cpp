// Group graph patterns (§19.8 rules 53-69).
#include "sparql/parser/parser.hpp"

namespace kikv::sparql::parser {

ast::Pattern Parser::parse_group_graph_pattern() {
  // GroupGraphPattern ::= '{' ( SubSelect | GroupGraphPatternSub ) '}'
  DepthGuard guard(*this);
  ast::Pattern group;
  group.kind = ast::PatternKind::Group;
  group.pos = pos();
  expect(Tok::LBrace, "'{'");
  // A nested group is a new basic graph pattern; the enclosing one continues after it only
  // across a FILTER (whose EXISTS may hold this group), so restore the id on the way out.
  uint32_t saved_bgp = bgp_id_;
  end_bgp();
  bool saved_allowed = aggregates_allowed_;
  bool saved_in_aggregate = in_aggregate_;
  if (at_keyword("SELECT")) {
    aggregates_allowed_ = false;
    in_aggregate_ = false;
    group.children.push_back(parse_sub_select_pattern());
    if (!at(Tok::RBrace)) fail_expected("'}' after the sub-SELECT");
  } else {
    aggregates_allowed_ = false;
    in_aggregate_ = false;
    parse_group_graph_pattern_sub(group);
  }
  aggregates_allowed_ = saved_allowed;
  in_aggregate_ = saved_in_aggregate;
  seal_group(group);
  expect(Tok::RBrace, "'}'");
  bgp_id_ = saved_bgp;
  return group;
}

void Parser::parse_group_graph_pattern_sub(ast::Pattern& group) {
  // GroupGraphPatternSub ::= TriplesBlock? ( GraphPatternNotTriples '.'? TriplesBlock? )*
  // TriplesBlock ::= TriplesSameSubjectPath ( '.' TriplesBlock? )?
  bool triples_allowed = true;  // false right after a triple pattern without its '.'
  bool dot_allowed = false;     // one '.' may follow a triple pattern or a GraphPatternNotTriples
  while (!at(Tok::RBrace)) {
    if (starts_graph_pattern_not_triples()) {
      group.children.push_back(parse_graph_pattern_not_triples());
      triples_allowed = true;
      dot_allowed = true;
      continue;
    }
    if (at(Tok::Dot)) {
      if (!dot_allowed) fail_expected("'}' or a triple pattern");
      next();
      dot_allowed = false;
      triples_allowed = true;
      continue;
    }
    if (starts_triples_subject()) {
      if (!triples_allowed) fail_expected("'.' or '}' after the triple pattern");
      if (group.children.empty() || group.children.back().kind != ast::PatternKind::Triples) {
        group.children.emplace_back();
        group.children.back().kind = ast::PatternKind::Triples;
        group.children.back().pos = pos();
      }
      parse_triples_same_subject(group.children.back().triples, /*with_paths=*/true);
      triples_allowed = false;
      dot_allowed = true;
      continue;
    }
    if (!triples_allowed) fail_expected("'.' or '}' after the triple pattern");
    fail_expected("'}' or a triple pattern");
  }
}

bool Parser::starts_graph_pattern_not_triples() {
  if (at(Tok::LBrace)) return true;
  const Token& t = peek();
  if (t.kind != Tok::Word) return false;
  for (auto kw : {"OPTIONAL", "MINUS", "GRAPH", "SERVICE", "FILTER", "BIND", "VALUES"}) {
    if (keyword_equals(t.text, kw)) return true;
  }
  return false;
}

// Each alternative has its own function so that the recursion through nested groups only
// carries the small frames of the dispatcher and the alternative taken (Debug builds do not
// share stack slots between branches).
ast::Pattern Parser::parse_graph_pattern_not_triples() {
  if (at(Tok::LBrace)) return parse_group_or_union();
  if (at_keyword("FILTER")) return parse_filter();
  if (at_keyword("BIND")) return parse_bind();
  if (at_keyword("VALUES")) return parse_inline_values();
  return parse_nested_pattern();
}

ast::Pattern Parser::parse_sub_select_pattern() {
  ast::Pattern sub;
  sub.kind = ast::PatternKind::SubSelect;
  sub.pos = pos();
  sub.select.push_back(parse_sub_select());
  return sub;
}

ast::Pattern Parser::parse_group_or_union() {
  // GroupOrUnionGraphPattern ::= GroupGraphPattern ( 'UNION' GroupGraphPattern )*
  end_bgp();
  ast::Pattern first = parse_group_graph_pattern();
  if (at_keyword("UNION")) return parse_union(std::move(first));
  end_bgp();
  return first;
}

ast::Pattern Parser::parse_union(ast::Pattern first) {
  ast::Pattern p;
  p.pos = first.pos;
  p.kind = ast::PatternKind::Union;
  p.children.push_back(std::move(first));
  while (accept_keyword("UNION")) {
    if (!at(Tok::LBrace)) fail_expected("'{' after UNION");
    p.children.push_back(parse_group_graph_pattern());
  }
  end_bgp();
  return p;
}

ast::Pattern Parser::parse_filter() {
  // Filter ::= 'FILTER' Constraint. A FILTER does not end the basic graph pattern it is in.
  ast::Pattern p;
  p.pos = pos();
  next();
  p.kind = ast::PatternKind::Filter;
  if (!at(Tok::LParen) && !starts_builtin_call() && !at_iri()) {
    fail_expected("'(' or a function call after FILTER");
  }
  p.expr = parse_constraint();
  return p;
}

ast::Pattern Parser::parse_bind() {
  // Bind ::= 'BIND' '(' Expression 'AS' Var ')'
  ast::Pattern p;
  p.pos = pos();
  next();
  p.kind = ast::PatternKind::Bind;
  expect(Tok::LParen, "'(' after BIND");
  p.expr = parse_expression();
  expect_keyword("AS");
  Token v = expect(Tok::Var, "a variable after AS");
  p.var = v.text;
  p.var_pos = pos_of(v);
  expect(Tok::RParen, "')' to close BIND");
  return p;
}

ast::Pattern Parser::parse_inline_values() {
  ast::Pattern p;
  p.pos = pos();
  next();
  p.kind = ast::PatternKind::Values;
  p.values = parse_data_block();
  return p;
}

ast::Pattern Parser::parse_nested_pattern() {
  // OPTIONAL, MINUS, GRAPH and SERVICE end the current basic graph pattern.
  ast::Pattern p;
  p.pos = pos();
  end_bgp();
  if (accept_keyword("OPTIONAL")) {
    p.kind = ast::PatternKind::Optional;
    if (!at(Tok::LBrace)) fail_expected("'{' after OPTIONAL");
  } else if (accept_keyword("MINUS")) {
    p.kind = ast::PatternKind::Minus;
    if (!at(Tok::LBrace)) fail_expected("'{' after MINUS");
  } else if (accept_keyword("GRAPH")) {
    p.kind = ast::PatternKind::Graph;
    p.graph = parse_var_or_iri("a variable or IRI after GRAPH");
    if (!at(Tok::LBrace)) fail_expected("'{' after the GRAPH name");
  } else if (accept_keyword("SERVICE")) {
    p.kind = ast::PatternKind::Service;
    p.silent = accept_keyword("SILENT");
    p.graph = parse_var_or_iri("a variable or IRI after SERVICE");
    if (!at(Tok::LBrace)) fail_expected("'{' after the SERVICE endpoint");
  } else {
    fail_expected("a graph pattern");
  }
  p.children.push_back(parse_group_graph_pattern());
  end_bgp();
  return p;
}

}  // namespace kikv::sparql::parser
