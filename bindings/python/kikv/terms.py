"""RDF terms that have no plain Python value: IRI, BlankNode and Literal, and the conversion of
query results (kikv_fetch batches) to Python values."""
import datetime
import decimal
import re

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
XSD_INTEGER = XSD + "integer"
XSD_DECIMAL = XSD + "decimal"
XSD_DOUBLE = XSD + "double"
XSD_BOOLEAN = XSD + "boolean"
XSD_DATE = XSD + "date"
XSD_DATETIME = XSD + "dateTime"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class IRI(str):
    """An IRI. A str, so it compares and hashes as its text; repr shows it is an IRI."""
    __slots__ = ()

    def __repr__(self):
        return "IRI(%s)" % str.__repr__(self)

    def n3(self):
        return "<%s>" % self


class BlankNode(str):
    """A blank node, by its label (without "_:"); labels are stable within one query result."""
    __slots__ = ()

    def __repr__(self):
        return "BlankNode(%s)" % str.__repr__(self)

    def n3(self):
        return "_:%s" % self


class Literal:
    """A literal whose value has no exact Python type: language-tagged strings, other datatypes
    (xsd:dateTime, xsd:int, gYear, ...) and ill-typed lexical forms. Keeps lexical form, datatype
    and language exactly."""
    __slots__ = ("lexical", "datatype", "lang")

    def __init__(self, lexical, datatype=None, lang=None):
        self.lexical = str(lexical)
        if lang:
            self.lang = str(lang)
            self.datatype = RDF_LANGSTRING
        else:
            self.lang = None
            self.datatype = str(datatype) if datatype else XSD_STRING

    def __eq__(self, other):
        if not isinstance(other, Literal):
            return NotImplemented
        return (self.lexical == other.lexical and self.datatype == other.datatype and
                (self.lang or "").lower() == (other.lang or "").lower())

    def __hash__(self):
        return hash((self.lexical, self.datatype, (self.lang or "").lower()))

    def __repr__(self):
        if self.lang:
            return "Literal(%r, lang=%r)" % (self.lexical, self.lang)
        return "Literal(%r, datatype=%r)" % (self.lexical, self.datatype)

    def __str__(self):
        return self.lexical

    def n3(self):
        text = self.lexical.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if self.lang:
            return '"%s"@%s' % (text, self.lang)
        if self.datatype == XSD_STRING:
            return '"%s"' % text
        return '"%s"^^<%s>' % (text, self.datatype)


# --- decoding kikv_fetch batches (encoding: see kikv_fetch in kikv.h) -----------------------------

_UNESCAPE = re.compile("\x1b(.)", re.S)


def _unescape(text):
    return _UNESCAPE.sub(lambda m: chr(ord(m.group(1)) - 0x20), text)


def _lang(v):
    lang, _, lexical = v[1:].partition("\x1d")
    return Literal(lexical, lang=lang)


def _typed(v):
    datatype, _, lexical = v[1:].partition("\x1d")
    return Literal(lexical, datatype)


_FAST = {
    "": lambda v: None,
    "I": lambda v: IRI(v[1:]),
    "B": lambda v: BlankNode(v[1:]),
    "s": lambda v: v[1:],
    "i": lambda v: int(v[1:]),
    "d": lambda v: decimal.Decimal(v[1:]),
    "f": lambda v: float(v[1:]),
    "b": lambda v: v[1:] in ("true", "1"),
    "D": lambda v: datetime.date.fromisoformat(v[1:]),
    "L": _lang,
    "T": _typed,
}


def _slow(v):
    """A value of a batch that contains escapes: split inner fields first, then unescape."""
    tag = v[:1]
    if tag == "L":
        lang, _, lexical = v[1:].partition("\x1d")
        return Literal(_unescape(lexical), lang=_unescape(lang))
    if tag == "T":
        datatype, _, lexical = v[1:].partition("\x1d")
        return Literal(_unescape(lexical), _unescape(datatype))
    return _FAST[tag](tag + _unescape(v[1:]))


def decode_rows(text, ncols):
    """The rows (tuples of Python values) of one kikv_fetch batch."""
    rows = text.split("\x1e")
    rows.pop()
    if ncols == 0:
        return [()] * len(rows)
    fast = _FAST
    if "\x1b" not in text:
        return [tuple([fast[v[:1]](v) for v in r.split("\x1f")]) for r in rows]
    return [tuple([_slow(v) for v in r.split("\x1f")]) for r in rows]
