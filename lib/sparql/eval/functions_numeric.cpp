// Numeric functions (SPARQL 1.1 §17.4.4: ABS, ROUND, CEIL, FLOOR, RAND) and date/time functions
// (§17.4.5: NOW, YEAR ... TZ). The results of ABS/ROUND/CEIL/FLOOR have the argument's
// primitive type (a derived integer type gives xsd:integer, F&O 3.1 §4.4). YEAR, MONTH and DAY
// also accept xsd:date and the g* types that have the field, HOURS/MINUTES/SECONDS xsd:time
// (extensions, as in Jena; SPARQL only defines them on xsd:dateTime).
#include <cmath>

#include "rdf/inline_literal.hpp"
#include "sparql/eval/functions_impl.hpp"
#include "sparql/eval/value.hpp"

namespace kikv::sparql::fn {

using rdf::TermId;
namespace xsd = rdf::xsd;
using K = xsd::TemporalKind;

namespace {

enum class NumOp { Abs, Round, Ceil, Floor };

double apply_double(NumOp op, double x) {
  switch (op) {
    case NumOp::Abs: return std::fabs(x);
    case NumOp::Ceil: return std::ceil(x);
    case NumOp::Floor: return std::floor(x);
    case NumOp::Round: {
      if (!std::isfinite(x)) return x;
      const double f = std::floor(x);
      const double r = x - f >= 0.5 ? f + 1 : f;
      return (r == 0 && std::signbit(x)) ? -0.0 : r;  // round(-0.5) is -0 (F&O §4.4.4)
    }
  }
  return x;
}

Result numeric_function(Args args, FunctionContext& ctx, NumOp op) {
  const TermId x = args[0];
  if (rdf::id_tag(x) == rdf::IdTag::Integer) {
    if (op != NumOp::Abs) return x;
    const int64_t v = rdf::integer_id_value(x);
    return make_integer(v < 0 ? -v : v, ctx.terms());
  }
  auto n = numeric_value(x, ctx.terms());
  if (!n) return std::nullopt;
  switch (n->type) {
    case NumericType::Integer:
      return make_integer(op == NumOp::Abs && n->integer < 0 ? -n->integer : n->integer,
                          ctx.terms());
    case NumericType::Decimal: {
      xsd::Decimal d = n->decimal;
      switch (op) {
        case NumOp::Abs: d = xsd::abs(d); break;
        case NumOp::Round: d = xsd::round(d); break;
        case NumOp::Ceil: d = xsd::ceil(d); break;
        case NumOp::Floor: d = xsd::floor(d); break;
      }
      return make_decimal(d, ctx.terms());
    }
    case NumericType::Float:
      return make_float(static_cast<float>(apply_double(op, n->floating)), ctx.terms());
    case NumericType::Double: return make_double(apply_double(op, n->floating), ctx.terms());
  }
  return std::nullopt;
}

bool has_date_part(K k) { return k == K::DateTime || k == K::DateTimeStamp || k == K::Date; }
bool has_time_part(K k) { return k == K::DateTime || k == K::DateTimeStamp || k == K::Time; }

std::optional<xsd::Temporal> temporal_arg(Args args, FunctionContext& ctx) {
  return temporal_value(args[0], ctx.terms());
}

}  // namespace

Result abs(Args args, FunctionContext& ctx) { return numeric_function(args, ctx, NumOp::Abs); }
Result round(Args args, FunctionContext& ctx) { return numeric_function(args, ctx, NumOp::Round); }
Result ceil(Args args, FunctionContext& ctx) { return numeric_function(args, ctx, NumOp::Ceil); }
Result floor(Args args, FunctionContext& ctx) { return numeric_function(args, ctx, NumOp::Floor); }

Result rand(Args, FunctionContext& ctx) {
  // 53 random bits: uniform on [0, 1).
  const double v = static_cast<double>(ctx.rng()() >> 11) * 0x1.0p-53;
  return make_double(v, ctx.terms());
}

Result now(Args, FunctionContext& ctx) { return ctx.now(); }

Result year(Args args, FunctionContext& ctx) {
  auto t = temporal_arg(args, ctx);
  if (!t || !(has_date_part(t->kind) || t->kind == K::GYear || t->kind == K::GYearMonth)) {
    return std::nullopt;
  }
  return make_integer(t->year, ctx.terms());
}

Result month(Args args, FunctionContext& ctx) {
  auto t = temporal_arg(args, ctx);
  if (!t || !(has_date_part(t->kind) || t->kind == K::GYearMonth || t->kind == K::GMonth ||
              t->kind == K::GMonthDay)) {
    return std::nullopt;
  }
  return make_integer(t->month, ctx.terms());
}

Result day(Args args, FunctionContext& ctx) {
  auto t = temporal_arg(args, ctx);
  if (!t || !(has_date_part(t->kind) || t->kind == K::GMonthDay || t->kind == K::GDay)) {
    return std::nullopt;
  }
  return make_integer(t->day, ctx.terms());
}

Result hours(Args args, FunctionContext& ctx) {
  auto t = temporal_arg(args, ctx);
  if (!t || !has_time_part(t->kind)) return std::nullopt;
  return make_integer(t->hour, ctx.terms());
}

Result minutes(Args args, FunctionContext& ctx) {
  auto t = temporal_arg(args, ctx);
  if (!t || !has_time_part(t->kind)) return std::nullopt;
  return make_integer(t->minute, ctx.terms());
}

Result seconds(Args args, FunctionContext& ctx) {
  auto t = temporal_arg(args, ctx);
  if (!t || !has_time_part(t->kind)) return std::nullopt;
  const xsd::Decimal d{static_cast<xsd::int128_t>(t->second) * 1000000000 + t->nanosecond, 9};
  return make_decimal(d, ctx.terms());
}

Result timezone(Args args, FunctionContext& ctx) {
  auto t = temporal_arg(args, ctx);
  if (!t || !t->has_tz) return std::nullopt;
  xsd::Duration d;
  d.kind = xsd::DurationKind::DayTime;
  d.seconds = int64_t{t->tz_minutes} * 60;
  return make_duration(d, ctx.terms());
}

Result tz(Args args, FunctionContext& ctx) {
  auto t = temporal_arg(args, ctx);
  if (!t) return std::nullopt;
  if (!t->has_tz) return make_string("", ctx.terms());
  if (t->tz_minutes == 0) return make_string("Z", ctx.terms());
  const int m = t->tz_minutes < 0 ? -t->tz_minutes : t->tz_minutes;
  char buf[8] = {t->tz_minutes < 0 ? '-' : '+',
                 static_cast<char>('0' + m / 600),
                 static_cast<char>('0' + m / 60 % 10),
                 ':',
                 static_cast<char>('0' + m % 60 / 10),
                 static_cast<char>('0' + m % 10),
                 0,
                 0};
  return make_string(std::string_view(buf, 6), ctx.terms());
}

}  // namespace kikv::sparql::fn
