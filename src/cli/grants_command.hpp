#pragma once
// `tdkt grants list`: the award history from the command line, as JSON or as the Excel list
// that the page exports.

#include <optional>
#include <string>

#include "server/context.hpp"

namespace tdkt::cli {

struct GrantsListOptions {
  std::optional<int> year;
  // "person:ID", "unit:ID" (the unit's grants and its predecessors'), or a bare "ID": a person.
  std::string subject;
  std::string format = "json";  // json | xlsx
  std::string out;              // a file; json goes to stdout when empty, xlsx needs a file
};

// Prints or writes the list; returns the process exit code (0, or 1 with the message on stderr).
int run_grants_list(server::Context& context, const GrantsListOptions& options);

}  // namespace tdkt::cli
