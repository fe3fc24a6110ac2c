// Term functions (SPARQL 1.1 §17.4.2): STR, LANG, LANGMATCHES, DATATYPE, IRI/URI, BNODE, STRDT,
// STRLANG, UUID, STRUUID, isIRI/isURI, isBLANK, isLITERAL, isNUMERIC, sameTerm.
#include <cstdio>

#include "rdf/inline_literal.hpp"
#include "rdf/iri.hpp"
#include "sparql/eval/functions_impl.hpp"
#include "sparql/eval/value.hpp"

namespace kikv::sparql::fn {

using rdf::TermId;
namespace vocab = rdf::vocab;

bool ascii_iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

namespace {

/// The text of a simple literal / xsd:string argument (not a language-tagged one).
std::optional<std::string_view> simple_string(TermId id, FunctionContext& ctx, int buffer) {
  auto s = string_value(id, ctx.terms(), ctx.scratch(buffer));
  if (!s || !s->lang.empty()) return std::nullopt;
  return s->text;
}

/// A well-formed language tag (BCP 47 shape): 1-8 letters, then "-" 1-8 letters or digits.
bool valid_language_tag(std::string_view tag) {
  if (tag.empty()) return false;
  size_t i = 0, n = 0;
  bool first = true;
  while (i <= tag.size()) {
    if (i == tag.size() || tag[i] == '-') {
      if (n == 0 || n > 8) return false;
      n = 0;
      first = false;
    } else {
      const char c = tag[i];
      const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      const bool digit = c >= '0' && c <= '9';
      if (!alpha && !(digit && !first)) return false;
      ++n;
    }
    ++i;
  }
  return true;
}

/// Characters RFC 3987 does not allow anywhere in an IRI.
bool valid_iri_chars(std::string_view iri) {
  for (char c : iri) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20) return false;
    switch (c) {
      case '<': case '>': case '"': case '{': case '}': case '|': case '^': case '`': case '\\':
        return false;
      default: break;
    }
  }
  return true;
}

/// A random (version 4) UUID in lower-case hex: "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".
void random_uuid(FunctionContext& ctx, std::string& out) {
  uint64_t hi = ctx.rng()(), lo = ctx.rng()();
  hi = (hi & ~uint64_t{0xF000}) | 0x4000;                           // version 4
  lo = (lo & ~(uint64_t{0xC} << 60)) | (uint64_t{0x8} << 60);     // variant 10xx
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx",
                static_cast<unsigned>(hi >> 32), static_cast<unsigned>((hi >> 16) & 0xFFFF),
                static_cast<unsigned>(hi & 0xFFFF), static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFull));
  out.append(buf);
}

Result boolean(bool v) { return make_boolean(v); }

}  // namespace

Result str(Args args, FunctionContext& ctx) {
  const TermId x = args[0];
  if (rdf::id_tag(x) == rdf::IdTag::String) return x;
  if (!rdf::is_iri(x) && !rdf::is_literal(x)) return std::nullopt;
  if (rdf::is_literal(x) && ctx.terms().datatype(x) == vocab::kXsdString) return x;
  return make_string(ctx.terms().view(x, ctx.scratch(0)), ctx.terms());
}

Result lang(Args args, FunctionContext& ctx) {
  if (!rdf::is_literal(args[0])) return std::nullopt;
  if (rdf::is_inline(args[0])) return make_string("", ctx.terms());
  return make_string(ctx.terms().lang(args[0]), ctx.terms());
}

Result langmatches(Args args, FunctionContext& ctx) {
  auto tag = simple_string(args[0], ctx, 0);
  auto range = simple_string(args[1], ctx, 1);
  if (!tag || !range) return std::nullopt;
  // RFC 4647 §3.3.1 basic filtering.
  if (*range == "*") return boolean(!tag->empty());
  if (tag->size() < range->size()) return boolean(false);
  if (!ascii_iequal(tag->substr(0, range->size()), *range)) return boolean(false);
  return boolean(tag->size() == range->size() || (*tag)[range->size()] == '-');
}

Result datatype(Args args, FunctionContext& ctx) {
  const TermId x = args[0];
  if (!rdf::is_literal(x)) return std::nullopt;
  if (rdf::is_inline(x)) return rdf::inline_datatype(x);
  return ctx.terms().datatype(x);
}

Result iri(Args args, FunctionContext& ctx) {
  const TermId x = args[0];
  if (rdf::is_iri(x)) return x;
  auto text = simple_string(x, ctx, 0);
  if (!text) return std::nullopt;
  std::string resolved = rdf::resolve_iri(ctx.base_iri(), *text);
  if (!rdf::has_iri_scheme(resolved) || !valid_iri_chars(resolved)) return std::nullopt;
  return ctx.terms().intern_iri(resolved);
}

Result bnode(Args args, FunctionContext& ctx) {
  if (args.empty()) return ctx.terms().new_blank();
  if (!simple_string(args[0], ctx, 0)) return std::nullopt;
  return ctx.bnode_for(args[0]);
}

Result strdt(Args args, FunctionContext& ctx) {
  auto text = simple_string(args[0], ctx, 0);
  const TermId dt = args[1];
  if (!text || !rdf::is_iri(dt) || dt == vocab::kRdfLangString) return std::nullopt;
  return ctx.terms().intern_literal(*text, dt);
}

Result strlang(Args args, FunctionContext& ctx) {
  auto text = simple_string(args[0], ctx, 0);
  auto tag = simple_string(args[1], ctx, 1);
  if (!text || !tag || !valid_language_tag(*tag)) return std::nullopt;
  return ctx.terms().intern_literal(*text, vocab::kRdfLangString, *tag);
}

Result uuid(Args, FunctionContext& ctx) {
  std::string& s = ctx.scratch(0);
  s.assign("urn:uuid:");
  random_uuid(ctx, s);
  return ctx.terms().intern_iri(s);
}

Result struuid(Args, FunctionContext& ctx) {
  std::string& s = ctx.scratch(0);
  s.clear();
  random_uuid(ctx, s);
  return make_string(s, ctx.terms());
}

Result is_iri(Args args, FunctionContext&) {
  if (args[0] == rdf::kNoTerm) return std::nullopt;
  return boolean(rdf::is_iri(args[0]));
}

Result is_blank(Args args, FunctionContext&) {
  if (args[0] == rdf::kNoTerm) return std::nullopt;
  return boolean(rdf::is_blank(args[0]));
}

Result is_literal(Args args, FunctionContext&) {
  if (args[0] == rdf::kNoTerm) return std::nullopt;
  return boolean(rdf::is_literal(args[0]));
}

Result is_numeric(Args args, FunctionContext& ctx) {
  if (args[0] == rdf::kNoTerm) return std::nullopt;
  return boolean(numeric_value(args[0], ctx.terms()).has_value());
}

Result same_term(Args args, FunctionContext&) {
  if (args[0] == rdf::kNoTerm || args[1] == rdf::kNoTerm) return std::nullopt;
  return boolean(args[0] == args[1]);
}

}  // namespace kikv::sparql::fn
