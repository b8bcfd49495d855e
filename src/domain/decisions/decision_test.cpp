#include "domain/decisions/decision.hpp"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

DecisionEntry entry(std::int64_t person, const std::string& honour, int year, bool granted = true) {
  DecisionEntry out;
  out.subject = {rules::SubjectKind::kPerson, person};
  out.honour = honour;
  out.year = year;
  out.granted = granted;
  out.subject_name = "Cá nhân " + std::to_string(person);
  return out;
}

TEST(OwnAuthority, AgencyHonourPasses) {
  EXPECT_TRUE(check_own_authority({"LDTT", "Lao động tiên tiến", "agency", "Thủ trưởng cơ quan", "Điều 80"}, "x"));
}

TEST(OwnAuthority, ProvincialHonourIsRefusedNamingTheAuthorityAndArticle) {
  const auto status = check_own_authority(
      {"BK_TINH", "Bằng khen của Chủ tịch UBND tỉnh", "province", "Chủ tịch UBND tỉnh", "Luật TĐKT Điều 79"},
      "entries[2]");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().field, "entries[2]");
  EXPECT_NE(status.error().message.find(
                "Bằng khen của Chủ tịch UBND tỉnh thuộc thẩm quyền Chủ tịch UBND tỉnh (Luật TĐKT Điều 79)"),
            std::string::npos)
      << status.error().message;
}

TEST(DoubleGrant, TwiceInTheSameDecisionIsRefused) {
  const std::vector<DecisionEntry> entries{entry(1, "LDTT", 2026), entry(2, "LDTT", 2026), entry(1, "LDTT", 2026)};
  const auto status = check_no_double_grant(entries, {});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  EXPECT_EQ(status.error().field, "entries[2]");
  EXPECT_NE(status.error().message.find("dòng 1"), std::string::npos) << status.error().message;
}

TEST(DoubleGrant, SameSubjectOtherHonourOrYearOrNotGrantedPasses) {
  const std::vector<DecisionEntry> entries{entry(1, "LDTT", 2026), entry(1, "CSTDCS", 2026), entry(1, "LDTT", 2025),
                                           entry(1, "LDTT", 2026, false)};
  EXPECT_TRUE(check_no_double_grant(entries, {}));
}

TEST(DoubleGrant, AlreadyStoredGrantIsRefusedWithItsDecision) {
  const std::vector<DecisionEntry> entries{entry(1, "CSTDCS", 2026), entry(7, "LDTT", 2023)};
  GrantRecord stored;
  stored.subject = {rules::SubjectKind::kPerson, 7};
  stored.honour = "LDTT";
  stored.year = 2023;
  stored.decision_number = "20/QĐ-BDT";
  stored.decision_date = CivilDate::from_ymd(2023, 12, 20);
  GrantRecord other_year = stored;
  other_year.year = 2022;
  const auto status = check_no_double_grant(entries, {{}, {other_year, stored}});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().field, "entries[1]");
  EXPECT_NE(status.error().message.find("20/QĐ-BDT ngày 20/12/2023"), std::string::npos) << status.error().message;
  EXPECT_TRUE(check_no_double_grant(entries, {{}, {other_year}}));
}

TEST(Report, ConfirmingNeedsTheAchievements) {
  AchievementReport report;
  report.name = "  Nguyễn  Văn A ";
  EXPECT_TRUE(check_report(report, false));
  EXPECT_EQ(check_report(report, false)->name, "Nguyễn Văn A");
  const auto refused = check_report(report, true);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "achievements");
  report.achievements = "Hoàn thành xuất sắc nhiệm vụ.";
  EXPECT_TRUE(check_report(report, true));
}

TEST(Report, NameIsRequired) {
  AchievementReport report;
  const auto refused = check_report(report, false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "name");
}

TEST(GrantOf, CarriesTheDecision) {
  auto source = entry(3, "CSTDCS", 2026);
  source.grant_type = GrantType::kMerit;
  const auto grant = grant_of(source, "12/QĐ-BDT", *CivilDate::from_ymd(2026, 12, 20), "Trưởng ban");
  EXPECT_EQ(grant.source, GrantSource::kDecided);
  EXPECT_EQ(grant.decision_number, "12/QĐ-BDT");
  EXPECT_EQ(grant.subject.id, 3);
  EXPECT_EQ(grant.year, 2026);
  EXPECT_EQ(grant.authority, "Trưởng ban");
}

TEST(Names, RoundTrip) {
  for (auto status : {ProposalStatus::kDraft, ProposalStatus::kSubmitted, ProposalStatus::kDecided})
    EXPECT_EQ(proposal_status_from_string(to_string(status)), status);
  EXPECT_EQ(decision_kind_from_string("higher"), DecisionKind::kHigher);
  EXPECT_FALSE(decision_status_from_string("bogus"));
  EXPECT_EQ(report_status_from_string("confirmed"), ReportStatus::kConfirmed);
}

}  // namespace
}  // namespace tdkt::domain
