// Writing the store (or part of it) as N-Triples, N-Quads, Turtle or TriG with Serd's writer.
#pragma once

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <string_view>

#include "rdf/quad_store.hpp"
#include "rdf/syntax.hpp"

namespace kikv::rdf {

struct WriteOptions {
  /// Prefix name → namespace IRI, used by Turtle and TriG ("xsd" → ".../XMLSchema#").
  std::map<std::string, std::string> prefixes;
  /// Only this graph (kNoTerm = all graphs; triple syntaxes then write the default graph only
  /// unless `merge_graphs`).
  TermId graph = kNoTerm;
  /// For N-Triples/Turtle: write the quads of every graph as triples.
  bool merge_graphs = false;
  std::string base_iri;
};

/// Receives the output bytes in chunks.
using ByteSink = std::function<void(std::string_view)>;

/// Writes the matching quads; returns how many statements were written.
uint64_t write(const QuadStore& store, Syntax syntax, const ByteSink& sink,
               const WriteOptions& options = {});
uint64_t write(const QuadStore& store, Syntax syntax, std::ostream& out,
               const WriteOptions& options = {});

/// Prefixes commonly used with KIK-V data (rdf, rdfs, xsd, owl, and the ONZ modules).
std::map<std::string, std::string> default_prefixes();

}  // namespace kikv::rdf
