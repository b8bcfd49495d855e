// /api/v1/reports/review: the figures of the review report of a period, each with the records it
// counts (for the preview page, where a number opens its list), and the draft as DOCX or PDF.

#include "documents/docx.hpp"
#include "documents/from_register.hpp"
#include "documents/pdf.hpp"
#include "http/grants_json.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"
#include "http/targets_json.hpp"

namespace tdkt::http {
namespace {

Result<app::ReportFigures> figures_of(const ApiRequest& request, Services& services) {
  app::ReportRequest report;
  auto from = parse_date_field(request.query("from"), "from");
  if (!from) return std::move(from).error();
  auto to = parse_date_field(request.query("to"), "to");
  if (!to) return std::move(to).error();
  report.from = *from;
  report.to = *to;
  return services.reports.figures(request.actor, report);
}

Json movement_json(const domain::Movement& movement) {
  return {{"id", movement.id.value},
          {"name", movement.name},
          {"authority", movement.authority},
          {"starts_on", movement.starts_on.iso()},
          {"ends_on", movement.ends_on.iso()}};
}

Json movements_json(const std::vector<domain::Movement>& list) {
  Json out = Json::array();
  for (const auto& movement : list)
    out.push_back(movement_json(movement));
  return out;
}

ApiResponse get_review_report(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(figures, figures_of(request, services));
  Json documents = Json::array();
  for (const auto& document : figures->documents)
    documents.push_back(document_json(document, false));
  Json grants = Json::array();
  for (const auto& level : figures->grants) {
    Json items = Json::array();
    for (const auto& item : level.grants)
      items.push_back(grant_history_json(item));
    grants.push_back({{"level", level.level},
                      {"label", level.label},
                      {"individuals", level.individuals},
                      {"collectives", level.collectives},
                      {"items", std::move(items)}});
  }
  const auto& complaints = figures->complaints;
  Json council;
  if (figures->council) {
    const auto& found = figures->council->council;
    council = {{"id", found.id.value},
               {"name", found.name},
               {"members", found.members.size()},
               {"term_from", found.term_from.iso()},
               {"term_to", found.term_to.iso()},
               {"sessions", figures->sessions}};
  }
  Json targets = Json::array();
  for (const auto& movement : figures->targets) {
    Json items = Json::array();
    for (const auto& unit : movement.units) {
      for (const auto& target : unit.targets) {
        auto item = target_json(target);  // judged on the period's last day
        item["unit"] = unit.unit.name;
        items.push_back(std::move(item));
      }
    }
    targets.push_back({{"movement_id", movement.movement.id.value},
                       {"movement", movement.movement.name},
                       {"items", std::move(items)}});
  }
  Json open_targets = Json::array();
  for (const auto& target : figures->open_targets)
    open_targets.push_back(target_json(target));
  Json previous;
  if (figures->previous) {
    const auto& found = *figures->previous;
    const auto& narrative = found.narrative;
    previous = {{"id", found.id.value},
                {"number", found.number},
                {"issued_on", found.issued_on.iso()},
                {"summary", found.summary},
                {"narrative",
                 {{"situation", narrative.situation},
                  {"highlights", narrative.highlights},
                  {"strengths", narrative.strengths},
                  {"weaknesses", narrative.weaknesses},
                  {"lessons", narrative.lessons},
                  {"direction", narrative.direction}}}};
  }
  return ok({{"from", figures->from.iso()},
             {"to", figures->to.iso()},
             {"period_text", figures->period_text},
             {"issuer", figures->issuer},
             {"symbol", figures->symbol},
             {"documents", std::move(documents)},
             {"movements",
              {{"national", movements_json(figures->national)},
               {"provincial", movements_json(figures->provincial)},
               {"own", movements_json(figures->own)}}},
             {"grants", std::move(grants)},
             {"individuals", figures->individuals},
             {"collectives", figures->collectives},
             {"complaints",
              {{"received", complaints.received},
               {"complaints", complaints.complaints},
               {"denunciations", complaints.denunciations},
               {"answered", complaints.answered},
               {"open", complaints.open},
               {"overdue", complaints.overdue}}},
             {"council", std::move(council)},
             {"targets", std::move(targets)},
             {"open_targets", std::move(open_targets)},
             {"next_movements", movements_json(figures->next_movements)},
             {"previous", std::move(previous)}});
}

// The draft, unnumbered: "Số:      /BC-…".
Result<std::pair<std::string, std::string>> draft_docx(const ApiRequest& request, Services& services) {
  auto figures = figures_of(request, services);
  if (!figures) return std::move(figures).error();
  auto document = services.reports.draft(request.actor, *figures);
  if (!document) return std::move(document).error();
  auto official = documents::official_document(*document);
  official.number = "      /" + document->number.symbol;
  auto docx = documents::render_docx(official);
  if (!docx) return std::move(docx).error();
  return std::pair{"bao-cao-" + figures->from.iso() + "-" + figures->to.iso(), std::move(*docx)};
}

ApiResponse review_report_docx(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(drafted, draft_docx(request, services));
  ApiResponse response = ok(nullptr);
  response.download = Download{"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                               drafted->first + ".docx", std::move(drafted->second)};
  return response;
}

ApiResponse review_report_pdf(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(drafted, draft_docx(request, services));
  TDKT_HTTP_TRY(pdf, services.pdf.convert(drafted->second));
  ApiResponse response = ok(nullptr);
  response.download = Download{"application/pdf", drafted->first + ".pdf", std::move(*pdf)};
  return response;
}

// POST {from, to, issued_on, signer_name?, signer_authority?, signer_position?, narrative: {…}}:
// the report written and numbered from the register.
ApiResponse issue_review_report(const ApiRequest& request, Services& services) {
  static const std::set<std::string> kParts{"situation",  "highlights", "strengths",
                                            "weaknesses", "lessons",    "direction"};
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"from", "to", "issued_on", "signer_name", "signer_authority",
                                                    "signer_position", "narrative"}));
  const Fields fields(*body);
  app::ReportIssueRequest issue;
  TDKT_HTTP_TRY(from, fields.date("from", true));
  TDKT_HTTP_TRY(to, fields.date("to", true));
  TDKT_HTTP_TRY(issued_on, fields.date("issued_on", true));
  issue.period = {**from, **to};
  issue.issued_on = **issued_on;
  TDKT_HTTP_TRY(signer_name, fields.string("signer_name", false));
  TDKT_HTTP_TRY(signer_authority, fields.string("signer_authority", false));
  TDKT_HTTP_TRY(signer_position, fields.string("signer_position", false));
  issue.signer_name = *signer_name;
  issue.signer_authority = *signer_authority;
  issue.signer_position = *signer_position;
  if (body->contains("narrative")) {
    const auto& narrative = body->at("narrative");
    if (!narrative.is_object())
      return fail(Error::invalid("narrative", "Phần viết của báo cáo phải là một đối tượng."));
    if (auto checked = check_fields(narrative, kParts, "narrative."); !checked) return fail(checked.error());
    const Fields parts(narrative, "narrative.");
    for (auto [name, into] : {std::pair{"situation", &issue.narrative.situation},
                              {"highlights", &issue.narrative.highlights},
                              {"strengths", &issue.narrative.strengths},
                              {"weaknesses", &issue.narrative.weaknesses},
                              {"lessons", &issue.narrative.lessons},
                              {"direction", &issue.narrative.direction}}) {
      TDKT_HTTP_TRY(text, parts.string(name, false));
      *into = *text;
    }
  }
  TDKT_HTTP_TRY(document, services.reports.issue(request.actor, issue));
  return ok(document_json(*document, false), 201);
}

}  // namespace

std::vector<Route> report_routes() {
  return {
      {"GET", "/api/v1/reports/review", get_review_report},
      {"GET", "/api/v1/reports/review/docx", review_report_docx},
      {"GET", "/api/v1/reports/review/pdf", review_report_pdf},
      {"POST", "/api/v1/reports/review/issue", issue_review_report},
  };
}

}  // namespace tdkt::http
