#include "rdf/string_table.hpp"

#include <cstring>
#include <algorithm>
#include <functional>

#include "rdf/error.hpp"
#include "rdf/varint.hpp"

namespace kikv::rdf {

StringTable::StringTable() : slots_(64, 0) {}

uint64_t StringTable::hash(std::string_view bytes) {
  // libstdc++'s string hash (Murmur-based); mixed once more so the low bits used for the home
  // slot and the high bits used as tag are both well distributed.
  uint64_t h = std::hash<std::string_view>{}(bytes);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

bool StringTable::slot_matches(uint64_t slot, uint64_t h, std::string_view bytes) const {
  if ((slot & ~kIndexMask) != tag(h)) return false;
  return get((slot & kIndexMask) - 1) == bytes;
}

std::optional<uint64_t> StringTable::find(std::string_view bytes) const {
  const uint64_t h = hash(bytes);
  for (size_t i = home(h);; i = (i + 1) & (slots_.size() - 1)) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return std::nullopt;
    if (slot_matches(slot, h, bytes)) return (slot & kIndexMask) - 1;
  }
}

uint64_t StringTable::intern(std::string_view bytes) {
  const uint64_t h = hash(bytes);
  size_t i = home(h);
  for (;; i = (i + 1) & (slots_.size() - 1)) {
    const uint64_t slot = slots_[i];
    if (slot == 0) break;
    if (slot_matches(slot, h, bytes)) return (slot & kIndexMask) - 1;
  }
  const uint64_t index = append(bytes);
  slots_[i] = tag(h) | (index + 1);
  if ((offsets_.size() + 1) * 10 > slots_.size() * 7) grow();
  return index;
}

uint64_t StringTable::append(std::string_view bytes) {
  if (offsets_.size() >= kIndexMask - 1) throw RangeError("dictionary is full");
  const size_t need = bytes.size() + kMaxVarintBytes;
  if (chunks_.empty() || chunks_.back().capacity - chunks_.back().used < need) {
    // Large strings get a chunk of their own so chunks stay mostly full.
    Chunk c;
    const size_t normal = chunks_.empty() ? kFirstChunk : std::min(kChunkSize, chunks_.back().capacity * 2);
    c.capacity = need > normal / 4 ? std::max(need, normal) : normal;
    c.data.reset(new char[c.capacity]);
    chunks_.push_back(std::move(c));
  }
  Chunk& c = chunks_.back();
  const uint64_t offset = (uint64_t{chunks_.size() - 1} << 40) | c.used;
  c.used += encode_varint(bytes.size(), reinterpret_cast<uint8_t*>(c.data.get() + c.used));
  if (!bytes.empty()) std::memcpy(c.data.get() + c.used, bytes.data(), bytes.size());
  c.used += bytes.size();
  offsets_.push_back(offset);
  return offsets_.size() - 1;
}

std::string_view StringTable::get(uint64_t index) const {
  const uint64_t off = offsets_[index];
  const Chunk& c = chunks_[off >> 40];
  const auto* p = reinterpret_cast<const uint8_t*>(c.data.get() + (off & ((uint64_t{1} << 40) - 1)));
  uint64_t n = 0;
  p += decode_varint(p, n);
  return {reinterpret_cast<const char*>(p), static_cast<size_t>(n)};
}

void StringTable::insert_slot(uint64_t h, uint64_t index) {
  size_t i = home(h);
  while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
  slots_[i] = tag(h) | (index + 1);
}

void StringTable::grow() {
  std::vector<uint64_t> old(slots_.size() * 2, 0);
  old.swap(slots_);
  const bool tag_is_home = slots_.size() <= (size_t{1} << 24);
  for (uint64_t slot : old) {
    if (slot == 0) continue;
    if (tag_is_home) {
      // The tag holds the home slot's bits: re-place the slot as it is.
      size_t i = static_cast<size_t>(slot >> kIndexBits) & (slots_.size() - 1);
      while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = slot;
    } else {
      const uint64_t index = (slot & kIndexMask) - 1;
      insert_slot(hash(get(index)), index);
    }
  }
}

void StringTable::truncate(uint64_t size) {
  if (size >= offsets_.size()) return;
  // Rebuild the slots without the removed strings (a rollback is rare; simplicity wins).
  std::fill(slots_.begin(), slots_.end(), 0);
  for (uint64_t i = 0; i < size; ++i) insert_slot(hash(get(i)), i);
  // Release the bytes: chunks after the one holding string `size` go, that one is cut back.
  const uint64_t off = offsets_[size];
  const size_t chunk = static_cast<size_t>(off >> 40);
  chunks_.resize(chunk + 1);
  chunks_[chunk].used = static_cast<size_t>(off & ((uint64_t{1} << 40) - 1));
  offsets_.resize(size);
}

size_t StringTable::memory_bytes() const {
  size_t n = offsets_.capacity() * sizeof(uint64_t) + slots_.capacity() * sizeof(uint64_t);
  for (const Chunk& c : chunks_) n += c.capacity;
  return n;
}

}  // namespace kikv::rdf
