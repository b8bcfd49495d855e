#include "storage/location.hpp"

#include <libpq-fe.h>

#include <memory>
#include <regex>
#include <stdexcept>

namespace tdkt::storage {

std::string Location::display() const {
  if (backend == Backend::kSqlite) return "sqlite:" + target;
  static const std::regex kPassword(R"(://([^:/@]+):([^@]*)@)");
  return std::regex_replace(target, kPassword, "://$1:***@");
}

std::string postgres_conninfo(const std::string& uri) {
  char* message = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfoParse(uri.c_str(), &message),
                                                                       &PQconninfoFree);
  if (!options) {
    std::string reason = message ? message : "không đọc được";
    PQfreemem(message);
    throw std::invalid_argument("Địa chỉ PostgreSQL không hợp lệ: " + reason);
  }
  std::string conninfo;
  for (auto* option = options.get(); option->keyword; ++option) {
    if (!option->val || !*option->val) continue;
    std::string value;
    for (const char* c = option->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') value += '\\';
      value += *c;
    }
    if (!conninfo.empty()) conninfo += ' ';
    conninfo += std::string(option->keyword) + "='" + value + "'";
  }
  return conninfo;
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
