#include "security/audit_signing.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "security/sodium_crypto.hpp"

namespace tdkt::security {
namespace {

constexpr std::string_view kSecretTag = "tdkt-audit-secret-key-ed25519";
constexpr std::string_view kPublicTag = "tdkt-audit-public-key-ed25519";

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not initialise");
}

// "TAG BASE64\n" -> the bytes, when the file is one such line of `size` bytes.
Result<std::string> read_tagged(const std::string& path, std::string_view tag, std::size_t size) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error::invalid("key", "Không đọc được tệp khóa \"" + path + "\".");
  std::stringstream buffer;
  buffer << file.rdbuf();
  auto text = buffer.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.pop_back();
  const auto space = text.find(' ');
  if (space == std::string::npos || std::string_view(text).substr(0, space) != tag) {
    return Error::invalid("key", "Tệp \"" + path + "\" không phải " +
                                     (tag == kSecretTag ? "khóa bí mật" : "khóa công khai") +
                                     " ký mốc neo nhật ký của tdkt.");
  }
  auto bytes = base64_decode(std::string_view(text).substr(space + 1));
  if (!bytes || bytes->size() != size) return Error::invalid("key", "Tệp khóa \"" + path + "\" bị hỏng.");
  return *bytes;
}

AuditKey from_seed(const std::string& seed) {
  ensure_sodium();
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  unsigned char secret[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(public_key, secret, reinterpret_cast<const unsigned char*>(seed.data()));
  sodium_memzero(secret, sizeof secret);
  return {seed, std::string(reinterpret_cast<const char*>(public_key), sizeof public_key)};
}

// Creates `path` with `mode`, refusing an existing file, and writes `text`.
Status write_new_file(const std::string& path, const std::string& text, mode_t mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    if (errno == EEXIST) {
      return Error::conflict(ErrorCode::kConflict, "out", "Tệp \"" + path + "\" đã có; không ghi đè khóa.");
    }
    return Error::invalid("out", "Không tạo được tệp \"" + path + "\".");
  }
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) return Error::invalid("out", "Không ghi được tệp \"" + path + "\".");
  return {};
}

}  // namespace

AuditKey generate_audit_key() {
  ensure_sodium();
  std::string seed(crypto_sign_SEEDBYTES, '\0');
  randombytes_buf(seed.data(), seed.size());
  return from_seed(seed);
}

std::string audit_key_id(const std::string& public_key) {
  return blake2b_hex(public_key).substr(0, 16);
}

Status write_audit_key_files(const std::string& path, const AuditKey& key) {
  const auto public_path = path + ".pub";
  if (std::filesystem::exists(public_path)) {
    return Error::conflict(ErrorCode::kConflict, "out", "Tệp \"" + public_path + "\" đã có; không ghi đè khóa.");
  }
  TDKT_TRY(write_new_file(path, std::string(kSecretTag) + " " + base64_encode(key.seed) + "\n", 0600));
  return write_new_file(public_path, std::string(kPublicTag) + " " + base64_encode(key.public_key) + "\n", 0644);
}

Result<AuditKey> read_audit_secret_key(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return Error::invalid("key", "Không có tệp khóa \"" + path + "\".");
  if ((info.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
    return Error::invalid("key", "Tệp khóa \"" + path + "\" có quyền " + mode +
                                     ": người khác cũng đọc được. Chỉ chủ tệp được đọc (chmod 600).");
  }
  auto seed = read_tagged(path, kSecretTag, crypto_sign_SEEDBYTES);
  if (!seed) return std::move(seed).error();
  return from_seed(*seed);
}

Result<std::string> read_audit_public_key(const std::string& path) {
  return read_tagged(path, kPublicTag, crypto_sign_PUBLICKEYBYTES);
}

void sign_anchor(app::AuditAnchor& anchor, const AuditKey& key) {
  ensure_sodium();
  anchor.key_id = audit_key_id(key.public_key);
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  unsigned char secret[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(public_key, secret, reinterpret_cast<const unsigned char*>(key.seed.data()));
  const auto message = anchor.signed_text();
  unsigned char signature[crypto_sign_BYTES];
  crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret);
  sodium_memzero(secret, sizeof secret);
  anchor.signature = base64_encode(std::string_view(reinterpret_cast<const char*>(signature), sizeof signature));
}

bool anchor_signature_holds(const app::AuditAnchor& anchor, const std::string& public_key) {
  ensure_sodium();
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || anchor.key_id != audit_key_id(public_key)) return false;
  const auto signature = base64_decode(anchor.signature);
  if (!signature || signature->size() != crypto_sign_BYTES) return false;
  const auto message = anchor.signed_text();
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature->data()),
                                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                     reinterpret_cast<const unsigned char*>(public_key.data())) == 0;
}

}  // namespace tdkt::security
