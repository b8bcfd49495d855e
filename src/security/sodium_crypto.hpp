#pragma once
// app::Crypto on libsodium: Argon2id password hashes (crypto_pwhash_str, INTERACTIVE limits by
// default), random session tokens, BLAKE2b digests. Thread-safe.

#include <optional>
#include <string_view>

#include "app/ports.hpp"

namespace tdkt::security {

class SodiumCrypto final : public app::Crypto {
 public:
  // Throws std::runtime_error when libsodium cannot initialise. `fast` selects the minimum
  // Argon2id limits: for tests only, never for stored accounts in production.
  explicit SodiumCrypto(bool fast = false);
  std::string hash_password(const std::string& password) const override;
  bool verify_password(const std::string& encoded_hash, const std::string& password) const override;
  std::string random_token() const override;
  std::string digest(const std::string& token) const override;

 private:
  unsigned long long ops_limit_;
  std::size_t memory_limit_;
};

// BLAKE2b-256 of `data` as lower-case hex (the audit chain's link).
std::string blake2b_hex(const std::string& data);

// SHA-256 of `data` as lower-case hex (attached files).
std::string sha256_hex(std::string_view data);
// Standard base64 with padding, and back (std::nullopt when `text` is not base64).
std::string base64_encode(std::string_view data);
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace tdkt::security
