// Small lexical helpers: xsd:boolean, the derived integer types' value ranges, whitespace
// collapsing.
#include "rdf/xsd.hpp"
#include "rdf/xsd_internal.hpp"

namespace kikv::rdf::xsd {
namespace {

struct IntegerRange {
  std::string_view name;
  int128_t min;
  int128_t max;
};

constexpr int128_t kI128Max = detail::kInt128Max;
constexpr int128_t kI128Min = -detail::kInt128Max;

// XSD 1.1 Part 2 §3.4.13 - §3.4.25: the built-in types derived from xsd:integer.
constexpr IntegerRange kIntegerTypes[] = {
    {"integer", kI128Min, kI128Max},
    {"long", INT64_MIN, INT64_MAX},
    {"int", INT32_MIN, INT32_MAX},
    {"short", INT16_MIN, INT16_MAX},
    {"byte", INT8_MIN, INT8_MAX},
    {"nonNegativeInteger", 0, kI128Max},
    {"positiveInteger", 1, kI128Max},
    {"nonPositiveInteger", kI128Min, 0},
    {"negativeInteger", kI128Min, -1},
    {"unsignedLong", 0, static_cast<int128_t>(UINT64_MAX)},
    {"unsignedInt", 0, UINT32_MAX},
    {"unsignedShort", 0, UINT16_MAX},
    {"unsignedByte", 0, UINT8_MAX},
};

const IntegerRange* find_integer_type(std::string_view local_name) {
  for (const auto& t : kIntegerTypes) {
    if (t.name == local_name) return &t;
  }
  return nullptr;
}

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

bool integer_in_range(std::string_view local_name, int128_t value) {
  const IntegerRange* t = find_integer_type(local_name);
  return t != nullptr && value >= t->min && value <= t->max;
}

bool is_integer_type(std::string_view local_name) {
  return find_integer_type(local_name) != nullptr;
}

std::optional<bool> parse_boolean(std::string_view lexical) {
  if (lexical == "true" || lexical == "1") return true;
  if (lexical == "false" || lexical == "0") return false;
  return std::nullopt;
}

std::string collapse_ws(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_xml_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace kikv::rdf::xsd
