#include "ingest/registration_workbook.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "excel/xlsx_reader.hpp"
#include "excel/xlsx_writer.hpp"
#include "ingest/sheet_cells.hpp"

namespace tdkt::ingest {
namespace {

namespace rules = domain::rules;
using excel::CellValue;

struct Column {
  std::string_view field;  // reported with problems
  std::string_view title;  // the header text the reader looks for
  std::string_view hint;   // written after the title in parentheses; the reader ignores it
  double width = 14;
  bool identity = false;  // names the subject: a row with nothing but these is skipped
};

constexpr Column kColumns[] = {
    {"subject_kind", "Đối tượng", "Cá nhân/Tập thể", 13, true},
    {"subject_id", "Mã", "", 9, true},
    {"name", "Tên", "", 28, true},
    {"unit", "Đơn vị", "", 28, true},
    {"honour", "Danh hiệu đăng ký", "mã hoặc tên", 22, false},
    {"registered_on", "Ngày đăng ký", "bỏ trống: ngày nhập", 14, false},
    {"note", "Ghi chú", "", 30, false},
};
constexpr std::size_t kColumnCount = std::size(kColumns);

constexpr std::uint32_t kBlankRows = 300;
constexpr std::string_view kPersonKind = "Cá nhân";
constexpr std::string_view kUnitKind = "Tập thể";

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

std::size_t column_index(std::string_view field) {
  for (std::size_t i = 0; i < kColumnCount; ++i) {
    if (kColumns[i].field == field) return i;
  }
  return kColumnCount;
}

std::string header_text(const Column& column) {
  std::string text(column.title);
  if (!column.hint.empty()) text += " (" + std::string(column.hint) + ")";
  return text;
}

std::string_view kind_label(rules::SubjectKind kind) {
  return kind == rules::SubjectKind::kUnit ? kUnitKind : kPersonKind;
}

std::string honour_name(const std::vector<domain::HonourInfo>& honours, const std::string& code) {
  const auto* info = domain::find_honour(honours, code);
  return info ? info->name : code;
}

std::string for_whom(const domain::HonourInfo& honour) {
  if (honour.for_persons && honour.for_units) return "Cá nhân và tập thể";
  return honour.for_units ? "Tập thể" : "Cá nhân";
}

// The code of the honour written (its code or its name, accents and case ignored); what was
// written when it is neither: the use case reports it.
std::string honour_code(const std::string& written, const std::vector<domain::HonourInfo>& honours) {
  const auto key = text::fold(written);
  for (const auto& honour : honours) {
    if (text::fold(honour.code) == key || text::fold(honour.name) == key) return honour.code;
  }
  return written;
}

// One data row: its cells by field, and the problems found in them.
class RowReader {
 public:
  RowReader(const excel::Row& row, const std::vector<std::optional<std::size_t>>& columns, std::string sheet,
            std::vector<app::ImportProblem>& problems)
      : row_(row), columns_(columns), sheet_(std::move(sheet)), problems_(problems), first_(problems.size()) {}

  int number() const { return row_.number; }
  bool ok() const { return problems_.size() == first_; }

  const excel::Cell* cell(std::string_view field) const {
    const auto index = column_index(field);
    if (index >= columns_.size() || !columns_[index]) return nullptr;
    return row_.cell(*columns_[index]);
  }
  bool filled(std::string_view field) const {
    const auto* found = cell(field);
    if (!found || found->empty()) return false;
    return found->kind != excel::CellKind::kText || !text::normalize(found->text).empty();
  }
  bool records_something() const {
    return std::any_of(std::begin(kColumns), std::end(kColumns),
                       [this](const Column& column) { return !column.identity && filled(column.field); });
  }
  void problem(std::string_view field, std::string message) {
    problems_.push_back({sheet_, row_.number, std::string(field), std::move(message)});
  }
  std::string shown(std::string_view field) const {
    const auto* found = cell(field);
    return found ? text::normalize(found->text) : std::string();
  }
  static std::string in_column(std::string_view field) {
    return "Cột " + quoted(kColumns[column_index(field)].title) + ": ";
  }
  std::string text(std::string_view field) {
    if (!filled(field)) return {};
    const auto* found = cell(field);
    if (found->kind == excel::CellKind::kError) {
      problem(field, in_column(field) + "ô có lỗi công thức (" + found->text + "); hãy ghi giá trị.");
      return {};
    }
    return text::normalize(found->text);
  }

 private:
  const excel::Row& row_;
  const std::vector<std::optional<std::size_t>>& columns_;
  std::string sheet_;
  std::vector<app::ImportProblem>& problems_;
  std::size_t first_;
};

}  // namespace

Result<std::string> registration_form(const RegistrationFormData& data) {
  excel::XlsxWriter writer;
  auto& sheet = writer.add_sheet(kRegistrationSheet);
  std::vector<std::string> headers;
  for (std::size_t i = 0; i < kColumnCount; ++i) {
    sheet.set_column_width(static_cast<std::uint16_t>(i), kColumns[i].width);
    headers.push_back(header_text(kColumns[i]));
  }
  const auto width = static_cast<std::uint16_t>(kColumnCount);
  sheet.write_title(data.title + (data.unit.empty() ? std::string() : " — " + data.unit), width);
  sheet.write_title("Hạn đăng ký: " + data.deadline.vn() +
                        ". Mỗi dòng là một danh hiệu một cá nhân hoặc tập thể đăng ký; ghi mã hoặc tên danh hiệu "
                        "(xem trang \"Danh mục\"). Đăng ký hai danh hiệu thì thêm một dòng. Dòng không ghi danh hiệu "
                        "được bỏ qua. Không sửa cột Mã, Tên; không đổi tên, không thêm, không bớt cột.",
                    width);
  sheet.write_header(headers);
  std::vector<std::string> codes;
  for (const auto& honour : data.honours)
    codes.push_back(honour.code);
  const auto rows = static_cast<std::uint32_t>(data.subjects.size()) + kBlankRows;
  if (!codes.empty()) sheet.add_list_validation(static_cast<std::uint16_t>(column_index("honour")), codes, rows);
  sheet.add_list_validation(static_cast<std::uint16_t>(column_index("subject_kind")),
                            {std::string(kPersonKind), std::string(kUnitKind)}, rows);
  for (const auto& subject : data.subjects) {
    sheet.write_row({CellValue::text(std::string(kind_label(subject.subject.kind))),
                     CellValue::integer(subject.subject.id), CellValue::text(subject.name),
                     CellValue::text(subject.unit_name),
                     subject.honour.empty() ? CellValue::empty() : CellValue::text(subject.honour)});
  }

  auto& catalogue = writer.add_sheet(kRegistrationCatalogueSheet);
  catalogue.set_column_width(0, 14).set_column_width(1, 44).set_column_width(2, 22);
  catalogue.write_title("DANH HIỆU ĐƯỢC ĐĂNG KÝ TRONG ĐỢT NÀY", 3);
  catalogue.write_title("Trang này chỉ để tra cứu; tdkt không đọc trang này khi nhập.", 3);
  catalogue.write_header({"Mã", "Tên danh hiệu", "Dành cho"});
  for (const auto& honour : data.honours) {
    catalogue.write_row(
        {CellValue::text(honour.code), CellValue::text(honour.name), CellValue::text(for_whom(honour))});
  }
  return writer.finish();
}

Result<ParsedRegistrations> read_registration_workbook(std::string_view xlsx_bytes,
                                                       const std::vector<domain::HonourInfo>& honours) {
  auto workbook = excel::read_xlsx(xlsx_bytes, form_limits());
  if (!workbook) return std::move(workbook).error();
  const excel::Sheet* sheet = find_sheet(*workbook, kRegistrationSheet);
  if (!sheet) {
    return Error::invalid("file", "Tệp không phải mẫu đăng ký thi đua của tdkt: không có trang " +
                                      quoted(kRegistrationSheet) + ". Hãy tải mẫu từ trang đợt đăng ký.");
  }
  TDKT_TRY(check_sheets(*workbook, {kRegistrationSheet, kRegistrationCatalogueSheet}));
  std::vector<FormColumn> form_columns;
  for (const auto& column : kColumns)
    form_columns.push_back({column.title, false});
  auto header_row = read_header(*sheet, kRegistrationSheet, form_columns);
  if (!header_row) return std::move(header_row).error();
  const auto header = header_row->index;
  const auto& columns = header_row->columns;
  ParsedRegistrations out;
  for (std::size_t r = header + 1; r < sheet->rows.size(); ++r) {
    RowReader row(sheet->rows[r], columns, sheet->name, out.problems);
    if (!row.records_something()) continue;
    app::RegistrationRow item;
    item.row = row.number();
    item.sheet = sheet->name;
    const auto written_kind = text::fold(row.text("subject_kind"));
    std::optional<rules::SubjectKind> kind;
    if (written_kind == text::fold(kPersonKind) || written_kind == "person") kind = rules::SubjectKind::kPerson;
    if (written_kind == text::fold(kUnitKind) || written_kind == "don vi" || written_kind == "unit") {
      kind = rules::SubjectKind::kUnit;
    }
    if (!kind) {
      row.problem("subject_kind", RowReader::in_column("subject_kind") + "ghi " + quoted(kPersonKind) + " hoặc " +
                                      quoted(kUnitKind) + ", không phải " + quoted(row.shown("subject_kind")) + ".");
    }
    std::optional<std::int64_t> id;
    if (!row.filled("subject_id")) {
      row.problem("subject_id", "Chưa ghi mã cá nhân hoặc đơn vị.");
    } else {
      id = whole_number(*row.cell("subject_id"));
      if (!id || *id <= 0) {
        row.problem("subject_id", RowReader::in_column("subject_id") + quoted(row.shown("subject_id")) +
                                      " không phải là mã số (một số nguyên dương).");
      }
    }
    item.name_check = row.text("name");
    const auto honour = row.text("honour");
    if (honour.empty()) {
      row.problem("honour", "Chưa ghi danh hiệu đăng ký.");
    } else {
      item.honour = honour_code(honour, honours);
    }
    if (row.filled("registered_on")) {
      item.registered_on = excel::cell_date(*row.cell("registered_on"));
      if (!item.registered_on) {
        row.problem("registered_on", RowReader::in_column("registered_on") + quoted(row.shown("registered_on")) +
                                         " không phải là ngày hợp lệ; ghi theo dạng ngày/tháng/năm, ví dụ 15/01/2026.");
      }
    }
    item.note = row.text("note");
    if (!row.ok() || !kind || !id) continue;
    item.subject = {*kind, *id};
    out.rows.push_back(std::move(item));
  }
  return out;
}

Result<std::string> registration_list(const RegistrationListData& data) {
  excel::XlsxWriter writer;
  auto& sheet = writer.add_sheet(kRegistrationListSheet);
  const std::vector<std::string> headers{"STT",          "Đơn vị", "Đối tượng", "Mã", "Tên", "Danh hiệu đăng ký",
                                         "Ngày đăng ký", "Nguồn",  "Ghi chú"};
  const double widths[] = {6, 30, 11, 8, 28, 28, 13, 16, 30};
  for (std::size_t i = 0; i < headers.size(); ++i)
    sheet.set_column_width(static_cast<std::uint16_t>(i), widths[i]);
  const auto width = static_cast<std::uint16_t>(headers.size());
  sheet.write_title(data.title, width);
  sheet.write_title(data.subtitle, width);
  sheet.write_header(headers);
  std::map<std::string, int> totals;
  int number = 0;
  for (const auto& unit : data.units) {
    sheet.write_row({CellValue::empty(), CellValue::text(unit.name + " — " + unit.status)});
    for (const auto& registration : unit.registrations) {
      ++totals[registration.honour];
      sheet.write_row({CellValue::integer(++number), CellValue::text(unit.name),
                       CellValue::text(std::string(kind_label(registration.subject.kind))),
                       CellValue::integer(registration.subject.id), CellValue::text(registration.name),
                       CellValue::text(honour_name(data.honours, registration.honour)),
                       CellValue::date(registration.registered_on),
                       CellValue::text(std::string(domain::vietnamese_label(registration.source))),
                       registration.note.empty() ? CellValue::empty() : CellValue::text(registration.note)});
    }
    if (unit.registrations.empty()) sheet.write_row({CellValue::empty(), CellValue::text("(chưa có đăng ký)")});
  }
  sheet.write_row({CellValue::empty(), CellValue::text("TỔNG HỢP THEO DANH HIỆU")});
  for (const auto& honour : data.honours) {
    const auto found = totals.find(honour.code);
    sheet.write_row({CellValue::empty(), CellValue::text("Tổng số"), CellValue::empty(), CellValue::empty(),
                     CellValue::empty(), CellValue::text(honour.name),
                     CellValue::integer(found == totals.end() ? 0 : found->second)});
  }
  sheet.write_row({CellValue::empty(), CellValue::text("Tổng số đăng ký"), CellValue::empty(), CellValue::empty(),
                   CellValue::empty(), CellValue::empty(), CellValue::integer(number)});
  return writer.finish();
}

}  // namespace tdkt::ingest
