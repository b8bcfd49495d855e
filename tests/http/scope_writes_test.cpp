// Writes on real records outside a role's scope, on the demo data (support/demo_scope.hpp) and
// both backends: each is refused with 403 and leaves every table as it was; the officer's same
// request succeeds, so the refusal is the scope's and not a malformed request. Also: a unit head
// no longer adopts a person outside the department (security review M1), writes a transferee's
// records only for the years in the department (L4), and may still bring in a person they have
// just created.

#include <gtest/gtest.h>

#include "support/demo_scope.hpp"

namespace tdkt::testing {
namespace {

using Json = nlohmann::json;

struct Write {
  std::string method;
  std::string path;
  std::string body;
};

class ScopeWrites : public DemoScope {
 protected:
  JsonResponse send(const Write& write) {
    if (write.method == "POST") return server_->post(write.path, write.body.empty() ? "{}" : write.body);
    if (write.method == "PUT") return server_->put(write.path, write.body);
    if (write.method == "PATCH") return server_->patch(write.path, write.body);
    if (write.method == "GET") return server_->get(write.path);
    return server_->del(write.path);
  }

  // Refused with 403 forbidden and a Vietnamese message naming the account; nothing changed.
  void expect_forbidden(const std::string& role, const Write& write, const std::string& message_part = "") {
    const auto before = db_->fingerprint();
    auto response = send(write);
    EXPECT_EQ(response.status, 403) << role << " " << write.method << " " << write.path << " -> "
                                    << response.body.dump();
    EXPECT_EQ(response.body["error"]["code"], "forbidden") << response.body.dump();
    const auto message = response.body["error"]["message"].get<std::string>();
    EXPECT_NE(message.find("khoản \"" + role + "\""), std::string::npos) << message;
    if (!message_part.empty()) {
      EXPECT_NE(message.find(message_part), std::string::npos) << message;
    }
    EXPECT_EQ(db_->fingerprint(), before)
        << role << " " << write.method << " " << write.path << " changed the database";
  }

  // The writes on records of Nguyễn Văn Khang (the director), Lê Thị Thu Hà (Văn phòng), Điểu
  // Xanh (never a member), Trịnh Thị Kim Oanh (left the department), the agency and its
  // nomination.
  std::vector<Write> outside() const {
    const std::string khang = id(khang_);
    const std::string campaign = "/api/v1/campaigns/" + id(campaign_2026_);
    const std::string today = R"(,"position":"Chuyên viên","from":"2026-11-22"})";
    return {
        {"POST", "/api/v1/people/" + id(xanh_) + "/memberships", R"({"unit_id":)" + id(ttdb_) + today},
        {"POST", "/api/v1/people/" + id(oanh_) + "/memberships", R"({"unit_id":)" + id(ttdb_) + today},
        {"PATCH", "/api/v1/people/" + khang, R"({"note":"Đã sửa"})"},
        {"PATCH", "/api/v1/memberships/" + id(khang_membership_), R"({"position":"Chuyên viên"})"},
        {"PUT", "/api/v1/people/" + khang + "/years/2026", R"({"rating":"HTTNV","months_worked":12})"},
        {"DELETE", "/api/v1/people/" + khang + "/years/2026", ""},
        {"POST", "/api/v1/grants",
         R"({"subject_kind":"person","subject_id":)" + khang +
             R"(,"honour":"GK","year":2025,"type":"sudden","decision_number":"99/QĐ-SDTTG"})"},
        {"PATCH", "/api/v1/grants/" + id(khang_grant_),
         R"({"honour":"GK","year":)" + std::to_string(khang_grant_year_) + R"(,"type":"sudden"})"},
        {"DELETE", "/api/v1/grants/" + id(khang_grant_), ""},
        {"POST", "/api/v1/initiatives",
         R"({"subject_kind":"person","subject_id":)" + khang + R"(,"year":2026,"title":"Sáng kiến","level":"unit"})"},
        {"PATCH", "/api/v1/initiatives/" + id(khang_initiative_), R"({"year":2025,"title":"Đổi tên","level":"unit"})"},
        {"DELETE", "/api/v1/initiatives/" + id(khang_initiative_), ""},
        {"PUT", "/api/v1/units/" + id(agency_) + "/years/2026", R"({"rating":"HTTNV"})"},
        {"DELETE", "/api/v1/units/" + id(agency_) + "/years/2026", ""},
        {"POST", "/api/v1/nominations",
         R"({"subject_kind":"person","subject_id":)" + khang +
             R"(,"honour":"CSTDCS","year":2026,"justification":"x"})"},
        {"POST", "/api/v1/nominations/" + id(agency_nomination_) + "/withdraw", "{}"},
        {"GET", "/api/v1/nominations/" + id(agency_nomination_) + "/achievement-report", ""},
        {"PUT", "/api/v1/nominations/" + id(agency_nomination_) + "/achievement-report",
         R"({"name":"Nguyễn Văn Khang"})"},
        {"POST", "/api/v1/nominations/" + id(agency_nomination_) + "/achievement-report/confirm", "{}"},
        {"POST", campaign + "/registrations",
         R"({"subject_kind":"person","subject_id":)" + khang + R"(,"honour":"LDTT"})"},
        {"DELETE", "/api/v1/registrations/" + id(ha_registration_), ""},
        {"POST", campaign + "/units/" + id(vp_) + "/consolidate", "{}"},
        {"DELETE", "/api/v1/memberships/" + id(khang_membership_), ""},  // last: the officer's ends Khang's place
    };
  }
};

TEST_P(ScopeWrites, OutOfScopeRecordsAreRefusedAndUnchanged) {
  for (const char* role : {"truongphong", "nhanvien"}) {
    sign_in(role);
    for (const auto& write : outside())
      expect_forbidden(role, write);
  }
  // The staff member registers only herself.
  sign_in("nhanvien");
  expect_forbidden("nhanvien", {"POST", "/api/v1/campaigns/" + id(campaign_2026_) + "/registrations",
                                R"({"subject_kind":"person","subject_id":)" + id(an_) + R"(,"honour":"CSTDCS"})"});
  // The same requests are well formed: the officer's succeed (the achievement report and its
  // confirmation need the dossier's proposal first, and a withdrawn nomination leaves the review).
  sign_in("canbo");
  for (const auto& write : outside()) {
    if (write.path.find("achievement-report") != std::string::npos) continue;
    auto done = send(write);
    EXPECT_LT(done.status, 300) << write.method << " " << write.path << " -> " << done.body.dump();
  }
}

TEST_P(ScopeWrites, AUnitHeadDoesNotAdoptAPersonButBringsInOneTheyCreated) {
  sign_in("truongphong");
  const std::string body = R"({"unit_id":)" + id(ttdb_) + R"(,"position":"Chuyên viên","from":"2026-11-22"})";
  expect_forbidden("truongphong", {"POST", "/api/v1/people/" + id(xanh_) + "/memberships", body},
                   "cán bộ thi đua - khen thưởng");
  // Xanh stays out of reach: no page, no records.
  EXPECT_EQ(server_->get("/api/v1/people/" + id(xanh_)).status, 403);
  EXPECT_EQ(server_->get("/api/v1/people/" + id(xanh_) + "/records").status, 403);
  // A person the head has just created joins the department, and is then theirs to manage.
  auto created = server_->post("/api/v1/people", R"({"full_name":"Võ Thị Mới"})");
  ASSERT_EQ(created.status, 201) << created.body.dump();
  const auto fresh = id(created.body["id"].get<std::int64_t>());
  auto joined = server_->post("/api/v1/people/" + fresh + "/memberships", body);
  ASSERT_EQ(joined.status, 201) << joined.body.dump();
  EXPECT_EQ(server_->patch("/api/v1/people/" + fresh, R"({"note":"Mới về phòng"})").status, 200);
  // A person created by someone else is not the head's to bring in, even without any membership.
  domain::PersonDraft draft;
  draft.family_name = "Lâm";
  draft.given_name = "Ngoài";
  const auto other = db_->context().people().create(app::Actor::system(), draft)->id.value;
  expect_forbidden("truongphong", {"POST", "/api/v1/people/" + id(other) + "/memberships", body});
  // The officer moves people between units.
  sign_in("canbo");
  EXPECT_EQ(server_->post("/api/v1/people/" + id(xanh_) + "/memberships", body).status, 201);
}

TEST_P(ScopeWrites, ATransfereesEarlierYearsStayWithTheUnitTheyWorkedIn) {
  sign_in("truongphong");
  const std::string transferee = "/api/v1/people/" + id(transferee_);
  // Văn phòng in 2025, the department from 2026.
  expect_forbidden("truongphong", {"PUT", transferee + "/years/2025", R"({"rating":"HTTNV","months_worked":6})"},
                   "Năm 2025");
  expect_forbidden("truongphong",
                   {"POST", "/api/v1/grants",
                    R"({"subject_kind":"person","subject_id":)" + id(transferee_) +
                        R"(,"honour":"GK","year":2025,"type":"sudden","decision_number":"7/QĐ-SDTTG"})"});
  EXPECT_EQ(server_->put(transferee + "/years/2026", R"({"rating":"HTTNV","months_worked":11})").status, 200);
  // Sáng's years in the department's predecessors (Phòng Tuyên truyền - Địa bàn of 2020 and 2023)
  // are the head's: the department carries on their work.
  EXPECT_EQ(
      server_->put("/api/v1/people/" + id(sang_) + "/years/2021", R"({"rating":"HTTNV","months_worked":12})").status,
      200);
  sign_in("canbo");
  EXPECT_EQ(server_->put(transferee + "/years/2025", R"({"rating":"HTTNV","months_worked":6})").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, ScopeWrites, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
