// Parameter pre-binding (prepared queries): substitution throughout the query, as Jena 4's
// QueryTransformOps does for KIK-V datastations. Expected algebra from Jena where it applies
// (../shared/peers/tests/queries/11*.rq with their --param lines).
#include <catch2/catch.hpp>

#include "sparql_test_util.hpp"

using namespace kikv::sparql;
using kikv::rdf::Term;
using kikv::sparql::testing::normalize_sse;

namespace {

const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";
Term integer(const char* v) { return Term::literal(v, kXsd + "integer"); }

std::string bound_sse(const std::string& query, const std::map<std::string, Term>& params) {
  Query q = parse_query(query);
  bind_parameters(q, params);
  return normalize_sse(to_sse(q.root, q.vars));
}

}  // namespace

TEST_CASE("parameters in FILTERs and triple patterns (peers tests 11, 11c)", "[sparql][parameters]") {
  std::string q11 =
      "PREFIX ex: <http://example.org/>\n"
      "SELECT ?p ?name ?age WHERE { ?p ex:name ?name ; ex:age ?age ; ex:hired ?h .\n"
      "  FILTER(?age >= ?minAge && ?h < ?before) }";
  CHECK(bound_sse(q11, {{"minAge", integer("30")}, {"before", Term::literal("2016-01-01", kXsd + "date")}}) ==
        "(project (?p ?name ?age) (filter (&& (>= ?age 30) (< ?h \"2016-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>)) "
        "(bgp (triple ?p <http://example.org/name> ?name) (triple ?p <http://example.org/age> ?age) "
        "(triple ?p <http://example.org/hired> ?h))))");
  std::string q11c = "PREFIX ex: <http://example.org/>\nSELECT ?p ?age WHERE { ?p ex:name ?n ; ex:age ?age . }";
  CHECK(bound_sse(q11c, {{"n", Term::string("Bob")}}) ==
        "(project (?p ?age) (bgp (triple ?p <http://example.org/name> \"Bob\") (triple ?p <http://example.org/age> ?age)))");
}

TEST_CASE("a projected parameter stays a column: SELECT ?k becomes SELECT (value AS ?k) (peers test 11b)",
          "[sparql][parameters]") {
  // Jena: (project (?person ?name ?friend) (extend ((?person <http://example.org/alice>)) (bgp ...)))
  std::string q11b =
      "PREFIX ex: <http://example.org/>\n"
      "SELECT ?person ?name ?friend WHERE { ?person ex:name ?name ; ex:knows ?friend . }";
  Query q = parse_query(q11b);
  bind_parameters(q, {{"person", Term::iri("http://example.org/alice")}});
  CHECK(normalize_sse(to_sse(q.root, q.vars)) ==
        "(project (?person ?name ?friend) (extend ((?person <http://example.org/alice>)) "
        "(bgp (triple <http://example.org/alice> <http://example.org/name> ?name) "
        "(triple <http://example.org/alice> <http://example.org/knows> ?friend))))");
  REQUIRE(q.projection.size() == 3);
  CHECK(q.vars.name(q.projection[0]) == "person");
}

TEST_CASE("parameters are substituted at every depth", "[sparql][parameters]") {
  std::string query =
      "PREFIX ex: <http://example.org/>\n"
      "SELECT ?jaar ?x (SUM(?v) AS ?s) WHERE {\n"
      "  { SELECT ?x ?v ?jaar WHERE { { SELECT ?x ?v WHERE { ?x ex:p ?v FILTER(?v > ?jaar) BIND(?jaar + 1 AS ?j2) } } } }\n"
      "  ?x ex:r/ex:s* ?jaar .\n"
      "  FILTER NOT EXISTS { ?x ex:t ?jaar }\n"
      "} GROUP BY ?jaar ?x HAVING (SUM(?jaar) > 0) ORDER BY ?jaar";
  // Jena substitutes the same places, but leaves SUM(?jaar) alone and also rewrites the outer
  // GROUP BY/SELECT ?jaar, which the sub-SELECT already binds to the value.
  CHECK(bound_sse(query, {{"jaar", integer("2024")}}) ==
        "(project (?jaar ?x ?s) (order (2024) (extend ((?s ?.0)) (filter (> ?.1 0) "
        "(group (?jaar ?x) ((?.0 (sum ?v)) (?.1 (sum 2024))) "
        "(filter (notexists (bgp (triple ?x <http://example.org/t> 2024))) "
        "(join (join (project (?x ?v ?jaar) (extend ((?jaar 2024)) (project (?x ?v) (filter (> ?v 2024) "
        "(extend ((?//j2 (+ 2024 1))) (bgp (triple ?x <http://example.org/p> ?v))))))) "
        "(bgp (triple ?x <http://example.org/r> ??P0))) (path ??P0 (path* <http://example.org/s>) 2024))))))))");
}

TEST_CASE("parameters in GROUP BY, VALUES, GRAPH, CONSTRUCT and DESCRIBE", "[sparql][parameters]") {
  // GROUP BY ?k with ?k bound: a constant key, and the column via (value AS ?k).
  CHECK(bound_sse("SELECT ?k (COUNT(*) AS ?c) { ?s ?p ?k } GROUP BY ?k", {{"k", integer("5")}}) ==
        "(project (?k ?c) (extend ((?c ?.0)) (extend ((?k 5)) (group ((?.1 5)) ((?.0 (count))) "
        "(bgp (triple ?s ?p 5))))))");
  // VALUES: rows that disagree go, the column goes, UNDEF rows stay.
  CHECK(bound_sse("SELECT ?kw ?p { VALUES (?kw ?p) { (1 \"a\") (2 \"b\") (UNDEF \"c\") } }", {{"kw", integer("2")}}) ==
        "(project (?kw ?p) (extend ((?kw 2)) (table (vars ?p) (row [?p \"b\"]) (row [?p \"c\"]))))");
  CHECK(bound_sse("SELECT ?x { VALUES ?jaar { 2023 2024 } ?x ?p ?jaar }", {{"jaar", integer("2024")}}) ==
        "(project (?x) (bgp (triple ?x ?p 2024)))");  // one matching row: (table unit), joined away
  CHECK(bound_sse("SELECT ?x { ?x ?p ?o } VALUES ?jaar { 2023 }", {{"jaar", integer("2024")}}) ==
        "(project (?x) (join (bgp (triple ?x ?p ?o)) (table empty)))");
  CHECK(bound_sse("SELECT ?s { GRAPH ?g { ?s ?p ?o } }", {{"g", Term::iri("http://g/1")}}) ==
        "(project (?s) (graph <http://g/1> (bgp (triple ?s ?p ?o))))");
  Query c = parse_query("CONSTRUCT { ?s <http://x/r> ?v } WHERE { ?s <http://x/p> ?o }");
  bind_parameters(c, {{"v", Term::string("w")}});
  CHECK(c.construct_template.at(0).object.term == Term::string("w"));
  Query d = parse_query("DESCRIBE ?who");
  bind_parameters(d, {{"who", Term::iri("http://x/a")}});
  CHECK(d.describe.at(0).term == Term::iri("http://x/a"));
  // SELECT * keeps the star, so the column disappears (as in Jena).
  CHECK(bound_sse("SELECT * { ?s ?p ?k }", {{"k", integer("1")}}) == "(project (?s ?p) (bgp (triple ?s ?p 1)))");
}

TEST_CASE("parameter values cannot inject query text", "[sparql][parameters]") {
  const std::string hostile = "\" } ; DROP ALL ; #";
  std::string query = "SELECT ?s ?name { ?s <http://x/name> ?name FILTER(?name != ?bad) }";
  Query q = parse_query(query);
  Query before = q;
  bind_parameters(q, {{"bad", Term::string(hostile)}, {"name", Term::string("x' } <a> <b> <c> . { '")}});
  // The values are single constants in the same places; nothing else changed.
  CHECK(normalize_sse(to_sse(q.root, q.vars)) ==
        "(project (?s ?name) (extend ((?name \"x' } <a> <b> <c> . { '\")) (filter (!= \"x' } <a> <b> <c> . { '\" "
        "\"\\\" } ; DROP ALL ; #\") (bgp (triple ?s <http://x/name> \"x' } <a> <b> <c> . { '\")))))");
  CHECK(q.root.children.size() == 1);
  CHECK(q.projection.size() == before.projection.size());
  // An IRI value with spaces and braces is still one IRI term.
  CHECK(bound_sse("SELECT ?o { ?s ?p ?o }", {{"s", Term::iri("http://x/> } DROP ALL {")}}) ==
        "(project (?o) (bgp (triple <http://x/> } DROP ALL {> ?p ?o)))");
}

TEST_CASE("parameter errors", "[sparql][parameters]") {
  Query q = parse_query("SELECT ?x { ?x ?p ?o BIND(1 AS ?b) } ");
  const std::string original = to_sse(q);
  CHECK_THROWS_AS(bind_parameters(q, {{"missing", integer("1")}}), kikv::NotFoundError);
  CHECK_THROWS_WITH(bind_parameters(q, {{"missing", integer("1")}}),
                    "parameter ?missing does not occur in the query");
  CHECK_THROWS_AS(bind_parameters(q, {{"b", integer("1")}}), kikv::MisuseError);
  CHECK_THROWS_WITH(bind_parameters(q, {{"b", integer("1")}}),
                    "parameter ?b cannot be pre-bound: the query assigns it with BIND (line 1, column 32)");
  CHECK_THROWS_AS(bind_parameters(q, {{"o", Term::blank("b0")}}), kikv::TypeError);
  // All or nothing: a failed call leaves the query as it was.
  CHECK_THROWS_AS(bind_parameters(q, {{"o", integer("1")}, {"missing", integer("2")}}), kikv::NotFoundError);
  CHECK(to_sse(q) == original);
  Query a = parse_query("SELECT (1 AS ?k) {}");
  CHECK_THROWS_AS(bind_parameters(a, {{"k", integer("2")}}), kikv::MisuseError);
  // A parameter already substituted is no longer in the query.
  Query b = parse_query("SELECT ?x { ?x ?p ?o }");
  bind_parameters(b, {{"o", integer("1")}});
  CHECK_THROWS_AS(bind_parameters(b, {{"o", integer("2")}}), kikv::NotFoundError);
  bind_parameters(b, {});  // no parameters: no change
  CHECK(normalize_sse(to_sse(b)) == "(project (?x) (bgp (triple ?x ?p 1)))");
}

TEST_CASE("parameters on the syntax tree; the query text is never used", "[sparql][parameters]") {
  ast::Query s = parse_syntax("SELECT ?a { ?a ?p ?jaar FILTER(STR(?jaar) != '') }");
  bind_parameters(s, {{"jaar", integer("2024")}});
  Query q = translate(s);
  CHECK(normalize_sse(to_sse(q)) ==
        "(project (?a) (filter (!= (str 2024) \"\") (bgp (triple ?a ?p 2024))))");
}
