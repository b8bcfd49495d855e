// Fuzz target: the rule-case JSON (rules_io/case_json): check_case, the function behind
// `tdkt rules check`, against the compiled-in rule library. Promises (case_json.hpp): never
// throws or crashes; the answer is JSON: verdicts, or {"error": {...}} with a clean error.

#include <nlohmann/json.hpp>

#include "rules_io/case_json.hpp"
#include "rules_io/rule_files.hpp"
#include "support/fuzz_support.hpp"
#include "support/json_mutator.hpp"

TDKT_FUZZ_JSON_MUTATOR()

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tdkt::fuzz::expect;
  using tdkt::rules_io::CheckAnswer;
  static const auto& library = tdkt::rules_io::builtin_rule_library();
  expect(library.ok(), "the compiled-in rules load");

  const auto answer = tdkt::rules_io::check_case(tdkt::fuzz::as_text(data, size), *library);
  const auto output = nlohmann::json::parse(answer.output, nullptr, false);
  expect(!output.is_discarded() && output.is_object(), "the answer is a JSON object");
  if (answer.exit_code == CheckAnswer::kRefused) {
    expect(output.contains("error") && output["error"].is_object(), "a refusal carries an error");
    const auto& error = output["error"];
    expect(error.value("code", "") != "internal", "bad input is refused as bad input");
    expect(!error.value("message", "").empty(), "a refusal has a message");
  } else {
    expect(answer.exit_code == CheckAnswer::kVerdict, "the exit code is 0 or 2");
    expect(output.contains("rule_set"), "a verdict names its rule set");
  }
  return 0;
}
