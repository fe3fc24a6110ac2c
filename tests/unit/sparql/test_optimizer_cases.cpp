// Optimizer passes on the cases in tests/sparql/optimizer: NAME.rq (with a "# passes:" line)
// must become the algebra in NAME.sse. The expected files were checked by hand against the
// rule each pass implements (see the comments in the .rq files).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rdf/dictionary.hpp"
#include "sparql/optimizer/optimizer.hpp"
#include "sparql/sparql.hpp"

using namespace kikv;
using namespace kikv::sparql;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string squeeze(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

PassSet passes_of(const std::string& text) {
  PassSet p = PassSet::none();
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# passes:", 0) != 0) continue;
    if (line.find("constant-folding") != std::string::npos) p.bits |= static_cast<uint32_t>(Pass::ConstantFolding);
    if (line.find("merge-joins") != std::string::npos) p.bits |= static_cast<uint32_t>(Pass::MergeJoins);
    if (line.find("filter-pushdown") != std::string::npos) p.bits |= static_cast<uint32_t>(Pass::FilterPushdown);
  }
  return p;
}

}  // namespace

TEST_CASE("optimizer cases", "[sparql][optimizer]") {
  const std::filesystem::path dir = std::filesystem::path(KIKV_TEST_DATA_DIR).parent_path() / "sparql" / "optimizer";
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".rq") continue;
    ++cases;
    const std::string text = slurp(entry.path());
    Query q = parse_query(text);
    rdf::Dictionary dict;
    TermTable terms(dict);
    const Op optimized = optimize(q.root, terms, passes_of(text));
    auto expected = entry.path();
    expected.replace_extension(".sse");
    INFO(entry.path().filename().string());
    CHECK(squeeze(to_sse(optimized, q.vars)) == squeeze(slurp(expected)));
  }
  CHECK(cases >= 7);
}
