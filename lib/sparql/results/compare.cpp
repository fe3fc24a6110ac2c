// Result equality as the W3C SPARQL test suites define it: rows compared as a multiset (or a
// sequence when ordered), terms compared as RDF terms, blank nodes up to one bijection between
// the blank nodes of the two results that holds across all rows (result-set isomorphism).
//
// Unordered matching: rows are reduced to "shapes" (blank nodes anonymised) whose multisets must
// agree; rows without blank nodes are then settled. Rows with blank nodes are grouped (identical
// rows with their multiplicity), blank nodes are coloured by iterated refinement over the rows
// they occur in (as in Weisfeiler-Lehman / canonical labelling), and a backtracking search
// matches row groups most-constrained-first, extending the bijection consistently.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

#include "sparql/results/internal.hpp"
#include "sparql/results/results.hpp"

namespace kikv::sparql::results {
namespace {

using detail::datatype_of;

// ---------------------------------------------------------------------------------------------
// Term keys
// ---------------------------------------------------------------------------------------------

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> canonical_integer(std::string_view s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (!all_digits(s)) return std::nullopt;
  const size_t nz = s.find_first_not_of('0');
  if (nz == std::string_view::npos) return std::string("0");
  return (neg ? "-" : "") + std::string(s.substr(nz));
}

std::optional<std::string> canonical_decimal(std::string_view s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  const size_t dot = s.find('.');
  std::string_view ip = s.substr(0, dot);
  std::string_view fp = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (ip.empty() && fp.empty()) return std::nullopt;
  if ((!ip.empty() && !all_digits(ip)) || (!fp.empty() && !all_digits(fp))) return std::nullopt;
  const size_t nz = ip.find_first_not_of('0');
  ip = nz == std::string_view::npos ? std::string_view() : ip.substr(nz);
  const size_t last = fp.find_last_not_of('0');
  fp = last == std::string_view::npos ? std::string_view() : fp.substr(0, last + 1);
  if (ip.empty() && fp.empty()) return std::string("0");
  std::string out = neg ? "-" : "";
  out += ip.empty() ? "0" : std::string(ip);
  if (!fp.empty()) out += "." + std::string(fp);
  return out;
}

template <typename F>
std::optional<std::string> canonical_float(std::string_view s) {
  if (s == "INF" || s == "+INF") return std::string("INF");
  if (s == "-INF") return std::string("-INF");
  if (s == "NaN") return std::string("NaN");
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  // XSD lexical space: digits with optional fraction and exponent, no hex, no inf/nan words.
  if (s.empty() || s.find_first_not_of("0123456789.eE+-") != std::string_view::npos) return std::nullopt;
  F v{};
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ptr != s.data() + s.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) return std::nullopt;
  if (ec != std::errc()) return std::nullopt;
  if (v == 0) v = 0;  // -0 == 0
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

bool is_integer_family(std::string_view dt) {
  static constexpr std::string_view kNames[] = {
      "integer", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger",
      "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
      "unsignedByte"};
  if (dt.substr(0, rdf::iri::kXsd.size()) != rdf::iri::kXsd) return false;
  const std::string_view local = dt.substr(rdf::iri::kXsd.size());
  return std::find(std::begin(kNames), std::end(kNames), local) != std::end(kNames);
}

/// A string that is equal for two non-blank terms exactly when they are equal under the options.
std::string term_key(const rdf::Term& t, bool numeric_by_value) {
  std::string key;
  if (t.is_iri()) {
    key = "I";
    key += t.value;
    return key;
  }
  if (!t.lang.empty()) {
    key = "L";
    key += lower(t.lang);
    key += '\0';
    key += t.value;
    return key;
  }
  const std::string_view dt = datatype_of(t);
  if (numeric_by_value) {
    std::optional<std::string> canon;
    std::string_view family;
    if (is_integer_family(dt)) {
      family = "integer";
      canon = canonical_integer(t.value);
    } else if (dt == rdf::iri::kXsdDecimal) {
      family = "decimal";
      canon = canonical_decimal(t.value);
    } else if (dt == rdf::iri::kXsdDouble) {
      family = "double";
      canon = canonical_float<double>(t.value);
    } else if (dt == rdf::iri::kXsdFloat) {
      family = "float";
      canon = canonical_float<float>(t.value);
    }
    if (canon) {
      key = "N";
      key += family;
      key += '\0';
      key += *canon;
      return key;
    }
  }
  key = "T";
  key += dt;
  key += '\0';
  key += t.value;
  return key;
}

// ---------------------------------------------------------------------------------------------
// Encoded tables
// ---------------------------------------------------------------------------------------------

// A cell is 0 (unbound), kGround | id or kBlank | id.
using Cell = uint64_t;
using EncRow = std::vector<Cell>;
constexpr Cell kGround = 1ull << 32;
constexpr Cell kBlank = 2ull << 32;
constexpr Cell kIdMask = 0xFFFFFFFFull;

bool is_blank(Cell c) { return (c & ~kIdMask) == kBlank; }
uint32_t cell_id(Cell c) { return static_cast<uint32_t>(c & kIdMask); }

struct VecHash {
  size_t operator()(const std::vector<uint64_t>& v) const noexcept {
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint64_t x : v) {
      h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    }
    return static_cast<size_t>(h);
  }
};

/// Interns vectors of integers into dense ids (shared by both sides so ids are comparable).
class VecInterner {
 public:
  uint32_t id(const std::vector<uint64_t>& v) {
    auto [it, inserted] = map_.emplace(v, static_cast<uint32_t>(map_.size()));
    return it->second;
  }
  size_t size() const { return map_.size(); }

 private:
  std::unordered_map<std::vector<uint64_t>, uint32_t, VecHash> map_;
};

struct Side {
  const ResultTable* table = nullptr;
  std::vector<std::optional<size_t>> columns;  // source column per compared column
  std::vector<EncRow> rows;
  std::vector<std::string> blank_labels;  // by blank id
};

class Encoder {
 public:
  explicit Encoder(bool numeric_by_value) : numeric_(numeric_by_value) {}

  void encode(Side& side) {
    std::unordered_map<std::string, uint32_t> blanks;
    side.rows.reserve(side.table->rows.size());
    for (const Row& r : side.table->rows) {
      EncRow e(side.columns.size(), 0);
      for (size_t c = 0; c < side.columns.size(); ++c) {
        if (!side.columns[c]) continue;
        const std::optional<rdf::Term>& t = r[*side.columns[c]];
        if (!t) continue;
        if (t->is_blank()) {
          auto [it, inserted] = blanks.emplace(t->value, static_cast<uint32_t>(side.blank_labels.size()));
          if (inserted) side.blank_labels.push_back(t->value);
          e[c] = kBlank | it->second;
        } else {
          auto [it, inserted] = ground_.emplace(term_key(*t, numeric_), static_cast<uint32_t>(ground_.size()));
          e[c] = kGround | it->second;
        }
      }
      side.rows.push_back(std::move(e));
    }
  }

 private:
  bool numeric_;
  std::unordered_map<std::string, uint32_t> ground_;
};

EncRow shape_of(const EncRow& r) {
  EncRow s = r;
  for (Cell& c : s) {
    if (is_blank(c)) c = kBlank;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------

class Reporter {
 public:
  Reporter(const std::vector<std::string>& vars, const Side& expected, const Side& actual,
           size_t max_rows)
      : vars_(vars), expected_(expected), actual_(actual), max_rows_(max_rows) {}

  std::string row(const Side& side, size_t index) const {
    const Row& r = side.table->rows[index];
    std::string out;
    for (size_t c = 0; c < vars_.size(); ++c) {
      if (c > 0) out += ' ';
      out += '?';
      out += vars_[c];
      out += '=';
      out += side.columns[c] ? describe(r[*side.columns[c]]) : "UNDEF";
    }
    return out.empty() ? "(empty solution)" : out;
  }

  /// Lists rows (indexes into `side`) under a heading, at most max_rows of them.
  void list(std::string& out, const char* heading, const Side& side,
            const std::vector<size_t>& indexes) const {
    if (indexes.empty()) return;
    out += heading;
    out += " (" + std::to_string(indexes.size()) + "):\n";
    for (size_t i = 0; i < indexes.size() && i < max_rows_; ++i) {
      out += "  " + row(side, indexes[i]) + "\n";
    }
    if (indexes.size() > max_rows_) out += "  ...\n";
  }

  const Side& expected() const { return expected_; }
  const Side& actual() const { return actual_; }

 private:
  const std::vector<std::string>& vars_;
  const Side& expected_;
  const Side& actual_;
  size_t max_rows_;
};

// ---------------------------------------------------------------------------------------------
// Ordered comparison
// ---------------------------------------------------------------------------------------------

std::optional<std::string> compare_ordered(const Side& e, const Side& a, const Reporter& rep) {
  std::vector<int64_t> phi(e.blank_labels.size(), -1);
  std::vector<int64_t> psi(a.blank_labels.size(), -1);
  const size_t n = std::min(e.rows.size(), a.rows.size());
  for (size_t i = 0; i < n; ++i) {
    const EncRow& er = e.rows[i];
    const EncRow& ar = a.rows[i];
    bool ok = true;
    std::string why;
    for (size_t c = 0; c < er.size() && ok; ++c) {
      if (is_blank(er[c]) && is_blank(ar[c])) {
        const uint32_t x = cell_id(er[c]);
        const uint32_t y = cell_id(ar[c]);
        if (phi[x] == -1 && psi[y] == -1) {
          phi[x] = y;
          psi[y] = x;
        } else if (phi[x] != y) {
          ok = false;
          why = " (blank node _:" + e.blank_labels[x] + " of the expected result cannot be _:" +
                a.blank_labels[y] + " here and elsewhere)";
        }
      } else if (er[c] != ar[c]) {
        ok = false;
      }
    }
    if (!ok) {
      return "ordered results differ at row " + std::to_string(i + 1) + why + ":\n  expected: " +
             rep.row(e, i) + "\n  actual:   " + rep.row(a, i) + "\n";
    }
  }
  if (e.rows.size() != a.rows.size()) {
    std::string out = "expected " + std::to_string(e.rows.size()) + " rows, got " +
                      std::to_string(a.rows.size()) + " (the first " + std::to_string(n) +
                      " agree)\n";
    std::vector<size_t> rest;
    const Side& longer = e.rows.size() > a.rows.size() ? e : a;
    for (size_t i = n; i < longer.rows.size(); ++i) rest.push_back(i);
    rep.list(out, &longer == &e ? "missing rows" : "unexpected rows", longer, rest);
    return out;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Unordered comparison with blank node isomorphism
// ---------------------------------------------------------------------------------------------

struct Group {
  EncRow row;                   // a representative (all rows of the group are identical)
  uint32_t shape = 0;
  uint32_t count = 0;
  std::vector<size_t> indexes;  // rows of the side in this group
};

std::vector<Group> group_blank_rows(const Side& side, VecInterner& shapes) {
  std::map<EncRow, size_t> where;
  std::vector<Group> groups;
  for (size_t i = 0; i < side.rows.size(); ++i) {
    const EncRow& r = side.rows[i];
    if (std::none_of(r.begin(), r.end(), is_blank)) continue;
    auto [it, inserted] = where.emplace(r, groups.size());
    if (inserted) groups.push_back(Group{r, shapes.id(shape_of(r)), 0, {}});
    Group& g = groups[it->second];
    ++g.count;
    g.indexes.push_back(i);
  }
  return groups;
}

/// Colour refinement of blank nodes over the row groups of both sides at once.
void refine_colours(const std::vector<Group>& eg, const std::vector<Group>& ag, size_t e_blanks,
                    size_t a_blanks, std::vector<uint32_t>& ec, std::vector<uint32_t>& ac) {
  VecInterner colours;
  ec.assign(e_blanks, 0);
  ac.assign(a_blanks, 0);
  size_t distinct = 1;
  for (int round = 0; round < 16; ++round) {
    auto signatures = [&](const std::vector<Group>& groups, const std::vector<uint32_t>& cur,
                          size_t blanks) {
      std::vector<std::vector<std::vector<uint64_t>>> occ(blanks);
      for (const Group& g : groups) {
        for (size_t c = 0; c < g.row.size(); ++c) {
          if (!is_blank(g.row[c])) continue;
          std::vector<uint64_t> o{g.shape, g.count, c};
          for (Cell other : g.row) o.push_back(is_blank(other) ? cur[cell_id(other)] : ~0ull);
          occ[cell_id(g.row[c])].push_back(std::move(o));
        }
      }
      std::vector<std::vector<uint64_t>> sig(blanks);
      for (size_t b = 0; b < blanks; ++b) {
        std::sort(occ[b].begin(), occ[b].end());
        sig[b].push_back(cur[b]);
        for (const auto& o : occ[b]) {
          sig[b].push_back(o.size());
          sig[b].insert(sig[b].end(), o.begin(), o.end());
        }
      }
      return sig;
    };
    const auto es = signatures(eg, ec, e_blanks);
    const auto as = signatures(ag, ac, a_blanks);
    std::vector<uint32_t> nec(e_blanks), nac(a_blanks);
    const size_t before = colours.size();
    for (size_t b = 0; b < e_blanks; ++b) nec[b] = colours.id(es[b]);
    for (size_t b = 0; b < a_blanks; ++b) nac[b] = colours.id(as[b]);
    const size_t now = colours.size() - before;  // distinct colours of this round
    ec = std::move(nec);
    ac = std::move(nac);
    if (now <= distinct && round > 0) break;  // stable partition
    distinct = now;
  }
}

class Matcher {
 public:
  Matcher(const std::vector<Group>& eg, const std::vector<Group>& ag, const std::vector<uint32_t>& ec,
          const std::vector<uint32_t>& ac, uint64_t max_steps)
      : eg_(eg), ag_(ag), ec_(ec), ac_(ac), max_steps_(max_steps),
        phi_(ec.size(), -1), psi_(ac.size(), -1), used_(ag.size(), false), slot_(eg.size()) {
    unmatched_.reserve(eg.size());
    for (size_t i = 0; i < eg.size(); ++i) {
      slot_[i] = i;
      unmatched_.push_back(i);
    }
    // Static candidates: same shape, same multiplicity, same colours, same equality pattern.
    candidates_.resize(eg.size());
    std::map<std::pair<uint32_t, uint32_t>, std::vector<uint32_t>> by_shape;
    for (size_t j = 0; j < ag.size(); ++j) by_shape[{ag[j].shape, ag[j].count}].push_back(static_cast<uint32_t>(j));
    for (size_t i = 0; i < eg.size(); ++i) {
      auto it = by_shape.find({eg[i].shape, eg[i].count});
      if (it == by_shape.end()) continue;
      for (uint32_t j : it->second) {
        if (compatible(eg[i].row, ag[j].row)) candidates_[i].push_back(j);
      }
    }
  }

  enum class Outcome { Match, NoMatch, GaveUp };

  Outcome run() {
    struct Frame {
      size_t group = 0;
      std::vector<uint32_t> options;
      size_t next = 0;
      bool applied = false;
      std::vector<uint32_t> bound;  // expected blanks bound by the applied option
    };
    std::vector<Frame> stack;
    size_t remaining = eg_.size();
    while (true) {
      // Descend: pick the most constrained unmatched group (none left: success).
      if (remaining == 0) return Outcome::Match;
      if (++steps_ > max_steps_) return Outcome::GaveUp;
      Frame f;
      if (choose(f.group, f.options)) stack.push_back(std::move(f));
      // Advance: apply the next option of the top frame, backtracking through exhausted frames.
      while (true) {
        if (stack.empty()) return Outcome::NoMatch;
        Frame& top = stack.back();
        if (top.applied) {
          undo(top.group, top.options[top.next - 1], top.bound);
          top.applied = false;
          ++remaining;
        }
        while (!top.applied && top.next < top.options.size()) {
          if (apply(top.group, top.options[top.next++], top.bound)) {
            top.applied = true;
            --remaining;
          }
        }
        if (top.applied) break;
        stack.pop_back();
        if (++steps_ > max_steps_) return Outcome::GaveUp;
      }
    }
  }

 private:
  bool compatible(const EncRow& e, const EncRow& a) const {
    for (size_t c = 0; c < e.size(); ++c) {
      if (!is_blank(e[c])) continue;
      if (ec_[cell_id(e[c])] != ac_[cell_id(a[c])]) return false;
      for (size_t d = c + 1; d < e.size(); ++d) {
        if (!is_blank(e[d])) continue;
        if ((e[c] == e[d]) != (a[c] == a[d])) return false;
      }
    }
    return true;
  }

  bool consistent(const EncRow& e, const EncRow& a) const {
    for (size_t c = 0; c < e.size(); ++c) {
      if (!is_blank(e[c])) continue;
      const int64_t x = phi_[cell_id(e[c])];
      const int64_t y = psi_[cell_id(a[c])];
      if (x == -1 && y == -1) continue;
      if (x != static_cast<int64_t>(cell_id(a[c]))) return false;
    }
    return true;
  }

  /// The unmatched expected group with the fewest consistent candidates; false if one has none.
  /// Stops at the first group with a single option (forced); as matched groups are swap-removed
  /// from the front of the list, long chains of forced matches cost about O(1) each.
  bool choose(size_t& group, std::vector<uint32_t>& options) {
    size_t best = SIZE_MAX;
    std::vector<uint32_t> opts;
    for (size_t k = 0; k < unmatched_.size(); ++k) {
      const size_t i = unmatched_[k];
      opts.clear();
      for (uint32_t j : candidates_[i]) {
        if (!used_[j] && consistent(eg_[i].row, ag_[j].row)) {
          opts.push_back(j);
          if (opts.size() >= best) break;  // cannot beat the best so far
        }
      }
      if (opts.empty()) return false;
      if (opts.size() < best) {
        best = opts.size();
        group = i;
        options = opts;
        if (best == 1) break;
      }
    }
    return best != SIZE_MAX;
  }

  void remove_unmatched(size_t i) {
    const size_t k = slot_[i];
    const size_t last = unmatched_.back();
    unmatched_[k] = last;
    slot_[last] = k;
    unmatched_.pop_back();
  }

  void add_unmatched(size_t i) {
    slot_[i] = unmatched_.size();
    unmatched_.push_back(i);
  }

  bool apply(size_t i, uint32_t j, std::vector<uint32_t>& bound) {
    if (used_[j] || !consistent(eg_[i].row, ag_[j].row)) return false;
    bound.clear();
    const EncRow& e = eg_[i].row;
    const EncRow& a = ag_[j].row;
    for (size_t c = 0; c < e.size(); ++c) {
      if (!is_blank(e[c])) continue;
      const uint32_t x = cell_id(e[c]);
      if (phi_[x] == -1) {
        phi_[x] = cell_id(a[c]);
        psi_[cell_id(a[c])] = x;
        bound.push_back(x);
      }
    }
    used_[j] = true;
    remove_unmatched(i);
    return true;
  }

  void undo(size_t i, uint32_t j, std::vector<uint32_t>& bound) {
    for (uint32_t x : bound) {
      psi_[static_cast<size_t>(phi_[x])] = -1;
      phi_[x] = -1;
    }
    bound.clear();
    used_[j] = false;
    add_unmatched(i);
  }

  const std::vector<Group>& eg_;
  const std::vector<Group>& ag_;
  const std::vector<uint32_t>& ec_;
  const std::vector<uint32_t>& ac_;
  uint64_t max_steps_;
  uint64_t steps_ = 0;
  std::vector<int64_t> phi_, psi_;
  std::vector<bool> used_;
  std::vector<size_t> unmatched_;  // expected groups not matched yet (order: heuristic only)
  std::vector<size_t> slot_;       // position of each group in unmatched_
  std::vector<std::vector<uint32_t>> candidates_;
};

std::optional<std::string> compare_unordered(const Side& e, const Side& a, const Reporter& rep,
                                             const CompareOptions& options) {
  // 1. Shapes (blank nodes anonymised) must agree as multisets.
  VecInterner shapes;
  std::unordered_map<uint32_t, std::pair<std::vector<size_t>, std::vector<size_t>>> by_shape;
  std::vector<uint32_t> order;  // shapes in order of first appearance, for a stable report
  auto add = [&](const Side& side, bool expected_side) {
    for (size_t i = 0; i < side.rows.size(); ++i) {
      const uint32_t s = shapes.id(shape_of(side.rows[i]));
      auto [it, inserted] = by_shape.try_emplace(s);
      if (inserted) order.push_back(s);
      (expected_side ? it->second.first : it->second.second).push_back(i);
    }
  };
  add(e, true);
  add(a, false);
  std::vector<size_t> missing, unexpected;
  for (uint32_t s : order) {
    const auto& [ei, ai] = by_shape[s];
    for (size_t k = ai.size(); k < ei.size(); ++k) missing.push_back(ei[k]);
    for (size_t k = ei.size(); k < ai.size(); ++k) unexpected.push_back(ai[k]);
  }
  if (!missing.empty() || !unexpected.empty()) {
    std::string out;
    if (e.rows.size() != a.rows.size()) {
      out = "expected " + std::to_string(e.rows.size()) + " rows, got " + std::to_string(a.rows.size()) + "\n";
    } else {
      out = "rows differ\n";
    }
    std::sort(missing.begin(), missing.end());
    std::sort(unexpected.begin(), unexpected.end());
    rep.list(out, "missing rows (expected, not in actual)", e, missing);
    rep.list(out, "unexpected rows (in actual, not expected)", a, unexpected);
    return out;
  }

  // 2. Blank nodes: find one bijection making the rows with blank nodes equal.
  if (e.blank_labels.empty() && a.blank_labels.empty()) return std::nullopt;
  const std::vector<Group> eg = group_blank_rows(e, shapes);
  const std::vector<Group> ag = group_blank_rows(a, shapes);
  auto blank_rows = [](const std::vector<Group>& groups) {
    std::vector<size_t> rows;
    for (const Group& g : groups) rows.insert(rows.end(), g.indexes.begin(), g.indexes.end());
    std::sort(rows.begin(), rows.end());
    return rows;
  };
  auto failure = [&](const std::string& why) {
    std::string out = why + "\n";
    rep.list(out, "expected rows with blank nodes", e, blank_rows(eg));
    rep.list(out, "actual rows with blank nodes", a, blank_rows(ag));
    return out;
  };
  if (e.blank_labels.size() != a.blank_labels.size()) {
    return failure("expected " + std::to_string(e.blank_labels.size()) + " distinct blank nodes, got " +
                   std::to_string(a.blank_labels.size()));
  }
  std::vector<uint32_t> ec, ac;
  refine_colours(eg, ag, e.blank_labels.size(), a.blank_labels.size(), ec, ac);
  std::vector<uint32_t> eh = ec, ah = ac;
  std::sort(eh.begin(), eh.end());
  std::sort(ah.begin(), ah.end());
  if (eh != ah) return failure("blank nodes occur in different patterns: no consistent mapping exists");
  Matcher m(eg, ag, ec, ac, options.max_search_steps);
  switch (m.run()) {
    case Matcher::Outcome::Match: return std::nullopt;
    case Matcher::Outcome::NoMatch:
      return failure("no consistent mapping between the blank nodes of the two results");
    case Matcher::Outcome::GaveUp:
      return failure("blank node matching gave up after " + std::to_string(options.max_search_steps) +
                     " search steps (results treated as different)");
  }
  return std::nullopt;
}

std::string join_vars(const std::vector<std::string>& vars) {
  std::string out;
  for (const std::string& v : vars) out += (out.empty() ? "?" : " ?") + v;
  return out.empty() ? "(none)" : out;
}

}  // namespace

std::string describe(const std::optional<rdf::Term>& term) {
  return term ? format_tsv_term(*term, TsvStyle::Full) : std::string("UNDEF");
}

std::optional<std::string> compare(const ResultTable& expected, const ResultTable& actual,
                                   const CompareOptions& options) {
  if (expected.kind != actual.kind) {
    return expected.kind == ResultKind::Boolean
               ? std::string("expected a boolean (ASK) result, got a table of bindings\n")
               : std::string("expected a table of bindings, got a boolean (ASK) result\n");
  }
  if (expected.kind == ResultKind::Boolean) {
    if (expected.boolean == actual.boolean) return std::nullopt;
    return std::string("expected ") + (expected.boolean ? "true" : "false") + ", got " +
           (actual.boolean ? "true" : "false") + "\n";
  }

  // Columns: the expected variables, then any only in actual.
  std::vector<std::string> vars = expected.variables;
  for (const std::string& v : actual.variables) {
    if (!expected.column(v)) vars.push_back(v);
  }
  if (options.check_variables) {
    std::vector<std::string> ev = expected.variables, av = actual.variables;
    std::sort(ev.begin(), ev.end());
    std::sort(av.begin(), av.end());
    if (ev != av) {
      return "variables differ: expected " + join_vars(expected.variables) + ", got " +
             join_vars(actual.variables) + "\n";
    }
  }

  Side e, a;
  e.table = &expected;
  a.table = &actual;
  for (const std::string& v : vars) {
    e.columns.push_back(expected.column(v));
    a.columns.push_back(actual.column(v));
  }
  Encoder enc(options.numeric_by_value);
  enc.encode(e);
  enc.encode(a);
  const Reporter rep(vars, e, a, options.max_report_rows);
  return options.ordered ? compare_ordered(e, a, rep) : compare_unordered(e, a, rep, options);
}

std::optional<std::string> compare_csv(const ResultTable& expected_csv, const ResultTable& actual,
                                       const CompareOptions& options) {
  CompareOptions o = options;
  o.numeric_by_value = false;  // CSV cells are strings
  return compare(expected_csv, to_csv_view(actual), o);
}

}  // namespace kikv::sparql::results
