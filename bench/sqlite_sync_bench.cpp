// What SQLite's `synchronous` setting costs a tdkt write (ADR 0013, docs/reliability.md):
//   tdkt_bench_sqlite_sync [--dir DIR] [--count N]      (defaults: a folder under ./build, 300)
// On a database migrated by tdkt (WAL mode, as tdkt opens it), N write transactions of the shape
// every tdkt write has (BEGIN IMMEDIATE; a row; the chain's last hash read; an audit record;
// COMMIT) with synchronous NORMAL, then FULL; then N persons created through tdkt itself
// (PeopleService::create, with the FULL tdkt ships). Prints commits per second and the mean time
// per commit. Run it on the disk the data will live on: a tmpfs measures nothing.

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>

#include "server/context.hpp"

namespace {

using Clock = std::chrono::steady_clock;

void exec(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : "?";
    sqlite3_free(message);
    throw std::runtime_error(sql + ": " + text);
  }
}

// N transactions shaped like a tdkt write under `synchronous`; returns the seconds taken.
double raw_writes(const std::string& path, const char* synchronous, long count) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot open " + path);
  exec(db, "PRAGMA journal_mode = WAL");
  exec(db, std::string("PRAGMA synchronous = ") + synchronous);
  sqlite3_stmt* person = nullptr;
  sqlite3_stmt* last = nullptr;
  sqlite3_stmt* audit = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO person (family_name, middle_name, given_name, search_text, sort_key) "
                     "VALUES ('Nguyễn', 'Văn', 'An', ' nguyen van an', '00')",
                     -1, &person, nullptr);
  sqlite3_prepare_v2(db, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1", -1, &last, nullptr);
  sqlite3_prepare_v2(db,
                     "INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, after_json, "
                     "prev_hash, hash) VALUES ('2026-11-22T08:00:00Z', 'bench', 'person', last_insert_rowid(), "
                     "'create', NULL, '{\"given_name\":\"An\"}', ?, 'bench')",
                     -1, &audit, nullptr);
  const auto start = Clock::now();
  for (long i = 0; i < count; ++i) {
    exec(db, "BEGIN IMMEDIATE");
    sqlite3_step(person);
    sqlite3_reset(person);
    std::string prev;
    if (sqlite3_step(last) == SQLITE_ROW) prev = reinterpret_cast<const char*>(sqlite3_column_text(last, 0));
    sqlite3_reset(last);
    sqlite3_bind_text(audit, 1, prev.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(audit) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
    sqlite3_reset(audit);
    exec(db, "COMMIT");
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  sqlite3_finalize(person);
  sqlite3_finalize(last);
  sqlite3_finalize(audit);
  sqlite3_close(db);
  return seconds;
}

void report(const char* label, long count, double seconds) {
  std::printf("%-44s %8.0f commits/s   %7.3f ms per commit\n", label, static_cast<double>(count) / seconds,
              seconds * 1000.0 / static_cast<double>(count));
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path dir = std::filesystem::current_path() / "build" / "bench-sqlite-sync";
  long count = 300;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--dir") dir = argv[i + 1];
    if (flag == "--count") count = std::atol(argv[i + 1]);
  }
  if (count <= 0) {
    std::cerr << "usage: tdkt_bench_sqlite_sync [--dir DIR] [--count N]\n";
    return 2;
  }
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = (dir / "bench.db").string();
  const tdkt::storage::Location location{tdkt::storage::Backend::kSqlite, path};
  {
    auto database = tdkt::storage::Database::open(location, 1);
    database->migrate();
  }
  std::printf("%ld write transactions each, on %s\n", count, dir.c_str());
  report("raw, synchronous=NORMAL", count, raw_writes(path, "NORMAL", count));
  report("raw, synchronous=FULL", count, raw_writes(path, "FULL", count));
  {
    tdkt::server::Context context(location, 2);
    tdkt::domain::PersonDraft draft;
    draft.family_name = "Nguyễn";
    draft.middle_name = "Văn";
    draft.given_name = "An";
    const auto actor = tdkt::app::Actor::system("bench");
    const auto start = Clock::now();
    for (long i = 0; i < count; ++i) {
      if (!context.people().create(actor, draft)) throw std::runtime_error("create failed");
    }
    report("tdkt PeopleService::create (FULL, as shipped)", count,
           std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::filesystem::remove_all(dir);
  return 0;
}
