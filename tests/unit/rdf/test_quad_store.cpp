#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>

#include "rdf/quad_store.hpp"

using namespace kikv::rdf;

namespace {

using Tuple = std::tuple<TermId, TermId, TermId, TermId>;

Tuple tup(const Quad& q) { return {q.g, q.s, q.p, q.o}; }

bool matches(const QuadPattern& p, const Quad& q) {
  return (p.g == kNoTerm || p.g == q.g) && (p.s == kNoTerm || p.s == q.s) &&
         (p.p == kNoTerm || p.p == q.p) && (p.o == kNoTerm || p.o == q.o);
}

std::set<Tuple> scan_all(const QuadStore& store, const QuadPattern& p) {
  std::set<Tuple> out;
  auto c = store.scan(p);
  Quad q;
  while (c.next(q)) {
    REQUIRE(matches(p, q));
    REQUIRE(out.insert(tup(q)).second);  // no duplicates
  }
  return out;
}

/// Random ids from small ranges so that patterns hit many quads; ids of different tags too.
Quad random_quad(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> g(0, 3), s(0, 40), p(0, 6), o(0, 60);
  const int gi = g(rng);
  return Quad{gi == 0 ? kDefaultGraph : make_id(IdTag::Iri, 1000 + static_cast<uint64_t>(gi)),
              make_id(s(rng) % 5 == 0 ? IdTag::Blank : IdTag::Iri, static_cast<uint64_t>(s(rng))),
              make_id(IdTag::Iri, 100 + static_cast<uint64_t>(p(rng))),
              o(rng) % 3 == 0 ? make_integer_id(o(rng) - 30)
                              : make_id(IdTag::Iri, static_cast<uint64_t>(o(rng)))};
}

/// Checks every pattern shape (16 combinations of bound positions) against the model.
void check_against_model(const QuadStore& store, const std::set<Tuple>& model, std::mt19937_64& rng) {
  REQUIRE(store.size() == model.size());
  std::vector<Tuple> all(model.begin(), model.end());
  for (int round = 0; round < 30; ++round) {
    // Take bound values from an existing quad half the time, random otherwise (misses).
    Quad src = random_quad(rng);
    if (!all.empty() && round % 2 == 0) {
      const Tuple& t = all[rng() % all.size()];
      src = Quad{std::get<0>(t), std::get<1>(t), std::get<2>(t), std::get<3>(t)};
    }
    for (int mask = 0; mask < 16; ++mask) {
      QuadPattern p{(mask & 1) ? src.g : kNoTerm, (mask & 2) ? src.s : kNoTerm,
                    (mask & 4) ? src.p : kNoTerm, (mask & 8) ? src.o : kNoTerm};
      std::set<Tuple> expected;
      for (const Tuple& t : model) {
        if (matches(p, Quad{std::get<0>(t), std::get<1>(t), std::get<2>(t), std::get<3>(t)}))
          expected.insert(t);
      }
      INFO("mask " << mask);
      CHECK(scan_all(store, p) == expected);
      CHECK(store.count(p) == expected.size());
    }
  }
}

}  // namespace

TEST_CASE("single inserts and erases", "[rdf][store]") {
  QuadStore store;
  const Quad q{kDefaultGraph, make_id(IdTag::Iri, 1), make_id(IdTag::Iri, 2), make_integer_id(3)};
  CHECK(store.insert(q));
  CHECK_FALSE(store.insert(q));
  CHECK(store.size() == 1);
  CHECK(store.contains(q));
  CHECK(store.graph_size(kDefaultGraph) == 1);
  CHECK(store.erase(q));
  CHECK_FALSE(store.erase(q));
  CHECK(store.size() == 0);
  CHECK_FALSE(store.contains(q));
  CHECK(store.graphs(true).empty());
}

TEST_CASE("bulk loads dedupe and every pattern is answered exactly", "[rdf][store]") {
  std::mt19937_64 rng(42);
  QuadStore store;
  std::set<Tuple> model;
  std::vector<Quad> batch;
  for (int i = 0; i < 20000; ++i) {
    Quad q = random_quad(rng);
    batch.push_back(q);
    batch.push_back(q);  // duplicates in the batch
    model.insert(tup(q));
  }
  CHECK(store.insert_batch(batch) == model.size());
  check_against_model(store, model, rng);

  // A second batch overlapping the first.
  batch.clear();
  uint64_t fresh = 0;
  for (int i = 0; i < 5000; ++i) {
    Quad q = random_quad(rng);
    batch.push_back(q);
    if (model.insert(tup(q)).second) ++fresh;
  }
  CHECK(store.insert_batch(batch) == fresh);
  check_against_model(store, model, rng);

  // Graph bookkeeping.
  for (TermId g : store.graphs(true)) {
    uint64_t n = 0;
    for (const Tuple& t : model) n += std::get<0>(t) == g;
    CHECK(store.graph_size(g) == n);
  }
}

TEST_CASE("incremental changes through the delta and compaction", "[rdf][store]") {
  std::mt19937_64 rng(7);
  QuadStore store;
  std::set<Tuple> model;
  std::vector<Quad> batch;
  for (int i = 0; i < 3000; ++i) {
    Quad q = random_quad(rng);
    batch.push_back(q);
    model.insert(tup(q));
  }
  store.insert_batch(batch);
  // Enough single changes to trigger compactions (threshold 4096 delta entries).
  for (int i = 0; i < 12000; ++i) {
    Quad q = random_quad(rng);
    if (rng() % 3 == 0) {
      CHECK(store.erase(q) == (model.erase(tup(q)) == 1));
    } else {
      CHECK(store.insert(q) == model.insert(tup(q)).second);
    }
    if (i % 4000 == 0) check_against_model(store, model, rng);
  }
  check_against_model(store, model, rng);

  // Batch erase.
  batch.clear();
  for (int i = 0; i < 2000; ++i) batch.push_back(random_quad(rng));
  uint64_t expected = 0;
  for (const Quad& q : batch) expected += model.erase(tup(q));
  CHECK(store.erase_batch(batch) == expected);
  check_against_model(store, model, rng);

  // Clearing one graph.
  const TermId g = make_id(IdTag::Iri, 1001);
  uint64_t in_g = 0;
  for (auto it = model.begin(); it != model.end();) {
    if (std::get<0>(*it) == g) {
      it = model.erase(it);
      ++in_g;
    } else {
      ++it;
    }
  }
  CHECK(store.clear_graph(g) == in_g);
  check_against_model(store, model, rng);
}

TEST_CASE("the index is compact", "[rdf][store]") {
  // Sequential subjects with a few predicates, like typical instance data.
  QuadStore store;
  std::vector<Quad> batch;
  for (uint64_t s = 0; s < 50000; ++s) {
    for (uint64_t p = 0; p < 4; ++p) {
      batch.push_back(Quad{kDefaultGraph, make_id(IdTag::Iri, 100 + s), make_id(IdTag::Iri, p),
                           make_integer_id(static_cast<int64_t>(s % 1000))});
    }
  }
  store.insert_batch(batch);
  const double per_quad = static_cast<double>(store.memory().index_bytes) / static_cast<double>(store.size());
  INFO("index bytes per quad: " << per_quad);
  CHECK(per_quad < 16.0);  // three permutations; uncompressed would be 96
}

TEST_CASE("a cursor seeks forward through lookups in key order", "[rdf][store]") {
  std::mt19937_64 rng(11);
  QuadStore store;
  std::vector<Quad> batch;
  for (int i = 0; i < 5000; ++i) batch.push_back(random_quad(rng));
  store.insert_batch(batch);
  // Some single changes so the delta is consulted too.
  for (int i = 0; i < 300; ++i) store.insert(random_quad(rng));
  for (int i = 0; i < 300; ++i) store.erase(random_quad(rng));
  for (TermId p : {make_id(IdTag::Iri, 100), make_id(IdTag::Iri, 103)}) {
    // Subjects in id order, as an index join over sorted input asks for them.
    std::vector<TermId> subjects;
    for (uint64_t s = 0; s <= 40; ++s) {
      subjects.push_back(make_id(IdTag::Iri, s));
      subjects.push_back(make_id(IdTag::Blank, s));
    }
    std::sort(subjects.begin(), subjects.end());
    QuadStore::Cursor c = store.scan(QuadPattern{kDefaultGraph, subjects[0], p, kNoTerm});
    for (size_t i = 0; i < subjects.size(); ++i) {
      const QuadPattern pat{kDefaultGraph, subjects[i], p, kNoTerm};
      if (i > 0) REQUIRE(c.seek(pat));
      std::set<Tuple> got;
      Quad q;
      while (c.next(q)) got.insert(tup(q));
      CHECK(got == scan_all(store, pat));
    }
    // The same prefix again, or an earlier one, cannot be sought.
    CHECK_FALSE(c.seek(QuadPattern{kDefaultGraph, subjects.back(), p, kNoTerm}));
    QuadStore::Cursor d = store.scan(QuadPattern{kDefaultGraph, subjects[5], p, kNoTerm});
    CHECK_FALSE(d.seek(QuadPattern{kDefaultGraph, subjects[2], p, kNoTerm}));
    // A different shape (other bound positions) is refused too.
    QuadStore::Cursor e = store.scan(QuadPattern{kDefaultGraph, subjects[5], p, kNoTerm});
    CHECK_FALSE(e.seek(QuadPattern{kDefaultGraph, subjects[6], kNoTerm, kNoTerm}));
  }
}
