// Signing in and the refusals around it: wrong password, throttling, expired session, CSRF,
// logout, password change, pages without a session. Every refusal changes nothing.

#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

class Auth : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>("sqlite");
    db_->add_account("canbo", domain::Role::kOfficer);
    db_->add_account("nhanvien", domain::Role::kStaff);
    server_ = std::make_unique<TestServer>(*db_);
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(Auth, SignsInWithACookieAndTellsWhoIsSignedIn) {
  auto login = server_->login("canbo");
  ASSERT_EQ(login.status, 200) << login.body.dump();
  EXPECT_EQ(login.body["account"]["role"], "officer");
  EXPECT_FALSE(login.body["csrf_token"].get<std::string>().empty());
  bool cookie_ok = false;
  for (const auto& [name, value] : login.headers) {
    if (name == "Set-Cookie") {
      cookie_ok = value.find("HttpOnly") != std::string::npos && value.find("SameSite=Strict") != std::string::npos;
    }
  }
  EXPECT_TRUE(cookie_ok);
  auto session = server_->get("/api/v1/session");
  ASSERT_EQ(session.status, 200);
  EXPECT_EQ(session.body["account"]["username"], "canbo");
  EXPECT_EQ(session.body["csrf_token"], login.body["csrf_token"]);
  // Only a digest of the token is stored.
  EXPECT_EQ(db_->fingerprint().find(server_->session()), std::string::npos);
}

TEST_F(Auth, AWrongPasswordIsRefusedWithTheSameMessageAsAnUnknownName) {
  auto wrong = server_->login("canbo", "khong-dung");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.body["error"]["message"], "Tên đăng nhập hoặc mật khẩu không đúng.");
  auto unknown = server_->login("khong-co-ai", "khong-dung");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.body["error"]["message"], wrong.body["error"]["message"]);
  EXPECT_EQ(server_->get("/api/v1/session").status, 401);
}

TEST_F(Auth, RepeatedFailuresThrottleTheAccountThenTheWindowPasses) {
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(server_->login("canbo", "sai-mat-khau").status, 401);
  auto locked = server_->login("canbo");  // the right password, but too late
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.body["error"]["code"], "too_many_attempts");
  EXPECT_NE(locked.body["error"]["message"].get<std::string>().find("tạm khóa"), std::string::npos);
  // Another account from the same address is not locked by these five.
  EXPECT_EQ(server_->login("nhanvien").status, 200);
  db_->clock().advance(std::int64_t{16} * 60);
  EXPECT_EQ(server_->login("canbo").status, 200);
}

TEST_F(Auth, ManyFailuresFromOneAddressThrottleEveryAccount) {
  for (int i = 0; i < 20; ++i)
    server_->login("nguoi-" + std::to_string(i), "sai");
  auto refused = server_->login("canbo");
  EXPECT_EQ(refused.status, 429);
  EXPECT_NE(refused.body["error"]["message"].get<std::string>().find("địa chỉ"), std::string::npos);
}

TEST_F(Auth, AnExpiredSessionIsRefused) {
  ASSERT_EQ(server_->login("canbo").status, 200);
  db_->clock().advance(std::int64_t{12} * 3600 + 1);
  auto expired = server_->get("/api/v1/units");
  EXPECT_EQ(expired.status, 401);
  EXPECT_NE(expired.body["error"]["message"].get<std::string>().find("hết hạn"), std::string::npos);
}

TEST_F(Auth, UnsafeRequestsNeedTheCsrfTokenAndTheirOwnOrigin) {
  ASSERT_EQ(server_->login("canbo").status, 200);
  const std::string cookie = "tdkt_session=" + server_->session();
  const std::string body = R"({"full_name":"Nguyễn Văn Mới"})";
  const auto before = db_->fingerprint();

  server_->send_headers({{"Cookie", cookie}});
  auto missing = server_->post("/api/v1/people", body);
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(missing.body["error"]["code"], "csrf_failed");

  server_->send_headers({{"Cookie", cookie}, {"X-CSRF-Token", std::string(server_->csrf().size(), 'x')}});
  EXPECT_EQ(server_->post("/api/v1/people", body).status, 403);

  server_->send_headers({{"Cookie", cookie}, {"X-CSRF-Token", server_->csrf()}, {"Origin", "http://evil.example"}});
  auto foreign = server_->post("/api/v1/people", body);
  EXPECT_EQ(foreign.status, 403);
  EXPECT_EQ(foreign.body["error"]["code"], "csrf_failed");
  EXPECT_EQ(db_->fingerprint(), before);

  server_->send_headers({{"Cookie", cookie}, {"X-CSRF-Token", server_->csrf()}});
  EXPECT_EQ(server_->post("/api/v1/people", body).status, 201);
}

TEST_F(Auth, WithoutASessionNothingIsServedButTheSignInPage) {
  EXPECT_EQ(server_->get("/api/v1/people").status, 401);
  const auto before = db_->fingerprint();
  EXPECT_EQ(server_->post("/api/v1/people", R"({"full_name":"Ai Đó"})").status, 401);
  EXPECT_EQ(db_->fingerprint(), before);
  auto page = server_->client().Get("/people");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 303);
  EXPECT_EQ(page->get_header_value("Location"), "/login?next=/people");
  EXPECT_EQ(server_->client().Get("/login")->status, 200);
}

TEST_F(Auth, AStaffMemberIsRefusedTheAdministrationPages) {
  ASSERT_EQ(server_->login("nhanvien").status, 200);
  auto page = server_->client().Get("/admin/accounts");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 403);
  EXPECT_EQ(server_->get("/api/v1/accounts").status, 403);
  ASSERT_EQ(server_->login("canbo").status, 200);
  EXPECT_EQ(server_->client().Get("/admin/accounts")->status, 403);
}

TEST_F(Auth, LogoutEndsTheSessionEverywhere) {
  ASSERT_EQ(server_->login("canbo").status, 200);
  const auto cookie = server_->session();
  const auto csrf = server_->csrf();
  EXPECT_EQ(server_->post("/api/v1/logout", "{}").status, 204);
  server_->send_headers({{"Cookie", "tdkt_session=" + cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(server_->get("/api/v1/session").status, 401);
}

TEST_F(Auth, ChangingThePasswordChecksTheCurrentOneAndTheRules) {
  ASSERT_EQ(server_->login("canbo").status, 200);
  auto wrong =
      server_->post("/api/v1/account/password", R"({"current_password":"sai","new_password":"mat-khau-moi-2026"})");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.body["error"]["field"], "current_password");
  auto weak = server_->post("/api/v1/account/password",
                            std::string(R"({"current_password":")") + kTestPassword + R"(","new_password":"ngan"})");
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.body["error"]["field"], "new_password");
  auto changed = server_->post("/api/v1/account/password", std::string(R"({"current_password":")") + kTestPassword +
                                                               R"(","new_password":"mat-khau-moi-2026"})");
  EXPECT_EQ(changed.status, 204);
  EXPECT_EQ(server_->login("canbo").status, 401);
  EXPECT_EQ(server_->login("canbo", "mat-khau-moi-2026").status, 200);
}

TEST_F(Auth, AdministratorsManageAccountsAndCannotLockThemselvesOut) {
  const auto admin_id = db_->add_account("quantri", domain::Role::kAdmin);
  ASSERT_EQ(server_->login("quantri").status, 200);
  auto created = server_->post(
      "/api/v1/accounts",
      R"({"username":"xem.tinh","display_name":"Ban TĐKT tỉnh","role":"viewer","password":"mat-khau-xem"})");
  ASSERT_EQ(created.status, 201) << created.body.dump();
  auto duplicate =
      server_->post("/api/v1/accounts", R"({"username":"xem.tinh","role":"viewer","password":"mat-khau-xem"})");
  EXPECT_EQ(duplicate.status, 409);
  auto bad_name =
      server_->post("/api/v1/accounts", R"({"username":"Xem Tỉnh","role":"viewer","password":"mat-khau-xem"})");
  EXPECT_EQ(bad_name.status, 400);
  EXPECT_EQ(bad_name.body["error"]["field"], "username");
  auto self = server_->patch("/api/v1/accounts/" + std::to_string(admin_id.value), R"({"role":"viewer"})");
  EXPECT_EQ(self.status, 409);
  const auto id = std::to_string(created.body["id"].get<std::int64_t>());
  EXPECT_EQ(server_->patch("/api/v1/accounts/" + id, R"({"active":false})").status, 200);
  EXPECT_EQ(server_->login("xem.tinh", "mat-khau-xem").status, 401);
}

}  // namespace
}  // namespace tdkt::testing
