// W3C SPARQL test-suite runner for the query parser.
//
//   w3c_sparql --syntax         positive/negative syntax tests of sparql10 and sparql11
//                               (update syntax tests are skipped for now)
//   w3c_sparql --eval-queries   every query of the query evaluation tests must parse
//   w3c_sparql --explain FILE   print the algebra (SSE) of one query (--explain-raw: without
//                               the prefix wrapper, full IRIs)
// Options: --shared DIR (default $KIKV_SHARED, else the build's KIKV_SHARED), --known FILE
// (known failures: one test IRI per line, '# reason'), -v (list passes too).
//
// Prints one summary line per suite ("w3c sparql10-syntax: N passed, N failed, N skipped"),
// then the failures with reasons. Exits 1 if a failure is not in the known-failures file,
// 77 (CTest skip) if the suites are not there.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "manifest.hpp"
#include "rdf/error.hpp"
#include "sparql/sparql.hpp"

namespace fs = std::filesystem;
using kikv::test::ManifestTest;

namespace {

struct Suite {
  const char* name;
  const char* manifest;  // relative to w3c-rdf-tests
};
constexpr Suite kSuites[] = {
    {"sparql10", "sparql/sparql10/manifest.ttl"},
    {"sparql11", "sparql/sparql11/manifest-all.ttl"},
};

struct Failure {
  std::string iri;
  std::string reason;
  bool known = false;
};

struct Tally {
  int passed = 0, failed = 0, skipped = 0;
  int approved_passed = 0, approved_total = 0;  // dawgt:approval dawgt:Approved
  std::vector<Failure> failures;
  std::vector<std::string> skip_reasons;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Test IRIs named relative to the manifest file are file: IRIs; show them relative to the
/// suite root so the known-failures file does not depend on where the suites are.
std::string display_iri(const std::string& iri, const std::string& root_iri) {
  if (iri.starts_with(root_iri)) return iri.substr(root_iri.size());
  return iri;
}

/// Parses the query of a test; returns an error message or "" on success.
std::string try_parse(const ManifestTest& t, const std::string& root, std::string* sse = nullptr) {
  std::string path = kikv::test::iri_to_path(t.query);
  std::string text;
  try {
    text = read_file(path);
  } catch (const std::exception& e) {
    return std::string("cannot read query: ") + e.what();
  }
  kikv::sparql::ParseOptions opts;
  opts.base = t.query;
  opts.source = fs::relative(path, root).string();
  try {
    auto q = kikv::sparql::parse_query(text, opts);
    if (sse) *sse = kikv::sparql::to_sse(q);
    return "";
  } catch (const kikv::SyntaxError& e) {
    return std::string("syntax error: ") + e.what();
  } catch (const std::exception& e) {
    return std::string("unexpected exception: ") + e.what();
  }
}

int explain(const std::string& file, const std::string& base, bool raw) {
  try {
    kikv::sparql::ParseOptions opts;
    opts.base = base.empty() ? kikv::test::path_to_iri(file) : base;
    opts.source = file;
    auto q = kikv::sparql::parse_query(read_file(file), opts);
    std::cout << (raw ? kikv::sparql::to_sse(q.root, q.vars) : kikv::sparql::to_sse(q)) << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode, shared, known_path = KIKV_W3C_KNOWN_FAILURES, explain_file, base;
  bool verbose = false;
  if (const char* env = std::getenv("KIKV_SHARED"); env && *env) shared = env;
  if (shared.empty()) shared = KIKV_SHARED_DIR;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--syntax" || a == "--eval-queries") {
      mode = a;
    } else if ((a == "--explain" || a == "--explain-raw") && i + 1 < argc) {
      mode = a;
      explain_file = argv[++i];
    } else if (a == "--base" && i + 1 < argc) {
      base = argv[++i];
    } else if (a == "--shared" && i + 1 < argc) {
      shared = argv[++i];
    } else if (a == "--known" && i + 1 < argc) {
      known_path = argv[++i];
    } else if (a == "-v") {
      verbose = true;
    } else {
      std::cerr << "usage: w3c_sparql --syntax|--eval-queries|--explain FILE [--base IRI] "
                   "[--shared DIR] [--known FILE] [-v]\n";
      return 2;
    }
  }
  if (mode.starts_with("--explain")) return explain(explain_file, base, mode == "--explain-raw");
  if (mode.empty()) mode = "--syntax";

  fs::path root = fs::path(shared) / "w3c-rdf-tests";
  if (!fs::exists(root / kSuites[0].manifest)) {
    std::cout << "w3c: SKIPPED: W3C test suites not found under " << root.string()
              << " (set KIKV_SHARED)\n";
    return 77;
  }
  root = fs::canonical(root);
  std::string root_iri = kikv::test::path_to_iri(root.string()) + "/";
  auto known = kikv::test::read_known_failures(known_path);
  bool syntax = mode == "--syntax";
  bool unexpected = false;

  std::vector<std::pair<std::string, Tally>> results;
  for (const auto& suite : kSuites) {
    Tally tally;
    std::vector<ManifestTest> tests;
    try {
      tests = kikv::test::read_manifest((root / suite.manifest).string());
    } catch (const std::exception& e) {
      std::cerr << "w3c: " << e.what() << "\n";
      return 1;
    }
    for (const auto& t : tests) {
      const std::string& type = t.type_name;
      std::string iri = display_iri(t.iri, root_iri);
      bool positive, negative;
      if (syntax) {
        // Update syntax tests, also those typed as query syntax tests but acting on .ru files.
        if (type == "PositiveUpdateSyntaxTest11" || type == "NegativeUpdateSyntaxTest11" ||
            t.query.ends_with(".ru")) {
          ++tally.skipped;
          tally.skip_reasons.push_back(iri + ": SPARQL Update not implemented yet");
          continue;
        }
        positive = type == "PositiveSyntaxTest" || type == "PositiveSyntaxTest11";
        negative = type == "NegativeSyntaxTest" || type == "NegativeSyntaxTest11";
      } else {
        positive = type == "QueryEvaluationTest" && !t.query.empty();
        negative = false;
      }
      if (!positive && !negative) continue;
      bool approved = t.approval_name == "Approved";
      tally.approved_total += approved;
      std::string error = try_parse(t, root.string());
      std::string reason;
      if (positive && !error.empty()) reason = error;
      if (negative && error.empty()) reason = "parsed, but is a negative syntax test";
      if (negative && error.starts_with("unexpected exception")) reason = error;
      if (reason.empty()) {
        ++tally.passed;
        tally.approved_passed += approved;
        if (verbose) std::cout << "  pass " << iri << (negative ? "  (" + error + ")" : "") << "\n";
        continue;
      }
      ++tally.failed;
      Failure f{iri, reason + (t.approval_name.empty() ? "" : " [" + t.approval_name + "]"),
                known.count(iri) > 0};
      if (!f.known) unexpected = true;
      tally.failures.push_back(std::move(f));
    }
    results.emplace_back(std::string(suite.name) + (syntax ? "-syntax" : "-eval-queries"),
                         std::move(tally));
  }
  for (const auto& [name, t] : results) {
    std::cout << "w3c " << name << ": " << t.passed << " passed, " << t.failed << " failed, "
              << t.skipped << " skipped\n";
  }
  for (const auto& [name, t] : results) {
    for (const auto& f : t.failures) {
      std::cout << "  FAIL" << (f.known ? " (known)" : "") << " " << f.iri << ": " << f.reason
                << "\n";
    }
    if (verbose) {
      for (const auto& s : t.skip_reasons) std::cout << "  skip " << s << "\n";
      std::cout << "  " << name << ": approved tests: " << t.approved_passed << " of "
                << t.approved_total << " passed\n";
    }
  }
  return unexpected ? 1 : 0;
}
