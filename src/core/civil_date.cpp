#include "core/civil_date.hpp"

#include <charconv>
#include <cstdio>

#include "core/text.hpp"

namespace tdkt {
namespace {

std::optional<int> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string two_digits(unsigned value) {
  char buffer[4];
  std::snprintf(buffer, sizeof buffer, "%02u", value % 100U);
  return buffer;
}

}  // namespace

std::optional<CivilDate> CivilDate::from_ymd(int year, unsigned month, unsigned day) {
  if (year < 1 || year > 9999) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return CivilDate(static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count()));
}

std::optional<CivilDate> CivilDate::parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = parse_number(text.substr(0, 4));
  auto month = parse_number(text.substr(5, 2));
  auto day = parse_number(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  return from_ymd(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
}

std::optional<CivilDate> CivilDate::parse_vn(std::string_view text) {
  const auto first = text.find('/');
  const auto second = text.find('/', first == std::string_view::npos ? first : first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos) return std::nullopt;
  auto day = parse_number(text.substr(0, first));
  auto month = parse_number(text.substr(first + 1, second - first - 1));
  auto year_text = text.substr(second + 1);
  auto year = parse_number(year_text);
  if (!day || !month || !year || year_text.size() != 4 || first > 2 || second - first - 1 > 2) {
    return std::nullopt;
  }
  return from_ymd(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
}

CivilDate CivilDate::from_days(std::int32_t days_since_epoch) {
  return CivilDate(days_since_epoch);
}

std::chrono::year_month_day CivilDate::ymd() const {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days_}}};
}

int CivilDate::year() const {
  return static_cast<int>(ymd().year());
}
unsigned CivilDate::month() const {
  return static_cast<unsigned>(ymd().month());
}
unsigned CivilDate::day() const {
  return static_cast<unsigned>(ymd().day());
}

std::string CivilDate::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year(), month(), day());
  return buffer;
}

std::string CivilDate::vn() const {
  // Four digits, as parse_vn reads them: year 223 is "03/02/0223".
  char year_text[8];
  std::snprintf(year_text, sizeof year_text, "%04d", year());
  return two_digits(day()) + "/" + two_digits(month()) + "/" + year_text;
}

std::string vn_instant(std::string_view iso_utc) {
  constexpr int kVietnamOffsetHours = 7;
  const auto date = iso_utc.size() >= 16 && iso_utc[10] == 'T' && iso_utc[13] == ':'
                        ? CivilDate::parse_iso(iso_utc.substr(0, 10))
                        : std::nullopt;
  const auto digits = [&](std::size_t at) {
    const char high = iso_utc[at];
    const char low = iso_utc[at + 1];
    return high >= '0' && high <= '9' && low >= '0' && low <= '9' ? (high - '0') * 10 + (low - '0') : -1;
  };
  int hour = date ? digits(11) : -1;
  const int minute = date ? digits(14) : -1;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::string(iso_utc);
  hour += kVietnamOffsetHours;
  const auto day = hour >= 24 ? date->add_days(1) : *date;
  return two_digits(static_cast<unsigned>(hour % 24)) + ":" + two_digits(static_cast<unsigned>(minute)) + " ngày " +
         day.vn();
}

std::string CivilDate::vn_long() const {
  // Decree 30/2020/NĐ-CP: a zero before days below 10 and before the months 1 and 2 only.
  const auto month_text = month() <= 2 ? two_digits(month()) : std::to_string(month());
  return "ngày " + two_digits(day()) + " tháng " + month_text + " năm " + std::to_string(year());
}

Result<CivilDate> parse_date_field(std::string_view text, std::string_view field) {
  if (auto date = CivilDate::parse_iso(text)) return *date;
  return Error::invalid(std::string(field), "Ngày không hợp lệ: \"" + text::replace_invalid_utf8(text) +
                                                "\" (cần một ngày có thật, dạng YYYY-MM-DD).");
}

}  // namespace tdkt
