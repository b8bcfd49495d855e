#include "http/records_json.hpp"

#include "http/representations.hpp"
#include "http/router.hpp"

namespace tdkt::http {
namespace {

namespace rules = domain::rules;

Json int_or_null(const std::optional<int>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json rating_json(rules::Rating rating) {
  return rating == rules::Rating::kNone ? Json(nullptr) : Json(std::string(rules::to_string(rating)));
}

Json known_json(rules::Known value) {
  if (value == rules::Known::kUnknown) return nullptr;
  return value == rules::Known::kYes;
}

std::string honour_name(const std::string& code, Services& services) {
  if (!services.rules) return code;
  for (const auto& set : services.rules->sets()) {
    if (const auto* honour = set.find(code)) return honour->name;
  }
  return code;
}

}  // namespace

Json to_json(const domain::PersonYear& record) {
  return {{"person_id", record.person.value},
          {"year", record.year},
          {"rating", rating_json(record.rating)},
          {"rating_label", domain::vietnamese_label(record.rating)},
          {"months_worked", int_or_null(record.months_worked)},
          {"leave_months", int_or_null(record.leave_months)},
          {"counted_months", int_or_null(record.counted_months())},
          {"discipline", std::string(rules::to_string(record.discipline))},
          {"discipline_label", domain::vietnamese_label(record.discipline)},
          {"discipline_date", date_or_null(record.discipline_date)},
          {"discipline_pending", record.discipline_pending},
          {"pending_note", record.pending_note},
          {"notable_achievement", known_json(record.notable_achievement)},
          {"note", record.note}};
}

Json to_json(const domain::UnitYear& record) {
  return {{"unit_id", record.unit.value},
          {"year", record.year},
          {"rating", rating_json(record.rating)},
          {"rating_label", domain::vietnamese_label(record.rating)},
          {"members", int_or_null(record.members)},
          {"members_completed", int_or_null(record.members_completed)},
          {"members_ldtt", int_or_null(record.members_ldtt)},
          {"members_cstdcs", int_or_null(record.members_cstdcs)},
          {"members_disciplined", int_or_null(record.members_disciplined)},
          {"leads_bloc", known_json(record.leads_bloc)},
          {"notable_achievement", known_json(record.notable_achievement)},
          {"discipline_pending", record.discipline_pending},
          {"note", record.note}};
}

Json to_json(const app::UnitYearView& view) {
  Json json = to_json(view.record);
  json["recorded_by"] = view.recorded_by.value;
  json["stored"] = view.stored;
  Json derived = Json::array();
  if (view.derived_members) derived.push_back("members");
  if (view.derived_completed) derived.push_back("members_completed");
  if (view.derived_ldtt) derived.push_back("members_ldtt");
  if (view.derived_cstdcs) derived.push_back("members_cstdcs");
  if (view.derived_disciplined) derived.push_back("members_disciplined");
  json["derived"] = derived;
  return json;
}

Json to_json(const std::vector<domain::InitiativeRecord>& records) {
  Json list = Json::array();
  for (const auto& record : records) {
    list.push_back({{"id", record.id.value},
                    {"subject_kind", std::string(rules::to_string(record.subject.kind))},
                    {"subject_id", record.subject.id},
                    {"year", record.year},
                    {"title", record.title},
                    {"level", std::string(rules::to_string(record.level))},
                    {"level_label", domain::vietnamese_label(record.level)},
                    {"recognised_by", record.recognised_by},
                    {"used_for", record.used_for},
                    {"used_for_year", int_or_null(record.used_for_year)}});
  }
  return list;
}

Json grants_json(const std::vector<domain::GrantRecord>& grants, Services& services) {
  Json list = Json::array();
  for (const auto& grant : grants) {
    list.push_back({{"id", grant.id.value},
                    {"subject_kind", std::string(rules::to_string(grant.subject.kind))},
                    {"subject_id", grant.subject.id},
                    {"honour", grant.honour},
                    {"honour_name", honour_name(grant.honour, services)},
                    {"year", grant.year},
                    {"type", std::string(rules::to_string(grant.type))},
                    {"type_label", domain::vietnamese_label(grant.type)},
                    {"decision_number", grant.decision_number},
                    {"decision_date", date_or_null(grant.decision_date)},
                    {"authority", grant.authority},
                    {"note", grant.note},
                    {"source", std::string(domain::to_string(grant.source))}});
  }
  return list;
}

}  // namespace tdkt::http
