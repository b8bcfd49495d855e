#pragma once
// Calendar dates without a time of day or a zone, and inclusive date periods.
// Everything in tdkt that depends on time takes one of these; nothing reads the wall clock
// except through app::Clock.

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tdkt {

class CivilDate {
 public:
  // 1970-01-01; only as a default for containers. Use the factories.
  CivilDate() = default;

  // Builds a date; std::nullopt when the day does not exist (31/02/2023).
  static std::optional<CivilDate> from_ymd(int year, unsigned month, unsigned day);
  // Parses "YYYY-MM-DD" strictly (the API and storage format).
  static std::optional<CivilDate> parse_iso(std::string_view text);
  // Parses "DD/MM/YYYY" or "D/M/YYYY" (the Vietnamese format typed by users).
  static std::optional<CivilDate> parse_vn(std::string_view text);
  static CivilDate from_days(std::int32_t days_since_epoch);

  int year() const;
  unsigned month() const;
  unsigned day() const;
  std::int32_t days_since_epoch() const { return days_; }

  CivilDate add_days(std::int32_t days) const { return from_days(days_ + days); }

  std::string iso() const;      // "2023-02-03"
  std::string vn() const;       // "03/02/2023"
  std::string vn_long() const;  // "ngày 03 tháng 02 năm 2023", "ngày 07 tháng 4 năm 2014" (Decree 30)

  friend auto operator<=>(CivilDate, CivilDate) = default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 bug

 private:
  explicit CivilDate(std::int32_t days) : days_(days) {}
  std::chrono::year_month_day ymd() const;
  std::int32_t days_ = 0;
};

// A stored UTC instant ("2026-12-07T01:38:54Z") as a Vietnamese reader sees it, in Vietnam time
// (UTC+7, no daylight saving): "08:38 ngày 07/12/2026"; the text itself when it is not one.
std::string vn_instant(std::string_view iso_utc);

// Parses an ISO date into a Result, naming the field in the error ("31/02/2023" is refused
// with a Vietnamese message).
Result<CivilDate> parse_date_field(std::string_view text, std::string_view field);

// A closed interval of days [from, to]; an open end (to == nullopt) means "until further notice".
struct Period {
  CivilDate from;
  std::optional<CivilDate> to;

  bool valid() const { return !to || from <= *to; }
  bool contains(CivilDate day) const { return from <= day && (!to || day <= *to); }
  bool overlaps(const Period& other) const { return (!other.to || from <= *other.to) && (!to || other.from <= *to); }
  // True when `inner` lies entirely within this period.
  bool covers(const Period& inner) const { return from <= inner.from && (!to || (inner.to && *inner.to <= *to)); }
  friend bool operator==(const Period&, const Period&) = default;
};

}  // namespace tdkt
