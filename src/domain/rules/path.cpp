#include "domain/rules/path.hpp"

#include <algorithm>

#include "domain/rules/text_template.hpp"

namespace tdkt::domain::rules {

std::vector<PathStep> next_steps(const Evaluator& evaluator, const SubjectView& subject, int year, int horizon) {
  const auto& words = evaluator.rules().vocabulary;
  std::vector<PathStep> steps;
  for (const auto* honour : evaluator.honours_for(subject.kind)) {
    for (int target = year + 1; target <= year + horizon; ++target) {
      const auto result = evaluator.explain(subject, *honour, target, year);
      const bool ruled_out = std::any_of(result.reasons.begin(), result.reasons.end(), [](const Reason& reason) {
        return !reason.guard && reason.outcome == Outcome::kUnmet;
      });
      if (ruled_out) continue;
      PathStep step{honour, target, {}, {}};
      for (const auto& reason : result.reasons) {
        if (reason.guard || reason.outcome != Outcome::kUnknown) continue;
        for (const auto& need : reason.needs)
          if (std::find(step.needs.begin(), step.needs.end(), need) == step.needs.end()) step.needs.push_back(need);
      }
      std::string items;
      for (const auto& need : step.needs)
        items += (items.empty() ? "" : "; ") + need;
      step.text = fill(items.empty() ? words.path_ready : words.path_missing,
                       {{"honour", honour->short_name}, {"year", std::to_string(target)}, {"items", items}});
      steps.push_back(std::move(step));
      break;
    }
  }
  return steps;
}

}  // namespace tdkt::domain::rules
