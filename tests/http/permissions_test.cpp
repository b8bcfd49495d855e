// The permission matrix: every role (and no session) against every endpoint of the route
// table, on the demo data, on both backends. The table must cover every route: adding an
// endpoint without deciding who may call it fails this test. It checks statuses only; what each
// answer contains for each role is checked by scope_reads_test.cpp, and writes on real records
// outside a role's scope (refused, nothing changed) by scope_writes_test.cpp.

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "http/router.hpp"
#include "ingest/demo.hpp"
#include "ingest/records_workbook.hpp"
#include "ingest/registration_workbook.hpp"
#include "support/demo_scope.hpp"

namespace tdkt::testing {
namespace {

constexpr const char* kRoles[] = {"anonymous", "admin", "canbo", "hoidong", "truongphong", "nhanvien", "xem"};

struct Call {
  std::string method;
  std::string route;  // as in the route table
  std::function<std::string(const std::string& role)> path;
  std::function<std::string(const std::string& role)> body;
  // Expected status per role, in the order of kRoles.
  std::vector<int> expected;
};

class PermissionMatrix : public DemoScope {
 protected:
  void SetUp() override {
    DemoScope::SetUp();
    if (HasFatalFailure()) return;
    auto& context = db_->context();
    const auto system = app::Actor::system();
    restructuring_ = context.organisation().restructurings().front().id.value;
    for (const char* role : kRoles) {
      domain::PersonDraft draft;
      draft.family_name = "Thử";
      draft.given_name = std::string("Nghiệm ") + role;
      fresh_person_[role] = context.people().create(system, draft)->id.value;
    }
    xem_account_ = context.accounts().list(system)->back().id.value;
    ingest::RecordsFormData form;
    form.year = 2026;
    auto blank = ingest::records_form(form);
    ASSERT_TRUE(blank) << blank.error().message;
    blank_form_ = *blank;
    const auto movements = context.movements().list(system, {});
    ASSERT_TRUE(movements);
    for (const auto& movement : *movements) {
      if (movement.name == "Thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc năm 2023") {
        targets_movement_ = movement.id.value;
        targets_unit_ = movement.unit->value;
      }
    }
    ASSERT_NE(targets_movement_, 0);
    const auto targets = context.targets().list(system, MovementId{targets_movement_}, std::nullopt);
    ASSERT_TRUE(targets);
    target_ = targets->units.at(0).targets.at(0).target.id.value;
    // The demo's 2023 registration campaign: closed (deadline 28/02/2023), the Phòng Tuyên truyền -
    // Địa bàn of 2020 consolidated; Sáng's registration is in that unit.
    const auto campaigns = context.campaigns().list(system);
    ASSERT_TRUE(campaigns);
    for (const auto& item : *campaigns) {
      if (item.campaign.year == 2023) {
        campaign_ = item.campaign.id.value;
        campaign_movement_ = item.campaign.movement.value;
      }
    }
    ASSERT_NE(campaign_, 0);
    const auto registrations = context.campaigns().registrations(system, CampaignId{campaign_});
    ASSERT_TRUE(registrations);
    for (const auto& item : *registrations) {
      if (item.registration.subject.id == sang_ && item.subject_name == "Lý Thị Sáng") {
        sang_registration_ = item.registration.id.value;
        campaign_unit_ = item.registration.unit.value;
      }
    }
    ASSERT_NE(sang_registration_, 0);
    auto registration_form = ingest::registration_form({});
    ASSERT_TRUE(registration_form) << registration_form.error().message;
    registration_form_ = *registration_form;
  }

  std::int64_t restructuring_ = 0, xem_account_ = 0;
  std::map<std::string, std::int64_t> fresh_person_;
  std::string blank_form_;
  std::int64_t targets_movement_ = 0, targets_unit_ = 0, target_ = 0;
  std::int64_t campaign_ = 0, campaign_movement_ = 0, campaign_unit_ = 0, sang_registration_ = 0;
  std::string registration_form_;
};

TEST_P(PermissionMatrix, EveryRoleAgainstEveryEndpoint) {
  auto fixed = [](const std::string& text) { return [text](const std::string&) { return text; }; };
  const auto none = fixed("");
  // anonymous, admin, canbo (officer), hoidong (council), truongphong (unit head), nhanvien (staff), xem (viewer)
  const std::vector<int> read_all{401, 200, 200, 200, 200, 200, 200};
  const std::vector<int> manage_org{401, 0, 0, 403, 403, 403, 403};  // 0: the success status of the call
  const std::vector<int> manage_people_scoped{401, 0, 0, 403, 0, 403, 403};
  const std::vector<int> admin_only{401, 200, 403, 403, 403, 403, 403};
  const std::vector<int> manage_records_scoped{401, 0, 0, 403, 0, 403, 403};
  const std::vector<Call> calls{
      {"GET", "/api/v1/health", fixed("/api/v1/health"), none, {200, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/openapi.json", fixed("/api/v1/openapi.json"), none, {200, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/v1/session", fixed("/api/v1/session"), none, read_all},
      {"GET", "/api/v1/dashboard", fixed("/api/v1/dashboard"), none, read_all},
      {"GET", "/api/v1/roles", fixed("/api/v1/roles"), none, read_all},
      {"GET", "/api/v1/rule-sets", fixed("/api/v1/rule-sets?as_of=2026-11-22"), none, read_all},
      {"GET", "/api/v1/units", fixed("/api/v1/units?as_of=2023-06-30"), none, read_all},
      {"GET", "/api/v1/units/{id}", fixed("/api/v1/units/" + id(agency_)), none, read_all},
      {"GET", "/api/v1/units/{id}/history", fixed("/api/v1/units/" + id(agency_) + "/history"), none, read_all},
      {"GET", "/api/v1/units/{id}/successors", fixed("/api/v1/units/" + id(agency_) + "/successors"), none, read_all},
      {"GET", "/api/v1/units/{id}/members", fixed("/api/v1/units/" + id(ttdb_) + "/members"), none, read_all},
      {"GET", "/api/v1/restructurings", fixed("/api/v1/restructurings"), none, read_all},
      {"GET", "/api/v1/restructurings/{id}", fixed("/api/v1/restructurings/" + id(restructuring_)), none, read_all},
      {"GET", "/api/v1/blocs", fixed("/api/v1/blocs?as_of=2023-06-30"), none, read_all},
      {"GET", "/api/v1/people", fixed("/api/v1/people?q=nguyen"), none, read_all},
      // Khang works at the agency itself: outside the unit head's department and the staff member's.
      {"GET", "/api/v1/people/{id}", fixed("/api/v1/people/" + id(khang_)), none, {401, 200, 200, 200, 403, 403, 200}},
      // Sáng is in the unit head's department, and is the staff member herself.
      {"GET", "/api/v1/people/{id}/memberships", fixed("/api/v1/people/" + id(sang_) + "/memberships"), none, read_all},
      {"GET",
       "/api/v1/audit",
       fixed("/api/v1/audit?entity=person&id=" + id(khang_)),
       none,
       {401, 200, 200, 403, 403, 403, 403}},
      {"GET", "/api/v1/accounts", fixed("/api/v1/accounts"), none, admin_only},
      {"POST", "/api/v1/units", fixed("/api/v1/units"),
       [](const std::string& role) {
         return R"({"name":"Tổ công tác )" + role + R"(","kind":"agency","valid_from":"2026-01-01"})";
       },
       manage_org},
      {"PATCH", "/api/v1/units/{id}", fixed("/api/v1/units/" + id(ttdb_)), fixed(R"({"place":"Đồng Nai"})"),
       manage_org},
      {"POST", "/api/v1/restructurings", fixed("/api/v1/restructurings"),
       [](const std::string& role) {
         return R"({"title":"Thành lập tổ )" + role +
                R"(","effective_date":"2026-06-01","creates":[{"key":"t","name":"Tổ )" + role +
                R"(","kind":"agency"}]})";
       },
       manage_org},
      {"POST", "/api/v1/people", fixed("/api/v1/people"), fixed(R"({"full_name":"Trần Văn Mới"})"),
       manage_people_scoped},
      {"PATCH", "/api/v1/people/{id}", fixed("/api/v1/people/" + id(sang_)), fixed(R"({"note":"Đã cập nhật"})"),
       manage_people_scoped},
      // A person without membership, created by someone else: only the officer brings them into a
      // unit (the unit head may not adopt them: scope_writes_test).
      {"POST",
       "/api/v1/people/{id}/memberships",
       [&](const std::string& role) { return "/api/v1/people/" + id(fresh_person_.at(role)) + "/memberships"; },
       fixed(R"({"unit_id":)" + id(ttdb_) + R"(,"position":"Chuyên viên","from":"2026-01-01"})"),
       {401, 201, 201, 403, 403, 403, 403}},
      {"PATCH",
       "/api/v1/memberships/{id}",
       fixed("/api/v1/memberships/999999"),
       fixed(R"({"position":"x"})"),
       {401, 404, 404, 403, 404, 403, 403}},
      {"DELETE",
       "/api/v1/memberships/{id}",
       fixed("/api/v1/memberships/999999"),
       none,
       {401, 404, 404, 403, 404, 403, 403}},
      {"POST",
       "/api/v1/accounts",
       fixed("/api/v1/accounts"),
       [](const std::string& role) {
         return R"({"username":"moi.)" + role + R"(","role":"viewer","password":"mat-khau-moi"})";
       },
       {401, 201, 403, 403, 403, 403, 403}},
      {"PATCH", "/api/v1/accounts/{id}", fixed("/api/v1/accounts/" + id(xem_account_)),
       fixed(R"({"display_name":"Người xem"})"), admin_only},
      // Yearly records, grants, initiatives, verdicts: read within the people scope, written with
      // manage_records (admin, officer, and the unit head within their department).
      {"GET", "/api/v1/honours", fixed("/api/v1/honours"), none, read_all},
      {"GET", "/api/v1/people/{id}/records", fixed("/api/v1/people/" + id(sang_) + "/records"), none, read_all},
      {"GET",
       "/api/v1/people/{id}/eligibility",
       fixed("/api/v1/people/" + id(khang_) + "/eligibility"),
       none,
       {401, 200, 200, 200, 403, 403, 200}},
      {"PUT", "/api/v1/people/{id}/years/{year}", fixed("/api/v1/people/" + id(sang_) + "/years/2026"),
       fixed(R"({"rating":"HTTNV","months_worked":12})"), manage_records_scoped},
      {"DELETE",
       "/api/v1/people/{id}/years/{year}",
       fixed("/api/v1/people/" + id(sang_) + "/years/1999"),
       none,
       {401, 404, 404, 403, 403, 403, 403}},  // the head: Sáng was in no unit of theirs in 1999
      {"GET", "/api/v1/units/{id}/records", fixed("/api/v1/units/" + id(agency_) + "/records"), none, read_all},
      {"GET", "/api/v1/units/{id}/eligibility", fixed("/api/v1/units/" + id(agency_) + "/eligibility"), none, read_all},
      {"PUT", "/api/v1/units/{id}/years/{year}", fixed("/api/v1/units/" + id(ttdb_) + "/years/2026"),
       fixed(R"({"rating":"HTXSNV"})"), manage_records_scoped},
      {"DELETE",
       "/api/v1/units/{id}/years/{year}",
       fixed("/api/v1/units/" + id(ttdb_) + "/years/1999"),
       none,
       {401, 404, 404, 403, 404, 403, 403}},
      {"POST", "/api/v1/grants", fixed("/api/v1/grants"),
       [&](const std::string& role) {
         return R"({"subject_kind":"person","subject_id":)" + id(sang_) +
                R"(,"honour":"GK","year":2021,"type":"sudden",)" + R"("decision_number":")" + role + R"(/QĐ-SDTTG"})";
       },
       manage_records_scoped},
      {"PATCH",
       "/api/v1/grants/{id}",
       fixed("/api/v1/grants/999999"),
       fixed(R"({"honour":"GK","year":2020})"),
       {401, 404, 404, 403, 404, 403, 403}},
      {"DELETE", "/api/v1/grants/{id}", fixed("/api/v1/grants/999999"), none, {401, 404, 404, 403, 404, 403, 403}},
      {"POST", "/api/v1/initiatives", fixed("/api/v1/initiatives"),
       [&](const std::string& role) {
         return R"({"subject_kind":"person","subject_id":)" + id(sang_) + R"(,"year":2026,"title":"Sáng kiến )" + role +
                R"(","level":"unit"})";
       },
       manage_records_scoped},
      {"PATCH",
       "/api/v1/initiatives/{id}",
       fixed("/api/v1/initiatives/999999"),
       fixed(R"({"year":2026,"title":"x","level":"unit"})"),
       {401, 404, 404, 403, 404, 403, 403}},
      {"DELETE",
       "/api/v1/initiatives/{id}",
       fixed("/api/v1/initiatives/999999"),
       none,
       {401, 404, 404, 403, 404, 403, 403}},
      // The document register: read by every signed-in role; registering needs manage_documents
      // (admin, officer). Numbers are given by tdkt so every role's attempt is a fresh document.
      {"GET", "/api/v1/documents", fixed("/api/v1/documents?year=2023"), none, read_all},
      {"GET", "/api/v1/documents/{id}", fixed("/api/v1/documents/1"), none, read_all},
      {"GET",
       "/api/v1/documents/{id}/docx",
       fixed("/api/v1/documents/1/docx"),
       none,
       {401, 409, 409, 409, 409, 409, 409}},  // a law is not drafted in tdkt
      {"GET",
       "/api/v1/documents/{id}/pdf",
       fixed("/api/v1/documents/1/pdf"),
       none,
       {401, 409, 409, 409, 409, 409, 409}},
      {"GET", "/api/v1/document-numbers/next", fixed("/api/v1/document-numbers/next?symbol=KH-SDTTG&year=2026"), none,
       read_all},
      {"POST",
       "/api/v1/documents",
       fixed("/api/v1/documents"),
       fixed(R"({"type":"plan","own":true,"assign_number":true,"symbol":"KH-SDTTG","issued_on":"2026-03-02",)"
             R"("issuer":"Sở Dân tộc và Tôn giáo tỉnh Đồng Nai","place":"Đồng Nai","summary":"Kế hoạch thử"})"),
       {401, 201, 201, 403, 403, 403, 403}},
      // The Excel form and import of yearly records: manage_records (the unit head within scope).
      {"GET",
       "/api/v1/imports/records/form",
       fixed("/api/v1/imports/records/form?unit_id=" + id(ttdb_) + "&year=2026"),
       none,
       {401, 200, 200, 403, 200, 403, 403}},
      {"POST",
       "/api/v1/imports/records",
       fixed("/api/v1/imports/records?dry_run=true"),
       fixed(blank_form_),
       {401, 200, 200, 403, 200, 403, 403}},
      // Targets: read by every signed-in role; set and measured with manage_movements (admin, officer).
      {"GET", "/api/v1/movements/{id}/targets", fixed("/api/v1/movements/" + id(targets_movement_) + "/targets"), none,
       read_all},
      {"GET", "/api/v1/movements/{id}/targets/export",
       fixed("/api/v1/movements/" + id(targets_movement_) + "/targets/export"), none, read_all},
      {"POST",
       "/api/v1/movements/{id}/targets",
       fixed("/api/v1/movements/" + id(targets_movement_) + "/targets"),
       fixed(R"({"unit_id":)" + id(targets_unit_) +
             R"(,"indicator":"Chỉ tiêu thử","measure":"bản","plan_value":10,"due_on":"2023-12-31"})"),
       {401, 0, 0, 403, 403, 403, 403}},
      {"PUT",
       "/api/v1/targets/{id}",
       fixed("/api/v1/targets/" + id(target_)),
       fixed(R"({"unit_id":)" + id(targets_unit_) +
             R"json(,"indicator":"Giải ngân vốn năm 2022 (tổng)","measure":"triệu đồng","plan_value":216613,)json"
             R"("due_on":"2023-12-31"})"),
       {401, 0, 0, 403, 403, 403, 403}},
      {"DELETE", "/api/v1/targets/{id}", fixed("/api/v1/targets/999999"), none, {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/targets/{id}/values",
       fixed("/api/v1/targets/" + id(target_) + "/values"),
       fixed(R"({"measured_on":"2023-09-30","value":150000})"),
       {401, 0, 0, 403, 403, 403, 403}},
      {"DELETE",
       "/api/v1/targets/{id}/values/{date}",
       fixed("/api/v1/targets/" + id(target_) + "/values/2023-01-02"),
       none,
       {401, 404, 404, 403, 403, 403, 403}},
      // Attached files: listed and downloaded by every signed-in role; uploaded and deleted with
      // manage_documents. The administrator's upload (attachment 1) is what every role downloads.
      {"GET", "/api/v1/documents/{id}/attachments", fixed("/api/v1/documents/1/attachments"), none, read_all},
      {"POST",
       "/api/v1/documents/{id}/attachments",
       fixed("/api/v1/documents/1/attachments?file_name=ban-ky.pdf"),
       fixed("%PDF-1.4\n%%EOF\n"),
       {401, 0, 0, 403, 403, 403, 403}},
      {"GET", "/api/v1/attachments/{id}", fixed("/api/v1/attachments/1"), none, read_all},
      {"DELETE",
       "/api/v1/attachments/{id}",
       fixed("/api/v1/attachments/999999"),
       none,
       {401, 404, 404, 403, 403, 403, 403}},
      // Movements: read by every signed-in role; launched, changed and planned with
      // manage_movements (admin, officer); the plan also needs manage_documents.
      {"GET", "/api/v1/movements", fixed("/api/v1/movements?level=agency"), none, read_all},
      {"GET", "/api/v1/movements/{id}", fixed("/api/v1/movements/1"), none, read_all},
      {"POST",
       "/api/v1/movements",
       fixed("/api/v1/movements"),
       fixed(R"({"name":"Phong trào thử","authority":"Sở Dân tộc và Tôn giáo tỉnh Đồng Nai","level":"agency",)"
             R"("kind":"regular","starts_on":"2026-01-01","ends_on":"2026-12-31"})"),
       {401, 201, 201, 403, 403, 403, 403}},
      {"PUT",
       "/api/v1/movements/{id}",
       fixed("/api/v1/movements/999999"),
       fixed(R"({"name":"x","authority":"y","level":"agency","kind":"regular","starts_on":"2026-01-01",)"
             R"("ends_on":"2026-12-31"})"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/movements/{id}/plan",
       fixed("/api/v1/movements/999999/plan"),
       fixed(R"({"issued_on":"2026-01-05"})"),
       {401, 404, 404, 403, 403, 403, 403}},
      // Registration campaigns: read by every signed-in role; opened, reopened and consolidated
      // with manage_movements; registrations with register (staff for themselves, the unit head
      // within scope). The demo's 2023 campaign is closed, so a permitted registration is refused
      // for its deadline (409) and a withdrawal in the consolidated unit for the consolidation.
      {"GET", "/api/v1/campaigns", fixed("/api/v1/campaigns"), none, read_all},
      {"POST",
       "/api/v1/campaigns",
       fixed("/api/v1/campaigns"),
       fixed(R"({"movement_id":)" + id(campaign_movement_) +
             R"(,"year":2023,"deadline":"2023-02-28","honours":["LDTT"],"unit_ids":[)" + id(agency_) + "]}"),
       {401, 409, 409, 403, 403, 403, 403}},
      {"GET", "/api/v1/campaigns/{id}", fixed("/api/v1/campaigns/" + id(campaign_)), none, read_all},
      {"GET", "/api/v1/campaigns/{id}/registrations", fixed("/api/v1/campaigns/" + id(campaign_) + "/registrations"),
       none, read_all},
      {"POST",
       "/api/v1/campaigns/{id}/registrations",
       fixed("/api/v1/campaigns/" + id(campaign_) + "/registrations"),
       fixed(R"({"subject_kind":"person","subject_id":)" + id(sang_) + R"(,"honour":"LDTT"})"),
       {401, 409, 409, 403, 409, 409, 403}},
      {"DELETE",
       "/api/v1/registrations/{id}",
       fixed("/api/v1/registrations/" + id(sang_registration_)),
       none,
       {401, 409, 409, 403, 409, 409, 403}},
      {"POST",
       "/api/v1/campaigns/{id}/units/{unit_id}/consolidate",
       fixed("/api/v1/campaigns/" + id(campaign_) + "/units/" + id(campaign_unit_) + "/consolidate"),
       none,
       {401, 409, 409, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/campaigns/{id}/consolidate",
       fixed("/api/v1/campaigns/999999/consolidate"),
       none,
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/campaigns/{id}/reopen",
       fixed("/api/v1/campaigns/" + id(campaign_) + "/reopen"),
       fixed(R"({"until":"2026-12-31"})"),
       {401, 400, 400, 403, 403, 403, 403}},  // after the end of the 2023 movement
      {"GET", "/api/v1/campaigns/{id}/roster", fixed("/api/v1/campaigns/" + id(campaign_) + "/roster"), none, read_all},
      {"GET", "/api/v1/campaigns/{id}/reminders", fixed("/api/v1/campaigns/" + id(campaign_) + "/reminders"), none,
       read_all},
      {"GET", "/api/v1/campaigns/{id}/form", fixed("/api/v1/campaigns/" + id(campaign_) + "/form"), none, read_all},
      {"GET", "/api/v1/campaigns/{id}/export", fixed("/api/v1/campaigns/" + id(campaign_) + "/export"), none, read_all},
      {"POST",
       "/api/v1/campaigns/{id}/import",
       fixed("/api/v1/campaigns/" + id(campaign_) + "/import?dry_run=true"),
       fixed(registration_form_),
       {401, 409, 409, 403, 409, 409, 403}},
      // Decisions and proposals (kManageReviews); achievement reports (kNominate, scoped).
      {"GET", "/api/v1/decisions", fixed("/api/v1/decisions"), none, {401, 200, 200, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/decisions",
       fixed("/api/v1/decisions"),
       fixed(R"({"review_id":999999})"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/v1/decisions/{id}", fixed("/api/v1/decisions/999999"), none, {401, 404, 404, 403, 403, 403, 403}},
      {"PUT",
       "/api/v1/decisions/{id}",
       fixed("/api/v1/decisions/999999"),
       fixed(R"({"entries":[]})"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/decisions/{id}/issue",
       fixed("/api/v1/decisions/999999/issue"),
       fixed("{}"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/v1/proposals", fixed("/api/v1/proposals"), none, {401, 200, 200, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/proposals",
       fixed("/api/v1/proposals"),
       fixed(R"({"review_id":999999,"authority_level":"province"})"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/v1/proposals/{id}", fixed("/api/v1/proposals/999999"), none, {401, 404, 404, 403, 403, 403, 403}},
      {"GET",
       "/api/v1/proposals/{id}/dossier",
       fixed("/api/v1/proposals/999999/dossier"),
       none,
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/proposals/{id}/higher-decision",
       fixed("/api/v1/proposals/999999/higher-decision"),
       fixed(R"({"number":"1/QĐ-UBND","issued_on":"2026-11-22","issuer":"UBND tỉnh","granted_nomination_ids":[]})"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"GET",
       "/api/v1/nominations/{id}/achievement-report",
       fixed("/api/v1/nominations/999999/achievement-report"),
       none,
       {401, 404, 404, 403, 404, 403, 403}},
      {"PUT",
       "/api/v1/nominations/{id}/achievement-report",
       fixed("/api/v1/nominations/999999/achievement-report"),
       fixed(R"({"name":"Nguyễn Văn A"})"),
       {401, 404, 404, 403, 404, 403, 403}},
      {"POST",
       "/api/v1/nominations/{id}/achievement-report/confirm",
       fixed("/api/v1/nominations/999999/achievement-report/confirm"),
       fixed("{}"),
       {401, 404, 404, 403, 404, 403, 403}},
      // Nominations (kNominate: the unit head within scope) and reviews (kManageReviews to write).
      {"GET", "/api/v1/nominations", fixed("/api/v1/nominations?year=2026"), none, {401, 200, 200, 403, 200, 403, 403}},
      {"POST",
       "/api/v1/nominations",
       fixed("/api/v1/nominations"),
       fixed(R"({"subject_kind":"person","subject_id":999999,"honour":"LDTT","year":2026})"),
       {401, 404, 404, 403, 404, 403, 403}},
      {"GET",
       "/api/v1/nominations/candidates",
       fixed("/api/v1/nominations/candidates?year=2026"),
       none,
       {401, 200, 200, 403, 200, 403, 403}},
      {"GET",
       "/api/v1/nominations/{id}",
       fixed("/api/v1/nominations/999999"),
       none,
       {401, 404, 404, 403, 404, 403, 403}},
      {"POST",
       "/api/v1/nominations/{id}/withdraw",
       fixed("/api/v1/nominations/999999/withdraw"),
       fixed("{}"),
       {401, 404, 404, 403, 404, 403, 403}},
      {"GET", "/api/v1/reviews", fixed("/api/v1/reviews"), none, {401, 200, 200, 403, 200, 403, 403}},
      {"POST",
       "/api/v1/reviews",
       fixed("/api/v1/reviews"),
       fixed(R"({"year":2026,"unit_id":999999,"name":"Xét 2026","decision_date":"2026-11-22"})"),
       {401, 400, 400, 403, 403, 403, 403}},
      {"GET", "/api/v1/reviews/{id}", fixed("/api/v1/reviews/999999"), none, {401, 404, 404, 403, 404, 403, 403}},
      {"POST",
       "/api/v1/reviews/{id}/nominations",
       fixed("/api/v1/reviews/999999/nominations"),
       fixed(R"({"nomination_ids":[1]})"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"DELETE",
       "/api/v1/reviews/{id}/nominations/{nomination_id}",
       fixed("/api/v1/reviews/999999/nominations/1"),
       none,
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/reviews/{id}/recheck",
       fixed("/api/v1/reviews/999999/recheck"),
       fixed("{}"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/reviews/{id}/close",
       fixed("/api/v1/reviews/999999/close"),
       fixed("{}"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"GET",
       "/api/v1/reviews/{id}/export",
       fixed("/api/v1/reviews/999999/export"),
       none,
       {401, 404, 404, 403, 404, 403, 403}},
      // The council and its sessions: read by every signed-in role; written with manage_reviews;
      // a ballot recorded for another member needs manage_reviews too (a member votes only for
      // themselves, with vote).
      {"GET", "/api/v1/councils", fixed("/api/v1/councils"), none, read_all},
      {"POST",
       "/api/v1/councils",
       fixed("/api/v1/councils"),
       fixed(R"({"unit_id":999999,"name":"Hội đồng","term_from":"2026-01-01","term_to":"2030-12-31"})"),
       {401, 400, 400, 403, 403, 403, 403}},
      {"GET", "/api/v1/councils/{id}", fixed("/api/v1/councils/999999"), none, {401, 404, 404, 404, 404, 404, 404}},
      {"PUT",
       "/api/v1/councils/{id}",
       fixed("/api/v1/councils/999999"),
       fixed(R"({"unit_id":1,"name":"Hội đồng","term_from":"2026-01-01","term_to":"2030-12-31"})"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/v1/sessions", fixed("/api/v1/sessions"), none, read_all},
      {"POST",
       "/api/v1/sessions",
       fixed("/api/v1/sessions"),
       fixed(R"({"council_id":999999,"review_id":999999,"held_on":"2026-11-22","place":"Phòng họp"})"),
       {401, 400, 400, 403, 403, 403, 403}},
      {"GET", "/api/v1/sessions/{id}", fixed("/api/v1/sessions/999999"), none, {401, 404, 404, 404, 404, 404, 404}},
      {"PUT",
       "/api/v1/sessions/{id}/paper-ballot",
       fixed("/api/v1/sessions/999999/paper-ballot"),
       fixed(R"({"paper_ballot":true})"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"PUT",
       "/api/v1/sessions/{id}/attendance",
       fixed("/api/v1/sessions/999999/attendance"),
       fixed(R"({"attendance":[]})"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/sessions/{id}/open",
       fixed("/api/v1/sessions/999999/open"),
       fixed("{}"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/sessions/{id}/ballots",
       fixed("/api/v1/sessions/999999/ballots"),
       fixed(R"({"nomination_id":1,"choice":"approve","person_id":)" + id(khang_) + "}"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/sessions/{id}/close",
       fixed("/api/v1/sessions/999999/close"),
       fixed("{}"),
       {401, 404, 404, 403, 403, 403, 403}},
      // The review report (issue 7): manage_reviews (admin, officer). The PDF is asked for a period
      // that ends before it starts, so that the matrix needs no LibreOffice: refused after the role.
      {"GET",
       "/api/v1/reports/review",
       fixed("/api/v1/reports/review?from=2023-01-01&to=2023-06-30"),
       none,
       {401, 200, 200, 403, 403, 403, 403}},
      {"GET",
       "/api/v1/reports/review/docx",
       fixed("/api/v1/reports/review/docx?from=2023-01-01&to=2023-06-30"),
       none,
       {401, 200, 200, 403, 403, 403, 403}},
      {"GET",
       "/api/v1/reports/review/pdf",
       fixed("/api/v1/reports/review/pdf?from=2023-06-30&to=2023-01-01"),
       none,
       {401, 400, 400, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/reports/review/issue",
       fixed("/api/v1/reports/review/issue"),
       fixed(R"({"from":"2023-06-30","to":"2023-01-01","issued_on":"2023-07-10"})"),
       {401, 400, 400, 403, 403, 403, 403}},
      // Statistics and the Home Affairs forms (issue 7): read by every signed-in role.
      {"GET", "/api/v1/statistics", fixed("/api/v1/statistics?from_year=2022&to_year=2023"), none, read_all},
      {"GET", "/api/v1/statistics/xlsx", fixed("/api/v1/statistics/xlsx?year=2023"), none, read_all},
      {"GET", "/api/v1/statistics/forms", fixed("/api/v1/statistics/forms"), none, read_all},
      {"GET", "/api/v1/statistics/form", fixed("/api/v1/statistics/form?code=0603.N%2FBNV-T%C4%90KT&year=2023"), none,
       read_all},
      {"GET", "/api/v1/statistics/form/xlsx",
       fixed("/api/v1/statistics/form/xlsx?code=0602.N%2FBNV-T%C4%90KT&year=2023"), none, read_all},
      // The award history: read by every signed-in role (person grants within the people scope).
      {"GET", "/api/v1/grants", fixed("/api/v1/grants?year=2023"), none, read_all},
      {"GET", "/api/v1/grants/summary", fixed("/api/v1/grants/summary?from=2022&to=2025"), none, read_all},
      {"GET", "/api/v1/grants/export", fixed("/api/v1/grants/export?year=2023"), none, read_all},
      // Complaints: managed with manage_complaints; their counts by period are read by every role.
      {"GET", "/api/v1/complaints", fixed("/api/v1/complaints"), none, {401, 200, 200, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/complaints",
       fixed("/api/v1/complaints"),
       fixed(
           R"({"kind":"complaint","received_on":"2026-11-02","from_name":"Nguyễn Văn Bình","about":"Kết quả bình xét năm 2025"})"),
       {401, 0, 0, 403, 403, 403, 403}},
      {"GET", "/api/v1/complaints/counts", fixed("/api/v1/complaints/counts?from=2026-01-01&to=2026-12-31"), none,
       read_all},
      {"GET",
       "/api/v1/complaints/export",
       fixed("/api/v1/complaints/export"),
       none,
       {401, 200, 200, 403, 403, 403, 403}},
      {"GET", "/api/v1/complaints/{id}", fixed("/api/v1/complaints/999999"), none, {401, 404, 404, 403, 403, 403, 403}},
      {"PUT",
       "/api/v1/complaints/{id}",
       fixed("/api/v1/complaints/999999"),
       fixed(
           R"({"kind":"complaint","received_on":"2026-11-02","from_name":"Nguyễn Văn Bình","about":"Kết quả bình xét"})"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/complaints/{id}/assign",
       fixed("/api/v1/complaints/999999/assign"),
       fixed(R"({"person_id":)" + id(khang_) + "}"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/complaints/{id}/answer",
       fixed("/api/v1/complaints/999999/answer"),
       fixed(R"({"answer":"Đã trả lời."})"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/complaints/{id}/close",
       fixed("/api/v1/complaints/999999/close"),
       fixed("{}"),
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/v1/complaints/{id}/withdraw",
       fixed("/api/v1/complaints/999999/withdraw"),
       fixed("{}"),
       {401, 404, 404, 403, 403, 403, 403}},
      // Last: the sign-in calls, and the sign-out that ends the role's session.
      // A wrong current password: every signed-in role reaches the check.
      {"POST",
       "/api/v1/account/password",
       fixed("/api/v1/account/password"),
       fixed(R"({"current_password":"sai","new_password":"mat-khau-moi-9"})"),
       {401, 400, 400, 400, 400, 400, 400}},
      {"POST",
       "/api/v1/login",
       fixed("/api/v1/login"),
       [](const std::string& role) { return R"({"username":"khong.co.)" + role + R"(","password":"x"})"; },
       {401, 401, 401, 401, 401, 401, 401}},
      {"POST", "/api/v1/logout", fixed("/api/v1/logout"), none, {401, 204, 204, 204, 204, 204, 204}},
  };

  std::set<std::string> covered;
  for (const auto& call : calls)
    covered.insert(call.method + " " + call.route);
  for (const auto& route : http::all_routes()) {
    EXPECT_TRUE(covered.contains(route.method + " " + route.path))
        << "the permission matrix does not cover " << route.method << " " << route.path;
  }

  for (std::size_t r = 0; r < std::size(kRoles); ++r) {
    const std::string role = kRoles[r];
    if (role == "anonymous") {
      server_->forget_session();
    } else {
      ASSERT_EQ(server_->login(role, "demo1234").status, 200) << role;
    }
    for (const auto& call : calls) {
      if (call.route == "/api/v1/login") server_->forget_session();
      const auto path = call.path(role);
      const auto body = call.body(role);
      JsonResponse response;
      if (call.method == "GET") response = server_->get(path);
      if (call.method == "POST" &&
          (call.route == "/api/v1/imports/records" || call.route == "/api/v1/campaigns/{id}/import")) {
        response = server_->post(path, body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      } else if (call.method == "POST") {
        response = server_->post(path, body.empty() ? "{}" : body);
      }
      if (call.method == "PATCH") response = server_->patch(path, body);
      if (call.method == "PUT") response = server_->put(path, body);
      if (call.method == "DELETE") response = server_->del(path);
      int expected = call.expected[r];
      if (expected == 0) expected = call.method == "POST" ? 201 : 200;
      EXPECT_EQ(response.status, expected)
          << role << " " << call.method << " " << path << " -> " << response.body.dump();
      if (response.status == 403) {
        EXPECT_EQ(response.body["error"]["code"], "forbidden") << role << " " << path;
        // Either the role lacks the permission, or the person is outside the account's units.
        EXPECT_NE(response.body["error"]["message"].get<std::string>().find("khoản \""), std::string::npos)
            << response.body.dump();
      }
      if (call.route == "/api/v1/login" && role != "anonymous") {
        ASSERT_EQ(server_->login(role, "demo1234").status, 200);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, PermissionMatrix, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
