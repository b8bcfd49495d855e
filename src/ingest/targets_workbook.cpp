#include "ingest/targets_workbook.hpp"

#include "excel/xlsx_writer.hpp"

namespace tdkt::ingest {

using excel::CellValue;

Result<std::string> targets_workbook(const app::MovementTargets& targets) {
  excel::XlsxWriter writer;
  auto& sheet = writer.add_sheet(kTargetsSheet);
  const std::vector<double> widths{30, 6, 28, 45, 12, 16, 14, 16, 14, 14, 22};
  for (std::size_t i = 0; i < widths.size(); ++i)
    sheet.set_column_width(static_cast<std::uint16_t>(i), widths[i]);
  const auto columns = static_cast<std::uint16_t>(widths.size());
  sheet.write_title("CHỈ TIÊU THI ĐUA: " + targets.movement.name, columns);
  sheet.write_title("Tình hình thực hiện đến ngày " + targets.as_of.vn() +
                        "; tỷ lệ hoàn thành = thực hiện mới nhất / kế hoạch × 100.",
                    columns);
  sheet.write_header({"Đơn vị", "STT", "Nhóm chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Hạn hoàn thành",
                      "Thực hiện (mới nhất)", "Ngày số liệu", "Tỷ lệ hoàn thành (%)", "Tình trạng"});
  for (const auto& unit : targets.units) {
    for (const auto& view : unit.targets) {
      const auto& progress = view.progress;
      sheet.write_row(
          {CellValue::text(unit.unit.name), CellValue::integer(view.target.position),
           CellValue::text(view.target.group_name), CellValue::text(view.target.indicator),
           CellValue::text(view.target.measure), CellValue::decimal(view.target.plan_value),
           CellValue::date(view.target.due_on),
           progress.latest ? CellValue::decimal(progress.latest->value) : CellValue::empty(),
           progress.latest ? CellValue::date(progress.latest->measured_on) : CellValue::empty(),
           progress.completion ? CellValue::decimal(domain::round_to(*progress.completion, 2)) : CellValue::empty(),
           CellValue::text(std::string(domain::vietnamese_label(progress.status)))});
    }
  }

  auto& values = writer.add_sheet(kTargetValuesSheet);
  values.set_column_width(0, 30).set_column_width(1, 45).set_column_width(2, 14).set_column_width(3, 16);
  values.set_column_width(4, 50);
  values.write_title("SỐ LIỆU THỰC HIỆN THEO NGÀY: " + targets.movement.name, 5);
  values.write_header({"Đơn vị", "Chỉ tiêu", "Ngày số liệu", "Giá trị", "Ghi chú"});
  for (const auto& unit : targets.units) {
    for (const auto& view : unit.targets) {
      for (const auto& measurement : view.measurements) {
        values.write_row({CellValue::text(unit.unit.name), CellValue::text(view.target.indicator),
                          CellValue::date(measurement.measured_on), CellValue::decimal(measurement.value),
                          CellValue::text(measurement.note)});
      }
    }
  }
  return writer.finish();
}

}  // namespace tdkt::ingest
