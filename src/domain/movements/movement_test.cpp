#include "domain/movements/movement.hpp"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

CivilDate d(int y, unsigned m, unsigned day) {
  return *CivilDate::from_ymd(y, m, day);
}

Movement movement() {
  Movement out;
  out.name = " Ngành Công tác dân tộc tỉnh Đồng Nai  năm 2024 ";
  out.authority = "Ban Dân tộc tỉnh Đồng Nai";
  out.kind = MovementKind::kByWave;
  out.starts_on = d(2024, 1, 1);
  out.ends_on = d(2024, 12, 31);
  out.waves = {
      {"Đợt thi đua thứ nhất", d(2024, 1, 1), d(2024, 6, 30), {{"Kỷ niệm 94 năm Ngày thành lập Đảng", d(2024, 2, 3)}}},
      {"Đợt thi đua thứ hai", d(2024, 7, 1), d(2024, 12, 31), {}}};
  return out;
}

TEST(CheckMovement, NormalisesTextAndKeepsParagraphs) {
  auto input = movement();
  input.content_items = {{" Tuyên truyền ", "Đoạn  một.\n\n  Đoạn hai. "}};
  auto checked = check_movement(input);
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(checked->name, "Ngành Công tác dân tộc tỉnh Đồng Nai năm 2024");
  EXPECT_EQ(checked->content_items[0].title, "Tuyên truyền");
  EXPECT_EQ(checked->content_items[0].text, "Đoạn một.\nĐoạn hai.");
}

TEST(CheckMovement, AWaveOutsideThePeriodIsRefusedNamingTheWave) {
  auto early = movement();
  early.waves[0].starts_on = d(2023, 12, 1);
  auto refused = check_movement(early);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "waves[0].starts_on");
  EXPECT_NE(refused.error().message.find("Đợt thi đua thứ nhất"), std::string::npos);

  auto late = movement();
  late.waves[1].ends_on = d(2025, 1, 31);
  refused = check_movement(late);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "waves[1].ends_on");

  auto backwards = movement();
  backwards.waves[1].ends_on = d(2024, 6, 1);
  refused = check_movement(backwards);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "waves[1].ends_on");
}

TEST(CheckMovement, RefusesAPeriodThatEndsBeforeItStartsAndItselfAsParent) {
  auto backwards = movement();
  backwards.ends_on = d(2023, 12, 31);
  backwards.waves.clear();
  auto refused = check_movement(backwards);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "ends_on");

  auto own_parent = movement();
  own_parent.id = MovementId{4};
  own_parent.parent = MovementId{4};
  refused = check_movement(own_parent);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "parent_id");

  auto twice = movement();
  twice.implements = {DocumentId{2}, DocumentId{2}};
  refused = check_movement(twice);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "implements[1]");
}

TEST(PeriodPhrase, ReadsAsInThePlansTitles) {
  auto year = movement();
  EXPECT_EQ(period_phrase(year), "năm 2024");
  auto years = movement();
  years.starts_on = d(2021, 1, 1);
  years.ends_on = d(2025, 12, 31);
  EXPECT_EQ(period_phrase(years), "giai đoạn 2021-2025");
}

TEST(MovementCodes, RoundTrip) {
  for (auto kind : {MovementKind::kRegular, MovementKind::kThematic, MovementKind::kByWave, MovementKind::kSpecial}) {
    EXPECT_EQ(movement_kind_from_string(to_string(kind)), kind);
  }
  for (auto level : {MovementLevel::kNational, MovementLevel::kProvince, MovementLevel::kAgency}) {
    EXPECT_EQ(movement_level_from_string(to_string(level)), level);
  }
  EXPECT_FALSE(movement_kind_from_string("district"));
  EXPECT_EQ(vietnamese_label(MovementKind::kByWave), "Theo đợt");
}

}  // namespace
}  // namespace tdkt::domain
