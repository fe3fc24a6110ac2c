#include "sparql/algebra.hpp"

#include <algorithm>

namespace kikv::sparql {

VarId VarTable::add(std::string name, VarKind kind, std::string source_name) {
  vars.push_back(VarInfo{std::move(name), kind, std::move(source_name)});
  return static_cast<VarId>(vars.size() - 1);
}

std::optional<VarId> VarTable::find_named(std::string_view name) const {
  for (size_t i = 0; i < vars.size(); ++i) {
    if (vars[i].kind == VarKind::Named && vars[i].name == name) return static_cast<VarId>(i);
  }
  return std::nullopt;
}

Path Path::unary(PathKind kind, Path p) {
  Path out;
  out.kind = kind;
  out.args.push_back(std::move(p));
  return out;
}

Path Path::binary(PathKind kind, Path a, Path b) {
  Path out;
  out.kind = kind;
  out.args.reserve(2);
  out.args.push_back(std::move(a));
  out.args.push_back(std::move(b));
  return out;
}

Expr Expr::variable(VarId v) {
  Expr e;
  e.kind = ExprKind::Var;
  e.var = v;
  return e;
}

Expr Expr::constant(rdf::Term t) {
  Expr e;
  e.kind = ExprKind::Constant;
  e.term = std::move(t);
  return e;
}

Expr Expr::call(ExprKind kind, std::vector<Expr> args) {
  Expr e;
  e.kind = kind;
  e.args = std::move(args);
  return e;
}

Expr Expr::builtin_call(Builtin b, std::vector<Expr> args) {
  Expr e;
  e.kind = ExprKind::Builtin;
  e.builtin = b;
  e.args = std::move(args);
  return e;
}

namespace {

bool same_op(const Op& a, const Op& b);

bool same_exprs(const std::vector<Expr>& a, const std::vector<Expr>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const Expr& x, const Expr& y) { return x == y; });
}

bool same_op(const Op& a, const Op& b) {
  if (a.kind != b.kind || a.children.size() != b.children.size()) return false;
  for (size_t i = 0; i < a.children.size(); ++i) {
    if (!same_op(a.children[i], b.children[i])) return false;
  }
  if (a.bindings.size() != b.bindings.size() || a.order.size() != b.order.size()) return false;
  for (size_t i = 0; i < a.bindings.size(); ++i) {
    if (a.bindings[i].var != b.bindings[i].var || !(a.bindings[i].expr == b.bindings[i].expr)) {
      return false;
    }
  }
  for (size_t i = 0; i < a.order.size(); ++i) {
    if (a.order[i].descending != b.order[i].descending || !(a.order[i].expr == b.order[i].expr)) {
      return false;
    }
  }
  return a.triples == b.triples && a.subject == b.subject && a.object == b.object &&
         a.path == b.path && a.graph == b.graph && a.silent == b.silent &&
         same_exprs(a.exprs, b.exprs) && a.aggregates == b.aggregates && a.vars == b.vars &&
         a.rows == b.rows && a.offset == b.offset && a.limit == b.limit;
}

}  // namespace

bool operator==(const Expr& a, const Expr& b) {
  if (a.kind != b.kind || a.builtin != b.builtin || a.var != b.var || !(a.term == b.term)) {
    return false;
  }
  if (!same_exprs(a.args, b.args) || a.pattern.size() != b.pattern.size()) return false;
  for (size_t i = 0; i < a.pattern.size(); ++i) {
    if (!same_op(a.pattern[i], b.pattern[i])) return false;
  }
  return true;
}

bool operator==(const Aggregate& a, const Aggregate& b) {
  return a.kind == b.kind && a.distinct == b.distinct && a.star == b.star &&
         same_exprs(a.args, b.args) && a.separator == b.separator && a.iri == b.iri &&
         a.var == b.var;
}

std::string_view builtin_name(Builtin b) {
  switch (b) {
    case Builtin::None: return "";
    case Builtin::Str: return "STR";
    case Builtin::Lang: return "LANG";
    case Builtin::LangMatches: return "LANGMATCHES";
    case Builtin::Datatype: return "DATATYPE";
    case Builtin::Bound: return "BOUND";
    case Builtin::Iri: return "IRI";
    case Builtin::Bnode: return "BNODE";
    case Builtin::Rand: return "RAND";
    case Builtin::Abs: return "ABS";
    case Builtin::Ceil: return "CEIL";
    case Builtin::Floor: return "FLOOR";
    case Builtin::Round: return "ROUND";
    case Builtin::Concat: return "CONCAT";
    case Builtin::Substr: return "SUBSTR";
    case Builtin::StrLen: return "STRLEN";
    case Builtin::Replace: return "REPLACE";
    case Builtin::UCase: return "UCASE";
    case Builtin::LCase: return "LCASE";
    case Builtin::EncodeForUri: return "ENCODE_FOR_URI";
    case Builtin::Contains: return "CONTAINS";
    case Builtin::StrStarts: return "STRSTARTS";
    case Builtin::StrEnds: return "STRENDS";
    case Builtin::StrBefore: return "STRBEFORE";
    case Builtin::StrAfter: return "STRAFTER";
    case Builtin::Year: return "YEAR";
    case Builtin::Month: return "MONTH";
    case Builtin::Day: return "DAY";
    case Builtin::Hours: return "HOURS";
    case Builtin::Minutes: return "MINUTES";
    case Builtin::Seconds: return "SECONDS";
    case Builtin::Timezone: return "TIMEZONE";
    case Builtin::Tz: return "TZ";
    case Builtin::Now: return "NOW";
    case Builtin::Uuid: return "UUID";
    case Builtin::StrUuid: return "STRUUID";
    case Builtin::Md5: return "MD5";
    case Builtin::Sha1: return "SHA1";
    case Builtin::Sha256: return "SHA256";
    case Builtin::Sha384: return "SHA384";
    case Builtin::Sha512: return "SHA512";
    case Builtin::Coalesce: return "COALESCE";
    case Builtin::If: return "IF";
    case Builtin::StrLang: return "STRLANG";
    case Builtin::StrDt: return "STRDT";
    case Builtin::SameTerm: return "sameTerm";
    case Builtin::IsIri: return "isIRI";
    case Builtin::IsBlank: return "isBLANK";
    case Builtin::IsLiteral: return "isLITERAL";
    case Builtin::IsNumeric: return "isNUMERIC";
    case Builtin::Regex: return "REGEX";
  }
  return "";
}

std::string_view builtin_sse_name(Builtin b) {
  switch (b) {
    case Builtin::LangMatches: return "langMatches";
    case Builtin::EncodeForUri: return "encode_for_uri";
    case Builtin::Md5: return "MD5";
    case Builtin::Sha1: return "SHA1";
    case Builtin::Sha256: return "SHA256";
    case Builtin::Sha384: return "SHA384";
    case Builtin::Sha512: return "SHA512";
    case Builtin::SameTerm: return "sameTerm";
    case Builtin::IsIri: return "isIRI";
    case Builtin::IsBlank: return "isBlank";
    case Builtin::IsLiteral: return "isLiteral";
    case Builtin::IsNumeric: return "isNumeric";
    case Builtin::Str: return "str";
    case Builtin::Lang: return "lang";
    case Builtin::Datatype: return "datatype";
    case Builtin::Bound: return "bound";
    case Builtin::Iri: return "iri";
    case Builtin::Bnode: return "bnode";
    case Builtin::Rand: return "rand";
    case Builtin::Abs: return "abs";
    case Builtin::Ceil: return "ceil";
    case Builtin::Floor: return "floor";
    case Builtin::Round: return "round";
    case Builtin::Concat: return "concat";
    case Builtin::Substr: return "substr";
    case Builtin::StrLen: return "strlen";
    case Builtin::Replace: return "replace";
    case Builtin::UCase: return "ucase";
    case Builtin::LCase: return "lcase";
    case Builtin::Contains: return "contains";
    case Builtin::StrStarts: return "strstarts";
    case Builtin::StrEnds: return "strends";
    case Builtin::StrBefore: return "strbefore";
    case Builtin::StrAfter: return "strafter";
    case Builtin::Year: return "year";
    case Builtin::Month: return "month";
    case Builtin::Day: return "day";
    case Builtin::Hours: return "hours";
    case Builtin::Minutes: return "minutes";
    case Builtin::Seconds: return "seconds";
    case Builtin::Timezone: return "timezone";
    case Builtin::Tz: return "tz";
    case Builtin::Now: return "now";
    case Builtin::Uuid: return "uuid";
    case Builtin::StrUuid: return "struuid";
    case Builtin::Coalesce: return "coalesce";
    case Builtin::If: return "if";
    case Builtin::StrLang: return "strlang";
    case Builtin::StrDt: return "strdt";
    case Builtin::Regex: return "regex";
    case Builtin::None: return "";
  }
  return "";
}

std::string_view aggregate_name(AggregateKind k) {
  switch (k) {
    case AggregateKind::Count: return "COUNT";
    case AggregateKind::Sum: return "SUM";
    case AggregateKind::Min: return "MIN";
    case AggregateKind::Max: return "MAX";
    case AggregateKind::Avg: return "AVG";
    case AggregateKind::Sample: return "SAMPLE";
    case AggregateKind::GroupConcat: return "GROUP_CONCAT";
    case AggregateKind::Custom: return "AGG";
  }
  return "";
}

std::string_view op_kind_name(OpKind k) {
  switch (k) {
    case OpKind::Bgp: return "bgp";
    case OpKind::Path: return "path";
    case OpKind::Join: return "join";
    case OpKind::LeftJoin: return "leftjoin";
    case OpKind::Minus: return "minus";
    case OpKind::Union: return "union";
    case OpKind::Filter: return "filter";
    case OpKind::Extend: return "extend";
    case OpKind::Graph: return "graph";
    case OpKind::Service: return "service";
    case OpKind::Table: return "table";
    case OpKind::Group: return "group";
    case OpKind::OrderBy: return "order";
    case OpKind::Project: return "project";
    case OpKind::Distinct: return "distinct";
    case OpKind::Reduced: return "reduced";
    case OpKind::Slice: return "slice";
  }
  return "";
}

Op table_unit() {
  Op op;
  op.kind = OpKind::Table;
  op.rows.emplace_back();
  return op;
}

namespace {

void add_var(std::vector<VarId>& set, VarId v) {
  auto it = std::lower_bound(set.begin(), set.end(), v);
  if (it == set.end() || *it != v) set.insert(it, v);
}

std::vector<VarId> set_union(const std::vector<VarId>& a, const std::vector<VarId>& b) {
  std::vector<VarId> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::vector<VarId> set_intersection(const std::vector<VarId>& a, const std::vector<VarId>& b) {
  std::vector<VarId> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

void add_term(std::vector<VarId>& set, const TermOrVar& t) {
  if (t.is_var()) set.push_back(t.var);  // normalised by sort_unique
}

void sort_unique(std::vector<VarId>& set) {
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
}

}  // namespace

void compute_scope(Op& op) {
  // In-scope rules of §18.2.1; `certain` follows the same structure with intersection for
  // UNION and the left side only for OPTIONAL.
  std::vector<VarId> scope, certain;
  switch (op.kind) {
    case OpKind::Bgp:
      for (const auto& t : op.triples) {
        add_term(scope, t.subject);
        add_term(scope, t.predicate);
        add_term(scope, t.object);
      }
      sort_unique(scope);
      certain = scope;
      break;
    case OpKind::Path:
      add_term(scope, op.subject);
      add_term(scope, op.object);
      sort_unique(scope);
      certain = scope;
      break;
    case OpKind::Join:
      scope = set_union(op.children[0].scope, op.children[1].scope);
      certain = set_union(op.children[0].certain, op.children[1].certain);
      break;
    case OpKind::LeftJoin:
      scope = set_union(op.children[0].scope, op.children[1].scope);
      certain = op.children[0].certain;
      break;
    case OpKind::Minus:
      scope = op.children[0].scope;
      certain = op.children[0].certain;
      break;
    case OpKind::Union:
      scope = set_union(op.children[0].scope, op.children[1].scope);
      certain = set_intersection(op.children[0].certain, op.children[1].certain);
      break;
    case OpKind::Filter:
    case OpKind::OrderBy:
    case OpKind::Distinct:
    case OpKind::Reduced:
    case OpKind::Slice:
    case OpKind::Service:
      scope = op.children[0].scope;
      certain = op.children[0].certain;
      break;
    case OpKind::Extend:
      scope = op.children[0].scope;
      certain = op.children[0].certain;
      for (const auto& b : op.bindings) add_var(scope, b.var);  // may fail to evaluate
      break;
    case OpKind::Graph:
      scope = op.children[0].scope;
      certain = op.children[0].certain;
      if (op.graph.is_var()) {
        add_var(scope, op.graph.var);
        add_var(certain, op.graph.var);
      }
      break;
    case OpKind::Table:
      for (size_t i = 0; i < op.vars.size(); ++i) {
        scope.push_back(op.vars[i]);
        bool always = !op.rows.empty();
        for (const auto& row : op.rows) always = always && row[i].has_value();
        if (always) certain.push_back(op.vars[i]);
      }
      sort_unique(scope);
      sort_unique(certain);
      break;
    case OpKind::Group: {
      const Op& child = op.children[0];
      for (const auto& key : op.bindings) {
        add_var(scope, key.var);
        bool plain = key.expr.kind == ExprKind::Var && key.expr.var == key.var;
        if (plain && std::binary_search(child.certain.begin(), child.certain.end(), key.var)) {
          add_var(certain, key.var);
        }
      }
      for (const auto& a : op.aggregates) {
        add_var(scope, a.var);
        if (a.kind == AggregateKind::Count) add_var(certain, a.var);
      }
      break;
    }
    case OpKind::Project:
      scope = op.vars;
      sort_unique(scope);
      certain = set_intersection(op.children[0].certain, scope);
      scope = set_intersection(op.children[0].scope, scope);
      break;
  }
  op.scope = std::move(scope);
  op.certain = std::move(certain);
}

}  // namespace kikv::sparql
