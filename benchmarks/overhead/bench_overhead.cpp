// The cost of crossing the C ABI: one 100k-row result read through the C++ API (Execution:
// zero-copy views of each value, and Execution::term) and through the C API (kikv_step +
// kikv_column_text/_bytes per value, and kikv_fetch batches).
//   bench_overhead generate OUT.nt ROWS     write the data (ROWS triples: IRI, IRI, literal)
//   bench_overhead run DATA.nt [RUNS]       print one JSON object (best of RUNS)
// Both read the lexical form of every value (the work any real client does with a value).
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "kikv/kikv.h"
#include "rdf/quad_store.hpp"
#include "rdf/rdf_reader.hpp"
#include "sparql/execute.hpp"
#include "sparql/sparql.hpp"

namespace {

const char* kQuery = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }";

double seconds(const std::function<uint64_t()>& body, uint64_t& check) {
  const auto t0 = std::chrono::steady_clock::now();
  check = body();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

uint64_t run_cpp(const kikv::rdf::QuadStore& store, uint64_t& rows) {
  const kikv::sparql::Query q = kikv::sparql::parse_query(kQuery);
  kikv::sparql::Execution run(store, q);
  std::vector<kikv::rdf::TermId> row;
  std::string scratch;
  uint64_t bytes = 0;
  rows = 0;
  while (run.next(row)) {
    ++rows;
    for (kikv::rdf::TermId id : row) bytes += run.terms().view(id, scratch).size();
  }
  return bytes;
}

/// The accessor execute.hpp shows: run.term(id), an owning rdf::Term per value.
uint64_t run_cpp_term(const kikv::rdf::QuadStore& store, uint64_t& rows) {
  const kikv::sparql::Query q = kikv::sparql::parse_query(kQuery);
  kikv::sparql::Execution run(store, q);
  std::vector<kikv::rdf::TermId> row;
  uint64_t bytes = 0;
  rows = 0;
  while (run.next(row)) {
    ++rows;
    for (kikv::rdf::TermId id : row) bytes += run.term(id).value.size();
  }
  return bytes;
}

uint64_t run_c(kikv_db* db, uint64_t& rows) {
  kikv_stmt* st = nullptr;
  if (kikv_prepare(db, kQuery, -1, &st) != KIKV_OK) throw std::runtime_error(kikv_errmsg(db));
  const int cols = kikv_column_count(st);
  uint64_t bytes = 0;
  rows = 0;
  while (kikv_step(st) == KIKV_ROW) {
    ++rows;
    for (int i = 0; i < cols; ++i) {
      if (kikv_column_text(st, i)) bytes += static_cast<uint64_t>(kikv_column_bytes(st, i));
    }
  }
  kikv_finalize(st);
  return bytes;
}

uint64_t run_c_fetch(kikv_db* db, uint64_t& rows) {
  kikv_stmt* st = nullptr;
  if (kikv_prepare(db, kQuery, -1, &st) != KIKV_OK) throw std::runtime_error(kikv_errmsg(db));
  const char* data = nullptr;
  int64_t n = 0;
  int r = 0, rc;
  uint64_t bytes = 0;
  rows = 0;
  do {
    rc = kikv_fetch(st, 512, &data, &n, &r);
    rows += static_cast<uint64_t>(r);
    bytes += static_cast<uint64_t>(n);
  } while (rc == KIKV_ROW);
  kikv_finalize(st);
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::string(argv[1]) == "generate") {
    std::ofstream out(argv[2]);
    const long n = std::stol(argv[3]);
    for (long i = 0; i < n; ++i) {
      out << "<http://example.org/client/" << i / 4 << "> <http://example.org/p" << i % 4 << "> ";
      switch (i % 4) {
        case 0: out << "\"" << 1900 + i % 100 << "-01-0" << 1 + i % 9 << "\"^^<http://www.w3.org/2001/XMLSchema#date>"; break;
        case 1: out << "\"" << i * 7 << "\"^^<http://www.w3.org/2001/XMLSchema#integer>"; break;
        case 2: out << "\"naam van client " << i << "\""; break;
        default: out << "<http://example.org/location/" << i % 50 << ">"; break;
      }
      out << " .\n";
    }
    return 0;
  }
  if (argc < 3 || std::string(argv[1]) != "run") {
    std::cerr << "usage: bench_overhead generate OUT.nt ROWS | run DATA.nt [RUNS]\n";
    return 2;
  }
  const int runs = argc > 3 ? std::stoi(argv[3]) : 5;
  kikv::rdf::QuadStore store;
  kikv::rdf::load_file(store, argv[2]);
  kikv_db* db = nullptr;
  kikv_open(nullptr, 0, &db);
  if (kikv_load_file(db, argv[2], KIKV_FORMAT_AUTO, nullptr, nullptr) != KIKV_OK) {
    std::cerr << kikv_errmsg(db) << "\n";
    return 1;
  }
  double best_cpp = 1e9, best_term = 1e9, best_c = 1e9, best_fetch = 1e9;
  uint64_t rows_cpp = 0, rows_term = 0, rows_c = 0, rows_fetch = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0;
  for (int r = 0; r < runs; ++r) {  // interleaved, so that both see the same machine state
    best_cpp = std::min(best_cpp, seconds([&] { return run_cpp(store, rows_cpp); }, b1));
    best_term = std::min(best_term, seconds([&] { return run_cpp_term(store, rows_term); }, b4));
    best_c = std::min(best_c, seconds([&] { return run_c(db, rows_c); }, b2));
    best_fetch = std::min(best_fetch, seconds([&] { return run_c_fetch(db, rows_fetch); }, b3));
  }
  if (rows_cpp != rows_c || b1 != b2 || b1 != b4 || rows_fetch != rows_c) {
    std::cerr << "results differ: " << rows_cpp << "/" << b1 << " vs " << rows_c << "/" << b2 << "\n";
    return 1;
  }
  std::printf(
      "{\"rows\": %llu, \"columns\": 3, \"runs\": %d, \"cpp_view_seconds\": %.6f, \"cpp_term_seconds\": %.6f, "
      "\"c_seconds\": %.6f, \"c_fetch_seconds\": %.6f}\n",
      static_cast<unsigned long long>(rows_c), runs, best_cpp, best_term, best_c, best_fetch);
  kikv_close(db);
  return 0;
}
