// The OpenAPI document served at /api/v1/openapi.json describes exactly the routes the server
// registers: no route undocumented, no documented operation missing.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "http/router.hpp"
#include "http/static_files.hpp"

namespace tdkt::http {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

TEST(OpenApi, DocumentMatchesTheRouteTable) {
  auto file = find_static("docs/api/openapi.json");
  ASSERT_TRUE(file);
  const auto document = nlohmann::json::parse(file->data);
  ASSERT_EQ(document["openapi"].get<std::string>().substr(0, 2), "3.");

  std::set<std::string> documented;
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (method == "parameters") continue;
      documented.insert(lower(method) + " " + path);
      EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
    }
  }
  std::set<std::string> routed;
  for (const auto& route : all_routes())
    routed.insert(lower(route.method) + " " + route.path);

  for (const auto& operation : routed)
    EXPECT_TRUE(documented.contains(operation)) << "undocumented: " << operation;
  for (const auto& operation : documented)
    EXPECT_TRUE(routed.contains(operation)) << "no such route: " << operation;
}

}  // namespace
}  // namespace tdkt::http
