#include "rules_io/statistical_forms.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/text.hpp"
#include "rules_io/rule_files.hpp"

namespace tdkt::rules_io {
namespace {

namespace statistics = domain::statistics;
namespace rules = domain::rules;
using nlohmann::json;

constexpr std::string_view kFolder = "statistics/";
constexpr std::string_view kCategoriesPath = "statistics/staff_categories.json";

Error bad(std::string_view path, const std::string& field, const std::string& message) {
  return Error::invalid(std::string(path) + ":" + field, std::string(path) + ": " + message);
}

std::string text(const json& object, const char* name) {
  const auto found = object.find(name);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// "12-01" → {12, 1}.
std::optional<std::pair<int, int>> month_day(const std::string& value) {
  if (value.size() != 5 || value[2] != '-') return std::nullopt;
  try {
    const int month = std::stoi(value.substr(0, 2));
    const int day = std::stoi(value.substr(3, 2));
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    return std::pair{month, day};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Result<std::vector<std::string>> strings(const json& object, const char* name, std::string_view path,
                                         const std::string& at) {
  std::vector<std::string> out;
  const auto found = object.find(name);
  if (found == object.end()) return out;
  if (!found->is_array()) return bad(path, at + "." + name, std::string("\"") + name + "\" là một danh sách.");
  for (const auto& item : *found) {
    if (!item.is_string() || item.get<std::string>().empty())
      return bad(path, at + "." + name, std::string("mỗi phần tử của \"") + name + "\" là một chuỗi khác rỗng.");
    out.push_back(item.get<std::string>());
  }
  return out;
}

// A true/false field, false when absent (nlohmann's value() would throw on another type).
Result<bool> flag(const json& object, const char* name, std::string_view path, const std::string& at) {
  const auto found = object.find(name);
  if (found == object.end()) return false;
  if (!found->is_boolean()) {
    const auto field = at.empty() ? std::string(name) : at + "." + name;
    return bad(path, field, std::string("\"") + name + "\" là true hoặc false.");
  }
  return found->get<bool>();
}

Result<std::optional<rules::SubjectKind>> subject(const json& object, std::string_view path, const std::string& at) {
  const auto value = text(object, "subject");
  if (value.empty()) return std::optional<rules::SubjectKind>{};
  const auto kind = rules::subject_kind_from_string(value);
  if (!kind) return bad(path, at + ".subject", "\"subject\" là person, unit hoặc household.");
  return std::optional<rules::SubjectKind>{*kind};
}

Result<statistics::FormColumn> read_column(const json& item, std::string_view path, const std::string& at) {
  if (!item.is_object()) return bad(path, at, "mỗi cột là một đối tượng.");
  statistics::FormColumn column;
  column.code = text(item, "code");
  column.group = text(item, "group");
  column.label = text(item, "label");
  TDKT_TRY_ASSIGN(column.honours, strings(item, "honours", path, at));
  TDKT_TRY_ASSIGN(column.subject, subject(item, path, at));
  TDKT_TRY_ASSIGN(column.rest, flag(item, "rest", path, at));
  return column;
}

Result<statistics::FormRow> read_row(const json& item, std::string_view path, const std::string& at) {
  if (!item.is_object()) return bad(path, at, "mỗi dòng là một đối tượng.");
  statistics::FormRow row;
  row.code = text(item, "code");
  row.label = text(item, "label");
  row.measure = text(item, "measure");
  TDKT_TRY_ASSIGN(row.heading, flag(item, "heading", path, at));
  row.note = text(item, "note");
  TDKT_TRY_ASSIGN(row.criterion.subject, subject(item, path, at));
  std::vector<std::string> types;
  TDKT_TRY_ASSIGN(types, strings(item, "types", path, at));
  for (const auto& type : types) {
    const auto parsed = rules::grant_type_from_string(type);
    if (!parsed) return bad(path, at + ".types", "loại khen thưởng không rõ: " + type + ".");
    row.criterion.types.push_back(*parsed);
  }
  row.criterion.staff_category = text(item, "staff_category");
  TDKT_TRY_ASSIGN(row.criterion.untracked, flag(item, "untracked", path, at));
  return row;
}

}  // namespace

Result<statistics::StaffCategories> parse_staff_categories(std::string_view text_json) {
  const auto path = kCategoriesPath;
  const auto root = json::parse(text_json, nullptr, false);
  if (root.is_discarded() || !root.is_object() || !root.contains("categories") || !root.at("categories").is_array())
    return bad(path, "categories", "cần một đối tượng JSON có danh sách \"categories\".");
  statistics::StaffCategories out;
  out.default_code = text(root, "default");
  out.citation = text(root, "citation");
  TDKT_TRY_ASSIGN(out.unverified, flag(root, "unverified", path, ""));
  if (out.default_code.empty()) return bad(path, "default", "thiếu nhóm mặc định (\"default\").");
  if (out.citation.empty()) return bad(path, "citation", "thiếu căn cứ (\"citation\").");
  for (std::size_t i = 0; i < root.at("categories").size(); ++i) {
    const auto& item = root.at("categories").at(i);
    const std::string at = "categories[" + std::to_string(i) + "]";
    if (!item.is_object()) return bad(path, at, "mỗi nhóm là một đối tượng.");
    statistics::StaffCategory category;
    category.code = text(item, "code");
    category.label = text(item, "label");
    if (category.code.empty() || category.label.empty()) return bad(path, at, "mỗi nhóm cần \"code\" và \"label\".");
    std::vector<std::string> patterns;
    TDKT_TRY_ASSIGN(patterns, strings(item, "patterns", path, at));
    if (patterns.empty()) return bad(path, at + ".patterns", "nhóm " + category.code + " không có mẫu chức vụ nào.");
    for (const auto& pattern : patterns)
      category.patterns.push_back(text::fold(pattern));
    out.categories.push_back(std::move(category));
  }
  return out;
}

Result<statistics::StatisticalForm> parse_statistical_form(std::string_view text_json, std::string_view path,
                                                           const statistics::StaffCategories& categories) {
  const auto root = json::parse(text_json, nullptr, false);
  if (root.is_discarded() || !root.is_object()) return bad(path, "", "cần một đối tượng JSON.");
  statistics::StatisticalForm form;
  form.code = text(root, "code");
  form.title = text(root, "title");
  form.legal_basis = text(root, "legal_basis");
  form.recipient = text(root, "recipient");
  TDKT_TRY_ASSIGN(form.unverified, flag(root, "unverified", path, ""));
  form.note = text(root, "note");
  if (root.contains("period")) {
    const auto& period = root.at("period");
    const auto start = period.is_object() ? month_day(text(period, "start")) : std::nullopt;
    const auto end = period.is_object() ? month_day(text(period, "end")) : std::nullopt;
    if (!start || !end) return bad(path, "period", "\"period\" có \"start\" và \"end\" dạng \"MM-DD\".");
    std::tie(form.period_start_month, form.period_start_day) = *start;
    std::tie(form.period_end_month, form.period_end_day) = *end;
  }
  std::vector<std::string> levels;
  if (root.contains("due")) {
    const auto due = month_day(text(root, "due"));
    if (!due) return bad(path, "due", "\"due\" là ngày nhận báo cáo dạng \"MM-DD\".");
    std::tie(form.due_month, form.due_day) = *due;
  }
  TDKT_TRY_ASSIGN(levels, strings(root, "levels", path, "levels"));
  for (const auto& level : levels) {
    const auto parsed = rules::authority_level_from_string(level);
    if (!parsed) return bad(path, "levels", "cấp khen thưởng không rõ: " + level + ".");
    form.levels.push_back(*parsed);
  }
  for (const char* list : {"columns", "rows"}) {
    if (!root.contains(list) || !root.at(list).is_array())
      return bad(path, list, std::string("thiếu danh sách \"") + list + "\".");
  }
  for (std::size_t i = 0; i < root.at("columns").size(); ++i) {
    statistics::FormColumn column;
    TDKT_TRY_ASSIGN(column, read_column(root.at("columns").at(i), path, "columns[" + std::to_string(i) + "]"));
    form.columns.push_back(std::move(column));
  }
  for (std::size_t i = 0; i < root.at("rows").size(); ++i) {
    statistics::FormRow row;
    TDKT_TRY_ASSIGN(row, read_row(root.at("rows").at(i), path, "rows[" + std::to_string(i) + "]"));
    form.rows.push_back(std::move(row));
  }
  if (auto checked = statistics::check_form(form, categories); !checked)
    return bad(path, checked.error().field, checked.error().message);
  return form;
}

const Result<statistics::FormCatalogue>& builtin_statistics() {
  static const Result<statistics::FormCatalogue> kCatalogue = []() -> Result<statistics::FormCatalogue> {
    statistics::FormCatalogue out;
    const auto files = embedded_rule_files();
    const auto categories =
        std::find_if(files.begin(), files.end(), [](const auto& file) { return file.path == kCategoriesPath; });
    if (categories == files.end()) return bad(kCategoriesPath, "", "không có tệp trong bản dựng.");
    TDKT_TRY_ASSIGN(out.categories, parse_staff_categories(categories->data));
    for (const auto& file : files) {
      if (!file.path.starts_with(kFolder) || file.path == kCategoriesPath) continue;
      statistics::StatisticalForm form;
      TDKT_TRY_ASSIGN(form, parse_statistical_form(file.data, file.path, out.categories));
      if (out.find(form.code)) return bad(file.path, "code", "hai biểu mẫu cùng số hiệu " + form.code + ".");
      out.forms.push_back(std::move(form));
    }
    std::sort(out.forms.begin(), out.forms.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    return out;
  }();
  return kCatalogue;
}

}  // namespace tdkt::rules_io
