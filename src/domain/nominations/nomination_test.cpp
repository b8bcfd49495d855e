#include "domain/nominations/nomination.hpp"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

TEST(Nomination, StatusesRoundTripWithVietnameseLabels) {
  for (const auto status : {NominationStatus::kProposed, NominationStatus::kWithdrawn, NominationStatus::kInReview,
                            NominationStatus::kApproved, NominationStatus::kRejected, NominationStatus::kProposedUp,
                            NominationStatus::kDecided, NominationStatus::kNotGranted}) {
    EXPECT_EQ(nomination_status_from_string(to_string(status)), status);
    EXPECT_FALSE(vietnamese_label(status).empty());
  }
  EXPECT_EQ(to_string(NominationStatus::kInReview), "in_review");
  EXPECT_EQ(to_string(NominationStatus::kNotGranted), "not_granted");
  EXPECT_FALSE(nomination_status_from_string("pending"));
  EXPECT_EQ(review_status_from_string("closed"), ReviewStatus::kClosed);
  EXPECT_FALSE(review_status_from_string("open "));
}

TEST(Nomination, OnlyAnEligibleVerdictGoesForwardWithoutJustification) {
  EXPECT_FALSE(needs_justification("eligible"));
  EXPECT_TRUE(needs_justification("ineligible"));
  EXPECT_TRUE(needs_justification("insufficient_data"));
}

TEST(Nomination, TextsAreNormalisedAndLimited) {
  Nomination nomination;
  nomination.year = 2026;
  nomination.achievement = "  Hoàn thành   xuất sắc \n\n  nhiệm vụ  ";
  nomination.justification = " \n ";
  ASSERT_TRUE(check_nomination(nomination, 2026));
  EXPECT_EQ(nomination.achievement, "Hoàn thành xuất sắc\nnhiệm vụ");
  EXPECT_EQ(nomination.justification, "");
  nomination.justification = std::string(kMaxNominationText + 1, 'a');
  auto long_text = check_nomination(nomination, 2026);
  ASSERT_FALSE(long_text);
  EXPECT_EQ(long_text.error().field, "justification");
  nomination.justification.clear();
  nomination.year = 2028;
  auto future = check_nomination(nomination, 2026);
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().field, "year");
}

TEST(Nomination, WithdrawGatherAndRemoveFollowTheStatus) {
  Review review;
  review.id = ReviewId{1};
  review.year = 2026;
  review.name = "Xét 2026";
  Nomination nomination;
  nomination.id = NominationId{5};
  nomination.year = 2026;
  EXPECT_TRUE(can_withdraw(nomination));
  EXPECT_TRUE(can_gather(nomination, review));
  auto not_in = can_remove(nomination, review);
  ASSERT_FALSE(not_in);
  EXPECT_EQ(not_in.error().code, ErrorCode::kNotFound);

  nomination.review = review.id;
  nomination.status = NominationStatus::kInReview;
  EXPECT_EQ(can_gather(nomination, review).error().code, ErrorCode::kConflict);
  EXPECT_TRUE(can_remove(nomination, review));
  EXPECT_TRUE(can_withdraw(nomination));

  nomination.status = NominationStatus::kApproved;
  EXPECT_FALSE(can_withdraw(nomination));
  EXPECT_FALSE(can_remove(nomination, review));

  Nomination other_year;
  other_year.id = NominationId{6};
  other_year.year = 2025;
  auto wrong_year = can_gather(other_year, review);
  ASSERT_FALSE(wrong_year);
  EXPECT_NE(wrong_year.error().message.find("2025"), std::string::npos);

  review.status = ReviewStatus::kClosed;
  nomination.review.reset();
  nomination.status = NominationStatus::kProposed;
  EXPECT_EQ(can_gather(nomination, review).error().field, "review_id");
}

TEST(Nomination, ReviewsNeedANameAndADecisionDateInTheYear) {
  Review review;
  review.year = 2026;
  review.name = "  Xét khen thưởng   năm 2026 ";
  review.decision_date = *CivilDate::from_ymd(2026, 12, 20);
  ASSERT_TRUE(check_review(review, 2026));
  EXPECT_EQ(review.name, "Xét khen thưởng năm 2026");
  review.decision_date = *CivilDate::from_ymd(2025, 12, 31);
  EXPECT_EQ(check_review(review, 2026).error().field, "decision_date");
  review.decision_date = *CivilDate::from_ymd(2027, 1, 15);
  review.name = " ";
  EXPECT_EQ(check_review(review, 2026).error().field, "name");
}

TEST(Nomination, ReasonsAreStoredAsJsonAndTheFirstFailingOneIsCited) {
  std::vector<VerdictReason> reasons{
      {"LDTT.rating", "Điều 24 khoản 1", "Xếp loại \"HTTNV\"", "met", false, false, {}},
      {"LDTT.any",
       "",
       "Một trong",
       "unmet",
       false,
       true,
       {{"LDTT.months", "Điều 5 \"khoản\" 2", "Làm việc\n10 tháng", "unmet", false, false, {}}}},
  };
  const auto json = reasons_json(reasons);
  EXPECT_EQ(json,
            "[{\"rule\":\"LDTT.rating\",\"citation\":\"Điều 24 khoản 1\",\"text\":\"Xếp loại \\\"HTTNV\\\"\","
            "\"outcome\":\"met\",\"met\":true,\"guard\":false,\"unverified\":false,\"details\":[]},"
            "{\"rule\":\"LDTT.any\",\"citation\":\"\",\"text\":\"Một trong\",\"outcome\":\"unmet\",\"met\":false,"
            "\"guard\":false,\"unverified\":true,\"details\":[{\"rule\":\"LDTT.months\",\"citation\":\"Điều 5 "
            "\\\"khoản\\\" 2\",\"text\":\"Làm việc\\n10 tháng\",\"outcome\":\"unmet\",\"met\":false,\"guard\":false,"
            "\"unverified\":false,\"details\":[]}]}]");
  const auto* failing = first_failing(reasons);
  ASSERT_NE(failing, nullptr);
  EXPECT_EQ(failing->rule, "LDTT.months");  // the uncited group gives way to its cited clause
  reasons.pop_back();
  EXPECT_EQ(first_failing(reasons), nullptr);
  EXPECT_EQ(reasons_json({}), "[]");
}

}  // namespace
}  // namespace tdkt::domain
