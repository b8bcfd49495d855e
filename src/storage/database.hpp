#pragma once
// The store on SQLite or PostgreSQL through one code path (SOCI). Dialect differences live in
// dialect.cpp and in the per-backend migration folders; everything else is shared.
// Thread-safety: read() and write() may be called from any thread; each UnitOfWork leases its
// own connection from the pool and must stay on one thread.
//
// Faults: a lease waits at most `lease_timeout` (then app::StoreFailure kOverloaded); a pooled
// connection found lost is reopened, and a unit of work whose BEGIN meets a dead connection
// retries once on a fresh one (PostgreSQL restarted or failed over); later failures are
// app::StoreFailure kUnavailable (storage/faults.hpp).

#include <chrono>
#include <memory>
#include <string>

#include "app/ports.hpp"
#include "storage/location.hpp"

namespace tdkt::storage {

class ConnectionPool;

class Database final : public app::Store {
 public:
  // Opens `pool_size` connections. Creates the SQLite file (and its folder) when missing.
  // Does not migrate. Throws std::runtime_error when the database cannot be reached.
  static std::unique_ptr<Database> open(const Location& location, int pool_size = 8,
                                        std::chrono::milliseconds lease_timeout = std::chrono::seconds(10));
  ~Database() override;

  // Applies every embedded migration not yet applied, each in its own transaction; safe when
  // several instances start at once. Returns the number applied.
  int migrate();
  // Highest applied migration number (0 for an empty database).
  int schema_version();
  // Pending migrations, by number.
  int pending_migrations();
  // Writes a consistent copy: SQLite online backup API to `file`; pg_dump (custom format) for
  // PostgreSQL, the password passed in pg_dump's environment, never on its command line.
  Status backup(const std::string& file);
  // Loads a copy made by backup() into this database, which must be empty (a new SQLite file, a
  // PostgreSQL database just created): kConflict otherwise, and nothing is changed. SQLite: the
  // file is checked (quick_check) and copied with the online backup API; PostgreSQL: pg_restore
  // in one transaction. The result is the backed-up database, row for row.
  Status restore(const std::string& file);

  // Refreshes the planner's statistics (ANALYZE on PostgreSQL, PRAGMA optimize on SQLite):
  // after bulk loads, so that searches use the name-order index at once.
  void optimize();

  const Location& location() const { return location_; }

  std::unique_ptr<app::UnitOfWork> read() override;
  std::unique_ptr<app::UnitOfWork> write() override;

 private:
  Database(Location location, std::unique_ptr<ConnectionPool> pool);
  Location location_;
  std::unique_ptr<ConnectionPool> pool_;
};

}  // namespace tdkt::storage
