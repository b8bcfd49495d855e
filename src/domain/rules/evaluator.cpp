#include "domain/rules/evaluator.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <limits>
#include <type_traits>

#include "domain/rules/text_template.hpp"

namespace tdkt::domain::rules {
namespace {

constexpr YearBits bit(int k) {
  return YearBits{1} << static_cast<unsigned>(k);
}

// The years of `bits`, ascending.
std::vector<int> years_of(YearBits bits, int year) {
  std::vector<int> years;
  for (int k = 31; k >= 0; --k) {
    if (bits & bit(k)) years.push_back(year - k);
  }
  return years;
}

// "2023, 2024, 2025" for the `span` years ending at `year`.
std::string span_years(int year, int span) {
  std::vector<int> years;
  for (int k = span - 1; k >= 0; --k)
    years.push_back(year - k);
  return join_years(years);
}

// Kleene logic over outcomes.
Outcome all_of(Outcome a, Outcome b) {
  if (a == Outcome::kUnmet || b == Outcome::kUnmet) return Outcome::kUnmet;
  if (a == Outcome::kUnknown || b == Outcome::kUnknown) return Outcome::kUnknown;
  return Outcome::kMet;
}
Outcome any_of(Outcome a, Outcome b) {
  if (a == Outcome::kMet || b == Outcome::kMet) return Outcome::kMet;
  if (a == Outcome::kUnknown || b == Outcome::kUnknown) return Outcome::kUnknown;
  return Outcome::kUnmet;
}
Outcome outcome_of(Verdict verdict) {
  switch (verdict) {
    case Verdict::kEligible: return Outcome::kMet;
    case Verdict::kIneligible: return Outcome::kUnmet;
    case Verdict::kInsufficientData: return Outcome::kUnknown;
  }
  return Outcome::kUnknown;
}
Verdict verdict_of(Outcome outcome) {
  switch (outcome) {
    case Outcome::kMet: return Verdict::kEligible;
    case Outcome::kUnmet: return Verdict::kIneligible;
    case Outcome::kUnknown: return Verdict::kInsufficientData;
  }
  return Verdict::kInsufficientData;
}

// A count reached, or still reachable with the years not yet known.
Outcome count_outcome(int found, int needed, int still_possible) {
  if (found >= needed) return Outcome::kMet;
  return found + still_possible >= needed ? Outcome::kUnknown : Outcome::kUnmet;
}

int popcount(YearBits bits) {
  int n = 0;
  for (; bits; bits &= bits - 1)
    ++n;
  return n;
}

// What QualifiesFor found, in Finding::actual.
enum QualifiesActual : int { kGranted = 1, kQualified, kNotQualified, kUndetermined };

}  // namespace

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::kEligible: return "eligible";
    case Verdict::kIneligible: return "ineligible";
    case Verdict::kInsufficientData: return "insufficient_data";
  }
  return "insufficient_data";
}

// The counted grants of one subject as year masks per honour: bit k of bits[h] is a counted
// grant of h for year - k. Grants older than 63 years are found by scanning instead.
struct Evaluator::GrantYears {
  static constexpr std::size_t kMaxHonours = 64;
  std::array<std::uint64_t, kMaxHonours> bits;
};

struct Evaluator::Scope {
  const SubjectView& subject;
  const HonourRule& honour;  // the honour being judged
  int year;
  int known_until;
  const GrantYears& grants;
  bool explaining;  // false: stop at the first decisive child (the fast path)

  // The record of y - k, or nullptr; marks the year unknown or pending in `finding` when absent.
  const YearRecord* record(int k, Finding& finding) const {
    const int y = year - k;
    if (y > known_until) {
      finding.pending |= bit(k);
      return nullptr;
    }
    const auto* found = subject.year(y);
    if (!found) finding.unknown |= bit(k);
    return found;
  }
};

Evaluator::Evaluator(const RuleSet& rules) : rules_(rules) {
  for (const auto& honour : rules_.honours) {
    assert(honour.id.value < GrantYears::kMaxHonours);  // RuleLibrary::create refuses more
    if (by_id_.size() <= honour.id.value) by_id_.resize(honour.id.value + 1u, nullptr);
    by_id_[honour.id.value] = &honour;
  }
}

const HonourRule& Evaluator::rule(HonourId id) const {
  assert(id.value < by_id_.size() && by_id_[id.value]);
  return *by_id_[id.value];
}

std::vector<const HonourRule*> Evaluator::honours_for(SubjectKind kind) const {
  std::vector<const HonourRule*> result;
  for (const auto& honour : rules_.honours) {
    if (honour.applies_to(kind)) result.push_back(&honour);
  }
  return result;
}

void Evaluator::index_grants(const SubjectView& subject, int year, GrantYears& index) const {
  std::fill_n(index.bits.begin(), by_id_.size(), 0);
  for (const auto& grant : subject.grants) {
    const int k = year - grant.year;
    if (k >= 0 && k < 64 && rules_.chain_grant_types.types.contains(grant.type))
      index.bits[grant.honour.value] |= std::uint64_t{1} << static_cast<unsigned>(k);
  }
}

bool Evaluator::has_grant(const Scope& scope, HonourId honour, int year) const {
  if (const int k = scope.year - year; k >= 0 && k < 64)
    return (scope.grants.bits[honour.value] >> static_cast<unsigned>(k)) & 1U;
  for (const auto& grant : scope.subject.grants) {
    if (grant.honour == honour && grant.year == year && rules_.chain_grant_types.types.contains(grant.type))
      return true;
  }
  return false;
}

Finding Evaluator::evaluate(const Clause& clause, const Scope& scope) const {
  return std::visit(
      [&](const auto& c) -> Finding {
        using C = std::decay_t<decltype(c)>;
        Finding f;
        const int y = scope.year;
        if constexpr (std::is_same_v<C, RatingAtLeast>) {
          const auto* r = scope.record(0, f);
          if (r && r->rating == Rating::kNone)
            f.unknown |= bit(0);
          else if (r) {
            f.actual = static_cast<int>(r->rating);
            f.outcome = r->rating >= c.minimum ? Outcome::kMet : Outcome::kUnmet;
          }
        } else if constexpr (std::is_same_v<C, MonthsWorkedAtLeast>) {
          const auto* r = scope.record(0, f);
          if (r && r->months_worked == YearRecord::kUnknownMonths)
            f.unknown |= bit(0);
          else if (r) {
            f.actual = r->months_worked;
            f.outcome = f.actual >= c.months ? Outcome::kMet : Outcome::kUnmet;
          }
        } else if constexpr (std::is_same_v<C, NoDiscipline>) {
          if (const auto* r = scope.record(0, f)) {
            f.actual = static_cast<int>(r->discipline);
            f.outcome = r->discipline < c.from ? Outcome::kMet : Outcome::kUnmet;
          }
        } else if constexpr (std::is_same_v<C, NoPendingDiscipline>) {
          if (const auto* r = scope.record(0, f)) {
            f.actual = r->discipline_pending ? 1 : 0;
            f.outcome = r->discipline_pending ? Outcome::kUnmet : Outcome::kMet;
          }
        } else if constexpr (std::is_same_v<C, YearFlagIs>) {
          const auto* r = scope.record(0, f);
          const Known value = r ? r->flag(c.flag) : Known::kUnknown;
          if (r && value == Known::kUnknown) f.unknown |= bit(0);
          if (value != Known::kUnknown) {
            f.actual = value == Known::kYes ? 1 : 0;
            f.outcome = value == Known::kYes ? Outcome::kMet : Outcome::kUnmet;
          }
        } else if constexpr (std::is_same_v<C, GrantChain>) {
          for (int i = 0; i < c.count; ++i) {
            const int k = i * c.step;
            if (y - k > scope.known_until)
              f.pending |= bit(k);
            else if (!has_grant(scope, c.honour, y - k))
              f.failed |= bit(k);
          }
          f.outcome = f.failed ? Outcome::kUnmet : f.pending ? Outcome::kUnknown : Outcome::kMet;
        } else if constexpr (std::is_same_v<C, GrantCount>) {
          int found = 0;
          for (int k = 0; k < c.window; ++k) {
            if (y - k > scope.known_until)
              f.pending |= bit(k);
            else if (has_grant(scope, c.honour, y - k))
              ++found;
          }
          f.actual = found;
          f.outcome = count_outcome(found, c.count, popcount(f.pending));
        } else if constexpr (std::is_same_v<C, PriorGrant>) {
          const int latest = y - c.min_years_before;
          for (const auto& grant : scope.subject.grants) {
            if (grant.honour != c.honour || !rules_.chain_grant_types.types.contains(grant.type) ||
                grant.year > scope.known_until)
              continue;
            f.actual = std::max(f.actual, static_cast<int>(grant.year));
            if (grant.year <= latest) f.total = std::max(f.total, static_cast<int>(grant.year));
          }
          if (f.total >= 0)
            f.outcome = Outcome::kMet;
          else
            f.outcome = latest > scope.known_until ? Outcome::kUnknown : Outcome::kUnmet;
          if (f.outcome == Outcome::kUnknown) f.pending |= bit(0);
        } else if constexpr (std::is_same_v<C, RatingStreak>) {
          for (int k = 0; k < c.years; ++k) {
            const auto* r = scope.record(k, f);
            if (r && r->rating == Rating::kNone)
              f.unknown |= bit(k);
            else if (r && r->rating < c.minimum)
              f.failed |= bit(k);
          }
          f.outcome = f.failed ? Outcome::kUnmet : (f.unknown | f.pending) ? Outcome::kUnknown : Outcome::kMet;
        } else if constexpr (std::is_same_v<C, RatingCount>) {
          int found = 0;
          for (int k = 0; k < c.window; ++k) {
            const auto* r = scope.record(k, f);
            if (r && r->rating == Rating::kNone)
              f.unknown |= bit(k);
            else if (r && r->rating >= c.minimum)
              ++found;
          }
          f.actual = found;
          f.outcome = count_outcome(found, c.count, popcount(f.unknown | f.pending));
        } else if constexpr (std::is_same_v<C, InitiativeCount>) {
          const int from = c.window > 0 ? y - c.window + 1 : std::numeric_limits<int>::min();
          int found = 0;
          for (const auto& initiative : scope.subject.initiatives) {
            if (initiative.level >= c.minimum && !initiative.used && initiative.year >= from && initiative.year <= y &&
                initiative.year <= scope.known_until)
              ++found;
          }
          f.actual = found;
          // Years of the window that are not recorded (or not yet lived) may hold initiatives.
          const int span = c.window > 0 ? c.window : 1;
          for (int k = 0; k < span; ++k)
            scope.record(k, f);
          f.outcome = count_outcome(found, c.count, (f.unknown | f.pending) ? c.count : 0);
        } else if constexpr (std::is_same_v<C, MemberShareAtLeast> || std::is_same_v<C, MemberCountAtLeast> ||
                             std::is_same_v<C, MemberCountAtMost>) {
          const auto* r = scope.record(0, f);
          const auto* m = r ? scope.subject.members_in(y) : nullptr;
          const int part = m ? (*m)[c.part] : -1;
          const int members = m ? (*m)[MemberField::kMembers] : -1;
          if (r && (part < 0 || (std::is_same_v<C, MemberShareAtLeast> && members < 0)))
            f.unknown |= bit(0);
          else if (r) {
            f.actual = part;
            f.total = members;
            bool met = false;
            if constexpr (std::is_same_v<C, MemberShareAtLeast>)
              met = members > 0 &&
                    static_cast<std::int64_t>(part) * 100 >= static_cast<std::int64_t>(c.percent) * members;
            else if constexpr (std::is_same_v<C, MemberCountAtLeast>)
              met = part >= c.count;
            else
              met = part <= c.count;
            f.outcome = met ? Outcome::kMet : Outcome::kUnmet;
          }
        } else if constexpr (std::is_same_v<C, QualifiesFor>) {
          if (y > scope.known_until) {
            f.pending |= bit(0);
            f.actual = kUndetermined;
          } else if (has_grant(scope, c.honour, y)) {
            f.actual = kGranted;
            f.outcome = Outcome::kMet;
          } else {
            const auto& other = rule(c.honour);
            const Scope inner{scope.subject, other, y, scope.known_until, scope.grants, scope.explaining};
            f.outcome =
                other.applies_to(scope.subject.kind) ? outcome_of(verdict_in(inner, other, false)) : Outcome::kUnmet;
            f.actual = f.outcome == Outcome::kMet     ? kQualified
                       : f.outcome == Outcome::kUnmet ? kNotQualified
                                                      : kUndetermined;
          }
        } else if constexpr (std::is_same_v<C, AnyOf> || std::is_same_v<C, AllOf>) {
          constexpr bool kAny = std::is_same_v<C, AnyOf>;
          f.outcome = kAny ? Outcome::kUnmet : Outcome::kMet;
          for (const auto& child : c.clauses) {
            const auto found = evaluate(child, scope);
            f.outcome = kAny ? any_of(f.outcome, found.outcome) : all_of(f.outcome, found.outcome);
            f.pending |= found.pending;
            f.unknown |= found.unknown;
            if (!scope.explaining && f.outcome == (kAny ? Outcome::kMet : Outcome::kUnmet)) break;
          }
        }
        return f;
      },
      clause.condition);
}

Verdict Evaluator::verdict_in(const Scope& scope, const HonourRule& honour, bool with_guards) const {
  Outcome outcome = Outcome::kMet;
  auto judge = [&](const std::vector<Clause>& clauses) {
    for (const auto& clause : clauses) {
      outcome = all_of(outcome, evaluate(clause, scope).outcome);
      if (outcome == Outcome::kUnmet) return;
    }
  };
  if (with_guards) judge(rules_.guards);
  if (outcome != Outcome::kUnmet) judge(honour.clauses_for(scope.subject.kind));
  return verdict_of(outcome);
}

Verdict Evaluator::verdict(const SubjectView& subject, const HonourRule& honour, int year) const {
  GrantYears grants;
  index_grants(subject, year, grants);
  return verdict_in(Scope{subject, honour, year, year, grants, false}, honour, true);
}

void Evaluator::verdicts(const SubjectView& subject, std::span<const HonourRule* const> honours, int year,
                         std::span<Verdict> out) const {
  assert(honours.size() == out.size());
  GrantYears grants;
  index_grants(subject, year, grants);
  for (std::size_t i = 0; i < honours.size(); ++i)
    out[i] = verdict_in(Scope{subject, *honours[i], year, year, grants, false}, *honours[i], true);
}

HonourResult Evaluator::explain(const SubjectView& subject, const HonourRule& honour, int year,
                                std::optional<int> known_until) const {
  GrantYears grants;
  index_grants(subject, year, grants);
  const Scope scope{subject, honour, year, known_until.value_or(year), grants, true};
  HonourResult result;
  result.honour = &honour;
  result.year = year;
  Outcome outcome = Outcome::kMet;
  for (const auto& clause : rules_.guards) {
    result.reasons.push_back(explain_clause(clause, scope, true));
    outcome = all_of(outcome, result.reasons.back().outcome);
  }
  for (const auto& clause : honour.clauses_for(subject.kind)) {
    result.reasons.push_back(explain_clause(clause, scope, false));
    outcome = all_of(outcome, result.reasons.back().outcome);
  }
  result.verdict = verdict_of(outcome);
  for (const auto& deadline : rules_.deadlines) {
    if (std::find(deadline.honours.begin(), deadline.honours.end(), honour.id) != deadline.honours.end())
      result.deadline = &deadline;
  }
  return result;
}

Reason Evaluator::explain_clause(const Clause& clause, const Scope& scope, bool guard) const {
  Reason reason;
  reason.rule = clause.id;
  reason.citation = clause.citation;
  reason.guard = guard;
  reason.unverified = clause.unverified;
  reason.note = clause.note;
  const Finding finding = evaluate(clause, scope);
  reason.outcome = finding.outcome;
  reason.missing_years = years_of(finding.failed, scope.year);
  if (const auto* any = std::get_if<AnyOf>(&clause.condition)) {
    for (const auto& child : any->clauses)
      reason.details.push_back(explain_clause(child, scope, guard));
  } else if (const auto* all = std::get_if<AllOf>(&clause.condition)) {
    for (const auto& child : all->clauses)
      reason.details.push_back(explain_clause(child, scope, guard));
  } else if (const auto* q = std::get_if<QualifiesFor>(&clause.condition);
             q && finding.actual != kGranted && scope.year <= scope.known_until) {
    const auto& other = rule(q->honour);
    if (other.applies_to(scope.subject.kind)) {
      const Scope inner{scope.subject, other, scope.year, scope.known_until, scope.grants, true};
      for (const auto& child : other.clauses_for(scope.subject.kind))
        reason.details.push_back(explain_clause(child, inner, guard));
    }
  }
  render(clause, finding, scope, reason);
  return reason;
}

void Evaluator::render(const Clause& clause, const Finding& f, const Scope& scope, Reason& reason) const {
  const auto& words = rules_.vocabulary;
  const int y = scope.year;
  const std::string year = std::to_string(y);
  const std::string honour = scope.honour.short_name;
  auto rating_label = [&](int rating) {
    return rating > 0 ? words.ratings[static_cast<std::size_t>(rating)] : words.no_data;
  };
  auto number_or_no_data = [&](int value) { return value >= 0 ? std::to_string(value) : words.no_data; };
  auto short_name = [&](HonourId id) { return rule(id).short_name; };
  // "còn thiếu năm 2024; chưa đến năm 2026", or "đủ".
  auto status = [&](const std::string& failed_phrase) {
    std::string out;
    auto add = [&](const std::string& phrase, YearBits bits) {
      if (!bits) return;
      out += (out.empty() ? "" : "; ") + fill(phrase, {{"years", join_years(years_of(bits, y))}});
    };
    add(failed_phrase, f.failed);
    add(words.unknown_years, f.unknown);
    add(words.pending_years, f.pending);
    return out.empty() ? words.complete : out;
  };
  // Facts a clause lacks, as paths into the case ("years.2024.rating").
  auto missing = [&](std::string_view field) {
    for (int y2 : years_of(f.unknown, y)) {
      const bool recorded = scope.subject.year(y2) != nullptr;
      reason.missing.push_back("years." + std::to_string(y2) +
                               (recorded && !field.empty() ? "." + std::string(field) : ""));
    }
  };
  auto need_rating = [&](Rating minimum) {
    if (const auto pending = f.pending | f.unknown) {
      reason.needs.push_back(fill(words.need_rating, {{"rating", rating_label(static_cast<int>(minimum))},
                                                      {"years", join_years(years_of(pending, y))}}));
    }
  };
  auto need_grant = [&](HonourId id) {
    if (f.pending) {
      reason.needs.push_back(
          fill(words.need_grant, {{"honour", short_name(id)}, {"years", join_years(years_of(f.pending, y))}}));
    }
  };

  std::visit(
      [&](const auto& c) {
        using C = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<C, RatingAtLeast>) {
          reason.text = fill(clause.text, {{"year", year},
                                           {"honour", honour},
                                           {"actual", rating_label(f.actual)},
                                           {"required", rating_label(static_cast<int>(c.minimum))}});
          missing("rating");
          need_rating(c.minimum);
        } else if constexpr (std::is_same_v<C, MonthsWorkedAtLeast>) {
          reason.text = fill(clause.text, {{"year", year},
                                           {"honour", honour},
                                           {"actual", number_or_no_data(f.actual)},
                                           {"required", std::to_string(c.months)}});
          missing("months_worked");
        } else if constexpr (std::is_same_v<C, NoDiscipline>) {
          reason.text = fill(
              clause.text,
              {{"year", year},
               {"honour", honour},
               {"actual", f.actual >= 0 ? words.discipline_levels[static_cast<std::size_t>(f.actual)] : words.no_data},
               {"required", words.discipline_levels[static_cast<std::size_t>(c.from)]}});
          missing("");
        } else if constexpr (std::is_same_v<C, NoPendingDiscipline>) {
          reason.text = fill(clause.text, {{"year", year},
                                           {"honour", honour},
                                           {"actual", f.actual < 0    ? words.no_data
                                                      : f.actual == 1 ? words.discipline_pending
                                                                      : words.no_discipline_pending}});
          missing("");
        } else if constexpr (std::is_same_v<C, YearFlagIs>) {
          reason.text = fill(clause.text, {{"year", year},
                                           {"honour", honour},
                                           {"actual", f.actual < 0 ? words.no_data
                                                      : f.actual   ? words.yes
                                                                   : words.no}});
          missing(to_string(c.flag));
        } else if constexpr (std::is_same_v<C, GrantChain>) {
          std::vector<int> years;
          for (int i = c.count - 1; i >= 0; --i)
            years.push_back(y - i * c.step);
          reason.text = fill(clause.text, {{"year", year},
                                           {"honour", honour},
                                           {"required_honour", short_name(c.honour)},
                                           {"count", std::to_string(c.count)},
                                           {"years", join_years(years)},
                                           {"status", status(words.missing_years)}});
          need_grant(c.honour);
        } else if constexpr (std::is_same_v<C, GrantCount>) {
          reason.text = fill(clause.text, {{"year", year},
                                           {"honour", honour},
                                           {"required_honour", short_name(c.honour)},
                                           {"count", std::to_string(c.count)},
                                           {"years", span_years(y, c.window)},
                                           {"actual", std::to_string(f.actual)}});
          need_grant(c.honour);
        } else if constexpr (std::is_same_v<C, PriorGrant>) {
          reason.text = fill(clause.text,
                             {{"year", year},
                              {"honour", honour},
                              {"required_honour", short_name(c.honour)},
                              {"latest", std::to_string(y - c.min_years_before)},
                              {"actual", f.actual >= 0 ? fill(words.granted_in, {{"years", std::to_string(f.actual)}})
                                                       : words.not_granted}});
          if (f.outcome == Outcome::kUnknown) {
            reason.needs.push_back(fill(words.need_grant, {{"honour", short_name(c.honour)},
                                                           {"years", std::to_string(y - c.min_years_before)}}));
          }
        } else if constexpr (std::is_same_v<C, RatingStreak>) {
          reason.text = fill(clause.text, {{"year", year},
                                           {"honour", honour},
                                           {"required", rating_label(static_cast<int>(c.minimum))},
                                           {"count", std::to_string(c.years)},
                                           {"years", span_years(y, c.years)},
                                           {"status", status(words.unmet_years)}});
          missing("rating");
          need_rating(c.minimum);
        } else if constexpr (std::is_same_v<C, RatingCount>) {
          reason.text = fill(clause.text, {{"year", year},
                                           {"honour", honour},
                                           {"required", rating_label(static_cast<int>(c.minimum))},
                                           {"count", std::to_string(c.count)},
                                           {"years", span_years(y, c.window)},
                                           {"actual", std::to_string(f.actual)}});
          missing("rating");
          if (f.outcome == Outcome::kUnknown) need_rating(c.minimum);
        } else if constexpr (std::is_same_v<C, InitiativeCount>) {
          std::string found;
          std::string excluded;
          const int from = c.window > 0 ? y - c.window + 1 : std::numeric_limits<int>::min();
          for (const auto& initiative : scope.subject.initiatives) {
            if (initiative.level < c.minimum || initiative.year < from || initiative.year > y) continue;
            auto& list = initiative.used ? excluded : found;
            list += (list.empty() ? "" : ", ") + std::string(initiative.id);
          }
          if (!excluded.empty()) excluded = " (" + fill(words.excluded_initiatives, {{"ids", excluded}}) + ")";
          reason.text = fill(clause.text, {{"year", year},
                                           {"honour", honour},
                                           {"level", words.initiative_levels[static_cast<std::size_t>(c.minimum)]},
                                           {"count", std::to_string(c.count)},
                                           {"years", c.window > 0 ? span_years(y, c.window) : year},
                                           {"actual", std::to_string(f.actual)},
                                           {"found", found.empty() ? words.none_found : found},
                                           {"excluded", excluded}});
          if (f.outcome != Outcome::kMet && f.failed == 0) missing("");
          if (f.outcome == Outcome::kUnknown && f.pending) {
            reason.needs.push_back(
                fill(words.need_initiative, {{"count", std::to_string(c.count - f.actual)},
                                             {"level", words.initiative_levels[static_cast<std::size_t>(c.minimum)]},
                                             {"years", c.window > 0 ? span_years(y, c.window) : year}}));
          }
        } else if constexpr (std::is_same_v<C, MemberShareAtLeast>) {
          const bool known = f.actual >= 0 && f.total >= 0;
          reason.text = fill(
              clause.text,
              {{"year", year},
               {"honour", honour},
               {"actual", known ? std::to_string(f.total > 0 ? f.actual * 100 / f.total : 0) + "%" : words.no_data},
               {"required", std::to_string(c.percent) + "%"},
               {"part", number_or_no_data(f.actual)},
               {"members", number_or_no_data(f.total)}});
          if (f.unknown) {
            reason.missing.push_back("years." + year + "." + std::string(to_string(c.part)));
            reason.missing.push_back("years." + year + ".members");
          }
        } else if constexpr (std::is_same_v<C, MemberCountAtLeast> || std::is_same_v<C, MemberCountAtMost>) {
          reason.text = fill(clause.text, {{"year", year},
                                           {"honour", honour},
                                           {"actual", number_or_no_data(f.actual)},
                                           {"required", std::to_string(c.count)}});
          missing(to_string(c.part));
        } else if constexpr (std::is_same_v<C, QualifiesFor>) {
          const std::string actual = f.actual == kGranted        ? fill(words.granted_in, {{"years", year}})
                                     : f.actual == kQualified    ? words.qualified
                                     : f.actual == kNotQualified ? words.not_qualified
                                                                 : words.undetermined;
          reason.text =
              fill(clause.text,
                   {{"year", year}, {"honour", honour}, {"required_honour", rule(c.honour).name}, {"actual", actual}});
          if (f.pending) {
            reason.needs.push_back(fill(words.need_grant, {{"honour", short_name(c.honour)}, {"years", year}}));
          }
          for (const auto& child : reason.details)
            reason.missing.insert(reason.missing.end(), child.missing.begin(), child.missing.end());
        } else if constexpr (std::is_same_v<C, AnyOf> || std::is_same_v<C, AllOf>) {
          reason.text = fill(clause.text, {{"year", year},
                                           {"honour", honour},
                                           {"actual", f.outcome == Outcome::kMet     ? words.qualified
                                                      : f.outcome == Outcome::kUnmet ? words.not_qualified
                                                                                     : words.undetermined}});
          // An alternative needs any one child's items; a conjunction needs them all.
          std::string alternatives;
          for (const auto& child : reason.details) {
            reason.missing.insert(reason.missing.end(), child.missing.begin(), child.missing.end());
            if (child.outcome == Outcome::kMet) continue;
            if constexpr (std::is_same_v<C, AllOf>) {
              reason.needs.insert(reason.needs.end(), child.needs.begin(), child.needs.end());
            } else {
              for (const auto& item : child.needs)
                alternatives += (alternatives.empty() ? "" : words.alternative) + item;
            }
          }
          if (!alternatives.empty()) reason.needs.push_back(alternatives);
        }
      },
      clause.condition);
  if (reason.outcome == Outcome::kUnknown && reason.needs.empty() && f.pending)
    reason.needs.push_back(fill(words.need_data, {{"years", join_years(years_of(f.pending, y))}}));
}

}  // namespace tdkt::domain::rules
