#include "app/target_service.hpp"

#include <cstdio>
#include <map>

#include "app/access.hpp"

namespace tdkt::app {
namespace {

std::string amount_text(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

Snapshot snapshot(const domain::Target& target) {
  return {{"movement_id", std::to_string(target.movement.value)},
          {"unit_id", std::to_string(target.unit.value)},
          {"position", std::to_string(target.position)},
          {"group_name", target.group_name},
          {"indicator", target.indicator},
          {"measure", target.measure},
          {"plan_value", amount_text(target.plan_value)},
          {"due_on", target.due_on.iso()}};
}

Snapshot snapshot(const domain::Measurement& measurement) {
  return {{"target_id", std::to_string(measurement.target.value)},
          {"measured_on", measurement.measured_on.iso()},
          {"value", amount_text(measurement.value)},
          {"note", measurement.note}};
}

Result<domain::Movement> find_movement(UnitOfWork& work, MovementId id) {
  auto movement = work.movements().find_movement(id);
  if (!movement) return Error::not_found("Không tìm thấy phong trào thi đua mã " + std::to_string(id.value) + ".");
  return *movement;
}

Result<domain::Target> find_target(UnitOfWork& work, TargetId id) {
  auto target = work.targets().find_target(id);
  if (!target) return Error::not_found("Không tìm thấy chỉ tiêu mã " + std::to_string(id.value) + ".");
  return *target;
}

TargetView view_of(UnitOfWork& work, const domain::Target& target, const domain::Movement& movement, CivilDate as_of) {
  TargetView view{target, work.targets().measurements_of(target.id), {}};
  view.progress = domain::progress(target, view.measurements, movement.starts_on, as_of);
  return view;
}

// The unit must exist and have existed at some time during the movement.
Status check_unit(UnitOfWork& work, UnitId id, const domain::Movement& movement) {
  auto unit = work.organisation().find_unit(id);
  if (!unit) return Error::invalid("unit_id", "Không có đơn vị mã " + std::to_string(id.value) + ".");
  if (!unit->period.overlaps(Period{movement.starts_on, movement.ends_on})) {
    return Error::invalid("unit_id", "Đơn vị \"" + unit->name + "\" không hoạt động trong thời gian của phong trào (" +
                                         movement.starts_on.vn() + " – " + movement.ends_on.vn() + ").");
  }
  return {};
}

}  // namespace

Result<MovementTargets> TargetService::list(const Actor& actor, MovementId movement_id, std::optional<UnitId> unit,
                                            std::optional<CivilDate> as_of) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  auto work = store_.read();
  auto movement_found = find_movement(*work, movement_id);
  if (!movement_found) return std::move(movement_found).error();
  auto& movement = *movement_found;
  if (unit && !work->organisation().find_unit(*unit)) {
    return Error::invalid("unit_id", "Không có đơn vị mã " + std::to_string(unit->value) + ".");
  }
  MovementTargets result{movement, as_of.value_or(clock_.today()), {}};
  std::map<std::int64_t, std::size_t> index;  // unit id -> position in result.units
  for (const auto& target : work->targets().targets_of(movement_id, unit)) {
    auto found = index.find(target.unit.value);
    if (found == index.end()) {
      auto stored_unit = work->organisation().find_unit(target.unit);
      if (!stored_unit) continue;  // foreign keys keep this from happening
      found = index.emplace(target.unit.value, result.units.size()).first;
      result.units.push_back({*stored_unit, {}, {}});
    }
    result.units[found->second].targets.push_back(view_of(*work, target, movement, result.as_of));
  }
  for (auto& unit_targets : result.units) {
    std::vector<domain::Progress> progresses;
    for (const auto& view : unit_targets.targets)
      progresses.push_back(view.progress);
    unit_targets.summary = domain::summarise(progresses);
  }
  return result;
}

Result<TargetView> TargetService::target(const Actor& actor, TargetId id) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  auto work = store_.read();
  auto target_found = find_target(*work, id);
  if (!target_found) return std::move(target_found).error();
  auto& target = *target_found;
  auto movement_found = find_movement(*work, target.movement);
  if (!movement_found) return std::move(movement_found).error();
  auto& movement = *movement_found;
  return view_of(*work, target, movement, clock_.today());
}

Result<TargetView> TargetService::create(const Actor& actor, domain::Target target) {
  TDKT_TRY(require(actor, domain::Permission::kManageMovements));
  auto work = store_.write();
  work->lock_numbering();  // the target's position is the next of its unit's
  auto movement_found = find_movement(*work, target.movement);
  if (!movement_found) return std::move(movement_found).error();
  auto& movement = *movement_found;
  TDKT_TRY_ASSIGN(target, domain::check_target(std::move(target), movement.starts_on, movement.ends_on));
  TDKT_TRY(check_unit(*work, target.unit, movement));
  if (target.position == 0) target.position = work->targets().last_position(movement.id, target.unit) + 1;
  target.id = work->targets().insert_target(target);
  work->audit({actor.name, "target", target.id.value, "create", std::nullopt, snapshot(target)}, clock_.now_iso());
  auto view = view_of(*work, target, movement, clock_.today());
  work->commit();
  return view;
}

Result<TargetView> TargetService::update(const Actor& actor, domain::Target target) {
  TDKT_TRY(require(actor, domain::Permission::kManageMovements));
  auto work = store_.write();
  work->lock_numbering();  // a target moved to another unit takes the next position there
  auto before_found = find_target(*work, target.id);
  if (!before_found) return std::move(before_found).error();
  const auto& before = *before_found;
  target.movement = before.movement;
  auto movement_found = find_movement(*work, target.movement);
  if (!movement_found) return std::move(movement_found).error();
  auto& movement = *movement_found;
  TDKT_TRY_ASSIGN(target, domain::check_target(std::move(target), movement.starts_on, movement.ends_on));
  TDKT_TRY(check_unit(*work, target.unit, movement));
  if (target.position == 0) {
    target.position =
        target.unit == before.unit ? before.position : work->targets().last_position(movement.id, target.unit) + 1;
  }
  // The values already recorded must still fit the target (a percentage stays within 100).
  for (const auto& measurement : work->targets().measurements_of(target.id)) {
    auto checked =
        domain::check_measurement(measurement, target, movement.starts_on, movement.ends_on, measurement.measured_on);
    if (!checked) {
      return Error::invalid("measure", "Số liệu ngày " + measurement.measured_on.vn() +
                                           " không còn hợp với chỉ tiêu sau khi sửa: " + checked.error().message);
    }
  }
  work->targets().update_target(target);
  work->audit({actor.name, "target", target.id.value, "update", snapshot(before), snapshot(target)}, clock_.now_iso());
  auto view = view_of(*work, target, movement, clock_.today());
  work->commit();
  return view;
}

Status TargetService::remove(const Actor& actor, TargetId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageMovements));
  auto work = store_.write();
  auto before_found = find_target(*work, id);
  if (!before_found) return std::move(before_found).error();
  const auto& before = *before_found;
  auto snapshot_before = snapshot(before);
  snapshot_before.emplace_back("values", std::to_string(work->targets().measurements_of(id).size()));
  work->targets().delete_target(id);
  work->audit({actor.name, "target", id.value, "delete", snapshot_before, std::nullopt}, clock_.now_iso());
  work->commit();
  return {};
}

Result<TargetView> TargetService::record(const Actor& actor, domain::Measurement measurement) {
  TDKT_TRY(require(actor, domain::Permission::kManageMovements));
  auto work = store_.write();
  auto target_found = find_target(*work, measurement.target);
  if (!target_found) return std::move(target_found).error();
  const auto& target = *target_found;
  auto movement_found = find_movement(*work, target.movement);
  if (!movement_found) return std::move(movement_found).error();
  auto& movement = *movement_found;
  TDKT_TRY_ASSIGN(measurement, domain::check_measurement(std::move(measurement), target, movement.starts_on,
                                                         movement.ends_on, clock_.today()));
  const auto before = work->targets().find_measurement(target.id, measurement.measured_on);
  work->targets().upsert_measurement(measurement);
  work->audit({actor.name, "target_value", target.id.value, before ? "update" : "create",
               before ? std::optional<Snapshot>(snapshot(*before)) : std::nullopt, snapshot(measurement)},
              clock_.now_iso());
  auto view = view_of(*work, target, movement, clock_.today());
  work->commit();
  return view;
}

Result<TargetView> TargetService::remove_measurement(const Actor& actor, TargetId id, CivilDate measured_on) {
  TDKT_TRY(require(actor, domain::Permission::kManageMovements));
  auto work = store_.write();
  auto target_found = find_target(*work, id);
  if (!target_found) return std::move(target_found).error();
  const auto& target = *target_found;
  auto movement_found = find_movement(*work, target.movement);
  if (!movement_found) return std::move(movement_found).error();
  auto& movement = *movement_found;
  const auto before = work->targets().find_measurement(id, measured_on);
  if (!before) {
    return Error::not_found("Chỉ tiêu \"" + target.indicator + "\" không có số liệu ngày " + measured_on.vn() + ".");
  }
  work->targets().delete_measurement(id, measured_on);
  work->audit({actor.name, "target_value", id.value, "delete", snapshot(*before), std::nullopt}, clock_.now_iso());
  auto view = view_of(*work, target, movement, clock_.today());
  work->commit();
  return view;
}

}  // namespace tdkt::app
