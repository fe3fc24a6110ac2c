// Result writers: exact bytes from the W3C specs' examples and from Apache Jena 4.5 output
// (tests/data/results, see its README), ASK forms, the streaming API.
#include <catch2/catch.hpp>

#include <sstream>

#include "rdf/error.hpp"
#include "results_support.hpp"

using namespace results_test;
using res::Format;
using res::ResultTable;
using res::TsvStyle;
using res::WriteOptions;

namespace {

/// The example table of SPARQL 1.1 Query Results CSV and TSV Formats, section 1.1.
ResultTable csv_tsv_spec_table(const std::string& b0, const std::string& b1) {
  const Term x = iri("http://example/x");
  ResultTable t = ResultTable::make_bindings({"x", "literal"});
  t.rows = {
      {x, str("String")},
      {x, str("String-with-dquote\"")},
      {blank(b0), str("Blank node")},
      {std::nullopt, str("Missing 'x'")},
      {std::nullopt, std::nullopt},
      {x, std::nullopt},
      {blank(b1), lang("String-with-lang", "en")},
      {blank(b1), typed("123", "integer")},
  };
  return t;
}

}  // namespace

TEST_CASE("CSV writer reproduces the CSV/TSV spec example (section 3.3)", "[sparql][results]") {
  // The spec's example, with the CRLF line ends its section 2 prescribes.
  const std::string expected =
      "x,literal\r\n"
      "http://example/x,String\r\n"
      "http://example/x,\"String-with-dquote\"\"\"\r\n"
      "_:b0,Blank node\r\n"
      ",Missing 'x'\r\n"
      ",\r\n"
      "http://example/x,\r\n"
      "_:b1,String-with-lang\r\n"
      "_:b1,123\r\n";
  // Our labels differ from the spec's: the writer relabels in order of appearance.
  CHECK(res::to_string(csv_tsv_spec_table("first", "second"), Format::Csv) == expected);
}

TEST_CASE("TSV writer reproduces the CSV/TSV spec example (section 4.3)", "[sparql][results]") {
  // The spec's example (its HTML has a stray space after the dquote line, not part of the format).
  const std::string expected =
      "?x\t?literal\n"
      "<http://example/x>\t\"String\"\n"
      "<http://example/x>\t\"String-with-dquote\\\"\"\n"
      "_:blank0\t\"Blank node\"\n"
      "\t\"Missing 'x'\"\n"
      "\t\n"
      "<http://example/x>\t\n"
      "_:blank1\t\"String-with-lang\"@en\n"
      "_:blank1\t123\n";
  WriteOptions o;
  o.tsv_style = TsvStyle::Abbreviated;  // the spec abbreviates numbers ("should")
  o.blank_labels = res::BlankLabels::Keep;
  CHECK(res::to_string(csv_tsv_spec_table("blank0", "blank1"), Format::Tsv, o) == expected);

  // The full style writes the same table as the peer harness would.
  const std::string full =
      "?x\t?literal\n"
      "<http://example/x>\t\"String\"\n"
      "<http://example/x>\t\"String-with-dquote\\\"\"\n"
      "_:b0\t\"Blank node\"\n"
      "\t\"Missing 'x'\"\n"
      "\t\n"
      "<http://example/x>\t\n"
      "_:b1\t\"String-with-lang\"@en\n"
      "_:b1\t\"123\"^^<http://www.w3.org/2001/XMLSchema#integer>\n";
  CHECK(res::to_string(csv_tsv_spec_table("blank0", "blank1"), Format::Tsv) == full);
}

TEST_CASE("TSV (full style) is byte-identical to peers/run jena", "[sparql][results]") {
  CHECK(res::to_string(jena_q3_table(), Format::Tsv) == slurp(data_dir() / "peer-q3.tsv"));
}

TEST_CASE("TSV (abbreviated style) is byte-identical to Jena's TSV writer", "[sparql][results]") {
  WriteOptions o;
  o.tsv_style = TsvStyle::Abbreviated;
  CHECK(res::to_string(jena_q3_table(false), Format::Tsv, o) ==
        slurp(data_dir() / "jena-q3-nobnode.tsv"));
}

TEST_CASE("XML writer is byte-identical to Jena's XML writer", "[sparql][results]") {
  CHECK(res::to_string(jena_q3_table(), Format::Xml) == slurp(data_dir() / "jena-q3.srx"));
}

TEST_CASE("CSV writer is byte-identical to Jena's CSV writer", "[sparql][results]") {
  CHECK(res::to_string(jena_q3_table(), Format::Csv) == slurp(data_dir() / "jena-q3.csv"));
}

TEST_CASE("JSON writer layout", "[sparql][results]") {
  ResultTable t = ResultTable::make_bindings({"s", "o"});
  t.rows = {
      {ex("a"), str("x\"y\\z\n\t\x01")},
      {blank("n1"), lang("hallo", "nl")},
      {std::nullopt, typed("1", "integer")},
      {std::nullopt, std::nullopt},
  };
  CHECK(res::to_string(t, Format::Json) ==
        "{\"head\":{\"vars\":[\"s\",\"o\"]},\"results\":{\"bindings\":[\n"
        "{\"s\":{\"type\":\"uri\",\"value\":\"http://example.org/a\"},"
        "\"o\":{\"type\":\"literal\",\"value\":\"x\\\"y\\\\z\\n\\t\\u0001\"}},\n"
        "{\"s\":{\"type\":\"bnode\",\"value\":\"b0\"},"
        "\"o\":{\"type\":\"literal\",\"value\":\"hallo\",\"xml:lang\":\"nl\"}},\n"
        "{\"o\":{\"type\":\"literal\",\"value\":\"1\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#integer\"}},\n"
        "{}\n"
        "]}}\n");
  CHECK(res::to_string(ResultTable::make_bindings({"C"}), Format::Json) ==
        "{\"head\":{\"vars\":[\"C\"]},\"results\":{\"bindings\":[]}}\n");
}

TEST_CASE("ASK results in every format", "[sparql][results]") {
  const ResultTable yes = ResultTable::make_boolean(true);
  const ResultTable no = ResultTable::make_boolean(false);
  CHECK(res::to_string(yes, Format::Json) == "{\"head\":{},\"boolean\":true}\n");
  CHECK(res::to_string(no, Format::Json) == "{\"head\":{},\"boolean\":false}\n");
  // Jena's XML writer, byte for byte.
  CHECK(res::to_string(no, Format::Xml) ==
        "<?xml version=\"1.0\"?>\n"
        "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
        "  <head>\n"
        "  </head>\n"
        "  <boolean>false</boolean>\n"
        "</sparql>\n");
  // peers/run jena prints the bare answer; Jena's own TSV/CSV writers a one-cell table.
  CHECK(res::to_string(yes, Format::Tsv) == "true\n");
  CHECK(res::to_string(no, Format::Tsv) == "false\n");
  WriteOptions abbreviated;
  abbreviated.tsv_style = TsvStyle::Abbreviated;
  CHECK(res::to_string(no, Format::Tsv, abbreviated) == "?_askResult\nfalse\n");
  CHECK(res::to_string(no, Format::Csv) == "_askResult\r\nfalse\r\n");
}

TEST_CASE("empty results and results without variables match Jena", "[sparql][results]") {
  const ResultTable empty = ResultTable::make_bindings({"s", "o"});
  CHECK(res::to_string(empty, Format::Tsv) == "?s\t?o\n");
  CHECK(res::to_string(empty, Format::Csv) == "s,o\r\n");
  CHECK(res::to_string(empty, Format::Xml) ==
        "<?xml version=\"1.0\"?>\n"
        "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
        "  <head>\n"
        "    <variable name=\"s\"/>\n"
        "    <variable name=\"o\"/>\n"
        "  </head>\n"
        "  <results>\n"
        "  </results>\n"
        "</sparql>\n");
  // SELECT * {}: no variables, one empty solution.
  ResultTable unit = ResultTable::make_bindings({});
  unit.rows.emplace_back();
  CHECK(res::to_string(unit, Format::Tsv) == "\n\n");
  CHECK(res::to_string(unit, Format::Csv) == "\r\n\r\n");
  CHECK(res::to_string(unit, Format::Json) == "{\"head\":{\"vars\":[]},\"results\":{\"bindings\":[\n{}\n]}}\n");
  CHECK(res::to_string(unit, Format::Xml) ==
        "<?xml version=\"1.0\"?>\n"
        "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
        "  <head>\n"
        "  </head>\n"
        "  <results>\n"
        "    <result>\n"
        "    </result>\n"
        "  </results>\n"
        "</sparql>\n");
}

TEST_CASE("TSV term syntax", "[sparql][results]") {
  using res::format_tsv_term;
  CHECK(format_tsv_term(iri("http://a/b c>")) == "<http://a/b\\u0020c\\u003E>");
  CHECK(format_tsv_term(str("del\x7f bell\x07")) == "\"del\\u007F bell\\u0007\"");
  CHECK(format_tsv_term(str("del\x7f bell\x07"), TsvStyle::Abbreviated) == "\"del\x7f bell\x07\"");
  CHECK(format_tsv_term(str("ff\f"), TsvStyle::Abbreviated) == "\"ff\\f\"");
  CHECK(format_tsv_term(Term{kikv::rdf::TermKind::Literal, "plain", "", ""}) == "\"plain\"");
  CHECK(format_tsv_term(blank("x1")) == "_:x1");
  // Jena's abbreviation rules (Turtle number/boolean syntax, exact lexical form kept).
  const std::pair<const char*, const char*> abbreviated[] = {
      {"+5", "integer"}, {"-0", "integer"}, {".5", "decimal"}, {"-0.0", "decimal"},
      {"1e5", "double"}, {"1E+5", "double"}, {".5e1", "double"}, {"5.e3", "double"},
      {"true", "boolean"}, {"false", "boolean"}};
  for (const auto& [lex, dt] : abbreviated) {
    CHECK(format_tsv_term(typed(lex, dt), TsvStyle::Abbreviated) == lex);
  }
  const std::pair<const char*, const char*> quoted[] = {
      {"4.", "decimal"}, {"5", "decimal"}, {"1.0", "double"}, {"5.", "double"}, {"INF", "double"},
      {"NaN", "double"}, {" 5", "integer"}, {"abc", "integer"}, {"1", "boolean"}, {"5", "int"},
      {"1.5", "float"}};
  for (const auto& [lex, dt] : quoted) {
    CHECK(format_tsv_term(typed(lex, dt), TsvStyle::Abbreviated) ==
          "\"" + std::string(lex) + "\"^^<" + xsd(dt) + ">");
  }
}

TEST_CASE("CSV fields are quoted only when RFC 4180 requires it", "[sparql][results]") {
  ResultTable t = ResultTable::make_bindings({"v"});
  for (const char* s : {"plain", " lead", "tab\there", "q\"", "c,", "lf\n", "cr\r", ""}) {
    t.rows.push_back({str(s)});
  }
  t.rows.push_back({blank("a,b")});
  CHECK(res::to_string(t, Format::Csv) ==
        "v\r\nplain\r\n lead\r\ntab\there\r\n\"q\"\"\"\r\n\"c,\"\r\n\"lf\n\"\r\n\"cr\r\"\r\n\r\n_:b0\r\n");
  res::WriteOptions keep;
  keep.blank_labels = res::BlankLabels::Keep;
  CHECK(res::to_string(ResultTable::make_bindings({"v"}, {{blank("a,b")}}), Format::Csv, keep) ==
        "v\r\n\"_:a,b\"\r\n");
}

TEST_CASE("writers keep output valid for invalid UTF-8 and control characters", "[sparql][results]") {
  const ResultTable t = ResultTable::make_bindings({"v"}, {{str(std::string("bad\xff\xfe ok \xC3\xA9 nul\0x", 17))}});
  const std::string json = res::to_string(t, Format::Json);
  CHECK(json.find("bad\xEF\xBF\xBD\xEF\xBF\xBD ok \xC3\xA9 nul\\u0000x") != std::string::npos);
  const std::string xml = res::to_string(t, Format::Xml);
  CHECK(xml.find("<literal>bad\xEF\xBF\xBD\xEF\xBF\xBD ok \xC3\xA9 nul\xEF\xBF\xBDx</literal>") != std::string::npos);
  CHECK_NOTHROW(res::read_json(json));
  CHECK_NOTHROW(res::read_xml(xml));
}

TEST_CASE("streaming writer: sink, buffering and misuse", "[sparql][results]") {
  const ResultTable t = jena_q3_table();
  for (Format f : {Format::Json, Format::Xml, Format::Csv, Format::Tsv}) {
    std::string collected;
    size_t calls = 0;
    WriteOptions o;
    o.buffer_size = 16;
    auto w = res::make_writer(f, [&](std::string_view b) { collected += b; ++calls; }, o);
    w->begin(t.variables);
    for (const auto& r : t.rows) w->row(r);
    w->end();
    CHECK(collected == res::to_string(t, f));
    CHECK(calls > 5);  // flushed along the way, not only at the end

    std::ostringstream os;
    res::write(t, f, os);
    CHECK(os.str() == collected);

    // Borrowed terms (nullptr = unbound) give the same bytes.
    std::ostringstream borrowed;
    auto bw = res::make_writer(f, borrowed);
    bw->begin(t.variables);
    for (const auto& r : t.rows) {
      std::vector<const Term*> ptrs;
      for (const auto& v : r) ptrs.push_back(v ? &*v : nullptr);
      bw->row(std::span<const Term* const>(ptrs));
    }
    bw->end();
    CHECK(borrowed.str() == collected);
  }

  auto w = res::make_writer(Format::Tsv, [](std::string_view) {});
  const std::vector<std::optional<Term>> one{str("x")};
  CHECK_THROWS_AS(w->row(one), kikv::MisuseError);
  CHECK_THROWS_AS(w->end(), kikv::MisuseError);
  const std::vector<std::string> bad_names{"?x"};
  CHECK_THROWS_AS(w->begin(bad_names), kikv::MisuseError);
  const std::vector<std::string> dup_names{"x", "x"};
  CHECK_THROWS_AS(w->begin(dup_names), kikv::MisuseError);
  const std::vector<std::string> vars{"x", "y"};
  w->begin(vars);
  CHECK_THROWS_AS(w->row(one), kikv::RangeError);
  CHECK_THROWS_AS(w->begin(vars), kikv::MisuseError);
  CHECK_THROWS_AS(w->boolean(true), kikv::MisuseError);
  w->end();
  CHECK_THROWS_AS(w->end(), kikv::MisuseError);
}

TEST_CASE("format names and media types", "[sparql][results]") {
  CHECK(res::media_type(Format::Json) == "application/sparql-results+json");
  CHECK(res::media_type(Format::Xml) == "application/sparql-results+xml");
  CHECK(res::media_type(Format::Csv) == "text/csv");
  CHECK(res::media_type(Format::Tsv) == "text/tab-separated-values");
  CHECK(res::parse_format("JSON") == Format::Json);
  CHECK(res::parse_format(".srx") == Format::Xml);
  CHECK(res::parse_format("text/csv; charset=utf-8") == Format::Csv);
  CHECK(res::parse_format("application/sparql-results+json") == Format::Json);
  CHECK(res::parse_format("tsv") == Format::Tsv);
  CHECK_FALSE(res::parse_format("ttl").has_value());
  for (Format f : {Format::Json, Format::Xml, Format::Csv, Format::Tsv}) {
    CHECK(res::parse_format(res::file_extension(f)) == f);
    CHECK(res::parse_format(res::media_type(f)) == f);
  }
}
