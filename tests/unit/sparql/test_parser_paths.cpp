#include <catch2/catch.hpp>

#include "sparql_test_util.hpp"

using kikv::sparql::parse_syntax;
using kikv::sparql::to_sse;
using kikv::sparql::testing::sse;
using kikv::sparql::testing::syntax_error;

namespace {

/// SSE of the property path of `SELECT * { ?s PATH ?o }` as parsed (§18.2.2.3 form).
std::string path_of(const std::string& path) {
  auto q = parse_syntax("PREFIX : <http://x/> SELECT * { ?s " + path + " ?o }");
  const auto& t = q.select.where.children.at(0).triples.at(0);
  if (!t.path) return "link " + t.predicate.term.value;
  return to_sse(*t.path);
}

}  // namespace

TEST_CASE("property path syntax and precedence (§19.8 rules 88-101)", "[sparql][parser][paths]") {
  CHECK(path_of(":p") == "link http://x/p");
  CHECK(path_of("a") == "link http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  CHECK(path_of("(:p)") == "link http://x/p");
  CHECK(path_of("^:p") == "(reverse <http://x/p>)");
  CHECK(path_of(":p/:q") == "(seq <http://x/p> <http://x/q>)");
  CHECK(path_of(":p / :q / :r") == "(seq (seq <http://x/p> <http://x/q>) <http://x/r>)");
  CHECK(path_of(":p|:q") == "(alt <http://x/p> <http://x/q>)");
  CHECK(path_of(":p*") == "(path* <http://x/p>)");
  CHECK(path_of(":p+") == "(path+ <http://x/p>)");
  CHECK(path_of(":p?") == "(path? <http://x/p>)");
  // '/' binds tighter than '|'; '^' and modifiers tighter than '/'.
  CHECK(path_of(":a/:b|:c") == "(alt (seq <http://x/a> <http://x/b>) <http://x/c>)");
  CHECK(path_of(":a|:b/:c") == "(alt <http://x/a> (seq <http://x/b> <http://x/c>))");
  CHECK(path_of("^:a/:b") == "(seq (reverse <http://x/a>) <http://x/b>)");
  CHECK(path_of("^:a*") == "(reverse (path* <http://x/a>))");
  CHECK(path_of("(:a/:b)*") == "(path* (seq <http://x/a> <http://x/b>))");
  CHECK(path_of("^(:a|:b)+") == "(reverse (path+ (alt <http://x/a> <http://x/b>)))");
  CHECK(path_of(":isAbout/a") ==
        "(seq <http://x/isAbout> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>)");
}

TEST_CASE("negated property sets: !(a|^b) is alt(NPS(a), inv(NPS(b))) (§18.2.2.3)",
          "[sparql][parser][paths]") {
  CHECK(path_of("!:a") == "(notoneof <http://x/a>)");
  CHECK(path_of("!a") == "(notoneof <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>)");
  CHECK(path_of("!(:a|:b)") == "(notoneof <http://x/a> <http://x/b>)");
  CHECK(path_of("!^:a") == "(reverse (notoneof <http://x/a>))");
  CHECK(path_of("!(^:a|^:b)") == "(reverse (notoneof <http://x/a> <http://x/b>))");
  CHECK(path_of("!(:a|^:b|:c)") ==
        "(alt (notoneof <http://x/a> <http://x/c>) (reverse (notoneof <http://x/b>)))");
  CHECK(path_of("!()") == "(notoneof)");
  CHECK(path_of("!(:a)*") == "(path* (notoneof <http://x/a>))");
}

TEST_CASE("path syntax errors", "[sparql][parser][paths]") {
  CHECK(syntax_error("SELECT * { ?s (<p> ?o }") == "query:1:20: expected ')' to close the path, found '?o'");
  CHECK(syntax_error("SELECT * { ?s !(?p) ?o }") ==
        "query:1:17: expected an IRI or 'a' in the negated property set, found '?p'");
  CHECK(syntax_error("SELECT * { ?s <p>/ ?o }") ==
        "query:1:20: expected a predicate (IRI, 'a', variable or path), found '?o'");
  CHECK(syntax_error("CONSTRUCT { ?s <p>/<q> ?o } WHERE {}") ==
        "query:1:19: expected a variable or RDF term, found '/'");
}

TEST_CASE("path translation (§18.2.2.4): links and inverse links become triples, sequences "
          "join through fresh variables, other paths stay path operators",
          "[sparql][algebra][paths]") {
  // Jena's --print=op leaves (path ?s (seq ...) ?o) for the optimizer; the translation of the
  // specification expands it here.
  CHECK(sse("SELECT * { ?s <http://x/p>/<http://x/q> ?o }") ==
        "(project (?s ?o) (bgp (triple ?s <http://x/p> ??P0) (triple ??P0 <http://x/q> ?o)))");
  CHECK(sse("SELECT * { ?s ^<http://x/p> ?o }") ==
        "(project (?s ?o) (bgp (triple ?o <http://x/p> ?s)))");
  CHECK(sse("SELECT * { ?s <http://x/p>/^<http://x/q>/<http://x/r> ?o }") ==
        "(project (?s ?o) (bgp (triple ?s <http://x/p> ??P1) (triple ??P0 <http://x/q> ??P1) "
        "(triple ??P0 <http://x/r> ?o)))");
  CHECK(sse("SELECT * { ?s <http://x/p>* ?o }") == "(project (?s ?o) (path ?s (path* <http://x/p>) ?o))");
  CHECK(sse("SELECT * { ?s <http://x/p>|<http://x/q> ?o }") ==
        "(project (?s ?o) (path ?s (alt <http://x/p> <http://x/q>) ?o))");
  // Inverse of a non-link stays a path (only inv(iri) is rewritten).
  CHECK(sse("SELECT * { ?s ^(<http://x/p>/<http://x/q>) ?o }") ==
        "(project (?s ?o) (path ?s (reverse (seq <http://x/p> <http://x/q>)) ?o))");
  // A path between triples splits the basic graph pattern (adjacent triples only).
  CHECK(sse("SELECT * { ?s <http://x/a> ?x . ?x <http://x/p>+ ?y . ?y <http://x/b> ?o }") ==
        "(project (?s ?x ?y ?o) (join (join (bgp (triple ?s <http://x/a> ?x)) "
        "(path ?x (path+ <http://x/p>) ?y)) (bgp (triple ?y <http://x/b> ?o))))");
  // The ZK 4.1 shape: a sequence ending in a transitive step.
  CHECK(sse("SELECT * { ?l <http://x/partOf>/<http://x/partOf>* ?v }") ==
        "(project (?l ?v) (join (bgp (triple ?l <http://x/partOf> ??P0)) "
        "(path ??P0 (path* <http://x/partOf>) ?v)))");
}
