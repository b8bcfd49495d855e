// /api/v1/health, /api/v1/openapi.json, /api/v1/audit.

#include <algorithm>

#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace tdkt::http {
namespace {

ApiResponse health(const ApiRequest&, Services& services) {
  Json body = services.health ? services.health() : Json::object();
  body["status"] = "ok";
  return ok(std::move(body));
}

ApiResponse openapi(const ApiRequest&, Services&) {
  auto file = find_static("docs/api/openapi.json");
  if (!file) return fail(Error::internal("Thiếu tài liệu OpenAPI trong bản dựng."));
  return ok(Json::parse(file->data));
}

ApiResponse audit(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.query("id"), "id"));
  TDKT_HTTP_TRY(records, services.audit.history(request.actor, request.query("entity"), *id));
  Json list = Json::array();
  for (const auto& record : *records)
    list.push_back(to_json(record));
  return ok({{"entity", request.query("entity")}, {"id", *id}, {"records", list}});
}

// The counts that exist so far, for the dashboard of the application shell.
ApiResponse dashboard(const ApiRequest& request, Services& services) {
  const auto today = services.clock.today();
  const auto units = services.organisation.units(today);
  const auto agencies = std::count_if(units.begin(), units.end(),
                                      [](const auto& unit) { return unit.kind == domain::UnitKind::kAgency; });
  Json body{{"today", today.iso()},
            {"units", units.size()},
            {"agencies", agencies},
            {"restructurings", services.organisation.restructurings().size()},
            {"blocs", services.organisation.blocs(today).size()}};
  if (auto people = services.people.count_visible(request.actor)) body["people_visible"] = *people;
  if (auto accounts = services.accounts.list(request.actor)) body["accounts"] = accounts->size();
  return ok(std::move(body));
}

}  // namespace

std::vector<Route> system_routes() {
  return {
      {"GET", "/api/v1/health", health, Access::kPublic},
      {"GET", "/api/v1/openapi.json", openapi, Access::kPublic},
      {"GET", "/api/v1/audit", audit},
      {"GET", "/api/v1/dashboard", dashboard},
  };
}

}  // namespace tdkt::http
