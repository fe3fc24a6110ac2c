#include "manifest.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

namespace kikv::w3c {

using rdf::Term;

namespace {
const std::string kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

std::string local_name(const std::string& iri) {
  const size_t pos = iri.find_last_of("#/");
  return pos == std::string::npos ? iri : iri.substr(pos + 1);
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}
}  // namespace

ManifestGraph::ManifestGraph(std::vector<rdf::TermQuad> quads) {
  for (auto& q : quads) by_subject_[q.s].emplace(q.p.value, std::move(q.o));
}

std::vector<Term> ManifestGraph::objects(const Term& subject, const std::string& predicate) const {
  std::vector<Term> out;
  auto it = by_subject_.find(subject);
  if (it == by_subject_.end()) return out;
  auto [lo, hi] = it->second.equal_range(predicate);
  for (auto i = lo; i != hi; ++i) out.push_back(i->second);
  return out;
}

std::optional<Term> ManifestGraph::object(const Term& subject, const std::string& predicate) const {
  auto all = objects(subject, predicate);
  if (all.empty()) return std::nullopt;
  return all.front();
}

std::vector<Term> ManifestGraph::list(const Term& head) const {
  std::vector<Term> out;
  Term node = head;
  std::set<Term> seen;
  while (!(node.is_iri() && node.value == kRdfNs + "nil") && seen.insert(node).second) {
    auto first = object(node, kRdfNs + "first");
    auto rest = object(node, kRdfNs + "rest");
    if (!first || !rest) break;
    out.push_back(*first);
    node = *rest;
  }
  return out;
}

std::vector<Term> ManifestGraph::subjects(const std::string& predicate, const Term& obj) const {
  std::vector<Term> out;
  for (const auto& [s, props] : by_subject_) {
    auto [lo, hi] = props.equal_range(predicate);
    for (auto i = lo; i != hi; ++i)
      if (i->second == obj) out.push_back(s);
  }
  return out;
}

std::string local_path(const std::string& iri) {
  if (iri.rfind("file://", 0) != 0) return {};
  return percent_decode(iri.substr(7));
}

namespace {

void read_into(const std::string& path, std::vector<TestEntry>& out, std::set<std::string>& seen) {
  const std::string canonical = std::filesystem::weakly_canonical(path).string();
  if (!seen.insert(canonical).second) return;
  rdf::LoadOptions lo;
  lo.syntax = rdf::Syntax::Turtle;
  auto graph = std::make_shared<const ManifestGraph>(rdf::read_terms_file(canonical, lo));
  const Term self = Term::iri(rdf::file_iri(canonical));
  const std::string mf = kMf;
  const std::string dir = std::filesystem::path(canonical).parent_path().string();
  std::string assumed_base;
  if (auto b = graph->object(self, mf + "assumedTestBase")) assumed_base = b->value;

  for (const Term& m : graph->subjects(kRdfNs + "type", Term::iri(mf + "Manifest"))) {
    for (const Term& inc_list : graph->objects(m, mf + "include")) {
      for (const Term& inc : graph->list(inc_list)) read_into(local_path(inc.value), out, seen);
    }
    for (const Term& entries : graph->objects(m, mf + "entries")) {
      for (const Term& t : graph->list(entries)) {
        TestEntry e;
        e.iri = t.value;
        e.graph = graph;
        if (auto n = graph->object(t, mf + "name")) e.name = n->value;
        if (auto ty = graph->object(t, kRdfNs + "type")) e.type = local_name(ty->value);
        if (auto a = graph->object(t, mf + "action")) e.action = *a;
        e.result = graph->object(t, mf + "result");
        auto approval = graph->object(t, std::string(kDawgt) + "approval");
        if (!approval) approval = graph->object(t, std::string(kRdft) + "approval");
        if (approval) e.approval = local_name(approval->value);
        if (!assumed_base.empty() && e.action.is_iri()) {
          const std::string file = local_path(e.action.value);
          const std::string rel = std::filesystem::path(file).lexically_relative(dir).string();
          e.base = assumed_base + rel;
        }
        out.push_back(std::move(e));
      }
    }
  }
}

}  // namespace

std::vector<TestEntry> read_manifest(const std::string& path) {
  std::vector<TestEntry> out;
  std::set<std::string> seen;
  read_into(path, out, seen);
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
    std::string iri = line.substr(start, hash == std::string::npos ? std::string::npos : hash - start);
    while (!iri.empty() && (iri.back() == ' ' || iri.back() == '\t')) iri.pop_back();
    out[iri] = hash == std::string::npos ? "" : line.substr(hash + 2);
  }
  return out;
}

std::string shared_dir() {
  if (const char* env = std::getenv("KIKV_SHARED"); env && *env) return env;
  return KIKV_SHARED_DIR;
}

}  // namespace kikv::w3c
