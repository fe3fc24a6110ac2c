#include "isomorphism.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace kikv::test {

using rdf::Term;
using rdf::TermQuad;

namespace {

/// Normalised copy: language tags lower-cased, duplicates removed.
std::vector<TermQuad> normalise(std::vector<TermQuad> quads) {
  for (TermQuad& q : quads) {
    std::transform(q.o.lang.begin(), q.o.lang.end(), q.o.lang.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  auto key = [](const TermQuad& q) { return std::tie(q.g, q.s, q.p, q.o); };
  std::sort(quads.begin(), quads.end(), [&](const TermQuad& a, const TermQuad& b) { return key(a) < key(b); });
  quads.erase(std::unique(quads.begin(), quads.end(),
                          [&](const TermQuad& a, const TermQuad& b) { return key(a) == key(b); }),
              quads.end());
  return quads;
}

bool has_blank(const TermQuad& q) {
  return q.s.is_blank() || q.o.is_blank() || (q.g && q.g->is_blank());
}

std::string show(const TermQuad& q) {
  std::string s = to_ntriples(q.s) + " " + to_ntriples(q.p) + " " + to_ntriples(q.o);
  if (q.g) {
    s += " ";
    s += to_ntriples(*q.g);
  }
  return s + " .";
}

/// Blank-node matching by backtracking, with candidates pruned by an iteratively refined
/// signature (hash of a node's statements with other blank nodes abstracted).
class Matcher {
 public:
  Matcher(const std::vector<TermQuad>& a, const std::vector<TermQuad>& b) : a_(a), b_(b) {
    for (const TermQuad& q : b_) b_set_.insert(key(q, nullptr));
    collect(a_, a_nodes_);
    collect(b_, b_nodes_);
  }

  bool run() {
    if (a_nodes_.size() != b_nodes_.size()) return false;
    auto sa = signatures(a_, a_nodes_), sb = signatures(b_, b_nodes_);
    std::multiset<size_t> ma, mb;
    for (auto& [n, s] : sa) ma.insert(s);
    for (auto& [n, s] : sb) mb.insert(s);
    if (ma != mb) return false;
    order_ = std::vector<std::string>(a_nodes_.begin(), a_nodes_.end());
    // Most constrained first: rare signatures.
    std::map<size_t, int> freq;
    for (auto& [n, s] : sa) freq[s]++;
    std::sort(order_.begin(), order_.end(), [&](const std::string& x, const std::string& y) {
      return freq[sa[x]] < freq[sa[y]];
    });
    sa_ = std::move(sa);
    sb_ = std::move(sb);
    return search(0);
  }

 private:
  using Key = std::tuple<std::string, std::string, std::string, std::string>;

  static std::string node_key(const Term& t) { return rdf::to_ntriples(t); }

  Key key(const TermQuad& q, const std::map<std::string, std::string>* map) const {
    auto k = [&](const Term& t) {
      if (t.is_blank() && map) {
        auto it = map->find(t.value);
        return it == map->end() ? std::string("?") : std::string("_:") + it->second;
      }
      return node_key(t);
    };
    return {q.g ? k(*q.g) : std::string(), k(q.s), node_key(q.p), k(q.o)};
  }

  static void collect(const std::vector<TermQuad>& qs, std::set<std::string>& nodes) {
    for (const TermQuad& q : qs) {
      if (q.s.is_blank()) nodes.insert(q.s.value);
      if (q.o.is_blank()) nodes.insert(q.o.value);
      if (q.g && q.g->is_blank()) nodes.insert(q.g->value);
    }
  }

  static std::map<std::string, size_t> signatures(const std::vector<TermQuad>& qs,
                                                  const std::set<std::string>& nodes) {
    std::map<std::string, size_t> sig;
    for (const auto& n : nodes) sig[n] = 1;
    std::hash<std::string> h;
    for (int round = 0; round < 4; ++round) {
      std::map<std::string, size_t> next;
      for (const auto& n : nodes) next[n] = sig[n] * 31;
      for (const TermQuad& q : qs) {
        auto term_sig = [&](const Term& t) { return t.is_blank() ? sig[t.value] : h(node_key(t)); };
        const size_t g = q.g ? term_sig(*q.g) : 0, s = term_sig(q.s), o = term_sig(q.o), p = h(q.p.value);
        if (q.s.is_blank()) next[q.s.value] += (p * 3 + o * 7 + g * 11) ^ 0x9e37;
        if (q.o.is_blank()) next[q.o.value] += (p * 5 + s * 13 + g * 17) ^ 0x7f4a;
        if (q.g && q.g->is_blank()) next[q.g->value] += (p * 19 + s * 23 + o * 29) ^ 0x1234;
      }
      sig = std::move(next);
    }
    return sig;
  }

  bool consistent() const {
    // Every statement of A whose blank nodes are all mapped must be in B.
    for (const TermQuad& q : a_) {
      Key k = key(q, &map_);
      if (std::get<0>(k) == "?" || std::get<1>(k) == "?" || std::get<3>(k) == "?") continue;
      if (!b_set_.count(k)) return false;
    }
    return true;
  }

  bool search(size_t i) {
    if (i == order_.size()) return consistent();
    const std::string& a = order_[i];
    for (const auto& b : b_nodes_) {
      if (used_.count(b) || sb_[b] != sa_[a]) continue;
      map_[a] = b;
      used_.insert(b);
      if (consistent() && search(i + 1)) return true;
      used_.erase(b);
      map_.erase(a);
    }
    return false;
  }

  const std::vector<TermQuad>& a_;
  const std::vector<TermQuad>& b_;
  std::set<Key> b_set_;
  std::set<std::string> a_nodes_, b_nodes_;
  std::map<std::string, size_t> sa_, sb_;
  std::vector<std::string> order_;
  std::map<std::string, std::string> map_;
  std::set<std::string> used_;
};

}  // namespace

std::optional<std::string> compare_datasets(const std::vector<TermQuad>& expected_in,
                                            const std::vector<TermQuad>& actual_in) {
  const auto expected = normalise(expected_in), actual = normalise(actual_in);
  if (expected.size() != actual.size())
    return std::string("expected ") + std::to_string(expected.size()) + " statements, got " + std::to_string(actual.size());
  std::vector<TermQuad> eg, ag, eb, ab;
  for (const auto& q : expected) (has_blank(q) ? eb : eg).push_back(q);
  for (const auto& q : actual) (has_blank(q) ? ab : ag).push_back(q);
  for (size_t i = 0; i < std::max(eg.size(), ag.size()); ++i) {
    if (i >= eg.size()) return std::string("unexpected ") + show(ag[i]);
    if (i >= ag.size()) return std::string("missing ") + show(eg[i]);
    if (show(eg[i]) != show(ag[i])) return std::string("expected ") + show(eg[i]) + " got " + show(ag[i]);
  }
  if (eb.size() != ab.size()) return std::string("different number of statements with blank nodes");
  if (!Matcher(eb, ab).run()) return std::string("statements with blank nodes do not match");
  return std::nullopt;
}

}  // namespace kikv::test
