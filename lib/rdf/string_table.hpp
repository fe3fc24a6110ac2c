// An append-only set of byte strings numbered 0, 1, 2 ... in insertion order: the storage behind
// the dictionary. Strings live in large chunks (no allocation per string; addresses stay valid
// while the table grows); lookup is an open-addressing hash table of 8-byte slots holding part
// of the hash (to skip most string compares) and the string's number.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace kikv::rdf {

class StringTable {
 public:
  StringTable();

  /// Number of the string `bytes`, adding it if absent.
  uint64_t intern(std::string_view bytes);
  std::optional<uint64_t> find(std::string_view bytes) const;
  /// The string numbered `index` (< size()); valid as long as the table keeps it.
  std::string_view get(uint64_t index) const;
  uint64_t size() const { return offsets_.size(); }
  /// Removes every string numbered >= `size` (used to roll back a failed load).
  void truncate(uint64_t size);
  /// Bytes of memory held (chunks, offsets, hash slots).
  size_t memory_bytes() const;

  static uint64_t hash(std::string_view bytes);

 private:
  /// Chunks grow from kFirstChunk to kChunkSize, so that small tables stay small.
  static constexpr size_t kFirstChunk = size_t{1} << 12;
  static constexpr size_t kChunkSize = size_t{1} << 20;
  static constexpr unsigned kIndexBits = 40;
  static constexpr uint64_t kIndexMask = (uint64_t{1} << kIndexBits) - 1;

  uint64_t append(std::string_view bytes);
  void insert_slot(uint64_t hash, uint64_t index);
  void grow();
  bool slot_matches(uint64_t slot, uint64_t hash, std::string_view bytes) const;
  size_t home(uint64_t hash) const { return static_cast<size_t>(hash) & (slots_.size() - 1); }
  static uint64_t tag(uint64_t hash) { return (hash & 0xffffff) << kIndexBits; }

  struct Chunk {
    std::unique_ptr<char[]> data;
    size_t capacity = 0;
    size_t used = 0;
  };
  std::vector<Chunk> chunks_;
  /// Per string: chunk number (high 24 bits) and position in the chunk (low 40 bits).
  std::vector<uint64_t> offsets_;
  /// 0 = empty; else tag (high 24 bits) | (index + 1) (low 40 bits). The tag is the hash's low
  /// 24 bits, which are also the home slot's bits while the table has at most 2^24 slots, so
  /// growing needs no hashing (and no reading of strings) until then.
  std::vector<uint64_t> slots_;
};

}  // namespace kikv::rdf
