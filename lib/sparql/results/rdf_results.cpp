// Result sets described in RDF with the W3C DAWG result-set vocabulary
// (http://www.w3.org/2001/sw/DataAccess/tests/result-set#), as used by the .ttl and .rdf
// expected results of the W3C SPARQL test suites:
//
//   [] rdf:type rs:ResultSet ; rs:resultVariable "x" ;
//      rs:solution [ rs:index 1 ; rs:binding [ rs:variable "x" ; rs:value <http://a> ] ] .
//   [] rdf:type rs:ResultSet ; rs:boolean true .
//
// from_rdf() takes parsed triples (Turtle is parsed elsewhere, with Serd). For the .rdf files
// this file also holds a reader for the subset of RDF/XML they use.
#include <algorithm>
#include <map>
#include <optional>

#include "rdf/error.hpp"
#include "sparql/results/internal.hpp"
#include "sparql/results/results.hpp"
#include "sparql/results/xml_reader.hpp"

namespace kikv::sparql::results {
namespace {

std::string rs(std::string_view local) { return std::string(kResultSetNs) + std::string(local); }

/// Triples indexed by subject, objects kept in input order without duplicates.
class Graph {
 public:
  explicit Graph(std::span<const Triple> triples) {
    for (const Triple& t : triples) {
      auto& objs = index_[t[0]][t[1].value];
      const bool dup =
          std::any_of(objs.begin(), objs.end(), [&](const rdf::Term* o) { return *o == t[2]; });
      if (!dup) objs.push_back(&t[2]);
    }
  }

  std::vector<const rdf::Term*> objects(const rdf::Term& subject, const std::string& predicate) const {
    auto s = index_.find(subject);
    if (s == index_.end()) return {};
    auto p = s->second.find(predicate);
    if (p == s->second.end()) return {};
    return p->second;
  }

  /// Subjects having (s rdf:type type).
  std::vector<rdf::Term> instances(const std::string& type) const {
    std::vector<rdf::Term> out;
    for (const auto& [subject, preds] : index_) {
      auto p = preds.find(std::string(rdf::iri::kRdfType));
      if (p == preds.end()) continue;
      for (const rdf::Term* o : p->second) {
        if (o->is_iri() && o->value == type) out.push_back(subject);
      }
    }
    return out;
  }

 private:
  std::map<rdf::Term, std::map<std::string, std::vector<const rdf::Term*>>> index_;
};

[[noreturn]] void rs_fail(const std::string& message) {
  throw SyntaxError("result set: " + message, {}, 0, 0);
}

const rdf::Term* single(const Graph& g, const rdf::Term& subject, std::string_view local,
                        bool required) {
  const auto objs = g.objects(subject, rs(local));
  if (objs.size() > 1) rs_fail("more than one rs:" + std::string(local) + " on " + rdf::to_ntriples(subject));
  if (objs.empty()) {
    if (required) rs_fail("missing rs:" + std::string(local) + " on " + rdf::to_ntriples(subject));
    return nullptr;
  }
  return objs[0];
}

std::string variable_name(const rdf::Term& t) {
  if (!t.is_literal() || !t.lang.empty()) rs_fail("variable names must be plain literals");
  if (!detail::is_valid_variable_name(t.value)) rs_fail("bad variable name \"" + t.value + "\"");
  return t.value;
}

std::optional<long long> integer_value(const rdf::Term& t) {
  if (!t.is_literal() || t.value.empty() || t.value.size() > 18) return std::nullopt;
  long long v = 0;
  size_t i = (t.value[0] == '+') ? 1 : 0;
  if (i == t.value.size()) return std::nullopt;
  for (; i < t.value.size(); ++i) {
    if (t.value[i] < '0' || t.value[i] > '9') return std::nullopt;
    v = v * 10 + (t.value[i] - '0');
  }
  return v;
}

}  // namespace

ResultTable from_rdf(std::span<const Triple> triples) {
  const Graph g(triples);
  const auto sets = g.instances(rs("ResultSet"));
  if (sets.empty()) rs_fail("no rs:ResultSet");
  if (sets.size() > 1) rs_fail("more than one rs:ResultSet");
  const rdf::Term& set = sets[0];

  const auto solutions = g.objects(set, rs("solution"));
  if (const rdf::Term* b = single(g, set, "boolean", false)) {
    if (!solutions.empty()) rs_fail("rs:boolean together with rs:solution");
    if (!b->is_literal()) rs_fail("rs:boolean must be a literal");
    if (b->value == "true" || b->value == "1") return ResultTable::make_boolean(true);
    if (b->value == "false" || b->value == "0") return ResultTable::make_boolean(false);
    rs_fail("rs:boolean must be true or false");
  }

  ResultTable table;
  for (const rdf::Term* v : g.objects(set, rs("resultVariable"))) {
    const std::string name = variable_name(*v);
    if (!table.column(name)) table.variables.push_back(name);
  }

  struct Solution {
    std::optional<long long> index;
    Row row;
  };
  std::vector<Solution> sols;
  for (const rdf::Term* sol : solutions) {
    Solution s;
    s.row.resize(table.variables.size());
    if (const rdf::Term* idx = single(g, *sol, "index", false)) {
      s.index = integer_value(*idx);
      if (!s.index) rs_fail("rs:index must be a non-negative integer, got " + rdf::to_ntriples(*idx));
    }
    for (const rdf::Term* b : g.objects(*sol, rs("binding"))) {
      const std::string name = variable_name(*single(g, *b, "variable", true));
      const rdf::Term& value = *single(g, *b, "value", true);
      auto col = table.column(name);
      if (!col) {
        // Not declared with rs:resultVariable: tolerated, added as a new column.
        table.variables.push_back(name);
        for (Solution& earlier : sols) earlier.row.emplace_back();
        s.row.emplace_back();
        col = table.variables.size() - 1;
      }
      if (s.row[*col] && *s.row[*col] != value)
        rs_fail("variable \"" + name + "\" bound twice in one solution");
      s.row[*col] = value;
    }
    sols.push_back(std::move(s));
  }

  table.ordered = std::any_of(sols.begin(), sols.end(), [](const Solution& s) { return s.index.has_value(); });
  if (table.ordered) {
    std::stable_sort(sols.begin(), sols.end(), [](const Solution& a, const Solution& b) {
      if (a.index.has_value() != b.index.has_value()) return a.index.has_value();
      return a.index.value_or(0) < b.index.value_or(0);
    });
  }
  table.rows.reserve(sols.size());
  for (Solution& s : sols) table.rows.push_back(std::move(s.row));
  return table;
}

// ---------------------------------------------------------------------------------------------
// RDF/XML subset
// ---------------------------------------------------------------------------------------------

namespace {

constexpr std::string_view kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// RFC 3986 section 5.2.4.
std::string remove_dot_segments(std::string in) {
  std::string out;
  while (!in.empty()) {
    if (in.rfind("../", 0) == 0) {
      in.erase(0, 3);
    } else if (in.rfind("./", 0) == 0) {
      in.erase(0, 2);
    } else if (in.rfind("/./", 0) == 0) {
      in.erase(0, 2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.rfind("/../", 0) == 0 || in == "/..") {
      in = in == "/.." ? "/" : in.substr(3);
      const size_t slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in.clear();
    } else {
      const size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      out += in.substr(0, next);
      in.erase(0, next == std::string::npos ? in.size() : next);
    }
  }
  return out;
}

struct IriParts {
  std::optional<std::string> scheme, authority, query, fragment;
  std::string path;
};

IriParts split_iri(std::string_view s) {
  IriParts p;
  size_t i = 0;
  const size_t colon = s.find(':');
  if (colon != std::string_view::npos && colon > 0) {
    bool ok = (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z');
    for (size_t k = 1; ok && k < colon; ++k) {
      const char c = s[k];
      ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '-' || c == '.';
    }
    if (ok) {
      p.scheme = std::string(s.substr(0, colon));
      i = colon + 1;
    }
  }
  if (s.substr(i, 2) == "//") {
    const size_t end = s.find_first_of("/?#", i + 2);
    p.authority = std::string(s.substr(i + 2, (end == std::string_view::npos ? s.size() : end) - i - 2));
    i = end == std::string_view::npos ? s.size() : end;
  }
  const size_t path_end = std::min(s.find_first_of("?#", i), s.size());
  p.path = std::string(s.substr(i, path_end - i));
  i = path_end;
  if (i < s.size() && s[i] == '?') {
    const size_t end = std::min(s.find('#', i), s.size());
    p.query = std::string(s.substr(i + 1, end - i - 1));
    i = end;
  }
  if (i < s.size() && s[i] == '#') p.fragment = std::string(s.substr(i + 1));
  return p;
}

std::string join_iri(const IriParts& p) {
  std::string out;
  if (p.scheme) out += *p.scheme + ":";
  if (p.authority) out += "//" + *p.authority;
  out += p.path;
  if (p.query) out += "?" + *p.query;
  if (p.fragment) out += "#" + *p.fragment;
  return out;
}

/// RFC 3986 section 5.2.2 reference resolution; std::nullopt if relative without a base.
std::optional<std::string> resolve_iri(std::string_view base, std::string_view ref) {
  const IriParts r = split_iri(ref);
  if (r.scheme) {
    IriParts t = r;
    t.path = remove_dot_segments(t.path);
    return join_iri(t);
  }
  if (base.empty()) return std::nullopt;
  const IriParts b = split_iri(base);
  if (!b.scheme) return std::nullopt;
  IriParts t;
  t.scheme = b.scheme;
  t.fragment = r.fragment;
  if (r.authority) {
    t.authority = r.authority;
    t.path = remove_dot_segments(r.path);
    t.query = r.query;
  } else {
    t.authority = b.authority;
    if (r.path.empty()) {
      t.path = b.path;
      t.query = r.query ? r.query : b.query;
    } else {
      if (r.path[0] == '/') {
        t.path = remove_dot_segments(r.path);
      } else {
        std::string merged;
        if (b.authority && b.path.empty()) {
          merged = "/" + r.path;
        } else {
          const size_t slash = b.path.rfind('/');
          merged = (slash == std::string::npos ? std::string() : b.path.substr(0, slash + 1)) + r.path;
        }
        t.path = remove_dot_segments(merged);
      }
      t.query = r.query;
    }
  }
  return join_iri(t);
}

class RdfXmlParser {
 public:
  RdfXmlParser(const xml::Document& doc, std::string base) : doc_(doc), base_(std::move(base)) {}

  std::vector<Triple> run() {
    const xml::Element& root = doc_.root;
    Scope scope{base_, {}};
    if (root.is(kRdfNs, "RDF")) {
      scope = enter(root, scope);
      for (const xml::Attribute& a : root.attributes) {
        if (a.ns != xml::kXmlNs) doc_.fail(root, "unexpected attribute " + a.qname + " on rdf:RDF");
      }
      if (root.has_text) doc_.fail(root, "text inside rdf:RDF");
      for (const xml::Element& e : root.children) node_element(e, scope);
    } else {
      node_element(root, scope);
    }
    return std::move(out_);
  }

 private:
  struct Scope {
    std::string base;
    std::string lang;
  };

  [[noreturn]] void unsupported(const xml::Element& e, const std::string& what) {
    const detail::Position p = detail::position_of(doc_.text, e.offset);
    throw UnsupportedError(doc_.source + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) +
                           ": RDF/XML " + what + " is not supported");
  }

  Scope enter(const xml::Element& e, const Scope& outer) {
    Scope s = outer;
    if (const xml::Attribute* b = e.attribute(xml::kXmlNs, "base")) {
      auto r = resolve_iri(outer.base, b->value);
      if (!r) doc_.fail(e, "xml:base is relative and there is no base IRI");
      s.base = *r;
      const size_t hash = s.base.find('#');
      if (hash != std::string::npos) s.base.erase(hash);
    }
    if (const xml::Attribute* l = e.attribute(xml::kXmlNs, "lang")) s.lang = l->value;
    return s;
  }

  std::string iri(const xml::Element& e, const Scope& s, std::string_view ref) {
    auto r = resolve_iri(s.base, ref);
    if (!r) doc_.fail(e, "relative IRI <" + std::string(ref) + "> and no base IRI");
    return *r;
  }

  rdf::Term fresh_blank() { return rdf::Term::blank("g" + std::to_string(++generated_)); }
  static rdf::Term node_id(const std::string& id) { return rdf::Term::blank("n" + id); }

  static bool is_syntax_attr(const xml::Attribute& a) { return a.ns == xml::kXmlNs; }

  void emit(const rdf::Term& s, const std::string& p, rdf::Term o) {
    out_.push_back(Triple{s, rdf::Term::iri(p), std::move(o)});
  }

  /// Property attributes of a node element or an empty property element.
  void property_attributes(const xml::Element& e, const Scope& s, const rdf::Term& subject,
                           std::initializer_list<std::string_view> consumed) {
    for (const xml::Attribute& a : e.attributes) {
      if (is_syntax_attr(a)) continue;
      if (a.ns == kRdfNs && std::find(consumed.begin(), consumed.end(), a.local) != consumed.end())
        continue;
      if (a.ns.empty()) doc_.fail(e, "unqualified attribute " + a.qname);
      if (a.ns == kRdfNs && a.local == "type") {
        emit(subject, std::string(rdf::iri::kRdfType), rdf::Term::iri(iri(e, s, a.value)));
        continue;
      }
      if (a.ns == kRdfNs && a.local != "value" && a.local.rfind('_', 0) != 0)
        unsupported(e, "attribute " + a.qname);
      emit(subject, a.ns + a.local,
           s.lang.empty() ? rdf::Term::string(a.value) : rdf::Term::lang_literal(a.value, s.lang));
    }
  }

  rdf::Term node_element(const xml::Element& e, const Scope& outer) {
    const Scope s = enter(e, outer);
    if (e.has_text) doc_.fail(e, "text inside a node element");
    const xml::Attribute* about = e.attribute(kRdfNs, "about");
    const xml::Attribute* id = e.attribute(kRdfNs, "ID");
    const xml::Attribute* nid = e.attribute(kRdfNs, "nodeID");
    if ((about != nullptr) + (id != nullptr) + (nid != nullptr) > 1)
      doc_.fail(e, "more than one of rdf:about, rdf:ID, rdf:nodeID");
    rdf::Term subject;
    if (about) {
      subject = rdf::Term::iri(iri(e, s, about->value));
    } else if (id) {
      subject = rdf::Term::iri(iri(e, s, "#" + id->value));
    } else if (nid) {
      subject = node_id(nid->value);
    } else {
      subject = fresh_blank();
    }
    if (e.ns == kRdfNs && (e.local == "RDF" || e.local == "li" || e.local == "parseType"))
      doc_.fail(e, "rdf:" + e.local + " is not a node element");
    if (!e.is(kRdfNs, "Description")) {
      if (e.ns.empty()) doc_.fail(e, "node element without namespace");
      emit(subject, std::string(rdf::iri::kRdfType), rdf::Term::iri(e.ns + e.local));
    }
    property_attributes(e, s, subject, {"about", "ID", "nodeID"});
    int li = 0;
    for (const xml::Element& p : e.children) property_element(p, s, subject, li);
    return subject;
  }

  void property_element(const xml::Element& e, const Scope& outer, const rdf::Term& subject, int& li) {
    const Scope s = enter(e, outer);
    if (e.ns.empty()) doc_.fail(e, "property element without namespace");
    std::string predicate = e.ns + e.local;
    if (e.is(kRdfNs, "li")) predicate = std::string(kRdfNs) + "_" + std::to_string(++li);
    if (e.ns == kRdfNs && (e.local == "Description" || e.local == "RDF"))
      doc_.fail(e, "rdf:" + e.local + " is not a property element");
    if (e.attribute(kRdfNs, "ID")) unsupported(e, "reification (rdf:ID on a property element)");

    const xml::Attribute* parse_type = e.attribute(kRdfNs, "parseType");
    const xml::Attribute* resource = e.attribute(kRdfNs, "resource");
    const xml::Attribute* nid = e.attribute(kRdfNs, "nodeID");
    const xml::Attribute* datatype = e.attribute(kRdfNs, "datatype");

    if (parse_type) {
      if (parse_type->value != "Resource") unsupported(e, "rdf:parseType=\"" + parse_type->value + "\"");
      if (resource || nid || datatype) doc_.fail(e, "rdf:parseType with rdf:resource/nodeID/datatype");
      if (e.has_text) doc_.fail(e, "text inside rdf:parseType=\"Resource\"");
      for (const xml::Attribute& a : e.attributes) {
        if (!is_syntax_attr(a) && !(a.ns == kRdfNs && a.local == "parseType"))
          doc_.fail(e, "unexpected attribute " + a.qname);
      }
      const rdf::Term object = fresh_blank();
      emit(subject, predicate, object);
      int inner_li = 0;
      for (const xml::Element& p : e.children) property_element(p, s, object, inner_li);
      return;
    }
    if (e.children.size() > 1) doc_.fail(e.children[1], "more than one node inside a property element");
    if (e.children.size() == 1) {
      if (e.has_text) doc_.fail(e, "text next to a node element");
      if (resource || nid || datatype) doc_.fail(e, "rdf:resource/nodeID/datatype with a nested node");
      for (const xml::Attribute& a : e.attributes) {
        if (!is_syntax_attr(a)) doc_.fail(e, "unexpected attribute " + a.qname);
      }
      emit(subject, predicate, node_element(e.children[0], s));
      return;
    }
    bool has_property_attrs = false;
    for (const xml::Attribute& a : e.attributes) {
      if (is_syntax_attr(a)) continue;
      if (a.ns == kRdfNs && (a.local == "resource" || a.local == "nodeID" || a.local == "datatype"))
        continue;
      has_property_attrs = true;
    }
    if (resource || nid || has_property_attrs) {
      if (e.has_text || !e.text.empty()) doc_.fail(e, "text in an empty property element");
      if (datatype) doc_.fail(e, "rdf:datatype on an empty property element");
      if (resource && nid) doc_.fail(e, "both rdf:resource and rdf:nodeID");
      const rdf::Term object = resource ? rdf::Term::iri(iri(e, s, resource->value))
                               : nid    ? node_id(nid->value)
                                        : fresh_blank();
      emit(subject, predicate, object);
      property_attributes(e, s, object, {"resource", "nodeID"});
      return;
    }
    if (datatype) {
      emit(subject, predicate, rdf::Term::literal(e.text, iri(e, s, datatype->value)));
    } else if (!s.lang.empty()) {
      emit(subject, predicate, rdf::Term::lang_literal(e.text, s.lang));
    } else {
      emit(subject, predicate, rdf::Term::string(e.text));
    }
  }

  const xml::Document& doc_;
  std::string base_;
  std::vector<Triple> out_;
  uint64_t generated_ = 0;
};

}  // namespace

std::vector<Triple> parse_rdf_xml(std::string_view text, std::string_view source, std::string_view base) {
  const xml::Document doc = xml::parse(text, source);
  std::string b(base);
  const size_t hash = b.find('#');
  if (hash != std::string::npos) b.erase(hash);
  return RdfXmlParser(doc, b).run();
}

ResultTable read_rdf_xml(std::string_view text, std::string_view source, std::string_view base) {
  const std::vector<Triple> triples = parse_rdf_xml(text, source, base);
  try {
    return from_rdf(triples);
  } catch (const SyntaxError& e) {
    throw SyntaxError(e.detail(), std::string(source), 0, 0);
  }
}

}  // namespace kikv::sparql::results
