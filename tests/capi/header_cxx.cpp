// kikv.h compiles on its own as C++ with the project's warnings (this file is only compiled).
#include "kikv/kikv.h"

int kikv_header_cxx_check();
int kikv_header_cxx_check() {
  kikv_db* db = nullptr;
  kikv_stmt* st = nullptr;
  return kikv_open(nullptr, 0, &db) + kikv_prepare(db, "ASK {}", -1, &st);
}
