// W3C RDF 1.1 syntax suites (Turtle, N-Triples, N-Quads, TriG), driven by their manifests.
// Prints one line per suite: "w3c rdf-turtle: N passed, N failed, N skipped". Exits non-zero
// when a test fails that is not listed in known-failures.txt.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "isomorphism.hpp"
#include "manifest.hpp"
#include "rdf/error.hpp"
#include "rdf/rdf_reader.hpp"

using namespace kikv;
using namespace kikv::test;

namespace {

struct Suite {
  const char* name;
  const char* dir;
  rdf::Syntax syntax;
};

const Suite kSuites[] = {
    {"rdf-turtle", "rdf/rdf11/rdf-turtle", rdf::Syntax::Turtle},
    {"rdf-n-triples", "rdf/rdf11/rdf-n-triples", rdf::Syntax::NTriples},
    {"rdf-n-quads", "rdf/rdf11/rdf-n-quads", rdf::Syntax::NQuads},
    {"rdf-trig", "rdf/rdf11/rdf-trig", rdf::Syntax::TriG},
};

/// The store's contents as term quads (this is what the eval tests compare).
std::vector<rdf::TermQuad> dump(const rdf::QuadStore& store) {
  std::vector<rdf::TermQuad> out;
  const rdf::Dictionary& d = store.dictionary();
  auto c = store.scan(rdf::QuadPattern{});
  rdf::Quad q;
  while (c.next(q)) {
    out.push_back(rdf::TermQuad{d.term(q.s), d.term(q.p), d.term(q.o),
                                q.g == rdf::kDefaultGraph ? std::nullopt : std::optional(d.term(q.g))});
  }
  return out;
}

/// Runs one test; returns "" on success or the reason of the failure.
std::string run_test(const ManifestTest& t, rdf::Syntax syntax) {
  const std::string input = iri_to_path(t.action);
  rdf::LoadOptions lo;
  lo.syntax = syntax;
  lo.base_iri = t.assumed_base;
  const bool positive = t.type_name.find("Positive") != std::string::npos || t.type_name.find("Eval") != std::string::npos;
  const bool negative = t.type_name.find("Negative") != std::string::npos;
  rdf::QuadStore store;
  try {
    rdf::load_file(store, input, lo);
  } catch (const Error& e) {
    if (negative) return "";
    return std::string("load failed: ") + e.what();
  }
  if (negative) return "accepted invalid input";
  if (!positive) return "unknown test type " + t.type_name;
  if (t.type_name.find("Eval") == std::string::npos) return "";
  // Eval test: compare with the expected N-Triples / N-Quads.
  const std::string expected_path = iri_to_path(t.result);
  rdf::LoadOptions elo;
  elo.syntax = syntax == rdf::Syntax::TriG || syntax == rdf::Syntax::NQuads ? rdf::Syntax::NQuads
                                                                            : rdf::Syntax::NTriples;
  std::vector<rdf::TermQuad> expected;
  try {
    expected = rdf::read_terms_file(expected_path, elo);
  } catch (const Error& e) {
    return std::string("cannot read expected result: ") + e.what();
  }
  if (auto diff = compare_datasets(expected, dump(store))) return *diff;
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  const std::string shared = shared_dir();
  const std::string root = shared + "/w3c-rdf-tests/";
  if (!std::filesystem::exists(root)) {
    std::printf("w3c rdf suites: SKIPPED (no %s; set KIKV_SHARED)\n", root.c_str());
    return 77;
  }
  const std::string known_path = argc > 1 ? argv[1] : std::string(KIKV_W3C_KNOWN_FAILURES);
  const auto known = read_known_failures(known_path);
  const bool verbose = std::getenv("KIKV_W3C_VERBOSE") != nullptr;
  int unexpected = 0;
  for (const Suite& suite : kSuites) {
    const std::string manifest = root + suite.dir + "/manifest.ttl";
    int passed = 0, failed = 0, skipped = 0;
    for (const ManifestTest& t : read_manifest(manifest)) {
      // A stable name for the test: its path below w3c-rdf-tests plus fragment.
      const std::string id = std::string(suite.dir) + "/manifest.ttl#" + t.iri.substr(t.iri.find('#') + 1);
      if (t.approval_name == "Rejected" || t.approval_name == "Withdrawn") {
        ++skipped;
        continue;
      }
      const std::string reason = run_test(t, suite.syntax);
      if (reason.empty()) {
        ++passed;
        if (known.count(id)) std::printf("  now passing (remove from known failures): %s\n", id.c_str());
        continue;
      }
      ++failed;
      const bool is_known = known.count(id) > 0;
      if (!is_known) ++unexpected;
      if (!is_known || verbose)
        std::printf("  %s %s: %s\n", is_known ? "known failure" : "FAIL", id.c_str(), reason.c_str());
    }
    std::printf("w3c %s: %d passed, %d failed, %d skipped\n", suite.name, passed, failed, skipped);
  }
  if (unexpected) std::printf("%d unexpected failure(s)\n", unexpected);
  return unexpected ? 1 : 0;
}
