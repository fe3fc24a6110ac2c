// Reader for W3C test-suite manifests (Turtle, test-manifest vocabulary): follows mf:include,
// walks mf:entries lists, gives one ManifestTest per entry. Shared by the suite runners; the
// Turtle is read with kikv's own loader (rdf::read_terms_file).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kikv::test {

inline constexpr const char* kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
inline constexpr const char* kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
inline constexpr const char* kUt = "http://www.w3.org/2009/sparql/tests/test-update#";
inline constexpr const char* kDawgt = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";
inline constexpr const char* kRdft = "http://www.w3.org/ns/rdftest#";

struct ManifestTest {
  std::string iri;            ///< test IRI (absolute; file: IRIs for tests named relative to the file)
  std::string manifest;       ///< path of the manifest file that lists the test
  std::string name;           ///< mf:name
  std::string comment;        ///< rdfs:comment
  std::string type;           ///< rdf:type IRI
  std::string type_name;      ///< its local name: PositiveSyntaxTest11, QueryEvaluationTest ...
  std::string approval;       ///< dawgt:approval or rdft:approval IRI, empty if none
  std::string approval_name;  ///< its local name: Approved, Proposed, NotClassified, Withdrawn
  std::string action;         ///< mf:action when it is an IRI (syntax tests: the query file)
  std::string query;          ///< query file: qt:query of the action, or the action IRI
  std::string data;           ///< qt:data
  std::vector<std::string> graph_data;  ///< qt:graphData (IRIs; for nodes, their qt:graph)
  std::string result;         ///< mf:result
  /// The base IRI the suite assumes for the action document (mf:assumedTestBase of the
  /// manifest + the action's path relative to it); empty when the manifest names none.
  std::string assumed_base;
  /// Every property of the action node (predicate IRI → object value), for other runners
  /// (ut:request, ut:data, ...).
  std::multimap<std::string, std::string> action_properties;
};

/// Reads the manifest at `path` and, recursively, every manifest it includes. Tests appear in
/// mf:entries order; a test listed twice (through two includes) appears once. Throws
/// kikv::Error on unreadable or malformed files.
std::vector<ManifestTest> read_manifest(const std::string& path);

/// file:///a/b → /a/b (percent-decoded); other IRIs unchanged.
std::string iri_to_path(const std::string& iri);
/// /a/b → file:///a/b
std::string path_to_iri(const std::string& path);

/// A known-failures file: one test name per line, then whitespace, '#' and the reason.
/// Lines starting with '#' are comments. Returns name → reason.
std::map<std::string, std::string> read_known_failures(const std::string& path);

/// Where the shared reference material is: $KIKV_SHARED, else the build's default.
std::string shared_dir();

}  // namespace kikv::test
