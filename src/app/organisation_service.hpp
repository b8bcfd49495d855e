#pragma once
// Use cases of the organisation over time: the tree as of a date, unit history, restructuring,
// successors, emulation blocs. Every write is one transaction with its audit records.
// Thread-safety: a service holds references only; calls may run concurrently.

#include <vector>

#include "app/ports.hpp"

namespace tdkt::app {

struct UnitHistory {
  domain::Unit unit;
  std::optional<domain::Restructuring> started_by;
  std::optional<domain::Restructuring> ended_by;
  std::vector<domain::Unit> predecessors;
  std::vector<domain::Unit> successors;
};

// A change to a unit; absent fields stay as they are.
struct UnitPatch {
  std::optional<std::string> name;
  std::optional<std::string> short_name;
  std::optional<std::string> place;
  std::optional<std::optional<UnitId>> parent;  // engaged nullopt makes the unit a root
};

struct BlocView {
  domain::Bloc bloc;
  std::vector<domain::Unit> members;  // valid on the day asked
};

class OrganisationService {
 public:
  OrganisationService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  std::vector<domain::UnitNode> tree(CivilDate as_of);
  std::vector<domain::Unit> units(CivilDate as_of);
  Result<domain::Unit> unit(UnitId id);
  Result<UnitHistory> history(UnitId id);
  // The units that carry on `id` on `day`: the unit itself if it is still valid, else its
  // successors followed through every later restructuring. Empty when the line ended.
  Result<std::vector<domain::Unit>> successors_on(UnitId id, CivilDate day);

  Result<domain::Unit> create_unit(const Actor& actor, domain::UnitDraft draft);
  Result<domain::Unit> update_unit(const Actor& actor, UnitId id, const UnitPatch& patch);

  Result<domain::Restructuring> restructure(const Actor& actor, const domain::RestructuringRequest& request);
  std::vector<domain::Restructuring> restructurings();
  Result<domain::Restructuring> restructuring(RestructuringId id);

  Result<domain::Bloc> create_bloc(const Actor& actor, domain::Bloc bloc);
  Status add_bloc_member(const Actor& actor, const domain::BlocMember& member);
  std::vector<BlocView> blocs(CivilDate as_of);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace tdkt::app
