#pragma once
// Where the data lives: "sqlite:PATH" (the embedded default) or "postgresql://..." (a libpq URI).

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tdkt::storage {

enum class Backend { kSqlite, kPostgresql };

struct Location {
  Backend backend = Backend::kSqlite;
  std::string target;  // the file path for SQLite, the libpq URI for PostgreSQL

  // What may be printed: a PostgreSQL password is masked.
  std::string display() const;
};

inline constexpr std::string_view kDefaultLocation = "sqlite:./data/tdkt.db";

// Turns a PostgreSQL URI ("postgresql://user@host:port/db?options=...") into libpq's
// keyword=value form, which SOCI passes through unchanged. Throws std::invalid_argument when
// libpq cannot parse it.
std::string postgres_conninfo(const std::string& uri);

// Parses a --db value. Accepts "sqlite:PATH", "sqlite://PATH", "postgresql://..." and
// "postgres://...".
Result<Location> parse_location(std::string_view text);

}  // namespace tdkt::storage
