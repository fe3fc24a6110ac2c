// Errors thrown inside the C++ library. Each carries the C result code it maps to at the C ABI
// (see include/kikv/kikv.h); capi/guard.hpp turns them into codes and messages.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace kikv {

/// Result codes; the numeric values are those of the KIKV_* constants in kikv.h.
enum class ErrorCode : int {
  Ok = 0,
  Error = 1,      ///< generic failure
  Misuse = 2,     ///< API used wrongly (NULL handle, wrong state, wrong index)
  NoMem = 3,      ///< allocation failed or a memory budget was exceeded
  Io = 4,         ///< file missing, unreadable or unwritable
  Syntax = 5,     ///< malformed RDF or SPARQL
  Range = 6,      ///< index or value out of range
  NotFound = 7,   ///< unknown name (parameter, indicator, graph ...)
  Type = 8,       ///< value of the wrong type
  Eval = 9,       ///< query evaluation failed
  Interrupt = 10, ///< interrupted or timed out
  Unsupported = 11, ///< feature refused (SERVICE, remote LOAD ...)
  Corrupt = 12,   ///< store or log file damaged
};

/// Base of every exception the library throws on purpose.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

/// Malformed input with a position. `line`/`column` are 1-based; 0 means unknown.
class SyntaxError : public Error {
 public:
  SyntaxError(const std::string& message, std::string source, uint64_t line, uint64_t column)
      : Error(ErrorCode::Syntax, format(message, source, line, column)),
        source_(std::move(source)), line_(line), column_(column), detail_(message) {}
  const std::string& source() const noexcept { return source_; }
  uint64_t line() const noexcept { return line_; }
  uint64_t column() const noexcept { return column_; }
  /// The message without the position prefix.
  const std::string& detail() const noexcept { return detail_; }

 private:
  static std::string format(const std::string& message, const std::string& source, uint64_t line,
                            uint64_t column) {
    std::string out = source.empty() ? std::string() : source + ":";
    if (line > 0) out += std::to_string(line) + ":" + std::to_string(column) + ":";
    if (!out.empty()) out += " ";
    return out + message;
  }
  std::string source_;
  uint64_t line_;
  uint64_t column_;
  std::string detail_;
};

class IoError : public Error {
 public:
  explicit IoError(const std::string& message) : Error(ErrorCode::Io, message) {}
};

class MisuseError : public Error {
 public:
  explicit MisuseError(const std::string& message) : Error(ErrorCode::Misuse, message) {}
};

class RangeError : public Error {
 public:
  explicit RangeError(const std::string& message) : Error(ErrorCode::Range, message) {}
};

class NotFoundError : public Error {
 public:
  explicit NotFoundError(const std::string& message) : Error(ErrorCode::NotFound, message) {}
};

class TypeError : public Error {
 public:
  explicit TypeError(const std::string& message) : Error(ErrorCode::Type, message) {}
};

class EvalError : public Error {
 public:
  explicit EvalError(const std::string& message) : Error(ErrorCode::Eval, message) {}
};

class InterruptError : public Error {
 public:
  explicit InterruptError(const std::string& message) : Error(ErrorCode::Interrupt, message) {}
};

class UnsupportedError : public Error {
 public:
  explicit UnsupportedError(const std::string& message) : Error(ErrorCode::Unsupported, message) {}
};

}  // namespace kikv
