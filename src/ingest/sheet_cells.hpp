#pragma once
// What the readers of tdkt's Excel forms share: how a header cell is matched, and how a cell
// is read as a whole number. Pure: no database, no clock.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "excel/xlsx_reader.hpp"

namespace tdkt::ingest {

// What a header cell is matched by: the folded text before any note in parentheses, so
// "Danh hiệu đăng ký (mã hoặc tên)" and "danh hieu dang ky" are the same column.
std::string header_key(std::string_view text);

// A number cell holding a whole number, or text that is one ("12", " 12 "); nullopt otherwise.
std::optional<std::int64_t> whole_number(const excel::Cell& cell);

}  // namespace tdkt::ingest
