// Targets (chỉ tiêu) of movements: /api/v1/movements/{id}/targets (list, create, Excel export),
// /api/v1/targets/{id} (update, delete) and their measured values.

#include "app/access.hpp"
#include "http/errors.hpp"
#include "http/router.hpp"
#include "http/targets_json.hpp"
#include "ingest/targets_workbook.hpp"

namespace tdkt::http {
namespace {

const std::set<std::string> kTargetFields{"unit_id", "position",   "group_name", "indicator",
                                          "measure", "plan_value", "due_on"};
const std::set<std::string> kValueFields{"measured_on", "value", "note"};

// A completion or share rounded to two decimals, as the page shows it ("57,36 %"); null when
// there is none.
Json percent(std::optional<double> value) {
  if (!value) return nullptr;
  return domain::round_to(*value, 2);
}

Json measurement_json(const domain::Measurement& measurement) {
  return {{"measured_on", measurement.measured_on.iso()}, {"value", measurement.value}, {"note", measurement.note}};
}

Json summary_json(const domain::ProgressSummary& summary) {
  return {{"targets", summary.targets},   {"achieved", summary.achieved},
          {"on_track", summary.on_track}, {"behind", summary.behind},
          {"overdue", summary.overdue},   {"not_measured", summary.not_measured},
          {"no_plan", summary.no_plan},   {"mean_completion", percent(summary.mean_completion)}};
}

Result<double> number_field(const Json& body, const std::string& name, const char* what) {
  if (!body.contains(name) || body.at(name).is_null()) {
    return Error::invalid(name, std::string("Chưa nhập ") + what + ".");
  }
  const auto& value = body.at(name);
  if (!value.is_number()) return Error::invalid(name, std::string(what) + " phải là một số.");
  return value.get<double>();
}

Result<domain::Target> read_target(const Json& body) {
  Fields fields(body);
  domain::Target target;
  std::optional<std::int64_t> unit;
  TDKT_TRY_ASSIGN(unit, fields.integer("unit_id", true));
  if (*unit <= 0) return Error::invalid("unit_id", "Mã đơn vị phải là số nguyên dương.");
  target.unit = UnitId{*unit};
  std::optional<std::int64_t> position;
  TDKT_TRY_ASSIGN(position, fields.integer("position", false));
  target.position = static_cast<int>(position.value_or(0));
  if (position && (*position < 1 || *position > 10000)) {
    return Error::invalid("position", "Số thứ tự phải từ 1 đến 10000.");
  }
  TDKT_TRY_ASSIGN(target.group_name, fields.string("group_name", false));
  TDKT_TRY_ASSIGN(target.indicator, fields.string("indicator", true));
  TDKT_TRY_ASSIGN(target.measure, fields.string("measure", true));
  TDKT_TRY_ASSIGN(target.plan_value, number_field(body, "plan_value", "giá trị kế hoạch"));
  std::optional<CivilDate> due_on;
  TDKT_TRY_ASSIGN(due_on, fields.date("due_on", true));
  target.due_on = *due_on;
  return target;
}

Result<std::optional<CivilDate>> query_as_of(const ApiRequest& request) {
  if (request.query("as_of").empty()) return std::optional<CivilDate>();
  auto parsed = parse_date_field(request.query("as_of"), "as_of");
  if (!parsed) return std::move(parsed).error();
  return std::optional<CivilDate>(*parsed);
}

Result<app::MovementTargets> listed(const ApiRequest& request, Services& services) {
  auto id = parse_id(request.path_params.at(0), "id");
  if (!id) return std::move(id).error();
  std::optional<UnitId> unit;
  if (!request.query("unit_id").empty()) {
    auto unit_id = parse_id(request.query("unit_id"), "unit_id");
    if (!unit_id) return std::move(unit_id).error();
    unit = UnitId{*unit_id};
  }
  auto as_of = query_as_of(request);
  if (!as_of) return std::move(as_of).error();
  return services.targets.list(request.actor, MovementId{*id}, unit, *as_of);
}

ApiResponse list_targets(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(targets, listed(request, services));
  Json units = Json::array();
  for (const auto& unit : targets->units) {
    Json items = Json::array();
    for (const auto& view : unit.targets)
      items.push_back(target_json(view));
    units.push_back({{"unit", {{"id", unit.unit.id.value}, {"name", unit.unit.name}}},
                     {"summary", summary_json(unit.summary)},
                     {"targets", items}});
  }
  Json statuses = Json::array();
  for (const auto status :
       {domain::TargetStatus::kAchieved, domain::TargetStatus::kOnTrack, domain::TargetStatus::kBehind,
        domain::TargetStatus::kOverdue, domain::TargetStatus::kNotMeasured, domain::TargetStatus::kNoPlan}) {
    statuses.push_back({{"code", std::string(domain::to_string(status))}, {"label", domain::vietnamese_label(status)}});
  }
  const auto& movement = targets->movement;
  return ok({{"movement",
              {{"id", movement.id.value},
               {"name", movement.name},
               {"starts_on", movement.starts_on.iso()},
               {"ends_on", movement.ends_on.iso()},
               {"unit_id", movement.unit ? Json(movement.unit->value) : Json(nullptr)}}},
             {"as_of", targets->as_of.iso()},
             {"units", units},
             {"statuses", statuses}});
}

ApiResponse export_targets(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(targets, listed(request, services));
  TDKT_HTTP_TRY(bytes, ingest::targets_workbook(*targets));
  ApiResponse response;
  response.download = Download{
      kXlsxType,
      "Chi-tieu-phong-trao-" + std::to_string(targets->movement.id.value) + "-" + targets->as_of.iso() + ".xlsx",
      std::move(*bytes)};
  return response;
}

ApiResponse create_target(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  // Before reading the body: an account that may not write learns nothing from its checks.
  if (auto allowed = app::require(request.actor, domain::Permission::kManageMovements); !allowed) {
    return fail(allowed.error());
  }
  TDKT_HTTP_TRY(body, parse_object(request.body(), kTargetFields));
  TDKT_HTTP_TRY(target, read_target(*body));
  target->movement = MovementId{*id};
  TDKT_HTTP_TRY(created, services.targets.create(request.actor, std::move(*target)));
  return ok(target_json(*created), 201);
}

ApiResponse update_target(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  if (auto allowed = app::require(request.actor, domain::Permission::kManageMovements); !allowed) {
    return fail(allowed.error());
  }
  TDKT_HTTP_TRY(body, parse_object(request.body(), kTargetFields));
  TDKT_HTTP_TRY(target, read_target(*body));
  target->id = TargetId{*id};
  TDKT_HTTP_TRY(updated, services.targets.update(request.actor, std::move(*target)));
  return ok(target_json(*updated));
}

ApiResponse delete_target(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(done, services.targets.remove(request.actor, TargetId{*id}));
  return ok(nullptr, 204);
}

ApiResponse record_value(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  if (auto allowed = app::require(request.actor, domain::Permission::kManageMovements); !allowed) {
    return fail(allowed.error());
  }
  TDKT_HTTP_TRY(body, parse_object(request.body(), kValueFields));
  Fields fields(*body);
  domain::Measurement measurement;
  measurement.target = TargetId{*id};
  TDKT_HTTP_TRY(measured_on, fields.date("measured_on", true));
  measurement.measured_on = **measured_on;
  TDKT_HTTP_TRY(value, number_field(*body, "value", "giá trị thực hiện"));
  measurement.value = *value;
  TDKT_HTTP_TRY(note, fields.string("note", false));
  measurement.note = *note;
  TDKT_HTTP_TRY(recorded, services.targets.record(request.actor, std::move(measurement)));
  return ok(target_json(*recorded), 201);
}

ApiResponse delete_value(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(day, parse_date_field(request.path_params.at(1), "date"));
  TDKT_HTTP_TRY(view, services.targets.remove_measurement(request.actor, TargetId{*id}, *day));
  return ok(target_json(*view));
}

}  // namespace

Json target_json(const app::TargetView& view) {
  const auto& target = view.target;
  Json measurements = Json::array();
  for (const auto& measurement : view.measurements)
    measurements.push_back(measurement_json(measurement));
  return {{"id", target.id.value},
          {"movement_id", target.movement.value},
          {"unit_id", target.unit.value},
          {"position", target.position},
          {"group_name", target.group_name},
          {"indicator", target.indicator},
          {"measure", target.measure},
          {"plan_value", target.plan_value},
          {"due_on", target.due_on.iso()},
          {"latest", view.progress.latest ? measurement_json(*view.progress.latest) : Json(nullptr)},
          {"completion", percent(view.progress.completion)},
          {"expected", percent(view.progress.expected)},
          {"status", std::string(domain::to_string(view.progress.status))},
          {"status_label", domain::vietnamese_label(view.progress.status)},
          {"measurements", measurements}};
}

std::vector<Route> target_routes() {
  return {
      {"GET", "/api/v1/movements/{id}/targets", list_targets},
      {"POST", "/api/v1/movements/{id}/targets", create_target},
      {"GET", "/api/v1/movements/{id}/targets/export", export_targets},
      {"PUT", "/api/v1/targets/{id}", update_target},
      {"DELETE", "/api/v1/targets/{id}", delete_target},
      {"POST", "/api/v1/targets/{id}/values", record_value},
      {"DELETE", "/api/v1/targets/{id}/values/{date}", delete_value},
  };
}

}  // namespace tdkt::http
