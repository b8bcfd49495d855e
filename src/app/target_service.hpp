#pragma once
// Use cases of targets (chỉ tiêu): every signed-in account reads the targets of a movement with
// their measured values, completion and status; those who manage movements set targets and
// record values. Every write is one transaction with its audit record.

#include <optional>
#include <vector>

#include "app/ports.hpp"

namespace tdkt::app {

// A target with its measured values (oldest first) and its progress on the day judged on.
struct TargetView {
  domain::Target target;
  std::vector<domain::Measurement> measurements;
  domain::Progress progress;
};

// One unit's targets of a movement, in order, and their summary.
struct UnitTargets {
  domain::Unit unit;
  std::vector<TargetView> targets;
  domain::ProgressSummary summary;
};

struct MovementTargets {
  domain::Movement movement;
  CivilDate as_of;  // the day the status is judged on
  std::vector<UnitTargets> units;
};

class TargetService {
 public:
  TargetService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The targets of a movement (of one unit when given), judged on `as_of` (today by default).
  Result<MovementTargets> list(const Actor& actor, MovementId movement, std::optional<UnitId> unit,
                               std::optional<CivilDate> as_of = std::nullopt);
  Result<TargetView> target(const Actor& actor, TargetId id);
  // `target.movement` says which movement; position 0 puts it after the unit's other targets.
  Result<TargetView> create(const Actor& actor, domain::Target target);
  // Replaces every field but the movement.
  Result<TargetView> update(const Actor& actor, domain::Target target);
  // Deletes the target with its measured values.
  Status remove(const Actor& actor, TargetId id);
  // Records the value of a day, or replaces the one recorded for that day.
  Result<TargetView> record(const Actor& actor, domain::Measurement measurement);
  Result<TargetView> remove_measurement(const Actor& actor, TargetId id, CivilDate measured_on);

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace tdkt::app
