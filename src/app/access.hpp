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

// kForbidden unless `unit` is within the actor's people scope on `day`.
Status require_unit_in_scope(UnitOfWork& work, const Actor& actor, UnitId unit, CivilDate day);

}  // namespace tdkt::app
