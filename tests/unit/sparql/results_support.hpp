// Shared helpers of the test_results_*.cpp tests: file access, the Jena reference table, and a
// Serd-based Turtle reader (the library itself takes triples; parsing Turtle is not its job).
#pragma once

#include <serd/serd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "rdf/term.hpp"
#include "sparql/results/results.hpp"

namespace results_test {

namespace res = kikv::sparql::results;
using kikv::rdf::Term;

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::filesystem::path data_dir() {
  return std::filesystem::path(KIKV_TEST_DATA_DIR) / "results";
}

/// The W3C SPARQL test suites in the shared reference directory, or nullopt when absent.
inline std::optional<std::filesystem::path> w3c_sparql_dir() {
  const std::filesystem::path p = std::filesystem::path(KIKV_SHARED_DIR) / "w3c-rdf-tests" / "sparql";
  if (std::filesystem::is_directory(p)) return p;
  return std::nullopt;
}

inline constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";
inline std::string xsd(const char* local) { return std::string(kXsd) + local; }
inline Term iri(const std::string& v) { return Term::iri(v); }
inline Term ex(const std::string& local) { return Term::iri("http://example.org/" + local); }
inline Term str(const std::string& v) { return Term::string(v); }
inline Term lang(const std::string& v, const std::string& tag) { return Term::lang_literal(v, tag); }
inline Term typed(const std::string& v, const char* xsd_local) { return Term::literal(v, xsd(xsd_local)); }
inline Term blank(const std::string& label) { return Term::blank(label); }

/// The result of tests/data/results/jena-q3.rq on jena-q3.ttl, in ORDER BY ?s order, with our
/// own blank node labels (writers relabel them b0, b1 ... as Jena does).
inline res::ResultTable jena_q3_table(bool with_blanks = true) {
  std::vector<std::pair<std::string, Term>> rows = {
      {"s1", str("plain")},
      {"s2", str("tab\there\nnl \"q\" back\\slash cr\r end")},
      {"s3", lang("hallo", "nl-NL")},
      {"s4", typed("42", "integer")},
      {"s5", typed("4.50", "decimal")},
      {"s6", typed("1.0E6", "double")},
      {"s7", typed("true", "boolean")},
      {"s8", Term::literal("x", "http://example.org/dt")},
      {"s9", blank("bn")},
      {"sa", str("\xC3\xBCn\xC3\xAF \xE2\x82\xAC\xF0\x9F\x98\x80")},
      {"sb", str("a,b")},
      {"sc", str("<&>'")},
      {"sd", blank("bn")},
      {"se", blank("other")},
      {"sf", str("ctl\x01x")},
      {"sg", typed("07", "integer")},
  };
  res::ResultTable t = res::ResultTable::make_bindings({"s", "o", "u"});
  for (auto& [s, o] : rows) {
    if (!with_blanks && o.is_blank()) continue;
    t.rows.push_back({ex(s), o, std::nullopt});
  }
  return t;
}

namespace serd_detail {

struct Ctx {
  SerdEnv* env = nullptr;
  std::vector<res::Triple> triples;
  std::string error;
};

inline std::string node_str(const SerdNode* n) {
  return std::string(reinterpret_cast<const char*>(n->buf), n->n_bytes);
}

inline std::string expand(Ctx& c, const SerdNode* n) {
  SerdNode e = serd_env_expand_node(c.env, n);
  if (!e.buf) throw std::runtime_error("cannot expand " + node_str(n));
  std::string out = node_str(&e);
  serd_node_free(&e);
  return out;
}

inline Term term(Ctx& c, const SerdNode* n, const SerdNode* dt, const SerdNode* lg) {
  switch (n->type) {
    case SERD_URI:
    case SERD_CURIE: return Term::iri(expand(c, n));
    case SERD_BLANK: return Term::blank(node_str(n));
    case SERD_LITERAL:
      if (lg) return Term::lang_literal(node_str(n), node_str(lg));
      if (dt) return Term::literal(node_str(n), expand(c, dt));
      return Term::string(node_str(n));
    default: throw std::runtime_error("unexpected Serd node");
  }
}

inline SerdStatus on_base(void* h, const SerdNode* uri) {
  return serd_env_set_base_uri(static_cast<Ctx*>(h)->env, uri);
}

inline SerdStatus on_prefix(void* h, const SerdNode* name, const SerdNode* uri) {
  return serd_env_set_prefix(static_cast<Ctx*>(h)->env, name, uri);
}

inline SerdStatus on_statement(void* h, SerdStatementFlags, const SerdNode*, const SerdNode* s,
                               const SerdNode* p, const SerdNode* o, const SerdNode* dt,
                               const SerdNode* lg) {
  Ctx& c = *static_cast<Ctx*>(h);
  try {
    c.triples.push_back({term(c, s, nullptr, nullptr), term(c, p, nullptr, nullptr), term(c, o, dt, lg)});
  } catch (const std::exception& e) {
    c.error = e.what();
    return SERD_ERR_BAD_SYNTAX;
  }
  return SERD_SUCCESS;
}

}  // namespace serd_detail

/// Parses a Turtle file into triples with Serd (relative IRIs against the file's URI).
inline std::vector<res::Triple> read_turtle(const std::filesystem::path& path) {
  const std::string abs = std::filesystem::absolute(path).string();
  const auto* upath = reinterpret_cast<const uint8_t*>(abs.c_str());
  SerdNode base = serd_node_new_file_uri(upath, nullptr, nullptr, true);
  serd_detail::Ctx ctx;
  ctx.env = serd_env_new(&base);
  SerdReader* reader = serd_reader_new(SERD_TURTLE, &ctx, nullptr, &serd_detail::on_base,
                                       &serd_detail::on_prefix, &serd_detail::on_statement, nullptr);
  const SerdStatus st = serd_reader_read_file(reader, upath);
  serd_reader_free(reader);
  serd_env_free(ctx.env);
  serd_node_free(&base);
  if (st != SERD_SUCCESS || !ctx.error.empty())
    throw std::runtime_error("Turtle parse failed: " + abs + " " + ctx.error);
  return std::move(ctx.triples);
}

}  // namespace results_test
