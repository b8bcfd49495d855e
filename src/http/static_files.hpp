#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/embedded.hpp"

namespace tdkt::http {

// web/ and docs/api/openapi.json, compiled in.
std::span<const EmbeddedFile> web_files();

struct StaticFile {
  std::string_view data;
  std::string content_type;
};
// Finds an embedded file by path ("web/js/people.js"); refuses anything with "..".
std::optional<StaticFile> find_static(std::string_view path);

}  // namespace tdkt::http
