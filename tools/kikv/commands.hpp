// Each subcommand of the kikv program registers itself on the CLI11 app and runs when chosen.
#pragma once

#include <CLI/CLI.hpp>

namespace kikv::cli {

/// Registers `kikv load`.
void add_load_command(CLI::App& app);
/// Registers `kikv convert`.
void add_convert_command(CLI::App& app);
/// Registers `kikv query`.
void add_query_command(CLI::App& app);

}  // namespace kikv::cli
