// IRIs that the dictionary interns first, at fixed indexes, so that the engine can name them as
// compile-time ids (the datatype of an inline literal, rdf:type for the reasoner ...).
#pragma once

#include <array>
#include <string_view>

#include "rdf/term_id.hpp"

namespace kikv::rdf::vocab {

inline constexpr std::array<std::string_view, 38> kWellKnownIris = {
    "http://www.w3.org/2001/XMLSchema#string",                  // 0
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",    // 1
    "http://www.w3.org/2001/XMLSchema#boolean",                 // 2
    "http://www.w3.org/2001/XMLSchema#integer",                 // 3
    "http://www.w3.org/2001/XMLSchema#decimal",                 // 4
    "http://www.w3.org/2001/XMLSchema#double",                  // 5
    "http://www.w3.org/2001/XMLSchema#float",                   // 6
    "http://www.w3.org/2001/XMLSchema#date",                    // 7
    "http://www.w3.org/2001/XMLSchema#dateTime",                // 8
    "http://www.w3.org/2001/XMLSchema#time",                    // 9
    "http://www.w3.org/2001/XMLSchema#gYear",                   // 10
    "http://www.w3.org/2001/XMLSchema#gYearMonth",              // 11
    "http://www.w3.org/2001/XMLSchema#gMonth",                  // 12
    "http://www.w3.org/2001/XMLSchema#gMonthDay",               // 13
    "http://www.w3.org/2001/XMLSchema#gDay",                    // 14
    "http://www.w3.org/2001/XMLSchema#duration",                // 15
    "http://www.w3.org/2001/XMLSchema#yearMonthDuration",       // 16
    "http://www.w3.org/2001/XMLSchema#dayTimeDuration",         // 17
    "http://www.w3.org/2001/XMLSchema#dateTimeStamp",           // 18
    "http://www.w3.org/2001/XMLSchema#int",                     // 19
    "http://www.w3.org/2001/XMLSchema#long",                    // 20
    "http://www.w3.org/2001/XMLSchema#short",                   // 21
    "http://www.w3.org/2001/XMLSchema#byte",                    // 22
    "http://www.w3.org/2001/XMLSchema#nonNegativeInteger",      // 23
    "http://www.w3.org/2001/XMLSchema#positiveInteger",         // 24
    "http://www.w3.org/2001/XMLSchema#nonPositiveInteger",      // 25
    "http://www.w3.org/2001/XMLSchema#negativeInteger",         // 26
    "http://www.w3.org/2001/XMLSchema#unsignedLong",            // 27
    "http://www.w3.org/2001/XMLSchema#unsignedInt",             // 28
    "http://www.w3.org/2001/XMLSchema#unsignedShort",           // 29
    "http://www.w3.org/2001/XMLSchema#unsignedByte",            // 30
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",          // 31
    "http://www.w3.org/2000/01/rdf-schema#subClassOf",          // 32
    "http://www.w3.org/2000/01/rdf-schema#subPropertyOf",       // 33
    "http://www.w3.org/2000/01/rdf-schema#domain",              // 34
    "http://www.w3.org/2000/01/rdf-schema#range",               // 35
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#first",         // 36
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest",          // 37
};

constexpr TermId well_known(unsigned index) { return make_id(IdTag::Iri, index); }

inline constexpr TermId kXsdString = well_known(0);
inline constexpr TermId kRdfLangString = well_known(1);
inline constexpr TermId kXsdBoolean = well_known(2);
inline constexpr TermId kXsdInteger = well_known(3);
inline constexpr TermId kXsdDecimal = well_known(4);
inline constexpr TermId kXsdDouble = well_known(5);
inline constexpr TermId kXsdFloat = well_known(6);
inline constexpr TermId kXsdDate = well_known(7);
inline constexpr TermId kXsdDateTime = well_known(8);
inline constexpr TermId kXsdTime = well_known(9);
inline constexpr TermId kXsdGYear = well_known(10);
inline constexpr TermId kXsdGYearMonth = well_known(11);
inline constexpr TermId kXsdGMonth = well_known(12);
inline constexpr TermId kXsdGMonthDay = well_known(13);
inline constexpr TermId kXsdGDay = well_known(14);
inline constexpr TermId kXsdDuration = well_known(15);
inline constexpr TermId kXsdYearMonthDuration = well_known(16);
inline constexpr TermId kXsdDayTimeDuration = well_known(17);
inline constexpr TermId kXsdDateTimeStamp = well_known(18);
inline constexpr TermId kXsdInt = well_known(19);
inline constexpr TermId kXsdUnsignedByte = well_known(30);
inline constexpr TermId kRdfType = well_known(31);
inline constexpr TermId kRdfsSubClassOf = well_known(32);
inline constexpr TermId kRdfsSubPropertyOf = well_known(33);
inline constexpr TermId kRdfsDomain = well_known(34);
inline constexpr TermId kRdfsRange = well_known(35);
inline constexpr TermId kRdfFirst = well_known(36);
inline constexpr TermId kRdfRest = well_known(37);

/// True for xsd:integer and the derived integer types (well-known indexes 3 and 19..30).
constexpr bool is_integer_datatype(TermId dt) {
  return dt == kXsdInteger || (dt >= well_known(19) && dt <= well_known(30));
}

}  // namespace kikv::rdf::vocab
