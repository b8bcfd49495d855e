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

}  // namespace tdkt::app
