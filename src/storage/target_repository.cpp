// Targets of movements and their measured values. Amounts are bound as text with two decimals
// ("216613.00") and stored as REAL (SQLite) or DOUBLE PRECISION (PostgreSQL); what is read back
// is rounded to the same two decimals.

#include <soci/soci.h>

#include <cstdio>
#include <string>

#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

constexpr const char* kTargetColumns =
    "SELECT id, movement_id, unit_id, position, group_name, indicator, measure, plan_value, due_on FROM target ";

std::string amount_text(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

double amount(const Row& row, std::size_t column) {
  return domain::round_to(std::stod(row.text(column)), 2);
}

domain::Target to_target(const Row& row) {
  domain::Target target;
  target.id = TargetId{row.integer(0)};
  target.movement = MovementId{row.integer(1)};
  target.unit = UnitId{row.integer(2)};
  target.position = static_cast<int>(row.integer(3));
  target.group_name = row.text(4);
  target.indicator = row.text(5);
  target.measure = row.text(6);
  target.plan_value = amount(row, 7);
  target.due_on = row.date(8);
  return target;
}

domain::Measurement to_measurement(const Row& row) {
  return {TargetId{row.integer(0)}, row.date(1), amount(row, 2), row.text(3)};
}

}  // namespace

std::optional<domain::Target> SqlTargetRepository::find_target(TargetId id) {
  auto row = Query(session_, std::string(kTargetColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return to_target(*row);
}

std::vector<domain::Target> SqlTargetRepository::targets_of(MovementId movement, std::optional<UnitId> unit) {
  std::string sql = std::string(kTargetColumns) + "WHERE movement_id = :m";
  if (unit) sql += " AND unit_id = :u";
  Query query(session_, sql + " ORDER BY unit_id, position, id");
  query.bind("m", movement.value);
  if (unit) query.bind("u", unit->value);
  std::vector<domain::Target> found;
  for (const auto& row : query.rows())
    found.push_back(to_target(row));
  return found;
}

int SqlTargetRepository::last_position(MovementId movement, UnitId unit) {
  auto row = Query(session_, "SELECT COALESCE(MAX(position), 0) FROM target WHERE movement_id = :m AND unit_id = :u")
                 .bind("m", movement.value)
                 .bind("u", unit.value)
                 .first();
  return row ? static_cast<int>(row->integer(0)) : 0;
}

TargetId SqlTargetRepository::insert_target(const domain::Target& target) {
  return TargetId{Query(session_,
                        "INSERT INTO target (movement_id, unit_id, position, group_name, indicator, measure, "
                        "plan_value, due_on) VALUES (:m, :u, :p, :g, :i, :measure, :plan, :due) RETURNING id")
                      .bind("m", target.movement.value)
                      .bind("u", target.unit.value)
                      .bind("p", std::int64_t{target.position})
                      .bind("g", target.group_name)
                      .bind("i", target.indicator)
                      .bind("measure", target.measure)
                      .bind("plan", amount_text(target.plan_value))
                      .bind("due", target.due_on)
                      .insert_returning_id()};
}

void SqlTargetRepository::update_target(const domain::Target& target) {
  Query(session_,
        "UPDATE target SET unit_id = :u, position = :p, group_name = :g, indicator = :i, measure = :measure, "
        "plan_value = :plan, due_on = :due WHERE id = :id")
      .bind("u", target.unit.value)
      .bind("p", std::int64_t{target.position})
      .bind("g", target.group_name)
      .bind("i", target.indicator)
      .bind("measure", target.measure)
      .bind("plan", amount_text(target.plan_value))
      .bind("due", target.due_on)
      .bind("id", target.id.value)
      .execute();
}

void SqlTargetRepository::delete_target(TargetId id) {
  Query(session_, "DELETE FROM target_value WHERE target_id = :id").bind("id", id.value).execute();
  Query(session_, "DELETE FROM target WHERE id = :id").bind("id", id.value).execute();
}

std::vector<domain::Measurement> SqlTargetRepository::measurements_of(TargetId target) {
  std::vector<domain::Measurement> found;
  for (const auto& row : Query(session_,
                               "SELECT target_id, measured_on, value, note FROM target_value WHERE target_id = :t "
                               "ORDER BY measured_on")
                             .bind("t", target.value)
                             .rows()) {
    found.push_back(to_measurement(row));
  }
  return found;
}

std::optional<domain::Measurement> SqlTargetRepository::find_measurement(TargetId target, CivilDate measured_on) {
  auto row = Query(session_,
                   "SELECT target_id, measured_on, value, note FROM target_value WHERE target_id = :t AND "
                   "measured_on = :d")
                 .bind("t", target.value)
                 .bind("d", measured_on)
                 .first();
  if (!row) return std::nullopt;
  return to_measurement(*row);
}

void SqlTargetRepository::upsert_measurement(const domain::Measurement& measurement) {
  Query(session_,
        "INSERT INTO target_value (target_id, measured_on, value, note) VALUES (:t, :d, :v, :n) ON CONFLICT "
        "(target_id, measured_on) DO UPDATE SET value = excluded.value, note = excluded.note")
      .bind("t", measurement.target.value)
      .bind("d", measurement.measured_on)
      .bind("v", amount_text(measurement.value))
      .bind("n", measurement.note)
      .execute();
}

void SqlTargetRepository::delete_measurement(TargetId target, CivilDate measured_on) {
  Query(session_, "DELETE FROM target_value WHERE target_id = :t AND measured_on = :d")
      .bind("t", target.value)
      .bind("d", measured_on)
      .execute();
}

}  // namespace tdkt::storage
