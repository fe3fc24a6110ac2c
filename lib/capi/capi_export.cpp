// kikv_export / kikv_export_file: the store (or one graph) as Turtle, N-Triples, N-Quads or TriG.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "capi/guard.hpp"
#include "rdf/rdf_writer.hpp"

using kikv::capi::guard;
using kikv::capi::set_error;

namespace {

kikv::rdf::Syntax syntax_of(int format) {
  using kikv::rdf::Syntax;
  switch (format) {
    case KIKV_FORMAT_TURTLE: return Syntax::Turtle;
    case KIKV_FORMAT_NTRIPLES: return Syntax::NTriples;
    case KIKV_FORMAT_NQUADS: return Syntax::NQuads;
    case KIKV_FORMAT_TRIG: return Syntax::TriG;
    default: throw kikv::RangeError("unknown RDF export format code " + std::to_string(format));
  }
}

/// Write options for `graph` (NULL: the whole store); false if the store has no such graph.
bool options_for(const kikv_db* db, const char* graph, kikv::rdf::WriteOptions& o) {
  o.prefixes = kikv::rdf::default_prefixes();
  if (!graph) return true;
  auto id = db->store.dictionary().find_iri(graph);
  if (!id) return false;
  o.graph = *id;
  return true;
}

}  // namespace

extern "C" {

int kikv_export(kikv_db* db, int format, const char* graph, kikv_write_fn write, void* user_data) {
  if (!db) return KIKV_MISUSE;
  return guard(db, [&] {
    if (db->closed) return set_error(db, KIKV_MISUSE, "kikv_export: the store was closed");
    if (!write) return set_error(db, KIKV_MISUSE, "kikv_export: the write callback is NULL");
    const kikv::rdf::Syntax syntax = syntax_of(format);
    kikv::rdf::WriteOptions o;
    if (!options_for(db, graph, o)) return KIKV_OK;
    // The callback's refusal cannot unwind through Serd (C): remember it and drop the rest.
    int refused = 0;
    kikv::rdf::write(
        db->store, syntax,
        [&](std::string_view bytes) {
          if (refused == 0) refused = write(user_data, bytes.data(), bytes.size());
        },
        o);
    if (refused != 0)
      return set_error(db, KIKV_IO, "kikv_export: the write callback returned " + std::to_string(refused));
    return KIKV_OK;
  });
}

int kikv_export_file(kikv_db* db, const char* path, int format, const char* graph) {
  if (!db) return KIKV_MISUSE;
  return guard(db, [&] {
    if (db->closed) return set_error(db, KIKV_MISUSE, "kikv_export_file: the store was closed");
    if (!path) return set_error(db, KIKV_MISUSE, "kikv_export_file: path is NULL");
    kikv::rdf::Syntax syntax;
    if (format == KIKV_FORMAT_AUTO) {
      auto s = kikv::rdf::syntax_for_path(path);
      if (!s || std::string_view(path).ends_with(".gz"))
        return set_error(db, KIKV_RANGE,
                         std::string("kikv_export_file: cannot tell the RDF syntax of '") + path +
                             "' from its extension (.ttl .nt .nq .trig)");
      syntax = *s;
    } else {
      syntax = syntax_of(format);
    }
    kikv::rdf::WriteOptions o;
    const bool have_graph = options_for(db, graph, o);
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path, "wb"), std::fclose);
    if (!f) return set_error(db, KIKV_IO, std::string("kikv_export_file: cannot write ") + path + ": " + std::strerror(errno));
    bool failed = false;
    if (have_graph)
      kikv::rdf::write(
          db->store, syntax,
          [&](std::string_view bytes) {
            if (!failed && std::fwrite(bytes.data(), 1, bytes.size(), f.get()) != bytes.size()) failed = true;
          },
          o);
    if (std::fclose(f.release()) != 0) failed = true;
    if (failed) return set_error(db, KIKV_IO, std::string("kikv_export_file: writing ") + path + " failed");
    return KIKV_OK;
  });
}

}  // extern "C"
