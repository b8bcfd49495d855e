#include "support/test_database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <random>
#include <stdexcept>

#include "storage/query.hpp"

namespace tdkt::testing {
namespace {

std::atomic<int> g_counter{0};

// A schema name no other run uses: the process id, a counter, and random bits.
std::string unique_name() {
  static std::mt19937_64 random(std::random_device{}());
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  return "t" + std::to_string(getpid()) + "_" + std::to_string(g_counter.fetch_add(1)) + "_" +
         std::to_string(random() % 1000000);
}

void open_raw(soci::session& session, const storage::Location& location) {
  if (location.backend == storage::Backend::kSqlite) {
    session.open(soci::sqlite3, "db=\"" + location.target + "\"");
  } else {
    session.open(soci::postgresql, storage::postgres_conninfo(location.target));
  }
}

// Every table of the schema, from the catalogue: a table added by a later migration is in the
// fingerprint without anyone remembering to list it.
std::vector<std::string> table_names(soci::session& session, const storage::Location& location) {
  const char* sql =
      location.backend == storage::Backend::kSqlite
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_type = 'BASE TABLE' ORDER BY table_name";
  std::vector<std::string> names;
  for (const auto& row : storage::Query(session, sql).rows())
    names.push_back(row.text(0));
  return names;
}

}  // namespace

CivilDate date(const char* iso) {
  auto parsed = CivilDate::parse_iso(iso);
  if (!parsed) throw std::invalid_argument(iso);
  return *parsed;
}

TestDatabase::TestDatabase(const std::string& backend) {
  if (backend == "sqlite") {
    // mkdtemp: a new folder every time, even when a crashed run left one behind under a
    // reused process id.
    std::string pattern = (std::filesystem::temp_directory_path() / "tdkt-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder");
    folder_ = pattern;
    location_ = {storage::Backend::kSqlite, (folder_ / "tdkt.db").string()};
  } else {
    const char* base = std::getenv("TDKT_TEST_PG");
    if (!base || !*base) {
      throw std::runtime_error(
          "TDKT_TEST_PG is not set: the PostgreSQL suite cannot run. Run the tests with `make "
          "test`, which starts a "
          "throwaway cluster.");
    }
    schema_ = unique_name();
    {
      soci::session admin(soci::postgresql, storage::postgres_conninfo(base));
      admin << "CREATE SCHEMA " + schema_;
    }
    std::string uri = base;
    uri += (uri.find('?') == std::string::npos ? "?" : "&");
    uri += "options=-csearch_path%3D" + schema_;
    location_ = {storage::Backend::kPostgresql, uri};
  }
  auto clock = std::make_unique<FixedClock>(date("2026-11-22"));
  clock_ = clock.get();
  context_ = std::make_unique<server::Context>(location_, 4, std::move(clock), /*fast_password_hashing=*/true);
  context_->database().migrate();
}

TestDatabase::~TestDatabase() {
  context_.reset();
  try {
    if (!folder_.empty()) std::filesystem::remove_all(folder_);
    const char* base = std::getenv("TDKT_TEST_PG");
    if (!schema_.empty() && base) {
      soci::session admin(soci::postgresql, storage::postgres_conninfo(base));
      admin << "DROP SCHEMA " + schema_ + " CASCADE";
    }
  } catch (...) {
    // A leftover temporary schema or folder is harmless.
  }
}

AccountId TestDatabase::add_account(const std::string& username, domain::Role role, std::optional<UnitId> scope,
                                    std::optional<PersonId> person) {
  app::AccountDraft draft{username, username, role, scope, person, kTestPassword};
  auto account = context_->accounts().create(app::Actor::system(), draft);
  if (!account) throw std::runtime_error(account.error().message);
  return account->id;
}

std::string TestDatabase::fingerprint() {
  soci::session session;
  open_raw(session, location_);
  std::string out;
  for (const auto& table : table_names(session, location_)) {
    out += "## " + table + "\n";
    // Rows sorted as text: the same rows give the same fingerprint whatever order the database
    // returns them in.
    std::vector<std::string> rows;
    for (const auto& row : storage::Query(session, "SELECT * FROM " + table).rows()) {
      std::string line;
      for (std::size_t column = 0;; ++column) {
        try {
          auto cell = row.optional_text(column);
          line += cell ? *cell : "NULL";
          line += '|';
        } catch (const std::out_of_range&) {
          break;
        }
      }
      rows.push_back(std::move(line));
    }
    std::sort(rows.begin(), rows.end());
    for (const auto& line : rows)
      out += line + '\n';
  }
  return out;
}

void TestDatabase::execute(const std::string& sql) {
  soci::session session;
  open_raw(session, location_);
  session << sql;
}

void TestDatabase::drop_audit_guards() {
  if (location_.backend == storage::Backend::kSqlite) {
    execute("DROP TRIGGER audit_log_no_update");
    execute("DROP TRIGGER audit_log_no_delete");
  } else {
    execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
  }
}

std::int64_t TestDatabase::count(const std::string& table) {
  soci::session session;
  open_raw(session, location_);
  return storage::Query(session, "SELECT COUNT(*) FROM " + table).first()->integer(0);
}

}  // namespace tdkt::testing
