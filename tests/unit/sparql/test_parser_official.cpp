// The KIK-V queries: every query of the sample data must parse, and the algebra of the official
// validated queries must have the shape their authors rely on (FEATURES.md).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sparql_test_util.hpp"

namespace fs = std::filesystem;
using namespace kikv::sparql;
using kikv::sparql::testing::normalize_sse;

namespace {

const fs::path kSampleData = fs::path(KIKV_SHARED_DIR) / "onz" / "sample-data";
const fs::path kZk = kSampleData / "kikv-up-zorgkantoren-1.3.5-queries";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void collect(const Op& op, OpKind kind, std::vector<const Op*>& out) {
  if (op.kind == kind) out.push_back(&op);
  for (const auto& c : op.children) collect(c, kind, out);
  auto in_exprs = [&](const std::vector<Expr>& exprs, auto& self) -> void {
    for (const auto& e : exprs) {
      for (const auto& p : e.pattern) collect(p, kind, out);
      self(e.args, self);
    }
  };
  in_exprs(op.exprs, in_exprs);
  for (const auto& b : op.bindings) in_exprs(std::vector<Expr>{b.expr}, in_exprs);
}

std::vector<const Op*> ops(const Query& q, OpKind kind) {
  std::vector<const Op*> out;
  collect(q.root, kind, out);
  return out;
}

Query parse_file(const fs::path& p) {
  ParseOptions opts;
  opts.source = p.filename().string();
  return parse_query(read(p), opts);
}

}  // namespace

TEST_CASE("every query of the ONZ sample data parses", "[sparql][parser][official]") {
  if (!fs::exists(kSampleData)) {
    WARN("skipped: " << kSampleData << " not found (KIKV_SHARED)");
    return;
  }
  size_t count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kSampleData)) {
    if (entry.path().extension() != ".rq") continue;
    INFO(entry.path());
    CHECK_NOTHROW(parse_file(entry.path()));
    ++count;
  }
  CHECK(count >= 11);
}

TEST_CASE("Zorgkantoren 4.1: grouped per vestiging, EXISTS in IF, partOf* walk, Totaal UNION branch",
          "[sparql][parser][official]") {
  if (!fs::exists(kZk)) {
    WARN("skipped: " << kZk << " not found (KIKV_SHARED)");
    return;
  }
  Query q = parse_file(kZk / "4.1.rq");
  CHECK(q.form == QueryForm::Select);
  REQUIRE(q.projection.size() == 3);
  CHECK(q.vars.name(q.projection[0]) == "Indeling");
  CHECK(q.vars.name(q.projection[2]) == "Gem_contracturen_per_niet_zorgverlener");
  auto groups = ops(q, OpKind::Group);
  REQUIRE(groups.size() == 1);
  REQUIRE(groups[0]->bindings.size() == 1);
  CHECK(q.vars.name(groups[0]->bindings[0].var) == "vestiging");
  REQUIRE(groups[0]->aggregates.size() == 4);
  CHECK(groups[0]->aggregates[0].kind == AggregateKind::Count);
  CHECK(groups[0]->aggregates[0].distinct);
  CHECK(groups[0]->aggregates[1].kind == AggregateKind::Sum);
  // (?vestiging AS ?Indeling) after grouping; ORDER BY ?vestiging.
  CHECK(normalize_sse(to_sse(q)).find("(order (?vestiging) (extend ") != std::string::npos);
  auto paths = ops(q, OpKind::Path);
  REQUIRE(paths.size() == 2);
  CHECK(to_sse(paths[0]->path) == "(path* <http://purl.org/ozo/onz-g#partOf>)");
  CHECK(to_sse(paths[1]->path) == "(path+ <http://purl.org/ozo/onz-g#partOf>)");
  auto unions = ops(q, OpKind::Union);
  REQUIRE(unions.size() == 1);
  CHECK(normalize_sse(to_sse(unions[0]->children[1], q.vars)) ==
        "(extend ((?vestiging \"Organisatie (gecontracteerd + algemeen)\")) (table unit))");
  CHECK(ops(q, OpKind::Bgp).size() >= 5);
  // BIND(IF(EXISTS {...}, 1, 0) AS ?zorg): the EXISTS pattern is algebra inside the expression.
  CHECK(normalize_sse(to_sse(q.root, q.vars))
            .find("(extend ((?zorg (if (exists (bgp (triple ?functie <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                  "<http://purl.org/ozo/onz-pers#ZorgverlenerFunctie>))) 1 0)))") != std::string::npos);
  // The parameters are free variables of the query.
  CHECK(q.vars.find_named("peildatum"));
  CHECK(q.vars.find_named("zorgkantoor"));
}

TEST_CASE("Zorgkantoren 18.1: three levels of sub-SELECT, lower-case keywords, VALUES tables",
          "[sparql][parser][official]") {
  if (!fs::exists(kZk)) {
    WARN("skipped: " << kZk << " not found (KIKV_SHARED)");
    return;
  }
  Query q = parse_file(kZk / "18.1.rq");
  CHECK(ops(q, OpKind::Project).size() == 3);
  CHECK(ops(q, OpKind::Group).size() == 2);
  size_t values_tables = 0;  // five VALUES blocks, plus the (table unit) that BIND(...) extends
  for (const Op* t : ops(q, OpKind::Table)) values_tables += t->vars.empty() ? 0 : 1;
  CHECK(values_tables == 5);
  // ?peildatum is used only inside the innermost sub-SELECT: there it is a hidden variable,
  // distinct from anything outside, until a parameter value is substituted.
  CHECK_FALSE(q.vars.find_named("peildatum"));
  bool hidden = false;
  for (const auto& v : q.vars.vars) hidden = hidden || (v.source_name == "peildatum" && v.kind == VarKind::Hidden);
  CHECK(hidden);
  bind_parameters(q, {{"peildatum", kikv::rdf::Term::literal("2024-12-31", "http://www.w3.org/2001/XMLSchema#date")}});
  std::string s = normalize_sse(to_sse(q.root, q.vars));
  CHECK(s.find("(extend ((?/peildatum_argument \"2024-12-31\"^^<http://www.w3.org/2001/XMLSchema#date>))") !=
        std::string::npos);
  CHECK(s.find("peildatum)") == std::string::npos);
  CHECK(s.find("?//peildatum") == std::string::npos);
}

TEST_CASE("patterns of the partial KIK-V queries (FEATURES.md) parse", "[sparql][parser][official]") {
  const char* prologue =
      "PREFIX onz-g: <http://purl.org/ozo/onz-g#>\n"
      "PREFIX onz-pers: <http://purl.org/ozo/onz-pers#>\n"
      "PREFIX onz-fin: <http://purl.org/ozo/onz-fin#>\n"
      "prefix xsd: <http://www.w3.org/2001/XMLSchema#>\n";
  const char* queries[] = {
      // MEVA 2.28: alias reuse with MAX, VALUES in a sub-select written without WHERE.
      "SELECT ?Periode (\"Totaal organisatie\" as ?Indeling) ?teller_waarde WHERE {\n"
      "  { SELECT ?Periode ?werknemer\n"
      "      (IF(MAX(?op_later) > 0 && MAX(?op_eerder) > 0, 1, 0) AS ?noemer_waarde)\n"
      "      (IF(?noemer_waarde = 1 && MAX(?op_eerder) < MAX(?op_later), 1, 0) AS ?teller_waarde)\n"
      "    { VALUES ?kw { 1 2 3 4 0 }   # 0 = Totaal jaar\n"
      "      BIND(xsd:integer(?jaar) AS ?_jaar)\n"
      "      BIND(xsd:date(CONCAT(STR(?jaar), \"-\", IF(?kw=1,\"01-01\", IF(?kw=2, \"04-01\", \"07-01\")))) AS ?Periode)\n"
      "      ?werknemer onz-g:x ?op_later ; onz-g:y ?op_eerder .\n"
      "    } GROUP BY ?Periode ?werknemer } }",
      // NZa 1.1.3: WHERE { SELECT ... } as the whole group, date + duration arithmetic.
      "SELECT ?Teller WHERE { SELECT (SUM(?fte) AS ?Teller) (\"Niet van toepassing\" AS ?Noemer) (?Teller AS ?Indicator)\n"
      "  { BIND(STRDT(CONCAT(STR(?jaar), \"-01-01\"), xsd:date) AS ?peildatum)\n"
      "    BIND(?peildatum + \"P1Y\"^^xsd:duration - \"P1D\"^^xsd:duration AS ?eind)\n"
      "    ?afspraak onz-g:isAbout/a ?function_class . ?x onz-pers:fte ?fte } }",
      // IGJ 1.4.1: UNION branch of only a BIND, OPTIONAL { { SELECT ... } }, spaced path.
      "SELECT DISTINCT ?k { { ?q onz-g:hasQuality / onz-g:hasQualityValue ?v . ?v a onz-pers:ODB ; "
      "<http://www.w3.org/2000/01/rdf-schema#label> ?k } UNION { BIND(\"Totaal\" AS ?k) }\n"
      "  OPTIONAL { { SELECT DISTINCT ?k (SUM(COALESCE(?dag * ?pil, 0.0)) AS ?s) { ?k onz-g:p ?dag ; onz-g:q ?pil } GROUP BY ?k } } }",
      // ZK 18.1 style: lower-case keywords, count(, REGEX on STRAFTER, STR of an empty local name.
      "select ?r (SUM(?a) + SUM(?b)/count(?b) as ?x) where { ?r a onz-fin:Grootboekrubriek ; onz-g:v ?a, ?b .\n"
      "  FILTER(REGEX(STRAFTER(STR(?r), STR(onz-fin:)), \"^[0-9]{6}$\")) } group by ?r",
      // ActiZ 1.6: COUNT(DISTINCT IF(...)), SAMPLE inside IF, negative duration.
      "SELECT ?vestiging (COUNT(DISTINCT IF(BOUND(?wlz), ?client, ?unbound)) AS ?n)\n"
      "  (IF(?vestiging = \"Totaal organisatie\", \"\", SAMPLE(?zk_regio_code)) AS ?regio)\n"
      "{ ?client onz-g:in ?vestiging OPTIONAL { ?client onz-g:wlz ?wlz }\n"
      "  BIND(?peildatum_eerder + \"P3M\"^^xsd:duration + \"-P1D\"^^xsd:duration AS ?eind) } GROUP BY ?vestiging",
  };
  for (const char* q : queries) {
    INFO(q);
    CHECK_NOTHROW(parse_query(std::string(prologue) + q));
  }
}
