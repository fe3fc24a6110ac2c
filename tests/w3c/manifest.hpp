// Reading W3C test-suite manifests (mf:Manifest in Turtle): entries, includes, actions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rdf/rdf_reader.hpp"
#include "rdf/term.hpp"

namespace kikv::w3c {

/// A manifest file's statements, indexed by subject.
class ManifestGraph {
 public:
  explicit ManifestGraph(std::vector<rdf::TermQuad> quads);
  /// Objects of (subject, predicate IRI).
  std::vector<rdf::Term> objects(const rdf::Term& subject, const std::string& predicate) const;
  std::optional<rdf::Term> object(const rdf::Term& subject, const std::string& predicate) const;
  /// The members of an RDF collection.
  std::vector<rdf::Term> list(const rdf::Term& head) const;
  /// Subjects having (predicate, object).
  std::vector<rdf::Term> subjects(const std::string& predicate, const rdf::Term& object) const;

 private:
  std::map<rdf::Term, std::multimap<std::string, rdf::Term>> by_subject_;
};

struct TestEntry {
  std::string iri;
  std::string name;
  std::string type;      ///< local name of the rdf:type (e.g. "TestTurtleEval")
  rdf::Term action;      ///< an IRI (file) or a blank node (qt:query, qt:data ...)
  std::optional<rdf::Term> result;
  std::string approval;  ///< local name of dawgt:/rdft:approval ("Approved", ...), "" if none
  std::string base;      ///< the assumed base IRI for the action document ("" = file IRI)
  std::shared_ptr<const ManifestGraph> graph;  ///< the manifest the entry came from
};

/// All entries reachable from a manifest through mf:include and mf:entries.
std::vector<TestEntry> read_manifest(const std::string& path);

/// The local path of a file:// IRI ("" if it is not one).
std::string local_path(const std::string& iri);

/// Prefixes of the test vocabularies.
inline constexpr const char* kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
inline constexpr const char* kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
inline constexpr const char* kDawgt = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";
inline constexpr const char* kRdft = "http://www.w3.org/ns/rdftest#";

/// The set of test IRIs listed in a known-failures file (one IRI per line, '#' comments).
std::map<std::string, std::string> read_known_failures(const std::string& path);

/// Where the shared reference material is: $KIKV_SHARED, else the build-time default.
std::string shared_dir();

}  // namespace kikv::w3c
