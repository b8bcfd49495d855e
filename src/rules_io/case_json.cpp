#include "rules_io/case_json.hpp"

#include <algorithm>
#include <charconv>

#include "domain/rules/evaluator.hpp"
#include "domain/rules/path.hpp"
#include "domain/rules/quota.hpp"
#include "domain/rules/text_template.hpp"
#include "rules_io/json_reader.hpp"
#include "rules_io/verdict_json.hpp"

namespace tdkt::rules_io {
namespace {

using namespace domain::rules;

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

// One case, read and checked against the rule set in force.
struct Case {
  CivilDate decision_date;
  int year = 0;
  RuleSet rules;
  std::vector<const HonourRule*> honours;  // empty: every honour for the subject's kind
  bool path = false;
  std::optional<Subject> subject;
  std::vector<Nomination> nominations;
};

class CaseReader {
 public:
  explicit CaseReader(const RuleLibrary& library) : library_(library) {}

  Result<Case> read(const Json& json) {
    ObjectReader top(json, "", sink_);
    Case result;
    const auto date_text = top.string("decision_date");
    result.year = top.integer("year", kMinYear, kMaxYear);
    const auto province = top.optional_string("province").value_or(std::string());
    result.path = top.optional_boolean("path").value_or(false);
    if (sink_.failed()) return *sink_.first;

    auto date = parse_date_field(date_text, "decision_date");
    if (!date) return std::move(date).error();
    result.decision_date = *date;
    auto rules = library_.in_force(result.decision_date, province);
    if (!rules) return std::move(rules).error();
    result.rules = std::move(rules).value();
    TDKT_TRY(check_year(result));

    if (const auto* subject = top.value("subject")) {
      result.subject = read_subject(*subject);
      if (sink_.failed()) return *sink_.first;
      TDKT_TRY(check_consistency(*result.subject, result.decision_date.year()));
    }
    if (const auto* honours = top.value("honours")) read_honours(*honours, result);
    if (const auto* nominations = top.value("nominations")) read_nominations(*nominations, result);
    top.finish();
    if (sink_.failed()) return *sink_.first;
    if (!result.subject && !top.has("nominations"))
      return Error::invalid("subject", "Thiếu trường bắt buộc \"subject\" (hoặc \"nominations\").");
    return result;
  }

 private:
  static Status check_year(const Case& c) {
    if (c.year < c.rules.first_year) {
      return Error::invalid("year", "Năm " + std::to_string(c.year) + ": chưa có bộ tiêu chuẩn; bộ " + c.rules.id +
                                        " chỉ xét từ năm " + std::to_string(c.rules.first_year) + " (" +
                                        c.rules.first_year_citation + "). Không xét theo suy đoán.");
    }
    if (c.year > c.decision_date.year()) {
      return Error::invalid(
          "year", "Năm " + std::to_string(c.year) + " sau năm của ngày quyết định (" + c.decision_date.iso() + ").");
    }
    return {};
  }

  std::optional<HonourId> honour_code(const std::string& code, const std::string& field) {
    auto id = library_.catalogue().find(code);
    if (!id) sink_.fail(field, "Không rõ mã danh hiệu, hình thức \"" + code + "\" ở \"" + field + "\".");
    return id;
  }

  Subject read_subject(const Json& json) {
    ObjectReader reader(json, "subject", sink_);
    Subject subject;
    subject.kind = reader.code("kind", subject_kind_from_string, "loại đối tượng").value_or(SubjectKind::kPerson);
    subject.id = reader.string("id");
    subject.birth_year = reader.optional_integer("birth_year", kMinYear, kMaxYear);
    if (const auto* years = reader.value("years")) {
      ObjectReader by_year(*years, reader.path("years"), sink_);
      if (years->is_object()) {  // by_year failed otherwise; key() would throw on an array's items
        for (const auto& item : years->items())
          read_year(by_year, item.key(), item.value(), subject);
      }
      by_year.finish();
    }
    if (const auto* grants = reader.value("grants")) read_grants(*grants, subject);
    reader.finish();
    // Views into initiative_ids are taken once the vector no longer grows.
    for (std::size_t i = 0; i < subject.initiatives.size(); ++i)
      subject.initiatives[i].id = subject.initiative_ids[i];
    return subject;
  }

  void read_year(ObjectReader& parent, const std::string& key, const Json& json, Subject& subject) {
    int year = 0;
    const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), year);
    if (error != std::errc() || end != key.data() + key.size() || year < kMinYear || year > kMaxYear) {
      sink_.fail(parent.path(key), "Khóa \"" + key + "\" của subject.years phải là một năm (" +
                                       std::to_string(kMinYear) + "–" + std::to_string(kMaxYear) + ").");
      return;
    }
    parent.value(key);
    ObjectReader reader(json, parent.path(key), sink_);
    YearRecord record;
    record.year = static_cast<std::int16_t>(year);
    // null and absent both mean "not recorded" (rating) or "none" (discipline).
    auto given = [&](const char* name) { return json.contains(name) && !json[name].is_null(); };
    if (given("rating")) record.rating = reader.code("rating", rating_from_string, "xếp loại").value_or(Rating::kNone);
    if (given("discipline"))
      record.discipline =
          reader.code("discipline", discipline_level_from_string, "mức kỷ luật").value_or(DisciplineLevel::kNone);
    reader.value("rating");
    reader.value("discipline");
    if (auto months = reader.optional_integer("months_worked", 0, 12))
      record.months_worked = static_cast<std::uint8_t>(*months);
    record.discipline_pending = reader.optional_boolean("discipline_pending").value_or(false);
    auto known = [&](std::string_view name) {
      const auto value = reader.optional_boolean(name);
      return !value ? Known::kUnknown : *value ? Known::kYes : Known::kNo;
    };
    record.leads_bloc = known("leads_bloc");
    record.notable_achievement = known("notable_achievement");

    MemberCounts counts;
    bool any_count = false;
    for (auto field : {MemberField::kMembers, MemberField::kCompleted, MemberField::kLdtt, MemberField::kCstdcs,
                       MemberField::kDisciplined}) {
      if (auto value = reader.optional_integer(to_string(field), 0, 1'000'000)) {
        counts[field] = *value;
        any_count = true;
      }
    }
    if (any_count && subject.kind != SubjectKind::kUnit && !sink_.failed()) {
      sink_.fail(reader.path("members"),
                 "Số thành viên (members, members_ldtt, …) chỉ dùng cho tập thể (kind = \"unit\").");
    }
    if (const auto* initiatives = reader.value("initiatives"))
      read_initiatives(*initiatives, reader.path("initiatives"), year, subject);
    reader.finish();

    auto at = std::lower_bound(subject.years.begin(), subject.years.end(), record.year,
                               [](const YearRecord& r, int y) { return r.year < y; });
    const auto index = at - subject.years.begin();
    subject.years.insert(at, record);
    if (subject.kind == SubjectKind::kUnit) subject.members.insert(subject.members.begin() + index, counts);
  }

  void read_initiatives(const Json& list, const std::string& path, int year, Subject& subject) {
    if (!list.is_array()) {
      sink_.fail(path, "\"" + path + "\" phải là một danh sách [...].");
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      ObjectReader reader(list[i], path + "[" + std::to_string(i) + "]", sink_);
      Initiative initiative;
      subject.initiative_ids.push_back(reader.string("id"));
      initiative.year = static_cast<std::int16_t>(year);
      initiative.level =
          reader.code("level", initiative_level_from_string, "cấp sáng kiến").value_or(InitiativeLevel::kUnit);
      if (auto used_for = reader.optional_string("used_for")) {
        honour_code(*used_for, reader.path("used_for"));
        initiative.used = true;
      }
      reader.finish();
      subject.initiatives.push_back(initiative);
    }
  }

  void read_grants(const Json& list, Subject& subject) {
    if (!list.is_array()) {
      sink_.fail("subject.grants", "\"subject.grants\" phải là một danh sách [...].");
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      ObjectReader reader(list[i], "subject.grants[" + std::to_string(i) + "]", sink_);
      Grant grant;
      const auto code = reader.string("honour");
      grant.honour = honour_code(code, reader.path("honour")).value_or(HonourId{});
      grant.year = static_cast<std::int16_t>(reader.integer("year", kMinYear, kMaxYear));
      if (reader.has("type"))
        grant.type = reader.code("type", grant_type_from_string, "loại khen thưởng").value_or(GrantType::kMerit);
      reader.finish();
      subject.grants.push_back(grant);
    }
  }

  void read_honours(const Json& list, Case& c) {
    if (!list.is_array()) {
      sink_.fail("honours", "\"honours\" phải là một danh sách mã danh hiệu.");
      return;
    }
    for (std::size_t i = 0; i < list.size() && !sink_.failed(); ++i) {
      const auto field = "honours[" + std::to_string(i) + "]";
      const auto code = list[i].is_string() ? list[i].get<std::string>() : std::string();
      const auto* honour = c.rules.find(code);
      if (!honour) {
        sink_.fail(field,
                   "Không rõ mã danh hiệu, hình thức \"" + code + "\" ở \"" + field + "\" (bộ " + c.rules.id + ").");
      } else if (c.subject && !honour->applies_to(c.subject->kind)) {
        sink_.fail(field,
                   honour->name + " không xét cho đối tượng loại \"" + std::string(to_string(c.subject->kind)) + "\".");
      } else {
        c.honours.push_back(honour);
      }
    }
  }

  void read_nominations(const Json& list, Case& c) {
    if (!list.is_array()) {
      sink_.fail("nominations", "\"nominations\" phải là một danh sách [...].");
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      ObjectReader reader(list[i], "nominations[" + std::to_string(i) + "]", sink_);
      Nomination nomination;
      nomination.id = reader.string("id");
      const auto code = reader.string("honour");
      if (const auto* honour = c.rules.find(code))
        nomination.honour = honour->id;
      else if (!sink_.failed())
        sink_.fail(reader.path("honour"), "Không rõ mã danh hiệu, hình thức \"" + code + "\".");
      nomination.group = reader.optional_string("group").value_or(std::string());
      reader.finish();
      c.nominations.push_back(std::move(nomination));
    }
  }

  const RuleLibrary& library_;
  ErrorSink sink_;
};

// ---- Output -----------------------------------------------------------------------------

Json answer_json(const Case& c) {
  Json out;
  out["rule_set"] = c.rules.id;
  out["rule_set_name"] = c.rules.name;
  Json bases = Json::array();
  for (const auto& basis : c.rules.legal_bases)
    bases.push_back(basis.id);
  out["legal_bases"] = std::move(bases);
  if (!c.rules.layers.empty()) out["layers"] = c.rules.layers;
  out["decision_date"] = c.decision_date.iso();
  out["year"] = c.year;
  if (c.subject) {
    const Evaluator evaluator(c.rules);
    const auto view = c.subject->view();
    out["subject"] = {{"kind", std::string(to_string(c.subject->kind))}, {"id", c.subject->id}};
    const auto honours = c.honours.empty() ? evaluator.honours_for(c.subject->kind) : c.honours;
    Json results = Json::array();
    for (const auto* honour : honours)
      results.push_back(result_json(evaluator.explain(view, *honour, c.year), c.rules.vocabulary));
    out["results"] = std::move(results);
    if (c.path) {
      Json path = Json::array();
      for (const auto& step : next_steps(evaluator, view, c.year))
        path.push_back(path_step_json(step));
      out["path"] = std::move(path);
    }
  }
  if (!c.nominations.empty()) {
    Json quotas = Json::array();
    for (const auto& breach : check_quotas(c.rules, c.nominations)) {
      Json exceeding = Json::array();
      for (auto index : breach.exceeding)
        exceeding.push_back(c.nominations[index].id);
      Json item{{"quota", breach.quota->id},
                {"honour", c.rules.find(breach.quota->honour)->code},
                {"count", breach.count},
                {"limit", breach.limit},
                {"exceeding", std::move(exceeding)},
                {"text", breach.text},
                {"citation", breach.quota->citation}};
      if (!breach.group.empty()) item["group"] = breach.group;
      if (breach.quota->unverified) {
        item["unverified"] = true;
        item["note"] = breach.quota->note;
      }
      quotas.push_back(std::move(item));
    }
    out["quotas"] = std::move(quotas);
  }
  return out;
}

CheckAnswer refused(const Error& error) {
  return {CheckAnswer::kRefused, error_json(error)};
}

}  // namespace

std::string error_json(const Error& error) {
  const Json out{
      {"error", {{"code", std::string(to_string(error.code))}, {"message", error.message}, {"field", error.field}}}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

CheckAnswer check_case(std::string_view input, const RuleLibrary& library) {
  auto json = parse_strict(input, "Đầu vào");
  if (!json) return refused(json.error());
  auto read = CaseReader(library).read(*json);
  if (!read) return refused(read.error());
  return {CheckAnswer::kVerdict, answer_json(*read).dump(2, ' ', false, Json::error_handler_t::replace) + "\n"};
}

}  // namespace tdkt::rules_io
