// Strict XML 1.0 + namespaces reader (see xml_reader.hpp for the supported subset).
#include "sparql/results/xml_reader.hpp"

#include <optional>
#include <utility>

#include "rdf/error.hpp"
#include "sparql/results/internal.hpp"

namespace kikv::sparql::results::xml {
namespace {

constexpr size_t kMaxDepth = 512;
constexpr std::string_view kXmlnsNs = "http://www.w3.org/2000/xmlns/";

bool is_name_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}

bool is_name_char(unsigned char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/// Raw characters allowed in a document (production [2] Char).
bool is_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/// Characters a character reference may produce (Char plus the XML 1.1 restricted C0 controls).
bool is_referable_char(char32_t c) { return c != 0 && (is_char(c) || c < 0x20); }

class Parser {
 public:
  Parser(std::string text, std::string_view source) {
    doc_.text = std::move(text);
    doc_.source = source;
    s_ = doc_.text;
  }

  Document run() {
    prolog();
    if (p_ >= s_.size() || s_[p_] != '<') error("expected the document element");
    doc_.root = element(0);
    misc();
    if (p_ < s_.size()) error("content after the document element");
    return std::move(doc_);
  }

 private:
  [[noreturn]] void error_at(size_t offset, const std::string& message) {
    detail::fail_at(s_, offset, "XML: " + message, doc_.source);
  }
  [[noreturn]] void error(const std::string& message) { error_at(p_, message); }

  bool starts(std::string_view t) const { return s_.substr(p_, t.size()) == t; }
  void expect(std::string_view t) {
    if (!starts(t)) error("expected '" + std::string(t) + "'");
    p_ += t.size();
  }
  bool skip_space() {
    const size_t start = p_;
    while (p_ < s_.size() && is_space(s_[p_])) ++p_;
    return p_ > start;
  }

  std::string_view name() {
    const size_t start = p_;
    if (p_ >= s_.size() || !is_name_start(static_cast<unsigned char>(s_[p_]))) error("expected a name");
    while (p_ < s_.size() && is_name_char(static_cast<unsigned char>(s_[p_]))) ++p_;
    return s_.substr(start, p_ - start);
  }

  // --- prolog and misc ---

  void prolog() {
    if (starts("\xEF\xBB\xBF")) p_ += 3;
    if (starts("<?xml") && p_ + 5 < s_.size() && is_space(s_[p_ + 5])) xml_decl();
    misc();
    if (starts("<!DOCTYPE")) {
      doctype();
      misc();
    }
  }

  void xml_decl() {
    p_ += 5;
    bool first = true;
    bool seen_version = false;
    while (true) {
      const bool space = skip_space();
      if (starts("?>")) {
        p_ += 2;
        break;
      }
      if (!space) error("expected whitespace in the XML declaration");
      const size_t at = p_;
      const std::string_view key = name();
      skip_space();
      expect("=");
      skip_space();
      const std::string value = quoted_raw();
      if (key == "version") {
        if (!first) error_at(at, "version must come first in the XML declaration");
        if (value != "1.0" && value != "1.1") error_at(at, "unsupported XML version " + value);
        seen_version = true;
      } else if (key == "encoding") {
        std::string e;
        for (char c : value) e += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        if (e != "UTF-8" && e != "UTF8" && e != "US-ASCII" && e != "ASCII")
          error_at(at, "unsupported encoding " + value + " (only UTF-8)");
      } else if (key == "standalone") {
        if (value != "yes" && value != "no") error_at(at, "bad standalone value");
      } else {
        error_at(at, "unknown XML declaration attribute " + std::string(key));
      }
      first = false;
    }
    if (!seen_version) error("XML declaration without version");
  }

  /// A quoted value without entity processing (XML declaration, DOCTYPE ids).
  std::string quoted_raw() {
    if (p_ >= s_.size() || (s_[p_] != '"' && s_[p_] != '\'')) error("expected a quoted value");
    const char q = s_[p_++];
    const size_t end = s_.find(q, p_);
    if (end == std::string_view::npos) error("unterminated quoted value");
    std::string v(s_.substr(p_, end - p_));
    p_ = end + 1;
    return v;
  }

  void misc() {
    while (true) {
      skip_space();
      if (starts("<!--")) {
        comment();
      } else if (starts("<?")) {
        pi();
      } else {
        return;
      }
    }
  }

  void comment() {
    const size_t start = p_;
    p_ += 4;
    const size_t end = s_.find("--", p_);
    if (end == std::string_view::npos) error_at(start, "unterminated comment");
    if (end + 2 >= s_.size() || s_[end + 2] != '>') error_at(end, "'--' inside a comment");
    p_ = end + 3;
  }

  void pi() {
    const size_t start = p_;
    p_ += 2;
    const std::string_view target = name();
    if (target.size() == 3 && (target[0] | 0x20) == 'x' && (target[1] | 0x20) == 'm' &&
        (target[2] | 0x20) == 'l')
      error_at(start, "XML declaration not at the start of the document");
    const size_t end = s_.find("?>", p_);
    if (end == std::string_view::npos) error_at(start, "unterminated processing instruction");
    if (end != p_ && !is_space(s_[p_])) error("expected whitespace after the PI target");
    p_ = end + 2;
  }

  void doctype() {
    // Skipped, internal subset included (entity declarations in it are not honoured: a reference
    // to an undeclared entity is an error later).
    const size_t start = p_;
    p_ += 9;
    while (p_ < s_.size()) {
      const char c = s_[p_];
      if (c == '"' || c == '\'') {
        quoted_raw();
        continue;
      }
      if (c == '[') {
        const size_t end = s_.find("]", p_);
        if (end == std::string_view::npos) error_at(start, "unterminated DOCTYPE");
        p_ = end + 1;
        continue;
      }
      ++p_;
      if (c == '>') return;
    }
    error_at(start, "unterminated DOCTYPE");
  }

  // --- references ---

  /// At '&': appends the referenced character(s) to out.
  void reference(std::string& out) {
    const size_t start = p_;
    const size_t end = s_.find(';', p_);
    if (end == std::string_view::npos || end - p_ > 16) error("bad entity or character reference");
    const std::string_view ref = s_.substr(p_ + 1, end - p_ - 1);
    p_ = end + 1;
    if (ref == "lt") {
      out += '<';
    } else if (ref == "gt") {
      out += '>';
    } else if (ref == "amp") {
      out += '&';
    } else if (ref == "quot") {
      out += '"';
    } else if (ref == "apos") {
      out += '\'';
    } else if (!ref.empty() && ref[0] == '#') {
      const bool hex = ref.size() > 1 && ref[1] == 'x';
      const std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty()) error_at(start, "empty character reference");
      char32_t v = 0;
      for (char c : digits) {
        unsigned d;
        if (c >= '0' && c <= '9') {
          d = static_cast<unsigned>(c - '0');
        } else if (hex && c >= 'a' && c <= 'f') {
          d = static_cast<unsigned>(c - 'a' + 10);
        } else if (hex && c >= 'A' && c <= 'F') {
          d = static_cast<unsigned>(c - 'A' + 10);
        } else {
          error_at(start, "bad character reference");
        }
        v = v * (hex ? 16 : 10) + d;
        if (v > 0x10FFFF) error_at(start, "character reference out of range");
      }
      if (!is_referable_char(v)) error_at(start, "character reference to a non-character");
      detail::append_utf8(out, v);
    } else {
      error_at(start, "undefined entity &" + std::string(ref) + ";");
    }
  }

  // --- elements ---

  struct RawAttribute {
    std::string_view qname;
    std::string value;
    size_t offset;
  };

  std::string attribute_value() {
    if (p_ >= s_.size() || (s_[p_] != '"' && s_[p_] != '\'')) error("expected a quoted attribute value");
    const char q = s_[p_++];
    std::string v;
    while (true) {
      if (p_ >= s_.size()) error("unterminated attribute value");
      const char c = s_[p_];
      if (c == q) {
        ++p_;
        return v;
      }
      if (c == '<') error("'<' in an attribute value");
      if (c == '&') {
        reference(v);
        continue;
      }
      v += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;  // attribute-value normalisation
      ++p_;
    }
  }

  /// Splits a QName; checks the Namespaces in XML constraints.
  std::pair<std::string_view, std::string_view> split_qname(std::string_view qname, size_t at) {
    const size_t colon = qname.find(':');
    if (colon == std::string_view::npos) return {{}, qname};
    if (colon == 0 || colon + 1 == qname.size() || qname.find(':', colon + 1) != std::string_view::npos)
      error_at(at, "bad qualified name " + std::string(qname));
    return {qname.substr(0, colon), qname.substr(colon + 1)};
  }

  std::optional<std::string> lookup(std::string_view prefix) const {
    if (prefix == "xml") return std::string(kXmlNs);
    for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
      for (auto b = scope->rbegin(); b != scope->rend(); ++b) {
        if (b->first == prefix) return b->second;
      }
    }
    if (prefix.empty()) return std::string();
    return std::nullopt;
  }

  Element element(size_t depth) {
    if (depth >= kMaxDepth) error("elements nested too deeply");
    Element e;
    e.offset = p_;
    ++p_;  // '<'
    const std::string_view qname = name();
    std::vector<RawAttribute> raw;
    bool empty = false;
    while (true) {
      const bool space = skip_space();
      if (starts("/>")) {
        p_ += 2;
        empty = true;
        break;
      }
      if (starts(">")) {
        ++p_;
        break;
      }
      if (!space) error("expected whitespace, '>' or '/>'");
      const size_t at = p_;
      const std::string_view aname = name();
      skip_space();
      expect("=");
      skip_space();
      std::string value = attribute_value();
      for (const RawAttribute& other : raw) {
        if (other.qname == aname) error_at(at, "duplicate attribute " + std::string(aname));
      }
      raw.push_back(RawAttribute{aname, std::move(value), at});
    }

    // Namespace declarations first: they apply to this element's own name and attributes.
    scopes_.emplace_back();
    for (const RawAttribute& a : raw) {
      if (a.qname == "xmlns") {
        if (a.value == kXmlNs || a.value == kXmlnsNs) error_at(a.offset, "reserved namespace as default");
        scopes_.back().emplace_back(std::string(), a.value);
      } else if (a.qname.substr(0, 6) == "xmlns:") {
        const std::string_view prefix = a.qname.substr(6);
        if (prefix.empty() || prefix.find(':') != std::string_view::npos)
          error_at(a.offset, "bad namespace prefix");
        if (prefix == "xmlns") error_at(a.offset, "the xmlns prefix cannot be declared");
        if ((prefix == "xml") != (a.value == kXmlNs))
          error_at(a.offset, "the xml prefix is bound to its namespace only");
        if (a.value.empty()) error_at(a.offset, "empty namespace for prefix " + std::string(prefix));
        scopes_.back().emplace_back(std::string(prefix), a.value);
      }
    }
    const auto [prefix, local] = split_qname(qname, e.offset + 1);
    const auto ns = lookup(prefix);
    if (!ns) error_at(e.offset, "undeclared namespace prefix " + std::string(prefix));
    e.ns = *ns;
    e.local = local;
    e.qname = qname;
    for (RawAttribute& a : raw) {
      if (a.qname == "xmlns" || a.qname.substr(0, 6) == "xmlns:") continue;
      const auto [apre, aloc] = split_qname(a.qname, a.offset);
      Attribute attr;
      if (!apre.empty()) {
        const auto ans = lookup(apre);
        if (!ans) error_at(a.offset, "undeclared namespace prefix " + std::string(apre));
        attr.ns = *ans;
      }
      attr.local = aloc;
      attr.qname = a.qname;
      attr.value = std::move(a.value);
      for (const Attribute& other : e.attributes) {
        if (other.ns == attr.ns && other.local == attr.local)
          error_at(a.offset, "duplicate attribute " + attr.qname);
      }
      e.attributes.push_back(std::move(attr));
    }

    if (!empty) content(e, depth);
    scopes_.pop_back();
    return e;
  }

  void content(Element& e, size_t depth) {
    auto note_text = [&e](std::string_view t) {
      for (char c : t) {
        if (!is_space(c)) {
          e.has_text = true;
          break;
        }
      }
    };
    while (true) {
      if (p_ >= s_.size()) error_at(e.offset, "element <" + e.qname + "> is not closed");
      const char c = s_[p_];
      if (c == '<') {
        if (starts("</")) {
          const size_t at = p_;
          p_ += 2;
          const std::string_view end_name = name();
          skip_space();
          expect(">");
          if (end_name != e.qname)
            error_at(at, "end tag </" + std::string(end_name) + "> does not match <" + e.qname + ">");
          return;
        }
        if (starts("<!--")) {
          comment();
        } else if (starts("<![CDATA[")) {
          const size_t at = p_;
          p_ += 9;
          const size_t end = s_.find("]]>", p_);
          if (end == std::string_view::npos) error_at(at, "unterminated CDATA section");
          const std::string_view data = s_.substr(p_, end - p_);
          e.text += data;
          note_text(data);
          p_ = end + 3;
        } else if (starts("<?")) {
          pi();
        } else if (starts("<!")) {
          error("unexpected markup declaration");
        } else {
          e.children.push_back(element(depth + 1));
        }
      } else if (c == '&') {
        const size_t before = e.text.size();
        reference(e.text);
        note_text(std::string_view(e.text).substr(before));
      } else {
        const size_t start = p_;
        while (p_ < s_.size() && s_[p_] != '<' && s_[p_] != '&') {
          if (s_[p_] == ']' && starts("]]>")) error("']]>' in character data");
          ++p_;
        }
        const std::string_view data = s_.substr(start, p_ - start);
        e.text += data;
        note_text(data);
      }
    }
  }

  Document doc_;
  std::string_view s_;
  size_t p_ = 0;
  std::vector<std::vector<std::pair<std::string, std::string>>> scopes_;
};

/// Line-end normalisation (XML 1.0 section 2.11) and the check that every raw character is an
/// XML Char in valid UTF-8. Offsets of errors refer to the original text.
std::string normalise(std::string_view text, std::string_view source) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (c == '\r') {
      out += '\n';
      ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      continue;
    }
    if (u < 0x80) {
      if (!is_char(u)) detail::fail_at(text, i, "XML: control character not allowed", source);
      out += c;
      ++i;
      continue;
    }
    const size_t start = i;
    const auto cp = detail::decode_utf8(text, i);
    if (!cp) detail::fail_at(text, start, "XML: invalid UTF-8", source);
    if (!is_char(*cp) && !(start == 0 && *cp == 0xFEFF))
      detail::fail_at(text, start, "XML: character not allowed", source);
    out.append(text.substr(start, i - start));
  }
  return out;
}

}  // namespace

const Attribute* Element::attribute(std::string_view namespace_iri, std::string_view local_name) const {
  for (const Attribute& a : attributes) {
    if (a.ns == namespace_iri && a.local == local_name) return &a;
  }
  return nullptr;
}

void Document::fail(const Element& e, const std::string& message) const {
  detail::fail_at(text, e.offset, message, source);
}

Document parse(std::string_view text, std::string_view source) {
  return Parser(normalise(text, source), source).run();
}

}  // namespace kikv::sparql::results::xml
