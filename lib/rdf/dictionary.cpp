#include "rdf/dictionary.hpp"

#include <algorithm>
#include <charconv>

#include "rdf/error.hpp"
#include "rdf/inline_literal.hpp"
#include "rdf/varint.hpp"
#include "rdf/vocab.hpp"

namespace kikv::rdf {
namespace {

void append_varint(std::string& out, uint64_t v) {
  uint8_t buf[kMaxVarintBytes];
  out.append(reinterpret_cast<const char*>(buf), encode_varint(v, buf));
}

}  // namespace

Dictionary::Dictionary() {
  for (std::string_view iri : vocab::kWellKnownIris) intern_iri(iri);
}

size_t Dictionary::namespace_length(std::string_view iri) {
  const size_t pos = iri.find_last_of("/#:");
  return pos == std::string_view::npos ? 0 : pos + 1;
}

void Dictionary::encode_iri_key(std::string_view local, uint64_t ns, std::string& key) {
  key.clear();
  append_varint(key, ns);
  key.append(local);
}

void Dictionary::encode_literal_key(std::string_view lexical, TermId datatype,
                                    std::string_view lang, std::string& key) {
  key.clear();
  append_varint(key, id_payload(datatype));
  if (datatype == vocab::kRdfLangString) {
    // Language tags are case-insensitive; their value space is lower case (RDF 1.1 §3.3).
    append_varint(key, lang.size());
    for (char c : lang) key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  key.append(lexical);
}

TermId Dictionary::intern_iri(std::string_view iri) {
  const size_t n = namespace_length(iri);
  const std::string_view ns = iri.substr(0, n);
  if (last_ns_index_ == UINT64_MAX || ns != last_ns_) {
    last_ns_index_ = namespaces_.intern(ns);
    last_ns_.assign(ns);
  }
  encode_iri_key(iri.substr(n), last_ns_index_, key_);
  return make_id(IdTag::Iri, iris_.intern(key_));
}

std::optional<TermId> Dictionary::find_iri(std::string_view iri) const {
  const size_t n = namespace_length(iri);
  auto ns = namespaces_.find(iri.substr(0, n));
  if (!ns) return std::nullopt;
  std::string key;
  encode_iri_key(iri.substr(n), *ns, key);
  auto index = iris_.find(key);
  if (!index) return std::nullopt;
  return make_id(IdTag::Iri, *index);
}

TermId Dictionary::intern_literal(std::string_view lexical, TermId datatype,
                                  std::string_view lang) {
  if (!lang.empty()) {
    datatype = vocab::kRdfLangString;
    if (std::any_of(lang.begin(), lang.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      std::string lower(lang);
      for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      if (lang_display_.emplace(lower, std::string(lang)).second) lang_order_.push_back(lower);
    }
  }
  if (auto id = try_inline_literal(lexical, datatype)) return *id;
  encode_literal_key(lexical, datatype, lang, key_);
  return make_id(IdTag::Literal, literals_.intern(key_));
}

TermId Dictionary::intern_literal(std::string_view lexical, std::string_view datatype_iri,
                                  std::string_view lang) {
  const TermId dt = lang.empty() ? intern_iri(datatype_iri.empty() ? std::string_view(iri::kXsdString)
                                                                    : datatype_iri)
                                 : vocab::kRdfLangString;
  return intern_literal(lexical, dt, lang);
}

std::optional<TermId> Dictionary::find_literal(std::string_view lexical, TermId datatype,
                                               std::string_view lang) const {
  if (!lang.empty()) datatype = vocab::kRdfLangString;
  if (auto id = try_inline_literal(lexical, datatype)) return *id;
  std::string key;
  encode_literal_key(lexical, datatype, lang, key);
  auto index = literals_.find(key);
  if (!index) return std::nullopt;
  return make_id(IdTag::Literal, *index);
}

TermId Dictionary::new_blank() { return make_id(IdTag::Blank, blanks_++); }

namespace {
/// The number in a label of the form "b<digits>", as this dictionary prints blank nodes.
std::optional<uint64_t> own_blank_number(std::string_view label) {
  if (label.size() < 2 || label[0] != 'b') return std::nullopt;
  uint64_t n = 0;
  auto [ptr, ec] = std::from_chars(label.data() + 1, label.data() + label.size(), n);
  if (ec != std::errc() || ptr != label.data() + label.size()) return std::nullopt;
  return n;
}
}  // namespace

TermId Dictionary::intern(const Term& term) {
  switch (term.kind) {
    case TermKind::Iri: return intern_iri(term.value);
    case TermKind::Literal: return intern_literal(term.value, term.datatype, term.lang);
    case TermKind::Blank:
      if (auto n = own_blank_number(term.value); n && *n < blanks_) return make_id(IdTag::Blank, *n);
      return new_blank();
  }
  return kNoTerm;
}

std::optional<TermId> Dictionary::find(const Term& term) const {
  switch (term.kind) {
    case TermKind::Iri: return find_iri(term.value);
    case TermKind::Literal: {
      if (!term.lang.empty()) return find_literal(term.value, vocab::kRdfLangString, term.lang);
      auto dt = find_iri(term.datatype.empty() ? std::string_view(iri::kXsdString)
                                               : std::string_view(term.datatype));
      if (!dt) return std::nullopt;
      return find_literal(term.value, *dt);
    }
    case TermKind::Blank:
      if (auto n = own_blank_number(term.value); n && *n < blanks_) return make_id(IdTag::Blank, *n);
      return std::nullopt;
  }
  return std::nullopt;
}

void Dictionary::append_value(TermId id, std::string& out) const {
  switch (id_tag(id)) {
    case IdTag::Iri: {
      std::string_view key = iris_.get(id_payload(id));
      uint64_t ns = 0;
      const size_t n = decode_varint(reinterpret_cast<const uint8_t*>(key.data()), ns);
      out.append(namespaces_.get(ns));
      out.append(key.substr(n));
      break;
    }
    case IdTag::Blank:
      out += 'b';
      out += std::to_string(id_payload(id));
      break;
    case IdTag::Literal: {
      std::string unused;
      out.append(view(id, unused));
      break;
    }
    default:
      if (is_inline(id)) append_inline_lexical(id, out);
      break;
  }
}

std::string_view Dictionary::view(TermId id, std::string& scratch) const {
  if (id_tag(id) == IdTag::Literal) {
    std::string_view key = literals_.get(id_payload(id));
    const auto* p = reinterpret_cast<const uint8_t*>(key.data());
    uint64_t dt = 0;
    size_t n = decode_varint(p, dt);
    if (make_id(IdTag::Iri, dt) == vocab::kRdfLangString) {
      uint64_t len = 0;
      n += decode_varint(p + n, len);
      n += len;
    }
    return key.substr(n);
  }
  scratch.clear();
  append_value(id, scratch);
  return scratch;
}

TermId Dictionary::datatype(TermId id) const {
  if (id_tag(id) == IdTag::Literal) {
    uint64_t dt = 0;
    decode_varint(reinterpret_cast<const uint8_t*>(literals_.get(id_payload(id)).data()), dt);
    return make_id(IdTag::Iri, dt);
  }
  if (is_inline(id)) return inline_datatype(id);
  return kNoTerm;
}

std::string_view Dictionary::lang(TermId id) const {
  if (id_tag(id) != IdTag::Literal) return {};
  std::string_view key = literals_.get(id_payload(id));
  const auto* p = reinterpret_cast<const uint8_t*>(key.data());
  uint64_t dt = 0;
  size_t n = decode_varint(p, dt);
  if (make_id(IdTag::Iri, dt) != vocab::kRdfLangString) return {};
  uint64_t len = 0;
  n += decode_varint(p + n, len);
  return lang_display(key.substr(n, static_cast<size_t>(len)));
}

std::string_view Dictionary::lang_display(std::string_view lower) const {
  if (lang_display_.empty()) return lower;
  auto it = lang_display_.find(std::string(lower));
  return it == lang_display_.end() ? lower : std::string_view(it->second);
}

Term Dictionary::term(TermId id) const {
  Term t;
  switch (id_tag(id)) {
    case IdTag::Iri: t.kind = TermKind::Iri; break;
    case IdTag::Blank: t.kind = TermKind::Blank; break;
    case IdTag::None:
    case IdTag::Special: throw RangeError("term id " + std::to_string(id) + " is not a term");
    default: {
      t.kind = TermKind::Literal;
      append_value(datatype(id), t.datatype);
      t.lang = lang(id);
      break;
    }
  }
  append_value(id, t.value);
  return t;
}

Dictionary::Mark Dictionary::mark() const {
  return Mark{namespaces_.size(), iris_.size(), literals_.size(), blanks_, lang_order_.size()};
}

void Dictionary::rollback(const Mark& m) {
  namespaces_.truncate(m.namespaces);
  iris_.truncate(m.iris);
  literals_.truncate(m.literals);
  blanks_ = m.blanks;
  last_ns_index_ = UINT64_MAX;
  while (lang_order_.size() > m.lang_tags) {
    lang_display_.erase(lang_order_.back());
    lang_order_.pop_back();
  }
}

Dictionary::Stats Dictionary::stats() const {
  return Stats{iris_.size(), literals_.size(), blanks_, namespaces_.size(),
               namespaces_.memory_bytes() + iris_.memory_bytes() + literals_.memory_bytes()};
}

}  // namespace kikv::rdf
