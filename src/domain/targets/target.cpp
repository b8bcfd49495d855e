#include "domain/targets/target.hpp"

#include <algorithm>
#include <cmath>

#include "domain/text_field.hpp"

namespace tdkt::domain {
namespace {

bool is_percent(const Target& target) {
  return target.measure == kPercentMeasure;
}

// A finite number in [0, limit], kept with two decimals.
Result<double> check_amount(double value, double limit, const char* field, std::string_view what) {
  if (!std::isfinite(value)) return Error::invalid(field, std::string(what) + " không phải là một số.");
  if (value < 0) return Error::invalid(field, std::string(what) + " không được âm.");
  if (value > limit) {
    return Error::invalid(field, limit == 100 ? std::string(what) + " của chỉ tiêu tính bằng % không được quá 100."
                                              : std::string(what) + " quá lớn.");
  }
  return round_to(value, 2);
}

}  // namespace

std::string_view to_string(TargetStatus status) {
  switch (status) {
    case TargetStatus::kNotMeasured: return "not_measured";
    case TargetStatus::kNoPlan: return "no_plan";
    case TargetStatus::kAchieved: return "achieved";
    case TargetStatus::kOnTrack: return "on_track";
    case TargetStatus::kBehind: return "behind";
    case TargetStatus::kOverdue: return "overdue";
  }
  return "not_measured";
}

std::string_view vietnamese_label(TargetStatus status) {
  switch (status) {
    case TargetStatus::kNotMeasured: return "Chưa có số liệu";
    case TargetStatus::kNoPlan: return "Không có kế hoạch để so";
    case TargetStatus::kAchieved: return "Đã đạt";
    case TargetStatus::kOnTrack: return "Đúng tiến độ";
    case TargetStatus::kBehind: return "Chậm tiến độ";
    case TargetStatus::kOverdue: return "Quá hạn, chưa đạt";
  }
  return "Chưa có số liệu";
}

double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

Result<Target> check_target(Target target, CivilDate starts_on, CivilDate ends_on) {
  TDKT_TRY(check_text_field(target.group_name, "group_name", 300, false, "Nhóm chỉ tiêu"));
  TDKT_TRY(check_text_field(target.indicator, "indicator", 500, true, "Tên chỉ tiêu"));
  TDKT_TRY(check_text_field(target.measure, "measure", 50, true, "Đơn vị tính"));
  TDKT_TRY_ASSIGN(target.plan_value, check_amount(target.plan_value, is_percent(target) ? 100 : kMaxTargetValue,
                                                  "plan_value", "Giá trị kế hoạch"));
  if (target.due_on < starts_on || target.due_on > ends_on) {
    return Error::invalid("due_on", "Hạn hoàn thành " + target.due_on.vn() + " nằm ngoài thời gian của phong trào (" +
                                        starts_on.vn() + " – " + ends_on.vn() + ").");
  }
  if (target.position < 0) return Error::invalid("position", "Số thứ tự không được âm.");
  return target;
}

Result<Measurement> check_measurement(Measurement measurement, const Target& target, CivilDate starts_on,
                                      CivilDate ends_on, CivilDate today) {
  TDKT_TRY_ASSIGN(measurement.value, check_amount(measurement.value, is_percent(target) ? 100 : kMaxTargetValue,
                                                  "value", "Giá trị thực hiện"));
  TDKT_TRY(check_text_field(measurement.note, "note", 500, false, "Ghi chú"));
  if (measurement.measured_on < starts_on || measurement.measured_on > ends_on) {
    return Error::invalid("measured_on", "Ngày số liệu " + measurement.measured_on.vn() +
                                             " nằm ngoài thời gian của phong trào (" + starts_on.vn() + " – " +
                                             ends_on.vn() + ").");
  }
  if (measurement.measured_on > today) {
    return Error::invalid("measured_on",
                          "Ngày số liệu " + measurement.measured_on.vn() + " chưa đến; chỉ ghi số liệu đã có.");
  }
  measurement.target = target.id;
  return measurement;
}

std::optional<double> completion(double plan_value, double value) {
  if (plan_value <= 0) return std::nullopt;
  return value / plan_value * 100.0;
}

double elapsed_share(CivilDate starts_on, CivilDate due_on, CivilDate day) {
  const auto total = due_on.days_since_epoch() - starts_on.days_since_epoch() + 1;
  if (total <= 0) return 1.0;
  const auto elapsed = day.days_since_epoch() - starts_on.days_since_epoch() + 1;
  return std::clamp(static_cast<double>(elapsed) / static_cast<double>(total), 0.0, 1.0);
}

Progress progress(const Target& target, const std::vector<Measurement>& measurements, CivilDate starts_on,
                  CivilDate as_of) {
  Progress result;
  for (const auto& measurement : measurements) {
    if (measurement.measured_on > as_of) continue;
    if (!result.latest || result.latest->measured_on < measurement.measured_on) result.latest = measurement;
  }
  const bool past_due = as_of > target.due_on;
  if (!result.latest) {
    result.status = past_due ? TargetStatus::kOverdue : TargetStatus::kNotMeasured;
    return result;
  }
  result.completion = completion(target.plan_value, result.latest->value);
  result.expected = elapsed_share(starts_on, target.due_on, result.latest->measured_on) * 100.0;
  if (!result.completion) {
    result.status = TargetStatus::kNoPlan;
  } else if (result.latest->value >= target.plan_value) {
    result.status = TargetStatus::kAchieved;
  } else if (past_due) {
    result.status = TargetStatus::kOverdue;
  } else if (*result.completion < *result.expected) {
    result.status = TargetStatus::kBehind;
  } else {
    result.status = TargetStatus::kOnTrack;
  }
  return result;
}

ProgressSummary summarise(const std::vector<Progress>& progresses) {
  ProgressSummary summary;
  double sum = 0;
  int counted = 0;
  for (const auto& item : progresses) {
    ++summary.targets;
    switch (item.status) {
      case TargetStatus::kAchieved: ++summary.achieved; break;
      case TargetStatus::kOnTrack: ++summary.on_track; break;
      case TargetStatus::kBehind: ++summary.behind; break;
      case TargetStatus::kOverdue: ++summary.overdue; break;
      case TargetStatus::kNotMeasured: ++summary.not_measured; break;
      case TargetStatus::kNoPlan: ++summary.no_plan; break;
    }
    if (item.completion) {
      sum += std::min(*item.completion, 100.0);
      ++counted;
    }
  }
  if (counted > 0) summary.mean_completion = sum / counted;
  return summary;
}

}  // namespace tdkt::domain
