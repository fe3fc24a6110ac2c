// SPARQL 1.1 Query Results JSON Format (W3C REC 2013-03-21), application/sparql-results+json.
//
// Writer layout (compact, one solution per line):
//   {"head":{"vars":["x","y"]},"results":{"bindings":[
//   {"x":{"type":"uri","value":"http://example/x"},"y":{"type":"literal","value":"1","datatype":"..."}},
//   ...
//   ]}}
// ASK: {"head":{},"boolean":true}
// Literals carry "xml:lang" when language-tagged and "datatype" unless xsd:string (RDF 1.1
// simple literal); unbound variables are absent from their solution object.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "rdf/error.hpp"
#include "sparql/results/internal.hpp"
#include "sparql/results/results.hpp"

namespace kikv::sparql::results {
namespace {

using detail::datatype_of;

/// Appends `s` as a JSON string literal. Invalid UTF-8 is replaced by U+FFFD so the document
/// stays valid JSON whatever the term holds.
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    const char ch = s[i];
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      const size_t start = i;
      if (detail::decode_utf8(s, i)) {
        out.append(s.substr(start, i - start));
      } else {
        out += "\xEF\xBF\xBD";
        ++i;
      }
      continue;
    }
    ++i;
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

class JsonWriter final : public ResultWriter {
 public:
  JsonWriter(Sink sink, const WriteOptions& options)
      : ResultWriter(Format::Json, std::move(sink), options) {}

 private:
  void do_begin() override {
    buf_ = "{\"head\":{\"vars\":[";
    for (size_t i = 0; i < variables().size(); ++i) {
      if (i > 0) buf_ += ',';
      append_json_string(buf_, variables()[i]);
    }
    buf_ += "]},\"results\":{\"bindings\":[";
    put(buf_);
  }

  void do_row(std::span<const rdf::Term* const> values) override {
    buf_ = rows_ == 0 ? "\n{" : ",\n{";
    ++rows_;
    bool first = true;
    for (size_t i = 0; i < values.size(); ++i) {
      if (!values[i]) continue;
      if (!first) buf_ += ',';
      first = false;
      append_json_string(buf_, variables()[i]);
      buf_ += ':';
      append_term(*values[i]);
    }
    buf_ += '}';
    put(buf_);
  }

  void do_end() override { put(rows_ == 0 ? "]}}\n" : "\n]}}\n"); }

  void do_boolean(bool value) override {
    put(value ? "{\"head\":{},\"boolean\":true}\n" : "{\"head\":{},\"boolean\":false}\n");
  }

  void append_term(const rdf::Term& t) {
    switch (t.kind) {
      case rdf::TermKind::Iri:
        buf_ += "{\"type\":\"uri\",\"value\":";
        append_json_string(buf_, t.value);
        break;
      case rdf::TermKind::Blank:
        buf_ += "{\"type\":\"bnode\",\"value\":";
        append_json_string(buf_, blank_label(t.value));
        break;
      case rdf::TermKind::Literal: {
        buf_ += "{\"type\":\"literal\",\"value\":";
        append_json_string(buf_, t.value);
        const std::string_view dt = datatype_of(t);
        if (!t.lang.empty()) {
          buf_ += ",\"xml:lang\":";
          append_json_string(buf_, t.lang);
        } else if (dt != rdf::iri::kXsdString) {
          buf_ += ",\"datatype\":";
          append_json_string(buf_, dt);
        }
        break;
      }
    }
    buf_ += '}';
  }

  std::string buf_;
  size_t rows_ = 0;
};

using Json = nlohmann::json;

const Json* member(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

const std::string& string_member(const Json& obj, const char* key, const std::string& path,
                                 std::string_view source) {
  const Json* v = member(obj, key);
  if (!v) detail::fail(path + ": missing \"" + key + "\"", source);
  if (!v->is_string()) detail::fail(path + "." + key + ": not a string", source);
  return v->get_ref<const std::string&>();
}

rdf::Term read_term(const Json& v, const std::string& path, std::string_view source) {
  if (!v.is_object()) detail::fail(path + ": RDF term must be an object", source);
  const std::string& type = string_member(v, "type", path, source);
  const std::string& value = string_member(v, "value", path, source);
  if (type == "uri") return rdf::Term::iri(value);
  if (type == "bnode") {
    if (value.empty()) detail::fail(path + ": empty blank node label", source);
    return rdf::Term::blank(value);
  }
  if (type == "literal" || type == "typed-literal") {
    const Json* lang = member(v, "xml:lang");
    const Json* dt = member(v, "datatype");
    if (lang && !lang->is_string()) detail::fail(path + ".xml:lang: not a string", source);
    if (dt && !dt->is_string()) detail::fail(path + ".datatype: not a string", source);
    if (type == "typed-literal" && !dt) detail::fail(path + ": typed-literal without datatype", source);
    if (lang) {
      const std::string& tag = lang->get_ref<const std::string&>();
      if (tag.empty()) detail::fail(path + ": empty xml:lang", source);
      if (dt && dt->get_ref<const std::string&>() != rdf::iri::kRdfLangString)
        detail::fail(path + ": literal with both xml:lang and datatype", source);
      return rdf::Term::lang_literal(value, tag);
    }
    if (dt) {
      const std::string& iri = dt->get_ref<const std::string&>();
      if (iri.empty()) detail::fail(path + ": empty datatype", source);
      if (iri == rdf::iri::kRdfLangString)
        detail::fail(path + ": rdf:langString literal without xml:lang", source);
      return rdf::Term::literal(value, iri);
    }
    return rdf::Term::string(value);
  }
  detail::fail(path + ": unknown RDF term type \"" + type + "\"", source);
}

}  // namespace

ResultTable read_json(std::string_view text, std::string_view source) {
  Json doc;
  try {
    doc = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    std::string msg = e.what();
    const size_t k = msg.find(": ");
    if (k != std::string::npos) msg = msg.substr(k + 2);
    detail::fail_at(text, e.byte > 0 ? e.byte - 1 : 0, "JSON: " + msg, source);
  }
  if (!doc.is_object()) detail::fail("JSON results: top level must be an object", source);
  const Json* head = member(doc, "head");
  if (!head || !head->is_object()) detail::fail("JSON results: missing \"head\" object", source);
  if (const Json* link = member(*head, "link")) {
    if (!link->is_array()) detail::fail("head.link: not an array", source);
    for (const Json& l : *link) {
      if (!l.is_string()) detail::fail("head.link: entries must be strings", source);
    }
  }

  const Json* boolean = member(doc, "boolean");
  const Json* results = member(doc, "results");
  if (boolean) {
    if (!boolean->is_boolean()) detail::fail("\"boolean\": not true or false", source);
    if (results) detail::fail("JSON results: both \"boolean\" and \"results\"", source);
    return ResultTable::make_boolean(boolean->get<bool>());
  }

  ResultTable table;
  if (const Json* vars = member(*head, "vars")) {
    if (!vars->is_array()) detail::fail("head.vars: not an array", source);
    for (const Json& v : *vars) {
      if (!v.is_string()) detail::fail("head.vars: entries must be strings", source);
      const std::string& name = v.get_ref<const std::string&>();
      if (!detail::is_valid_variable_name(name))
        detail::fail("head.vars: bad variable name \"" + name + "\"", source);
      table.variables.push_back(name);
    }
  }
  detail::check_table(table, source);
  if (!results) detail::fail("JSON results: missing \"results\" (or \"boolean\")", source);
  if (!results->is_object()) detail::fail("\"results\": not an object", source);
  const Json* bindings = member(*results, "bindings");
  if (!bindings || !bindings->is_array())
    detail::fail("results: missing \"bindings\" array", source);

  size_t index = 0;
  for (const Json& b : *bindings) {
    const std::string path = "results.bindings[" + std::to_string(index++) + "]";
    if (!b.is_object()) detail::fail(path + ": solution must be an object", source);
    Row row(table.variables.size());
    for (auto it = b.begin(); it != b.end(); ++it) {
      auto col = table.column(it.key());
      if (!col) {
        // A variable missing from head.vars: tolerated, added as a new column.
        if (!detail::is_valid_variable_name(it.key()))
          detail::fail(path + ": bad variable name \"" + it.key() + "\"", source);
        table.variables.push_back(it.key());
        for (Row& r : table.rows) r.emplace_back();
        row.emplace_back();
        col = table.variables.size() - 1;
      }
      row[*col] = read_term(it.value(), path + "." + it.key(), source);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

namespace detail {

std::unique_ptr<ResultWriter> make_json_writer(Sink sink, const WriteOptions& options) {
  return std::make_unique<JsonWriter>(std::move(sink), options);
}

}  // namespace detail
}  // namespace kikv::sparql::results
