// Fuzz target: the spreadsheet reader (excel/xlsx_reader), through its public entry read_xlsx, on
// what users upload for import. Input: the parts of a workbook as text ("=== xl/workbook.xml" then
// the part, for each part; see fuzz_support.hpp), which this target packs into an .xlsx so that
// the fuzzer mutates the XML rather than deflated bytes; or, when it does not start with "=== ",
// the uploaded file itself.
// Promises: never a crash, an exception or unbounded memory; bad input gives a clean error; what is
// read keeps the promises of xlsx_reader.hpp (rows in order, no empty row, no trailing empty cell,
// a date cell has a date, the limits hold).

#include <zip.h>

#include <memory>

#include "excel/xlsx_reader.hpp"
#include "support/fuzz_support.hpp"

namespace {

// The parts as a ZIP archive, stored without compression: deflating them (as
// documents::write_package does) took most of each run. Empty when libzip refuses a name.
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
  zip_error_fini(&error);
  if (!archive) {
    zip_source_free(buffer);
    return {};
  }
  zip_source_keep(buffer);
  const std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(buffer, &zip_source_free);
  bool ok = true;
  for (const auto& [name, body] : parts) {
    zip_source_t* source = zip_source_buffer(archive, body.data(), body.size(), 0);
    const zip_int64_t index = source ? zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) : -1;
    if (index < 0) {
      zip_source_free(source);
      ok = false;
      break;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (!ok || zip_close(archive) != 0) {
    zip_discard(archive);
    return {};
  }
  std::string bytes;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0) return {};
  bytes.resize(stat.size);
  const bool read = zip_source_read(buffer, bytes.data(), bytes.size()) == static_cast<zip_int64_t>(bytes.size());
  zip_source_close(buffer);
  return read ? bytes : std::string();
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tdkt::fuzz::expect;
  using namespace tdkt::excel;
  const auto input = tdkt::fuzz::as_text(data, size);

  std::string packed;
  std::string_view bytes = input;
  if (input.starts_with("=== ")) {
    packed = stored_zip(tdkt::fuzz::split_parts(input));
    if (packed.empty()) return 0;  // a part name libzip refuses: not the reader's business
    bytes = packed;
  }

  // Smaller than the defaults so that a run stays fast; every limit is still reached by small input.
  ReadLimits limits;
  limits.max_bytes = std::size_t{1} << 20;
  limits.max_uncompressed = std::size_t{16} << 20;
  limits.max_rows = 5000;
  limits.max_columns = 100;
  limits.max_cells = 100000;

  auto workbook = read_xlsx(bytes, limits);
  if (!workbook) {
    tdkt::fuzz::expect_clean_error(workbook.error());
    return 0;
  }
  std::size_t cells = 0;
  for (const auto& sheet : workbook->sheets) {
    expect(workbook->sheet(sheet.name) != nullptr, "a sheet is found by its name");
    int previous = 0;
    for (const auto& row : sheet.rows) {
      expect(row.number > previous, "rows are in order, each once");
      previous = row.number;
      expect(!row.cells.empty() && !row.cells.back().empty(), "a row holds a value and no trailing empty cell");
      expect(row.cells.size() <= limits.max_columns, "no value beyond max_columns");
      cells += row.cells.size();
      for (const auto& cell : row.cells) {
        expect(cell.kind != CellKind::kDate || cell.date.has_value(), "a date cell holds its date");
        expect(cell.kind != CellKind::kText || !cell.text.empty(), "an empty string is an empty cell");
        const auto date = cell_date(cell);
        if (cell.kind == CellKind::kDate) expect(date == cell.date, "cell_date of a date cell is its date");
      }
    }
    expect(sheet.rows.size() <= limits.max_rows, "no more rows than max_rows");
  }
  expect(cells <= limits.max_cells, "no more cells than max_cells");
  return 0;
}
