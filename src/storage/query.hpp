#pragma once
// A thin, typed layer over SOCI used by every repository: named parameters (":name", shared by
// both dialects), rows read as text cells and converted on access. Reading every column as text
// sidesteps SOCI's per-backend dynamic types (COUNT(*) is a string on SQLite, a long long on
// PostgreSQL; a DATE is a std::tm on PostgreSQL): see docs/adr/0002-database-access.md.

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"

namespace soci {
class session;
}

namespace tdkt::storage {

class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  bool is_null(std::size_t column) const { return !cells_.at(column); }
  std::string text(std::size_t column) const { return cells_.at(column).value_or(std::string()); }
  std::optional<std::string> optional_text(std::size_t column) const { return cells_.at(column); }
  std::int64_t integer(std::size_t column) const;
  std::optional<std::int64_t> optional_integer(std::size_t column) const;
  CivilDate date(std::size_t column) const;
  std::optional<CivilDate> optional_date(std::size_t column) const;

 private:
  std::vector<std::optional<std::string>> cells_;
};

class Query {
 public:
  Query(soci::session& session, std::string sql) : session_(session), sql_(std::move(sql)) {}

  Query& bind(const std::string& name, std::int64_t value);
  Query& bind(const std::string& name, std::optional<std::int64_t> value);
  Query& bind(const std::string& name, std::string value);
  Query& bind(const std::string& name, std::optional<std::string> value);
  Query& bind(const std::string& name, CivilDate value) { return bind(name, value.iso()); }
  Query& bind(const std::string& name, std::optional<CivilDate> value);

  // Each of these throws app::StoreFailure for a unique violation, a lost connection or a busy
  // database (storage/faults.hpp), and soci::soci_error for anything else.
  // Runs the statement and returns every row.
  std::vector<Row> rows();
  // Runs the statement and returns the first row, if any.
  std::optional<Row> first();
  // Runs a statement that returns no rows.
  void execute();
  // Runs "INSERT ... RETURNING id" and returns the id.
  std::int64_t insert_returning_id();

 private:
  struct Param {
    std::string name;
    std::string text;
    std::int64_t integer = 0;
    bool is_integer = false;
    int indicator = 0;  // soci::indicator
  };
  std::vector<Row> run(bool want_rows);
  std::vector<Row> run_unguarded(bool want_rows);

  soci::session& session_;
  std::string sql_;
  std::deque<Param> params_;  // a deque keeps addresses stable while SOCI holds them
};

}  // namespace tdkt::storage
