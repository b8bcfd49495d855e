#pragma once
// The API's route table. Every endpoint is declared once here, with the path written as in
// OpenAPI ("/api/v1/units/{id}"); the server registers from this table and a test checks it
// against docs/api/openapi.json, so the document stays true to the routes.

#include <functional>
#include <string>
#include <vector>

#include "app/account_service.hpp"
#include "app/attachment_service.hpp"
#include "app/audit_service.hpp"
#include "app/campaign_service.hpp"
#include "app/complaint_service.hpp"
#include "app/council_service.hpp"
#include "app/decision_service.hpp"
#include "app/document_service.hpp"
#include "app/eligibility_service.hpp"
#include "app/grant_history_service.hpp"
#include "app/import_gate.hpp"
#include "app/movement_service.hpp"
#include "app/nomination_service.hpp"
#include "app/organisation_service.hpp"
#include "app/people_service.hpp"
#include "app/records_service.hpp"
#include "app/report_service.hpp"
#include "app/statistics_service.hpp"
#include "app/target_service.hpp"
#include "documents/pdf.hpp"
#include "domain/rules/rule_set.hpp"
#include "http/json_io.hpp"
#include "http/request.hpp"

namespace tdkt::http {

// What handlers may use. Built by the composition root.
struct Services {
  app::OrganisationService& organisation;
  app::PeopleService& people;
  app::AuditService& audit;
  app::AccountService& accounts;
  app::RecordsService& records;
  app::EligibilityService& eligibility;
  app::DocumentService& documents;
  app::MovementService& movements;
  const domain::rules::RuleLibrary* rules;  // the rule sets compiled in; nullptr if they failed to load
  const app::Clock& clock;
  std::function<Json()> health;  // backend and schema version
  app::TargetService& targets;
  app::AttachmentService& attachments;
  app::CampaignService& campaigns;
  app::GrantHistoryService& grant_history;
  app::ComplaintService& complaints;
  app::CouncilService& council;
  app::DecisionService& decisions;
  app::NominationService& nominations;
  app::ReportService& reports;
  app::StatisticsService& statistics;
  documents::PdfConverter& pdf;  // DOCX → PDF, limited and cached
  std::string province;          // the configured provincial layer of rules ("dong_nai"), "" for none
  app::ImportGate& imports;      // spreadsheet imports at once; a handler enters before reading the upload
};

// A parsed request as handlers see it.
struct ApiRequest {
  const HttpRequest& http;
  std::vector<std::string> path_params;  // in the order of the {…} in the path
  app::Actor actor;
  std::string session_token;  // empty on public routes without a session

  const std::string& body() const { return http.body; }
  std::string query(const std::string& name) const { return http.param(name); }
  bool has_query(const std::string& name) const { return http.has_param(name); }
};

// The media type of an Excel workbook (.xlsx).
inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Whether a download may be answered in part (`Range: bytes=a-b`): only stored files, where
// resuming a large transfer is useful; every other answer ignores `Range`.
enum class Ranges { kIgnored, kHonoured };

// A file sent instead of JSON (an Excel export, a blank import form).
struct Download {
  std::string content_type;
  std::string filename;  // UTF-8; sent as Content-Disposition: attachment
  std::string bytes;
  Ranges ranges = Ranges::kIgnored;
};

struct ApiResponse {
  int status = 200;
  Json body;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Set-Cookie
  std::optional<Download> download;                          // when set, sent instead of `body`
};

using Handler = std::function<ApiResponse(const ApiRequest&, Services&)>;

// What an unsafe request carries.
enum class Body {
  kJson,         // application/json, at most 1 MiB
  kSpreadsheet,  // an .xlsx file (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)
  kFile,         // any file up to max_upload_bytes, raw; the use case checks what it is
};

enum class Access {
  kSignedIn,  // a live session; unsafe methods also need the CSRF token
  kPublic,    // sign-in, health, the API description
};

struct Route {
  std::string method;  // "GET", "POST", "PUT", "PATCH", "DELETE"
  std::string path;    // OpenAPI form
  Handler handler;
  Access access = Access::kSignedIn;
  Body body = Body::kJson;
};

std::vector<Route> organisation_routes();
std::vector<Route> people_routes();
std::vector<Route> system_routes();
std::vector<Route> account_routes();
std::vector<Route> rules_routes();
std::vector<Route> records_routes();
std::vector<Route> import_routes();
std::vector<Route> document_routes();
std::vector<Route> movement_routes();
std::vector<Route> campaign_routes();
std::vector<Route> nomination_routes();
std::vector<Route> target_routes();
std::vector<Route> attachment_routes();
std::vector<Route> grant_history_routes();
std::vector<Route> complaint_routes();
std::vector<Route> council_routes();
std::vector<Route> decision_routes();
std::vector<Route> report_routes();
std::vector<Route> statistics_routes();
std::vector<Route> all_routes();

// "/api/v1/units/{id}/history" -> "^/api/v1/units/([^/]+)/history$"
std::string path_regex(const std::string& openapi_path);

// Helpers shared by handlers.
ApiResponse ok(Json body, int status = 200);
ApiResponse fail(const Error& error);
// Parses a positive id from a path parameter.
Result<std::int64_t> parse_id(const std::string& text, const std::string& field);
// Reads the year of the query parameter `name` (?year=2023); nullopt when it is not given.
Result<std::optional<int>> year_param(const ApiRequest& request, const std::string& name);
// Reads ?as_of=YYYY-MM-DD, defaulting to today.
Result<CivilDate> as_of(const ApiRequest& request, const app::Clock& clock);
// Reads ?dry_run=true|false (also 1|0; absent: false).
Result<bool> dry_run_flag(const ApiRequest& request);
// 400 for an import with invalid rows: "Tệp có N dòng không hợp lệ; chưa nhập dòng nào." with
// every problem (sheet, row, field, message); nothing was written.
ApiResponse import_refused(const std::vector<app::ImportProblem>& problems);

}  // namespace tdkt::http

// In a handler: unwraps a Result into `name`, or returns its error as the response.
// NOLINTBEGIN(bugprone-macro-parentheses): `name` declares a variable
#define TDKT_HTTP_TRY(name, expr) \
  auto name = (expr);             \
  if (!(name)) return ::tdkt::http::fail((name).error())
// NOLINTEND(bugprone-macro-parentheses)
