// Recursive-descent parser for the SPARQL 1.1 Query grammar (§19.8), producing ast::Query.
// Internal to lib/sparql; the entry point is parse_syntax() in sparql.hpp. The methods are
// split by grammar area: parser.cpp (helpers), query.cpp (query forms, prologue, modifiers,
// VALUES), pattern.cpp (group graph patterns), triples.cpp (triples, paths, terms),
// expr.cpp (expressions, builtins, aggregates).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sparql/ast.hpp"
#include "sparql/parser/lexer.hpp"
#include "sparql/sparql.hpp"

namespace kikv::sparql::parser {

struct BuiltinSpec;  // expr.cpp

class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options);
  ast::Query parse_query_unit();

 private:
  // --- helpers (parser.cpp) ---
  const Token& peek(size_t k = 0) { return lex_.peek(k); }
  Token next() { return lex_.next(); }
  bool at(Tok kind) { return peek().kind == kind; }
  bool at_keyword(std::string_view keyword, size_t k = 0);
  bool accept(Tok kind);
  bool accept_keyword(std::string_view keyword);
  Token expect(Tok kind, std::string_view what);
  void expect_keyword(std::string_view keyword);
  ast::SourcePos pos() { return lex_.position(peek().offset); }
  ast::SourcePos pos_of(const Token& t) const { return lex_.position(t.offset); }
  std::string describe(const Token& t) const;
  [[noreturn]] void fail_expected(std::string_view what);
  [[noreturn]] void fail_at(const ast::SourcePos& p, const std::string& message) const;
  /// Throws SyntaxError at `p` if `height` exceeds options.max_height.
  void check_height(uint64_t height, const ast::SourcePos& p) const;
  /// Sets e.height from its arguments and EXISTS pattern, and checks it. (In place: a by-value
  /// version costs a temporary per call site in the recursive functions' frames.)
  void seal(ast::Expr& e) const;
  /// Sets the height of a group from its elements (see ast::Pattern::height), and checks it.
  void seal_group(ast::Pattern& group) const;
  uint64_t select_height(const ast::SelectQuery& s) const;
  /// RAII nesting counter: throws SyntaxError past options.max_depth.
  struct DepthGuard {
    explicit DepthGuard(Parser& p);
    ~DepthGuard() { --parser.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    Parser& parser;
  };

  // --- query level (query.cpp) ---
  void parse_prologue();
  void parse_select_clause(ast::SelectQuery& s);
  void parse_dataset_clauses(ast::Query& q);
  void parse_where_clause(ast::SelectQuery& s);
  void parse_solution_modifiers(ast::SelectQuery& s);
  uint64_t parse_unsigned_integer(std::string_view clause);
  ast::SelectQuery parse_sub_select();
  ast::Values parse_data_block();
  std::optional<rdf::Term> parse_data_block_value();
  void parse_construct_template(std::vector<ast::TriplePattern>& out);

  // --- graph patterns (pattern.cpp) ---
  ast::Pattern parse_group_graph_pattern();
  void parse_group_graph_pattern_sub(ast::Pattern& group);
  bool starts_graph_pattern_not_triples();
  ast::Pattern parse_graph_pattern_not_triples();
  ast::Pattern parse_sub_select_pattern();
  ast::Pattern parse_group_or_union();
  ast::Pattern parse_union(ast::Pattern first);
  ast::Pattern parse_filter();
  ast::Pattern parse_bind();
  ast::Pattern parse_inline_values();
  ast::Pattern parse_nested_pattern();  ///< OPTIONAL, MINUS, GRAPH, SERVICE
  void end_bgp() { bgp_id_ = ++bgp_counter_; }

  // --- triples, paths and terms (triples.cpp) ---
  bool starts_triples_subject();
  /// TriplesSameSubjectPath (with_paths) or TriplesSameSubject (template triples).
  void parse_triples_same_subject(std::vector<ast::TriplePattern>& out, bool with_paths);
  void parse_property_list(const ast::VarOrTerm& subject, std::vector<ast::TriplePattern>& out,
                           bool with_paths);
  void parse_object_list(const ast::VarOrTerm& subject, const ast::TriplePattern& verb,
                         std::vector<ast::TriplePattern>& out, bool with_paths);
  bool starts_verb();
  /// The verb of a triple: sets predicate (variable, IRI, `a`) or path.
  void parse_verb(ast::TriplePattern& t, bool with_paths);
  ast::VarOrTerm parse_graph_node(std::vector<ast::TriplePattern>& out, bool with_paths);
  ast::VarOrTerm parse_collection(std::vector<ast::TriplePattern>& out, bool with_paths);
  ast::VarOrTerm parse_blank_node_property_list(std::vector<ast::TriplePattern>& out,
                                                bool with_paths);
  ast::VarOrTerm parse_var_or_term();
  ast::VarOrTerm parse_var_or_iri(std::string_view what);
  ast::VarOrTerm fresh_blank(ast::SourcePos p);
  ast::VarOrTerm labelled_blank(const Token& t);
  Path parse_path();
  Path parse_path_sequence();
  Path parse_path_elt_or_inverse();
  Path parse_path_primary();
  Path parse_path_negated_set();
  bool at_iri() { return at(Tok::IriRef) || at(Tok::PNameLn) || at(Tok::PNameNs); }
  std::string parse_iri();
  std::string resolve(const std::string& iri) const;
  rdf::Term parse_literal();
  rdf::Term parse_rdf_literal();
  rdf::Term numeric_literal(const Token& t) const;
  bool at_literal();

  // --- expressions (expr.cpp) ---
  ast::Expr parse_expression();
  /// Binary operators of precedence >= min_precedence after `left` (precedence climbing).
  ast::Expr climb(ast::Expr left, int min_precedence);
  /// Precedence (0 if none) and kind of the binary operator at the next token.
  int binary_operator(ExprKind& kind);
  ast::Expr parse_unary();
  ast::Expr parse_primary();
  ast::Expr parse_bracketted_expression();
  ast::Expr parse_constraint();
  bool starts_builtin_call();
  ast::Expr parse_builtin_call();
  ast::Expr parse_exists();
  ast::Expr parse_in(ast::Expr left, ExprKind kind);
  /// The right operand of a binary operator of `precedence` (the operator is next).
  ast::Expr parse_operand(int precedence);
  ast::Expr parse_signed_operand();
  [[noreturn]] void fail_builtin(const BuiltinSpec& spec, const char* what);
  ast::Expr parse_aggregate();
  ast::Expr parse_iri_or_function(bool require_args);
  std::vector<ast::Expr> parse_expression_list();
  ast::Expr parse_var_expr();

  Lexer lex_;
  ParseOptions options_;
  std::string base_;
  std::map<std::string, std::string> prefixes_;
  std::vector<std::pair<std::string, std::string>> prefix_order_;
  unsigned depth_ = 0;
  // Blank node labels: each label belongs to one basic graph pattern (§19.6).
  std::unordered_map<std::string, uint32_t> label_bgp_;
  uint32_t bgp_id_ = 0;
  uint32_t bgp_counter_ = 0;
  bool in_template_ = false;  ///< CONSTRUCT template: labels are template blank nodes
  uint32_t anon_counter_ = 0;
  // Aggregates are allowed in SELECT expressions, HAVING and ORDER BY of the current level.
  bool aggregates_allowed_ = false;
  bool in_aggregate_ = false;
  uint32_t path_height_ = 1;  ///< height of the path the last parse_path* call returned
};

/// Case-insensitive ASCII comparison of a word with a keyword written in upper case.
bool keyword_equals(std::string_view word, std::string_view keyword);

}  // namespace kikv::sparql::parser
