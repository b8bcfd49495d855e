#pragma once
// The key that signs the audit chain's anchors (app/audit_anchor.hpp, ADR 0013): Ed25519 from
// libsodium. The key is kept outside the database, in a file readable by its owner only; the
// public half verifies. Thread-safe (no shared state).

#include <string>

#include "app/audit_anchor.hpp"
#include "core/result.hpp"

namespace tdkt::security {

struct AuditKey {
  std::string seed;        // 32 secret bytes; the signing key is derived from them
  std::string public_key;  // 32 bytes
};

// A new random key.
AuditKey generate_audit_key();

// A short name of a public key: the first 16 hex digits of its BLAKE2b digest.
std::string audit_key_id(const std::string& public_key);

// Writes `path` (the secret seed, mode 0600) and `path`.pub (the public key). kConflict when
// either file exists (a key is never overwritten), kInvalidInput when they cannot be written.
Status write_audit_key_files(const std::string& path, const AuditKey& key);

// Reads a secret key file written by write_audit_key_files. kInvalidInput when it cannot be read,
// is not a tdkt audit key, or can be read by others than its owner (group or world bits set).
Result<AuditKey> read_audit_secret_key(const std::string& path);
// Reads a public key file (path.pub of the above).
Result<std::string> read_audit_public_key(const std::string& path);

// Fills the anchor's key id and signature.
void sign_anchor(app::AuditAnchor& anchor, const AuditKey& key);
// Whether the anchor was signed by `public_key` and not changed since.
bool anchor_signature_holds(const app::AuditAnchor& anchor, const std::string& public_key);

}  // namespace tdkt::security
