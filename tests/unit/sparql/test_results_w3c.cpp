// The readers against every results file of the W3C SPARQL 1.0/1.1 test suites in the shared
// reference directory (.srx, .srj, .tsv, .csv, rs:ResultSet in .ttl and .rdf), and the
// csv-tsv-res tests' expectations against the results they describe.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "rdf/error.hpp"
#include "results_support.hpp"

using namespace results_test;
namespace fs = std::filesystem;
using res::Format;
using res::ResultTable;

namespace {

std::vector<fs::path> suite_files() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(*w3c_sparql_dir())) {
    if (entry.is_regular_file()) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void check_shape(const ResultTable& t) {
  if (t.kind == res::ResultKind::Boolean) return;
  for (const auto& row : t.rows) REQUIRE(row.size() == t.variables.size());
}

/// Writes `t` in every format and reads it back: what comes back must compare equal.
void check_round_trips(const ResultTable& t) {
  for (Format f : {Format::Json, Format::Xml, Format::Tsv}) {
    const ResultTable back = res::read(res::to_string(t, f), f);
    const auto diff = res::compare(t, back, {.ordered = true});
    INFO("format " << res::file_extension(f));
    CHECK(diff == std::nullopt);
  }
  const ResultTable csv = res::read_csv(res::to_string(t, Format::Csv));
  CHECK(res::compare_csv(csv, t, {.ordered = true}) == std::nullopt);
}

}  // namespace

TEST_CASE("read every results file of the W3C SPARQL suites", "[sparql][results][w3c]") {
  if (!w3c_sparql_dir()) {
    WARN("skipped: no W3C test suites under " KIKV_SHARED_DIR "/w3c-rdf-tests/sparql");
    SUCCEED("skipped");  // ctest runs with --warn NoAssertions
    return;
  }
  std::map<std::string, size_t> counts;
  size_t rows = 0;
  for (const fs::path& p : suite_files()) {
    const std::string ext = p.extension().string();
    INFO(p.string());
    ResultTable t;
    if (ext == ".srx" || ext == ".srj" || ext == ".tsv" || ext == ".csv") {
      REQUIRE_NOTHROW(t = res::read_file(p.string()));
    } else if (ext == ".ttl" || ext == ".rdf") {
      const std::string text = slurp(p);
      if (text.find("ResultSet") == std::string::npos ||
          text.find(res::kResultSetNs) == std::string::npos)
        continue;  // data, manifests, graphs
      if (ext == ".ttl") {
        std::vector<res::Triple> triples;
        REQUIRE_NOTHROW(triples = read_turtle(p));
        REQUIRE_NOTHROW(t = res::from_rdf(triples));
      } else {
        REQUIRE_NOTHROW(t = res::read_file(p.string()));
      }
    } else {
      continue;
    }
    ++counts[ext];
    rows += t.rows.size();
    check_shape(t);
    if (ext != ".csv") check_round_trips(t);
  }
  // The suites as of 2024: 440 srx, 6 srj, 3 tsv, 3 csv, 119 rs:ResultSet ttl, 10 rdf.
  CHECK(counts[".srx"] >= 400);
  CHECK(counts[".srj"] >= 6);
  CHECK(counts[".tsv"] >= 3);
  CHECK(counts[".csv"] >= 3);
  CHECK(counts[".ttl"] >= 100);
  CHECK(counts[".rdf"] >= 10);
  CHECK(rows > 1000);
}

TEST_CASE("csv-tsv-res expectations match the results they describe", "[sparql][results][w3c]") {
  if (!w3c_sparql_dir()) {
    WARN("skipped: no W3C test suites under " KIKV_SHARED_DIR "/w3c-rdf-tests/sparql");
    SUCCEED("skipped");  // ctest runs with --warn NoAssertions
    return;
  }
  const fs::path dir = *w3c_sparql_dir() / "sparql11" / "csv-tsv-res";
  // SELECT * { ?s ?p ?o } ORDER BY ?s ?p ?o over data.ttl, as an engine would return it.
  const ResultTable r01 = ResultTable::make_bindings(
      {"s", "p", "o"},
      {{ex("s1"), ex("p1"), ex("s2")},
       {ex("s2"), ex("p2"), str("foo")},
       {ex("s3"), ex("p3"), str("bar")},
       {ex("s4"), ex("p4"), typed("4", "integer")},
       {ex("s5"), ex("p5"), typed("5.5", "decimal")},
       {ex("s6"), ex("p6"), blank("genid42")}});
  // csvtsv02: the same with OPTIONAL { ?o ?p2 ?o2 } adding ?p2 ?o2 on the first row.
  ResultTable r02 = r01;
  r02.variables = {"s", "p", "o", "p2", "o2"};
  for (auto& row : r02.rows) row.resize(5);
  r02.rows[0][3] = ex("p2");
  r02.rows[0][4] = str("foo");
  // csvtsv03: over data2.ttl.
  const ResultTable r03 = ResultTable::make_bindings(
      {"s", "p", "o"},
      {{ex("s1"), ex("p1"), str("1")},
       {ex("s2"), ex("p2"), typed("2.2", "decimal")},
       {ex("s3"), ex("p3"), typed("-3", "negativeInteger")},
       {ex("s4"), ex("p4"), str("4,4")},
       {ex("s5"), ex("p5"), Term::literal("5,5", "http://example.org/myCustomDatatype")},
       {ex("s6"), ex("p6"), typed("1.0E6", "double")},
       {ex("s7"), ex("p7"), typed("a7", "hexBinary")}});

  res::CompareOptions tsv_rules;  // TSV expectations may abbreviate numbers: compare by value
  tsv_rules.numeric_by_value = true;
  tsv_rules.ordered = true;
  CHECK(res::compare(res::read_file((dir / "csvtsv01.tsv").string()), r01, tsv_rules) == std::nullopt);
  CHECK(res::compare(res::read_file((dir / "csvtsv02.tsv").string()), r02, tsv_rules) == std::nullopt);
  CHECK(res::compare(res::read_file((dir / "csvtsv03.tsv").string()), r03, tsv_rules) == std::nullopt);
  // Without by-value comparison 1.0e6 (expected) and "1.0E6" (the data) differ.
  CHECK(res::compare(res::read_file((dir / "csvtsv03.tsv").string()), r03, {.ordered = true}).has_value());

  CHECK(res::compare_csv(res::read_file((dir / "csvtsv01.csv").string()), r01) == std::nullopt);
  CHECK(res::compare_csv(res::read_file((dir / "csvtsv02.csv").string()), r02) == std::nullopt);
  CHECK(res::compare_csv(res::read_file((dir / "csvtsv03.csv").string()), r03) == std::nullopt);
  ResultTable wrong = r03;
  wrong.rows[5][2] = typed("1000000.0", "double");
  CHECK(res::compare_csv(res::read_file((dir / "csvtsv03.csv").string()), wrong).has_value());
}
