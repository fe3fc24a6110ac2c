// W3C SPARQL 1.0 / 1.1 query evaluation tests, driven by the manifests: load the test's data
// into a store, run the query (with the optimizer on, and again off), compare with the
// expected results (result sets up to blank node renaming, numbers by value; graphs up to
// isomorphism).
//
//   w3c_sparql_eval [-v] [--filter SUBSTRING]
// Prints "w3c sparql10-query: N passed, N failed, N skipped" and the same for sparql11, then
// the failures and (with -v) the skip reasons. Exits 1 on a failure not in known-failures.txt,
// 77 if the suites are absent.
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "isomorphism.hpp"
#include "manifest.hpp"
#include "rdf/error.hpp"
#include "rdf/rdf_reader.hpp"
#include "sparql/execute.hpp"
#include "sparql/results/results.hpp"
#include "sparql/sparql.hpp"

namespace fs = std::filesystem;
using namespace kikv;
using kikv::test::ManifestTest;
namespace results = kikv::sparql::results;

namespace {

struct Suite {
  const char* name;
  const char* manifest;  // below w3c-rdf-tests
};
constexpr Suite kSuites[] = {
    {"sparql10-query", "sparql/sparql10/manifest.ttl"},
    {"sparql11-query", "sparql/sparql11/manifest-sparql11-query.ttl"},
};

/// Outcome of one test: "" = passed; skip != "" = skipped with that reason.
struct Outcome {
  std::string failure;
  std::string skip;
};

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Loads an RDF file of a test into `graph` ("" = default graph); RDF/XML through the small
/// reader of the results library.
void load(rdf::QuadStore& store, const std::string& iri, const std::string& graph) {
  const std::string path = test::iri_to_path(iri);
  if (path.ends_with(".rdf")) {
    std::vector<rdf::Quad> quads;
    rdf::Dictionary& d = store.dictionary();
    const rdf::TermId g = graph.empty() ? rdf::kDefaultGraph : d.intern_iri(graph);
    std::map<std::string, rdf::TermId> blanks;
    auto id = [&](const rdf::Term& t) {
      if (!t.is_blank()) return d.intern(t);
      auto [it, added] = blanks.try_emplace(t.value, rdf::kNoTerm);
      if (added) it->second = d.new_blank();
      return it->second;
    };
    for (const auto& t : results::parse_rdf_xml(read_text(path), path, iri))
      quads.push_back(rdf::Quad{g, id(t[0]), id(t[1]), id(t[2])});
    store.insert_batch(quads);
    return;
  }
  rdf::LoadOptions lo;
  lo.base_iri = iri;
  lo.graph = graph;
  rdf::load_file(store, path, lo);
}

bool has_order_by(const sparql::Op& op) {
  if (op.kind == sparql::OpKind::OrderBy) return true;
  // Modifiers above the ORDER BY keep its order.
  if (op.kind == sparql::OpKind::Project || op.kind == sparql::OpKind::Distinct ||
      op.kind == sparql::OpKind::Reduced || op.kind == sparql::OpKind::Slice ||
      op.kind == sparql::OpKind::Extend)
    return !op.children.empty() && has_order_by(op.children[0]);
  return false;
}

results::ResultTable actual_table(sparql::Execution& run, const sparql::Query& q) {
  if (q.form == sparql::QueryForm::Ask) return results::ResultTable::make_boolean(run.ask());
  results::ResultTable t;
  t.kind = results::ResultKind::Bindings;
  t.variables = run.columns();
  std::vector<rdf::TermId> row;
  while (run.next(row)) {
    std::vector<std::optional<rdf::Term>> r;
    for (rdf::TermId id : row) r.push_back(id == rdf::kNoTerm ? std::nullopt : std::optional(run.term(id)));
    t.rows.push_back(std::move(r));
  }
  return t;
}

std::vector<rdf::TermQuad> actual_graph(sparql::Execution& run) {
  std::vector<rdf::TermQuad> out;
  std::array<rdf::TermId, 3> t;
  while (run.next_triple(t)) out.push_back(rdf::TermQuad{run.term(t[0]), run.term(t[1]), run.term(t[2]), std::nullopt});
  return out;
}

Outcome run_test(const ManifestTest& t, bool optimize) {
  if (t.type_name.find("Syntax") != std::string::npos) return {"", "syntax"};
  if (t.type_name != "QueryEvaluationTest" && t.type_name != "CSVResultFormatTest") {
    if (t.type_name.find("Update") != std::string::npos) return {"", "SPARQL Update is not implemented yet"};
    if (t.type_name.find("Syntax") != std::string::npos) return {"", "syntax test (w3c_sparql --syntax)"};
    return {"", t.type_name + " is not a query evaluation test"};
  }
  if (t.action_properties.count("http://www.w3.org/ns/sparql-service-description#entailmentRegime"))
    return {"", "entailment regimes are not supported"};
  const std::string query_path = test::iri_to_path(t.query);
  sparql::ParseOptions po;
  po.base = t.query;
  po.source = query_path;
  sparql::Query q;
  try {
    q = sparql::parse_query(read_text(query_path), po);
  } catch (const Error& e) {
    return {std::string("parse: ") + e.what(), ""};
  }
  rdf::QuadStore store;
  try {
    if (!t.data.empty()) load(store, t.data, "");
    for (const std::string& g : t.graph_data) load(store, g, g);
    // FROM / FROM NAMED name files: each is loaded as the named graph of its IRI.
    std::set<std::string> dataset(q.dataset.default_graphs.begin(), q.dataset.default_graphs.end());
    dataset.insert(q.dataset.named_graphs.begin(), q.dataset.named_graphs.end());
    for (const std::string& g : dataset)
      if (fs::exists(test::iri_to_path(g))) load(store, g, g);
  } catch (const Error& e) {
    return {std::string("loading data: ") + e.what(), ""};
  }
  sparql::ExecuteOptions eo;
  eo.reorder_patterns = optimize;
  if (!optimize) eo.passes = sparql::PassSet::none();
  eo.timeout = std::chrono::seconds(20);
  try {
    sparql::Execution run(store, q, eo);
    const std::string result_path = test::iri_to_path(t.result);
    if (q.form == sparql::QueryForm::Construct || q.form == sparql::QueryForm::Describe) {
      rdf::LoadOptions lo;
      lo.base_iri = t.result;
      std::vector<rdf::TermQuad> expected;
      if (result_path.ends_with(".rdf")) {
        for (const auto& tr : results::parse_rdf_xml(read_text(result_path), result_path, t.result))
          expected.push_back(rdf::TermQuad{tr[0], tr[1], tr[2], std::nullopt});
      } else {
        expected = rdf::read_terms_file(result_path, lo);
      }
      if (auto diff = test::compare_datasets(expected, actual_graph(run))) return {*diff, ""};
      return {};
    }
    results::ResultTable expected;
    if (result_path.ends_with(".ttl") || result_path.ends_with(".rdf")) {
      if (result_path.ends_with(".rdf")) {
        expected = results::read_rdf_xml(read_text(result_path), result_path, t.result);
      } else {
        rdf::LoadOptions lo;
        lo.base_iri = t.result;
        std::vector<results::Triple> triples;
        for (auto& tq : rdf::read_terms_file(result_path, lo)) triples.push_back({tq.s, tq.p, tq.o});
        expected = results::from_rdf(triples);
      }
    } else {
      expected = results::read_file(result_path);
    }
    results::ResultTable actual = actual_table(run, q);
    results::CompareOptions co;
    co.ordered = has_order_by(q.root) && expected.kind == results::ResultKind::Bindings;
    std::optional<std::string> diff;
    if (result_path.ends_with(".csv")) {
      diff = results::compare_csv(expected, actual, co);
    } else {
      // Numbers compare by value (as Jena's test harness does): kikv prints computed numbers in
      // Jena's forms ("6.0", "3.21e4"), the suites in XSD 1.1 canonical forms ("6", "3.21E4").
      co.numeric_by_value = true;
      diff = results::compare(expected, actual, co);
    }
    if (diff) return {*diff, ""};
    return {};
  } catch (const Error& e) {
    return {std::string("evaluation: ") + e.what(), ""};
  } catch (const std::exception& e) {
    return {std::string("exception: ") + e.what(), ""};
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  std::string filter;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "-v") == 0) verbose = true;
    else if (std::strcmp(argv[i], "--filter") == 0 && i + 1 < argc) filter = argv[++i];
  }
  const fs::path root = fs::path(test::shared_dir()) / "w3c-rdf-tests";
  if (!fs::exists(root)) {
    std::cout << "w3c sparql query suites: SKIPPED (no " << root.string() << "; set KIKV_SHARED)\n";
    return 77;
  }
  const std::string root_iri = test::path_to_iri(root.string()) + "/";
  const auto known = test::read_known_failures(KIKV_W3C_KNOWN_FAILURES);
  int unexpected = 0;
  std::vector<std::string> report;
  for (const Suite& suite : kSuites) {
    int passed = 0, failed = 0, skipped = 0;
    std::map<std::string, int> skip_reasons;
    for (const ManifestTest& t : test::read_manifest((root / suite.manifest).string())) {
      const std::string name = t.iri.starts_with(root_iri) ? t.iri.substr(root_iri.size()) : t.iri;
      if (!filter.empty() && name.find(filter) == std::string::npos) continue;
      if (t.approval_name == "Withdrawn" || t.approval_name == "Rejected") {
        ++skipped;
        ++skip_reasons["test " + t.approval_name];
        continue;
      }
      Outcome o = run_test(t, true);
      if (o.skip == "syntax") continue;  // counted by w3c_sparql --syntax
      if (o.skip.empty() && o.failure.empty()) {
        // The same results without the optimizer (no rewrites, patterns in written order).
        Outcome plain = run_test(t, false);
        if (!plain.failure.empty()) o.failure = "without the optimizer: " + plain.failure;
      }
      if (!o.skip.empty()) {
        ++skipped;
        ++skip_reasons[o.skip];
        continue;
      }
      if (o.failure.empty()) {
        ++passed;
        if (known.count(name)) report.push_back("  now passing (remove from known failures): " + name);
        continue;
      }
      ++failed;
      const bool is_known = known.count(name) > 0;
      if (!is_known) ++unexpected;
      if (!is_known || verbose) {
        std::string f = o.failure;
        if (f.size() > 600) f = f.substr(0, 600) + "...";
        report.push_back(std::string("  ") + (is_known ? "known failure " : "FAIL ") + name + ": " + f);
      }
    }
    std::cout << "w3c " << suite.name << ": " << passed << " passed, " << failed << " failed, " << skipped
              << " skipped\n";
    for (const auto& [reason, n] : skip_reasons) report.push_back("  skipped " + std::to_string(n) + ": " + reason);
  }
  for (const std::string& line : report) std::cout << line << "\n";
  if (unexpected) std::cout << unexpected << " unexpected failure(s)\n";
  return unexpected ? 1 : 0;
}
