#include "rdf/iri.hpp"

#include <optional>

namespace kikv::rdf {
namespace {

/// The five components of RFC 3986 §3 (appendix B). Undefined components are nullopt, which
/// differs from empty ones ("http://a?" has an empty, defined query).
struct IriParts {
  std::optional<std::string_view> scheme;
  std::optional<std::string_view> authority;
  std::string_view path;
  std::optional<std::string_view> query;
  std::optional<std::string_view> fragment;
};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Length of the scheme (without ':'), or 0 if `s` does not start with one.
size_t scheme_length(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) return 0;
  for (size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':') return i;
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return 0;
  }
  return 0;
}

IriParts split(std::string_view s) {
  IriParts p;
  if (size_t n = scheme_length(s); n > 0) {
    p.scheme = s.substr(0, n);
    s.remove_prefix(n + 1);
  }
  if (size_t hash = s.find('#'); hash != std::string_view::npos) {
    p.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  if (size_t q = s.find('?'); q != std::string_view::npos) {
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    size_t end = s.find('/', 2);
    if (end == std::string_view::npos) end = s.size();
    p.authority = s.substr(2, end - 2);
    s.remove_prefix(end);
  }
  p.path = s;
  return p;
}

/// RFC 3986 §5.2.3: merge a relative-path reference with the base path.
std::string merge_paths(const IriParts& base, std::string_view relative_path) {
  if (base.authority && base.path.empty()) {
    std::string out = "/";
    out += relative_path;
    return out;
  }
  size_t slash = base.path.rfind('/');
  if (slash == std::string_view::npos) return std::string(relative_path);
  std::string out(base.path.substr(0, slash + 1));
  out += relative_path;
  return out;
}

std::string recompose(std::optional<std::string_view> scheme,
                      std::optional<std::string_view> authority, std::string_view path,
                      std::optional<std::string_view> query,
                      std::optional<std::string_view> fragment) {
  std::string out;
  out.reserve(path.size() + 64);
  if (scheme) {
    out += *scheme;
    out += ':';
  }
  if (authority) {
    out += "//";
    out += *authority;
  }
  out += path;
  if (query) {
    out += '?';
    out += *query;
  }
  if (fragment) {
    out += '#';
    out += *fragment;
  }
  return out;
}

}  // namespace

bool has_iri_scheme(std::string_view iri) { return scheme_length(iri) > 0; }

std::string remove_dot_segments(std::string_view path) {
  // The loop of §5.2.4, with the output buffer as a string whose last segment can be popped.
  std::string out;
  out.reserve(path.size());
  std::string_view in = path;
  auto pop_last_segment = [&out] {
    size_t slash = out.rfind('/');
    out.erase(slash == std::string::npos ? 0 : slash);
  };
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./")) {
      in.remove_prefix(2);
    } else if (in.starts_with("/./")) {
      in.remove_prefix(2);  // keep the leading '/'
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../")) {
      in.remove_prefix(3);
      pop_last_segment();
    } else if (in == "/..") {
      in = "/";
      pop_last_segment();
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      // Move the first segment (with its leading '/', if any) to the output.
      size_t end = in.find('/', in[0] == '/' ? 1 : 0);
      if (end == std::string_view::npos) end = in.size();
      out += in.substr(0, end);
      in.remove_prefix(end);
    }
  }
  return out;
}

std::string resolve_iri(std::string_view base, std::string_view relative) {
  IriParts r = split(relative);
  // An absolute IRI is taken exactly as written: RDF compares IRIs character by character,
  // and SPARQL/Turtle resolve only relative references (W3C test i18n/normalization-02).
  if (r.scheme) return std::string(relative);
  IriParts b = split(base);
  if (!b.scheme) return std::string(relative);
  if (r.authority) {
    std::string path = remove_dot_segments(r.path);
    return recompose(b.scheme, r.authority, path, r.query, r.fragment);
  }
  if (r.path.empty()) {
    return recompose(b.scheme, b.authority, b.path, r.query ? r.query : b.query, r.fragment);
  }
  std::string path = r.path[0] == '/' ? remove_dot_segments(r.path)
                                      : remove_dot_segments(merge_paths(b, r.path));
  return recompose(b.scheme, b.authority, path, r.query, r.fragment);
}

}  // namespace kikv::rdf
