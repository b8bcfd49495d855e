#include "ingest/sheet_cells.hpp"

#include <charconv>
#include <cmath>

#include "core/text.hpp"

namespace tdkt::ingest {

std::string header_key(std::string_view text) {
  return text::fold(text.substr(0, text.find('(')));
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
