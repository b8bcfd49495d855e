#pragma once
// Verdicts for stored subjects: builds the engine's facts from a person's or unit's yearly
// records and grants (a unit's include its predecessors', so a chain started before a
// restructuring continues after it), picks the rule set in force on the decision date, and
// explains every honour and the path to the next ones.

#include <memory>
#include <string>
#include <vector>

#include "app/ports.hpp"
#include "app/records_service.hpp"
#include "domain/rules/evaluator.hpp"
#include "domain/rules/path.hpp"

namespace tdkt::app {

struct EligibilityRequest {
  domain::SubjectRef subject;
  std::optional<int> year;                 // default: the year of the decision date
  std::optional<CivilDate> decision_date;  // default: today
};

struct EligibilityReport {
  std::shared_ptr<const domain::rules::RuleSet> rules;  // the results point into it
  CivilDate decision_date;
  int year = 0;
  std::string subject_name;
  std::vector<domain::rules::HonourResult> results;
  std::vector<domain::rules::PathStep> path;
  std::vector<std::string> notes;  // Vietnamese: where facts came from (predecessors, derived counts)
};

class EligibilityService {
 public:
  // `province`: the provincial layer applied on top of the national rule sets ("dong_nai").
  EligibilityService(Store& store, const Clock& clock, const domain::rules::RuleLibrary* library, std::string province)
      : store_(store), clock_(clock), library_(library), province_(std::move(province)) {}

  Result<EligibilityReport> evaluate(const Actor& actor, const EligibilityRequest& request);

  // The engine's facts for a stored subject (what `tdkt rules check` would read from a case file).
  // A unit's member counts not stored are derived from its members' records, or left unknown
  // with MemberFigures::kStoredOnly (for a reader whose people scope leaves the unit out).
  Result<domain::rules::Subject> facts(UnitOfWork& work, const domain::SubjectRef& subject, int year,
                                       std::vector<std::string>* notes = nullptr,
                                       MemberFigures figures = MemberFigures::kDerived) const;

 private:
  Store& store_;
  const Clock& clock_;
  const domain::rules::RuleLibrary* library_;
  std::string province_;
};

}  // namespace tdkt::app
