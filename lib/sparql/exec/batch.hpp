// Rows of term ids moving between physical operators. A batch holds up to kBatchRows rows of
// one operator's schema (its output variables), row-major; kNoTerm marks an unbound variable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "rdf/term_id.hpp"
#include "sparql/algebra.hpp"

namespace kikv::sparql::exec {

using rdf::kNoTerm;
using rdf::TermId;

inline constexpr size_t kBatchRows = 1024;

/// The variables of an operator's output, in column order.
using Schema = std::vector<VarId>;

/// Column of `var` in `schema`, or -1.
inline int column_of(const Schema& schema, VarId var) {
  for (size_t i = 0; i < schema.size(); ++i)
    if (schema[i] == var) return static_cast<int>(i);
  return -1;
}

class Batch {
 public:
  explicit Batch(size_t width = 0) : width_(width) {}
  void reset(size_t width) {
    width_ = width;
    clear();
  }
  size_t width() const { return width_; }
  size_t size() const { return rows_; }
  bool empty() const { return rows_ == 0; }
  bool full() const { return rows_ >= kBatchRows; }
  void clear() {
    ids_.clear();
    rows_ = 0;
  }
  /// Adds a row of kNoTerm and returns it.
  TermId* append() {
    ids_.resize(ids_.size() + width_, kNoTerm);
    ++rows_;
    return ids_.data() + (rows_ - 1) * width_;
  }
  void append(const TermId* row) {
    ids_.insert(ids_.end(), row, row + width_);
    ++rows_;
  }
  TermId* row(size_t i) { return ids_.data() + i * width_; }
  const TermId* row(size_t i) const { return ids_.data() + i * width_; }
  /// Drops the last row (used when an appended row turns out not to qualify).
  void pop() {
    ids_.resize(ids_.size() - width_);
    --rows_;
  }

 private:
  size_t width_;
  size_t rows_ = 0;
  std::vector<TermId> ids_;
};

/// A growable table of rows of fixed width (materialised results: hash tables, sorts ...).
class RowStore {
 public:
  explicit RowStore(size_t width = 0) : width_(width) {}
  size_t width() const { return width_; }
  size_t size() const { return rows_; }
  void clear() {
    ids_.clear();
    rows_ = 0;
  }
  void add(const TermId* row) {
    ids_.insert(ids_.end(), row, row + width_);
    ++rows_;
  }
  const TermId* row(size_t i) const { return ids_.data() + i * width_; }
  TermId* row(size_t i) { return ids_.data() + i * width_; }
  size_t memory_bytes() const { return ids_.capacity() * sizeof(TermId); }

 private:
  size_t width_;
  size_t rows_ = 0;
  std::vector<TermId> ids_;
};

}  // namespace kikv::sparql::exec
