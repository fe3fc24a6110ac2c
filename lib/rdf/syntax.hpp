// The RDF concrete syntaxes kikv reads and writes.
#pragma once

#include <optional>
#include <string_view>

namespace kikv::rdf {

enum class Syntax : uint8_t { Turtle, NTriples, NQuads, TriG };

/// "turtle"/"ttl", "ntriples"/"nt"/"n-triples", "nquads"/"nq"/"n-quads", "trig".
std::optional<Syntax> syntax_from_name(std::string_view name);
/// From a file name's extension (.ttl .nt .nq .trig, also behind .gz).
std::optional<Syntax> syntax_for_path(std::string_view path);
std::string_view syntax_name(Syntax syntax);
/// N-Quads and TriG carry graph names.
inline bool has_graphs(Syntax s) { return s == Syntax::NQuads || s == Syntax::TriG; }

}  // namespace kikv::rdf
