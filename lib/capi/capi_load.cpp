// kikv_load_file / kikv_load_string.
#include <cstring>
#include <optional>

#include "capi/guard.hpp"
#include "capi/statement.hpp"
#include "rdf/rdf_reader.hpp"

using kikv::capi::guard;
using kikv::capi::set_error;

namespace {

/// Translates KIKV_FORMAT_* (KIKV_FORMAT_AUTO = nullopt); throws RangeError otherwise.
std::optional<kikv::rdf::Syntax> syntax_of(int format) {
  using kikv::rdf::Syntax;
  switch (format) {
    case KIKV_FORMAT_AUTO: return std::nullopt;
    case KIKV_FORMAT_TURTLE: return Syntax::Turtle;
    case KIKV_FORMAT_NTRIPLES: return Syntax::NTriples;
    case KIKV_FORMAT_NQUADS: return Syntax::NQuads;
    case KIKV_FORMAT_TRIG: return Syntax::TriG;
    default: throw kikv::RangeError("unknown RDF format code " + std::to_string(format));
  }
}

/// Load options; inside a transaction the added quads go to the undo log.
kikv::rdf::LoadOptions options(kikv_db* db, int format, const char* base, const char* graph) {
  kikv::rdf::LoadOptions o;
  o.syntax = syntax_of(format);
  if (base) o.base_iri = base;
  if (graph) o.graph = graph;
  if (db->in_transaction) o.added_quads = &db->undo;
  return o;
}

}  // namespace

extern "C" {

int kikv_load_file(kikv_db* db, const char* path, int format, const char* base, const char* graph) {
  if (!db) return KIKV_MISUSE;
  return guard(db, [&] {
    if (const int rc = kikv::capi::check_writable(db, "kikv_load_file")) return rc;
    if (!path) return set_error(db, KIKV_MISUSE, "kikv_load_file: path is NULL");
    kikv::rdf::load_file(db->store, path, options(db, format, base, graph));
    return KIKV_OK;
  });
}

int kikv_load_string(kikv_db* db, const char* data, int64_t length, int format, const char* base,
                     const char* graph) {
  if (!db) return KIKV_MISUSE;
  return guard(db, [&] {
    if (const int rc = kikv::capi::check_writable(db, "kikv_load_string")) return rc;
    if (!data) return set_error(db, KIKV_MISUSE, "kikv_load_string: data is NULL");
    if (length < -1) return set_error(db, KIKV_RANGE, "kikv_load_string: negative length");
    const size_t n = length == -1 ? std::strlen(data) : static_cast<size_t>(length);
    auto o = options(db, format, base, graph);
    if (!o.syntax) o.syntax = kikv::rdf::Syntax::Turtle;
    kikv::rdf::load_string(db->store, std::string_view(data, n), o, "string");
    return KIKV_OK;
  });
}

}  // extern "C"
