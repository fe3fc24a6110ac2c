#include <catch2/catch.hpp>

#include "sparql_test_util.hpp"

using kikv::sparql::testing::sse;
using kikv::sparql::testing::syntax_error;

namespace {

/// SSE of a FILTER expression (the SSE forms are those of Jena's qparse --print=op).
std::string expr(const std::string& e, const std::string& prologue = "") {
  std::string s = sse(prologue + "SELECT * { FILTER(" + e + ") }");
  const std::string head = "(project () (filter ";
  const std::string tail = " (table unit)))";
  REQUIRE(s.rfind(head, 0) == 0);
  REQUIRE(s.size() > head.size() + tail.size());
  return s.substr(head.size(), s.size() - head.size() - tail.size());
}

}  // namespace

TEST_CASE("operator precedence and associativity (§19.8 rules 110-119)", "[sparql][parser][expr]") {
  CHECK(expr("?a || ?b && ?c") == "(|| ?a (&& ?b ?c))");
  CHECK(expr("?a && ?b || ?c") == "(|| (&& ?a ?b) ?c)");
  CHECK(expr("?a || ?b || ?c") == "(|| (|| ?a ?b) ?c)");
  CHECK(expr("?a = ?b && ?c < ?d") == "(&& (= ?a ?b) (< ?c ?d))");
  CHECK(expr("?a + ?b * ?c") == "(+ ?a (* ?b ?c))");
  CHECK(expr("(?a + ?b) * ?c") == "(* (+ ?a ?b) ?c)");
  CHECK(expr("?a - ?b - ?c") == "(- (- ?a ?b) ?c)");
  CHECK(expr("?a / ?b * ?c") == "(* (/ ?a ?b) ?c)");
  CHECK(expr("?a + ?b = ?c * 2") == "(= (+ ?a ?b) (* ?c 2))");
  CHECK(expr("!?a && -?b < +?c") == "(&& (! ?a) (< (- ?b) (+ ?c)))");
  CHECK(expr("?a != ?b") == "(!= ?a ?b)");
  CHECK(expr("?a <= ?b || ?a >= ?b || ?a > ?b") == "(|| (|| (<= ?a ?b) (>= ?a ?b)) (> ?a ?b))");
}

TEST_CASE("signed numeric literals act as + and - (AdditiveExpression rule)", "[sparql][parser][expr]") {
  // Jena: (?x -1 AS ?z) is (- ?x 1); (?x - -1.5 *2 AS ?w) is (- ?x (* -1.5 2)).
  CHECK(expr("?x -1") == "(- ?x 1)");
  CHECK(expr("?x +1") == "(+ ?x 1)");
  CHECK(expr("?x+1*2") == "(+ ?x (* 1 2))");
  CHECK(expr("?x -2/?y") == "(- ?x (/ 2 ?y))");
  CHECK(expr("?x - -1.5 *2") == "(- ?x (* -1.5 2))");
  CHECK(expr("1-1") == "(- 1 1)");
  CHECK(expr("-1") == "-1");
  CHECK(expr("- 1") == "(- 1)");
}

TEST_CASE("relational expressions are not associative", "[sparql][parser][expr]") {
  CHECK(syntax_error("SELECT * { FILTER(?a < ?b < ?c) }") == "query:1:27: expected ')', found '<'");
  CHECK(syntax_error("SELECT * { FILTER(?x && ?a = ?b = ?c) }") == "query:1:33: expected ')', found '='");
  CHECK(syntax_error("SELECT * { FILTER(?a IN (1) IN (2)) }") == "query:1:29: expected ')', found 'IN'");
  CHECK(expr("(?a < ?b) = ?c") == "(= (< ?a ?b) ?c)");
}

TEST_CASE("IN and NOT IN", "[sparql][parser][expr]") {
  CHECK(expr("?o IN (1, 2) && ?o NOT IN ()") == "(&& (in ?o 1 2) (notin ?o))");
  CHECK(expr("?o not in (\"a\")") == "(notin ?o \"a\")");
  CHECK(expr("?a + 1 IN (?b)") == "(in (+ ?a 1) ?b)");
}

TEST_CASE("every builtin of §17.4 parses with its SSE name", "[sparql][parser][expr]") {
  // Expected forms from Jena 4.5 arq.qparse --print=op (isURI/URI are printed as isIRI/iri:
  // they are the same function).
  CHECK(expr("STR(?x)") == "(str ?x)");
  CHECK(expr("LANG(?x)") == "(lang ?x)");
  CHECK(expr("langMatches(lang(?x), \"*\")") == "(langMatches (lang ?x) \"*\")");
  CHECK(expr("DATATYPE(?x)") == "(datatype ?x)");
  CHECK(expr("BOUND(?x)") == "(bound ?x)");
  CHECK(expr("!bound(?x)") == "(! (bound ?x))");
  CHECK(expr("IRI(?x)") == "(iri ?x)");
  CHECK(expr("URI(?x)") == "(iri ?x)");
  CHECK(expr("BNODE()") == "(bnode)");
  CHECK(expr("BNODE(?x)") == "(bnode ?x)");
  CHECK(expr("RAND()") == "(rand)");
  CHECK(expr("ABS(?x) + CEIL(?x) + FLOOR(?x) + ROUND(?x)") ==
        "(+ (+ (+ (abs ?x) (ceil ?x)) (floor ?x)) (round ?x))");
  CHECK(expr("CONCAT()") == "(concat)");
  CHECK(expr("CONCAT(STR(?j), '-01-01')") == "(concat (str ?j) \"-01-01\")");
  CHECK(expr("SUBSTR(?x, 1)") == "(substr ?x 1)");
  CHECK(expr("SUBSTR(?x, 1, 2)") == "(substr ?x 1 2)");
  CHECK(expr("STRLEN(?x)") == "(strlen ?x)");
  CHECK(expr("REPLACE(?x, \"a\", \"b\")") == "(replace ?x \"a\" \"b\")");
  CHECK(expr("REPLACE(?x, \"a\", \"b\", \"i\")") == "(replace ?x \"a\" \"b\" \"i\")");
  CHECK(expr("UCASE(?x) = LCASE(?x)") == "(= (ucase ?x) (lcase ?x))");
  CHECK(expr("ENCODE_FOR_URI(?x)") == "(encode_for_uri ?x)");
  CHECK(expr("CONTAINS(?x, 'a') && STRSTARTS(?x, 'a') && STRENDS(?x, 'a')") ==
        "(&& (&& (contains ?x \"a\") (strstarts ?x \"a\")) (strends ?x \"a\"))");
  CHECK(expr("STRBEFORE(?x, 'a') = STRAFTER(?x, 'a')") == "(= (strbefore ?x \"a\") (strafter ?x \"a\"))");
  CHECK(expr("YEAR(?d) + MONTH(?d) + DAY(?d)") == "(+ (+ (year ?d) (month ?d)) (day ?d))");
  CHECK(expr("HOURS(?d) + MINUTES(?d) + SECONDS(?d)") ==
        "(+ (+ (hours ?d) (minutes ?d)) (seconds ?d))");
  CHECK(expr("TIMEZONE(?d) = TZ(?d)") == "(= (timezone ?d) (tz ?d))");
  CHECK(expr("NOW()") == "(now)");
  CHECK(expr("UUID() = STRUUID()") == "(= (uuid) (struuid))");
  CHECK(expr("MD5(?x) = SHA1(?x)") == "(= (MD5 ?x) (SHA1 ?x))");
  CHECK(expr("SHA256(?x) = SHA384(?x) || SHA512(?x)") ==
        "(|| (= (SHA256 ?x) (SHA384 ?x)) (SHA512 ?x))");
  CHECK(expr("COALESCE(?a, ?b, 0)") == "(coalesce ?a ?b 0)");
  CHECK(expr("COALESCE()") == "(coalesce)");
  CHECK(expr("IF(?a, 1, 2)") == "(if ?a 1 2)");
  CHECK(expr("STRLANG(?x, 'en') = STRDT(?x, <http://t>)") == "(= (strlang ?x \"en\") (strdt ?x <http://t>))");
  CHECK(expr("sameTerm(?x, ?y)") == "(sameTerm ?x ?y)");
  CHECK(expr("isIRI(?x) && isURI(?x) && isBLANK(?x) && isLiteral(?x) && isNumeric(?x)") ==
        "(&& (&& (&& (&& (isIRI ?x) (isIRI ?x)) (isBlank ?x)) (isLiteral ?x)) (isNumeric ?x))");
  CHECK(expr("REGEX(?x, \"^[0-9]{6}$\")") == "(regex ?x \"^[0-9]{6}$\")");
  CHECK(expr("regex(?x, \"a\", \"i\")") == "(regex ?x \"a\" \"i\")");
  CHECK(expr("EXISTS { ?s ?p ?o }") == "(exists (bgp (triple ?s ?p ?o)))");
  CHECK(expr("NOT EXISTS { ?s ?p ?o }") == "(notexists (bgp (triple ?s ?p ?o)))");
  CHECK(expr("not exists { }") == "(notexists (table unit))");
}

TEST_CASE("function calls and casts use IRIs; constants as operands", "[sparql][parser][expr]") {
  std::string xsd = "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";
  CHECK(expr("xsd:date(CONCAT(STR(?jaar), '-01-01'))", xsd) ==
        "(<http://www.w3.org/2001/XMLSchema#date> (concat (str ?jaar) \"-01-01\"))");
  CHECK(expr("xsd:integer(?jaar)", xsd) == "(<http://www.w3.org/2001/XMLSchema#integer> ?jaar)");
  CHECK(expr("<http://x/f>(?o, \"a\"@en, \"b\"^^<http://x/t>)") ==
        "(<http://x/f> ?o \"a\"@en \"b\"^^<http://x/t>)");
  CHECK(expr("<http://x/f>()") == "(<http://x/f>)");
  CHECK(expr("?d + \"P1Y\"^^xsd:duration - \"-P1D\"^^xsd:duration", xsd) ==
        "(- (+ ?d \"P1Y\"^^<http://www.w3.org/2001/XMLSchema#duration>) "
        "\"-P1D\"^^<http://www.w3.org/2001/XMLSchema#duration>)");
  CHECK(expr("?x = <http://x/a>") == "(= ?x <http://x/a>)");
  CHECK(expr("STR(onz-fin:)", "PREFIX onz-fin: <http://purl.org/ozo/onz-fin#>\n") ==
        "(str <http://purl.org/ozo/onz-fin#>)");
  CHECK(expr("1.5 && 1e3 && -0.5 && true && \"a\\\"b\\n\"") ==
        "(&& (&& (&& (&& 1.5 1e3) -0.5) true) \"a\\\"b\\n\")");
  // A FILTER may be a bare function call.
  CHECK(sse("SELECT * { ?s ?p ?o FILTER regex(?o, 'a') }") ==
        "(project (?s ?p ?o) (filter (regex ?o \"a\") (bgp (triple ?s ?p ?o))))");
  CHECK(sse("SELECT * { ?s ?p ?o FILTER <http://x/f>(?o) }") ==
        "(project (?s ?p ?o) (filter (<http://x/f> ?o) (bgp (triple ?s ?p ?o))))");
}
