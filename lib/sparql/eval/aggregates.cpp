#include "sparql/eval/aggregates.hpp"

#include <string>
#include <unordered_set>

#include "sparql/eval/operators.hpp"
#include "sparql/eval/value.hpp"

namespace kikv::sparql {

using rdf::TermId;

namespace {

class CountAccumulator final : public Accumulator {
 public:
  explicit CountAccumulator(TermTable& terms) : terms_(terms) {}
  void add(TermId v) override { count_ += v != kNoTerm ? 1 : 0; }
  std::optional<TermId> finish() override { return make_integer(count_, terms_); }
  void reset() override { count_ = 0; }

 private:
  TermTable& terms_;
  int64_t count_ = 0;
};

/// SUM and AVG.
class SumAccumulator final : public Accumulator {
 public:
  SumAccumulator(TermTable& terms, bool average) : terms_(terms), average_(average) {}
  void add(TermId v) override {
    if (error_) return;
    auto n = v == kNoTerm ? std::nullopt : numeric_value(v, terms_);
    if (!n) {
      error_ = true;
      return;
    }
    auto s = numeric_arithmetic(ArithOp::Add, sum_, *n);
    if (!s) {
      error_ = true;
      return;
    }
    sum_ = *s;
    ++count_;
  }
  std::optional<TermId> finish() override {
    if (error_) return std::nullopt;
    if (!average_ || count_ == 0) return make_numeric(sum_, terms_);  // no rows: 0
    auto avg = numeric_arithmetic(ArithOp::Divide, sum_, Numeric::of_integer(count_));
    if (!avg) return std::nullopt;
    return make_numeric(*avg, terms_);
  }
  void reset() override {
    sum_ = Numeric::of_integer(0);
    count_ = 0;
    error_ = false;
  }

 private:
  TermTable& terms_;
  bool average_;
  Numeric sum_ = Numeric::of_integer(0);
  int64_t count_ = 0;
  bool error_ = false;
};

/// MIN and MAX.
class ExtremeAccumulator final : public Accumulator {
 public:
  ExtremeAccumulator(TermTable& terms, bool max) : terms_(terms), max_(max) {}
  void add(TermId v) override {
    if (error_) return;
    if (v == kNoTerm) {
      error_ = true;
      return;
    }
    if (best_ == kNoTerm) {
      best_ = v;
      return;
    }
    const int c = order_compare(v, best_, terms_);
    if (max_ ? c > 0 : c < 0) best_ = v;
  }
  std::optional<TermId> finish() override {
    if (error_ || best_ == kNoTerm) return std::nullopt;
    return best_;
  }
  void reset() override {
    best_ = kNoTerm;
    error_ = false;
  }

 private:
  TermTable& terms_;
  bool max_;
  TermId best_ = kNoTerm;
  bool error_ = false;
};

class SampleAccumulator final : public Accumulator {
 public:
  void add(TermId v) override {
    if (sample_ == kNoTerm) sample_ = v;
  }
  std::optional<TermId> finish() override {
    if (sample_ == kNoTerm) return std::nullopt;
    return sample_;
  }
  void reset() override { sample_ = kNoTerm; }

 private:
  TermId sample_ = kNoTerm;
};

class GroupConcatAccumulator final : public Accumulator {
 public:
  GroupConcatAccumulator(TermTable& terms, std::string_view separator)
      : terms_(terms), separator_(separator) {}
  void add(TermId v) override {
    if (error_) return;
    if (v == kNoTerm || rdf::is_blank(v)) {
      error_ = true;
      return;
    }
    if (!first_) text_ += separator_;
    first_ = false;
    terms_.append_value(v, text_);  // IRI or lexical form (the value of STR)
  }
  std::optional<TermId> finish() override {
    if (error_) return std::nullopt;
    return make_string(text_, terms_);
  }
  void reset() override {
    text_.clear();
    first_ = true;
    error_ = false;
  }

 private:
  TermTable& terms_;
  std::string separator_;
  std::string text_;
  bool first_ = true;
  bool error_ = false;
};

/// DISTINCT: passes each term on once per group (errors always, as they decide the result).
class DistinctAccumulator final : public Accumulator {
 public:
  explicit DistinctAccumulator(std::unique_ptr<Accumulator> inner) : inner_(std::move(inner)) {}
  void add(TermId v) override {
    if (v == kNoTerm || seen_.insert(v).second) inner_->add(v);
  }
  std::optional<TermId> finish() override { return inner_->finish(); }
  void reset() override {
    seen_.clear();
    inner_->reset();
  }

 private:
  std::unique_ptr<Accumulator> inner_;
  std::unordered_set<TermId> seen_;
};

}  // namespace

std::unique_ptr<Accumulator> make_accumulator(AggregateKind kind, bool distinct, TermTable& terms,
                                              std::string_view separator) {
  std::unique_ptr<Accumulator> a;
  switch (kind) {
    case AggregateKind::Count: a = std::make_unique<CountAccumulator>(terms); break;
    case AggregateKind::Sum: a = std::make_unique<SumAccumulator>(terms, false); break;
    case AggregateKind::Avg: a = std::make_unique<SumAccumulator>(terms, true); break;
    case AggregateKind::Min: a = std::make_unique<ExtremeAccumulator>(terms, false); break;
    case AggregateKind::Max: a = std::make_unique<ExtremeAccumulator>(terms, true); break;
    case AggregateKind::Sample: a = std::make_unique<SampleAccumulator>(); break;
    case AggregateKind::GroupConcat:
      a = std::make_unique<GroupConcatAccumulator>(terms, separator);
      break;
    case AggregateKind::Custom:
      return nullptr;  // no custom aggregates are known
  }
  if (distinct && kind != AggregateKind::Sample) {
    a = std::make_unique<DistinctAccumulator>(std::move(a));
  }
  return a;
}

}  // namespace kikv::sparql
