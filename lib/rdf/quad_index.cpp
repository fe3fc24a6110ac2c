#include "rdf/quad_index.hpp"

#include <algorithm>
#include <bit>

#include "rdf/varint.hpp"

namespace kikv::rdf {
namespace {

inline uint64_t to_stored(TermId id) { return std::rotl(id, 4); }
inline TermId from_stored(uint64_t v) { return std::rotr(v, 4); }

/// Decodes the key after `prev` at `p`; returns the position after it.
inline const uint8_t* decode_next(const uint8_t* p, Key& key) {
  const uint8_t header = *p++;
  const int changed = header >> 6;
  uint64_t delta = header & 63;
  if (delta == 63) {
    uint64_t more = 0;
    p += decode_varint(p, more);
    delta += more;
  }
  key[changed] += delta + 1;
  for (int i = changed + 1; i < 4; ++i) {
    uint64_t v = 0;
    p += decode_varint(p, v);
    key[i] = from_stored(v);
  }
  return p;
}

inline void encode_next(const Key& prev, const Key& key, std::vector<uint8_t>& out) {
  int changed = 0;
  while (key[changed] == prev[changed]) ++changed;  // keys are unique: some component differs
  const uint64_t delta = key[changed] - prev[changed] - 1;
  uint8_t buf[kMaxVarintBytes];
  out.push_back(static_cast<uint8_t>((changed << 6) | (delta < 63 ? delta : 63)));
  if (delta >= 63) out.insert(out.end(), buf, buf + encode_varint(delta - 63, buf));
  for (int i = changed + 1; i < 4; ++i)
    out.insert(out.end(), buf, buf + encode_varint(to_stored(key[i]), buf));
}

/// Compares the first n components.
inline int compare_prefix(const Key& a, const Key& b, int n) {
  for (int i = 0; i < n; ++i) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/// The smallest key with the given prefix.
inline Key lower_key(const Key& prefix, int n) {
  Key k{};
  for (int i = 0; i < n; ++i) k[i] = prefix[i];
  return k;
}

}  // namespace

void QuadIndex::build(std::span<const Key> keys) {
  blocks_.clear();
  bytes_.clear();
  blocks_.reserve(keys.size() / kBlockKeys + 1);
  bytes_.reserve(keys.size() * 5);
  for (size_t i = 0; i < keys.size(); i += kBlockKeys) {
    const size_t n = std::min<size_t>(kBlockKeys, keys.size() - i);
    blocks_.push_back(Block{keys[i], bytes_.size(), static_cast<uint32_t>(n)});
    for (size_t j = 1; j < n; ++j) encode_next(keys[i + j - 1], keys[i + j], bytes_);
  }
  bytes_.shrink_to_fit();
  blocks_.shrink_to_fit();
  base_size_ = keys.size();
}

std::vector<Key> QuadIndex::materialize() const {
  std::vector<Key> all;
  all.reserve(size());
  Cursor c = scan(Key{}, 0);
  Key k;
  while (c.next(k)) all.push_back(k);
  return all;
}

void QuadIndex::maybe_compact() {
  const size_t delta = added_.size() + removed_.size();
  if (delta < 4096 || delta * 16 < base_size_) return;
  std::vector<Key> all = materialize();
  added_.clear();
  removed_.clear();
  build(all);
}

size_t QuadIndex::find_block(const Key& key) const {
  // First block whose first key is > key, minus one.
  auto it = std::upper_bound(blocks_.begin(), blocks_.end(), key,
                             [](const Key& k, const Block& b) { return k < b.first; });
  return it == blocks_.begin() ? 0 : static_cast<size_t>(it - blocks_.begin()) - 1;
}

uint64_t QuadIndex::base_rank(const Key& key) const {
  if (blocks_.empty()) return 0;
  const size_t b = find_block(key);
  const Block& block = blocks_[b];
  uint64_t rank = b * uint64_t{kBlockKeys};
  Key cur = block.first;
  if (!(cur < key)) return rank;
  ++rank;
  const uint8_t* p = bytes_.data() + block.offset;
  for (uint32_t i = 1; i < block.count; ++i) {
    p = decode_next(p, cur);
    if (!(cur < key)) break;
    ++rank;
  }
  return rank;
}

bool QuadIndex::base_contains(const Key& key) const {
  if (blocks_.empty()) return false;
  const Block& block = blocks_[find_block(key)];
  Key cur = block.first;
  if (cur == key) return true;
  const uint8_t* p = bytes_.data() + block.offset;
  for (uint32_t i = 1; i < block.count && cur < key; ++i) {
    p = decode_next(p, cur);
    if (cur == key) return true;
  }
  return false;
}

bool QuadIndex::contains(const Key& key) const {
  if (std::binary_search(added_.begin(), added_.end(), key)) return true;
  return base_contains(key) && !std::binary_search(removed_.begin(), removed_.end(), key);
}

bool QuadIndex::insert(const Key& key) {
  if (base_contains(key)) {
    auto it = std::lower_bound(removed_.begin(), removed_.end(), key);
    if (it == removed_.end() || *it != key) return false;
    removed_.erase(it);
    return true;
  }
  auto it = std::lower_bound(added_.begin(), added_.end(), key);
  if (it != added_.end() && *it == key) return false;
  added_.insert(it, key);
  maybe_compact();
  return true;
}

bool QuadIndex::erase(const Key& key) {
  auto it = std::lower_bound(added_.begin(), added_.end(), key);
  if (it != added_.end() && *it == key) {
    added_.erase(it);
    return true;
  }
  if (!base_contains(key)) return false;
  auto rit = std::lower_bound(removed_.begin(), removed_.end(), key);
  if (rit != removed_.end() && *rit == key) return false;
  removed_.insert(rit, key);
  maybe_compact();
  return true;
}

uint64_t QuadIndex::insert_sorted(std::span<const Key> keys, std::vector<Key>* added) {
  if (keys.empty()) return 0;
  if (size() == 0) {
    build(keys);
    added_.clear();
    removed_.clear();
    if (added) added->insert(added->end(), keys.begin(), keys.end());
    return keys.size();
  }
  // Merge the existing keys with the new ones into a fresh base.
  std::vector<Key> old = materialize();
  std::vector<Key> merged;
  merged.reserve(old.size() + keys.size());
  uint64_t n_new = 0;
  size_t i = 0, j = 0;
  while (i < old.size() || j < keys.size()) {
    if (j == keys.size() || (i < old.size() && old[i] < keys[j])) {
      merged.push_back(old[i++]);
    } else if (i == old.size() || keys[j] < old[i]) {
      if (added) added->push_back(keys[j]);
      merged.push_back(keys[j++]);
      ++n_new;
    } else {
      merged.push_back(old[i++]);
      ++j;
    }
  }
  added_.clear();
  removed_.clear();
  build(merged);
  return n_new;
}

uint64_t QuadIndex::erase_sorted(std::span<const Key> keys, std::vector<Key>* removed) {
  if (keys.empty() || size() == 0) return 0;
  std::vector<Key> old = materialize();
  std::vector<Key> kept;
  kept.reserve(old.size());
  uint64_t n = 0;
  size_t j = 0;
  for (const Key& k : old) {
    while (j < keys.size() && keys[j] < k) ++j;
    if (j < keys.size() && keys[j] == k) {
      if (removed) removed->push_back(k);
      ++n;
    } else {
      kept.push_back(k);
    }
  }
  if (n == 0) return 0;
  added_.clear();
  removed_.clear();
  build(kept);
  return n;
}

void QuadIndex::clear() {
  blocks_.clear();
  blocks_.shrink_to_fit();
  bytes_.clear();
  bytes_.shrink_to_fit();
  base_size_ = 0;
  added_.clear();
  removed_.clear();
}

QuadIndex::Cursor QuadIndex::scan(const Key& prefix, int prefix_len) const {
  Cursor c;
  c.index_ = this;
  c.prefix_ = prefix;
  c.prefix_len_ = prefix_len;
  const Key lo = lower_key(prefix, prefix_len);
  c.lo_ = lo;
  auto prefix_less = [prefix_len](const Key& a, const Key& b) {
    return compare_prefix(a, b, prefix_len) < 0;
  };
  // Delta ranges.
  auto [a_lo, a_hi] = std::equal_range(added_.begin(), added_.end(), lo, prefix_less);
  c.added_ = added_.data() + (a_lo - added_.begin());
  c.added_end_ = added_.data() + (a_hi - added_.begin());
  auto [r_lo, r_hi] = std::equal_range(removed_.begin(), removed_.end(), lo, prefix_less);
  c.removed_ = removed_.data() + (r_lo - removed_.begin());
  c.removed_end_ = removed_.data() + (r_hi - removed_.begin());
  // Base: position on the first key >= lo.
  if (!blocks_.empty()) {
    c.block_ = find_block(lo);
    const Block& b = blocks_[c.block_];
    c.base_key_ = b.first;
    c.left_in_block_ = b.count - 1;
    c.pos_ = bytes_.data() + b.offset;
    c.base_valid_ = true;
    while (c.base_valid_ && c.base_key_ < lo) c.advance_base();
  }
  return c;
}

void QuadIndex::Cursor::advance_base() {
  if (left_in_block_ > 0) {
    pos_ = decode_next(pos_, base_key_);
    --left_in_block_;
    return;
  }
  if (++block_ >= index_->blocks_.size()) {
    base_valid_ = false;
    return;
  }
  const Block& b = index_->blocks_[block_];
  base_key_ = b.first;
  left_in_block_ = b.count - 1;
  pos_ = index_->bytes_.data() + b.offset;
}

bool QuadIndex::Cursor::seek(const Key& prefix, int prefix_len) {
  const Key lo = lower_key(prefix, prefix_len);
  // Only a strictly later prefix: every key before the current position is then below `lo`
  // (it either had the previous prefix, which sorts before this one, or was skipped as below
  // the previous lo). The same prefix again must be scanned from its start.
  if (prefix_len != prefix_len_ || !(lo_ < lo)) return false;
  prefix_ = prefix;
  lo_ = lo;
  const QuadIndex& idx = *index_;
  auto prefix_less = [prefix_len](const Key& a, const Key& b) { return compare_prefix(a, b, prefix_len) < 0; };
  if (!idx.added_.empty()) {
    auto [a_lo, a_hi] = std::equal_range(idx.added_.begin(), idx.added_.end(), lo, prefix_less);
    added_ = idx.added_.data() + (a_lo - idx.added_.begin());
    added_end_ = idx.added_.data() + (a_hi - idx.added_.begin());
  }
  if (!idx.removed_.empty()) {
    auto [r_lo, r_hi] = std::equal_range(idx.removed_.begin(), idx.removed_.end(), lo, prefix_less);
    removed_ = idx.removed_.data() + (r_lo - idx.removed_.begin());
    removed_end_ = idx.removed_.data() + (r_hi - idx.removed_.begin());
  }
  if (!base_valid_ || !(base_key_ < lo)) return true;
  // Far ahead: jump to the block holding lo (searching only the blocks after this one).
  if (block_ + 1 < idx.blocks_.size() && !(lo < idx.blocks_[block_ + 1].first)) {
    auto it = std::upper_bound(idx.blocks_.begin() + static_cast<std::ptrdiff_t>(block_) + 1, idx.blocks_.end(), lo,
                               [](const Key& k, const Block& b) { return k < b.first; });
    block_ = static_cast<size_t>(it - idx.blocks_.begin()) - 1;
    const Block& b = idx.blocks_[block_];
    base_key_ = b.first;
    left_in_block_ = b.count - 1;
    pos_ = idx.bytes_.data() + b.offset;
  }
  while (base_valid_ && base_key_ < lo) advance_base();
  return true;
}

bool QuadIndex::Cursor::base_matches() const {
  return base_valid_ && compare_prefix(base_key_, prefix_, prefix_len_) == 0;
}

bool QuadIndex::Cursor::next(Key& out) {
  for (;;) {
    const bool have_base = base_matches();
    const bool have_added = added_ != added_end_;
    if (!have_base && !have_added) return false;
    if (have_added && (!have_base || *added_ < base_key_)) {
      out = *added_++;
      return true;
    }
    // Base key: skip it if it was removed.
    while (removed_ != removed_end_ && *removed_ < base_key_) ++removed_;
    if (removed_ != removed_end_ && *removed_ == base_key_) {
      ++removed_;
      advance_base();
      continue;
    }
    out = base_key_;
    advance_base();
    return true;
  }
}

uint64_t QuadIndex::count(const Key& prefix, int prefix_len) const {
  if (prefix_len == 0) return size();
  const Key lo = lower_key(prefix, prefix_len);
  // hi: the smallest key greater than every key with this prefix.
  Key hi = lo;
  int i = prefix_len - 1;
  while (i >= 0 && hi[i] == UINT64_MAX) hi[i--] = 0;
  auto prefix_less = [prefix_len](const Key& a, const Key& b) {
    return compare_prefix(a, b, prefix_len) < 0;
  };
  uint64_t base = 0;
  if (i < 0) {
    base = base_size_ - base_rank(lo);
  } else {
    ++hi[i];
    base = base_rank(hi) - base_rank(lo);
  }
  auto [a_lo, a_hi] = std::equal_range(added_.begin(), added_.end(), lo, prefix_less);
  auto [r_lo, r_hi] = std::equal_range(removed_.begin(), removed_.end(), lo, prefix_less);
  return base + static_cast<uint64_t>(a_hi - a_lo) - static_cast<uint64_t>(r_hi - r_lo);
}

size_t QuadIndex::memory_bytes() const {
  return blocks_.capacity() * sizeof(Block) + bytes_.capacity() +
         (added_.capacity() + removed_.capacity()) * sizeof(Key);
}

}  // namespace kikv::rdf
