// Reading values of the current row, shared by kikv_column_* and kikv_fetch.
#pragma once

#include <optional>
#include <string>

#include "capi/db.hpp"
#include "rdf/xsd.hpp"

namespace kikv::capi {

namespace xsd = rdf::xsd;

/// Records and returns the error for a column that does not exist or a missing row.
int column_error(kikv_stmt* st, int column, const char* fn);

/// KIKV_OK if `column` exists and a row is current; otherwise records and returns the error.
inline int check_column(kikv_stmt* st, int column, const char* fn) {
  const Statement& s = *st->s;
  if (column >= 0 && static_cast<size_t>(column) < s.columns.size() && s.has_row) [[likely]]
    return KIKV_OK;
  return column_error(st, column, fn);
}

/// The IRI / label / lexical form of a column of the current row (cached for the row).
inline const std::string& cell_text(Statement& s, int column) {
  Statement::Cell& c = s.cells[static_cast<size_t>(column)];
  if (c.text_row != s.row_number) {
    const rdf::TermId id = s.row[static_cast<size_t>(column)];
    if (id != rdf::kNoTerm) c.text.assign(s.run->terms().view(id, c.text_scratch));
    else c.text.clear();
    c.text_row = s.row_number;
  }
  return c.text;
}
/// The date of an xsd:date or xsd:dateTime literal.
std::optional<xsd::Temporal> date_value(const Statement& s, rdf::TermId id, std::string& scratch);
/// The value of an xsd:boolean literal with a valid lexical form.
std::optional<bool> boolean_value(const Statement& s, rdf::TermId id, std::string& scratch);

}  // namespace kikv::capi
