#pragma once
// The deadlines of complaints and denunciations (rules/complaints/deadlines.json, compiled in
// with the rule files) → domain::ComplaintRules.

#include <string_view>

#include "core/result.hpp"
#include "domain/complaints/complaint.hpp"

namespace tdkt::rules_io {

// Reads the file's text; fails naming the field when a rule is malformed or a kind is missing.
Result<domain::ComplaintRules> parse_complaint_rules(std::string_view json);

// The rules of the embedded file, loaded on first use. Thread-safe.
const Result<domain::ComplaintRules>& builtin_complaint_rules();

}  // namespace tdkt::rules_io
