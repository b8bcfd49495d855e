// The council and its sessions over a real server on loopback, on both backends: a council of 9,
// a session of a review with four nominations (LĐTT by majority, open; CSTĐCS 80 % and CSTĐ cấp
// tỉnh 90 %, secret), attendance and the quorum of the rule set in force (Đồng Nai layer: 80 %
// present), every refusal (before opening, without quorum, a second vote, a non-member, a member
// on their own nomination, after closing, a ballot recorded for a member present outside a
// paper-ballot session) with nothing changed, the tally at close with the nominations approved or
// rejected, the minutes registered, and secret ballots sealed until the session closes and stored
// without any link from a member to a choice. Today is 22/11/2026 (the test clock).

#include <gtest/gtest.h>

#include "support/parallel.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

using Json = nlohmann::json;

class Council : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto& context = db_->context();
    const auto system = app::Actor::system();
    domain::UnitDraft draft{"Ban Dân tộc tỉnh", "BDT",      domain::UnitKind::kAgency,
                            std::nullopt,       "Đồng Nai", {date("2020-01-01"), std::nullopt}};
    agency_ = context.organisation().create_unit(system, draft)->id;
    auto person = [&](const std::string& family, const std::string& given) {
      domain::PersonDraft person_draft;
      person_draft.family_name = family;
      person_draft.given_name = given;
      const auto id = context.people().create(system, person_draft)->id;
      domain::Membership membership{MembershipId{}, id, agency_, "Chuyên viên", {date("2021-01-01"), std::nullopt}};
      EXPECT_TRUE(context.people().add_membership(system, membership));
      return id;
    };
    const char* given[] = {"An", "Bình", "Cường", "Dũng", "Em", "Giang", "Hà", "Khánh", "Linh"};
    for (const auto* name : given)
      members_.push_back(person("Nguyễn Văn", name));
    subject_lao_ = person("Trần Thị", "Lao");
    subject_mai_ = person("Phạm Thị", "Mai");
    subject_nam_ = person("Lê Văn", "Nam");
    outsider_ = person("Đỗ Văn", "Ngoài");
    db_->add_account("canbo", domain::Role::kOfficer, agency_);
    db_->add_account("hoidong", domain::Role::kCouncilMember, std::nullopt, members_[1]);
    db_->add_account("thuky", domain::Role::kOfficer, agency_, members_[8]);  // the secretary
    db_->add_account("uyvien", domain::Role::kCouncilMember, std::nullopt, members_[4]);
    db_->add_account("xem", domain::Role::kViewer);
    db_->execute(
        "INSERT INTO review (year, unit_id, name, decision_date, status, created_at, created_by) VALUES (2026, " +
        std::to_string(agency_.value) +
        ", 'Đợt xét khen thưởng năm 2026', '2026-12-15', 'open', '2026-11-20T00:00:00Z', 'canbo')");
    review_ = db_->count("review");
    // LĐTT (majority, open) for Lao and for the member Em; CSTĐCS (80 %, secret) for Mai; CSTĐ
    // cấp tỉnh (90 %, secret) for Nam.
    ldtt_ = nominate(subject_lao_, "LDTT");
    cstdcs_ = nominate(subject_mai_, "CSTDCS");
    cstd_tinh_ = nominate(subject_nam_, "CSTD_TINH");
    own_ = nominate(members_[4], "LDTT");
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("canbo").status, 200);
  }
  void TearDown() override {
    server_.reset();
    db_.reset();
  }

  std::int64_t nominate(PersonId subject, const char* honour) {
    db_->execute(
        "INSERT INTO nomination (year, subject_kind, subject_id, honour, unit_id, review_id, verdict, status, "
        "created_at, created_by) VALUES (2026, 'person', " +
        std::to_string(subject.value) + ", '" + honour + "', " + std::to_string(agency_.value) + ", " +
        std::to_string(review_) + ", 'eligible', 'in_review', '2026-11-20T00:00:00Z', 'canbo')");
    return db_->count("nomination");
  }

  Json council_body() const {
    const char* roles[] = {"chair", "deputy", "deputy", "member", "member", "member", "member", "member", "secretary"};
    Json members = Json::array();
    for (std::size_t i = 0; i < members_.size(); ++i)
      members.push_back({{"person_id", members_[i].value}, {"role", roles[i]}, {"position", "Trưởng phòng"}});
    return {{"unit_id", agency_.value},
            {"name", "Hội đồng Thi đua - Khen thưởng Ban Dân tộc"},
            {"term_from", "2026-01-01"},
            {"term_to", "2030-12-31"},
            {"members", members}};
  }

  std::int64_t create_council() {
    auto created = server_->post("/api/v1/councils", council_body().dump());
    EXPECT_EQ(created.status, 201) << created.body.dump();
    return created.body.value("id", std::int64_t{0});
  }

  // A session of the review; `paper` declares it a paper-ballot session (the officer records the
  // ballots of members present).
  std::int64_t create_session(bool paper = false) {
    const auto council = create_council();
    auto created = server_->post("/api/v1/sessions", Json{{"council_id", council},
                                                          {"review_id", review_},
                                                          {"held_on", "2026-11-22"},
                                                          {"place", "Phòng họp số 1"},
                                                          {"paper_ballot", paper}}
                                                         .dump());
    EXPECT_EQ(created.status, 201) << created.body.dump();
    EXPECT_EQ(created.body["paper_ballot"], paper);
    return created.body.value("id", std::int64_t{0});
  }

  std::string path(std::int64_t session, const std::string& rest = "") const {
    return "/api/v1/sessions/" + std::to_string(session) + rest;
  }

  JsonResponse attendance(std::int64_t session, const std::vector<std::pair<std::size_t, const char*>>& marks) {
    Json rows = Json::array();
    for (const auto& [index, mark] : marks)
      rows.push_back({{"person_id", members_[index].value}, {"attendance", mark}});
    return server_->put(path(session, "/attendance"), Json{{"attendance", rows}}.dump());
  }

  // The officer records the ballot of member `index` (a paper ballot, or the written vote of an
  // absent member).
  JsonResponse record(std::int64_t session, std::int64_t nomination, std::size_t index, const char* choice) {
    return server_->post(
        path(session, "/ballots"),
        Json{{"nomination_id", nomination}, {"choice", choice}, {"person_id", members_[index].value}}.dump());
  }

  // A refused request: status, code, nothing changed.
  void expect_refused(const std::function<JsonResponse()>& request, int status, const std::string& code,
                      const std::string& message_part = "") {
    const auto before = db_->fingerprint();
    auto response = request();
    EXPECT_EQ(response.status, status) << response.body.dump();
    EXPECT_EQ(response.body["error"]["code"], code) << response.body.dump();
    if (!message_part.empty()) {
      EXPECT_NE(response.body["error"]["message"].get<std::string>().find(message_part), std::string::npos)
          << response.body.dump();
    }
    EXPECT_EQ(db_->fingerprint(), before) << "a refused request changed the database";
  }

  Json item(const Json& session, std::int64_t nomination) const {
    for (const auto& entry : session["items"]) {
      if (entry["nomination_id"] == nomination) return entry;
    }
    ADD_FAILURE() << "nomination " << nomination << " is not on the agenda";
    return Json::object();
  }

  std::string nomination_status(std::int64_t nomination) {
    for (const auto* status : {"approved", "rejected", "in_review"}) {
      if (db_->count("nomination WHERE id = " + std::to_string(nomination) + " AND status = '" + status + "'") == 1)
        return status;
    }
    return "?";
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
  UnitId agency_;
  std::vector<PersonId> members_;
  PersonId subject_lao_, subject_mai_, subject_nam_, outsider_;
  std::int64_t review_ = 0;
  std::int64_t ldtt_ = 0, cstdcs_ = 0, cstd_tinh_ = 0, own_ = 0;
};

TEST_P(Council, MembersWithRolesAndRefusals) {
  const auto id = create_council();
  auto council = server_->get("/api/v1/councils/" + std::to_string(id));
  ASSERT_EQ(council.status, 200);
  ASSERT_EQ(council.body["members"].size(), 9U);
  EXPECT_EQ(council.body["members"][0]["role"], "chair");
  EXPECT_EQ(council.body["members"][0]["role_label"], "Chủ tịch");
  EXPECT_EQ(council.body["members"][8]["role"], "secretary");
  EXPECT_EQ(council.body["members"][0]["name"], "Nguyễn Văn An");

  auto body = council_body();
  body["members"].erase(body["members"].begin() + 7);  // Khánh leaves the council
  auto updated = server_->put("/api/v1/councils/" + std::to_string(id), body.dump());
  ASSERT_EQ(updated.status, 200) << updated.body.dump();
  EXPECT_EQ(updated.body["members"].size(), 8U);
  EXPECT_EQ(server_->get("/api/v1/councils").body["items"].size(), 1U);

  auto two_chairs = council_body();
  two_chairs["members"][1]["role"] = "chair";
  expect_refused([&] { return server_->post("/api/v1/councils", two_chairs.dump()); }, 400, "invalid_input",
                 "một Chủ tịch");
  auto twice = council_body();
  twice["members"][1]["person_id"] = members_[0].value;
  expect_refused([&] { return server_->post("/api/v1/councils", twice.dump()); }, 400, "invalid_input");
  auto unknown = council_body();
  unknown["members"][1]["person_id"] = 99999;
  expect_refused([&] { return server_->post("/api/v1/councils", unknown.dump()); }, 400, "invalid_input");
  auto bad_role = council_body();
  bad_role["members"][1]["role"] = "boss";
  expect_refused([&] { return server_->post("/api/v1/councils", bad_role.dump()); }, 400, "invalid_input");
  ASSERT_EQ(server_->login("xem").status, 200);
  expect_refused([&] { return server_->post("/api/v1/councils", council_body().dump()); }, 403, "forbidden");
  EXPECT_EQ(server_->get("/api/v1/councils/" + std::to_string(id)).status, 200);
}

TEST_P(Council, SessionQuorumBallotsTallyAndMinutes) {
  const auto session = create_session();
  // The members vote on paper: declared before opening, audited.
  auto declared = server_->put(path(session, "/paper-ballot"), R"({"paper_ballot":true})");
  ASSERT_EQ(declared.status, 200) << declared.body.dump();
  EXPECT_TRUE(declared.body["paper_ballot"].get<bool>());
  EXPECT_EQ(db_->count("audit_log WHERE entity = 'session' AND action = 'paper_ballot'"), 1);
  auto view = server_->get(path(session));
  ASSERT_EQ(view.status, 200);
  EXPECT_EQ(view.body["status"], "planned");
  ASSERT_EQ(view.body["items"].size(), 4U);
  EXPECT_TRUE(item(view.body, cstdcs_)["secret"].get<bool>());
  EXPECT_FALSE(item(view.body, ldtt_)["secret"].get<bool>());
  EXPECT_EQ(item(view.body, cstdcs_)["required"], 8);     // 80 % of 9
  EXPECT_EQ(item(view.body, cstd_tinh_)["required"], 9);  // 90 % of 9
  EXPECT_EQ(item(view.body, ldtt_)["required"], 5);       // more than 1/2 of 9
  EXPECT_NE(item(view.body, cstdcs_)["threshold_text"].get<std::string>().find("80%"), std::string::npos);

  // Before the session opens: no vote.
  expect_refused([&] { return record(session, ldtt_, 0, "approve"); }, 409, "conflict", "chưa khai mạc");
  // Two absent, one of them with a written vote: 7 of 9 present, below the quorum (80 %).
  ASSERT_EQ(attendance(session, {{7, "absent_written"}, {6, "absent"}}).status, 200);
  view = server_->get(path(session));
  EXPECT_FALSE(view.body["quorum"]["met"].get<bool>());
  EXPECT_EQ(view.body["quorum"]["present"], 7);
  EXPECT_EQ(view.body["quorum"]["required"], 8);
  expect_refused([&] { return server_->post(path(session, "/open"), "{}"); }, 409, "conflict", "không đủ");
  expect_refused([&] { return record(session, ldtt_, 0, "approve"); }, 409, "conflict", "không đủ");
  // Khánh (7) absent with a written vote, everyone else present: 8 of 9.
  ASSERT_EQ(attendance(session, {{6, "present"}}).status, 200);
  auto opened = server_->post(path(session, "/open"), "{}");
  ASSERT_EQ(opened.status, 200) << opened.body.dump();
  EXPECT_EQ(opened.body["status"], "open");
  expect_refused([&] { return attendance(session, {{7, "present"}}); }, 409, "conflict");

  // LĐTT of Lao (majority, open): 4 approve, 4 reject, Khánh's written vote rejects: 4/9, rejected.
  for (std::size_t i : {0, 1, 2, 3, 4, 5, 6, 8})
    ASSERT_EQ(record(session, ldtt_, i, i < 4 ? "approve" : "reject").status, 201);
  ASSERT_EQ(record(session, ldtt_, 7, "reject").status, 201);
  // LĐTT of the member Em (index 4): the others approve 5, Em may not vote: 5/9, more than half.
  for (std::size_t i : {0, 1, 2, 3, 5})
    ASSERT_EQ(record(session, own_, i, "approve").status, 201);
  expect_refused([&] { return record(session, own_, 4, "approve"); }, 409, "conflict", "chính mình");
  ASSERT_EQ(server_->login("uyvien").status, 200);
  expect_refused(
      [&] {
        return server_->post(path(session, "/ballots"), Json{{"nomination_id", own_}, {"choice", "approve"}}.dump());
      },
      409, "conflict", "chính mình");
  // CSTĐCS of Mai (80 %, secret): Em votes themselves; 7 present approve, 1 rejects, the written vote
  // approves: 8/9.
  ASSERT_EQ(
      server_->post(path(session, "/ballots"), Json{{"nomination_id", cstdcs_}, {"choice", "approve"}}.dump()).status,
      201);
  // A member records nobody else's ballot.
  expect_refused([&] { return record(session, cstdcs_, 0, "approve"); }, 403, "forbidden");
  ASSERT_EQ(server_->login("hoidong").status, 200);
  ASSERT_EQ(
      server_->post(path(session, "/ballots"), Json{{"nomination_id", cstdcs_}, {"choice", "reject"}}.dump()).status,
      201);
  // A second vote by the same member.
  expect_refused(
      [&] {
        return server_->post(path(session, "/ballots"), Json{{"nomination_id", cstdcs_}, {"choice", "approve"}}.dump());
      },
      409, "conflict", "một lần");
  auto seen = server_->get(path(session));
  EXPECT_TRUE(item(seen.body, cstdcs_)["actor_voted"].get<bool>());
  EXPECT_FALSE(item(seen.body, cstdcs_)["actor_may_vote"].get<bool>());
  EXPECT_TRUE(item(seen.body, cstd_tinh_)["actor_may_vote"].get<bool>());
  for (const auto& voter : item(seen.body, cstdcs_)["voters"])
    EXPECT_FALSE(voter.contains("choice"));
  ASSERT_EQ(server_->login("xem").status, 200);
  expect_refused(
      [&] {
        return server_->post(path(session, "/ballots"), Json{{"nomination_id", cstdcs_}, {"choice", "approve"}}.dump());
      },
      403, "forbidden");
  ASSERT_EQ(server_->login("canbo").status, 200);
  for (std::size_t i : {0, 2, 3, 5, 6, 8})
    ASSERT_EQ(record(session, cstdcs_, i, "approve").status, 201);
  ASSERT_EQ(record(session, cstdcs_, 7, "approve").status, 201);  // the written vote
  // CSTĐ cấp tỉnh of Nam (90 %, secret): 8 present approve, the written vote rejects: 8/9 fails.
  for (std::size_t i = 0; i < 7; ++i)
    ASSERT_EQ(record(session, cstd_tinh_, i, "approve").status, 201);
  // The secretary, an officer who is a member, votes on the page like any member.
  ASSERT_EQ(server_->login("thuky").status, 200);
  ASSERT_EQ(server_->post(path(session, "/ballots"), Json{{"nomination_id", cstd_tinh_}, {"choice", "approve"}}.dump())
                .status,
            201);
  ASSERT_EQ(server_->login("canbo").status, 200);
  ASSERT_EQ(record(session, cstd_tinh_, 7, "reject").status, 201);

  // Refusals while open: a non-member, a nomination not on the agenda, a bad choice.
  expect_refused(
      [&] {
        return server_->post(
            path(session, "/ballots"),
            Json{{"nomination_id", ldtt_}, {"choice", "approve"}, {"person_id", outsider_.value}}.dump());
      },
      403, "forbidden", "không phải thành viên");
  expect_refused([&] { return record(session, 99999, 0, "approve"); }, 400, "invalid_input");
  expect_refused([&] { return record(session, ldtt_, 8, "maybe"); }, 400, "invalid_input");
  // A second recorded vote of a member (the officer).
  expect_refused([&] { return record(session, ldtt_, 0, "reject"); }, 409, "conflict");

  // While open, a secret item shows how many have voted and nothing else; an open item its tally.
  auto open_view = server_->get(path(session));
  EXPECT_TRUE(item(open_view.body, cstdcs_)["sealed"].get<bool>());
  EXPECT_TRUE(item(open_view.body, cstdcs_)["approvals"].is_null());
  EXPECT_TRUE(item(open_view.body, cstdcs_)["rejections"].is_null());
  EXPECT_TRUE(item(open_view.body, cstdcs_)["voters"].empty());
  EXPECT_EQ(item(open_view.body, cstdcs_)["voted"], 9);
  EXPECT_FALSE(item(open_view.body, ldtt_)["sealed"].get<bool>());
  EXPECT_EQ(item(open_view.body, ldtt_)["approvals"], 4);
  EXPECT_EQ(item(open_view.body, ldtt_)["voters"].size(), 9U);
  // Declared paper-ballot or not is settled once the session is open.
  expect_refused([&] { return server_->put(path(session, "/paper-ballot"), R"({"paper_ballot":false})"); }, 409,
                 "conflict", "trước khi khai mạc");

  auto closed = server_->post(path(session, "/close"), "{}");
  ASSERT_EQ(closed.status, 200) << closed.body.dump();
  EXPECT_EQ(closed.body["status"], "closed");
  EXPECT_FALSE(item(closed.body, ldtt_)["passed"].get<bool>());
  EXPECT_TRUE(item(closed.body, own_)["passed"].get<bool>());
  EXPECT_TRUE(item(closed.body, cstdcs_)["passed"].get<bool>());
  EXPECT_EQ(item(closed.body, cstdcs_)["approvals"], 8);
  EXPECT_EQ(item(closed.body, cstdcs_)["rejections"], 1);
  EXPECT_FALSE(item(closed.body, cstd_tinh_)["passed"].get<bool>());
  EXPECT_EQ(item(closed.body, cstd_tinh_)["approvals"], 8);
  // Closed: the secret items' counts and who voted (never how) are shown.
  EXPECT_FALSE(item(closed.body, cstdcs_)["sealed"].get<bool>());
  EXPECT_EQ(item(closed.body, cstdcs_)["voters"].size(), 9U);
  for (const auto& voter : item(closed.body, cstdcs_)["voters"])
    EXPECT_FALSE(voter.contains("choice"));
  EXPECT_EQ(nomination_status(ldtt_), "rejected");
  EXPECT_EQ(nomination_status(own_), "approved");
  EXPECT_EQ(nomination_status(cstdcs_), "approved");
  EXPECT_EQ(nomination_status(cstd_tinh_), "rejected");
  EXPECT_EQ(db_->count("session_item WHERE passed IS NOT NULL"), 4);

  // The minutes: a numbered document of the register with the Decree 30 body.
  ASSERT_TRUE(closed.body["minutes_document_id"].is_number_integer()) << closed.body.dump();
  auto minutes = server_->get("/api/v1/documents/" + std::to_string(closed.body["minutes_document_id"].get<int>()));
  ASSERT_EQ(minutes.status, 200) << minutes.body.dump();
  EXPECT_EQ(minutes.body["type"], "minutes");
  EXPECT_EQ(minutes.body["number"], "01/BB-HĐTĐKT");
  std::string text;
  for (const auto& block : minutes.body["body"])
    text += block["text"].get<std::string>() + "\n";
  EXPECT_NE(text.find("Phòng họp số 1"), std::string::npos) << text;
  EXPECT_NE(text.find("Chủ trì: Nguyễn Văn An"), std::string::npos) << text;
  EXPECT_NE(text.find("Thư ký: Nguyễn Văn Linh"), std::string::npos) << text;
  EXPECT_NE(text.find("có mặt 8"), std::string::npos) << text;
  EXPECT_NE(text.find("Ý kiến khác: Nguyễn Văn Em – Không tán thành"), std::string::npos) << text;
  EXPECT_NE(text.find("bằng văn bản của thành viên vắng mặt: Nguyễn Văn Khánh (Không tán thành)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Tán thành: 8/9 (88,89%)"), std::string::npos) << text;
  EXPECT_NE(text.find("KHÔNG ĐẠT"), std::string::npos) << text;
  // The DOCX of the minutes through the register's document path.
  EXPECT_EQ(server_->get("/api/v1/documents/" + std::to_string(closed.body["minutes_document_id"].get<int>()) + "/docx")
                .status,
            200);

  // After closing: no vote, no second close.
  expect_refused([&] { return record(session, ldtt_, 8, "approve"); }, 409, "conflict", "đã kết thúc");
  expect_refused([&] { return server_->post(path(session, "/close"), "{}"); }, 409, "conflict");
  EXPECT_EQ(server_->get("/api/v1/sessions?review_id=" + std::to_string(review_)).body["items"].size(), 1U);
}

TEST_P(Council, SecretBallotsLeaveNoLinkFromMemberToChoice) {
  const auto session = create_session(true);
  ASSERT_EQ(server_->post(path(session, "/open"), "{}").status, 200);
  // Members 0..3 approve, 4 rejects, 5 abstains: a recognisable pattern if anything kept it.
  const char* choices[] = {"approve", "approve", "approve", "approve", "reject", "abstain"};
  for (std::size_t i = 0; i < 6; ++i)
    ASSERT_EQ(record(session, cstdcs_, i, choices[i]).status, 201);
  const std::string nomination = std::to_string(cstdcs_);
  // Nothing in the table of open ballots.
  EXPECT_EQ(db_->count("ballot WHERE nomination_id = " + nomination), 0);
  // ballot_cast keeps who voted, nothing more: every row has the same shape and no choice.
  EXPECT_EQ(db_->count("ballot_cast WHERE nomination_id = " + nomination), 6);
  const auto fingerprint = db_->fingerprint();
  const auto start = fingerprint.find("## ballot_cast\n");
  ASSERT_NE(start, std::string::npos);
  const auto section = fingerprint.substr(start, fingerprint.find("##", start + 3) - start);
  for (const auto* word : {"approve", "reject", "abstain"})
    EXPECT_EQ(section.find(word), std::string::npos) << section;
  std::size_t rows = 0;
  for (std::size_t i = 0; i < 6; ++i) {
    const std::string row =
        std::to_string(session) + "|" + nomination + "|" + std::to_string(members_[i].value) + "|0|";
    EXPECT_NE(section.find(row + "\n"), std::string::npos) << section;
    ++rows;
  }
  EXPECT_EQ(rows, 6U);
  // The counts are the only record of the choices.
  EXPECT_EQ(db_->count("session_item WHERE nomination_id = " + nomination +
                       " AND approvals = 4 AND rejections = 1 AND abstentions = 1"),
            1);
  // The audit trail says that a member voted in the session: not on what, not how.
  EXPECT_EQ(db_->count("audit_log WHERE action = 'ballot_cast' AND entity = 'session' AND entity_id = " +
                       std::to_string(session)),
            6);
  EXPECT_EQ(db_->count("audit_log WHERE action = 'ballot_cast' AND (after_json LIKE '%approve%' OR after_json LIKE "
                       "'%reject%' OR after_json LIKE '%abstain%' OR after_json LIKE '%choice%' OR after_json LIKE "
                       "'%nomination%')"),
            0);
  // Exactly two fields: who, and whether it was a written vote.
  EXPECT_EQ(db_->count(
                "audit_log WHERE action = 'ballot_cast' AND after_json LIKE '{\"person_id\":\"%\",\"written\":\"_\"}'"),
            6);
  // No table but session_item holds anything per nomination of the secret ballots, and its row
  // holds only the counts: no id, no time, no voter.
  EXPECT_EQ(db_->count("session_item WHERE nomination_id = " + nomination), 1);
  // An open item keeps each choice beside its member, as open votes are recorded.
  ASSERT_EQ(record(session, ldtt_, 4, "reject").status, 201);
  EXPECT_EQ(db_->count("ballot WHERE nomination_id = " + std::to_string(ldtt_) +
                       " AND choice = 'reject' AND person_id = " + std::to_string(members_[4].value)),
            1);
  // The session page shows for the secret item how many have voted, nothing more.
  auto view = server_->get(path(session));
  EXPECT_EQ(item(view.body, cstdcs_)["voted"], 6);
  EXPECT_TRUE(item(view.body, cstdcs_)["voters"].empty());
  EXPECT_TRUE(item(view.body, cstdcs_)["approvals"].is_null());
  EXPECT_EQ(item(view.body, ldtt_)["voters"][0]["choice"], "reject");
}

TEST_P(Council, PollingASecretBallotRevealsNothingButHowManyVoted) {
  const auto session = create_session(true);
  ASSERT_EQ(server_->post(path(session, "/open"), "{}").status, 200);
  // Between two polls one member votes: the viewer, the officer and a member see the same thing
  // before and after, but for the number of votes.
  auto sealed_item = [&](const std::string& account) {
    EXPECT_EQ(server_->login(account).status, 200);
    auto seen = item(server_->get(path(session)).body, cstdcs_);
    EXPECT_EQ(seen["sealed"], true) << account;
    const auto voted = seen["voted"].get<int>();
    seen.erase("voted");
    seen.erase("actor_voted");
    seen.erase("actor_may_vote");
    seen.erase("actor_refusal");
    auto listed = server_->get("/api/v1/sessions?review_id=" + std::to_string(review_));
    EXPECT_EQ(item(listed.body["items"][0], cstdcs_)["voted"], voted) << account;
    EXPECT_TRUE(item(listed.body["items"][0], cstdcs_)["voters"].empty()) << account;
    return std::make_pair(seen, voted);
  };
  const char* choices[] = {"approve", "reject", "abstain"};
  std::vector<std::pair<Json, int>> polls;
  for (std::size_t i = 0; i < 3; ++i) {
    polls.push_back(sealed_item(i == 0 ? "xem" : i == 1 ? "hoidong" : "canbo"));
    ASSERT_EQ(server_->login("canbo").status, 200);
    auto cast = record(session, cstdcs_, i, choices[i]);
    ASSERT_EQ(cast.status, 201);
    // The answer to the ballot itself is sealed too.
    EXPECT_TRUE(item(cast.body, cstdcs_)["approvals"].is_null());
    EXPECT_TRUE(item(cast.body, cstdcs_)["voters"].empty());
  }
  polls.push_back(sealed_item("xem"));
  for (std::size_t i = 0; i < polls.size(); ++i) {
    EXPECT_EQ(polls[i].second, static_cast<int>(i));
    EXPECT_EQ(polls[i].first, polls[0].first) << "poll " << i << " differs beyond the count of votes";
    EXPECT_TRUE(polls[i].first["approvals"].is_null());
  }
  // The audit API does not open the session's records either.
  ASSERT_EQ(server_->login("canbo").status, 200);
  EXPECT_EQ(server_->get("/api/v1/audit?entity=session&id=" + std::to_string(session)).status, 400);
}

TEST_P(Council, TheOfficerRecordsBallotsOnlyOfAbsentMembersWithAWrittenVoteOrOnPaper) {
  const auto session = create_session();
  ASSERT_EQ(attendance(session, {{7, "absent_written"}}).status, 200);
  ASSERT_EQ(server_->login("xem").status, 200);
  expect_refused([&] { return server_->put(path(session, "/paper-ballot"), R"({"paper_ballot":true})"); }, 403,
                 "forbidden");
  ASSERT_EQ(server_->login("canbo").status, 200);
  expect_refused([&] { return server_->put(path(session, "/paper-ballot"), "{}"); }, 400, "invalid_input");
  ASSERT_EQ(server_->post(path(session, "/open"), "{}").status, 200);
  // Members present vote themselves: the officer does not pre-empt them, secret or open.
  expect_refused([&] { return record(session, cstdcs_, 0, "approve"); }, 409, "conflict", "tự biểu quyết");
  expect_refused([&] { return record(session, ldtt_, 1, "reject"); }, 409, "conflict", "tự biểu quyết");
  // Khánh is absent with a written vote: the officer records it.
  auto written = record(session, cstdcs_, 7, "approve");
  ASSERT_EQ(written.status, 201) << written.body.dump();
  EXPECT_EQ(item(written.body, cstdcs_)["voted"], 1);
  // The member votes on the page.
  ASSERT_EQ(server_->login("hoidong").status, 200);
  ASSERT_EQ(
      server_->post(path(session, "/ballots"), Json{{"nomination_id", cstdcs_}, {"choice", "approve"}}.dump()).status,
      201);
}

// Sixteen requests at once (issue 16): in a paper-ballot session, one member's ballot recorded
// sixteen times is recorded once, open or secret, the others told 409; sixteen closes close the session once, with one
// minutes numbered from the register. Before, on PostgreSQL, the losers got 500 and two closes
// registered two minutes.
TEST_P(Council, RequestsSentSixteenTimesAtOnceTakeEffectOnce) {
  const auto session = create_session(/*paper=*/true);
  ASSERT_EQ(server_->post(path(session, "/open"), "{}").status, 200);
  for (const auto nomination : {ldtt_, cstdcs_}) {
    const auto ballots = post_in_parallel(*server_, 16, [&](int) {
      return ParallelRequest{
          path(session, "/ballots"),
          Json{{"nomination_id", nomination}, {"choice", "approve"}, {"person_id", members_[0].value}}.dump()};
    });
    EXPECT_EQ(count_status(ballots, 201), 1) << describe(ballots);
    EXPECT_EQ(count_status(ballots, 409), 15) << describe(ballots);
    for (const auto& answer : ballots) {
      if (answer.status == 409) {
        EXPECT_EQ(answer.body["error"]["code"], "conflict") << answer.body.dump();
      }
    }
  }
  EXPECT_EQ(db_->count("ballot WHERE nomination_id = " + std::to_string(ldtt_)), 1);
  EXPECT_EQ(db_->count("ballot_cast WHERE nomination_id = " + std::to_string(cstdcs_)), 1);
  auto open_view = server_->get(path(session));
  EXPECT_EQ(item(open_view.body, ldtt_)["approvals"], 1);
  EXPECT_EQ(item(open_view.body, cstdcs_)["voted"], 1);  // the secret item sealed until the close

  const auto minutes_before = db_->count("document WHERE doc_type = 'minutes'");
  const auto closes = post_in_parallel(*server_, 16, [&](int) {
    return ParallelRequest{path(session, "/close"), "{}"};
  });
  EXPECT_EQ(count_status(closes, 200), 1) << describe(closes);
  EXPECT_EQ(count_status(closes, 409), 15) << describe(closes);
  for (const auto& answer : closes) {
    if (answer.status == 409) {
      EXPECT_NE(answer.body["error"]["message"].get<std::string>().find("đã kết thúc"), std::string::npos)
          << answer.body.dump();
    }
  }
  EXPECT_EQ(db_->count("document WHERE doc_type = 'minutes'"), minutes_before + 1);
  EXPECT_EQ(db_->count("audit_log WHERE entity = 'session' AND action = 'close'"), 1);
  EXPECT_EQ(item(server_->get(path(session)).body, cstdcs_)["approvals"], 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, Council, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
