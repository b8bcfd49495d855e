#pragma once
// A tdkt HTTP server on a free loopback port, over a TestDatabase, for the length of a test.

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "http/server.hpp"
#include "ingest/demo.hpp"
#include "support/test_database.hpp"

namespace tdkt::testing {

struct JsonResponse {
  int status = 0;
  nlohmann::json body;
  httplib::Headers headers;
};

struct RawResponse {
  int status = 0;
  std::string body;
  httplib::Headers headers;

  std::string header(const std::string& name) const {
    auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
  }
};

class TestServer {
 public:
  explicit TestServer(TestDatabase& database, http::ServerOptions options = test_options())
      : server_(database.context().services(), std::move(options)) {
    port_ = server_.bind("127.0.0.1", 0);
    thread_ = std::thread([this] { server_.listen(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_connection_timeout(5);
    client_->set_read_timeout(150);  // a PDF conversion may take up to 120 s on a busy machine
    for (int i = 0; i < 100 && !client_->Get("/api/v1/health"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~TestServer() {
    server_.stop();
    thread_.join();
  }

  // Small pools, so that the limits are reached by a test's few connections.
  static http::ServerOptions test_options() {
    http::ServerOptions options;
    options.threads = 8;
    options.keep_alive_seconds = 1;
    options.shutdown_seconds = 5;
    return options;
  }

  httplib::Client& client() { return *client_; }
  http::Server& server() { return server_; }
  int port() const { return port_; }

  // Signs in and sends the session cookie and CSRF token with every later request.
  JsonResponse login(const std::string& username, const std::string& password = kTestPassword) {
    client_->set_default_headers({});
    auto response = wrap(client_->Post(
        "/api/v1/login", nlohmann::json{{"username", username}, {"password", password}}.dump(), "application/json"));
    if (response.status == 200) {
      session_ = cookie_from(response.headers);
      csrf_ = response.body.value("csrf_token", "");
      client_->set_default_headers({{"Cookie", "tdkt_session=" + session_}, {"X-CSRF-Token", csrf_}});
    }
    return response;
  }
  void forget_session() { client_->set_default_headers({}); }
  void send_headers(const httplib::Headers& headers) { client_->set_default_headers(headers); }
  const std::string& session() const { return session_; }
  const std::string& csrf() const { return csrf_; }

  JsonResponse get(const std::string& path) { return wrap(client_->Get(path)); }
  JsonResponse post(const std::string& path, const std::string& body, const std::string& type = "application/json") {
    return wrap(client_->Post(path, body, type));
  }
  JsonResponse patch(const std::string& path, const std::string& body) {
    return wrap(client_->Patch(path, body, "application/json"));
  }
  JsonResponse put(const std::string& path, const std::string& body) {
    return wrap(client_->Put(path, body, "application/json"));
  }
  JsonResponse del(const std::string& path) { return wrap(client_->Delete(path)); }
  // A GET whose answer is a file (an Excel form, say): the body as sent, not parsed.
  RawResponse get_raw(const std::string& path) {
    RawResponse response;
    if (auto result = client_->Get(path)) {
      response.status = result->status;
      response.headers = result->headers;
      response.body = result->body;
    }
    return response;
  }

 private:
  static std::string cookie_from(const httplib::Headers& headers) {
    for (const auto& [name, value] : headers) {
      if (name == "Set-Cookie" && value.rfind("tdkt_session=", 0) == 0) {
        return value.substr(13, value.find(';') - 13);
      }
    }
    return {};
  }
  static JsonResponse wrap(const httplib::Result& result) {
    JsonResponse response;
    if (!result) return response;
    response.status = result->status;
    response.headers = result->headers;
    response.body = nlohmann::json::parse(result->body, nullptr, false);
    return response;
  }

  http::Server server_;
  int port_ = -1;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  std::string session_;
  std::string csrf_;
};

// A server over the demo data on the backend the test is instantiated with, with an officer
// ("thu_canbo", signed in) and a viewer ("thu_xem") of the test's own.
class DemoServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto summary = ingest::load_demo(db_->context().demo_services());
    ASSERT_TRUE(summary) << summary.error().message;
    db_->add_account("thu_canbo", domain::Role::kOfficer);
    db_->add_account("thu_xem", domain::Role::kViewer);
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("thu_canbo").status, 200);
  }
  void TearDown() override {
    server_.reset();
    db_.reset();
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
};

}  // namespace tdkt::testing
