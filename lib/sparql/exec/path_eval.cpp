#include "sparql/exec/path_eval.hpp"

#include <algorithm>
#include <unordered_set>

namespace kikv::sparql::exec {

CPath compile_path(const Path& path, const rdf::Dictionary& dict) {
  CPath c;
  c.kind = path.kind;
  if (path.kind == PathKind::Link) {
    if (auto id = dict.find_iri(path.iri)) {
      c.iri = *id;
    } else {
      c.absent = true;
    }
  } else if (path.kind == PathKind::NegatedSet) {
    for (const std::string& iri : path.iris) {
      if (auto id = dict.find_iri(iri)) c.iris.push_back(*id);
    }
  }
  for (const Path& a : path.args) c.args.push_back(compile_path(a, dict));
  return c;
}

void PathEvaluator::scan(const rdf::QuadPattern& pat, std::vector<rdf::Quad>& out) {
  for (TermId g : graphs_) {
    rdf::QuadPattern p = pat;
    p.g = g;
    auto c = store_.scan(p);
    rdf::Quad q;
    while (c.next(q)) out.push_back(q);
  }
}

void PathEvaluator::step(const CPath& p, TermId x, bool fwd, std::vector<TermId>& out) {
  switch (p.kind) {
    case PathKind::Link: {
      if (p.absent) return;
      std::vector<rdf::Quad> qs;
      scan(fwd ? rdf::QuadPattern{rdf::kNoTerm, x, p.iri, rdf::kNoTerm}
               : rdf::QuadPattern{rdf::kNoTerm, rdf::kNoTerm, p.iri, x},
           qs);
      for (const rdf::Quad& q : qs) out.push_back(fwd ? q.o : q.s);
      return;
    }
    case PathKind::NegatedSet: {
      std::vector<rdf::Quad> qs;
      scan(fwd ? rdf::QuadPattern{rdf::kNoTerm, x, rdf::kNoTerm, rdf::kNoTerm}
               : rdf::QuadPattern{rdf::kNoTerm, rdf::kNoTerm, rdf::kNoTerm, x},
           qs);
      for (const rdf::Quad& q : qs) {
        if (std::find(p.iris.begin(), p.iris.end(), q.p) == p.iris.end()) out.push_back(fwd ? q.o : q.s);
      }
      return;
    }
    case PathKind::Inverse:
      step(p.args[0], x, !fwd, out);
      return;
    case PathKind::Sequence: {
      const CPath& first = fwd ? p.args[0] : p.args[1];
      const CPath& second = fwd ? p.args[1] : p.args[0];
      std::vector<TermId> mid;
      step(first, x, fwd, mid);
      for (TermId m : mid) step(second, m, fwd, out);
      return;
    }
    case PathKind::Alternative:
      step(p.args[0], x, fwd, out);
      step(p.args[1], x, fwd, out);
      return;
    case PathKind::ZeroOrMore:
      closure(p.args[0], x, fwd, true, out);
      return;
    case PathKind::OneOrMore:
      closure(p.args[0], x, fwd, false, out);
      return;
    case PathKind::ZeroOrOne: {
      std::vector<TermId> one;
      step(p.args[0], x, fwd, one);
      out.push_back(x);
      std::unordered_set<TermId> seen{x};
      for (TermId y : one)
        if (seen.insert(y).second) out.push_back(y);
      return;
    }
  }
}

void PathEvaluator::closure(const CPath& p, TermId x, bool fwd, bool include_start, std::vector<TermId>& out) {
  // ALP: breadth-first, each node visited once.
  std::unordered_set<TermId> visited;
  std::vector<TermId> frontier{x}, next;
  if (include_start) {
    visited.insert(x);
    out.push_back(x);
  }
  size_t steps = 0;
  while (!frontier.empty()) {
    next.clear();
    for (TermId n : frontier) {
      std::vector<TermId> succ;
      step(p, n, fwd, succ);
      for (TermId y : succ) {
        if (visited.insert(y).second) {
          out.push_back(y);
          next.push_back(y);
        }
      }
    }
    frontier.swap(next);
    if ((++steps & 63) == 0) ctx_.check();
  }
}

void PathEvaluator::forward(const CPath& p, TermId x, std::vector<TermId>& out) { step(p, x, true, out); }

void PathEvaluator::backward(const CPath& p, TermId y, std::vector<TermId>& out) { step(p, y, false, out); }

void PathEvaluator::nodes(std::vector<TermId>& out) {
  std::unordered_set<TermId> seen;
  std::vector<rdf::Quad> qs;
  scan(rdf::QuadPattern{}, qs);
  for (const rdf::Quad& q : qs) {
    if (seen.insert(q.s).second) out.push_back(q.s);
    if (seen.insert(q.o).second) out.push_back(q.o);
  }
}

void PathEvaluator::all(const CPath& p, std::vector<std::pair<TermId, TermId>>& out) {
  switch (p.kind) {
    case PathKind::Link: {
      if (p.absent) return;
      std::vector<rdf::Quad> qs;
      scan(rdf::QuadPattern{rdf::kNoTerm, rdf::kNoTerm, p.iri, rdf::kNoTerm}, qs);
      for (const rdf::Quad& q : qs) out.emplace_back(q.s, q.o);
      return;
    }
    case PathKind::NegatedSet: {
      std::vector<rdf::Quad> qs;
      scan(rdf::QuadPattern{}, qs);
      for (const rdf::Quad& q : qs)
        if (std::find(p.iris.begin(), p.iris.end(), q.p) == p.iris.end()) out.emplace_back(q.s, q.o);
      return;
    }
    case PathKind::Inverse: {
      std::vector<std::pair<TermId, TermId>> inner;
      all(p.args[0], inner);
      for (auto [a, b] : inner) out.emplace_back(b, a);
      return;
    }
    case PathKind::Alternative:
      all(p.args[0], out);
      all(p.args[1], out);
      return;
    case PathKind::Sequence: {
      std::vector<std::pair<TermId, TermId>> first;
      all(p.args[0], first);
      std::vector<TermId> ys;
      for (auto [a, m] : first) {
        ys.clear();
        step(p.args[1], m, true, ys);
        for (TermId y : ys) out.emplace_back(a, y);
      }
      return;
    }
    case PathKind::ZeroOrMore:
    case PathKind::ZeroOrOne:
    case PathKind::OneOrMore: {
      // Start from every node that can begin a path: all nodes for the zero-length forms,
      // otherwise the subjects of a first step.
      std::vector<TermId> starts;
      if (p.kind == PathKind::OneOrMore) {
        std::vector<std::pair<TermId, TermId>> first;
        all(p.args[0], first);
        std::unordered_set<TermId> seen;
        for (auto [a, b] : first)
          if (seen.insert(a).second) starts.push_back(a);
      } else {
        nodes(starts);
      }
      std::vector<TermId> ys;
      for (TermId x : starts) {
        ys.clear();
        step(p, x, true, ys);
        for (TermId y : ys) out.emplace_back(x, y);
      }
      return;
    }
  }
}

}  // namespace kikv::sparql::exec
