#pragma once
// Rule files (rules/ in the source tree, compiled into the binary) → a RuleLibrary.
//
// Layout (docs/legal/README.md describes every field):
//   vocabulary.json                     Vietnamese labels and phrases of verdicts
//   <SET>/manifest.json                 a rule set: legal bases, validity, guards, quotas, …;
//                                       "extends": "<SET>" makes it a later basis that replaces
//                                       or adds clauses of an earlier one
//   <SET>/<HONOUR>.json                 one honour: names, kind, clauses per subject kind
//   provincial/<province>/manifest.json what the law leaves to the province

#include <span>

#include "core/embedded.hpp"
#include "core/result.hpp"
#include "domain/rules/rule_set.hpp"

namespace tdkt::rules_io {

// The rule files compiled into the binary, by path relative to rules/.
std::span<const EmbeddedFile> embedded_rule_files();

// Reads every rule set and provincial layer of `files` and checks them (see
// domain::rules::validate). Fails on the first problem, naming the file and field.
Result<domain::rules::RuleLibrary> load_rule_library(std::span<const EmbeddedFile> files);

// The library of the embedded files, loaded on first use. Thread-safe.
const Result<domain::rules::RuleLibrary>& builtin_rule_library();

}  // namespace tdkt::rules_io
