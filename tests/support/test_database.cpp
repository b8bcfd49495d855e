#include "support/test_database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

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

constexpr const char* kTables[] = {"restructuring",
                                   "unit",
                                   "restructuring_unit",
                                   "succession",
                                   "bloc",
                                   "bloc_member",
                                   "person",
                                   "membership",
                                   "audit_log",
                                   "user_account",
                                   "user_session",
                                   "person_year",
                                   "unit_year",
                                   "initiative",
                                   "honour_grant",
                                   "document",
                                   "document_citation",
                                   "document_sequence",
                                   "registration_campaign",
                                   "campaign_unit",
                                   "registration",
                                   "review",
                                   "nomination",
                                   "council",
                                   "council_member",
                                   "council_session",
                                   "session_attendance",
                                   "session_item",
                                   "ballot",
                                   "ballot_cast"};

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
  for (const char* table : kTables) {
    out += std::string("## ") + table + "\n";
    for (const auto& row : storage::Query(session, std::string("SELECT * FROM ") + table + " ORDER BY 1, 2").rows()) {
      for (std::size_t column = 0;; ++column) {
        try {
          auto cell = row.optional_text(column);
          out += cell ? *cell : "NULL";
          out += '|';
        } catch (const std::out_of_range&) {
          break;
        }
      }
      out += '\n';
    }
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
