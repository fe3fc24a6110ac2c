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
** Thread safety: a kikv_db may be used from one thread at a time; different kikv_db handles
** may be used concurrently from different threads. Exceptions: kikv_version*, kikv_errstr and
** kikv_libversion_number are safe from any thread at any time.
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

/* Closes a store and frees everything it holds. NULL is a no-op. Returns KIKV_OK. */
KIKV_API int kikv_close(kikv_db* db);

/* Code and message of the most recent failed call on db (KIKV_OK / "not an error" after a
** successful one). The message is owned by db and valid until the next call on db.
** db == NULL gives KIKV_MISUSE and a static message. */
KIKV_API int kikv_errcode(kikv_db* db);
KIKV_API const char* kikv_errmsg(kikv_db* db);

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
** nothing: on any error the store is left exactly as it was.
**   format  KIKV_FORMAT_*
**   base    base IRI for relative IRIs, or NULL for the file's own file:// IRI
**   graph   IRI of the named graph to put triples into, or NULL for the default graph
**           (N-Quads/TriG statements that name a graph keep it)
** Returns KIKV_OK, KIKV_MISUSE, KIKV_IO (missing/unreadable), KIKV_SYNTAX (message names
** file:line:col), KIKV_RANGE (unknown format). */
KIKV_API int kikv_load_file(kikv_db* db, const char* path, int format, const char* base,
                            const char* graph);

/* Loads an RDF document from memory; like kikv_load_file. KIKV_FORMAT_AUTO means Turtle.
**   data, length  the document (length -1: NUL-terminated) */
KIKV_API int kikv_load_string(kikv_db* db, const char* data, int64_t length, int format,
                              const char* base, const char* graph);

/* Number of quads (statements in all graphs) in the store; -1 if db is NULL. */
KIKV_API int64_t kikv_size(kikv_db* db);

#ifdef __cplusplus
}
#endif

#endif /* KIKV_H */
