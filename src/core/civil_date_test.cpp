#include "core/civil_date.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"

namespace tdkt {
namespace {

TEST(CivilDate, ParsesIsoAndRefusesImpossibleDays) {
  auto day = CivilDate::parse_iso("2023-02-03");
  ASSERT_TRUE(day);
  EXPECT_EQ(day->year(), 2023);
  EXPECT_EQ(day->month(), 2U);
  EXPECT_EQ(day->day(), 3U);
  EXPECT_FALSE(CivilDate::parse_iso("2023-02-31"));
  EXPECT_FALSE(CivilDate::parse_iso("2023-13-01"));
  EXPECT_FALSE(CivilDate::parse_iso("2023-2-3"));
  EXPECT_FALSE(CivilDate::parse_iso("03/02/2023"));
  EXPECT_FALSE(CivilDate::parse_iso("2023-02-0x"));
  EXPECT_TRUE(CivilDate::parse_iso("2024-02-29"));
  EXPECT_FALSE(CivilDate::parse_iso("2023-02-29"));
}

TEST(CivilDate, ParsesVietnameseFormat) {
  EXPECT_EQ(CivilDate::parse_vn("03/02/2023"), CivilDate::from_ymd(2023, 2, 3));
  EXPECT_EQ(CivilDate::parse_vn("9/1/2023"), CivilDate::from_ymd(2023, 1, 9));
  EXPECT_FALSE(CivilDate::parse_vn("31/02/2023"));
  EXPECT_FALSE(CivilDate::parse_vn("03/02/23"));
  EXPECT_FALSE(CivilDate::parse_vn("2023-02-03"));
}

TEST(CivilDate, FormatsTheVietnameseWay) {
  const auto day = *CivilDate::from_ymd(2023, 2, 3);
  EXPECT_EQ(day.iso(), "2023-02-03");
  EXPECT_EQ(day.vn(), "03/02/2023");
  EXPECT_EQ(day.vn_long(), "ngày 03 tháng 02 năm 2023");
  EXPECT_EQ(CivilDate::from_ymd(2014, 4, 7)->vn_long(), "ngày 07 tháng 4 năm 2014");
  EXPECT_EQ(CivilDate::from_ymd(2026, 11, 22)->vn_long(), "ngày 22 tháng 11 năm 2026");
}

TEST(CivilDate, AddsDaysAcrossMonthAndYearEnds) {
  EXPECT_EQ(CivilDate::from_ymd(2025, 7, 1)->add_days(-1), CivilDate::from_ymd(2025, 6, 30));
  EXPECT_EQ(CivilDate::from_ymd(2023, 12, 31)->add_days(1), CivilDate::from_ymd(2024, 1, 1));
}

TEST(CivilDate, ParseFieldNamesTheFieldInVietnamese) {
  auto result = parse_date_field("2023-02-31", "valid_from");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(result.error().field, "valid_from");
  EXPECT_NE(result.error().message.find("Ngày không hợp lệ"), std::string::npos);
}

// Found by fuzz/civil_date (fuzz/regressions/civil_date): year 223 was written "03/02/223", which
// parse_vn (four-digit years) refused.
TEST(CivilDate, VietnameseFormReadsBackForEveryYear) {
  const auto early = CivilDate::parse_vn("3/2/0223");
  ASSERT_TRUE(early);
  EXPECT_EQ(early->vn(), "03/02/0223");
  EXPECT_EQ(CivilDate::parse_vn(early->vn()), early);
  EXPECT_EQ(CivilDate::from_ymd(2023, 2, 3)->vn(), "03/02/2023");
}

// Found by fuzz/civil_date (fuzz/regressions/civil_date): the message quoted the bytes as sent, and
// a query parameter like ?from=%8F made an error body the API could not write (a 500).
TEST(CivilDate, ParseFieldQuotesTextThatIsNotUtf8AsReplacementCharacters) {
  auto result = parse_date_field(
      "\x8f"
      "2023-02-01",
      "from");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().field, "from");
  EXPECT_TRUE(text::valid_utf8(result.error().message)) << result.error().message;
  EXPECT_NE(result.error().message.find("\"\uFFFD2023-02-01\""), std::string::npos) << result.error().message;
}

TEST(Period, OverlapsCoversAndContainsWithOpenEnds) {
  const auto d = [](int y, unsigned m, unsigned dd) { return *CivilDate::from_ymd(y, m, dd); };
  const Period open{d(2023, 5, 1), std::nullopt};
  const Period closed{d(2020, 1, 1), d(2023, 4, 30)};
  EXPECT_FALSE(open.overlaps(closed));
  EXPECT_TRUE(open.overlaps(Period{d(2023, 4, 30), d(2023, 5, 1)}));
  EXPECT_TRUE(open.contains(d(2030, 1, 1)));
  EXPECT_FALSE(closed.contains(d(2023, 5, 1)));
  EXPECT_TRUE(open.covers(Period{d(2024, 1, 1), std::nullopt}));
  EXPECT_FALSE(closed.covers(Period{d(2021, 1, 1), std::nullopt}));
  EXPECT_TRUE(closed.covers(Period{d(2021, 1, 1), d(2023, 4, 30)}));
  EXPECT_FALSE((Period{d(2023, 1, 2), d(2023, 1, 1)}.valid()));
}

TEST(VnInstant, ShowsAStoredUtcInstantInVietnamTime) {
  EXPECT_EQ(vn_instant("2026-12-07T01:38:54Z"), "08:38 ngày 07/12/2026");
  // 17:05 UTC on the last day of the year is already the next year in Vietnam.
  EXPECT_EQ(vn_instant("2025-12-31T17:05:00Z"), "00:05 ngày 01/01/2026");
  EXPECT_EQ(vn_instant(""), "");
  EXPECT_EQ(vn_instant("không phải thời điểm"), "không phải thời điểm");
  EXPECT_EQ(vn_instant("2026-13-07T01:38:54Z"), "2026-13-07T01:38:54Z");
}

}  // namespace
}  // namespace tdkt
