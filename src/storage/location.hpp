#pragma once
// Where the data lives: "sqlite:PATH" (the embedded default) or "postgresql://..." (a libpq URI).

#include <optional>
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

enum class PasswordIn { kIncluded, kOmitted };

// Turns a PostgreSQL URI ("postgresql://user@host:port/db?options=...") into libpq's
// keyword=value form, which SOCI passes through unchanged. Unless the URI says otherwise, adds
// connect_timeout=10 and TCP keepalives (idle 60 s, then every 10 s, dead after 5 probes), so
// that a server gone away is noticed instead of waited for. kOmitted leaves the password out
// (for a child program, which gets it from postgres_password() in its environment).
// Throws std::invalid_argument when libpq cannot parse it.
std::string postgres_conninfo(const std::string& uri, PasswordIn password = PasswordIn::kIncluded);
// The password of a PostgreSQL URI, if it has one. Throws std::invalid_argument like the above.
std::optional<std::string> postgres_password(const std::string& uri);

// Parses a --db value. Accepts "sqlite:PATH", "sqlite://PATH", "postgresql://..." and
// "postgres://...".
Result<Location> parse_location(std::string_view text);

}  // namespace tdkt::storage
