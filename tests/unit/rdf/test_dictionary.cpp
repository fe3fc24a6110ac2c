#include <catch2/catch.hpp>

#include "rdf/dictionary.hpp"
#include "rdf/vocab.hpp"

using namespace kikv::rdf;

namespace {
const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";
Term typed(const std::string& lex, const std::string& local) { return Term::literal(lex, kXsd + local); }
}  // namespace

TEST_CASE("well-known IRIs have their fixed ids", "[rdf][dictionary]") {
  Dictionary d;
  CHECK(d.find_iri("http://www.w3.org/2001/XMLSchema#integer") == vocab::kXsdInteger);
  CHECK(d.find_iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type") == vocab::kRdfType);
  CHECK(d.value(vocab::kXsdDate) == "http://www.w3.org/2001/XMLSchema#date");
}

TEST_CASE("IRIs intern to stable ids and print back", "[rdf][dictionary]") {
  Dictionary d;
  const TermId a = d.intern_iri("http://example.org/person/1");
  const TermId b = d.intern_iri("http://example.org/person/2");
  const TermId c = d.intern_iri("urn:isbn:123");
  const TermId e = d.intern_iri("noslash");
  CHECK(a != b);
  CHECK(d.intern_iri("http://example.org/person/1") == a);
  CHECK(is_iri(a));
  CHECK(d.value(a) == "http://example.org/person/1");
  CHECK(d.value(b) == "http://example.org/person/2");
  CHECK(d.value(c) == "urn:isbn:123");
  CHECK(d.value(e) == "noslash");
  CHECK(d.term(a) == Term::iri("http://example.org/person/1"));
  CHECK_FALSE(d.find_iri("http://example.org/person/3"));
  CHECK_FALSE(d.find_iri("http://example.org/other/1"));
}

TEST_CASE("literals keep datatype, language and exact lexical form", "[rdf][dictionary]") {
  Dictionary d;
  const Term cases[] = {
      Term::string("hello world, a longer string"),
      Term::string(""),
      Term::string("abc"),
      Term::string("\xc3\xa9t\xc3\xa9"),  // "été", 5 bytes: inline
      Term::lang_literal("hallo", "nl"),
      Term::lang_literal("hallo", "nl-BE"),
      typed("42", "integer"),
      typed("042", "integer"),    // non-canonical: dictionary, kept as written
      typed("+42", "integer"),
      typed("-7", "integer"),
      typed("99999999999999999999999", "integer"),  // beyond 60 bits
      typed("1.50", "decimal"),
      typed("-0.5", "decimal"),
      typed("-0.0", "decimal"),
      typed(".5", "decimal"),
      typed("5", "decimal"),
      typed("true", "boolean"),
      typed("1", "boolean"),
      typed("2024-02-29", "date"),
      typed("2024-02-30", "date"),  // ill-typed: kept as a plain dictionary literal
      typed("2024-01-01+01:00", "date"),
      typed("2024-01-01Z", "date"),
      typed("2024-01-01T12:30:00", "dateTime"),
      typed("2024-01-01T12:30:00.123Z", "dateTime"),
      typed("2024-01-01T12:30:00.1234Z", "dateTime"),  // sub-millisecond: dictionary
      typed("2024", "gYear"),
      typed("P1Y2M", "yearMonthDuration"),
      typed("P3DT4H", "dayTimeDuration"),
      typed("-P1D", "duration"),
      typed("PT36H", "dayTimeDuration"),  // non-canonical (P1DT12H): dictionary
      typed("1.5e2", "double"),
      Term::literal("x", "http://example.org/dt"),
  };
  for (const Term& t : cases) {
    INFO(to_ntriples(t));
    const TermId id = d.intern(t);
    CHECK(is_literal(id));
    CHECK(d.term(id) == t);
    CHECK(d.intern(t) == id);
    CHECK(d.find(t) == id);
  }
}

TEST_CASE("small literals are inlined only when their form round-trips", "[rdf][dictionary]") {
  Dictionary d;
  auto tag = [&](const Term& t) { return id_tag(d.intern(t)); };
  CHECK(tag(typed("42", "integer")) == IdTag::Integer);
  CHECK(tag(typed("042", "integer")) == IdTag::Literal);
  CHECK(tag(typed("1.50", "decimal")) == IdTag::Decimal);
  CHECK(tag(typed("-0.0", "decimal")) == IdTag::Literal);
  CHECK(tag(typed("true", "boolean")) == IdTag::Boolean);
  CHECK(tag(typed("1", "boolean")) == IdTag::Literal);
  CHECK(tag(typed("2024-02-29", "date")) == IdTag::Date);
  CHECK(tag(typed("2024-01-01T12:30:00.123Z", "dateTime")) == IdTag::DateTime);
  CHECK(tag(typed("2024", "gYear")) == IdTag::GYear);
  CHECK(tag(typed("P1Y2M", "yearMonthDuration")) == IdTag::Duration);
  CHECK(tag(Term::string("abcdefg")) == IdTag::String);
  CHECK(tag(Term::string("abcdefgh")) == IdTag::Literal);
  CHECK(tag(Term::lang_literal("a", "nl")) == IdTag::Literal);
  // Same value, different lexical form: different RDF terms, different ids.
  CHECK(d.intern(typed("1.5", "decimal")) != d.intern(typed("1.50", "decimal")));
  // Inline ids exist without interning.
  CHECK(d.find(typed("123", "integer")) == make_integer_id(123));
}

TEST_CASE("blank nodes are fresh counters", "[rdf][dictionary]") {
  Dictionary d;
  const TermId a = d.new_blank(), b = d.new_blank();
  CHECK(a != b);
  CHECK(is_blank(a));
  CHECK(d.term(a) == Term::blank("b0"));
  CHECK(d.find(Term::blank("b1")) == b);
  CHECK_FALSE(d.find(Term::blank("b2")));
  CHECK_FALSE(d.find(Term::blank("x")));
}

TEST_CASE("rollback removes exactly what was interned after the mark", "[rdf][dictionary]") {
  Dictionary d;
  const TermId keep = d.intern_iri("http://example.org/a/keep");
  const TermId lit = d.intern(Term::lang_literal("blijft", "nl"));
  const auto before = d.stats();
  const auto mark = d.mark();
  for (int i = 0; i < 5000; ++i) d.intern_iri("http://example.org/new" + std::to_string(i % 7) + "/" + std::to_string(i));
  d.intern(Term::lang_literal("weg", "nl"));
  d.new_blank();
  d.rollback(mark);
  const auto after = d.stats();
  CHECK(after.iris == before.iris);
  CHECK(after.literals == before.literals);
  CHECK(after.blanks == before.blanks);
  CHECK(after.namespaces == before.namespaces);
  CHECK(d.find_iri("http://example.org/a/keep") == keep);
  CHECK(d.find(Term::lang_literal("blijft", "nl")) == lit);
  CHECK_FALSE(d.find_iri("http://example.org/new1/1"));
  CHECK_FALSE(d.find(Term::lang_literal("weg", "nl")));
  // Interning again works and reuses the freed numbers.
  const TermId again = d.intern_iri("http://example.org/new1/1");
  CHECK(d.value(again) == "http://example.org/new1/1");
}

TEST_CASE("a large dictionary stays consistent across growth", "[rdf][dictionary]") {
  Dictionary d;
  std::vector<TermId> ids;
  for (int i = 0; i < 200000; ++i) ids.push_back(d.intern_iri("http://example.org/r/" + std::to_string(i)));
  for (int i = 0; i < 200000; i += 997) {
    CHECK(d.value(ids[static_cast<size_t>(i)]) == "http://example.org/r/" + std::to_string(i));
    CHECK(d.find_iri("http://example.org/r/" + std::to_string(i)) == ids[static_cast<size_t>(i)]);
  }
}
