#include "ingest/statistics_workbooks.hpp"

#include "excel/xlsx_writer.hpp"

namespace tdkt::ingest {
namespace {

using excel::CellValue;

void breakdown(excel::XlsxWriter& writer, const char* sheet_name, const char* what, const std::string& period,
               const std::vector<app::CountRow>& rows) {
  auto& sheet = writer.add_sheet(sheet_name);
  sheet.set_column_width(0, 6).set_column_width(1, 48).set_column_width(2, 12).set_column_width(3, 12);
  sheet.set_column_width(4, 12);
  sheet.write_title(std::string("SỐ LƯỢNG KHEN THƯỞNG THEO ") + what + " " + period, 5);
  sheet.write_header({"STT", what, "Cá nhân", "Tập thể", "Tổng số"});
  int number = 0;
  int individuals = 0;
  int collectives = 0;
  for (const auto& row : rows) {
    sheet.write_row({CellValue::integer(++number), CellValue::text(row.label), CellValue::integer(row.individuals),
                     CellValue::integer(row.collectives), CellValue::integer(row.individuals + row.collectives)});
    individuals += row.individuals;
    collectives += row.collectives;
  }
  if (rows.empty()) sheet.write_row({CellValue::empty(), CellValue::text("(không có khen thưởng nào)")});
  sheet.write_row({CellValue::empty(), CellValue::text("Tổng cộng"), CellValue::integer(individuals),
                   CellValue::integer(collectives), CellValue::integer(individuals + collectives)});
}

std::string years_text(int from_year, int to_year) {
  return from_year == to_year ? "NĂM " + std::to_string(from_year)
                              : "TỪ NĂM " + std::to_string(from_year) + " ĐẾN NĂM " + std::to_string(to_year);
}

CellValue percent_or_empty(const std::optional<double>& value) {
  return value ? CellValue::decimal(*value) : CellValue::empty();
}

}  // namespace

Result<std::string> statistics_workbook(const app::Statistics& statistics) {
  excel::XlsxWriter writer;
  const auto period = years_text(statistics.from_year, statistics.to_year);
  const auto& grants = statistics.grants;
  breakdown(writer, "Theo năm", "NĂM", period, grants.by_year);
  breakdown(writer, "Theo cấp", "CẤP QUYẾT ĐỊNH", period, grants.by_level);
  breakdown(writer, "Theo hình thức", "DANH HIỆU, HÌNH THỨC", period, grants.by_honour);
  breakdown(writer, "Theo đơn vị", "ĐƠN VỊ", period, grants.by_unit);
  breakdown(writer, "Theo giới tính", "GIỚI TÍNH", period, grants.by_gender);
  breakdown(writer, "Theo dân tộc", "DÂN TỘC", period, grants.by_ethnicity);

  auto& registrations = writer.add_sheet("Đăng ký - khen thưởng");
  registrations.set_column_width(0, 8).set_column_width(1, 44).set_column_width(2, 34);
  registrations.set_column_width(3, 12).set_column_width(4, 16).set_column_width(5, 12);
  registrations.write_title("ĐĂNG KÝ THI ĐUA VÀ KẾT QUẢ KHEN THƯỞNG " + period, 6);
  registrations.write_header({"Năm", "Phong trào", "Danh hiệu đăng ký", "Số đăng ký", "Được khen thưởng", "Tỷ lệ (%)"});
  for (const auto& row : statistics.registrations) {
    registrations.write_row({CellValue::integer(row.year), CellValue::text(row.movement),
                             CellValue::text(row.honour_name), CellValue::integer(row.registered),
                             CellValue::integer(row.granted),
                             CellValue::decimal(row.registered > 0 ? 100.0 * row.granted / row.registered : 0.0)});
  }
  if (statistics.registrations.empty())
    registrations.write_row({CellValue::empty(), CellValue::text("(không có đăng ký thi đua nào)")});

  auto& targets = writer.add_sheet("Chỉ tiêu");
  targets.set_column_width(0, 48);
  for (std::uint16_t column = 1; column < 8; ++column)
    targets.set_column_width(column, 12);
  targets.write_title("MỨC ĐỘ HOÀN THÀNH CHỈ TIÊU THI ĐUA " + period, 8);
  targets.write_header({"Phong trào", "Số chỉ tiêu", "Đạt", "Đúng tiến độ", "Chậm tiến độ", "Quá hạn",
                        "Chưa có số liệu", "Hoàn thành bình quân (%)"});
  for (const auto& row : statistics.targets) {
    const auto& summary = row.summary;
    targets.write_row({CellValue::text(row.movement.name), CellValue::integer(summary.targets),
                       CellValue::integer(summary.achieved), CellValue::integer(summary.on_track),
                       CellValue::integer(summary.behind), CellValue::integer(summary.overdue),
                       CellValue::integer(summary.not_measured), percent_or_empty(summary.mean_completion)});
  }
  if (statistics.targets.empty()) targets.write_row({CellValue::text("(không có chỉ tiêu nào)")});
  return writer.finish();
}

Result<std::string> statistical_form_workbook(const app::FilledStatisticalForm& filled) {
  const auto& form = filled.form;
  excel::XlsxWriter writer;
  auto& sheet = writer.add_sheet("Biểu " + form.code.substr(0, form.code.find('/')));
  const auto width = static_cast<std::uint16_t>(4 + form.columns.size());
  sheet.set_column_width(0, 52).set_column_width(1, 8).set_column_width(2, 11).set_column_width(3, 10);
  for (std::uint16_t column = 4; column < width; ++column)
    sheet.set_column_width(column, 14);
  sheet.write_row({CellValue::text("Biểu số: " + form.code), CellValue::empty(), CellValue::empty(), CellValue::empty(),
                   CellValue::text("Đơn vị báo cáo: " + filled.reporter)});
  sheet.write_row({CellValue::text("Ban hành theo " + form.legal_basis), CellValue::empty(), CellValue::empty(),
                   CellValue::empty(), CellValue::text("Đơn vị nhận báo cáo: " + form.recipient)});
  sheet.write_row({CellValue::text("Ngày nhận báo cáo: " + form.due_text())});
  sheet.write_title(form.title, width);
  sheet.write_title(
      "Năm " + std::to_string(filled.year) + " (từ ngày " + filled.from.vn() + " đến ngày " + filled.to.vn() + ")",
      width);
  std::vector<std::string> headers{"Chỉ tiêu (A)", "Mã số (B)", "Đơn vị tính (C)", "Tổng số (1)"};
  for (const auto& column : form.columns)
    headers.push_back(column.label + " (" + column.code + ")");
  sheet.write_header(headers);
  std::vector<std::string> notes;
  for (std::size_t row = 0; row < form.rows.size(); ++row) {
    const auto& line = form.rows[row];
    if (line.heading) {
      sheet.write_row({CellValue::text(line.label)});
      continue;
    }
    std::vector<CellValue> values{CellValue::text(line.label), CellValue::text(line.code),
                                  line.measure.empty() ? CellValue::empty() : CellValue::text(line.measure),
                                  CellValue::integer(filled.counts.totals[row])};
    for (const int count : filled.counts.cells[row])
      values.push_back(CellValue::integer(count));
    sheet.write_row(values);
    if (!line.note.empty()) notes.push_back("Mã số " + line.code + ": " + line.note);
  }
  sheet.write_row({});
  for (const auto& [honour, count] : filled.left_out)
    notes.push_back("Không thuộc cột nào của biểu, không tính: " + honour + " (" + std::to_string(count) + ").");
  if (form.unverified) notes.insert(notes.begin(), "Lưu ý: " + form.note);
  for (const auto& note : notes)
    sheet.write_row({CellValue::text(note)});
  sheet.write_row({});
  sheet.write_row({CellValue::text("Người lập biểu"), CellValue::empty(), CellValue::empty(), CellValue::empty(),
                   CellValue::text("Thủ trưởng đơn vị")});
  sheet.write_row({CellValue::text("(Ký, họ tên)"), CellValue::empty(), CellValue::empty(), CellValue::empty(),
                   CellValue::text("(Ký, họ tên, đóng dấu)")});
  sheet.write_row({});
  sheet.write_row({CellValue::empty(), CellValue::empty(), CellValue::empty(), CellValue::empty(),
                   CellValue::text(filled.signer_name)});
  return writer.finish();
}

}  // namespace tdkt::ingest
