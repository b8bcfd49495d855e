// Registration campaigns over a real server on loopback, on both backends: opening a campaign,
// registrations by staff, unit heads and the officer with every refusal (a duplicate, a subject
// outside the campaign, a person aiming for a collective honour, after the deadline, after the
// consolidation), reopening, reminders, the Excel form in and the consolidated list out.
// Today is 22/11/2026 (the test clock).

#include <gtest/gtest.h>

#include "excel/xlsx_reader.hpp"
#include "excel/xlsx_writer.hpp"
#include "support/hostile_files.hpp"
#include "support/parallel.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

using excel::CellValue;
using Json = nlohmann::json;

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const std::vector<std::string> kHeader{"Đối tượng",    "Mã",     "Tên", "Đơn vị", "Danh hiệu đăng ký (mã hoặc tên)",
                                       "Ngày đăng ký", "Ghi chú"};
using Rows = std::vector<std::vector<CellValue>>;

CellValue t(const std::string& text) {
  return CellValue::text(text);
}
CellValue n(std::int64_t value) {
  return CellValue::integer(value);
}
CellValue e() {
  return CellValue::empty();
}

// A filled registration form: the sheet "Đăng ký thi đua" with a title, the header and `rows`.
std::string form(const Rows& rows, const std::vector<std::string>& header = kHeader,
                 const char* sheet_name = "Đăng ký thi đua") {
  excel::XlsxWriter writer;
  auto& sheet = writer.add_sheet(sheet_name);
  sheet.write_title("ĐĂNG KÝ THI ĐUA NĂM 2026", 1);
  sheet.write_header(header);
  for (const auto& row : rows)
    sheet.write_row(row);
  auto bytes = writer.finish();
  EXPECT_TRUE(bytes) << bytes.error().message;
  return bytes ? *bytes : std::string();
}

class Campaigns : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto& context = db_->context();
    const auto system = app::Actor::system();
    auto unit = [&](const char* name, std::optional<UnitId> parent) {
      domain::UnitDraft draft{name,   "",         parent ? domain::UnitKind::kDepartment : domain::UnitKind::kAgency,
                              parent, "Đồng Nai", {date("2020-01-01"), std::nullopt}};
      return context.organisation().create_unit(system, draft)->id;
    };
    agency_ = unit("Sở Dân tộc và Tôn giáo", std::nullopt);
    office_ = unit("Văn phòng", agency_);
    policy_ = unit("Phòng Chính sách", agency_);
    other_ = unit("Sở Tư pháp", std::nullopt);
    auto person = [&](const char* family, const char* given, UnitId unit_id) {
      domain::PersonDraft draft;
      draft.family_name = family;
      draft.given_name = given;
      const auto id = context.people().create(system, draft)->id;
      domain::Membership membership{MembershipId{}, id, unit_id, "Chuyên viên", {date("2021-01-01"), std::nullopt}};
      EXPECT_TRUE(context.people().add_membership(system, membership));
      return id;
    };
    director_ = person("Nguyễn Văn", "Khang", agency_);
    head_ = person("Lê Thị Thu", "Hà", office_);
    staff_ = person("Lý Thị", "Sáng", office_);
    colleague_ = person("Hoàng Văn", "Páo", office_);
    policy_person_ = person("Đỗ Quang", "Vinh", policy_);
    outsider_ = person("Trần", "Ngoài", other_);
    db_->add_account("canbo", domain::Role::kOfficer, agency_);
    db_->add_account("truongphong", domain::Role::kUnitHead, office_, head_);
    db_->add_account("nhanvien", domain::Role::kStaff, office_, staff_);
    db_->add_account("xem", domain::Role::kViewer);
    db_->execute(
        "INSERT INTO movement (name, theme, authority, level, kind, starts_on, ends_on, search_text) VALUES "
        "('Thi đua thực hiện thắng lợi nhiệm vụ năm 2026', '', 'Sở Dân tộc và Tôn giáo', 'agency', 'regular', "
        "'2026-01-01', '2026-12-31', ' thi dua 2026')");
    movement_ = db_->count("movement");
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("canbo").status, 200);
  }
  void TearDown() override {
    server_.reset();
    db_.reset();
  }

  // Opens a campaign for the agency and its two departments as the officer; returns its id.
  std::int64_t open_campaign(const char* deadline = "2026-12-31") {
    auto created = server_->post("/api/v1/campaigns", campaign_body(deadline).dump());
    EXPECT_EQ(created.status, 201) << created.body.dump();
    return created.body.value("id", std::int64_t{0});
  }
  Json campaign_body(const char* deadline) const {
    return {{"movement_id", movement_},
            {"year", 2026},
            {"deadline", deadline},
            {"honours", {"LDTT", "CSTDCS", "TTLDTT", "GK"}},
            {"unit_ids", {agency_.value, office_.value, policy_.value}}};
  }
  std::string path(std::int64_t campaign, const std::string& rest = "") const {
    return "/api/v1/campaigns/" + std::to_string(campaign) + rest;
  }
  JsonResponse register_person(std::int64_t campaign, PersonId person, const char* honour) {
    return server_->post(path(campaign, "/registrations"),
                         Json{{"subject_kind", "person"}, {"subject_id", person.value}, {"honour", honour}}.dump());
  }
  JsonResponse register_unit(std::int64_t campaign, UnitId unit, const char* honour) {
    return server_->post(path(campaign, "/registrations"),
                         Json{{"subject_kind", "unit"}, {"subject_id", unit.value}, {"honour", honour}}.dump());
  }
  JsonResponse upload(std::int64_t campaign, const std::string& bytes, bool dry_run,
                      const std::string& type = kXlsxType) {
    return server_->post(path(campaign, std::string("/import?dry_run=") + (dry_run ? "true" : "false")), bytes, type);
  }
  // An import refused with `status` and `code` that changed nothing.
  JsonResponse expect_refused(std::int64_t campaign, const std::string& bytes, int status, const std::string& code,
                              const std::string& type = kXlsxType) {
    const auto before = db_->fingerprint();
    auto response = upload(campaign, bytes, false, type);
    EXPECT_EQ(response.status, status) << response.body.dump();
    EXPECT_EQ(response.body["error"]["code"], code) << response.body.dump();
    EXPECT_EQ(db_->fingerprint(), before) << "a refused import changed the database";
    return response;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
  std::int64_t movement_ = 0;
  UnitId agency_, office_, policy_, other_;
  PersonId director_, head_, staff_, colleague_, policy_person_, outsider_;
};

TEST_P(Campaigns, TheOfficerOpensACampaignEveryoneSeesIt) {
  const auto id = open_campaign();
  auto shown = server_->get(path(id));
  ASSERT_EQ(shown.status, 200) << shown.body.dump();
  EXPECT_EQ(shown.body["year"], 2026);
  EXPECT_EQ(shown.body["deadline"], "2026-12-31");
  EXPECT_EQ(shown.body["status"], "open");
  EXPECT_EQ(shown.body["open"], true);
  EXPECT_EQ(shown.body["movement_name"], "Thi đua thực hiện thắng lợi nhiệm vụ năm 2026");
  ASSERT_EQ(shown.body["units"].size(), 3U);
  EXPECT_EQ(shown.body["units"][1]["name"], "Văn phòng");
  ASSERT_EQ(shown.body["honours"].size(), 4U);
  EXPECT_EQ(shown.body["honours"][0]["code"], "LDTT");
  EXPECT_EQ(shown.body["honours"][0]["for_persons"], true);
  EXPECT_EQ(shown.body["honours"][2]["for_units"], true);
  EXPECT_EQ(db_->context().audit().history(app::Actor::system(), "campaign", id)->size(), 1U);

  // One campaign per movement and year; the honours must be known; the movement must cover the year.
  auto again = server_->post("/api/v1/campaigns", campaign_body("2026-12-31").dump());
  EXPECT_EQ(again.status, 409) << again.body.dump();
  auto body = campaign_body("2026-12-31");
  body["year"] = 2025;
  auto wrong_year = server_->post("/api/v1/campaigns", body.dump());
  EXPECT_EQ(wrong_year.status, 400);
  EXPECT_EQ(wrong_year.body["error"]["field"], "year");
  body = campaign_body("2026-12-31");
  body["honours"] = {"LDTT", "KHONG_CO"};
  auto unknown = server_->post("/api/v1/campaigns", body.dump());
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.body["error"]["field"], "honours[1]");

  ASSERT_EQ(server_->login("xem").status, 200);
  auto list = server_->get("/api/v1/campaigns");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["items"].size(), 1U);
  EXPECT_FALSE(list.body["honours"].empty());
  EXPECT_EQ(server_->post("/api/v1/campaigns", campaign_body("2026-12-30").dump()).status, 403);
  ASSERT_EQ(server_->login("truongphong").status, 200);
  EXPECT_EQ(server_->post("/api/v1/campaigns", campaign_body("2026-12-30").dump()).status, 403);
}

TEST_P(Campaigns, StaffRegisterThemselvesHeadsTheirUnitTheOfficerAnyone) {
  const auto id = open_campaign();
  ASSERT_EQ(server_->login("nhanvien").status, 200);
  auto own = register_person(id, staff_, "LDTT");
  ASSERT_EQ(own.status, 201) << own.body.dump();
  EXPECT_EQ(own.body["subject_name"], "Lý Thị Sáng");
  EXPECT_EQ(own.body["unit_name"], "Văn phòng");
  EXPECT_EQ(own.body["registered_on"], "2026-11-22");
  EXPECT_EQ(own.body["source"], "entered");
  EXPECT_EQ(own.body["honour_name"], "Lao động tiên tiến");
  auto twice = register_person(id, staff_, "LDTT");
  EXPECT_EQ(twice.status, 409) << twice.body.dump();
  EXPECT_NE(twice.body["error"]["message"].get<std::string>().find("đã đăng ký"), std::string::npos);
  auto for_colleague = register_person(id, colleague_, "LDTT");
  EXPECT_EQ(for_colleague.status, 403);
  EXPECT_NE(for_colleague.body["error"]["message"].get<std::string>().find("chỉ đăng ký cho chính mình"),
            std::string::npos);
  EXPECT_EQ(register_unit(id, office_, "TTLDTT").status, 403);
  auto collective = register_person(id, staff_, "TTLDTT");
  EXPECT_EQ(collective.status, 400) << collective.body.dump();
  EXPECT_EQ(collective.body["error"]["field"], "honour");

  ASSERT_EQ(server_->login("truongphong").status, 200);
  EXPECT_EQ(register_person(id, colleague_, "CSTDCS").status, 201);
  EXPECT_EQ(register_unit(id, office_, "TTLDTT").status, 201);
  auto unit_for_person_honour = register_unit(id, office_, "LDTT");
  EXPECT_EQ(unit_for_person_honour.status, 400);
  EXPECT_EQ(register_person(id, policy_person_, "LDTT").status, 403) << "another department";
  EXPECT_EQ(register_unit(id, policy_, "TTLDTT").status, 403);

  ASSERT_EQ(server_->login("canbo").status, 200);
  EXPECT_EQ(register_person(id, policy_person_, "LDTT").status, 201);
  auto not_offered = register_person(id, director_, "BK_TINH");
  EXPECT_EQ(not_offered.status, 400);
  auto outsider = register_person(id, outsider_, "LDTT");
  EXPECT_EQ(outsider.status, 400) << outsider.body.dump();
  EXPECT_NE(outsider.body["error"]["message"].get<std::string>().find("không công tác tại đơn vị nào"),
            std::string::npos);
  EXPECT_EQ(register_unit(id, other_, "TTLDTT").status, 400);

  auto list = server_->get(path(id, "/registrations"));
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["items"].size(), 4U);
  // The director works at the agency itself: counted under the agency.
  auto director = register_person(id, director_, "CSTDCS");
  ASSERT_EQ(director.status, 201);
  EXPECT_EQ(director.body["unit_id"], agency_.value);

  // Withdrawing: the staff member only her own, and it is audited.
  const auto own_id = own.body["id"].get<std::int64_t>();
  ASSERT_EQ(server_->login("nhanvien").status, 200);
  const auto colleague_registration = list.body["items"][1]["id"].get<std::int64_t>();
  EXPECT_EQ(server_->del("/api/v1/registrations/" + std::to_string(colleague_registration)).status, 403);
  EXPECT_EQ(server_->del("/api/v1/registrations/" + std::to_string(own_id)).status, 204);
  EXPECT_EQ(server_->del("/api/v1/registrations/" + std::to_string(own_id)).status, 404);
  const auto history = db_->context().audit().history(app::Actor::system(), "registration", own_id);
  ASSERT_EQ(history->size(), 2U);
  EXPECT_EQ(history->back().entry.action, "delete");
}

TEST_P(Campaigns, ALateRegistrationIsRefusedWithTheReasonUntilTheOfficerReopens) {
  const auto id = open_campaign("2026-11-01");
  EXPECT_EQ(server_->get(path(id)).body["status"], "closed");
  ASSERT_EQ(server_->login("nhanvien").status, 200);
  const auto before = db_->fingerprint();
  auto late = register_person(id, staff_, "LDTT");
  ASSERT_EQ(late.status, 409) << late.body.dump();
  EXPECT_EQ(late.body["error"]["code"], "conflict");
  EXPECT_EQ(late.body["error"]["field"], "deadline");
  EXPECT_EQ(late.body["error"]["message"],
            "Hạn đăng ký là 01/11/2026; đợt đăng ký đã đóng từ ngày 02/11/2026. Cán bộ thi đua - khen thưởng có thể "
            "mở lại đăng ký đến một ngày mới.");
  EXPECT_EQ(db_->fingerprint(), before);
  EXPECT_EQ(server_->post(path(id, "/reopen"), R"({"until":"2026-11-30"})").status, 403);

  ASSERT_EQ(server_->login("canbo").status, 200);
  auto past = server_->post(path(id, "/reopen"), R"({"until":"2026-11-21"})");
  EXPECT_EQ(past.status, 400);
  EXPECT_EQ(past.body["error"]["field"], "until");
  auto reopened = server_->post(path(id, "/reopen"), R"({"until":"2026-11-30"})");
  ASSERT_EQ(reopened.status, 200) << reopened.body.dump();
  EXPECT_EQ(reopened.body["status"], "reopened");
  EXPECT_EQ(reopened.body["reopened_until"], "2026-11-30");
  EXPECT_EQ(db_->context().audit().history(app::Actor::system(), "campaign", id)->back().entry.action, "reopen");

  ASSERT_EQ(server_->login("nhanvien").status, 200);
  EXPECT_EQ(register_person(id, staff_, "LDTT").status, 201);
}

TEST_P(Campaigns, ConsolidationFreezesTheUnitThenTheCampaign) {
  const auto id = open_campaign();
  ASSERT_EQ(server_->login("nhanvien").status, 200);
  const auto own = register_person(id, staff_, "LDTT");
  ASSERT_EQ(own.status, 201);
  const auto unit_path = [&](UnitId unit) { return path(id, "/units/" + std::to_string(unit.value) + "/consolidate"); };
  EXPECT_EQ(server_->post(unit_path(office_), "{}").status, 403) << "staff do not consolidate";

  ASSERT_EQ(server_->login("truongphong").status, 200);
  EXPECT_EQ(server_->post(unit_path(policy_), "{}").status, 403) << "not the head of that unit";
  auto confirmed = server_->post(unit_path(office_), "{}");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body.dump();
  EXPECT_EQ(confirmed.body["units"][1]["consolidated_on"], "2026-11-22");
  EXPECT_EQ(confirmed.body["units"][1]["consolidated_by"], "truongphong");
  EXPECT_EQ(server_->post(unit_path(office_), "{}").status, 409);
  auto frozen = register_person(id, colleague_, "LDTT");
  EXPECT_EQ(frozen.status, 409);
  EXPECT_NE(frozen.body["error"]["message"].get<std::string>().find("đã được xác nhận tổng hợp"), std::string::npos);
  EXPECT_EQ(server_->del("/api/v1/registrations/" + std::to_string(own.body["id"].get<std::int64_t>())).status, 409);

  ASSERT_EQ(server_->login("canbo").status, 200);
  EXPECT_EQ(register_person(id, policy_person_, "LDTT").status, 201) << "another unit is still open";
  ASSERT_EQ(server_->login("truongphong").status, 200);
  EXPECT_EQ(server_->post(path(id, "/consolidate"), "{}").status, 403);
  ASSERT_EQ(server_->login("canbo").status, 200);
  auto whole = server_->post(path(id, "/consolidate"), "{}");
  ASSERT_EQ(whole.status, 200) << whole.body.dump();
  EXPECT_EQ(whole.body["status"], "consolidated");
  EXPECT_EQ(whole.body["consolidated_on"], "2026-11-22");
  auto after = register_person(id, director_, "CSTDCS");
  EXPECT_EQ(after.status, 409);
  EXPECT_NE(after.body["error"]["message"].get<std::string>().find("đã chốt"), std::string::npos);
  EXPECT_EQ(server_->post(path(id, "/reopen"), R"({"until":"2026-12-31"})").status, 409);
  EXPECT_EQ(server_->post(path(id, "/consolidate"), "{}").status, 409);
}

TEST_P(Campaigns, RemindersListWhoHasNotRegistered) {
  const auto id = open_campaign();
  ASSERT_EQ(register_person(id, staff_, "LDTT").status, 201);
  ASSERT_EQ(register_unit(id, office_, "TTLDTT").status, 201);
  auto reminders = server_->get(path(id, "/reminders"));
  ASSERT_EQ(reminders.status, 200) << reminders.body.dump();
  EXPECT_EQ(reminders.body["reference_day"], "2026-11-22");
  // Everyone but Sáng (5 persons: the director, Hà, Páo, Vinh … the outsider is not counted),
  // and the agency and the policy department as collectives.
  EXPECT_EQ(reminders.body["missing_persons"], 4);
  EXPECT_EQ(reminders.body["missing_units"], 2);
  const auto& office = reminders.body["units"][1];
  EXPECT_EQ(office["name"], "Văn phòng");
  EXPECT_EQ(office["persons_expected"], 3);
  EXPECT_EQ(office["persons_registered"], 1);
  EXPECT_EQ(office["unit_registered"], true);
  std::vector<std::string> missing;
  for (const auto& person : office["missing_persons"])
    missing.push_back(person["name"]);
  EXPECT_EQ(missing, (std::vector<std::string>{"Lê Thị Thu Hà", "Hoàng Văn Páo"}));
  EXPECT_EQ(reminders.body["units"][0]["unit_registered"], false);
  EXPECT_EQ(reminders.body["units"][0]["persons_expected"], 1);
}

TEST_P(Campaigns, TheFormOfAUnitListsItsMembersAndIsImportedAllOrNothing) {
  const auto id = open_campaign();
  ASSERT_EQ(register_person(id, staff_, "LDTT").status, 201);
  auto downloaded = server_->get_raw(path(id, "/form?unit_id=" + std::to_string(office_.value)));
  ASSERT_EQ(downloaded.status, 200) << downloaded.body;
  EXPECT_EQ(downloaded.header("Content-Type"), kXlsxType);
  EXPECT_EQ(downloaded.header("Content-Disposition").rfind("attachment;", 0), 0U);
  auto book = excel::read_xlsx(downloaded.body);
  ASSERT_TRUE(book) << book.error().message;
  const auto* sheet = book->sheet("Đăng ký thi đua");
  ASSERT_NE(sheet, nullptr);
  ASSERT_NE(book->sheet("Danh mục"), nullptr);
  // The title, the instruction, the header, then the unit and its three members; Sáng's row
  // carries her registration.
  ASSERT_EQ(sheet->rows.size(), 3U + 4U);
  EXPECT_EQ(sheet->rows[3].text(0), "Tập thể");
  EXPECT_EQ(sheet->rows[3].text(2), "Văn phòng");
  bool sang_seen = false;
  for (std::size_t r = 4; r < sheet->rows.size(); ++r) {
    EXPECT_EQ(sheet->rows[r].text(0), "Cá nhân");
    if (sheet->rows[r].text(2) == "Lý Thị Sáng") {
      sang_seen = true;
      EXPECT_EQ(sheet->rows[r].text(4), "LDTT");
    } else {
      EXPECT_EQ(sheet->rows[r].text(4), "");
    }
  }
  EXPECT_TRUE(sang_seen);

  // Returned as downloaded: Sáng's row is already registered, nothing else has an honour.
  auto untouched = upload(id, downloaded.body, true);
  ASSERT_EQ(untouched.status, 200) << untouched.body.dump();
  EXPECT_EQ(untouched.body["created"], 0);
  EXPECT_EQ(untouched.body["unchanged"], 1);

  const auto filled =
      form({{t("Cá nhân"), n(head_.value), t("Lê Thị Thu Hà"), t("Văn phòng"), t("CSTDCS"), e(),
             t("Đăng ký trên phiếu giấy")},
            {t("Cá nhân"), n(colleague_.value), t("Hoang Van Pao"), e(), t("Lao động tiên tiến"), t("20/11/2026")},
            {t("Tập thể"), n(office_.value), t("Văn phòng"), e(), t("TTLDTT")},
            {t("Cá nhân"), n(staff_.value), t("Lý Thị Sáng"), e(), t("LDTT")}});
  const auto before = db_->fingerprint();
  auto dry = upload(id, filled, true);
  ASSERT_EQ(dry.status, 200) << dry.body.dump();
  EXPECT_EQ(dry.body["applied"], false);
  EXPECT_EQ(dry.body["created"], 3);
  EXPECT_EQ(dry.body["unchanged"], 1);
  EXPECT_EQ(db_->fingerprint(), before) << "a dry run changed the database";
  auto real = upload(id, filled, false);
  ASSERT_EQ(real.status, 200) << real.body.dump();
  EXPECT_EQ(real.body["applied"], true);
  EXPECT_EQ(real.body["created"], 3);
  auto list = server_->get(path(id, "/registrations"));
  ASSERT_EQ(list.body["items"].size(), 4U);
  bool pao_seen = false;
  for (const auto& item : list.body["items"]) {
    if (item["subject_id"] == colleague_.value) {
      pao_seen = true;
      EXPECT_EQ(item["source"], "imported");
      EXPECT_EQ(item["registered_on"], "2026-11-20");
      EXPECT_EQ(item["honour"], "LDTT");
    }
  }
  EXPECT_TRUE(pao_seen);
}

TEST_P(Campaigns, BadFilesAndBadRowsAreRefusedWithRowNumbersAndNothingIsWritten) {
  const auto id = open_campaign();
  // Three rows whose cells cannot be read (rows 4–6; the title and the header are rows 1–2), a
  // good one, and one the reader passes on (an honour of no campaign): the reader reports the three.
  auto bad = expect_refused(id,
                            form({{t("Cá nhân"), n(staff_.value), t("Lý Thị Sáng"), e(), t("LDTT")},
                                  {t("Nhóm"), n(head_.value), e(), e(), t("LDTT")},
                                  {t("Cá nhân"), t("mười hai"), e(), e(), t("LDTT")},
                                  {t("Cá nhân"), n(colleague_.value), e(), e(), t("LDTT"), t("31/02/2026")},
                                  {t("Cá nhân"), n(policy_person_.value), e(), e(), t("Huân chương")}}),
                            400, "invalid_input");
  ASSERT_EQ(bad.body["problems"].size(), 3U) << bad.body.dump();
  EXPECT_EQ(bad.body["problems"][0]["row"], 4);
  EXPECT_EQ(bad.body["problems"][0]["field"], "subject_kind");
  EXPECT_EQ(bad.body["problems"][1]["row"], 5);
  EXPECT_EQ(bad.body["problems"][1]["field"], "subject_id");
  EXPECT_EQ(bad.body["problems"][2]["row"], 6);
  EXPECT_EQ(bad.body["problems"][2]["field"], "registered_on");
  EXPECT_EQ(bad.body["problems"][2]["sheet"], "Đăng ký thi đua");
  // An unknown honour is found by the use case, after the cells could be read.
  auto unknown = expect_refused(id, form({{t("Cá nhân"), n(policy_person_.value), e(), e(), t("Huân chương")}}), 400,
                                "invalid_input");
  ASSERT_EQ(unknown.body["problems"].size(), 1U);
  EXPECT_EQ(unknown.body["problems"][0]["row"], 3);
  EXPECT_EQ(unknown.body["problems"][0]["field"], "honour");
  // A name that is not the one stored under the id.
  auto mismatch = expect_refused(id, form({{t("Cá nhân"), n(staff_.value), t("Hoàng Văn Páo"), e(), t("LDTT")}}), 400,
                                 "invalid_input");
  EXPECT_EQ(mismatch.body["problems"][0]["field"], "name");

  // Not the form: no sheet "Đăng ký thi đua"; a required column missing; not a spreadsheet;
  // not sent as one; larger than the server takes.
  auto other_sheet = expect_refused(id, form({}, kHeader, "Hồ sơ năm"), 400, "invalid_input");
  EXPECT_NE(other_sheet.body["error"]["message"].get<std::string>().find("không phải mẫu đăng ký thi đua"),
            std::string::npos);
  auto no_honour = expect_refused(id, form({}, {"Đối tượng", "Mã", "Tên", "Ghi chú"}), 400, "invalid_input");
  EXPECT_NE(no_honour.body["error"]["message"].get<std::string>().find("thiếu cột \"Danh hiệu đăng ký\""),
            std::string::npos)
      << no_honour.body.dump();
  auto not_xlsx = expect_refused(id, "Đây là một tệp văn bản, không phải bảng tính.", 400, "invalid_input");
  EXPECT_EQ(not_xlsx.body["error"]["field"], "file");
  expect_refused(id, form({}), 415, "unsupported_media_type", "text/csv");
  const auto too_large = expect_refused(id, std::string((10U << 20U) + 1U, 'x'), 413, "too_large");
  EXPECT_NE(too_large.body["error"]["message"].get<std::string>().find("10 MiB"), std::string::npos);

  // A viewer may not import at all.
  ASSERT_EQ(server_->login("xem").status, 200);
  expect_refused(id, form({{t("Cá nhân"), n(staff_.value), e(), e(), t("LDTT")}}), 403, "forbidden");
}

// Issue 15: the attack came from the staff role, through a campaign import.
TEST_P(Campaigns, HostileWorkbooksFromStaffAreRefusedAndAnImportBeyondTheLimitIsBusy) {
  const auto id = open_campaign();
  ASSERT_EQ(server_->login("nhanvien").status, 200);
  auto empty_cells =
      expect_refused(id, testing::empty_cells_workbook("Đăng ký thi đua", std::uint64_t{52} * 1024), 413, "too_large");
  EXPECT_EQ(empty_cells.body["error"]["field"], "file");
  EXPECT_EQ(empty_cells.body["error"]["message"],
            "Tệp Excel quá lớn: trang tính \"Đăng ký thi đua\" sau khi giải nén vượt quá 20 MB.");
  expect_refused(id, testing::lying_sheet_workbook("Đăng ký thi đua", 1024, std::uint64_t{1} << 30), 413, "too_large");
  auto rows = expect_refused(id, testing::empty_rows_workbook("Đăng ký thi đua", 1000000), 413, "too_large");
  EXPECT_EQ(rows.body["error"]["message"], "Trang tính \"Đăng ký thi đua\" có quá nhiều dòng (tối đa 20.000 dòng).");
  expect_refused(id, testing::shared_strings_workbook("Đăng ký thi đua", 200000), 413, "too_large");
  auto deep = expect_refused(id, testing::deep_sheet_workbook("Đăng ký thi đua", 100000), 400, "invalid_input");
  EXPECT_EQ(deep.body["error"]["field"], "file");

  // A header renamed, or a column of one's own: refused, naming the column.
  auto header = kHeader;
  header[4] = "Danh hiệu";
  auto renamed =
      expect_refused(id, form({{t("Cá nhân"), n(staff_.value), e(), e(), t("LDTT")}}, header), 400, "invalid_input");
  const auto message = renamed.body["error"]["message"].get<std::string>();
  EXPECT_NE(message.find("thiếu cột \"Danh hiệu đăng ký\""), std::string::npos) << message;
  EXPECT_NE(message.find("cột E có tiêu đề \"Danh hiệu\" không có trong mẫu"), std::string::npos) << message;

  // Two imports running: the staff member's is turned away before the file is read.
  auto& gate = db_->context().imports();
  auto first = gate.enter();
  auto second = gate.enter();
  ASSERT_TRUE(first && second);
  const auto good = form({{t("Cá nhân"), n(staff_.value), t("Lý Thị Sáng"), e(), t("LDTT")}});
  auto busy = expect_refused(id, good, 429, "busy");
  EXPECT_NE(busy.body["error"]["message"].get<std::string>().find("Vui lòng thử lại sau ít giây"), std::string::npos);
  { auto done = std::move(*second); }
  auto imported = upload(id, good, false);
  ASSERT_EQ(imported.status, 200) << imported.body.dump();
  EXPECT_EQ(imported.body["created"], 1);
}

TEST_P(Campaigns, TheConsolidatedListIsExportedGroupedByUnitWithTotals) {
  const auto id = open_campaign();
  ASSERT_EQ(register_person(id, staff_, "LDTT").status, 201);
  ASSERT_EQ(register_person(id, colleague_, "LDTT").status, 201);
  ASSERT_EQ(register_unit(id, office_, "TTLDTT").status, 201);
  ASSERT_EQ(register_person(id, director_, "CSTDCS").status, 201);
  ASSERT_EQ(server_->post(path(id, "/units/" + std::to_string(office_.value) + "/consolidate"), "{}").status, 200);

  auto exported = server_->get_raw(path(id, "/export"));
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_EQ(exported.header("Content-Type"), kXlsxType);
  auto book = excel::read_xlsx(exported.body);
  ASSERT_TRUE(book) << book.error().message;
  const auto* sheet = book->sheet("Danh sách đăng ký");
  ASSERT_NE(sheet, nullptr);
  EXPECT_EQ(sheet->rows[0].text(0), "DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2026");
  std::vector<std::string> lines;
  for (std::size_t r = 3; r < sheet->rows.size(); ++r) {
    const auto& row = sheet->rows[r];
    std::string line;
    for (std::size_t c = 0; c < row.cells.size(); ++c)
      line += (c ? "|" : "") + std::string(row.text(c));
    lines.push_back(line);
  }
  const std::vector<std::string> expected{
      "|Sở Dân tộc và Tôn giáo — Chưa xác nhận tổng hợp",
      "1|Sở Dân tộc và Tôn giáo|Cá nhân|" + std::to_string(director_.value) +
          "|Nguyễn Văn Khang|Chiến sĩ thi đua cơ sở|22/11/2026|Nhập trên trang",
      "|Văn phòng — Đã xác nhận tổng hợp ngày 22/11/2026 (canbo)",
      "2|Văn phòng|Cá nhân|" + std::to_string(staff_.value) +
          "|Lý Thị Sáng|Lao động tiên tiến|22/11/2026|Nhập trên trang",
      "3|Văn phòng|Cá nhân|" + std::to_string(colleague_.value) +
          "|Hoàng Văn Páo|Lao động tiên tiến|22/11/2026|Nhập trên trang",
      "4|Văn phòng|Tập thể|" + std::to_string(office_.value) +
          "|Văn phòng|Tập thể lao động tiên tiến|22/11/2026|Nhập trên trang",
      "|Phòng Chính sách — Chưa xác nhận tổng hợp",
      "|(chưa có đăng ký)",
      "|TỔNG HỢP THEO DANH HIỆU",
      "|Tổng số||||Lao động tiên tiến|2",
      "|Tổng số||||Chiến sĩ thi đua cơ sở|1",
      "|Tổng số||||Tập thể lao động tiên tiến|1",
      "|Tổng số||||Giấy khen|0",
      "|Tổng số đăng ký|||||4",
  };
  EXPECT_EQ(lines, expected);
}

// Sixteen identical registrations at once (issue 16): one is stored, the others are told 409
// `conflict`, never 500 (on PostgreSQL two of them could pass the check before either inserted;
// the unique key then refused the second, which was answered 500 before).
TEST_P(Campaigns, OneRegistrationSentSixteenTimesAtOnceIsStoredOnce) {
  const auto id = open_campaign();
  const auto answers = post_in_parallel(*server_, 16, [&](int) {
    return ParallelRequest{path(id, "/registrations"),
                           Json{{"subject_kind", "person"}, {"subject_id", staff_.value}, {"honour", "LDTT"}}.dump()};
  });
  EXPECT_EQ(count_status(answers, 201), 1) << describe(answers);
  EXPECT_EQ(count_status(answers, 409), 15) << describe(answers);
  for (const auto& answer : answers) {
    if (answer.status == 409) {
      EXPECT_EQ(answer.body["error"]["code"], "conflict") << answer.body.dump();
    }
  }
  EXPECT_EQ(db_->count("registration WHERE person_id = " + std::to_string(staff_.value)), 1);
  EXPECT_EQ(db_->count("audit_log WHERE entity = 'registration' AND action = 'create'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, Campaigns, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
