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

std::vector<UnitId> forms_of(OrganisationRepository& repo, UnitId unit, CivilDate day) {
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
      return subtree(repo, forms_of(repo, *actor.scope_unit, day), day);
    }
    case domain::PeopleScope::kOwnUnit: {
      std::vector<UnitId> units;
      if (actor.person) {
        for (const auto& membership : work.people().memberships_of(*actor.person)) {
          if (membership.period.contains(day)) units.push_back(membership.unit);
        }
      }
      if (units.empty() && actor.scope_unit) units = forms_of(repo, *actor.scope_unit, day);
      return units;
    }
  }
  return std::vector<UnitId>{};
}

bool person_in_scope(UnitOfWork& work, const Actor& actor, PersonId person, CivilDate day) {
  return ScopeFilter(work, actor, day).covers_person(person);
}

std::vector<UnitId> current_forms(UnitOfWork& work, UnitId unit, CivilDate day) {
  return forms_of(work.organisation(), unit, day);
}

ScopeFilter::ScopeFilter(UnitOfWork& work, const Actor& actor, CivilDate day)
    : work_(work), self_(actor.person), day_(day) {
  if (auto units = people_units(work, actor, day)) units_ = std::set<UnitId>(units->begin(), units->end());
}

bool ScopeFilter::covers_unit(UnitId unit) const {
  return !units_ || units_->contains(unit);
}

bool ScopeFilter::covers_person(PersonId person) {
  if (!units_ || (self_ && *self_ == person)) return true;
  auto [at, inserted] = persons_.try_emplace(person.value, false);
  if (inserted) {
    for (const auto& membership : work_.people().memberships_of(person)) {
      if (membership.period.contains(day_) && units_->contains(membership.unit)) {
        at->second = true;
        break;
      }
    }
  }
  return at->second;
}

bool ScopeFilter::covers(const domain::SubjectRef& subject) {
  switch (subject.kind) {
    case domain::rules::SubjectKind::kPerson: return covers_person(PersonId{subject.id});
    case domain::rules::SubjectKind::kUnit: return covers_unit(UnitId{subject.id});
    case domain::rules::SubjectKind::kHousehold: break;
  }
  return everyone();
}

Status require_unit_in_scope(UnitOfWork& work, const Actor& actor, UnitId unit, CivilDate day) {
  const auto units = people_units(work, actor, day);
  if (!units || std::find(units->begin(), units->end(), unit) != units->end()) return {};
  return forbidden(actor, "thay đổi nhân sự của đơn vị ngoài phạm vi được giao");
}

}  // namespace tdkt::app
