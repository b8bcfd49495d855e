// Complaints and denunciations about emulation work over a real server on loopback, on both
// backends: received with the deadline the rules give (30 days from acceptance, longer for
// complex cases and remote areas), another deadline only with a reason, the lifecycle (assign,
// answer, close; withdraw), the overdue flag against the fixed clock, counts by period, the Excel
// export read back, who may do what, and bad input refused with its field and nothing changed.
// Today is 22/11/2026 (the test clock).

#include <gtest/gtest.h>

#include "excel/xlsx_reader.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

using Json = nlohmann::json;

class Complaints : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto& context = db_->context();
    const auto system = app::Actor::system();
    domain::UnitDraft draft{
        "Sở Dân tộc và Tôn giáo",          "SDTTG", domain::UnitKind::kAgency, std::nullopt, "Đồng Nai",
        {date("2020-01-01"), std::nullopt}};
    agency_ = context.organisation().create_unit(system, draft)->id;
    domain::PersonDraft person;
    person.family_name = "Lê Thị Thu";
    person.given_name = "Hà";
    officer_ = context.people().create(system, person)->id;
    db_->add_account("canbo", domain::Role::kOfficer, agency_, officer_);
    db_->add_account("nhanvien", domain::Role::kStaff, agency_);
    db_->add_account("xem", domain::Role::kViewer);
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("canbo").status, 200);
  }
  void TearDown() override {
    server_.reset();
    db_.reset();
  }

  static Json body(const char* kind, const char* received_on) {
    return {{"kind", kind},
            {"received_on", received_on},
            {"from_name", "Nguyễn Văn Bình"},
            {"from_address", "Ấp 3, xã Lộc Ninh"},
            {"channel", "post"},
            {"about", "Không được đề nghị Chiến sĩ thi đua cơ sở năm 2025"},
            {"content", "Đề nghị xem xét lại kết quả bình xét."}};
  }
  JsonResponse create(const Json& request) { return server_->post("/api/v1/complaints", request.dump()); }
  static std::string path(const JsonResponse& created, const std::string& rest = "") {
    return "/api/v1/complaints/" + std::to_string(created.body["id"].get<std::int64_t>()) + rest;
  }

  template <typename Call>
  void expect_refused(Call&& call, int status, const std::string& code, const std::string& field) {
    const auto before = db_->fingerprint();
    JsonResponse response = call();
    EXPECT_EQ(response.status, status) << response.body.dump();
    EXPECT_EQ(response.body["error"]["code"], code) << response.body.dump();
    EXPECT_EQ(response.body["error"]["field"], field) << response.body.dump();
    EXPECT_FALSE(response.body["error"]["message"].get<std::string>().empty());
    EXPECT_EQ(db_->fingerprint(), before) << "a refused request changed the database";
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
  UnitId agency_;
  PersonId officer_;
};

TEST_P(Complaints, TheDeadlineComesFromTheRules) {
  auto plain = create(body("complaint", "2026-11-02"));
  ASSERT_EQ(plain.status, 201) << plain.body.dump();
  EXPECT_EQ(plain.body["deadline"], "2026-12-02");  // 30 days from receipt while not accepted
  EXPECT_EQ(plain.body["status"], "received");
  EXPECT_NE(plain.body["rule_text"].get<std::string>().find("Luật Khiếu nại 2011"), std::string::npos);
  EXPECT_EQ(plain.body["days_left"], 10);

  auto accepted = body("complaint", "2026-11-02");
  accepted["accepted_on"] = "2026-11-10";
  accepted["complex"] = true;
  auto complex = create(accepted);
  ASSERT_EQ(complex.status, 201) << complex.body.dump();
  EXPECT_EQ(complex.body["deadline"], "2026-12-25");  // 45 days from acceptance

  accepted["remote_area"] = true;
  auto remote = create(accepted);
  EXPECT_EQ(remote.body["deadline"], "2027-01-09");  // 60 days: complex, in a remote area

  auto denunciation = create(body("denunciation", "2026-11-02"));
  ASSERT_EQ(denunciation.status, 201) << denunciation.body.dump();
  EXPECT_NE(denunciation.body["rule_text"].get<std::string>().find("Luật Tố cáo 2018"), std::string::npos);
  EXPECT_EQ(denunciation.body["kind_label"], "Tố cáo");

  // Another deadline needs a reason, which is kept.
  auto extended = body("denunciation", "2026-11-02");
  extended["deadline"] = "2027-01-31";
  expect_refused([&] { return create(extended); }, 400, "invalid_input", "deadline_reason");
  extended["deadline_reason"] = "Vụ việc đặc biệt phức tạp, gia hạn hai lần";
  auto kept = create(extended);
  ASSERT_EQ(kept.status, 201) << kept.body.dump();
  EXPECT_EQ(kept.body["deadline"], "2027-01-31");
  EXPECT_EQ(kept.body["rule_deadline"], "2026-12-02");
  EXPECT_EQ(db_->count("audit_log") > 0, true);
}

TEST_P(Complaints, TheLifecycleFromReceiptToClosing) {
  auto created = create(body("complaint", "2026-11-02"));
  ASSERT_EQ(created.status, 201) << created.body.dump();
  auto assigned = server_->post(path(created, "/assign"),
                                Json{{"person_id", officer_.value}, {"assigned_on", "2026-11-03"}}.dump());
  ASSERT_EQ(assigned.status, 200) << assigned.body.dump();
  EXPECT_EQ(assigned.body["status"], "assigned");
  EXPECT_EQ(assigned.body["assigned_to_name"], "Lê Thị Thu Hà");

  // Closing before an answer is refused.
  expect_refused([&] { return server_->post(path(created, "/close"), "{}"); }, 409, "conflict", "answer");

  auto answered = server_->post(path(created, "/answer"),
                                Json{{"answer", "Giữ nguyên kết quả bình xét."}, {"answered_on", "2026-11-20"}}.dump());
  ASSERT_EQ(answered.status, 200) << answered.body.dump();
  EXPECT_EQ(answered.body["status"], "answered");
  EXPECT_FALSE(answered.body["overdue"].get<bool>());

  auto closed = server_->post(path(created, "/close"), Json{{"closed_on", "2026-11-21"}}.dump());
  ASSERT_EQ(closed.status, 200) << closed.body.dump();
  EXPECT_EQ(closed.body["status"], "closed");
  // Closed: no more changes.
  expect_refused([&] { return server_->put(path(created), body("complaint", "2026-11-02").dump()); }, 409, "conflict",
                 "status");
  auto history = server_->get("/api/v1/audit?entity=complaint&id=" + std::to_string(created.body["id"].get<int>()));
  ASSERT_EQ(history.status, 200) << history.body.dump();
  EXPECT_EQ(history.body["records"].size(), 4U);  // received, assigned, answered, closed

  auto withdrawn_one = create(body("denunciation", "2026-11-05"));
  auto withdrawn = server_->post(path(withdrawn_one, "/withdraw"), Json{{"withdrawn_on", "2026-11-06"}}.dump());
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body.dump();
  EXPECT_EQ(withdrawn.body["status"], "withdrawn");
}

TEST_P(Complaints, OverdueOnesAreFlaggedAgainstToday) {
  auto late = create(body("complaint", "2026-09-01"));  // deadline 01/10/2026, today 22/11/2026
  ASSERT_EQ(late.status, 201) << late.body.dump();
  EXPECT_TRUE(late.body["overdue"].get<bool>());
  EXPECT_EQ(late.body["days_left"], -52);
  auto recent = create(body("complaint", "2026-11-10"));
  EXPECT_FALSE(recent.body["overdue"].get<bool>());
  auto answered_late = create(body("denunciation", "2026-08-01"));
  ASSERT_EQ(
      server_
          ->post(path(answered_late, "/answer"), Json{{"answer", "Đã trả lời."}, {"answered_on", "2026-10-01"}}.dump())
          .status,
      200);

  auto overdue = server_->get("/api/v1/complaints?overdue=true");
  ASSERT_EQ(overdue.status, 200) << overdue.body.dump();
  ASSERT_EQ(overdue.body["items"].size(), 1U);
  EXPECT_EQ(overdue.body["items"][0]["id"], late.body["id"]);
  auto all = server_->get("/api/v1/complaints");
  EXPECT_EQ(all.body["total"], 3);
  EXPECT_EQ(all.body["overdue"], 1);
  auto answered = server_->get("/api/v1/complaints?status=answered");
  EXPECT_EQ(answered.body["total"], 1);
  auto period = server_->get("/api/v1/complaints?from=2026-11-01&to=2026-11-30");
  EXPECT_EQ(period.body["total"], 1);
  auto empty = server_->get("/api/v1/complaints?from=2023-01-01&to=2023-06-30");
  EXPECT_EQ(empty.body["total"], 0);
  EXPECT_TRUE(empty.body["items"].empty());

  // Answering the overdue one clears its flag.
  ASSERT_EQ(server_->post(path(late, "/answer"), Json{{"answer", "Đã trả lời."}}.dump()).status, 200);
  EXPECT_FALSE(server_->get(path(late)).body["overdue"].get<bool>());
}

TEST_P(Complaints, CountsByPeriodFeedTheReports) {
  create(body("complaint", "2026-09-01"));
  auto answered = create(body("denunciation", "2026-08-01"));
  server_->post(path(answered, "/answer"), Json{{"answer", "Đã trả lời."}, {"answered_on", "2026-10-01"}}.dump());
  create(body("complaint", "2026-11-10"));
  auto counts = server_->get("/api/v1/complaints/counts?from=2026-08-01&to=2026-09-30");
  ASSERT_EQ(counts.status, 200) << counts.body.dump();
  EXPECT_EQ(counts.body["received"], 2);
  EXPECT_EQ(counts.body["by_kind"]["complaint"], 1);
  EXPECT_EQ(counts.body["by_kind"]["denunciation"], 1);
  EXPECT_EQ(counts.body["answered"], 0);  // answered in October
  EXPECT_EQ(counts.body["overdue"], 1);
  auto october = server_->get("/api/v1/complaints/counts?from=2026-10-01&to=2026-10-31");
  EXPECT_EQ(october.body["received"], 0);
  EXPECT_EQ(october.body["answered"], 1);
  EXPECT_EQ(october.body["answered_late"], 1);  // deadline 31/08/2026
  auto first_half = server_->get("/api/v1/complaints/counts?from=2023-01-01&to=2023-06-30");
  EXPECT_EQ(first_half.body["received"], 0);
  // A viewer reads the counts, not the letters.
  ASSERT_EQ(server_->login("xem").status, 200);
  EXPECT_EQ(server_->get("/api/v1/complaints/counts?from=2026-01-01&to=2026-12-31").body["received"], 3);
  EXPECT_EQ(server_->get("/api/v1/complaints").status, 403);
}

TEST_P(Complaints, TheExportListsEveryComplaintWithItsFlag) {
  create(body("complaint", "2026-09-01"));
  create(body("denunciation", "2026-11-10"));
  auto file = server_->get_raw("/api/v1/complaints/export");
  ASSERT_EQ(file.status, 200) << file.body;
  auto workbook = excel::read_xlsx(file.body);
  ASSERT_TRUE(workbook) << workbook.error().message;
  ASSERT_EQ(workbook->sheets.size(), 1U);
  int rows = 0;
  int overdue = 0;
  for (const auto& row : workbook->sheets[0].rows) {
    if (row.cells.size() > 3 && row.cells[0].kind == excel::CellKind::kNumber) {
      ++rows;
      EXPECT_EQ(row.text(3), "Nguyễn Văn Bình");
      if (row.text(10) == "Quá hạn") ++overdue;
    }
  }
  EXPECT_EQ(rows, 2);
  EXPECT_EQ(overdue, 1);
  auto empty = server_->get_raw("/api/v1/complaints/export?from=2023-01-01&to=2023-06-30");
  ASSERT_EQ(empty.status, 200);
  auto blank = excel::read_xlsx(empty.body);
  ASSERT_TRUE(blank);
  bool says_none = false;
  for (const auto& row : blank->sheets[0].rows)
    says_none = says_none || row.text(1) == "Không có đơn thư khiếu nại, tố cáo trong kỳ";
  EXPECT_TRUE(says_none);
}

TEST_P(Complaints, BadInputIsRefusedWithTheFieldAndChangesNothing) {
  auto created = create(body("complaint", "2026-11-02"));
  ASSERT_EQ(created.status, 201);
  auto with = [](Json request, const char* field, Json value) {
    request[field] = std::move(value);
    return request.dump();
  };
  const auto base = body("complaint", "2026-11-02");
  expect_refused([&] { return server_->post("/api/v1/complaints", with(base, "kind", "khieu_nai")); }, 400,
                 "invalid_input", "kind");
  expect_refused([&] { return server_->post("/api/v1/complaints", with(base, "received_on", "2026-12-01")); }, 400,
                 "invalid_input", "received_on");
  expect_refused([&] { return server_->post("/api/v1/complaints", with(base, "received_on", "2026-02-30")); }, 400,
                 "invalid_input", "received_on");
  expect_refused([&] { return server_->post("/api/v1/complaints", with(base, "accepted_on", "2026-10-01")); }, 400,
                 "invalid_input", "accepted_on");
  expect_refused([&] { return server_->post("/api/v1/complaints", with(base, "from_name", "  ")); }, 400,
                 "invalid_input", "from_name");
  expect_refused([&] { return server_->post("/api/v1/complaints", with(base, "channel", "fax")); }, 400,
                 "invalid_input", "channel");
  expect_refused([&] { return server_->post("/api/v1/complaints", with(base, "about_document_id", 999)); }, 400,
                 "invalid_input", "about_document_id");
  expect_refused([&] { return server_->post("/api/v1/complaints", with(base, "about_nomination_id", 999)); }, 400,
                 "invalid_input", "about_nomination_id");
  expect_refused([&] { return server_->post("/api/v1/complaints", with(base, "priority", 1)); }, 400, "unknown_field",
                 "priority");
  expect_refused(
      [&] {
        return server_->post(path(created, "/answer"),
                             Json{{"answer", "Trả lời"}, {"answered_on", "2026-11-01"}}.dump());
      },
      400, "invalid_input", "answered_on");  // before the complaint was received
  expect_refused(
      [&] {
        return server_->post(path(created, "/answer"), Json{{"answer", " "}}.dump());
      },
      400, "invalid_input", "answer");
  expect_refused(
      [&] {
        return server_->post(path(created, "/assign"), Json{{"person_id", 99999}}.dump());
      },
      400, "invalid_input", "person_id");
  expect_refused([&] { return server_->get("/api/v1/complaints?status=open"); }, 400, "invalid_input", "status");
  expect_refused([&] { return server_->get("/api/v1/complaints/counts?from=2026-01-01"); }, 400, "invalid_input", "to");
  expect_refused([&] { return server_->get("/api/v1/complaints/counts?from=2026-12-01&to=2026-01-01"); }, 400,
                 "invalid_input", "to");
  EXPECT_EQ(server_->get("/api/v1/complaints/999").status, 404);
  // Staff neither read nor receive complaints.
  ASSERT_EQ(server_->login("nhanvien").status, 200);
  expect_refused([&] { return create(base); }, 403, "forbidden", "");
}

INSTANTIATE_TEST_SUITE_P(Backends, Complaints, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
