#include "domain/complaints/complaint.hpp"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

CivilDate d(int y, unsigned m, unsigned day) {
  return *CivilDate::from_ymd(y, m, day);
}

ComplaintDeadlineRule complaint_rule() {
  ComplaintDeadlineRule rule;
  rule.kind = ComplaintKind::kComplaint;
  rule.days = 30;
  rule.complex_days = 45;
  rule.remote_days = 45;
  rule.remote_complex_days = 60;
  rule.citation = "Luật Khiếu nại 2011, Điều 28";
  return rule;
}

Complaint received(CivilDate on) {
  Complaint complaint;
  complaint.received_on = on;
  complaint.from_name = "  Nguyễn  Văn A ";
  complaint.about = "Quyết định khen thưởng năm 2023";
  return complaint;
}

TEST(ComplaintDeadline, CountsFromAcceptanceWithComplexAndRemoteCases) {
  const auto rule = complaint_rule();
  auto complaint = received(d(2023, 3, 1));
  EXPECT_EQ(rule_deadline(rule, complaint), d(2023, 3, 31));  // from receipt while not accepted
  complaint.accepted_on = d(2023, 3, 10);
  EXPECT_EQ(rule_deadline(rule, complaint), d(2023, 4, 9));
  complaint.complex = true;
  EXPECT_EQ(rule_deadline(rule, complaint), d(2023, 4, 24));
  complaint.remote_area = true;
  EXPECT_EQ(rule_deadline(rule, complaint), d(2023, 5, 9));
  complaint.complex = false;
  EXPECT_EQ(rule_deadline(rule, complaint), d(2023, 4, 24));
  EXPECT_NE(rule.describe(false, true).find("45 ngày"), std::string::npos);
  EXPECT_NE(rule.describe(false, true).find("Điều 28"), std::string::npos);
}

TEST(CheckComplaint, TakesTheRuleDeadlineAndNormalisesText) {
  auto checked = check_complaint(received(d(2023, 3, 1)), d(2023, 6, 1), d(2023, 3, 31));
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(checked->deadline, d(2023, 3, 31));
  EXPECT_EQ(checked->from_name, "Nguyễn Văn A");
}

TEST(CheckComplaint, AnotherDeadlineNeedsAReason) {
  auto complaint = received(d(2023, 3, 1));
  complaint.deadline = d(2023, 4, 30);
  auto refused = check_complaint(complaint, d(2023, 6, 1), d(2023, 3, 31));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "deadline_reason");
  EXPECT_NE(refused.error().message.find("31/03/2023"), std::string::npos);
  complaint.deadline_reason = "Gia hạn do vụ việc đặc biệt phức tạp";
  auto accepted = check_complaint(complaint, d(2023, 6, 1), d(2023, 3, 31));
  ASSERT_TRUE(accepted) << accepted.error().message;
  EXPECT_EQ(accepted->deadline, d(2023, 4, 30));
}

TEST(CheckComplaint, RefusesFutureReceiptAcceptanceBeforeReceiptAndMissingNames) {
  auto future = check_complaint(received(d(2023, 7, 1)), d(2023, 6, 1), d(2023, 7, 31));
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().field, "received_on");

  auto early = received(d(2023, 3, 1));
  early.accepted_on = d(2023, 2, 20);
  auto refused = check_complaint(early, d(2023, 6, 1), d(2023, 3, 22));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "accepted_on");

  auto nameless = received(d(2023, 3, 1));
  nameless.from_name = "  ";
  refused = check_complaint(nameless, d(2023, 6, 1), d(2023, 3, 31));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "from_name");

  auto channel = received(d(2023, 3, 1));
  channel.channel = "fax";
  refused = check_complaint(channel, d(2023, 6, 1), d(2023, 3, 31));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "channel");
}

TEST(ComplaintLifecycle, AnswerBeforeReceiptAndClosingWithoutAnswerAreRefused) {
  auto complaint = received(d(2023, 3, 1));
  complaint.deadline = d(2023, 3, 31);
  std::string answer = "Đã xem xét, giữ nguyên quyết định.";
  auto refused = check_answer(complaint, d(2023, 2, 28), answer, d(2023, 6, 1));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "answered_on");
  std::string blank = " ";
  refused = check_answer(complaint, d(2023, 3, 20), blank, d(2023, 6, 1));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "answer");
  refused = check_answer(complaint, d(2023, 6, 2), answer, d(2023, 6, 1));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "answered_on");

  auto closing = check_close(complaint, d(2023, 4, 1), d(2023, 6, 1));
  ASSERT_FALSE(closing);
  EXPECT_EQ(closing.error().code, ErrorCode::kConflict);
  EXPECT_EQ(closing.error().field, "answer");

  ASSERT_TRUE(check_answer(complaint, d(2023, 3, 20), answer, d(2023, 6, 1)));
  complaint.answered_on = d(2023, 3, 20);
  complaint.status = ComplaintStatus::kAnswered;
  closing = check_close(complaint, d(2023, 3, 19), d(2023, 6, 1));
  ASSERT_FALSE(closing);
  EXPECT_EQ(closing.error().field, "closed_on");
  EXPECT_TRUE(check_close(complaint, d(2023, 3, 25), d(2023, 6, 1)));
  // Answered: neither assigned again nor answered twice nor withdrawn.
  EXPECT_FALSE(check_assign(complaint, d(2023, 3, 21), d(2023, 6, 1)));
  EXPECT_FALSE(check_answer(complaint, d(2023, 3, 21), answer, d(2023, 6, 1)));
  EXPECT_FALSE(check_withdraw(complaint));
}

TEST(ComplaintOverdue, OnlyOpenComplaintsPastTheirDeadline) {
  auto complaint = received(d(2023, 3, 1));
  complaint.deadline = d(2023, 3, 31);
  EXPECT_FALSE(overdue(complaint, d(2023, 3, 31)));  // the deadline day itself is still in time
  EXPECT_TRUE(overdue(complaint, d(2023, 4, 1)));
  complaint.status = ComplaintStatus::kAssigned;
  EXPECT_TRUE(overdue(complaint, d(2023, 4, 1)));
  complaint.status = ComplaintStatus::kAnswered;
  complaint.answered_on = d(2023, 4, 5);
  EXPECT_FALSE(overdue(complaint, d(2023, 5, 1)));
  complaint.status = ComplaintStatus::kWithdrawn;
  complaint.answered_on.reset();
  EXPECT_FALSE(overdue(complaint, d(2023, 5, 1)));
}

TEST(ComplaintCodes, RoundTripAndLabels) {
  for (const auto status : {ComplaintStatus::kReceived, ComplaintStatus::kAssigned, ComplaintStatus::kAnswered,
                            ComplaintStatus::kClosed, ComplaintStatus::kWithdrawn}) {
    EXPECT_EQ(complaint_status_from_string(to_string(status)), status);
    EXPECT_FALSE(vietnamese_label(status).empty());
  }
  EXPECT_EQ(complaint_kind_from_string("denunciation"), ComplaintKind::kDenunciation);
  EXPECT_FALSE(complaint_kind_from_string("khieu_nai"));
  EXPECT_EQ(vietnamese_label(ComplaintKind::kDenunciation), "Tố cáo");
}

}  // namespace
}  // namespace tdkt::domain
