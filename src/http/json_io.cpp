#include "http/json_io.hpp"

#include <string>

namespace tdkt::http {
namespace {

// Builds the value like Json::parse, but stops at the first array or object nested deeper than
// kMaxJsonDepth: 1 MiB of "[" would otherwise become a million nested arrays (about 100 MB)
// before the body is refused (security review L10). Returning false from an event ends parsing.
class DepthLimitedParser {
 public:
  using Dom = nlohmann::detail::json_sax_dom_parser<Json>;

  explicit DepthLimitedParser(Json& result) : dom_(result, /*allow_exceptions_=*/false) {}

  bool too_deep() const { return too_deep_; }

  bool null() { return dom_.null(); }
  bool boolean(bool value) { return dom_.boolean(value); }
  bool number_integer(Json::number_integer_t value) { return dom_.number_integer(value); }
  bool number_unsigned(Json::number_unsigned_t value) { return dom_.number_unsigned(value); }
  bool number_float(Json::number_float_t value, const Json::string_t& text) { return dom_.number_float(value, text); }
  bool string(Json::string_t& value) { return dom_.string(value); }
  bool binary(Json::binary_t& value) { return dom_.binary(value); }
  bool start_object(std::size_t size) { return enter() && dom_.start_object(size); }
  bool key(Json::string_t& value) { return dom_.key(value); }
  bool end_object() {
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t size) { return enter() && dom_.start_array(size); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& error) {
    return dom_.parse_error(position, token, error);
  }

 private:
  bool enter() {
    if (++depth_ <= kMaxJsonDepth) return true;
    too_deep_ = true;
    return false;
  }

  Dom dom_;
  std::size_t depth_ = 0;
  bool too_deep_ = false;
};

}  // namespace

Result<Json> parse_object(const std::string& body, const std::set<std::string>& allowed) {
  Json parsed;
  DepthLimitedParser parser(parsed);
  if (!Json::sax_parse(body, &parser)) {
    if (parser.too_deep()) {
      return Error::invalid("", "Nội dung gửi lên lồng nhau quá sâu (tối đa " + std::to_string(kMaxJsonDepth) +
                                    " tầng đối tượng, danh sách).");
    }
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
