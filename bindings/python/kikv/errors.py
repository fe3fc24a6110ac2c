"""Exceptions: one class per kikv result code, all subclasses of kikv.Error."""
from . import _capi


class Error(Exception):
    """A failed kikv call. `code` is the C result code, `message` the engine's message."""

    code = _capi.ERROR

    def __init__(self, message, code=None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class MisuseError(Error):
    """The API was used wrongly: closed store, finalized statement, running statement..."""
    code = _capi.MISUSE


class NoMemError(Error, MemoryError):
    code = _capi.NOMEM


class IoError(Error, OSError):
    """A file is missing, unreadable or unwritable."""
    code = _capi.IO


class ParseError(Error):
    """Malformed RDF or SPARQL; `line` and `column` (1-based, 0 if unknown) say where."""
    code = _capi.SYNTAX
    line = 0
    column = 0


class RangeError(Error, ValueError):
    code = _capi.RANGE


class NotFoundError(Error, KeyError):
    """An unknown name, e.g. a parameter the query does not have."""
    code = _capi.NOTFOUND

    def __str__(self):
        return self.message


class TypeMismatchError(Error, TypeError):
    code = _capi.TYPE


class EvalError(Error):
    code = _capi.EVAL


class InterruptError(Error):
    """Store.interrupt() was called, or the query's timeout passed."""
    code = _capi.INTERRUPT


class UnsupportedError(Error):
    code = _capi.UNSUPPORTED


class CorruptError(Error):
    code = _capi.CORRUPT


class BusyError(Error):
    """The store cannot change while a query result is still being read: close the result."""
    code = _capi.BUSY


_BY_CODE = {cls.code: cls for cls in (Error, MisuseError, NoMemError, IoError, ParseError, RangeError,
                                      NotFoundError, TypeMismatchError, EvalError, InterruptError,
                                      UnsupportedError, CorruptError, BusyError)}


def error_for(code, message, db=None):
    """The exception for a result code, with the engine's message (and position for ParseError)."""
    cls = _BY_CODE.get(code, Error)
    e = cls(message, code)
    if cls is ParseError and db:
        line, column = _capi.c_int64(0), _capi.c_int64(0)
        if _capi.lib.kikv_error_offset(db, _capi.ctypes.byref(line), _capi.ctypes.byref(column)) == _capi.OK:
            e.line, e.column = line.value, column.value
    return e
