// The object behind a kikv_db handle.
#pragma once

#include <string>

#include "kikv/kikv.h"
#include "rdf/quad_store.hpp"

struct kikv_db {
  kikv::rdf::QuadStore store;
  int errcode = KIKV_OK;
  std::string errmsg;
};
