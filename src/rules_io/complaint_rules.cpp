#include "rules_io/complaint_rules.hpp"

#include <nlohmann/json.hpp>

#include "rules_io/rule_files.hpp"

namespace tdkt::rules_io {
namespace {

constexpr const char* kPath = "complaints/deadlines.json";

Error bad(const std::string& field, const std::string& message) {
  return Error::invalid(std::string(kPath) + ":" + field, std::string(kPath) + ": " + message);
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
    const auto kind = domain::complaint_kind_from_string(item.value("kind", std::string()));
    if (!kind) return bad(at + ".kind", "\"kind\" là complaint hoặc denunciation.");
    rule.kind = *kind;
    for (auto [name, target] :
         {std::pair{"days", &rule.days}, std::pair{"complex_days", &rule.complex_days},
          std::pair{"remote_days", &rule.remote_days}, std::pair{"remote_complex_days", &rule.remote_complex_days}}) {
      if (!item.contains(name) || !item.at(name).is_number_integer() || item.at(name).get<int>() < 1 ||
          item.at(name).get<int>() > 365) {
        return bad(at + "." + name, std::string("\"") + name + "\" là số ngày từ 1 đến 365.");
      }
      *target = item.at(name).get<int>();
    }
    rule.citation = item.value("citation", std::string());
    if (rule.citation.empty()) return bad(at + ".citation", "thiếu căn cứ (\"citation\").");
    rule.unverified = item.value("unverified", false);
    rule.note = item.value("note", std::string());
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
