// Internal to the function library: the implementations the registry (functions.cpp) lists,
// defined in functions_terms.cpp, functions_string.cpp, functions_numeric.cpp and casts.cpp.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "sparql/eval/functions.hpp"

namespace kikv::sparql::fn {

using Args = std::span<const rdf::TermId>;
using Result = std::optional<rdf::TermId>;

// functions_terms.cpp — terms, IRIs, blank nodes, language tags
Result str(Args, FunctionContext&);
Result lang(Args, FunctionContext&);
Result langmatches(Args, FunctionContext&);
Result datatype(Args, FunctionContext&);
Result iri(Args, FunctionContext&);
Result bnode(Args, FunctionContext&);
Result strdt(Args, FunctionContext&);
Result strlang(Args, FunctionContext&);
Result uuid(Args, FunctionContext&);
Result struuid(Args, FunctionContext&);
Result is_iri(Args, FunctionContext&);
Result is_blank(Args, FunctionContext&);
Result is_literal(Args, FunctionContext&);
Result is_numeric(Args, FunctionContext&);
Result same_term(Args, FunctionContext&);

// functions_string.cpp — strings, regular expressions, hashes
Result strlen(Args, FunctionContext&);
Result substr(Args, FunctionContext&);
Result ucase(Args, FunctionContext&);
Result lcase(Args, FunctionContext&);
Result strstarts(Args, FunctionContext&);
Result strends(Args, FunctionContext&);
Result contains(Args, FunctionContext&);
Result strbefore(Args, FunctionContext&);
Result strafter(Args, FunctionContext&);
Result encode_for_uri(Args, FunctionContext&);
Result concat(Args, FunctionContext&);
Result replace(Args, FunctionContext&);
Result regex(Args, FunctionContext&);
Result md5(Args, FunctionContext&);
Result sha1(Args, FunctionContext&);
Result sha256(Args, FunctionContext&);
Result sha384(Args, FunctionContext&);
Result sha512(Args, FunctionContext&);

// functions_numeric.cpp — numbers, dates and times
Result abs(Args, FunctionContext&);
Result round(Args, FunctionContext&);
Result ceil(Args, FunctionContext&);
Result floor(Args, FunctionContext&);
Result rand(Args, FunctionContext&);
Result now(Args, FunctionContext&);
Result year(Args, FunctionContext&);
Result month(Args, FunctionContext&);
Result day(Args, FunctionContext&);
Result hours(Args, FunctionContext&);
Result minutes(Args, FunctionContext&);
Result seconds(Args, FunctionContext&);
Result timezone(Args, FunctionContext&);
Result tz(Args, FunctionContext&);

// casts.cpp — XSD casts (§17.5), one per target datatype
Result cast_string(Args, FunctionContext&);
Result cast_boolean(Args, FunctionContext&);
Result cast_integer(Args, FunctionContext&);
Result cast_decimal(Args, FunctionContext&);
Result cast_float(Args, FunctionContext&);
Result cast_double(Args, FunctionContext&);
Result cast_date_time(Args, FunctionContext&);
Result cast_date(Args, FunctionContext&);
Result cast_time(Args, FunctionContext&);
Result cast_duration(Args, FunctionContext&);
Result cast_year_month_duration(Args, FunctionContext&);
Result cast_day_time_duration(Args, FunctionContext&);
Result cast_int(Args, FunctionContext&);
Result cast_long(Args, FunctionContext&);
Result cast_short(Args, FunctionContext&);
Result cast_byte(Args, FunctionContext&);
Result cast_non_negative_integer(Args, FunctionContext&);
Result cast_positive_integer(Args, FunctionContext&);
Result cast_non_positive_integer(Args, FunctionContext&);
Result cast_negative_integer(Args, FunctionContext&);
Result cast_unsigned_long(Args, FunctionContext&);
Result cast_unsigned_int(Args, FunctionContext&);
Result cast_unsigned_short(Args, FunctionContext&);
Result cast_unsigned_byte(Args, FunctionContext&);

/// ASCII case-insensitive equality (language tags).
bool ascii_iequal(std::string_view a, std::string_view b);

}  // namespace kikv::sparql::fn
