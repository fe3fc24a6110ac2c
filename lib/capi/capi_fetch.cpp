// kikv_fetch: many rows in one call, encoded as text that a binding splits and converts (see
// kikv.h for the encoding). Language bindings cross the C boundary once per batch.
#include "capi/column.hpp"
#include "capi/guard.hpp"
#include "capi/statement.hpp"
#include "rdf/inline_literal.hpp"
#include "rdf/vocab.hpp"

using kikv::capi::Statement;
using kikv::rdf::IdTag;
using kikv::rdf::TermId;

namespace {

namespace vocab = kikv::rdf::vocab;
namespace xsd = kikv::rdf::xsd;

constexpr char kRowEnd = '\x1e';
constexpr char kValueSep = '\x1f';
constexpr char kInnerSep = '\x1d';
constexpr char kEscape = '\x1b';

void put_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    if (c >= kEscape && c <= kValueSep) {
      out += kEscape;
      out += static_cast<char>(c + 0x20);
    } else {
      out += c;
    }
  }
}

/// The tag character for a literal of a datatype kikv_fetch converts, if its lexical form is
/// valid; 'T' otherwise.
char literal_tag(TermId id, TermId dt, std::string_view lexical) {
  const IdTag tag = kikv::rdf::id_tag(id);
  if (dt == vocab::kXsdInteger) return tag == IdTag::Integer || xsd::parse_integer(lexical) ? 'i' : 'T';
  if (dt == vocab::kXsdDecimal) return tag == IdTag::Decimal || xsd::parse_decimal(lexical) ? 'd' : 'T';
  if (dt == vocab::kXsdDouble) return xsd::parse_double(lexical) ? 'f' : 'T';
  if (dt == vocab::kXsdBoolean) return tag == IdTag::Boolean || xsd::parse_boolean(lexical) ? 'b' : 'T';
  if (dt == vocab::kXsdDate) {
    auto t = tag == IdTag::Date ? std::optional<xsd::Temporal>(kikv::rdf::inline_temporal(id))
                                : xsd::parse_temporal(xsd::TemporalKind::Date, lexical);
    return t && !t->has_tz && t->year >= 1 && t->year <= 9999 ? 'D' : 'T';
  }
  return 'T';
}

void encode_row(Statement& s, std::string& out, std::string& scratch) {
  const auto& terms = s.run->terms();
  for (size_t i = 0; i < s.row.size(); ++i) {
    if (i) out += kValueSep;
    const TermId id = s.row[i];
    if (id == kikv::rdf::kNoTerm) continue;
    if (kikv::rdf::is_iri(id)) {
      out += 'I';
      put_escaped(out, terms.view(id, scratch));
    } else if (kikv::rdf::is_blank(id)) {
      out += 'B';
      put_escaped(out, terms.view(id, scratch));
    } else {
      const TermId dt = terms.datatype(id);
      const std::string_view lexical = terms.view(id, scratch);
      if (dt == vocab::kXsdString) {
        out += 's';
      } else if (dt == vocab::kRdfLangString) {
        out += 'L';
        put_escaped(out, terms.lang(id));
        out += kInnerSep;
      } else {
        const char tag = literal_tag(id, dt, lexical);
        out += tag;
        if (tag == 'T') {
          std::string dt_scratch;
          put_escaped(out, terms.view(dt, dt_scratch));
          out += kInnerSep;
        }
      }
      put_escaped(out, lexical);
    }
  }
  out += kRowEnd;
}

}  // namespace

extern "C" {

int kikv_fetch(kikv_stmt* st, int max_rows, const char** data, int64_t* bytes, int* rows) {
  if (data) *data = nullptr;
  if (bytes) *bytes = 0;
  if (rows) *rows = 0;
  int result = KIKV_MISUSE;
  const int rc = kikv::capi::stmt_guard(st, "kikv_fetch", [&] {
    if (!data || !bytes || !rows) return kikv::capi::set_error(st->db, KIKV_MISUSE, "kikv_fetch: NULL argument");
    if (max_rows < 1) return kikv::capi::set_error(st->db, KIKV_RANGE, "kikv_fetch: max_rows must be at least 1");
    Statement& s = *st->s;
    s.fetch_buffer.clear();
    std::string scratch;
    int n = 0;
    result = KIKV_ROW;
    while (n < max_rows) {
      if (kikv::capi::advance(*st) == KIKV_DONE) {
        result = KIKV_DONE;
        break;
      }
      encode_row(s, s.fetch_buffer, scratch);
      ++n;
    }
    s.has_row = false;
    *data = s.fetch_buffer.data();
    *bytes = static_cast<int64_t>(s.fetch_buffer.size());
    *rows = n;
    return KIKV_OK;
  });
  return rc == KIKV_OK ? result : rc;
}

}  // extern "C"
