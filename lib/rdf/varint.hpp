// LEB128 variable-length unsigned integers, used by the dictionary and the index blocks.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kikv::rdf {

inline constexpr size_t kMaxVarintBytes = 10;

/// Writes `v` at `out`; returns the number of bytes written (1..10).
inline size_t encode_varint(uint64_t v, uint8_t* out) {
  size_t n = 0;
  while (v >= 0x80) {
    out[n++] = static_cast<uint8_t>(v | 0x80);
    v >>= 7;
  }
  out[n++] = static_cast<uint8_t>(v);
  return n;
}

/// Reads a varint at `in` into `v`; returns the number of bytes read.
inline size_t decode_varint(const uint8_t* in, uint64_t& v) {
  uint64_t result = in[0] & 0x7f;
  if (in[0] < 0x80) {
    v = result;
    return 1;
  }
  size_t n = 1;
  int shift = 7;
  for (;;) {
    const uint8_t b = in[n++];
    result |= uint64_t{b & 0x7fu} << shift;
    if (b < 0x80) break;
    shift += 7;
  }
  v = result;
  return n;
}

}  // namespace kikv::rdf
