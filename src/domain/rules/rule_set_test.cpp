#include "domain/rules/rule_set.hpp"

#include <gtest/gtest.h>

namespace tdkt::domain::rules {
namespace {

CivilDate d(int y, unsigned m, unsigned day) {
  return *CivilDate::from_ymd(y, m, day);
}

Clause clause(std::string id, Condition condition, std::string text = "{actual}") {
  return {std::move(id), "Điều 1", std::move(text), false, {}, std::move(condition)};
}

RuleSet base_set(HonourCatalogue& catalogue) {
  RuleSet set;
  set.id = "BASE";
  set.validity = {d(2024, 1, 1), d(2025, 6, 30)};
  HonourRule title;
  title.id = catalogue.intern("T");
  title.code = "T";
  title.clauses[0] = std::vector<Clause>{clause("BASE.T.rating", RatingAtLeast{})};
  title.authority.citation = "Điều 2";
  title.council_vote.citation = "Điều 3";
  set.honours.push_back(title);
  set.council_quorum.citation = "Điều 4";
  set.guards.push_back(clause("BASE.pending", NoPendingDiscipline{}));
  return set;
}

TEST(RuleSet, LayerReplacesClausesByIdAndRefusesUnknownIds) {
  HonourCatalogue catalogue;
  const auto base = base_set(catalogue);
  RuleLayer later;
  later.id = "LATER";
  later.name = "Later";
  later.validity = Period{d(2025, 7, 1), std::nullopt};
  later.replacements.push_back({"BASE.pending", clause("LATER.pending", NoPendingDiscipline{})});
  auto composed = apply_layer(base, later, false);
  ASSERT_TRUE(composed);
  EXPECT_EQ(composed->id, "LATER");
  EXPECT_EQ(composed->guards[0].id, "LATER.pending");
  EXPECT_EQ(composed->honours[0].clauses_for(SubjectKind::kPerson)[0].id, "BASE.T.rating");
  EXPECT_EQ(composed->validity.from, d(2025, 7, 1));

  later.replacements[0].replaces = "BASE.nothing";
  EXPECT_FALSE(apply_layer(base, later, false));
}

TEST(RuleSet, ProvincialLayerAddsClausesAndKeepsTheBase) {
  HonourCatalogue catalogue;
  const auto base = base_set(catalogue);
  RuleLayer province;
  province.id = "PROV";
  province.additions.push_back({catalogue.find("T"), SubjectKind::kPerson, clause("PROV.T.extra", NoDiscipline{})});
  auto composed = apply_layer(base, province, true);
  ASSERT_TRUE(composed);
  EXPECT_EQ(composed->id, "BASE");
  EXPECT_EQ(composed->layers, std::vector<std::string>{"PROV"});
  EXPECT_EQ(composed->honours[0].clauses_for(SubjectKind::kPerson).size(), 2U);
  province.additions[0].subject = SubjectKind::kUnit;  // T is not for units
  EXPECT_FALSE(apply_layer(base, province, true));
}

TEST(RuleSet, ValidateRefusesDuplicatesUnknownPlaceholdersAndCycles) {
  HonourCatalogue catalogue;
  auto set = base_set(catalogue);
  EXPECT_TRUE(validate(set));

  auto duplicate = set;
  duplicate.guards.push_back(clause("BASE.T.rating", NoPendingDiscipline{}));
  EXPECT_FALSE(validate(duplicate));

  auto placeholder = set;
  placeholder.guards[0].text = "{status}";  // not a placeholder of no_pending_discipline
  EXPECT_FALSE(validate(placeholder));

  auto cycle = set;
  cycle.honours[0].clauses[0]->push_back(clause("BASE.T.self", QualifiesFor{catalogue.intern("T")}));
  EXPECT_FALSE(validate(cycle));

  auto no_vote = set;
  no_vote.honours[0].council_vote.citation.clear();
  EXPECT_FALSE(validate(no_vote));

  auto bad_share = set;
  bad_share.honours[0].council_vote.numerator = 3;  // 3/2 of the members
  EXPECT_FALSE(validate(bad_share));

  auto no_quorum = set;
  no_quorum.council_quorum.citation.clear();
  EXPECT_FALSE(validate(no_quorum));

  auto dangling = set;
  dangling.guards.push_back(clause("BASE.chain", GrantChain{catalogue.intern("NOT_IN_SET"), 3, 1}));
  EXPECT_FALSE(validate(dangling));
}

TEST(RuleLibrary, ChoosesTheSetInForceAndRefusesDatesWithoutOne) {
  HonourCatalogue catalogue;
  auto first = base_set(catalogue);
  auto second = first;
  second.id = "SECOND";
  second.validity = {d(2025, 7, 1), std::nullopt};
  RuleLayer province;
  province.id = "PROV";
  province.validity = Period{d(2025, 7, 1), std::nullopt};
  auto library = RuleLibrary::create(catalogue, {second, first}, {{"dong_nai", province}});
  ASSERT_TRUE(library);
  EXPECT_EQ(library->in_force(d(2025, 6, 30))->id, "BASE");
  EXPECT_EQ(library->in_force(d(2025, 7, 1))->id, "SECOND");
  EXPECT_TRUE(library->in_force(d(2025, 6, 30), "dong_nai")->layers.empty());
  EXPECT_EQ(library->in_force(d(2025, 7, 1), "dong_nai")->layers, std::vector<std::string>{"PROV"});

  const auto before = library->in_force(d(2023, 12, 31));
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().field, "decision_date");
  EXPECT_NE(before.error().message.find("01/01/2024"), std::string::npos);
  EXPECT_EQ(library->in_force(d(2025, 7, 1), "ha_noi").error().field, "province");

  auto overlapping = second;
  overlapping.validity.from = d(2025, 6, 1);
  EXPECT_FALSE(RuleLibrary::create(catalogue, {first, overlapping}, {}));
}

}  // namespace
}  // namespace tdkt::domain::rules
