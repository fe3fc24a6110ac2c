#include "rdf/term.hpp"

namespace kikv::rdf {

Term Term::literal(std::string lexical, std::string datatype) {
  return Term{TermKind::Literal, std::move(lexical), std::move(datatype), {}};
}

Term Term::lang_literal(std::string lexical, std::string lang) {
  return Term{TermKind::Literal, std::move(lexical), std::string(iri::kRdfLangString),
              std::move(lang)};
}

Term Term::string(std::string lexical) {
  return Term{TermKind::Literal, std::move(lexical), std::string(iri::kXsdString), {}};
}

void append_escaped_string(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
}

std::string to_ntriples(const Term& term) {
  std::string out;
  switch (term.kind) {
    case TermKind::Iri:
      out.reserve(term.value.size() + 2);
      out += '<';
      out += term.value;
      out += '>';
      break;
    case TermKind::Blank:
      out = "_:" + term.value;
      break;
    case TermKind::Literal:
      out += '"';
      append_escaped_string(out, term.value);
      out += '"';
      if (!term.lang.empty()) {
        out += '@';
        out += term.lang;
      } else if (!term.datatype.empty() && term.datatype != iri::kXsdString) {
        out += "^^<";
        out += term.datatype;
        out += '>';
      }
      break;
  }
  return out;
}

}  // namespace kikv::rdf
