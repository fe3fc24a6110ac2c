// The algebra in SSE (SPARQL S-Expressions), laid out like Jena's `arq.qparse --print=op` so the
// two can be compared after whitespace normalisation.
#include <regex>

#include "sparql/sparql.hpp"

namespace kikv::sparql {
namespace {

bool matches_number(const std::string& lexical, std::string_view type) {
  // Jena prints numbers and booleans bare when the lexical form is a Turtle short form.
  static const std::regex kInteger("[+-]?[0-9]+");
  static const std::regex kDecimal("[+-]?[0-9]*\\.[0-9]+");
  static const std::regex kDouble("[+-]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+");
  if (type == rdf::iri::kXsdInteger) return std::regex_match(lexical, kInteger);
  if (type == rdf::iri::kXsdDecimal) return std::regex_match(lexical, kDecimal);
  if (type == rdf::iri::kXsdDouble) return std::regex_match(lexical, kDouble);
  if (type == rdf::iri::kXsdBoolean) return lexical == "true" || lexical == "false";
  return false;
}

bool safe_local_name(std::string_view local) {
  if (local.empty()) return true;
  if (local.front() == '-' || local.front() == '.' || local.back() == '.') return false;
  for (char c : local) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

class Printer {
 public:
  Printer(const VarTable& vars, const std::vector<std::pair<std::string, std::string>>* prefixes)
      : vars_(vars), prefixes_(prefixes) {}

  void op(const Op& o, int indent);
  void expr(const Expr& e);
  void path(const Path& p);
  void term(const rdf::Term& t);
  void node(const TermOrVar& t);
  void var(VarId v) {
    out_ += '?';
    if (v < vars_.size()) {
      out_ += vars_.name(v);
    } else {
      out_ += '_';
      out_ += std::to_string(v);
    }
  }
  std::string take() { return std::move(out_); }

 private:
  void newline(int indent) {
    out_ += '\n';
    out_.append(static_cast<size_t>(indent), ' ');
  }
  void iri(const std::string& value);
  void exprs(const std::vector<Expr>& list);
  void aggregate(const Aggregate& a);

  const VarTable& vars_;
  const std::vector<std::pair<std::string, std::string>>* prefixes_;
  std::string out_;
  bool inline_ = false;  ///< ops inside expressions (EXISTS) print on one line
};

void Printer::iri(const std::string& value) {
  if (prefixes_) {
    for (const auto& [prefix, ns] : *prefixes_) {
      if (value.size() >= ns.size() && value.compare(0, ns.size(), ns) == 0 &&
          safe_local_name(std::string_view(value).substr(ns.size()))) {
        out_ += prefix;
        out_ += ':';
        out_ += value.substr(ns.size());
        return;
      }
    }
  }
  out_ += '<';
  out_ += value;
  out_ += '>';
}

void Printer::term(const rdf::Term& t) {
  switch (t.kind) {
    case rdf::TermKind::Iri: iri(t.value); return;
    case rdf::TermKind::Blank:
      out_ += "_:";
      out_ += t.value;
      return;
    case rdf::TermKind::Literal:
      if (t.lang.empty() && matches_number(t.value, t.datatype)) {
        out_ += t.value;
        return;
      }
      out_ += '"';
      rdf::append_escaped_string(out_, t.value);
      out_ += '"';
      if (!t.lang.empty()) {
        out_ += '@';
        out_ += t.lang;
      } else if (!t.datatype.empty() && t.datatype != rdf::iri::kXsdString) {
        out_ += "^^";
        iri(t.datatype);
      }
      return;
  }
}

void Printer::node(const TermOrVar& t) {
  if (t.is_var()) {
    var(t.var);
  } else {
    term(t.term);
  }
}

void Printer::path(const Path& p) {
  switch (p.kind) {
    case PathKind::Link: iri(p.iri); return;
    case PathKind::NegatedSet:
      out_ += "(notoneof";
      for (const auto& i : p.iris) {
        out_ += ' ';
        iri(i);
      }
      out_ += ')';
      return;
    default: break;
  }
  const char* name = p.kind == PathKind::Inverse       ? "reverse"
                     : p.kind == PathKind::Sequence    ? "seq"
                     : p.kind == PathKind::Alternative ? "alt"
                     : p.kind == PathKind::ZeroOrMore  ? "path*"
                     : p.kind == PathKind::OneOrMore   ? "path+"
                                                       : "path?";
  out_ += '(';
  out_ += name;
  for (const auto& a : p.args) {
    out_ += ' ';
    path(a);
  }
  out_ += ')';
}

void Printer::expr(const Expr& e) {
  const char* op = nullptr;
  switch (e.kind) {
    case ExprKind::Var: var(e.var); return;
    case ExprKind::Constant: term(e.term); return;
    case ExprKind::Or: op = "||"; break;
    case ExprKind::And: op = "&&"; break;
    case ExprKind::Not: op = "!"; break;
    case ExprKind::Equal: op = "="; break;
    case ExprKind::NotEqual: op = "!="; break;
    case ExprKind::Less: op = "<"; break;
    case ExprKind::Greater: op = ">"; break;
    case ExprKind::LessEqual: op = "<="; break;
    case ExprKind::GreaterEqual: op = ">="; break;
    case ExprKind::In: op = "in"; break;
    case ExprKind::NotIn: op = "notin"; break;
    case ExprKind::Add:
    case ExprKind::UnaryPlus: op = "+"; break;
    case ExprKind::Subtract:
    case ExprKind::UnaryMinus: op = "-"; break;
    case ExprKind::Multiply: op = "*"; break;
    case ExprKind::Divide: op = "/"; break;
    case ExprKind::Exists:
    case ExprKind::NotExists: {
      out_ += e.kind == ExprKind::Exists ? "(exists " : "(notexists ";
      bool saved = inline_;
      inline_ = true;
      if (!e.pattern.empty()) this->op(e.pattern[0], 0);
      inline_ = saved;
      out_ += ')';
      return;
    }
    case ExprKind::Builtin: break;
    case ExprKind::FunctionCall: break;
    case ExprKind::Aggregate: op = "aggregate"; break;
  }
  out_ += '(';
  if (e.kind == ExprKind::Builtin) {
    out_ += builtin_sse_name(e.builtin);
  } else if (e.kind == ExprKind::FunctionCall) {
    iri(e.term.value);
  } else {
    out_ += op;
  }
  for (const auto& a : e.args) {
    out_ += ' ';
    expr(a);
  }
  out_ += ')';
}

void Printer::exprs(const std::vector<Expr>& list) {
  if (list.size() == 1) {
    expr(list[0]);
    return;
  }
  out_ += "(exprlist";
  for (const auto& e : list) {
    out_ += ' ';
    expr(e);
  }
  out_ += ')';
}

void Printer::aggregate(const Aggregate& a) {
  static const char* kNames[] = {"count", "sum", "min", "max", "avg", "sample", "group_concat", "agg"};
  out_ += '(';
  out_ += kNames[static_cast<int>(a.kind)];
  if (a.kind == AggregateKind::Custom) {
    out_ += ' ';
    iri(a.iri);
  }
  if (a.distinct) out_ += " distinct";
  if (a.kind == AggregateKind::GroupConcat && a.separator != " ") {
    out_ += "(separator ";  // sic: Jena writes "group_concat(separator" / "distinct(separator"
    out_ += '\'';
    out_ += a.separator;
    out_ += "')";
  }
  for (const auto& arg : a.args) {
    out_ += ' ';
    expr(arg);
  }
  out_ += ')';
}

void Printer::op(const Op& o, int indent) {
  auto child = [&](const Op& c) {
    if (inline_) {
      out_ += ' ';
    } else {
      newline(indent + 2);
    }
    op(c, indent + 2);
  };
  out_ += '(';
  out_ += op_kind_name(o.kind);
  switch (o.kind) {
    case OpKind::Bgp:
      for (const auto& t : o.triples) {
        if (o.triples.size() > 1 && !inline_) {
          newline(indent + 2);
        } else {
          out_ += ' ';
        }
        out_ += "(triple ";
        node(t.subject);
        out_ += ' ';
        node(t.predicate);
        out_ += ' ';
        node(t.object);
        out_ += ')';
      }
      break;
    case OpKind::Path:
      out_ += ' ';
      node(o.subject);
      out_ += ' ';
      path(o.path);
      out_ += ' ';
      node(o.object);
      break;
    case OpKind::Table:
      if (o.vars.empty() && o.rows.size() == 1) {
        out_ += " unit";
        break;
      }
      if (o.rows.empty()) {
        out_ += " empty";
        break;
      }
      out_ += " (vars";
      for (VarId v : o.vars) {
        out_ += ' ';
        var(v);
      }
      out_ += ')';
      for (const auto& row : o.rows) {
        if (inline_) {
          out_ += ' ';
        } else {
          newline(indent + 2);
        }
        out_ += "(row";
        for (size_t i = 0; i < row.size(); ++i) {
          if (!row[i]) continue;
          out_ += " [";
          var(o.vars[i]);
          out_ += ' ';
          term(*row[i]);
          out_ += ']';
        }
        out_ += ')';
      }
      break;
    case OpKind::Filter:
      out_ += ' ';
      exprs(o.exprs);
      break;
    case OpKind::Extend:
      out_ += " (";
      for (size_t i = 0; i < o.bindings.size(); ++i) {
        out_ += i ? " (" : "(";
        var(o.bindings[i].var);
        out_ += ' ';
        expr(o.bindings[i].expr);
        out_ += ')';
      }
      out_ += ')';
      break;
    case OpKind::Graph:
    case OpKind::Service:
      if (o.silent) out_ += " silent";
      out_ += ' ';
      node(o.graph);
      break;
    case OpKind::Group:
      out_ += " (";
      for (size_t i = 0; i < o.bindings.size(); ++i) {
        if (i) out_ += ' ';
        const auto& k = o.bindings[i];
        if (k.expr.kind == ExprKind::Var && k.expr.var == k.var) {
          var(k.var);
        } else {
          out_ += '(';
          var(k.var);
          out_ += ' ';
          expr(k.expr);
          out_ += ')';
        }
      }
      out_ += ')';
      if (!o.aggregates.empty()) {
        out_ += " (";
        for (size_t i = 0; i < o.aggregates.size(); ++i) {
          out_ += i ? " (" : "(";
          var(o.aggregates[i].var);
          out_ += ' ';
          aggregate(o.aggregates[i]);
          out_ += ')';
        }
        out_ += ')';
      }
      break;
    case OpKind::OrderBy:
      out_ += " (";
      for (size_t i = 0; i < o.order.size(); ++i) {
        if (i) out_ += ' ';
        if (o.order[i].descending) {
          out_ += "(desc ";
          expr(o.order[i].expr);
          out_ += ')';
        } else {
          expr(o.order[i].expr);
        }
      }
      out_ += ')';
      break;
    case OpKind::Project:
      out_ += " (";
      for (size_t i = 0; i < o.vars.size(); ++i) {
        if (i) out_ += ' ';
        var(o.vars[i]);
      }
      out_ += ')';
      break;
    case OpKind::Slice:
      out_ += ' ';
      out_ += o.offset ? std::to_string(o.offset) : "_";
      out_ += ' ';
      out_ += o.limit ? std::to_string(*o.limit) : "_";
      break;
    default: break;
  }
  for (const auto& c : o.children) child(c);
  if (o.kind == OpKind::LeftJoin && !o.exprs.empty()) {
    if (inline_) {
      out_ += ' ';
    } else {
      newline(indent + 2);
    }
    exprs(o.exprs);
  }
  out_ += ')';
}

}  // namespace

std::string to_sse(const Op& op, const VarTable& vars) {
  Printer p(vars, nullptr);
  p.op(op, 0);
  return p.take();
}

std::string to_sse(const Op& op) {
  VarTable none;
  return to_sse(op, none);
}

std::string to_sse(const Expr& expr, const VarTable& vars) {
  Printer p(vars, nullptr);
  p.expr(expr);
  return p.take();
}

std::string to_sse(const Path& path) {
  VarTable none;
  Printer p(none, nullptr);
  p.path(path);
  return p.take();
}

std::string to_sse(const Query& query) {
  if (query.prefixes.empty()) return to_sse(query.root, query.vars);
  Printer p(query.vars, &query.prefixes);
  std::string head = "(prefix (";
  for (size_t i = 0; i < query.prefixes.size(); ++i) {
    if (i) head += ' ';
    head += "(" + query.prefixes[i].first + ": <" + query.prefixes[i].second + ">)";
  }
  head += ")\n  ";
  p.op(query.root, 2);
  return head + p.take() + ")";
}

}  // namespace kikv::sparql
