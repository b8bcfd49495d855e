// Decisions and proposals over a real server on loopback, on both backends: an own decision
// drafted from a review's approved nominations and issued (numbered from the register, grants
// written, nominations decided); the refusals (an honour above the agency, a second grant of one
// achievement, an unknown subject) leaving everything as it was; two issues at once never sharing
// a number; a proposal for a Bằng khen with its dossier read back from the ZIP; the higher
// decision writing grants only for the granted. Today is 22/11/2026 (the test clock).

#include <gtest/gtest.h>

#include <thread>

#include "documents/package.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

using Json = nlohmann::json;

class Decisions : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto& context = db_->context();
    const auto system = app::Actor::system();
    auto unit = [&](const char* name, const char* short_name, std::optional<UnitId> parent) {
      domain::UnitDraft draft{name,   short_name, parent ? domain::UnitKind::kDepartment : domain::UnitKind::kAgency,
                              parent, "Đồng Nai", {date("2020-01-01"), std::nullopt}};
      return context.organisation().create_unit(system, draft)->id;
    };
    agency_ = unit("Sở Dân tộc và Tôn giáo", "SDTTG", std::nullopt);
    office_ = unit("Văn phòng", "", agency_);
    auto person = [&](const char* family, const char* given, UnitId unit_id, const char* position) {
      domain::PersonDraft draft;
      draft.family_name = family;
      draft.given_name = given;
      const auto id = context.people().create(system, draft)->id;
      domain::Membership membership{MembershipId{}, id, unit_id, position, {date("2021-01-01"), std::nullopt}};
      EXPECT_TRUE(context.people().add_membership(system, membership));
      return id;
    };
    ha_ = person("Lê Thị Thu", "Hà", office_, "Chánh Văn phòng");
    sang_ = person("Lý Thị", "Sáng", office_, "Chuyên viên");
    pao_ = person("Hoàng Văn", "Páo", office_, "Chuyên viên");
    db_->add_account("canbo", domain::Role::kOfficer, agency_);
    db_->add_account("truongphong", domain::Role::kUnitHead, office_, ha_);
    db_->add_account("xem", domain::Role::kViewer);
    db_->execute(
        "INSERT INTO review (year, unit_id, name, decision_date, status, created_at, created_by) VALUES "
        "(2026, " +
        std::to_string(agency_.value) +
        ", 'Xét khen thưởng năm 2026', '2026-11-20', 'open', '2026-11-01T00:00:00Z', 'canbo')");
    review_ = db_->count("review");
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("canbo").status, 200);
  }
  void TearDown() override {
    server_.reset();
    db_.reset();
  }

  // An approved nomination of the review; returns its id.
  std::int64_t nominate(PersonId person, const char* honour, const char* status = "approved") {
    db_->execute(
        "INSERT INTO nomination (year, subject_kind, subject_id, honour, unit_id, review_id, verdict, status, "
        "achievement, created_at, created_by) VALUES (2026, 'person', " +
        std::to_string(person.value) + ", '" + honour + "', " + std::to_string(office_.value) + ", " +
        std::to_string(review_) + ", 'eligible', '" + status +
        "', 'Hoàn thành xuất sắc nhiệm vụ được giao.', '2026-11-02T00:00:00Z', 'canbo')");
    return db_->count("nomination");
  }
  std::string status_of(std::int64_t nomination) {
    auto found = db_->context().database().read();
    auto stored = found->nominations().find(NominationId{nomination});
    return stored ? std::string(domain::to_string(stored->status)) : "";
  }
  JsonResponse draft(const Json& nominations) {
    Json body{{"review_id", review_}};
    if (!nominations.is_null()) body["nomination_ids"] = nominations;
    return server_->post("/api/v1/decisions", body.dump());
  }
  JsonResponse issue(std::int64_t decision) {
    return server_->post(
        "/api/v1/decisions/" + std::to_string(decision) + "/issue",
        Json{{"issued_on", "2026-11-21"}, {"signer_name", "Nguyễn Văn Khang"}, {"signer_authority", "GIÁM ĐỐC"}}
            .dump());
  }
  Json decided_grants(PersonId person) {
    auto records = server_->get("/api/v1/people/" + std::to_string(person.value) + "/records");
    EXPECT_EQ(records.status, 200) << records.body.dump();
    Json out = Json::array();
    for (const auto& grant : records.body.value("grants", Json::array())) {
      if (grant.value("source", "") == "decided") out.push_back(grant);
    }
    return out;
  }
  // Every table the decisions touch, to check a refusal changed nothing.
  std::vector<std::int64_t> counts() {
    return {db_->count("decision"), db_->count("decision_entry"), db_->count("honour_grant"),
            db_->count("document"), db_->count("proposal"),       db_->count("proposal_nomination"),
            db_->count("audit_log")};
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
  UnitId agency_, office_;
  PersonId ha_, sang_, pao_;
  std::int64_t review_ = 0;
};

TEST_P(Decisions, IssuingAnOwnDecisionWritesGrantsAndDecidesTheNominations) {
  const auto ldtt = nominate(sang_, "LDTT");
  const auto cstdcs = nominate(ha_, "CSTDCS");
  nominate(pao_, "BK_TINH");  // above the agency: left out of the draft
  const auto rejected = nominate(pao_, "LDTT", "rejected");

  auto drafted = draft(nullptr);
  ASSERT_EQ(drafted.status, 201) << drafted.body.dump();
  ASSERT_EQ(drafted.body["entries"].size(), 2U) << drafted.body.dump();
  EXPECT_EQ(drafted.body["status"], "draft");
  EXPECT_EQ(drafted.body["entries"][0]["nomination_id"], ldtt);
  EXPECT_EQ(drafted.body["entries"][0]["unit_name"], "Văn phòng");
  EXPECT_TRUE(decided_grants(sang_).empty());

  auto issued = issue(drafted.body["id"].get<std::int64_t>());
  ASSERT_EQ(issued.status, 200) << issued.body.dump();
  EXPECT_EQ(issued.body["status"], "issued");
  EXPECT_EQ(issued.body["document"]["number"], "01/QĐ-SDTTG");
  EXPECT_EQ(issued.body["document"]["issued_on"], "2026-11-21");

  const auto grants = decided_grants(sang_);
  ASSERT_EQ(grants.size(), 1U);
  EXPECT_EQ(grants[0]["honour"], "LDTT");
  EXPECT_EQ(grants[0]["year"], 2026);
  EXPECT_EQ(grants[0]["decision_number"], "01/QĐ-SDTTG");
  ASSERT_EQ(decided_grants(ha_).size(), 1U);
  EXPECT_EQ(decided_grants(ha_)[0]["honour"], "CSTDCS");
  EXPECT_TRUE(decided_grants(pao_).empty());
  EXPECT_EQ(status_of(ldtt), "decided");
  EXPECT_EQ(status_of(cstdcs), "decided");
  EXPECT_EQ(status_of(rejected), "rejected");

  // The decision's document is a register entry whose DOCX carries the annex table.
  const auto document_id = issued.body["document"]["id"].get<std::int64_t>();
  auto docx = server_->get_raw("/api/v1/documents/" + std::to_string(document_id) + "/docx");
  ASSERT_EQ(docx.status, 200);
  auto parts = documents::read_package(docx.body);
  ASSERT_TRUE(parts) << parts.error().message;
  const auto& xml = parts->at("word/document.xml");
  EXPECT_NE(xml.find("<w:tbl>"), std::string::npos);
  EXPECT_NE(xml.find("Lý Thị Sáng"), std::string::npos);
  EXPECT_NE(xml.find("Xét đề nghị của Thường trực Hội đồng Thi đua - Khen thưởng."), std::string::npos);

  // Issued once: a second issue is refused and changes nothing.
  const auto before = counts();
  auto again = issue(drafted.body["id"].get<std::int64_t>());
  EXPECT_EQ(again.status, 409) << again.body.dump();
  EXPECT_EQ(counts(), before);
}

TEST_P(Decisions, RefusesAnHonourAboveTheAgency) {
  const auto bk = nominate(pao_, "BK_TINH");
  const auto before = counts();
  auto refused = draft(Json::array({bk}));
  ASSERT_EQ(refused.status, 400) << refused.body.dump();
  EXPECT_EQ(refused.body["error"]["code"], "invalid_input");
  const auto message = refused.body["error"]["message"].get<std::string>();
  EXPECT_NE(message.find("thuộc thẩm quyền Chủ tịch UBND tỉnh"), std::string::npos) << message;
  EXPECT_NE(message.find("Điều"), std::string::npos) << message;
  EXPECT_EQ(counts(), before);
}

TEST_P(Decisions, RefusesGrantingOneAchievementTwice) {
  const auto ldtt = nominate(sang_, "LDTT");
  db_->execute(
      "INSERT INTO honour_grant (subject_kind, subject_id, honour, year, grant_type, decision_number, source) "
      "VALUES ('person', " +
      std::to_string(sang_.value) + ", 'LDTT', 2026, 'merit', '99/QĐ-SDTTG', 'entered')");
  const auto before = counts();
  auto refused = draft(Json::array({ldtt}));
  ASSERT_EQ(refused.status, 409) << refused.body.dump();
  EXPECT_NE(refused.body["error"]["message"].get<std::string>().find("99/QĐ-SDTTG"), std::string::npos);
  EXPECT_EQ(counts(), before);

  // Twice in one decision, through the edit.
  const auto cstdcs = nominate(ha_, "CSTDCS");
  auto drafted = draft(Json::array({cstdcs}));
  ASSERT_EQ(drafted.status, 201) << drafted.body.dump();
  const auto path = "/api/v1/decisions/" + std::to_string(drafted.body["id"].get<std::int64_t>());
  const auto before_edit = counts();
  auto twice =
      server_->put(path, Json{{"entries",
                               {{{"nomination_id", cstdcs}},
                                {{"subject_kind", "person"}, {"subject_id", ha_.value}, {"honour", "CSTDCS"}}}}}
                             .dump());
  ASSERT_EQ(twice.status, 409) << twice.body.dump();
  EXPECT_EQ(twice.body["error"]["field"], "entries[1]");
  EXPECT_EQ(counts(), before_edit);
  EXPECT_EQ(server_->get(path).body["entries"].size(), 1U);
}

TEST_P(Decisions, RefusesAGrantForASubjectThatDoesNotExist) {
  const auto cstdcs = nominate(ha_, "CSTDCS");
  auto drafted = draft(Json::array({cstdcs}));
  ASSERT_EQ(drafted.status, 201) << drafted.body.dump();
  const auto path = "/api/v1/decisions/" + std::to_string(drafted.body["id"].get<std::int64_t>());
  const auto before = counts();
  auto refused = server_->put(
      path,
      Json{{"entries",
            {{{"nomination_id", cstdcs}}, {{"subject_kind", "person"}, {"subject_id", 9999}, {"honour", "LDTT"}}}}}
          .dump());
  ASSERT_EQ(refused.status, 400) << refused.body.dump();
  EXPECT_EQ(refused.body["error"]["field"], "entries[1].subject_id");
  EXPECT_EQ(counts(), before);
  // A subject that exists goes in.
  auto added = server_->put(path, Json{{"entries",
                                        {{{"nomination_id", cstdcs}},
                                         {{"subject_kind", "person"}, {"subject_id", pao_.value}, {"honour", "LDTT"}}}}}
                                      .dump());
  ASSERT_EQ(added.status, 200) << added.body.dump();
  EXPECT_EQ(added.body["entries"][1]["subject_name"], "Hoàng Văn Páo");
}

TEST_P(Decisions, OnlyOfficersManageDecisions) {
  ASSERT_EQ(server_->login("xem").status, 200);
  EXPECT_EQ(server_->get("/api/v1/decisions").status, 403);
  EXPECT_EQ(draft(nullptr).status, 403);
}

TEST_P(Decisions, ConcurrentIssuesGetDistinctNumbers) {
  std::vector<std::int64_t> ids;
  for (const auto person : {sang_, ha_, pao_}) {
    auto drafted = draft(Json::array({nominate(person, "LDTT")}));
    ASSERT_EQ(drafted.status, 201) << drafted.body.dump();
    ids.push_back(drafted.body["id"].get<std::int64_t>());
  }
  std::vector<int> statuses(ids.size());
  std::vector<std::string> numbers(ids.size());
  std::vector<std::thread> threads;
  const httplib::Headers headers{{"Cookie", "tdkt_session=" + server_->session()}, {"X-CSRF-Token", server_->csrf()}};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    threads.emplace_back([&, i] {
      httplib::Client client("127.0.0.1", server_->port());
      client.set_read_timeout(30);
      auto response = client.Post("/api/v1/decisions/" + std::to_string(ids[i]) + "/issue", headers,
                                  Json{{"issued_on", "2026-11-21"}}.dump(), "application/json");
      if (!response) return;
      statuses[i] = response->status;
      const auto body = Json::parse(response->body, nullptr, false);
      if (body.is_object() && body.contains("document") && body["document"].is_object())
        numbers[i] = body["document"]["number"].get<std::string>();
    });
  }
  for (auto& thread : threads)
    thread.join();
  std::set<std::string> distinct;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(statuses[i], 200) << i;
    distinct.insert(numbers[i]);
  }
  EXPECT_EQ(distinct, (std::set<std::string>{"01/QĐ-SDTTG", "02/QĐ-SDTTG", "03/QĐ-SDTTG"}));
}

TEST_P(Decisions, ProposalDossierAndHigherDecision) {
  const auto bk_pao = nominate(pao_, "BK_TINH");
  const auto bk_ha = nominate(ha_, "BK_TINH");
  nominate(sang_, "LDTT");  // the agency's own: not in the proposal

  // The unit head fills and confirms Páo's report.
  ASSERT_EQ(server_->login("truongphong").status, 200);
  const auto report_path = "/api/v1/nominations/" + std::to_string(bk_pao) + "/achievement-report";
  auto prefilled = server_->get(report_path);
  ASSERT_EQ(prefilled.status, 200) << prefilled.body.dump();
  EXPECT_EQ(prefilled.body["name"], "Hoàng Văn Páo");
  EXPECT_EQ(prefilled.body["stored"], false);
  auto early = server_->post(report_path + "/confirm", "{}");
  EXPECT_EQ(early.status, 409) << early.body.dump();
  auto saved = server_->put(report_path, Json{{"name", "Hoàng Văn Páo"},
                                              {"position", "Chuyên viên"},
                                              {"unit", "Văn phòng"},
                                              {"achievements", "Tham mưu 152 bài viết tuyên truyền."}}
                                             .dump());
  ASSERT_EQ(saved.status, 200) << saved.body.dump();
  auto confirmed = server_->post(report_path + "/confirm", "{}");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body.dump();
  EXPECT_EQ(confirmed.body["status"], "confirmed");

  ASSERT_EQ(server_->login("canbo").status, 200);
  const auto before = counts();
  auto agency_level =
      server_->post("/api/v1/proposals", Json{{"review_id", review_}, {"authority_level", "agency"}}.dump());
  EXPECT_EQ(agency_level.status, 400);
  EXPECT_EQ(counts(), before);
  auto created = server_->post("/api/v1/proposals", Json{{"review_id", review_},
                                                         {"authority_level", "province"},
                                                         {"authority", "Chủ tịch UBND tỉnh Đồng Nai"},
                                                         {"issued_on", "2026-11-21"}}
                                                        .dump());
  ASSERT_EQ(created.status, 201) << created.body.dump();
  EXPECT_EQ(created.body["submission"]["number"], "01/TTr-SDTTG");
  ASSERT_EQ(created.body["items"].size(), 2U);
  EXPECT_EQ(created.body["items"][0]["report_status"], "confirmed");
  EXPECT_TRUE(created.body["items"][1]["report_status"].is_null());
  EXPECT_EQ(status_of(bk_pao), "proposed_up");
  const auto id = created.body["id"].get<std::int64_t>();

  auto zip = server_->get_raw("/api/v1/proposals/" + std::to_string(id) + "/dossier?pdf=0");
  ASSERT_EQ(zip.status, 200);
  auto archive = documents::read_package(zip.body);
  ASSERT_TRUE(archive) << archive.error().message;
  std::vector<std::string> names;
  for (const auto& [name, bytes] : *archive)
    names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"01-to-trinh-01-ttr-sdttg.docx", "02-danh-sach.docx",
                                             "03-bao-cao-thanh-tich-01-hoang-van-pao.docx",
                                             "03-bao-cao-thanh-tich-02-le-thi-thu-ha.docx"}));
  auto report_docx = documents::read_package(archive->at("03-bao-cao-thanh-tich-01-hoang-van-pao.docx"));
  ASSERT_TRUE(report_docx);
  EXPECT_NE(report_docx->at("word/document.xml").find("Tham mưu 152 bài viết tuyên truyền."), std::string::npos);

  // The higher decision grants Páo, not Hà.
  const auto path = "/api/v1/proposals/" + std::to_string(id) + "/higher-decision";
  const auto before_record = counts();
  auto outsider = server_->post(path, Json{{"number", "631/QĐ-UBND"},
                                           {"issued_on", "2026-11-22"},
                                           {"issuer", "UBND tỉnh Đồng Nai"},
                                           {"granted_nomination_ids", {bk_pao, 9999}}}
                                          .dump());
  EXPECT_EQ(outsider.status, 400) << outsider.body.dump();
  EXPECT_EQ(counts(), before_record);
  auto recorded = server_->post(path, Json{{"number", "631/QĐ-UBND"},
                                           {"issued_on", "2026-11-22"},
                                           {"issuer", "UBND tỉnh Đồng Nai"},
                                           {"signer_name", "Võ Tấn Đức"},
                                           {"granted_nomination_ids", {bk_pao}}}
                                          .dump());
  ASSERT_EQ(recorded.status, 200) << recorded.body.dump();
  EXPECT_EQ(recorded.body["status"], "decided");
  EXPECT_EQ(recorded.body["decision_document"]["number"], "631/QĐ-UBND");
  EXPECT_EQ(recorded.body["decision_document"]["own"], false);
  const auto granted = decided_grants(pao_);
  ASSERT_EQ(granted.size(), 1U);
  EXPECT_EQ(granted[0]["honour"], "BK_TINH");
  EXPECT_EQ(granted[0]["decision_number"], "631/QĐ-UBND");
  EXPECT_TRUE(decided_grants(ha_).empty());
  EXPECT_EQ(status_of(bk_pao), "decided");
  EXPECT_EQ(status_of(bk_ha), "not_granted");
  auto twice = server_->post(path, Json{{"number", "632/QĐ-UBND"},
                                        {"issued_on", "2026-11-22"},
                                        {"issuer", "UBND tỉnh Đồng Nai"},
                                        {"granted_nomination_ids", {bk_ha}}}
                                       .dump());
  EXPECT_EQ(twice.status, 409);
}

INSTANTIATE_TEST_SUITE_P(Backends, Decisions, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
