#include "data_loading.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "commands.hpp"
#include "rdf/error.hpp"

namespace kikv::cli {
namespace {

/// Prints "file: N statements, M MB, R/s" on stderr, but only on a terminal and only once a
/// load has taken more than a second (short loads stay quiet).
class Progress {
 public:
  explicit Progress(std::string name)
      : name_(std::move(name)), start_(Clock::now()), enabled_(isatty(STDERR_FILENO) != 0) {}
  ~Progress() {
    if (shown_) std::fputs("\r\033[K", stderr);
  }
  void update(uint64_t statements, uint64_t bytes) {
    if (!enabled_) return;
    const double secs = std::chrono::duration<double>(Clock::now() - start_).count();
    if (secs < 1.0) return;
    std::fprintf(stderr, "\r\033[K%s: %.1fM statements, %.1f MB, %.2fM statements/s", name_.c_str(),
                 static_cast<double>(statements) / 1e6, static_cast<double>(bytes) / 1e6,
                 static_cast<double>(statements) / 1e6 / secs);
    std::fflush(stderr);
    shown_ = true;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::string name_;
  Clock::time_point start_;
  bool enabled_;
  bool shown_ = false;
};

}  // namespace

void add_data_options(CLI::App& cmd, DataOptions& options, const std::string& format_flag) {
  cmd.add_option(format_flag, options.format,
                 "RDF syntax of the data: turtle, ntriples, nquads, trig (default: by extension)");
  cmd.add_option("--base", options.base, "base IRI for relative IRIs (default: the file's IRI)");
  cmd.add_option("--graph", options.graph, "load triples into this named graph");
}

void load_data(rdf::QuadStore& store, const std::vector<std::string>& files, const DataOptions& options) {
  rdf::LoadOptions lo;
  if (!options.format.empty()) {
    lo.syntax = rdf::syntax_from_name(options.format);
    if (!lo.syntax) throw RangeError("unknown RDF format '" + options.format + "'");
  }
  lo.base_iri = options.base;
  lo.graph = options.graph;
  for (const std::string& file : files) {
    Progress progress(file);
    lo.progress = [&progress](uint64_t n, uint64_t bytes) { progress.update(n, bytes); };
    rdf::load_file(store, file, lo);
  }
}

}  // namespace kikv::cli
