#pragma once
// Who may do what, checked inside the use cases (never only by hiding buttons).

#include <optional>
#include <vector>

#include "app/ports.hpp"

namespace tdkt::app {

// kForbidden with the role and the permission in Vietnamese, unless the role allows it.
Status require(const Actor& actor, domain::Permission permission);

// The units whose members the actor's people permissions reach on `day`; nullopt means every
// person. A scope unit that has ended is followed to its successors.
std::optional<std::vector<UnitId>> people_units(UnitOfWork& work, const Actor& actor, CivilDate day);

// Whether `person` is within the actor's people scope on `day`.
bool person_in_scope(UnitOfWork& work, const Actor& actor, PersonId person, CivilDate day);

// The actor's people scope on one day, worked out once: what an import checks for every row
// without recomputing the unit tree per row (security review M7). Lives within the unit of work
// it was computed in; not thread-safe.
class ActorScope {
 public:
  ActorScope(UnitOfWork& work, const Actor& actor, CivilDate day);

  // As person_in_scope: the actor themselves, or a person with a membership on the day in one of
  // the scope's units (one query for the person's memberships).
  bool contains_person(UnitOfWork& work, PersonId person) const;
  // Whether `unit` is one of the scope's units (every unit for an unscoped role).
  bool contains_unit(UnitId unit) const;
  // The scope's units; nullopt means every person.
  const std::optional<std::vector<UnitId>>& units() const { return units_; }

 private:
  std::optional<PersonId> self_;
  CivilDate day_;
  std::optional<std::vector<UnitId>> units_;
};

// kForbidden unless `unit` is within the actor's people scope on `day`.
Status require_unit_in_scope(UnitOfWork& work, const Actor& actor, UnitId unit, CivilDate day);

}  // namespace tdkt::app
