#include "domain/rules/evaluator.hpp"

#include <gtest/gtest.h>

#include <random>

#include "domain/rules/path.hpp"
#include "domain/rules/quota.hpp"

namespace tdkt::domain::rules {
namespace {

constexpr HonourId kTitle{0};  // like LDTT
constexpr HonourId kBasic{1};  // like CSTDCS: qualifies for kTitle, and excellent or an initiative
constexpr HonourId kChain{2};  // like CSTD_TINH: kBasic three years running
constexpr HonourId kUnitH{3};  // a unit title: 70% of members with kTitle

Vocabulary vocabulary() {
  Vocabulary v;
  v.ratings = {"", "KHT", "HT", "HTT", "HTXS"};
  v.discipline_levels = {"không", "khiển trách", "cảnh cáo", "hạ bậc", "giáng chức", "cách chức", "buộc thôi việc"};
  v.initiative_levels = {"", "cơ sở", "tỉnh", "toàn quốc"};
  v.no_data = "chưa có dữ liệu";
  v.complete = "đủ";
  v.none_found = "không có";
  v.missing_years = "còn thiếu năm {years}";
  v.unmet_years = "không đạt năm {years}";
  v.unknown_years = "chưa có dữ liệu năm {years}";
  v.pending_years = "chưa đến năm {years}";
  v.qualified = "đạt";
  v.not_qualified = "không đạt";
  v.undetermined = "chưa rõ";
  v.need_grant = "{honour} năm {years}";
  v.need_rating = "xếp loại {rating} năm {years}";
  v.path_missing = "{honour} năm {year}: còn thiếu {items}";
  v.alternative = " hoặc ";
  v.excluded_initiatives = "không tính {ids}";
  return v;
}

Clause clause(std::string id, std::string text, Condition condition) {
  return {std::move(id), "Điều " + std::to_string(condition.index()), std::move(text), false, {}, std::move(condition)};
}

HonourRule honour(HonourId id, const std::string& code, SubjectKind kind, std::vector<Clause> clauses) {
  HonourRule rule;
  rule.id = id;
  rule.code = code;
  rule.name = code + " (tên)";
  rule.short_name = code;
  rule.clauses[static_cast<std::size_t>(kind)] = std::move(clauses);
  return rule;
}

RuleSet rule_set() {
  RuleSet set;
  set.id = "TEST";
  set.validity = {*CivilDate::from_ymd(2024, 1, 1), std::nullopt};
  set.first_year = 2024;
  set.chain_grant_types.types.insert(GrantType::kMerit);
  set.guards.push_back(clause("guard.pending", "Kỷ luật đang xét: {actual}", NoPendingDiscipline{}));
  set.honours.push_back(honour(
      kTitle, "T", SubjectKind::kPerson,
      {clause("T.rating", "Xếp loại {year}: {actual} (yêu cầu {required})", RatingAtLeast{Rating::kCompletedWell})}));
  set.honours.push_back(
      honour(kBasic, "B", SubjectKind::kPerson,
             {clause("B.title", "{required_honour}: {actual}", QualifiesFor{kTitle}),
              clause("B.any", "Một trong hai: {actual}",
                     AnyOf{{clause("B.excellent", "{actual}", RatingAtLeast{Rating::kCompletedExcellently}),
                            clause("B.initiative", "Sáng kiến: {found}{excluded}",
                                   InitiativeCount{InitiativeLevel::kUnit, 1, 0})}})}));
  set.honours.push_back(honour(kChain, "C", SubjectKind::kPerson,
                               {clause("C.chain", "{honour}: cần {required_honour} {count} năm liền {years}; {status}",
                                       GrantChain{kBasic, 3, 1})}));
  set.honours.push_back(honour(kUnitH, "U", SubjectKind::kUnit,
                               {clause("U.share", "{actual} ({part}/{members}, yêu cầu {required})",
                                       MemberShareAtLeast{MemberField::kLdtt, 70})}));
  set.vocabulary = vocabulary();
  return set;
}

YearRecord year(int y, Rating rating) {
  YearRecord record;
  record.year = static_cast<std::int16_t>(y);
  record.rating = rating;
  return record;
}

class EvaluatorTest : public testing::Test {
 protected:
  RuleSet rules = rule_set();
  Evaluator evaluator{rules};
  Subject person{"p", SubjectKind::kPerson, std::nullopt, {}, {}, {}, {}, {}};

  const HonourRule& rule(HonourId id) { return *rules.find(id); }
  Verdict verdict(HonourId id, int y) { return evaluator.verdict(person.view(), rule(id), y); }
  HonourResult explain(HonourId id, int y) { return evaluator.explain(person.view(), rule(id), y); }
};

const Reason* find(const std::vector<Reason>& reasons, const std::string& id) {
  for (const auto& reason : reasons) {
    if (reason.rule == id) return &reason;
    if (const auto* found = find(reason.details, id)) return found;
  }
  return nullptr;
}

TEST_F(EvaluatorTest, ThreeValuedVerdicts) {
  EXPECT_EQ(verdict(kTitle, 2025), Verdict::kInsufficientData);  // no record of 2025
  person.years = {year(2025, Rating::kNone)};
  EXPECT_EQ(verdict(kTitle, 2025), Verdict::kInsufficientData);  // a record without a rating
  const auto result = explain(kTitle, 2025);
  EXPECT_EQ(find(result.reasons, "T.rating")->missing, std::vector<std::string>{"years.2025.rating"});
  person.years = {year(2025, Rating::kNotCompleted)};
  EXPECT_EQ(verdict(kTitle, 2025), Verdict::kIneligible);
  person.years = {year(2025, Rating::kCompletedWell)};
  EXPECT_EQ(verdict(kTitle, 2025), Verdict::kEligible);
  EXPECT_EQ(explain(kTitle, 2025).reasons[1].text, "Xếp loại 2025: HTT (yêu cầu HTT)");
}

TEST_F(EvaluatorTest, PendingDisciplineBlocksEveryHonour) {
  person.years = {year(2025, Rating::kCompletedExcellently)};
  EXPECT_EQ(verdict(kBasic, 2025), Verdict::kEligible);
  person.years[0].discipline_pending = true;
  EXPECT_EQ(verdict(kTitle, 2025), Verdict::kIneligible);
  EXPECT_EQ(verdict(kBasic, 2025), Verdict::kIneligible);
  const auto result = explain(kBasic, 2025);
  EXPECT_TRUE(result.reasons[0].guard);
  EXPECT_EQ(result.reasons[0].outcome, Outcome::kUnmet);
}

TEST_F(EvaluatorTest, AnyOfIsMetByAnUnusedInitiativeOnly) {
  person.years = {year(2024, Rating::kCompletedWell), year(2025, Rating::kCompletedWell)};
  EXPECT_EQ(verdict(kBasic, 2025), Verdict::kIneligible);
  person.initiative_ids = {"SK-1"};
  person.initiatives = {{person.initiative_ids[0], 2024, InitiativeLevel::kUnit, /*used=*/true}};
  EXPECT_EQ(verdict(kBasic, 2025), Verdict::kIneligible);
  EXPECT_NE(find(explain(kBasic, 2025).reasons, "B.initiative")->text.find("không tính SK-1"), std::string::npos);
  person.initiatives[0].used = false;
  EXPECT_EQ(verdict(kBasic, 2025), Verdict::kEligible);
}

TEST_F(EvaluatorTest, ChainNamesTheMissingYearsAndIgnoresSuddenGrants) {
  person.years = {year(2023, Rating::kCompletedWell), year(2024, Rating::kCompletedWell),
                  year(2025, Rating::kCompletedWell)};
  person.grants = {
      {kBasic, 2023, GrantType::kMerit}, {kBasic, 2024, GrantType::kSudden}, {kBasic, 2025, GrantType::kMerit}};
  const auto result = explain(kChain, 2025);
  EXPECT_EQ(result.verdict, Verdict::kIneligible);
  const auto* chain = find(result.reasons, "C.chain");
  EXPECT_EQ(chain->missing_years, std::vector<int>{2024});
  EXPECT_EQ(chain->text, "C: cần B 3 năm liền 2023, 2024, 2025; còn thiếu năm 2024");
  person.grants[1].type = GrantType::kMerit;
  EXPECT_EQ(verdict(kChain, 2025), Verdict::kEligible);
}

TEST_F(EvaluatorTest, PathNamesWhatIsStillNeeded) {
  person.years = {year(2024, Rating::kCompletedWell), year(2025, Rating::kCompletedWell)};
  person.grants = {{kBasic, 2024, GrantType::kMerit}, {kBasic, 2025, GrantType::kMerit}};
  const auto steps = next_steps(evaluator, person.view(), 2025);
  auto chain = std::find_if(steps.begin(), steps.end(), [](const PathStep& s) { return s.honour->id == kChain; });
  ASSERT_NE(chain, steps.end());
  EXPECT_EQ(chain->year, 2026);
  EXPECT_EQ(chain->text, "C năm 2026: còn thiếu B năm 2026");
  // With 2025 missing, the chain restarts: three new years from 2026 are needed.
  person.grants.pop_back();
  const auto later = next_steps(evaluator, person.view(), 2025);
  chain = std::find_if(later.begin(), later.end(), [](const PathStep& s) { return s.honour->id == kChain; });
  ASSERT_NE(chain, later.end());
  EXPECT_EQ(chain->year, 2028);
  EXPECT_EQ(chain->text, "C năm 2028: còn thiếu B năm 2026, 2027, 2028");
}

TEST_F(EvaluatorTest, UnitShareIsIntegerExact) {
  Subject unit{"u", SubjectKind::kUnit, std::nullopt, {year(2025, Rating::kCompletedWell)}, {MemberCounts{}}, {}, {},
               {}};
  auto share = [&](int part, int members) {
    unit.members[0][MemberField::kLdtt] = part;
    unit.members[0][MemberField::kMembers] = members;
    return evaluator.verdict(unit.view(), rule(kUnitH), 2025);
  };
  EXPECT_EQ(share(7, 10), Verdict::kEligible);
  EXPECT_EQ(share(6, 10), Verdict::kIneligible);
  EXPECT_EQ(share(0, 0), Verdict::kIneligible);
  EXPECT_EQ(share(-1, 10), Verdict::kInsufficientData);
}

// The fast verdict and the explained verdict are the same function of the facts.
TEST_F(EvaluatorTest, FastVerdictAgreesWithExplanation) {
  std::mt19937 random(42);
  for (int round = 0; round < 2000; ++round) {
    person.years.clear();
    person.grants.clear();
    person.initiatives.clear();
    person.initiative_ids = {"a", "b"};
    for (int y = 2021; y <= 2025; ++y) {
      if (random() % 6 == 0) continue;
      auto record = year(y, static_cast<Rating>(random() % 5));
      record.discipline_pending = random() % 10 == 0;
      person.years.push_back(record);
      if (random() % 2)
        person.grants.push_back({kBasic, static_cast<std::int16_t>(y), static_cast<GrantType>(random() % 3)});
    }
    for (int i = 0; i < 2; ++i) {
      if (random() % 3 == 0)
        person.initiatives.push_back({person.initiative_ids[static_cast<std::size_t>(i)],
                                      static_cast<std::int16_t>(2021 + random() % 5), InitiativeLevel::kUnit,
                                      random() % 2 == 0});
    }
    const std::vector<const HonourRule*> all{&rule(kTitle), &rule(kBasic), &rule(kChain)};
    std::vector<Verdict> batch(all.size());
    evaluator.verdicts(person.view(), all, 2025, batch);
    for (std::size_t i = 0; i < all.size(); ++i) {
      ASSERT_EQ(verdict(all[i]->id, 2025), explain(all[i]->id, 2025).verdict) << "round " << round << " " << i;
      ASSERT_EQ(batch[i], explain(all[i]->id, 2025).verdict) << "round " << round << " " << i;
    }
  }
}

TEST(Quotas, NamesTheNominationsBeyondTheLimit) {
  RuleSet set = rule_set();
  Quota share;
  share.id = "q.share";
  share.honour = kBasic;
  share.of = kTitle;
  share.percent = 15;
  share.text = "{honour}: {count} > {limit}";
  Quota per_group;
  per_group.id = "q.group";
  per_group.honour = kChain;
  per_group.max_count = 1;
  per_group.per_group = true;
  set.quotas = {share, per_group};
  std::vector<Nomination> batch;
  for (int i = 0; i < 14; ++i)
    batch.push_back({"t" + std::to_string(i), kTitle, ""});
  batch.push_back({"b1", kBasic, ""});
  batch.push_back({"b2", kBasic, ""});
  batch.push_back({"b3", kBasic, ""});
  batch.push_back({"c1", kChain, "khối 1"});
  batch.push_back({"c2", kChain, "khối 2"});
  batch.push_back({"c3", kChain, "khối 1"});
  const auto breaches = check_quotas(set, batch);
  ASSERT_EQ(breaches.size(), 2U);
  EXPECT_EQ(breaches[0].limit, 2);  // 15% of 14 = 2.1, rounded down
  EXPECT_EQ(breaches[0].exceeding, std::vector<std::size_t>{16});
  EXPECT_EQ(breaches[0].text, "B: 3 > 2");
  EXPECT_EQ(breaches[1].group, "khối 1");
  EXPECT_EQ(breaches[1].exceeding, std::vector<std::size_t>{19});
}

}  // namespace
}  // namespace tdkt::domain::rules
