// The records workbook: the form tdkt writes reads back into the same records; workbooks filled
// by hand (written here with the XLSX writer) are read by header text, whatever the order, with
// Vietnamese labels with or without accents; every bad cell is reported with its row, and
// files that are not the form are refused as a whole.

#include "ingest/records_workbook.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "excel/xlsx_reader.hpp"
#include "excel/xlsx_writer.hpp"

namespace tdkt::ingest {
namespace {

namespace rules = domain::rules;
using excel::CellValue;

// The entry `name` of the archive `bytes`, or "" when absent.
std::string entry_of(const std::string& bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (zip == nullptr) {
    zip_source_free(source);
    return {};
  }
  std::string content;
  if (zip_file_t* file = zip_fopen(zip, name.c_str(), 0)) {
    char chunk[4096];
    zip_int64_t count = 0;
    while ((count = zip_fread(file, chunk, sizeof chunk)) > 0)
      content.append(chunk, static_cast<std::size_t>(count));
    zip_fclose(file);
  }
  zip_discard(zip);
  return content;
}

CivilDate ymd(int year, unsigned month, unsigned day) {
  return *CivilDate::from_ymd(year, month, day);
}

CellValue t(const char* text) {
  return CellValue::text(text);
}
CellValue n(std::int64_t value) {
  return CellValue::integer(value);
}
CellValue e() {
  return CellValue::empty();
}

const std::vector<std::string> kPersonHeader{"Mã cá nhân",
                                             "Họ và tên",
                                             "Năm",
                                             "Xếp loại",
                                             "Số tháng công tác",
                                             "Số tháng nghỉ thai sản",
                                             "Kỷ luật",
                                             "Ngày quyết định kỷ luật",
                                             "Đang xem xét kỷ luật",
                                             "Nội dung đang xem xét",
                                             "Thành tích được ghi nhận",
                                             "Ghi chú"};
const std::vector<std::string> kGrantHeader{
    "Đối tượng",      "Mã",     "Tên", "Danh hiệu", "Năm", "Loại khen thưởng", "Số quyết định", "Ngày quyết định",
    "Cấp quyết định", "Ghi chú"};
const std::vector<std::string> kInitiativeHeader{"Mã cá nhân",
                                                 "Họ và tên",
                                                 "Năm",
                                                 "Tên sáng kiến, đề tài",
                                                 "Phạm vi",
                                                 "Quyết định công nhận",
                                                 "Đã dùng cho danh hiệu",
                                                 "Năm được khen"};

struct TestSheet {
  TestSheet(std::string sheet_name, std::vector<std::string> header_row, std::vector<std::vector<CellValue>> data,
            std::vector<std::string> titles = {})
      : name(std::move(sheet_name)), header(std::move(header_row)), rows(std::move(data)), above(std::move(titles)) {}

  std::string name;
  std::vector<std::string> header;
  std::vector<std::vector<CellValue>> rows;
  std::vector<std::string> above;  // title rows above the header
};

// A workbook written the way a user's spreadsheet program would: header, then rows.
std::string workbook(const std::vector<TestSheet>& sheets) {
  excel::XlsxWriter writer;
  for (const auto& spec : sheets) {
    auto& sheet = writer.add_sheet(spec.name);
    for (const auto& line : spec.above)
      sheet.write_title(line, 1);
    if (!spec.header.empty()) sheet.write_header(spec.header);
    for (const auto& row : spec.rows)
      sheet.write_row(row);
  }
  auto bytes = writer.finish();
  EXPECT_TRUE(bytes) << bytes.error().message;
  return bytes ? *bytes : std::string();
}

const std::vector<HonourOption> kHonours{{"LDTT", "Lao động tiên tiến"},
                                         {"CSTDCS", "Chiến sĩ thi đua cơ sở"},
                                         {"BK_TINH", "Bằng khen của Chủ tịch UBND tỉnh"}};

ReadOptions with_honours() {
  ReadOptions options;
  options.honours = kHonours;
  return options;
}

ParsedWorkbook parse(const std::string& bytes, const ReadOptions& options = with_honours()) {
  auto parsed = read_records_workbook(bytes, options);
  EXPECT_TRUE(parsed) << parsed.error().message;
  return parsed ? *parsed : ParsedWorkbook{};
}

std::string dump(const std::vector<app::ImportProblem>& problems) {
  std::string out;
  for (const auto& problem : problems) {
    out += problem.sheet + " row " + std::to_string(problem.row) + " [" + problem.field + "] " + problem.message + "\n";
  }
  return out;
}

bool has_problem(const ParsedWorkbook& parsed, const std::string& sheet, int row, const std::string& field) {
  return std::any_of(parsed.problems.begin(), parsed.problems.end(), [&](const app::ImportProblem& problem) {
    return problem.sheet == sheet && problem.row == row && problem.field == field;
  });
}

RecordsFormData form_data() {
  RecordsFormData data;
  data.title = "Phòng Tuyên truyền và Địa bàn";
  data.year = 2026;
  data.honours = kHonours;
  data.grant_types = {rules::GrantType::kMerit, rules::GrantType::kSudden};
  domain::PersonYear stored;
  stored.person = PersonId{7};
  stored.year = 2026;
  stored.rating = rules::Rating::kCompletedWell;
  stored.months_worked = 8;
  stored.leave_months = 4;
  stored.discipline = rules::DisciplineLevel::kReprimand;
  stored.discipline_date = ymd(2026, 3, 15);
  stored.discipline_pending = true;
  stored.pending_note = "Đang thanh tra công vụ";
  stored.notable_achievement = rules::Known::kYes;
  stored.note = "Nghỉ thai sản từ tháng 5";
  data.persons = {{PersonId{7}, "Lý Thị Sáng", stored}, {PersonId{9}, "Huỳnh Văn Đức", std::nullopt}};
  return data;
}

TEST(RecordsForm, HasTheSheetsTitlesHeadersAndOneRowPerPerson) {
  auto bytes = records_form(form_data());
  ASSERT_TRUE(bytes) << bytes.error().message;
  auto book = excel::read_xlsx(*bytes);
  ASSERT_TRUE(book) << book.error().message;
  ASSERT_EQ(book->sheets.size(), 5U);
  EXPECT_EQ(book->sheets[0].name, "Hồ sơ năm");
  EXPECT_EQ(book->sheets[1].name, "Khen thưởng");
  EXPECT_EQ(book->sheets[2].name, "Sáng kiến");
  EXPECT_EQ(book->sheets[3].name, "Danh mục");
  EXPECT_EQ(book->sheets[4].name, "Hướng dẫn");
  // The instructions say how an empty cell and the marker "(xóa)" are read (issue 23).
  std::string instructions;
  for (const auto& row : book->sheets[4].rows)
    instructions += std::string(row.text(0)) + "\n";
  EXPECT_NE(instructions.find("ô để trống giữ nguyên giá trị đã lưu"), std::string::npos) << instructions;
  EXPECT_NE(instructions.find("ghi (xóa) vào đúng ô đó"), std::string::npos) << instructions;
  EXPECT_NE(std::string(book->sheets[0].rows[1].text(0)).find("(xóa)"), std::string::npos);

  const auto& years = book->sheets[0];
  ASSERT_EQ(years.rows.size(), 5U);  // title, instruction, header, two persons
  EXPECT_EQ(years.rows[0].text(0), "HỒ SƠ THI ĐUA NĂM 2026 — Phòng Tuyên truyền và Địa bàn");
  EXPECT_FALSE(years.rows[1].text(0).empty());
  for (std::size_t i = 0; i < kPersonHeader.size(); ++i)
    EXPECT_EQ(years.rows[2].text(i), kPersonHeader[i]);
  EXPECT_EQ(years.rows[3].number, 4);
  EXPECT_EQ(years.rows[3].text(0), "7");
  EXPECT_EQ(years.rows[3].text(1), "Lý Thị Sáng");
  EXPECT_EQ(years.rows[3].text(2), "2026");
  EXPECT_EQ(years.rows[3].text(3), "Hoàn thành tốt nhiệm vụ");
  EXPECT_EQ(years.rows[3].cells[7].kind, excel::CellKind::kDate);
  EXPECT_EQ(years.rows[3].text(8), "Có");
  // The person without a stored year: id, name, year only.
  EXPECT_EQ(years.rows[4].text(1), "Huỳnh Văn Đức");
  EXPECT_EQ(years.rows[4].cells.size(), 3U);

  const auto& grants = book->sheets[1];
  ASSERT_EQ(grants.rows.size(), 3U);  // no data rows: an import adds grants
  EXPECT_EQ(grants.rows[2].text(0), "Đối tượng (Cá nhân/Tập thể)");
  EXPECT_EQ(grants.rows[2].text(3), "Danh hiệu (mã hoặc tên)");
  EXPECT_EQ(book->sheets[2].rows[2].text(4), "Phạm vi (Cơ sở/Tỉnh/Toàn quốc)");

  const auto& catalogue = book->sheets[3];
  bool listed = false;
  for (const auto& row : catalogue.rows) {
    if (row.text(1) == "CSTDCS" && row.text(2) == "Chiến sĩ thi đua cơ sở") listed = true;
  }
  EXPECT_TRUE(listed);

  // The drop-down lists: ratings by their full Vietnamese labels, discipline, yes/no; the kind of
  // subject and the grant types on the grants sheet; the levels on the initiatives sheet.
  const auto years_xml = entry_of(*bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(years_xml.find("<dataValidation "), std::string::npos);
  EXPECT_NE(years_xml.find("Hoàn thành xuất sắc nhiệm vụ,Hoàn thành tốt nhiệm vụ"), std::string::npos) << years_xml;
  EXPECT_NE(years_xml.find("Khiển trách"), std::string::npos);
  EXPECT_NE(years_xml.find("Có,Không"), std::string::npos) << years_xml;
  const auto grants_xml = entry_of(*bytes, "xl/worksheets/sheet2.xml");
  EXPECT_NE(grants_xml.find("Cá nhân,Tập thể"), std::string::npos);
  EXPECT_NE(grants_xml.find("Công trạng,Đột xuất"), std::string::npos);
  EXPECT_NE(entry_of(*bytes, "xl/worksheets/sheet3.xml").find("Cơ sở,Tỉnh,Toàn quốc"), std::string::npos);
}

TEST(RecordsForm, ABlankFormHasHeadersAndNoPersonRows) {
  RecordsFormData data;
  data.year = 2025;
  auto bytes = records_form(data);
  ASSERT_TRUE(bytes) << bytes.error().message;
  auto book = excel::read_xlsx(*bytes);
  ASSERT_TRUE(book);
  EXPECT_EQ(book->sheets[0].rows[0].text(0), "HỒ SƠ THI ĐUA NĂM 2025");
  EXPECT_EQ(book->sheets[0].rows.size(), 3U);
  auto parsed = parse(*bytes);
  EXPECT_TRUE(parsed.problems.empty()) << dump(parsed.problems);
  EXPECT_TRUE(parsed.batch.person_years.empty());
  EXPECT_TRUE(parsed.batch.grants.empty());
  EXPECT_TRUE(parsed.batch.initiatives.empty());
}

TEST(RecordsWorkbook, AnUntouchedFormImportsOnlyTheStoredRowsUnchanged) {
  const auto data = form_data();
  auto bytes = records_form(data);
  ASSERT_TRUE(bytes);
  auto parsed = parse(*bytes);
  EXPECT_TRUE(parsed.problems.empty()) << dump(parsed.problems);
  ASSERT_EQ(parsed.batch.person_years.size(), 1U);  // Đức's row holds only id, name and year
  const auto& row = parsed.batch.person_years[0];
  EXPECT_EQ(row.sheet, "Hồ sơ năm");
  EXPECT_EQ(row.row, 4);
  EXPECT_EQ(row.name_check, "Lý Thị Sáng");
  const auto& expected = *data.persons[0].stored;
  const auto& read = row.record.values;
  // Every field of the stored year is written back, none erased.
  EXPECT_EQ(row.record.set.size(), app::person_year_fields().size());
  EXPECT_TRUE(row.record.erased.empty());
  EXPECT_EQ(read.person, expected.person);
  EXPECT_EQ(read.year, expected.year);
  EXPECT_EQ(read.rating, expected.rating);
  EXPECT_EQ(read.months_worked, expected.months_worked);
  EXPECT_EQ(read.leave_months, expected.leave_months);
  EXPECT_EQ(read.discipline, expected.discipline);
  EXPECT_EQ(read.discipline_date, expected.discipline_date);
  EXPECT_EQ(read.discipline_pending, expected.discipline_pending);
  EXPECT_EQ(read.pending_note, expected.pending_note);
  EXPECT_EQ(read.notable_achievement, expected.notable_achievement);
  EXPECT_EQ(read.note, expected.note);
}

TEST(RecordsWorkbook, ReadsFilledRowsWithLabelsWithOrWithoutAccents) {
  const auto bytes = workbook({
      {"Hồ sơ năm",
       kPersonHeader,
       {
           {n(7), t("Lý Thị Sáng"), n(2025), t("Hoan thanh tot nhiem vu"), t("12"), e(), t("khong"), e(), t("Không"),
            e(), t("khong")},
           {n(9), t("Huỳnh Văn Đức"), t("2025"), t("HTXSNV"), n(10), n(2), t("Khiển trách"),
            CellValue::date(ymd(2025, 6, 1)), t("co"), t("Kiểm tra tài chính"), t("Có"), t("  ghi   chú  ")},
           {n(11), t("Điểu Xanh"), n(2025), t("hoàn thành NHIỆM VỤ"), e(), e(), t("canh cao"), t("15/03/2025")},
       }},
      {"Khen thưởng",
       kGrantHeader,
       {
           {t("Cá nhân"), n(7), t("Lý Thị Sáng"), t("Lao dong tien tien"), n(2024), e(), t("21/QĐ-SDTTG"),
            t("15/01/2025"), t("Giám đốc Sở"), e()},
           {t("tap the"), n(3), t("Phòng Tuyên truyền và Địa bàn"), t("BK_TINH"), n(2023), t("Dot xuat"),
            t("631/QĐ-UBND"), CellValue::date(ymd(2024, 2, 1))},
       }},
      {"Sáng kiến",
       kInitiativeHeader,
       {
           {n(7), t("Lý Thị Sáng"), n(2024), t("Số hóa hồ sơ"), t("cap tinh"), t("12/QĐ-HĐSK"),
            t("Chiến sĩ thi đua cơ sở"), n(2025)},
           {n(9), e(), n(2023), t("Bảng tính theo dõi"), e()},
       }},
  });
  auto parsed = parse(bytes);
  ASSERT_TRUE(parsed.problems.empty()) << dump(parsed.problems);

  ASSERT_EQ(parsed.batch.person_years.size(), 3U);
  const auto& sang = parsed.batch.person_years[0];
  EXPECT_EQ(sang.row, 2);
  EXPECT_EQ(sang.record.values.person, PersonId{7});
  EXPECT_EQ(sang.record.values.year, 2025);
  EXPECT_EQ(sang.record.values.rating, rules::Rating::kCompletedWell);
  EXPECT_EQ(sang.record.values.months_worked, 12);
  EXPECT_EQ(sang.record.values.leave_months, std::nullopt);
  EXPECT_EQ(sang.record.values.discipline, rules::DisciplineLevel::kNone);
  EXPECT_FALSE(sang.record.values.discipline_pending);
  EXPECT_EQ(sang.record.values.notable_achievement, rules::Known::kNo);
  const auto& duc = parsed.batch.person_years[1];
  EXPECT_EQ(duc.record.values.year, 2025);
  EXPECT_EQ(duc.record.values.rating, rules::Rating::kCompletedExcellently);
  EXPECT_EQ(duc.record.values.leave_months, 2);
  EXPECT_EQ(duc.record.values.discipline, rules::DisciplineLevel::kReprimand);
  EXPECT_EQ(duc.record.values.discipline_date, ymd(2025, 6, 1));
  EXPECT_TRUE(duc.record.values.discipline_pending);
  EXPECT_EQ(duc.record.values.pending_note, "Kiểm tra tài chính");
  EXPECT_EQ(duc.record.values.notable_achievement, rules::Known::kYes);
  EXPECT_EQ(duc.record.values.note, "ghi chú");
  const auto& xanh = parsed.batch.person_years[2];
  EXPECT_EQ(xanh.record.values.rating, rules::Rating::kCompleted);
  EXPECT_EQ(xanh.record.values.discipline, rules::DisciplineLevel::kWarning);
  EXPECT_EQ(xanh.record.values.discipline_date, ymd(2025, 3, 15));
  EXPECT_EQ(xanh.record.values.notable_achievement, rules::Known::kUnknown);

  ASSERT_EQ(parsed.batch.grants.size(), 2U);
  const auto& ldtt = parsed.batch.grants[0].record;
  EXPECT_EQ(parsed.batch.grants[0].name_check, "Lý Thị Sáng");
  EXPECT_EQ(ldtt.subject, (domain::SubjectRef{rules::SubjectKind::kPerson, 7}));
  EXPECT_EQ(ldtt.honour, "LDTT");  // written by name, without accents
  EXPECT_EQ(ldtt.year, 2024);
  EXPECT_EQ(ldtt.type, rules::GrantType::kMerit);
  EXPECT_EQ(ldtt.decision_number, "21/QĐ-SDTTG");
  EXPECT_EQ(ldtt.decision_date, ymd(2025, 1, 15));
  EXPECT_EQ(ldtt.authority, "Giám đốc Sở");
  EXPECT_EQ(ldtt.source, domain::GrantSource::kImported);
  const auto& bk = parsed.batch.grants[1].record;
  EXPECT_EQ(bk.subject, (domain::SubjectRef{rules::SubjectKind::kUnit, 3}));
  EXPECT_EQ(bk.honour, "BK_TINH");
  EXPECT_EQ(bk.type, rules::GrantType::kSudden);
  EXPECT_EQ(bk.decision_date, ymd(2024, 2, 1));

  ASSERT_EQ(parsed.batch.initiatives.size(), 2U);
  const auto& first = parsed.batch.initiatives[0].record;
  EXPECT_EQ(first.subject, (domain::SubjectRef{rules::SubjectKind::kPerson, 7}));
  EXPECT_EQ(first.title, "Số hóa hồ sơ");
  EXPECT_EQ(first.level, rules::InitiativeLevel::kProvince);
  EXPECT_EQ(first.recognised_by, "12/QĐ-HĐSK");
  EXPECT_EQ(first.used_for, "CSTDCS");
  EXPECT_EQ(first.used_for_year, 2025);
  EXPECT_EQ(parsed.batch.initiatives[1].record.level, rules::InitiativeLevel::kUnit);
  EXPECT_EQ(parsed.batch.initiatives[1].row, 3);
}

TEST(RecordsWorkbook, MapsColumnsByHeaderTextInAnyOrderAndSheetNamesWithoutAccents) {
  const auto bytes = workbook({
      {"HO SO NAM",
       {"Ghi chú", "xếp loại", "NĂM", "Họ và tên", "Mã cá nhân (không sửa)", "so thang cong tac",
        "Số tháng nghỉ thai sản", "Kỷ luật", "Ngày quyết định kỷ luật", "Đang xem xét kỷ luật", "Nội dung đang xem xét",
        "Thành tích được ghi nhận (Có/Không)"},
       {
           {t("Tốt"), t("Hoàn thành tốt nhiệm vụ"), n(2025), t("Lý Thị Sáng"), n(7)},
           {e(), t("KHTNV"), n(2025), t("Huỳnh Văn Đức"), n(9)},
       },
       {"DANH SÁCH XẾP LOẠI NĂM 2025", "Phòng Tuyên truyền và Địa bàn"}},
      {"Sheet2", {}, {}},  // an empty sheet a spreadsheet program adds
  });
  auto parsed = parse(bytes);
  ASSERT_TRUE(parsed.problems.empty()) << dump(parsed.problems);
  ASSERT_EQ(parsed.batch.person_years.size(), 2U);
  EXPECT_EQ(parsed.batch.person_years[0].sheet, "Hồ sơ năm");
  EXPECT_EQ(parsed.batch.person_years[0].row, 4);  // two title rows, then the header
  EXPECT_EQ(parsed.batch.person_years[0].record.values.person, PersonId{7});
  EXPECT_EQ(parsed.batch.person_years[0].record.values.rating, rules::Rating::kCompletedWell);
  EXPECT_EQ(parsed.batch.person_years[0].record.values.note, "Tốt");
  EXPECT_EQ(parsed.batch.person_years[0].name_check, "Lý Thị Sáng");
  EXPECT_EQ(parsed.batch.person_years[1].record.values.rating, rules::Rating::kNotCompleted);
  EXPECT_TRUE(parsed.batch.grants.empty());
}

// Issue 23: the officer renamed "Xếp loại" to "Kết quả đánh giá"; the import read the ratings as
// empty and erased six people's ratings. A header that is not the form's now refuses the file.
TEST(RecordsWorkbook, RefusesHeadersThatAreNotTheFormsNamingEachColumn) {
  std::vector<std::string> renamed = kPersonHeader;
  renamed[3] = "Kết quả đánh giá";
  const auto bytes = workbook({{"Hồ sơ năm", renamed, {{n(7), t("Lý Thị Sáng"), n(2025), t("HTXSNV"), n(12)}}}});
  auto refused = read_records_workbook(bytes, with_honours());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(refused.error().field, "file");
  EXPECT_EQ(refused.error().message,
            "Trang \"Hồ sơ năm\" không đúng mẫu (dòng tiêu đề là dòng 1): thiếu cột \"Xếp loại\"; cột D có tiêu đề "
            "\"Kết quả đánh giá\" không có trong mẫu. tdkt không đoán cột nào chứa gì: hãy giữ đúng tiêu đề các cột "
            "của mẫu rồi nhập lại.");

  // A column of one's own (even a row number), a header given twice, values under no header.
  std::vector<std::string> extra = kPersonHeader;
  extra.insert(extra.begin(), "STT");
  auto with_extra = read_records_workbook(workbook({{"Hồ sơ năm", extra, {}}}), with_honours());
  ASSERT_FALSE(with_extra);
  EXPECT_NE(with_extra.error().message.find("cột A có tiêu đề \"STT\" không có trong mẫu"), std::string::npos)
      << with_extra.error().message;
  std::vector<std::string> twice = kPersonHeader;
  twice.emplace_back("Xếp loại (lần 2)");
  auto with_twice = read_records_workbook(workbook({{"Hồ sơ năm", twice, {}}}), with_honours());
  ASSERT_FALSE(with_twice);
  EXPECT_NE(with_twice.error().message.find("cột \"Xếp loại\" có hai lần (cột D và cột M)"), std::string::npos)
      << with_twice.error().message;
  std::vector<CellValue> beyond(13, e());
  beyond[0] = n(7);
  beyond[3] = t("HTNV");
  beyond[12] = t("ghi ngoài bảng");
  auto unheaded = read_records_workbook(workbook({{"Hồ sơ năm", kPersonHeader, {beyond}}}), with_honours());
  ASSERT_FALSE(unheaded);
  EXPECT_NE(unheaded.error().message.find("cột M có dữ liệu (ô M2) nhưng không có tiêu đề"), std::string::npos)
      << unheaded.error().message;

  // The same for the other sheets: a missing column of "Khen thưởng" is named.
  std::vector<std::string> grants = kGrantHeader;
  grants.erase(grants.begin() + 6);  // "Số quyết định"
  auto no_number = read_records_workbook(workbook({{"Khen thưởng", grants, {}}}), with_honours());
  ASSERT_FALSE(no_number);
  EXPECT_NE(no_number.error().message.find("Trang \"Khen thưởng\" không đúng mẫu"), std::string::npos);
  EXPECT_NE(no_number.error().message.find("thiếu cột \"Số quyết định\""), std::string::npos);

  // A sheet that is not the form's and holds values: tdkt does not read it, so it says so.
  auto other_sheet = read_records_workbook(
      workbook({{"Hồ sơ năm", kPersonHeader, {}}, {"Hồ sơ 2024", kPersonHeader, {{n(7), e(), n(2024), t("HTNV")}}}}),
      with_honours());
  ASSERT_FALSE(other_sheet);
  EXPECT_NE(other_sheet.error().message.find("Tệp có trang \"Hồ sơ 2024\" không thuộc mẫu"), std::string::npos)
      << other_sheet.error().message;
}

// Issue 23: an empty cell keeps the stored value; "(xóa)" erases it, and only in "Hồ sơ năm".
TEST(RecordsWorkbook, AnEmptyCellKeepsTheStoredValueAndTheMarkerErasesIt) {
  const auto bytes = workbook({
      {"Hồ sơ năm",
       kPersonHeader,
       {
           // Months worked set; the rating left empty; discipline and the note erased.
           {n(7), t("Lý Thị Sáng"), n(2025), e(), n(11), e(), t("(xóa)"), e(), e(), e(), e(), t("(XOÁ)")},
           // Only a marker: a row that records something.
           {n(9), t("Huỳnh Văn Đức"), n(2025), t(" (xoá) ")},
       }},
      {"Khen thưởng", kGrantHeader, {{t("Cá nhân"), n(7), e(), t("LDTT"), n(2024), e(), t("(xóa)")}}},
  });
  auto parsed = parse(bytes);
  using F = app::PersonYearField;
  ASSERT_EQ(parsed.batch.person_years.size(), 2U) << dump(parsed.problems);
  const auto& sang = parsed.batch.person_years[0].record;
  EXPECT_EQ(sang.set, (std::vector<F>{F::kMonthsWorked}));
  EXPECT_EQ(sang.erased, (std::vector<F>{F::kDiscipline, F::kNote}));
  EXPECT_EQ(sang.values.months_worked, 11);
  const auto& duc = parsed.batch.person_years[1].record;
  EXPECT_TRUE(duc.set.empty());
  EXPECT_EQ(duc.erased, (std::vector<F>{F::kRating}));
  // A grant is only ever added: the marker there is a problem, never a decision number "(xóa)".
  ASSERT_EQ(parsed.problems.size(), 1U) << dump(parsed.problems);
  EXPECT_TRUE(has_problem(parsed, "Khen thưởng", 2, "decision_number"));
  EXPECT_NE(parsed.problems[0].message.find("chỉ dùng ở các cột hồ sơ của trang \"Hồ sơ năm\""), std::string::npos);
  EXPECT_TRUE(parsed.batch.grants.empty());
}

TEST(RecordsWorkbook, AMissingRequiredColumnRefusesTheFileNamingSheetAndColumn) {
  const auto bytes =
      workbook({{"Hồ sơ năm", {"Họ và tên", "Năm", "Xếp loại"}, {{t("Lý Thị Sáng"), n(2025), t("HTTNV")}}}});
  auto parsed = read_records_workbook(bytes, with_honours());
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parsed.error().field, "file");
  EXPECT_NE(parsed.error().message.find("\"Hồ sơ năm\""), std::string::npos) << parsed.error().message;
  EXPECT_NE(parsed.error().message.find("\"Mã cá nhân\""), std::string::npos) << parsed.error().message;

  // The year column may be left out when the caller gives a default year.
  std::vector<std::string> no_year_header = kInitiativeHeader;
  no_year_header.erase(no_year_header.begin() + 2);
  const auto without_year = workbook({{"Sáng kiến", no_year_header, {{n(7), e(), t("Sổ tay")}}}});
  EXPECT_FALSE(read_records_workbook(without_year, with_honours()));
  auto options = with_honours();
  options.default_year = 2024;
  auto defaulted = read_records_workbook(without_year, options);
  ASSERT_TRUE(defaulted) << defaulted.error().message;
  ASSERT_EQ(defaulted->batch.initiatives.size(), 1U);
  EXPECT_EQ(defaulted->batch.initiatives[0].record.year, 2024);

  const auto no_header = workbook({{"Khen thưởng", {}, {{t("Cá nhân"), n(7), t("LDTT")}}}});
  auto refused = read_records_workbook(no_header, with_honours());
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("dòng tiêu đề"), std::string::npos) << refused.error().message;
}

TEST(RecordsWorkbook, CollectsEveryBadCellWithItsRowNumber) {
  const auto bytes = workbook({
      {"Hồ sơ năm",
       kPersonHeader,
       {
           {n(7), t("Lý Thị Sáng"), n(2025), t("Hoàn thành tốt nhiệm vụ"), n(12)},        // row 2: good
           {n(9), t("Huỳnh Văn Đức"), n(2025), t("Tốt lắm"), n(13)},                      // row 3: two problems
           {t("abc"), t("Điểu Xanh"), n(2025), t("HTNV")},                                // row 4: id
           {n(11), e(), n(2025), e(), e(), e(), t("Cảnh cáo"), t("31/02/2025")},          // row 5: date
           {n(12), e(), e(), t("HTNV")},                                                  // row 6: no year
           {n(13), e(), n(2025), e(), t("mười"), e(), t("Nhắc nhở"), e(), t("chưa rõ")},  // row 7: three
       }},
      {"Khen thưởng",
       kGrantHeader,
       {
           {t("Hộ gia đình"), n(4), e(), t("LDTT"), n(2024)},   // row 2: unknown kind
           {t("Cá nhân"), n(7), e(), e(), n(2024), t("Khác")},  // row 3: no honour, bad type
       }},
      {"Sáng kiến",
       kInitiativeHeader,
       {
           {n(7), e(), n(2024), e(), t("Huyện")},                     // row 2: no title, bad level
           {n(7), e(), n(2024), t("Sổ tay"), e(), e(), e(), t("x")},  // row 3: bad year
       }},
  });
  auto parsed = parse(bytes);
  EXPECT_TRUE(has_problem(parsed, "Hồ sơ năm", 3, "rating")) << dump(parsed.problems);
  EXPECT_TRUE(has_problem(parsed, "Hồ sơ năm", 3, "months_worked"));
  EXPECT_TRUE(has_problem(parsed, "Hồ sơ năm", 4, "person_id"));
  EXPECT_TRUE(has_problem(parsed, "Hồ sơ năm", 5, "discipline_date"));
  EXPECT_TRUE(has_problem(parsed, "Hồ sơ năm", 6, "year"));
  EXPECT_TRUE(has_problem(parsed, "Hồ sơ năm", 7, "months_worked"));
  EXPECT_TRUE(has_problem(parsed, "Hồ sơ năm", 7, "discipline"));
  EXPECT_TRUE(has_problem(parsed, "Hồ sơ năm", 7, "discipline_pending"));
  EXPECT_TRUE(has_problem(parsed, "Khen thưởng", 2, "subject_kind"));
  EXPECT_TRUE(has_problem(parsed, "Khen thưởng", 3, "honour"));
  EXPECT_TRUE(has_problem(parsed, "Khen thưởng", 3, "type"));
  EXPECT_TRUE(has_problem(parsed, "Sáng kiến", 2, "title"));
  EXPECT_TRUE(has_problem(parsed, "Sáng kiến", 2, "level"));
  EXPECT_TRUE(has_problem(parsed, "Sáng kiến", 3, "used_for_year"));
  EXPECT_EQ(parsed.problems.size(), 14U) << dump(parsed.problems);
  EXPECT_EQ(rows_with_problems(parsed.problems), 9);
  EXPECT_FALSE(has_problem(parsed, "Hồ sơ năm", 2, "rating"));

  // Only the good row made it into the batch.
  ASSERT_EQ(parsed.batch.person_years.size(), 1U);
  EXPECT_EQ(parsed.batch.person_years[0].row, 2);
  EXPECT_TRUE(parsed.batch.grants.empty());
  EXPECT_TRUE(parsed.batch.initiatives.empty());

  // The messages are Vietnamese and quote what was written.
  for (const auto& problem : parsed.problems) {
    if (problem.sheet == "Hồ sơ năm" && problem.row == 5) {
      EXPECT_NE(problem.message.find("31/02/2025"), std::string::npos) << problem.message;
      EXPECT_NE(problem.message.find("Ngày quyết định kỷ luật"), std::string::npos) << problem.message;
    }
    if (problem.sheet == "Hồ sơ năm" && problem.row == 3 && problem.field == "rating") {
      EXPECT_NE(problem.message.find("\"Tốt lắm\""), std::string::npos) << problem.message;
      EXPECT_NE(problem.message.find("Hoàn thành xuất sắc nhiệm vụ"), std::string::npos) << problem.message;
    }
  }
}

TEST(RecordsWorkbook, SkipsBlankRowsAndRowsWithOnlyTheSubject) {
  const auto bytes = workbook({
      {"Hồ sơ năm",
       kPersonHeader,
       {
           {n(7), t("Lý Thị Sáng"), n(2025)},               // row 2: identity only
           {e(), e(), e(), e(), e()},                       // row 3: blank (formatted cells)
           {t("  "), e(), t(" "), e()},                     // row 4: spaces only
           {n(9), t("Huỳnh Văn Đức"), n(2025), t("HTNV")},  // row 5
       }},
      {"Khen thưởng", kGrantHeader, {{t("Cá nhân"), n(7), t("Lý Thị Sáng"), e(), n(2024)}}},
      {"Sáng kiến", kInitiativeHeader, {{n(7), t("Lý Thị Sáng"), n(2024)}}},
  });
  auto parsed = parse(bytes);
  EXPECT_TRUE(parsed.problems.empty()) << dump(parsed.problems);
  ASSERT_EQ(parsed.batch.person_years.size(), 1U);
  EXPECT_EQ(parsed.batch.person_years[0].row, 5);
  EXPECT_TRUE(parsed.batch.grants.empty());
  EXPECT_TRUE(parsed.batch.initiatives.empty());
}

TEST(RecordsWorkbook, RefusesAFileThatIsNotASpreadsheet) {
  auto parsed = read_records_workbook("Mã cá nhân;Năm;Xếp loại\n7;2025;HTTNV\n");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parsed.error().field, "file");
  EXPECT_FALSE(parsed.error().message.empty());
  EXPECT_FALSE(read_records_workbook(""));
}

TEST(RecordsWorkbook, RefusesAWorkbookWithoutTheSheets) {
  const auto bytes = workbook({{"Sheet1", kPersonHeader, {{n(7), t("Lý Thị Sáng"), n(2025), t("HTTNV")}}}});
  auto parsed = read_records_workbook(bytes);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parsed.error().field, "file");
  EXPECT_EQ(parsed.error().message,
            "Tệp không phải mẫu nhập hồ sơ của tdkt: không có trang \"Hồ sơ năm\", \"Khen thưởng\" hoặc \"Sáng "
            "kiến\".");
}

TEST(RecordsWorkbook, KeepsAnUnknownHonourAsWrittenForTheUseCaseToReport) {
  const auto bytes =
      workbook({{"Khen thưởng", kGrantHeader, {{t("Cá nhân"), n(7), e(), t("Huân chương XYZ"), n(2024)}}}});
  auto parsed = parse(bytes);
  ASSERT_TRUE(parsed.problems.empty()) << dump(parsed.problems);
  ASSERT_EQ(parsed.batch.grants.size(), 1U);
  EXPECT_EQ(parsed.batch.grants[0].record.honour, "Huân chương XYZ");
}

}  // namespace
}  // namespace tdkt::ingest
