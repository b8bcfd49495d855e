#include "http/representations.hpp"

namespace tdkt::http {

Json date_or_null(const std::optional<CivilDate>& day) {
  return day ? Json(day->iso()) : Json(nullptr);
}

Json to_json(const domain::Unit& unit) {
  return {{"id", unit.id.value},
          {"name", unit.name},
          {"short_name", unit.short_name},
          {"kind", domain::to_string(unit.kind)},
          {"kind_label", domain::vietnamese_label(unit.kind)},
          {"parent_id", unit.parent ? Json(unit.parent->value) : Json(nullptr)},
          {"place", unit.place},
          {"valid_from", unit.period.from.iso()},
          {"valid_to", date_or_null(unit.period.to)},
          {"ended_by", unit.ended_by ? Json(unit.ended_by->value) : Json(nullptr)}};
}

Json to_json(const domain::UnitNode& node) {
  Json json = to_json(node.unit);
  json["children"] = Json::array();
  for (const auto& child : node.children)
    json["children"].push_back(to_json(child));
  return json;
}

Json to_json(const domain::Restructuring& event) {
  Json successions = Json::array();
  for (const auto& item : event.successions) {
    successions.push_back(
        {{"from", item.predecessor.value}, {"to", item.successor.value}, {"transfer_members", item.transfer_members}});
  }
  Json ended = Json::array();
  for (auto id : event.ended)
    ended.push_back(id.value);
  Json started = Json::array();
  for (auto id : event.started)
    started.push_back(id.value);
  return {{"id", event.id.value},
          {"title", event.title},
          {"legal_basis", event.legal_basis},
          {"effective_date", event.effective_date.iso()},
          {"ended", ended},
          {"started", started},
          {"successions", successions}};
}

Json to_json(const domain::Person& person) {
  return {{"id", person.id.value},
          {"full_name", person.full_name()},
          {"family_name", person.family_name},
          {"middle_name", person.middle_name},
          {"given_name", person.given_name},
          {"gender", domain::to_string(person.gender)},
          {"birth_year", person.birth_year ? Json(*person.birth_year) : Json(nullptr)},
          {"ethnicity", person.ethnicity},
          {"village", person.village},
          {"commune", person.commune},
          {"province", person.province},
          {"note", person.note}};
}

Json to_json(const domain::Membership& membership) {
  return {{"id", membership.id.value},
          {"person_id", membership.person.value},
          {"unit_id", membership.unit.value},
          {"position", membership.position},
          {"from", membership.period.from.iso()},
          {"to", date_or_null(membership.period.to)}};
}

Json to_json(const app::AuditRecord& record) {
  auto snapshot = [](const std::optional<app::Snapshot>& fields) -> Json {
    if (!fields) return nullptr;
    Json object = Json::object();
    for (const auto& [key, value] : *fields)
      object[key] = value;
    return object;
  };
  return {{"id", record.id},
          {"at", record.at},
          {"actor", record.entry.actor},
          {"entity", record.entry.entity},
          {"entity_id", record.entry.entity_id},
          {"action", record.entry.action},
          {"before", snapshot(record.entry.before)},
          {"after", snapshot(record.entry.after)}};
}

}  // namespace tdkt::http
