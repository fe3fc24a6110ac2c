#include "rdf/serd_parse.hpp"

#include <serd/serd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <unistd.h>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>

#include "rdf/error.hpp"
#include "rdf/iri.hpp"

namespace kikv::rdf {

std::string file_iri(const std::string& path) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  const std::string p = ec ? path : abs.lexically_normal().string();
  std::string out = "file://";
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : p) {
    if (std::isalnum(c) || std::strchr("/-._~!$&'()*+,;=:@", c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

namespace detail {
namespace {

std::string_view view(const SerdNode* n) {
  return {reinterpret_cast<const char*>(n->buf), n->n_bytes};
}

SerdSyntax serd_syntax(Syntax s) {
  switch (s) {
    case Syntax::Turtle: return SERD_TURTLE;
    case Syntax::NTriples: return SERD_NTRIPLES;
    case Syntax::NQuads: return SERD_NQUADS;
    case Syntax::TriG: return SERD_TRIG;
  }
  return SERD_TURTLE;
}

/// Everything the Serd callbacks need; errors are recorded here because exceptions must not
/// unwind through Serd's C frames.
struct Context {
  const StatementFn* fn = nullptr;
  const LoadOptions* options = nullptr;
  SerdEnv* env = nullptr;
  std::string base;  ///< the base IRI in effect (resolved with kikv's RFC 3986 resolver)
  uint64_t statements = 0;
  std::function<uint64_t()> bytes_read;
  std::string source;
  // First error: from Serd's error sink (with a position) or from our callbacks.
  std::optional<SyntaxError> syntax_error;
  std::exception_ptr exception;
  std::string undefined_prefix;  ///< set when a prefixed name had no @prefix
  bool surrogate = false;        ///< a \u escape named a UTF-16 surrogate (not a character)
  // Scratch for resolved node strings, one per position so none overwrites another.
  std::string buf[5];

  /// Resolves an IRI or prefixed name node into `out`; false if its prefix is undefined.
  bool resolve(const SerdNode* node, std::string& out) {
    out.clear();
    if (node->type == SERD_CURIE) {
      SerdChunk prefix{}, suffix{};
      if (serd_env_expand(env, node, &prefix, &suffix) != SERD_SUCCESS) {
        const std::string_view curie = view(node);
        undefined_prefix = std::string(curie.substr(0, curie.find(':') + 1));
        return false;
      }
      out.append(reinterpret_cast<const char*>(prefix.buf), prefix.len);
      out.append(reinterpret_cast<const char*>(suffix.buf), suffix.len);
      return true;
    }
    if (serd_uri_string_has_scheme(node->buf)) {
      out.assign(view(node));
      return true;
    }
    // Without a base the relative reference is kept as written.
    out = resolve_iri(base, view(node));
    return true;
  }

  /// Serd turns "\ud800" into the bytes of a surrogate code point; RDF forbids them.
  bool check_chars(std::string_view s) {
    for (size_t i = s.find('\xED'); i != std::string_view::npos; i = s.find('\xED', i + 1)) {
      if (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0) {
        surrogate = true;
        return false;
      }
    }
    return true;
  }

  bool node(const SerdNode* n, const SerdNode* datatype, const SerdNode* lang, int slot,
            NodeView& out) {
    if (!node_unchecked(n, datatype, lang, slot, out)) return false;
    return check_chars(out.value);
  }

  bool node_unchecked(const SerdNode* n, const SerdNode* datatype, const SerdNode* lang, int slot,
                      NodeView& out) {
    out = NodeView{};
    switch (n->type) {
      case SERD_URI:
      case SERD_CURIE:
        if (!resolve(n, buf[slot])) return false;
        out.kind = TermKind::Iri;
        out.value = buf[slot];
        return true;
      case SERD_BLANK:
        out.kind = TermKind::Blank;
        out.value = view(n);
        return true;
      case SERD_LITERAL:
        out.kind = TermKind::Literal;
        out.value = view(n);
        if (lang && lang->n_bytes) out.lang = view(lang);
        if (datatype && datatype->n_bytes) {
          if (!resolve(datatype, buf[4])) return false;
          out.datatype = buf[4];
        }
        return true;
      default:
        return false;
    }
  }
};

SerdStatus on_error(void* handle, const SerdError* e) {
  auto* ctx = static_cast<Context*>(handle);
  if (ctx->syntax_error) return SERD_SUCCESS;
  char msg[512];
  va_list args;
  va_copy(args, *e->args);
  std::vsnprintf(msg, sizeof msg, e->fmt, args);
  va_end(args);
  std::string text(msg);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  ctx->syntax_error.emplace(text, ctx->source, e->line, e->col);
  return SERD_SUCCESS;
}

// Serd's own URI resolution keeps "." segments (RFC 3986 §5.2.4), so base and prefix IRIs are
// resolved here and handed to Serd's environment already absolute.
SerdStatus on_base(void* handle, const SerdNode* uri) {
  auto* ctx = static_cast<Context*>(handle);
  ctx->base = resolve_iri(ctx->base, view(uri));
  return SERD_SUCCESS;
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* ctx = static_cast<Context*>(handle);
  const std::string abs = resolve_iri(ctx->base, view(uri));
  SerdNode node = serd_node_from_substring(SERD_URI, reinterpret_cast<const uint8_t*>(abs.data()), abs.size());
  return serd_env_set_prefix(ctx->env, name, &node);
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph,
                        const SerdNode* subject, const SerdNode* predicate,
                        const SerdNode* object, const SerdNode* datatype, const SerdNode* lang) {
  auto* ctx = static_cast<Context*>(handle);
  try {
    NodeView g, s, p, o;
    const bool has_graph = graph && graph->type != SERD_NOTHING;
    if ((has_graph && !ctx->node(graph, nullptr, nullptr, 0, g)) ||
        !ctx->node(subject, nullptr, nullptr, 1, s) ||
        !ctx->node(predicate, nullptr, nullptr, 2, p) ||
        !ctx->node(object, datatype, lang, 3, o)) {
      return SERD_ERR_BAD_CURIE;
    }
    (*ctx->fn)(has_graph ? &g : nullptr, s, p, o);
    if ((++ctx->statements & 0xffff) == 0 && ctx->options->progress)
      ctx->options->progress(ctx->statements, ctx->bytes_read ? ctx->bytes_read() : 0);
    return SERD_SUCCESS;
  } catch (...) {
    ctx->exception = std::current_exception();
    return SERD_ERR_BAD_ARG;
  }
}

struct GzStream {
  gzFile file = nullptr;
  int error = 0;
};

size_t gz_read(void* buf, size_t size, size_t nmemb, void* stream) {
  auto* s = static_cast<GzStream*>(stream);
  const int n = gzread(s->file, buf, static_cast<unsigned>(size * nmemb));
  if (n < 0) {
    s->error = 1;
    return 0;
  }
  return static_cast<size_t>(n) / size;
}

int gz_error(void* stream) { return static_cast<GzStream*>(stream)->error; }

/// A document in memory read through the same paged path as files (Serd's read_string misreads
/// an empty string).
struct MemoryStream {
  std::string_view text;
  size_t pos = 0;
};

size_t memory_read(void* buf, size_t size, size_t nmemb, void* stream) {
  auto* m = static_cast<MemoryStream*>(stream);
  const size_t n = std::min(size * nmemb, m->text.size() - m->pos);
  std::memcpy(buf, m->text.data() + m->pos, n);
  m->pos += n;
  return n / size;
}

int memory_error(void*) { return 0; }

/// Position of the first use of an undefined prefix: Serd's reader does not expand prefixed
/// names, so it cannot tell us; we look for the first token "pfx:" ourselves.
std::pair<uint64_t, uint64_t> find_token(std::string_view text, std::string_view token) {
  uint64_t line = 1, col = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool boundary = i == 0 || std::strchr(" \t\r\n;,([{", text[i - 1]) != nullptr;
    if (boundary && text.compare(i, token.size(), token) == 0) return {line, col};
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {0, 0};
}

/// Position of the first \u or \U escape of a surrogate (U+D800..U+DFFF).
std::pair<uint64_t, uint64_t> find_surrogate_escape(std::string_view text) {
  uint64_t line = 1, col = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == 'u' || text[i + 1] == 'U')) {
      size_t j = i + 2;
      if (text[i + 1] == 'U') j += 4;  // \U0000D800
      if (j + 1 < text.size() && (text[j] == 'd' || text[j] == 'D') &&
          std::strchr("89abcdefABCDEF", text[j + 1]) != nullptr)
        return {line, col};
    }
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {0, 0};
}

std::string read_whole_file(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return {};
  std::string out;
  char buf[65536];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

}  // namespace

void parse(const Source& source, Syntax syntax, const LoadOptions& options, const StatementFn& fn) {
  Context ctx;
  ctx.fn = &fn;
  ctx.options = &options;
  ctx.source = source.name;

  ctx.base = options.base_iri;
  if (ctx.base.empty() && source.path && *source.path != "-") ctx.base = file_iri(*source.path);
  std::unique_ptr<SerdEnv, void (*)(SerdEnv*)> env(serd_env_new(nullptr), serd_env_free);
  ctx.env = env.get();

  std::unique_ptr<SerdReader, void (*)(SerdReader*)> reader(
      serd_reader_new(serd_syntax(syntax), &ctx, nullptr, on_base, on_prefix, on_statement,
                      nullptr),
      serd_reader_free);
  serd_reader_set_strict(reader.get(), options.strict);
  serd_reader_set_error_sink(reader.get(), on_error, &ctx);

  SerdStatus st = SERD_SUCCESS;
  if (source.path) {
    GzStream stream;
    if (*source.path == "-") {
      stream.file = gzdopen(dup(fileno(stdin)), "rb");
    } else {
      std::error_code ec;
      if (std::filesystem::is_directory(*source.path, ec))
        throw IoError("cannot read " + *source.path + ": is a directory");
      stream.file = gzopen(source.path->c_str(), "rb");
    }
    if (!stream.file)
      throw IoError("cannot open " + source.name + ": " + std::strerror(errno));
    gzbuffer(stream.file, 1 << 17);
    ctx.bytes_read = [&stream] { return static_cast<uint64_t>(gzoffset(stream.file)); };
    st = serd_reader_read_source(reader.get(), gz_read, gz_error, &stream,
                                 reinterpret_cast<const uint8_t*>(source.name.c_str()), 1 << 16);
    ctx.bytes_read = nullptr;
    gzclose(stream.file);
    if (stream.error) throw IoError("cannot read " + source.name);
  } else {
    MemoryStream stream{source.text, 0};
    ctx.bytes_read = [&stream] { return static_cast<uint64_t>(stream.pos); };
    st = serd_reader_read_source(reader.get(), memory_read, memory_error, &stream,
                                 reinterpret_cast<const uint8_t*>(source.name.c_str()), 1 << 16);
  }

  if (ctx.exception) std::rethrow_exception(ctx.exception);
  if (ctx.surrogate) {
    const std::string text = source.path ? read_whole_file(*source.path) : std::string(source.text);
    auto [line, col] = find_surrogate_escape(text);
    throw SyntaxError("escape names a UTF-16 surrogate, which is not a character", source.name, line, col);
  }
  if (!ctx.undefined_prefix.empty()) {
    const std::string text = source.path ? read_whole_file(*source.path) : std::string(source.text);
    auto [line, col] = find_token(text, ctx.undefined_prefix);
    throw SyntaxError("undefined prefix '" + ctx.undefined_prefix + "'", source.name, line, col);
  }
  if (ctx.syntax_error) throw *ctx.syntax_error;
  if (st > SERD_FAILURE) throw SyntaxError(reinterpret_cast<const char*>(serd_strerror(st)), source.name, 0, 0);
}

}  // namespace detail
}  // namespace kikv::rdf
