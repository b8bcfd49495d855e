#include "app/access.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace tdkt::app {
namespace {

Error forbidden(const Actor& actor, std::string_view what) {
  return {ErrorCode::kForbidden,
          "Tài khoản \"" + actor.name + "\" (vai trò: " + std::string(domain::vietnamese_label(actor.role)) +
              ") không có quyền: " + std::string(what) + ".",
          ""};
}

// The units valid on `day` that carry on `unit`: itself, or its successors.
std::vector<UnitId> current_forms(OrganisationRepository& repo, UnitId unit, CivilDate day) {
  std::vector<UnitId> result;
  std::set<UnitId> seen;
  std::vector<UnitId> frontier{unit};
  while (!frontier.empty()) {
    const UnitId current = frontier.back();
    frontier.pop_back();
    if (!seen.insert(current).second) continue;
    auto found = repo.find_unit(current);
    if (!found) continue;
    if (found->valid_on(day)) {
      result.push_back(current);
      continue;
    }
    for (const auto& link : repo.successions_from(current))
      frontier.push_back(link.successor);
  }
  return result;
}

std::vector<UnitId> subtree(OrganisationRepository& repo, const std::vector<UnitId>& roots, CivilDate day) {
  std::map<UnitId, std::optional<UnitId>> parent;
  for (const auto& unit : repo.units_valid_on(day))
    parent[unit.id] = unit.parent;
  std::set<UnitId> root_set(roots.begin(), roots.end());
  std::vector<UnitId> result;
  for (const auto& [id, _] : parent) {
    std::optional<UnitId> cursor = id;
    for (int depth = 0; cursor && depth < 64; ++depth) {
      if (root_set.contains(*cursor)) {
        result.push_back(id);
        break;
      }
      auto up = parent.find(*cursor);
      cursor = up == parent.end() ? std::nullopt : up->second;
    }
  }
  return result;
}

}  // namespace

Status require(const Actor& actor, domain::Permission permission) {
  if (domain::allows(actor.role, permission)) return {};
  return forbidden(actor, domain::vietnamese_label(permission));
}

std::optional<std::vector<UnitId>> people_units(UnitOfWork& work, const Actor& actor, CivilDate day) {
  auto& repo = work.organisation();
  switch (domain::people_scope(actor.role)) {
    case domain::PeopleScope::kAll: return std::nullopt;
    case domain::PeopleScope::kNone: return std::vector<UnitId>{};
    case domain::PeopleScope::kSubtree: {
      if (!actor.scope_unit) return std::vector<UnitId>{};
      return subtree(repo, current_forms(repo, *actor.scope_unit, day), day);
    }
    case domain::PeopleScope::kOwnUnit: {
      std::vector<UnitId> units;
      if (actor.person) {
        for (const auto& membership : work.people().memberships_of(*actor.person)) {
          if (membership.period.contains(day)) units.push_back(membership.unit);
        }
      }
      if (units.empty() && actor.scope_unit) units = current_forms(repo, *actor.scope_unit, day);
      return units;
    }
  }
  return std::vector<UnitId>{};
}

ActorScope::ActorScope(UnitOfWork& work, const Actor& actor, CivilDate day)
    : self_(actor.person), day_(day), units_(people_units(work, actor, day)) {
  if (units_) std::sort(units_->begin(), units_->end());
}

bool ActorScope::contains_unit(UnitId unit) const {
  return !units_ || std::binary_search(units_->begin(), units_->end(), unit);
}

bool ActorScope::contains_person(UnitOfWork& work, PersonId person) const {
  if (self_ && *self_ == person) return true;
  if (!units_) return true;
  for (const auto& membership : work.people().memberships_of(person)) {
    if (membership.period.contains(day_) && contains_unit(membership.unit)) return true;
  }
  return false;
}

bool person_in_scope(UnitOfWork& work, const Actor& actor, PersonId person, CivilDate day) {
  if (actor.person && *actor.person == person) return true;
  return ActorScope(work, actor, day).contains_person(work, person);
}

Status require_unit_in_scope(UnitOfWork& work, const Actor& actor, UnitId unit, CivilDate day) {
  const auto units = people_units(work, actor, day);
  if (!units || std::find(units->begin(), units->end(), unit) != units->end()) return {};
  return forbidden(actor, "thay đổi nhân sự của đơn vị ngoài phạm vi được giao");
}

}  // namespace tdkt::app
