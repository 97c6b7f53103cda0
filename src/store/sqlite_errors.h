// SQLite's errors as the store reports them: one mapping, kept in store.cc, for every file of the
// store layer ("<file>: database damaged: run plangraph check (…)", "… database is locked …").
#ifndef PLANGRAPH_SQLITE_ERRORS_H_
#define PLANGRAPH_SQLITE_ERRORS_H_

#include <string>

#include "plangraph/status.h"

namespace SQLite {
class Exception;
}  // namespace SQLite

namespace plangraph {

Status SqliteErrorStatus(const std::string& db_path, const SQLite::Exception& e);

}  // namespace plangraph

#endif  // PLANGRAPH_SQLITE_ERRORS_H_
