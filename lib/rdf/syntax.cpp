#include "rdf/syntax.hpp"

#include <algorithm>
#include <string>

namespace kikv::rdf {

std::optional<Syntax> syntax_from_name(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  if (n == "turtle" || n == "ttl") return Syntax::Turtle;
  if (n == "ntriples" || n == "nt" || n == "n-triples") return Syntax::NTriples;
  if (n == "nquads" || n == "nq" || n == "n-quads") return Syntax::NQuads;
  if (n == "trig") return Syntax::TriG;
  return std::nullopt;
}

std::optional<Syntax> syntax_for_path(std::string_view path) {
  if (path.size() > 3 && path.substr(path.size() - 3) == ".gz") path.remove_suffix(3);
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return syntax_from_name(path.substr(dot + 1));
}

std::string_view syntax_name(Syntax syntax) {
  switch (syntax) {
    case Syntax::Turtle: return "turtle";
    case Syntax::NTriples: return "ntriples";
    case Syntax::NQuads: return "nquads";
    case Syntax::TriG: return "trig";
  }
  return "";
}

}  // namespace kikv::rdf
