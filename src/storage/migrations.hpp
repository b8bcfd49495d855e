#pragma once
#include <span>

#include "core/embedded.hpp"

namespace tdkt::storage {
// The SQL files under src/storage/migrations, compiled in: "sqlite/0001_....sql", ...
std::span<const EmbeddedFile> migration_files();
}  // namespace tdkt::storage
