#include "rules_io/json_reader.hpp"

#include <vector>

namespace tdkt::rules_io {

Result<Json> parse_strict(std::string_view text, std::string_view source) {
  struct Level {
    std::set<std::string> keys;
    std::string key;  // the key being read at this level
  };
  std::vector<Level> levels;
  std::optional<Error> duplicate;
  bool too_deep = false;
  const Json::parser_callback_t on_event = [&](int depth, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start:
        // A value too deep is dropped, not built; the text is still read to its end.
        if (static_cast<std::size_t>(depth) >= kMaxJsonDepth) {
          too_deep = true;
          return false;
        }
        if (event == Json::parse_event_t::object_start) levels.emplace_back();
        break;
      case Json::parse_event_t::object_end:
        if (!levels.empty()) levels.pop_back();
        break;
      case Json::parse_event_t::key: {
        if (too_deep) break;  // keys of dropped objects still arrive; the text is refused anyway
        auto key = parsed.get<std::string>();
        if (!levels.back().keys.insert(key).second && !duplicate) {
          std::string where;
          for (std::size_t i = 0; i + 1 < levels.size(); ++i)
            where += (where.empty() ? "" : ".") + levels[i].key;
          const std::string field = where.empty() ? key : where + "." + key;
          duplicate = Error::invalid(field, "Hồ sơ mâu thuẫn: trường \"" + key + "\" xuất hiện hai lần" +
                                                (where.empty() ? "" : " trong " + where) + " (" + std::string(source) +
                                                "); mỗi năm, mỗi trường chỉ được có một giá trị.");
        }
        levels.back().key = std::move(key);
        break;
      }
      default: break;
    }
    return true;
  };
  Json parsed = Json::parse(text.begin(), text.end(), on_event, /*allow_exceptions=*/false);
  if (too_deep) {
    return Error::invalid("", std::string(source) + " lồng nhau quá sâu (tối đa " + std::to_string(kMaxJsonDepth) +
                                  " tầng đối tượng, danh sách).");
  }
  if (parsed.is_discarded()) return Error::invalid("", std::string(source) + " không phải JSON hợp lệ.");
  if (duplicate) return *duplicate;
  return parsed;
}

ObjectReader::ObjectReader(const Json& value, std::string path, ErrorSink& sink) : path_(std::move(path)), sink_(sink) {
  if (value.is_object())
    object_ = &value;
  else
    sink_.fail(path_, "\"" + path_ + "\" phải là một đối tượng JSON {...}.");
}

bool ObjectReader::has(std::string_view key) const {
  return object_ && object_->contains(key);
}

std::string ObjectReader::path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void ObjectReader::missing(std::string_view key) {
  sink_.fail(path(key), "Thiếu trường bắt buộc \"" + path(key) + "\".");
}

void ObjectReader::unknown_code(std::string_view key, std::string_view text, std::string_view what) {
  sink_.fail(path(key), "Không rõ " + std::string(what) + " \"" + std::string(text) + "\" ở \"" + path(key) + "\".");
}

const Json* ObjectReader::value(std::string_view key) {
  if (!usable()) return nullptr;
  read_.emplace(key);
  auto found = object_->find(key);
  if (found == object_->end() || found->is_null()) return nullptr;
  return &*found;
}

const Json* ObjectReader::list(std::string_view key) {
  const auto* found = value(key);
  if (!found || found->is_array()) return found;
  sink_.fail(path(key), "\"" + path(key) + "\" phải là một danh sách [...].");
  return nullptr;
}

std::optional<std::string> ObjectReader::optional_string(std::string_view key) {
  const auto* found = value(key);
  if (!found) return std::nullopt;
  if (!found->is_string()) {
    sink_.fail(path(key), "\"" + path(key) + "\" phải là chuỗi ký tự.");
    return std::nullopt;
  }
  return found->get<std::string>();
}

std::string ObjectReader::string(std::string_view key) {
  auto found = optional_string(key);
  if (!found && usable()) missing(key);
  return found.value_or(std::string());
}

std::optional<int> ObjectReader::optional_integer(std::string_view key, int min, int max) {
  const auto* found = value(key);
  if (!found) return std::nullopt;
  if (!found->is_number_integer() || found->get<std::int64_t>() < min || found->get<std::int64_t>() > max) {
    sink_.fail(path(key), "\"" + path(key) + "\" phải là số nguyên từ " + std::to_string(min) + " đến " +
                              std::to_string(max) + ".");
    return std::nullopt;
  }
  return static_cast<int>(found->get<std::int64_t>());
}

int ObjectReader::integer(std::string_view key, int min, int max) {
  auto found = optional_integer(key, min, max);
  if (!found && usable()) missing(key);
  return found.value_or(min);
}

std::optional<bool> ObjectReader::optional_boolean(std::string_view key) {
  const auto* found = value(key);
  if (!found) return std::nullopt;
  if (!found->is_boolean()) {
    sink_.fail(path(key), "\"" + path(key) + "\" phải là true hoặc false.");
    return std::nullopt;
  }
  return found->get<bool>();
}

void ObjectReader::finish() {
  if (!usable()) return;
  for (const auto& item : object_->items()) {
    if (!read_.contains(item.key())) {
      sink_.fail(
          Error{ErrorCode::kUnknownField, "Trường \"" + path(item.key()) + "\" không được hỗ trợ.", path(item.key())});
      return;
    }
  }
}

}  // namespace tdkt::rules_io
