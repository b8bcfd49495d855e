// The pages (issue 17 point 5): one shell (web/shell.html) filled from one page table
// (web/pages.json) in which each page's address, title, scripts, permission and menu label are
// declared once. Checked for every page of the table, as a role that may see it, a role that
// may not, and nobody signed in.

#include <gtest/gtest.h>

#include "domain/accounts/role.hpp"
#include "http/static_files.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

nlohmann::json page_table() {
  const auto file = http::find_static("web/pages.json");
  EXPECT_TRUE(file.has_value());
  return file ? nlohmann::json::parse(file->data) : nlohmann::json::object();
}

// "/people/{id}" -> "/people/1"
std::string address_of(std::string path) {
  for (auto at = path.find('{'); at != std::string::npos; at = path.find('{')) {
    path.replace(at, path.find('}', at) - at + 1, "1");
  }
  return path;
}

bool role_may(domain::Role role, const nlohmann::json& page) {
  if (!page.contains("needs")) return true;
  for (auto permission : domain::all_permissions()) {
    if (domain::to_string(permission) == page["needs"].get<std::string>()) return domain::allows(role, permission);
  }
  ADD_FAILURE() << "unknown permission " << page["needs"];
  return false;
}

class Pages : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    db_->add_account("thu_canbo", domain::Role::kOfficer);
    db_->add_account("thu_xem", domain::Role::kViewer);
    server_ = std::make_unique<TestServer>(*db_);
  }
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(Pages, EveryPageOfTheTableIsTheShellWithItsContentTitleAndScripts) {
  const auto table = page_table();
  ASSERT_GE(table["pages"].size(), 30U);
  for (const auto& [username, role] :
       {std::pair{"thu_canbo", domain::Role::kOfficer}, std::pair{"thu_xem", domain::Role::kViewer}}) {
    ASSERT_EQ(server_->login(username).status, 200);
    for (const auto& page : table["pages"]) {
      if (!page.contains("path") || page.value("public", false)) continue;
      const auto address = address_of(page["path"]);
      const auto answer = server_->get_raw(address);
      const bool allowed = role_may(role, page);
      ASSERT_EQ(answer.status, allowed ? 200 : 403) << username << " " << address;
      EXPECT_EQ(answer.header("Content-Type"), "text/html; charset=utf-8");
      const auto& html = answer.body;
      // The shell: one main region, the skip link, the banner, the menu data.
      EXPECT_EQ(html.find("{{"), std::string::npos) << address;
      EXPECT_NE(html.find("<main id=\"main\" tabindex=\"-1\">"), std::string::npos) << address;
      EXPECT_EQ(html.find("<main", html.find("<main") + 1), std::string::npos) << address;
      EXPECT_NE(html.find("class=\"skip-link\""), std::string::npos);
      EXPECT_NE(html.find("id=\"tdkt-menu\""), std::string::npos);
      if (!allowed) {
        EXPECT_NE(html.find("data-page=\"forbidden\""), std::string::npos) << address;
        continue;
      }
      EXPECT_NE(html.find("data-page=\"" + page["key"].get<std::string>() + "\""), std::string::npos) << address;
      EXPECT_NE(html.find("<title>" + page["title"].get<std::string>() + " — tdkt — Thi đua, Khen thưởng</title>"),
                std::string::npos)
          << address;
      for (const auto& script : page["scripts"]) {
        const std::string src = script.is_string() ? script.get<std::string>() : script["src"].get<std::string>();
        EXPECT_NE(html.find("src=\"/static/" + src + "\""), std::string::npos) << address << " " << src;
        // Every script the table names is served.
        EXPECT_EQ(server_->get_raw("/static/" + src).status, 200) << src;
      }
    }
  }
}

TEST_P(Pages, TheMenuIsTheTablesMenuAndPagesNeedASession) {
  const auto table = page_table();
  nlohmann::json expected = nlohmann::json::array();
  for (const auto& page : table["pages"]) {
    if (page.contains("nav")) {
      expected.push_back({{"href", page["path"]}, {"label", page["nav"]}, {"needs", page.value("needs", "")}});
    }
  }
  ASSERT_GE(expected.size(), 15U);
  // Nobody signed in: every page but the sign-in page sends to it, keeping where it was going.
  for (const auto& page : table["pages"]) {
    if (!page.contains("path")) continue;
    const auto address = address_of(page["path"]);
    const auto answer = server_->get_raw(address);
    if (page.value("public", false)) {
      EXPECT_EQ(answer.status, 200) << address;
      continue;
    }
    EXPECT_EQ(answer.status, 303) << address;
    // (cpp-httplib's client decodes the Location it reads; the server sends next=%2Fpeople%2F1.)
    EXPECT_EQ(answer.header("Location"), "/login?next=" + address) << address;
  }
  const auto login = server_->get_raw("/login");
  const auto start = login.body.find("id=\"tdkt-menu\">") + 15;
  const auto menu = nlohmann::json::parse(login.body.substr(start, login.body.find("</script>", start) - start));
  EXPECT_EQ(menu, expected);
}

TEST(PageFiles, OnlyTheShellIsAWholePage) {
  // Each page is a fragment under web/pages/; the only HTML document is the shell.
  int fragments = 0;
  for (const auto& file : http::web_files()) {
    const std::string path(file.path);
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    if (path == "web/shell.html") continue;
    EXPECT_EQ(path.rfind("web/pages/", 0), 0U) << path;
    EXPECT_EQ(std::string(file.data).find("<!doctype"), std::string::npos) << path;
    EXPECT_EQ(std::string(file.data).find("<head"), std::string::npos) << path;
    ++fragments;
  }
  EXPECT_EQ(fragments, static_cast<int>(page_table()["pages"].size()));
}

INSTANTIATE_TEST_SUITE_P(Backends, Pages, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
