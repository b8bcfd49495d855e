#pragma once
// The targets of a movement as an Excel workbook: one row per target, grouped by unit, with plan,
// latest actual, completion and status; then every measured value by date.

#include <string>

#include "app/target_service.hpp"

namespace tdkt::ingest {

inline constexpr const char* kTargetsSheet = "Chỉ tiêu";
inline constexpr const char* kTargetValuesSheet = "Số liệu theo ngày";

// Columns of the first sheet, from A.
inline constexpr int kTargetColumnUnit = 0;
inline constexpr int kTargetColumnIndicator = 3;
inline constexpr int kTargetColumnPlan = 5;
inline constexpr int kTargetColumnActual = 7;
inline constexpr int kTargetColumnCompletion = 9;
inline constexpr int kTargetColumnStatus = 10;

Result<std::string> targets_workbook(const app::MovementTargets& targets);

}  // namespace tdkt::ingest
