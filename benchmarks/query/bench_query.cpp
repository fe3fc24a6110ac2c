// Query latency: loads the data once, then runs each query once cold and N times warm.
//   bench_query RUNS DATA.nt QUERY.rq...     prints one JSON line per query
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "rdf/rdf_reader.hpp"
#include "sparql/execute.hpp"
#include "sparql/sparql.hpp"

namespace {

double run_once(const kikv::rdf::QuadStore& store, const kikv::sparql::Query& q, size_t& rows) {
  const auto t = std::chrono::steady_clock::now();
  kikv::sparql::Execution run(store, q);
  std::vector<kikv::rdf::TermId> row;
  rows = 0;
  if (q.form == kikv::sparql::QueryForm::Ask) {
    rows = run.ask() ? 1 : 0;
  } else {
    while (run.next(row)) ++rows;
  }
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: bench_query RUNS DATA QUERY.rq...\n");
    return 2;
  }
  const int runs = std::max(1, std::atoi(argv[1]));
  try {
    kikv::rdf::QuadStore store;
    const auto t = std::chrono::steady_clock::now();
    kikv::rdf::load_file(store, argv[2]);
    const double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
    std::fprintf(stderr, "loaded %llu triples in %.0f ms\n", static_cast<unsigned long long>(store.size()), load_ms);
    for (int i = 3; i < argc; ++i) {
      std::ifstream in(argv[i]);
      std::ostringstream text;
      text << in.rdbuf();
      kikv::sparql::ParseOptions po;
      po.source = argv[i];
      const kikv::sparql::Query q = kikv::sparql::parse_query(text.str(), po);
      size_t rows = 0;
      const double cold = run_once(store, q, rows);
      std::vector<double> warm;
      for (int r = 0; r < runs; ++r) warm.push_back(run_once(store, q, rows));
      std::sort(warm.begin(), warm.end());
      std::printf("{\"query\":\"%s\",\"rows\":%zu,\"cold_ms\":%.2f,\"median_ms\":%.2f,\"min_ms\":%.2f}\n", argv[i],
                  rows, cold, warm[warm.size() / 2], warm.front());
      std::fflush(stdout);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_query: %s\n", e.what());
    return 1;
  }
  return 0;
}
