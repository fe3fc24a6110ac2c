// SPARQL 1.1 Query syntax tree: what the parser produces and parameter substitution rewrites,
// before translation to the algebra (algebra.hpp). Names are kept as written; prefixed names
// and relative IRIs are already expanded and resolved.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rdf/term.hpp"
#include "sparql/algebra.hpp"

namespace kikv::sparql::ast {

/// 1-based line and column (in characters) in the query text; 0 = unknown.
struct SourcePos {
  uint32_t line = 0;
  uint32_t column = 0;
};

/// A variable (`var`, without '?'/'$') or a constant term. Blank nodes are constants of kind
/// Blank; `_:x` keeps its label, anonymous ones (`[]`, `[...]`, collections) get labels that
/// start with '.', which no written label can.
struct VarOrTerm {
  std::string var;
  rdf::Term term;
  SourcePos pos;

  static VarOrTerm variable(std::string name, SourcePos pos) { return {std::move(name), {}, pos}; }
  static VarOrTerm constant(rdf::Term t, SourcePos pos) { return {{}, std::move(t), pos}; }
  bool is_var() const { return !var.empty(); }
};

/// A triple pattern; `path` is set when the predicate is a property path other than a single
/// IRI, `a` or a variable (those are in `predicate`).
struct TriplePattern {
  VarOrTerm subject;
  VarOrTerm predicate;
  std::optional<Path> path;
  VarOrTerm object;
};

/// A VALUES block: rows aligned with `vars`, nullopt = UNDEF.
struct Values {
  std::vector<std::string> vars;
  std::vector<TableRow> rows;
  SourcePos pos;
};

struct Pattern;
struct SelectQuery;

/// An expression as written. Aggregates appear as kind Aggregate (with `aggregate`, `distinct`,
/// `star`, `separator`; custom aggregates keep their IRI in `term`).
struct Expr {
  ExprKind kind = ExprKind::Constant;
  Builtin builtin = Builtin::None;
  AggregateKind aggregate = AggregateKind::Count;
  bool distinct = false;  ///< aggregates, and function calls written with DISTINCT
  bool star = false;      ///< COUNT(*)
  std::string var;        ///< Var
  rdf::Term term;         ///< Constant; FunctionCall / custom aggregate: Term::iri(function)
  std::string separator;  ///< GROUP_CONCAT (" " when not given)
  std::vector<Expr> args;
  std::vector<Pattern> pattern;  ///< Exists/NotExists: one Group pattern
  SourcePos pos;
  /// Upper bound of the height of this expression's tree (including EXISTS patterns), kept by
  /// the parser to refuse queries whose trees would exhaust the stack of recursive walks.
  uint32_t height = 1;
};

enum class PatternKind : uint8_t {
  Group,      ///< `children` are the elements in order
  Triples,    ///< a triples block (`triples`)
  Optional,   ///< OPTIONAL children[0]
  Minus,      ///< MINUS children[0]
  Union,      ///< children[0] UNION children[1] UNION ... (each a Group)
  Graph,      ///< GRAPH `graph` children[0]
  Service,    ///< SERVICE `silent`? `graph` children[0]
  Filter,     ///< FILTER `expr`
  Bind,       ///< BIND(`expr` AS `var`)
  Values,     ///< inline VALUES `values`
  SubSelect,  ///< `select[0]` (written `{ SELECT ... }`)
};

struct Pattern {
  PatternKind kind = PatternKind::Group;
  SourcePos pos;
  std::vector<Pattern> children;
  std::vector<TriplePattern> triples;
  Expr expr;
  std::string var;  ///< Bind target
  SourcePos var_pos;
  VarOrTerm graph;
  bool silent = false;
  Values values;
  std::vector<SelectQuery> select;
  /// Upper bound of the height of the algebra this pattern translates to (see Expr::height).
  uint32_t height = 1;
};

/// `?x` (expr empty) or `(expr AS ?x)` in a SELECT clause.
struct Projection {
  std::string var;
  std::optional<Expr> expr;
  SourcePos pos;  ///< of the variable
};

/// `GROUP BY ?x` (expr is the variable, var empty), `GROUP BY (expr AS ?v)` (var "v"),
/// `GROUP BY expr` (var empty).
struct GroupCondition {
  Expr expr;
  std::string var;
  SourcePos pos;
};

struct OrderCondition {
  Expr expr;
  bool descending = false;
};

/// A SELECT query body (also used for the pattern and modifiers of CONSTRUCT/ASK/DESCRIBE).
struct SelectQuery {
  bool distinct = false;
  bool reduced = false;
  bool select_all = false;  ///< SELECT *
  std::vector<Projection> projection;
  Pattern where;  ///< a Group
  std::vector<GroupCondition> group_by;
  std::vector<Expr> having;
  std::vector<OrderCondition> order_by;
  std::optional<uint64_t> limit;
  std::optional<uint64_t> offset;
  std::optional<Values> values;  ///< trailing VALUES
  SourcePos pos;
};

struct Query {
  QueryForm form = QueryForm::Select;
  std::string base;
  std::vector<std::pair<std::string, std::string>> prefixes;
  Dataset dataset;
  SelectQuery select;
  std::vector<TriplePattern> construct_template;
  bool construct_where = false;  ///< CONSTRUCT WHERE { ... }
  std::vector<VarOrTerm> describe;
  bool describe_all = false;  ///< DESCRIBE *
};

}  // namespace kikv::sparql::ast
