#include "manifest.hpp"

#include <serd/serd.h>

#include <filesystem>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "rdf/iri.hpp"

namespace kikv::test {
namespace {

constexpr const char* kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr const char* kRdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
constexpr const char* kRdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
constexpr const char* kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
constexpr const char* kRdfsComment = "http://www.w3.org/2000/01/rdf-schema#comment";

struct Node {
  enum Kind { Iri, Blank, Literal } kind = Iri;
  std::string value;
};

/// The triples of one manifest file, indexed by subject.
struct Graph {
  std::unordered_map<std::string, std::vector<std::pair<std::string, Node>>> by_subject;

  std::vector<Node> objects(const std::string& subject, const std::string& predicate) const {
    std::vector<Node> out;
    auto it = by_subject.find(subject);
    if (it == by_subject.end()) return out;
    for (const auto& [p, o] : it->second) {
      if (p == predicate) out.push_back(o);
    }
    return out;
  }
  std::string first(const std::string& subject, const std::string& predicate) const {
    auto v = objects(subject, predicate);
    return v.empty() ? std::string() : v.front().value;
  }
  std::vector<Node> list(std::string head) const;
};

/// Subjects are keyed with a kind marker so blank labels never equal IRIs.
std::string key(const Node& n) { return (n.kind == Node::Blank ? "_:" : "") + n.value; }

/// The items of the RDF list whose head has key `head`.
std::vector<Node> Graph::list(std::string head) const {
  std::vector<Node> items;
  std::set<std::string> seen;
  while (!head.empty() && head != kRdfNil && seen.insert(head).second) {
    auto f = objects(head, kRdfFirst);
    if (!f.empty()) items.push_back(f.front());
    auto rest = objects(head, kRdfRest);
    head = rest.empty() ? std::string() : key(rest.front());
  }
  return items;
}

struct ReadState {
  SerdEnv* env = nullptr;
  std::string base;
  Graph graph;
  std::string error;
};

std::string node_string(const SerdNode* n) {
  return std::string(reinterpret_cast<const char*>(n->buf), n->n_bytes);
}

Node to_node(ReadState& st, const SerdNode* n) {
  switch (n->type) {
    case SERD_URI: return {Node::Iri, rdf::resolve_iri(st.base, node_string(n))};
    case SERD_CURIE: {
      SerdNode expanded = serd_env_expand_node(st.env, n);
      if (!expanded.buf) {
        st.error = "undefined prefix in " + node_string(n);
        return {Node::Iri, node_string(n)};
      }
      Node out{Node::Iri, node_string(&expanded)};
      serd_node_free(&expanded);
      return out;
    }
    case SERD_BLANK: return {Node::Blank, node_string(n)};
    default: return {Node::Literal, node_string(n)};
  }
}

SerdStatus on_base(void* handle, const SerdNode* uri) {
  auto& st = *static_cast<ReadState*>(handle);
  st.base = rdf::resolve_iri(st.base, node_string(uri));
  SerdNode b = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(st.base.c_str()));
  serd_env_set_base_uri(st.env, &b);
  return SERD_SUCCESS;
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto& st = *static_cast<ReadState*>(handle);
  std::string resolved = rdf::resolve_iri(st.base, node_string(uri));
  SerdNode u = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(resolved.c_str()));
  serd_env_set_prefix(st.env, name, &u);
  return SERD_SUCCESS;
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode*, const SerdNode* s,
                        const SerdNode* p, const SerdNode* o, const SerdNode*, const SerdNode*) {
  auto& st = *static_cast<ReadState*>(handle);
  Node subject = to_node(st, s);
  Node predicate = to_node(st, p);
  Node object = to_node(st, o);
  st.graph.by_subject[key(subject)].emplace_back(predicate.value, object);
  return SERD_SUCCESS;
}

Graph read_graph(const std::string& path, const std::string& base) {
  ReadState st;
  st.base = base;
  SerdNode b = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base.c_str()));
  st.env = serd_env_new(&b);
  SerdReader* reader = serd_reader_new(SERD_TURTLE, &st, nullptr, on_base, on_prefix,
                                       on_statement, nullptr);
  SerdStatus status =
      serd_reader_read_file(reader, reinterpret_cast<const uint8_t*>(path.c_str()));
  serd_reader_free(reader);
  serd_env_free(st.env);
  if (status != SERD_SUCCESS) {
    throw std::runtime_error("cannot read manifest " + path + ": " +
                             reinterpret_cast<const char*>(serd_strerror(status)));
  }
  if (!st.error.empty()) throw std::runtime_error(path + ": " + st.error);
  return std::move(st.graph);
}

std::string local_name(const std::string& iri) {
  size_t cut = iri.find_last_of("#/");
  return cut == std::string::npos ? iri : iri.substr(cut + 1);
}

void read_into(const std::string& path, std::vector<ManifestTest>& out,
               std::set<std::string>& seen_tests, std::set<std::string>& seen_files) {
  std::string canonical = std::filesystem::weakly_canonical(path).string();
  if (!seen_files.insert(canonical).second) return;
  std::string base = path_to_iri(canonical);
  Graph g = read_graph(canonical, base);
  // The manifest resource is the file itself ("<>").
  const std::string self = base;
  for (const auto& inc : g.objects(self, std::string(kMf) + "include")) {
    for (const auto& item : g.list(key(inc))) read_into(iri_to_path(item.value), out, seen_tests, seen_files);
  }
  for (const auto& entries : g.objects(self, std::string(kMf) + "entries")) {
    for (const auto& entry : g.list(key(entries))) {
      if (!seen_tests.insert(entry.value).second) continue;
      std::string subject = key(entry);
      ManifestTest t;
      t.iri = entry.value;
      t.manifest = canonical;
      t.name = g.first(subject, std::string(kMf) + "name");
      t.comment = g.first(subject, kRdfsComment);
      t.type = g.first(subject, kRdfType);
      t.type_name = local_name(t.type);
      t.approval = g.first(subject, std::string(kDawgt) + "approval");
      t.approval_name = t.approval.empty() ? "" : local_name(t.approval);
      t.result = g.first(subject, std::string(kMf) + "result");
      for (const auto& action : g.objects(subject, std::string(kMf) + "action")) {
        if (action.kind == Node::Iri) {
          t.action = action.value;
          t.query = action.value;
          continue;
        }
        std::string a = key(action);
        auto it = g.by_subject.find(a);
        if (it != g.by_subject.end()) {
          for (const auto& [p, o] : it->second) t.action_properties.emplace(p, o.value);
        }
        t.query = g.first(a, std::string(kQt) + "query");
        t.data = g.first(a, std::string(kQt) + "data");
        for (const auto& gd : g.objects(a, std::string(kQt) + "graphData")) {
          t.graph_data.push_back(gd.kind == Node::Iri ? gd.value
                                                      : g.first(key(gd), std::string(kQt) + "graph"));
        }
      }
      out.push_back(std::move(t));
    }
  }
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string iri_to_path(const std::string& iri) {
  std::string_view v = iri;
  if (v.starts_with("file://")) {
    v.remove_prefix(7);
  } else if (v.starts_with("file:")) {
    v.remove_prefix(5);
  } else {
    return iri;
  }
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '%' && i + 2 < v.size() && hex(v[i + 1]) >= 0 && hex(v[i + 2]) >= 0) {
      out += static_cast<char>(hex(v[i + 1]) * 16 + hex(v[i + 2]));
      i += 2;
    } else {
      out += v[i];
    }
  }
  return out;
}

std::string path_to_iri(const std::string& path) {
  std::string abs = std::filesystem::absolute(path).string();
  std::string out = "file://";
  for (char c : abs) {
    if (c == ' ' || c == '%' || c == '#' || c == '?') {
      static const char* kHex = "0123456789ABCDEF";
      out += '%';
      out += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
      out += kHex[static_cast<unsigned char>(c) & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<ManifestTest> read_manifest(const std::string& path) {
  std::vector<ManifestTest> out;
  std::set<std::string> seen_tests, seen_files;
  read_into(path, out, seen_tests, seen_files);
  return out;
}

}  // namespace kikv::test
