// Triples, property lists, collections, property paths and RDF terms (§19.8 rules 75-109,
// 129-137).
#include "rdf/iri.hpp"
#include "sparql/parser/parser.hpp"

namespace kikv::sparql::parser {
namespace {

const std::string kRdfFirst = std::string(rdf::iri::kRdf) + "first";
const std::string kRdfRest = std::string(rdf::iri::kRdf) + "rest";
const std::string kRdfNil = std::string(rdf::iri::kRdf) + "nil";

ast::TriplePattern make_triple(const ast::VarOrTerm& s, const std::string& p,
                               const ast::VarOrTerm& o) {
  ast::TriplePattern t;
  t.subject = s;
  t.predicate = ast::VarOrTerm::constant(rdf::Term::iri(p), s.pos);
  t.object = o;
  return t;
}

}  // namespace

// --- terms ----------------------------------------------------------------------------------

std::string Parser::resolve(const std::string& iri) const {
  if (base_.empty()) return iri;
  return rdf::resolve_iri(base_, iri);
}

std::string Parser::parse_iri() {
  // iri ::= IRIREF | PrefixedName
  const Token& t = peek();
  if (t.kind == Tok::IriRef) return resolve(next().text);
  if (t.kind == Tok::PNameLn || t.kind == Tok::PNameNs) {
    auto it = prefixes_.find(t.text);
    if (it == prefixes_.end()) {
      fail_at(pos_of(t), "undefined prefix '" + t.text + ":' (declare it with PREFIX " + t.text +
                             ": <...>)");
    }
    Token tok = next();
    return it->second + tok.local;
  }
  fail_expected("an IRI");
}

bool Parser::at_literal() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::String:
    case Tok::Integer:
    case Tok::Decimal:
    case Tok::Double: return true;
    case Tok::Word: return keyword_equals(t.text, "TRUE") || keyword_equals(t.text, "FALSE");
    default: return false;
  }
}

rdf::Term Parser::numeric_literal(const Token& t) const {
  std::string_view type = t.kind == Tok::Integer   ? rdf::iri::kXsdInteger
                          : t.kind == Tok::Decimal ? rdf::iri::kXsdDecimal
                                                   : rdf::iri::kXsdDouble;
  return rdf::Term::literal(t.text, std::string(type));
}

rdf::Term Parser::parse_rdf_literal() {
  // RDFLiteral ::= String ( LANGTAG | ( '^^' iri ) )?
  Token s = expect(Tok::String, "a string");
  if (at(Tok::LangTag)) return rdf::Term::lang_literal(std::move(s.text), next().text);
  if (accept(Tok::CaretCaret)) {
    if (!at_iri()) fail_expected("a datatype IRI after '^^'");
    return rdf::Term::literal(std::move(s.text), parse_iri());
  }
  return rdf::Term::string(std::move(s.text));
}

rdf::Term Parser::parse_literal() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::String: return parse_rdf_literal();
    case Tok::Integer:
    case Tok::Decimal:
    case Tok::Double: return numeric_literal(next());
    case Tok::Word:
      // BooleanLiteral ::= 'true' | 'false', case-insensitive like every keyword but 'a'
      // (as Jena); the lexical form is the canonical lower-case one.
      if (keyword_equals(t.text, "TRUE") || keyword_equals(t.text, "FALSE")) {
        bool value = keyword_equals(next().text, "TRUE");
        return rdf::Term::literal(value ? "true" : "false", std::string(rdf::iri::kXsdBoolean));
      }
      break;
    default: break;
  }
  fail_expected("a literal");
}

ast::VarOrTerm Parser::fresh_blank(ast::SourcePos p) {
  // '.' cannot start a written label, so these never clash with _:labels.
  std::string label = ".";
  label += std::to_string(anon_counter_++);
  return ast::VarOrTerm::constant(rdf::Term::blank(std::move(label)), p);
}

ast::VarOrTerm Parser::labelled_blank(const Token& t) {
  auto p = pos_of(t);
  if (!in_template_) {
    auto [it, inserted] = label_bgp_.emplace(t.text, bgp_id_);
    if (!inserted && it->second != bgp_id_) {
      fail_at(p, "blank node label _:" + t.text +
                     " is used in more than one basic graph pattern (use a variable instead)");
    }
  }
  return ast::VarOrTerm::constant(rdf::Term::blank(t.text), p);
}

ast::VarOrTerm Parser::parse_var_or_iri(std::string_view what) {
  if (at(Tok::Var)) {
    Token t = next();
    return ast::VarOrTerm::variable(t.text, pos_of(t));
  }
  if (at_iri()) {
    auto p = pos();
    return ast::VarOrTerm::constant(rdf::Term::iri(parse_iri()), p);
  }
  fail_expected(what);
}

ast::VarOrTerm Parser::parse_var_or_term() {
  // VarOrTerm ::= Var | GraphTerm; GraphTerm ::= iri | RDFLiteral | NumericLiteral |
  //   BooleanLiteral | BlankNode | NIL
  auto p = pos();
  const Token& t = peek();
  switch (t.kind) {
    case Tok::Var: return ast::VarOrTerm::variable(next().text, p);
    case Tok::IriRef:
    case Tok::PNameLn:
    case Tok::PNameNs: return ast::VarOrTerm::constant(rdf::Term::iri(parse_iri()), p);
    case Tok::BlankLabel: return labelled_blank(next());
    case Tok::LBracket:
      if (peek(1).kind == Tok::RBracket) {  // ANON
        next();
        next();
        return fresh_blank(p);
      }
      break;
    case Tok::LParen:
      if (peek(1).kind == Tok::RParen) {  // NIL
        next();
        next();
        return ast::VarOrTerm::constant(rdf::Term::iri(kRdfNil), p);
      }
      break;
    default:
      if (at_literal()) return ast::VarOrTerm::constant(parse_literal(), p);
      break;
  }
  fail_expected("a variable or RDF term");
}

// --- triples --------------------------------------------------------------------------------

bool Parser::starts_triples_subject() {
  switch (peek().kind) {
    case Tok::Var:
    case Tok::IriRef:
    case Tok::PNameLn:
    case Tok::PNameNs:
    case Tok::BlankLabel:
    case Tok::LBracket:
    case Tok::LParen:
    case Tok::String:
    case Tok::Integer:
    case Tok::Decimal:
    case Tok::Double: return true;
    case Tok::Word: return at_literal();
    default: return false;
  }
}

void Parser::parse_triples_same_subject(std::vector<ast::TriplePattern>& out, bool with_paths) {
  // TriplesSameSubjectPath ::= VarOrTerm PropertyListPathNotEmpty | TriplesNodePath PropertyListPath
  const Token& t = peek();
  bool nil = t.kind == Tok::LParen && peek(1).kind == Tok::RParen;
  bool anon = t.kind == Tok::LBracket && peek(1).kind == Tok::RBracket;
  if ((t.kind == Tok::LParen && !nil) || (t.kind == Tok::LBracket && !anon)) {
    // A triples node may stand alone ("[ :p :o ] ." or "( 1 2 ) ."): PropertyListPath is
    // optional after it.
    ast::VarOrTerm subject = t.kind == Tok::LParen ? parse_collection(out, with_paths)
                                                   : parse_blank_node_property_list(out, with_paths);
    if (starts_verb()) parse_property_list(subject, out, with_paths);
    return;
  }
  ast::VarOrTerm subject = parse_var_or_term();
  if (!starts_verb()) fail_expected("a predicate (IRI, 'a', variable or path)");
  parse_property_list(subject, out, with_paths);
}

bool Parser::starts_verb() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::Var:
    case Tok::IriRef:
    case Tok::PNameLn:
    case Tok::PNameNs: return true;
    case Tok::Word: return t.text == "a";
    case Tok::Caret:
    case Tok::Bang:
    case Tok::LParen: return true;  // paths; template triples reject them in parse_verb
    default: return false;
  }
}

void Parser::parse_property_list(const ast::VarOrTerm& subject,
                                 std::vector<ast::TriplePattern>& out, bool with_paths) {
  // PropertyListPathNotEmpty ::= ( VerbPath | VerbSimple ) ObjectListPath
  //                              ( ';' ( ( VerbPath | VerbSimple ) ObjectList )? )*
  while (true) {
    ast::TriplePattern verb;
    verb.subject = subject;
    parse_verb(verb, with_paths);
    parse_object_list(subject, verb, out, with_paths);
    if (!at(Tok::Semicolon)) return;
    while (accept(Tok::Semicolon)) {
    }
    if (!starts_verb()) return;
  }
}

void Parser::parse_verb(ast::TriplePattern& t, bool with_paths) {
  auto p = pos();
  if (at(Tok::Var)) {
    t.predicate = ast::VarOrTerm::variable(next().text, p);
    return;
  }
  if (!with_paths) {
    // Verb ::= VarOrIri | 'a'
    if (at(Tok::Word) && peek().text == "a") {
      next();
      t.predicate = ast::VarOrTerm::constant(rdf::Term::iri(std::string(rdf::iri::kRdfType)), p);
      return;
    }
    if (!at_iri()) fail_expected("a predicate (IRI, 'a' or variable)");
    t.predicate = ast::VarOrTerm::constant(rdf::Term::iri(parse_iri()), p);
    return;
  }
  Path path = parse_path();
  if (path.kind == PathKind::Link) {
    t.predicate = ast::VarOrTerm::constant(rdf::Term::iri(std::move(path.iri)), p);
  } else {
    t.predicate = ast::VarOrTerm::constant(rdf::Term::iri(""), p);
    t.path = std::move(path);
  }
}

void Parser::parse_object_list(const ast::VarOrTerm& subject, const ast::TriplePattern& verb,
                               std::vector<ast::TriplePattern>& out, bool with_paths) {
  // ObjectListPath ::= ObjectPath ( ',' ObjectPath )*
  (void)subject;
  do {
    // The triple comes before those of a collection or property list in its object, as Jena
    // orders them.
    std::vector<ast::TriplePattern> nested;
    ast::TriplePattern t = verb;
    t.object = parse_graph_node(nested, with_paths);
    out.push_back(std::move(t));
    for (auto& n : nested) out.push_back(std::move(n));
  } while (accept(Tok::Comma));
}

ast::VarOrTerm Parser::parse_graph_node(std::vector<ast::TriplePattern>& out, bool with_paths) {
  // GraphNodePath ::= VarOrTerm | TriplesNodePath
  const Token& t = peek();
  if (t.kind == Tok::LParen && peek(1).kind != Tok::RParen) return parse_collection(out, with_paths);
  if (t.kind == Tok::LBracket && peek(1).kind != Tok::RBracket) {
    return parse_blank_node_property_list(out, with_paths);
  }
  return parse_var_or_term();
}

ast::VarOrTerm Parser::parse_collection(std::vector<ast::TriplePattern>& out, bool with_paths) {
  // CollectionPath ::= '(' GraphNodePath+ ')'
  DepthGuard guard(*this);
  auto p = pos();
  expect(Tok::LParen, "'('");
  // Jena's order: per element "cell rdf:first element", the element's own triples, then
  // "cell rdf:rest next".
  ast::VarOrTerm head = fresh_blank(p);
  ast::VarOrTerm cell = head;
  bool first = true;
  while (!at(Tok::RParen)) {
    if (at(Tok::End)) fail_expected("a list element or ')'");
    if (!first) {
      ast::VarOrTerm rest = fresh_blank(pos());
      out.push_back(make_triple(cell, kRdfRest, rest));
      cell = rest;
    }
    first = false;
    std::vector<ast::TriplePattern> nested;
    ast::VarOrTerm item = parse_graph_node(nested, with_paths);
    out.push_back(make_triple(cell, kRdfFirst, item));
    for (auto& n : nested) out.push_back(std::move(n));
  }
  next();
  out.push_back(make_triple(cell, kRdfRest, ast::VarOrTerm::constant(rdf::Term::iri(kRdfNil), p)));
  return head;
}

ast::VarOrTerm Parser::parse_blank_node_property_list(std::vector<ast::TriplePattern>& out,
                                                      bool with_paths) {
  // BlankNodePropertyListPath ::= '[' PropertyListPathNotEmpty ']'
  DepthGuard guard(*this);
  auto p = pos();
  expect(Tok::LBracket, "'['");
  ast::VarOrTerm node = fresh_blank(p);
  if (!starts_verb()) fail_expected("a predicate inside '[ ... ]'");
  parse_property_list(node, out, with_paths);
  expect(Tok::RBracket, "']'");
  return node;
}

// --- property paths (§19.8 rules 88-101) ------------------------------------------------------

Path Parser::parse_path() {
  // Path ::= PathAlternative; PathAlternative ::= PathSequence ( '|' PathSequence )*
  DepthGuard guard(*this);
  auto p = pos();
  Path left = parse_path_sequence();
  uint32_t height = path_height_;
  while (accept(Tok::Pipe)) {
    left = Path::binary(PathKind::Alternative, std::move(left), parse_path_sequence());
    check_height(uint64_t{std::max(height, path_height_)} + 1, p);
    height = std::max(height, path_height_) + 1;
  }
  path_height_ = height;
  return left;
}

Path Parser::parse_path_sequence() {
  // PathSequence ::= PathEltOrInverse ( '/' PathEltOrInverse )*
  auto p = pos();
  Path left = parse_path_elt_or_inverse();
  uint32_t height = path_height_;
  while (accept(Tok::Slash)) {
    left = Path::binary(PathKind::Sequence, std::move(left), parse_path_elt_or_inverse());
    check_height(uint64_t{std::max(height, path_height_)} + 1, p);
    height = std::max(height, path_height_) + 1;
  }
  path_height_ = height;
  return left;
}

Path Parser::parse_path_elt_or_inverse() {
  // PathEltOrInverse ::= PathElt | '^' PathElt; PathElt ::= PathPrimary PathMod?
  bool inverse = accept(Tok::Caret);
  Path p = parse_path_primary();
  path_height_ += (inverse ? 1 : 0) + (at(Tok::Star) || at(Tok::Plus) || at(Tok::Question) ? 1 : 0);
  if (at(Tok::Star)) {
    next();
    p = Path::unary(PathKind::ZeroOrMore, std::move(p));
  } else if (at(Tok::Plus)) {
    next();
    p = Path::unary(PathKind::OneOrMore, std::move(p));
  } else if (at(Tok::Question)) {
    next();
    p = Path::unary(PathKind::ZeroOrOne, std::move(p));
  }
  return inverse ? Path::unary(PathKind::Inverse, std::move(p)) : p;
}

Path Parser::parse_path_primary() {
  // PathPrimary ::= iri | 'a' | '!' PathNegatedPropertySet | '(' Path ')'
  path_height_ = 1;
  if (at(Tok::Word) && peek().text == "a") {
    next();
    return Path::link(std::string(rdf::iri::kRdfType));
  }
  if (at_iri()) return Path::link(parse_iri());
  if (accept(Tok::Bang)) {
    path_height_ = 3;  // alt(NPS, inv(NPS))
    return parse_path_negated_set();
  }
  if (accept(Tok::LParen)) {
    Path p = parse_path();
    expect(Tok::RParen, "')' to close the path");
    return p;
  }
  fail_expected("a predicate (IRI, 'a', variable or path)");
}

Path Parser::parse_path_negated_set() {
  // PathNegatedPropertySet ::= PathOneInPropertySet
  //                          | '(' ( PathOneInPropertySet ( '|' PathOneInPropertySet )* )? ')'
  // PathOneInPropertySet ::= iri | 'a' | '^' ( iri | 'a' )
  // §18.2.2.3: forward ones form NPS(...), inverse ones inv(NPS(...)), both: alt(fwd, inv).
  std::vector<std::string> forward, inverse;
  auto one = [&] {
    bool inv = accept(Tok::Caret);
    std::string iri;
    if (at(Tok::Word) && peek().text == "a") {
      next();
      iri = std::string(rdf::iri::kRdfType);
    } else if (at_iri()) {
      iri = parse_iri();
    } else {
      fail_expected("an IRI or 'a' in the negated property set");
    }
    (inv ? inverse : forward).push_back(std::move(iri));
  };
  if (accept(Tok::LParen)) {
    if (!at(Tok::RParen)) {
      one();
      while (accept(Tok::Pipe)) one();
    }
    expect(Tok::RParen, "'|' or ')' in the negated property set");
  } else {
    one();
  }
  Path fwd{PathKind::NegatedSet, {}, forward, {}};
  if (inverse.empty()) return fwd;  // includes the empty set !()
  Path inv = Path::unary(PathKind::Inverse, Path{PathKind::NegatedSet, {}, inverse, {}});
  if (forward.empty()) return inv;
  return Path::binary(PathKind::Alternative, std::move(fwd), std::move(inv));
}

}  // namespace kikv::sparql::parser
