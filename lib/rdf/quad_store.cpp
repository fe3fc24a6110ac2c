#include "rdf/quad_store.hpp"

#include <algorithm>
#include <thread>

namespace kikv::rdf {

Key QuadStore::to_key(Permutation perm, const Quad& q) {
  switch (perm) {
    case Permutation::GSPO: return {q.g, q.s, q.p, q.o};
    case Permutation::GPOS: return {q.g, q.p, q.o, q.s};
    case Permutation::GOSP: return {q.g, q.o, q.s, q.p};
  }
  return {};
}

Quad QuadStore::from_key(Permutation perm, const Key& k) {
  switch (perm) {
    case Permutation::GSPO: return {k[0], k[1], k[2], k[3]};
    case Permutation::GPOS: return {k[0], k[3], k[1], k[2]};
    case Permutation::GOSP: return {k[0], k[2], k[3], k[1]};
  }
  return {};
}

Permutation QuadStore::choose(const QuadPattern& p, int& prefix_len) {
  const bool s = p.s != kNoTerm, pr = p.p != kNoTerm, o = p.o != kNoTerm;
  Permutation perm = Permutation::GSPO;
  int bound = 0;
  if (s && pr) {
    perm = Permutation::GSPO;
    bound = o ? 3 : 2;
  } else if (s && o) {
    perm = Permutation::GOSP;
    bound = 2;
  } else if (s) {
    perm = Permutation::GSPO;
    bound = 1;
  } else if (pr) {
    perm = Permutation::GPOS;
    bound = o ? 2 : 1;
  } else if (o) {
    perm = Permutation::GOSP;
    bound = 1;
  }
  prefix_len = 1 + bound;  // the graph always leads
  return perm;
}

void QuadStore::changed() {
  std::lock_guard lock(stats_mutex_);
  predicate_stats_.clear();
  global_stats_.reset();
}

QuadStore::PredicateStats QuadStore::predicate_stats(TermId predicate) const {
  {
    std::lock_guard lock(stats_mutex_);
    auto it = predicate_stats_.find(predicate);
    if (it != predicate_stats_.end()) return it->second;
  }
  // POS order: objects arrive sorted per graph (count changes); subjects need a set.
  PredicateStats st;
  std::unordered_map<TermId, char> subjects;
  for (const auto& [g, n] : graph_sizes_) {
    auto c = index_[1].scan(Key{g, predicate, 0, 0}, 2);
    Key k;
    TermId last_o = kNoTerm;
    while (c.next(k)) {
      ++st.triples;
      if (k[2] != last_o) {
        ++st.objects;
        last_o = k[2];
      }
      subjects.emplace(k[3], 0);
    }
  }
  st.subjects = subjects.size();
  std::lock_guard lock(stats_mutex_);
  predicate_stats_[predicate] = st;
  return st;
}

QuadStore::PredicateStats QuadStore::global_stats() const {
  {
    std::lock_guard lock(stats_mutex_);
    if (global_stats_) return *global_stats_;
  }
  PredicateStats st;
  st.triples = size();
  for (int perm : {0, 2}) {  // GSPO counts subjects, GOSP objects (sorted per graph)
    for (const auto& [g, n] : graph_sizes_) {
      auto c = index_[static_cast<size_t>(perm)].scan(Key{g, 0, 0, 0}, 1);
      Key k;
      TermId last = kNoTerm;
      while (c.next(k)) {
        if (k[1] != last) {
          (perm == 0 ? st.subjects : st.objects)++;
          last = k[1];
        }
      }
    }
  }
  std::lock_guard lock(stats_mutex_);
  global_stats_ = st;
  return st;
}

void QuadStore::count_graph(TermId g, int64_t delta) {
  auto it = graph_sizes_.try_emplace(g, 0).first;
  it->second = static_cast<uint64_t>(static_cast<int64_t>(it->second) + delta);
  if (it->second == 0) graph_sizes_.erase(it);
}

bool QuadStore::contains(const Quad& q) const {
  return index_[0].contains(to_key(Permutation::GSPO, q));
}

bool QuadStore::insert(const Quad& q) {
  if (!index_[0].insert(to_key(Permutation::GSPO, q))) return false;
  index_[1].insert(to_key(Permutation::GPOS, q));
  index_[2].insert(to_key(Permutation::GOSP, q));
  count_graph(q.g, 1);
  changed();
  return true;
}

bool QuadStore::erase(const Quad& q) {
  if (!index_[0].erase(to_key(Permutation::GSPO, q))) return false;
  index_[1].erase(to_key(Permutation::GPOS, q));
  index_[2].erase(to_key(Permutation::GOSP, q));
  count_graph(q.g, -1);
  changed();
  return true;
}

namespace {

/// Keys of `quads` in the given permutation, sorted.
std::vector<Key> sorted_keys(const std::vector<Quad>& quads, Permutation perm) {
  std::vector<Key> keys;
  keys.reserve(quads.size());
  for (const Quad& q : quads) keys.push_back(QuadStore::to_key(perm, q));
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::vector<Key> sorted_unique_keys(const std::vector<Quad>& quads, Permutation perm) {
  std::vector<Key> keys = sorted_keys(quads, perm);
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace

uint64_t QuadStore::insert_batch(std::vector<Quad>& quads, std::vector<Quad>* added_quads) {
  if (quads.empty()) return 0;
  if (size() == 0) {
    // Into an empty store everything is new: the three permutations are sorted (and
    // deduplicated) independently, in parallel.
    std::vector<Key> keys[3];
    std::thread pos([&] { keys[1] = sorted_unique_keys(quads, Permutation::GPOS); });
    std::thread osp([&] { keys[2] = sorted_unique_keys(quads, Permutation::GOSP); });
    keys[0] = sorted_unique_keys(quads, Permutation::GSPO);
    pos.join();
    osp.join();
    for (int i = 0; i < 3; ++i) index_[i].insert_sorted(keys[i]);
    if (added_quads)
      for (const Key& k : keys[0]) added_quads->push_back(from_key(Permutation::GSPO, k));
    count_runs(keys[0]);
    changed();
    return keys[0].size();
  }
  // GSPO first: it tells which quads are new. The other two permutations only get those, and
  // are sorted on two threads.
  std::vector<Key> keys = sorted_unique_keys(quads, Permutation::GSPO);
  std::vector<Key> fresh;
  const uint64_t added = index_[0].insert_sorted(keys, &fresh);
  if (added == 0) return 0;
  quads.clear();
  for (const Key& k : fresh) quads.push_back(from_key(Permutation::GSPO, k));
  if (added_quads) added_quads->insert(added_quads->end(), quads.begin(), quads.end());
  std::vector<Key> pos_keys;
  std::thread sorter([&] { pos_keys = sorted_keys(quads, Permutation::GPOS); });
  std::vector<Key> osp_keys = sorted_keys(quads, Permutation::GOSP);
  sorter.join();
  index_[1].insert_sorted(pos_keys);
  index_[2].insert_sorted(osp_keys);
  count_runs(fresh);
  changed();
  return added;
}

void QuadStore::count_runs(const std::vector<Key>& gspo) {
  // Keys in GSPO order: the graph leads, so each graph is one run.
  for (size_t i = 0; i < gspo.size();) {
    size_t j = i;
    while (j < gspo.size() && gspo[j][0] == gspo[i][0]) ++j;
    count_graph(gspo[i][0], static_cast<int64_t>(j - i));
    i = j;
  }
}

uint64_t QuadStore::erase_batch(std::vector<Quad>& quads) {
  if (quads.empty()) return 0;
  std::vector<Key> keys = sorted_unique_keys(quads, Permutation::GSPO);
  std::vector<Key> gone;
  const uint64_t removed = index_[0].erase_sorted(keys, &gone);
  if (removed == 0) return 0;
  quads.clear();
  for (const Key& k : gone) quads.push_back(from_key(Permutation::GSPO, k));
  std::vector<Key> pos_keys = sorted_keys(quads, Permutation::GPOS);
  std::vector<Key> osp_keys = sorted_keys(quads, Permutation::GOSP);
  index_[1].erase_sorted(pos_keys);
  index_[2].erase_sorted(osp_keys);
  for (const Quad& q : quads) count_graph(q.g, -1);
  changed();
  return removed;
}

void QuadStore::clear() {
  for (QuadIndex& idx : index_) idx.clear();
  graph_sizes_.clear();
  changed();
}

uint64_t QuadStore::clear_graph(TermId graph) {
  std::vector<Quad> quads;
  Cursor c = scan(QuadPattern{graph, kNoTerm, kNoTerm, kNoTerm});
  Quad q;
  while (c.next(q)) quads.push_back(q);
  return erase_batch(quads);
}

QuadStore::Cursor QuadStore::scan(const QuadPattern& pattern) const {
  Cursor c;
  c.store_ = this;
  c.perm_ = choose(pattern, c.prefix_len_);
  c.prefix_ = to_key(c.perm_, Quad{pattern.g, pattern.s, pattern.p, pattern.o});
  if (pattern.g != kNoTerm) {
    c.single_graph_ = pattern.g;
    c.graph_count_ = 1;
  } else {
    c.graphs_ = graphs(true);
    c.graph_count_ = c.graphs_.size();
  }
  return c;
}

void QuadStore::Cursor::open_graph() {
  prefix_[0] = graphs_.empty() ? single_graph_ : graphs_[next_graph_];
  ++next_graph_;
  cursor_ = store_->index_[static_cast<int>(perm_)].scan(prefix_, prefix_len_);
  open_ = true;
}

bool QuadStore::Cursor::next(Quad& out) {
  Key k;
  for (;;) {
    if (!open_) {
      if (next_graph_ >= graph_count_) return false;
      open_graph();
    }
    if (cursor_.next(k)) {
      out = from_key(perm_, k);
      return true;
    }
    open_ = false;
  }
}

bool QuadStore::Cursor::seek(const QuadPattern& pattern) {
  if (!store_ || graph_count_ != 1 || pattern.g != single_graph_ || next_graph_ != 1) return false;
  int prefix_len = 0;
  if (choose(pattern, prefix_len) != perm_ || prefix_len != prefix_len_) return false;
  const Key prefix = to_key(perm_, Quad{pattern.g, pattern.s, pattern.p, pattern.o});
  if (!cursor_.seek(prefix, prefix_len)) return false;
  prefix_ = prefix;
  open_ = true;
  return true;
}

uint64_t QuadStore::count(const QuadPattern& pattern) const {
  int prefix_len = 0;
  const Permutation perm = choose(pattern, prefix_len);
  Key prefix = to_key(perm, Quad{pattern.g, pattern.s, pattern.p, pattern.o});
  const QuadIndex& idx = index_[static_cast<int>(perm)];
  if (pattern.g != kNoTerm) return idx.count(prefix, prefix_len);
  if (prefix_len == 1) return size();
  uint64_t n = 0;
  for (const auto& [g, size] : graph_sizes_) {
    prefix[0] = g;
    n += idx.count(prefix, prefix_len);
  }
  return n;
}

std::vector<TermId> QuadStore::graphs(bool with_default) const {
  std::vector<TermId> out;
  out.reserve(graph_sizes_.size());
  for (const auto& [g, size] : graph_sizes_) {
    if (g != kDefaultGraph || with_default) out.push_back(g);
  }
  return out;
}

uint64_t QuadStore::graph_size(TermId graph) const {
  auto it = graph_sizes_.find(graph);
  return it == graph_sizes_.end() ? 0 : it->second;
}

QuadStore::MemoryStats QuadStore::memory() const {
  MemoryStats m;
  for (const QuadIndex& idx : index_) m.index_bytes += idx.memory_bytes();
  m.dictionary_bytes = dict_.stats().memory_bytes;
  return m;
}

}  // namespace kikv::rdf
