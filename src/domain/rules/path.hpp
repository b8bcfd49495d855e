#pragma once
// The path view: what a subject can reach next, and what is still missing
// ("CSTĐ cấp tỉnh năm 2027: còn thiếu CSTĐCS năm 2026, 2027"). Pure.

#include <string>
#include <vector>

#include "domain/rules/evaluator.hpp"

namespace tdkt::domain::rules {

struct PathStep {
  const HonourRule* honour = nullptr;
  int year = 0;                    // the first year the honour can be reached
  std::vector<std::string> needs;  // what must still happen, in Vietnamese
  std::string text;
};

// For every honour `subject` may receive, the first year in (year, year + horizon] for which
// nothing recorded up to `year` rules it out (facts after `year` count as not yet known), with
// what it still needs. Honours out of reach within the horizon are left out. Guards (pending
// discipline, ...) are about the future and are not listed.
std::vector<PathStep> next_steps(const Evaluator& evaluator, const SubjectView& subject, int year, int horizon = 6);

}  // namespace tdkt::domain::rules
