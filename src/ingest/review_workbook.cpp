#include "ingest/review_workbook.hpp"

#include "excel/xlsx_writer.hpp"

namespace tdkt::ingest {
namespace {

using excel::CellValue;

CellValue text_or_empty(const std::string& value) {
  return value.empty() ? CellValue::empty() : CellValue::text(value);
}

}  // namespace

Result<std::string> review_workbook(const std::string& title, const std::string& subtitle,
                                    const std::vector<ReviewListRow>& rows) {
  excel::XlsxWriter writer;
  auto& sheet = writer.add_sheet("Danh sách");
  const std::vector<std::string> headers{
      "STT",   "Họ tên / Tập thể",   "Cá nhân / Tập thể", "Đơn vị đề nghị", "Danh hiệu, hình thức", "Kết quả kiểm tra",
      "Lý do", "Chỉ tiêu, giới hạn", "Giải trình",        "Trạng thái"};
  const std::vector<double> widths{6, 30, 12, 30, 28, 20, 60, 28, 50, 18};
  for (std::size_t i = 0; i < widths.size(); ++i)
    sheet.set_column_width(static_cast<std::uint16_t>(i), widths[i]);
  sheet.write_title(title, static_cast<std::uint16_t>(headers.size()));
  if (!subtitle.empty()) sheet.write_title(subtitle, static_cast<std::uint16_t>(headers.size()));
  sheet.write_header(headers);
  std::int64_t number = 0;
  for (const auto& row : rows) {
    sheet.write_row({CellValue::integer(++number), CellValue::text(row.subject), CellValue::text(row.subject_kind),
                     text_or_empty(row.unit), CellValue::text(row.honour), CellValue::text(row.verdict),
                     text_or_empty(row.reasons), text_or_empty(row.quota), text_or_empty(row.justification),
                     text_or_empty(row.status)});
  }
  if (rows.empty()) sheet.write_row({CellValue::empty(), CellValue::text("(chưa có đề nghị nào)")});
  return writer.finish();
}

}  // namespace tdkt::ingest
