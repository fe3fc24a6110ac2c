// SPARQL Query Results XML Format (Second Edition, W3C REC 2013-03-21),
// application/sparql-results+xml. The writer's layout and escaping are those of Apache Jena 4.5
// (two-space indentation, control characters as &#xHHHH;), so its output is byte-identical to
// Jena's for the same terms and blank node labels.
#include <cstdio>
#include <string>

#include "rdf/error.hpp"
#include "sparql/results/internal.hpp"
#include "sparql/results/results.hpp"
#include "sparql/results/xml_reader.hpp"

namespace kikv::sparql::results {
namespace {

using detail::datatype_of;

constexpr std::string_view kSrxNs = "http://www.w3.org/2005/sparql-results#";

/// Escapes character data (`attribute` also escapes '"'). Control characters are written as
/// character references; invalid UTF-8 is replaced by U+FFFD.
void append_xml_escaped(std::string& out, std::string_view s, bool attribute) {
  size_t i = 0;
  while (i < s.size()) {
    const char ch = s[i];
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      const size_t start = i;
      const auto cp = detail::decode_utf8(s, i);
      if (!cp || *cp == 0xFFFE || *cp == 0xFFFF) {
        out += "\xEF\xBF\xBD";
        if (!cp) i = start + 1;
      } else {
        out.append(s.substr(start, i - start));
      }
      continue;
    }
    ++i;
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (attribute) {
          out += "&quot;";
        } else {
          out += ch;
        }
        break;
      default:
        if (c < 0x20 && c != 0) {
          char buf[12];
          std::snprintf(buf, sizeof buf, "&#x%04X;", static_cast<unsigned>(c));
          out += buf;
        } else if (c == 0) {
          out += "\xEF\xBF\xBD";  // NUL cannot be represented in XML at all
        } else {
          out += ch;
        }
    }
  }
}

class XmlWriter final : public ResultWriter {
 public:
  XmlWriter(Sink sink, const WriteOptions& options)
      : ResultWriter(Format::Xml, std::move(sink), options) {}

 private:
  static constexpr std::string_view kHeader =
      "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n";

  void do_begin() override {
    buf_ = kHeader;
    buf_ += "  <head>\n";
    for (const std::string& v : variables()) {
      buf_ += "    <variable name=\"";
      append_xml_escaped(buf_, v, true);
      buf_ += "\"/>\n";
    }
    buf_ += "  </head>\n  <results>\n";
    put(buf_);
  }

  void do_row(std::span<const rdf::Term* const> values) override {
    buf_ = "    <result>\n";
    for (size_t i = 0; i < values.size(); ++i) {
      if (!values[i]) continue;
      const rdf::Term& t = *values[i];
      buf_ += "      <binding name=\"";
      append_xml_escaped(buf_, variables()[i], true);
      buf_ += "\">\n        ";
      switch (t.kind) {
        case rdf::TermKind::Iri:
          buf_ += "<uri>";
          append_xml_escaped(buf_, t.value, false);
          buf_ += "</uri>";
          break;
        case rdf::TermKind::Blank:
          buf_ += "<bnode>";
          append_xml_escaped(buf_, blank_label(t.value), false);
          buf_ += "</bnode>";
          break;
        case rdf::TermKind::Literal: {
          const std::string_view dt = datatype_of(t);
          buf_ += "<literal";
          if (!t.lang.empty()) {
            buf_ += " xml:lang=\"";
            append_xml_escaped(buf_, t.lang, true);
            buf_ += '"';
          } else if (dt != rdf::iri::kXsdString) {
            buf_ += " datatype=\"";
            append_xml_escaped(buf_, dt, true);
            buf_ += '"';
          }
          buf_ += '>';
          append_xml_escaped(buf_, t.value, false);
          buf_ += "</literal>";
          break;
        }
      }
      buf_ += "\n      </binding>\n";
    }
    buf_ += "    </result>\n";
    put(buf_);
  }

  void do_end() override { put("  </results>\n</sparql>\n"); }

  void do_boolean(bool value) override {
    put(kHeader);
    put("  <head>\n  </head>\n");
    put(value ? "  <boolean>true</boolean>\n" : "  <boolean>false</boolean>\n");
    put("</sparql>\n");
  }

  std::string buf_;
};

// --- reader ---

void no_text(const xml::Document& doc, const xml::Element& e) {
  if (e.has_text) doc.fail(e, "unexpected text inside <" + e.qname + ">");
}

void no_children(const xml::Document& doc, const xml::Element& e) {
  if (!e.children.empty()) doc.fail(e.children.front(), "unexpected element inside <" + e.qname + ">");
}

const std::string& required_attribute(const xml::Document& doc, const xml::Element& e,
                                      std::string_view name) {
  const xml::Attribute* a = e.attribute("", name);
  if (!a) doc.fail(e, "<" + e.qname + "> without " + std::string(name) + " attribute");
  return a->value;
}

void expect_srx(const xml::Document& doc, const xml::Element& e, std::string_view local) {
  if (!e.is(kSrxNs, local))
    doc.fail(e, "expected <" + std::string(local) + "> in the SPARQL results namespace, found <" +
                    e.qname + ">");
}

rdf::Term read_term(const xml::Document& doc, const xml::Element& e) {
  no_children(doc, e);
  if (e.is(kSrxNs, "uri")) return rdf::Term::iri(e.text);
  if (e.is(kSrxNs, "bnode")) {
    if (e.text.empty()) doc.fail(e, "empty blank node label");
    return rdf::Term::blank(e.text);
  }
  if (e.is(kSrxNs, "literal")) {
    const xml::Attribute* lang = e.attribute(xml::kXmlNs, "lang");
    const xml::Attribute* dt = e.attribute("", "datatype");
    if (lang) {
      if (lang->value.empty()) doc.fail(e, "empty xml:lang");
      if (dt && dt->value != rdf::iri::kRdfLangString)
        doc.fail(e, "literal with both xml:lang and datatype");
      return rdf::Term::lang_literal(e.text, lang->value);
    }
    if (dt) {
      if (dt->value.empty()) doc.fail(e, "empty datatype");
      if (dt->value == rdf::iri::kRdfLangString) doc.fail(e, "rdf:langString literal without xml:lang");
      return rdf::Term::literal(e.text, dt->value);
    }
    return rdf::Term::string(e.text);
  }
  doc.fail(e, "expected <uri>, <literal> or <bnode>, found <" + e.qname + ">");
}

}  // namespace

ResultTable read_xml(std::string_view text, std::string_view source) {
  const xml::Document doc = xml::parse(text, source);
  const xml::Element& root = doc.root;
  expect_srx(doc, root, "sparql");
  no_text(doc, root);
  if (root.children.empty()) doc.fail(root, "missing <head>");
  const xml::Element& head = root.children[0];
  expect_srx(doc, head, "head");
  no_text(doc, head);

  ResultTable table;
  bool seen_link = false;
  for (const xml::Element& h : head.children) {
    if (h.is(kSrxNs, "variable")) {
      if (seen_link) doc.fail(h, "<variable> after <link>");
      no_text(doc, h);
      no_children(doc, h);
      const std::string& name = required_attribute(doc, h, "name");
      if (!detail::is_valid_variable_name(name)) doc.fail(h, "bad variable name \"" + name + "\"");
      if (table.column(name)) doc.fail(h, "duplicate variable \"" + name + "\"");
      table.variables.push_back(name);
    } else if (h.is(kSrxNs, "link")) {
      no_text(doc, h);
      no_children(doc, h);
      required_attribute(doc, h, "href");
      seen_link = true;
    } else {
      doc.fail(h, "unexpected <" + h.qname + "> in <head>");
    }
  }

  if (root.children.size() != 2) {
    if (root.children.size() < 2) doc.fail(root, "missing <results> or <boolean>");
    doc.fail(root.children[2], "unexpected <" + root.children[2].qname + ">");
  }
  const xml::Element& body = root.children[1];
  if (body.is(kSrxNs, "boolean")) {
    no_children(doc, body);
    if (!table.variables.empty()) doc.fail(head, "ASK result with variables");
    if (body.text == "true") return ResultTable::make_boolean(true);
    if (body.text == "false") return ResultTable::make_boolean(false);
    doc.fail(body, "<boolean> must contain true or false");
  }
  expect_srx(doc, body, "results");
  no_text(doc, body);
  for (const xml::Element& r : body.children) {
    expect_srx(doc, r, "result");
    no_text(doc, r);
    Row row(table.variables.size());
    std::vector<bool> seen(table.variables.size(), false);
    for (const xml::Element& b : r.children) {
      expect_srx(doc, b, "binding");
      no_text(doc, b);
      const std::string& name = required_attribute(doc, b, "name");
      auto col = table.column(name);
      if (!col) {
        // A variable missing from <head>: tolerated, added as a new column.
        if (!detail::is_valid_variable_name(name)) doc.fail(b, "bad variable name \"" + name + "\"");
        table.variables.push_back(name);
        for (Row& earlier : table.rows) earlier.emplace_back();
        row.emplace_back();
        seen.push_back(false);
        col = table.variables.size() - 1;
      }
      if (seen[*col]) doc.fail(b, "variable \"" + name + "\" bound twice in one result");
      seen[*col] = true;
      if (b.children.size() != 1) doc.fail(b, "<binding> must contain exactly one RDF term");
      row[*col] = read_term(doc, b.children[0]);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

namespace detail {

std::unique_ptr<ResultWriter> make_xml_writer(Sink sink, const WriteOptions& options) {
  return std::make_unique<XmlWriter>(std::move(sink), options);
}

}  // namespace detail
}  // namespace kikv::sparql::results
