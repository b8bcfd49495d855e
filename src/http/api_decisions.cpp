// /api/v1/decisions and /api/v1/proposals: the agency's own decisions (drafted from a review,
// edited, issued with their number from the register), proposals to higher authorities with
// their dossier (one ZIP of DOCX and PDF files) and the higher decision recorded when it comes
// back; /api/v1/nominations/{id}/achievement-report: the report the subject's unit fills.

#include "documents/docx.hpp"
#include "documents/from_register.hpp"
#include "documents/package.hpp"
#include "documents/pdf.hpp"
#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"

namespace tdkt::http {
namespace {

namespace rules = domain::rules;

Json document_or_null(const std::optional<domain::RegisteredDocument>& document) {
  if (!document) return nullptr;
  return {
      {"id", document->id.value},   {"number", document->number.text()},    {"issued_on", document->issued_on.iso()},
      {"issuer", document->issuer}, {"signer_name", document->signer_name}, {"summary", document->summary},
      {"own", document->own}};
}

Json decision_json(const app::DecisionView& view) {
  const auto& decision = view.decision;
  Json entries = Json::array();
  for (std::size_t i = 0; i < decision.entries.size(); ++i) {
    const auto& entry = decision.entries[i];
    entries.push_back({{"position", entry.position},
                       {"nomination_id", entry.nomination ? Json(entry.nomination->value) : Json(nullptr)},
                       {"subject_kind", std::string(rules::to_string(entry.subject.kind))},
                       {"subject_id", entry.subject.id},
                       {"subject_name", entry.subject_name},
                       {"position_title", view.positions.at(i)},
                       {"unit_name", view.unit_names.at(i)},
                       {"honour", entry.honour},
                       {"honour_name", view.honour_names.at(i)},
                       {"year", entry.year},
                       {"grant_type", std::string(rules::to_string(entry.grant_type))},
                       {"granted", entry.granted},
                       {"grant_id", entry.grant ? Json(entry.grant->value) : Json(nullptr)}});
  }
  return {{"id", decision.id.value},
          {"kind", std::string(domain::to_string(decision.kind))},
          {"review_id", decision.review ? Json(decision.review->value) : Json(nullptr)},
          {"proposal_id", decision.proposal ? Json(decision.proposal->value) : Json(nullptr)},
          {"authority", decision.authority},
          {"authority_level", decision.authority_level},
          {"title", decision.title},
          {"status", std::string(domain::to_string(decision.status))},
          {"status_label", std::string(domain::vietnamese_label(decision.status))},
          {"created_at", decision.created_at},
          {"created_by", decision.created_by},
          {"issued_at", decision.issued_at},
          {"issued_by", decision.issued_by},
          {"document", document_or_null(view.document)},
          {"entries", entries}};
}

Json proposal_json(const app::ProposalView& view) {
  const auto& proposal = view.proposal;
  Json items = Json::array();
  for (const auto& item : view.items) {
    items.push_back(
        {{"nomination_id", item.nomination.id.value},
         {"subject_kind", std::string(rules::to_string(item.nomination.subject.kind))},
         {"subject_id", item.nomination.subject.id},
         {"subject_name", item.subject_name},
         {"position_title", item.position},
         {"unit_name", item.unit_name},
         {"honour", item.nomination.honour},
         {"honour_name", item.honour_name},
         {"year", item.nomination.year},
         {"status", std::string(domain::to_string(item.nomination.status))},
         {"status_label", std::string(domain::vietnamese_label(item.nomination.status))},
         {"report_status", item.report ? Json(std::string(domain::to_string(*item.report))) : Json(nullptr)},
         {"report_status_label",
          item.report ? std::string(domain::vietnamese_label(*item.report)) : std::string("Chưa lập")}});
  }
  return {{"id", proposal.id.value},
          {"review_id", proposal.review.value},
          {"authority_level", proposal.authority_level},
          {"authority", proposal.authority},
          {"status", std::string(domain::to_string(proposal.status))},
          {"status_label", std::string(domain::vietnamese_label(proposal.status))},
          {"created_at", proposal.created_at},
          {"created_by", proposal.created_by},
          {"submission", document_or_null(view.submission)},
          {"decision_id", proposal.decision ? Json(proposal.decision->value) : Json(nullptr)},
          {"decision_document", document_or_null(view.decision_document)},
          {"items", items}};
}

Json report_json(const app::ReportView& view) {
  const auto& report = view.report;
  return {{"nomination_id", view.nomination.id.value},
          {"honour", view.nomination.honour},
          {"honour_name", view.honour_name},
          {"year", view.nomination.year},
          {"collective", report.collective},
          {"name", report.name},
          {"position", report.position},
          {"unit", report.unit},
          {"profile", report.profile},
          {"duties", report.duties},
          {"achievements", report.achievements},
          {"measures", report.measures},
          {"previous_grants", report.previous_grants},
          {"ratings", report.ratings},
          {"status", std::string(domain::to_string(report.status))},
          {"status_label", std::string(domain::vietnamese_label(report.status))},
          {"stored", view.stored},
          {"updated_at", report.updated_at},
          {"updated_by", report.updated_by},
          {"confirmed_by", report.confirmed_by}};
}

Result<std::vector<std::int64_t>> ids(const Json& body, const std::string& name, bool required) {
  std::vector<std::int64_t> out;
  if (!body.contains(name)) {
    if (required) return Error::invalid(name, "Thiếu \"" + name + "\" (danh sách mã).");
    return out;
  }
  if (!body.at(name).is_array())
    return Error::invalid(name, "\"" + name + "\" phải là danh sách mã (số nguyên dương).");
  for (const auto& item : body.at(name)) {
    if (!item.is_number_integer() || item.get<std::int64_t>() <= 0)
      return Error::invalid(name, "Mỗi phần tử của \"" + name + "\" là một mã (số nguyên dương).");
    out.push_back(item.get<std::int64_t>());
  }
  return out;
}

Result<std::vector<std::string>> strings(const Json& body, const std::string& name) {
  std::vector<std::string> out;
  if (!body.contains(name) || body.at(name).is_null()) return out;
  if (!body.at(name).is_array()) return Error::invalid(name, "\"" + name + "\" phải là danh sách chuỗi.");
  for (const auto& item : body.at(name)) {
    if (!item.is_string()) return Error::invalid(name, "Mỗi phần tử của \"" + name + "\" là một chuỗi.");
    out.push_back(item.get<std::string>());
  }
  return out;
}

const std::set<std::string> kSigningFields{"issued_on",        "symbol",          "issuer",
                                           "issuer_parent",    "place",           "signer_name",
                                           "signer_authority", "signer_position", "recipients"};

Result<app::SigningRequest> signing(const Json& body) {
  Fields fields(body);
  app::SigningRequest out;
  auto issued_on = fields.date("issued_on", false);
  if (!issued_on) return std::move(issued_on).error();
  if (*issued_on) out.issued_on = **issued_on;
  for (auto [name, target] :
       {std::pair{"symbol", &out.symbol}, std::pair{"issuer", &out.issuer},
        std::pair{"issuer_parent", &out.issuer_parent}, std::pair{"place", &out.place},
        std::pair{"signer_name", &out.signer_name}, std::pair{"signer_authority", &out.signer_authority},
        std::pair{"signer_position", &out.signer_position}}) {
    auto value = fields.string(name, false);
    if (!value) return std::move(value).error();
    *target = std::move(*value);
  }
  auto recipients = strings(body, "recipients");
  if (!recipients) return std::move(recipients).error();
  out.recipients = std::move(*recipients);
  return out;
}

std::optional<ReviewId> review_filter(const ApiRequest& request, Error& error) {
  if (!request.has_query("review_id")) return std::nullopt;
  auto id = parse_id(request.query("review_id"), "review_id");
  if (!id) {
    error = id.error();
    return std::nullopt;
  }
  return ReviewId{*id};
}

ApiResponse list_decisions(const ApiRequest& request, Services& services) {
  Error error{ErrorCode::kInternal, "", ""};
  const auto review = review_filter(request, error);
  if (!error.message.empty()) return fail(error);
  TDKT_HTTP_TRY(views, services.decisions.decisions(request.actor, review));
  Json items = Json::array();
  for (const auto& view : *views)
    items.push_back(decision_json(view));
  return ok({{"items", items}});
}

ApiResponse create_decision(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"review_id", "title", "nomination_ids"}));
  Fields fields(*body);
  app::DecisionDraftRequest draft;
  TDKT_HTTP_TRY(review, fields.integer("review_id", true));
  draft.review = ReviewId{**review};
  TDKT_HTTP_TRY(title, fields.string("title", false));
  draft.title = *title;
  TDKT_HTTP_TRY(nominations, ids(*body, "nomination_ids", false));
  for (const auto id : *nominations)
    draft.nominations.emplace_back(id);
  TDKT_HTTP_TRY(view, services.decisions.draft(request.actor, draft));
  return ok(decision_json(*view), 201);
}

ApiResponse get_decision(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(view, services.decisions.decision(request.actor, DecisionId{*id}));
  return ok(decision_json(*view));
}

ApiResponse update_decision(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"title", "entries"}));
  Fields fields(*body);
  app::DecisionUpdate update;
  TDKT_HTTP_TRY(title, fields.string("title", false));
  update.title = *title;
  if (!body->contains("entries") || !body->at("entries").is_array())
    return fail(Error::invalid("entries", "\"entries\" phải là danh sách người, tập thể được khen thưởng."));
  const auto& entries = body->at("entries");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto prefix = "entries[" + std::to_string(i) + "].";
    if (!entries[i].is_object())
      return fail(Error::invalid("entries[" + std::to_string(i) + "]", "Mỗi dòng là một đối tượng."));
    if (auto checked =
            check_fields(entries[i], {"nomination_id", "subject_kind", "subject_id", "honour", "year"}, prefix);
        !checked)
      return fail(checked.error());
    Fields entry_fields(entries[i], prefix);
    domain::DecisionEntry entry;
    TDKT_HTTP_TRY(nomination, entry_fields.integer("nomination_id", false));
    if (*nomination) {
      entry.nomination = NominationId{**nomination};
    } else {
      TDKT_HTTP_TRY(kind, entry_fields.string("subject_kind", true));
      const auto parsed = rules::subject_kind_from_string(*kind);
      if (!parsed || *parsed == rules::SubjectKind::kHousehold)
        return fail(
            Error::invalid(prefix + "subject_kind", "Đối tượng là \"person\" (cá nhân) hoặc \"unit\" (tập thể)."));
      TDKT_HTTP_TRY(subject, entry_fields.integer("subject_id", true));
      entry.subject = {*parsed, **subject};
      TDKT_HTTP_TRY(honour, entry_fields.string("honour", true));
      entry.honour = *honour;
      TDKT_HTTP_TRY(year, entry_fields.integer("year", false));
      if (*year) entry.year = static_cast<int>(**year);
    }
    update.entries.push_back(std::move(entry));
  }
  TDKT_HTTP_TRY(view, services.decisions.update(request.actor, DecisionId{*id}, std::move(update)));
  return ok(decision_json(*view));
}

ApiResponse issue_decision(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  auto allowed = kSigningFields;
  allowed.insert({"bases", "proposer"});
  TDKT_HTTP_TRY(body, parse_object(request.body().empty() ? "{}" : request.body(), allowed));
  app::IssueRequest issue;
  TDKT_HTTP_TRY(signed_by, signing(*body));
  issue.signing = std::move(*signed_by);
  TDKT_HTTP_TRY(bases, strings(*body, "bases"));
  issue.bases = std::move(*bases);
  TDKT_HTTP_TRY(proposer, Fields(*body).string("proposer", false));
  issue.proposer = *proposer;
  TDKT_HTTP_TRY(view, services.decisions.issue(request.actor, DecisionId{*id}, std::move(issue)));
  return ok(decision_json(*view));
}

ApiResponse list_proposals(const ApiRequest& request, Services& services) {
  Error error{ErrorCode::kInternal, "", ""};
  const auto review = review_filter(request, error);
  if (!error.message.empty()) return fail(error);
  TDKT_HTTP_TRY(views, services.decisions.proposals(request.actor, review));
  Json items = Json::array();
  for (const auto& view : *views)
    items.push_back(proposal_json(view));
  return ok({{"items", items}});
}

ApiResponse create_proposal(const ApiRequest& request, Services& services) {
  auto allowed = kSigningFields;
  allowed.insert({"review_id", "authority_level", "authority", "nomination_ids"});
  TDKT_HTTP_TRY(body, parse_object(request.body(), allowed));
  Fields fields(*body);
  app::ProposalRequest proposal;
  TDKT_HTTP_TRY(review, fields.integer("review_id", true));
  proposal.review = ReviewId{**review};
  TDKT_HTTP_TRY(level, fields.string("authority_level", true));
  proposal.authority_level = *level;
  TDKT_HTTP_TRY(authority, fields.string("authority", false));
  proposal.authority = *authority;
  TDKT_HTTP_TRY(nominations, ids(*body, "nomination_ids", false));
  for (const auto id : *nominations)
    proposal.nominations.emplace_back(id);
  TDKT_HTTP_TRY(signed_by, signing(*body));
  proposal.signing = std::move(*signed_by);
  TDKT_HTTP_TRY(view, services.decisions.create_proposal(request.actor, std::move(proposal)));
  return ok(proposal_json(*view), 201);
}

ApiResponse get_proposal(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(view, services.decisions.proposal(request.actor, ProposalId{*id}));
  return ok(proposal_json(*view));
}

ApiResponse proposal_dossier(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  const bool with_pdf = request.query("pdf") != "0" && request.query("pdf") != "false";
  TDKT_HTTP_TRY(content, services.decisions.dossier(request.actor, ProposalId{*id}));
  documents::Package archive;
  std::vector<std::string> docx_files;
  for (const auto& file : content->files) {
    auto model = documents::official_document(file.document);
    if (!file.kind_name.empty()) model.kind_name = file.kind_name;
    if (!file.number_text.empty()) model.number = file.number_text;
    if (file.document.number.number == 0 && file.number_text.empty()) model.number = "";
    TDKT_HTTP_TRY(docx, documents::render_docx(model));
    archive.emplace(file.name + ".docx", *docx);
    docx_files.push_back(std::move(*docx));
  }
  if (with_pdf) {
    TDKT_HTTP_TRY(pdfs, services.pdf.convert_all(docx_files));
    for (std::size_t i = 0; i < content->files.size(); ++i)
      archive.emplace(content->files[i].name + ".pdf", std::move(pdfs->at(i)));
  }
  TDKT_HTTP_TRY(zip, documents::write_package(archive));
  ApiResponse response;
  response.download = Download{"application/zip", content->file_name, std::move(*zip)};
  return response;
}

ApiResponse record_higher_decision(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"number", "issued_on", "issuer", "authority", "signer_name",
                                                    "summary", "granted_nomination_ids"}));
  Fields fields(*body);
  app::HigherDecisionRequest higher;
  TDKT_HTTP_TRY(number, fields.string("number", true));
  higher.number = *number;
  TDKT_HTTP_TRY(issued_on, fields.date("issued_on", true));
  higher.issued_on = **issued_on;
  TDKT_HTTP_TRY(issuer, fields.string("issuer", true));
  higher.issuer = *issuer;
  TDKT_HTTP_TRY(authority, fields.string("authority", false));
  higher.authority = *authority;
  TDKT_HTTP_TRY(signer, fields.string("signer_name", false));
  higher.signer_name = *signer;
  TDKT_HTTP_TRY(summary, fields.string("summary", false));
  higher.summary = *summary;
  TDKT_HTTP_TRY(granted, ids(*body, "granted_nomination_ids", true));
  for (const auto nomination : *granted)
    higher.granted.emplace_back(nomination);
  TDKT_HTTP_TRY(view, services.decisions.record_higher_decision(request.actor, ProposalId{*id}, std::move(higher)));
  return ok(proposal_json(*view));
}

ApiResponse get_report(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(view, services.decisions.report(request.actor, NominationId{*id}));
  return ok(report_json(*view));
}

ApiResponse put_report(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"name", "position", "unit", "profile", "duties", "achievements",
                                                    "measures", "previous_grants", "ratings"}));
  Fields fields(*body);
  domain::AchievementReport report;
  for (auto [name, target] :
       {std::pair{"name", &report.name}, std::pair{"position", &report.position}, std::pair{"unit", &report.unit},
        std::pair{"profile", &report.profile}, std::pair{"duties", &report.duties},
        std::pair{"achievements", &report.achievements}, std::pair{"measures", &report.measures}}) {
    TDKT_HTTP_TRY(value, fields.string(name, false));
    *target = *value;
  }
  TDKT_HTTP_TRY(grants, strings(*body, "previous_grants"));
  report.previous_grants = std::move(*grants);
  TDKT_HTTP_TRY(ratings, strings(*body, "ratings"));
  report.ratings = std::move(*ratings);
  TDKT_HTTP_TRY(view, services.decisions.save_report(request.actor, NominationId{*id}, std::move(report)));
  return ok(report_json(*view));
}

ApiResponse confirm_report(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(view, services.decisions.confirm_report(request.actor, NominationId{*id}));
  return ok(report_json(*view));
}

}  // namespace

std::vector<Route> decision_routes() {
  return {
      {"GET", "/api/v1/decisions", list_decisions},
      {"POST", "/api/v1/decisions", create_decision},
      {"GET", "/api/v1/decisions/{id}", get_decision},
      {"PUT", "/api/v1/decisions/{id}", update_decision},
      {"POST", "/api/v1/decisions/{id}/issue", issue_decision},
      {"GET", "/api/v1/proposals", list_proposals},
      {"POST", "/api/v1/proposals", create_proposal},
      {"GET", "/api/v1/proposals/{id}", get_proposal},
      {"GET", "/api/v1/proposals/{id}/dossier", proposal_dossier},
      {"POST", "/api/v1/proposals/{id}/higher-decision", record_higher_decision},
      {"GET", "/api/v1/nominations/{id}/achievement-report", get_report},
      {"PUT", "/api/v1/nominations/{id}/achievement-report", put_report},
      {"POST", "/api/v1/nominations/{id}/achievement-report/confirm", confirm_report},
  };
}

}  // namespace tdkt::http
