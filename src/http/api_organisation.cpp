// /api/v1/units, /api/v1/restructurings, /api/v1/blocs: the organisation over time.

#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"

namespace tdkt::http {
namespace {

const std::set<std::string> kUnitFields{"name", "short_name", "kind", "parent_id", "place", "valid_from", "valid_to"};
const std::set<std::string> kUnitPatchFields{"name", "short_name", "parent_id", "place"};

Result<domain::UnitDraft> read_unit_draft(const Json& body, const std::string& prefix, bool with_period) {
  Fields fields(body, prefix);
  domain::UnitDraft draft;
  auto name = fields.string("name", true);
  if (!name) return std::move(name).error();
  draft.name = *name;
  auto short_name = fields.string("short_name", false);
  if (!short_name) return std::move(short_name).error();
  draft.short_name = *short_name;
  auto kind_text = fields.string("kind", true);
  if (!kind_text) return std::move(kind_text).error();
  auto kind = domain::unit_kind_from_string(*kind_text);
  if (!kind) {
    return Error::invalid(
        fields.field("kind"),
        "Loại đơn vị \"" + *kind_text + "\" không hợp lệ (agency, department, district_office, commune_office).");
  }
  draft.kind = *kind;
  auto parent = fields.integer("parent_id", false);
  if (!parent) return std::move(parent).error();
  if (*parent) draft.parent = UnitId{**parent};
  auto place = fields.string("place", false);
  if (!place) return std::move(place).error();
  draft.place = *place;
  if (with_period) {
    auto from = fields.date("valid_from", true);
    if (!from) return std::move(from).error();
    auto to = fields.date("valid_to", false);
    if (!to) return std::move(to).error();
    draft.period = {**from, *to};
  }
  return draft;
}

ApiResponse list_units(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(day, as_of(request, services.clock));
  Json units = Json::array();
  for (const auto& node : services.organisation.tree(*day))
    units.push_back(to_json(node));
  return ok({{"as_of", day->iso()}, {"units", units}});
}

ApiResponse create_unit(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), kUnitFields));
  TDKT_HTTP_TRY(draft, read_unit_draft(*body, "", true));
  TDKT_HTTP_TRY(unit, services.organisation.create_unit(request.actor, *draft));
  return ok(to_json(*unit), 201);
}

ApiResponse get_unit(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(unit, services.organisation.unit(UnitId{*id}));
  return ok(to_json(*unit));
}

ApiResponse update_unit(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), kUnitPatchFields));
  Fields fields(*body);
  app::UnitPatch patch;
  for (const char* name : {"name", "short_name", "place"}) {
    if (!fields.has(name)) continue;
    TDKT_HTTP_TRY(value, fields.string(name, true));
    std::optional<std::string>& target =
        std::string_view(name) == "name" ? patch.name
                                         : (std::string_view(name) == "short_name" ? patch.short_name : patch.place);
    target = *value;
  }
  if (fields.has("parent_id")) {
    TDKT_HTTP_TRY(parent, fields.integer("parent_id", false));
    patch.parent = *parent ? std::optional<UnitId>(UnitId{**parent}) : std::nullopt;
  }
  TDKT_HTTP_TRY(unit, services.organisation.update_unit(request.actor, UnitId{*id}, patch));
  return ok(to_json(*unit));
}

ApiResponse unit_history(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(history, services.organisation.history(UnitId{*id}));
  Json predecessors = Json::array();
  for (const auto& unit : history->predecessors)
    predecessors.push_back(to_json(unit));
  Json successors = Json::array();
  for (const auto& unit : history->successors)
    successors.push_back(to_json(unit));
  return ok({{"unit", to_json(history->unit)},
             {"started_by", history->started_by ? to_json(*history->started_by) : Json(nullptr)},
             {"ended_by", history->ended_by ? to_json(*history->ended_by) : Json(nullptr)},
             {"predecessors", predecessors},
             {"successors", successors}});
}

ApiResponse unit_successors(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(day, as_of(request, services.clock));
  TDKT_HTTP_TRY(units, services.organisation.successors_on(UnitId{*id}, *day));
  Json list = Json::array();
  for (const auto& unit : *units)
    list.push_back(to_json(unit));
  return ok({{"unit_id", *id}, {"as_of", day->iso()}, {"successors", list}});
}

ApiResponse unit_members(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(day, as_of(request, services.clock));
  TDKT_HTTP_TRY(members, services.people.members(request.actor, UnitId{*id}, *day));
  Json list = Json::array();
  for (const auto& member : *members) {
    list.push_back({{"person", to_json(member.person)}, {"membership", to_json(member.membership)}});
  }
  return ok({{"unit_id", *id}, {"as_of", day->iso()}, {"members", list}});
}

const std::set<std::string> kRestructuringFields{"title", "legal_basis", "effective_date",
                                                 "ends",  "creates",     "successions"};
const std::set<std::string> kCreateFields{"key", "name", "short_name", "kind", "parent_id", "parent_key", "place"};
const std::set<std::string> kSuccessionFields{"from", "to_id", "to_key", "transfer_members"};

Result<domain::RestructuringRequest> read_restructuring(const Json& body) {
  Fields fields(body);
  domain::RestructuringRequest request;
  auto title = fields.string("title", true);
  if (!title) return std::move(title).error();
  request.title = *title;
  auto basis = fields.string("legal_basis", false);
  if (!basis) return std::move(basis).error();
  request.legal_basis = *basis;
  auto date = fields.date("effective_date", true);
  if (!date) return std::move(date).error();
  request.effective_date = **date;
  auto array = [&](const char* name) -> Result<Json> {
    if (!body.contains(name) || body.at(name).is_null()) return Json::array();
    if (!body.at(name).is_array())
      return Error::invalid(name, std::string("Trường \"") + name + "\" phải là một danh sách.");
    return body.at(name);
  };
  auto ends = array("ends");
  if (!ends) return std::move(ends).error();
  for (std::size_t i = 0; i < ends->size(); ++i) {
    const auto& item = (*ends)[i];
    if (!item.is_number_integer())
      return Error::invalid("ends[" + std::to_string(i) + "]", "Cần mã đơn vị (số nguyên).");
    request.ends.emplace_back(item.get<std::int64_t>());
  }
  auto creates = array("creates");
  if (!creates) return std::move(creates).error();
  for (std::size_t i = 0; i < creates->size(); ++i) {
    const auto prefix = "creates[" + std::to_string(i) + "].";
    const auto& item = (*creates)[i];
    TDKT_TRY(check_fields(item, kCreateFields, prefix));
    auto draft = read_unit_draft(item, prefix, false);
    if (!draft) return std::move(draft).error();
    Fields nested(item, prefix);
    auto key = nested.string("key", true);
    if (!key) return std::move(key).error();
    auto parent_key = nested.string("parent_key", false);
    if (!parent_key) return std::move(parent_key).error();
    draft->period = {request.effective_date, std::nullopt};
    request.creates.push_back(
        {*key, *draft, parent_key->empty() ? std::nullopt : std::optional<std::string>(*parent_key)});
  }
  auto successions = array("successions");
  if (!successions) return std::move(successions).error();
  for (std::size_t i = 0; i < successions->size(); ++i) {
    const auto prefix = "successions[" + std::to_string(i) + "].";
    const auto& item = (*successions)[i];
    TDKT_TRY(check_fields(item, kSuccessionFields, prefix));
    Fields nested(item, prefix);
    auto from = nested.integer("from", true);
    if (!from) return std::move(from).error();
    auto to_id = nested.integer("to_id", false);
    if (!to_id) return std::move(to_id).error();
    auto to_key = nested.string("to_key", false);
    if (!to_key) return std::move(to_key).error();
    auto transfer = nested.boolean("transfer_members", false);
    if (!transfer) return std::move(transfer).error();
    domain::SuccessionRequest succession;
    succession.predecessor = UnitId{**from};
    if (*to_id) succession.successor_id = UnitId{**to_id};
    if (!to_key->empty()) succession.successor_key = *to_key;
    succession.transfer_members = *transfer;
    request.successions.push_back(std::move(succession));
  }
  return request;
}

ApiResponse list_restructurings(const ApiRequest&, Services& services) {
  Json list = Json::array();
  for (const auto& event : services.organisation.restructurings())
    list.push_back(to_json(event));
  return ok({{"restructurings", list}});
}

ApiResponse create_restructuring(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), kRestructuringFields));
  TDKT_HTTP_TRY(parsed, read_restructuring(*body));
  TDKT_HTTP_TRY(event, services.organisation.restructure(request.actor, *parsed));
  return ok(to_json(*event), 201);
}

ApiResponse get_restructuring(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(event, services.organisation.restructuring(RestructuringId{*id}));
  return ok(to_json(*event));
}

ApiResponse list_blocs(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(day, as_of(request, services.clock));
  Json list = Json::array();
  for (const auto& view : services.organisation.blocs(*day)) {
    Json members = Json::array();
    for (const auto& unit : view.members)
      members.push_back(to_json(unit));
    list.push_back({{"id", view.bloc.id.value},
                    {"name", view.bloc.name},
                    {"note", view.bloc.note},
                    {"valid_from", view.bloc.period.from.iso()},
                    {"valid_to", date_or_null(view.bloc.period.to)},
                    {"members", members}});
  }
  return ok({{"as_of", day->iso()}, {"blocs", list}});
}

}  // namespace

std::vector<Route> organisation_routes() {
  return {
      {"GET", "/api/v1/units", list_units},
      {"POST", "/api/v1/units", create_unit},
      {"GET", "/api/v1/units/{id}", get_unit},
      {"PATCH", "/api/v1/units/{id}", update_unit},
      {"GET", "/api/v1/units/{id}/history", unit_history},
      {"GET", "/api/v1/units/{id}/successors", unit_successors},
      {"GET", "/api/v1/units/{id}/members", unit_members},
      {"GET", "/api/v1/restructurings", list_restructurings},
      {"POST", "/api/v1/restructurings", create_restructuring},
      {"GET", "/api/v1/restructurings/{id}", get_restructuring},
      {"GET", "/api/v1/blocs", list_blocs},
  };
}

}  // namespace tdkt::http
