#include <catch2/catch.hpp>

#include "sparql_test_util.hpp"

using kikv::rdf::Term;
using kikv::sparql::parse_syntax;

namespace {

const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

/// The object of the single triple of `SELECT * { <s> <p> OBJECT }`.
Term object_of(const std::string& object, const std::string& prologue = "") {
  auto q = parse_syntax(prologue + "SELECT * { <http://s> <http://p> " + object + " }");
  return q.select.where.children.at(0).triples.at(0).object.term;
}

}  // namespace

TEST_CASE("numeric literals keep their lexical form and get the grammar's datatype",
          "[sparql][parser][literals]") {
  CHECK(object_of("42") == Term::literal("42", kXsd + "integer"));
  CHECK(object_of("+42") == Term::literal("+42", kXsd + "integer"));
  CHECK(object_of("-0042") == Term::literal("-0042", kXsd + "integer"));
  CHECK(object_of("4.20") == Term::literal("4.20", kXsd + "decimal"));
  CHECK(object_of(".5") == Term::literal(".5", kXsd + "decimal"));
  CHECK(object_of("-.5") == Term::literal("-.5", kXsd + "decimal"));
  CHECK(object_of("1e10") == Term::literal("1e10", kXsd + "double"));
  CHECK(object_of("1.5E-3") == Term::literal("1.5E-3", kXsd + "double"));
  CHECK(object_of("+.5e+2") == Term::literal("+.5e+2", kXsd + "double"));
}

TEST_CASE("boolean literals (case-insensitive keywords, canonical lexical form)",
          "[sparql][parser][literals]") {
  CHECK(object_of("true") == Term::literal("true", kXsd + "boolean"));
  CHECK(object_of("FALSE") == Term::literal("false", kXsd + "boolean"));
}

TEST_CASE("string literals: four quote styles, escapes, language tags, datatypes",
          "[sparql][parser][literals]") {
  CHECK(object_of("\"abc\"") == Term::string("abc"));
  CHECK(object_of("'abc'") == Term::string("abc"));
  CHECK(object_of("\"\"\"a\n\"b\"\"c\"\"\"") == Term::string("a\n\"b\"\"c"));
  // The first """ ends a long string (STRING_LITERAL_LONG2): """a"""" is "a" and a stray '"'.
  CHECK_THROWS_AS(object_of("\"\"\"a\"\"\"\""), kikv::SyntaxError);
  CHECK(object_of("'''it's'''") == Term::string("it's"));
  CHECK(object_of(R"("tab\there\nnl\\ \"q\" \'s\' \r\b\f")") ==
        Term::string("tab\there\nnl\\ \"q\" 's' \r\b\f"));
  CHECK(object_of(R"("caf\u00E9 \U0001F46A")") == Term::string("café \xF0\x9F\x91\xAA"));
  CHECK(object_of("\"hallo\"@nl") == Term::lang_literal("hallo", "nl"));
  CHECK(object_of("'hello'@en-GB") == Term::lang_literal("hello", "en-GB"));
  CHECK(object_of("\"2024-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>") ==
        Term::literal("2024-01-01", kXsd + "date"));
  CHECK(object_of("\"P1Y\"^^xsd:duration", "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n") ==
        Term::literal("P1Y", kXsd + "duration"));
  CHECK(object_of("\"x\"^^xsd:string", "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n") ==
        Term::string("x"));
  CHECK(object_of("\"\"") == Term::string(""));
}

TEST_CASE("IRIs: relative references are resolved against BASE (RFC 3986)",
          "[sparql][parser][literals]") {
  CHECK(object_of("<x>", "BASE <http://example.org/a/b>\n") == Term::iri("http://example.org/a/x"));
  CHECK(object_of("<../y#f>", "BASE <http://example.org/a/b/c>\n") ==
        Term::iri("http://example.org/a/y#f"));
  // A later BASE is resolved against the earlier one; PREFIX IRIs against the current base.
  CHECK(object_of("ex:z", "BASE <http://example.org/a/> BASE <b/> PREFIX ex: <c#>\n") ==
        Term::iri("http://example.org/a/b/c#z"));
  CHECK(object_of("<\\u0061bc>", "BASE <http://x/>\n") == Term::iri("http://x/abc"));
  // Without any base, relative IRIs stay as written.
  CHECK(object_of("<rel>") == Term::iri("rel"));
}

TEST_CASE("prefixed names: empty local part, escapes, percent, redefinition",
          "[sparql][parser][literals]") {
  std::string p = "PREFIX onz-fin: <http://purl.org/ozo/onz-fin#> PREFIX : <http://d/>\n";
  CHECK(object_of("onz-fin:", p) == Term::iri("http://purl.org/ozo/onz-fin#"));
  CHECK(object_of("onz-fin:rubriek05", p) == Term::iri("http://purl.org/ozo/onz-fin#rubriek05"));
  CHECK(object_of(":", p) == Term::iri("http://d/"));
  CHECK(object_of(":a\\,b", p) == Term::iri("http://d/a,b"));
  CHECK(object_of(":a%20b", p) == Term::iri("http://d/a%20b"));
  CHECK(object_of(":0.a:b", p) == Term::iri("http://d/0.a:b"));
  CHECK(object_of(":x", "PREFIX : <http://old/> PREFIX : <http://new/>\n") == Term::iri("http://new/x"));
  CHECK(object_of("a:b", "prefix a: <http://a/>\n") == Term::iri("http://a/b"));
}

TEST_CASE("initial prefixes and the base come from ParseOptions", "[sparql][parser][literals]") {
  kikv::sparql::ParseOptions opts;
  opts.base = "http://base.example/dir/";
  opts.prefixes = {{"ex", "http://example.org/"}};
  auto q = parse_syntax("SELECT * { ex:s <p> <#o> }", opts);
  const auto& t = q.select.where.children.at(0).triples.at(0);
  CHECK(t.subject.term == Term::iri("http://example.org/s"));
  CHECK(t.predicate.term == Term::iri("http://base.example/dir/p"));
  CHECK(t.object.term == Term::iri("http://base.example/dir/#o"));
  CHECK(q.base == "http://base.example/dir/");
  CHECK(q.prefixes == std::vector<std::pair<std::string, std::string>>{{"ex", "http://example.org/"}});
}
