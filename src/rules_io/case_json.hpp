#pragma once
// The JSON case format of `tdkt rules check` (docs/rules-cli.md): one case in, one verdict out.
// This is the single function behind the command line and the rule-case tests.

#include <string>
#include <string_view>

#include "domain/rules/rule_set.hpp"

namespace tdkt::rules_io {

struct CheckAnswer {
  static constexpr int kVerdict = 0;  // `output` holds the verdicts
  static constexpr int kRefused = 2;  // `output` holds {"error": {...}}: input it cannot judge

  int exit_code = kVerdict;
  std::string output;  // JSON, indented, ending with a newline
};

// Reads one case (decision_date, year, optional honours and province, subject and/or
// nominations), picks the rule set in force on the decision date, and answers with a verdict for
// each honour (every clause explained), the optional path view and any quota breaches.
// Bad input (malformed JSON, unknown codes or fields, a date without a rule set, contradictory
// records) is answered with kRefused and an error naming the field. Never throws.
CheckAnswer check_case(std::string_view input, const domain::rules::RuleLibrary& library);

// {"error": {"code", "message", "field"}} as check_case writes it, for callers that refuse
// input before a case is read (an unreadable file).
std::string error_json(const Error& error);

}  // namespace tdkt::rules_io
