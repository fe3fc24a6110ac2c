#include <catch2/catch.hpp>

#include "rdf/iri.hpp"

using kikv::rdf::has_iri_scheme;
using kikv::rdf::remove_dot_segments;
using kikv::rdf::resolve_iri;

// Expected values: RFC 3986 §5.4 (reference resolution examples).
TEST_CASE("resolve_iri: RFC 3986 normal examples", "[rdf][iri]") {
  const char* base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
  };
  for (const auto& [ref, expected] : cases) {
    INFO(ref);
    CHECK(resolve_iri(base, ref) == expected);
  }
}

TEST_CASE("resolve_iri: RFC 3986 abnormal examples", "[rdf][iri]") {
  const char* base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", "http:g"},  // strict parser
  };
  for (const auto& [ref, expected] : cases) {
    INFO(ref);
    CHECK(resolve_iri(base, ref) == expected);
  }
}

TEST_CASE("resolve_iri: bases without path, fragments, IRIs with non-ASCII", "[rdf][iri]") {
  CHECK(resolve_iri("http://example.org", "a") == "http://example.org/a");
  CHECK(resolve_iri("http://example.org#frag", "#x") == "http://example.org#x");
  CHECK(resolve_iri("http://example.org/dir/", "") == "http://example.org/dir/");
  CHECK(resolve_iri("http://example.org/a?q#f", "") == "http://example.org/a?q");
  CHECK(resolve_iri("file:///work/tests/manifest.ttl", "syntax-01.rq") ==
        "file:///work/tests/syntax-01.rq");
  CHECK(resolve_iri("http://example.org/zorg/", "cliënt#één") ==
        "http://example.org/zorg/cliënt#één");
  CHECK(resolve_iri("urn:x:y", "#a") == "urn:x:y#a");
  // No absolute base: the reference stays as written.
  CHECK(resolve_iri("", "a/b") == "a/b");
  CHECK(resolve_iri("relative/base", "a") == "a");
  // Absolute references are kept exactly (W3C SPARQL test i18n/normalization-02 expects
  // <eXAMPLE://a/./b/../b/%63/%7bfoo%7d#xyz> in a PREFIX to match the same text in the data).
  CHECK(resolve_iri("", "http://x/a/../b") == "http://x/a/../b");
  CHECK(resolve_iri("http://base/", "eXAMPLE://a/./b/../b/%63/%7bfoo%7d#") == "eXAMPLE://a/./b/../b/%63/%7bfoo%7d#");
}

TEST_CASE("remove_dot_segments and has_iri_scheme", "[rdf][iri]") {
  CHECK(remove_dot_segments("/a/b/c/./../../g") == "/a/g");
  CHECK(remove_dot_segments("mid/content=5/../6") == "mid/6");
  CHECK(remove_dot_segments("") == "");
  CHECK(remove_dot_segments("/") == "/");
  CHECK(has_iri_scheme("http://x"));
  CHECK(has_iri_scheme("urn:isbn:1"));
  CHECK_FALSE(has_iri_scheme("a/b:c"));
  CHECK_FALSE(has_iri_scheme(":x"));
  CHECK_FALSE(has_iri_scheme("1a:x"));
}
