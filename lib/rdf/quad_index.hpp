// One sorted permutation of the quads (e.g. graph, subject, predicate, object): a compressed,
// immutable base plus a small sorted delta of insertions and deletions that is merged into the
// base when it grows. Every lookup with a bound key prefix is a range scan.
//
// The base is cut into blocks of up to kBlockKeys keys. A block keeps its first key in the
// block directory; the others are stored as differences to their predecessor: one header byte
// naming the first component that changed (and a small delta of it), then the following
// components in full, as varints of the id rotated so that the tag sits in the low bits.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "rdf/term_id.hpp"

namespace kikv::rdf {

/// A quad in the component order of one permutation.
using Key = std::array<TermId, 4>;

class QuadIndex {
 public:
  static constexpr uint32_t kBlockKeys = 32;

  uint64_t size() const { return base_size_ + added_.size() - removed_.size(); }
  bool contains(const Key& key) const;
  /// Single-key changes go to the delta; both return whether the index changed.
  bool insert(const Key& key);
  bool erase(const Key& key);
  /// Adds sorted, duplicate-free keys (some may be present already). Appends the keys that
  /// were new to `added` when it is not null. Returns the number of new keys.
  uint64_t insert_sorted(std::span<const Key> keys, std::vector<Key>* added = nullptr);
  /// Removes sorted, duplicate-free keys; absent ones are ignored. Returns the number removed.
  uint64_t erase_sorted(std::span<const Key> keys, std::vector<Key>* removed = nullptr);
  void clear();

  /// Iterates, in order, the keys whose first `prefix_len` components equal `prefix`'s.
  /// Invalidated by any change to the index.
  class Cursor {
   public:
    bool next(Key& out);
    /// Moves on to another prefix of the same length that sorts after the previous one
    /// (a run of lookups in key order, as an index join over sorted input makes): continues
    /// from the current position instead of searching from the start. Returns false, leaving
    /// the cursor unusable, if the prefix does not sort after the previous one; then scan() again.
    bool seek(const Key& prefix, int prefix_len);

   private:
    friend class QuadIndex;
    bool base_matches() const;
    void advance_base();
    const QuadIndex* index_ = nullptr;
    Key prefix_{};
    int prefix_len_ = 0;
    Key lo_{};  ///< smallest key of the current prefix
    // base state: current key, block, keys left in the block, read position
    Key base_key_{};
    bool base_valid_ = false;
    size_t block_ = 0;
    uint32_t left_in_block_ = 0;
    const uint8_t* pos_ = nullptr;
    const Key* added_ = nullptr;
    const Key* added_end_ = nullptr;
    const Key* removed_ = nullptr;
    const Key* removed_end_ = nullptr;
  };
  Cursor scan(const Key& prefix, int prefix_len) const;

  /// Exact number of keys with the given prefix, in O(log n) plus two block decodes.
  uint64_t count(const Key& prefix, int prefix_len) const;

  size_t memory_bytes() const;

 private:
  struct Block {
    Key first;
    uint64_t offset;  ///< into bytes_, where the second key starts
    uint32_t count;
  };
  /// Replaces the base with `keys` (sorted, unique).
  void build(std::span<const Key> keys);
  /// All keys, base and delta merged, in order.
  std::vector<Key> materialize() const;
  void maybe_compact();
  /// Number of base keys < key.
  uint64_t base_rank(const Key& key) const;
  bool base_contains(const Key& key) const;
  /// Index of the last block whose first key is <= key (or 0).
  size_t find_block(const Key& key) const;

  std::vector<Block> blocks_;
  std::vector<uint8_t> bytes_;
  uint64_t base_size_ = 0;
  std::vector<Key> added_;    ///< sorted, none in the base
  std::vector<Key> removed_;  ///< sorted, all in the base
};

}  // namespace kikv::rdf
