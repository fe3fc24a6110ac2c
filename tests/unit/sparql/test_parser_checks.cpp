// Static rules (§18.2.1 scoping, §11.4 grouping, §19.6 blank node labels) and the alias-reuse
// extension. Negative cases mirror the W3C negative syntax tests.
#include <catch2/catch.hpp>

#include "sparql_test_util.hpp"

using kikv::sparql::ParseOptions;
using kikv::sparql::testing::syntax_error;

TEST_CASE("grouped queries: projected variables must be grouped or aggregated", "[sparql][parser][checks]") {
  CHECK(syntax_error("SELECT ?o { ?s ?p ?o } GROUP BY ?s") ==
        "query:1:8: variable ?o is selected but not grouped: add it to GROUP BY or use an aggregate");
  CHECK(syntax_error("SELECT (?o + 1 AS ?x) { ?s ?p ?o } GROUP BY ?s") ==
        "query:1:9: variable ?o in a SELECT expression must be grouped (GROUP BY) or inside an aggregate");
  CHECK(syntax_error("SELECT ?s (COUNT(?o) AS ?c) { ?s ?p ?o }") ==
        "query:1:8: variable ?s is selected but not grouped: add it to GROUP BY or use an aggregate");
  CHECK(syntax_error("SELECT * { ?s ?p ?o } GROUP BY ?s") == "query:1:1: SELECT * is not allowed with GROUP BY");
  CHECK(syntax_error("SELECT * { ?s ?p ?o } HAVING (COUNT(*) > 1)") ==
        "query:1:1: SELECT * is not allowed in a query with aggregates");
  CHECK(syntax_error("SELECT ?s (COUNT(?o) AS ?c) { ?s ?p ?o } GROUP BY ?s") == "");
  CHECK(syntax_error("SELECT ?y (COUNT(?o) AS ?c) { ?s ?p ?o } GROUP BY (YEAR(?o) AS ?y)") == "");
  CHECK(syntax_error("SELECT (?s AS ?t) { ?s ?p ?o } GROUP BY ?s") == "");
  // EXISTS in a grouped SELECT expression is not checked against the groups.
  CHECK(syntax_error("SELECT (COUNT(*) AS ?c) (EXISTS { ?a ?b ?c2 } AS ?e) { ?s ?p ?o }") == "");
  // The sub-SELECT is checked on its own.
  CHECK(syntax_error("SELECT ?s { { SELECT ?s ?o { ?s ?p ?o } GROUP BY ?s } }") ==
        "query:1:25: variable ?o is selected but not grouped: add it to GROUP BY or use an aggregate");
}

TEST_CASE("AS must not assign an in-scope or already selected variable", "[sparql][parser][checks]") {
  CHECK(syntax_error("SELECT (1 AS ?X) (1 AS ?X) {}") ==
        "query:1:24: (... AS ?X): variable ?X is already used in this SELECT clause");
  CHECK(syntax_error("SELECT ?s (1 AS ?s) { ?s ?p ?o }") ==
        "query:1:17: (... AS ?s): variable ?s is already in scope in the WHERE clause");
  CHECK(syntax_error("SELECT (1 AS ?X) { SELECT (2 AS ?X) {} }") ==
        "query:1:14: (... AS ?X): variable ?X is already in scope in the WHERE clause");
  CHECK(syntax_error("SELECT (1 AS ?y) { ?s ?p ?o } GROUP BY (?o AS ?y)") ==
        "query:1:14: (... AS ?y): variable ?y is already a GROUP BY key");
  CHECK(syntax_error("SELECT (1 AS ?x) {} VALUES ?x { 1 }") ==
        "query:1:14: (... AS ?x): variable ?x is already in scope in the WHERE clause");
  // Not in scope: only used in a FILTER, inside MINUS, or hidden by a sub-SELECT.
  CHECK(syntax_error("SELECT (1 AS ?x) { ?s ?p ?o FILTER(?x) MINUS { ?s ?q ?x } }") == "");
  CHECK(syntax_error("SELECT (1 AS ?x) { { SELECT ?s { ?s ?p ?x } } }") == "");
  CHECK(syntax_error("SELECT * { { SELECT (1 AS ?X) {} } UNION { SELECT (2 AS ?X) {} } }") == "");
}

TEST_CASE("BIND must not assign a variable in scope in its group (§18.2.1)", "[sparql][parser][checks]") {
  CHECK(syntax_error("SELECT * { ?s ?p ?o BIND(1 AS ?o) }") ==
        "query:1:31: BIND(... AS ?o): variable ?o is already in scope in this group");
  CHECK(syntax_error("SELECT * { { ?s ?p ?o } BIND(1 AS ?o) }") ==
        "query:1:35: BIND(... AS ?o): variable ?o is already in scope in this group");
  CHECK(syntax_error("SELECT * { { ?s ?p ?Y } UNION { ?s ?p ?Z } BIND(1 AS ?Y) }") ==
        "query:1:54: BIND(... AS ?Y): variable ?Y is already in scope in this group");
  CHECK(syntax_error("SELECT * { BIND(1 AS ?x) BIND(2 AS ?x) }") ==
        "query:1:36: BIND(... AS ?x): variable ?x is already in scope in this group");
  CHECK(syntax_error("SELECT * { ?s ?p ?o OPTIONAL { ?s ?q ?z } BIND(1 AS ?z) }") ==
        "query:1:53: BIND(... AS ?z): variable ?z is already in scope in this group");
  // Later elements, nested groups, FILTER-only and MINUS-only uses are fine.
  CHECK(syntax_error("SELECT * { BIND(1 AS ?o) ?s ?p ?o }") == "");
  CHECK(syntax_error("SELECT * { ?s ?p ?o { BIND(1 AS ?o) } }") == "");
  CHECK(syntax_error("SELECT * { ?s ?p ?o FILTER(?z) MINUS { ?s ?p ?z } BIND(1 AS ?z) }") == "");
  CHECK(syntax_error("SELECT * { { BIND (1 AS ?Y) } UNION { ?s ?p ?Y } }") == "");
}

TEST_CASE("a blank node label belongs to one basic graph pattern (§19.6)", "[sparql][parser][checks]") {
  const char* msg = "blank node label _:a is used in more than one basic graph pattern (use a variable instead)";
  CHECK(syntax_error("SELECT * { _:a ?p ?v . { _:a ?q 1 } }") == std::string("query:1:26: ") + msg);
  CHECK(syntax_error("SELECT * { _:a ?p ?v . OPTIONAL { ?s ?p ?v } _:a ?q 1 }") == std::string("query:1:46: ") + msg);
  CHECK(syntax_error("SELECT * { _:a ?p ?v FILTER EXISTS { _:a ?q 1 } }") == std::string("query:1:38: ") + msg);
  CHECK(syntax_error("SELECT * { _:a ?p ?v { SELECT * { _:a ?q 1 } } }") == std::string("query:1:35: ") + msg);
  // FILTER (also with EXISTS), BIND and VALUES do not end the basic graph pattern (as Jena).
  CHECK(syntax_error("SELECT * { _:a ?p ?v . FILTER(?v) _:a ?q 1 }") == "");
  CHECK(syntax_error("SELECT * { _:a ?p ?v . FILTER EXISTS { ?x ?y ?z } _:a ?q 1 }") == "");
  CHECK(syntax_error("SELECT * { _:a ?p ?v . BIND(1 AS ?w) _:a ?q 1 }") == "");
  CHECK(syntax_error("SELECT * { _:a ?p ?v . _:a ?q 1 . ?x ?y [ ?z _:a ] }") == "");
  // Template blank nodes are not pattern blank nodes.
  CHECK(syntax_error("CONSTRUCT { _:a ?p ?v } WHERE { _:a ?p ?v }") == "");
}

TEST_CASE("alias reuse in aggregate SELECTs is an extension that can be switched off",
          "[sparql][parser][checks]") {
  const char* q = "SELECT (SUM(?fte) AS ?teller) (?teller / 4 AS ?gemiddeld) { ?x ?p ?fte }";
  CHECK(syntax_error(q) == "");
  ParseOptions strict;
  strict.allow_alias_reuse = false;
  CHECK(syntax_error(q, strict) ==
        "query:1:32: variable ?teller in a SELECT expression of a grouped query is an alias of this "
        "SELECT clause; SPARQL 1.1 requires a GROUP BY variable or an aggregate");
  // Only aliases defined earlier count.
  CHECK(syntax_error("SELECT (?later / 4 AS ?x) (SUM(?fte) AS ?later) { ?x2 ?p ?fte }") ==
        "query:1:9: variable ?later in a SELECT expression must be grouped (GROUP BY) or inside an aggregate");
  CHECK(syntax_error("SELECT ?w (IF(MAX(?a) > 0, 1, 0) AS ?n) (IF(?n = 1 && MAX(?b) < MAX(?a), 1, 0) AS ?t) "
                     "{ ?w ?p ?a ; ?q ?b } GROUP BY ?w") == "");
}

TEST_CASE("CONSTRUCT WHERE allows a plain triples template only", "[sparql][parser][checks]") {
  CHECK(syntax_error("CONSTRUCT WHERE { ?s ?p ?o FILTER(?o) }") ==
        "query:1:28: expected '}' or a triple pattern (CONSTRUCT WHERE allows triples only), found 'FILTER'");
  CHECK(syntax_error("CONSTRUCT WHERE { ?s <p>* ?o }") ==
        "query:1:25: expected a variable or RDF term, found '*'");
  CHECK(syntax_error("CONSTRUCT WHERE { }") == "");
}
