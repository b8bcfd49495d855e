#pragma once
// What the readers of tdkt's Excel forms share: the limits a filled form is read under, how the
// header row is found and checked against the form, the sheets a form may have, the marker that
// erases a stored value, and how a cell is read as a whole number. Pure: no database, no clock.
//
// Imports never guess (issue 23): a column whose header is not one of the form's, a column of
// the form that is missing, a header given twice, values under no header, or a sheet that is not
// the form's and holds values, refuse the whole file with a message that names them. Nothing in
// such a file is read, so nothing stored can be overwritten or erased by a column read wrongly.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "excel/xlsx_reader.hpp"

namespace tdkt::ingest {

// A filled form is far smaller than the reader's general limits: a unit's form has a few hundred
// rows of a dozen columns. These keep what one upload can hold in memory to a few MiB.
excel::ReadLimits form_limits();

// What a cell writes to erase the stored value of its field: "(xóa)", matched without regard to
// accents, case or the old tone placement ("(XOÁ)"). An empty cell keeps the stored value.
inline constexpr std::string_view kEraseMarker = "(xóa)";
bool is_erase_marker(const excel::Cell& cell);

// What a header cell is matched by: the folded text before any note in parentheses, so
// "Danh hiệu đăng ký (mã hoặc tên)" and "danh hieu dang ky" are the same column.
std::string header_key(std::string_view text);

// A column of a form, as the header check sees it.
struct FormColumn {
  std::string_view title;  // the header text, without its hint
  bool may_be_missing = false;
};

// Where the form's columns are in a sheet.
struct HeaderRow {
  std::size_t index = 0;                            // in Sheet::rows
  int number = 0;                                   // the Excel row number
  std::vector<std::optional<std::size_t>> columns;  // per form column, its 0-based sheet column
};

// Finds the header row of `sheet` (the first of its first 30 rows in which at least two cells
// are headers of the form) and checks it is the form's: every column there exactly once (a
// column `may_be_missing` may be absent), no other header, and no value below the header in a
// column without one. Errors (kInvalidInput, field "file", Vietnamese) name the sheet as the form
// calls it (`form_sheet`), the header row, and every missing header, unknown header with its
// column letter, repeated header and value without a header; or say that no header row was found.
Result<HeaderRow> read_header(const excel::Sheet& sheet, std::string_view form_sheet,
                              const std::vector<FormColumn>& columns);

// The sheet of `workbook` named `name` (accents and case ignored), or nullptr.
const excel::Sheet* find_sheet(const excel::Workbook& workbook, std::string_view name);

// kInvalidInput (field "file") naming the first sheet that is none of `form_sheets` (accents and
// case ignored) and holds a value: the file is not the form as tdkt made it. Empty sheets (Excel's
// "Sheet2") are allowed.
Status check_sheets(const excel::Workbook& workbook, const std::vector<std::string_view>& form_sheets);

// A number cell holding a whole number, or text that is one ("12", " 12 "); nullopt otherwise.
std::optional<std::int64_t> whole_number(const excel::Cell& cell);

}  // namespace tdkt::ingest
