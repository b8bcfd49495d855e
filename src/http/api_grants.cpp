// /api/v1/grants (GET): the award history (tra cứu khen thưởng) — every grant recorded, filtered
// by years, honour, level of the deciding authority, unit subtree, subject and name; the counts
// by year × level × honour; the list as Excel. Writing grants stays in api_records.cpp.

#include "app/grant_history_service.hpp"
#include "http/errors.hpp"
#include "http/grants_json.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"
#include "ingest/history_workbooks.hpp"

namespace tdkt::http {
namespace {

namespace rules = domain::rules;

Json level_json(const std::optional<rules::AuthorityLevel>& level) {
  return level ? Json(std::string(rules::to_string(*level))) : Json(nullptr);
}

Result<app::GrantHistoryRequest> history_request(const ApiRequest& request) {
  app::GrantHistoryRequest out;
  auto year = year_param(request, "year");
  if (!year) return std::move(year).error();
  auto from = year_param(request, "from");
  if (!from) return std::move(from).error();
  auto to = year_param(request, "to");
  if (!to) return std::move(to).error();
  out.from_year = *year ? *year : *from;
  out.to_year = *year ? *year : *to;
  out.honour = request.query("honour");
  if (const auto level = request.query("level"); !level.empty()) {
    out.level = rules::authority_level_from_string(level);
    if (!out.level) {
      return Error::invalid(
          "level", "Cấp quyết định \"" + level + "\" không hợp lệ (agency, province, prime_minister, president).");
    }
  }
  if (const auto unit = request.query("unit_id"); !unit.empty()) {
    auto id = parse_id(unit, "unit_id");
    if (!id) return std::move(id).error();
    out.unit = UnitId{*id};
  }
  if (const auto kind = request.query("subject_kind"); !kind.empty()) {
    out.subject_kind = rules::subject_kind_from_string(kind);
    if (!out.subject_kind || *out.subject_kind == rules::SubjectKind::kHousehold) {
      return Error::invalid("subject_kind", "Đối tượng là \"person\" (cá nhân) hoặc \"unit\" (tập thể).");
    }
  }
  if (const auto subject = request.query("subject"); !subject.empty()) {
    auto parsed = app::parse_subject_ref(subject, "subject");
    if (!parsed) return std::move(parsed).error();
    out.subject = *parsed;
  }
  out.q = request.query("q");
  return out;
}

Json summary_json(const app::GrantSummary& summary) {
  Json rows = Json::array();
  for (const auto& row : summary.rows) {
    rows.push_back({{"year", row.year},
                    {"level", level_json(row.level)},
                    {"level_label", rules::level_label(row.level)},
                    {"honour", row.honour},
                    {"honour_name", row.honour_name},
                    {"individuals", row.individuals},
                    {"collectives", row.collectives}});
  }
  return {{"rows", rows}, {"individuals", summary.individuals}, {"collectives", summary.collectives}};
}

ApiResponse list_grants(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(query, history_request(request));
  TDKT_HTTP_TRY(items, services.grant_history.list(request.actor, *query));
  Json list = Json::array();
  for (const auto& item : *items)
    list.push_back(grant_history_json(item));
  return ok({{"items", list}, {"total", items->size()}});
}

ApiResponse grant_summary(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(query, history_request(request));
  TDKT_HTTP_TRY(summary, services.grant_history.summary(request.actor, *query));
  return ok(summary_json(*summary));
}

// "Năm 2023", "Từ năm 2020 đến năm 2023", "" for every year.
std::string period_text(const app::GrantHistoryRequest& query) {
  if (query.from_year && query.to_year && *query.from_year == *query.to_year)
    return "Năm " + std::to_string(*query.from_year);
  std::string text;
  if (query.from_year) text += "Từ năm " + std::to_string(*query.from_year);
  if (query.to_year) text += std::string(text.empty() ? "Đến" : " đến") + " năm " + std::to_string(*query.to_year);
  return text;
}

ApiResponse export_grants(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(query, history_request(request));
  TDKT_HTTP_TRY(items, services.grant_history.list(request.actor, *query));
  TDKT_HTTP_TRY(summary, services.grant_history.summary(request.actor, *query));
  TDKT_HTTP_TRY(bytes,
                ingest::grant_history_workbook("DANH SÁCH KHEN THƯỞNG ĐÃ TẶNG", period_text(*query), *items, *summary));
  std::string name = "Khen-thuong-da-tang";
  if (query->from_year) name += "-" + std::to_string(*query->from_year);
  if (query->to_year && query->to_year != query->from_year) name += "-" + std::to_string(*query->to_year);
  ApiResponse response;
  response.download = Download{kXlsxType, name + ".xlsx", std::move(*bytes)};
  return response;
}

}  // namespace

Json grant_history_json(const app::GrantHistoryItem& item) {
  const auto& grant = item.grant;
  return {{"id", grant.id.value},
          {"year", grant.year},
          {"subject_kind", std::string(rules::to_string(grant.subject.kind))},
          {"subject_id", grant.subject.id},
          {"subject_name", item.subject_name},
          {"by_predecessor", item.by_predecessor},
          {"honour", grant.honour},
          {"honour_name", item.honour_name},
          {"level", level_json(item.level)},
          {"level_label", rules::level_label(item.level)},
          {"type", std::string(rules::to_string(grant.type))},
          {"type_label", domain::vietnamese_label(grant.type)},
          {"decision_number", grant.decision_number},
          {"decision_date", date_or_null(grant.decision_date)},
          {"authority", grant.authority},
          {"note", grant.note},
          {"source", std::string(domain::to_string(grant.source))}};
}

std::vector<Route> grant_history_routes() {
  return {
      {"GET", "/api/v1/grants", list_grants},
      {"GET", "/api/v1/grants/summary", grant_summary},
      {"GET", "/api/v1/grants/export", export_grants},
  };
}

}  // namespace tdkt::http
