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
  ASSERT_EQ(book->sheets.size(), 4U);
  EXPECT_EQ(book->sheets[0].name, "Hồ sơ năm");
  EXPECT_EQ(book->sheets[1].name, "Khen thưởng");
  EXPECT_EQ(book->sheets[2].name, "Sáng kiến");
  EXPECT_EQ(book->sheets[3].name, "Danh mục");

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
  const auto& read = row.record;
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
  EXPECT_EQ(sang.record.person, PersonId{7});
  EXPECT_EQ(sang.record.year, 2025);
  EXPECT_EQ(sang.record.rating, rules::Rating::kCompletedWell);
  EXPECT_EQ(sang.record.months_worked, 12);
  EXPECT_EQ(sang.record.leave_months, std::nullopt);
  EXPECT_EQ(sang.record.discipline, rules::DisciplineLevel::kNone);
  EXPECT_FALSE(sang.record.discipline_pending);
  EXPECT_EQ(sang.record.notable_achievement, rules::Known::kNo);
  const auto& duc = parsed.batch.person_years[1];
  EXPECT_EQ(duc.record.year, 2025);
  EXPECT_EQ(duc.record.rating, rules::Rating::kCompletedExcellently);
  EXPECT_EQ(duc.record.leave_months, 2);
  EXPECT_EQ(duc.record.discipline, rules::DisciplineLevel::kReprimand);
  EXPECT_EQ(duc.record.discipline_date, ymd(2025, 6, 1));
  EXPECT_TRUE(duc.record.discipline_pending);
  EXPECT_EQ(duc.record.pending_note, "Kiểm tra tài chính");
  EXPECT_EQ(duc.record.notable_achievement, rules::Known::kYes);
  EXPECT_EQ(duc.record.note, "ghi chú");
  const auto& xanh = parsed.batch.person_years[2];
  EXPECT_EQ(xanh.record.rating, rules::Rating::kCompleted);
  EXPECT_EQ(xanh.record.discipline, rules::DisciplineLevel::kWarning);
  EXPECT_EQ(xanh.record.discipline_date, ymd(2025, 3, 15));
  EXPECT_EQ(xanh.record.notable_achievement, rules::Known::kUnknown);

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
       {"STT", "Ghi chú", "xếp loại", "NĂM", "Họ và tên", "Mã cá nhân (không sửa)", "Cột riêng của phòng"},
       {
           {n(1), t("Tốt"), t("Hoàn thành tốt nhiệm vụ"), n(2025), t("Lý Thị Sáng"), n(7), t("bỏ qua")},
           {n(2), e(), t("KHTNV"), n(2025), t("Huỳnh Văn Đức"), n(9)},
       },
       {"DANH SÁCH XẾP LOẠI NĂM 2025", "Phòng Tuyên truyền và Địa bàn"}},
      {"Trang khác", {"Mã", "Năm"}, {{n(1), n(2)}}},
  });
  auto parsed = parse(bytes);
  ASSERT_TRUE(parsed.problems.empty()) << dump(parsed.problems);
  ASSERT_EQ(parsed.batch.person_years.size(), 2U);
  EXPECT_EQ(parsed.batch.person_years[0].sheet, "Hồ sơ năm");
  EXPECT_EQ(parsed.batch.person_years[0].row, 4);  // two title rows, then the header
  EXPECT_EQ(parsed.batch.person_years[0].record.person, PersonId{7});
  EXPECT_EQ(parsed.batch.person_years[0].record.rating, rules::Rating::kCompletedWell);
  EXPECT_EQ(parsed.batch.person_years[0].record.note, "Tốt");
  EXPECT_EQ(parsed.batch.person_years[0].name_check, "Lý Thị Sáng");
  EXPECT_EQ(parsed.batch.person_years[1].record.rating, rules::Rating::kNotCompleted);
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
  const auto without_year = workbook({{"Sáng kiến", {"Mã cá nhân", "Tên sáng kiến, đề tài"}, {{n(7), t("Sổ tay")}}}});
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
