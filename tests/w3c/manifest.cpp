#include "manifest.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "rdf/rdf_reader.hpp"

namespace kikv::test {

using rdf::Term;

namespace {

const std::string kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kRdfsComment = "http://www.w3.org/2000/01/rdf-schema#comment";

/// A manifest's statements indexed by subject.
class Graph {
 public:
  explicit Graph(std::vector<rdf::TermQuad> quads) {
    for (auto& q : quads) by_subject_[q.s].emplace(q.p.value, std::move(q.o));
  }
  std::vector<Term> objects(const Term& s, const std::string& p) const {
    std::vector<Term> out;
    auto it = by_subject_.find(s);
    if (it == by_subject_.end()) return out;
    auto [lo, hi] = it->second.equal_range(p);
    for (auto i = lo; i != hi; ++i) out.push_back(i->second);
    return out;
  }
  std::string first(const Term& s, const std::string& p) const {
    auto v = objects(s, p);
    return v.empty() ? std::string() : v.front().value;
  }
  std::vector<Term> list(Term head) const {
    std::vector<Term> items;
    std::set<Term> seen;
    while (!(head.is_iri() && head.value == kRdfNs + "nil") && seen.insert(head).second) {
      auto f = objects(head, kRdfNs + "first");
      auto r = objects(head, kRdfNs + "rest");
      if (f.empty() || r.empty()) break;
      items.push_back(f.front());
      head = r.front();
    }
    return items;
  }
  /// All (predicate, object value) of a subject.
  std::multimap<std::string, std::string> properties(const Term& s) const {
    std::multimap<std::string, std::string> out;
    auto it = by_subject_.find(s);
    if (it != by_subject_.end())
      for (const auto& [p, o] : it->second) out.emplace(p, o.value);
    return out;
  }

 private:
  std::map<Term, std::multimap<std::string, Term>> by_subject_;
};

std::string local_name(const std::string& iri) {
  const size_t cut = iri.find_last_of("#/");
  return cut == std::string::npos ? iri : iri.substr(cut + 1);
}

void read_into(const std::string& path, std::vector<ManifestTest>& out, std::set<std::string>& seen_tests,
               std::set<std::string>& seen_files) {
  const std::string canonical = std::filesystem::weakly_canonical(path).string();
  if (!seen_files.insert(canonical).second) return;
  const std::string base = path_to_iri(canonical);
  rdf::LoadOptions lo;
  lo.syntax = rdf::Syntax::Turtle;
  lo.base_iri = base;
  const Graph g(rdf::read_terms_file(canonical, lo));
  const Term self = Term::iri(base);  // the manifest resource is the file itself ("<>")
  const std::string mf = kMf;
  const std::string dir = std::filesystem::path(canonical).parent_path().string();
  const std::string assumed = g.first(self, mf + "assumedTestBase");

  for (const Term& inc : g.objects(self, mf + "include"))
    for (const Term& item : g.list(inc)) read_into(iri_to_path(item.value), out, seen_tests, seen_files);

  for (const Term& entries : g.objects(self, mf + "entries")) {
    for (const Term& entry : g.list(entries)) {
      if (!seen_tests.insert(entry.value).second) continue;
      ManifestTest t;
      t.iri = entry.value;
      t.manifest = canonical;
      t.name = g.first(entry, mf + "name");
      t.comment = g.first(entry, kRdfsComment);
      t.type = g.first(entry, kRdfNs + "type");
      t.type_name = local_name(t.type);
      t.approval = g.first(entry, std::string(kDawgt) + "approval");
      if (t.approval.empty()) t.approval = g.first(entry, std::string(kRdft) + "approval");
      t.approval_name = t.approval.empty() ? "" : local_name(t.approval);
      t.result = g.first(entry, mf + "result");
      for (const Term& action : g.objects(entry, mf + "action")) {
        if (action.is_iri()) {
          t.action = t.query = action.value;
          continue;
        }
        t.action_properties = g.properties(action);
        t.query = g.first(action, std::string(kQt) + "query");
        t.data = g.first(action, std::string(kQt) + "data");
        for (const Term& gd : g.objects(action, std::string(kQt) + "graphData"))
          t.graph_data.push_back(gd.is_iri() ? gd.value : g.first(gd, std::string(kQt) + "graph"));
      }
      if (!assumed.empty() && !t.action.empty()) {
        const std::string file = iri_to_path(t.action);
        t.assumed_base = assumed + std::filesystem::path(file).lexically_relative(dir).string();
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

std::string path_to_iri(const std::string& path) { return rdf::file_iri(path); }

std::vector<ManifestTest> read_manifest(const std::string& path) {
  std::vector<ManifestTest> out;
  std::set<std::string> seen_tests, seen_files;
  read_into(path, out, seen_tests, seen_files);
  return out;
}

std::map<std::string, std::string> read_known_failures(const std::string& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    // A comment starts at a '#' after whitespace (test names contain '#' fragments).
    size_t hash = line.find(" #", start);
    if (hash == std::string::npos) hash = line.find("\t#", start);
    std::string name = line.substr(start, hash == std::string::npos ? std::string::npos : hash - start);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
    std::string reason = hash == std::string::npos ? "" : line.substr(hash + 2);
    const size_t r = reason.find_first_not_of(" \t");
    out[name] = r == std::string::npos ? "" : reason.substr(r);
  }
  return out;
}

std::string shared_dir() {
  if (const char* env = std::getenv("KIKV_SHARED"); env && *env) return env;
  return KIKV_SHARED_DIR;
}

}  // namespace kikv::test
