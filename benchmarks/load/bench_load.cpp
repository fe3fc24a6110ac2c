// Load benchmark: generates an N-Triples file and loads it into one engine per process, so
// that each engine's resident memory is measured alone.
//   bench_load generate FILE N         write N triples (IRIs, integers, dates, strings)
//   bench_load ENGINE FILE             ENGINE: kikv | sord | redland; prints one JSON line
#include <malloc.h>
#include <redland.h>
#include <sord/sord.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>

#include "rdf/rdf_reader.hpp"

namespace {

/// Current resident set size in bytes (from /proc/self/statm).
size_t rss_bytes() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<size_t>(resident) * 4096;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

/// A deterministic data set shaped like care-provider data: entities with a type, a name,
/// a number, a date, and links to other entities.
int generate(const char* path, long n) {
  std::ofstream out(path);
  std::mt19937_64 rng(20241231);
  const char* types[] = {"Persoon", "Medewerker", "Client", "Vestiging", "Overeenkomst"};
  long written = 0;
  for (long e = 0; written < n; ++e) {
    const std::string s = "<http://example.org/kikv/entity/" + std::to_string(e) + ">";
    out << s << " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://purl.org/ozo/onz-g#"
        << types[e % 5] << "> .\n";
    out << s << " <http://www.w3.org/2000/01/rdf-schema#label> \"Naam van entiteit nummer " << e
        << "\" .\n";
    out << s << " <http://purl.org/ozo/onz-g#hasNumber> \"" << (rng() % 100000)
        << "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2015 + static_cast<int>(rng() % 10),
                  1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
    out << s << " <http://purl.org/ozo/onz-g#startDatum> \"" << date
        << "\"^^<http://www.w3.org/2001/XMLSchema#date> .\n";
    out << s << " <http://purl.org/ozo/onz-g#partOf> <http://example.org/kikv/entity/"
        << (rng() % static_cast<uint64_t>(e + 1)) << "> .\n";
    written += 5;
  }
  return out ? 0 : 1;
}

void report(const char* engine, uint64_t triples, double secs, size_t rss_before, size_t rss_after,
            size_t peak) {
  std::printf(
      "{\"engine\":\"%s\",\"triples\":%llu,\"seconds\":%.3f,\"triples_per_second\":%.0f,"
      "\"resident_bytes\":%zu,\"bytes_per_triple\":%.1f,\"peak_bytes\":%zu}\n",
      engine, static_cast<unsigned long long>(triples), secs, static_cast<double>(triples) / secs,
      rss_after - rss_before, static_cast<double>(rss_after - rss_before) / static_cast<double>(triples),
      peak);
}

size_t peak_rss() {
  size_t peak = 0;
  if (FILE* f = std::fopen("/proc/self/status", "r")) {
    char line[256];
    while (std::fgets(line, sizeof line, f)) {
      if (std::strncmp(line, "VmHWM:", 6) == 0) peak = std::strtoull(line + 6, nullptr, 10) * 1024;
    }
    std::fclose(f);
  }
  return peak;
}

int run_kikv(const char* path) {
  const size_t before = rss_bytes();
  const auto t = std::chrono::steady_clock::now();
  auto* store = new kikv::rdf::QuadStore;  // kept alive while measuring
  kikv::rdf::LoadOptions o;
  o.syntax = kikv::rdf::Syntax::NTriples;
  kikv::rdf::load_file(*store, path, o);
  const double secs = seconds_since(t);
  malloc_trim(0);  // return the load buffers, as a long-running datastation would
  report("kikv", store->size(), secs, before, rss_bytes(), peak_rss());
  return 0;
}

int run_sord(const char* path) {
  const size_t before = rss_bytes();
  const auto t = std::chrono::steady_clock::now();
  SordWorld* world = sord_world_new();
  // Sord's default: SPO plus OPS and PSO indices — comparable to kikv's three permutations.
  SordModel* model = sord_new(world, SORD_SPO | SORD_OPS | SORD_PSO, false);
  SerdEnv* env = serd_env_new(nullptr);
  SerdReader* reader = sord_new_reader(model, env, SERD_NTRIPLES, nullptr);
  const SerdStatus st = serd_reader_read_file(reader, reinterpret_cast<const uint8_t*>(path));
  const double secs = seconds_since(t);
  if (st) return 1;
  malloc_trim(0);
  report("sord", sord_num_quads(model), secs, before, rss_bytes(), peak_rss());
  return 0;
}

int run_redland(const char* path) {
  const size_t before = rss_bytes();
  const auto t = std::chrono::steady_clock::now();
  librdf_world* world = librdf_new_world();
  librdf_world_open(world);
  // The in-memory hashes store with indexes, Redland's fastest indexed in-memory backend.
  librdf_storage* storage =
      librdf_new_storage(world, std::getenv("KIKV_REDLAND_STORAGE") ? std::getenv("KIKV_REDLAND_STORAGE") : "hashes", "bench", std::getenv("KIKV_REDLAND_STORAGE") ? nullptr : "hash-type='memory'");
  librdf_model* model = librdf_new_model(world, storage, nullptr);
  librdf_parser* parser = librdf_new_parser(world, "ntriples", nullptr, nullptr);
  std::string uri_str = std::string("file://") + path;
  librdf_uri* uri = librdf_new_uri(world, reinterpret_cast<const unsigned char*>(uri_str.c_str()));
  if (librdf_parser_parse_into_model(parser, uri, uri, model)) return 1;
  const double secs = seconds_since(t);
  malloc_trim(0);
  report("redland", static_cast<uint64_t>(librdf_model_size(model)), secs, before, rss_bytes(), peak_rss());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "generate") == 0) return generate(argv[2], std::atol(argv[3]));
  if (argc != 3) {
    std::fprintf(stderr, "usage: bench_load generate FILE N | bench_load kikv|sord|redland FILE\n");
    return 2;
  }
  try {
    if (std::strcmp(argv[1], "kikv") == 0) return run_kikv(argv[2]);
    if (std::strcmp(argv[1], "sord") == 0) return run_sord(argv[2]);
    if (std::strcmp(argv[1], "redland") == 0) return run_redland(argv[2]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_load: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "bench_load: unknown engine %s\n", argv[1]);
  return 2;
}
