"""The C ABI of libkikv, declared once (argtypes/restype), loaded with ctypes.

The library is found, in order: the path in the environment variable KIKV_LIBRARY; a
libkikv.so* next to this package; the system loader (ldconfig paths, LD_LIBRARY_PATH).
"""
import ctypes
import ctypes.util
import glob
import os

from ctypes import POINTER, c_char_p, c_double, c_int, c_int64, c_size_t, c_void_p


def _load():
    candidates = []
    env = os.environ.get("KIKV_LIBRARY")
    if env:
        candidates.append(env)
    here = os.path.dirname(os.path.abspath(__file__))
    candidates += sorted(glob.glob(os.path.join(here, "libkikv.so*")))
    found = ctypes.util.find_library("kikv")
    if found:
        candidates.append(found)
    candidates += ["libkikv.so.0", "libkikv.so"]
    errors = []
    for path in candidates:
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            errors.append("%s: %s" % (path, e))
    raise ImportError("kikv: cannot load libkikv (set KIKV_LIBRARY to its path)\n  " + "\n  ".join(errors))


lib = _load()

db_p = c_void_p
stmt_p = c_void_p
WRITE_FN = ctypes.CFUNCTYPE(c_int, c_void_p, POINTER(ctypes.c_char), c_size_t)

_PROTOTYPES = {
    # name: (restype, argtypes)
    "kikv_version": (c_char_p, []),
    "kikv_libversion_number": (c_int, []),
    "kikv_errstr": (c_char_p, [c_int]),
    "kikv_open": (c_int, [c_char_p, c_int, POINTER(db_p)]),
    "kikv_close": (c_int, [db_p]),
    "kikv_errcode": (c_int, [db_p]),
    "kikv_errmsg": (c_char_p, [db_p]),
    "kikv_error_offset": (c_int, [db_p, POINTER(c_int64), POINTER(c_int64)]),
    "kikv_interrupt": (c_int, [db_p]),
    "kikv_load_file": (c_int, [db_p, c_char_p, c_int, c_char_p, c_char_p]),
    "kikv_load_string": (c_int, [db_p, c_char_p, c_int64, c_int, c_char_p, c_char_p]),
    "kikv_size": (c_int64, [db_p]),
    "kikv_begin": (c_int, [db_p]),
    "kikv_commit": (c_int, [db_p]),
    "kikv_rollback": (c_int, [db_p]),
    "kikv_in_transaction": (c_int, [db_p]),
    "kikv_export": (c_int, [db_p, c_int, c_char_p, WRITE_FN, c_void_p]),
    "kikv_export_file": (c_int, [db_p, c_char_p, c_int, c_char_p]),
    "kikv_prepare": (c_int, [db_p, c_char_p, c_int64, POINTER(stmt_p)]),
    "kikv_finalize": (c_int, [stmt_p]),
    "kikv_step": (c_int, [stmt_p]),
    "kikv_reset": (c_int, [stmt_p]),
    "kikv_stmt_form": (c_int, [stmt_p]),
    "kikv_stmt_set_timeout": (c_int, [stmt_p, c_int64]),
    "kikv_bind_parameter_count": (c_int, [stmt_p]),
    "kikv_bind_parameter_index": (c_int, [stmt_p, c_char_p]),
    "kikv_bind_parameter_name": (c_char_p, [stmt_p, c_int]),
    "kikv_bind_iri": (c_int, [stmt_p, c_int, c_char_p]),
    "kikv_bind_string": (c_int, [stmt_p, c_int, c_char_p, c_int64]),
    "kikv_bind_lang_string": (c_int, [stmt_p, c_int, c_char_p, c_int64, c_char_p]),
    "kikv_bind_literal": (c_int, [stmt_p, c_int, c_char_p, c_int64, c_char_p]),
    "kikv_bind_int64": (c_int, [stmt_p, c_int, c_int64]),
    "kikv_bind_double": (c_int, [stmt_p, c_int, c_double]),
    "kikv_bind_decimal": (c_int, [stmt_p, c_int, c_char_p]),
    "kikv_bind_date": (c_int, [stmt_p, c_int, c_int, c_int, c_int]),
    "kikv_bind_bool": (c_int, [stmt_p, c_int, c_int]),
    "kikv_bind_unbound": (c_int, [stmt_p, c_int]),
    "kikv_clear_bindings": (c_int, [stmt_p]),
    "kikv_column_count": (c_int, [stmt_p]),
    "kikv_column_name": (c_char_p, [stmt_p, c_int]),
    "kikv_fetch": (c_int, [stmt_p, c_int, POINTER(c_void_p), POINTER(c_int64), POINTER(c_int)]),
}

for _name, (_res, _args) in _PROTOTYPES.items():
    _f = getattr(lib, _name)
    _f.restype = _res
    _f.argtypes = _args

# Result codes (kikv.h)
OK, ERROR, MISUSE, NOMEM, IO, SYNTAX, RANGE, NOTFOUND, TYPE, EVAL, INTERRUPT, UNSUPPORTED, CORRUPT, BUSY = range(14)
ROW, DONE = 100, 101

FORMAT_AUTO, FORMAT_TURTLE, FORMAT_NTRIPLES, FORMAT_NQUADS, FORMAT_TRIG = range(5)
FORM_SELECT, FORM_CONSTRUCT, FORM_ASK, FORM_DESCRIBE = 1, 2, 3, 4
