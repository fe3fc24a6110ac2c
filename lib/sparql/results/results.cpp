// Common parts of the result formats: the table value, format names, the writer state machine,
// whole-table convenience functions, reader dispatch and small text utilities.
#include "sparql/results/results.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "rdf/error.hpp"
#include "sparql/results/internal.hpp"

namespace kikv::sparql::results {

// ---------------------------------------------------------------------------------------------
// ResultTable
// ---------------------------------------------------------------------------------------------

ResultTable ResultTable::make_boolean(bool value) {
  ResultTable t;
  t.kind = ResultKind::Boolean;
  t.boolean = value;
  return t;
}

ResultTable ResultTable::make_bindings(std::vector<std::string> variables, std::vector<Row> rows) {
  ResultTable t;
  t.variables = std::move(variables);
  t.rows = std::move(rows);
  return t;
}

std::optional<size_t> ResultTable::column(std::string_view variable) const {
  for (size_t i = 0; i < variables.size(); ++i) {
    if (variables[i] == variable) return i;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------

std::string_view media_type(Format format) {
  switch (format) {
    case Format::Json: return "application/sparql-results+json";
    case Format::Xml: return "application/sparql-results+xml";
    case Format::Csv: return "text/csv";
    case Format::Tsv: return "text/tab-separated-values";
  }
  return {};
}

std::string_view file_extension(Format format) {
  switch (format) {
    case Format::Json: return "srj";
    case Format::Xml: return "srx";
    case Format::Csv: return "csv";
    case Format::Tsv: return "tsv";
  }
  return {};
}

std::optional<Format> parse_format(std::string_view name) {
  std::string n;
  for (char c : name.substr(0, name.find(';'))) {
    if (c == ' ' || c == '\t') continue;
    n += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (!n.empty() && n.front() == '.') n.erase(0, 1);
  if (n == "json" || n == "srj" || n == "application/sparql-results+json" ||
      n == "application/json")
    return Format::Json;
  if (n == "xml" || n == "srx" || n == "application/sparql-results+xml" ||
      n == "application/xml" || n == "text/xml")
    return Format::Xml;
  if (n == "csv" || n == "text/csv") return Format::Csv;
  if (n == "tsv" || n == "text/tab-separated-values") return Format::Tsv;
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Writer state machine
// ---------------------------------------------------------------------------------------------

ResultWriter::ResultWriter(Format format, Sink sink, const WriteOptions& options)
    : format_(format), sink_(std::move(sink)), options_(options) {
  if (!sink_) throw MisuseError("result writer: no sink");
  if (options_.buffer_size == 0) options_.buffer_size = 1;
}

ResultWriter::~ResultWriter() = default;

void ResultWriter::begin(std::span<const std::string> variables) {
  if (state_ != State::Fresh) throw MisuseError("result writer: begin() called twice or after boolean()");
  for (const std::string& v : variables) {
    if (!detail::is_valid_variable_name(v))
      throw MisuseError("result writer: invalid variable name '" + v + "' (give names without '?')");
    if (std::count(variables.begin(), variables.end(), v) > 1)
      throw MisuseError("result writer: duplicate variable '" + v + "'");
  }
  variables_.assign(variables.begin(), variables.end());
  state_ = State::InTable;
  do_begin();
}

void ResultWriter::row(std::span<const std::optional<rdf::Term>> values) {
  pointers_.clear();
  for (const std::optional<rdf::Term>& v : values) pointers_.push_back(v ? &*v : nullptr);
  row(std::span<const rdf::Term* const>(pointers_));
}

void ResultWriter::row(std::span<const rdf::Term* const> values) {
  if (state_ != State::InTable) throw MisuseError("result writer: row() outside begin()/end()");
  if (values.size() != variables_.size())
    throw RangeError("result writer: row has " + std::to_string(values.size()) +
                     " values for " + std::to_string(variables_.size()) + " variables");
  do_row(values);
}

void ResultWriter::end() {
  if (state_ != State::InTable) throw MisuseError("result writer: end() without begin()");
  do_end();
  state_ = State::Done;
  flush();
}

void ResultWriter::boolean(bool value) {
  if (state_ != State::Fresh) throw MisuseError("result writer: boolean() on a used writer");
  do_boolean(value);
  state_ = State::Done;
  flush();
}

std::string_view ResultWriter::blank_label(const std::string& label) {
  if (options_.blank_labels == BlankLabels::Keep) return label;
  auto it = blank_map_.find(label);
  if (it == blank_map_.end()) {
    it = blank_map_.emplace(label, "b" + std::to_string(blank_map_.size())).first;
  }
  return it->second;
}

void ResultWriter::flush() {
  if (out_.empty()) return;
  sink_(out_);
  out_.clear();
}

std::unique_ptr<ResultWriter> make_writer(Format format, Sink sink, const WriteOptions& options) {
  switch (format) {
    case Format::Json: return detail::make_json_writer(std::move(sink), options);
    case Format::Xml: return detail::make_xml_writer(std::move(sink), options);
    case Format::Csv: return detail::make_csv_writer(std::move(sink), options);
    case Format::Tsv: return detail::make_tsv_writer(std::move(sink), options);
  }
  throw MisuseError("result writer: unknown format");
}

std::unique_ptr<ResultWriter> make_writer(Format format, std::ostream& out,
                                          const WriteOptions& options) {
  return make_writer(
      format,
      [&out](std::string_view bytes) {
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw IoError("result writer: write failed");
      },
      options);
}

void write(const ResultTable& table, Format format, const Sink& sink, const WriteOptions& options) {
  auto writer = make_writer(format, sink, options);
  if (table.kind == ResultKind::Boolean) {
    writer->boolean(table.boolean);
    return;
  }
  writer->begin(table.variables);
  for (const Row& r : table.rows) writer->row(r);
  writer->end();
}

void write(const ResultTable& table, Format format, std::ostream& out, const WriteOptions& options) {
  auto writer = make_writer(format, out, options);
  if (table.kind == ResultKind::Boolean) {
    writer->boolean(table.boolean);
    return;
  }
  writer->begin(table.variables);
  for (const Row& r : table.rows) writer->row(r);
  writer->end();
}

std::string to_string(const ResultTable& table, Format format, const WriteOptions& options) {
  std::string out;
  write(table, format, [&out](std::string_view bytes) { out += bytes; }, options);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reader dispatch
// ---------------------------------------------------------------------------------------------

ResultTable read(std::string_view text, Format format, std::string_view source) {
  switch (format) {
    case Format::Json: return read_json(text, source);
    case Format::Xml: return read_xml(text, source);
    case Format::Csv: return read_csv(text, source);
    case Format::Tsv: return read_tsv(text, source);
  }
  throw MisuseError("result reader: unknown format");
}

ResultTable read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot open results file " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw IoError("cannot read results file " + path);
  const std::string text = buf.str();
  const size_t dot = path.rfind('.');
  const size_t slash = path.rfind('/');
  std::string ext;
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    ext = path.substr(dot + 1);
    for (char& c : ext) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  if (ext == "rdf") {
    std::error_code ec;
    const auto abs = std::filesystem::absolute(path, ec);
    return read_rdf_xml(text, path, "file://" + (ec ? path : abs.generic_string()));
  }
  auto format = parse_format(ext);
  if (!format) throw UnsupportedError("results file " + path + ": unknown extension '" + ext + "'");
  return read(text, *format, path);
}

// ---------------------------------------------------------------------------------------------
// Utilities
// ---------------------------------------------------------------------------------------------

namespace detail {

Position position_of(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  Position p{1, 1};
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      line_start = i + 1;
    }
  }
  p.column = offset - line_start + 1;
  return p;
}

void fail_at(std::string_view text, size_t offset, const std::string& message,
             std::string_view source) {
  const Position p = position_of(text, offset);
  throw SyntaxError(message, std::string(source), p.line, p.column);
}

void fail(const std::string& message, std::string_view source) {
  throw SyntaxError(message, std::string(source), 0, 0);
}

std::optional<char32_t> decode_utf8(std::string_view text, size_t& i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  size_t len;
  char32_t cp;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    return std::nullopt;
  }
  if (i + len > text.size()) return std::nullopt;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t find_invalid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    if (!decode_utf8(text, i)) return i;
  }
  return std::string_view::npos;
}

bool is_valid_variable_name(std::string_view name) {
  // VARNAME (SPARQL 1.1 grammar [166]) for ASCII; any non-ASCII character is accepted (the
  // grammar's ranges cover nearly all of them and the writers never break on them).
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c >= 0x80;
    if (!ok) return false;
  }
  return find_invalid_utf8(name) == std::string_view::npos;
}

void check_table(const ResultTable& table, std::string_view source) {
  if (table.kind == ResultKind::Boolean) return;
  for (size_t i = 0; i < table.variables.size(); ++i) {
    for (size_t j = i + 1; j < table.variables.size(); ++j) {
      if (table.variables[i] == table.variables[j])
        fail("duplicate variable '" + table.variables[i] + "'", source);
    }
  }
  for (const Row& r : table.rows) {
    if (r.size() != table.variables.size()) fail("row width differs from the header", source);
  }
}

}  // namespace detail
}  // namespace kikv::sparql::results
