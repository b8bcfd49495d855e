#include "ingest/sheet_cells.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/text.hpp"

namespace tdkt::ingest {
namespace {

// The header row is looked for among the first rows of a sheet.
constexpr std::size_t kHeaderSearchRows = 30;

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts)
    out += (out.empty() ? "" : std::string(separator)) + part;
  return out;
}

bool has_value(const excel::Cell& cell) {
  return !cell.empty() && (cell.kind != excel::CellKind::kText || !text::normalize(cell.text).empty());
}

}  // namespace

excel::ReadLimits form_limits() {
  excel::ReadLimits limits;
  limits.max_bytes = 10 * excel::ReadLimits::kMebibyte;  // the server's upload limit
  limits.max_uncompressed = 64 * excel::ReadLimits::kMebibyte;
  limits.max_part_bytes = 20 * excel::ReadLimits::kMebibyte;
  limits.max_rows = 20000;
  limits.max_columns = 100;
  limits.max_cells = 300000;  // about 17 MB of cells at most
  limits.max_text_bytes = 8 * excel::ReadLimits::kMebibyte;
  limits.max_shared_strings = 100000;
  return limits;
}

bool is_erase_marker(const excel::Cell& cell) {
  return cell.kind == excel::CellKind::kText && text::fold(cell.text) == text::fold(kEraseMarker);
}

std::string header_key(std::string_view text) {
  return text::fold(text.substr(0, text.find('(')));
}

Result<HeaderRow> read_header(const excel::Sheet& sheet, std::string_view form_sheet,
                              const std::vector<FormColumn>& columns) {
  std::vector<std::string> keys;
  for (const auto& column : columns)
    keys.push_back(header_key(column.title));
  auto form_column = [&keys](const excel::Cell& cell) -> std::optional<std::size_t> {
    if (cell.kind != excel::CellKind::kText) return std::nullopt;
    const auto key = header_key(cell.text);
    const auto found = std::find(keys.begin(), keys.end(), key);
    if (key.empty() || found == keys.end()) return std::nullopt;
    return static_cast<std::size_t>(found - keys.begin());
  };

  std::optional<std::size_t> header;
  for (std::size_t r = 0; r < sheet.rows.size() && r < kHeaderSearchRows && !header; ++r) {
    const auto& cells = sheet.rows[r].cells;
    if (std::count_if(cells.begin(), cells.end(), [&](const excel::Cell& cell) { return form_column(cell); }) >= 2) {
      header = r;
    }
  }
  if (!header) {
    std::vector<std::string> expected;
    for (const auto& column : columns) {
      if (!column.may_be_missing) expected.push_back(quoted(column.title));
    }
    return Error::invalid("file", "Trang " + quoted(form_sheet) + " không có dòng tiêu đề cột của mẫu (dòng ghi " +
                                      joined(expected, ", ") + ").");
  }

  const auto& row = sheet.rows[*header];
  HeaderRow found{*header, row.number, std::vector<std::optional<std::size_t>>(columns.size())};
  std::vector<std::string> issues;
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    const auto& cell = row.cells[c];
    if (!has_value(cell)) continue;
    const auto index = form_column(cell);
    if (!index) {
      issues.push_back("cột " + excel::column_name(c) + " có tiêu đề " + quoted(text::normalize(cell.text)) +
                       " không có trong mẫu");
    } else if (found.columns[*index]) {
      issues.push_back("cột " + quoted(columns[*index].title) + " có hai lần (cột " +
                       excel::column_name(*found.columns[*index]) + " và cột " + excel::column_name(c) + ")");
    } else {
      found.columns[*index] = c;
    }
  }
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (!found.columns[i] && !columns[i].may_be_missing) missing.push_back("thiếu cột " + quoted(columns[i].title));
  }
  issues.insert(issues.begin(), missing.begin(), missing.end());
  // A value in a column without a header would be read as nothing: the file is not the form.
  // (Columns with a header not of the form are named above already.)
  std::vector<bool> headed(row.cells.size());
  for (std::size_t c = 0; c < row.cells.size(); ++c)
    headed[c] = has_value(row.cells[c]);
  for (std::size_t r = *header + 1; r < sheet.rows.size() && issues.size() < 20; ++r) {
    const auto& cells = sheet.rows[r].cells;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if ((c < headed.size() && headed[c]) || !has_value(cells[c])) continue;
      issues.push_back("cột " + excel::column_name(c) + " có dữ liệu (ô " + excel::column_name(c) +
                       std::to_string(sheet.rows[r].number) + ") nhưng không có tiêu đề");
      headed.resize(std::max(headed.size(), c + 1));
      headed[c] = true;  // once per column
    }
  }
  if (issues.empty()) return found;
  return Error::invalid("file", "Trang " + quoted(form_sheet) + " không đúng mẫu (dòng tiêu đề là dòng " +
                                    std::to_string(row.number) + "): " + joined(issues, "; ") +
                                    ". tdkt không đoán cột nào chứa gì: hãy giữ đúng tiêu đề các cột của mẫu rồi nhập "
                                    "lại.");
}

const excel::Sheet* find_sheet(const excel::Workbook& workbook, std::string_view name) {
  const auto key = text::fold(name);
  for (const auto& sheet : workbook.sheets) {
    if (text::fold(sheet.name) == key) return &sheet;
  }
  return nullptr;
}

Status check_sheets(const excel::Workbook& workbook, const std::vector<std::string_view>& form_sheets) {
  for (const auto& sheet : workbook.sheets) {
    const auto key = text::fold(sheet.name);
    const bool known = std::any_of(form_sheets.begin(), form_sheets.end(),
                                   [&key](std::string_view name) { return text::fold(name) == key; });
    if (known) continue;
    const bool holds_values = std::any_of(sheet.rows.begin(), sheet.rows.end(), [](const excel::Row& row) {
      return std::any_of(row.cells.begin(), row.cells.end(), has_value);
    });
    if (!holds_values) continue;
    std::vector<std::string> names;
    for (const auto name : form_sheets)
      names.push_back(quoted(name));
    return Error::invalid("file", "Tệp có trang " + quoted(sheet.name) +
                                      " không thuộc mẫu; tdkt không đọc trang này và không đoán nó chứa gì. Mẫu chỉ "
                                      "có các trang " +
                                      joined(names, ", ") + ": hãy chuyển dữ liệu vào đúng trang rồi xóa trang " +
                                      quoted(sheet.name) + ".");
  }
  return {};
}

std::optional<std::int64_t> whole_number(const excel::Cell& cell) {
  if (cell.kind == excel::CellKind::kNumber) {
    if (!std::isfinite(cell.number) || std::floor(cell.number) != cell.number || std::fabs(cell.number) > 9.0e15) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(cell.number);
  }
  if (cell.kind != excel::CellKind::kText) return std::nullopt;
  const auto trimmed = text::normalize(cell.text);
  std::int64_t value = 0;
  const char* end = trimmed.data() + trimmed.size();
  auto [stop, error] = std::from_chars(trimmed.data(), end, value);
  if (error != std::errc{} || stop != end || trimmed.empty()) return std::nullopt;
  return value;
}

}  // namespace tdkt::ingest
