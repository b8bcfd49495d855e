// Signing in and the refusals around it, on both backends: wrong password, throttling of one
// account from one address with growing waits (and never of an account for another address),
// parallel guesses, expired and idle sessions, CSRF, logout, password change ending the other
// sessions, pages without a session. Every refusal changes nothing.

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

std::string header(const JsonResponse& response, const std::string& name) {
  auto found = response.headers.find(name);
  return found == response.headers.end() ? std::string() : found->second;
}

class Auth : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    db_->add_account("canbo", domain::Role::kOfficer);
    db_->add_account("nhanvien", domain::Role::kStaff);
    server_ = std::make_unique<TestServer>(*db_);
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(Auth, SignsInWithACookieAndTellsWhoIsSignedIn) {
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

TEST_P(Auth, AWrongPasswordIsRefusedWithTheSameMessageAsAnUnknownName) {
  auto wrong = server_->login("canbo", "khong-dung");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.body["error"]["message"], "Tên đăng nhập hoặc mật khẩu không đúng.");
  auto unknown = server_->login("khong-co-ai", "khong-dung");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.body["error"]["message"], wrong.body["error"]["message"]);
  EXPECT_EQ(server_->get("/api/v1/session").status, 401);
}

TEST_P(Auth, RepeatedFailuresOfOneAccountFromOneAddressWaitLongerEachTime) {
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(server_->login("canbo", "sai-mat-khau").status, 401);
  // After three failures each attempt waits 2, 4, 8 … seconds after the previous one, even with
  // the right password.
  auto wait = server_->login("canbo");
  EXPECT_EQ(wait.status, 429);
  EXPECT_EQ(wait.body["error"]["code"], "too_many_attempts");
  EXPECT_EQ(header(wait, "Retry-After"), "2");
  const auto message = wait.body["error"]["message"].get<std::string>();
  EXPECT_NE(message.find("thử lại sau 2 giây (từ "), std::string::npos) << message;
  EXPECT_NE(message.find("/11/2026"), std::string::npos) << message;
  // Another account from the same address is not held back by these.
  EXPECT_EQ(server_->login("nhanvien").status, 200);
  db_->clock().advance(2);
  EXPECT_EQ(server_->login("canbo", "van-sai").status, 401);
  EXPECT_EQ(header(server_->login("canbo"), "Retry-After"), "4");
  db_->clock().advance(3);
  EXPECT_EQ(header(server_->login("canbo"), "Retry-After"), "1");
  db_->clock().advance(1);
  EXPECT_EQ(server_->login("canbo", "lai-sai").status, 401);
  EXPECT_EQ(header(server_->login("canbo"), "Retry-After"), "8");
  db_->clock().advance(8);
  EXPECT_EQ(server_->login("canbo").status, 200);
  // A success clears the slate: the next mistake costs no wait.
  EXPECT_EQ(server_->login("canbo", "nham").status, 401);
  EXPECT_EQ(server_->login("canbo").status, 200);
}

TEST_P(Auth, TheWaitNeverGrowsBeyondFifteenMinutes) {
  const auto& policy = db_->context().accounts().policy();
  EXPECT_EQ(app::throttle_delay(2, 3, policy.max_delay_seconds), 0);
  EXPECT_EQ(app::throttle_delay(3, 3, policy.max_delay_seconds), 2);
  EXPECT_EQ(app::throttle_delay(11, 3, policy.max_delay_seconds), 512);
  EXPECT_EQ(app::throttle_delay(12, 3, policy.max_delay_seconds), 900);
  EXPECT_EQ(app::throttle_delay(500, 3, policy.max_delay_seconds), 900);
}

// Issue 15 point 3: five wrong passwords for the administrator, then twenty for unknown names,
// from one address, without a session. Only that address is held back; the administrator signs
// in at once from another, and everyone else behind the attacker's address still signs in.
TEST_P(Auth, AnAttackerHoldsBackOnlyTheirOwnAddress) {
  db_->add_account("admin", domain::Role::kAdmin);
  auto& accounts = db_->context().accounts();
  const std::string attacker = "198.51.100.7";
  for (int i = 0; i < 5; ++i)
    accounts.login({"admin", "doan-" + std::to_string(i), attacker, ""});
  for (int i = 0; i < 20; ++i)
    accounts.login({"khong-co-" + std::to_string(i), "sai", attacker, ""});
  auto held = accounts.login({"admin", kTestPassword, attacker, ""});
  ASSERT_FALSE(held.result);
  EXPECT_EQ(held.result.error().code, ErrorCode::kTooManyAttempts);
  EXPECT_GT(held.retry_after_seconds, 0);
  // The administrator, from the office.
  auto admin = accounts.login({"admin", kTestPassword, "203.0.113.20", ""});
  ASSERT_TRUE(admin.result) << admin.result.error().message;
  EXPECT_EQ(admin.result->account.username, "admin");
  // Another user behind the attacker's address: 25 failures are below the address's limit.
  auto colleague = accounts.login({"nhanvien", kTestPassword, attacker, ""});
  EXPECT_TRUE(colleague.result) << colleague.result.error().message;
  // Past the limit of the address (50 failures), the address waits for every name; others do not.
  for (int i = 0; i < 30; ++i)
    accounts.login({"ten-" + std::to_string(i), "sai", attacker, ""});
  auto address = accounts.login({"canbo", kTestPassword, attacker, ""});
  ASSERT_FALSE(address.result);
  EXPECT_NE(address.result.error().message.find("địa chỉ này"), std::string::npos);
  EXPECT_TRUE(accounts.login({"canbo", kTestPassword, "203.0.113.21", ""}).result);
}

// The same attack over HTTP, behind a trusted proxy (nginx on 127.0.0.1) that names each client
// in X-Forwarded-For.
TEST_P(Auth, BehindTheProxyTheAttackersAddressWaitsAndTheAdministratorSignsInAtOnce) {
  db_->add_account("admin", domain::Role::kAdmin);
  auto options = TestServer::test_options();
  options.trusted_proxies = {"127.0.0.1"};
  TestServer proxied(*db_, options);
  auto sign_in = [&](const std::string& client, const std::string& username, const std::string& password) {
    auto answer = proxied.client().Post("/api/v1/login", {{"X-Forwarded-For", "192.0.2.1, " + client}},
                                        nlohmann::json{{"username", username}, {"password", password}}.dump(),
                                        "application/json");
    return answer ? std::make_pair(answer->status, answer->get_header_value("Retry-After"))
                  : std::make_pair(0, std::string());
  };
  const std::string attacker = "198.51.100.7";
  for (int i = 0; i < 5; ++i)
    sign_in(attacker, "admin", "doan-" + std::to_string(i));
  for (int i = 0; i < 20; ++i)
    sign_in(attacker, "khong-co-" + std::to_string(i), "sai");
  const auto held = sign_in(attacker, "admin", kTestPassword);
  EXPECT_EQ(held.first, 429);
  EXPECT_EQ(held.second, "2");
  EXPECT_EQ(sign_in("203.0.113.20", "admin", kTestPassword).first, 200);
  EXPECT_EQ(sign_in("203.0.113.21", "canbo", kTestPassword).first, 200);
  EXPECT_EQ(sign_in(attacker, "nhanvien", kTestPassword).first, 200);
  // Every attempt is recorded under the client's address, none under the proxy's.
  EXPECT_EQ(db_->count("login_attempt WHERE address = '127.0.0.1'"), 0);
  EXPECT_EQ(db_->count("login_attempt WHERE address = '" + attacker + "' AND succeeded = 0"), 23);
}

// The count-then-record of attempts is one short transaction (serialised on PostgreSQL by an
// advisory lock): sixteen guesses at once get three tries, not sixteen.
TEST_P(Auth, ParallelGuessesGetNoMoreTriesThanSequentialOnes) {
  auto& accounts = db_->context().accounts();
  std::atomic<int> wrong{0};
  std::atomic<int> held{0};
  std::vector<std::thread> guesses;
  for (int i = 0; i < 16; ++i) {
    guesses.emplace_back([&, i] {
      auto answer = accounts.login({"canbo", "doan-" + std::to_string(i), "198.51.100.9", ""});
      if (answer.result) return;
      const auto code = answer.result.error().code;
      if (code == ErrorCode::kUnauthenticated) ++wrong;
      if (code == ErrorCode::kTooManyAttempts || code == ErrorCode::kBusy) ++held;
    });
  }
  for (auto& guess : guesses)
    guess.join();
  EXPECT_EQ(wrong.load(), 3);
  EXPECT_EQ(held.load(), 13);
  EXPECT_EQ(db_->count("login_attempt WHERE username = 'canbo'"), 3);
}

TEST_P(Auth, ManyFailuresFromOneAddressHoldBackThatAddress) {
  for (int i = 0; i < 50; ++i)
    server_->login("nguoi-" + std::to_string(i), "sai");
  auto refused = server_->login("canbo");
  EXPECT_EQ(refused.status, 429);
  EXPECT_NE(refused.body["error"]["message"].get<std::string>().find("địa chỉ"), std::string::npos);
  EXPECT_EQ(header(refused, "Retry-After"), "2");
}

TEST_P(Auth, AnOverlongUsernameIsRefusedBeforeAnyLookup) {
  const std::string name(10000, 'a');
  EXPECT_EQ(server_->login(name, "sai").status, 401);
  EXPECT_EQ(db_->count("login_attempt"), 1);
  EXPECT_EQ(db_->count("login_attempt WHERE LENGTH(username) = 40"), 1);
}

TEST_P(Auth, SessionsEndAfterTheIdleTimeAndAreTouchedAtMostOnceAMinute) {
  ASSERT_EQ(server_->login("canbo").status, 200);
  const auto signed_in = db_->clock().now_unix();
  const auto seen_at = [&](std::int64_t at) {
    return db_->count("user_session WHERE last_seen_at = " + std::to_string(at));
  };
  EXPECT_EQ(seen_at(signed_in), 1);
  db_->clock().advance(30);
  EXPECT_EQ(server_->get("/api/v1/session").status, 200);
  EXPECT_EQ(seen_at(signed_in), 1) << "a read within the minute writes nothing";
  db_->clock().advance(31);
  EXPECT_EQ(server_->get("/api/v1/session").status, 200);
  EXPECT_EQ(seen_at(signed_in + 61), 1);
  // Used again before two hours pass, the session lives on; unused for two hours, it ends.
  db_->clock().advance(std::int64_t{2} * 3600 - 1);
  EXPECT_EQ(server_->get("/api/v1/units").status, 200);
  db_->clock().advance(std::int64_t{2} * 3600);
  auto idle = server_->get("/api/v1/units");
  EXPECT_EQ(idle.status, 401);
  EXPECT_NE(idle.body["error"]["message"].get<std::string>().find("không sử dụng quá 120 phút"), std::string::npos)
      << idle.body.dump();
  // The next sign-in prunes it, and sign-in attempts older than the window.
  EXPECT_EQ(server_->login("canbo", "sai").status, 401);
  db_->clock().advance(3601);
  ASSERT_EQ(server_->login("nhanvien").status, 200);
  EXPECT_EQ(db_->count("user_session"), 1);
  EXPECT_EQ(db_->count("login_attempt"), 1);  // this sign-in's own
}

TEST_P(Auth, ASignInEndsTheSessionTheBrowserStillCarries) {
  ASSERT_EQ(server_->login("canbo").status, 200);
  const auto old_cookie = "tdkt_session=" + server_->session();
  auto again = server_->client().Post("/api/v1/login", {{"Cookie", old_cookie}},
                                      std::string(R"({"username":"nhanvien","password":")") + kTestPassword + R"("})",
                                      "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  server_->send_headers({{"Cookie", old_cookie}});
  EXPECT_EQ(server_->get("/api/v1/session").status, 401);
  EXPECT_EQ(db_->count("user_session"), 1);
}

TEST_P(Auth, AnExpiredSessionIsRefused) {
  ASSERT_EQ(server_->login("canbo").status, 200);
  db_->clock().advance(std::int64_t{12} * 3600 + 1);
  auto expired = server_->get("/api/v1/units");
  EXPECT_EQ(expired.status, 401);
  EXPECT_NE(expired.body["error"]["message"].get<std::string>().find("hết hạn"), std::string::npos);
}

TEST_P(Auth, UnsafeRequestsNeedTheCsrfTokenAndTheirOwnOrigin) {
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

TEST_P(Auth, WithoutASessionNothingIsServedButTheSignInPage) {
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

TEST_P(Auth, AStaffMemberIsRefusedTheAdministrationPages) {
  ASSERT_EQ(server_->login("nhanvien").status, 200);
  auto page = server_->client().Get("/admin/accounts");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 403);
  EXPECT_EQ(server_->get("/api/v1/accounts").status, 403);
  ASSERT_EQ(server_->login("canbo").status, 200);
  EXPECT_EQ(server_->client().Get("/admin/accounts")->status, 403);
}

TEST_P(Auth, LogoutEndsTheSessionEverywhere) {
  ASSERT_EQ(server_->login("canbo").status, 200);
  const auto cookie = server_->session();
  const auto csrf = server_->csrf();
  EXPECT_EQ(server_->post("/api/v1/logout", "{}").status, 204);
  server_->send_headers({{"Cookie", "tdkt_session=" + cookie}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(server_->get("/api/v1/session").status, 401);
}

TEST_P(Auth, ChangingThePasswordChecksTheCurrentOneAndTheRules) {
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

// Issue 16 point 5: the password changed in one browser signs the other one out.
TEST_P(Auth, ChangingThePasswordEndsEveryOtherSession) {
  ASSERT_EQ(server_->login("canbo").status, 200);
  const std::vector<std::pair<std::string, std::string>> other{{"Cookie", "tdkt_session=" + server_->session()},
                                                               {"X-CSRF-Token", server_->csrf()}};
  ASSERT_EQ(server_->login("canbo").status, 200);  // a second browser
  EXPECT_EQ(db_->count("user_session"), 2);
  auto changed = server_->post("/api/v1/account/password", std::string(R"({"current_password":")") + kTestPassword +
                                                               R"(","new_password":"mat-khau-moi-2026"})");
  ASSERT_EQ(changed.status, 204) << changed.body.dump();
  EXPECT_EQ(server_->get("/api/v1/session").status, 200) << "the browser that changed it stays signed in";
  server_->send_headers({other.begin(), other.end()});
  EXPECT_EQ(server_->get("/api/v1/session").status, 401);
  EXPECT_EQ(db_->count("user_session"), 1);
}

TEST_P(Auth, WrongCurrentPasswordsAreThrottledLikeSignIns) {
  ASSERT_EQ(server_->login("canbo").status, 200);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(
        server_->post("/api/v1/account/password", R"({"current_password":"doan","new_password":"mat-khau-moi-2026"})")
            .status,
        400);
  }
  const auto before = db_->fingerprint();
  auto held = server_->post("/api/v1/account/password", std::string(R"({"current_password":")") + kTestPassword +
                                                            R"(","new_password":"mat-khau-moi-2026"})");
  EXPECT_EQ(held.status, 429);
  EXPECT_EQ(held.body["error"]["field"], "current_password");
  EXPECT_EQ(header(held, "Retry-After"), "2");
  EXPECT_EQ(db_->fingerprint(), before);
  // The same account from the same address waits to sign in too.
  EXPECT_EQ(server_->login("canbo").status, 429);
}

TEST_P(Auth, AdministratorsManageAccountsAndCannotLockThemselvesOut) {
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

INSTANTIATE_TEST_SUITE_P(Backends, Auth, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
