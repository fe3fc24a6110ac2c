// Reading RDF (Turtle, N-Triples, N-Quads, TriG; plain or gzip-compressed) with Serd.
//
// Loading is all or nothing: quads are collected while parsing and added in one batch at the
// end; on any error the dictionary is rolled back and the store is exactly as before.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "rdf/quad_store.hpp"
#include "rdf/syntax.hpp"
#include "rdf/term.hpp"

namespace kikv::rdf {

struct LoadOptions {
  std::optional<Syntax> syntax;  ///< nullopt: from the file extension (error if unknown)
  std::string base_iri;          ///< default: the file's file:// IRI (none for strings)
  std::string graph;             ///< graph IRI for triples outside a named graph; "" = default
  bool strict = true;            ///< reject invalid IRIs and UTF-8 (W3C conformance)
  /// Called about every 65536 statements with the statements and input bytes read so far.
  std::function<void(uint64_t statements, uint64_t bytes)> progress;
  /// If set, receives the quads the load added to the store (those not there before): an undo
  /// log for transactions (the C API's kikv_rollback).
  std::vector<Quad>* added_quads = nullptr;
};

struct LoadStats {
  uint64_t parsed = 0;  ///< statements read
  uint64_t added = 0;   ///< quads that were not in the store yet
};

/// Loads a file ("-" = standard input). Throws IoError (missing/unreadable), SyntaxError
/// (file:line:col), RangeError (syntax unknown).
LoadStats load_file(QuadStore& store, const std::string& path, const LoadOptions& options = {});
/// Loads a document held in memory; `source` names it in error messages.
LoadStats load_string(QuadStore& store, std::string_view text, const LoadOptions& options,
                      const std::string& source = "string");

/// A statement as terms, for tools that need RDF without a store (manifests, expected results).
struct TermQuad {
  Term s, p, o;
  std::optional<Term> g;  ///< nullopt = default graph
};
/// Parses a file or string into term quads (blank node labels as in the document, made
/// unique per call). Same errors as load_file.
std::vector<TermQuad> read_terms_file(const std::string& path, const LoadOptions& options = {});
std::vector<TermQuad> read_terms_string(std::string_view text, const LoadOptions& options,
                                        const std::string& source = "string");

/// file:// IRI of a local path (made absolute).
std::string file_iri(const std::string& path);

}  // namespace kikv::rdf
