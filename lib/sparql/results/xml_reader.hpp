// A small, strict, non-validating XML 1.0 reader with namespaces (Namespaces in XML 1.0), for the
// documents the result formats need: SPARQL XML results and the RDF/XML of the W3C suites.
// Builds a tree (these documents are small). Handles the XML declaration (UTF-8 / US-ASCII
// only), comments, processing instructions (skipped), a DOCTYPE without entity use, elements,
// attributes, character data, CDATA sections, the five predefined entities and character
// references. Line ends are normalised (CRLF, CR -> LF) and attribute values normalised as for
// CDATA attributes. Not well-formed input throws SyntaxError with line:column.
//
// Deliberate leniency: character references to the C0 controls other than NUL (&#x1; ...) are
// accepted, as in XML 1.1, because Jena writes them in SPARQL XML results.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kikv::sparql::results::xml {

inline constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";

struct Attribute {
  std::string ns;     ///< namespace IRI ("" for unprefixed attributes)
  std::string local;  ///< local name
  std::string qname;  ///< name as written
  std::string value;  ///< after entity expansion and normalisation
};

struct Element {
  std::string ns;     ///< namespace IRI ("" when in no namespace)
  std::string local;  ///< local name
  std::string qname;  ///< name as written
  std::vector<Attribute> attributes;  ///< without namespace declarations
  std::vector<Element> children;      ///< child elements in document order
  std::string text;   ///< all character data directly inside, concatenated in order
  bool has_text = false;  ///< some of `text` is not XML whitespace
  size_t offset = 0;      ///< of the '<' of the start tag, in Document::text

  /// The attribute with this expanded name, or nullptr.
  const Attribute* attribute(std::string_view ns, std::string_view local) const;
  bool is(std::string_view namespace_iri, std::string_view local_name) const {
    return ns == namespace_iri && local == local_name;
  }
};

struct Document {
  std::string text;    ///< the document after line-end normalisation (offsets refer to it)
  std::string source;  ///< name for messages
  Element root;

  /// Throws SyntaxError at the start tag of `e` (for errors found by the caller).
  [[noreturn]] void fail(const Element& e, const std::string& message) const;
};

/// Parses a complete document. Throws SyntaxError.
Document parse(std::string_view text, std::string_view source = {});

/// True for XML whitespace (space, tab, LF, CR).
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace kikv::sparql::results::xml
