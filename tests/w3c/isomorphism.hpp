// RDF dataset isomorphism (equality up to a renaming of blank nodes), for evaluation tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rdf/rdf_reader.hpp"

namespace kikv::test {

/// nullopt if the two datasets are isomorphic, else a short description of a difference.
/// Language tags compare case-insensitively (RDF 1.1 Concepts §3.3).
std::optional<std::string> compare_datasets(const std::vector<rdf::TermQuad>& expected,
                                            const std::vector<rdf::TermQuad>& actual);

}  // namespace kikv::test
