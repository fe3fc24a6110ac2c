#include <catch2/catch.hpp>

#include "sparql_test_util.hpp"

using kikv::SyntaxError;
using kikv::sparql::ParseOptions;
using kikv::sparql::parse_query;
using kikv::sparql::testing::syntax_error;

namespace {
ParseOptions named(const char* source) {
  ParseOptions o;
  o.source = source;
  return o;
}
}  // namespace

TEST_CASE("syntax errors name the source, the 1-based position, what was found and expected",
          "[sparql][parser][errors]") {
  const char* q =
      "PREFIX ex: <http://example.org/>\n"
      "SELECT * WHERE {\n"
      "  ?s ?p ?o . FILTR(?o > 1) }\n";
  try {
    parse_query(q, named("query.rq"));
    FAIL("no error");
  } catch (const SyntaxError& e) {
    CHECK(std::string(e.what()) == "query.rq:3:14: expected '}' or a triple pattern, found 'FILTR'");
    CHECK(e.source() == "query.rq");
    CHECK(e.line() == 3);
    CHECK(e.column() == 14);
    CHECK(e.detail() == "expected '}' or a triple pattern, found 'FILTR'");
    CHECK(e.code() == kikv::ErrorCode::Syntax);
  }
}

TEST_CASE("syntax error messages", "[sparql][parser][errors]") {
  CHECK(syntax_error("SELECT * { ?s ?p ?o") ==
        "query:1:20: expected '.' or '}' after the triple pattern, found end of input");
  CHECK(syntax_error("SELECT * { ?s ?p ?o ?x ?y ?z }") ==
        "query:1:21: expected '.' or '}' after the triple pattern, found '?x'");
  CHECK(syntax_error("SELECT ?x WHERE { ?x ?p }") ==
        "query:1:25: expected a variable or RDF term, found '}'");
  CHECK(syntax_error("SELECT * { ?s ex:p ?o }") ==
        "query:1:15: undefined prefix 'ex:' (declare it with PREFIX ex: <...>)");
  CHECK(syntax_error("SELECT * { ?s ?p ?o } }") == "query:1:23: expected end of query, found '}'");
  CHECK(syntax_error("SELECT (?x + 1) {}") == "query:1:15: expected AS, found ')'");
  CHECK(syntax_error("SELECT {}") ==
        "query:1:8: expected '*', a variable or '(expression AS ?var)' after SELECT, found '{'");
  CHECK(syntax_error("SELEKT * {}") ==
        "query:1:1: expected SELECT, CONSTRUCT, DESCRIBE or ASK, found 'SELEKT'");
  CHECK(syntax_error("INSERT DATA { <a> <b> <c> }") ==
        "query:1:1: SPARQL Update (INSERT) is not a query; expected SELECT, CONSTRUCT, DESCRIBE or ASK");
  CHECK(syntax_error("SELECT * { FILTER(?a = ?b = ?c) }") == "query:1:27: expected ')', found '='");
  CHECK(syntax_error("SELECT * { FILTER(FOO(?x)) }") ==
        "query:1:19: unknown function FOO() (use an IRI for extension functions)");
  CHECK(syntax_error("SELECT * { FILTER(STRSTARTS(?x)) }") ==
        "query:1:31: expected ',' (too few arguments): STRSTARTS(...), which takes 2 arguments, "
        "found ')'");
  CHECK(syntax_error("SELECT * { FILTER(STR(?x, ?y)) }") ==
        "query:1:25: expected ')' (too many arguments): STR(...), which takes 1 argument, found ','");
  CHECK(syntax_error("SELECT * { FILTER(BOUND(1)) }") ==
        "query:1:25: expected a variable in BOUND(...), found '1'");
  CHECK(syntax_error("SELECT * {} LIMIT -1") ==
        "query:1:19: expected a non-negative integer after LIMIT, found '-1'");
  CHECK(syntax_error("SELECT * {} LIMIT 99999999999999999999999") ==
        "query:1:19: LIMIT value 99999999999999999999999 is too large");
  CHECK(syntax_error("SELECT * { ?s ?p \"abc }") == "query:1:18: unterminated string");
  CHECK(syntax_error("SELECT * { ?s ?p ?o FILTER ?o }") ==
        "query:1:28: expected '(' or a function call after FILTER, found '?o'");
  CHECK(syntax_error("SELECT * { OPTIONAL ?s }") == "query:1:21: expected '{' after OPTIONAL, found '?s'");
  CHECK(syntax_error("SELECT * { ?s ?p ?o } GROUP ?s") == "query:1:29: expected BY, found '?s'");
  CHECK(syntax_error("SELECT * { VALUES (?a ?b) { (1) } }") ==
        "query:1:29: VALUES row has 1 value but 2 variables are declared");
  CHECK(syntax_error("SELECT * { VALUES (?a ?a) { } }") ==
        "query:1:23: variable ?a appears twice in VALUES");
  CHECK(syntax_error("SELECT * { ?s ?p _:b FILTER(_:b) }") ==
        "query:1:29: blank nodes are not allowed in expressions");
}

TEST_CASE("aggregates only where SPARQL allows them", "[sparql][parser][errors]") {
  CHECK(syntax_error("SELECT * { ?s ?p ?o FILTER(COUNT(?o) > 1) }") ==
        "query:1:28: aggregate COUNT(...) is only allowed in SELECT, HAVING and ORDER BY");
  CHECK(syntax_error("SELECT * { ?s ?p ?o BIND(SUM(?o) AS ?x) }") ==
        "query:1:26: aggregate SUM(...) is only allowed in SELECT, HAVING and ORDER BY");
  CHECK(syntax_error("SELECT (SUM(COUNT(?o)) AS ?x) { ?s ?p ?o }") ==
        "query:1:13: aggregate COUNT(...) cannot be nested in another aggregate");
  CHECK(syntax_error("SELECT ?s { ?s ?p ?o } GROUP BY (COUNT(?o))") ==
        "query:1:34: aggregate COUNT(...) is only allowed in SELECT, HAVING and ORDER BY");
  // Inside EXISTS in a SELECT expression the pattern is a WHERE clause again.
  CHECK(syntax_error("SELECT (EXISTS { ?s ?p ?o FILTER(MAX(?o)) } AS ?e) {}") ==
        "query:1:34: aggregate MAX(...) is only allowed in SELECT, HAVING and ORDER BY");
  CHECK(syntax_error("SELECT (COUNT(*) AS ?n) { ?s ?p ?o } HAVING (COUNT(*) > 1) ORDER BY DESC(SUM(?o))") ==
        "");
}

TEST_CASE("deep nesting gives a syntax error, not a stack overflow", "[sparql][parser][errors]") {
  const size_t n = 100000;
  std::string parens = "SELECT * { FILTER(" + std::string(n, '(') + "1" + std::string(n, ')') + ") }";
  std::string groups = "SELECT * { " + std::string(n, '{') + std::string(n, '}') + " }";
  std::string path = "SELECT * { ?s " + std::string(n, '(') + "<p>" + std::string(n, ')') + " ?o }";
  std::string list = "SELECT * { ?s <p> " + std::string(n, '(') + "1" + std::string(n, ')') + " }";
  std::string exists;
  for (size_t i = 0; i < n / 10; ++i) exists += "FILTER EXISTS { ";
  exists = "SELECT * { " + exists + std::string(n / 10, '}') + " }";
  std::string calls = "SELECT * { FILTER(";
  for (size_t i = 0; i < n / 10; ++i) calls += "STR(";
  calls += "1" + std::string(n / 10, ')') + ") }";
  for (const auto& q : {parens, groups, path, list, exists, calls}) {
    std::string e = syntax_error(q);
    CHECK_THAT(e, Catch::Contains("query nested too deeply (more than 256 levels"));
  }
  // Just below the limit still parses (and translates, prints, destroys).
  std::string ok = "SELECT * { FILTER(" + std::string(250, '(') + "1" + std::string(250, ')') + ") }";
  CHECK(syntax_error(ok) == "");
  std::string ok_groups = "SELECT * { " + std::string(250, '{') + std::string(250, '}') + " }";
  CHECK(syntax_error(ok_groups) == "");
  // The limit is an option.
  ParseOptions strict;
  strict.max_depth = 10;
  CHECK_THAT(syntax_error("SELECT * { FILTER(((((((((((1)))))))))))}", strict),
             Catch::Contains("more than 10 levels"));
}

TEST_CASE("long operator chains give a syntax error, not a stack overflow later",
          "[sparql][parser][errors]") {
  // Chains are loops in the parser but left-deep trees afterwards: their height is limited
  // (ParseOptions::max_height) so that recursive walks of the tree stay within the stack.
  const size_t n = 100000;
  auto join = [](size_t count, const std::string& item, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < count; ++i) out += (i ? sep : "") + item;
    return out;
  };
  std::string binds, selects;
  for (size_t i = 0; i < n; ++i) binds += "BIND(1 AS ?v" + std::to_string(i) + ") ";
  for (size_t i = 0; i < 5000; ++i) selects += "(1 AS ?v" + std::to_string(i) + ") ";
  const std::string queries[] = {
      "SELECT * { FILTER(" + join(n, "?x", " || ") + ") }",
      "SELECT * { FILTER(1" + join(n, "+1", "") + ") }",
      "SELECT * { FILTER(?x" + join(n, " -1", "") + ") }",
      "SELECT * { ?s " + join(n, "<p>", "/") + " ?o }",
      "SELECT * { ?s " + join(n, "<p>", "|") + " ?o }",
      "SELECT * { " + binds + "}",
      "SELECT * { " + join(n, "{ ?s ?p ?o }", " UNION ") + " }",
      "SELECT * { " + join(n, "OPTIONAL { ?s ?p ?o }", " ") + " }",
      "SELECT * { " + join(n, "?s <p>* ?o", " . ") + " }",
      "SELECT " + selects + "{}",
  };
  for (const auto& q : queries) {
    INFO(q.substr(0, 60));
    CHECK_THAT(syntax_error(q), Catch::Contains("query too complex") &&
                                    Catch::Contains("more than 1000 levels high"));
  }
  // Below the limit, chains are fine.
  CHECK(syntax_error("SELECT * { FILTER(" + join(900, "?x", " || ") + ") }") == "");
  CHECK(syntax_error("SELECT * { " + join(900, "{ ?s ?p ?o }", " UNION ") + " }") == "");
  ParseOptions small;
  small.max_height = 20;
  CHECK_THAT(syntax_error("SELECT * { FILTER(" + join(30, "?x", " && ") + ") }", small),
             Catch::Contains("more than 20 levels high"));
}
