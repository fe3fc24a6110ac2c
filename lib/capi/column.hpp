// Reading values of the current row, shared by kikv_column_* and kikv_fetch.
#pragma once

#include <optional>
#include <string>

#include "capi/db.hpp"
#include "rdf/xsd.hpp"

namespace kikv::capi {

namespace xsd = rdf::xsd;

/// KIKV_OK if `column` exists and a row is current; otherwise records and returns the error.
int check_column(kikv_stmt* st, int column, const char* fn);
/// The IRI / label / lexical form of a column of the current row (cached for the row).
const std::string& cell_text(Statement& s, int column);
/// The date of an xsd:date or xsd:dateTime literal.
std::optional<xsd::Temporal> date_value(const Statement& s, rdf::TermId id, std::string& scratch);
/// The value of an xsd:boolean literal with a valid lexical form.
std::optional<bool> boolean_value(const Statement& s, rdf::TermId id, std::string& scratch);

}  // namespace kikv::capi
