// IRI references: RFC 3986 reference resolution (§5.2) with dot-segment removal (§5.2.4).
// Works on the string form of IRIs (RFC 3987): non-ASCII characters are passed through unchanged,
// nothing is normalised beyond what §5.2 requires (no case folding, no percent-decoding).
#pragma once

#include <string>
#include <string_view>

namespace kikv::rdf {

/// True if `iri` starts with a scheme (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":").
bool has_iri_scheme(std::string_view iri);

/// Resolves the IRI reference `relative` against the absolute IRI `base` (RFC 3986 §5.2.2). A
/// reference with a scheme is returned exactly as written (no dot-segment removal): RDF
/// compares IRIs as strings and the syntaxes resolve relative references only.
/// If `base` has no scheme (empty or itself relative) the reference cannot be resolved and is
/// returned unchanged; callers that need an absolute IRI check has_iri_scheme() on the result.
std::string resolve_iri(std::string_view base, std::string_view relative);

/// RFC 3986 §5.2.4 remove_dot_segments on a path ("/a/b/../c/./d" -> "/a/c/d").
std::string remove_dot_segments(std::string_view path);

}  // namespace kikv::rdf
