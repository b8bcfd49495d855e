// The Excel library: what the writer writes the reader reads back; hand-built workbooks (the
// XML written here, zipped with libzip) cover what libxlsxwriter never writes; every refusal is
// an Error value with a Vietnamese message.

#include <dirent.h>
#include <gtest/gtest.h>
#include <malloc.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "excel/xlsx_reader.hpp"
#include "excel/xlsx_writer.hpp"
#include "support/hostile_files.hpp"

namespace tdkt::excel {
namespace {

CivilDate ymd(int year, unsigned month, unsigned day) {
  return *CivilDate::from_ymd(year, month, day);
}

// ---- ZIP helpers ------------------------------------------------------------------------------

struct Part {
  std::string name;
  std::string content;
};

// A ZIP archive in memory holding `parts`, deflated.
std::string zip_of(const std::vector<Part>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  EXPECT_NE(zip, nullptr);
  zip_source_keep(buffer);
  for (const Part& part : parts) {
    zip_source_t* source = zip_source_buffer(zip, part.content.data(), part.content.size(), 0);
    EXPECT_GE(zip_file_add(zip, part.name.c_str(), source, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(zip), 0);
  std::string bytes;
  zip_stat_t stat;
  zip_stat_init(&stat);
  EXPECT_EQ(zip_source_stat(buffer, &stat), 0);
  EXPECT_EQ(zip_source_open(buffer), 0);
  bytes.resize(stat.size);
  EXPECT_EQ(zip_source_read(buffer, bytes.data(), bytes.size()), static_cast<zip_int64_t>(bytes.size()));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

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

void put_le32(std::string& bytes, std::size_t at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i)
    bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xFFU);
}
std::uint16_t le16(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                    (static_cast<unsigned char>(bytes[at + 1]) << 8));
}

// Rewrites the uncompressed size that the local header and the central directory declare for
// `name`: how a crafted file lies about its size. Returns how many headers were changed.
int declare_size(std::string& bytes, const std::string& name, std::uint32_t size) {
  int changed = 0;
  for (std::size_t at = 0; at + 46 < bytes.size(); ++at) {
    if (bytes.compare(at, 4, "PK\x03\x04") == 0 && bytes.compare(at + 30, name.size(), name) == 0 &&
        le16(bytes, at + 26) == name.size()) {
      put_le32(bytes, at + 22, size);
      ++changed;
    } else if (bytes.compare(at, 4, "PK\x01\x02") == 0 && bytes.compare(at + 46, name.size(), name) == 0 &&
               le16(bytes, at + 28) == name.size()) {
      put_le32(bytes, at + 24, size);
      ++changed;
    }
  }
  return changed;
}

// ---- Hand-built workbooks ---------------------------------------------------------------------

constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string root_rels() {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)") +
         R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
         R"(<Relationship Id="rId1" Type=")" + kRelNs + R"(/officeDocument" Target="xl/workbook.xml"/>)" +
         "</Relationships>";
}

std::string worksheet(const std::string& sheet_data) {
  return std::string("<worksheet xmlns=\"") + kMainNs + "\"><sheetData>" + sheet_data + "</sheetData></worksheet>";
}

// One sheet "Sheet1" holding `sheet_data`, with optional shared strings (the <si> items) and
// cell formats (the <numFmts> and <cellXfs> contents).
std::string single_sheet_xlsx(const std::string& sheet_data, const std::string& shared_items = "",
                              const std::string& styles = "", bool date1904 = false) {
  std::string workbook = std::string("<workbook xmlns=\"") + kMainNs + "\" xmlns:r=\"" + kRelNs + "\">" +
                         (date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>") +
                         "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  std::string rels =
      std::string("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">") +
      "<Relationship Id=\"rId1\" Type=\"" + kRelNs + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
      "<Relationship Id=\"rId2\" Type=\"" + kRelNs + "/sharedStrings\" Target=\"sharedStrings.xml\"/>" +
      "<Relationship Id=\"rId3\" Type=\"" + kRelNs + "/styles\" Target=\"styles.xml\"/>" + "</Relationships>";
  return zip_of({
      {"_rels/.rels", root_rels()},
      {"xl/workbook.xml", workbook},
      {"xl/_rels/workbook.xml.rels", rels},
      {"xl/worksheets/sheet1.xml", worksheet(sheet_data)},
      {"xl/sharedStrings.xml", std::string("<sst xmlns=\"") + kMainNs + "\">" + shared_items + "</sst>"},
      {"xl/styles.xml", std::string("<styleSheet xmlns=\"") + kMainNs + "\">" + styles + "</styleSheet>"},
  });
}

// Cell formats: 0 General, 1 custom dd/mm/yyyy, 2 built-in 14 (a date), 3 a custom code whose only
// d is quoted text, 4 a custom time h:mm, 5 built-in 4 (#,##0.00).
const std::string kStyles =
    R"(<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>)"
    R"(<numFmt numFmtId="165" formatCode="#,##0 &quot;d&quot;"/><numFmt numFmtId="166" formatCode="h:mm"/></numFmts>)"
    R"(<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"/>)"
    R"(<xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="4"/></cellXfs>)";

const Cell& cell_at(const Row& row, std::size_t column) {
  static const Cell kNone;
  const Cell* cell = row.cell(column);
  return cell != nullptr ? *cell : kNone;
}

// ---- Round trip -------------------------------------------------------------------------------

TEST(XlsxRoundTrip, ReadsBackWhatTheWriterWrote) {
  const std::string all_letters =
      "ăâđêôơư ĂÂĐÊÔƠƯ àảãáạ ằẳẵắặ ầẩẫấậ èẻẽéẹ ềểễếệ ìỉĩíị òỏõóọ ồổỗốộ ờởỡớợ ùủũúụ ừửữứự ỳỷỹýỵ";
  XlsxWriter writer;
  auto& people = writer.add_sheet("Cá nhân");
  people.set_column_width(0, 30)
      .write_title("Danh sách đề nghị khen thưởng năm 2024", 5)
      .write_header({"Họ và tên", "Danh hiệu", "Số năm", "Điểm", "Ngày sinh"})
      .write_row({CellValue::text("Nguyễn Thị Ánh Tuyết"), CellValue::text("Hoàn thành xuất sắc nhiệm vụ"),
                  CellValue::integer(3), CellValue::decimal(1234567.25), CellValue::date(ymd(2024, 2, 29))})
      .write_row({CellValue::text("Đặng Văn Ưng"), CellValue::empty(), CellValue::empty(), CellValue::integer(-42),
                  CellValue::date(ymd(1900, 1, 1))})
      .write_row({CellValue::text(all_letters), CellValue::decimal(0.1), CellValue::date(ymd(1900, 2, 28)),
                  CellValue::date(ymd(1900, 3, 1)), CellValue::date(ymd(9999, 12, 31))});
  writer.add_sheet("Tập thể").write_row({CellValue::text("Phòng Tổng hợp")});
  writer.add_sheet("Ghi chú");
  auto bytes = writer.finish();
  ASSERT_TRUE(bytes) << bytes.error().message;

  auto workbook = read_xlsx(*bytes);
  ASSERT_TRUE(workbook) << workbook.error().message;
  ASSERT_EQ(workbook->sheets.size(), 3U);
  EXPECT_EQ(workbook->sheets[0].name, "Cá nhân");
  EXPECT_EQ(workbook->sheets[1].name, "Tập thể");
  EXPECT_EQ(workbook->sheets[2].name, "Ghi chú");
  EXPECT_TRUE(workbook->sheets[2].rows.empty());
  ASSERT_NE(workbook->sheet("Tập thể"), nullptr);
  EXPECT_EQ(workbook->sheet("Tập thể")->rows.at(0).text(0), "Phòng Tổng hợp");
  EXPECT_EQ(workbook->sheet("Khen thưởng"), nullptr);

  const Sheet& sheet = workbook->sheets[0];
  ASSERT_EQ(sheet.rows.size(), 5U);
  // The title, merged: the cells it covers are formatted blanks, which read as nothing.
  EXPECT_EQ(sheet.rows[0].number, 1);
  ASSERT_EQ(sheet.rows[0].cells.size(), 1U);
  EXPECT_EQ(sheet.rows[0].text(0), "Danh sách đề nghị khen thưởng năm 2024");
  EXPECT_EQ(sheet.rows[1].number, 2);
  EXPECT_EQ(sheet.rows[1].text(4), "Ngày sinh");

  const Row& first = sheet.rows[2];
  EXPECT_EQ(first.number, 3);
  EXPECT_EQ(first.text(0), "Nguyễn Thị Ánh Tuyết");
  EXPECT_EQ(first.cells[0].kind, CellKind::kText);
  EXPECT_EQ(first.text(1), "Hoàn thành xuất sắc nhiệm vụ");
  EXPECT_EQ(first.cells[2].kind, CellKind::kNumber);
  EXPECT_EQ(first.cells[2].number, 3);
  EXPECT_EQ(first.text(2), "3");
  EXPECT_EQ(first.cells[3].kind, CellKind::kNumber);  // "#,##0.00" is not a date format
  EXPECT_EQ(first.cells[3].number, 1234567.25);
  EXPECT_EQ(first.text(3), "1234567.25");
  EXPECT_EQ(first.cells[4].kind, CellKind::kDate);
  EXPECT_EQ(first.cells[4].date, ymd(2024, 2, 29));
  EXPECT_EQ(first.text(4), "29/02/2024");

  const Row& second = sheet.rows[3];
  ASSERT_EQ(second.cells.size(), 5U);
  EXPECT_EQ(second.text(0), "Đặng Văn Ưng");
  EXPECT_TRUE(second.cells[1].empty());
  EXPECT_TRUE(second.cells[2].empty());
  EXPECT_EQ(second.text(3), "-42");
  EXPECT_EQ(second.cells[4].date, ymd(1900, 1, 1));
  EXPECT_EQ(second.cells[4].number, 1);  // serial 1 in the 1900 system

  const Row& third = sheet.rows[4];
  EXPECT_EQ(third.text(0), all_letters);
  EXPECT_EQ(third.text(1), "0.1");
  // Either side of the 29/02/1900 that Excel counts but that never was.
  EXPECT_EQ(third.cells[2].date, ymd(1900, 2, 28));
  EXPECT_EQ(third.cells[2].number, 59);
  EXPECT_EQ(third.cells[3].date, ymd(1900, 3, 1));
  EXPECT_EQ(third.cells[3].number, 61);
  EXPECT_EQ(third.cells[4].date, ymd(9999, 12, 31));
  EXPECT_EQ(third.text(5), "");  // beyond the row
  EXPECT_EQ(third.cell(5), nullptr);
}

TEST(XlsxWriter, FreezesTheHeaderFormatsNumbersAndAddsDropDownLists) {
  XlsxWriter writer;
  writer.add_sheet("Đăng ký")
      .write_title("Phiếu đăng ký thi đua", 3)
      .write_header({"Họ và tên", "Danh hiệu đăng ký", "Xếp loại"})
      .add_list_validation(2, {"Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Không hoàn thành"}, 200)
      .write_row({CellValue::text("Trần Văn Bình"), CellValue::decimal(2.5), CellValue::date(ymd(2024, 5, 19))});
  auto bytes = writer.finish();
  ASSERT_TRUE(bytes) << bytes.error().message;
  const std::string sheet = entry_of(*bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find(R"(<pane ySplit="2" topLeftCell="A3")"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find(R"(<mergeCell ref="A1:C1"/>)"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find(R"(<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1")"),
            std::string::npos)
      << sheet;
  EXPECT_NE(sheet.find(R"(sqref="C3:C202")"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("Hoàn thành xuất sắc nhiệm vụ,Hoàn thành tốt nhiệm vụ,Không hoàn thành"), std::string::npos);
  const std::string styles = entry_of(*bytes, "xl/styles.xml");
  EXPECT_NE(styles.find(R"(formatCode="#,##0.00")"), std::string::npos) << styles;
  EXPECT_NE(styles.find(R"(formatCode="dd/mm/yyyy")"), std::string::npos) << styles;
  EXPECT_NE(styles.find("<b/>"), std::string::npos) << styles;
  EXPECT_NE(styles.find(R"(wrapText="1")"), std::string::npos) << styles;
  EXPECT_NE(styles.find(R"(<left style="thin">)"), std::string::npos) << styles;
}

TEST(XlsxWriter, KeepsTheFirstErrorAndReturnsItFromFinish) {
  {
    XlsxWriter writer;
    writer.add_sheet("Danh sách");
    writer.add_sheet("danh sách");  // Excel compares sheet names without case
    EXPECT_FALSE(writer.status());
    auto bytes = writer.finish();
    ASSERT_FALSE(bytes);
    EXPECT_EQ(bytes.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(bytes.error().field, "sheet");
    EXPECT_EQ(bytes.error().message, "Đã có trang tính tên \"danh sách\".");
    EXPECT_FALSE(writer.finish());  // once only
  }
  {
    XlsxWriter writer;
    writer.add_sheet("Ánh sáng");
    writer.add_sheet("ÁNH SÁNG");  // libxlsxwriter folds ASCII only; Excel would call the file damaged
    ASSERT_FALSE(writer.status());
    EXPECT_EQ(writer.status().error().message, "Đã có trang tính tên \"ÁNH SÁNG\".");
  }
  {
    XlsxWriter writer;
    // 31 characters but more bytes: allowed. One more character: refused.
    writer.add_sheet("Danh sách cá nhân được đề nghị");
    EXPECT_TRUE(writer.status());
    auto& sheet = writer.add_sheet("Danh sách cá nhân được đề nghị khen");
    sheet.write_row({CellValue::text("không ghi")});  // does nothing after an error
    auto bytes = writer.finish();
    ASSERT_FALSE(bytes);
    EXPECT_NE(bytes.error().message.find("dài quá 31 ký tự"), std::string::npos) << bytes.error().message;
  }
  for (const char* name : {"Quý 1/2024", "[Nháp]", "'Tổng hợp'", ""}) {
    XlsxWriter writer;
    writer.add_sheet(name);
    EXPECT_EQ(writer.status().error().code, ErrorCode::kInvalidInput) << name;
  }
  {
    XlsxWriter writer;
    writer.add_sheet("Cá nhân").write_row({CellValue::text("Lê Thị Hoa"), CellValue::date(ymd(1899, 12, 31))});
    ASSERT_FALSE(writer.status());
    EXPECT_EQ(writer.status().error().message,
              "Excel không lưu được ngày 31/12/1899 ở ô B1 của trang tính \"Cá nhân\": ngày sớm nhất là 01/01/1900.");
  }
  {
    XlsxWriter writer;
    writer.add_sheet("Cá nhân").write_row({CellValue::integer(std::int64_t{1} << 60)});
    EXPECT_FALSE(writer.status());
  }
  {
    XlsxWriter writer;
    writer.add_sheet("Cá nhân").add_list_validation(0, {"Tốt", "Khá, giỏi"}, 10);
    EXPECT_FALSE(writer.status());
    XlsxWriter too_long;
    too_long.add_sheet("Cá nhân").add_list_validation(0, {std::string(256, 'x')}, 10);
    EXPECT_FALSE(too_long.status());
    // 247 characters, which Excel allows, but 327 bytes: libxlsxwriter would overflow its buffer.
    std::vector<std::string> ratings;
    for (int i = 0; i < 8; ++i)
      ratings.push_back("Hoàn thành xuất sắc nhiệm vụ " + std::to_string(i));
    XlsxWriter vietnamese;
    vietnamese.add_sheet("Cá nhân").add_list_validation(0, ratings, 10);
    EXPECT_FALSE(vietnamese.status());
    EXPECT_FALSE(vietnamese.finish());
    ratings.resize(5);  // 154 characters, 204 bytes
    XlsxWriter fits;
    fits.add_sheet("Cá nhân").add_list_validation(0, ratings, 10);
    EXPECT_TRUE(fits.finish());
  }
}

// The workbook goes through a private temporary file; none is left behind, finished or not.
TEST(XlsxWriter, LeavesNoTemporaryFile) {
  char folder[] = "/tmp/tdkt-excel-test-XXXXXX";
  ASSERT_NE(mkdtemp(folder), nullptr);
  const char* saved = std::getenv("TMPDIR");
  const std::string previous = saved != nullptr ? saved : "";
  setenv("TMPDIR", folder, 1);
  const auto entries = [&folder] {
    int count = 0;
    DIR* dir = opendir(folder);
    while (dirent* entry = readdir(dir))
      count += entry->d_name[0] != '.';
    closedir(dir);
    return count;
  };
  {
    XlsxWriter writer;
    writer.add_sheet("Cá nhân").write_row({CellValue::text("Nguyễn Văn An")});
    EXPECT_EQ(entries(), 1);  // the file libxlsxwriter will write, in TMPDIR
    EXPECT_TRUE(writer.finish());
    EXPECT_EQ(entries(), 0);
  }
  {
    XlsxWriter abandoned;
    abandoned.add_sheet("Cá nhân");
  }
  EXPECT_EQ(entries(), 0);
  if (saved != nullptr) {
    setenv("TMPDIR", previous.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  rmdir(folder);
}

// ---- Hand-built workbooks ---------------------------------------------------------------------

TEST(XlsxReader, ReadsSheetsInWorkbookOrderWhateverTheirFileNames) {
  const std::string workbook = std::string("<workbook xmlns=\"") + kMainNs + "\" xmlns:r=\"" + kRelNs + "\"><sheets>" +
                               R"(<sheet name="Danh sách" sheetId="7" r:id="rId9"/>)" +
                               R"(<sheet name="Biểu đồ" sheetId="2" r:id="rId4"/>)" +
                               R"(<sheet name="Ẩn" sheetId="3" state="hidden" r:id="rId1"/>)" + "</sheets></workbook>";
  const std::string rels =
      std::string("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">") +
      "<Relationship Id=\"rId1\" Type=\"" + kRelNs + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
      "<Relationship Id=\"rId4\" Type=\"" + kRelNs + "/chartsheet\" Target=\"chartsheets/sheet1.xml\"/>" +
      "<Relationship Id=\"rId9\" Type=\"" + kRelNs + "/worksheet\" Target=\"/xl/worksheets/../data/ds.xml\"/>" +
      "</Relationships>";
  auto read = read_xlsx(zip_of({
      {"_rels/.rels", root_rels()},
      {"xl/workbook.xml", workbook},
      {"xl/_rels/workbook.xml.rels", rels},
      {"xl/worksheets/sheet1.xml", worksheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>ẩn</t></is></c></row>)")},
      {"xl/data/ds.xml", worksheet(R"(<row r="2"><c r="B2" t="inlineStr"><is><t>hiện</t></is></c></row>)")},
  }));
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->sheets.size(), 2U);  // the chart sheet has no cells
  EXPECT_EQ(read->sheets[0].name, "Danh sách");
  EXPECT_FALSE(read->sheets[0].hidden);
  EXPECT_EQ(read->sheets[0].rows.at(0).number, 2);
  EXPECT_EQ(read->sheets[0].rows.at(0).text(1), "hiện");
  EXPECT_EQ(read->sheets[1].name, "Ẩn");
  EXPECT_TRUE(read->sheets[1].hidden);
  EXPECT_EQ(read->sheets[1].rows.at(0).text(0), "ẩn");
}

TEST(XlsxReader, ReadsStringsOfEveryKindAndSparseCells) {
  const std::string shared =
      "<si><t>Nguyễn Văn A</t></si>"
      "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Hoàn thành </t></r><r><t>tốt</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>フリガナ</t></rPh></si>"
      "<si><t>dòng 1_x000A_dòng 2 _x005F_x0041_</t></si>"
      "<si><t></t></si>";
  auto read = read_xlsx(single_sheet_xlsx(
      R"(<row r="5"><c r="C5" t="inlineStr"><is><t>Trực tiếp</t></is></c>)"
      R"(<c r="AA5" t="s"><v>1</v></c></row>)"
      R"(<row><c t="s"><v>0</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c>)"
      R"(<c t="inlineStr"><is><r><t>Phòng </t></r><r><rPr><i/></rPr><t>Hành chính</t></r></is></c></row>)"
      R"(<row r="9" spans="1:3"><c r="A9" s="1"/><c r="B9" t="str"><f>A5&amp;""</f><v>kết quả công thức</v></c></row>)",
      shared, kStyles));
  ASSERT_TRUE(read) << read.error().message;
  const Sheet& sheet = read->sheets.at(0);
  ASSERT_EQ(sheet.rows.size(), 3U);

  const Row& sparse = sheet.rows[0];
  EXPECT_EQ(sparse.number, 5);
  ASSERT_EQ(sparse.cells.size(), 27U);  // C = 2, AA = 26
  EXPECT_TRUE(sparse.cells[0].empty());
  EXPECT_EQ(sparse.text(2), "Trực tiếp");
  EXPECT_EQ(sparse.cells[2].kind, CellKind::kText);
  EXPECT_TRUE(sparse.cells[25].empty());
  EXPECT_EQ(sparse.text(26), "Hoàn thành tốt");  // runs joined, the phonetic guide left out

  const Row& unnumbered = sheet.rows[1];
  EXPECT_EQ(unnumbered.number, 6);         // no r: the row after row 5
  ASSERT_EQ(unnumbered.cells.size(), 4U);  // no r on the cells either: A6, B6, C6, D6
  EXPECT_EQ(unnumbered.text(0), "Nguyễn Văn A");
  EXPECT_EQ(unnumbered.text(1), "dòng 1\ndòng 2 _x0041_");
  EXPECT_TRUE(unnumbered.cells[2].empty());  // an empty string is no value
  EXPECT_EQ(unnumbered.text(3), "Phòng Hành chính");

  const Row& formula = sheet.rows[2];
  EXPECT_EQ(formula.number, 9);
  EXPECT_TRUE(formula.cells[0].empty());
  EXPECT_EQ(formula.text(1), "kết quả công thức");
}

TEST(XlsxReader, CellsWithoutReferencesFollowTheOneBefore) {
  auto read = read_xlsx(single_sheet_xlsx(
      R"(<row><c r="B1" t="inlineStr"><is><t>b</t></is></c><c t="inlineStr"><is><t>c</t></is></c></row>)"
      R"(<row><c t="inlineStr"><is><t>a2</t></is></c></row>)"));
  ASSERT_TRUE(read) << read.error().message;
  const Sheet& sheet = read->sheets.at(0);
  ASSERT_EQ(sheet.rows.size(), 2U);
  EXPECT_EQ(sheet.rows[0].number, 1);
  EXPECT_EQ(sheet.rows[0].text(1), "b");
  EXPECT_EQ(sheet.rows[0].text(2), "c");
  EXPECT_EQ(sheet.rows[1].number, 2);
  EXPECT_EQ(sheet.rows[1].text(0), "a2");
}

TEST(XlsxReader, TellsDatesFromNumbersByTheCellFormat) {
  auto read = read_xlsx(single_sheet_xlsx(R"(<row r="1">)"
                                          R"(<c r="A1"><v>45292</v></c>)"           // General: a number
                                          R"(<c r="B1" s="1"><v>45292</v></c>)"     // custom dd/mm/yyyy
                                          R"(<c r="C1" s="2"><v>45351.75</v></c>)"  // built-in 14, with a time of day
                                          R"(<c r="D1" s="3"><v>45292</v></c>)"     // #,##0 "d": the d is text
                                          R"(<c r="E1" s="4"><v>0.5</v></c>)"       // h:mm: a time, not a date
                                          R"(<c r="F1" s="5"><v>1234.5</v></c>)"    // built-in 4
                                          R"(<c r="G1" s="2"><v>60</v></c>)"        // 29/02/1900, which never was
                                          R"(<c r="H1" s="2"><v>59</v></c><c r="I1" s="2"><v>61</v></c>)"
                                          R"(<c r="J1" t="b"><v>1</v></c><c r="K1" t="e"><v>#N/A</v></c>)"
                                          R"(<c r="L1"><v>1.5E-3</v></c><c r="M1" t="n"><v>-0</v></c>)"
                                          R"(</row>)",
                                          "", kStyles));
  ASSERT_TRUE(read) << read.error().message;
  const Row& row = read->sheets.at(0).rows.at(0);
  EXPECT_EQ(cell_at(row, 0).kind, CellKind::kNumber);
  EXPECT_EQ(row.text(0), "45292");
  EXPECT_EQ(cell_at(row, 1).kind, CellKind::kDate);
  EXPECT_EQ(cell_at(row, 1).date, ymd(2024, 1, 1));
  EXPECT_EQ(row.text(1), "01/01/2024");
  EXPECT_EQ(cell_at(row, 1).number, 45292);
  EXPECT_EQ(cell_at(row, 2).date, ymd(2024, 2, 29));
  EXPECT_EQ(cell_at(row, 3).kind, CellKind::kNumber);
  EXPECT_EQ(cell_at(row, 4).kind, CellKind::kNumber);
  EXPECT_EQ(cell_at(row, 5).kind, CellKind::kNumber);
  EXPECT_EQ(row.text(5), "1234.5");
  EXPECT_EQ(cell_at(row, 6).kind, CellKind::kNumber);
  EXPECT_EQ(cell_at(row, 7).date, ymd(1900, 2, 28));
  EXPECT_EQ(cell_at(row, 8).date, ymd(1900, 3, 1));
  EXPECT_EQ(cell_at(row, 9).kind, CellKind::kBoolean);
  EXPECT_EQ(row.text(9), "TRUE");
  EXPECT_EQ(cell_at(row, 10).kind, CellKind::kError);
  EXPECT_EQ(row.text(10), "#N/A");
  EXPECT_EQ(row.text(11), "0.0015");
  EXPECT_EQ(row.text(12), "0");
}

TEST(XlsxReader, ReadsThe1904DateSystem) {
  const std::string data = R"(<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43830</v></c></row>)";
  auto read = read_xlsx(single_sheet_xlsx(data, "", kStyles, true));
  ASSERT_TRUE(read) << read.error().message;
  const Row& row = read->sheets.at(0).rows.at(0);
  EXPECT_EQ(cell_at(row, 0).date, ymd(1904, 1, 1));
  EXPECT_EQ(cell_at(row, 1).date, ymd(2024, 1, 1));
  // The same serials in the 1900 system: 0 is no date, 43830 is four years and a day earlier.
  auto read1900 = read_xlsx(single_sheet_xlsx(data, "", kStyles, false));
  ASSERT_TRUE(read1900);
  EXPECT_EQ(cell_at(read1900->sheets.at(0).rows.at(0), 0).kind, CellKind::kNumber);
  EXPECT_EQ(cell_at(read1900->sheets.at(0).rows.at(0), 1).date, ymd(2019, 12, 31));
}

TEST(XlsxReader, LeavesTextThatLooksLikeADateAsText) {
  auto read =
      read_xlsx(single_sheet_xlsx(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>03/02/2023</t></is></c></row>)"));
  ASSERT_TRUE(read) << read.error().message;
  const Cell& cell = cell_at(read->sheets.at(0).rows.at(0), 0);
  EXPECT_EQ(cell.kind, CellKind::kText);
  EXPECT_FALSE(cell.date);
  EXPECT_EQ(cell_date(cell), ymd(2023, 2, 3));
}

TEST(XlsxReader, MatchesElementsByLocalNameWhateverTheirPrefix) {
  // The .NET Open XML SDK writes prefixed elements.
  const std::string workbook = std::string("<x:workbook xmlns:x=\"") + kMainNs + "\" xmlns:rel=\"" + kRelNs +
                               "\"><x:sheets><x:sheet name=\"Trang 1\" sheetId=\"1\" rel:id=\"R1\"/></x:sheets>"
                               "</x:workbook>";
  const std::string rels =
      std::string("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">") +
      "<Relationship Id=\"R1\" Type=\"" + kRelNs + "/worksheet\" Target=\"/xl/worksheets/a.xml\"/>" +
      "</Relationships>";
  const std::string sheet = std::string("<x:worksheet xmlns:x=\"") + kMainNs +
                            "\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>Có tiền tố</x:t>"
                            "</x:is></x:c></x:row></x:sheetData></x:worksheet>";
  auto read = read_xlsx(zip_of({{"xl/workbook.xml", workbook},  // no _rels/.rels: the usual name is assumed
                                {"xl/_rels/workbook.xml.rels", rels},
                                {"xl/worksheets/a.xml", sheet}}));
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->sheets.at(0).name, "Trang 1");
  EXPECT_EQ(read->sheets.at(0).rows.at(0).text(0), "Có tiền tố");
}

// ---- Refusals ---------------------------------------------------------------------------------

void expect_refused(const Result<Workbook>& read, ErrorCode code, std::string_view message_start) {
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, code);
  EXPECT_EQ(read.error().field, "file");
  EXPECT_TRUE(read.error().message.starts_with(message_start)) << read.error().message;
}

TEST(XlsxReader, RefusesWhatIsNotAnXlsxFile) {
  expect_refused(read_xlsx("hello"), ErrorCode::kInvalidInput, "Tệp không phải bảng tính Excel (.xlsx).");
  expect_refused(read_xlsx(""), ErrorCode::kInvalidInput, "Tệp không phải bảng tính Excel (.xlsx).");
  expect_refused(read_xlsx(zip_of({{"readme.txt", "xin chào"}})), ErrorCode::kInvalidInput,
                 "Tệp không phải bảng tính Excel (.xlsx).");
  // A Word document: a package whose main part is no workbook.
  const std::string docx_rels =
      std::string("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">") +
      "<Relationship Id=\"rId1\" Type=\"" + kRelNs + "/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
  expect_refused(read_xlsx(zip_of({{"_rels/.rels", docx_rels}, {"word/document.xml", "<w:document xmlns:w=\"w\"/>"}})),
                 ErrorCode::kInvalidInput, "Tệp không phải bảng tính Excel (.xlsx).");
  expect_refused(read_xlsx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0')),
                 ErrorCode::kInvalidInput, "Tệp là bảng tính Excel cũ (.xls)");
}

TEST(XlsxReader, RefusesMalformedXmlAndValues) {
  expect_refused(read_xlsx(single_sheet_xlsx(R"(<row r="1"><c r="A1"><v>1</v></c>)")), ErrorCode::kInvalidInput,
                 "Tệp Excel bị hỏng: phần xl/worksheets/sheet1.xml không phải XML hợp lệ");
  expect_refused(read_xlsx(single_sheet_xlsx(R"(<row r="1"><c r="A1" t="s"><v>3</v></c></row>)", "<si><t>a</t></si>")),
                 ErrorCode::kInvalidInput, "Tệp Excel bị hỏng: ô A1 của trang tính \"Sheet1\" trỏ tới chuỗi");
  expect_refused(read_xlsx(single_sheet_xlsx(R"(<row r="1"><c r="A1"><v>mười</v></c></row>)")),
                 ErrorCode::kInvalidInput, "Tệp Excel bị hỏng: ô A1 của trang tính \"Sheet1\" có số không hợp lệ");
  expect_refused(read_xlsx(single_sheet_xlsx(R"(<row r="1"><c r="1A"><v>1</v></c></row>)")), ErrorCode::kInvalidInput,
                 "Tệp Excel bị hỏng: trang tính \"Sheet1\" có địa chỉ ô \"1A\" không hợp lệ");
  expect_refused(read_xlsx(single_sheet_xlsx(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)")), ErrorCode::kInvalidInput,
                 "Tệp Excel bị hỏng");
  expect_refused(read_xlsx(single_sheet_xlsx(R"(<row r="2"><c r="A2"><v>1</v></c></row><row r="1"/>)")),
                 ErrorCode::kInvalidInput, "Tệp Excel bị hỏng: trang tính \"Sheet1\" có dòng 1 không đúng thứ tự");
  expect_refused(read_xlsx(single_sheet_xlsx(R"(<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>)")),
                 ErrorCode::kInvalidInput, "Tệp Excel bị hỏng: ô A1 của trang tính \"Sheet1\" không đúng thứ tự");
}

// Found by fuzz/xlsx (fuzz/regressions/xlsx): messages quoted names and references from the file
// as they were, so bytes that are not UTF-8 made an error the import could not send back. The
// streamed reader (ADR 0012) refuses such bytes as malformed XML wherever they are, and says where,
// in a message that is itself valid UTF-8.
TEST(XlsxReader, RefusesBytesThatAreNotUtf8WithAMessageInUtf8) {
  for (const std::string& row :
       {std::string("<row r=\"1\"><c r=\"A\xFF"
                    "1\"><v>1</v></c></row>"),
        std::string("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\xC3(</t></is></c></row>")}) {
    const auto read = read_xlsx(single_sheet_xlsx(row));
    expect_refused(read, ErrorCode::kInvalidInput,
                   "Tệp Excel bị hỏng: phần xl/worksheets/sheet1.xml không phải XML hợp lệ (vị trí");
    EXPECT_TRUE(text::valid_utf8(read.error().message)) << read.error().message;
  }
}

std::string rows_xml(int count) {
  std::string rows;
  for (int i = 1; i <= count; ++i)
    rows += "<row r=\"" + std::to_string(i) + "\"><c><v>" + std::to_string(i) + "</v></c></row>";
  return rows;
}

TEST(XlsxReader, RefusesTooManyRowsOrColumns) {
  ReadLimits limits;
  limits.max_rows = 3;
  EXPECT_TRUE(read_xlsx(single_sheet_xlsx(rows_xml(3)), limits));
  expect_refused(read_xlsx(single_sheet_xlsx(rows_xml(4)), limits), ErrorCode::kTooLarge,
                 "Trang tính \"Sheet1\" có quá nhiều dòng (tối đa 3 dòng).");

  limits = {};
  limits.max_columns = 3;
  // A formatted but empty cell far to the right is no value.
  auto formatted = read_xlsx(single_sheet_xlsx(R"(<row r="1"><c r="C1"><v>1</v></c><c r="Z1" s="1"/></row>)"), limits);
  ASSERT_TRUE(formatted) << formatted.error().message;
  EXPECT_EQ(formatted->sheets.at(0).rows.at(0).cells.size(), 3U);
  expect_refused(read_xlsx(single_sheet_xlsx(R"(<row r="1"><c r="D1"><v>1</v></c></row>)"), limits),
                 ErrorCode::kTooLarge, "Trang tính \"Sheet1\" có dữ liệu ở ô D1, vượt quá số cột cho phép");
}

// A few bytes of XML per cell could otherwise hold far more in memory: a cell far to the right
// holds the empty cells before it, and a shared string is copied into every cell that shows it.
TEST(XlsxReader, RefusesWhatWouldHoldTooMuchInMemory) {
  ReadLimits limits;
  limits.max_cells = 30;
  const std::string sparse = R"(<row r="1"><c r="T1"><v>1</v></c></row><row r="2"><c r="J2"><v>1</v></c></row>)";
  EXPECT_TRUE(read_xlsx(single_sheet_xlsx(sparse), limits));  // 20 + 10 cells
  limits.max_cells = 29;
  expect_refused(read_xlsx(single_sheet_xlsx(sparse), limits), ErrorCode::kTooLarge,
                 "Tệp Excel có quá nhiều ô (tối đa 29 ô).");

  const std::string shared = "<si><t>" + std::string(10000, 'x') + "</t></si>";
  std::string rows;
  for (int i = 1; i <= 200; ++i)
    rows += R"(<row><c t="s"><v>0</v></c></row>)";
  const std::string bytes = single_sheet_xlsx(rows, shared);
  ASSERT_LT(bytes.size(), 4000U);
  limits = {};
  limits.max_uncompressed = ReadLimits::kMebibyte;  // the file inflates to 20 KB, its cells hold 2 MB
  expect_refused(read_xlsx(bytes, limits), ErrorCode::kTooLarge,
                 "Tệp Excel quá lớn: nội dung sau khi giải nén vượt quá 1 MB.");
  limits.max_uncompressed = 3 * ReadLimits::kMebibyte;
  EXPECT_TRUE(read_xlsx(bytes, limits));
}

TEST(XlsxReader, RefusesAnOversizedFile) {
  const std::string bytes = single_sheet_xlsx(rows_xml(10));
  ReadLimits limits;
  limits.max_bytes = bytes.size();
  EXPECT_TRUE(read_xlsx(bytes, limits));
  limits.max_bytes = bytes.size() - 1;
  expect_refused(read_xlsx(bytes, limits), ErrorCode::kTooLarge, "Tệp Excel quá lớn: ");
  // The default limit, 20 MiB, in the message.
  expect_refused(read_xlsx(std::string(20 * ReadLimits::kMebibyte + 1, 'x')), ErrorCode::kTooLarge,
                 "Tệp Excel quá lớn: 20,0 MB, tối đa 20 MB.");
}

// A sheet of `rows` rows that deflates to a small fraction of its size.
std::string big_sheet_xlsx(int rows) {
  return single_sheet_xlsx(rows_xml(rows));
}

TEST(XlsxReader, RefusesAnEntryThatDeclaresTooLargeASize) {
  std::string bytes = big_sheet_xlsx(10);
  // The data is small; only the declared size is too large, so only the check of zip_stat refuses.
  ASSERT_EQ(declare_size(bytes, "xl/worksheets/sheet1.xml", 0x7FFFFFFFU), 2);
  expect_refused(read_xlsx(bytes), ErrorCode::kTooLarge,
                 "Tệp Excel quá lớn: nội dung sau khi giải nén vượt quá 200 MB.");
}

TEST(XlsxReader, RefusesAnEntryThatInflatesBeyondWhatItDeclares) {
  std::string bytes = big_sheet_xlsx(20000);  // about 800 KB of XML
  ReadLimits limits;
  limits.max_uncompressed = std::size_t{256} * 1024;
  limits.max_rows = 1000000;
  expect_refused(read_xlsx(bytes, limits), ErrorCode::kTooLarge, "Tệp Excel quá lớn");
  // A crafted file declaring 1000 bytes: only counting the bytes actually inflated catches it.
  ASSERT_EQ(declare_size(bytes, "xl/worksheets/sheet1.xml", 1000), 2);
  expect_refused(read_xlsx(bytes, limits), ErrorCode::kTooLarge,
                 "Tệp Excel quá lớn: nội dung sau khi giải nén vượt quá 256 KB.");
}

TEST(XlsxReader, CountsTheUncompressedLimitOverAllEntries) {
  const std::string sheet = worksheet(rows_xml(3000));  // about 120 KB
  const std::string workbook = std::string("<workbook xmlns=\"") + kMainNs + "\" xmlns:r=\"" + kRelNs +
                               "\"><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/>"
                               "<sheet name=\"B\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";
  const std::string rels =
      std::string("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">") +
      "<Relationship Id=\"rId1\" Type=\"" + kRelNs + "/worksheet\" Target=\"worksheets/a.xml\"/>" +
      "<Relationship Id=\"rId2\" Type=\"" + kRelNs + "/worksheet\" Target=\"worksheets/b.xml\"/>" + "</Relationships>";
  const std::string bytes = zip_of({{"xl/workbook.xml", workbook},
                                    {"xl/_rels/workbook.xml.rels", rels},
                                    {"xl/worksheets/a.xml", sheet},
                                    {"xl/worksheets/b.xml", sheet}});
  ReadLimits limits;
  limits.max_uncompressed = sheet.size() + 2048;  // each sheet fits; both together do not
  expect_refused(read_xlsx(bytes, limits), ErrorCode::kTooLarge, "Tệp Excel quá lớn");
  limits.max_uncompressed = 2 * sheet.size() + 2048;
  EXPECT_TRUE(read_xlsx(bytes, limits));
}

// ---- Hostile workbooks (issue 15) --------------------------------------------------------------
// Each attack is refused (or read) with its stable message, and the reader's peak memory is
// measured: resident memory in a child process, after returning freed heap to the system and
// resetting the high-water mark, so the figure is what the read itself touched.

std::int64_t status_kib(const char* key) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(key, 0) == 0) return std::stoll(line.substr(std::string(key).size()));
  }
  return -1;
}

struct Measured {
  bool answered_as_expected = false;
  std::int64_t peak_growth_kib = -1;  // -1: could not be measured (the test then fails)
};

// Runs `work` (which checks its own answer) in a child process and measures how far its resident
// memory rose above where it started.
Measured in_child(const std::function<bool()>& work) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  const pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    malloc_trim(0);
    Measured result;
    std::ofstream("/proc/self/clear_refs") << "5";  // VmHWM := VmRSS (Linux 4.0+)
    const auto before = status_kib("VmRSS:");
    result.answered_as_expected = work();
    const auto peak = status_kib("VmHWM:");
    if (before > 0 && peak >= before) result.peak_growth_kib = peak - before;
    const auto written = write(fds[1], &result, sizeof result);
    _exit(written == sizeof result ? 0 : 1);
  }
  close(fds[1]);
  Measured result;
  const auto got = read(fds[0], &result, sizeof result);
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (got != sizeof result || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return {};
  return result;
}

bool refused_with(const Result<Workbook>& read, ErrorCode code, std::string_view message) {
  return !read && read.error().code == code && read.error().field == "file" &&
         read.error().message.starts_with(message);
}

constexpr std::int64_t kBoundKib = std::int64_t{16} * 1024;  // what a read may add, whatever the file claims

TEST(XlsxReaderUnderAttack, A52KbWorkbookOfEmptyCellsNeverBuildsTheSheetInMemory) {
  // About 52 MB of <c/> deflated to about 52 KB: the DOM reader this one replaced grew by 553 MiB
  // reading it (680 MB in issue 15's report).
  const std::string bytes = testing::empty_cells_workbook("Sheet1", std::uint64_t{52} * 1024);
  ASSERT_GT(bytes.size(), 40U * 1024);
  ASSERT_LT(bytes.size(), 64U * 1024);
  const std::string refusal = "Tệp Excel quá lớn: trang tính \"Sheet1\" sau khi giải nén vượt quá 20 MB.";
  expect_refused(read_xlsx(bytes), ErrorCode::kTooLarge, refusal);
  const auto refused = in_child([&] { return refused_with(read_xlsx(bytes), ErrorCode::kTooLarge, refusal); });
  EXPECT_TRUE(refused.answered_as_expected);
  EXPECT_GE(refused.peak_growth_kib, 0);
  EXPECT_LT(refused.peak_growth_kib, kBoundKib);

  // Allowed to inflate as far as the old limit, the whole sheet goes through the parser: it holds
  // no value, so nothing is kept, and memory stays as low.
  ReadLimits generous;
  generous.max_part_bytes = 256 * ReadLimits::kMebibyte;
  generous.max_uncompressed = 256 * ReadLimits::kMebibyte;
  const auto streamed = in_child([&] {
    auto again = read_xlsx(bytes, generous);
    return again && again->sheets.at(0).rows.empty();
  });
  EXPECT_TRUE(streamed.answered_as_expected);
  EXPECT_GE(streamed.peak_growth_kib, 0);
  EXPECT_LT(streamed.peak_growth_kib, kBoundKib);
  std::cout << "[ memory ] 52 KB of empty cells (" << bytes.size() << " bytes): refused +" << refused.peak_growth_kib
            << " KiB, read whole +" << streamed.peak_growth_kib << " KiB peak RSS\n";
}

TEST(XlsxReaderUnderAttack, AnEntryThatClaims1KbAndInflatesTo1GbStopsAtTheLimit) {
  const std::string bytes = testing::lying_sheet_workbook("Sheet1", 1024, std::uint64_t{1} << 30);
  ASSERT_LT(bytes.size(), 2U * 1024 * 1024);
  const std::string refusal = "Tệp Excel quá lớn: trang tính \"Sheet1\" sau khi giải nén vượt quá 20 MB.";
  expect_refused(read_xlsx(bytes), ErrorCode::kTooLarge, refusal);
  const auto measured = in_child([&] { return refused_with(read_xlsx(bytes), ErrorCode::kTooLarge, refusal); });
  EXPECT_TRUE(measured.answered_as_expected);
  EXPECT_GE(measured.peak_growth_kib, 0);
  EXPECT_LT(measured.peak_growth_kib, kBoundKib);
  std::cout << "[ memory ] 1 KB declared, 1 GB inflated (" << bytes.size() << " bytes): +" << measured.peak_growth_kib
            << " KiB peak RSS\n";

  // A lie within the limit is no bomb, but the file is damaged.
  expect_refused(read_xlsx(testing::lying_sheet_workbook("Sheet1", 1024, std::uint64_t{4} * 65536)),
                 ErrorCode::kInvalidInput,
                 "Tệp Excel bị hỏng: phần xl/worksheets/sheet1.xml có kích thước khác với kích thước ghi trong tệp.");
}

TEST(XlsxReaderUnderAttack, AMillionEmptyRowsAreCountedAsTheyAreRead) {
  const std::string bytes = testing::empty_rows_workbook("Sheet1", 1000000);
  const std::string refusal = "Trang tính \"Sheet1\" có quá nhiều dòng (tối đa 100.000 dòng).";
  expect_refused(read_xlsx(bytes), ErrorCode::kTooLarge, refusal);
  const auto measured = in_child([&] { return refused_with(read_xlsx(bytes), ErrorCode::kTooLarge, refusal); });
  EXPECT_TRUE(measured.answered_as_expected);
  EXPECT_LT(measured.peak_growth_kib, kBoundKib);
  // The same construction under the limit is a valid sheet of rows without values.
  auto fewer = read_xlsx(testing::empty_rows_workbook("Sheet1", 5000));
  ASSERT_TRUE(fewer) << fewer.error().message;
  EXPECT_TRUE(fewer->sheets.at(0).rows.empty());
}

TEST(XlsxReaderUnderAttack, TooManySharedStringsAreRefusedAsTheyAreRead) {
  const std::string refusal = "Tệp Excel có quá nhiều chuỗi dùng chung (tối đa 100.000 chuỗi).";
  const std::string bytes = testing::shared_strings_workbook("Sheet1", 1000000);
  expect_refused(read_xlsx(bytes), ErrorCode::kTooLarge, refusal);
  const auto measured = in_child([&] { return refused_with(read_xlsx(bytes), ErrorCode::kTooLarge, refusal); });
  EXPECT_TRUE(measured.answered_as_expected);
  EXPECT_LT(measured.peak_growth_kib, kBoundKib);
  ReadLimits limits;
  limits.max_shared_strings = 1000;
  EXPECT_TRUE(read_xlsx(testing::shared_strings_workbook("Sheet1", 1000), limits));
  expect_refused(read_xlsx(testing::shared_strings_workbook("Sheet1", 1100), limits), ErrorCode::kTooLarge,
                 "Tệp Excel có quá nhiều chuỗi dùng chung (tối đa 1.000 chuỗi).");
}

TEST(XlsxReaderUnderAttack, XmlNested100000LevelsIsRefusedWithoutRecursing) {
  expect_refused(read_xlsx(testing::deep_sheet_workbook("Sheet1", 100000)), ErrorCode::kInvalidInput,
                 "Tệp Excel bị hỏng: phần xl/worksheets/sheet1.xml lồng các thẻ XML sâu quá 64 cấp.");
  // The limit is exact: 64 open elements are read.
  ReadLimits limits;
  limits.max_depth = 64;
  EXPECT_TRUE(read_xlsx(testing::deep_sheet_workbook("Sheet1", 62), limits));  // worksheet, sheetData + 62
  expect_refused(read_xlsx(testing::deep_sheet_workbook("Sheet1", 63), limits), ErrorCode::kInvalidInput,
                 "Tệp Excel bị hỏng: phần xl/worksheets/sheet1.xml lồng các thẻ XML sâu quá 64 cấp.");
}

TEST(XlsxReaderUnderAttack, ADoctypeIsRefusedBeforeAnyEntityIsDeclared) {
  const std::string laughs =
      "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
      "<c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>";
  expect_refused(
      read_xlsx(zip_of({{"xl/workbook.xml", std::string("<workbook xmlns=\"") + kMainNs + "\" xmlns:r=\"" + kRelNs +
                                                "\"><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets>"
                                                "</workbook>"},
                        {"xl/_rels/workbook.xml.rels",
                         std::string("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                                     "relationships\"><Relationship Id=\"rId1\" Type=\"") +
                             kRelNs + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
                        {"xl/worksheets/sheet1.xml", laughs}})),
      ErrorCode::kInvalidInput, "Tệp Excel bị hỏng: phần xl/worksheets/sheet1.xml có khai báo DOCTYPE");
}

// ---- cell_date --------------------------------------------------------------------------------

Cell text_cell(std::string text) {
  Cell cell;
  cell.kind = CellKind::kText;
  cell.text = std::move(text);
  return cell;
}

TEST(CellDate, AcceptsDateCellsAndVietnameseOrIsoText) {
  EXPECT_EQ(cell_date(text_cell("03/02/2023")), ymd(2023, 2, 3));
  EXPECT_EQ(cell_date(text_cell(" 3/2/2023 ")), ymd(2023, 2, 3));
  EXPECT_EQ(cell_date(text_cell("2023-02-03")), ymd(2023, 2, 3));
  EXPECT_EQ(cell_date(text_cell("31/02/2023")), std::nullopt);
  EXPECT_EQ(cell_date(text_cell("03/02/23")), std::nullopt);
  EXPECT_EQ(cell_date(text_cell("ngày 03 tháng 02")), std::nullopt);
  Cell date;
  date.kind = CellKind::kDate;
  date.date = ymd(2024, 2, 29);
  EXPECT_EQ(cell_date(date), ymd(2024, 2, 29));
  Cell number;
  number.kind = CellKind::kNumber;
  number.number = 45292;
  number.text = "45292";
  EXPECT_EQ(cell_date(number), std::nullopt);
  EXPECT_EQ(cell_date(Cell{}), std::nullopt);
}

}  // namespace
}  // namespace tdkt::excel
