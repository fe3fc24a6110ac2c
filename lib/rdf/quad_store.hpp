// The quad store: a dictionary plus three sorted permutations of (graph, subject, predicate,
// object), all led by the graph: GSPO, GPOS and GOSP. With the graph given, every pattern with
// any bound positions is a single range scan; without it, one scan per graph.
//
// Not thread-safe for writers. Cursors are invalidated by changes to the store.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <mutex>
#include <unordered_map>
#include <span>
#include <vector>

#include "rdf/dictionary.hpp"
#include "rdf/quad_index.hpp"
#include "rdf/term_id.hpp"

namespace kikv::rdf {

struct Quad {
  TermId g = kDefaultGraph;
  TermId s = kNoTerm;
  TermId p = kNoTerm;
  TermId o = kNoTerm;
  friend bool operator==(const Quad&, const Quad&) = default;
};

/// A quad pattern: kNoTerm matches anything (for g: any graph, the default graph included).
struct QuadPattern {
  TermId g = kNoTerm;
  TermId s = kNoTerm;
  TermId p = kNoTerm;
  TermId o = kNoTerm;
};

enum class Permutation : uint8_t { GSPO = 0, GPOS = 1, GOSP = 2 };

class QuadStore {
 public:
  QuadStore() = default;
  QuadStore(const QuadStore&) = delete;
  QuadStore& operator=(const QuadStore&) = delete;

  Dictionary& dictionary() { return dict_; }
  const Dictionary& dictionary() const { return dict_; }

  uint64_t size() const { return index_[0].size(); }
  bool contains(const Quad& q) const;
  bool insert(const Quad& q);
  bool erase(const Quad& q);
  /// Bulk paths: sort, dedupe and merge. The vector is consumed (reordered).
  /// Return the number of quads actually added / removed. `added`, if given, receives the quads
  /// that were not in the store before (an undo log: erase_batch(*added) takes them out again).
  uint64_t insert_batch(std::vector<Quad>& quads, std::vector<Quad>* added = nullptr);
  uint64_t erase_batch(std::vector<Quad>& quads);
  /// Removes every quad (the dictionary keeps its terms).
  void clear();
  /// Removes the quads of one graph; returns how many.
  uint64_t clear_graph(TermId graph);

  /// Iterates the quads matching a pattern, graph by graph.
  class Cursor {
   public:
    bool next(Quad& out);
    /// Restarts on another pattern of the same shape (same bound positions, same single graph)
    /// that sorts after the current one, continuing from the current position. False if
    /// that is not possible; then scan() afresh.
    bool seek(const QuadPattern& pattern);

   private:
    friend class QuadStore;
    void open_graph();
    const QuadStore* store_ = nullptr;
    Permutation perm_ = Permutation::GSPO;
    Key prefix_{};
    int prefix_len_ = 0;
    /// Graphs to scan: the pattern's own (no allocation per lookup), or every graph.
    TermId single_graph_ = kNoTerm;
    std::vector<TermId> graphs_;
    size_t graph_count_ = 0;
    size_t next_graph_ = 0;
    QuadIndex::Cursor cursor_;
    bool open_ = false;
  };
  Cursor scan(const QuadPattern& pattern) const;

  /// Exact number of quads matching a pattern (O(log n) per graph scanned).
  uint64_t count(const QuadPattern& pattern) const;

  /// Graph names with at least one quad, in id order; the default graph (kDefaultGraph) is
  /// included only if `with_default` and it is not empty.
  std::vector<TermId> graphs(bool with_default = false) const;
  uint64_t graph_size(TermId graph) const;

  /// Distinct-value statistics for join ordering, computed on first use and cached until the
  /// store changes. Thread-safe.
  struct PredicateStats {
    uint64_t triples = 0, subjects = 0, objects = 0;
  };
  PredicateStats predicate_stats(TermId predicate) const;
  /// The same over all predicates: distinct subjects and objects of the whole store.
  PredicateStats global_stats() const;

  struct MemoryStats {
    size_t index_bytes = 0;
    size_t dictionary_bytes = 0;
    size_t total() const { return index_bytes + dictionary_bytes; }
  };
  MemoryStats memory() const;

  /// Which permutation answers a pattern, and with how long a key prefix.
  static Permutation choose(const QuadPattern& p, int& prefix_len);
  static Key to_key(Permutation perm, const Quad& q);
  static Quad from_key(Permutation perm, const Key& k);

 private:
  void count_graph(TermId g, int64_t delta);
  void count_runs(const std::vector<Key>& gspo_keys);
  void changed();

  Dictionary dict_;
  std::array<QuadIndex, 3> index_;
  std::map<TermId, uint64_t> graph_sizes_;
  mutable std::mutex stats_mutex_;
  mutable std::unordered_map<TermId, PredicateStats> predicate_stats_;
  mutable std::optional<PredicateStats> global_stats_;
};

}  // namespace kikv::rdf
