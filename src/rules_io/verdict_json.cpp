#include "rules_io/verdict_json.hpp"

#include <algorithm>

#include "domain/rules/text_template.hpp"

namespace tdkt::rules_io {

using namespace domain::rules;

namespace {

Json met_value(Outcome outcome) {
  if (outcome == Outcome::kUnknown) return nullptr;
  return outcome == Outcome::kMet;
}

Json reason_json(const Reason& reason) {
  Json out;
  out["rule"] = reason.rule;
  out["met"] = met_value(reason.outcome);
  out["text"] = reason.text;
  out["citation"] = reason.citation;
  if (reason.guard) out["guard"] = true;
  if (reason.unverified) {
    out["unverified"] = true;
    out["note"] = reason.note;
  }
  if (!reason.missing_years.empty()) out["missing_years"] = reason.missing_years;
  if (!reason.missing.empty()) out["missing"] = reason.missing;
  if (!reason.details.empty()) {
    Json details = Json::array();
    for (const auto& detail : reason.details)
      details.push_back(reason_json(detail));
    out["details"] = std::move(details);
  }
  return out;
}

}  // namespace

Json result_json(const HonourResult& result, const Vocabulary& words) {
  Json out;
  out["honour"] = result.honour->code;
  out["name"] = result.honour->name;
  out["verdict"] = std::string(to_string(result.verdict));
  Json reasons = Json::array();
  std::vector<std::string> missing;
  for (const auto& reason : result.reasons) {
    reasons.push_back(reason_json(reason));
    if (reason.outcome == Outcome::kUnknown) {
      for (const auto& item : reason.missing) {
        if (std::find(missing.begin(), missing.end(), item) == missing.end()) missing.push_back(item);
      }
    }
  }
  out["reasons"] = std::move(reasons);
  if (result.verdict == Verdict::kInsufficientData) out["missing"] = missing;
  if (result.deadline) {
    if (const auto date = result.deadline->for_year(result.year)) {
      out["deadline"] = {{"date", date->iso()},
                         {"rule", result.deadline->id},
                         {"text", fill(words.deadline, {{"date", date->vn()}})},
                         {"citation", result.deadline->citation}};
    }
  }
  return out;
}

Json path_step_json(const PathStep& step) {
  return {{"honour", step.honour->code}, {"year", step.year}, {"needs", step.needs}, {"text", step.text}};
}

}  // namespace tdkt::rules_io
