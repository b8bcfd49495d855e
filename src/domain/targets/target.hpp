#pragma once
// Targets (chỉ tiêu) of a movement for a unit, and their measured values over time: "Giải ngân
// vốn ĐTPT năm 2023: kế hoạch 222.032 triệu đồng, đã giải ngân 26.577,25 (11,97 %)". Counts,
// amounts and percentages alike: a percentage indicator ("100 % văn bản ký số") has plan 100 and
// measure "%". Pure: no I/O, no clock (the day to judge on is passed in).
//
// Completion and status, as the pages show them:
// - completion = latest value / plan × 100, the latest value being the last one measured on or
//   before the day judged on. A plan of 0 gives no completion (undefined: nothing to compare to).
// - expected share at a measurement: the share of the target's time elapsed on the day it was
//   measured, counted in whole days from the movement's first day to the target's due date, both
//   included: measured 30/06/2023 for 01/01/2023 → 31/12/2023 is 181/365 = 49,59 %.
// - status, the first that applies:
//   1. not_measured: no value measured yet (or overdue: the due date has passed without one);
//   2. no_plan: plan 0, so no completion to judge;
//   3. achieved: completion ≥ 100 %;
//   4. overdue: the due date has passed and completion is below 100 %;
//   5. behind: completion below the expected share at the latest measurement;
//   6. on_track: otherwise.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace tdkt::domain {

struct Target {
  TargetId id;
  MovementId movement;
  UnitId unit;
  int position = 0;        // order within the unit's targets of the movement, from 1
  std::string group_name;  // "Giải ngân vốn Chương trình MTQG 1719"; may be empty
  std::string indicator;   // "Giải ngân vốn đầu tư phát triển năm 2023"
  std::string measure;     // unit of measure: "triệu đồng", "nhiệm vụ", "tin, bài", "%"
  double plan_value = 0;   // ≥ 0; 0 when the plan gives no figure
  CivilDate due_on;        // inside the movement's period
};

struct Measurement {
  TargetId target;
  CivilDate measured_on;  // one value per target and day
  double value = 0;       // ≥ 0: the cumulative actual on that day
  std::string note;       // where the figure comes from: "Báo cáo sơ kết 6 tháng đầu năm 2023"
};

enum class TargetStatus { kNotMeasured, kNoPlan, kAchieved, kOnTrack, kBehind, kOverdue };

std::string_view to_string(TargetStatus status);         // "not_measured", "no_plan", "achieved", …
std::string_view vietnamese_label(TargetStatus status);  // "Chưa có số liệu", "Đạt", …

// The measure of a percentage indicator.
inline constexpr std::string_view kPercentMeasure = "%";
// The largest plan or value accepted: a thousand billion (triệu đồng of a province fit well).
inline constexpr double kMaxTargetValue = 1e12;

// Rounds to `decimals` places, halves away from zero: what is stored and compared.
double round_to(double value, int decimals);

// Normalises and checks a target of a movement whose period is [starts_on, ends_on]: required
// text, plan ≥ 0 (at most 100 for a percentage), a due date inside the period. Plans keep two
// decimals. The error names the field.
Result<Target> check_target(Target target, CivilDate starts_on, CivilDate ends_on);

// Checks a measured value: ≥ 0 (at most 100 for a percentage), measured inside the movement's
// period and not after `today`.
Result<Measurement> check_measurement(Measurement measurement, const Target& target, CivilDate starts_on,
                                      CivilDate ends_on, CivilDate today);

// value / plan × 100, or std::nullopt when the plan is 0.
std::optional<double> completion(double plan_value, double value);

// The share (0–1) of [starts_on, due_on] elapsed on `day`, days counted inclusively.
double elapsed_share(CivilDate starts_on, CivilDate due_on, CivilDate day);

struct Progress {
  std::optional<Measurement> latest;  // the last measured on or before the day judged on
  std::optional<double> completion;   // percent
  std::optional<double> expected;     // percent of the period elapsed at the latest measurement
  TargetStatus status = TargetStatus::kNotMeasured;
};

// The progress of `target` on `as_of`, from its measurements (any order) and the first day of
// its movement.
Progress progress(const Target& target, const std::vector<Measurement>& measurements, CivilDate starts_on,
                  CivilDate as_of);

// Per unit: how many targets, how many achieved, behind, overdue, not measured, and the mean
// completion over the targets that have one, each capped at 100 % so that one target far above
// plan does not hide others below it.
struct ProgressSummary {
  int targets = 0;
  int achieved = 0;
  int on_track = 0;
  int behind = 0;
  int overdue = 0;
  int not_measured = 0;
  int no_plan = 0;
  std::optional<double> mean_completion;
};

ProgressSummary summarise(const std::vector<Progress>& progresses);

}  // namespace tdkt::domain
