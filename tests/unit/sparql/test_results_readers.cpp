// Result readers: the specs' examples, round trips through every writer with awkward values,
// strictness with positions, the RDF result-set vocabulary.
#include <catch2/catch.hpp>

#include <random>

#include "rdf/error.hpp"
#include "results_support.hpp"

using namespace results_test;
using res::Format;
using res::ResultKind;
using res::ResultTable;

namespace {

/// The example of the SPARQL 1.1 JSON Results REC, section 4.1 (a serialisation of the XML
/// Results REC's output.srx).
const char* kSpecJson = R"({
  "head": {
    "link": [ "http://www.w3.org/TR/rdf-sparql-XMLres/example.rq" ],
    "vars": [ "x", "hpage", "name", "mbox", "age", "blurb", "friend" ]
  },
  "results": {
    "bindings": [
      {
        "x":     { "type": "bnode",   "value": "r1" },
        "hpage": { "type": "uri",     "value": "http://work.example.org/alice/" },
        "name":  { "type": "literal", "value": "Alice" },
        "mbox":  { "type": "literal", "value": "" },
        "blurb": {
          "datatype": "http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral",
          "type": "literal",
          "value": "<p xmlns=\"http://www.w3.org/1999/xhtml\">My name is <b>alice</b></p>"
        },
        "friend": { "type": "bnode", "value": "r2" }
      },
      {
        "x":      { "type": "bnode",   "value": "r2" },
        "hpage":  { "type": "uri",     "value": "http://work.example.org/bob/" },
        "name":   { "type": "literal", "value": "Bob", "xml:lang": "en" },
        "mbox":   { "type": "uri",     "value": "mailto:bob@work.example.org" },
        "friend": { "type": "bnode",   "value": "r1" }
      }
    ]
  }
})";

/// The XML Results REC's example document (output.srx), same content.
const char* kSpecXml = R"(<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#">
  <head>
    <variable name="x"/>
    <variable name="hpage"/>
    <variable name="name"/>
    <variable name="mbox"/>
    <variable name="age"/>
    <variable name="blurb"/>
    <variable name="friend"/>
    <link href="example.rq" />
  </head>
  <results>
    <result>
      <binding name="x"><bnode>r1</bnode></binding>
      <binding name="hpage"><uri>http://work.example.org/alice/</uri></binding>
      <binding name="name"><literal>Alice</literal></binding>
      <binding name="mbox"><literal></literal></binding>
      <binding name="friend"><bnode>r2</bnode></binding>
      <binding name="blurb"><literal datatype="http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral">&lt;p xmlns="http://www.w3.org/1999/xhtml"&gt;My name is &lt;b&gt;alice&lt;/b&gt;&lt;/p&gt;</literal></binding>
    </result>
    <result>
      <binding name="x"><bnode>r2</bnode></binding>
      <binding name="hpage"><uri>http://work.example.org/bob/</uri></binding>
      <binding name="name"><literal xml:lang="en">Bob</literal></binding>
      <binding name="mbox"><uri>mailto:bob@work.example.org</uri></binding>
      <binding name="friend"><bnode>r1</bnode></binding>
    </result>
  </results>
</sparql>
)";

ResultTable spec_example_table() {
  ResultTable t = ResultTable::make_bindings({"x", "hpage", "name", "mbox", "age", "blurb", "friend"});
  t.rows = {
      {blank("r1"), iri("http://work.example.org/alice/"), str("Alice"), str(""), std::nullopt,
       Term::literal("<p xmlns=\"http://www.w3.org/1999/xhtml\">My name is <b>alice</b></p>",
                     "http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral"),
       blank("r2")},
      {blank("r2"), iri("http://work.example.org/bob/"), lang("Bob", "en"),
       iri("mailto:bob@work.example.org"), std::nullopt, std::nullopt, blank("r1")},
  };
  return t;
}

/// Values that stress every format's escaping.
ResultTable tricky_table() {
  ResultTable t = ResultTable::make_bindings({"a", "b", "c"});
  t.rows = {
      {str("quote \" apos ' backslash \\ done"), str("tab\tnl\ncr\rcrlf\r\n"), str("")},
      {str("unicode \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 \xE4\xB8\xAD"), lang("Hallo", "nl-NL"),
       lang("x", "EN")},
      {blank("n1"), blank("n2"), blank("n1")},
      {std::nullopt, std::nullopt, std::nullopt},
      {iri("http://example.org/a?b=c&d=<e>#f"), typed("42", "integer"), typed("-0.50", "decimal")},
      {typed("1.0E6", "double"), typed("true", "boolean"), Term::literal("x", "http://ex/dt")},
      {str("a,b;c"), str("<xml> & </xml>"), str("]]> and &amp;")},
      {str("ctl \x01\x02\x1f del \x7f"), str("  padded  "), typed("07", "integer")},
      {str("_:notablank"), str("?var"), str("\"\"")},
  };
  return t;
}

void check_position(const std::function<void()>& f, uint64_t line, uint64_t column) {
  try {
    f();
    FAIL("no SyntaxError thrown");
  } catch (const kikv::SyntaxError& e) {
    INFO(e.what());
    CHECK(e.line() == line);
    CHECK(e.column() == column);
  }
}

}  // namespace

TEST_CASE("JSON and XML spec examples read to the same table", "[sparql][results]") {
  const ResultTable j = res::read_json(kSpecJson);
  const ResultTable x = res::read_xml(kSpecXml);
  CHECK(j == spec_example_table());
  CHECK(x == spec_example_table());
}

TEST_CASE("round trip through every writer and reader", "[sparql][results]") {
  const ResultTable t = tricky_table();
  res::WriteOptions keep;
  keep.blank_labels = res::BlankLabels::Keep;
  res::WriteOptions abbreviated = keep;
  abbreviated.tsv_style = res::TsvStyle::Abbreviated;

  // JSON, XML and TSV keep everything: exact equality with the labels kept.
  CHECK(res::read_json(res::to_string(t, Format::Json, keep)) == t);
  CHECK(res::read_xml(res::to_string(t, Format::Xml, keep)) == t);
  CHECK(res::read_tsv(res::to_string(t, Format::Tsv, keep)) == t);
  CHECK(res::read_tsv(res::to_string(t, Format::Tsv, abbreviated)) == t);
  // With relabelled blank nodes: equal up to blank node renaming.
  for (Format f : {Format::Json, Format::Xml, Format::Tsv}) {
    const ResultTable back = res::read(res::to_string(t, f), f);
    CHECK(back != t);
    CHECK(res::compare(t, back, {.ordered = true}) == std::nullopt);
  }
  // CSV loses term kinds and datatypes: compare in the CSV view.
  const ResultTable csv = res::read_csv(res::to_string(t, Format::Csv));
  CHECK(res::compare_csv(csv, t, {.ordered = true}) == std::nullopt);
  CHECK(csv.rows[8][0]->is_blank());        // documented CSV ambiguity: "_:..." reads as a blank
  CHECK_FALSE(csv.rows[0][2].has_value());  // and "" as unbound

  // ASK answers.
  for (bool b : {true, false}) {
    for (Format f : {Format::Json, Format::Xml, Format::Csv, Format::Tsv}) {
      const ResultTable back = res::read(res::to_string(ResultTable::make_boolean(b), f), f);
      CHECK(back == ResultTable::make_boolean(b));
    }
    CHECK(res::read_tsv(res::to_string(ResultTable::make_boolean(b), Format::Tsv, abbreviated)) ==
          ResultTable::make_boolean(b));
  }

  // No variables / no rows.
  ResultTable unit = ResultTable::make_bindings({});
  unit.rows.emplace_back();
  unit.rows.emplace_back();
  const ResultTable none = ResultTable::make_bindings({"x", "y"});
  for (Format f : {Format::Json, Format::Xml, Format::Csv, Format::Tsv}) {
    CHECK(res::read(res::to_string(unit, f), f) == unit);
    CHECK(res::read(res::to_string(none, f), f) == none);
  }
}

TEST_CASE("TSV reader: Turtle term syntax", "[sparql][results]") {
  using res::parse_tsv_term;
  CHECK(parse_tsv_term("<http://a/\\u00E9\\U0001F600>") == iri("http://a/\xC3\xA9\xF0\x9F\x98\x80"));
  CHECK(parse_tsv_term("'single \\' \"ok\"'") == str("single ' \"ok\""));
  CHECK(parse_tsv_term("\"esc \\t\\b\\n\\r\\f\\\"\\'\\\\ \\u0041\"") == str("esc \t\b\n\r\f\"'\\ A"));
  CHECK(parse_tsv_term("\"x\"@en-GB-oed") == lang("x", "en-GB-oed"));
  CHECK(parse_tsv_term("\"5\"^^<http://www.w3.org/2001/XMLSchema#int>") == typed("5", "int"));
  CHECK(parse_tsv_term("-12") == typed("-12", "integer"));
  CHECK(parse_tsv_term("+.5") == typed("+.5", "decimal"));
  CHECK(parse_tsv_term("1.0e6") == typed("1.0e6", "double"));
  CHECK(parse_tsv_term("false") == typed("false", "boolean"));
  CHECK(parse_tsv_term("_:b.1-x") == blank("b.1-x"));
  for (const char* bad : {"x", "ex:a", "\"\"\"long\"\"\"", "\"open", "<http://a b>", "\"x\"^^ex:dt",
                          "\"x\"@", "\"x\"@-en", "_:", "_:a.", "1.", "1e", "\"x\" ", "\"\\q\"",
                          "<http://a>x", "\"\\u12\"", "TRUE"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_tsv_term(bad), kikv::SyntaxError);
  }
}

TEST_CASE("TSV reader: structure and errors", "[sparql][results]") {
  const ResultTable t = res::read_tsv("?a\t?b\r\n<http://x>\t\r\n\t\"y\"\r\n");  // CRLF accepted
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0][0] == iri("http://x"));
  CHECK_FALSE(t.rows[0][1].has_value());
  CHECK(t.rows[1][1] == str("y"));
  CHECK(res::read_tsv("?a\n1").rows.size() == 1);  // no final line break
  CHECK(res::read_tsv("\xEF\xBB\xBF?a\n").variables == std::vector<std::string>{"a"});

  check_position([] { res::read_tsv("?a\t?b\n<http://x>\t\"ok\"\n<http://y>\tbad\n"); }, 3, 12);
  check_position([] { res::read_tsv("?a\t?b\n<http://x>\n"); }, 2, 11);
  check_position([] { res::read_tsv("?a\n1\t2\n"); }, 2, 3);
  check_position([] { res::read_tsv("?a\tb\n"); }, 1, 4);
  check_position([] { res::read_tsv("?a\t?a\n"); }, 1, 1);
  check_position([] { res::read_tsv("?a\n\"\xC3\x28\"\n"); }, 2, 2);
  CHECK_THROWS_AS(res::read_tsv(""), kikv::SyntaxError);
}

TEST_CASE("CSV reader: RFC 4180", "[sparql][results]") {
  const ResultTable t = res::read_csv("a,b,c\r\n\"x,y\",\"multi\r\nline \"\"q\"\"\",\n_:z,,\"\"\nlast,row,end");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0] == res::Row{str("x,y"), str("multi\r\nline \"q\""), std::nullopt});
  CHECK(t.rows[1] == res::Row{blank("z"), std::nullopt, std::nullopt});
  CHECK(t.rows[2] == res::Row{str("last"), str("row"), str("end")});
  CHECK(res::read_csv("a,b\n1,\n").rows[0][1] == std::nullopt);
  CHECK(res::read_csv("a\n\n\n").rows.size() == 2);  // one column: empty lines are unbound rows

  check_position([] { res::read_csv("a,b\n1,2,3\n"); }, 2, 1);
  check_position([] { res::read_csv("a,b\n1,x\"y\n"); }, 2, 4);
  check_position([] { res::read_csv("a,b\n\"open,2\n"); }, 2, 1);
  check_position([] { res::read_csv("a,b\n\"q\"x,2\n"); }, 2, 4);
  check_position([] { res::read_csv("a,?b\n"); }, 1, 3);
  check_position([] { res::read_csv("a\rb\n"); }, 1, 2);
}

TEST_CASE("JSON reader: strictness", "[sparql][results]") {
  check_position([] { res::read_json("{\"head\": {\"vars\": [\"a\"]},\n  \"results\": {\"bindings\": [,]}}"); }, 2, 28);
  const std::pair<const char*, const char*> bad[] = {
      {"[]", "top level"},
      {"{}", "head"},
      {"{\"head\":{\"vars\":[\"a\"]}}", "results"},
      {"{\"head\":{},\"boolean\":1}", "boolean"},
      {"{\"head\":{},\"boolean\":true,\"results\":{\"bindings\":[]}}", "both"},
      {"{\"head\":{\"vars\":[\"a\",\"a\"]},\"results\":{\"bindings\":[]}}", "duplicate"},
      {"{\"head\":{\"vars\":[\"a\"]},\"results\":{\"bindings\":[{\"a\":{\"type\":\"uri\"}}]}}", "value"},
      {"{\"head\":{\"vars\":[\"a\"]},\"results\":{\"bindings\":[{\"a\":{\"type\":\"iri\",\"value\":\"x\"}}]}}", "unknown"},
      {"{\"head\":{\"vars\":[\"a\"]},\"results\":{\"bindings\":[{\"a\":{\"type\":\"literal\",\"value\":\"x\",\"xml:lang\":\"en\",\"datatype\":\"http://d\"}}]}}", "both xml:lang"},
      {"{\"head\":{\"vars\":[\"?a\"]},\"results\":{\"bindings\":[]}}", "bad variable"},
  };
  for (const auto& [doc, what] : bad) {
    INFO(doc);
    try {
      res::read_json(doc);
      FAIL("accepted");
    } catch (const kikv::SyntaxError& e) {
      CHECK_THAT(e.what(), Catch::Contains(what));
    }
  }
  // Tolerated: SPARQL 1.0 "typed-literal", a variable missing from head, xml:lang + rdf:langString.
  const ResultTable t = res::read_json(
      "{\"head\":{\"vars\":[\"a\"]},\"results\":{\"bindings\":["
      "{\"a\":{\"type\":\"typed-literal\",\"value\":\"1\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#integer\"}},"
      "{\"b\":{\"type\":\"literal\",\"value\":\"x\",\"xml:lang\":\"en\",\"datatype\":\"http://www.w3.org/1999/02/22-rdf-syntax-ns#langString\"}}]}}");
  CHECK(t.variables == std::vector<std::string>{"a", "b"});
  CHECK(t.rows[0] == res::Row{typed("1", "integer"), std::nullopt});
  CHECK(t.rows[1] == res::Row{std::nullopt, lang("x", "en")});
}

TEST_CASE("XML reader: strictness and XML features", "[sparql][results]") {
  // Comments, CDATA, character references, single quotes, prefixed namespace, CRLF.
  const ResultTable t = res::read_xml(
      "\xEF\xBB\xBF<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\r\n"
      "<!DOCTYPE sparql>\r\n<!-- c -->\r\n"
      "<s:sparql xmlns:s='http://www.w3.org/2005/sparql-results#'><s:head><s:variable name='v'/></s:head>"
      "<s:results><s:result><s:binding name='v'><s:literal>a<![CDATA[<b>&]]>&#x41;&#66;&amp;&lt;&gt;&quot;&apos;\r\nz</s:literal>"
      "</s:binding></s:result></s:results></s:sparql><?pi after?>\r\n");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0][0] == str("a<b>&AB&<>\"'\nz"));

  check_position([] { res::read_xml("<sparql xmlns='http://www.w3.org/2005/sparql-results#'>\n<head></head>\n<results></result></sparql>"); }, 3, 10);
  check_position([] { res::read_xml("<?xml version='1.0'?>\n<sparql xmlns='http://www.w3.org/2005/sparql-results#'>\n  <head/>\n  <results>&nbsp;</results></sparql>"); }, 4, 12);
  check_position([] { res::read_xml("<sparql xmlns='http://www.w3.org/2005/sparql-results#'>\n  <head/>\n  <boolean>yes</boolean>\n</sparql>"); }, 3, 3);
  check_position([] { res::read_xml("<sparql xmlns='http://www.w3.org/2005/sparql-results#'>\n<head/>\n<results><result><binding name='x'><uri>a</uri><uri>b</uri></binding></result></results></sparql>"); }, 3, 18);
  check_position([] { res::read_xml("<sparql>\n</sparql>"); }, 1, 1);  // wrong namespace
  const char* bad[] = {
      "",
      "<a>",
      "<a></b>",
      "<a x='1' x='2'/>",
      "<a x='<'/>",
      "<a>&#0;</a>",
      "<a>\x01</a>",
      "<a><!-- a -- b --></a>",
      "<a>]]></a>",
      "<p:a/>",
      "<a/><b/>",
      "<a/>text",
      "<?xml version='1.0' encoding='ISO-8859-1'?><a/>",
      "<a>\xC3</a>",
      "<sparql xmlns='http://www.w3.org/2005/sparql-results#'><head><variable name='a'/></head><results><result>"
      "<binding name='a'><literal>1</literal></binding><binding name='a'><literal>2</literal></binding></result></results></sparql>",
      "<sparql xmlns='http://www.w3.org/2005/sparql-results#'><head/><results><result><binding name='a'>"
      "<literal xml:lang='en' datatype='http://d'>x</literal></binding></result></results></sparql>",
      "<sparql xmlns='http://www.w3.org/2005/sparql-results#'><head/><results>x</results></sparql>",
      "<sparql xmlns='http://www.w3.org/2005/sparql-results#'><head/></sparql>",
      "<sparql xmlns='http://www.w3.org/2005/sparql-results#'><head/><results><result><binding name='a'>"
      "<uri>x<b/></uri></binding></result></results></sparql>",
  };
  for (const char* doc : bad) {
    INFO(doc);
    CHECK_THROWS_AS(res::read_xml(doc), kikv::SyntaxError);
  }
  // Jena writes control characters as character references (XML 1.1 style): accepted.
  CHECK(res::read_xml(slurp(data_dir() / "jena-q3.srx")).rows[14][1] == str("ctl\x01x"));
}

TEST_CASE("readers accept the Jena reference outputs", "[sparql][results]") {
  const ResultTable t = jena_q3_table();
  CHECK(res::compare(t, res::read_xml(slurp(data_dir() / "jena-q3.srx")), {.ordered = true}) == std::nullopt);
  CHECK(res::compare(t, res::read_tsv(slurp(data_dir() / "peer-q3.tsv")), {.ordered = true}) == std::nullopt);
  CHECK(res::compare(jena_q3_table(false), res::read_tsv(slurp(data_dir() / "jena-q3-nobnode.tsv")),
                     {.ordered = true}) == std::nullopt);
  CHECK(res::compare_csv(res::read_csv(slurp(data_dir() / "jena-q3.csv")), t, {.ordered = true}) ==
        std::nullopt);
}

TEST_CASE("RDF result-set vocabulary from triples", "[sparql][results]") {
  const std::string rs(res::kResultSetNs);
  const Term type = iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  auto p = [&](const char* local) { return iri(rs + local); };
  const Term set = blank("rs");
  std::vector<res::Triple> triples = {
      {set, type, p("ResultSet")},
      {set, p("resultVariable"), str("x")},
      {set, p("resultVariable"), str("y")},
      {set, p("solution"), blank("s2")},
      {set, p("solution"), blank("s1")},
      {set, p("solution"), blank("s3")},
      {blank("s1"), p("index"), typed("1", "integer")},
      {blank("s1"), p("binding"), blank("b1")},
      {blank("b1"), p("variable"), str("x")},
      {blank("b1"), p("value"), ex("one")},
      {blank("s2"), p("index"), typed("2", "integer")},
      {blank("s2"), p("binding"), blank("b2")},
      {blank("b2"), p("variable"), str("y")},
      {blank("b2"), p("value"), blank("v")},
      {blank("s2"), p("binding"), blank("b3")},
      {blank("b3"), p("variable"), str("z")},  // not declared: added as a column
      {blank("b3"), p("value"), lang("z", "de")},
      {blank("s3"), p("index"), typed("3", "integer")},
  };
  const ResultTable t = res::from_rdf(triples);
  CHECK(t.ordered);
  CHECK(t.variables == std::vector<std::string>{"x", "y", "z"});
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0] == res::Row{ex("one"), std::nullopt, std::nullopt});
  CHECK(t.rows[1] == res::Row{std::nullopt, blank("v"), lang("z", "de")});
  CHECK(t.rows[2] == res::Row{std::nullopt, std::nullopt, std::nullopt});

  // Boolean form.
  CHECK(res::from_rdf(std::vector<res::Triple>{{set, type, p("ResultSet")}, {set, p("boolean"), typed("true", "boolean")}}) ==
        ResultTable::make_boolean(true));
  // No index: not ordered, document order kept.
  const ResultTable u = res::from_rdf(std::vector<res::Triple>{
      {set, type, p("ResultSet")}, {set, p("solution"), blank("a")}, {blank("a"), p("binding"), blank("c")},
      {blank("c"), p("variable"), str("v")}, {blank("c"), p("value"), str("1")}});
  CHECK_FALSE(u.ordered);
  CHECK(u.variables == std::vector<std::string>{"v"});

  CHECK_THROWS_AS(res::from_rdf(std::vector<res::Triple>{}), kikv::SyntaxError);
  CHECK_THROWS_AS(res::from_rdf(std::vector<res::Triple>{{set, type, p("ResultSet")}, {blank("o"), type, p("ResultSet")}}),
                  kikv::SyntaxError);
  CHECK_THROWS_AS(res::from_rdf(std::vector<res::Triple>{{set, type, p("ResultSet")}, {set, p("solution"), blank("a")},
                                                         {blank("a"), p("binding"), blank("c")},
                                                         {blank("c"), p("variable"), str("v")}}),
                  kikv::SyntaxError);  // binding without value
}

TEST_CASE("RDF/XML result sets", "[sparql][results]") {
  const char* doc = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rs="http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
         xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xml:base="http://example.org/base/">
  <rs:ResultSet>
    <rs:resultVariable>name</rs:resultVariable>
    <rs:resultVariable>who</rs:resultVariable>
    <rs:solution rdf:parseType="Resource">
      <rs:index rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">2</rs:index>
      <rs:binding rdf:parseType="Resource">
        <rs:variable>name</rs:variable>
        <rs:value xml:lang="en">Bob</rs:value>
      </rs:binding>
      <rs:binding rdf:parseType="Resource">
        <rs:variable>who</rs:variable>
        <rs:value rdf:nodeID="n0"/>
      </rs:binding>
    </rs:solution>
    <rs:solution rdf:parseType="Resource">
      <rs:index rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">1</rs:index>
      <rs:binding>
        <rdf:Description>
          <rs:variable>name</rs:variable>
          <rs:value rdf:resource="../alice"/>
        </rdf:Description>
      </rs:binding>
    </rs:solution>
  </rs:ResultSet>
</rdf:RDF>
)";
  const ResultTable t = res::read_rdf_xml(doc, "test.rdf");
  CHECK(t.ordered);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0] == res::Row{iri("http://example.org/alice"), std::nullopt});
  CHECK(t.rows[1][0] == lang("Bob", "en"));
  CHECK(t.rows[1][1]->is_blank());
  CHECK_THROWS_AS(res::read_rdf_xml("<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                                    "<rdf:Description><p:x xmlns:p='http://p/' rdf:parseType='Literal'/></rdf:Description></rdf:RDF>"),
                  kikv::UnsupportedError);
}

TEST_CASE("readers fail on damaged documents with kikv errors only", "[sparql][results]") {
  // Random byte edits of valid documents: each either reads or throws a kikv::Error (never
  // another exception type, never a crash; run under the sanitizers to check memory safety).
  std::mt19937 rng(7);
  res::WriteOptions keep;
  keep.blank_labels = res::BlankLabels::Keep;
  const char alphabet[] = "<>&;\"'\\\t\n\r,?_:#{}[]@^ ax0.-\x01\xC3\xFF";
  for (Format f : {Format::Json, Format::Xml, Format::Csv, Format::Tsv}) {
    const std::string doc = res::to_string(tricky_table(), f, keep);
    std::uniform_int_distribution<size_t> where(0, doc.size() - 1);
    std::uniform_int_distribution<size_t> what(0, sizeof alphabet - 2);
    std::uniform_int_distribution<int> how(0, 2);
    for (int n = 0; n < 400; ++n) {
      std::string d = doc;
      for (int edits = 1 + n % 3; edits > 0; --edits) {
        const size_t at = where(rng) % d.size();
        switch (how(rng)) {
          case 0: d[at] = alphabet[what(rng)]; break;
          case 1: d.erase(at, 1 + at % 7); break;
          default: d.insert(at, 1, alphabet[what(rng)]);
        }
        if (d.empty()) d = "x";
      }
      INFO(res::file_extension(f) << " document: " << d);
      try {
        const ResultTable t = res::read(d, f);
        if (t.kind == ResultKind::Bindings) {
          for (const auto& row : t.rows) CHECK(row.size() == t.variables.size());
        }
      } catch (const kikv::Error&) {
        // expected for most edits
      } catch (const std::exception& e) {
        FAIL("non-kikv exception: " << e.what());
      }
    }
  }
  // read_file: unreadable and unsupported files.
  CHECK_THROWS_AS(res::read_file("/nonexistent/x.srx"), kikv::IoError);
  CHECK_THROWS_AS(res::read_file((data_dir() / "jena-q3.ttl").string()), kikv::UnsupportedError);
  CHECK(res::read_file((data_dir() / "jena-q3.srx").string()).rows.size() == 16);
}
