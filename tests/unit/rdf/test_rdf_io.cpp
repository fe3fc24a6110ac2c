#include <catch2/catch.hpp>

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <unistd.h>

#include "rdf/error.hpp"
#include "rdf/rdf_reader.hpp"
#include "rdf/rdf_writer.hpp"
#include "rdf/vocab.hpp"

using namespace kikv;
using namespace kikv::rdf;

namespace {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           (std::string("kikv-test-") + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name, const std::string& content) const {
    const auto p = path / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

LoadOptions turtle() {
  LoadOptions o;
  o.syntax = Syntax::Turtle;
  return o;
}

std::string to_nt(const QuadStore& store, Syntax syntax = Syntax::NTriples) {
  std::ostringstream out;
  write(store, syntax, out);
  return out.str();
}

std::multiset<std::string> lines(const std::string& text) {
  std::multiset<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) out.insert(l);
  return out;
}

/// A store's observable state: size, statements, dictionary counts.
struct Snapshot {
  uint64_t size;
  std::string nquads;
  Dictionary::Stats dict;
  explicit Snapshot(const QuadStore& s)
      : size(s.size()), nquads(to_nt(s, Syntax::NQuads)), dict(s.dictionary().stats()) {}
  bool operator==(const Snapshot& o) const {
    return size == o.size && nquads == o.nquads && dict.iris == o.dict.iris &&
           dict.literals == o.dict.literals && dict.blanks == o.dict.blanks &&
           dict.namespaces == o.dict.namespaces;
  }
};

const char* kTurtle = R"(@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <http://example.org/base/> .
ex:alice a ex:Person ; ex:name "Alice"@en , "Alicia"@es ; ex:age 42 ;
  ex:born "1982-03-04"^^xsd:date ; ex:knows <bob> , [ ex:name "anon" ] .
<bob> ex:score 1.50 ; ex:ok true ; ex:ratio 1.5e2 .
)";

}  // namespace

TEST_CASE("Turtle loads with prefixes, base, lists of objects and blank nodes", "[rdf][io]") {
  QuadStore store;
  const LoadStats stats = load_string(store, kTurtle, turtle());
  CHECK(stats.parsed == 11);
  CHECK(stats.added == 11);
  const auto nt = lines(to_nt(store));
  CHECK(nt.count("<http://example.org/alice> <http://example.org/knows> <http://example.org/base/bob> .") == 1);
  CHECK(nt.count("<http://example.org/alice> <http://example.org/age> \"42\"^^<http://www.w3.org/2001/XMLSchema#integer> .") == 1);
  CHECK(nt.count("<http://example.org/base/bob> <http://example.org/score> \"1.50\"^^<http://www.w3.org/2001/XMLSchema#decimal> .") == 1);
  CHECK(nt.count("<http://example.org/base/bob> <http://example.org/ratio> \"1.5e2\"^^<http://www.w3.org/2001/XMLSchema#double> .") == 1);
  CHECK(nt.count("<http://example.org/alice> <http://example.org/name> \"Alicia\"@es .") == 1);
  // Loading the same document again adds nothing but fresh blank nodes.
  const LoadStats again = load_string(store, kTurtle, turtle());
  CHECK(again.added == 2);
}

TEST_CASE("writing and reading back gives the same statements", "[rdf][io]") {
  QuadStore a;
  load_string(a, kTurtle, turtle());
  for (Syntax syntax : {Syntax::NTriples, Syntax::Turtle, Syntax::NQuads, Syntax::TriG}) {
    INFO(syntax_name(syntax));
    WriteOptions wo;
    wo.prefixes = default_prefixes();
    wo.prefixes["ex"] = "http://example.org/";
    std::ostringstream out;
    CHECK(write(a, syntax, out, wo) == a.size());
    if (syntax == Syntax::Turtle) CHECK(out.str().find("@prefix ex: <http://example.org/> .") != std::string::npos);
    QuadStore b;
    LoadOptions lo;
    lo.syntax = syntax;
    load_string(b, out.str(), lo);
    CHECK(b.size() == a.size());
    // Blank node labels differ; compare the statements without them.
    auto strip = [](const std::string& nt) {
      std::multiset<std::string> kept;
      for (const std::string& l : lines(nt)) kept.insert(l.find("_:") == std::string::npos ? l : "bnode");
      return kept;
    };
    CHECK(strip(to_nt(b)) == strip(to_nt(a)));
  }
}

TEST_CASE("N-Quads and TriG keep graphs; triples can target a named graph", "[rdf][io]") {
  QuadStore store;
  LoadOptions nq;
  nq.syntax = Syntax::NQuads;
  load_string(store,
              "<http://s> <http://p> <http://o> <http://g1> .\n"
              "<http://s> <http://p> <http://o> .\n"
              "<http://s> <http://p> \"x\" <http://g2> .\n",
              nq);
  CHECK(store.size() == 3);
  CHECK(store.graphs().size() == 2);
  LoadOptions trig;
  trig.syntax = Syntax::TriG;
  load_string(store, "<http://g3> { <http://s> <http://p> 1 . } <http://s> <http://p> 2 .", trig);
  CHECK(store.graph_size(*store.dictionary().find_iri("http://g3")) == 1);
  CHECK(store.graph_size(kDefaultGraph) == 2);
  LoadOptions into = turtle();
  into.graph = "http://g4";
  load_string(store, "<http://s> <http://p> 3 .", into);
  CHECK(store.graph_size(*store.dictionary().find_iri("http://g4")) == 1);
  CHECK(store.graph_size(kDefaultGraph) == 2);
}

TEST_CASE("malformed input reports file:line:col and leaves the store unchanged", "[rdf][io]") {
  QuadStore store;
  load_string(store, kTurtle, turtle());
  const Snapshot before(store);
  TempDir dir;

  SECTION("syntax error in a file") {
    const std::string path = dir.file("bad.ttl",
        "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:new1 ex:b ex:new2 .\nex:d ex:e \"unterminated .\n");
    try {
      load_file(store, path);
      FAIL("no error");
    } catch (const SyntaxError& e) {
      CHECK(e.source() == path);
      CHECK(e.line() == 4);
      CHECK(e.column() > 0);
      CHECK(std::string(e.what()).rfind(path + ":4:", 0) == 0);
    }
  }
  SECTION("undefined prefix") {
    try {
      load_string(store, "@prefix ex: <http://example.org/> .\nex:a ex:b ex:new3 .\n  ex:a nope:b ex:c .\n", turtle(), "doc.ttl");
      FAIL("no error");
    } catch (const SyntaxError& e) {
      CHECK(e.line() == 3);
      CHECK(e.column() == 8);
      CHECK(std::string(e.what()).find("nope:") != std::string::npos);
    }
  }
  SECTION("invalid UTF-8") {
    const std::string path = dir.file("bad.nt", "<http://a> <http://b> \"ok\" .\n<http://a> <http://b> \"bad\xff\" .\n");
    CHECK_THROWS_AS(load_file(store, path), SyntaxError);
  }
  SECTION("missing file, directory, unknown format") {
    CHECK_THROWS_AS(load_file(store, (dir.path / "missing.ttl").string()), IoError);
    CHECK_THROWS_AS(load_file(store, dir.path.string() + "/"), Error);
    const std::string path = dir.file("data.xyz", "<http://a> <http://b> <http://c> .");
    CHECK_THROWS_AS(load_file(store, path), RangeError);
  }
  CHECK(Snapshot(store) == before);
}

TEST_CASE("gzip-compressed files load transparently", "[rdf][io]") {
  TempDir dir;
  const std::string path = (dir.path / "data.nt.gz").string();
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f);
  for (int i = 0; i < 1000; ++i) {
    const std::string line = std::string("<http://example.org/s") + std::to_string(i) + "> <http://example.org/p> \"" +
                             std::to_string(i) + "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
    gzwrite(f, line.data(), static_cast<unsigned>(line.size()));
  }
  gzclose(f);
  QuadStore store;
  CHECK(load_file(store, path).added == 1000);
  CHECK(store.count(QuadPattern{kNoTerm, kNoTerm, kNoTerm, make_integer_id(999)}) == 1);
}

TEST_CASE("relative IRIs in files resolve against the file's IRI", "[rdf][io]") {
  TempDir dir;
  const std::string path = dir.file("rel.ttl", "<a> <b> <c> .");
  QuadStore store;
  load_file(store, path);
  const std::string nt = to_nt(store);
  CHECK(nt.find("<file://") == 0);
  CHECK(nt.find("/rel.ttl") == std::string::npos);  // resolved against the directory
  CHECK(nt.find("/a> <file://") != std::string::npos);
}

TEST_CASE("a 100 MB literal loads and round-trips", "[rdf][io][big]") {
  std::string big(100u << 20, 'x');
  std::string doc = std::string("<http://a> <http://b> \"") + big + "\" .\n";
  QuadStore store;
  LoadOptions nt;
  nt.syntax = Syntax::NTriples;
  load_string(store, doc, nt);
  REQUIRE(store.size() == 1);
  Quad q;
  auto c = store.scan(QuadPattern{});
  REQUIRE(c.next(q));
  CHECK(store.dictionary().value(q.o).size() == big.size());
}

TEST_CASE("terms can be read without a store", "[rdf][io]") {
  auto quads = read_terms_string(kTurtle, turtle());
  CHECK(quads.size() == 11);
  int blanks = 0;
  for (const TermQuad& q : quads) blanks += q.o.is_blank() || q.s.is_blank();
  CHECK(blanks == 2);
}

TEST_CASE("a load reports exactly the quads it added (undo log)", "[rdf][io]") {
  QuadStore store;
  std::vector<Quad> added;
  LoadOptions o;
  o.syntax = Syntax::Turtle;
  o.added_quads = &added;
  // Into an empty store: every distinct statement, duplicates once.
  load_string(store, "<http://x/a> <http://x/p> 1 , 1 , 2 .", o);
  REQUIRE(added.size() == 2);
  // Into a non-empty store: only the new ones.
  added.clear();
  load_string(store, "<http://x/a> <http://x/p> 2 , 3 . <http://x/b> <http://x/p> 1 .", o);
  REQUIRE(added.size() == 2);
  REQUIRE(store.size() == 4);
  // Nothing new: nothing reported.
  added.clear();
  load_string(store, "<http://x/a> <http://x/p> 3 .", o);
  REQUIRE(added.empty());
  // Undoing them restores the store.
  load_string(store, "<http://x/c> <http://x/q> \"new\" .", o);
  REQUIRE(added.size() == 1);
  REQUIRE(store.erase_batch(added) == 1);
  REQUIRE(store.size() == 4);
}
