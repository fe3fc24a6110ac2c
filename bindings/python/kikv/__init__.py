"""kikv: an embeddable RDF store and SPARQL 1.1 engine (Python binding over the C ABI, ctypes).

    import kikv
    with kikv.Store() as store:
        store.load("zorg.ttl")
        for name, age in store.query("SELECT ?name ?age WHERE { ... FILTER(?age >= ?min) }",
                                     params={"min": 80}):
            ...
"""
from . import _capi
from .errors import (BusyError, CorruptError, Error, EvalError, InterruptError, IoError, MisuseError,
                     NoMemError, NotFoundError, ParseError, RangeError, TypeMismatchError,
                     UnsupportedError)
from .store import Result, Statement, Store
from .terms import IRI, BlankNode, Literal

__all__ = ["Store", "Statement", "Result", "IRI", "BlankNode", "Literal", "Error", "MisuseError",
           "NoMemError", "IoError", "ParseError", "RangeError", "NotFoundError", "TypeMismatchError",
           "EvalError", "InterruptError", "UnsupportedError", "CorruptError", "BusyError",
           "version", "library_version"]

#: Version of this binding (the C header's KIKV_VERSION it was written for).
version = "0.1.0"


def library_version():
    """The loaded libkikv's version string."""
    return _capi.lib.kikv_version().decode()
