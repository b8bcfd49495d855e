#pragma once
// The eligibility engine: judges one subject for one honour and one year under a rule set, and
// explains the verdict clause by clause. Three-valued: a clause is met, unmet, or unknown when
// the facts it needs are not recorded; an honour is ineligible if any clause is unmet, else
// insufficient_data if any is unknown, else eligible.
// Pure: no I/O, no clock. An Evaluator is immutable after construction and safe to share
// between threads; it borrows its RuleSet, which must outlive it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/rules/facts.hpp"
#include "domain/rules/rule_set.hpp"

namespace tdkt::domain::rules {

enum class Outcome : std::uint8_t { kMet, kUnmet, kUnknown };
enum class Verdict : std::uint8_t { kEligible, kIneligible, kInsufficientData };
std::string_view to_string(Verdict verdict);

// The years a finding is about, relative to the evaluation year y: bit k is year y - k.
using YearBits = std::uint32_t;

// What a clause found, before any text is written.
struct Finding {
  Outcome outcome = Outcome::kUnknown;
  int actual = -1;       // kind-specific: the rating, months, count, or year found
  int total = -1;        // kind-specific: the unit's members, a qualifying grant year
  YearBits failed = 0;   // years that lack what the clause needs
  YearBits unknown = 0;  // years up to the facts horizon that are not recorded
  YearBits pending = 0;  // years after the facts horizon (the future, for the path view)
};

// One clause, explained.
struct Reason {
  std::string rule;  // the clause id
  Outcome outcome = Outcome::kUnknown;
  std::string text;  // Vietnamese, the clause's template filled with the facts
  std::string citation;
  bool guard = false;  // a clause of the rule set that every honour must meet
  bool unverified = false;
  std::string note;
  std::vector<int> missing_years;    // chains: the years that lack the grant or the rating
  std::vector<std::string> missing;  // facts the case lacks: "years.2024.rating"
  std::vector<std::string> needs;    // Vietnamese items still to achieve: "CSTĐCS năm 2026"
  std::vector<Reason> details;       // children of any_of / all_of / qualifies_for
};

struct HonourResult {
  const HonourRule* honour = nullptr;
  int year = 0;
  Verdict verdict = Verdict::kInsufficientData;
  std::vector<Reason> reasons;  // guards first, then the honour's clauses, in file order
  const Deadline* deadline = nullptr;
};

class Evaluator {
 public:
  explicit Evaluator(const RuleSet& rules);

  const RuleSet& rules() const { return rules_; }

  // The honours of the set that `kind` may receive, in file order.
  std::vector<const HonourRule*> honours_for(SubjectKind kind) const;

  // The verdict alone, allocating nothing. Precondition: honour.applies_to(subject.kind).
  Verdict verdict(const SubjectView& subject, const HonourRule& honour, int year) const;

  // The verdicts of several honours for one subject and year, in the order of `honours`, into
  // `out` (same size). Indexes the subject's grants once; allocates nothing.
  // Precondition: each honour applies to subject.kind.
  void verdicts(const SubjectView& subject, std::span<const HonourRule* const> honours, int year,
                std::span<Verdict> out) const;

  // The verdict with every clause explained. Facts of years after `known_until` are treated as
  // not yet known (the path view); by default that is `year` itself.
  // Precondition: honour.applies_to(subject.kind).
  HonourResult explain(const SubjectView& subject, const HonourRule& honour, int year,
                       std::optional<int> known_until = std::nullopt) const;

 private:
  struct Scope;
  struct GrantYears;
  void index_grants(const SubjectView& subject, int year, GrantYears& index) const;
  Finding evaluate(const Clause& clause, const Scope& scope) const;
  Verdict verdict_in(const Scope& scope, const HonourRule& honour, bool with_guards) const;
  Reason explain_clause(const Clause& clause, const Scope& scope, bool guard) const;
  void render(const Clause& clause, const Finding& finding, const Scope& scope, Reason& reason) const;
  bool has_grant(const Scope& scope, HonourId honour, int year) const;
  // The honour of the set with this id. Precondition: present (validate() checks references).
  const HonourRule& rule(HonourId id) const;

  const RuleSet& rules_;
  std::vector<const HonourRule*> by_id_;
};

}  // namespace tdkt::domain::rules
