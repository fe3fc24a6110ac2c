#include "rdf/rdf_writer.hpp"

#include <serd/serd.h>

#include <memory>

#include "rdf/error.hpp"
#include "rdf/vocab.hpp"

namespace kikv::rdf {
namespace {

const uint8_t* u8(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.c_str()); }

SerdNode make_node(SerdType type, const std::string& s) {
  return serd_node_from_substring(type, u8(s), s.size());
}

size_t write_sink(const void* buf, size_t len, void* stream) {
  (*static_cast<const ByteSink*>(stream))(std::string_view(static_cast<const char*>(buf), len));
  return len;
}

/// Text of one quad position, kept alive until the statement is written.
struct NodeText {
  std::string value, datatype, lang;
  SerdNode node{}, datatype_node{}, lang_node{};
  bool has_datatype = false, has_lang = false;

  void set(const Dictionary& dict, TermId id) {
    value.clear();
    dict.append_value(id, value);
    has_datatype = has_lang = false;
    switch (id_tag(id)) {
      case IdTag::Iri: node = make_node(SERD_URI, value); break;
      case IdTag::Blank: node = make_node(SERD_BLANK, value); break;
      default: {
        node = make_node(SERD_LITERAL, value);
        const TermId dt = dict.datatype(id);
        if (dt == vocab::kRdfLangString) {
          lang.assign(dict.lang(id));
          lang_node = make_node(SERD_LITERAL, lang);
          has_lang = true;
        } else if (dt != vocab::kXsdString) {
          datatype.clear();
          dict.append_value(dt, datatype);
          datatype_node = make_node(SERD_URI, datatype);
          has_datatype = true;
        }
      }
    }
  }
};

SerdSyntax serd_syntax(Syntax s) {
  switch (s) {
    case Syntax::Turtle: return SERD_TURTLE;
    case Syntax::NTriples: return SERD_NTRIPLES;
    case Syntax::NQuads: return SERD_NQUADS;
    case Syntax::TriG: return SERD_TRIG;
  }
  return SERD_NTRIPLES;
}

}  // namespace

std::map<std::string, std::string> default_prefixes() {
  return {
      {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
      {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
      {"xsd", "http://www.w3.org/2001/XMLSchema#"},
      {"owl", "http://www.w3.org/2002/07/owl#"},
      {"onz-g", "http://purl.org/ozo/onz-g#"},
      {"onz-pers", "http://purl.org/ozo/onz-pers#"},
      {"onz-org", "http://purl.org/ozo/onz-org#"},
      {"onz-zorg", "http://purl.org/ozo/onz-zorg#"},
      {"onz-fin", "http://purl.org/ozo/onz-fin#"},
  };
}

uint64_t write(const QuadStore& store, Syntax syntax, const ByteSink& sink,
               const WriteOptions& options) {
  const bool abbreviate = syntax == Syntax::Turtle || syntax == Syntax::TriG;
  std::unique_ptr<SerdEnv, void (*)(SerdEnv*)> env(serd_env_new(nullptr), serd_env_free);
  SerdURI base_uri{};
  if (!options.base_iri.empty()) {
    SerdNode base = make_node(SERD_URI, options.base_iri);
    serd_env_set_base_uri(env.get(), &base);
    serd_uri_parse(u8(options.base_iri), &base_uri);
  }
  const int style = abbreviate ? (SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED | SERD_STYLE_BULK)
                               : SERD_STYLE_BULK;
  std::unique_ptr<SerdWriter, void (*)(SerdWriter*)> writer(
      serd_writer_new(serd_syntax(syntax), static_cast<SerdStyle>(style), env.get(),
                      options.base_iri.empty() ? nullptr : &base_uri, write_sink,
                      const_cast<ByteSink*>(&sink)),
      serd_writer_free);
  if (abbreviate) {
    for (const auto& [name, ns] : options.prefixes) {
      SerdNode n = make_node(SERD_LITERAL, name), u = make_node(SERD_URI, ns);
      serd_env_set_prefix(env.get(), &n, &u);
      serd_writer_set_prefix(writer.get(), &n, &u);
    }
  }

  const Dictionary& dict = store.dictionary();
  const bool quads = has_graphs(syntax);
  QuadPattern pattern;
  pattern.g = options.graph;
  if (pattern.g == kNoTerm && !quads && !options.merge_graphs) pattern.g = kDefaultGraph;

  NodeText g, s, p, o;
  uint64_t n = 0;
  QuadStore::Cursor cursor = store.scan(pattern);
  Quad q;
  while (cursor.next(q)) {
    const bool named = quads && q.g != kDefaultGraph;
    if (named) g.set(dict, q.g);
    s.set(dict, q.s);
    p.set(dict, q.p);
    o.set(dict, q.o);
    const SerdStatus st = serd_writer_write_statement(
        writer.get(), 0, named ? &g.node : nullptr, &s.node, &p.node, &o.node,
        o.has_datatype ? &o.datatype_node : nullptr, o.has_lang ? &o.lang_node : nullptr);
    if (st != SERD_SUCCESS)
      throw IoError(std::string("writing RDF failed: ") +
                    reinterpret_cast<const char*>(serd_strerror(st)));
    ++n;
  }
  serd_writer_finish(writer.get());
  return n;
}

uint64_t write(const QuadStore& store, Syntax syntax, std::ostream& out,
               const WriteOptions& options) {
  const uint64_t n = write(
      store, syntax, [&out](std::string_view bytes) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); },
      options);
  out.flush();
  if (!out) throw IoError("writing RDF failed: output error");
  return n;
}

}  // namespace kikv::rdf
