#pragma once
// The store on SQLite or PostgreSQL through one code path (SOCI). Dialect differences live in
// dialect.cpp and in the per-backend migration folders; everything else is shared.
// Thread-safety: read() and write() may be called from any thread; each UnitOfWork leases its
// own connection from the pool and must stay on one thread.

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
  static std::unique_ptr<Database> open(const Location& location, int pool_size = 8);
  ~Database() override;

  // Applies every embedded migration not yet applied, each in its own transaction; safe when
  // several instances start at once. Returns the number applied.
  int migrate();
  // Highest applied migration number (0 for an empty database).
  int schema_version();
  // Pending migrations, by number.
  int pending_migrations();
  // Writes a consistent copy: SQLite online backup API to `file`; pg_dump for PostgreSQL.
  Status backup(const std::string& file);

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
