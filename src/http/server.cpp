#include "http/server.hpp"

// Boost 1.74's asio/awaitable.hpp needs std::exchange under C++20 (STACK.md §3.2).
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tdkt::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;

// A fixed set of threads taking jobs from a bounded queue. `try_post` refuses a job when the
// queue is full instead of letting it grow; `stop` runs what is queued, then joins.
class WorkerPool {
 public:
  WorkerPool(int threads, std::size_t limit) : limit_(limit) {
    for (int i = 0; i < std::max(1, threads); ++i)
      threads_.emplace_back([this] { run(); });
  }
  ~WorkerPool() { stop(); }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  bool try_post(std::function<void()> job) {
    {
      std::lock_guard lock(mutex_);
      if (stopped_ || queue_.size() >= limit_) return false;
      queue_.push_back(std::move(job));
    }
    ready_.notify_one();
    return true;
  }

  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    ready_.notify_all();
    for (auto& thread : threads_) {
      if (thread.joinable()) thread.join();
    }
  }

 private:
  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stopped_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      job();
    }
  }

  std::size_t limit_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  bool stopped_ = false;
  std::vector<std::thread> threads_;
};

std::string trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return std::string(text);
}

std::string address_text(const asio::ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string();
  }
  return address.to_string();
}

}  // namespace

class Session;

class Server::Impl {
 public:
  Impl(Services services, ServerOptions options)
      : options_(std::move(options)),
        dispatcher_(std::move(services),
                    DispatchOptions{options_.max_body_bytes, options_.max_upload_bytes,
                                    options_.secure_cookies ? CookieSecurity::kTls : CookieSecurity::kPlain, "", ""}),
        workers_(options_.threads, options_.queue_limit),
        acceptor_(io_),
        drain_timer_(io_),
        accept_timer_(io_),
        work_(asio::make_work_guard(io_)) {}
  ~Impl() {
    stop();
    workers_.stop();
  }

  int bind(const std::string& host, int port);
  bool listen();
  void stop();
  void mount_files(const std::string& prefix, const std::string& directory) {
    dispatcher_.serve_files(prefix, directory);
  }

  const ServerOptions& options() const { return options_; }
  const Dispatcher& dispatcher() const { return dispatcher_; }
  WorkerPool& workers() { return workers_; }
  bool stopping() const { return stopping_.load(); }
  bool trusted(const std::string& peer) const {
    return std::find(options_.trusted_proxies.begin(), options_.trusted_proxies.end(), peer) !=
           options_.trusted_proxies.end();
  }

  void enter(Session* session, std::weak_ptr<Session> handle) {
    std::lock_guard lock(sessions_mutex_);
    sessions_.emplace(session, std::move(handle));
  }
  void leave(Session* session) {
    std::lock_guard lock(sessions_mutex_);
    sessions_.erase(session);
    --connections_;
  }
  // The sessions still open, each held for the caller. Taken under the lock but used and released
  // outside it: the last reference to a session may be the caller's, and its destructor calls
  // leave(), which takes the lock (a self-deadlock at stop, seen under load).
  std::vector<std::shared_ptr<Session>> live_sessions() {
    std::vector<std::shared_ptr<Session>> live;
    std::lock_guard lock(sessions_mutex_);
    live.reserve(sessions_.size());
    for (auto& [raw, handle] : sessions_) {
      if (auto session = handle.lock()) live.push_back(std::move(session));
    }
    return live;
  }

 private:
  void accept();
  void drain(std::chrono::steady_clock::time_point deadline);

  ServerOptions options_;
  Dispatcher dispatcher_;
  WorkerPool workers_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> connections_{0};
  std::mutex sessions_mutex_;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions_;
  bool bound_ = false;
  // Declared last, destroyed first: nothing above may be needed by the io_context's handlers
  // when they are destroyed with it; what uses the io_context comes after it.
  asio::io_context io_;
  std::optional<asio::signal_set> signals_;
  tcp::acceptor acceptor_;
  asio::steady_timer drain_timer_;
  asio::steady_timer accept_timer_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;

  friend class Session;
};

// One connection: reads a request (header, then body) within the limits, hands it to the
// worker pool, writes the answer, and waits for the next one. Runs on its own strand.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server)
      : stream_(std::move(socket)), deadline_(stream_.get_executor()), server_(server) {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    peer_ = ec ? std::string() : address_text(endpoint.address());
  }
  ~Session() { server_.leave(this); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void start() {
    server_.enter(this, weak_from_this());
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->wait_for_request(); });
  }

  // Closes the connection whatever it is doing (the stop's grace period is over).
  void abort() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] { self->close(); });
  }

  // On stop: a connection waiting for its next request is closed now; one with a request in
  // hand finishes it and closes after its answer.
  void stop_if_idle() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->state_ == State::kWaiting) self->close();
    });
  }

 private:
  enum class State { kWaiting, kReading, kHandling, kWriting, kClosed };

  // Reads have deadlines of their own (not the stream's, which closes the socket when it
  // expires): on expiry the read is cancelled, so that a 408 can still be written.
  void arm(int seconds) {
    const auto generation = ++generation_;
    timed_out_ = false;
    deadline_.expires_after(std::chrono::seconds(seconds));
    deadline_.async_wait([self = shared_from_this(), generation](beast::error_code ec) {
      if (ec || generation != self->generation_) return;
      self->timed_out_ = true;
      beast::error_code ignored;
      self->stream_.socket().cancel(ignored);
    });
  }
  void disarm() {
    ++generation_;
    deadline_.cancel();
  }

  void wait_for_request() {
    if (server_.stopping()) return close();
    stream_.expires_never();
    if (buffer_.size() > 0) return read_header();
    state_ = State::kWaiting;
    arm(server_.options().keep_alive_seconds);
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->disarm();
      self->buffer_.commit(n);
      if (ec || n == 0) return self->close();
      self->read_header();
    });
  }

  void read_header() {
    state_ = State::kReading;
    target_.clear();
    path_.clear();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options().header_limit));
    // No body limit while the header is read (Beast would refuse a large Content-Length as a
    // malformed header); the route's limit is set once the header is known.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    arm(server_.options().header_seconds);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) {
                               self->disarm();
                               self->on_header(ec);
                             });
  }

  void on_header(beast::error_code ec) {
    if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) {
      return refuse({ErrorCode::kHeadersTooLarge,
                     "Dòng yêu cầu hoặc phần tiêu đề quá lớn (tối đa " +
                         std::to_string(server_.options().header_limit / 1024) + " KiB).",
                     ""});
    }
    if (timed_out_) return refuse({ErrorCode::kTimeout, "Hết thời gian chờ nhận yêu cầu.", ""});
    if (ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
        ec == asio::error::operation_aborted) {
      return close();
    }
    if (ec) return refuse(Error::invalid("", "Yêu cầu HTTP không hợp lệ."));
    const auto& header = parser_->get();
    if (static_cast<std::size_t>(std::distance(header.begin(), header.end())) > server_.options().max_header_count) {
      return refuse(
          {ErrorCode::kHeadersTooLarge,
           "Yêu cầu có quá nhiều tiêu đề (tối đa " + std::to_string(server_.options().max_header_count) + ").", ""});
    }
    if (auto encoding = trim(std::string(header[bhttp::field::content_encoding]));
        !encoding.empty() && encoding != "identity") {
      return refuse({ErrorCode::kUnsupportedMedia,
                     "Không nhận nội dung nén (Content-Encoding: " + encoding + "); hãy gửi nội dung không nén.", ""});
    }
    if (auto coding = trim(std::string(header[bhttp::field::transfer_encoding]));
        !coding.empty() && coding != "chunked") {
      return refuse(
          {ErrorCode::kUnsupportedMedia, "Không nhận mã hóa truyền tải \"" + coding + "\"; chỉ nhận \"chunked\".", ""});
    }
    target_ = std::string(header.target());
    const auto query_at = target_.find('?');
    path_ = percent_decode(std::string_view(target_).substr(0, query_at), false);
    const auto limit = server_.dispatcher().body_limit(std::string(header.method_string()), path_);
    if (const auto length = parser_->content_length(); length && *length > limit) {
      return refuse({ErrorCode::kTooLarge, "Nội dung gửi lên quá lớn (tối đa " + size_text(limit) + ").", ""});
    }
    parser_->body_limit(limit);
    if (parser_->is_done()) return handle();
    if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
      static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      stream_.expires_after(std::chrono::seconds(server_.options().write_seconds));
      return asio::async_write(stream_, asio::buffer(kContinue),
                               [self = shared_from_this()](beast::error_code write_error, std::size_t) {
                                 if (write_error) return self->close();
                                 self->stream_.expires_never();
                                 self->read_body();
                               });
    }
    read_body();
  }

  void read_body() {
    arm(server_.options().body_seconds);
    bhttp::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      self->disarm();
      self->on_body(ec);
    });
  }

  void on_body(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) {
      return refuse(
          {ErrorCode::kTooLarge,
           "Nội dung gửi lên quá lớn (tối đa " +
               size_text(server_.dispatcher().body_limit(std::string(parser_->get().method_string()), path_)) + ").",
           ""});
    }
    if (timed_out_) return refuse({ErrorCode::kTimeout, "Hết thời gian chờ nhận nội dung.", ""});
    if (ec == bhttp::error::partial_message || ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
        ec == asio::error::connection_reset || ec == asio::error::operation_aborted) {
      return close();  // the client went away half way: nobody to answer
    }
    if (ec) return refuse(Error::invalid("", "Nội dung yêu cầu HTTP không hợp lệ."));
    handle();
  }

  void handle() {
    auto message = parser_->release();
    parser_.reset();
    auto request = std::make_shared<HttpRequest>();
    request->method = std::string(message.method_string());
    request->target = target_;
    request->path = path_;
    if (const auto query_at = target_.find('?'); query_at != std::string::npos) {
      request->query = parse_query(std::string_view(target_).substr(query_at + 1));
    }
    for (const auto& field : message) {
      request->headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request->body = std::move(message.body());
    request->peer_address = peer_;
    request->client_address = peer_;
    if (server_.trusted(peer_)) {
      const auto forwarded = request->header("X-Forwarded-For");
      if (!forwarded.empty()) {
        const auto comma = forwarded.rfind(',');
        auto last = trim(comma == std::string::npos ? std::string_view(forwarded)
                                                    : std::string_view(forwarded).substr(comma + 1));
        if (!last.empty()) request->client_address = std::move(last);
      }
      if (trim(request->header("X-Forwarded-Proto")) == "https") request->scheme = "https";
    }
    keep_alive_ = message.keep_alive();
    version_ = message.version();
    stream_.expires_never();
    state_ = State::kHandling;
    if (server_.dispatcher().lane(request->method, request->path) == Lane::kInline) {
      return write(server_.dispatcher().handle(*request), Keep::kIfAsked);
    }
    auto self = shared_from_this();
    const bool queued = server_.workers().try_post([self, request] {
      auto response = std::make_shared<HttpResponse>(self->server_.dispatcher().handle(*request));
      asio::post(self->stream_.get_executor(), [self, response] { self->write(std::move(*response), Keep::kIfAsked); });
    });
    if (!queued) {
      auto busy = server_.dispatcher().error(
          *request, {ErrorCode::kOverloaded, "Máy chủ đang quá tải; vui lòng thử lại sau ít giây.", ""});
      busy.set_header("Retry-After", "2");
      write(std::move(busy), Keep::kIfAsked);
    }
  }

  enum class Keep { kIfAsked, kNever };

  // Answers before the body was read (or when the request cannot be read): the connection
  // cannot carry another request, so it is closed after the answer.
  void refuse(const Error& error) {
    HttpRequest request;
    request.path = path_.empty() ? "/api/" : path_;
    version_ = 11;
    write(server_.dispatcher().error(request, error), Keep::kNever);
  }

  void write(HttpResponse response, Keep keep) {
    if (state_ == State::kClosed) return;
    state_ = State::kWriting;
    auto message = std::make_shared<bhttp::response<bhttp::string_body>>();
    message->version(version_);
    message->result(static_cast<unsigned>(response.status));
    for (auto& [name, value] : response.headers)
      message->insert(name, value);
    message->body() = std::move(response.body);
    const bool again = keep == Keep::kIfAsked && keep_alive_ && !server_.stopping();
    message->keep_alive(again);
    message->prepare_payload();
    stream_.expires_after(std::chrono::seconds(server_.options().write_seconds));
    bhttp::async_write(stream_, *message,
                       [self = shared_from_this(), message, again, keep](beast::error_code ec, std::size_t) {
                         if (ec) return self->close();
                         if (keep == Keep::kNever) return self->linger();
                         if (!again) return self->close();
                         self->wait_for_request();
                       });
  }

  // After an early answer the client may still be sending: stop writing, then read and drop
  // what comes (at most 32 MiB, for at most 5 s) so that a client that writes its whole body
  // before reading still gets the answer instead of a reset; then close.
  void linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    state_ = State::kClosed;
    stream_.expires_after(std::chrono::seconds(5));
    drain_some(0);
  }
  void drain_some(std::size_t drained) {
    buffer_.consume(buffer_.size());
    if (drained > (32u << 20)) return close();
    stream_.async_read_some(buffer_.prepare(64 << 10),
                            [self = shared_from_this(), drained](beast::error_code ec, std::size_t n) {
                              if (ec) return self->close();
                              self->drain_some(drained + n);
                            });
  }

  void close() {
    state_ = State::kClosed;
    disarm();
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  static std::string size_text(std::size_t bytes) {
    if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes >> 10) + " KiB";
  }

  beast::tcp_stream stream_;
  asio::steady_timer deadline_;
  std::uint64_t generation_ = 0;
  bool timed_out_ = false;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Server::Impl& server_;
  std::string peer_;
  std::string target_;
  std::string path_;
  bool keep_alive_ = false;
  unsigned version_ = 11;
  State state_ = State::kWaiting;
};

int Server::Impl::bind(const std::string& host, int port) {
  beast::error_code ec;
  const auto address = asio::ip::make_address(host == "localhost" ? "127.0.0.1" : host, ec);
  if (ec) return -1;
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
  acceptor_.open(endpoint.protocol(), ec);
  if (ec) return -1;
  acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  acceptor_.bind(endpoint, ec);
  if (ec) return -1;
  acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return -1;
  bound_ = true;
  return acceptor_.local_endpoint().port();
}

void Server::Impl::accept() {
  acceptor_.async_accept(asio::make_strand(io_), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
    if (ec) {
      // Out of descriptors, say: wait a moment rather than spin.
      accept_timer_.expires_after(std::chrono::milliseconds(50));
      return accept_timer_.async_wait([this](beast::error_code) {
        if (!stopping_) accept();
      });
    }
    if (stopping_ || connections_.load() >= options_.max_connections) {
      beast::error_code ignored;
      socket.close(ignored);
    } else {
      socket.set_option(tcp::no_delay(true), ec);
      ++connections_;
      std::make_shared<Session>(std::move(socket), *this)->start();
    }
    accept();
  });
}

bool Server::Impl::listen() {
  if (!bound_ || stopping_) return false;
  if (options_.signals == Signals::kStopServer) {
    signals_.emplace(io_, SIGINT, SIGTERM);
    signals_->async_wait([this](beast::error_code ec, int) {
      if (!ec) stop();
    });
  }
  accept();
  std::vector<std::thread> extra;
  for (int i = 1; i < options_.io_threads; ++i)
    extra.emplace_back([this] { io_.run(); });
  io_.run();
  for (auto& thread : extra)
    thread.join();
  return true;
}

void Server::Impl::stop() {
  if (stopping_.exchange(true)) return;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options_.shutdown_seconds);
  asio::post(io_, [this, deadline] {
    beast::error_code ignored;
    acceptor_.close(ignored);
    if (signals_) signals_->cancel(ignored);
    for (const auto& session : live_sessions())
      session->stop_if_idle();
    drain(deadline);
  });
}

void Server::Impl::drain(std::chrono::steady_clock::time_point deadline) {
  if (connections_.load() == 0) {
    work_.reset();
    io_.stop();
    return;
  }
  if (std::chrono::steady_clock::now() >= deadline) {
    // Past the grace period: close what is left, so that no client waits on a server that is
    // gone, then stop a moment later.
    for (const auto& session : live_sessions())
      session->abort();
    drain_timer_.expires_after(std::chrono::milliseconds(100));
    drain_timer_.async_wait([this](beast::error_code) {
      work_.reset();
      io_.stop();
    });
    return;
  }
  drain_timer_.expires_after(std::chrono::milliseconds(20));
  drain_timer_.async_wait([this, deadline](beast::error_code) { drain(deadline); });
}

Server::Server(Services services, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(services), std::move(options))) {}

Server::~Server() = default;

int Server::bind(const std::string& host, int port) {
  return impl_->bind(host, port);
}

void Server::mount_files(const std::string& prefix, const std::string& directory) {
  impl_->mount_files(prefix, directory);
}

bool Server::listen() {
  return impl_->listen();
}

void Server::stop() {
  impl_->stop();
}

}  // namespace tdkt::http
