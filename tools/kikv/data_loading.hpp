// Loading data files for CLI commands, with a progress line on a terminal.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "rdf/quad_store.hpp"
#include "rdf/rdf_reader.hpp"

namespace kikv::cli {

struct DataOptions {
  std::string format;  ///< "" = from each file's extension
  std::string base;
  std::string graph;
};

/// Loads every file into the store; throws on the first failure (earlier files stay loaded,
/// the failing one leaves no trace).
void load_data(rdf::QuadStore& store, const std::vector<std::string>& files, const DataOptions& options);

/// Adds --format (or the given name, for commands whose --format means results)/--base/--graph.
void add_data_options(CLI::App& cmd, DataOptions& options, const std::string& format_flag = "--format,-f");

}  // namespace kikv::cli
