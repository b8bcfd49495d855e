#include "ingest/history_workbooks.hpp"

#include "excel/xlsx_writer.hpp"

namespace tdkt::ingest {
namespace {

using excel::CellValue;

CellValue text_or_empty(const std::string& value) {
  return value.empty() ? CellValue::empty() : CellValue::text(value);
}

CellValue date_or_empty(const std::optional<CivilDate>& day) {
  return day ? CellValue::date(*day) : CellValue::empty();
}

void widths(excel::XlsxWriter::Sheet& sheet, const std::vector<double>& columns) {
  for (std::size_t i = 0; i < columns.size(); ++i)
    sheet.set_column_width(static_cast<std::uint16_t>(i), columns[i]);
}

}  // namespace

Result<std::string> grant_history_workbook(const std::string& title, const std::string& subtitle,
                                           const std::vector<app::GrantHistoryItem>& items,
                                           const app::GrantSummary& summary) {
  excel::XlsxWriter writer;
  auto& list = writer.add_sheet("Danh sách");
  const std::vector<std::string> headers{"STT",
                                         "Năm",
                                         "Đối tượng",
                                         "Mã",
                                         "Tên",
                                         "Danh hiệu, hình thức",
                                         "Cấp quyết định",
                                         "Số quyết định",
                                         "Ngày quyết định",
                                         "Cơ quan quyết định",
                                         "Ghi chú"};
  widths(list, {6, 8, 11, 8, 32, 30, 22, 16, 14, 32, 30});
  const auto width = static_cast<std::uint16_t>(headers.size());
  list.write_title(title, width);
  if (!subtitle.empty()) list.write_title(subtitle, width);
  list.write_header(headers);
  int number = 0;
  for (const auto& item : items) {
    const auto& grant = item.grant;
    list.write_row({CellValue::integer(++number), CellValue::integer(grant.year),
                    CellValue::text(grant.subject.kind == domain::rules::SubjectKind::kPerson ? "Cá nhân" : "Tập thể"),
                    CellValue::integer(grant.subject.id), CellValue::text(item.subject_name),
                    CellValue::text(item.honour_name), CellValue::text(domain::rules::level_label(item.level)),
                    text_or_empty(grant.decision_number), date_or_empty(grant.decision_date),
                    text_or_empty(grant.authority), text_or_empty(grant.note)});
  }
  if (items.empty()) list.write_row({CellValue::empty(), CellValue::text("(không có khen thưởng nào)")});

  auto& totals = writer.add_sheet("Tổng hợp");
  widths(totals, {8, 24, 34, 12, 12});
  totals.write_title(title, 5);
  totals.write_header({"Năm", "Cấp quyết định", "Danh hiệu, hình thức", "Cá nhân", "Tập thể"});
  for (const auto& row : summary.rows) {
    totals.write_row({CellValue::integer(row.year), CellValue::text(domain::rules::level_label(row.level)),
                      CellValue::text(row.honour_name), CellValue::integer(row.individuals),
                      CellValue::integer(row.collectives)});
  }
  totals.write_row({CellValue::empty(), CellValue::text("Tổng cộng"), CellValue::empty(),
                    CellValue::integer(summary.individuals), CellValue::integer(summary.collectives)});
  return writer.finish();
}

Result<std::string> complaint_workbook(const std::string& title, const std::string& subtitle,
                                       const std::vector<app::ComplaintView>& items) {
  excel::XlsxWriter writer;
  auto& sheet = writer.add_sheet("Khiếu nại, tố cáo");
  const std::vector<std::string> headers{
      "STT",         "Loại đơn",       "Ngày nhận",    "Người gửi",  "Địa chỉ", "Nội dung bị khiếu nại, tố cáo",
      "Người xử lý", "Hạn giải quyết", "Ngày trả lời", "Trạng thái", "Quá hạn"};
  widths(sheet, {6, 11, 12, 26, 28, 40, 24, 14, 13, 16, 9});
  const auto width = static_cast<std::uint16_t>(headers.size());
  sheet.write_title(title, width);
  if (!subtitle.empty()) sheet.write_title(subtitle, width);
  sheet.write_header(headers);
  int number = 0;
  for (const auto& item : items) {
    const auto& complaint = item.complaint;
    sheet.write_row(
        {CellValue::integer(++number), CellValue::text(std::string(domain::vietnamese_label(complaint.kind))),
         CellValue::date(complaint.received_on), CellValue::text(complaint.from_name),
         text_or_empty(complaint.from_address), CellValue::text(complaint.about), text_or_empty(item.assigned_to_name),
         CellValue::date(complaint.deadline), date_or_empty(complaint.answered_on),
         CellValue::text(std::string(domain::vietnamese_label(complaint.status))),
         item.overdue ? CellValue::text("Quá hạn") : CellValue::empty()});
  }
  if (items.empty())
    sheet.write_row({CellValue::empty(), CellValue::text("Không có đơn thư khiếu nại, tố cáo trong kỳ")});
  return writer.finish();
}

}  // namespace tdkt::ingest
