#include "http/json_io.hpp"

namespace tdkt::http {

Result<Json> parse_object(const std::string& body, const std::set<std::string>& allowed) {
  Json parsed = Json::parse(body, nullptr, false);
  if (parsed.is_discarded()) {
    return Error::invalid("", "Nội dung gửi lên không phải JSON hợp lệ.");
  }
  if (!parsed.is_object()) return Error::invalid("", "Nội dung gửi lên phải là một đối tượng JSON {...}.");
  TDKT_TRY(check_fields(parsed, allowed, ""));
  return parsed;
}

Status check_fields(const Json& object, const std::set<std::string>& allowed, const std::string& prefix) {
  if (!object.is_object()) return Error::invalid(prefix, "Cần một đối tượng JSON {...}.");
  for (const auto& item : object.items()) {
    if (!allowed.contains(item.key())) {
      return Error{ErrorCode::kUnknownField, "Trường \"" + item.key() + "\" không được hỗ trợ ở đây.",
                   prefix + item.key()};
    }
  }
  return {};
}

Result<std::string> Fields::string(const std::string& name, bool required) const {
  if (!has(name) || object_.at(name).is_null()) {
    if (required) return Error::invalid(field(name), "Thiếu trường bắt buộc \"" + name + "\".");
    return std::string();
  }
  const auto& value = object_.at(name);
  if (!value.is_string()) return Error::invalid(field(name), "Trường \"" + name + "\" phải là chuỗi ký tự.");
  return value.get<std::string>();
}

Result<std::optional<std::int64_t>> Fields::integer(const std::string& name, bool required) const {
  if (!has(name) || object_.at(name).is_null()) {
    if (required) return Error::invalid(field(name), "Thiếu trường bắt buộc \"" + name + "\".");
    return std::optional<std::int64_t>();
  }
  const auto& value = object_.at(name);
  if (!value.is_number_integer()) return Error::invalid(field(name), "Trường \"" + name + "\" phải là số nguyên.");
  return std::optional<std::int64_t>(value.get<std::int64_t>());
}

Result<std::optional<CivilDate>> Fields::date(const std::string& name, bool required) const {
  auto text = string(name, required);
  if (!text) return std::move(text).error();
  if (text->empty()) {
    if (required) return Error::invalid(field(name), "Thiếu ngày \"" + name + "\".");
    return std::optional<CivilDate>();
  }
  auto parsed = parse_date_field(*text, field(name));
  if (!parsed) return std::move(parsed).error();
  return std::optional<CivilDate>(*parsed);
}

Result<bool> Fields::boolean(const std::string& name, bool fallback) const {
  if (!has(name) || object_.at(name).is_null()) return fallback;
  if (!object_.at(name).is_boolean())
    return Error::invalid(field(name), "Trường \"" + name + "\" phải là true hoặc false.");
  return object_.at(name).get<bool>();
}

}  // namespace tdkt::http
