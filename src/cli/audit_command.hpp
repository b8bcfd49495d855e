#pragma once
// `tdkt audit verify | anchor | keygen`: the audit chain checked, anchored outside the database
// with a signature, and the anchoring key made (ADR 0013, docs/deployment.md).

#include <string>

#include "server/context.hpp"

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}

namespace tdkt::cli {

struct AuditCommands {
  CLI::App* verify = nullptr;
  CLI::App* anchor = nullptr;
  CLI::App* keygen = nullptr;
  std::string anchor_file;  // verify --anchor: the file of anchors to compare with
  std::string public_key;   // verify --public-key (or $TDKT_AUDIT_PUBLIC_KEY)
  std::string key;          // anchor --key (or $TDKT_AUDIT_KEY): the secret key file
  std::string out;          // anchor --out: the file the anchor is appended to; keygen --out: the key file

  bool parsed() const;
};

// Adds `audit` and its subcommands to `app`; `commands` must outlive the parse.
void add_audit_commands(CLI::App& app, AuditCommands& commands);

// `tdkt audit keygen`: needs no database. Returns the exit code.
int run_audit_keygen(const AuditCommands& commands);

// `tdkt audit verify` and `tdkt audit anchor`. Returns the exit code: 0 when the trail holds
// (and the anchor was written), 1 with the reason on stdout/stderr otherwise.
int run_audit(server::Context& context, const AuditCommands& commands);

}  // namespace tdkt::cli
