#include "documents/pdf.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "documents/package.hpp"

extern char** environ;

namespace tdkt::documents {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kInstallHint = " Cần cài gói libreoffice-writer-nogui trên máy chủ.";
constexpr auto kPollInterval = std::chrono::milliseconds(20);
// How much of LibreOffice's own output an error message quotes.
constexpr std::size_t kLogTail = 300;

Error unavailable(std::string message) {
  return {ErrorCode::kUnavailable, std::move(message), {}};
}

// A private folder under $TMPDIR (or /tmp), removed with its content when it goes out of scope:
// LibreOffice's profile, HOME, the documents in and out.
class TempDir {
 public:
  static Result<TempDir> create() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/tdkt-pdf-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr)
      return unavailable("Không tạo được thư mục tạm để chuyển sang PDF (" + std::string(std::strerror(errno)) + ").");
    return TempDir(pattern);
  }
  TempDir(TempDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  TempDir& operator=(TempDir&&) = delete;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  explicit TempDir(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

bool executable(const fs::path& path) {
  std::error_code ignored;
  return fs::is_regular_file(path, ignored) && access(path.c_str(), X_OK) == 0;
}

// The converter's full path: the configured program (a path, or a name looked up on PATH), or
// soffice, then libreoffice, on PATH. Empty when none is found.
std::string find_program(const std::string& configured) {
  if (configured.find('/') != std::string::npos) return executable(configured) ? configured : std::string();
  const char* env_path = std::getenv("PATH");
  const std::string_view search = env_path != nullptr ? env_path : "/usr/local/bin:/usr/bin:/bin";
  const std::vector<std::string> names =
      configured.empty() ? std::vector<std::string>{"soffice", "libreoffice"} : std::vector<std::string>{configured};
  for (const auto& name : names) {
    for (std::size_t start = 0; start <= search.size();) {
      auto end = search.find(':', start);
      if (end == std::string_view::npos) end = search.size();
      const auto dir = search.substr(start, end - start);
      if (!dir.empty() && executable(fs::path(dir) / name)) return (fs::path(dir) / name).string();
      start = end + 1;
    }
  }
  return {};
}

// A file:// URL for -env:UserInstallation; anything but unreserved characters and '/' escaped.
std::string file_url(const fs::path& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string url = "file://";
  for (const char c : path.string()) {
    const auto byte = static_cast<unsigned char>(c);
    if ((std::isalnum(byte) != 0) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      url.push_back(c);
    } else {
      url.push_back('%');
      url.push_back(kHex[byte >> 4U]);
      url.push_back(kHex[byte & 0xFU]);
    }
  }
  return url;
}

Status write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return unavailable("Không ghi được tệp tạm để chuyển sang PDF.");
  return {};
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The end of LibreOffice's output, for an error message.
std::string log_tail(const fs::path& log) {
  auto text = read_file(log);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0)
    text.pop_back();
  if (text.size() > kLogTail) text = "…" + text.substr(text.size() - kLogTail);
  return text.empty() ? std::string() : ": " + text;
}

// The parent's environment with HOME and TMPDIR in the private folder: LibreOffice writes there.
// tdkt's own settings (TDKT_DB may hold a database password, TDKT_AUDIT_KEY names the anchoring
// key) and PGPASSWORD stay out: LibreOffice needs none of them.
std::vector<std::string> child_environment(const fs::path& home, const fs::path& tmp) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view var = *entry;
    if (var.starts_with("HOME=") || var.starts_with("TMPDIR=") || var.starts_with("TDKT_") ||
        var.starts_with("PGPASSWORD=")) {
      continue;
    }
    env.emplace_back(var);
  }
  env.push_back("HOME=" + home.string());
  env.push_back("TMPDIR=" + tmp.string());
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (auto& s : strings)
    out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Starts the converter in a process group of its own (the soffice script starts oosplash, which
// starts soffice.bin: a timeout must kill all of them), stdin from /dev/null, output to `log`,
// no descriptor of ours but those.
Result<pid_t> spawn(std::vector<std::string> argv, std::vector<std::string> env, const fs::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  if (posix_spawn_file_actions_init(&actions) != 0) return unavailable("Không khởi chạy được LibreOffice.");
  if (posix_spawnattr_init(&attributes) != 0) {
    posix_spawn_file_actions_destroy(&actions);
    return unavailable("Không khởi chạy được LibreOffice.");
  }
  sigset_t no_signals;
  sigemptyset(&no_signals);
  sigset_t default_signals;
  sigemptyset(&default_signals);
  for (const int signal : {SIGPIPE, SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGQUIT})
    sigaddset(&default_signals, signal);
  int failed = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  if (failed == 0)
    failed = posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (failed == 0) failed = posix_spawn_file_actions_adddup2(&actions, 1, 2);
  if (failed == 0) failed = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  if (failed == 0)
    failed =
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  if (failed == 0) failed = posix_spawnattr_setpgroup(&attributes, 0);
  if (failed == 0) failed = posix_spawnattr_setsigmask(&attributes, &no_signals);
  if (failed == 0) failed = posix_spawnattr_setsigdefault(&attributes, &default_signals);
  pid_t pid = -1;
  if (failed == 0) {
    auto argv_pointers = pointers(argv);
    auto env_pointers = pointers(env);
    failed = posix_spawn(&pid, argv.front().c_str(), &actions, &attributes, argv_pointers.data(), env_pointers.data());
  }
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  if (failed != 0)
    return unavailable("Không khởi chạy được LibreOffice (" + std::string(std::strerror(failed)) + ")." +
                       std::string(kInstallHint));
  return pid;
}

// Waits for the child until the deadline; then kills its whole process group. Stragglers of the
// group are killed before the child is reaped, while its id cannot yet name another group.
Result<int> wait_for(pid_t pid, std::chrono::steady_clock::time_point deadline) {
  bool timed_out = false;
  for (;;) {
    siginfo_t info{};
    if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
      if (errno == EINTR) continue;
      return unavailable("Mất dấu tiến trình LibreOffice (" + std::string(std::strerror(errno)) + ").");
    }
    if (info.si_pid == pid) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      timed_out = true;
      break;
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  kill(-pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) return unavailable("LibreOffice chuyển văn bản sang PDF quá thời gian cho phép và đã bị dừng.");
  return status;
}

}  // namespace

Result<std::string> convert_to_pdf(std::string_view docx_bytes, const PdfOptions& options) {
  const std::string one[] = {std::string(docx_bytes)};
  auto pdfs = convert_all_to_pdf(one, options);
  if (!pdfs) return std::move(pdfs).error();
  return std::move(pdfs->front());
}

Result<std::vector<std::string>> convert_all_to_pdf(std::span<const std::string> docx_files,
                                                    const PdfOptions& options) {
  if (docx_files.empty()) return std::vector<std::string>{};
  // LibreOffice prints anything it cannot read as plain text, so what is not a DOCX stops here.
  for (std::size_t i = 0; i < docx_files.size(); ++i) {
    const auto parts = read_package(docx_files[i]);
    if (!parts || !parts->contains("word/document.xml"))
      return Error::invalid("docx", "Tệp thứ " + std::to_string(i + 1) + " không phải văn bản DOCX.");
  }
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  const auto program = find_program(options.program);
  if (program.empty())
    return unavailable("Không tìm thấy LibreOffice (soffice) để chuyển văn bản sang PDF." + std::string(kInstallHint));

  auto temp = TempDir::create();
  if (!temp) return std::move(temp).error();
  const auto& dir = temp->path();
  std::error_code made;
  for (const char* sub : {"home", "tmp", "profile", "in", "out"}) {
    if (!fs::create_directory(dir / sub, made))
      return unavailable("Không tạo được thư mục tạm để chuyển sang PDF (" + made.message() + ").");
  }

  std::vector<std::string> argv = {program,
                                   "--headless",
                                   "--norestore",
                                   "--nolockcheck",
                                   "--nologo",
                                   "--nodefault",
                                   "--nofirststartwizard",
                                   "--infilter=MS Word 2007 XML",
                                   "-env:UserInstallation=" + file_url(dir / "profile"),
                                   "--convert-to",
                                   "pdf",
                                   "--outdir",
                                   (dir / "out").string()};
  for (std::size_t i = 0; i < docx_files.size(); ++i) {
    const auto input = dir / "in" / ("doc-" + std::to_string(i) + ".docx");
    TDKT_TRY(write_file(input, docx_files[i]));
    argv.push_back(input.string());
  }

  const auto log = dir / "soffice.log";
  auto pid = spawn(std::move(argv), child_environment(dir / "home", dir / "tmp"), log);
  if (!pid) return std::move(pid).error();
  auto status = wait_for(*pid, deadline);
  if (!status) return std::move(status).error();
  if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    const auto code = WIFEXITED(*status) ? "mã thoát " + std::to_string(WEXITSTATUS(*status))
                                         : "tín hiệu " + std::to_string(WTERMSIG(*status));
    return unavailable("LibreOffice không chuyển được văn bản sang PDF (" + code + log_tail(log) + ").");
  }

  std::vector<std::string> pdfs;
  pdfs.reserve(docx_files.size());
  for (std::size_t i = 0; i < docx_files.size(); ++i) {
    auto pdf = read_file(dir / "out" / ("doc-" + std::to_string(i) + ".pdf"));
    // LibreOffice exits with 0 even when it could not load a document; only the file tells.
    if (!pdf.starts_with("%PDF-"))
      return unavailable("LibreOffice không chuyển được văn bản thứ " + std::to_string(i + 1) + " sang PDF" +
                         log_tail(log) + ".");
    pdfs.push_back(std::move(pdf));
  }
  return pdfs;
}

PdfConverter::PdfConverter(Limits limits, PdfOptions options) : limits_(limits), options_(std::move(options)) {}

Status PdfConverter::acquire() {
  std::lock_guard lock(mutex_);
  if (running_ >= std::max(1, limits_.concurrent)) {
    ++counts_.refused;
    return Error{ErrorCode::kBusy,
                 "Máy chủ đang chuyển " + std::to_string(running_) +
                     " văn bản sang PDF cùng lúc; vui lòng thử lại sau ít giây (hoặc tải bản Word .docx).",
                 ""};
  }
  ++running_;
  ++counts_.conversions;
  return {};
}

void PdfConverter::release() {
  std::lock_guard lock(mutex_);
  --running_;
}

std::optional<std::string> PdfConverter::cached(std::string_view docx) {
  std::lock_guard lock(mutex_);
  const auto key = std::hash<std::string_view>{}(docx);
  for (auto entry = cache_.begin(); entry != cache_.end(); ++entry) {
    if (entry->key == key && entry->docx == docx) {
      cache_.splice(cache_.begin(), cache_, entry);
      ++counts_.cache_hits;
      return cache_.front().pdf;
    }
  }
  return std::nullopt;
}

void PdfConverter::remember(std::string docx, std::string pdf) {
  const std::size_t size = docx.size() + pdf.size();
  if (size > limits_.cache_bytes) return;
  std::lock_guard lock(mutex_);
  const auto key = std::hash<std::string_view>{}(docx);
  cache_.push_front({key, std::move(docx), std::move(pdf)});
  cache_size_ += size;
  while (cache_size_ > limits_.cache_bytes && !cache_.empty()) {
    cache_size_ -= cache_.back().docx.size() + cache_.back().pdf.size();
    cache_.pop_back();
  }
}

Result<std::string> PdfConverter::convert(std::string_view docx_bytes) {
  if (auto hit = cached(docx_bytes)) return std::move(*hit);
  TDKT_TRY(acquire());
  auto pdf = convert_to_pdf(docx_bytes, options_);
  release();
  if (pdf) remember(std::string(docx_bytes), *pdf);
  return pdf;
}

Result<std::vector<std::string>> PdfConverter::convert_all(std::span<const std::string> docx_files) {
  std::vector<std::optional<std::string>> found;
  std::vector<std::string> missing;
  for (const auto& docx : docx_files) {
    found.push_back(cached(docx));
    if (!found.back()) missing.push_back(docx);
  }
  std::vector<std::string> converted;
  if (!missing.empty()) {
    TDKT_TRY(acquire());
    auto pdfs = convert_all_to_pdf(missing, options_);
    release();
    if (!pdfs) return std::move(pdfs).error();
    converted = std::move(*pdfs);
    for (std::size_t i = 0; i < missing.size(); ++i)
      remember(missing[i], converted[i]);
  }
  std::vector<std::string> out;
  std::size_t next = 0;
  for (auto& pdf : found)
    out.push_back(pdf ? std::move(*pdf) : converted[next++]);
  return out;
}

PdfConverter::Counts PdfConverter::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

}  // namespace tdkt::documents
