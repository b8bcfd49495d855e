#pragma once
// Writes Excel workbooks (.xlsx) on libxlsxwriter: lists and reports with a title, a header row
// and typed data rows, and blank import forms with drop-down lists. The file is built in memory
// as far as the caller sees: finish() returns its bytes.
//
// Errors are sticky, as in a stream: the first failure (an invalid sheet name, a text longer than
// Excel allows, a libxlsxwriter error) is kept, later calls do nothing, and finish() returns it.
// So a caller writes without checking each call and checks once.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/result.hpp"

// libxlsxwriter's types, kept out of this header.
struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace tdkt::excel {

// One value of a data row.
class CellValue {
 public:
  enum class Kind { kEmpty, kText, kInteger, kDecimal, kDate };

  static CellValue empty() { return CellValue(); }
  static CellValue text(std::string value);
  static CellValue integer(std::int64_t value);  // exact up to 2^53, as Excel stores doubles
  static CellValue decimal(double value);        // shown with two decimals and grouped thousands
  static CellValue date(CivilDate value);        // a real Excel date, shown dd/mm/yyyy

  Kind kind() const { return kind_; }
  const std::string& text_value() const { return text_; }
  std::int64_t integer_value() const { return integer_; }
  double decimal_value() const { return decimal_; }
  CivilDate date_value() const { return date_; }

 private:
  CellValue() = default;

  Kind kind_ = Kind::kEmpty;
  std::string text_;
  std::int64_t integer_ = 0;
  double decimal_ = 0;
  CivilDate date_;
};

class XlsxWriter {
 public:
  // A worksheet being written. Rows are written top-down; the sheet keeps the next row.
  class Sheet {
   public:
    Sheet(const Sheet&) = delete;
    Sheet& operator=(const Sheet&) = delete;

    // Width of a 0-based column, in Excel's character units.
    Sheet& set_column_width(std::uint16_t column, double width);
    // A bold title on the next row, merged across the first `columns` columns.
    Sheet& write_title(std::string_view text, std::uint16_t columns);
    // Bold, wrapped, bordered headers on the next row; the pane is frozen below them, so they stay
    // visible when the user scrolls.
    Sheet& write_header(const std::vector<std::string>& headers);
    // One data row, values from column A on.
    Sheet& write_row(const std::vector<CellValue>& values);
    // A drop-down list limited to `allowed` (a rating, say) in `column`, on the `rows` rows from the
    // next row on: the cells of a blank import form. A value may not contain a comma, and the list,
    // commas included, may not exceed 255 bytes of UTF-8 (Excel allows 255 characters, but
    // libxlsxwriter 1.1.4 overflows a 255-byte buffer beyond that), about 180 Vietnamese letters.
    Sheet& add_list_validation(std::uint16_t column, const std::vector<std::string>& allowed, std::uint32_t rows);

    // The 1-based Excel number of the row the next write goes to.
    std::uint32_t next_row_number() const { return next_row_ + 1; }

   private:
    friend class XlsxWriter;
    Sheet(XlsxWriter& writer, std::string name, lxw_worksheet* worksheet)
        : writer_(writer), name_(std::move(name)), worksheet_(worksheet) {}
    bool usable() const;
    void keep(std::optional<Error> error);
    std::string where(std::uint16_t column) const;  // "ô B3 của trang tính "Danh sách""
    void write_value(std::uint16_t column, const CellValue& value);

    XlsxWriter& writer_;
    std::string name_;
    lxw_worksheet* worksheet_;    // nullptr when adding the sheet failed
    std::uint32_t next_row_ = 0;  // 0-based, as libxlsxwriter counts
  };

  XlsxWriter();
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // A new sheet after the others. The name must be unique without regard to case (as Excel
  // compares, "Ánh" = "ÁNH"), at most 31 characters, without : \ / ? * [ ] and not start or end
  // with an apostrophe.
  Sheet& add_sheet(std::string_view name);

  // The first error so far, or success.
  Status status() const;

  // Closes the workbook and returns the bytes of the .xlsx file. Call once; the writer can do
  // nothing more afterwards.
  Result<std::string> finish();

 private:
  struct Formats {
    lxw_format* title = nullptr;
    lxw_format* header = nullptr;
    lxw_format* text = nullptr;
    lxw_format* integer = nullptr;
    lxw_format* decimal = nullptr;
    lxw_format* date = nullptr;
  };

  // Keeps `error` unless an earlier one is kept.
  void fail(Error error);
  bool failed() const { return error_.has_value(); }

  std::string folder_;  // TMPDIR or /tmp: the temporary file and libxlsxwriter's own ones
  std::string path_;    // the private temporary file libxlsxwriter writes the workbook to
  lxw_workbook* workbook_ = nullptr;
  Formats formats_;
  std::vector<std::unique_ptr<Sheet>> sheets_;  // pointers: add_sheet hands out references
  std::vector<std::string> sheet_keys_;         // the names case-folded, to refuse duplicates
  std::optional<Error> error_;
  bool finished_ = false;
};

}  // namespace tdkt::excel
