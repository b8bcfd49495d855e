#pragma once
// Strict reading of JSON objects for rule files and case files (internal to rules_io).
// A reader records the first error in a shared ErrorSink and afterwards returns defaults, so a
// loader reads every field in sequence and checks the sink once. Unknown keys are refused by
// finish(): a misspelt field is an error, never silently ignored.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tdkt::rules_io {

using Json = nlohmann::ordered_json;

struct ErrorSink {
  std::optional<Error> first;

  void fail(Error error) {
    if (!first) first = std::move(error);
  }
  void fail(std::string field, std::string message) { fail(Error::invalid(std::move(field), std::move(message))); }
  bool failed() const { return first.has_value(); }
};

// Objects and arrays nested deeper than this are refused (rule files nest about 11 deep).
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses `text` as JSON, refusing duplicate keys in any object (two ratings for one year would
// otherwise silently keep the last) and nesting deeper than kMaxJsonDepth (nothing deeper is
// built). `source` names the text in messages. Thread-safe.
Result<Json> parse_strict(std::string_view text, std::string_view source);

class ObjectReader {
 public:
  // Fails into `sink` when `value` is not an object. `path` names it in errors ("subject").
  ObjectReader(const Json& value, std::string path, ErrorSink& sink);

  bool has(std::string_view key) const;
  // The path of a key in error fields: "subject.years.2024.rating".
  std::string path(std::string_view key) const;

  std::string string(std::string_view key);                          // required
  std::optional<std::string> optional_string(std::string_view key);  // absent or null: nullopt
  std::optional<int> optional_integer(std::string_view key, int min, int max);
  int integer(std::string_view key, int min, int max);  // required
  std::optional<bool> optional_boolean(std::string_view key);
  // A nested value (object or array), or nullptr when absent or null.
  const Json* value(std::string_view key);
  // A nested array, or nullptr when absent or null; anything else fails into the sink (and gives
  // nullptr), so callers may index the array without checking its type.
  const Json* list(std::string_view key);
  // A required code translated by `parse` (an X_from_string); `what` names the vocabulary in
  // the message ("xếp loại").
  template <typename Parse>
  auto code(std::string_view key, Parse parse, std::string_view what)
      -> std::optional<typename decltype(parse(std::string_view()))::value_type> {
    const auto text = optional_string(key);
    if (!text) {
      if (!has(key)) missing(key);
      return std::nullopt;
    }
    auto parsed = parse(*text);
    if (!parsed) unknown_code(key, *text, what);
    return parsed;
  }

  // Refuses keys that were never read. Call after reading every field.
  void finish();

  ErrorSink& sink() { return sink_; }
  const std::string& base() const { return path_; }

 private:
  void missing(std::string_view key);
  void unknown_code(std::string_view key, std::string_view text, std::string_view what);
  bool usable() const { return object_ != nullptr && !sink_.failed(); }

  const Json* object_ = nullptr;
  std::string path_;
  ErrorSink& sink_;
  std::set<std::string, std::less<>> read_;
};

}  // namespace tdkt::rules_io
