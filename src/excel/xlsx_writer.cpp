#include "excel/xlsx_writer.hpp"

#include <unicode/unistr.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "excel/xlsx_reader.hpp"  // column_name

namespace tdkt::excel {
namespace {

// The font of administrative documents (Nghị định 30/2020/NĐ-CP). LibreOffice shows it as the
// metric-compatible Liberation Serif, so the layout holds there too.
constexpr const char* kFontName = "Times New Roman";
constexpr double kFontSize = 12;
constexpr double kTitleFontSize = 14;
// Excel shows these codes with the separators of the user's locale: on a Vietnamese Windows
// "#,##0.00" displays 1234567.5 as 1.234.567,50. Writing the Vietnamese separators into the code
// would instead break the format on every other locale.
constexpr const char* kDecimalFormat = "#,##0.00";
constexpr const char* kDateFormat = "dd/mm/yyyy";
constexpr std::size_t kMaxColumns = 16384;  // A..XFD
constexpr std::uint32_t kMaxRows = 1048576;
constexpr std::int64_t kLargestExactInteger = std::int64_t{1} << 53;  // Excel stores doubles
// Excel caps a list validation at 255 characters. libxlsxwriter 1.1.4 checks characters but
// copies bytes into a 255-byte buffer, so a longer Vietnamese list overflows it (glibc aborts the
// process): the cap is on bytes.
constexpr std::size_t kMaxListBytes = 255;

std::string quoted(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

// The Error for a libxlsxwriter status, or std::nullopt on success. `where` says what was being
// written. libxlsxwriter's own description is English; it is kept for the logs.
std::optional<Error> failure(lxw_error status, const std::string& where) {
  if (status == LXW_NO_ERROR) return std::nullopt;
  if (status == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
    return Error::invalid({}, "Nội dung " + where + " dài quá 32.767 ký tự, giới hạn của Excel.");
  }
  return Error::internal("Không ghi được bảng tính Excel (" + where + ": " + lxw_strerror(status) + ").");
}

// Sheet names as Excel compares them: without case, for every script. libxlsxwriter folds ASCII
// letters only, so "Ánh sáng" and "ÁNH SÁNG" would both pass it, and Excel would then call the file
// damaged.
std::string case_key(std::string_view name) {
  std::string key;
  icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<std::int32_t>(name.size())))
      .foldCase()
      .toUTF8String(key);
  return key;
}

Error sheet_name_error(lxw_error status, std::string_view name) {
  const std::string sheet = quoted(name);
  switch (status) {
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
      return Error::invalid("sheet", "Tên trang tính " + sheet + " dài quá 31 ký tự, giới hạn của Excel.");
    case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
      return Error::invalid("sheet", "Tên trang tính " + sheet + " không được chứa các ký tự : \\ / ? * [ ].");
    case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
      return Error::invalid("sheet", "Tên trang tính " + sheet + " không được bắt đầu hay kết thúc bằng dấu nháy đơn.");
    case LXW_ERROR_SHEETNAME_ALREADY_USED: return Error::invalid("sheet", "Đã có trang tính tên " + sheet + ".");
    default: return *failure(status, "trang tính " + sheet);
  }
}

}  // namespace

// ---- CellValue ------------------------------------------------------------------------------

CellValue CellValue::text(std::string value) {
  CellValue cell;
  cell.kind_ = Kind::kText;
  cell.text_ = std::move(value);
  return cell;
}

CellValue CellValue::integer(std::int64_t value) {
  CellValue cell;
  cell.kind_ = Kind::kInteger;
  cell.integer_ = value;
  return cell;
}

CellValue CellValue::decimal(double value) {
  CellValue cell;
  cell.kind_ = Kind::kDecimal;
  cell.decimal_ = value;
  return cell;
}

CellValue CellValue::date(CivilDate value) {
  CellValue cell;
  cell.kind_ = Kind::kDate;
  cell.date_ = value;
  return cell;
}

// ---- XlsxWriter -----------------------------------------------------------------------------

XlsxWriter::XlsxWriter() {
  // libxlsxwriter 1.1.4 writes only to a named file. mkstemp makes it private (mode 0600, a name
  // no one else can predict); libxlsxwriter then reopens it by name and overwrites it.
  const char* tmpdir = std::getenv("TMPDIR");
  folder_ = tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
  path_ = folder_ + "/tdkt-xlsx-XXXXXX";
  const int descriptor = mkstemp(path_.data());
  if (descriptor < 0) {
    path_.clear();
    fail(Error::internal("Không tạo được tệp tạm để ghi bảng tính Excel trong " + folder_ + "."));
    return;
  }
  close(descriptor);
  lxw_workbook_options options{};
  options.tmpdir = folder_.data();
  workbook_ = workbook_new_opt(path_.c_str(), &options);
  if (workbook_ == nullptr) {
    fail(Error::internal("Không tạo được bảng tính Excel: thiếu bộ nhớ."));
    return;
  }

  const auto add_format = [this](bool bordered) {
    lxw_format* format = workbook_add_format(workbook_);
    if (format == nullptr) return format;
    format_set_font_name(format, kFontName);
    format_set_font_size(format, kFontSize);
    format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
    if (bordered) format_set_border(format, LXW_BORDER_THIN);
    return format;
  };
  formats_.title = add_format(false);
  formats_.header = add_format(true);
  formats_.text = add_format(true);
  formats_.integer = add_format(true);
  formats_.decimal = add_format(true);
  formats_.date = add_format(true);
  for (lxw_format* format :
       {formats_.title, formats_.header, formats_.text, formats_.integer, formats_.decimal, formats_.date}) {
    if (format == nullptr) {
      fail(Error::internal("Không tạo được bảng tính Excel: thiếu bộ nhớ."));
      return;
    }
  }
  format_set_bold(formats_.title);
  format_set_font_size(formats_.title, kTitleFontSize);
  format_set_align(formats_.title, LXW_ALIGN_CENTER);
  format_set_bold(formats_.header);
  format_set_text_wrap(formats_.header);
  format_set_align(formats_.header, LXW_ALIGN_CENTER);
  format_set_num_format(formats_.decimal, kDecimalFormat);
  format_set_num_format(formats_.date, kDateFormat);
  format_set_align(formats_.date, LXW_ALIGN_CENTER);
}

XlsxWriter::~XlsxWriter() {
  if (workbook_ != nullptr) lxw_workbook_free(workbook_);  // never closed: nothing was written
  if (!path_.empty()) unlink(path_.c_str());
}

void XlsxWriter::fail(Error error) {
  if (!error_) error_ = std::move(error);
}

Status XlsxWriter::status() const {
  if (error_) return *error_;
  return {};
}

XlsxWriter::Sheet& XlsxWriter::add_sheet(std::string_view name) {
  std::string copy(name);
  lxw_worksheet* worksheet = nullptr;
  if (finished_) {
    fail(Error::internal("Bảng tính Excel đã ghi xong, không thêm được trang tính."));
  } else if (copy.empty()) {
    fail(Error::invalid("sheet", "Tên trang tính không được để trống."));
  } else if (!failed()) {
    std::string key = case_key(copy);
    if (const lxw_error valid = workbook_validate_sheet_name(workbook_, copy.c_str()); valid != LXW_NO_ERROR) {
      fail(sheet_name_error(valid, copy));
    } else if (std::find(sheet_keys_.begin(), sheet_keys_.end(), key) != sheet_keys_.end()) {
      fail(sheet_name_error(LXW_ERROR_SHEETNAME_ALREADY_USED, copy));
    } else if (worksheet = workbook_add_worksheet(workbook_, copy.c_str()); worksheet == nullptr) {
      fail(Error::internal("Không tạo được trang tính " + quoted(copy) + "."));
    } else {
      sheet_keys_.push_back(std::move(key));
    }
  }
  sheets_.push_back(std::unique_ptr<Sheet>(new Sheet(*this, std::move(copy), worksheet)));
  return *sheets_.back();
}

Result<std::string> XlsxWriter::finish() {
  if (finished_) return Error::internal("Bảng tính Excel đã ghi xong.");
  finished_ = true;
  if (error_) return *error_;
  const lxw_error closed = workbook_close(workbook_);
  workbook_ = nullptr;  // workbook_close frees it, whatever the outcome
  if (auto error = failure(closed, "đóng tệp")) return *error;
  std::ifstream file(path_, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (!file.is_open() || file.bad()) return Error::internal("Không đọc lại được bảng tính Excel vừa ghi.");
  unlink(path_.c_str());
  path_.clear();
  return bytes;
}

// ---- XlsxWriter::Sheet ----------------------------------------------------------------------

bool XlsxWriter::Sheet::usable() const {
  return worksheet_ != nullptr && !writer_.failed() && !writer_.finished_;
}

void XlsxWriter::Sheet::keep(std::optional<Error> error) {
  if (error) writer_.fail(std::move(*error));
}

std::string XlsxWriter::Sheet::where(std::uint16_t column) const {
  return "ô " + column_name(column) + std::to_string(next_row_ + 1) + " của trang tính " + quoted(name_);
}

XlsxWriter::Sheet& XlsxWriter::Sheet::set_column_width(std::uint16_t column, double width) {
  if (!usable()) return *this;
  keep(failure(worksheet_set_column(worksheet_, column, column, width, nullptr),
               "độ rộng cột " + column_name(column) + " của trang tính " + quoted(name_)));
  return *this;
}

XlsxWriter::Sheet& XlsxWriter::Sheet::write_title(std::string_view text, std::uint16_t columns) {
  if (!usable()) return *this;
  const std::string copy(text);
  // libxlsxwriter refuses to merge a single cell.
  const lxw_error status =
      columns > 1 ? worksheet_merge_range(worksheet_, next_row_, 0, next_row_, static_cast<lxw_col_t>(columns - 1),
                                          copy.c_str(), writer_.formats_.title)
                  : worksheet_write_string(worksheet_, next_row_, 0, copy.c_str(), writer_.formats_.title);
  keep(failure(status, where(0)));
  ++next_row_;
  return *this;
}

XlsxWriter::Sheet& XlsxWriter::Sheet::write_header(const std::vector<std::string>& headers) {
  if (!usable()) return *this;
  if (headers.size() > kMaxColumns) {
    keep(Error::invalid({}, "Trang tính " + quoted(name_) + " có quá 16.384 cột, giới hạn của Excel."));
    return *this;
  }
  for (std::size_t column = 0; column < headers.size() && usable(); ++column) {
    const auto col = static_cast<std::uint16_t>(column);
    const lxw_error status =
        worksheet_write_string(worksheet_, next_row_, col, headers[column].c_str(), writer_.formats_.header);
    if (status != LXW_NO_ERROR) keep(failure(status, where(col)));
  }
  worksheet_freeze_panes(worksheet_, next_row_ + 1, 0);
  ++next_row_;
  return *this;
}

XlsxWriter::Sheet& XlsxWriter::Sheet::write_row(const std::vector<CellValue>& values) {
  if (!usable()) return *this;
  if (values.size() > kMaxColumns) {
    keep(Error::invalid({}, "Trang tính " + quoted(name_) + " có quá 16.384 cột, giới hạn của Excel."));
    return *this;
  }
  for (std::size_t column = 0; column < values.size() && usable(); ++column) {
    write_value(static_cast<std::uint16_t>(column), values[column]);
  }
  ++next_row_;
  return *this;
}

void XlsxWriter::Sheet::write_value(std::uint16_t column, const CellValue& value) {
  const Formats& formats = writer_.formats_;
  lxw_error status = LXW_NO_ERROR;
  switch (value.kind()) {
    case CellValue::Kind::kEmpty:
      // A blank cell with the border, so the table's grid has no holes.
      status = worksheet_write_blank(worksheet_, next_row_, column, formats.text);
      break;
    case CellValue::Kind::kText:
      status = worksheet_write_string(worksheet_, next_row_, column, value.text_value().c_str(), formats.text);
      break;
    case CellValue::Kind::kInteger:
      if (value.integer_value() > kLargestExactInteger || value.integer_value() < -kLargestExactInteger) {
        keep(Error::invalid({}, "Số ở " + where(column) + " quá lớn để Excel lưu chính xác."));
        return;
      }
      // Excel's General format, no grouping: a year or a code number must not show as "2.024".
      status = worksheet_write_number(worksheet_, next_row_, column, static_cast<double>(value.integer_value()),
                                      formats.integer);
      break;
    case CellValue::Kind::kDecimal:
      if (!std::isfinite(value.decimal_value())) {
        keep(Error::invalid({}, "Số ở " + where(column) + " không hợp lệ."));
        return;
      }
      status = worksheet_write_number(worksheet_, next_row_, column, value.decimal_value(), formats.decimal);
      break;
    case CellValue::Kind::kDate: {
      const CivilDate date = value.date_value();
      if (date.year() < 1900) {
        keep(Error::invalid(
            {}, "Excel không lưu được ngày " + date.vn() + " ở " + where(column) + ": ngày sớm nhất là 01/01/1900."));
        return;
      }
      lxw_datetime datetime{date.year(), static_cast<int>(date.month()), static_cast<int>(date.day()), 0, 0, 0};
      status = worksheet_write_datetime(worksheet_, next_row_, column, &datetime, formats.date);
      break;
    }
  }
  if (status != LXW_NO_ERROR) keep(failure(status, where(column)));  // the place is built only when needed
}

XlsxWriter::Sheet& XlsxWriter::Sheet::add_list_validation(std::uint16_t column, const std::vector<std::string>& allowed,
                                                          std::uint32_t rows) {
  if (!usable() || rows == 0) return *this;
  std::size_t bytes = allowed.empty() ? 0 : allowed.size() - 1;  // the commas between values
  for (const std::string& value : allowed) {
    if (value.find(',') != std::string::npos) {
      keep(Error::invalid({}, "Giá trị " + quoted(value) + " của danh sách chọn không được chứa dấu phẩy."));
      return *this;
    }
    bytes += value.size();
  }
  if (allowed.empty() || bytes > kMaxListBytes) {
    keep(Error::invalid({}, "Danh sách chọn ở cột " + column_name(column) + " của trang tính " + quoted(name_) +
                                " trống hoặc quá dài (tối đa 255 byte, khoảng 180 ký tự tiếng Việt)."));
    return *this;
  }
  // libxlsxwriter takes non-const strings; these copies live until the call returns, and it keeps
  // its own copy of the list.
  std::vector<std::string> values(allowed);
  std::vector<char*> list;
  for (std::string& value : values)
    list.push_back(value.data());
  list.push_back(nullptr);
  std::string error_title = "Giá trị không hợp lệ";
  std::string error_message = "Hãy chọn một giá trị trong danh sách.";
  lxw_data_validation validation{};
  validation.validate = LXW_VALIDATION_TYPE_LIST;
  validation.value_list = list.data();
  validation.error_title = error_title.data();
  validation.error_message = error_message.data();
  const auto last_row =
      static_cast<std::uint32_t>(std::min<std::uint64_t>(std::uint64_t{next_row_} + rows, kMaxRows) - 1);
  keep(failure(worksheet_data_validation_range(worksheet_, next_row_, column, last_row, column, &validation),
               "danh sách chọn ở cột " + column_name(column) + " của trang tính " + quoted(name_)));
  return *this;
}

}  // namespace tdkt::excel
