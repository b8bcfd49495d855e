#include "core/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace tdkt::text {
namespace {

TEST(Fold, RemovesAccentsCaseAndPunctuation) {
  EXPECT_EQ(fold("Nguyễn Văn Khang"), "nguyen van khang");
  EXPECT_EQ(fold("ĐOÀN KẾT, KỶ CƯƠNG"), "doan ket ky cuong");
  EXPECT_EQ(fold("  Điểu   K'Rai "), "dieu k rai");
  EXPECT_EQ(fold("Phòng Tuyên truyền - Địa bàn"), "phong tuyen truyen dia ban");
  // Decomposed input (NFD, as some keyboards and PDFs produce) folds the same way.
  EXPECT_EQ(fold("Nguye\xCC\x82\xCC\x83n"), "nguyen");
}

TEST(Normalize, ComposesAndCollapsesWhiteSpace) {
  EXPECT_EQ(normalize("  Nguye\xCC\x82\xCC\x83n \t Văn  "), "Nguyễn Văn");
}

TEST(Collation, OrdersVietnameseLettersAndTones) {
  // a < ă < â < b; d < đ < e; o < ô < ơ; u < ư
  EXPECT_LT(collation_key("an"), collation_key("ăn"));
  EXPECT_LT(collation_key("ăn"), collation_key("ân"));
  EXPECT_LT(collation_key("ân"), collation_key("bân"));
  EXPECT_LT(collation_key("dung"), collation_key("đung"));
  EXPECT_LT(collation_key("đung"), collation_key("em"));
  EXPECT_LT(collation_key("ông"), collation_key("ơn"));
  EXPECT_LT(collation_key("uyên"), collation_key("ưng"));
  // Byte order would put "Đức" after "Yến"; the collation does not.
  EXPECT_LT(collation_key("Đức"), collation_key("Yến"));
  // Tones: ngang < huyền < hỏi < ngã < sắc < nặng.
  std::vector<std::string> tones{"ma", "mà", "mả", "mã", "má", "mạ"};
  for (std::size_t i = 0; i + 1 < tones.size(); ++i) {
    EXPECT_LT(collation_key(tones[i]), collation_key(tones[i + 1])) << tones[i] << " < " << tones[i + 1];
  }
}

TEST(NameSortKey, SortsByGivenThenMiddleThenFamilyName) {
  struct Name {
    std::string family, middle, given;
  };
  std::vector<Name> names{{"Nguyễn", "Văn", "Khang"}, {"Lê", "Thị Thu", "Hà"}, {"Trần", "Quốc", "Hưng"},
                          {"Đỗ", "Văn", "An"},        {"Nguyễn", "Văn", "An"}, {"Bùi", "Văn", "Khàng"}};
  std::sort(names.begin(), names.end(), [](const Name& a, const Name& b) {
    return name_sort_key(a.given, a.middle, a.family) < name_sort_key(b.given, b.middle, b.family);
  });
  std::vector<std::string> order;
  order.reserve(names.size());
  for (const auto& name : names)
    order.push_back(name.family + " " + name.middle + " " + name.given);
  // "An" before "Hà" before "Hưng" before "Khang" before "Khàng"; the two "Văn An" by family name.
  EXPECT_EQ(order, (std::vector<std::string>{"Đỗ Văn An", "Nguyễn Văn An", "Lê Thị Thu Hà", "Trần Quốc Hưng",
                                             "Nguyễn Văn Khang", "Bùi Văn Khàng"}));
}

TEST(SplitName, FamilyMiddleGiven) {
  auto parts = split_name(" Lê  Thị Thu Hà ");
  EXPECT_EQ(parts.family, "Lê");
  EXPECT_EQ(parts.middle, "Thị Thu");
  EXPECT_EQ(parts.given, "Hà");
  EXPECT_EQ(join_name(parts), "Lê Thị Thu Hà");
  auto two = split_name("Điểu Xanh");
  EXPECT_EQ(two.family, "Điểu");
  EXPECT_EQ(two.middle, "");
  EXPECT_EQ(two.given, "Xanh");
  auto one = split_name("Khang");
  EXPECT_EQ(one.family, "");
  EXPECT_EQ(one.given, "Khang");
}

TEST(Numbers, VietnameseSeparators) {
  EXPECT_EQ(format_integer(2400), "2.400");
  EXPECT_EQ(format_integer(152), "152");
  EXPECT_EQ(format_integer(-1234567), "-1.234.567");
  EXPECT_EQ(format_decimal(124249.27, 2), "124.249,27");
  EXPECT_EQ(format_decimal(57.36, 2), "57,36");
  EXPECT_EQ(format_decimal(0.5, 0), "1");
}

TEST(Utf8, Validates) {
  EXPECT_TRUE(valid_utf8("Nguyễn"));
  EXPECT_FALSE(valid_utf8("\xC3\x28"));
}

TEST(Utf8, ReplacesWhatIsNotUtf8AndKeepsTheRest) {
  EXPECT_EQ(replace_invalid_utf8("Nguyễn"), "Nguyễn");
  EXPECT_EQ(replace_invalid_utf8("a\xC3"
                                 "(b"),
            "a\uFFFD(b");                                                   // a lead byte without its continuation
  EXPECT_EQ(replace_invalid_utf8("\xFF\xFE"), "\uFFFD\uFFFD");              // bytes UTF-8 never uses
  EXPECT_EQ(replace_invalid_utf8("\xED\xA0\x80x"), "\uFFFD\uFFFD\uFFFDx");  // a surrogate, which JSON refuses
  EXPECT_TRUE(
      valid_utf8(replace_invalid_utf8("\x8f"
                                      "N`a\xC0\xAF"
                                      "31/03")));  // \xC0\xAF: an overlong "/"
}

TEST(SearchTerms, SplitsFoldedWordsUpToTheLimit) {
  EXPECT_EQ(search_terms(fold("  Nguyễn   Văn Khang ")), (std::vector<std::string>{"nguyen", "van", "khang"}));
  EXPECT_EQ(search_terms("a b c d", 2), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(search_terms("").empty());
}

TEST(Length, CountsCharactersNotBytes) {
  EXPECT_EQ(length("Nguyễn"), 6U);
  EXPECT_EQ(length("ĐẮK"), 3U);
  EXPECT_EQ(length(""), 0U);
}

TEST(Upper, KeepsVietnameseLettersAndTones) {
  EXPECT_EQ(upper("Ban Dân tộc tỉnh Bình Phước"), "BAN DÂN TỘC TỈNH BÌNH PHƯỚC");
  EXPECT_EQ(upper("Sở Dân tộc và Tôn giáo; đ"), "SỞ DÂN TỘC VÀ TÔN GIÁO; Đ");
}

}  // namespace
}  // namespace tdkt::text
