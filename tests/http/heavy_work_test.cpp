// Heavy work behind the HTTP layer (issue 15): PDF conversions limited and cached, the bounded
// queue of requests, a graceful stop that finishes the conversion in flight, and Range on stored
// files only. On the demo data, on both backends.

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

class HeavyWork : public DemoServerTest {
 protected:
  // Serves again with other options (the database and its demo data stay).
  void restart(http::ServerOptions options) {
    server_.reset();
    server_ = std::make_unique<TestServer>(*db_, std::move(options));
    ASSERT_EQ(server_->login("thu_canbo").status, 200);
  }

  std::string plan_pdf_path() {
    auto found = server_->get("/api/v1/documents?q=05%2FKH-BDT&year=2023");
    for (const auto& item : found.body["items"]) {
      if (item["number"] == "05/KH-BDT") return "/api/v1/documents/" + std::to_string(item["id"].get<int>()) + "/pdf";
    }
    ADD_FAILURE() << "the demo's plan 05/KH-BDT is missing";
    return {};
  }

  // A GET as its own client, signed in as the test's viewer.
  RawResponse viewer_get(const std::string& path, const std::string& cookie) {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(180);
    RawResponse response;
    if (auto result = client.Get(path, {{"Cookie", "tdkt_session=" + cookie}})) {
      response.status = result->status;
      response.headers = result->headers;
      response.body = result->body;
    }
    return response;
  }

  std::string viewer_cookie() {
    TestServer viewer(*db_);
    EXPECT_EQ(viewer.login("thu_xem").status, 200);
    return viewer.session();
  }
};

// Row 5: six PDF requests at once by the viewer. At most two conversions run (the default);
// the others are refused at once with 429, a Vietnamese message and Retry-After; the same
// unchanged document asked again afterwards comes from the cache without a conversion.
TEST_P(HeavyWork, PdfConversionsAreLimitedAndCached) {
  const auto path = plan_pdf_path();
  const auto cookie = viewer_cookie();
  const auto before = db_->context().pdf().counts();
  std::vector<std::future<RawResponse>> requests;
  for (int i = 0; i < 6; ++i)
    requests.push_back(std::async(std::launch::async, [&] { return viewer_get(path, cookie); }));
  int converted = 0;
  int busy = 0;
  for (auto& request : requests) {
    const auto response = request.get();
    if (response.status == 200) {
      ++converted;
      EXPECT_EQ(response.body.rfind("%PDF-", 0), 0U);
    } else {
      ASSERT_EQ(response.status, 429) << response.body;
      ++busy;
      const auto body = nlohmann::json::parse(response.body);
      EXPECT_EQ(body["error"]["code"], "busy");
      EXPECT_NE(body["error"]["message"].get<std::string>().find("vui lòng thử lại"), std::string::npos);
      EXPECT_FALSE(response.header("Retry-After").empty());
    }
  }
  const auto after = db_->context().pdf().counts();
  EXPECT_LE(after.conversions - before.conversions, 2);
  EXPECT_GE(busy, 1);
  EXPECT_EQ(converted + busy, 6);
  EXPECT_EQ(after.refused - before.refused + (after.cache_hits - before.cache_hits) +
                (after.conversions - before.conversions),
            6);

  const auto again = viewer_get(path, cookie);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.body.rfind("%PDF-", 0), 0U);
  const auto cached = db_->context().pdf().counts();
  EXPECT_EQ(cached.conversions, after.conversions);
  EXPECT_EQ(cached.cache_hits, after.cache_hits + 1);
}

// Past the queue of waiting requests: 503 `overloaded` with Retry-After at once.
TEST_P(HeavyWork, AFullQueueAnswersOverloadedAtOnce) {
  auto options = TestServer::test_options();
  options.threads = 1;
  options.queue_limit = 1;
  restart(options);
  const auto path = plan_pdf_path();
  const auto cookie = viewer_cookie();
  // The one worker converts; one request may wait; the others find the queue full.
  auto converting = std::async(std::launch::async, [&] { return viewer_get(path, cookie); });
  while (db_->context().pdf().counts().conversions == 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::vector<std::future<RawResponse>> others;
  for (int i = 0; i < 5; ++i)
    others.push_back(std::async(std::launch::async, [&] { return viewer_get("/api/v1/session", cookie); }));
  int overloaded = 0;
  for (auto& other : others) {
    const auto response = other.get();
    if (response.status == 200) continue;
    ASSERT_EQ(response.status, 503) << response.body;
    ++overloaded;
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    ASSERT_TRUE(body.is_object());
    EXPECT_EQ(body["error"]["code"], "overloaded");
    EXPECT_NE(body["error"]["message"].get<std::string>().find("quá tải"), std::string::npos);
    EXPECT_EQ(response.header("Retry-After"), "2");
  }
  EXPECT_GE(overloaded, 3);
  EXPECT_EQ(converting.get().status, 200);
}

// A stop (SIGTERM in `tdkt serve`) while a conversion runs: the conversion's answer is sent,
// then the server stops.
TEST_P(HeavyWork, StopFinishesTheRequestInFlight) {
  auto options = TestServer::test_options();
  options.shutdown_seconds = 120;  // longer than any conversion, however busy the machine
  restart(options);
  const auto path = plan_pdf_path();
  const auto cookie = viewer_cookie();
  const auto before = db_->context().pdf().counts().conversions;
  auto in_flight = std::async(std::launch::async, [&] { return viewer_get(path, cookie); });
  while (db_->context().pdf().counts().conversions == before)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  server_->server().stop();
  const auto response = in_flight.get();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body.rfind("%PDF-", 0), 0U);
  httplib::Client late("127.0.0.1", server_->port());
  late.set_connection_timeout(2);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(late.Get("/api/v1/health")) << "the server still accepted after stop";
}

// Range: honoured on a stored file (one range), ignored elsewhere and when several are asked.
TEST_P(HeavyWork, OnlyStoredFilesAnswerARange) {
  auto found = server_->get("/api/v1/documents?q=05%2FKH-BDT&year=2023");
  ASSERT_FALSE(found.body["items"].empty());
  const auto document = std::to_string(found.body["items"][0]["id"].get<int>());
  std::string pdf = "%PDF-1.7\n";
  for (int i = 0; i < 1000; ++i)
    pdf += "dòng " + std::to_string(i) + "\n";
  auto uploaded =
      server_->post("/api/v1/documents/" + document + "/attachments?file_name=ban-ky.pdf", pdf, "application/pdf");
  ASSERT_EQ(uploaded.status, 201) << uploaded.body.dump();
  const auto path = "/api/v1/attachments/" + std::to_string(uploaded.body["id"].get<int>());
  auto& client = server_->client();

  auto part = client.Get(path, {{"Range", "bytes=10-19"}});
  ASSERT_TRUE(part);
  EXPECT_EQ(part->status, 206);
  EXPECT_EQ(part->body, pdf.substr(10, 10));
  EXPECT_EQ(part->get_header_value("Content-Range"), "bytes 10-19/" + std::to_string(pdf.size()));

  auto tail = client.Get(path, {{"Range", "bytes=-5"}});
  ASSERT_TRUE(tail);
  EXPECT_EQ(tail->status, 206);
  EXPECT_EQ(tail->body, pdf.substr(pdf.size() - 5));

  auto several = client.Get(path, {{"Range", "bytes=0-1,5-6"}});
  ASSERT_TRUE(several);
  EXPECT_EQ(several->status, 200);
  EXPECT_EQ(several->body, pdf);

  auto outside = client.Get(path, {{"Range", "bytes=999999-"}});
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->status, 416);
  EXPECT_EQ(outside->get_header_value("Content-Range"), "bytes */" + std::to_string(pdf.size()));

  auto export_range = client.Get("/api/v1/grants/export", {{"Range", "bytes=0-9"}});
  ASSERT_TRUE(export_range);
  EXPECT_EQ(export_range->status, 200);
  EXPECT_GT(export_range->body.size(), 10U);
}

INSTANTIATE_TEST_SUITE_P(Backends, HeavyWork, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
