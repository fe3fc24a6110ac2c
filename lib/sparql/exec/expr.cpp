#include "sparql/exec/expr.hpp"

#include <algorithm>

#include "rdf/error.hpp"
#include "sparql/eval/functions.hpp"
#include "sparql/eval/operators.hpp"
#include "sparql/exec/compile.hpp"

namespace kikv::sparql::exec {

void expr_vars(const Expr& e, std::vector<VarId>& out) {
  if (e.kind == ExprKind::Var) out.push_back(e.var);
  for (const Expr& a : e.args) expr_vars(a, out);
  // EXISTS reads every variable of the row it is evaluated on that its pattern mentions.
  for (const Op& p : e.pattern) out.insert(out.end(), p.scope.begin(), p.scope.end());
}

namespace {

std::optional<TermId> from_bool(std::optional<bool> b) {
  if (!b) return std::nullopt;
  return rdf::make_boolean_id(*b);
}

CompareOp compare_op(ExprKind k) {
  switch (k) {
    case ExprKind::Equal: return CompareOp::Equal;
    case ExprKind::NotEqual: return CompareOp::NotEqual;
    case ExprKind::Less: return CompareOp::Less;
    case ExprKind::Greater: return CompareOp::Greater;
    case ExprKind::LessEqual: return CompareOp::LessEqual;
    default: return CompareOp::GreaterEqual;
  }
}

ArithOp arith_op(ExprKind k) {
  switch (k) {
    case ExprKind::Add: return ArithOp::Add;
    case ExprKind::Subtract: return ArithOp::Subtract;
    case ExprKind::Multiply: return ArithOp::Multiply;
    default: return ArithOp::Divide;
  }
}

/// Builtins the evaluator handles itself because they do not evaluate all arguments eagerly.
bool is_special_form(Builtin b) {
  return b == Builtin::Bound || b == Builtin::If || b == Builtin::Coalesce;
}

}  // namespace

CExpr Compiler::compile_expr(const Expr& e, const Schema& schema) {
  CExpr c;
  c.kind = e.kind;
  c.builtin = e.builtin;
  switch (e.kind) {
    case ExprKind::Var:
      c.var = e.var;
      c.column = column_of(schema, e.var);
      return c;
    case ExprKind::Constant:
      c.constant = ctx_.terms.intern(e.term);
      return c;
    case ExprKind::Exists:
    case ExprKind::NotExists: {
      // The pattern sees the row's variables as if substituted (§18.6): they are its seed.
      std::vector<VarId> seeded(schema.begin(), schema.end());
      for (size_t v = 0; v < seeded_.size(); ++v)
        if (seeded_[v]) seeded.push_back(static_cast<VarId>(v));
      c.exists = std::make_shared<CExpr::ExistsPlan>();
      c.exists->pattern = compile(e.pattern.at(0), seeded);
      c.exists->row_schema = schema;
      c.exists->seed.assign(vars_.size(), kNoTerm);
      return c;
    }
    case ExprKind::Aggregate:
      throw EvalError("aggregate outside of a group");
    default:
      break;
  }
  for (const Expr& a : e.args) c.args.push_back(compile_expr(a, schema));
  if (e.kind == ExprKind::Builtin && !is_special_form(e.builtin)) {
    c.function = find_builtin(builtin_name(e.builtin));
    if (!c.function) throw UnsupportedError("function " + std::string(builtin_name(e.builtin)) + " is not supported");
  } else if (e.kind == ExprKind::FunctionCall) {
    c.function = find_function_iri(e.term.value);
    if (!c.function) throw EvalError("unknown function <" + e.term.value + ">");
    if (c.args.size() < c.function->min_args ||
        (c.function->max_args != kVariadic && c.args.size() > c.function->max_args))
      throw EvalError("wrong number of arguments for <" + e.term.value + ">");
  }
  return c;
}

std::optional<TermId> Evaluator::eval(CExpr& e, const TermId* row, const TermId* seed) {
  TermTable& terms = ctx_.terms;
  switch (e.kind) {
    case ExprKind::Var: {
      const TermId v = e.column >= 0 ? row[e.column] : (seed ? seed[e.var] : kNoTerm);
      if (v == kNoTerm) return std::nullopt;
      return v;
    }
    case ExprKind::Constant:
      if (e.constant == kNoTerm) return std::nullopt;
      return e.constant;
    case ExprKind::Or: {
      // Three-valued logic (§17.2): true wins over an error.
      auto a = eval(e.args[0], row, seed);
      std::optional<bool> ea = a ? ebv(*a, terms) : std::nullopt;
      if (ea && *ea) return rdf::make_boolean_id(true);
      auto b = eval(e.args[1], row, seed);
      std::optional<bool> eb = b ? ebv(*b, terms) : std::nullopt;
      if (eb && *eb) return rdf::make_boolean_id(true);
      if (!ea || !eb) return std::nullopt;
      return rdf::make_boolean_id(false);
    }
    case ExprKind::And: {
      auto a = eval(e.args[0], row, seed);
      std::optional<bool> ea = a ? ebv(*a, terms) : std::nullopt;
      if (ea && !*ea) return rdf::make_boolean_id(false);
      auto b = eval(e.args[1], row, seed);
      std::optional<bool> eb = b ? ebv(*b, terms) : std::nullopt;
      if (eb && !*eb) return rdf::make_boolean_id(false);
      if (!ea || !eb) return std::nullopt;
      return rdf::make_boolean_id(true);
    }
    case ExprKind::Not: {
      auto a = eval(e.args[0], row, seed);
      if (!a) return std::nullopt;
      return from_bool(logical_not(*a, terms));
    }
    case ExprKind::Equal:
    case ExprKind::NotEqual:
    case ExprKind::Less:
    case ExprKind::Greater:
    case ExprKind::LessEqual:
    case ExprKind::GreaterEqual: {
      auto a = eval(e.args[0], row, seed);
      if (!a) return std::nullopt;
      auto b = eval(e.args[1], row, seed);
      if (!b) return std::nullopt;
      return from_bool(compare(compare_op(e.kind), *a, *b, terms));
    }
    case ExprKind::In:
    case ExprKind::NotIn: {
      // x IN (a, b ...) = x = a || x = b ...: a match wins over errors, else an error wins.
      auto x = eval(e.args[0], row, seed);
      if (!x) return std::nullopt;
      bool error = false;
      for (size_t i = 1; i < e.args.size(); ++i) {
        auto v = eval(e.args[i], row, seed);
        std::optional<bool> eq = v ? compare(CompareOp::Equal, *x, *v, terms) : std::nullopt;
        if (eq && *eq) return rdf::make_boolean_id(e.kind == ExprKind::In);
        if (!eq) error = true;
      }
      if (error) return std::nullopt;
      return rdf::make_boolean_id(e.kind == ExprKind::NotIn);
    }
    case ExprKind::Add:
    case ExprKind::Subtract:
    case ExprKind::Multiply:
    case ExprKind::Divide: {
      auto a = eval(e.args[0], row, seed);
      if (!a) return std::nullopt;
      auto b = eval(e.args[1], row, seed);
      if (!b) return std::nullopt;
      return arithmetic(arith_op(e.kind), *a, *b, terms);
    }
    case ExprKind::UnaryPlus:
    case ExprKind::UnaryMinus: {
      auto a = eval(e.args[0], row, seed);
      if (!a) return std::nullopt;
      return e.kind == ExprKind::UnaryMinus ? unary_minus(*a, terms) : unary_plus(*a, terms);
    }
    case ExprKind::Exists:
    case ExprKind::NotExists: {
      const bool found = exists(e, row, seed);
      return rdf::make_boolean_id(e.kind == ExprKind::Exists ? found : !found);
    }
    case ExprKind::Builtin:
      switch (e.builtin) {
        case Builtin::Bound: {
          const CExpr& v = e.args[0];
          const TermId id = v.column >= 0 ? row[v.column] : (seed ? seed[v.var] : kNoTerm);
          return rdf::make_boolean_id(id != kNoTerm);
        }
        case Builtin::If: {
          auto c = eval(e.args[0], row, seed);
          std::optional<bool> b = c ? ebv(*c, terms) : std::nullopt;
          if (!b) return std::nullopt;
          return eval(e.args[*b ? 1 : 2], row, seed);
        }
        case Builtin::Coalesce:
          for (CExpr& a : e.args)
            if (auto v = eval(a, row, seed)) return v;
          return std::nullopt;
        default:
          break;
      }
      [[fallthrough]];
    case ExprKind::FunctionCall: {
      // Arguments on the stack; CONCAT and COALESCE-like calls with more go to the heap.
      TermId small[8];
      std::vector<TermId> many;
      if (e.args.size() > 8) many.assign(e.args.size(), kNoTerm);
      const std::span<TermId> args = many.empty() ? std::span<TermId>(small, e.args.size()) : std::span<TermId>(many);
      for (size_t i = 0; i < e.args.size(); ++i) args[i] = eval(e.args[i], row, seed).value_or(kNoTerm);
      return e.function->impl(args, fn_);
    }
    case ExprKind::Aggregate:
      return std::nullopt;
  }
  return std::nullopt;
}

bool Evaluator::test(CExpr& e, const TermId* row, const TermId* seed) {
  auto v = eval(e, row, seed);
  if (!v) return false;
  return ebv(*v, ctx_.terms).value_or(false);
}

bool Evaluator::exists(CExpr& e, const TermId* row, const TermId* seed) {
  CExpr::ExistsPlan& x = *e.exists;
  // Build the substitution: the outer seed plus this row's bound values.
  if (seed) {
    std::copy(seed, seed + x.seed.size(), x.seed.begin());
  } else {
    std::fill(x.seed.begin(), x.seed.end(), kNoTerm);
  }
  for (size_t c = 0; c < x.row_schema.size(); ++c)
    if (row[c] != kNoTerm) x.seed[x.row_schema[c]] = row[c];
  // A copy of the seed, because evaluating the pattern may evaluate this expression again.
  std::vector<TermId> local = x.seed;
  x.pattern->open(ctx_, local.data());
  Batch b;
  return x.pattern->next(b);
}

}  // namespace kikv::sparql::exec
