#pragma once
// `tdkt restore FILE`: loads a copy made by `tdkt backup` into an empty database (docs/deployment.md).

#include <string>

#include "server/context.hpp"

namespace tdkt::cli {

// Restores `file` into the context's database, then reports its schema version and whether its
// audit trail holds. Returns the exit code: 0, or 1 with the reason on stderr (a database that
// is not empty is refused and left as it was).
int run_restore(server::Context& context, const std::string& file);

}  // namespace tdkt::cli
