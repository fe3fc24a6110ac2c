"""Store, Statement and Result: the Pythonic face of the C API."""
import ctypes
import datetime
import decimal
import os
import weakref

from . import _capi
from .errors import MisuseError, error_for
from .terms import IRI, BlankNode, Literal, XSD_DATETIME, XSD_INTEGER, decode_rows

_lib = _capi.lib

#: Rows fetched per call into the library; iteration never holds more than this many rows.
BATCH_ROWS = 512

_FORMATS = {
    None: _capi.FORMAT_AUTO, "auto": _capi.FORMAT_AUTO,
    "turtle": _capi.FORMAT_TURTLE, "ttl": _capi.FORMAT_TURTLE,
    "ntriples": _capi.FORMAT_NTRIPLES, "nt": _capi.FORMAT_NTRIPLES, "n-triples": _capi.FORMAT_NTRIPLES,
    "nquads": _capi.FORMAT_NQUADS, "nq": _capi.FORMAT_NQUADS, "n-quads": _capi.FORMAT_NQUADS,
    "trig": _capi.FORMAT_TRIG,
}


def _format(name):
    try:
        return _FORMATS[name.lower() if isinstance(name, str) else name]
    except KeyError:
        raise ValueError("unknown RDF format %r (turtle, ntriples, nquads, trig)" % (name,)) from None


def _bytes(text):
    return None if text is None else os.fsencode(text) if isinstance(text, os.PathLike) else str(text).encode("utf-8")


class Store:
    """A kikv store. `Store()` is in memory; `Store(path)` opens a persistent store (not
    available yet: raises kikv.UnsupportedError). Use as a context manager, or call close().

    One Store may be used by one thread at a time (kikv raises MisuseError instead of racing);
    interrupt() is the exception, meant to be called from another thread."""

    def __init__(self, path=None):
        self._db = None
        self._statements = weakref.WeakSet()
        db = _capi.db_p()
        rc = _lib.kikv_open(_bytes(path), 0, ctypes.byref(db))
        if rc != _capi.OK:
            message = _lib.kikv_errmsg(db).decode("utf-8", "replace") if db else _capi.lib.kikv_errstr(rc).decode()
            _lib.kikv_close(db)
            raise error_for(rc, message)
        self._db = db

    # -- lifetime ---------------------------------------------------------------------------
    def close(self):
        """Closes the store; open statements and results are closed first. Idempotent."""
        if self._db is None:
            return
        for st in list(self._statements):
            st.close()
        _lib.kikv_close(self._db)
        self._db = None

    @property
    def closed(self):
        return self._db is None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def _handle(self):
        if self._db is None:
            raise MisuseError("the store is closed")
        return self._db

    def _check(self, rc):
        if rc != _capi.OK:
            raise self._error(rc)

    def _error(self, rc):
        db = self._db
        message = _lib.kikv_errmsg(db).decode("utf-8", "replace") if db else _lib.kikv_errstr(rc).decode()
        return error_for(rc, message, db)

    # -- data ---------------------------------------------------------------------------------
    def load(self, path, format=None, base=None, graph=None):
        """Loads an RDF file (.ttl .nt .nq .trig, optionally .gz; or name `format`). All or
        nothing: on an error (kikv.ParseError with line/column, kikv.IoError) nothing changes."""
        self._check(_lib.kikv_load_file(self._handle(), _bytes(os.fspath(path)), _format(format),
                                        _bytes(base), _bytes(graph)))

    def load_string(self, data, format="turtle", base=None, graph=None):
        """Loads an RDF document given as str or bytes (default Turtle)."""
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        self._check(_lib.kikv_load_string(self._handle(), raw, len(raw), _format(format),
                                          _bytes(base), _bytes(graph)))

    def export(self, format="ntriples", graph=None):
        """The store (or one graph) as text in an RDF syntax: turtle, ntriples, nquads, trig."""
        chunks = []

        def write(_user, data, length):
            chunks.append(ctypes.string_at(data, length))
            return 0

        self._check(_lib.kikv_export(self._handle(), _format(format), _bytes(graph),
                                     _capi.WRITE_FN(write), None))
        return b"".join(chunks).decode("utf-8")

    def export_file(self, path, format=None, graph=None):
        """Writes the store (or one graph) to a file; the syntax comes from the extension."""
        self._check(_lib.kikv_export_file(self._handle(), _bytes(os.fspath(path)), _format(format),
                                          _bytes(graph)))

    def __len__(self):
        """Number of quads in all graphs."""
        return int(_lib.kikv_size(self._handle()))

    # -- transactions --------------------------------------------------------------------------
    def begin(self):
        self._check(_lib.kikv_begin(self._handle()))

    def commit(self):
        self._check(_lib.kikv_commit(self._handle()))

    def rollback(self):
        self._check(_lib.kikv_rollback(self._handle()))

    @property
    def in_transaction(self):
        return _lib.kikv_in_transaction(self._handle()) == 1

    def transaction(self):
        """Context manager: commits when the block ends normally, rolls back on an exception."""
        return _Transaction(self)

    # -- queries ---------------------------------------------------------------------------------
    def prepare(self, sparql):
        """A prepared Statement (parse once, execute many times with different parameters)."""
        return Statement(self, sparql)

    def query(self, sparql, params=None, timeout=None):
        """Runs a query and returns its Result: iterate it for rows (tuples of Python values).
        SELECT: one value per variable; ASK: one row (True,) or (False,); CONSTRUCT/DESCRIBE:
        (subject, predicate, object) rows. `params` pre-binds variables by name (without '?'):
        int, float, Decimal, str, bool, datetime.date/datetime, IRI, Literal, or None (unbound).
        `timeout` is in seconds."""
        st = Statement(self, sparql)
        return st.execute(params, timeout=timeout, _owns_statement=True)

    def ask(self, sparql, params=None, timeout=None):
        """The answer of an ASK query as a bool."""
        return bool(self.query(sparql, params, timeout).scalar())

    def interrupt(self):
        """Stops the queries running on this store (from any thread): they raise
        kikv.InterruptError."""
        if self._db is not None:
            _lib.kikv_interrupt(self._db)


class _Transaction:
    def __init__(self, store):
        self._store = store

    def __enter__(self):
        self._store.begin()
        return self._store

    def __exit__(self, exc_type, *rest):
        if exc_type is None:
            self._store.commit()
        else:
            self._store.rollback()


def _bind(st, index, value):
    """Binds one Python value with the matching kikv_bind_* (never by splicing text)."""
    lib = _lib
    if value is None:
        return lib.kikv_bind_unbound(st, index)
    if isinstance(value, bool):
        return lib.kikv_bind_bool(st, index, 1 if value else 0)
    if isinstance(value, int):
        if -(1 << 63) <= value < (1 << 63):
            return lib.kikv_bind_int64(st, index, value)
        text = str(value).encode()
        return lib.kikv_bind_literal(st, index, text, len(text), XSD_INTEGER.encode())
    if isinstance(value, float):
        return lib.kikv_bind_double(st, index, value)
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise ValueError("kikv: %r is not an xsd:decimal" % value)
        return lib.kikv_bind_decimal(st, index, format(value, "f").encode())
    if isinstance(value, (IRI,)):
        return lib.kikv_bind_iri(st, index, value.encode("utf-8"))
    if isinstance(value, BlankNode):
        raise TypeError("kikv: a blank node cannot be a parameter value")
    if isinstance(value, str):
        raw = value.encode("utf-8", "surrogatepass")
        return lib.kikv_bind_string(st, index, raw, len(raw))
    if isinstance(value, datetime.datetime):
        text = value.isoformat().encode()
        return lib.kikv_bind_literal(st, index, text, len(text), XSD_DATETIME.encode())
    if isinstance(value, datetime.date):
        return lib.kikv_bind_date(st, index, value.year, value.month, value.day)
    if isinstance(value, Literal):
        raw = value.lexical.encode("utf-8", "surrogatepass")
        if value.lang:
            return lib.kikv_bind_lang_string(st, index, raw, len(raw), value.lang.encode())
        return lib.kikv_bind_literal(st, index, raw, len(raw), value.datatype.encode())
    raise TypeError("kikv: cannot bind a %s (use int, float, Decimal, str, bool, date, datetime, IRI, "
                    "Literal or None)" % type(value).__name__)


class Statement:
    """A prepared query. execute(params) gives a Result; executing again (or close()) ends the
    previous Result. Use as a context manager, or call close()."""

    def __init__(self, store, sparql):
        self._store = store
        self._st = None
        raw = sparql.encode("utf-8", "surrogatepass")
        st = _capi.stmt_p()
        rc = _lib.kikv_prepare(store._handle(), raw, len(raw), ctypes.byref(st))
        if rc != _capi.OK:
            raise store._error(rc)
        self._st = st
        self.text = sparql
        self.form = {1: "select", 2: "construct", 3: "ask", 4: "describe"}[_lib.kikv_stmt_form(st)]
        self.columns = [_lib.kikv_column_name(st, i).decode("utf-8")
                        for i in range(_lib.kikv_column_count(st))]
        self.parameters = [_lib.kikv_bind_parameter_name(st, i).decode("utf-8")
                           for i in range(1, _lib.kikv_bind_parameter_count(st) + 1)]
        self._result = None
        store._statements.add(self)

    def _handle(self):
        if self._st is None:
            raise MisuseError("the statement is closed")
        self._store._handle()
        return self._st

    def execute(self, params=None, timeout=None, _owns_statement=False):
        """Binds `params` (a mapping name → value; other parameters stay variables) and starts
        the query. Returns a Result, which reads rows lazily in batches."""
        st = self._handle()
        if self._result is not None:
            self._result._detach()
        store = self._store
        rc = _lib.kikv_reset(st)
        if rc == _capi.OK:
            rc = _lib.kikv_clear_bindings(st)
        if rc != _capi.OK:
            raise store._error(rc)
        if params:
            for name, value in params.items():
                index = _lib.kikv_bind_parameter_index(st, str(name).encode("utf-8"))
                rc = _bind(st, index, value)
                if rc != _capi.OK:
                    raise store._error(rc)
        ms = 0 if timeout is None else max(1, int(timeout * 1000))
        store._check(_lib.kikv_stmt_set_timeout(st, ms))
        self._result = Result(self, _owns_statement)
        return self._result

    def close(self):
        """Finalizes the statement (its Result ends). Idempotent."""
        if self._st is None:
            return
        if self._result is not None:
            self._result._detach(MisuseError("the statement is closed"))
            self._result = None
        if self._store._db is not None:
            _lib.kikv_finalize(self._st)
        self._st = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


class Result:
    """The rows of one execution, as tuples of Python values, read BATCH_ROWS at a time:
    xsd:integer → int, xsd:decimal → Decimal, xsd:double → float, xsd:boolean → bool,
    xsd:string → str, xsd:date (no timezone) → datetime.date, IRIs → IRI, blank nodes →
    BlankNode, other literals → Literal, unbound → None."""

    def __init__(self, statement, owns_statement):
        self._statement = statement
        self._owns = owns_statement
        self.columns = statement.columns
        self._rows = []
        self._pos = 0
        self._done = False
        self._error = None
        self._data = ctypes.c_void_p()
        self._bytes = ctypes.c_int64()
        self._count = ctypes.c_int()

    def _fill(self):
        st = self._statement._handle()
        rc = _lib.kikv_fetch(st, BATCH_ROWS, ctypes.byref(self._data), ctypes.byref(self._bytes),
                             ctypes.byref(self._count))
        if rc not in (_capi.ROW, _capi.DONE):
            error = self._statement._store._error(rc)
            self._done = True
            self._release()
            raise error
        text = ctypes.string_at(self._data.value, self._bytes.value).decode("utf-8", "surrogateescape") \
            if self._bytes.value else ""
        self._rows = decode_rows(text, len(self.columns))
        self._pos = 0
        if rc == _capi.DONE:
            self._done = True
            self._release()

    def __iter__(self):
        return self

    def __next__(self):
        while self._pos >= len(self._rows):
            if self._error is not None:
                raise self._error
            if self._done:
                raise StopIteration
            self._fill()
        row = self._rows[self._pos]
        self._pos += 1
        return row

    def fetchone(self):
        """The next row, or None at the end."""
        return next(self, None)

    def fetchall(self):
        """All remaining rows as a list."""
        return list(self)

    def scalar(self):
        """The first value of the first row (None if there is no row); closes the result."""
        row = self.fetchone()
        self.close()
        return None if row is None else row[0]

    def dicts(self):
        """Iterates the remaining rows as dicts column name → value."""
        columns = self.columns
        for row in self:
            yield dict(zip(columns, row))

    def close(self):
        """Stops reading: the store can change again. Idempotent."""
        self._rows = []
        self._done = True
        self._release()

    def _detach(self, error=None):
        self._rows = []
        self._done = True
        self._error = error
        if self._owns:
            self._owns = False

    def _release(self):
        st = self._statement
        if self._owns:
            self._owns = False
            if st._result is self:
                st._result = None  # the rows read so far stay readable
            st.close()
        elif st._st is not None and st._result is self and st._store._db is not None:
            _lib.kikv_reset(st._st)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            if not self._done:
                self.close()
        except Exception:
            pass
