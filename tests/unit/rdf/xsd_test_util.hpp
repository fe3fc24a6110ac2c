// Shared helpers for the XSD value tests: Catch2 printing of 128-bit integers and decimals, and
// shorthands that parse a lexical form or fail the test.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "rdf/xsd.hpp"

namespace Catch {
template <>
struct StringMaker<kikv::rdf::xsd::int128_t> {
  static std::string convert(kikv::rdf::xsd::int128_t v) {
    return kikv::rdf::xsd::integer_to_string(v);
  }
};
template <>
struct StringMaker<kikv::rdf::xsd::Decimal> {
  static std::string convert(const kikv::rdf::xsd::Decimal& d) {
    return "{" + kikv::rdf::xsd::integer_to_string(d.units) + ", " + std::to_string(d.scale) + "}";
  }
};
}  // namespace Catch

namespace xsd_test {

inline kikv::rdf::xsd::int128_t i128(const char* text) {
  auto v = kikv::rdf::xsd::parse_integer(text);
  REQUIRE(v.has_value());
  return *v;
}

inline kikv::rdf::xsd::Decimal dec(const char* text) {
  auto v = kikv::rdf::xsd::parse_decimal(text);
  REQUIRE(v.has_value());
  return *v;
}

}  // namespace xsd_test
