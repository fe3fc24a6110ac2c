// kikv query [--param k=v]... [--format tsv|csv|json|xml] [--timeout S] [--explain] QUERY DATA...
#include <chrono>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "commands.hpp"
#include "data_loading.hpp"
#include "rdf/error.hpp"
#include "rdf/rdf_reader.hpp"
#include "rdf/rdf_writer.hpp"
#include "sparql/execute.hpp"
#include "sparql/results/results.hpp"
#include "sparql/sparql.hpp"

namespace kikv::cli {
namespace {

const char* kXsd = "http://www.w3.org/2001/XMLSchema#";

/// A --param value as a term, by the rule of ../shared/peers (what a datastation operator
/// types): integers, decimals and YYYY-MM-DD dates are typed literals, <iri> an IRI, a quoted
/// N-Triples literal ("x"@nl, "5"^^<...>) itself, anything else a plain string.
rdf::Term parse_param_value(const std::string& v) {
  static const std::regex integer("[+-]?[0-9]+"), decimal("[+-]?[0-9]*\\.[0-9]+"),
      date("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  if (std::regex_match(v, integer)) return rdf::Term::literal(v, std::string(kXsd) + "integer");
  if (std::regex_match(v, decimal)) return rdf::Term::literal(v, std::string(kXsd) + "decimal");
  if (std::regex_match(v, date)) return rdf::Term::literal(v, std::string(kXsd) + "date");
  if (v.size() >= 2 && v.front() == '<' && v.back() == '>') return rdf::Term::iri(v.substr(1, v.size() - 2));
  if (v.size() >= 2 && v.front() == '"') {
    // Read the literal with the N-Triples parser: one statement around it.
    rdf::LoadOptions lo;
    lo.syntax = rdf::Syntax::NTriples;
    auto quads = rdf::read_terms_string("<urn:x:s> <urn:x:p> " + v + " .\n", lo, "--param");
    if (quads.size() == 1) return quads[0].o;
  }
  return rdf::Term::string(v);
}

std::string read_text(const std::string& path) {
  if (path == "-") {
    std::ostringstream s;
    s << std::cin.rdbuf();
    return s.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot read query " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

void add_query_command(CLI::App& app) {
  struct Options {
    std::string query;
    std::string text;
    std::vector<std::string> files;
    std::vector<std::string> params;
    std::string format = "tsv";
    double timeout = 0;
    bool rdfs = false;
    bool explain = false;
    bool no_reorder = false;
    bool no_optimize = false;
    DataOptions data;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("query", "Run a SPARQL 1.1 query over RDF files");
  cmd->add_option("QUERY", opts->query, "the query file (- = standard input)");
  cmd->add_option("DATA", opts->files, "RDF files to query");
  cmd->add_option("-e,--query-text", opts->text, "the query text itself (then every argument is data)");
  cmd->add_option("--param,-p", opts->params,
                  "pre-bind ?k to v (integer, decimal, YYYY-MM-DD date, <iri>, \"literal\"^^<dt>, else a string)")
      ->allow_extra_args(false);
  cmd->add_option("--format", opts->format, "results: tsv, csv, json, xml; CONSTRUCT: ntriples, turtle")
      ->capture_default_str();
  cmd->add_option("--timeout", opts->timeout, "stop after this many seconds");
  cmd->add_flag("--rdfs", opts->rdfs, "apply RDFS inference to the data first");
  cmd->add_flag("--explain", opts->explain, "print the algebra and the physical plan instead of results");
  cmd->add_flag("--no-reorder", opts->no_reorder, "keep triple patterns in the order written");
  cmd->add_flag("--no-optimize", opts->no_optimize, "run the algebra as translated (no rewrites)");
  add_data_options(*cmd, opts->data, "--data-format");
  cmd->callback([opts] {
    std::string text;
    std::string source;
    std::vector<std::string> files = opts->files;
    if (!opts->text.empty()) {
      text = opts->text;
      source = "query";
      if (!opts->query.empty()) files.insert(files.begin(), opts->query);
    } else {
      if (opts->query.empty()) throw MisuseError("no query: give QUERY or -e TEXT");
      text = read_text(opts->query);
      source = opts->query;
    }
    if (opts->rdfs) throw UnsupportedError("--rdfs: RDFS inference is not available yet");

    sparql::ParseOptions po;
    po.source = source;
    sparql::Query query = sparql::parse_query(text, po);
    std::map<std::string, rdf::Term> params;
    for (const std::string& p : opts->params) {
      const size_t eq = p.find('=');
      if (eq == std::string::npos || eq == 0) throw MisuseError("--param expects name=value, got '" + p + "'");
      std::string name = p.substr(0, eq);
      if (name[0] == '?' || name[0] == '$') name.erase(0, 1);
      params[name] = parse_param_value(p.substr(eq + 1));
    }
    if (!params.empty()) sparql::bind_parameters(query, params);

    rdf::QuadStore store;
    load_data(store, files, opts->data);

    sparql::ExecuteOptions eo;
    eo.reorder_patterns = !opts->no_reorder;
    if (opts->no_optimize) eo.passes = sparql::PassSet::none();
    if (opts->timeout > 0) eo.timeout = std::chrono::milliseconds(static_cast<int64_t>(opts->timeout * 1000));
    sparql::Execution run(store, query, eo);
    if (opts->explain) {
      std::cout << sparql::to_sse(query) << "\n\noptimised:\n" << run.explain();
      return;
    }

    if (query.form == sparql::QueryForm::Construct || query.form == sparql::QueryForm::Describe) {
      // The result graph as N-Triples (or Turtle): put it in a store of its own and write that.
      rdf::QuadStore graph;
      std::vector<rdf::Quad> quads;
      std::array<rdf::TermId, 3> t;
      while (run.next_triple(t)) {
        quads.push_back(rdf::Quad{rdf::kDefaultGraph, graph.dictionary().intern(run.term(t[0])),
                                  graph.dictionary().intern(run.term(t[1])), graph.dictionary().intern(run.term(t[2]))});
      }
      graph.insert_batch(quads);
      auto syntax = rdf::syntax_from_name(opts->format == "tsv" ? "ntriples" : opts->format);
      if (!syntax) throw RangeError("unknown RDF format '" + opts->format + "' for a graph result");
      rdf::WriteOptions wo;
      wo.prefixes = rdf::default_prefixes();
      for (const auto& [name, iri] : query.prefixes) wo.prefixes[name] = iri;
      rdf::write(graph, *syntax, std::cout, wo);
      return;
    }

    auto format = sparql::results::parse_format(opts->format);
    if (!format) throw RangeError("unknown results format '" + opts->format + "'");
    auto writer = sparql::results::make_writer(*format, std::cout);
    if (query.form == sparql::QueryForm::Ask) {
      writer->boolean(run.ask());
      return;
    }
    writer->begin(run.columns());
    std::vector<rdf::TermId> row;
    std::vector<rdf::Term> terms(run.columns().size());
    std::vector<const rdf::Term*> ptrs(run.columns().size());
    while (run.next(row)) {
      for (size_t i = 0; i < row.size(); ++i) {
        if (row[i] == rdf::kNoTerm) {
          ptrs[i] = nullptr;
        } else {
          terms[i] = run.term(row[i]);
          ptrs[i] = &terms[i];
        }
      }
      writer->row(ptrs);
    }
    writer->end();
  });
}

}  // namespace kikv::cli
