#include <catch2/catch.hpp>

#include "rdf/term.hpp"

using kikv::rdf::Term;

TEST_CASE("terms print in N-Triples form", "[rdf]") {
  CHECK(to_ntriples(Term::iri("http://x/a")) == "<http://x/a>");
  CHECK(to_ntriples(Term::blank("b1")) == "_:b1");
  CHECK(to_ntriples(Term::string("a\"b\n")) == "\"a\\\"b\\n\"");
  CHECK(to_ntriples(Term::lang_literal("hallo", "nl")) == "\"hallo\"@nl");
  CHECK(to_ntriples(Term::literal("1", "http://www.w3.org/2001/XMLSchema#integer")) ==
        "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>");
}
