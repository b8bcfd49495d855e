#include "domain/campaigns/campaign.hpp"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

CivilDate day(const char* iso) {
  return *CivilDate::parse_iso(iso);
}

const std::vector<HonourInfo> kDirectory{
    {"LDTT", "Lao động tiên tiến", true, false},
    {"CSTDCS", "Chiến sĩ thi đua cơ sở", true, false},
    {"TTLDTT", "Tập thể lao động tiên tiến", false, true},
    {"GK", "Giấy khen", true, true},
};

Movement movement_2023() {
  Movement movement;
  movement.id = MovementId{1};
  movement.name = "Thi đua thực hiện thắng lợi nhiệm vụ năm 2023";
  movement.starts_on = day("2023-01-01");
  movement.ends_on = day("2023-12-31");
  return movement;
}

Campaign campaign_2023() {
  Campaign campaign;
  campaign.id = CampaignId{7};
  campaign.movement = MovementId{1};
  campaign.year = 2023;
  campaign.deadline = day("2023-02-28");
  campaign.honours = {"LDTT", "TTLDTT", "GK"};
  campaign.units = {{UnitId{1}, std::nullopt, {}}, {UnitId{2}, std::nullopt, {}}};
  return campaign;
}

TEST(Campaign, ACampaignWithinItsMovementIsAccepted) {
  auto checked = check_campaign(campaign_2023(), movement_2023(), kDirectory);
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(checked->closes_on(), day("2023-02-28"));
}

TEST(Campaign, RefusesAYearOrDeadlineOutsideTheMovement) {
  auto campaign = campaign_2023();
  campaign.year = 2024;
  auto refused = check_campaign(campaign, movement_2023(), kDirectory);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "year");

  campaign = campaign_2023();
  campaign.deadline = day("2022-12-31");
  refused = check_campaign(campaign, movement_2023(), kDirectory);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "deadline");
  EXPECT_NE(refused.error().message.find("31/12/2022"), std::string::npos) << refused.error().message;
}

TEST(Campaign, RefusesNoHonourAnUnknownOneATwiceChosenOneAndNoUnit) {
  auto campaign = campaign_2023();
  campaign.honours.clear();
  EXPECT_EQ(check_campaign(campaign, movement_2023(), kDirectory).error().field, "honours");
  campaign.honours = {"LDTT", "KHONG_CO"};
  EXPECT_EQ(check_campaign(campaign, movement_2023(), kDirectory).error().field, "honours[1]");
  campaign.honours = {"LDTT", "LDTT"};
  EXPECT_EQ(check_campaign(campaign, movement_2023(), kDirectory).error().field, "honours[1]");
  campaign = campaign_2023();
  campaign.units.clear();
  EXPECT_EQ(check_campaign(campaign, movement_2023(), kDirectory).error().field, "unit_ids");
  campaign.units = {{UnitId{3}, std::nullopt, {}}, {UnitId{3}, std::nullopt, {}}};
  EXPECT_EQ(check_campaign(campaign, movement_2023(), kDirectory).error().field, "unit_ids[1]");
}

TEST(Campaign, AReopeningFallsAfterTheDeadlineAndWithinTheMovement) {
  auto campaign = campaign_2023();
  campaign.reopened_until = day("2023-02-28");
  EXPECT_EQ(check_campaign(campaign, movement_2023(), kDirectory).error().field, "reopened_until");
  campaign.reopened_until = day("2024-01-15");
  EXPECT_EQ(check_campaign(campaign, movement_2023(), kDirectory).error().field, "reopened_until");
  campaign.reopened_until = day("2023-03-15");
  auto checked = check_campaign(campaign, movement_2023(), kDirectory);
  ASSERT_TRUE(checked);
  EXPECT_EQ(checked->closes_on(), day("2023-03-15"));
}

TEST(Campaign, ARegistrationAfterTheDeadlineIsRefusedWithTheReasonUntilReopened) {
  auto campaign = campaign_2023();
  EXPECT_TRUE(accepts_registration(campaign, day("2023-02-28")));
  auto late = accepts_registration(campaign, day("2023-03-01"));
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_EQ(late.error().field, "deadline");
  EXPECT_EQ(late.error().message,
            "Hạn đăng ký là 28/02/2023; đợt đăng ký đã đóng từ ngày 01/03/2023. Cán bộ thi đua - khen thưởng có thể "
            "mở lại đăng ký đến một ngày mới.");

  campaign.reopened_until = day("2023-03-10");
  EXPECT_TRUE(accepts_registration(campaign, day("2023-03-01")));
  EXPECT_TRUE(accepts_registration(campaign, day("2023-03-10")));
  auto after = accepts_registration(campaign, day("2023-03-11"));
  ASSERT_FALSE(after);
  EXPECT_NE(after.error().message.find("đã mở lại đến 10/03/2023"), std::string::npos) << after.error().message;

  campaign.consolidated_on = day("2023-03-05");
  auto frozen = accepts_registration(campaign, day("2023-03-06"));
  ASSERT_FALSE(frozen);
  EXPECT_NE(frozen.error().message.find("đã được tổng hợp"), std::string::npos) << frozen.error().message;
}

TEST(Campaign, AConsolidatedUnitIsClosed) {
  CampaignUnit unit{UnitId{2}, std::nullopt, {}};
  EXPECT_TRUE(unit_open(unit, "Văn phòng"));
  unit.consolidated_on = day("2023-02-27");
  auto closed = unit_open(unit, "Văn phòng");
  ASSERT_FALSE(closed);
  EXPECT_NE(closed.error().message.find("\"Văn phòng\" đã được xác nhận tổng hợp ngày 27/02/2023"), std::string::npos);
}

TEST(Campaign, PersonsAimForPersonHonoursAndUnitsForCollectiveOnes) {
  const auto campaign = campaign_2023();
  EXPECT_TRUE(check_registration_honour(campaign, kDirectory, rules::SubjectKind::kPerson, "LDTT"));
  EXPECT_TRUE(check_registration_honour(campaign, kDirectory, rules::SubjectKind::kUnit, "TTLDTT"));
  EXPECT_TRUE(check_registration_honour(campaign, kDirectory, rules::SubjectKind::kPerson, "GK"));
  EXPECT_TRUE(check_registration_honour(campaign, kDirectory, rules::SubjectKind::kUnit, "GK"));
  auto person_for_unit_honour = check_registration_honour(campaign, kDirectory, rules::SubjectKind::kPerson, "TTLDTT");
  ASSERT_FALSE(person_for_unit_honour);
  EXPECT_NE(person_for_unit_honour.error().message.find("dành cho tập thể"), std::string::npos);
  auto unit_for_person_honour = check_registration_honour(campaign, kDirectory, rules::SubjectKind::kUnit, "LDTT");
  ASSERT_FALSE(unit_for_person_honour);
  EXPECT_NE(unit_for_person_honour.error().message.find("dành cho cá nhân"), std::string::npos);
  // CSTĐCS is a known honour, but not one of this campaign's.
  auto not_offered = check_registration_honour(campaign, kDirectory, rules::SubjectKind::kPerson, "CSTDCS");
  ASSERT_FALSE(not_offered);
  EXPECT_EQ(not_offered.error().field, "honour");
}

TEST(Campaign, RegistrationSourcesRoundTrip) {
  for (auto source : {RegistrationSource::kEntered, RegistrationSource::kImported}) {
    EXPECT_EQ(registration_source_from_string(to_string(source)), source);
  }
  EXPECT_FALSE(registration_source_from_string("decided"));
}

}  // namespace
}  // namespace tdkt::domain
