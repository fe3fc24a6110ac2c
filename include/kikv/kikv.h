/*
** kikv — embeddable RDF store and SPARQL 1.1 engine for KIK-V datastations.
**
** This header is the whole public interface of libkikv. It compiles as C99 and as C++.
** Conventions (as SQLite's):
**   - Objects are opaque handles: kikv_db (a store). Each has one destructor that accepts NULL.
**   - Functions return a result code (KIKV_OK on success). After a failure, kikv_errcode(db)
**     and kikv_errmsg(db) describe it; the message stays valid until the next call on that db.
**   - Out-parameters come last and are marked OUT.
**   - Strings are UTF-8. A length of -1 means "NUL-terminated".
**   - Returned pointers are owned by the library; each function says how long one stays valid.
** Thread safety: a kikv_db and the statements prepared on it may be used from one thread at a
** time (any thread, one after the other); different kikv_db handles may be used concurrently
** from different threads. A call made while another thread is inside a call on the same kikv_db
** (or one of its statements) is detected: it returns KIKV_MISUSE (or the documented fallback
** value) at once and changes nothing, not even the error message. Exceptions, safe from any
** thread at any time: kikv_version, kikv_libversion_number, kikv_errstr, and kikv_interrupt
** (on an open handle).
** Use after free: a handle passed to kikv_close/kikv_finalize must not be used again. A
** finalized statement whose store is still open is detected (KIKV_MISUSE) until a later
** kikv_prepare reuses its memory; a closed kikv_db cannot be detected (its memory is gone).
** docs/c-api.md explains the API with a complete example.
*/
#ifndef KIKV_H
#define KIKV_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define KIKV_API __declspec(dllexport)
#else
#define KIKV_API __attribute__((visibility("default")))
#endif

/* ------------------------------------------------------------------------------------------
** Version
** ---------------------------------------------------------------------------------------- */
#define KIKV_VERSION_MAJOR 0
#define KIKV_VERSION_MINOR 1
#define KIKV_VERSION_PATCH 0
#define KIKV_VERSION "0.1.0"
/* major * 1000000 + minor * 1000 + patch */
#define KIKV_VERSION_NUMBER 1000

/* The library's version string ("0.1.0"); compare with KIKV_VERSION to detect a header/library
** mismatch. Static storage. */
KIKV_API const char* kikv_version(void);
/* The library's KIKV_VERSION_NUMBER. */
KIKV_API int kikv_libversion_number(void);

/* ------------------------------------------------------------------------------------------
** Result codes
** ---------------------------------------------------------------------------------------- */
#define KIKV_OK 0            /* success */
#define KIKV_ERROR 1         /* generic error */
#define KIKV_MISUSE 2        /* API misuse: NULL handle, closed handle, wrong argument */
#define KIKV_NOMEM 3         /* out of memory or over a memory budget */
#define KIKV_IO 4            /* file missing, unreadable or unwritable */
#define KIKV_SYNTAX 5        /* malformed RDF or SPARQL */
#define KIKV_RANGE 6         /* index or value out of range */
#define KIKV_NOTFOUND 7      /* unknown name */
#define KIKV_TYPE 8          /* value of the wrong type */
#define KIKV_EVAL 9          /* query evaluation failed */
#define KIKV_INTERRUPT 10    /* interrupted or timed out */
#define KIKV_UNSUPPORTED 11  /* feature refused or not available */
#define KIKV_CORRUPT 12      /* damaged store or log file */
#define KIKV_BUSY 13         /* the store is being read by a running statement: reset it first */
#define KIKV_ROW 100         /* kikv_step: a result row is ready */
#define KIKV_DONE 101        /* kikv_step: no more rows */

/* English description of a result code. Static storage; never NULL. */
KIKV_API const char* kikv_errstr(int rc);

/* ------------------------------------------------------------------------------------------
** Opening and closing a store
** ---------------------------------------------------------------------------------------- */
typedef struct kikv_db kikv_db;

/* Flags for kikv_open. */
#define KIKV_OPEN_READWRITE 0x1
#define KIKV_OPEN_CREATE 0x2

/* Opens a store. path == NULL (or ":memory:") opens a new in-memory store; persistent stores
** are not available yet and give KIKV_UNSUPPORTED.
**   flags  KIKV_OPEN_* (ignored for in-memory stores)
**   OUT db receives the handle, also on most failures (so that kikv_errmsg can explain the
**          failure); it is set to NULL only if no memory was available. Always close it.
** Returns KIKV_OK, KIKV_MISUSE (db == NULL), KIKV_NOMEM, KIKV_UNSUPPORTED. */
KIKV_API int kikv_open(const char* path, int flags, kikv_db** db);

/* Closes a store and frees everything it holds (DESTRUCTOR). NULL is a no-op. Statements
** still open are stopped; their handles stay valid for kikv_finalize only (other calls give
** KIKV_MISUSE), and the memory is released when the last of them is finalized. Returns
** KIKV_OK, or KIKV_MISUSE if another thread is using db (then nothing is closed). */
KIKV_API int kikv_close(kikv_db* db);

/* Code and message of the most recent failed call on db (KIKV_OK / "not an error" after a
** successful one). The message is owned by db and valid until the next call on db.
** db == NULL gives KIKV_MISUSE and a static message. */
KIKV_API int kikv_errcode(kikv_db* db);
KIKV_API const char* kikv_errmsg(kikv_db* db);

/* Where the most recent failure's syntax error is: 1-based line and column in the query text
** (kikv_prepare) or the RDF document (kikv_load_*).
**   OUT line, column  set to the position, or to 0 when there is none (either may be NULL)
** Returns KIKV_OK if the last failure was a KIKV_SYNTAX error with a known position,
** KIKV_NOTFOUND otherwise, KIKV_MISUSE if db is NULL. Changes no error state. */
KIKV_API int kikv_error_offset(kikv_db* db, int64_t* line, int64_t* column);

/* Stops the statements running on db as soon as possible: their kikv_step (or kikv_fetch)
** returns KIKV_INTERRUPT. Safe to call from any thread while db is open (it is the one call
** meant for another thread). Statements started afterwards while the interrupted ones are
** still running are interrupted too; once none is running, the next statement to start runs
** normally (so an interrupt with nothing running has no effect). Loading is not interrupted.
** Returns KIKV_OK, or KIKV_MISUSE if db is NULL. */
KIKV_API int kikv_interrupt(kikv_db* db);

/* ------------------------------------------------------------------------------------------
** Loading RDF
** ---------------------------------------------------------------------------------------- */

/* RDF syntaxes. KIKV_FORMAT_AUTO takes the syntax from the file extension
** (.ttl .nt .nq .trig, optionally followed by .gz). */
#define KIKV_FORMAT_AUTO 0
#define KIKV_FORMAT_TURTLE 1
#define KIKV_FORMAT_NTRIPLES 2
#define KIKV_FORMAT_NQUADS 3
#define KIKV_FORMAT_TRIG 4

/* Loads an RDF file ("-" = standard input; gzip-compressed files are detected). All or
** nothing: on any error the store is left exactly as it was. Outside a transaction each load
** is committed at once; inside one (kikv_begin) kikv_rollback takes it out again. A load while
** a statement of db is running (stepped and not yet done, reset or finalized) gives KIKV_BUSY.
**   format  KIKV_FORMAT_*
**   base    base IRI for relative IRIs, or NULL for the file's own file:// IRI
**   graph   IRI of the named graph to put triples into, or NULL for the default graph
**           (N-Quads/TriG statements that name a graph keep it)
** Returns KIKV_OK, KIKV_MISUSE, KIKV_IO (missing/unreadable), KIKV_SYNTAX (message names
** file:line:col, kikv_error_offset gives line and column), KIKV_RANGE (unknown format),
** KIKV_BUSY. */
KIKV_API int kikv_load_file(kikv_db* db, const char* path, int format, const char* base,
                            const char* graph);

/* Loads an RDF document from memory; like kikv_load_file. KIKV_FORMAT_AUTO means Turtle.
**   data, length  the document (length -1: NUL-terminated) */
KIKV_API int kikv_load_string(kikv_db* db, const char* data, int64_t length, int format,
                              const char* base, const char* graph);

/* Number of quads (statements in all graphs) in the store; -1 if db is NULL or in use by
** another thread. */
KIKV_API int64_t kikv_size(kikv_db* db);

/* ------------------------------------------------------------------------------------------
** Transactions
** ------------------------------------------------------------------------------------------
** Loads outside a transaction are committed one by one. Between kikv_begin and kikv_commit or
** kikv_rollback, loads are kept in an undo log: kikv_rollback restores the store exactly as it
** was at kikv_begin (statements and terms). There is one writer and no isolation yet: queries
** see every change at once, also uncommitted ones, and there are no concurrent read snapshots
** (those come with persistent stores). Transactions do not nest. */

/* Starts a transaction. Returns KIKV_OK, KIKV_MISUSE (db NULL or a transaction is open). */
KIKV_API int kikv_begin(kikv_db* db);
/* Keeps the changes made since kikv_begin and ends the transaction. Returns KIKV_OK,
** KIKV_MISUSE (db NULL or no transaction open). */
KIKV_API int kikv_commit(kikv_db* db);
/* Undoes every change made since kikv_begin and ends the transaction. Returns KIKV_OK,
** KIKV_MISUSE (db NULL or no transaction open), KIKV_BUSY (a statement is running; the
** transaction stays open). */
KIKV_API int kikv_rollback(kikv_db* db);
/* 1 inside a transaction, 0 outside, -1 if db is NULL or in use by another thread. */
KIKV_API int kikv_in_transaction(kikv_db* db);

/* ------------------------------------------------------------------------------------------
** Export
** ---------------------------------------------------------------------------------------- */

/* Receives exported bytes: `length` bytes at `data` (not NUL-terminated, valid during the
** call). Returns 0 to go on; any other value stops the export. */
typedef int (*kikv_write_fn)(void* user_data, const char* data, size_t length);

/* Writes the store's statements with `write`.
**   format     KIKV_FORMAT_TURTLE, _NTRIPLES, _NQUADS or _TRIG (not _AUTO)
**   graph      IRI of one graph to write, or NULL: N-Quads/TriG write every graph,
**              N-Triples/Turtle the default graph
**   write      the callback; user_data is passed to it unchanged
** Turtle and TriG use the common prefixes (rdf, rdfs, xsd, owl and the ONZ modules).
** Returns KIKV_OK, KIKV_MISUSE (NULL db or write), KIKV_RANGE (unknown format), KIKV_IO (the
** callback returned non-zero; its value is in the message). */
KIKV_API int kikv_export(kikv_db* db, int format, const char* graph, kikv_write_fn write,
                         void* user_data);

/* Writes the store into a file (created or truncated), like kikv_export. KIKV_FORMAT_AUTO
** takes the syntax from the extension (.ttl .nt .nq .trig). Returns KIKV_OK, KIKV_MISUSE,
** KIKV_RANGE, KIKV_IO (cannot write the file). */
KIKV_API int kikv_export_file(kikv_db* db, const char* path, int format, const char* graph);

/* ------------------------------------------------------------------------------------------
** Statements
** ------------------------------------------------------------------------------------------
** A statement is one prepared SPARQL 1.1 query: prepare → bind… → step… → reset → (bind… →
** step…) … → finalize. Results come as rows, also for ASK and CONSTRUCT/DESCRIBE:
**   SELECT     one row per solution, one column per projected variable
**   ASK        one row with one column "ask": the literal true or false (xsd:boolean)
**   CONSTRUCT  one row per triple of the result graph (no duplicates), columns "subject",
**   DESCRIBE   "predicate", "object"
** SPARQL Update is not available yet: kikv_prepare gives KIKV_SYNTAX for it.
** A statement reads the store as it is while it runs; the store cannot change meanwhile (loads
** and rollbacks give KIKV_BUSY until the statement is done, reset or finalized). */
typedef struct kikv_stmt kikv_stmt;

/* Query forms (kikv_stmt_form). */
#define KIKV_FORM_SELECT 1
#define KIKV_FORM_CONSTRUCT 2
#define KIKV_FORM_ASK 3
#define KIKV_FORM_DESCRIBE 4

/* Parses a query (METHOD of kikv_db).
**   sparql, length  the query text, UTF-8 (length -1: NUL-terminated)
**   OUT stmt        the statement, or NULL on failure
** Returns KIKV_OK, KIKV_MISUSE (NULL argument, store closed), KIKV_SYNTAX (malformed query,
** invalid UTF-8 or SPARQL Update; the message names line:column, kikv_error_offset gives
** them). */
KIKV_API int kikv_prepare(kikv_db* db, const char* sparql, int64_t length, kikv_stmt** stmt);

/* Frees a statement (DESTRUCTOR). NULL is a no-op. A finalized statement must not be used
** again; while its store is open such use is detected and gives KIKV_MISUSE. Returns KIKV_OK,
** or KIKV_MISUSE (already finalized, or in use by another thread: then nothing is freed). */
KIKV_API int kikv_finalize(kikv_stmt* stmt);

/* Runs the statement to its next row. The first step after kikv_prepare or kikv_reset (or
** after KIKV_DONE or an error, which reset the statement) starts an execution with the
** parameters bound then. Returns KIKV_ROW (a row is ready for kikv_column_*), KIKV_DONE (no
** more rows; the next step starts over), or an error: KIKV_INTERRUPT (kikv_interrupt or the
** timeout), KIKV_EVAL, KIKV_UNSUPPORTED (e.g. SERVICE), KIKV_NOMEM, KIKV_MISUSE (a bound
** parameter is assigned by the query, NULL or finalized statement). */
KIKV_API int kikv_step(kikv_stmt* stmt);

/* Stops the current execution, if any, so that the next kikv_step starts over. Keeps the
** bindings. Returns KIKV_OK or KIKV_MISUSE. */
KIKV_API int kikv_reset(kikv_stmt* stmt);

/* The handle a statement belongs to (NULL for a NULL or finalized statement). */
KIKV_API kikv_db* kikv_db_handle(kikv_stmt* stmt);
/* The query text as prepared; valid until kikv_finalize. NULL for a NULL/finalized stmt. */
KIKV_API const char* kikv_stmt_text(kikv_stmt* stmt);
/* KIKV_FORM_* of the query; 0 for a NULL or finalized statement. */
KIKV_API int kikv_stmt_form(kikv_stmt* stmt);
/* Limits each execution of the statement to `milliseconds` of wall time from its first step
** (0: no limit, the default); past it kikv_step returns KIKV_INTERRUPT ("query timed out").
** Applies from the next execution on. Returns KIKV_OK, KIKV_MISUSE, KIKV_RANGE (negative). */
KIKV_API int kikv_stmt_set_timeout(kikv_stmt* stmt, int64_t milliseconds);

/* ------------------------------------------------------------------------------------------
** Parameters
** ------------------------------------------------------------------------------------------
** Every variable of the query is a parameter that can be pre-bound: each of its occurrences
** (sub-SELECTs, FILTER, BIND expressions, VALUES, paths, GROUP BY, ORDER BY included) becomes
** the bound term, as Jena's parameter substitution does; a projected parameter stays a result
** column. The query text is never touched, so no value can change the query's shape.
** Parameters are numbered from 1 in order of first appearance; find the number by name with
** kikv_bind_parameter_index. An unbound parameter stays an ordinary variable.
** Bind while the statement is not running (before the first step, after KIKV_DONE or
** kikv_reset); bindings last until they are replaced or cleared.
** Every kikv_bind_* returns KIKV_OK or:
**   KIKV_NOTFOUND  index 0: the name given to kikv_bind_parameter_index is not in the query
**   KIKV_RANGE     index out of range (< 0 or > kikv_bind_parameter_count)
**   KIKV_MISUSE    NULL/finalized statement, NULL string, statement running, or a variable
**                  the query assigns itself (BIND, SELECT (... AS ?x)) which cannot be bound
**   KIKV_SYNTAX    invalid UTF-8, malformed language tag, decimal or date
** Strings are copied: the caller's buffers may be freed after the call. */

KIKV_API int kikv_bind_parameter_count(kikv_stmt* stmt);
/* The number of the parameter called `name` (with or without a leading '?' or '$'); 0 if the
** query has no such variable (then binding index 0 gives KIKV_NOTFOUND naming it). */
KIKV_API int kikv_bind_parameter_index(kikv_stmt* stmt, const char* name);
/* Name of parameter `index` without '?'; valid until kikv_finalize. NULL if out of range. */
KIKV_API const char* kikv_bind_parameter_name(kikv_stmt* stmt, int index);

/* An IRI (absolute, UTF-8). */
KIKV_API int kikv_bind_iri(kikv_stmt* stmt, int index, const char* iri);
/* A plain string literal (xsd:string); length -1: NUL-terminated. */
KIKV_API int kikv_bind_string(kikv_stmt* stmt, int index, const char* text, int64_t length);
/* A language-tagged string (rdf:langString), e.g. lang "nl" or "en-GB". */
KIKV_API int kikv_bind_lang_string(kikv_stmt* stmt, int index, const char* text, int64_t length,
                                   const char* lang);
/* A literal with any datatype IRI (NULL: xsd:string). The lexical form is not checked against
** the datatype: an ill-typed literal is still an RDF literal. */
KIKV_API int kikv_bind_literal(kikv_stmt* stmt, int index, const char* lexical, int64_t length,
                               const char* datatype);
/* An xsd:integer. */
KIKV_API int kikv_bind_int64(kikv_stmt* stmt, int index, int64_t value);
/* An xsd:double (NaN and infinities allowed: "NaN", "INF", "-INF"). */
KIKV_API int kikv_bind_double(kikv_stmt* stmt, int index, double value);
/* An xsd:decimal from its lexical form ("12.50", "-3", ".5"). */
KIKV_API int kikv_bind_decimal(kikv_stmt* stmt, int index, const char* decimal);
/* An xsd:date without timezone (year 1..9999; the day must exist in that month). */
KIKV_API int kikv_bind_date(kikv_stmt* stmt, int index, int year, int month, int day);
/* An xsd:boolean (0: false, anything else: true). */
KIKV_API int kikv_bind_bool(kikv_stmt* stmt, int index, int value);
/* Makes parameter `index` an ordinary variable again. */
KIKV_API int kikv_bind_unbound(kikv_stmt* stmt, int index);
/* Makes every parameter an ordinary variable again. Returns KIKV_OK or KIKV_MISUSE. */
KIKV_API int kikv_clear_bindings(kikv_stmt* stmt);

/* ------------------------------------------------------------------------------------------
** Result columns
** ------------------------------------------------------------------------------------------
** Columns are numbered from 0. The values are those of the row the last kikv_step returned
** KIKV_ROW for; a pointer returned for a value is owned by the statement and valid until the
** next kikv_step, kikv_fetch, kikv_reset or kikv_finalize on it. On a misuse (no row, column
** out of range) the functions return NULL / 0 / KIKV_UNBOUND and record KIKV_MISUSE or
** KIKV_RANGE on the handle (kikv_errcode); a value that does not convert records KIKV_TYPE. */

/* Kinds of values (kikv_column_type). */
#define KIKV_UNBOUND 0 /* the variable has no value in this row */
#define KIKV_IRI 1
#define KIKV_BNODE 2
#define KIKV_LITERAL 3

/* Number of result columns (available after kikv_prepare); 0 for a NULL statement. */
KIKV_API int kikv_column_count(kikv_stmt* stmt);
/* Name of a column (the variable without '?'; "ask"; "subject", "predicate", "object");
** valid until kikv_finalize. NULL if out of range. */
KIKV_API const char* kikv_column_name(kikv_stmt* stmt, int column);
/* KIKV_IRI, KIKV_BNODE, KIKV_LITERAL or KIKV_UNBOUND. */
KIKV_API int kikv_column_type(kikv_stmt* stmt, int column);
/* The IRI, the blank node label (without "_:"; the same node has the same label throughout an
** execution) or the literal's lexical form, NUL-terminated UTF-8; NULL for unbound. */
KIKV_API const char* kikv_column_text(kikv_stmt* stmt, int column);
/* Length in bytes of kikv_column_text (which may contain NUL bytes); 0 for unbound. */
KIKV_API int64_t kikv_column_bytes(kikv_stmt* stmt, int column);
/* Datatype IRI of a literal (xsd:string for plain strings, rdf:langString for language-tagged
** ones); NULL for other kinds. */
KIKV_API const char* kikv_column_datatype(kikv_stmt* stmt, int column);
/* Language tag of a language-tagged literal, as first written ("nl", "en-GB"); NULL otherwise. */
KIKV_API const char* kikv_column_lang(kikv_stmt* stmt, int column);
/* The value as an integer: integer types exactly (KIKV_RANGE and the nearest int64 beyond
** 64 bits), decimals and doubles truncated toward zero, booleans 1/0. Other values: 0 and
** KIKV_TYPE. */
KIKV_API int64_t kikv_column_int64(kikv_stmt* stmt, int column);
/* The value of a numeric literal (integer, decimal, float, double) or boolean (1/0) as a
** double; other values: 0.0 and KIKV_TYPE. */
KIKV_API double kikv_column_double(kikv_stmt* stmt, int column);
/* The value of an xsd:date or xsd:dateTime literal as a calendar date (a timezone is ignored).
**   OUT year, month, day  (each may be NULL) set to 0 when there is no date
** Returns KIKV_OK, KIKV_TYPE (not a valid date literal), KIKV_RANGE, KIKV_MISUSE. */
KIKV_API int kikv_column_date(kikv_stmt* stmt, int column, int* year, int* month, int* day);

/* ------------------------------------------------------------------------------------------
** Batches of rows (for language bindings)
** ------------------------------------------------------------------------------------------
** Steps up to max_rows rows and encodes all their values into one buffer, so that a binding
** crosses the C boundary once per batch instead of once per value.
**   OUT data   the encoded rows, owned by stmt, valid until the next call on stmt
**   OUT bytes  its length
**   OUT rows   the number of rows in it
** Returns KIKV_ROW (rows > 0; there may be more), KIKV_DONE (rows may be > 0: these were the
** last), or an error as kikv_step (rows then 0). After kikv_fetch the kikv_column_* functions
** have no current row.
** Encoding (UTF-8): each row is its values separated by 0x1F and is ended by 0x1E. A value is
** empty (unbound) or one tag character and a payload:
**   I iri   B blank node label   s xsd:string   i xsd:integer   d xsd:decimal   f xsd:double
**   b xsd:boolean   D xsd:date of a year 1..9999 without timezone (YYYY-MM-DD)
**   L lang 0x1D lexical   T datatype-IRI 0x1D lexical (any other literal)
** i, d, f, b and D are used only for valid lexical forms. In payloads, each byte 0x1B..0x1F is
** written as 0x1B followed by that byte + 0x20. */
KIKV_API int kikv_fetch(kikv_stmt* stmt, int max_rows, const char** data, int64_t* bytes,
                        int* rows);

#ifdef __cplusplus
}
#endif

#endif /* KIKV_H */
