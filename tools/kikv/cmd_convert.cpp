// kikv convert [--to FORMAT] [-o OUT] DATA...: re-serialise RDF.
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "data_loading.hpp"
#include "rdf/error.hpp"
#include "rdf/rdf_writer.hpp"

namespace kikv::cli {

void add_convert_command(CLI::App& app) {
  struct Options {
    std::vector<std::string> files;
    DataOptions data;
    std::string to = "ntriples";
    std::string out;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("convert", "Convert RDF between Turtle, N-Triples, N-Quads and TriG");
  cmd->add_option("DATA", opts->files, "RDF files to read")->required();
  cmd->add_option("--to,-t", opts->to, "output syntax: ntriples, nquads, turtle, trig")
      ->capture_default_str();
  cmd->add_option("--out,-o", opts->out, "output file (default: standard output)");
  add_data_options(*cmd, opts->data);
  cmd->callback([opts] {
    const auto syntax = rdf::syntax_from_name(opts->to);
    if (!syntax) throw RangeError("unknown output format '" + opts->to + "'");
    rdf::QuadStore store;
    load_data(store, opts->files, opts->data);
    rdf::WriteOptions wo;
    wo.prefixes = rdf::default_prefixes();
    // Triple syntaxes cannot name graphs: write every graph's statements as triples.
    wo.merge_graphs = true;
    if (opts->out.empty()) {
      rdf::write(store, *syntax, std::cout, wo);
    } else {
      std::ofstream file(opts->out, std::ios::binary);
      if (!file) throw IoError("cannot write " + opts->out);
      rdf::write(store, *syntax, file, wo);
    }
  });
}

}  // namespace kikv::cli
