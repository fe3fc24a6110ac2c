#include "rdf/inline_literal.hpp"

#include <cstring>

#include "rdf/vocab.hpp"

namespace kikv::rdf {
namespace {

using xsd::Temporal;
using xsd::TemporalKind;

// Field layout of the packed date/time payloads, most significant first, so that for values
// with the same timezone state the id order is the chronological order.
//   Date, GYear:  year:14 month:4 day:5 tz:12   (GYear: month = day = 0)
//   DateTime:     year:14 month:4 day:5 hour:5 minute:6 second:6 millis:10 tz:8
// tz:12 = has_tz:1 | (minutes + 840):11;  tz:8 = has_tz:1 | (quarter hours + 56):7.
constexpr int64_t kMaxInlineYear = 9999;

std::optional<uint64_t> pack_tz12(const Temporal& t) {
  if (!t.has_tz) return 0;
  return (uint64_t{1} << 11) | static_cast<uint64_t>(t.tz_minutes + 840);
}
void unpack_tz12(uint64_t v, Temporal& t) {
  t.has_tz = (v >> 11) & 1;
  t.tz_minutes = t.has_tz ? static_cast<int16_t>(static_cast<int>(v & 0x7ff) - 840) : 0;
}
std::optional<uint64_t> pack_tz8(const Temporal& t) {
  if (!t.has_tz) return 0;
  if (t.tz_minutes % 15 != 0) return std::nullopt;
  return (uint64_t{1} << 7) | static_cast<uint64_t>(t.tz_minutes / 15 + 56);
}
void unpack_tz8(uint64_t v, Temporal& t) {
  t.has_tz = (v >> 7) & 1;
  t.tz_minutes = t.has_tz ? static_cast<int16_t>((static_cast<int>(v & 0x7f) - 56) * 15) : 0;
}

// Durations: kind:2 months:20 (signed) seconds:38 (signed).
constexpr int64_t kMaxDurationMonths = (int64_t{1} << 19) - 1;
constexpr int64_t kMaxDurationSeconds = (int64_t{1} << 37) - 1;

// Decimals: scale:4 units:56 (signed).
constexpr int64_t kMaxDecimalUnits = (int64_t{1} << 55) - 1;

TemporalKind temporal_kind_of(TermId datatype) {
  if (datatype == vocab::kXsdDate) return TemporalKind::Date;
  if (datatype == vocab::kXsdDateTime) return TemporalKind::DateTime;
  return TemporalKind::GYear;
}

xsd::DurationKind duration_kind_of(TermId datatype) {
  if (datatype == vocab::kXsdYearMonthDuration) return xsd::DurationKind::YearMonth;
  if (datatype == vocab::kXsdDayTimeDuration) return xsd::DurationKind::DayTime;
  return xsd::DurationKind::Duration;
}

}  // namespace

std::optional<TermId> pack_integer(xsd::int128_t v) {
  if (v < kInlineIntegerMin || v > kInlineIntegerMax) return std::nullopt;
  return make_integer_id(static_cast<int64_t>(v));
}

std::optional<TermId> pack_decimal(const xsd::Decimal& d) {
  if (d.scale < 0 || d.scale > 15) return std::nullopt;
  if (d.units < -kMaxDecimalUnits || d.units > kMaxDecimalUnits) return std::nullopt;
  const uint64_t units = static_cast<uint64_t>(static_cast<int64_t>(d.units)) & ((uint64_t{1} << 56) - 1);
  return make_id(IdTag::Decimal, (static_cast<uint64_t>(d.scale) << 56) | units);
}

std::optional<TermId> pack_temporal(const Temporal& t) {
  if (t.year < 1 || t.year > kMaxInlineYear) return std::nullopt;
  const auto y = static_cast<uint64_t>(t.year);
  switch (t.kind) {
    case TemporalKind::Date:
    case TemporalKind::GYear: {
      auto tz = pack_tz12(t);
      if (!tz) return std::nullopt;
      const uint64_t payload = (y << 21) | (uint64_t{t.month} << 17) | (uint64_t{t.day} << 12) | *tz;
      return make_id(t.kind == TemporalKind::Date ? IdTag::Date : IdTag::GYear, payload);
    }
    case TemporalKind::DateTime: {
      if (t.nanosecond % 1000000 != 0) return std::nullopt;
      auto tz = pack_tz8(t);
      if (!tz) return std::nullopt;
      const uint64_t millis = t.nanosecond / 1000000;
      const uint64_t payload = (y << 44) | (uint64_t{t.month} << 40) | (uint64_t{t.day} << 35) |
                               (uint64_t{t.hour} << 30) | (uint64_t{t.minute} << 24) |
                               (uint64_t{t.second} << 18) | (millis << 8) | *tz;
      return make_id(IdTag::DateTime, payload);
    }
    default:
      return std::nullopt;
  }
}

std::optional<TermId> pack_duration(const xsd::Duration& d) {
  if (d.nanoseconds != 0) return std::nullopt;
  if (d.months < -kMaxDurationMonths || d.months > kMaxDurationMonths) return std::nullopt;
  if (d.seconds < -kMaxDurationSeconds || d.seconds > kMaxDurationSeconds) return std::nullopt;
  const uint64_t months = static_cast<uint64_t>(d.months) & ((uint64_t{1} << 20) - 1);
  const uint64_t seconds = static_cast<uint64_t>(d.seconds) & ((uint64_t{1} << 38) - 1);
  return make_id(IdTag::Duration,
                 (static_cast<uint64_t>(d.kind) << 58) | (months << 38) | seconds);
}

std::optional<TermId> pack_string(std::string_view s) {
  if (s.size() > 7) return std::nullopt;
  uint64_t bytes = 0;
  for (size_t i = 0; i < s.size(); ++i)
    bytes |= uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
  return make_id(IdTag::String, (uint64_t{s.size()} << 56) | bytes);
}

std::optional<TermId> try_inline_literal(std::string_view lexical, TermId datatype) {
  // Each branch inlines only when the packed value prints back as `lexical`.
  if (datatype == vocab::kXsdString) return pack_string(lexical);
  if (datatype == vocab::kXsdInteger) {
    auto v = xsd::parse_integer(lexical);
    if (!v || xsd::integer_to_string(*v) != lexical) return std::nullopt;
    return pack_integer(*v);
  }
  if (datatype == vocab::kXsdDecimal) {
    auto d = xsd::parse_decimal(lexical);
    if (!d || xsd::to_string_at_scale(*d) != lexical) return std::nullopt;
    return pack_decimal(*d);
  }
  if (datatype == vocab::kXsdBoolean) {
    if (lexical == "true") return make_boolean_id(true);
    if (lexical == "false") return make_boolean_id(false);
    return std::nullopt;
  }
  if (datatype == vocab::kXsdDate || datatype == vocab::kXsdDateTime ||
      datatype == vocab::kXsdGYear) {
    auto t = xsd::parse_temporal(temporal_kind_of(datatype), lexical);
    if (!t || xsd::to_string(*t) != lexical) return std::nullopt;
    return pack_temporal(*t);
  }
  if (datatype == vocab::kXsdDuration || datatype == vocab::kXsdYearMonthDuration ||
      datatype == vocab::kXsdDayTimeDuration) {
    auto d = xsd::parse_duration(duration_kind_of(datatype), lexical);
    if (!d || xsd::to_string(*d) != lexical) return std::nullopt;
    return pack_duration(*d);
  }
  return std::nullopt;
}

xsd::Decimal inline_decimal(TermId id) {
  const uint64_t p = id_payload(id);
  return xsd::Decimal{sign_extend(p, 56), static_cast<int32_t>(p >> 56)};
}

xsd::Temporal inline_temporal(TermId id) {
  const uint64_t p = id_payload(id);
  Temporal t;
  switch (id_tag(id)) {
    case IdTag::Date:
    case IdTag::GYear:
      t.kind = id_tag(id) == IdTag::Date ? TemporalKind::Date : TemporalKind::GYear;
      t.year = static_cast<int64_t>(p >> 21);
      t.month = static_cast<uint8_t>((p >> 17) & 0xf);
      t.day = static_cast<uint8_t>((p >> 12) & 0x1f);
      unpack_tz12(p & 0xfff, t);
      break;
    case IdTag::DateTime:
      t.kind = TemporalKind::DateTime;
      t.year = static_cast<int64_t>(p >> 44);
      t.month = static_cast<uint8_t>((p >> 40) & 0xf);
      t.day = static_cast<uint8_t>((p >> 35) & 0x1f);
      t.hour = static_cast<uint8_t>((p >> 30) & 0x1f);
      t.minute = static_cast<uint8_t>((p >> 24) & 0x3f);
      t.second = static_cast<uint8_t>((p >> 18) & 0x3f);
      t.nanosecond = static_cast<uint32_t>((p >> 8) & 0x3ff) * 1000000u;
      unpack_tz8(p & 0xff, t);
      break;
    default:
      break;
  }
  return t;
}

xsd::Duration inline_duration(TermId id) {
  const uint64_t p = id_payload(id);
  xsd::Duration d;
  d.kind = static_cast<xsd::DurationKind>((p >> 58) & 0x3);
  d.months = sign_extend(p >> 38, 20);
  d.seconds = sign_extend(p, 38);
  return d;
}

size_t inline_string(TermId id, char out[8]) {
  const uint64_t p = id_payload(id);
  const size_t n = (p >> 56) & 0x7;
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<char>((p >> (8 * i)) & 0xff);
  return n;
}

TermId inline_datatype(TermId id) {
  switch (id_tag(id)) {
    case IdTag::Integer: return vocab::kXsdInteger;
    case IdTag::Decimal: return vocab::kXsdDecimal;
    case IdTag::Boolean: return vocab::kXsdBoolean;
    case IdTag::Date: return vocab::kXsdDate;
    case IdTag::DateTime: return vocab::kXsdDateTime;
    case IdTag::GYear: return vocab::kXsdGYear;
    case IdTag::String: return vocab::kXsdString;
    case IdTag::Duration:
      switch (inline_duration(id).kind) {
        case xsd::DurationKind::YearMonth: return vocab::kXsdYearMonthDuration;
        case xsd::DurationKind::DayTime: return vocab::kXsdDayTimeDuration;
        case xsd::DurationKind::Duration: return vocab::kXsdDuration;
      }
      return vocab::kXsdDuration;
    default: return kNoTerm;
  }
}

void append_inline_lexical(TermId id, std::string& out) {
  switch (id_tag(id)) {
    case IdTag::Integer: out += xsd::integer_to_string(integer_id_value(id)); break;
    case IdTag::Decimal: out += xsd::to_string_at_scale(inline_decimal(id)); break;
    case IdTag::Boolean: out += id_payload(id) ? "true" : "false"; break;
    case IdTag::Date:
    case IdTag::DateTime:
    case IdTag::GYear: out += xsd::to_string(inline_temporal(id)); break;
    case IdTag::Duration: out += xsd::to_string(inline_duration(id)); break;
    case IdTag::String: {
      char buf[8];
      out.append(buf, inline_string(id, buf));
      break;
    }
    default: break;
  }
}

}  // namespace kikv::rdf
