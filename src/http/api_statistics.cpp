// /api/v1/statistics: grants by year, level, honour, unit, gender and ethnicity, registrations
// against grants and the targets' completion, as JSON for the statistics page and its charts and
// as an Excel workbook; the statistical forms of the Ministry of Home Affairs filled from the
// records, as JSON and as XLSX.

#include "http/router.hpp"
#include "ingest/statistics_workbooks.hpp"

namespace tdkt::http {
namespace {

namespace rules = domain::rules;

// ?from_year=&to_year= (or ?year=), defaulting to the current year.
Result<std::pair<int, int>> years_of(const ApiRequest& request, const app::Clock& clock) {
  auto year = year_param(request, "year");
  if (!year) return std::move(year).error();
  auto from = year_param(request, "from_year");
  if (!from) return std::move(from).error();
  auto to = year_param(request, "to_year");
  if (!to) return std::move(to).error();
  const int today = clock.today().year();
  if (*year) return std::pair{**year, **year};
  return std::pair{from->value_or(to->value_or(today)), to->value_or(from->value_or(today))};
}

Json rows_json(const std::vector<app::CountRow>& rows) {
  Json out = Json::array();
  for (const auto& row : rows) {
    out.push_back({{"key", row.key},
                   {"label", row.label},
                   {"individuals", row.individuals},
                   {"collectives", row.collectives},
                   {"total", row.individuals + row.collectives}});
  }
  return out;
}

Json optional_number(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

ApiResponse get_statistics(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(years, years_of(request, services.clock));
  TDKT_HTTP_TRY(found, services.statistics.statistics(request.actor, years->first, years->second));
  const auto& grants = found->grants;
  Json registrations = Json::array();
  for (const auto& row : found->registrations) {
    registrations.push_back({{"campaign_id", row.campaign.value},
                             {"year", row.year},
                             {"movement", row.movement},
                             {"honour", row.honour},
                             {"honour_name", row.honour_name},
                             {"registered", row.registered},
                             {"granted", row.granted}});
  }
  Json targets = Json::array();
  for (const auto& row : found->targets) {
    const auto& summary = row.summary;
    targets.push_back({{"movement_id", row.movement.id.value},
                       {"movement", row.movement.name},
                       {"targets", summary.targets},
                       {"achieved", summary.achieved},
                       {"on_track", summary.on_track},
                       {"behind", summary.behind},
                       {"overdue", summary.overdue},
                       {"not_measured", summary.not_measured},
                       {"no_plan", summary.no_plan},
                       {"mean_completion", optional_number(summary.mean_completion)}});
  }
  return ok({{"from_year", found->from_year},
             {"to_year", found->to_year},
             {"individuals", grants.individuals},
             {"collectives", grants.collectives},
             {"by_year", rows_json(grants.by_year)},
             {"by_level", rows_json(grants.by_level)},
             {"by_honour", rows_json(grants.by_honour)},
             {"by_unit", rows_json(grants.by_unit)},
             {"by_gender", rows_json(grants.by_gender)},
             {"by_ethnicity", rows_json(grants.by_ethnicity)},
             {"registrations", std::move(registrations)},
             {"targets", std::move(targets)}});
}

ApiResponse statistics_xlsx(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(years, years_of(request, services.clock));
  TDKT_HTTP_TRY(found, services.statistics.statistics(request.actor, years->first, years->second));
  TDKT_HTTP_TRY(bytes, ingest::statistics_workbook(*found));
  std::string name = "Thong-ke-thi-dua-khen-thuong-" + std::to_string(years->first);
  if (years->second != years->first) name += "-" + std::to_string(years->second);
  ApiResponse response;
  response.download = Download{kXlsxType, name + ".xlsx", std::move(*bytes)};
  return response;
}

Json form_json(const domain::statistics::StatisticalForm& form) {
  Json levels = Json::array();
  for (const auto level : form.levels)
    levels.push_back(std::string(rules::to_string(level)));
  return {{"code", form.code},
          {"title", form.title},
          {"legal_basis", form.legal_basis},
          {"received_by", form.due_text()},
          {"recipient", form.recipient},
          {"levels", std::move(levels)},
          {"unverified", form.unverified},
          {"note", form.note}};
}

ApiResponse list_forms(const ApiRequest&, Services& services) {
  Json items = Json::array();
  for (const auto& form : services.statistics.forms())
    items.push_back(form_json(form));
  return ok({{"items", std::move(items)}});
}

Result<app::FilledStatisticalForm> filled_of(const ApiRequest& request, Services& services) {
  auto year = year_param(request, "year");
  if (!year) return std::move(year).error();
  return services.statistics.form(request.actor, request.query("code"), year->value_or(services.clock.today().year()));
}

ApiResponse get_form(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(filled, filled_of(request, services));
  const auto& form = filled->form;
  Json columns = Json::array();
  for (const auto& column : form.columns)
    columns.push_back({{"code", column.code}, {"group", column.group}, {"label", column.label}});
  Json rows = Json::array();
  for (std::size_t i = 0; i < form.rows.size(); ++i) {
    const auto& row = form.rows[i];
    Json line{{"code", row.code},
              {"label", row.label},
              {"measure", row.measure},
              {"heading", row.heading},
              {"untracked", row.criterion.untracked},
              {"note", row.note}};
    if (!row.heading) {
      line["total"] = filled->counts.totals[i];
      line["cells"] = filled->counts.cells[i];
    }
    rows.push_back(std::move(line));
  }
  auto body = form_json(form);
  body["year"] = filled->year;
  body["from"] = filled->from.iso();
  body["to"] = filled->to.iso();
  body["reporter"] = filled->reporter;
  body["counted"] = filled->counts.counted;
  Json left_out = Json::array();
  for (const auto& [honour, count] : filled->left_out)
    left_out.push_back({{"honour_name", honour}, {"count", count}});
  body["left_out"] = std::move(left_out);
  body["columns"] = std::move(columns);
  body["rows"] = std::move(rows);
  return ok(std::move(body));
}

ApiResponse form_xlsx(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(filled, filled_of(request, services));
  TDKT_HTTP_TRY(bytes, ingest::statistical_form_workbook(*filled));
  const auto& code = filled->form.code;
  ApiResponse response;
  response.download =
      Download{kXlsxType, "Bieu-" + code.substr(0, code.find('/')) + "-" + std::to_string(filled->year) + ".xlsx",
               std::move(*bytes)};
  return response;
}

}  // namespace

std::vector<Route> statistics_routes() {
  return {
      {"GET", "/api/v1/statistics", get_statistics},      {"GET", "/api/v1/statistics/xlsx", statistics_xlsx},
      {"GET", "/api/v1/statistics/forms", list_forms},    {"GET", "/api/v1/statistics/form", get_form},
      {"GET", "/api/v1/statistics/form/xlsx", form_xlsx},
  };
}

}  // namespace tdkt::http
