// Runs every rule case of tests/rules/cases through rules_io::check_case, the function behind
// `tdkt rules check`, and compares the answer with the case's "expected" block:
//
//   "input": {...} or "input_text": "..." (verbatim, for duplicate keys and malformed JSON)
//   "expected": {
//     "rule_set": "ND152_2025",                 the set chosen by the decision date
//     "layers": ["DN_2025"],                    provincial layers applied ([] = none)
//     "honours": ["LDTT", ...],                 exactly these results, in this order
//     "results": {"LDTT": {
//        "verdict": "eligible",
//        "met": [rule ids], "unmet": [rule ids], "unknown": [rule ids],   anywhere in the reasons
//        "missing": ["years.2025.rating"],      facts named as missing
//        "missing_years": {"rule id": [2024]},  the years a chain lacks
//        "text": ["fragment", ...],             Vietnamese fragments found in some reason
//        "citation": ["fragment", ...],         fragments found in some citation
//        "deadline": "2026-12-31"}},
//     "path": {"CSTD_TINH": {"year": 2027, "text": ["fragment"]}},   path steps that must exist
//     "path_absent": ["CSTD_TQ"],               honours the path must not offer
//     "quotas": [{"quota": "id", "exceeding": ["n5"]}],            exactly these breaches
//     "error": {"code": "invalid_input", "field": "subject.years.2024", "message": ["fragment"]}
//   }
// A case with "error" expects exit code 2; every other case expects 0.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "core/embedded.hpp"
#include "rules_io/case_json.hpp"
#include "rules_io/rule_files.hpp"

namespace tdkt::rules_test {
std::span<const EmbeddedFile> case_files();
}

namespace tdkt::rules_io {
namespace {

using Json = nlohmann::ordered_json;

struct CaseFile {
  std::string name;
  std::string_view text;
};

void PrintTo(const CaseFile& file, std::ostream* out) {  // NOLINT(readability-identifier-naming): GoogleTest's name
  *out << file.name;
}

std::vector<CaseFile> all_cases() {
  std::vector<CaseFile> cases;
  for (const auto& file : rules_test::case_files())
    cases.push_back({std::string(file.path), file.data});
  return cases;
}

// Every reason of a result, depth first (details included).
void flatten(const Json& reasons, std::vector<const Json*>& out) {
  for (const auto& reason : reasons) {
    out.push_back(&reason);
    if (reason.contains("details")) flatten(reason["details"], out);
  }
}

const Json* find_reason(const std::vector<const Json*>& reasons, const std::string& rule) {
  for (const auto* reason : reasons)
    if ((*reason)["rule"] == rule) return reason;
  return nullptr;
}

std::string strings(const Json& list) {
  std::string out;
  for (const auto& item : list)
    out += (out.empty() ? "" : " | ") + item.dump();
  return out;
}

void check_result(const std::string& honour, const Json& expected, const Json& actual) {
  SCOPED_TRACE("honour " + honour + ": " + actual.dump(2));
  if (expected.contains("verdict")) {
    EXPECT_EQ(actual["verdict"], expected["verdict"]);
  }
  std::vector<const Json*> reasons;
  flatten(actual["reasons"], reasons);
  auto expect_met = [&](const char* key, const Json& met) {
    if (!expected.contains(key)) return;
    for (const auto& rule : expected[key]) {
      const auto* reason = find_reason(reasons, rule.get<std::string>());
      ASSERT_NE(reason, nullptr) << "no reason for rule " << rule;
      EXPECT_EQ((*reason)["met"], met) << "rule " << rule << " (" << key << ")";
    }
  };
  expect_met("met", true);
  expect_met("unmet", false);
  expect_met("unknown", nullptr);
  auto any_contains = [&](const char* field, const std::string& fragment) {
    for (const auto* reason : reasons)
      if ((*reason)[field].get<std::string>().find(fragment) != std::string::npos) return true;
    return false;
  };
  for (const auto& fragment : expected.value("text", Json::array()))
    EXPECT_TRUE(any_contains("text", fragment.get<std::string>())) << "no text contains " << fragment;
  for (const auto& fragment : expected.value("citation", Json::array()))
    EXPECT_TRUE(any_contains("citation", fragment.get<std::string>())) << "no citation contains " << fragment;
  for (const auto& item : expected.value("missing", Json::array())) {
    const auto missing = actual.value("missing", Json::array());
    EXPECT_NE(std::find(missing.begin(), missing.end(), item), missing.end())
        << item << " not in missing: " << strings(missing);
  }
  const auto missing_years = expected.value("missing_years", Json::object());
  for (const auto& [rule, years] : missing_years.items()) {
    const auto* reason = find_reason(reasons, rule);
    ASSERT_NE(reason, nullptr) << "no reason for rule " << rule;
    EXPECT_EQ(reason->value("missing_years", Json::array()), years) << "rule " << rule;
  }
  if (expected.contains("deadline")) {
    ASSERT_TRUE(actual.contains("deadline"));
    EXPECT_EQ(actual["deadline"]["date"], expected["deadline"]);
  }
}

void check_answer(const Json& expected, const Json& answer) {
  if (expected.contains("rule_set")) {
    EXPECT_EQ(answer["rule_set"], expected["rule_set"]);
  }
  if (expected.contains("layers")) {
    EXPECT_EQ(answer.value("layers", Json::array()), expected["layers"]);
  }
  const auto results = answer.value("results", Json::array());
  if (expected.contains("honours")) {
    Json codes = Json::array();
    for (const auto& result : results)
      codes.push_back(result["honour"]);
    EXPECT_EQ(codes, expected["honours"]);
  }
  const auto wanted_results = expected.value("results", Json::object());
  for (const auto& item : wanted_results.items()) {
    const auto& honour = item.key();
    const auto& wanted = item.value();
    auto found =
        std::find_if(results.begin(), results.end(), [&](const Json& result) { return result["honour"] == honour; });
    ASSERT_NE(found, results.end()) << "no result for " << honour;
    check_result(honour, wanted, *found);
  }
  const auto path = answer.value("path", Json::array());
  const auto wanted_path = expected.value("path", Json::object());
  for (const auto& item : wanted_path.items()) {
    const auto& honour = item.key();
    const auto& wanted = item.value();
    auto found = std::find_if(path.begin(), path.end(), [&](const Json& step) { return step["honour"] == honour; });
    ASSERT_NE(found, path.end()) << "no path step for " << honour << " in " << path.dump(2);
    if (wanted.contains("year")) {
      EXPECT_EQ((*found)["year"], wanted["year"]) << honour;
    }
    for (const auto& fragment : wanted.value("text", Json::array()))
      EXPECT_NE((*found)["text"].get<std::string>().find(fragment.get<std::string>()), std::string::npos)
          << (*found)["text"] << " lacks " << fragment;
  }
  for (const auto& honour : expected.value("path_absent", Json::array())) {
    EXPECT_TRUE(std::none_of(path.begin(), path.end(), [&](const Json& step) { return step["honour"] == honour; }))
        << honour << " should not be on the path: " << path.dump(2);
  }
  if (expected.contains("quotas")) {
    Json breaches = Json::array();
    for (const auto& breach : answer.value("quotas", Json::array()))
      breaches.push_back({{"quota", breach["quota"]}, {"exceeding", breach["exceeding"]}});
    EXPECT_EQ(breaches, expected["quotas"]) << answer.dump(2);
  }
}

class RuleCase : public testing::TestWithParam<CaseFile> {};

TEST_P(RuleCase, AnswersAsExpected) {
  const auto& library = builtin_rule_library();
  ASSERT_TRUE(library) << library.error().field << ": " << library.error().message;
  const auto file = Json::parse(GetParam().text);
  ASSERT_TRUE(file.contains("description") && (file.contains("input") || file.contains("input_text")) &&
              file.contains("expected"))
      << "a case file needs description, input (or input_text, verbatim) and expected";
  const auto& expected = file["expected"];
  // input_text carries what a JSON value cannot: duplicate keys, malformed JSON.
  const auto input = file.contains("input_text") ? file["input_text"].get<std::string>() : file["input"].dump();
  const auto answer_text = check_case(input, *library);
  const auto answer = Json::parse(answer_text.output);
  SCOPED_TRACE(file["description"].get<std::string>());
  if (expected.contains("error")) {
    EXPECT_EQ(answer_text.exit_code, CheckAnswer::kRefused) << answer_text.output;
    ASSERT_TRUE(answer.contains("error")) << answer_text.output;
    const auto& error = answer["error"];
    const auto& wanted = expected["error"];
    if (wanted.contains("code")) {
      EXPECT_EQ(error["code"], wanted["code"]);
    }
    if (wanted.contains("field")) {
      EXPECT_EQ(error["field"], wanted["field"]);
    }
    for (const auto& fragment : wanted.value("message", Json::array()))
      EXPECT_NE(error["message"].get<std::string>().find(fragment.get<std::string>()), std::string::npos)
          << error["message"] << " lacks " << fragment;
    return;
  }
  ASSERT_EQ(answer_text.exit_code, CheckAnswer::kVerdict) << answer_text.output;
  check_answer(expected, answer);
}

std::string case_name(const testing::TestParamInfo<CaseFile>& info) {
  std::string name = info.param.name.substr(0, info.param.name.rfind('.'));
  for (auto& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, RuleCase, testing::ValuesIn(all_cases()), case_name);

TEST(RuleCases, AtLeastEightyCoverEveryHonour) {
  const auto cases = all_cases();
  EXPECT_GE(cases.size(), 80U);
  const auto& library = builtin_rule_library();
  ASSERT_TRUE(library);
  // Each honour of the current set has an eligible and an ineligible case.
  for (const auto& honour : library->sets().back().honours) {
    bool eligible = false;
    bool ineligible = false;
    for (const auto& file : cases) {
      const auto json = Json::parse(file.text);
      const auto results = json["expected"].value("results", Json::object());
      if (!results.contains(honour.code) || !results[honour.code].contains("verdict")) continue;
      eligible = eligible || results[honour.code]["verdict"] == "eligible";
      ineligible = ineligible || results[honour.code]["verdict"] == "ineligible";
    }
    EXPECT_TRUE(eligible) << honour.code << " has no eligible case";
    EXPECT_TRUE(ineligible) << honour.code << " has no ineligible case";
  }
}

}  // namespace
}  // namespace tdkt::rules_io
