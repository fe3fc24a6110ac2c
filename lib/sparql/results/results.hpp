// SPARQL query results as values, and their serialisations: the W3C JSON, XML, CSV and TSV
// result formats (writers and readers), the RDF result-set vocabulary of the W3C test suites
// (rs:ResultSet, from triples or from RDF/XML), and result comparison as the W3C SPARQL test
// suites define it (multiset of rows, blank nodes up to one consistent bijection).
//
// Works on rdf::Term values (strings), not on term ids: it sits at the edge of the engine, used
// by the executor's output stage, the CLI, the C API and the W3C test runner.
//
// Specifications: SPARQL 1.1 Query Results JSON Format (REC 2013-03-21), SPARQL Query Results
// XML Format (Second Edition, REC 2013-03-21), SPARQL 1.1 Query Results CSV and TSV Formats
// (REC 2013-03-21). Where they leave room (ASK in CSV/TSV, number abbreviation in TSV, blank node
// labels) the output follows Apache Jena 4.5, the KIK-V reference engine; see TsvStyle.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rdf/term.hpp"

namespace kikv::sparql::results {

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/// SELECT results (a table of bindings) or an ASK answer (one boolean).
enum class ResultKind : uint8_t { Bindings, Boolean };

/// One solution: one entry per variable of the table, std::nullopt where the variable is unbound.
using Row = std::vector<std::optional<rdf::Term>>;

/// A complete query result as a value. For Bindings every row has variables.size() entries.
struct ResultTable {
  ResultKind kind = ResultKind::Bindings;
  std::vector<std::string> variables;  ///< names without '?' or '$'
  std::vector<Row> rows;
  bool boolean = false;  ///< the ASK answer (kind == Boolean)
  /// True when the source states a row order (rs:index in the RDF result-set vocabulary). The
  /// formats with an implicit order (JSON, XML, CSV, TSV) leave it false: whether order matters
  /// is then the query's business (ORDER BY).
  bool ordered = false;

  static ResultTable make_boolean(bool value);
  static ResultTable make_bindings(std::vector<std::string> variables, std::vector<Row> rows = {});

  /// Index of a variable, or std::nullopt.
  std::optional<size_t> column(std::string_view variable) const;

  /// Exact structural equality (same variable order, same row order, same blank node labels).
  /// For test-suite equality use compare().
  friend bool operator==(const ResultTable&, const ResultTable&) = default;
};

// ---------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------

enum class Format : uint8_t { Json, Xml, Csv, Tsv };

/// "application/sparql-results+json", "application/sparql-results+xml", "text/csv",
/// "text/tab-separated-values".
std::string_view media_type(Format format);
/// Usual file extension without the dot: "srj", "srx", "csv", "tsv".
std::string_view file_extension(Format format);
/// Format from a short name ("json", "xml", "csv", "tsv", "srj", "srx"), a file extension with
/// or without the dot, or a media type (parameters such as "; charset=utf-8" are ignored).
/// Case-insensitive. std::nullopt when unknown.
std::optional<Format> parse_format(std::string_view name);

/// How TSV writes RDF terms and ASK answers. Both styles are valid SPARQL 1.1 TSV.
enum class TsvStyle : uint8_t {
  /// The form the KIK-V peer harness prints (`peers/run jena`), byte for byte: every literal in
  /// full N-Triples form ("1"^^<http://www.w3.org/2001/XMLSchema#integer>, never abbreviated),
  /// other control characters escaped as \uXXXX, ASK answered by the single line `true` or
  /// `false` (no header). This is what `kikv query --format tsv` prints.
  Full,
  /// Apache Jena's own TSV writer (ResultSetFormatter.outputAsTSV), byte for byte: integers,
  /// decimals, doubles and booleans abbreviated when their lexical form is valid Turtle number
  /// or boolean syntax (42, 4.50, 1.0E6, true; the spec's "should" for numbers), only \t \n \r
  /// \f " \ escaped, ASK as the header `?_askResult` and one row `true` or `false`.
  Abbreviated,
};

/// Blank node labels in the output.
enum class BlankLabels : uint8_t {
  /// b0, b1 ... in order of first appearance in this result (as Jena and the peer harness do).
  /// Deterministic and independent of the engine's internal labels.
  Relabel,
  /// The term's own label, verbatim (the caller guarantees it is valid in the format).
  Keep,
};

struct WriteOptions {
  TsvStyle tsv_style = TsvStyle::Full;
  BlankLabels blank_labels = BlankLabels::Relabel;
  /// Bytes buffered before the sink is called (the writer always flushes at end()/boolean()).
  size_t buffer_size = 64 * 1024;
};

/// Receives output bytes from a writer.
using Sink = std::function<void(std::string_view)>;

// ---------------------------------------------------------------------------------------------
// Writers
// ---------------------------------------------------------------------------------------------

/// Streaming writer for one result: begin(vars), row()*, end() for SELECT; or boolean() alone
/// for ASK. Calling out of order throws MisuseError. Not thread-safe.
class ResultWriter {
 public:
  virtual ~ResultWriter();
  ResultWriter(const ResultWriter&) = delete;
  ResultWriter& operator=(const ResultWriter&) = delete;

  /// Starts a table with these variable names (without '?').
  void begin(std::span<const std::string> variables);
  /// One solution: values.size() must equal the number of variables (RangeError otherwise).
  void row(std::span<const std::optional<rdf::Term>> values);
  /// The same with borrowed terms, nullptr for unbound: lets a caller that holds its terms
  /// elsewhere (a dictionary) write a row without copying them.
  void row(std::span<const rdf::Term* const> values);
  /// Finishes the table and flushes.
  void end();
  /// Writes a complete ASK result and flushes. Only on a fresh writer.
  void boolean(bool value);

  Format format() const noexcept { return format_; }

 protected:
  ResultWriter(Format format, Sink sink, const WriteOptions& options);

  virtual void do_begin() = 0;
  /// values.size() == variables().size(); nullptr for unbound.
  virtual void do_row(std::span<const rdf::Term* const> values) = 0;
  virtual void do_end() = 0;
  virtual void do_boolean(bool value) = 0;

  /// The label to write for a blank node (see BlankLabels), without "_:".
  std::string_view blank_label(const std::string& label);
  /// Appends to the output buffer; hands full buffers to the sink.
  void put(std::string_view bytes) {
    out_ += bytes;
    if (out_.size() >= options_.buffer_size) flush();
  }
  void put(char c) {
    out_ += c;
    if (out_.size() >= options_.buffer_size) flush();
  }
  void flush();

  const std::vector<std::string>& variables() const noexcept { return variables_; }
  const WriteOptions& options() const noexcept { return options_; }

 private:
  enum class State : uint8_t { Fresh, InTable, Done };
  Format format_;
  Sink sink_;
  WriteOptions options_;
  State state_ = State::Fresh;
  std::vector<std::string> variables_;
  std::string out_;
  std::vector<const rdf::Term*> pointers_;
  std::unordered_map<std::string, std::string> blank_map_;
};

/// A writer for `format` that hands its bytes to `sink`.
std::unique_ptr<ResultWriter> make_writer(Format format, Sink sink, const WriteOptions& options = {});
/// A writer for `format` that writes to `out` (which must outlive the writer).
std::unique_ptr<ResultWriter> make_writer(Format format, std::ostream& out,
                                          const WriteOptions& options = {});

/// Writes a whole table (Bindings or Boolean).
void write(const ResultTable& table, Format format, std::ostream& out,
           const WriteOptions& options = {});
void write(const ResultTable& table, Format format, const Sink& sink,
           const WriteOptions& options = {});
/// The whole serialisation as a string.
std::string to_string(const ResultTable& table, Format format, const WriteOptions& options = {});

/// One term as TSV writes it (blank node label kept): N-Triples/Turtle syntax per `style`.
std::string format_tsv_term(const rdf::Term& term, TsvStyle style = TsvStyle::Full);
/// One term as a CSV field value before quoting: the IRI, the lexical form, or "_:label".
std::string csv_value(const rdf::Term& term);

// ---------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------
// All readers throw kikv::SyntaxError (with `source` and line:column where known) on malformed
// input. Literals without datatype become xsd:string, language-tagged ones rdf:langString.

/// SPARQL 1.1 JSON results (.srj). Also accepts the SPARQL 1.0-era "typed-literal" type.
ResultTable read_json(std::string_view text, std::string_view source = {});
/// SPARQL XML results (.srx).
ResultTable read_xml(std::string_view text, std::string_view source = {});
/// SPARQL 1.1 TSV (.tsv): Turtle term syntax incl. abbreviated numbers and booleans. A document
/// that is just `true`/`false` (TsvStyle::Full) or the header `?_askResult` with a single row
/// `true`/`false` (TsvStyle::Abbreviated) reads as an ASK answer. Accepts LF and CRLF.
ResultTable read_tsv(std::string_view text, std::string_view source = {});
/// SPARQL 1.1 CSV (.csv), RFC 4180 quoting, LF or CRLF. CSV is lossy, so cells are read as:
/// empty -> unbound (CSV does not distinguish the empty string), "_:label" -> blank node,
/// anything else -> an xsd:string literal. Compare against engine output with compare_csv().
/// The header `_askResult` with one row `true`/`false` reads as an ASK answer.
ResultTable read_csv(std::string_view text, std::string_view source = {});
/// Dispatch on format.
ResultTable read(std::string_view text, Format format, std::string_view source = {});
/// Reads a results file, choosing the reader by extension: .srj/.json, .srx/.xml, .tsv, .csv,
/// .rdf (RDF/XML result set, see read_rdf_xml). Throws IoError if unreadable, UnsupportedError
/// for other extensions (Turtle .ttl needs a Turtle parser: parse it, then use from_rdf()).
ResultTable read_file(const std::string& path);

/// Parses one TSV field (a term in Turtle syntax without prefixes). Throws SyntaxError.
rdf::Term parse_tsv_term(std::string_view field);

/// One RDF triple as subject, predicate, object.
using Triple = std::array<rdf::Term, 3>;

/// Namespace of the W3C result-set vocabulary (rs:).
inline constexpr std::string_view kResultSetNs =
    "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";

/// Builds a table from triples in the result-set vocabulary (the .ttl results of the W3C
/// suites): the one rs:ResultSet node, its rs:resultVariable names, rs:solution / rs:binding /
/// rs:variable / rs:value, or rs:boolean. Solutions with rs:index are sorted by it and the table
/// is marked `ordered`. Throws SyntaxError if the triples do not describe exactly one result set.
ResultTable from_rdf(std::span<const Triple> triples);
/// Reads an RDF/XML document describing a result set (the .rdf results of the W3C suites).
/// Supports the RDF/XML used there: node and property elements, rdf:about/rdf:nodeID/rdf:ID,
/// rdf:resource, rdf:datatype, xml:lang, xml:base, rdf:parseType="Resource", property
/// attributes. Other RDF/XML features throw UnsupportedError. `base` resolves relative IRIs.
ResultTable read_rdf_xml(std::string_view text, std::string_view source = {},
                         std::string_view base = {});
/// The triples of such an RDF/XML document (same subset as read_rdf_xml).
std::vector<Triple> parse_rdf_xml(std::string_view text, std::string_view source = {},
                                  std::string_view base = {});

// ---------------------------------------------------------------------------------------------
// Comparison (W3C test-suite equality)
// ---------------------------------------------------------------------------------------------

struct CompareOptions {
  /// Rows must be in the same sequence; otherwise the tables are compared as multisets.
  bool ordered = false;
  /// Numeric literals (xsd:integer and its derived types as one family; xsd:decimal, xsd:float,
  /// xsd:double each a family of their own) of the same family compare by value: "01" = "1",
  /// "1.0E6"^^xsd:double = "1e6"^^xsd:double. Used when the expected side comes from TSV or
  /// other sources that do not keep lexical forms. Lexical forms that do not parse still
  /// compare as strings.
  bool numeric_by_value = false;
  /// The variable sets must be equal (order never matters; columns are matched by name).
  bool check_variables = true;
  /// How many differing rows the report lists per side.
  size_t max_report_rows = 10;
  /// Bound on the blank-node matcher's search steps; beyond it the tables are reported unequal
  /// with a message saying the search gave up.
  uint64_t max_search_steps = 10'000'000;
};

/// std::nullopt when `actual` equals `expected` under the W3C rules: same kind, same boolean,
/// same variables, rows equal as multisets (or sequences when ordered), every non-blank term
/// equal as an RDF term (lexical form, datatype, language tag compared case-insensitively;
/// xsd:string = simple literal) and blank nodes equal up to one bijection between the blank
/// nodes of `expected` and those of `actual` that holds across the whole result. Otherwise a
/// readable description of the difference.
std::optional<std::string> compare(const ResultTable& expected, const ResultTable& actual,
                                   const CompareOptions& options = {});

/// `actual` as a CSV reader would see it after writing it as CSV: IRIs and literals become
/// xsd:string literals of their CSV value, empty strings become unbound, blank nodes stay blank.
ResultTable to_csv_view(const ResultTable& actual);
/// compare() for an expected result read from CSV (read_csv): compares the CSV view of `actual`.
std::optional<std::string> compare_csv(const ResultTable& expected_csv, const ResultTable& actual,
                                       const CompareOptions& options = {});

/// A row or term rendered for diagnostics (TSV term syntax; "UNDEF" for unbound).
std::string describe(const std::optional<rdf::Term>& term);

}  // namespace kikv::sparql::results
