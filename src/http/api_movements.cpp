// /api/v1/movements: movements (phong trào thi đua) with their waves, content items, solutions,
// assignments and implemented documents, and the plan drafted from a movement.

#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"

namespace tdkt::http {
namespace {

const std::set<std::string> kMovementFields{"name",         "theme",           "authority", "level",   "kind",
                                            "starts_on",    "ends_on",         "parent_id", "unit_id", "purposes",
                                            "requirements", "content_items",   "solutions", "waves",   "assignments",
                                            "implements",   "plan_document_id"};
const std::set<std::string> kPlanFields{"symbol",      "issued_on",        "issuer",          "issuer_parent", "place",
                                        "signer_name", "signer_authority", "signer_position", "recipients"};

std::string levels_hint() {
  return "national, province hoặc agency";
}
std::string kinds_hint() {
  return "regular, thematic, by_wave hoặc special";
}

Json to_json(const domain::Movement& movement, bool full) {
  Json json{{"id", movement.id.value},
            {"name", movement.name},
            {"theme", movement.theme},
            {"authority", movement.authority},
            {"level", std::string(domain::to_string(movement.level))},
            {"level_label", domain::vietnamese_label(movement.level)},
            {"kind", std::string(domain::to_string(movement.kind))},
            {"kind_label", domain::vietnamese_label(movement.kind)},
            {"starts_on", movement.starts_on.iso()},
            {"ends_on", movement.ends_on.iso()},
            {"period", domain::period_phrase(movement)},
            {"parent_id", movement.parent ? Json(movement.parent->value) : Json(nullptr)},
            {"unit_id", movement.unit ? Json(movement.unit->value) : Json(nullptr)},
            {"plan_document_id", movement.plan_document ? Json(movement.plan_document->value) : Json(nullptr)}};
  if (!full) return json;
  json["purposes"] = movement.purposes;
  json["requirements"] = movement.requirements;
  Json items = Json::array();
  for (const auto& item : movement.content_items)
    items.push_back({{"title", item.title}, {"text", item.text}});
  json["content_items"] = items;
  json["solutions"] = movement.solutions;
  Json waves = Json::array();
  for (const auto& wave : movement.waves) {
    Json occasions = Json::array();
    for (const auto& occasion : wave.occasions) {
      occasions.push_back({{"name", occasion.name}, {"on", occasion.on ? Json(occasion.on->iso()) : Json(nullptr)}});
    }
    waves.push_back({{"name", wave.name},
                     {"starts_on", wave.starts_on.iso()},
                     {"ends_on", wave.ends_on.iso()},
                     {"occasions", occasions}});
  }
  json["waves"] = waves;
  Json assignments = Json::array();
  for (const auto& assignment : movement.assignments)
    assignments.push_back({{"unit_id", assignment.unit.value}, {"task", assignment.task}});
  json["assignments"] = assignments;
  Json implements = Json::array();
  for (const auto id : movement.implements)
    implements.push_back(id.value);
  json["implements"] = implements;
  return json;
}

Result<std::vector<std::string>> read_lines(const Json& body, const std::string& name) {
  std::vector<std::string> lines;
  if (!body.contains(name)) return lines;
  const auto& list = body.at(name);
  if (!list.is_array()) return Error::invalid(name, "\"" + name + "\" phải là danh sách chuỗi.");
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_string()) return Error::invalid(name + "[" + std::to_string(i) + "]", "Mỗi mục phải là một chuỗi.");
    lines.push_back(list[i].get<std::string>());
  }
  return lines;
}

Result<const Json*> read_list(const Json& body, const std::string& name) {
  if (!body.contains(name)) return static_cast<const Json*>(nullptr);
  if (!body.at(name).is_array()) return Error::invalid(name, "\"" + name + "\" phải là một danh sách.");
  return &body.at(name);
}

Result<std::vector<domain::Wave>> read_waves(const Json& body) {
  std::vector<domain::Wave> waves;
  auto list = read_list(body, "waves");
  if (!list) return std::move(list).error();
  if (*list == nullptr) return waves;
  for (std::size_t i = 0; i < (*list)->size(); ++i) {
    const auto& item = (**list)[i];
    const std::string prefix = "waves[" + std::to_string(i) + "].";
    TDKT_TRY(check_fields(item, {"name", "starts_on", "ends_on", "occasions"}, prefix));
    Fields fields(item, prefix);
    domain::Wave wave;
    TDKT_TRY_ASSIGN(wave.name, fields.string("name", true));
    std::optional<CivilDate> day;
    TDKT_TRY_ASSIGN(day, fields.date("starts_on", true));
    wave.starts_on = *day;
    TDKT_TRY_ASSIGN(day, fields.date("ends_on", true));
    wave.ends_on = *day;
    auto occasions = read_list(item, "occasions");
    if (!occasions) return std::move(occasions).error();
    if (*occasions != nullptr) {
      for (std::size_t j = 0; j < (*occasions)->size(); ++j) {
        const auto& entry = (**occasions)[j];
        const std::string occasion_prefix = prefix + "occasions[" + std::to_string(j) + "].";
        TDKT_TRY(check_fields(entry, {"name", "on"}, occasion_prefix));
        Fields occasion_fields(entry, occasion_prefix);
        domain::Occasion occasion;
        TDKT_TRY_ASSIGN(occasion.name, occasion_fields.string("name", true));
        TDKT_TRY_ASSIGN(occasion.on, occasion_fields.date("on", false));
        wave.occasions.push_back(std::move(occasion));
      }
    }
    waves.push_back(std::move(wave));
  }
  return waves;
}

Result<domain::Movement> read_movement(const Json& body) {
  Fields fields(body);
  domain::Movement movement;
  TDKT_TRY_ASSIGN(movement.name, fields.string("name", true));
  TDKT_TRY_ASSIGN(movement.theme, fields.string("theme", false));
  TDKT_TRY_ASSIGN(movement.authority, fields.string("authority", true));
  std::string code;
  TDKT_TRY_ASSIGN(code, fields.string("level", true));
  auto level = domain::movement_level_from_string(code);
  if (!level)
    return Error::invalid("level", "Cấp phát động \"" + code + "\" không hợp lệ; dùng " + levels_hint() + ".");
  movement.level = *level;
  TDKT_TRY_ASSIGN(code, fields.string("kind", true));
  auto kind = domain::movement_kind_from_string(code);
  if (!kind)
    return Error::invalid("kind", "Hình thức thi đua \"" + code + "\" không hợp lệ; dùng " + kinds_hint() + ".");
  movement.kind = *kind;
  std::optional<CivilDate> day;
  TDKT_TRY_ASSIGN(day, fields.date("starts_on", true));
  movement.starts_on = *day;
  TDKT_TRY_ASSIGN(day, fields.date("ends_on", true));
  movement.ends_on = *day;
  std::optional<std::int64_t> id;
  TDKT_TRY_ASSIGN(id, fields.integer("parent_id", false));
  if (id) movement.parent = MovementId{*id};
  TDKT_TRY_ASSIGN(id, fields.integer("unit_id", false));
  if (id) movement.unit = UnitId{*id};
  TDKT_TRY_ASSIGN(id, fields.integer("plan_document_id", false));
  if (id) movement.plan_document = DocumentId{*id};
  TDKT_TRY_ASSIGN(movement.purposes, read_lines(body, "purposes"));
  TDKT_TRY_ASSIGN(movement.requirements, read_lines(body, "requirements"));
  TDKT_TRY_ASSIGN(movement.solutions, read_lines(body, "solutions"));
  auto items = read_list(body, "content_items");
  if (!items) return std::move(items).error();
  if (*items != nullptr) {
    for (std::size_t i = 0; i < (*items)->size(); ++i) {
      const std::string prefix = "content_items[" + std::to_string(i) + "].";
      TDKT_TRY(check_fields((**items)[i], {"title", "text"}, prefix));
      Fields item((**items)[i], prefix);
      domain::ContentItem content;
      TDKT_TRY_ASSIGN(content.title, item.string("title", true));
      TDKT_TRY_ASSIGN(content.text, item.string("text", false));
      movement.content_items.push_back(std::move(content));
    }
  }
  TDKT_TRY_ASSIGN(movement.waves, read_waves(body));
  auto assignments = read_list(body, "assignments");
  if (!assignments) return std::move(assignments).error();
  if (*assignments != nullptr) {
    for (std::size_t i = 0; i < (*assignments)->size(); ++i) {
      const std::string prefix = "assignments[" + std::to_string(i) + "].";
      TDKT_TRY(check_fields((**assignments)[i], {"unit_id", "task"}, prefix));
      Fields item((**assignments)[i], prefix);
      domain::Assignment assignment;
      TDKT_TRY_ASSIGN(id, item.integer("unit_id", true));
      assignment.unit = UnitId{*id};
      TDKT_TRY_ASSIGN(assignment.task, item.string("task", true));
      movement.assignments.push_back(std::move(assignment));
    }
  }
  auto implements = read_list(body, "implements");
  if (!implements) return std::move(implements).error();
  if (*implements != nullptr) {
    for (std::size_t i = 0; i < (*implements)->size(); ++i) {
      const auto& item = (**implements)[i];
      if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
        return Error::invalid("implements[" + std::to_string(i) + "]",
                              "Mỗi văn bản căn cứ là một mã văn bản (số nguyên dương).");
      }
      movement.implements.emplace_back(item.get<std::int64_t>());
    }
  }
  return movement;
}

ApiResponse list_movements(const ApiRequest& request, Services& services) {
  app::MovementListRequest list;
  list.q = request.query("q");
  if (!request.query("active_on").empty()) {
    TDKT_HTTP_TRY(day, parse_date_field(request.query("active_on"), "active_on"));
    list.active_on = *day;
  }
  if (!request.query("level").empty()) {
    auto level = domain::movement_level_from_string(request.query("level"));
    if (!level) return fail(Error::invalid("level", "Cấp phát động không hợp lệ; dùng " + levels_hint() + "."));
    list.level = *level;
  }
  TDKT_HTTP_TRY(movements, services.movements.list(request.actor, list));
  Json items = Json::array();
  for (const auto& movement : *movements)
    items.push_back(to_json(movement, false));
  Json levels = Json::array();
  for (const auto level :
       {domain::MovementLevel::kNational, domain::MovementLevel::kProvince, domain::MovementLevel::kAgency})
    levels.push_back({{"code", std::string(domain::to_string(level))}, {"label", domain::vietnamese_label(level)}});
  Json kinds = Json::array();
  for (const auto kind : {domain::MovementKind::kRegular, domain::MovementKind::kThematic,
                          domain::MovementKind::kByWave, domain::MovementKind::kSpecial})
    kinds.push_back({{"code", std::string(domain::to_string(kind))}, {"label", domain::vietnamese_label(kind)}});
  return ok({{"items", items}, {"levels", levels}, {"kinds", kinds}});
}

ApiResponse get_movement(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(view, services.movements.view(request.actor, MovementId{*id}));
  Json json = to_json(view->movement, true);
  json["parent"] = view->parent ? to_json(*view->parent, false) : Json(nullptr);
  Json children = Json::array();
  for (const auto& child : view->children)
    children.push_back(to_json(child, false));
  json["children"] = children;
  Json documents = Json::array();
  for (const auto& document : view->implements)
    documents.push_back(document_json(document, false));
  json["implemented_documents"] = documents;
  json["plan_document"] = view->plan_document ? document_json(*view->plan_document, false) : Json(nullptr);
  Json assignments = Json::array();
  for (const auto& assignment : view->movement.assignments) {
    auto unit = services.organisation.unit(assignment.unit);
    assignments.push_back({{"unit_id", assignment.unit.value},
                           {"unit_name", unit ? Json(unit->name) : Json(nullptr)},
                           {"task", assignment.task}});
  }
  json["assignments"] = assignments;
  return ok(std::move(json));
}

ApiResponse create_movement(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), kMovementFields));
  TDKT_HTTP_TRY(movement, read_movement(*body));
  TDKT_HTTP_TRY(created, services.movements.create(request.actor, std::move(*movement)));
  return ok(to_json(*created, true), 201);
}

ApiResponse update_movement(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), kMovementFields));
  TDKT_HTTP_TRY(movement, read_movement(*body));
  movement->id = MovementId{*id};
  TDKT_HTTP_TRY(updated, services.movements.update(request.actor, std::move(*movement)));
  return ok(to_json(*updated, true));
}

ApiResponse create_plan(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), kPlanFields));
  Fields fields(*body);
  app::PlanRequest plan;
  TDKT_HTTP_TRY(symbol, fields.string("symbol", false));
  plan.symbol = std::move(*symbol);
  TDKT_HTTP_TRY(issued_on, fields.date("issued_on", true));
  plan.issued_on = **issued_on;
  TDKT_HTTP_TRY(issuer, fields.string("issuer", false));
  plan.issuer = std::move(*issuer);
  TDKT_HTTP_TRY(issuer_parent, fields.string("issuer_parent", false));
  plan.issuer_parent = std::move(*issuer_parent);
  TDKT_HTTP_TRY(place, fields.string("place", false));
  plan.place = std::move(*place);
  TDKT_HTTP_TRY(signer_name, fields.string("signer_name", false));
  plan.signer_name = std::move(*signer_name);
  TDKT_HTTP_TRY(signer_authority, fields.string("signer_authority", false));
  plan.signer_authority = std::move(*signer_authority);
  TDKT_HTTP_TRY(signer_position, fields.string("signer_position", false));
  plan.signer_position = std::move(*signer_position);
  TDKT_HTTP_TRY(recipients, read_lines(*body, "recipients"));
  plan.recipients = std::move(*recipients);
  TDKT_HTTP_TRY(document, services.movements.create_plan(request.actor, MovementId{*id}, std::move(plan)));
  return ok(document_json(*document, true), 201);
}

}  // namespace

std::vector<Route> movement_routes() {
  return {
      {"GET", "/api/v1/movements", list_movements},         {"POST", "/api/v1/movements", create_movement},
      {"GET", "/api/v1/movements/{id}", get_movement},      {"PUT", "/api/v1/movements/{id}", update_movement},
      {"POST", "/api/v1/movements/{id}/plan", create_plan},
  };
}

}  // namespace tdkt::http
