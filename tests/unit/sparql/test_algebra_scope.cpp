// The variable table and the per-op variable sets the optimizer and executor rely on.
#include <catch2/catch.hpp>

#include "sparql_test_util.hpp"

using namespace kikv::sparql;

namespace {

std::vector<std::string> names(const Query& q, const std::vector<VarId>& ids) {
  std::vector<std::string> out;
  for (VarId v : ids) out.push_back(q.vars.name(v));
  std::sort(out.begin(), out.end());
  return out;
}

const Op& below_project(const Query& q) {
  REQUIRE(q.root.kind == OpKind::Project);
  return q.root.children.at(0);
}

}  // namespace

TEST_CASE("variable table: named, hidden, blank and internal variables", "[sparql][algebra][scope]") {
  Query q = parse_query(
      "SELECT ?s (COUNT(*) AS ?n) { ?s <http://x/p>/<http://x/q> [ <http://x/r> ?o ] "
      "{ SELECT ?s { ?s <http://x/t> ?h } } } GROUP BY ?s");
  std::map<std::string, VarKind> kinds;
  for (const auto& v : q.vars.vars) kinds[v.name] = v.kind;
  CHECK(kinds.at("s") == VarKind::Named);
  CHECK(kinds.at("n") == VarKind::Named);
  CHECK(kinds.at("o") == VarKind::Named);
  CHECK(kinds.at("/h") == VarKind::Hidden);
  CHECK(kinds.at("?0") == VarKind::Blank);
  CHECK(kinds.at("?P0") == VarKind::Internal);
  CHECK(kinds.at(".0") == VarKind::Internal);
  CHECK(q.vars.find_named("s").has_value());
  CHECK_FALSE(q.vars.find_named("h").has_value());
  for (const auto& v : q.vars.vars) {
    if (v.kind == VarKind::Named || v.kind == VarKind::Hidden) {
      CHECK(v.source_name == (v.kind == VarKind::Hidden ? v.name.substr(1) : v.name));
    } else {
      CHECK(v.source_name.empty());
    }
  }
  CHECK(names(q, q.projection) == std::vector<std::string>{"n", "s"});
  for (VarId v : q.projection) CHECK_FALSE(q.vars.is_internal(v));
}

TEST_CASE("scope and certain sets follow §18.2.1", "[sparql][algebra][scope]") {
  SECTION("BGP and join: everything certain") {
    Query q = parse_query("SELECT * { ?a <http://x/p> ?b . ?b <http://x/q>+ ?c }");
    const Op& op = below_project(q);
    CHECK(op.kind == OpKind::Join);
    CHECK(names(q, op.scope) == std::vector<std::string>{"a", "b", "c"});
    CHECK(names(q, op.certain) == std::vector<std::string>{"a", "b", "c"});
  }
  SECTION("OPTIONAL: the right side may be unbound") {
    Query q = parse_query("SELECT * { ?a <http://x/p> ?b OPTIONAL { ?b <http://x/q> ?c } }");
    const Op& op = below_project(q);
    CHECK(names(q, op.scope) == std::vector<std::string>{"a", "b", "c"});
    CHECK(names(q, op.certain) == std::vector<std::string>{"a", "b"});
  }
  SECTION("UNION: certain only what both sides bind") {
    Query q = parse_query("SELECT * { { ?a <http://x/p> ?b } UNION { ?a <http://x/q> ?c } }");
    const Op& op = below_project(q);
    CHECK(names(q, op.scope) == std::vector<std::string>{"a", "b", "c"});
    CHECK(names(q, op.certain) == std::vector<std::string>{"a"});
  }
  SECTION("MINUS: only the left side; FILTER adds nothing; BIND may fail") {
    Query q = parse_query("SELECT * { ?a <http://x/p> ?b MINUS { ?a <http://x/q> ?z } BIND(?b + 1 AS ?e) FILTER(?f) }");
    const Op& op = below_project(q);
    CHECK(op.kind == OpKind::Filter);
    CHECK(names(q, op.scope) == std::vector<std::string>{"a", "b", "e"});
    CHECK(names(q, op.certain) == std::vector<std::string>{"a", "b"});
  }
  SECTION("VALUES: certain unless some row is UNDEF; GRAPH ?g binds ?g") {
    Query q = parse_query("SELECT * { VALUES (?x ?y) { (1 UNDEF) (2 3) } GRAPH ?g { ?x <http://x/p> ?o } }");
    const Op& op = below_project(q);
    CHECK(names(q, op.children[0].scope) == std::vector<std::string>{"x", "y"});
    CHECK(names(q, op.children[0].certain) == std::vector<std::string>{"x"});
    CHECK(names(q, op.children[1].certain) == std::vector<std::string>{"g", "o", "x"});
  }
  SECTION("Group: keys and aggregates; COUNT is always bound") {
    Query q = parse_query("SELECT ?s (COUNT(?o) AS ?c) (SUM(?o) AS ?t) { ?s ?p ?o } GROUP BY ?s");
    std::vector<const Op*> stack{&q.root};
    const Op* group = nullptr;
    while (!stack.empty()) {
      const Op* op = stack.back();
      stack.pop_back();
      if (op->kind == OpKind::Group) group = op;
      for (const auto& c : op->children) stack.push_back(&c);
    }
    REQUIRE(group);
    CHECK(names(q, group->scope) == std::vector<std::string>{".0", ".1", "s"});
    CHECK(names(q, group->certain) == std::vector<std::string>{".0", "s"});
  }
  SECTION("Project limits both sets to the projection") {
    Query q = parse_query("SELECT ?a ?zz { ?a <http://x/p> ?b }");
    CHECK(names(q, q.root.scope) == std::vector<std::string>{"a"});
    CHECK(names(q, q.root.certain) == std::vector<std::string>{"a"});
  }
  SECTION("a sub-SELECT exposes only what it projects, under the outer ids") {
    Query q = parse_query("SELECT * { ?a <http://x/p> ?b { SELECT ?b { ?b <http://x/q> ?a } } }");
    const Op& join = below_project(q);
    REQUIRE(join.kind == OpKind::Join);
    CHECK(names(q, join.children[1].scope) == std::vector<std::string>{"b"});
    CHECK(names(q, join.scope) == std::vector<std::string>{"a", "b"});
    // The inner ?a is a different variable.
    const Op& inner_bgp = join.children[1].children[0];
    CHECK(names(q, inner_bgp.scope) == std::vector<std::string>{"/a", "b"});
  }
}

TEST_CASE("to_sse without a variable table prints ids", "[sparql][algebra][scope]") {
  Query q = parse_query("SELECT ?o { <http://x/s> ?p ?o }");
  CHECK(to_sse(q.root) == "(project (?_1)\n  (bgp (triple <http://x/s> ?_0 ?_1)))");
}

TEST_CASE("compute_scope can be re-run after a rewrite", "[sparql][algebra][scope]") {
  Query q = parse_query("SELECT * { ?a <http://x/p> ?b OPTIONAL { ?b <http://x/q> ?c } }");
  Op op = below_project(q);
  // Turn the LeftJoin into a Join, as an optimizer might when the right side is certain.
  op.kind = OpKind::Join;
  compute_scope(op);
  CHECK(names(q, op.certain) == std::vector<std::string>{"a", "b", "c"});
  Op unit = table_unit();
  compute_scope(unit);
  CHECK(unit.scope.empty());
  CHECK(unit.rows.size() == 1);
}
