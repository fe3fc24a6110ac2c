// Transactions: kikv_begin / kikv_commit / kikv_rollback over an undo log of the quads loads add
// (and the dictionary's state at kikv_begin). No isolation yet: see kikv.h.
#include "capi/guard.hpp"
#include "capi/statement.hpp"

using kikv::capi::guard;
using kikv::capi::set_error;

extern "C" {

int kikv_begin(kikv_db* db) {
  if (!db) return KIKV_MISUSE;
  return guard(db, [&] {
    if (db->closed) return set_error(db, KIKV_MISUSE, "kikv_begin: the store was closed");
    if (db->in_transaction) return set_error(db, KIKV_MISUSE, "kikv_begin: a transaction is already open");
    db->undo.clear();
    db->txn_mark = db->store.dictionary().mark();
    db->in_transaction = true;
    return KIKV_OK;
  });
}

int kikv_commit(kikv_db* db) {
  if (!db) return KIKV_MISUSE;
  return guard(db, [&] {
    if (db->closed) return set_error(db, KIKV_MISUSE, "kikv_commit: the store was closed");
    if (!db->in_transaction) return set_error(db, KIKV_MISUSE, "kikv_commit: no transaction is open");
    db->in_transaction = false;
    std::vector<kikv::rdf::Quad>().swap(db->undo);
    return KIKV_OK;
  });
}

int kikv_rollback(kikv_db* db) {
  if (!db) return KIKV_MISUSE;
  return guard(db, [&] {
    if (!db->closed && !db->in_transaction)
      return set_error(db, KIKV_MISUSE, "kikv_rollback: no transaction is open");
    if (const int rc = kikv::capi::check_writable(db, "kikv_rollback")) return rc;
    // Quads first (they hold the new terms' ids), then the terms interned since kikv_begin.
    db->store.erase_batch(db->undo);
    db->store.dictionary().rollback(db->txn_mark);
    std::vector<kikv::rdf::Quad>().swap(db->undo);
    db->in_transaction = false;
    return KIKV_OK;
  });
}

int kikv_in_transaction(kikv_db* db) {
  kikv::capi::Entry entry(db);
  if (!entry.ok()) return -1;
  return db->in_transaction ? 1 : 0;
}

}  // extern "C"
