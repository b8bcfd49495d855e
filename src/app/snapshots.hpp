#pragma once
// How records look in the audit trail (field name -> text value).

#include "app/ports.hpp"

namespace tdkt::app {

Snapshot snapshot(const domain::Unit& unit);
Snapshot snapshot(const domain::Person& person);
Snapshot snapshot(const domain::Membership& membership);
Snapshot snapshot(const domain::Restructuring& event);
Snapshot snapshot(const domain::Bloc& bloc);
Snapshot snapshot(const domain::BlocMember& member);
Snapshot snapshot(const domain::PersonYear& record);
Snapshot snapshot(const domain::UnitYear& record);
Snapshot snapshot(const domain::InitiativeRecord& record);
Snapshot snapshot(const domain::GrantRecord& record);

}  // namespace tdkt::app
