// /api/v1/nominations and /api/v1/reviews: the candidates of a year with their verdicts,
// nominations (đề nghị khen thưởng) with the verdict and justification kept, withdrawals, and
// annual reviews (đợt xét khen thưởng) that gather nominations and show each one's verdict,
// reasons and place in the quotas, with the Excel list.

#include <charconv>

#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"
#include "ingest/review_workbook.hpp"

namespace tdkt::http {
namespace {

namespace rules = domain::rules;

// The stored reasons; an unreadable text (never written by tdkt) reads as no reasons.
Json parse_reasons(const std::string& text) {
  auto parsed = Json::parse(text, nullptr, false);
  return parsed.is_array() ? parsed : Json::array();
}

Json reasons_to_json(const std::vector<domain::VerdictReason>& reasons) {
  return parse_reasons(domain::reasons_json(reasons));
}

Json nomination_json(const app::NominationView& view) {
  const auto& nomination = view.nomination;
  return {{"id", nomination.id.value},
          {"year", nomination.year},
          {"subject_kind", std::string(rules::to_string(nomination.subject.kind))},
          {"subject_kind_label", domain::subject_kind_label(nomination.subject.kind)},
          {"subject_id", nomination.subject.id},
          {"subject_name", view.subject_name},
          {"honour", nomination.honour},
          {"honour_name", view.honour_name},
          {"unit_id", nomination.unit.value},
          {"unit_name", view.unit_name},
          {"registration_id", nomination.registration ? Json(nomination.registration->value) : Json(nullptr)},
          {"review_id", nomination.review ? Json(nomination.review->value) : Json(nullptr)},
          {"review_name", view.review_name ? Json(*view.review_name) : Json(nullptr)},
          {"verdict", nomination.verdict},
          {"verdict_label", domain::verdict_label(nomination.verdict)},
          {"reasons", parse_reasons(nomination.verdict_json)},
          {"rule_set", nomination.rule_set},
          {"justification", nomination.justification},
          {"achievement", nomination.achievement},
          {"status", std::string(domain::to_string(nomination.status))},
          {"status_label", domain::vietnamese_label(nomination.status)},
          {"created_at", nomination.created_at},
          {"created_by", nomination.created_by}};
}

Json quota_json(const app::QuotaPlace& place) {
  return {{"quota", place.quota},       {"citation", place.citation}, {"group", place.group},
          {"position", place.position}, {"count", place.count},       {"limit", place.limit},
          {"exceeds", place.exceeds},   {"text", place.text}};
}

Json review_summary_json(const domain::Review& review, const std::string& unit_name) {
  return {{"id", review.id.value},
          {"year", review.year},
          {"unit_id", review.unit.value},
          {"unit_name", unit_name},
          {"name", review.name},
          {"decision_date", review.decision_date.iso()},
          {"status", std::string(domain::to_string(review.status))},
          {"status_label", domain::vietnamese_label(review.status)},
          {"created_at", review.created_at},
          {"created_by", review.created_by}};
}

Json review_json(const app::ReviewView& view) {
  auto body = review_summary_json(view.review, view.unit_name);
  Json entries = Json::array();
  for (const auto& entry : view.entries) {
    auto item = nomination_json(entry.view);
    Json quotas = Json::array();
    for (const auto& place : entry.quotas)
      quotas.push_back(quota_json(place));
    item["quotas"] = quotas;
    entries.push_back(std::move(item));
  }
  body["rule_set"] = view.rule_set;
  body["rule_set_name"] = view.rule_set_name;
  body["nominations"] = entries;
  body["quota_breaches"] = view.quota_breaches;
  return body;
}

Result<std::optional<std::int64_t>> optional_integer_query(const ApiRequest& request, const std::string& name) {
  const auto text = request.query(name);
  if (text.empty()) return std::optional<std::int64_t>();
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || value <= 0) {
    return Error::invalid(name, "\"" + name + "\" phải là số nguyên dương, không phải \"" + text + "\".");
  }
  return std::optional<std::int64_t>(value);
}

ApiResponse list_nominations(const ApiRequest& request, Services& services) {
  app::NominationFilter filter;
  TDKT_HTTP_TRY(year, optional_integer_query(request, "year"));
  if (*year) filter.year = static_cast<int>(**year);
  TDKT_HTTP_TRY(unit, optional_integer_query(request, "unit_id"));
  if (*unit) filter.unit = UnitId{**unit};
  if (const auto status = request.query("status"); !status.empty()) {
    filter.status = domain::nomination_status_from_string(status);
    if (!filter.status) return fail(Error::invalid("status", "Trạng thái đề nghị \"" + status + "\" không hợp lệ."));
  }
  TDKT_HTTP_TRY(views, services.nominations.list(request.actor, filter));
  Json items = Json::array();
  for (const auto& view : *views)
    items.push_back(nomination_json(view));
  return ok({{"items", items}});
}

ApiResponse nomination_candidates(const ApiRequest& request, Services& services) {
  app::CandidateQuery query;
  TDKT_HTTP_TRY(year, optional_integer_query(request, "year"));
  query.year = *year ? static_cast<int>(**year) : services.clock.today().year();
  TDKT_HTTP_TRY(campaign, optional_integer_query(request, "campaign_id"));
  if (*campaign) query.campaign = CampaignId{**campaign};
  TDKT_HTTP_TRY(unit, optional_integer_query(request, "unit_id"));
  if (*unit) query.unit = UnitId{**unit};
  TDKT_HTTP_TRY(candidates, services.nominations.candidates(request.actor, query));
  Json items = Json::array();
  for (const auto& candidate : *candidates) {
    items.push_back({{"subject_kind", std::string(rules::to_string(candidate.subject.kind))},
                     {"subject_kind_label", domain::subject_kind_label(candidate.subject.kind)},
                     {"subject_id", candidate.subject.id},
                     {"subject_name", candidate.subject_name},
                     {"unit_id", candidate.unit.value},
                     {"unit_name", candidate.unit_name},
                     {"honour", candidate.honour},
                     {"honour_name", candidate.honour_name},
                     {"registration_id", candidate.registration.value},
                     {"campaign_id", candidate.campaign.value},
                     {"verdict", candidate.judgement.verdict},
                     {"verdict_label", domain::verdict_label(candidate.judgement.verdict)},
                     {"reasons", reasons_to_json(candidate.judgement.reasons)},
                     {"rule_set", candidate.judgement.rule_set},
                     {"nomination_id", candidate.nomination ? Json(candidate.nomination->value) : Json(nullptr)}});
  }
  return ok({{"year", query.year}, {"items", items}});
}

ApiResponse create_nomination(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"subject_kind", "subject_id", "honour", "year", "unit_id",
                                                    "registration_id", "achievement", "justification"}));
  Fields fields(*body);
  app::NominationRequest nomination;
  TDKT_HTTP_TRY(kind_text, fields.string("subject_kind", true));
  const auto kind = rules::subject_kind_from_string(*kind_text);
  if (!kind || *kind == rules::SubjectKind::kHousehold) {
    return fail(Error::invalid("subject_kind", "Đối tượng đề nghị là \"person\" (cá nhân) hoặc \"unit\" (tập thể)."));
  }
  TDKT_HTTP_TRY(subject_id, fields.integer("subject_id", true));
  if (**subject_id <= 0) return fail(Error::invalid("subject_id", "Mã đối tượng phải là số nguyên dương."));
  nomination.subject = {*kind, **subject_id};
  TDKT_HTTP_TRY(honour, fields.string("honour", true));
  nomination.honour = *honour;
  TDKT_HTTP_TRY(year, fields.integer("year", true));
  nomination.year = static_cast<int>(**year);
  TDKT_HTTP_TRY(unit, fields.integer("unit_id", false));
  if (*unit) nomination.unit = UnitId{**unit};
  TDKT_HTTP_TRY(registration, fields.integer("registration_id", false));
  if (*registration) nomination.registration = RegistrationId{**registration};
  TDKT_HTTP_TRY(achievement, fields.string("achievement", false));
  nomination.achievement = *achievement;
  TDKT_HTTP_TRY(justification, fields.string("justification", false));
  nomination.justification = *justification;
  TDKT_HTTP_TRY(created, services.nominations.nominate(request.actor, nomination));
  return ok(nomination_json(*created), 201);
}

ApiResponse get_nomination(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(view, services.nominations.nomination(request.actor, NominationId{*id}));
  return ok(nomination_json(*view));
}

ApiResponse withdraw_nomination(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(view, services.nominations.withdraw(request.actor, NominationId{*id}));
  return ok(nomination_json(*view));
}

ApiResponse list_reviews(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(year, optional_integer_query(request, "year"));
  std::optional<int> filter;
  if (*year) filter = static_cast<int>(**year);
  TDKT_HTTP_TRY(reviews, services.nominations.reviews(request.actor, filter));
  Json items = Json::array();
  for (const auto& summary : *reviews) {
    auto item = review_summary_json(summary.review, summary.unit_name);
    item["nomination_count"] = summary.nominations;
    items.push_back(std::move(item));
  }
  return ok({{"items", items}});
}

ApiResponse create_review(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"year", "unit_id", "name", "decision_date"}));
  Fields fields(*body);
  app::ReviewRequest review;
  TDKT_HTTP_TRY(year, fields.integer("year", true));
  review.year = static_cast<int>(**year);
  TDKT_HTTP_TRY(unit, fields.integer("unit_id", true));
  review.unit = UnitId{**unit};
  TDKT_HTTP_TRY(name, fields.string("name", true));
  review.name = *name;
  TDKT_HTTP_TRY(date, fields.date("decision_date", true));
  review.decision_date = **date;
  TDKT_HTTP_TRY(view, services.nominations.create_review(request.actor, review));
  return ok(review_json(*view), 201);
}

Result<ReviewId> review_id(const ApiRequest& request) {
  auto id = parse_id(request.path_params.at(0), "id");
  if (!id) return std::move(id).error();
  return ReviewId{*id};
}

ApiResponse get_review(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, review_id(request));
  TDKT_HTTP_TRY(view, services.nominations.review(request.actor, *id));
  return ok(review_json(*view));
}

ApiResponse gather_nominations(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, review_id(request));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"nomination_ids"}));
  if (!body->contains("nomination_ids") || !body->at("nomination_ids").is_array()) {
    return fail(Error::invalid("nomination_ids", "\"nomination_ids\" phải là danh sách mã đề nghị."));
  }
  std::vector<NominationId> ids;
  for (const auto& item : body->at("nomination_ids")) {
    if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
      return fail(Error::invalid("nomination_ids", "Mỗi phần tử của \"nomination_ids\" là một mã (số nguyên dương)."));
    }
    ids.emplace_back(item.get<std::int64_t>());
  }
  TDKT_HTTP_TRY(view, services.nominations.gather(request.actor, *id, ids));
  return ok(review_json(*view));
}

ApiResponse remove_nomination(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, review_id(request));
  TDKT_HTTP_TRY(nomination, parse_id(request.path_params.at(1), "nomination_id"));
  TDKT_HTTP_TRY(view, services.nominations.remove(request.actor, *id, NominationId{*nomination}));
  return ok(review_json(*view));
}

ApiResponse recheck_review(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, review_id(request));
  TDKT_HTTP_TRY(view, services.nominations.recheck(request.actor, *id));
  return ok(review_json(*view));
}

ApiResponse close_review(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, review_id(request));
  TDKT_HTTP_TRY(view, services.nominations.close(request.actor, *id));
  return ok(review_json(*view));
}

// The clauses not met, one per line, with their citations.
std::string failing_reasons(const Json& reasons) {
  std::string out;
  for (const auto& reason : reasons) {
    if (reason.value("met", false)) continue;
    if (!out.empty()) out += "\n";
    out += reason.value("text", std::string());
    const auto citation = reason.value("citation", std::string());
    if (!citation.empty()) out += " (" + citation + ")";
  }
  return out;
}

ApiResponse export_review(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, review_id(request));
  TDKT_HTTP_TRY(view, services.nominations.review(request.actor, *id));
  std::vector<ingest::ReviewListRow> rows;
  for (const auto& entry : view->entries) {
    const auto& nomination = entry.view.nomination;
    ingest::ReviewListRow row;
    row.subject = entry.view.subject_name;
    row.subject_kind = std::string(domain::subject_kind_label(nomination.subject.kind));
    row.unit = entry.view.unit_name;
    row.honour = entry.view.honour_name;
    row.verdict = std::string(domain::verdict_label(nomination.verdict));
    row.reasons = failing_reasons(parse_reasons(nomination.verdict_json));
    for (const auto& place : entry.quotas)
      row.quota += (row.quota.empty() ? "" : "\n") + place.text;
    row.justification = nomination.justification;
    row.status = std::string(domain::vietnamese_label(nomination.status));
    rows.push_back(std::move(row));
  }
  const auto& review = view->review;
  const auto subtitle = view->unit_name + ". Ngày xét: " + review.decision_date.vn() +
                        (view->rule_set.empty() ? std::string() : ". Bộ tiêu chuẩn: " + view->rule_set) + ".";
  TDKT_HTTP_TRY(bytes, ingest::review_workbook(
                           "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM " + std::to_string(review.year) + " — " + review.name,
                           subtitle, rows));
  ApiResponse response;
  response.download = Download{
      kXlsxType,
      "Danh-sach-de-nghi-khen-thuong-" + std::to_string(review.year) + "-" + std::to_string(review.id.value) + ".xlsx",
      std::move(*bytes)};
  return response;
}

}  // namespace

std::vector<Route> nomination_routes() {
  return {
      {"GET", "/api/v1/nominations", list_nominations},
      {"POST", "/api/v1/nominations", create_nomination},
      {"GET", "/api/v1/nominations/candidates", nomination_candidates},
      {"GET", "/api/v1/nominations/{id}", get_nomination},
      {"POST", "/api/v1/nominations/{id}/withdraw", withdraw_nomination},
      {"GET", "/api/v1/reviews", list_reviews},
      {"POST", "/api/v1/reviews", create_review},
      {"GET", "/api/v1/reviews/{id}", get_review},
      {"POST", "/api/v1/reviews/{id}/nominations", gather_nominations},
      {"DELETE", "/api/v1/reviews/{id}/nominations/{nomination_id}", remove_nomination},
      {"POST", "/api/v1/reviews/{id}/recheck", recheck_review},
      {"POST", "/api/v1/reviews/{id}/close", close_review},
      {"GET", "/api/v1/reviews/{id}/export", export_review},
  };
}

}  // namespace tdkt::http
