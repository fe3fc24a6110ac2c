#include "sparql/eval/term_table.hpp"

#include <algorithm>

#include "rdf/error.hpp"
#include "rdf/inline_literal.hpp"
#include "rdf/varint.hpp"
#include "rdf/vocab.hpp"

namespace kikv::sparql {

using rdf::IdTag;

namespace {

void append_varint(std::string& out, uint64_t v) {
  uint8_t buf[rdf::kMaxVarintBytes];
  out.append(reinterpret_cast<const char*>(buf), rdf::encode_varint(v, buf));
}

/// Decoded local literal key.
struct LocalLiteral {
  TermId datatype;
  std::string_view lang;
  std::string_view lexical;
};

LocalLiteral decode_local(std::string_view key) {
  const auto* p = reinterpret_cast<const uint8_t*>(key.data());
  uint64_t dt = 0, lang_len = 0;
  size_t n = rdf::decode_varint(p, dt);
  n += rdf::decode_varint(p + n, lang_len);
  return LocalLiteral{dt, key.substr(n, static_cast<size_t>(lang_len)),
                      key.substr(n + static_cast<size_t>(lang_len))};
}

}  // namespace

TermId TermTable::intern_iri(std::string_view iri) {
  if (auto id = dict_.find_iri(iri)) return *id;
  return rdf::make_id(IdTag::LocalIri, iris_.intern(iri));
}

TermId TermTable::intern_literal(std::string_view lexical, TermId datatype, std::string_view lang) {
  if (!lang.empty()) datatype = rdf::vocab::kRdfLangString;
  if (rdf::id_tag(datatype) == IdTag::Iri) {
    // A store datatype: the literal may be inline or already in the store.
    if (auto id = dict_.find_literal(lexical, datatype, lang)) return *id;
  }
  key_.clear();
  append_varint(key_, datatype);
  if (std::any_of(lang.begin(), lang.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    std::string lower(lang);
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (dict_.lang_display(lower) == lower) lang_display_.emplace(lower, std::string(lang));
  }
  append_varint(key_, lang.size());
  for (char c : lang) key_ += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  key_.append(lexical);
  return rdf::make_id(IdTag::LocalLiteral, literals_.intern(key_));
}

TermId TermTable::intern_literal(std::string_view lexical, std::string_view datatype_iri,
                                 std::string_view lang) {
  const TermId dt = lang.empty() ? intern_iri(datatype_iri.empty()
                                                  ? std::string_view(rdf::iri::kXsdString)
                                                  : datatype_iri)
                                 : rdf::vocab::kRdfLangString;
  return intern_literal(lexical, dt, lang);
}

TermId TermTable::intern(const rdf::Term& term) {
  switch (term.kind) {
    case rdf::TermKind::Iri: return intern_iri(term.value);
    case rdf::TermKind::Literal: return intern_literal(term.value, term.datatype, term.lang);
    case rdf::TermKind::Blank:
      if (auto id = dict_.find(term)) return *id;
      return new_blank();
  }
  return rdf::kNoTerm;
}

TermId TermTable::new_blank() { return rdf::make_id(IdTag::LocalBlank, blanks_++); }

void TermTable::append_value(TermId id, std::string& out) const {
  switch (rdf::id_tag(id)) {
    case IdTag::LocalIri: out.append(iris_.get(rdf::id_payload(id))); break;
    case IdTag::LocalLiteral: out.append(decode_local(literals_.get(rdf::id_payload(id))).lexical); break;
    case IdTag::LocalBlank:
      out += "q";
      out += std::to_string(rdf::id_payload(id));
      break;
    default: dict_.append_value(id, out); break;
  }
}

std::string_view TermTable::view(TermId id, std::string& scratch) const {
  switch (rdf::id_tag(id)) {
    case IdTag::LocalIri: return iris_.get(rdf::id_payload(id));
    case IdTag::LocalLiteral: return decode_local(literals_.get(rdf::id_payload(id))).lexical;
    case IdTag::LocalBlank:
      scratch.clear();
      append_value(id, scratch);
      return scratch;
    default:
      return dict_.view(id, scratch);
  }
}

TermId TermTable::datatype(TermId id) const {
  if (rdf::id_tag(id) == IdTag::LocalLiteral) return decode_local(literals_.get(rdf::id_payload(id))).datatype;
  return dict_.datatype(id);
}

std::string_view TermTable::lang(TermId id) const {
  if (rdf::id_tag(id) != IdTag::LocalLiteral) return dict_.lang(id);
  const std::string_view lower = decode_local(literals_.get(rdf::id_payload(id))).lang;
  const std::string_view known = dict_.lang_display(lower);
  if (known != lower || lang_display_.empty()) return known;
  auto it = lang_display_.find(std::string(lower));
  return it == lang_display_.end() ? lower : std::string_view(it->second);
}

rdf::Term TermTable::term(TermId id) const {
  rdf::Term t;
  if (rdf::is_iri(id)) {
    t.kind = rdf::TermKind::Iri;
  } else if (rdf::is_blank(id)) {
    t.kind = rdf::TermKind::Blank;
  } else if (rdf::is_literal(id)) {
    t.kind = rdf::TermKind::Literal;
    append_value(datatype(id), t.datatype);
    t.lang = lang(id);
  } else {
    throw RangeError("term id " + std::to_string(id) + " is not a term");
  }
  append_value(id, t.value);
  return t;
}

}  // namespace kikv::sparql
