#pragma once
// Reading request bodies: strict JSON objects whose unknown fields are refused, with typed
// accessors that name the offending field in their errors.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "core/civil_date.hpp"
#include "core/result.hpp"

namespace tdkt::http {

using Json = nlohmann::ordered_json;

// Objects and arrays nested deeper than this are refused (no request body of tdkt comes near it).
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses `body` as a JSON object whose keys all belong to `allowed`. Errors (kInvalidInput,
// field "" unless a key is named): not JSON, nested deeper than kMaxJsonDepth (refused as soon
// as the parser gets there, so a body of a million "[" costs nothing), not an object;
// kUnknownField for a key outside `allowed`. Thread-safe.
Result<Json> parse_object(const std::string& body, const std::set<std::string>& allowed);
// Checks the keys of an object nested in a body; `prefix` names it in errors ("creates[0].").
Status check_fields(const Json& object, const std::set<std::string>& allowed, const std::string& prefix);

class Fields {
 public:
  Fields(const Json& object, std::string prefix = {}) : object_(object), prefix_(std::move(prefix)) {}

  bool has(const std::string& name) const { return object_.contains(name); }
  bool is_null(const std::string& name) const { return has(name) && object_.at(name).is_null(); }

  Result<std::string> string(const std::string& name, bool required) const;
  Result<std::optional<std::int64_t>> integer(const std::string& name, bool required) const;
  Result<std::optional<CivilDate>> date(const std::string& name, bool required) const;
  Result<bool> boolean(const std::string& name, bool fallback) const;
  std::string field(const std::string& name) const { return prefix_ + name; }

 private:
  const Json& object_;
  std::string prefix_;
};

}  // namespace tdkt::http
