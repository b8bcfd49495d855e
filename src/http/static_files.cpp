#include "http/static_files.hpp"

#include <algorithm>

namespace tdkt::http {
namespace {

std::string content_type_for(std::string_view path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".js")) return "text/javascript; charset=utf-8";
  if (ends_with(".json")) return "application/json; charset=utf-8";
  if (ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace

std::optional<StaticFile> find_static(std::string_view path) {
  if (path.find("..") != std::string_view::npos) return std::nullopt;
  const auto files = web_files();
  const auto found = std::find_if(files.begin(), files.end(), [&](const auto& file) { return file.path == path; });
  if (found == files.end()) return std::nullopt;
  return StaticFile{found->data, content_type_for(path)};
}

}  // namespace tdkt::http
