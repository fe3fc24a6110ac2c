#include "rdf/rdf_reader.hpp"

#include <atomic>
#include <unordered_map>

#include "rdf/error.hpp"
#include "rdf/serd_parse.hpp"
#include "rdf/vocab.hpp"

namespace kikv::rdf {
namespace {

Syntax resolve_syntax(const LoadOptions& options, const std::string& path) {
  if (options.syntax) return *options.syntax;
  if (auto s = syntax_for_path(path)) return *s;
  throw RangeError("cannot tell the RDF syntax of '" + path +
                   "' from its extension; name it (turtle, ntriples, nquads, trig)");
}

/// Interns statements into the store's dictionary and collects quads; the batch is added only
/// when the whole document parsed.
class StoreSink {
 public:
  StoreSink(QuadStore& store, const LoadOptions& options)
      : store_(store), dict_(store.dictionary()), mark_(dict_.mark()), added_(options.added_quads) {
    default_graph_ = options.graph.empty() ? kDefaultGraph : dict_.intern_iri(options.graph);
  }

  void operator()(const detail::NodeView* g, const detail::NodeView& s,
                  const detail::NodeView& p, const detail::NodeView& o) {
    quads_.push_back(Quad{g ? id(*g, &last_[0]) : default_graph_, id(s, &last_[1]), id(p, &last_[2]), id(o)});
  }

  LoadStats commit() {
    LoadStats stats;
    stats.parsed = quads_.size();
    stats.added = store_.insert_batch(quads_, added_);
    return stats;
  }

  void rollback() { dict_.rollback(mark_); }

 private:
  /// Subjects and predicates repeat in runs (N-Triples sorted by subject, Turtle's ';'): the
  /// last IRI seen in a position is remembered to skip the dictionary lookup.
  struct LastIri {
    std::string value;
    TermId id = kNoTerm;
  };

  TermId iri(std::string_view value, LastIri& last) {
    if (last.id != kNoTerm && value == last.value) return last.id;
    last.id = dict_.intern_iri(value);
    last.value.assign(value);
    return last.id;
  }

  TermId id(const detail::NodeView& n, LastIri* last = nullptr) {
    switch (n.kind) {
      case TermKind::Iri: return last ? iri(n.value, *last) : dict_.intern_iri(n.value);
      case TermKind::Blank: {
        auto [it, added] = blanks_.try_emplace(std::string(n.value), kNoTerm);
        if (added) it->second = dict_.new_blank();
        return it->second;
      }
      case TermKind::Literal:
        if (!n.lang.empty()) return dict_.intern_literal(n.value, vocab::kRdfLangString, n.lang);
        if (n.datatype.empty()) return dict_.intern_literal(n.value, vocab::kXsdString);
        return dict_.intern_literal(n.value, n.datatype);
    }
    return kNoTerm;
  }

  QuadStore& store_;
  Dictionary& dict_;
  Dictionary::Mark mark_;
  std::vector<Quad>* added_;
  TermId default_graph_ = kDefaultGraph;
  std::vector<Quad> quads_;
  std::unordered_map<std::string, TermId> blanks_;
  LastIri last_[3];
};

LoadStats load(QuadStore& store, const detail::Source& source, Syntax syntax,
               const LoadOptions& options) {
  StoreSink sink(store, options);
  try {
    detail::parse(source, syntax, options,
                  [&](const detail::NodeView* g, const detail::NodeView& s,
                      const detail::NodeView& p, const detail::NodeView& o) { sink(g, s, p, o); });
    return sink.commit();
  } catch (...) {
    sink.rollback();
    throw;
  }
}

Term to_term(const detail::NodeView& n, const std::string& blank_prefix) {
  switch (n.kind) {
    case TermKind::Iri: return Term::iri(std::string(n.value));
    case TermKind::Blank: return Term::blank(blank_prefix + std::string(n.value));
    case TermKind::Literal:
      if (!n.lang.empty()) return Term::lang_literal(std::string(n.value), std::string(n.lang));
      return Term::literal(std::string(n.value),
                           n.datatype.empty() ? std::string(iri::kXsdString) : std::string(n.datatype));
  }
  return {};
}

std::vector<TermQuad> read_terms(const detail::Source& source, Syntax syntax,
                                 const LoadOptions& options) {
  std::vector<TermQuad> out;
  const std::optional<Term> default_graph =
      options.graph.empty() ? std::nullopt : std::optional<Term>(Term::iri(options.graph));
  // Labels are document-scoped: prefix them so that two documents never share a node.
  static std::atomic<uint64_t> documents{0};
  std::string prefix = "d";
  prefix += std::to_string(documents++);
  prefix += '_';
  detail::parse(source, syntax, options,
                [&](const detail::NodeView* g, const detail::NodeView& s,
                    const detail::NodeView& p, const detail::NodeView& o) {
                  out.push_back(TermQuad{to_term(s, prefix), to_term(p, prefix),
                                         to_term(o, prefix),
                                         g ? std::optional<Term>(to_term(*g, prefix)) : default_graph});
                });
  return out;
}

}  // namespace

LoadStats load_file(QuadStore& store, const std::string& path, const LoadOptions& options) {
  detail::Source source{path == "-" ? std::string("stdin") : path, &path, {}};
  return load(store, source, resolve_syntax(options, path), options);
}

LoadStats load_string(QuadStore& store, std::string_view text, const LoadOptions& options,
                      const std::string& source_name) {
  const Syntax syntax = options.syntax.value_or(Syntax::Turtle);
  return load(store, detail::Source{source_name, nullptr, text}, syntax, options);
}

std::vector<TermQuad> read_terms_file(const std::string& path, const LoadOptions& options) {
  detail::Source source{path == "-" ? std::string("stdin") : path, &path, {}};
  return read_terms(source, resolve_syntax(options, path), options);
}

std::vector<TermQuad> read_terms_string(std::string_view text, const LoadOptions& options,
                                        const std::string& source_name) {
  return read_terms(detail::Source{source_name, nullptr, text},
                    options.syntax.value_or(Syntax::Turtle), options);
}

}  // namespace kikv::rdf
