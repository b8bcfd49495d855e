#pragma once
// Excel in and out for yearly records, grants received and initiatives: the import form
// (an .xlsx workbook, blank or pre-filled with a unit's members) and the reading of a filled
// workbook into an app::ImportBatch. Pure conversion: no database, no clock; the use case
// (app::RecordsService::import) checks and writes the rows.
//
// The workbook has three data sheets, found by name without regard to accents or case:
//   "Hồ sơ năm"   Mã cá nhân | Họ và tên | Năm | Xếp loại | Số tháng công tác | Số tháng nghỉ thai
//                 sản | Kỷ luật | Ngày quyết định kỷ luật | Đang xem xét kỷ luật | Nội dung đang xem
//                 xét | Thành tích được ghi nhận | Ghi chú
//   "Khen thưởng" Đối tượng | Mã | Tên | Danh hiệu | Năm | Loại khen thưởng | Số quyết định | Ngày
//                 quyết định | Cấp quyết định | Ghi chú
//   "Sáng kiến"   Mã cá nhân | Họ và tên | Năm | Tên sáng kiến, đề tài | Phạm vi | Quyết định công
//                 nhận | Đã dùng cho danh hiệu | Năm được khen
// a reference sheet "Danh mục" (honour codes and names, grant types, ratings) and a sheet
// "Hướng dẫn" (how the import reads the file), which the reader ignores. Columns are found by
// their header text, so users may reorder them; a header may carry a note in parentheses
// ("Phạm vi (Cơ sở/Tỉnh/Toàn quốc)"). Imports never guess (issue 23): every column of a sheet
// must be there, and a header that is not the form's, or a sheet that is not and holds values,
// refuses the file (ingest/sheet_cells.hpp). In "Hồ sơ năm" an empty cell keeps the stored value
// and "(xóa)" erases it; elsewhere "(xóa)" is a problem.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/records_service.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/records/records.hpp"

namespace tdkt::ingest {

// The sheet names, as written in the form.
inline constexpr std::string_view kPersonYearSheet = "Hồ sơ năm";
inline constexpr std::string_view kGrantSheet = "Khen thưởng";
inline constexpr std::string_view kInitiativeSheet = "Sáng kiến";
inline constexpr std::string_view kCatalogueSheet = "Danh mục";
inline constexpr std::string_view kInstructionsSheet = "Hướng dẫn";

// An honour of the catalogue, as offered in the form and accepted by the reader.
struct HonourOption {
  std::string code;  // "LDTT"
  std::string name;  // "Lao động tiên tiến"
};

// One row of the "Hồ sơ năm" sheet: a person, and their stored record of the year if any.
struct FormPerson {
  PersonId id;
  std::string full_name;
  std::optional<domain::PersonYear> stored;
};

struct RecordsFormData {
  // What the form is for, shown after the year in each sheet's title: the unit's name
  // ("HỒ SƠ THI ĐUA NĂM 2026 — Phòng Tuyên truyền và Địa bàn"); empty for a blank form.
  std::string title;
  int year = 0;
  std::vector<FormPerson> persons;             // one pre-filled row each, in this order
  std::vector<HonourOption> honours;           // listed in "Danh mục"
  std::vector<domain::GrantType> grant_types;  // listed in "Danh mục" and offered in a drop-down
};

// The import form as the bytes of an .xlsx file. Fails only on a writer error (a text longer
// than Excel allows, say).
Result<std::string> records_form(const RecordsFormData& data);

struct ReadOptions {
  std::optional<int> default_year;    // the year of rows that leave "Năm" empty; nullopt: required
  std::vector<HonourOption> honours;  // an honour written by name is turned into its code
};

struct ParsedWorkbook {
  app::ImportBatch batch;
  // Cells that could not be read (a rating that is none of the ratings, a month outside 0–12, an
  // impossible date, an id that is not a number): every one of them, with its sheet and Excel
  // row number. `field` is the record's field ("rating", "months_worked", "person_id"); the
  // message names the column in Vietnamese. When any is present, nothing should be imported.
  std::vector<app::ImportProblem> problems;
};

// How many distinct rows (sheet and row number) the problems are about.
int rows_with_problems(const std::vector<app::ImportProblem>& problems);

// Reads a filled form under form_limits(). Errors (field "file") are for the file as a whole: not
// a readable .xlsx (excel::read_xlsx's errors, kTooLarge included), none of the three sheets, a
// sheet that is not the form's and holds values, a sheet without its header row, a header row
// that is not the form's (read_header). Everything about one row is a problem instead, so a user
// sees all of them at once. Blank rows are skipped, and so are rows that hold only the subject's
// identity (id, name, year, kind): a pre-filled form returned untouched imports only the rows
// that carried stored values. A row of "Hồ sơ năm" becomes an app::PersonYearEdit: the fields
// it writes and the fields it erases, nothing else.
Result<ParsedWorkbook> read_records_workbook(std::string_view xlsx_bytes, const ReadOptions& options = {});

}  // namespace tdkt::ingest
