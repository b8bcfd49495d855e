#pragma once
// The seam where database errors become answers a client can act on (app::StoreFailure): a
// unique key already taken by a concurrent write (409), a lost connection (503), a lock held too
// long by other writers (429). Every other error is rethrown unchanged: it is a bug (500).
// Thread-safety: the functions touch only the session they are given.

namespace soci {
class session;
}

namespace tdkt::storage {

// Where the error happened: before COMMIT nothing of the transaction is kept; a COMMIT that
// fails on a lost connection leaves the outcome unknown, and the message says so.
enum class Stage { kStatement, kCommit };

// Whether the session's connection is gone: closed, or a PostgreSQL connection whose status is
// not CONNECTION_OK (libpq notices a dead server on the next statement). SQLite never drops.
bool connection_lost(soci::session& session);

// Inside a catch block: rethrows the exception being handled as app::StoreFailure when it is a
// unique violation, a lost connection or a busy database; otherwise rethrows it unchanged.
[[noreturn]] void rethrow_store_failure(soci::session& session, Stage stage = Stage::kStatement);

// The StoreFailure of a database that cannot be reached (after a retry), with the cause for the log.
[[noreturn]] void throw_unavailable(const char* cause);

}  // namespace tdkt::storage
