#include "storage/location.hpp"

#include <regex>

namespace tdkt::storage {

std::string Location::display() const {
  if (backend == Backend::kSqlite) return "sqlite:" + target;
  static const std::regex kPassword(R"(://([^:/@]+):([^@]*)@)");
  return std::regex_replace(target, kPassword, "://$1:***@");
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
