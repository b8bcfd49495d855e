// Fuzz target: the complaint deadline file (rules_io/complaint_rules): parse_complaint_rules.
// Promises: never a crash or an exception; a bad file gives a clean error; rules that load have one
// rule for complaints and one for denunciations, each with days from 1 to 365.

#include "rules_io/complaint_rules.hpp"

#include "support/fuzz_support.hpp"
#include "support/json_mutator.hpp"

TDKT_FUZZ_JSON_MUTATOR()

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tdkt::fuzz::expect;
  auto rules = tdkt::rules_io::parse_complaint_rules(tdkt::fuzz::as_text(data, size));
  if (!rules) {
    tdkt::fuzz::expect_clean_error(rules.error());
    return 0;
  }
  expect(rules->rules.size() == 2, "one rule per kind of complaint");
  for (const auto& rule : rules->rules) {
    for (const int days : {rule.days, rule.complex_days, rule.remote_days, rule.remote_complex_days})
      expect(days >= 1 && days <= 365, "deadlines of 1 to 365 days");
  }
  return 0;
}
