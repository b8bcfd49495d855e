#include "app/snapshots.hpp"

#include <string>

namespace tdkt::app {
namespace {

std::string date_or_empty(const std::optional<CivilDate>& day) {
  return day ? day->iso() : std::string();
}

template <typename Ids>
std::string join_ids(const Ids& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id.value);
  }
  return out;
}

}  // namespace

Snapshot snapshot(const domain::Unit& unit) {
  return {{"name", unit.name},
          {"short_name", unit.short_name},
          {"kind", std::string(domain::to_string(unit.kind))},
          {"parent_id", unit.parent ? std::to_string(unit.parent->value) : std::string()},
          {"place", unit.place},
          {"valid_from", unit.period.from.iso()},
          {"valid_to", date_or_empty(unit.period.to)}};
}

Snapshot snapshot(const domain::Person& person) {
  return {{"family_name", person.family_name},
          {"middle_name", person.middle_name},
          {"given_name", person.given_name},
          {"gender", std::string(domain::to_string(person.gender))},
          {"birth_year", person.birth_year ? std::to_string(*person.birth_year) : std::string()},
          {"ethnicity", person.ethnicity},
          {"village", person.village},
          {"commune", person.commune},
          {"province", person.province},
          {"note", person.note}};
}

Snapshot snapshot(const domain::Membership& membership) {
  return {{"person_id", std::to_string(membership.person.value)},
          {"unit_id", std::to_string(membership.unit.value)},
          {"position", membership.position},
          {"from", membership.period.from.iso()},
          {"to", date_or_empty(membership.period.to)}};
}

Snapshot snapshot(const domain::Restructuring& event) {
  std::string successions;
  for (const auto& item : event.successions) {
    if (!successions.empty()) successions += ',';
    successions += std::to_string(item.predecessor.value) + "->" + std::to_string(item.successor.value);
  }
  return {{"title", event.title},
          {"legal_basis", event.legal_basis},
          {"effective_date", event.effective_date.iso()},
          {"ended", join_ids(event.ended)},
          {"started", join_ids(event.started)},
          {"successions", successions}};
}

Snapshot snapshot(const domain::Bloc& bloc) {
  return {{"name", bloc.name},
          {"note", bloc.note},
          {"valid_from", bloc.period.from.iso()},
          {"valid_to", date_or_empty(bloc.period.to)}};
}

Snapshot snapshot(const domain::BlocMember& member) {
  return {{"bloc_id", std::to_string(member.bloc.value)},
          {"unit_id", std::to_string(member.unit.value)},
          {"from", member.period.from.iso()},
          {"to", date_or_empty(member.period.to)}};
}

namespace {

std::string int_or_empty(const std::optional<int>& value) {
  return value ? std::to_string(*value) : std::string();
}

std::string rating_or_empty(domain::Rating rating) {
  return rating == domain::Rating::kNone ? std::string() : std::string(domain::rules::to_string(rating));
}

std::string known_text(domain::rules::Known value) {
  if (value == domain::rules::Known::kUnknown) return {};
  return value == domain::rules::Known::kYes ? "yes" : "no";
}

}  // namespace

Snapshot snapshot(const domain::PersonYear& record) {
  return {{"person_id", std::to_string(record.person.value)},
          {"year", std::to_string(record.year)},
          {"rating", rating_or_empty(record.rating)},
          {"months_worked", int_or_empty(record.months_worked)},
          {"leave_months", int_or_empty(record.leave_months)},
          {"discipline", std::string(domain::rules::to_string(record.discipline))},
          {"discipline_date", date_or_empty(record.discipline_date)},
          {"discipline_pending", record.discipline_pending ? "true" : "false"},
          {"pending_note", record.pending_note},
          {"notable_achievement", known_text(record.notable_achievement)},
          {"note", record.note}};
}

Snapshot snapshot(const domain::UnitYear& record) {
  return {{"unit_id", std::to_string(record.unit.value)},
          {"year", std::to_string(record.year)},
          {"rating", rating_or_empty(record.rating)},
          {"members", int_or_empty(record.members)},
          {"members_completed", int_or_empty(record.members_completed)},
          {"members_ldtt", int_or_empty(record.members_ldtt)},
          {"members_cstdcs", int_or_empty(record.members_cstdcs)},
          {"members_disciplined", int_or_empty(record.members_disciplined)},
          {"leads_bloc", known_text(record.leads_bloc)},
          {"notable_achievement", known_text(record.notable_achievement)},
          {"discipline_pending", record.discipline_pending ? "true" : "false"},
          {"note", record.note}};
}

Snapshot snapshot(const domain::InitiativeRecord& record) {
  return {{"subject_kind", std::string(domain::rules::to_string(record.subject.kind))},
          {"subject_id", std::to_string(record.subject.id)},
          {"year", std::to_string(record.year)},
          {"title", record.title},
          {"level", std::string(domain::rules::to_string(record.level))},
          {"recognised_by", record.recognised_by},
          {"used_for", record.used_for},
          {"used_for_year", int_or_empty(record.used_for_year)}};
}

Snapshot snapshot(const domain::GrantRecord& record) {
  return {{"subject_kind", std::string(domain::rules::to_string(record.subject.kind))},
          {"subject_id", std::to_string(record.subject.id)},
          {"honour", record.honour},
          {"year", std::to_string(record.year)},
          {"type", std::string(domain::rules::to_string(record.type))},
          {"decision_number", record.decision_number},
          {"decision_date", date_or_empty(record.decision_date)},
          {"authority", record.authority},
          {"note", record.note},
          {"source", std::string(domain::to_string(record.source))}};
}

}  // namespace tdkt::app
