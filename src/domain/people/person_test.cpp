#include "domain/people/person.hpp"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

CivilDate d(int y, unsigned m, unsigned day) {
  return *CivilDate::from_ymd(y, m, day);
}

TEST(PersonDraft, NormalisesAndChecks) {
  PersonDraft draft;
  draft.family_name = " Nguyễn ";
  draft.given_name = "Khang  ";
  auto checked = check_person_draft(draft, 2026);
  ASSERT_TRUE(checked);
  EXPECT_EQ(checked->family_name, "Nguyễn");
  EXPECT_EQ(checked->given_name, "Khang");

  draft.given_name = " ";
  auto missing = check_person_draft(draft, 2026);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "given_name");

  draft.given_name = "Khang";
  draft.birth_year = 2027;
  auto future = check_person_draft(draft, 2026);
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().field, "birth_year");
}

TEST(PersonDraft, SearchTextIsFoldedFullName) {
  PersonDraft draft;
  draft.family_name = "Nguyễn";
  draft.middle_name = "Văn";
  draft.given_name = "Khang";
  EXPECT_EQ(person_search_text(draft), "nguyen van khang");
}

TEST(Membership, MayNotOverlapAnotherOfTheSamePerson) {
  const PersonId person{1};
  std::vector<Membership> existing{{MembershipId{1}, person, UnitId{2}, "Chuyên viên", {d(2020, 1, 1), d(2023, 4, 30)}},
                                   {MembershipId{2}, person, UnitId{3}, "Chuyên viên", {d(2023, 5, 1), std::nullopt}}};
  Membership candidate{MembershipId{}, person, UnitId{4}, "Trưởng phòng", {d(2023, 4, 1), d(2023, 6, 1)}};
  auto status = check_membership(candidate, existing);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kOverlap);
  EXPECT_NE(status.error().message.find("01/01/2020"), std::string::npos);

  // Editing a membership does not overlap with itself.
  Membership edit = existing[1];
  edit.period.from = d(2023, 6, 1);
  EXPECT_TRUE(check_membership(edit, existing));

  Membership before{MembershipId{}, person, UnitId{4}, "", {d(2019, 1, 1), d(2019, 12, 31)}};
  EXPECT_TRUE(check_membership(before, existing));
}

TEST(Membership, RefusesAnEndBeforeTheStart) {
  Membership candidate{MembershipId{}, PersonId{1}, UnitId{2}, "", {d(2023, 5, 1), d(2023, 4, 30)}};
  auto status = check_membership(candidate, {});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().field, "to");
}

}  // namespace
}  // namespace tdkt::domain
