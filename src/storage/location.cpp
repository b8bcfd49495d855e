#include "storage/location.hpp"

#include <libpq-fe.h>

#include <memory>
#include <regex>
#include <set>
#include <stdexcept>

namespace tdkt::storage {

std::string Location::display() const {
  if (backend == Backend::kSqlite) return "sqlite:" + target;
  static const std::regex kPassword(R"(://([^:/@]+):([^@]*)@)");
  return std::regex_replace(target, kPassword, "://$1:***@");
}

namespace {

using ConninfoOptions = std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)>;

ConninfoOptions parse_conninfo(const std::string& uri) {
  char* message = nullptr;
  ConninfoOptions options(PQconninfoParse(uri.c_str(), &message), &PQconninfoFree);
  if (!options) {
    std::string reason = message ? message : "không đọc được";
    PQfreemem(message);
    throw std::invalid_argument("Địa chỉ PostgreSQL không hợp lệ: " + reason);
  }
  return options;
}

// What tdkt sets when the URI does not: notice a dead server instead of waiting for it.
constexpr std::pair<const char*, const char*> kConnectionDefaults[] = {
    {"connect_timeout", "10"},     {"keepalives", "1"},       {"keepalives_idle", "60"},
    {"keepalives_interval", "10"}, {"keepalives_count", "5"},
};

}  // namespace

std::string postgres_conninfo(const std::string& uri, PasswordIn password) {
  const auto options = parse_conninfo(uri);
  std::string conninfo;
  std::set<std::string> given;
  auto append = [&](const std::string& keyword, const char* raw) {
    std::string value;
    for (const char* c = raw; *c; ++c) {
      if (*c == '\\' || *c == '\'') value += '\\';
      value += *c;
    }
    if (!conninfo.empty()) conninfo += ' ';
    conninfo += keyword + "='" + value + "'";
  };
  for (auto* option = options.get(); option->keyword; ++option) {
    if (!option->val || !*option->val) continue;
    given.insert(option->keyword);
    if (password == PasswordIn::kOmitted && std::string_view(option->keyword) == "password") continue;
    append(option->keyword, option->val);
  }
  for (const auto& [keyword, value] : kConnectionDefaults) {
    if (!given.contains(keyword)) append(keyword, value);
  }
  return conninfo;
}

std::optional<std::string> postgres_password(const std::string& uri) {
  const auto options = parse_conninfo(uri);
  for (auto* option = options.get(); option->keyword; ++option) {
    if (std::string_view(option->keyword) == "password" && option->val && *option->val) return option->val;
  }
  return std::nullopt;
}

Result<Location> parse_location(std::string_view text) {
  auto starts_with = [&](std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; };
  if (starts_with("postgresql://") || starts_with("postgres://")) {
    return Location{Backend::kPostgresql, std::string(text)};
  }
  for (std::string_view prefix : {"sqlite://", "sqlite:"}) {
    if (starts_with(prefix)) {
      auto path = std::string(text.substr(prefix.size()));
      if (path.empty()) break;
      return Location{Backend::kSqlite, path};
    }
  }
  return Error::invalid("db", "Địa chỉ cơ sở dữ liệu không hợp lệ: \"" + std::string(text) +
                                  "\". Dùng sqlite:ĐƯỜNG_DẪN hoặc postgresql://...");
}

}  // namespace tdkt::storage
