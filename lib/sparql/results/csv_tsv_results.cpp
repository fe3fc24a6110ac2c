// SPARQL 1.1 Query Results CSV and TSV Formats (W3C REC 2013-03-21): writers and readers.
//
// CSV: header of names, one record per solution, RFC 4180 quoting (fields containing '"', ',',
// LF or CR are quoted, '"' doubled), CRLF record ends, terms as plain strings (IRI, lexical
// form, _:label). TSV: header of ?names, terms in Turtle syntax, LF line ends.
// ASK answers are outside the spec; see TsvStyle and the CSV writer below (as Jena writes them).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "rdf/error.hpp"
#include "sparql/results/internal.hpp"
#include "sparql/results/results.hpp"

namespace kikv::sparql::results {
namespace {

using detail::datatype_of;

constexpr std::string_view kAskVariable = "_askResult";  // Jena's header for ASK in CSV/TSV

// ---------------------------------------------------------------------------------------------
// Term formatting
// ---------------------------------------------------------------------------------------------

void append_hex4(std::string& out, unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04X", v & 0xFFFFu);
  out += buf;
}

/// Characters not allowed raw in an IRIREF are written as UCHAR escapes, so that even a broken
/// IRI cannot break the line structure. Valid IRIs are written unchanged.
void append_iri(std::string& out, std::string_view iri) {
  out += '<';
  for (char ch : iri) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || ch == '<' || ch == '>' || ch == '"' || ch == '{' || ch == '}' || ch == '|' ||
        ch == '^' || ch == '`' || ch == '\\') {
      append_hex4(out, c);
    } else {
      out += ch;
    }
  }
  out += '>';
}

/// String escaping of the peer harness (N-Triples ECHARs for \ " \n \r \t; other C0 controls and
/// DEL as \uXXXX with upper-case hex).
void append_string_full(std::string& out, std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          append_hex4(out, c);
        } else {
          out += ch;
        }
    }
  }
}

/// String escaping of Jena's TSV writer: \t \n \r \f " \ escaped; other characters raw.
void append_string_jena(std::string& out, std::string_view s) {
  for (char ch : s) {
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\f': out += "\\f"; break;
      default: out += ch;
    }
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Turtle INTEGER: [+-]? [0-9]+
bool turtle_integer(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (!is_digit(s[i])) return false;
  }
  return true;
}

/// Turtle DECIMAL: [+-]? [0-9]* '.' [0-9]+
bool turtle_decimal(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == s.size() || s[i] != '.') return false;
  ++i;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (!is_digit(s[i])) return false;
  }
  return true;
}

/// Turtle DOUBLE: [+-]? ([0-9]+ '.' [0-9]* EXPONENT | '.' [0-9]+ EXPONENT | [0-9]+ EXPONENT)
bool turtle_double(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  size_t int_digits = 0;
  size_t frac_digits = 0;
  while (i < s.size() && is_digit(s[i])) {
    ++i;
    ++int_digits;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) {
      ++i;
      ++frac_digits;
    }
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i == s.size() || (s[i] != 'e' && s[i] != 'E')) return false;
  ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (!is_digit(s[i])) return false;
  }
  return true;
}

/// True if Jena's Turtle node formatter writes this typed literal without quotes.
bool abbreviates(std::string_view lexical, std::string_view datatype) {
  using namespace rdf::iri;
  if (datatype == kXsdInteger) return turtle_integer(lexical);
  if (datatype == kXsdDecimal) return turtle_decimal(lexical);
  if (datatype == kXsdDouble) return turtle_double(lexical);
  if (datatype == kXsdBoolean) return lexical == "true" || lexical == "false";
  return false;
}

void append_tsv_term(std::string& out, const rdf::Term& t, TsvStyle style,
                     std::string_view blank_label) {
  switch (t.kind) {
    case rdf::TermKind::Iri:
      append_iri(out, t.value);
      return;
    case rdf::TermKind::Blank:
      out += "_:";
      out += blank_label;
      return;
    case rdf::TermKind::Literal:
      break;
  }
  const std::string_view dt = datatype_of(t);
  if (style == TsvStyle::Abbreviated && t.lang.empty() && abbreviates(t.value, dt)) {
    out += t.value;
    return;
  }
  out += '"';
  if (style == TsvStyle::Full) {
    append_string_full(out, t.value);
  } else {
    append_string_jena(out, t.value);
  }
  out += '"';
  if (!t.lang.empty()) {
    out += '@';
    out += t.lang;
  } else if (dt != rdf::iri::kXsdString) {
    out += "^^";
    append_iri(out, dt);
  }
}

void append_csv_field(std::string& out, std::string_view value) {
  if (value.find_first_of("\",\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// ---------------------------------------------------------------------------------------------
// Writers
// ---------------------------------------------------------------------------------------------

class TsvWriter final : public ResultWriter {
 public:
  TsvWriter(Sink sink, const WriteOptions& options)
      : ResultWriter(Format::Tsv, std::move(sink), options) {}

 private:
  void do_begin() override {
    line_.clear();
    for (size_t i = 0; i < variables().size(); ++i) {
      if (i > 0) line_ += '\t';
      line_ += '?';
      line_ += variables()[i];
    }
    line_ += '\n';
    put(line_);
  }
  void do_row(std::span<const rdf::Term* const> values) override {
    line_.clear();
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) line_ += '\t';
      if (!values[i]) continue;
      const rdf::Term& t = *values[i];
      append_tsv_term(line_, t, options().tsv_style,
                      t.is_blank() ? blank_label(t.value) : std::string_view());
    }
    line_ += '\n';
    put(line_);
  }
  void do_end() override {}
  void do_boolean(bool value) override {
    if (options().tsv_style == TsvStyle::Abbreviated) {
      put("?");
      put(kAskVariable);
      put('\n');
    }
    put(value ? "true\n" : "false\n");
  }

  std::string line_;
};

class CsvWriter final : public ResultWriter {
 public:
  CsvWriter(Sink sink, const WriteOptions& options)
      : ResultWriter(Format::Csv, std::move(sink), options) {}

 private:
  void do_begin() override {
    line_.clear();
    for (size_t i = 0; i < variables().size(); ++i) {
      if (i > 0) line_ += ',';
      line_ += variables()[i];
    }
    line_ += "\r\n";
    put(line_);
  }
  void do_row(std::span<const rdf::Term* const> values) override {
    line_.clear();
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) line_ += ',';
      if (!values[i]) continue;
      const rdf::Term& t = *values[i];
      if (t.is_blank()) {
        std::string value = "_:";
        value += blank_label(t.value);
        append_csv_field(line_, value);
      } else {
        append_csv_field(line_, t.value);
      }
    }
    line_ += "\r\n";
    put(line_);
  }
  void do_end() override {}
  void do_boolean(bool value) override {
    // As Jena's ResultSetFormatter.outputAsCSV(boolean): a one-column table.
    put(kAskVariable);
    put("\r\n");
    put(value ? "true\r\n" : "false\r\n");
  }

  std::string line_;
};

// ---------------------------------------------------------------------------------------------
// Term parsing (TSV fields)
// ---------------------------------------------------------------------------------------------

struct TermError {
  size_t offset;  // within the field
  std::string message;
};

class TermParser {
 public:
  explicit TermParser(std::string_view field) : s_(field) {}

  rdf::Term parse() {
    if (s_.empty()) error(0, "empty term");
    rdf::Term t;
    const char c = s_[0];
    if (c == '<') {
      t = rdf::Term::iri(iri());
    } else if (c == '_') {
      t = blank();
    } else if (c == '"' || c == '\'') {
      t = literal();
    } else if (c == '+' || c == '-' || c == '.' || is_digit(c)) {
      t = number();
    } else if (s_ == "true" || s_ == "false") {
      t = rdf::Term::literal(std::string(s_), std::string(rdf::iri::kXsdBoolean));
      pos_ = s_.size();
    } else {
      error(0, "not an RDF term in Turtle syntax (prefixed names are not allowed in TSV)");
    }
    if (pos_ != s_.size()) error(pos_, "unexpected characters after the term");
    return t;
  }

 private:
  [[noreturn]] void error(size_t offset, std::string message) {
    throw TermError{offset, std::move(message)};
  }

  char32_t hex(size_t at, size_t n) {
    if (at + n > s_.size()) error(at, "truncated \\u escape");
    char32_t v = 0;
    for (size_t k = 0; k < n; ++k) {
      const char h = s_[at + k];
      v <<= 4;
      if (h >= '0' && h <= '9') {
        v |= static_cast<char32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        v |= static_cast<char32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        v |= static_cast<char32_t>(h - 'A' + 10);
      } else {
        error(at + k, "bad hex digit in \\u escape");
      }
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) error(at, "\\u escape is not a character");
    return v;
  }

  /// After '\\' at pos_ (which points at 'u' or 'U'): decodes UCHAR into out.
  void uchar(std::string& out) {
    const bool big = s_[pos_] == 'U';
    const size_t n = big ? 8 : 4;
    detail::append_utf8(out, hex(pos_ + 1, n));
    pos_ += 1 + n;
  }

  std::string iri() {
    std::string out;
    pos_ = 1;
    while (true) {
      if (pos_ >= s_.size()) error(pos_, "unterminated IRI");
      const char ch = s_[pos_];
      const auto c = static_cast<unsigned char>(ch);
      if (ch == '>') {
        ++pos_;
        return out;
      }
      if (ch == '\\') {
        ++pos_;
        if (pos_ < s_.size() && (s_[pos_] == 'u' || s_[pos_] == 'U')) {
          uchar(out);
          continue;
        }
        error(pos_ - 1, "bad escape in IRI");
      }
      if (c <= 0x20 || ch == '<' || ch == '"' || ch == '{' || ch == '}' || ch == '|' ||
          ch == '^' || ch == '`')
        error(pos_, "character not allowed in IRI");
      out += ch;
      ++pos_;
    }
  }

  rdf::Term blank() {
    if (s_.size() < 3 || s_[1] != ':') error(0, "bad blank node (expected _:label)");
    pos_ = 2;
    const size_t start = pos_;
    while (pos_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[pos_]);
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(s_[pos_]) ||
                      c == '_' || c >= 0x80 || (pos_ > start && (c == '-' || c == '.'));
      if (!ok) break;
      ++pos_;
    }
    if (pos_ == start) error(start, "empty blank node label");
    if (s_[pos_ - 1] == '.') error(pos_ - 1, "blank node label ends with '.'");
    return rdf::Term::blank(std::string(s_.substr(start, pos_ - start)));
  }

  rdf::Term literal() {
    const char q = s_[0];
    if (s_.size() >= 3 && s_[1] == q && s_[2] == q)
      error(0, "long (triple-quoted) strings are not allowed in TSV");
    std::string lex;
    pos_ = 1;
    while (true) {
      if (pos_ >= s_.size()) error(pos_, "unterminated string");
      const char ch = s_[pos_];
      if (ch == q) {
        ++pos_;
        break;
      }
      if (ch == '\n' || ch == '\r') error(pos_, "raw line break in string");
      if (ch == '\\') {
        ++pos_;
        if (pos_ >= s_.size()) error(pos_, "unterminated escape");
        const char e = s_[pos_];
        switch (e) {
          case 't': lex += '\t'; break;
          case 'b': lex += '\b'; break;
          case 'n': lex += '\n'; break;
          case 'r': lex += '\r'; break;
          case 'f': lex += '\f'; break;
          case '"': lex += '"'; break;
          case '\'': lex += '\''; break;
          case '\\': lex += '\\'; break;
          case 'u':
          case 'U': uchar(lex); continue;
          default: error(pos_ - 1, std::string("bad escape \\") + e);
        }
        ++pos_;
        continue;
      }
      lex += ch;
      ++pos_;
    }
    if (pos_ < s_.size() && s_[pos_] == '@') {
      const size_t start = ++pos_;
      bool seg_start = true;
      bool first_seg = true;
      while (pos_ < s_.size()) {
        const char c = s_[pos_];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (c == '-') {
          if (seg_start) error(pos_, "bad language tag");
          seg_start = true;
          first_seg = false;
        } else if (alpha || (!first_seg && is_digit(c))) {
          seg_start = false;
        } else {
          break;
        }
        ++pos_;
      }
      if (pos_ == start || seg_start) error(start, "bad language tag");
      return rdf::Term::lang_literal(std::move(lex), std::string(s_.substr(start, pos_ - start)));
    }
    if (pos_ + 1 < s_.size() && s_[pos_] == '^' && s_[pos_ + 1] == '^') {
      pos_ += 2;
      if (pos_ >= s_.size() || s_[pos_] != '<')
        error(pos_, "datatype must be a full IRI <...> (no prefixes in TSV)");
      const std::string_view rest = s_.substr(pos_);
      TermParser sub(rest);
      std::string dt;
      try {
        dt = sub.iri();
      } catch (TermError& e) {
        e.offset += pos_;
        throw;
      }
      pos_ += sub.pos_;
      return rdf::Term::literal(std::move(lex), std::move(dt));
    }
    return rdf::Term::string(std::move(lex));
  }

  rdf::Term number() {
    pos_ = s_.size();
    using namespace rdf::iri;
    if (turtle_integer(s_)) return rdf::Term::literal(std::string(s_), std::string(kXsdInteger));
    if (turtle_decimal(s_)) return rdf::Term::literal(std::string(s_), std::string(kXsdDecimal));
    if (turtle_double(s_)) return rdf::Term::literal(std::string(s_), std::string(kXsdDouble));
    error(0, "bad number");
  }

  std::string_view s_;
  size_t pos_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------

void check_utf8(std::string_view text, std::string_view source) {
  const size_t bad = detail::find_invalid_utf8(text);
  if (bad != std::string_view::npos) detail::fail_at(text, bad, "invalid UTF-8", source);
}

size_t skip_bom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

std::string_view strip_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

std::string format_tsv_term(const rdf::Term& term, TsvStyle style) {
  std::string out;
  append_tsv_term(out, term, style, term.value);
  return out;
}

std::string csv_value(const rdf::Term& term) {
  return term.is_blank() ? "_:" + term.value : term.value;
}

rdf::Term parse_tsv_term(std::string_view field) {
  try {
    return TermParser(field).parse();
  } catch (const TermError& e) {
    throw SyntaxError(e.message, {}, 1, e.offset + 1);
  }
}

ResultTable read_tsv(std::string_view text, std::string_view source) {
  check_utf8(text, source);
  // Lines with their start offsets; a final line break does not start another line.
  std::vector<std::pair<size_t, std::string_view>> lines;
  size_t pos = skip_bom(text);
  if (pos >= text.size()) detail::fail("empty TSV document (no header line)", source);
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.emplace_back(pos, strip_cr(text.substr(pos, nl - pos)));
    pos = nl + 1;
  }

  // ASK: the peer harness form (one line) or Jena's (?_askResult header and one row).
  if (lines.size() == 1 && (lines[0].second == "true" || lines[0].second == "false"))
    return ResultTable::make_boolean(lines[0].second == "true");
  if (lines.size() == 2 && lines[0].second == "?_askResult" &&
      (lines[1].second == "true" || lines[1].second == "false"))
    return ResultTable::make_boolean(lines[1].second == "true");

  ResultTable table;
  const auto [hoff, header] = lines[0];
  if (!header.empty()) {
    size_t start = 0;
    while (true) {
      size_t tab = header.find('\t', start);
      if (tab == std::string_view::npos) tab = header.size();
      const std::string_view v = header.substr(start, tab - start);
      if (v.empty() || (v[0] != '?' && v[0] != '$'))
        detail::fail_at(text, hoff + start, "TSV header: variables must start with '?'", source);
      if (!detail::is_valid_variable_name(v.substr(1)))
        detail::fail_at(text, hoff + start, "TSV header: bad variable name", source);
      table.variables.emplace_back(v.substr(1));
      if (tab == header.size()) break;
      start = tab + 1;
    }
  }
  try {
    detail::check_table(table, source);
  } catch (const SyntaxError&) {
    detail::fail_at(text, hoff, "TSV header: duplicate variable", source);
  }

  const size_t width = table.variables.size();
  for (size_t li = 1; li < lines.size(); ++li) {
    const auto [off, line] = lines[li];
    Row row;
    row.reserve(width);
    if (width == 0) {
      if (!line.empty()) detail::fail_at(text, off, "TSV row has values but no variables", source);
      table.rows.push_back(std::move(row));
      continue;
    }
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) tab = line.size();
      const std::string_view field = line.substr(start, tab - start);
      if (row.size() == width)
        detail::fail_at(text, off + start, "TSV row has more fields than variables", source);
      if (field.empty()) {
        row.emplace_back(std::nullopt);
      } else {
        try {
          row.emplace_back(TermParser(field).parse());
        } catch (const TermError& e) {
          detail::fail_at(text, off + start + e.offset, e.message, source);
        }
      }
      if (tab == line.size()) break;
      start = tab + 1;
    }
    if (row.size() != width)
      detail::fail_at(text, off + line.size(), "TSV row has fewer fields than variables", source);
    table.rows.push_back(std::move(row));
  }
  return table;
}

namespace {

/// RFC 4180 records with the offset of each field (for error positions).
struct CsvRecord {
  std::vector<std::string> fields;
  std::vector<size_t> offsets;
};

std::vector<CsvRecord> parse_csv(std::string_view text, size_t pos, std::string_view source) {
  std::vector<CsvRecord> records;
  CsvRecord rec;
  std::string field;
  size_t field_start = pos;
  auto end_field = [&] {
    rec.fields.push_back(std::move(field));
    rec.offsets.push_back(field_start);
    field.clear();
  };
  auto end_record = [&] {
    end_field();
    records.push_back(std::move(rec));
    rec = CsvRecord{};
  };
  while (pos < text.size()) {
    field_start = pos;
    if (text[pos] == '"') {
      ++pos;
      while (true) {
        if (pos >= text.size()) detail::fail_at(text, field_start, "unterminated quoted field", source);
        if (text[pos] == '"') {
          if (pos + 1 < text.size() && text[pos + 1] == '"') {
            field += '"';
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        field += text[pos++];
      }
    } else {
      while (pos < text.size() && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
        if (text[pos] == '"') detail::fail_at(text, pos, "quote inside an unquoted field", source);
        field += text[pos++];
      }
    }
    // After a field: ',', a line end or the end of the text.
    if (pos >= text.size()) {
      end_record();
      break;
    }
    if (text[pos] == ',') {
      end_field();
      ++pos;
      if (pos >= text.size()) {  // "a," at the very end: a last, empty field
        field_start = pos;
        end_record();
      }
      continue;
    }
    if (text[pos] == '\r') {
      if (pos + 1 >= text.size() || text[pos + 1] != '\n')
        detail::fail_at(text, pos, "CR not followed by LF outside a quoted field", source);
      ++pos;
    }
    if (text[pos] == '\n') {
      ++pos;
      end_record();
      continue;
    }
    detail::fail_at(text, pos, "characters after a closing quote", source);
  }
  return records;
}

rdf::Term csv_cell_term(std::string cell) {
  if (cell.size() > 2 && cell[0] == '_' && cell[1] == ':') return rdf::Term::blank(cell.substr(2));
  return rdf::Term::string(std::move(cell));
}

}  // namespace

ResultTable read_csv(std::string_view text, std::string_view source) {
  check_utf8(text, source);
  const size_t start = skip_bom(text);
  if (start >= text.size()) detail::fail("empty CSV document (no header line)", source);
  std::vector<CsvRecord> records = parse_csv(text, start, source);

  const CsvRecord& header = records[0];
  if (records.size() == 2 && header.fields.size() == 1 && header.fields[0] == kAskVariable &&
      records[1].fields.size() == 1 &&
      (records[1].fields[0] == "true" || records[1].fields[0] == "false"))
    return ResultTable::make_boolean(records[1].fields[0] == "true");

  ResultTable table;
  if (!(header.fields.size() == 1 && header.fields[0].empty())) {
    for (size_t i = 0; i < header.fields.size(); ++i) {
      if (!detail::is_valid_variable_name(header.fields[i]))
        detail::fail_at(text, header.offsets[i], "CSV header: bad variable name", source);
      table.variables.push_back(header.fields[i]);
    }
  }
  try {
    detail::check_table(table, source);
  } catch (const SyntaxError&) {
    detail::fail_at(text, header.offsets[0], "CSV header: duplicate variable", source);
  }
  const size_t width = table.variables.size();
  for (size_t r = 1; r < records.size(); ++r) {
    CsvRecord& rec = records[r];
    Row row;
    if (width == 0) {
      if (rec.fields.size() != 1 || !rec.fields[0].empty())
        detail::fail_at(text, rec.offsets[0], "CSV record has values but no variables", source);
      table.rows.push_back(std::move(row));
      continue;
    }
    if (rec.fields.size() != width)
      detail::fail_at(text, rec.offsets[0],
                      "CSV record has " + std::to_string(rec.fields.size()) + " fields, header has " +
                          std::to_string(width),
                      source);
    row.reserve(width);
    for (std::string& f : rec.fields) {
      if (f.empty()) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(csv_cell_term(std::move(f)));
      }
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

ResultTable to_csv_view(const ResultTable& actual) {
  ResultTable view = actual;
  if (view.kind == ResultKind::Boolean) return view;
  for (Row& row : view.rows) {
    for (std::optional<rdf::Term>& cell : row) {
      if (!cell || cell->is_blank()) continue;
      std::string value = csv_value(*cell);
      if (value.empty()) {
        cell.reset();
      } else {
        cell = csv_cell_term(std::move(value));
      }
    }
  }
  return view;
}

namespace detail {

std::unique_ptr<ResultWriter> make_csv_writer(Sink sink, const WriteOptions& options) {
  return std::make_unique<CsvWriter>(std::move(sink), options);
}

std::unique_ptr<ResultWriter> make_tsv_writer(Sink sink, const WriteOptions& options) {
  return std::make_unique<TsvWriter>(std::move(sink), options);
}

}  // namespace detail
}  // namespace kikv::sparql::results
