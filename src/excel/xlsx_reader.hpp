#pragma once
// Reads an Excel workbook (.xlsx, Office Open XML) from memory into plain values: sheets, rows,
// cells. Bookworm packages no XLSX reader (no xlsxio, OpenXLSX or xlnt), so this is our own, on
// the ooxml layer: each part is inflated chunk by chunk straight into a streaming XML parser
// (expat; docs/adr/0012-streamed-office-files.md), so no part is ever held whole or built into a
// tree. It reads values only: no formats beyond "is this number a date", no formulas: a formula
// cell gives the result stored with it (Excel stores the computed value; libxlsxwriter, which
// does not compute, stores 0).
//
// The input comes from users, so every size is bounded (ReadLimits), each limit checked as the
// element that would exceed it is read, and malformed input is an Error value, never an
// exception or a crash. What the reader holds is the cells it returns (max_cells, max_text_bytes)
// and the shared strings (max_shared_strings, within one part of max_part_bytes).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/result.hpp"

namespace tdkt::excel {

enum class CellKind {
  kEmpty,    // no value (absent, only formatted, or an empty string)
  kText,     // a shared, inline or formula string
  kNumber,   // a number whose style is not a date format
  kBoolean,  // TRUE / FALSE
  kDate,     // a serial number shown with a date format, converted to a calendar date
  kError,    // a formula error such as #N/A or #DIV/0!
};

struct Cell {
  CellKind kind = CellKind::kEmpty;
  // What a user sees, as far as it does not depend on formats: the text; a number in plain
  // C-locale form ("1234.5", "42"); "TRUE"/"FALSE"; a date as dd/mm/yyyy; the error ("#N/A").
  std::string text;
  double number = 0;              // numbers, booleans (1/0) and dates (the serial as stored)
  std::optional<CivilDate> date;  // set for kDate only

  bool empty() const { return kind == CellKind::kEmpty; }
};

struct Row {
  int number = 0;  // the Excel row number, 1-based
  // Index = 0-based column (A = 0). Gaps are empty cells; trailing empty cells are left out.
  std::vector<Cell> cells;

  // The cell at `column`, or nullptr beyond the last non-empty one.
  const Cell* cell(std::size_t column) const { return column < cells.size() ? &cells[column] : nullptr; }
  // The text of the cell at `column`; empty beyond the row's end.
  std::string_view text(std::size_t column) const {
    return column < cells.size() ? std::string_view(cells[column].text) : std::string_view();
  }
};

struct Sheet {
  std::string name;
  bool hidden = false;  // state="hidden" or "veryHidden" in the workbook
  // The rows that hold at least one value, in order. Rows that exist in the file only for their
  // formatting (Excel writes many of them) are left out, so callers need not skip them.
  std::vector<Row> rows;
};

struct Workbook {
  std::vector<Sheet> sheets;  // worksheets in the workbook's tab order; chart sheets are left out

  // The sheet named exactly `name`, or nullptr.
  const Sheet* sheet(std::string_view name) const;
};

struct ReadLimits {
  static constexpr std::size_t kMebibyte = std::size_t{1024} * 1024;

  std::size_t max_bytes = 20 * kMebibyte;  // the .xlsx file itself (compressed)
  // Decompressed bytes in total over the parts read, and text held in cells: the defence against
  // zip bombs (a 20 MiB file can inflate to gigabytes). Both declared and actual sizes count.
  std::size_t max_uncompressed = 200 * kMebibyte;
  // Decompressed bytes of one part (a sheet, the shared strings, the styles), declared and actual:
  // a part that claims less and inflates to more is stopped at this many bytes.
  std::size_t max_part_bytes = 20 * kMebibyte;
  std::size_t max_rows = 100000;  // <row> elements per sheet, including formatting-only rows
  std::size_t max_columns = 200;  // a value beyond this column is refused; empty cells are ignored
  // Cells held over the whole workbook, gaps included (56 bytes each). With the text held in
  // cells (max_text_bytes) this keeps a small file from filling memory: a shared string is copied
  // into every cell that shows it.
  std::size_t max_cells = 1000000;
  std::size_t max_text_bytes = 32 * kMebibyte;  // text held in cells, over the whole workbook
  std::size_t max_shared_strings = 100000;      // <si> items of the shared strings part
  std::size_t max_depth = 64;                   // open XML elements at once (a sheet needs 7)
};

// Reads a workbook from the bytes of an .xlsx file. Errors carry field "file":
// kTooLarge when a limit is exceeded, kInvalidInput for anything that is not a readable .xlsx
// (not a ZIP, no workbook, malformed XML, XML nested deeper than max_depth, a DOCTYPE, a part
// whose inflated size differs from the size it declares, a bad cell reference or value).
// Thread-safe: each call has its own state.
Result<Workbook> read_xlsx(std::string_view bytes, const ReadLimits& limits = {});

// The column letters Excel shows: "A" for 0, "Z" for 25, "AA" for 26.
std::string column_name(std::size_t column);

// The date a cell holds: a date cell, or text typed as a date in Vietnamese form (dd/mm/yyyy,
// d/m/yyyy) or ISO form (yyyy-mm-dd), surrounding spaces ignored. std::nullopt otherwise,
// including impossible days ("31/02/2023") and numbers without a date format.
std::optional<CivilDate> cell_date(const Cell& cell);

}  // namespace tdkt::excel
