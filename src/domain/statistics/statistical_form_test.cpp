#include "domain/statistics/statistical_form.hpp"

#include <gtest/gtest.h>

namespace tdkt::domain::statistics {
namespace {

using rules::AuthorityLevel;
using rules::GrantType;
using rules::SubjectKind;

StaffCategories categories() {
  StaffCategories out;
  out.default_code = "direct";
  out.citation = "test";
  out.categories = {{"entrepreneur", "Doanh nhân", {"giam doc cong ty"}},
                    {"department_leader", "Lãnh đạo sở", {"giam doc", "pho giam doc"}}};
  return out;
}

// A form of two columns (Bằng khen for anyone, Cờ for collectives) and a rest column, counting
// the province's grants: total, collectives, individuals, leaders, merit, thematic, households.
StatisticalForm form() {
  StatisticalForm out;
  out.code = "T";
  out.title = "Thử";
  out.legal_basis = "Căn cứ";
  out.levels = {AuthorityLevel::kProvince};
  out.period_start_month = 12;
  out.period_start_day = 1;
  out.period_end_month = 11;
  out.period_end_day = 30;
  out.columns = {{"2", "", "Bằng khen", {"BK_TINH"}, std::nullopt, false},
                 {"3", "", "Cờ thi đua", {"CO_TINH"}, SubjectKind::kUnit, false},
                 {"4", "", "Khác", {}, std::nullopt, true}};
  out.rows = {
      {"01", "Tổng số", "", false, {}, ""},
      {"", "1. Theo đối tượng", "", true, {}, ""},
      {"02", "Tập thể", "", false, {SubjectKind::kUnit, {}, "", false}, ""},
      {"03", "Cá nhân", "", false, {SubjectKind::kPerson, {}, "", false}, ""},
      {"04", "Lãnh đạo sở", "", false, {SubjectKind::kPerson, {}, "department_leader", false}, ""},
      {"05", "Thường xuyên", "", false, {std::nullopt, {GrantType::kMerit}, "", false}, ""},
      {"06", "Chuyên đề", "", false, {std::nullopt, {GrantType::kThematic, GrantType::kMovement}, "", false}, ""},
      {"07", "Hộ gia đình", "", false, {std::nullopt, {}, "", true}, "Không ghi nhận."}};
  return out;
}

GrantFact fact(SubjectKind subject, const char* honour, GrantType type, std::optional<AuthorityLevel> level,
               const char* category = "") {
  return {subject, honour, type, level, category};
}

TEST(StatisticalForm, CountsEachGrantInItsColumnAndEveryRowItMatches) {
  const auto filled = fill(
      form(), {fact(SubjectKind::kPerson, "BK_TINH", GrantType::kMerit, AuthorityLevel::kProvince, "department_leader"),
               fact(SubjectKind::kPerson, "BK_TINH", GrantType::kMovement, AuthorityLevel::kProvince, "direct"),
               fact(SubjectKind::kUnit, "CO_TINH", GrantType::kMerit, AuthorityLevel::kProvince),
               fact(SubjectKind::kUnit, "CSTD_TINH", GrantType::kMerit, AuthorityLevel::kProvince),      // the rest
               fact(SubjectKind::kPerson, "BK_TTG", GrantType::kMerit, AuthorityLevel::kPrimeMinister),  // not counted
               fact(SubjectKind::kPerson, "LDTT", GrantType::kMerit, std::nullopt)});  // level unknown
  EXPECT_EQ(filled.counted, 4);
  EXPECT_EQ(filled.totals, (std::vector<int>{4, 0, 2, 2, 1, 3, 1, 0}));
  EXPECT_EQ(filled.cells[0], (std::vector<int>{2, 1, 1}));
  EXPECT_EQ(filled.cells[2], (std::vector<int>{0, 1, 1}));  // collectives: the Cờ and the rest
  EXPECT_EQ(filled.cells[4], (std::vector<int>{1, 0, 0}));
  EXPECT_EQ(filled.cells[1], (std::vector<int>{0, 0, 0}));  // a heading has no figures
  EXPECT_EQ(filled.cells[7], (std::vector<int>{0, 0, 0}));  // untracked
  EXPECT_TRUE(filled.outside.empty());
}

TEST(StatisticalForm, AGrantNoColumnCountsIsListedOutsideTheForm) {
  auto without_rest = form();
  without_rest.columns.pop_back();
  const auto filled =
      fill(without_rest, {fact(SubjectKind::kUnit, "TTLDXS", GrantType::kMerit, AuthorityLevel::kProvince),
                          fact(SubjectKind::kUnit, "TTLDXS", GrantType::kMerit, AuthorityLevel::kProvince),
                          fact(SubjectKind::kPerson, "CO_TINH", GrantType::kMerit,
                               AuthorityLevel::kProvince)});  // a flag is for collectives
  EXPECT_EQ(filled.counted, 0);
  EXPECT_EQ(filled.totals[0], 0);
  EXPECT_EQ(filled.outside, (std::vector<std::pair<std::string, int>>{{"CO_TINH", 1}, {"TTLDXS", 2}}));
}

TEST(StatisticalForm, ThePeriodRunsFromDecemberOfTheYearBefore) {
  const auto period = form().period(2023);
  ASSERT_TRUE(period);
  EXPECT_EQ(period->first.iso(), "2022-12-01");
  EXPECT_EQ(period->second.iso(), "2023-11-30");
  StatisticalForm calendar = form();
  calendar.period_start_month = 1;
  calendar.period_end_month = 12;
  calendar.period_end_day = 31;
  EXPECT_EQ(calendar.period(2024)->first.iso(), "2024-01-01");
  EXPECT_EQ(form().due(2023)->iso(), "2023-12-15");
  EXPECT_EQ(form().due_text(), "Ngày 15 tháng 12 năm báo cáo");
  StatisticalForm impossible = form();
  impossible.period_end_month = 2;
  impossible.period_end_day = 31;
  EXPECT_FALSE(impossible.period(2023));
}

TEST(StatisticalForm, PositionsAreClassifiedByTheirFirstWords) {
  const auto known = categories();
  EXPECT_EQ(known.classify("Giám đốc Công ty TNHH An Phú"), "entrepreneur");
  EXPECT_EQ(known.classify("GIÁM ĐỐC Sở Dân tộc và Tôn giáo"), "department_leader");
  EXPECT_EQ(known.classify("Phó Giám đốc"), "department_leader");
  EXPECT_EQ(known.classify("Giám đốcxyz"), "direct");  // a whole word only
  EXPECT_EQ(known.classify("Chuyên viên"), "direct");
}

TEST(StatisticalForm, AFormIsCheckedBeforeUse) {
  const auto known = categories();
  EXPECT_TRUE(check_form(form(), known));
  auto no_columns = form();
  no_columns.columns.clear();
  EXPECT_EQ(check_form(no_columns, known).error().field, "columns");
  auto two_rests = form();
  two_rests.columns[0].rest = true;
  EXPECT_EQ(check_form(two_rests, known).error().field, "columns");
  auto same_column = form();
  same_column.columns[1].code = "2";
  EXPECT_EQ(check_form(same_column, known).error().field, "columns[1].code");
  auto unknown = form();
  unknown.rows[4].criterion.staff_category = "astronaut";
  EXPECT_EQ(check_form(unknown, known).error().field, "rows[4].staff_category");
  auto headings_only = form();
  headings_only.rows = {{"", "1. Theo đối tượng", "", true, {}, ""}};
  EXPECT_EQ(check_form(headings_only, known).error().field, "rows");
}

}  // namespace
}  // namespace tdkt::domain::statistics
