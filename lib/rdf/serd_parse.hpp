// Internal: drives a Serd reader over a file or a string and hands each statement to a
// callback with every node resolved to an absolute IRI, a blank node label or a literal.
// Shared by the store loader and the term reader.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "rdf/rdf_reader.hpp"
#include "rdf/term.hpp"

namespace kikv::rdf::detail {

/// A resolved node, valid during the callback only.
struct NodeView {
  TermKind kind = TermKind::Iri;
  std::string_view value;     ///< IRI, blank label (document-scoped) or lexical form
  std::string_view datatype;  ///< literals: datatype IRI ("" = xsd:string unless lang set)
  std::string_view lang;
};

/// Called once per statement; `g` is null for the default graph.
using StatementFn =
    std::function<void(const NodeView* g, const NodeView& s, const NodeView& p, const NodeView& o)>;

struct Source {
  std::string name;        ///< for messages: the path, "stdin" or a caller's name
  const std::string* path = nullptr;   ///< a file ("-" = stdin), or
  std::string_view text;               ///< a document in memory
};

/// Parses the source; throws SyntaxError/IoError/RangeError. Exceptions thrown by `fn` are
/// propagated after the parse is stopped.
void parse(const Source& source, Syntax syntax, const LoadOptions& options, const StatementFn& fn);

}  // namespace kikv::rdf::detail
