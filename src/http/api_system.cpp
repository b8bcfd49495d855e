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

// The dashboard of the application shell: the counts of the organisation, and what is outstanding
// today (registrations, nominations by stage, targets behind plan, complaints overdue, deadlines,
// grants this year) for the officer and leadership; the page draws its charts from it.
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
  TDKT_HTTP_TRY(figures, services.statistics.dashboard(request.actor));
  Json nominations = Json::array();
  for (const auto& [status, count] : figures->nominations) {
    nominations.push_back({{"status", std::string(domain::to_string(status))},
                           {"label", std::string(domain::vietnamese_label(status))},
                           {"count", count}});
  }
  Json deadlines = Json::array();
  for (const auto& item : figures->deadlines)
    deadlines.push_back({{"due", item.due.iso()}, {"what", item.what}, {"href", item.href}});
  Json grants = Json::array();
  for (const auto& row : figures->grants_this_year) {
    grants.push_back(
        {{"level", row.key}, {"label", row.label}, {"individuals", row.individuals}, {"collectives", row.collectives}});
  }
  body["open_campaigns"] = figures->open_campaigns;
  body["registrations_outstanding"] = figures->registrations_outstanding;
  body["nominations"] = std::move(nominations);
  body["targets_total"] = figures->targets_total;
  body["targets_behind"] = figures->targets_behind;
  body["complaints_open"] = figures->complaints_open;
  body["complaints_overdue"] = figures->complaints_overdue;
  body["deadlines"] = std::move(deadlines);
  body["grants_this_year"] = std::move(grants);
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
