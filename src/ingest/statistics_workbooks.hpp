#pragma once
// Excel workbooks of the statistics (issue 7 point 3): the breakdowns of grants, registrations
// against grants and the targets' completion; and a statistical form of the Ministry of Home
// Affairs filled in, in the layout of the form.

#include <string>

#include "app/statistics_service.hpp"

namespace tdkt::ingest {

// A sheet per breakdown ("Theo năm", "Theo cấp", …), then "Đăng ký - khen thưởng" and "Chỉ tiêu".
Result<std::string> statistics_workbook(const app::Statistics& statistics);

// One sheet "Biểu …": the form's header (số hiệu, căn cứ, đơn vị báo cáo, ngày nhận báo cáo), its
// title and year, a header row (A: chỉ tiêu, B: mã số, C: đơn vị tính, 1: tổng số, then the
// columns with their numbers), a row per line of the form, and the notes of the lines the records
// cannot count; then the signatures.
Result<std::string> statistical_form_workbook(const app::FilledStatisticalForm& filled);

}  // namespace tdkt::ingest
