// Targets: completion, the expected share of the period, status, and the checks of a target and
// of a measured value, on the figures of seed 004 (Ban Dân tộc Bình Phước, first half of 2023).

#include "domain/targets/target.hpp"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

CivilDate day(const char* iso) {
  return *CivilDate::parse_iso(iso);
}

const CivilDate kStart = day("2023-01-01");
const CivilDate kEnd = day("2023-12-31");

Target disbursement(double plan) {
  Target target;
  target.id = TargetId{1};
  target.movement = MovementId{1};
  target.unit = UnitId{1};
  target.group_name = "Giải ngân vốn Chương trình MTQG 1719";
  target.indicator = "Giải ngân vốn năm 2022 (tổng)";
  target.measure = "triệu đồng";
  target.plan_value = plan;
  target.due_on = kEnd;
  return target;
}

Measurement value(const char* on, double amount) {
  return {TargetId{1}, day(on), amount, ""};
}

TEST(TargetCompletion, IsTheLatestValueOverThePlan) {
  // 124.249,27 triệu đồng of a plan derived as 216.613: the report's 57,36 %.
  auto target = disbursement(216613);
  auto result =
      progress(target, {value("2023-03-31", 50000), value("2023-06-30", 124249.27)}, kStart, day("2023-07-15"));
  ASSERT_TRUE(result.completion);
  EXPECT_NEAR(*result.completion, 57.36, 0.005);
  EXPECT_DOUBLE_EQ(result.latest->value, 124249.27);
  EXPECT_EQ(result.latest->measured_on, day("2023-06-30"));
}

TEST(TargetCompletion, IgnoresValuesMeasuredAfterTheDayJudgedOn) {
  auto target = disbursement(100);
  auto result = progress(target, {value("2023-06-30", 80), value("2023-03-31", 20)}, kStart, day("2023-05-01"));
  ASSERT_TRUE(result.latest);
  EXPECT_EQ(result.latest->measured_on, day("2023-03-31"));
  EXPECT_DOUBLE_EQ(*result.completion, 20);
}

TEST(TargetCompletion, IsUndefinedForAPlanOfZero) {
  EXPECT_FALSE(completion(0, 152));
  auto target = disbursement(0);
  target.measure = "tin, bài";
  auto result = progress(target, {value("2023-06-30", 152)}, kStart, day("2023-07-01"));
  EXPECT_FALSE(result.completion);
  EXPECT_EQ(result.status, TargetStatus::kNoPlan);
}

TEST(TargetElapsedShare, CountsWholeDaysBothEndsIncluded) {
  EXPECT_NEAR(elapsed_share(kStart, kEnd, day("2023-06-30")), 181.0 / 365.0, 1e-12);
  EXPECT_DOUBLE_EQ(elapsed_share(kStart, kEnd, day("2023-12-31")), 1.0);
  EXPECT_DOUBLE_EQ(elapsed_share(kStart, kEnd, day("2022-12-31")), 0.0);
  EXPECT_DOUBLE_EQ(elapsed_share(kStart, kEnd, day("2024-03-01")), 1.0);
}

TEST(TargetStatus, FollowsTheDocumentedOrder) {
  auto target = disbursement(100);
  const auto mid = day("2023-07-15");
  // Nothing measured: not measured until the due date, overdue after it.
  EXPECT_EQ(progress(target, {}, kStart, mid).status, TargetStatus::kNotMeasured);
  EXPECT_EQ(progress(target, {}, kStart, day("2024-01-01")).status, TargetStatus::kOverdue);
  // 30/06 is 49,59 % of the year: 50 % is on track, 49 % behind.
  EXPECT_EQ(progress(target, {value("2023-06-30", 50)}, kStart, mid).status, TargetStatus::kOnTrack);
  EXPECT_EQ(progress(target, {value("2023-06-30", 49)}, kStart, mid).status, TargetStatus::kBehind);
  EXPECT_NEAR(*progress(target, {value("2023-06-30", 49)}, kStart, mid).expected, 49.59, 0.005);
  // Reaching the plan is achieved, even after the due date; falling short after it is overdue.
  EXPECT_EQ(progress(target, {value("2023-06-30", 100)}, kStart, mid).status, TargetStatus::kAchieved);
  EXPECT_EQ(progress(target, {value("2023-12-31", 100)}, kStart, day("2024-02-01")).status, TargetStatus::kAchieved);
  EXPECT_EQ(progress(target, {value("2023-12-31", 99)}, kStart, day("2024-02-01")).status, TargetStatus::kOverdue);
}

TEST(TargetStatus, SeedFiguresOnTheReportDay) {
  const auto report_day = day("2023-07-15");
  // 06/07 tasks: 85,71 %, ahead of the 49,59 % of the year elapsed.
  auto tasks = disbursement(7);
  tasks.measure = "nhiệm vụ";
  auto done = progress(tasks, {value("2023-06-30", 6)}, kStart, report_day);
  EXPECT_NEAR(*done.completion, 85.71, 0.005);
  EXPECT_EQ(done.status, TargetStatus::kOnTrack);
  // 100 % of documents signed digitally: a percentage indicator with plan 100.
  auto signed_share = disbursement(100);
  signed_share.measure = "%";
  EXPECT_EQ(progress(signed_share, {value("2023-06-30", 100)}, kStart, report_day).status, TargetStatus::kAchieved);
  // 2023 disbursement: 8,34 % by the end of June is behind.
  EXPECT_EQ(progress(disbursement(330954), {value("2023-06-30", 27601.55)}, kStart, report_day).status,
            TargetStatus::kBehind);
}

TEST(TargetSummary, CountsStatusesAndCapsTheMeanAtOneHundred) {
  std::vector<Progress> progresses(4);
  progresses[0].status = TargetStatus::kAchieved;
  progresses[0].completion = 250;
  progresses[1].status = TargetStatus::kBehind;
  progresses[1].completion = 20;
  progresses[2].status = TargetStatus::kNotMeasured;
  progresses[3].status = TargetStatus::kNoPlan;
  const auto summary = summarise(progresses);
  EXPECT_EQ(summary.targets, 4);
  EXPECT_EQ(summary.achieved, 1);
  EXPECT_EQ(summary.behind, 1);
  EXPECT_EQ(summary.not_measured, 1);
  EXPECT_EQ(summary.no_plan, 1);
  ASSERT_TRUE(summary.mean_completion);
  EXPECT_DOUBLE_EQ(*summary.mean_completion, 60);  // (100 + 20) / 2
  EXPECT_FALSE(summarise({}).mean_completion);
}

TEST(TargetCheck, RefusesANegativePlanAndADueDateOutsideThePeriod) {
  auto negative = check_target(disbursement(-1), kStart, kEnd);
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().field, "plan_value");
  EXPECT_NE(negative.error().message.find("không được âm"), std::string::npos);

  auto late = disbursement(10);
  late.due_on = day("2024-01-31");
  auto refused = check_target(late, kStart, kEnd);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "due_on");

  auto percent = disbursement(120);
  percent.measure = "%";
  EXPECT_EQ(check_target(percent, kStart, kEnd).error().field, "plan_value");

  auto blank = disbursement(10);
  blank.indicator = "   ";
  EXPECT_EQ(check_target(blank, kStart, kEnd).error().field, "indicator");
}

TEST(TargetCheck, KeepsTwoDecimalsAndNormalisesText) {
  auto target = disbursement(216613.0949);
  target.indicator = "  Giải ngân   vốn  ";
  auto checked = check_target(target, kStart, kEnd);
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_DOUBLE_EQ(checked->plan_value, 216613.09);
  EXPECT_EQ(checked->indicator, "Giải ngân vốn");
}

TEST(MeasurementCheck, RefusesNegativeValuesAndDaysOutsideThePeriodOrToCome) {
  const auto target = disbursement(100);
  const auto today = day("2023-08-01");
  auto negative = check_measurement(value("2023-06-30", -5), target, kStart, kEnd, today);
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().field, "value");
  auto before = check_measurement(value("2022-12-31", 5), target, kStart, kEnd, today);
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().field, "measured_on");
  EXPECT_NE(before.error().message.find("nằm ngoài thời gian"), std::string::npos);
  auto future = check_measurement(value("2023-09-30", 5), target, kStart, kEnd, today);
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().field, "measured_on");
  EXPECT_TRUE(check_measurement(value("2023-06-30", 124249.27), target, kStart, kEnd, today));

  auto percent = disbursement(100);
  percent.measure = "%";
  EXPECT_FALSE(check_measurement(value("2023-06-30", 101), percent, kStart, kEnd, today));
}

}  // namespace
}  // namespace tdkt::domain
