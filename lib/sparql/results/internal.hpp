// Declarations shared by the result-format implementation files. Not part of the public API.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "rdf/error.hpp"
#include "sparql/results/results.hpp"

namespace kikv::sparql::results::detail {

std::unique_ptr<ResultWriter> make_json_writer(Sink sink, const WriteOptions& options);
std::unique_ptr<ResultWriter> make_xml_writer(Sink sink, const WriteOptions& options);
std::unique_ptr<ResultWriter> make_csv_writer(Sink sink, const WriteOptions& options);
std::unique_ptr<ResultWriter> make_tsv_writer(Sink sink, const WriteOptions& options);

/// 1-based line and column (in bytes) of `offset` in `text`.
struct Position {
  uint64_t line = 0;
  uint64_t column = 0;
};
Position position_of(std::string_view text, size_t offset);

/// Throws SyntaxError at `offset` of `text`.
[[noreturn]] void fail_at(std::string_view text, size_t offset, const std::string& message,
                          std::string_view source);
/// Throws SyntaxError without a position.
[[noreturn]] void fail(const std::string& message, std::string_view source);

/// Decodes one UTF-8 sequence at text[i]; returns the code point and advances i, or returns
/// std::nullopt (i unchanged) for an invalid, overlong or surrogate sequence.
std::optional<char32_t> decode_utf8(std::string_view text, size_t& i);
void append_utf8(std::string& out, char32_t cp);
/// Offset of the first invalid UTF-8 byte, or npos.
size_t find_invalid_utf8(std::string_view text);

/// True if `name` is acceptable as a SPARQL variable name (VARNAME, ASCII-lenient for
/// non-ASCII characters).
bool is_valid_variable_name(std::string_view name);

/// Literal datatype with the empty string read as xsd:string.
inline std::string_view datatype_of(const rdf::Term& t) {
  return t.datatype.empty() ? rdf::iri::kXsdString : std::string_view(t.datatype);
}

/// The common final checks of every reader: rows have the table's width.
void check_table(const ResultTable& table, std::string_view source);

}  // namespace kikv::sparql::results::detail
