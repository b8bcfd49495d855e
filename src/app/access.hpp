#pragma once
// Who may do what, checked inside the use cases (never only by hiding buttons).

#include <map>
#include <optional>
#include <set>
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

// kForbidden unless `unit` is within the actor's people scope on `day`.
Status require_unit_in_scope(UnitOfWork& work, const Actor& actor, UnitId unit, CivilDate day);

// The units valid on `day` that carry on `unit`: itself while it lasts, or its successors
// (followed through every restructuring).
std::vector<UnitId> current_forms(UnitOfWork& work, UnitId unit, CivilDate day);

// The actor's people scope on one day, computed once so that a list can be filtered subject by
// subject without asking the store for the scope again (people_units walks the whole tree). A
// person is covered when the actor is that person or the person has a membership on `day` in one
// of the scope's units; a unit when it is one of them. Roles that read every person cover all.
// Borrows `work` for its lifetime; not thread-safe (it caches the persons it has looked at).
class ScopeFilter {
 public:
  ScopeFilter(UnitOfWork& work, const Actor& actor, CivilDate day);

  // The actor sees every person and unit (people scope kAll).
  bool everyone() const { return !units_; }
  bool covers_unit(UnitId unit) const;
  bool covers_person(PersonId person);
  bool covers(const domain::SubjectRef& subject);
  // The scope's units; nullopt means every person and unit.
  const std::optional<std::set<UnitId>>& units() const { return units_; }

 private:
  UnitOfWork& work_;
  std::optional<PersonId> self_;
  CivilDate day_;
  std::optional<std::set<UnitId>> units_;
  std::map<std::int64_t, bool> persons_;
};

}  // namespace tdkt::app
