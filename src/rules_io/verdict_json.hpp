#pragma once
// The JSON of an explained verdict and of a path step, as `tdkt rules check` prints them
// (docs/rules-cli.md) and the API returns them for stored subjects: one shape everywhere.

#include "domain/rules/path.hpp"
#include "rules_io/json_reader.hpp"

namespace tdkt::rules_io {

// {"honour", "name", "verdict", "reasons": [{"rule", "met", "text", "citation", ...}], "missing"?, "deadline"?}
Json result_json(const domain::rules::HonourResult& result, const domain::rules::Vocabulary& words);

// {"honour", "year", "needs", "text"}
Json path_step_json(const domain::rules::PathStep& step);

}  // namespace tdkt::rules_io
