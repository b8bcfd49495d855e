#pragma once
// The statistical forms of emulation and commendation (biểu mẫu báo cáo thống kê thi đua, khen
// thưởng) that the Ministry of Home Affairs prescribes, as data: each form is a file of
// rules/statistics/ naming its rows (chỉ tiêu with their mã số), its columns (the honours each
// counts, for collectives or individuals), the levels of authority it counts and its legal basis.
// A circular that replaces the forms is a new file, not new code. Pure: no I/O.
//
// A grant is one fact (who was granted what, under which type of commendation, at which level);
// filling a form counts the facts of its levels into its cells.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/civil_date.hpp"
#include "core/result.hpp"
#include "domain/rules/facts.hpp"
#include "domain/rules/rule_set.hpp"

namespace tdkt::domain::statistics {

// A class of individual the forms count apart (lãnh đạo cấp bộ, cấp tỉnh; lãnh đạo cấp sở; doanh
// nhân; lãnh đạo từ phó phòng trở lên; người trực tiếp lao động), recognised from the position
// (chức vụ) the person held when granted: the first category with a pattern the folded position
// starts with. A person with no position, or none matching, is the default category.
struct StaffCategory {
  std::string code;                   // "department_leader"
  std::string label;                  // "Lãnh đạo cấp vụ, sở, ngành và tương đương"
  std::vector<std::string> patterns;  // folded prefixes: "giam doc", "pho giam doc", ...
};

struct StaffCategories {
  std::vector<StaffCategory> categories;
  std::string default_code;  // "direct"
  std::string citation;
  bool unverified = false;

  // The category of a position ("Phó Giám đốc Sở" → department_leader).
  const std::string& classify(std::string_view position) const;
};

// What a row counts. Every condition given must hold; none given counts every grant.
struct RowCriterion {
  std::optional<rules::SubjectKind> subject;
  std::vector<rules::GrantType> types;  // any of them
  std::string staff_category;           // a category code of StaffCategories
  // The records hold nothing this row asks about (a household, an enterprise, a proposal from a
  // ministry): the row is 0 and the form says why in the row's note.
  bool untracked = false;
};

struct FormRow {
  std::string code;      // mã số: "06"; empty for a heading
  std::string label;     // "- Tập thể"
  std::string measure;   // đơn vị tính: "Tập thể", "Người"
  bool heading = false;  // a line of the form without figures ("1. Chia theo đối tượng khen thưởng")
  RowCriterion criterion;
  std::string note;
};

struct FormColumn {
  std::string code;                           // "2", "3a": the column's number on the printed form
  std::string group;                          // "Các loại huân chương"
  std::string label;                          // "Huân chương — Tập thể"
  std::vector<std::string> honours;           // codes of the honour catalogue counted here
  std::optional<rules::SubjectKind> subject;  // only collectives, or only individuals
  bool rest = false;                          // every grant of the form's levels that no other column counts
};

struct StatisticalForm {
  std::string code;         // "0602.N/BNV-TĐKT"
  std::string title;        // "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC"
  std::string legal_basis;  // "Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ"
  std::string recipient;    // "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)"
  int due_month = 12;       // the report is received by this day of the reporting year
  int due_day = 15;
  // The reporting year runs from this day of the year before to this day of the year reported on:
  // 12-01 … 11-30 for emulation statistics. The same month and day twice means the calendar year.
  int period_start_month = 1;
  int period_start_day = 1;
  int period_end_month = 12;
  int period_end_day = 31;
  std::vector<rules::AuthorityLevel> levels;  // the levels of deciding authority counted
  std::vector<FormColumn> columns;
  std::vector<FormRow> rows;
  bool unverified = false;
  std::string note;

  // The first and last day of the reporting year `year`; nullopt when the days are not dates.
  std::optional<std::pair<CivilDate, CivilDate>> period(int year) const;
  // The day the report of `year` is received by; nullopt when it is not a date.
  std::optional<CivilDate> due(int year) const;
  // "Ngày 15 tháng 12 năm báo cáo", as the form prints it.
  std::string due_text() const;
};

// One grant as the forms see it.
struct GrantFact {
  rules::SubjectKind subject = rules::SubjectKind::kPerson;
  std::string honour;
  rules::GrantType type = rules::GrantType::kMerit;
  std::optional<rules::AuthorityLevel> level;
  std::string staff_category;  // for a person; empty for a unit
};

// The counts of a filled form: cells[row][column], totals[row] (column 1, "Tổng số", the sum of
// the columns), in the order of the form's rows and columns. A heading's cells are 0. A grant of
// the form's levels that no column counts (a title of emulation on a form of commendations) is
// left out of the form and listed in `outside`, so that the page can say what was left out.
struct FilledForm {
  std::vector<std::vector<int>> cells;
  std::vector<int> totals;
  int counted = 0;                                   // grants counted in the form
  std::vector<std::pair<std::string, int>> outside;  // honour code → grants left out, by code
};

FilledForm fill(const StatisticalForm& form, const std::vector<GrantFact>& facts);

// The forms compiled in, and the categories of individuals they count apart.
struct FormCatalogue {
  StaffCategories categories;
  std::vector<StatisticalForm> forms;  // by code

  const StatisticalForm* find(std::string_view code) const;
};

// Checks a form: a code and a title, at least one level, column and figure row; unique row and
// column codes; at most one rest column; each staff category of a row known. Errors name the field.
Status check_form(const StatisticalForm& form, const StaffCategories& categories);

}  // namespace tdkt::domain::statistics
