#include "domain/statistics/statistical_form.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"

namespace tdkt::domain::statistics {
namespace {

bool has(const std::vector<rules::AuthorityLevel>& levels, std::optional<rules::AuthorityLevel> level) {
  return level && std::find(levels.begin(), levels.end(), *level) != levels.end();
}

bool matches(const RowCriterion& criterion, const GrantFact& fact) {
  if (criterion.untracked) return false;
  if (criterion.subject && *criterion.subject != fact.subject) return false;
  if (!criterion.types.empty() &&
      std::find(criterion.types.begin(), criterion.types.end(), fact.type) == criterion.types.end())
    return false;
  if (!criterion.staff_category.empty() &&
      (fact.subject != rules::SubjectKind::kPerson || fact.staff_category != criterion.staff_category))
    return false;
  return true;
}

bool counts(const FormColumn& column, const GrantFact& fact) {
  if (column.subject && *column.subject != fact.subject) return false;
  return std::find(column.honours.begin(), column.honours.end(), fact.honour) != column.honours.end();
}

// The column a fact is counted in: the first that names its honour (for its kind of subject),
// else the rest column; nullopt when neither.
std::optional<std::size_t> column_of(const StatisticalForm& form, const GrantFact& fact) {
  std::optional<std::size_t> rest;
  for (std::size_t i = 0; i < form.columns.size(); ++i) {
    if (counts(form.columns[i], fact)) return i;
    if (form.columns[i].rest && (!form.columns[i].subject || *form.columns[i].subject == fact.subject)) {
      if (!rest) rest = i;
    }
  }
  return rest;
}

Error bad(const std::string& field, const std::string& message) {
  return Error::invalid(field, message);
}

}  // namespace

const std::string& StaffCategories::classify(std::string_view position) const {
  const auto folded = text::fold(position);
  for (const auto& category : categories) {
    for (const auto& pattern : category.patterns) {
      if (folded.size() >= pattern.size() && folded.compare(0, pattern.size(), pattern) == 0 &&
          (folded.size() == pattern.size() || folded[pattern.size()] == ' '))
        return category.code;
    }
  }
  return default_code;
}

std::optional<std::pair<CivilDate, CivilDate>> StatisticalForm::period(int year) const {
  // A year that starts on 1 January is the calendar year; any other start is in the year before.
  const bool calendar = period_start_month == 1 && period_start_day == 1;
  const auto from = CivilDate::from_ymd(calendar ? year : year - 1, static_cast<unsigned>(period_start_month),
                                        static_cast<unsigned>(period_start_day));
  const auto to =
      CivilDate::from_ymd(year, static_cast<unsigned>(period_end_month), static_cast<unsigned>(period_end_day));
  if (!from || !to || *to < *from) return std::nullopt;
  return std::pair{*from, *to};
}

const StatisticalForm* FormCatalogue::find(std::string_view code) const {
  const auto found = std::find_if(forms.begin(), forms.end(), [&](const auto& form) { return form.code == code; });
  return found == forms.end() ? nullptr : &*found;
}

std::optional<CivilDate> StatisticalForm::due(int year) const {
  return CivilDate::from_ymd(year, static_cast<unsigned>(due_month), static_cast<unsigned>(due_day));
}

std::string StatisticalForm::due_text() const {
  return "Ngày " + std::to_string(due_day) + " tháng " + std::to_string(due_month) + " năm báo cáo";
}

FilledForm fill(const StatisticalForm& form, const std::vector<GrantFact>& facts) {
  FilledForm out;
  out.cells.assign(form.rows.size(), std::vector<int>(form.columns.size(), 0));
  out.totals.assign(form.rows.size(), 0);
  std::map<std::string, int> outside;
  for (const auto& fact : facts) {
    if (!has(form.levels, fact.level)) continue;
    const auto column = column_of(form, fact);
    if (!column) {
      ++outside[fact.honour];
      continue;
    }
    ++out.counted;
    for (std::size_t row = 0; row < form.rows.size(); ++row) {
      if (form.rows[row].heading || !matches(form.rows[row].criterion, fact)) continue;
      ++out.totals[row];
      ++out.cells[row][*column];
    }
  }
  out.outside.assign(outside.begin(), outside.end());
  return out;
}

Status check_form(const StatisticalForm& form, const StaffCategories& categories) {
  if (form.code.empty()) return bad("code", "Biểu mẫu thiếu số hiệu (\"code\").");
  if (form.title.empty()) return bad("title", "Biểu mẫu " + form.code + " thiếu tên (\"title\").");
  if (form.legal_basis.empty()) return bad("legal_basis", "Biểu mẫu " + form.code + " thiếu căn cứ ban hành.");
  if (form.levels.empty()) return bad("levels", "Biểu mẫu " + form.code + " không đếm cấp khen thưởng nào.");
  if (form.columns.empty()) return bad("columns", "Biểu mẫu " + form.code + " không có cột nào.");
  if (!form.due(2024) || !form.due(2025))
    return bad("due", "Biểu mẫu " + form.code + " có hạn gửi báo cáo không hợp lệ.");
  if (!form.period(2024) || !form.period(2025))
    return bad("period", "Biểu mẫu " + form.code + " có kỳ báo cáo không hợp lệ.");
  std::set<std::string> seen;
  int rests = 0;
  for (std::size_t i = 0; i < form.columns.size(); ++i) {
    const auto& column = form.columns[i];
    const auto at = "columns[" + std::to_string(i) + "]";
    if (column.code.empty() || column.label.empty())
      return bad(at, "Cột thứ " + std::to_string(i + 1) + " của biểu " + form.code + " thiếu số hoặc tên.");
    if (!seen.insert(column.code).second)
      return bad(at + ".code", "Cột " + column.code + " của biểu " + form.code + " trùng số.");
    if (column.rest) ++rests;
  }
  if (rests > 1) return bad("columns", "Biểu mẫu " + form.code + " có nhiều hơn một cột \"các hình thức khác\".");
  seen.clear();
  int figures = 0;
  for (std::size_t i = 0; i < form.rows.size(); ++i) {
    const auto& row = form.rows[i];
    const auto at = "rows[" + std::to_string(i) + "]";
    if (row.label.empty()) return bad(at + ".label", "Dòng thứ " + std::to_string(i + 1) + " thiếu tên.");
    if (row.heading) continue;
    ++figures;
    if (row.code.empty() || !seen.insert(row.code).second)
      return bad(at + ".code", "Dòng \"" + row.label + "\" của biểu " + form.code + " thiếu mã số hoặc trùng mã số.");
    const auto& category = row.criterion.staff_category;
    if (!category.empty() && category != categories.default_code &&
        std::none_of(categories.categories.begin(), categories.categories.end(),
                     [&](const auto& known) { return known.code == category; }))
      return bad(at + ".staff_category", "Dòng " + row.code + " dùng nhóm cá nhân chưa khai báo: " + category + ".");
    if (row.criterion.untracked && row.note.empty())
      return bad(at + ".note", "Dòng " + row.code + " không đếm được từ hồ sơ nên cần ghi chú lý do.");
  }
  if (figures == 0) return bad("rows", "Biểu mẫu " + form.code + " không có dòng số liệu nào.");
  return {};
}

}  // namespace tdkt::domain::statistics
