// kikv load [--stats] DATA...: parse and index data, report what it costs.
#include <chrono>
#include <cstdio>

#include "commands.hpp"
#include "data_loading.hpp"

namespace kikv::cli {

void add_load_command(CLI::App& app) {
  struct Options {
    std::vector<std::string> files;
    DataOptions data;
    bool stats = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("load", "Load RDF files into an in-memory store (checks them)");
  cmd->add_option("DATA", opts->files, "RDF files (.ttl .nt .nq .trig, optionally .gz; - = stdin)")
      ->required();
  cmd->add_flag("--stats", opts->stats,
                "print triples=N terms=N bytes_per_triple=B load_ms=T");
  add_data_options(*cmd, opts->data);
  cmd->callback([opts] {
    rdf::QuadStore store;
    const auto start = std::chrono::steady_clock::now();
    load_data(store, opts->files, opts->data);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (opts->stats) {
      const auto dict = store.dictionary().stats();
      const uint64_t n = store.size();
      const double bpt = n ? static_cast<double>(store.memory().total()) / static_cast<double>(n) : 0.0;
      std::printf("triples=%llu terms=%llu bytes_per_triple=%.1f load_ms=%.0f\n",
                  static_cast<unsigned long long>(n),
                  static_cast<unsigned long long>(dict.iris + dict.literals + dict.blanks), bpt, ms);
    }
  });
}

}  // namespace kikv::cli
