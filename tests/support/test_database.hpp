#pragma once
// A fresh, empty, migrated database for one test, on the backend the test is parameterised
// with: a new SQLite file in a temporary folder, or a new schema in the throwaway PostgreSQL
// cluster that scripts/test.sh starts (TDKT_TEST_PG). When TDKT_TEST_PG is not set the
// PostgreSQL variant fails: it never passes or skips silently.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/ports.hpp"
#include "server/context.hpp"

namespace tdkt::testing {

// Today is fixed so that tests do not depend on the wall clock.
class FixedClock final : public app::Clock {
 public:
  explicit FixedClock(CivilDate today)
      : today_(today), now_(std::int64_t{today.days_since_epoch()} * 86400 + 8 * 3600) {}
  CivilDate today() const override { return today_; }
  std::int64_t now_unix() const override { return now_; }
  // Moves the time of day on (the date stays: tests of expiry and throttling windows).
  void advance(std::int64_t seconds) { now_ += seconds; }

 private:
  CivilDate today_;
  std::int64_t now_;
};

class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend);
  ~TestDatabase();

  const storage::Location& location() const { return location_; }
  server::Context& context() { return *context_; }
  FixedClock& clock() { return *clock_; }
  // Creates an account with the password "mat-khau-thu" and returns its id.
  AccountId add_account(const std::string& username, domain::Role role, std::optional<UnitId> scope = std::nullopt,
                        std::optional<PersonId> person = std::nullopt);

  // Every row of every table, as text: equal before and after a refused write.
  std::string fingerprint();
  // Runs one SQL statement directly (for tampering tests and fixtures).
  void execute(const std::string& sql);
  // Drops what makes the audit trail append-only in the database (the triggers of migration
  // 0011), as the owner of the file or of the tables can: for tests of what anchors catch then.
  void drop_audit_guards();
  std::int64_t count(const std::string& table);

 private:
  storage::Location location_;
  std::filesystem::path folder_;
  std::string schema_;
  FixedClock* clock_ = nullptr;
  std::unique_ptr<server::Context> context_;
};

inline constexpr const char* kTestPassword = "mat-khau-thu";

inline const std::vector<std::string> kBackends{"sqlite", "postgresql"};

CivilDate date(const char* iso);

}  // namespace tdkt::testing
