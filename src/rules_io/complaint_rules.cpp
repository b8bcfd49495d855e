#include "rules_io/complaint_rules.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "rules_io/rule_files.hpp"

namespace tdkt::rules_io {
namespace {

constexpr const char* kPath = "complaints/deadlines.json";

Error bad(const std::string& field, const std::string& message) {
  return Error::invalid(std::string(kPath) + ":" + field, std::string(kPath) + ": " + message);
}

// The string at `name`: "" when absent, nullopt when it is there but not a string (nlohmann's
// value() would throw).
std::optional<std::string> text(const nlohmann::json& item, const char* name) {
  if (!item.contains(name)) return std::string();
  if (!item.at(name).is_string()) return std::nullopt;
  return item.at(name).get<std::string>();
}

}  // namespace

Result<domain::ComplaintRules> parse_complaint_rules(std::string_view json) {
  const auto root = nlohmann::json::parse(json, nullptr, false);
  if (root.is_discarded() || !root.is_object() || !root.contains("rules") || !root.at("rules").is_array()) {
    return bad("rules", "cần một đối tượng JSON có danh sách \"rules\".");
  }
  domain::ComplaintRules out;
  for (std::size_t i = 0; i < root.at("rules").size(); ++i) {
    const auto& item = root.at("rules").at(i);
    const std::string at = "rules[" + std::to_string(i) + "]";
    if (!item.is_object()) return bad(at, "mỗi quy định là một đối tượng.");
    domain::ComplaintDeadlineRule rule;
    const auto kind_text = text(item, "kind");
    const auto kind = kind_text ? domain::complaint_kind_from_string(*kind_text) : std::nullopt;
    if (!kind) return bad(at + ".kind", "\"kind\" là complaint hoặc denunciation.");
    rule.kind = *kind;
    for (auto [name, target] :
         {std::pair{"days", &rule.days}, std::pair{"complex_days", &rule.complex_days},
          std::pair{"remote_days", &rule.remote_days}, std::pair{"remote_complex_days", &rule.remote_complex_days}}) {
      // As a 64-bit number: get<int>() would wrap 4294967297 round to 1.
      if (!item.contains(name) || !item.at(name).is_number_integer() || item.at(name).get<std::int64_t>() < 1 ||
          item.at(name).get<std::int64_t>() > 365) {
        return bad(at + "." + name, std::string("\"") + name + "\" là số ngày từ 1 đến 365.");
      }
      *target = item.at(name).get<int>();
    }
    const auto citation = text(item, "citation");
    if (!citation || citation->empty()) return bad(at + ".citation", "thiếu căn cứ (\"citation\", một chuỗi).");
    rule.citation = *citation;
    if (item.contains("unverified") && !item.at("unverified").is_boolean())
      return bad(at + ".unverified", "\"unverified\" là true hoặc false.");
    rule.unverified = item.contains("unverified") && item.at("unverified").get<bool>();
    const auto note = text(item, "note");
    if (!note) return bad(at + ".note", "\"note\" là một chuỗi.");
    rule.note = *note;
    if (out.find(rule.kind)) return bad(at + ".kind", "mỗi loại đơn chỉ có một quy định.");
    out.rules.push_back(std::move(rule));
  }
  for (const auto kind : {domain::ComplaintKind::kComplaint, domain::ComplaintKind::kDenunciation}) {
    if (!out.find(kind)) return bad("rules", "thiếu quy định cho loại \"" + std::string(to_string(kind)) + "\".");
  }
  return out;
}

const Result<domain::ComplaintRules>& builtin_complaint_rules() {
  static const Result<domain::ComplaintRules> kRules = []() -> Result<domain::ComplaintRules> {
    for (const auto& file : embedded_rule_files()) {
      if (file.path == kPath) return parse_complaint_rules(file.data);
    }
    return bad("", "không có tệp trong bản dựng.");
  }();
  return kRules;
}

}  // namespace tdkt::rules_io
