// The HTTP transport under attack (issue 15): each request of the issue's table, and the other
// malformed requests, sent over a raw socket to a real server on loopback, on both backends. Each
// test checks the answer (status and stable error code), that the server's memory did not grow
// with the attack, and that another client is still served.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "http/request.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

// The process's peak resident memory, in KiB (VmHWM). The server runs in this process.
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// A plain TCP connection to the test server, for requests no HTTP client library would send.
class Connection {
 public:
  explicit Connection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Connection() {
    if (fd_ >= 0) ::close(fd_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool connected() const { return connected_; }

  // Sends everything; false when the peer closed or reset.
  bool send(std::string_view data) {
    while (!data.empty()) {
      const auto sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }
  void end_sending() { ::shutdown(fd_, SHUT_WR); }

  // True when an answer (or the close) is waiting to be read.
  bool readable(int milliseconds = 0) {
    pollfd poll_fd{fd_, POLLIN, 0};
    return ::poll(&poll_fd, 1, milliseconds) > 0;
  }

  // Reads until the peer closes, or until a complete answer with its Content-Length arrived, or
  // `seconds` passed. Returns what was read.
  std::string read_answer(int seconds = 10) {
    std::string answer;
    char buffer[65536];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      if (!readable(100)) continue;
      const auto got = ::recv(fd_, buffer, sizeof buffer, 0);
      if (got <= 0) break;
      answer.append(buffer, static_cast<std::size_t>(got));
      if (complete(answer)) break;
    }
    return answer;
  }

  // True when the peer has closed the connection (read returns 0 or an error) within `seconds`.
  bool closed_by_peer(int seconds) {
    char buffer[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      if (!readable(100)) continue;
      const auto got = ::recv(fd_, buffer, sizeof buffer, 0);
      if (got <= 0) return true;
    }
    return false;
  }

  static bool complete(const std::string& answer) {
    const auto end = answer.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    const auto head = answer.substr(0, end);
    auto at = head.find("Content-Length: ");
    if (at == std::string::npos) at = head.find("content-length: ");
    if (at == std::string::npos) return true;
    const auto length = std::stoul(head.substr(at + 16));
    return answer.size() >= end + 4 + length;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

int status_of(const std::string& answer) {
  if (answer.rfind("HTTP/1.1 ", 0) != 0 || answer.size() < 12) return 0;
  return std::stoi(answer.substr(9, 3));
}

std::string body_of(const std::string& answer) {
  const auto end = answer.find("\r\n\r\n");
  return end == std::string::npos ? std::string() : answer.substr(end + 4);
}

std::string header_of(const std::string& answer, const std::string& name) {
  const auto head = answer.substr(0, answer.find("\r\n\r\n"));
  const auto at = head.find("\r\n" + name + ": ");
  if (at == std::string::npos) return {};
  const auto start = at + 4 + name.size();
  return head.substr(start, head.find("\r\n", start) - start);
}

std::string code_of(const std::string& answer) {
  const auto body = nlohmann::json::parse(body_of(answer), nullptr, false);
  if (!body.is_object() || !body.contains("error")) return {};
  return body["error"].value("code", "");
}

// A gzip stream of `inflated` zero bytes, built chunk by chunk (256 MiB of zeros give ~255 KB).
std::string gzip_bomb(std::size_t inflated) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::string zeros(1 << 20, '\0');
  std::string out;
  char buffer[1 << 16];
  for (std::size_t done = 0; done < inflated; done += zeros.size()) {
    const bool last = done + zeros.size() >= inflated;
    stream.next_in = reinterpret_cast<Bytef*>(zeros.data());
    stream.avail_in = static_cast<uInt>(zeros.size());
    do {
      stream.next_out = reinterpret_cast<Bytef*>(buffer);
      stream.avail_out = sizeof buffer;
      deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
      out.append(buffer, sizeof buffer - stream.avail_out);
    } while (stream.avail_out == 0);
  }
  deflateEnd(&stream);
  return out;
}

constexpr long kAllowedGrowthKiB = 48 << 10;  // what one attack may add to the peak (48 MiB)

class Transport : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { start(TestServer::test_options()); }
  void TearDown() override {
    server_.reset();
    db_.reset();
  }
  void start(http::ServerOptions options) {
    server_.reset();
    db_ = std::make_unique<TestDatabase>(GetParam());
    db_->add_account("canbo.thu", domain::Role::kOfficer);
    server_ = std::make_unique<TestServer>(*db_, std::move(options));
  }

  // Another user, meanwhile: the health check still answers.
  void expect_others_served() {
    httplib::Client other("127.0.0.1", server_->port());
    other.set_connection_timeout(5);
    other.set_read_timeout(10);
    auto health = other.Get("/api/v1/health");
    ASSERT_TRUE(health) << "another client was not served";
    EXPECT_EQ(health->status, 200);
    EXPECT_NE(health->body.find("schema_version"), std::string::npos);
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
};

// Row 1: 20 MiB to the public sign-in with Transfer-Encoding: chunked. The 1 MiB limit of JSON
// bodies holds for chunked bodies too, while reading: the answer comes long before the client
// has sent its 20 MiB.
TEST_P(Transport, AChunkedBodyOverTheLimitIsRefusedWhileItIsRead) {
  const long before = peak_rss_kib();
  Connection attacker(server_->port());
  ASSERT_TRUE(attacker.connected());
  ASSERT_TRUE(
      attacker.send("POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk_data(64 << 10, 'a');
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk_data.size());
  const std::string chunk = std::string(size_line) + chunk_data + "\r\n";
  std::size_t sent = 0;
  while (sent < (20u << 20) && !attacker.readable()) {
    if (!attacker.send(chunk)) break;
    sent += chunk_data.size();
  }
  const auto answer = attacker.read_answer();
  EXPECT_EQ(status_of(answer), 413) << answer.substr(0, 300);
  EXPECT_EQ(code_of(answer), "too_large");
  EXPECT_NE(body_of(answer).find("quá lớn"), std::string::npos);
  EXPECT_LT(sent, 12u << 20) << "the server read on far past its limit before answering";
  EXPECT_LT(peak_rss_kib() - before, kAllowedGrowthKiB);
  expect_others_served();
}

// Row 2: a gzip body that would inflate to 256 MiB. Compressed request bodies are refused from
// the headers alone; nothing is inflated.
TEST_P(Transport, ACompressedBodyIsRefusedWithoutInflatingIt) {
  const auto bomb = gzip_bomb(std::size_t{256} << 20);
  ASSERT_LT(bomb.size(), 400u << 10);
  const long before = peak_rss_kib();
  Connection attacker(server_->port());
  ASSERT_TRUE(
      attacker.send("POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    "Content-Encoding: gzip\r\nContent-Length: " +
                    std::to_string(bomb.size()) + "\r\n\r\n"));
  attacker.send(bomb);
  const auto answer = attacker.read_answer();
  EXPECT_EQ(status_of(answer), 415) << answer.substr(0, 300);
  EXPECT_EQ(code_of(answer), "unsupported_media_type");
  EXPECT_NE(body_of(answer).find("Không nhận nội dung nén"), std::string::npos);
  EXPECT_LT(peak_rss_kib() - before, kAllowedGrowthKiB);
  expect_others_served();
}

// Row 3: 200 ranges of the whole public API description. Only stored files honour a Range;
// everything else is answered once, whole.
TEST_P(Transport, ManyRangesOfAPublicDocumentGetTheDocumentOnce) {
  auto plain = server_->client().Get("/api/v1/openapi.json");
  ASSERT_TRUE(plain);
  ASSERT_EQ(plain->status, 200);
  std::string ranges = "bytes=0-";
  for (int i = 1; i < 200; ++i)
    ranges += ",0-";
  const long before = peak_rss_kib();
  Connection attacker(server_->port());
  ASSERT_TRUE(attacker.send("GET /api/v1/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: " + ranges + "\r\n\r\n"));
  const auto answer = attacker.read_answer();
  EXPECT_EQ(status_of(answer), 200);
  EXPECT_EQ(body_of(answer).size(), plain->body.size());
  EXPECT_EQ(header_of(answer, "Content-Range"), "");
  EXPECT_LT(peak_rss_kib() - before, kAllowedGrowthKiB);
}

// Row 7: 64 idle connections and 64 that send their headers one byte at a time do not stop the
// server from answering others; the slow ones are cut at the header deadline.
TEST_P(Transport, SlowAndIdleConnectionsDoNotStarveOthers) {
  auto options = TestServer::test_options();
  options.header_seconds = 2;
  options.keep_alive_seconds = 30;
  start(options);
  std::vector<std::unique_ptr<Connection>> idle;
  std::vector<std::unique_ptr<Connection>> slow;
  for (int i = 0; i < 64; ++i) {
    idle.push_back(std::make_unique<Connection>(server_->port()));
    slow.push_back(std::make_unique<Connection>(server_->port()));
    ASSERT_TRUE(slow.back()->send("GET /api/v1/health HTTP/1.1\r\n"));
  }
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    for (int round = 0; round < 40 && !done; ++round) {
      for (auto& connection : slow)
        connection->send("X");
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  for (int i = 0; i < 20; ++i)
    expect_others_served();
  // The slow clients get 408 (or the close) at the header deadline, not a worker each.
  const auto cut = slow.front()->read_answer(10);
  done = true;
  trickle.join();
  EXPECT_TRUE(cut.empty() || status_of(cut) == 408) << cut.substr(0, 200);
  expect_others_served();
}

TEST_P(Transport, ARequestLineOrHeaderBlockOverTheLimitIsRefused) {
  const long before = peak_rss_kib();
  {
    Connection long_line(server_->port());
    long_line.send("GET /" + std::string(64 << 10, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto answer = long_line.read_answer();
    EXPECT_EQ(status_of(answer), 431) << answer.substr(0, 200);
    EXPECT_EQ(code_of(answer), "headers_too_large");
  }
  {
    // 30 MiB of request line without a newline: refused once the limit is passed.
    Connection endless(server_->port());
    endless.send("GET /");
    const std::string piece(1 << 20, 'a');
    std::size_t sent = 0;
    while (sent < (30u << 20) && !endless.readable()) {
      if (!endless.send(piece)) break;
      sent += piece.size();
    }
    EXPECT_EQ(status_of(endless.read_answer()), 431);
    EXPECT_LT(sent, 12u << 20);
  }
  {
    Connection big_header(server_->port());
    big_header.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(40 << 10, 'b') + "\r\n\r\n");
    EXPECT_EQ(status_of(big_header.read_answer()), 431);
  }
  {
    std::string many = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 20000; ++i)
      many += "X-H" + std::to_string(i) + ": 1\r\n";
    Connection headers(server_->port());
    headers.send(many + "\r\n");
    const auto answer = headers.read_answer();
    EXPECT_EQ(status_of(answer), 431) << answer.substr(0, 200);
    EXPECT_EQ(code_of(answer), "headers_too_large");
  }
  {
    // A few hundred small headers: under the byte limit, over the count.
    std::string many = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 300; ++i)
      many += "X" + std::to_string(i) + ": 1\r\n";
    Connection headers(server_->port());
    headers.send(many + "\r\n");
    const auto answer = headers.read_answer();
    EXPECT_EQ(status_of(answer), 431);
    EXPECT_NE(body_of(answer).find("quá nhiều tiêu đề"), std::string::npos);
  }
  EXPECT_LT(peak_rss_kib() - before, kAllowedGrowthKiB);
  expect_others_served();
}

TEST_P(Transport, ABodyThatStopsHalfWayChangesNothing) {
  auto options = TestServer::test_options();
  options.body_seconds = 1;
  start(options);
  ASSERT_EQ(server_->login("canbo.thu").status, 200);
  const auto before = db_->fingerprint();
  const std::string body = R"({"name":"Phòng bỏ dở","kind":"department","valid_from":"2020-01-01"})";
  const std::string head =
      "POST /api/v1/units HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Cookie: tdkt_session=" +
      server_->session() + "\r\nX-CSRF-Token: " + server_->csrf() +
      "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  {
    // The client goes away half way: no answer, nothing written.
    Connection gone(server_->port());
    gone.send(head + body.substr(0, body.size() / 2));
    gone.end_sending();
    EXPECT_TRUE(gone.closed_by_peer(5));
  }
  {
    // The client stops sending but stays: 408 at the body deadline.
    Connection stalled(server_->port());
    stalled.send(head + body.substr(0, body.size() / 2));
    const auto answer = stalled.read_answer(10);
    EXPECT_EQ(status_of(answer), 408) << answer.substr(0, 200);
    EXPECT_EQ(code_of(answer), "timeout");
  }
  EXPECT_EQ(db_->fingerprint(), before);
  expect_others_served();
}

TEST_P(Transport, OtherTransferCodingsAndMalformedRequestsAreRefused) {
  Connection coded(server_->port());
  coded.send(
      "POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip, "
      "chunked\r\n\r\n0\r\n\r\n");
  EXPECT_EQ(status_of(coded.read_answer()), 415);
  Connection garbage(server_->port());
  garbage.send("HELLO WORLD\r\n\r\n");
  const auto answer = garbage.read_answer();
  EXPECT_EQ(status_of(answer), 400) << answer.substr(0, 200);
  expect_others_served();
}

TEST(RequestParsing, QueryStringsAreDecoded) {
  const auto query = http::parse_query("q=nguy%E1%BB%85n+v%C4%83n&year=2023&empty&x=%zz");
  EXPECT_EQ(query.find("q")->second, "nguyễn văn");
  EXPECT_EQ(query.find("year")->second, "2023");
  EXPECT_EQ(query.find("empty")->second, "");
  EXPECT_EQ(query.find("x")->second, "%zz");
  EXPECT_EQ(http::percent_encode("/people?q=a b"), "%2Fpeople%3Fq%3Da%20b");
}

INSTANTIATE_TEST_SUITE_P(Backends, Transport, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
