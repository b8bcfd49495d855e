// Nominations and reviews over a real server on loopback, on both backends: candidates from the
// registrations with their verdicts, nominating an eligible subject, a refused one without and
// with a written justification, duplicates, unknown subjects and honours, a unit head outside
// their subtree, gathering into a review with quota places, withdrawing, and the Excel list.
// Today is 22/11/2026 (the test clock).

#include <gtest/gtest.h>

#include "excel/xlsx_reader.hpp"
#include "support/parallel.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

using Json = nlohmann::json;

class Nominations : public ::testing::TestWithParam<std::string> {
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
    auto person = [&](const char* family, const char* given, UnitId unit_id) {
      domain::PersonDraft draft;
      draft.family_name = family;
      draft.given_name = given;
      const auto id = context.people().create(system, draft)->id;
      domain::Membership membership{MembershipId{}, id, unit_id, "Chuyên viên", {date("2021-01-01"), std::nullopt}};
      EXPECT_TRUE(context.people().add_membership(system, membership));
      return id;
    };
    head_ = person("Lê Thị Thu", "Hà", office_);
    good_ = person("Lý Thị", "Sáng", office_);
    weak_ = person("Hoàng Văn", "Páo", office_);
    policy_person_ = person("Đỗ Quang", "Vinh", policy_);
    // Sáng: HTTNV, 12 months in 2026 (eligible for LĐTT); Páo: not completed (ineligible).
    auto year = [&](PersonId id, domain::Rating rating) {
      domain::PersonYear record;
      record.person = id;
      record.year = 2026;
      record.rating = rating;
      record.months_worked = 12;
      EXPECT_TRUE(context.records().save_person_year(system, record));
    };
    year(good_, domain::Rating::kCompletedWell);
    year(weak_, domain::Rating::kNotCompleted);
    year(policy_person_, domain::Rating::kCompletedWell);
    db_->add_account("canbo", domain::Role::kOfficer, agency_);
    db_->add_account("truongphong", domain::Role::kUnitHead, office_, head_);
    db_->add_account("xem", domain::Role::kViewer);
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("canbo").status, 200);
  }
  void TearDown() override {
    server_.reset();
    db_.reset();
  }

  static Json body(PersonId person, const char* honour, const std::string& justification = "") {
    Json body{{"subject_kind", "person"}, {"subject_id", person.value}, {"honour", honour}, {"year", 2026}};
    if (!justification.empty()) body["justification"] = justification;
    return body;
  }
  JsonResponse nominate(PersonId person, const char* honour, const std::string& justification = "") {
    return server_->post("/api/v1/nominations", body(person, honour, justification).dump());
  }
  std::int64_t create_review() {
    auto created = server_->post("/api/v1/reviews", Json{{"year", 2026},
                                                         {"unit_id", agency_.value},
                                                         {"name", "Xét khen thưởng năm 2026"},
                                                         {"decision_date", "2026-11-22"}}
                                                        .dump());
    EXPECT_EQ(created.status, 201) << created.body.dump();
    return created.body.value("id", std::int64_t{0});
  }
  // The audit records of one entity (read from the store: the audit page's list of entities is
  // not this suite's concern).
  std::size_t audits(const std::string& entity, std::int64_t id) {
    return db_->context().database().read()->audit_history(entity, id).size();
  }
  // A request refused with `status`, `code` and `field` that changed nothing.
  JsonResponse expect_refused(const std::string& path, const Json& request, int status, const std::string& code,
                              const std::string& field) {
    const auto before = db_->fingerprint();
    auto response = server_->post(path, request.dump());
    EXPECT_EQ(response.status, status) << response.body.dump();
    EXPECT_EQ(response.body["error"]["code"], code) << response.body.dump();
    EXPECT_EQ(response.body["error"]["field"], field) << response.body.dump();
    EXPECT_EQ(db_->fingerprint(), before) << "a refused request changed the database";
    return response;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
  UnitId agency_, office_, policy_;
  PersonId head_, good_, weak_, policy_person_;
};

TEST_P(Nominations, AnEligibleSubjectIsNominatedWithItsVerdictKept) {
  auto created = nominate(good_, "LDTT");
  ASSERT_EQ(created.status, 201) << created.body.dump();
  EXPECT_EQ(created.body["verdict"], "eligible");
  EXPECT_EQ(created.body["status"], "proposed");
  EXPECT_EQ(created.body["subject_name"], "Lý Thị Sáng");
  EXPECT_EQ(created.body["unit_name"], "Văn phòng");  // the person's unit by default
  EXPECT_EQ(created.body["honour_name"], "Lao động tiên tiến");
  EXPECT_FALSE(created.body["rule_set"].get<std::string>().empty());
  ASSERT_FALSE(created.body["reasons"].empty());
  for (const auto& reason : created.body["reasons"]) {
    EXPECT_TRUE(reason["met"].get<bool>()) << reason.dump();
    EXPECT_FALSE(reason["rule"].get<std::string>().empty());
  }
  const auto id = created.body["id"].get<std::int64_t>();
  EXPECT_EQ(audits("nomination", id), 1U);
  auto shown = server_->get("/api/v1/nominations/" + std::to_string(id));
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.body["reasons"], created.body["reasons"]);
  auto listed = server_->get("/api/v1/nominations?year=2026");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.body["items"].size(), 1U);
  EXPECT_EQ(server_->get("/api/v1/nominations?year=2025").body["items"].size(), 0U);
}

TEST_P(Nominations, ARefusedNominationNeedsAWrittenJustification) {
  auto refused = expect_refused("/api/v1/nominations", body(weak_, "LDTT"), 400, "invalid_input", "justification");
  const auto message = refused.body["error"]["message"].get<std::string>();
  EXPECT_NE(message.find("Không đủ điều kiện"), std::string::npos) << message;
  EXPECT_NE(message.find("giải trình"), std::string::npos) << message;
  EXPECT_NE(message.find("Điều"), std::string::npos) << "the failing clause's article is cited: " << message;
  // White space alone is no justification.
  expect_refused("/api/v1/nominations", body(weak_, "LDTT", "   \n  "), 400, "invalid_input", "justification");

  auto accepted = nominate(weak_, "LDTT", "Đồng chí có thành tích đột xuất trong công tác vận động đồng bào.");
  ASSERT_EQ(accepted.status, 201) << accepted.body.dump();
  EXPECT_EQ(accepted.body["verdict"], "ineligible");
  EXPECT_EQ(accepted.body["justification"], "Đồng chí có thành tích đột xuất trong công tác vận động đồng bào.");
  bool unmet = false;
  for (const auto& reason : accepted.body["reasons"])
    unmet = unmet || !reason["met"].get<bool>();
  EXPECT_TRUE(unmet) << "the unmet clause is kept with the nomination";
}

TEST_P(Nominations, DuplicatesUnknownSubjectsAndHonoursAreRefused) {
  ASSERT_EQ(nominate(good_, "LDTT").status, 201);
  expect_refused("/api/v1/nominations", body(good_, "LDTT"), 409, "conflict", "subject_id");
  auto unknown = body(good_, "LDTT");
  unknown["subject_id"] = 999999;
  expect_refused("/api/v1/nominations", unknown, 404, "not_found", "");
  expect_refused("/api/v1/nominations", body(good_, "KHONG_CO", "x"), 400, "invalid_input", "honour");
  // A collective honour for a person.
  expect_refused("/api/v1/nominations", body(good_, "TTLDTT", "x"), 400, "invalid_input", "honour");
  auto future = body(policy_person_, "LDTT");
  future["year"] = 2027;
  expect_refused("/api/v1/nominations", future, 400, "invalid_input", "year");
  // Withdrawn, the subject may be nominated again.
  const auto first = server_->get("/api/v1/nominations").body["items"][0]["id"].get<std::int64_t>();
  auto withdrawn = server_->post("/api/v1/nominations/" + std::to_string(first) + "/withdraw", "{}");
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body.dump();
  EXPECT_EQ(withdrawn.body["status"], "withdrawn");
  EXPECT_EQ(server_->post("/api/v1/nominations/" + std::to_string(first) + "/withdraw", "{}").status, 409);
  EXPECT_EQ(nominate(good_, "LDTT").status, 201);
  EXPECT_EQ(audits("nomination", first), 2U);
}

TEST_P(Nominations, AUnitHeadNominatesWithinTheirSubtreeOnly) {
  ASSERT_EQ(server_->login("truongphong").status, 200);
  auto own = nominate(good_, "LDTT");
  ASSERT_EQ(own.status, 201) << own.body.dump();
  auto outside = expect_refused("/api/v1/nominations", body(policy_person_, "LDTT"), 403, "forbidden", "");
  EXPECT_NE(outside.body["error"]["message"].get<std::string>().find("ngoài phạm vi"), std::string::npos);
  auto for_other_unit = body(good_, "CSTDCS", "x");
  for_other_unit["unit_id"] = policy_.value;
  expect_refused("/api/v1/nominations", for_other_unit, 403, "forbidden", "");
  // The head sees only their subtree's nominations and may not manage reviews.
  ASSERT_EQ(server_->login("canbo").status, 200);
  ASSERT_EQ(nominate(policy_person_, "LDTT").status, 201);
  ASSERT_EQ(server_->login("truongphong").status, 200);
  EXPECT_EQ(server_->get("/api/v1/nominations?year=2026").body["items"].size(), 1U);
  EXPECT_EQ(
      server_
          ->post(
              "/api/v1/reviews",
              Json{{"year", 2026}, {"unit_id", agency_.value}, {"name", "X"}, {"decision_date", "2026-11-22"}}.dump())
          .status,
      403);
  ASSERT_EQ(server_->login("xem").status, 200);
  EXPECT_EQ(server_->get("/api/v1/nominations").status, 403);
  EXPECT_EQ(nominate(good_, "CSTDCS", "x").status, 403);
}

TEST_P(Nominations, CandidatesComeFromTheRegistrationsWithTheirVerdicts) {
  db_->execute(
      "INSERT INTO movement (name, theme, authority, level, kind, starts_on, ends_on, search_text) VALUES "
      "('Thi đua năm 2026', '', 'Sở Dân tộc và Tôn giáo', 'agency', 'regular', '2026-01-01', '2026-12-31', ' thi "
      "dua')");
  auto campaign = server_->post("/api/v1/campaigns", Json{{"movement_id", db_->count("movement")},
                                                          {"year", 2026},
                                                          {"deadline", "2026-12-31"},
                                                          {"honours", {"LDTT", "CSTDCS"}},
                                                          {"unit_ids", {agency_.value, office_.value, policy_.value}}}
                                                         .dump());
  ASSERT_EQ(campaign.status, 201) << campaign.body.dump();
  const auto campaign_path = "/api/v1/campaigns/" + std::to_string(campaign.body["id"].get<std::int64_t>());
  for (const auto person : {good_, weak_}) {
    auto registered =
        server_->post(campaign_path + "/registrations",
                      Json{{"subject_kind", "person"}, {"subject_id", person.value}, {"honour", "LDTT"}}.dump());
    ASSERT_EQ(registered.status, 201) << registered.body.dump();
  }
  auto candidates = server_->get("/api/v1/nominations/candidates?year=2026");
  ASSERT_EQ(candidates.status, 200) << candidates.body.dump();
  ASSERT_EQ(candidates.body["items"].size(), 2U);
  EXPECT_EQ(candidates.body["items"][0]["subject_name"], "Lý Thị Sáng");  // eligible first
  EXPECT_EQ(candidates.body["items"][0]["verdict"], "eligible");
  EXPECT_EQ(candidates.body["items"][1]["verdict"], "ineligible");
  bool cited = false;
  for (const auto& reason : candidates.body["items"][1]["reasons"]) {
    if (!reason["met"].get<bool>() && !reason["citation"].get<std::string>().empty()) cited = true;
  }
  EXPECT_TRUE(cited) << "why the other is not eligible, with the clause's citation";
  EXPECT_TRUE(candidates.body["items"][0]["nomination_id"].is_null());

  // Nominated from the registration: the candidate shows it.
  auto from_registration = body(good_, "LDTT");
  from_registration["registration_id"] = candidates.body["items"][0]["registration_id"];
  ASSERT_EQ(server_->post("/api/v1/nominations", from_registration.dump()).status, 201);
  auto again = server_->get("/api/v1/nominations/candidates?year=2026&unit_id=" + std::to_string(office_.value));
  ASSERT_EQ(again.status, 200);
  EXPECT_FALSE(again.body["items"][0]["nomination_id"].is_null());
  EXPECT_EQ(server_->get("/api/v1/nominations/candidates?year=2026&unit_id=" + std::to_string(policy_.value))
                .body["items"]
                .size(),
            0U);
  // A registration of another subject does not fit.
  auto mismatched = body(weak_, "LDTT", "x");
  mismatched["registration_id"] = candidates.body["items"][0]["registration_id"];
  expect_refused("/api/v1/nominations", mismatched, 400, "invalid_input", "registration_id");
}

TEST_P(Nominations, TheOfficerGathersNominationsIntoAReviewWithQuotaPlaces) {
  const auto ldtt = nominate(good_, "LDTT").body["id"].get<std::int64_t>();
  const auto cstdcs = nominate(good_, "CSTDCS", "Sáng kiến được công nhận cấp cơ sở.").body["id"].get<std::int64_t>();
  const auto other = nominate(policy_person_, "LDTT").body["id"].get<std::int64_t>();
  const auto review = create_review();
  const auto review_path = "/api/v1/reviews/" + std::to_string(review);
  auto gathered = server_->post(review_path + "/nominations", Json{{"nomination_ids", {ldtt, cstdcs, other}}}.dump());
  ASSERT_EQ(gathered.status, 200) << gathered.body.dump();
  ASSERT_EQ(gathered.body["nominations"].size(), 3U);
  EXPECT_EQ(gathered.body["nominations"][0]["status"], "in_review");
  EXPECT_EQ(gathered.body["nominations"][1]["justification"], "Sáng kiến được công nhận cấp cơ sở.");
  // CSTĐCS is limited to 15 % of the LĐTT nominations (the Đồng Nai layer): 15 % of 2 is 0.
  const auto& quotas = gathered.body["nominations"][1]["quotas"];
  ASSERT_EQ(quotas.size(), 1U) << gathered.body.dump();
  EXPECT_EQ(quotas[0]["position"], 1);
  EXPECT_EQ(quotas[0]["limit"], 0);
  EXPECT_TRUE(quotas[0]["exceeds"].get<bool>());
  EXPECT_EQ(quotas[0]["text"], "CSTDCS: 1 trên giới hạn 0");
  EXPECT_TRUE(gathered.body["nominations"][0]["quotas"].empty());
  EXPECT_EQ(gathered.body["quota_breaches"].size(), 1U);

  // Gathering again, or a withdrawn nomination: refused, nothing changed.
  expect_refused(review_path + "/nominations", Json{{"nomination_ids", {ldtt}}}, 409, "conflict", "nomination_ids");
  expect_refused(review_path + "/nominations", Json{{"nomination_ids", {999999}}}, 404, "not_found", "nomination_ids");

  // Removing one: back to proposed; the quota place is gone with the LĐTT base smaller.
  auto removed = server_->del(review_path + "/nominations/" + std::to_string(other));
  ASSERT_EQ(removed.status, 200) << removed.body.dump();
  EXPECT_EQ(removed.body["nominations"].size(), 2U);
  EXPECT_EQ(server_->get("/api/v1/nominations/" + std::to_string(other)).body["status"], "proposed");

  auto rechecked = server_->post(review_path + "/recheck", "{}");
  ASSERT_EQ(rechecked.status, 200) << rechecked.body.dump();
  EXPECT_EQ(rechecked.body["nominations"][0]["verdict"], "eligible");

  auto listed = server_->get("/api/v1/reviews?year=2026");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.body["items"].size(), 1U);
  EXPECT_EQ(listed.body["items"][0]["nomination_count"], 2);

  auto exported = server_->get_raw(review_path + "/export");
  ASSERT_EQ(exported.status, 200);
  auto workbook = excel::read_xlsx(exported.body);
  ASSERT_TRUE(workbook) << workbook.error().message;
  std::string all;
  for (const auto& row : workbook->sheets.at(0).rows) {
    for (const auto& cell : row.cells)
      all += cell.text + "|";
    all += "\n";
  }
  EXPECT_NE(all.find("Lý Thị Sáng"), std::string::npos) << all;
  EXPECT_NE(all.find("Sáng kiến được công nhận cấp cơ sở."), std::string::npos) << all;
  EXPECT_NE(all.find("Không đủ điều kiện"), std::string::npos) << all;

  auto closed = server_->post(review_path + "/close", "{}");
  ASSERT_EQ(closed.status, 200);
  EXPECT_EQ(closed.body["status"], "closed");
  expect_refused(review_path + "/nominations", Json{{"nomination_ids", {other}}}, 409, "conflict", "review_id");
  EXPECT_EQ(audits("review", review), 2U);
}

TEST_P(Nominations, BadReviewsAreRefused) {
  expect_refused("/api/v1/reviews",
                 Json{{"year", 2026}, {"unit_id", agency_.value}, {"name", "  "}, {"decision_date", "2026-11-22"}}, 400,
                 "invalid_input", "name");
  expect_refused("/api/v1/reviews",
                 Json{{"year", 2026}, {"unit_id", agency_.value}, {"name", "X"}, {"decision_date", "2025-12-01"}}, 400,
                 "invalid_input", "decision_date");
  expect_refused("/api/v1/reviews",
                 Json{{"year", 2026}, {"unit_id", 999999}, {"name", "X"}, {"decision_date", "2026-11-22"}}, 400,
                 "invalid_input", "unit_id");
  EXPECT_EQ(server_->get("/api/v1/reviews/999999").status, 404);
}

// Sixteen identical nominations at once (issue 16): one is stored, the others are told 409
// `conflict`, never 500.
TEST_P(Nominations, ANominationSentSixteenTimesAtOnceIsStoredOnce) {
  const auto answers = post_in_parallel(*server_, 16, [&](int) {
    return ParallelRequest{"/api/v1/nominations", body(good_, "LDTT").dump()};
  });
  EXPECT_EQ(count_status(answers, 201), 1) << describe(answers);
  EXPECT_EQ(count_status(answers, 409), 15) << describe(answers);
  for (const auto& answer : answers) {
    if (answer.status == 409) {
      EXPECT_EQ(answer.body["error"]["code"], "conflict") << answer.body.dump();
    }
  }
  EXPECT_EQ(db_->count("nomination WHERE subject_id = " + std::to_string(good_.value)), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, Nominations, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
