#include "ingest/records_workbook.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <span>
#include <utility>

#include "core/text.hpp"
#include "excel/xlsx_reader.hpp"
#include "excel/xlsx_writer.hpp"
#include "ingest/sheet_cells.hpp"

namespace tdkt::ingest {
namespace {

namespace rules = domain::rules;
using excel::CellValue;

// A column of a data sheet.
struct Column {
  std::string_view field;  // the record's field, reported with problems
  std::string_view title;  // the header text the reader looks for
  std::string_view hint;   // written after the title in parentheses; the reader ignores it
  double width = 14;
  bool erasable = false;  // a field of a person's year, which "(xóa)" erases
  bool identity = false;  // names the subject: a row with nothing but these is skipped
};

constexpr Column kPersonYearColumns[] = {
    {"person_id", "Mã cá nhân", "", 11, false, true},
    {"name", "Họ và tên", "", 26, false, true},
    {"year", "Năm", "", 8, false, true},
    {"rating", "Xếp loại", "", 30, true, false},
    {"months_worked", "Số tháng công tác", "", 11, true, false},
    {"leave_months", "Số tháng nghỉ thai sản", "", 12, true, false},
    {"discipline", "Kỷ luật", "", 15, true, false},
    {"discipline_date", "Ngày quyết định kỷ luật", "", 14, true, false},
    {"discipline_pending", "Đang xem xét kỷ luật", "", 12, true, false},
    {"pending_note", "Nội dung đang xem xét", "", 26, true, false},
    {"notable_achievement", "Thành tích được ghi nhận", "", 12, true, false},
    {"note", "Ghi chú", "", 30, true, false},
};

constexpr Column kGrantColumns[] = {
    {"subject_kind", "Đối tượng", "Cá nhân/Tập thể", 13, false, true},
    {"subject_id", "Mã", "", 9, false, true},
    {"name", "Tên", "", 26, false, true},
    {"honour", "Danh hiệu", "mã hoặc tên", 26, false, false},
    {"year", "Năm", "", 8, false, true},
    {"type", "Loại khen thưởng", "", 20, false, false},
    {"decision_number", "Số quyết định", "", 16, false, false},
    {"decision_date", "Ngày quyết định", "", 13, false, false},
    {"authority", "Cấp quyết định", "", 30, false, false},
    {"note", "Ghi chú", "", 30, false, false},
};

constexpr Column kInitiativeColumns[] = {
    {"person_id", "Mã cá nhân", "", 11, false, true},
    {"name", "Họ và tên", "", 26, false, true},
    {"year", "Năm", "", 8, false, true},
    {"title", "Tên sáng kiến, đề tài", "", 44, false, false},
    {"level", "Phạm vi", "Cơ sở/Tỉnh/Toàn quốc", 14, false, false},
    {"recognised_by", "Quyết định công nhận", "", 20, false, false},
    {"used_for", "Đã dùng cho danh hiệu", "", 18, false, false},
    {"used_for_year", "Năm được khen", "", 10, false, false},
};

struct SheetSpec {
  std::string_view name;
  std::span<const Column> columns;
};

constexpr SheetSpec kPersonYearSpec{kPersonYearSheet, kPersonYearColumns};
constexpr SheetSpec kGrantSpec{kGrantSheet, kGrantColumns};
constexpr SheetSpec kInitiativeSpec{kInitiativeSheet, kInitiativeColumns};

// Rows of drop-down lists below the pre-filled ones, for rows a user adds.
constexpr std::uint32_t kBlankRows = 500;

constexpr rules::Rating kRatings[] = {rules::Rating::kCompletedExcellently, rules::Rating::kCompletedWell,
                                      rules::Rating::kCompleted, rules::Rating::kNotCompleted};
constexpr rules::DisciplineLevel kDisciplineLevels[] = {rules::DisciplineLevel::kNone,
                                                        rules::DisciplineLevel::kReprimand,
                                                        rules::DisciplineLevel::kWarning,
                                                        rules::DisciplineLevel::kSalaryDemotion,
                                                        rules::DisciplineLevel::kDemotion,
                                                        rules::DisciplineLevel::kDismissal,
                                                        rules::DisciplineLevel::kForcedResignation};
constexpr rules::InitiativeLevel kInitiativeLevels[] = {
    rules::InitiativeLevel::kUnit, rules::InitiativeLevel::kProvince, rules::InitiativeLevel::kNational};

constexpr std::string_view kYes = "Có";
constexpr std::string_view kNo = "Không";
constexpr std::string_view kPersonKind = "Cá nhân";
constexpr std::string_view kUnitKind = "Tập thể";

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// "A, B, C hoặc D"
std::string choices(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += i + 1 == values.size() ? " hoặc " : ", ";
    out += values[i];
  }
  return out;
}

template <typename Enum, std::size_t N>
std::vector<std::string> labels(const Enum (&values)[N]) {
  std::vector<std::string> out;
  for (const auto value : values)
    out.emplace_back(domain::vietnamese_label(value));
  return out;
}

std::size_t column_index(const SheetSpec& spec, std::string_view field) {
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    if (spec.columns[i].field == field) return i;
  }
  return spec.columns.size();  // not reached: every field asked for is in its sheet
}

std::string header_text(const Column& column) {
  std::string text(column.title);
  if (!column.hint.empty()) text += " (" + std::string(column.hint) + ")";
  return text;
}

// ---- The form ---------------------------------------------------------------------------------

excel::XlsxWriter::Sheet& start_sheet(excel::XlsxWriter& writer, const SheetSpec& spec, const std::string& title,
                                      std::string_view instruction) {
  auto& sheet = writer.add_sheet(spec.name);
  std::vector<std::string> headers;
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    sheet.set_column_width(static_cast<std::uint16_t>(i), spec.columns[i].width);
    headers.push_back(header_text(spec.columns[i]));
  }
  const auto width = static_cast<std::uint16_t>(spec.columns.size());
  sheet.write_title(title, width);
  sheet.write_title(instruction, width);
  sheet.write_header(headers);
  return sheet;
}

void add_list(excel::XlsxWriter::Sheet& sheet, const SheetSpec& spec, std::string_view field,
              const std::vector<std::string>& allowed, std::uint32_t rows) {
  sheet.add_list_validation(static_cast<std::uint16_t>(column_index(spec, field)), allowed, rows);
}

CellValue optional_integer(const std::optional<int>& value) {
  return value ? CellValue::integer(*value) : CellValue::empty();
}

CellValue known_cell(rules::Known value) {
  switch (value) {
    case rules::Known::kYes: return CellValue::text(std::string(kYes));
    case rules::Known::kNo: return CellValue::text(std::string(kNo));
    case rules::Known::kUnknown: break;
  }
  return CellValue::empty();
}

std::vector<CellValue> person_row(const FormPerson& person, int year) {
  std::vector<CellValue> row{CellValue::integer(person.id.value), CellValue::text(person.full_name),
                             CellValue::integer(year)};
  if (!person.stored) return row;
  const auto& stored = *person.stored;
  row.push_back(stored.rating == rules::Rating::kNone
                    ? CellValue::empty()
                    : CellValue::text(std::string(domain::vietnamese_label(stored.rating))));
  row.push_back(optional_integer(stored.months_worked));
  row.push_back(optional_integer(stored.leave_months));
  row.push_back(CellValue::text(std::string(domain::vietnamese_label(stored.discipline))));
  row.push_back(stored.discipline_date ? CellValue::date(*stored.discipline_date) : CellValue::empty());
  row.push_back(CellValue::text(std::string(stored.discipline_pending ? kYes : kNo)));
  row.push_back(stored.pending_note.empty() ? CellValue::empty() : CellValue::text(stored.pending_note));
  row.push_back(known_cell(stored.notable_achievement));
  row.push_back(stored.note.empty() ? CellValue::empty() : CellValue::text(stored.note));
  return row;
}

void write_catalogue(excel::XlsxWriter& writer, const RecordsFormData& data, const std::string& suffix) {
  auto& sheet = writer.add_sheet(kCatalogueSheet);
  sheet.set_column_width(0, 20).set_column_width(1, 16).set_column_width(2, 50);
  sheet.write_title("DANH MỤC DÙNG KHI NHẬP HỒ SƠ" + suffix, 3);
  sheet.write_title("Trang này chỉ để tra cứu; tdkt không đọc trang này khi nhập.", 3);
  sheet.write_header({"Nhóm", "Mã", "Tên"});
  auto row = [&sheet](std::string_view group, std::string_view code, std::string_view name) {
    sheet.write_row(
        {CellValue::text(std::string(group)), CellValue::text(std::string(code)), CellValue::text(std::string(name))});
  };
  for (const auto& honour : data.honours)
    row("Danh hiệu", honour.code, honour.name);
  for (const auto type : data.grant_types)
    row("Loại khen thưởng", rules::to_string(type), domain::vietnamese_label(type));
  for (const auto rating : kRatings)
    row("Xếp loại", rules::to_string(rating), domain::vietnamese_label(rating));
  for (const auto level : kDisciplineLevels)
    row("Kỷ luật", rules::to_string(level), domain::vietnamese_label(level));
  for (const auto level : kInitiativeLevels)
    row("Phạm vi sáng kiến", rules::to_string(level), domain::vietnamese_label(level));
}

// What the form's instructions sheet says: how an import reads the file (issue 23).
void write_instructions(excel::XlsxWriter& writer) {
  auto& sheet = writer.add_sheet(kInstructionsSheet);
  sheet.set_column_width(0, 110);
  sheet.write_title("HƯỚNG DẪN NHẬP HỒ SƠ TỪ TỆP EXCEL", 1);
  sheet.write_title("Trang này chỉ để đọc; tdkt không đọc trang này khi nhập.", 1);
  sheet.write_header({"Quy tắc"});
  for (const char* line : {
           "1. Giữ nguyên tên các trang và tiêu đề các cột. Được đổi thứ tự cột; không đổi tên, không thêm, không bớt "
           "cột. Tệp có cột lạ, thiếu cột hoặc có trang lạ chứa dữ liệu bị từ chối cả tệp, kèm tên cột, tên trang.",
           "2. Trang \"Hồ sơ năm\": ô để trống giữ nguyên giá trị đã lưu. Muốn xóa một giá trị đã lưu (xếp loại, số "
           "tháng, kỷ luật, ghi chú...) thì ghi (xóa) vào đúng ô đó.",
           "3. Trang \"Khen thưởng\" và \"Sáng kiến\": mỗi dòng được thêm vào hồ sơ; không sửa, không xóa những gì "
           "đã lưu (sửa, xóa trên trang của cá nhân, đơn vị).",
           "4. Bấm \"Kiểm tra tệp\" trước: tdkt liệt kê từng thay đổi (trường, giá trị cũ → giá trị mới) và những "
           "dòng không đổi; chỉ khi bấm \"Ghi vào hồ sơ\" mới ghi, và chỉ ghi khi mọi dòng đều hợp lệ.",
       }) {
    sheet.write_row({CellValue::text(line)});
  }
}

// ---- Reading ----------------------------------------------------------------------------------

// Where each column of a sheet's spec sits in the sheet.
struct Layout {
  const SheetSpec* spec = nullptr;
  std::vector<std::optional<std::size_t>> columns;  // per spec column: the 0-based sheet column
  std::size_t header = 0;                           // index in Sheet::rows of the header row
};

Result<Layout> find_layout(const excel::Sheet& sheet, const SheetSpec& spec, const ReadOptions& options) {
  std::vector<FormColumn> columns;
  for (const auto& column : spec.columns)
    columns.push_back({column.title, column.field == "year" && options.default_year.has_value()});
  auto header = read_header(sheet, spec.name, columns);
  if (!header) return std::move(header).error();
  Layout layout;
  layout.spec = &spec;
  layout.columns = std::move(header->columns);
  layout.header = header->index;
  return layout;
}

// One data row being read: cells by field, and the problems found in them.
class RowReader {
 public:
  RowReader(const excel::Row& row, const Layout& layout, std::vector<app::ImportProblem>& problems)
      : row_(row), layout_(layout), problems_(problems), first_problem_(problems.size()) {}

  int number() const { return row_.number; }
  std::string sheet() const { return std::string(layout_.spec->name); }
  bool ok() const { return problems_.size() == first_problem_; }

  const Column& column(std::string_view field) const {
    return layout_.spec->columns[column_index(*layout_.spec, field)];
  }

  const excel::Cell* cell(std::string_view field) const {
    const auto index = column_index(*layout_.spec, field);
    if (index >= layout_.columns.size() || !layout_.columns[index]) return nullptr;
    return row_.cell(*layout_.columns[index]);
  }

  bool filled(std::string_view field) const {
    const auto* found = cell(field);
    if (!found || found->empty()) return false;
    return found->kind != excel::CellKind::kText || !text::normalize(found->text).empty();
  }

  // Whether the cell of `field` says "(xóa)": erase what is stored.
  bool erases(std::string_view field) const {
    const auto* found = cell(field);
    return found && is_erase_marker(*found);
  }

  // "(xóa)" where nothing can be erased (an identity column, a grant or initiative, which the
  // import only adds): a problem rather than a value. Returns true when it was one.
  bool misplaced_marker(std::string_view field) {
    if (!erases(field)) return false;
    problem(field, in_column(field) + "ô ghi " + quoted(kEraseMarker) +
                       ", dấu này chỉ dùng ở các cột hồ sơ của trang " + quoted(kPersonYearSheet) +
                       " để xóa giá trị đã lưu. Khen thưởng, sáng kiến đã lưu được sửa, xóa trên trang của cá nhân, "
                       "đơn vị.");
    return true;
  }

  // Whether the row holds anything beyond the subject's identity (false for a blank row too).
  bool records_something() const {
    return std::any_of(layout_.spec->columns.begin(), layout_.spec->columns.end(),
                       [this](const Column& column) { return !column.identity && filled(column.field); });
  }

  void problem(std::string_view field, std::string message) {
    problems_.push_back({sheet(), row_.number, std::string(field), std::move(message)});
  }

  // What the user wrote, for messages.
  std::string shown(std::string_view field) const {
    const auto* found = cell(field);
    return found ? text::normalize(found->text) : std::string();
  }
  std::string in_column(std::string_view field) const { return "Cột " + quoted(column(field).title) + ": "; }

  // The text of a cell, normalised; empty when blank. A formula error is a problem.
  std::string text(std::string_view field) {
    if (misplaced_marker(field) || !filled(field)) return {};
    const auto* found = cell(field);
    if (found->kind == excel::CellKind::kError) {
      problem(field, in_column(field) + "ô có lỗi công thức (" + found->text + "); hãy ghi giá trị.");
      return {};
    }
    return text::normalize(found->text);
  }

  std::optional<std::int64_t> id(std::string_view field, std::string_view what) {
    if (misplaced_marker(field)) return std::nullopt;
    if (!filled(field)) {
      problem(field, "Chưa ghi " + std::string(what) + ".");
      return std::nullopt;
    }
    const auto value = whole_number(*cell(field));
    if (!value || *value <= 0) {
      problem(field, in_column(field) + quoted(shown(field)) + " không phải là mã số (một số nguyên dương).");
      return std::nullopt;
    }
    return value;
  }

  std::optional<int> year(std::string_view field, const std::optional<int>& fallback, bool required) {
    if (misplaced_marker(field)) return std::nullopt;
    if (!filled(field)) {
      if (fallback) return fallback;
      if (required) problem(field, "Chưa ghi năm.");
      return std::nullopt;
    }
    const auto value = whole_number(*cell(field));
    if (!value || *value < 1900 || *value > 2100) {
      problem(field, in_column(field) + quoted(shown(field)) + " không phải là một năm (ví dụ 2025).");
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

  std::optional<int> months(std::string_view field) {
    if (misplaced_marker(field)) return std::nullopt;
    if (!filled(field)) return std::nullopt;
    const auto value = whole_number(*cell(field));
    if (!value || *value < 0 || *value > 12) {
      problem(field, in_column(field) + quoted(shown(field)) + " không hợp lệ; ghi số tháng từ 0 đến 12.");
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

  std::optional<CivilDate> date(std::string_view field) {
    if (misplaced_marker(field)) return std::nullopt;
    if (!filled(field)) return std::nullopt;
    auto value = excel::cell_date(*cell(field));
    if (!value) {
      problem(field, in_column(field) + quoted(shown(field)) +
                         " không phải là ngày hợp lệ; ghi theo dạng ngày/tháng/năm, ví dụ 15/01/2025.");
    }
    return value;
  }

  // "Có" / "Không" / blank (nullopt).
  std::optional<bool> yes_no(std::string_view field) {
    if (misplaced_marker(field)) return std::nullopt;
    if (!filled(field)) return std::nullopt;
    const auto* found = cell(field);
    if (found->kind == excel::CellKind::kBoolean) return found->number != 0;
    const auto folded = text::fold(found->text);
    if (folded == "co" || folded == "x" || folded == "1") return true;
    if (folded == "khong" || folded == "0") return false;
    problem(field, in_column(field) + "ghi " + quoted(kYes) + " hoặc " + quoted(kNo) + ", không phải " +
                       quoted(shown(field)) + ".");
    return std::nullopt;
  }

  // A code or label read with `parse`; `fallback` when blank.
  template <typename Enum>
  Enum choice(std::string_view field, std::optional<Enum> (*parse)(std::string_view), Enum fallback,
              const std::string& what, const std::vector<std::string>& allowed) {
    if (misplaced_marker(field) || !filled(field)) return fallback;
    const auto written = text(field);
    if (written.empty()) return fallback;
    if (auto value = parse(written)) return *value;
    problem(field, in_column(field) + quoted(written) + " không phải là " + what + "; chọn " + choices(allowed) + ".");
    return fallback;
  }

 private:
  const excel::Row& row_;
  const Layout& layout_;
  std::vector<app::ImportProblem>& problems_;
  std::size_t first_problem_;
};

// A code of the catalogue for what the user wrote: the code itself or the honour's name, folded.
// Anything else is kept as written; the use case reports an unknown code.
std::string honour_code(const std::string& written, const std::vector<HonourOption>& honours) {
  const auto key = text::fold(written);
  for (const auto& honour : honours) {
    if (text::fold(honour.code) == key) return honour.code;
  }
  for (const auto& honour : honours) {
    if (!honour.name.empty() && text::fold(honour.name) == key) return honour.code;
  }
  return written;
}

std::optional<rules::SubjectKind> parse_subject_kind(std::string_view written) {
  const auto folded = text::fold(written);
  if (folded == text::fold(kPersonKind) || folded == "person") return rules::SubjectKind::kPerson;
  if (folded == text::fold(kUnitKind) || folded == "don vi" || folded == "unit") return rules::SubjectKind::kUnit;
  return std::nullopt;
}

std::vector<std::string> rating_choices() {
  return labels(kRatings);
}

// Each field of a row: erased when its cell says "(xóa)", set when it holds a value, kept as
// stored when it is empty (issue 23: an empty cell never erases anything).
void read_person_years(const excel::Sheet& sheet, const Layout& layout, const ReadOptions& options,
                       ParsedWorkbook& out) {
  for (std::size_t r = layout.header + 1; r < sheet.rows.size(); ++r) {
    RowReader row(sheet.rows[r], layout, out.problems);
    if (!row.records_something()) continue;
    app::ImportRow<app::PersonYearEdit> item;
    item.row = row.number();
    item.sheet = row.sheet();
    const auto id = row.id("person_id", "mã cá nhân");
    item.name_check = row.text("name");
    const auto year = row.year("year", options.default_year, true);
    auto& edit = item.record;
    auto& values = edit.values;
    const auto field = [&row, &edit](app::PersonYearField which, std::string_view code, const auto& read) {
      if (row.erases(code)) {
        edit.erased.push_back(which);
      } else if (row.filled(code)) {
        read();
        edit.set.push_back(which);
      }
    };
    using F = app::PersonYearField;
    field(F::kRating, "rating", [&] {
      values.rating = row.choice<rules::Rating>("rating", domain::parse_rating, rules::Rating::kNone,
                                                "một mức xếp loại", rating_choices());
    });
    field(F::kMonthsWorked, "months_worked", [&] { values.months_worked = row.months("months_worked"); });
    field(F::kLeaveMonths, "leave_months", [&] { values.leave_months = row.months("leave_months"); });
    field(F::kDiscipline, "discipline", [&] {
      values.discipline =
          row.choice<rules::DisciplineLevel>("discipline", domain::parse_discipline, rules::DisciplineLevel::kNone,
                                             "một hình thức kỷ luật", labels(kDisciplineLevels));
    });
    field(F::kDisciplineDate, "discipline_date", [&] { values.discipline_date = row.date("discipline_date"); });
    field(F::kDisciplinePending, "discipline_pending",
          [&] { values.discipline_pending = row.yes_no("discipline_pending").value_or(false); });
    field(F::kPendingNote, "pending_note", [&] { values.pending_note = row.text("pending_note"); });
    field(F::kNotableAchievement, "notable_achievement", [&] {
      if (const auto notable = row.yes_no("notable_achievement")) {
        values.notable_achievement = *notable ? rules::Known::kYes : rules::Known::kNo;
      }
    });
    field(F::kNote, "note", [&] { values.note = row.text("note"); });
    if (!row.ok() || !id || !year) continue;
    values.person = PersonId{*id};
    values.year = *year;
    out.batch.person_years.push_back(std::move(item));
  }
}

void read_grants(const excel::Sheet& sheet, const Layout& layout, const ReadOptions& options, ParsedWorkbook& out) {
  std::vector<std::string> types;
  for (const auto type :
       {rules::GrantType::kMerit, rules::GrantType::kSudden, rules::GrantType::kMovement, rules::GrantType::kThematic,
        rules::GrantType::kLongService, rules::GrantType::kSeniority, rules::GrantType::kForeign}) {
    types.emplace_back(domain::vietnamese_label(type));
  }
  for (std::size_t r = layout.header + 1; r < sheet.rows.size(); ++r) {
    RowReader row(sheet.rows[r], layout, out.problems);
    if (!row.records_something()) continue;
    app::ImportRow<domain::GrantRecord> item;
    item.row = row.number();
    item.sheet = row.sheet();
    auto& record = item.record;
    const auto written_kind = row.text("subject_kind");
    const auto kind = parse_subject_kind(written_kind);
    if (written_kind.empty()) {
      row.problem("subject_kind", "Chưa ghi đối tượng (" + quoted(kPersonKind) + " hoặc " + quoted(kUnitKind) + ").");
    } else if (!kind) {
      row.problem("subject_kind", row.in_column("subject_kind") + "ghi " + quoted(kPersonKind) + " hoặc " +
                                      quoted(kUnitKind) + ", không phải " + quoted(written_kind) + ".");
    }
    const auto id = row.id("subject_id", kind == rules::SubjectKind::kUnit ? "mã đơn vị" : "mã cá nhân hoặc đơn vị");
    item.name_check = row.text("name");
    const auto honour = row.text("honour");
    if (honour.empty()) {
      row.problem("honour", "Chưa ghi danh hiệu, hình thức khen thưởng.");
    } else {
      record.honour = honour_code(honour, options.honours);
    }
    const auto year = row.year("year", options.default_year, true);
    record.type = row.choice<rules::GrantType>("type", domain::parse_grant_type, rules::GrantType::kMerit,
                                               "một loại khen thưởng", types);
    record.decision_number = row.text("decision_number");
    record.decision_date = row.date("decision_date");
    record.authority = row.text("authority");
    record.note = row.text("note");
    if (!row.ok() || !id || !year || !kind) continue;
    record.subject = {*kind, *id};
    record.year = *year;
    record.source = domain::GrantSource::kImported;
    out.batch.grants.push_back(std::move(item));
  }
}

void read_initiatives(const excel::Sheet& sheet, const Layout& layout, const ReadOptions& options,
                      ParsedWorkbook& out) {
  for (std::size_t r = layout.header + 1; r < sheet.rows.size(); ++r) {
    RowReader row(sheet.rows[r], layout, out.problems);
    if (!row.records_something()) continue;
    app::ImportRow<domain::InitiativeRecord> item;
    item.row = row.number();
    item.sheet = row.sheet();
    auto& record = item.record;
    const auto id = row.id("person_id", "mã cá nhân");
    item.name_check = row.text("name");
    const auto year = row.year("year", options.default_year, true);
    record.title = row.text("title");
    if (record.title.empty()) row.problem("title", "Chưa ghi tên sáng kiến, đề tài.");
    record.level =
        row.choice<rules::InitiativeLevel>("level", domain::parse_initiative_level, rules::InitiativeLevel::kUnit,
                                           "một phạm vi công nhận", labels(kInitiativeLevels));
    record.recognised_by = row.text("recognised_by");
    if (const auto used_for = row.text("used_for"); !used_for.empty()) {
      record.used_for = honour_code(used_for, options.honours);
    }
    record.used_for_year = row.year("used_for_year", std::nullopt, false);
    if (!row.ok() || !id || !year) continue;
    record.subject = {rules::SubjectKind::kPerson, *id};
    record.year = *year;
    out.batch.initiatives.push_back(std::move(item));
  }
}

}  // namespace

int rows_with_problems(const std::vector<app::ImportProblem>& problems) {
  std::set<std::pair<std::string, int>> rows;
  for (const auto& problem : problems)
    rows.emplace(problem.sheet, problem.row);
  return static_cast<int>(rows.size());
}

Result<std::string> records_form(const RecordsFormData& data) {
  excel::XlsxWriter writer;
  const std::string suffix = data.title.empty() ? std::string() : " — " + data.title;
  const auto year = std::to_string(data.year);
  const auto person_rows = static_cast<std::uint32_t>(data.persons.size()) + kBlankRows;
  const std::vector<std::string> yes_no{std::string(kYes), std::string(kNo)};

  auto& years = start_sheet(writer, kPersonYearSpec, "HỒ SƠ THI ĐUA NĂM " + year + suffix,
                            "Mỗi dòng là hồ sơ một năm của một cá nhân. Không sửa cột Mã cá nhân, Họ và tên; dòng "
                            "chỉ có mã, họ tên và năm được bỏ qua. Ô để trống giữ nguyên giá trị đã lưu; muốn xóa "
                            "giá trị đã lưu thì ghi (xóa) vào ô. Ngày ghi theo dạng ngày/tháng/năm. Xem trang "
                            "\"Hướng dẫn\".");
  add_list(years, kPersonYearSpec, "rating", rating_choices(), person_rows);
  add_list(years, kPersonYearSpec, "discipline", labels(kDisciplineLevels), person_rows);
  add_list(years, kPersonYearSpec, "discipline_pending", yes_no, person_rows);
  add_list(years, kPersonYearSpec, "notable_achievement", yes_no, person_rows);
  for (const auto& person : data.persons)
    years.write_row(person_row(person, data.year));

  auto& grants = start_sheet(writer, kGrantSpec, "KHEN THƯỞNG ĐÃ NHẬN" + suffix,
                             "Mỗi dòng là một khen thưởng đã nhận, được thêm vào hồ sơ. Mã: mã cá nhân hoặc mã đơn "
                             "vị. Danh hiệu ghi mã hoặc tên (xem trang \"Danh mục\").");
  add_list(grants, kGrantSpec, "subject_kind", {std::string(kPersonKind), std::string(kUnitKind)}, kBlankRows);
  std::vector<std::string> types;
  for (const auto type : data.grant_types)
    types.emplace_back(domain::vietnamese_label(type));
  if (!types.empty()) add_list(grants, kGrantSpec, "type", types, kBlankRows);

  auto& initiatives = start_sheet(writer, kInitiativeSpec, "SÁNG KIẾN, ĐỀ TÀI ĐƯỢC CÔNG NHẬN" + suffix,
                                  "Mỗi dòng là một sáng kiến, đề tài được thêm vào hồ sơ. Sáng kiến đã dùng làm căn "
                                  "cứ khen thưởng thì ghi cả danh hiệu và năm được khen.");
  add_list(initiatives, kInitiativeSpec, "level", labels(kInitiativeLevels), kBlankRows);

  write_catalogue(writer, data, suffix);
  write_instructions(writer);
  return writer.finish();
}

Result<ParsedWorkbook> read_records_workbook(std::string_view xlsx_bytes, const ReadOptions& options) {
  auto workbook = excel::read_xlsx(xlsx_bytes, form_limits());
  if (!workbook) return std::move(workbook).error();
  const auto* years = find_sheet(*workbook, kPersonYearSheet);
  const auto* grants = find_sheet(*workbook, kGrantSheet);
  const auto* initiatives = find_sheet(*workbook, kInitiativeSheet);
  if (!years && !grants && !initiatives) {
    return Error::invalid("file", "Tệp không phải mẫu nhập hồ sơ của tdkt: không có trang " + quoted(kPersonYearSheet) +
                                      ", " + quoted(kGrantSheet) + " hoặc " + quoted(kInitiativeSheet) + ".");
  }
  TDKT_TRY(
      check_sheets(*workbook, {kPersonYearSheet, kGrantSheet, kInitiativeSheet, kCatalogueSheet, kInstructionsSheet}));
  // Every sheet's header is checked before any row is read: a wrong column refuses the file.
  std::optional<Layout> year_layout;
  std::optional<Layout> grant_layout;
  std::optional<Layout> initiative_layout;
  if (years) TDKT_TRY_ASSIGN(year_layout, find_layout(*years, kPersonYearSpec, options));
  if (grants) TDKT_TRY_ASSIGN(grant_layout, find_layout(*grants, kGrantSpec, options));
  if (initiatives) TDKT_TRY_ASSIGN(initiative_layout, find_layout(*initiatives, kInitiativeSpec, options));
  ParsedWorkbook out;
  if (years) read_person_years(*years, *year_layout, options, out);
  if (grants) read_grants(*grants, *grant_layout, options, out);
  if (initiatives) read_initiatives(*initiatives, *initiative_layout, options, out);
  return out;
}

}  // namespace tdkt::ingest
