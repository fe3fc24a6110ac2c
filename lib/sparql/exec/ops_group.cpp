#include "sparql/exec/ops_group.hpp"

#include <fmt/format.h>

#include <set>
#include <unordered_map>

#include "sparql/eval/aggregates.hpp"

namespace kikv::sparql::exec {

struct GroupOp::Group {
  std::vector<TermId> key;
  std::vector<std::unique_ptr<Accumulator>> accumulators;
  /// COUNT(DISTINCT *): the distinct rows seen, per aggregate that needs them.
  std::vector<std::set<std::vector<TermId>>> distinct_rows;
};

namespace {
struct KeyHash {
  size_t operator()(const std::vector<TermId>& k) const {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (TermId id : k) h = (h ^ id) * 0xff51afd7ed558ccdULL;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};
}  // namespace

GroupOp::GroupOp(Schema schema, OpPtr input, std::vector<CExpr> keys, std::vector<GroupAggregate> aggregates,
                 Evaluator& eval)
    : PhysicalOp(std::move(schema)),
      input_(std::move(input)),
      keys_(std::move(keys)),
      aggregates_(std::move(aggregates)),
      eval_(eval) {}

GroupOp::~GroupOp() = default;

void GroupOp::open(ExecContext& ctx, const TermId* seed) {
  groups_.clear();
  pos_ = 0;
  std::unordered_map<std::vector<TermId>, size_t, KeyHash> index;
  auto new_group = [&](std::vector<TermId> key) {
    auto g = std::make_unique<Group>();
    g->key = std::move(key);
    for (const GroupAggregate& a : aggregates_) {
      g->accumulators.push_back(make_accumulator(a.kind, a.distinct && !a.star, ctx.terms, a.separator));
    }
    g->distinct_rows.resize(aggregates_.size());
    groups_.push_back(std::move(g));
    return groups_.size() - 1;
  };
  if (keys_.empty()) new_group({});

  input_->open(ctx, seed);
  Batch in;
  std::vector<TermId> key(keys_.size());
  const size_t iw = input_->width();
  while (input_->next(in)) {
    ctx.check();
    for (size_t i = 0; i < in.size(); ++i) {
      const TermId* row = in.row(i);
      size_t g = 0;
      if (!keys_.empty()) {
        for (size_t k = 0; k < keys_.size(); ++k) key[k] = eval_.eval(keys_[k], row, seed).value_or(kNoTerm);
        auto it = index.find(key);
        if (it == index.end()) it = index.emplace(key, new_group(key)).first;
        g = it->second;
      }
      Group& group = *groups_[g];
      for (size_t a = 0; a < aggregates_.size(); ++a) {
        GroupAggregate& agg = aggregates_[a];
        if (agg.star) {
          if (agg.distinct && !group.distinct_rows[a].insert(std::vector<TermId>(row, row + iw)).second) continue;
          group.accumulators[a]->add(rdf::make_boolean_id(true));  // any bound value counts
        } else {
          group.accumulators[a]->add(eval_.eval(agg.arg, row, seed).value_or(kNoTerm));
        }
      }
    }
  }
}

bool GroupOp::next(Batch& out) {
  out.reset(width());
  while (pos_ < groups_.size() && !out.full()) {
    Group& g = *groups_[pos_++];
    TermId* o = out.append();
    size_t c = 0;
    for (TermId k : g.key) o[c++] = k;
    for (auto& acc : g.accumulators) o[c++] = acc->finish().value_or(kNoTerm);
  }
  return !out.empty();
}

std::string GroupOp::describe(const VarTable& vars) const {
  Schema keys(schema_.begin(), schema_.begin() + static_cast<std::ptrdiff_t>(keys_.size()));
  return fmt::format("Group by {} ({} aggregates)", keys.empty() ? std::string("()") : schema_names(keys, vars),
                     aggregates_.size());
}

}  // namespace kikv::sparql::exec
