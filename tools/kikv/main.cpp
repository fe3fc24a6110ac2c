// kikv: the command-line program. Each subcommand lives in its own cmd_*.cpp.
#include <cstdio>

#include "commands.hpp"
#include "kikv_version.hpp"
#include "rdf/error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"kikv " KIKV_ENGINE_VERSION " — RDF store and SPARQL 1.1 engine for KIK-V datastations"};
  app.set_version_flag("--version", std::string("kikv ") + KIKV_ENGINE_VERSION);
  app.require_subcommand(1);
  kikv::cli::add_load_command(app);
  kikv::cli::add_convert_command(app);
  kikv::cli::add_query_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const kikv::Error& e) {
    std::fprintf(stderr, "kikv: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kikv: %s\n", e.what());
    return 1;
  }
  return 0;
}
