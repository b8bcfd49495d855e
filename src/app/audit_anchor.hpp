#pragma once
// Anchors of the audit chain (ADR 0013). The chain alone shows an edit made with SQL, but not
// one whose author recomputed every hash after it, nor the newest records deleted. An anchor is
// the chain's head at one moment (record id, count, hash, time), signed with a key kept outside
// the database (`tdkt audit anchor`), one line per anchor in a file kept outside it too.
// `tdkt audit verify --anchor` then checks that each anchored record is still there with the
// same hash and the same count before it: a rewrite, a deletion or a truncation of what an
// anchor covers is found. What is written after the newest anchor is protected by the chain only.
// Pure: no I/O; signing is the caller's (security/audit_signing.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace tdkt::app {

struct AuditAnchor {
  std::int64_t record = 0;   // the head's id
  std::int64_t records = 0;  // how many records up to the head, the head included
  std::string hash;          // the head's hash (hex)
  std::string at;            // the head's time, as stored
  std::string anchored_at;   // when the anchor was made (UTC, ISO 8601)
  std::string key_id;        // the signing key's id (security::audit_key_id)
  std::string signature;     // Ed25519 over signed_text(), base64
  int line_number = 0;       // where it was read from (1-based; 0 when not read from a file)

  // What the signature covers: every field but the signature, in a fixed order.
  std::string signed_text() const;
  // One line of an anchor file (without the newline):
  // "tdkt-audit-anchor v1 record=… records=… hash=… at=… anchored_at=… key=… signature=…".
  std::string line() const;
};

// Reads one line written by AuditAnchor::line(). kInvalidInput naming the first bad field.
Result<AuditAnchor> parse_anchor_line(std::string_view line);

// Every anchor of a file's text, in order; blank lines and lines starting with '#' are skipped.
// kInvalidInput naming the line (1-based) that cannot be read.
Result<std::vector<AuditAnchor>> parse_anchor_file(std::string_view text);

}  // namespace tdkt::app
