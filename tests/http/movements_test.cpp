// Movements through the API on both backends: the demo's chain of movements (the agency's plan
// implements the province's, which implements the Prime Minister's), launching and changing a
// movement with its waves, content items and assignments, the plan drafted from a movement and
// numbered from the register, and the bad input the issue names.

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "ingest/demo.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

using Json = nlohmann::json;

class Movements : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto demo = ingest::load_demo(db_->context().demo_services());
    ASSERT_TRUE(demo) << demo.error().message;
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("canbo", "demo1234").status, 200);
  }

  Json find(const std::string& query, const std::string& authority) {
    auto found = server_->get("/api/v1/movements?q=" + query);
    EXPECT_EQ(found.status, 200) << found.body.dump();
    for (const auto& item : found.body["items"]) {
      if (item["authority"] == authority) return server_->get("/api/v1/movements/" + item["id"].dump()).body;
    }
    ADD_FAILURE() << "no movement of " << authority << " for " << query << ": " << found.body.dump();
    return Json::object();
  }

  std::int64_t unit_id(const std::string& name) {
    auto units = server_->get("/api/v1/units?as_of=2024-06-01");
    std::function<std::int64_t(const Json&)> walk = [&](const Json& nodes) -> std::int64_t {
      for (const auto& node : nodes) {
        if (node["name"] == name) return node["id"].get<std::int64_t>();
        if (auto found = walk(node["children"]); found != 0) return found;
      }
      return 0;
    };
    return walk(units.body["units"]);
  }

  // A movement of the agency for 2026 with one wave; `extra` is appended to the body.
  JsonResponse create(const std::string& extra = "") {
    return server_->post("/api/v1/movements",
                         R"({"name":"Thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc, tôn giáo năm 2026",)"
                         R"("authority":"Sở Dân tộc và Tôn giáo tỉnh Đồng Nai","level":"agency","kind":"by_wave",)"
                         R"("starts_on":"2026-01-01","ends_on":"2026-12-31")" +
                             extra + "}");
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(Movements, TheDemoHoldsThePlansOfTheSeedsAsMovementsInTheirChain) {
  // Seed 000: the agency's 2023 movement, whose plan is 05/KH-BDT, implements the province's,
  // which implements the Prime Minister's Chỉ thị 19/CT-TTg.
  auto agency = find("cong%20tac%20dan%20toc%20nam%202023", "Ban Dân tộc tỉnh Bình Phước");
  ASSERT_TRUE(agency.contains("plan_document"));
  EXPECT_EQ(agency["plan_document"]["number"], "05/KH-BDT");
  ASSERT_TRUE(agency["parent"].is_object());
  EXPECT_EQ(agency["parent"]["authority"], "Ủy ban nhân dân tỉnh Bình Phước");
  auto province = server_->get("/api/v1/movements/" + agency["parent"]["id"].dump()).body;
  ASSERT_TRUE(province["parent"].is_object());
  EXPECT_EQ(province["parent"]["authority"], "Thủ tướng Chính phủ");
  ASSERT_EQ(province["children"].size(), 1U);
  EXPECT_EQ(province["children"][0]["id"], agency["id"]);

  // Seed 001: the thematic movement of the agency, its plan drafted by tdkt from it.
  auto rural = find("nong%20thon%20moi", "Ban Dân tộc tỉnh Bình Phước");
  EXPECT_EQ(rural["kind"], "thematic");
  EXPECT_EQ(rural["period"], "giai đoạn 2022-2025");
  EXPECT_GE(rural["solutions"].size(), 3U);
  EXPECT_GE(rural["assignments"].size(), 6U);
  ASSERT_TRUE(rural["plan_document"].is_object());
  EXPECT_EQ(rural["plan_document"]["number"], "04/KH-BDT");  // after 03/KH-BDT of 2022
  EXPECT_EQ(rural["implemented_documents"][0]["number"], "192/KH-UBND");

  // Seed 003: the waves of Đồng Nai's agency in 2024 and the occasions they celebrate.
  auto waves = find("nganh%20cong%20tac%20dan%20toc%20dong%20nai", "Ban Dân tộc tỉnh Đồng Nai");
  ASSERT_EQ(waves["waves"].size(), 2U);
  EXPECT_EQ(waves["waves"][0]["starts_on"], "2024-01-01");
  EXPECT_EQ(waves["waves"][0]["ends_on"], "2024-06-30");
  EXPECT_EQ(waves["waves"][0]["occasions"][0]["on"], "2024-02-03");
  EXPECT_EQ(waves["waves"][1]["starts_on"], "2024-07-01");
}

TEST_P(Movements, ListFiltersByAccentFreeWordsLevelAndDay) {
  auto national = server_->get("/api/v1/movements?level=national");
  ASSERT_EQ(national.status, 200);
  ASSERT_EQ(national.body["items"].size(), 1U);
  EXPECT_EQ(national.body["items"][0]["authority"], "Thủ tướng Chính phủ");
  auto in_2024 = server_->get("/api/v1/movements?active_on=2024-03-01");
  for (const auto& item : in_2024.body["items"]) {
    EXPECT_LE(item["starts_on"].get<std::string>(), "2024-03-01");
    EXPECT_GE(item["ends_on"].get<std::string>(), "2024-03-01");
  }
  auto none = server_->get("/api/v1/movements?q=khong%20co%20phong%20trao%20nay");
  EXPECT_TRUE(none.body["items"].empty());
  EXPECT_EQ(server_->get("/api/v1/movements?level=district").status, 400);
}

TEST_P(Movements, AMovementIsLaunchedChangedAndItsPlanDraftedAndNumbered) {
  const auto unit = unit_id("Ban Dân tộc tỉnh Bình Phước");
  ASSERT_NE(unit, 0);
  auto created = create(R"(,"unit_id":)" + std::to_string(unit) +
                        R"(,"purposes":["Phát huy tinh thần trách nhiệm."],"content_items":[{"title":"Tuyên truyền",)"
                        R"("text":"Đoạn một.\nĐoạn hai."}],"solutions":["Gắn thi đua với nhiệm vụ."],)"
                        R"("waves":[{"name":"Đợt thi đua thứ nhất","starts_on":"2026-01-01","ends_on":"2026-06-30",)"
                        R"("occasions":[{"name":"Kỷ niệm 96 năm Ngày thành lập Đảng","on":"2026-02-03"}]}],)"
                        R"("assignments":[{"unit_id":)" +
                        std::to_string(unit) + R"(,"task":"Theo dõi, đôn đốc."}])");
  ASSERT_EQ(created.status, 201) << created.body.dump();
  const auto id = created.body["id"].dump();
  EXPECT_EQ(created.body["content_items"][0]["text"], "Đoạn một.\nĐoạn hai.");

  auto changed = server_->put("/api/v1/movements/" + id,
                              R"({"name":"Thi đua năm 2026","authority":"Sở Dân tộc và Tôn giáo tỉnh Đồng Nai",)"
                              R"("level":"agency","kind":"regular","starts_on":"2026-01-01","ends_on":"2026-12-31",)"
                              R"("unit_id":)" +
                                  std::to_string(unit) +
                                  R"(,"content_items":[{"title":"Tuyên truyền","text":"Đoạn một."}],)"
                                  R"("waves":[{"name":"Đợt một","starts_on":"2026-01-01","ends_on":"2026-06-30"}]})");
  ASSERT_EQ(changed.status, 200) << changed.body.dump();
  EXPECT_EQ(changed.body["kind"], "regular");
  EXPECT_TRUE(changed.body["assignments"].empty());

  auto plan =
      server_->post("/api/v1/movements/" + id + "/plan",
                    R"({"issued_on":"2026-01-05","signer_name":"Nguyễn Văn Khang","signer_authority":"GIÁM ĐỐC",)"
                    R"("recipients":["Ban TĐKT tỉnh;","Lưu: VT."]})");
  ASSERT_EQ(plan.status, 201) << plan.body.dump();
  EXPECT_EQ(plan.body["number"], "01/KH-BDT");  // the unit's short name; the first of 2026
  EXPECT_EQ(plan.body["issuer"], "Ban Dân tộc tỉnh Bình Phước");
  EXPECT_EQ(plan.body["place"], "Bình Phước");
  EXPECT_EQ(plan.body["summary"], "Phát động phong trào thi đua “Thi đua năm 2026”");
  std::vector<std::string> texts;
  for (const auto& block : plan.body["body"])
    texts.push_back(block["text"].get<std::string>());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "1. Tuyên truyền"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "Đợt một (01/01/2026 - 30/06/2026)."), texts.end());
  auto docx = server_->get_raw("/api/v1/documents/" + plan.body["id"].dump() + "/docx");
  EXPECT_EQ(docx.status, 200);

  auto linked = server_->get("/api/v1/movements/" + id);
  EXPECT_EQ(linked.body["plan_document"]["number"], "01/KH-BDT");
  // One plan per movement.
  auto again = server_->post("/api/v1/movements/" + id + "/plan", R"({"issued_on":"2026-01-06"})");
  EXPECT_EQ(again.status, 409) << again.body.dump();
  // The audit trail has the launch, the change and the plan.
  auto history = server_->get("/api/v1/audit?entity=movement&id=" + id);
  ASSERT_EQ(history.status, 200) << history.body.dump();
  EXPECT_EQ(history.body["records"].size(), 3U);
}

TEST_P(Movements, BadInputIsRefusedWithTheFieldAndChangesNothing) {
  const auto before = server_->get("/api/v1/movements").body["items"].size();
  struct Case {
    std::string extra;
    int status;
    std::string field;
  };
  const std::vector<Case> cases{
      // A wave outside its movement's period.
      {R"(,"waves":[{"name":"Đợt một","starts_on":"2025-12-01","ends_on":"2026-06-30"}])", 400, "waves[0].starts_on"},
      {R"(,"waves":[{"name":"Đợt hai","starts_on":"2026-07-01","ends_on":"2027-01-31"}])", 400, "waves[0].ends_on"},
      {R"(,"waves":[{"name":"Đợt hai","starts_on":"2026-07-01","ends_on":"2026-31-12"}])", 400, "waves[0].ends_on"},
      {R"(,"parent_id":999999)", 400, "parent_id"},
      {R"(,"unit_id":999999)", 400, "unit_id"},
      {R"(,"implements":[999999])", 400, "implements[0]"},
      {R"(,"assignments":[{"unit_id":999999,"task":"Việc."}])", 400, "assignments[0].unit_id"},
      {R"(,"assignments":[{"unit_id":1,"task":"  "}])", 400, "assignments[0].task"},
      {R"(,"content_items":[{"title":"","text":"Nội dung."}])", 400, "content_items[0].title"},
      {R"(,"colour":"red")", 400, "colour"},
  };
  for (const auto& item : cases) {
    auto response = create(item.extra);
    EXPECT_EQ(response.status, item.status) << item.extra << " " << response.body.dump();
    EXPECT_EQ(response.body["error"]["field"], item.field) << item.extra;
  }
  auto backwards =
      server_->post("/api/v1/movements", R"({"name":"X","authority":"Y","level":"agency","kind":"regular",)"
                                         R"("starts_on":"2026-12-31","ends_on":"2026-01-01"})");
  EXPECT_EQ(backwards.status, 400);
  EXPECT_EQ(backwards.body["error"]["field"], "ends_on");
  auto level = create(R"(,"level":"district")");
  EXPECT_EQ(level.status, 400);
  EXPECT_EQ(server_->get("/api/v1/movements").body["items"].size(), before);

  // A movement cannot implement itself, directly or through its children.
  auto parent = create();
  ASSERT_EQ(parent.status, 201);
  auto child = create(R"(,"parent_id":)" + parent.body["id"].dump());
  ASSERT_EQ(child.status, 201);
  auto cycle = server_->put("/api/v1/movements/" + parent.body["id"].dump(),
                            R"({"name":"Vòng","authority":"Y","level":"agency","kind":"regular",)"
                            R"("starts_on":"2026-01-01","ends_on":"2026-12-31","parent_id":)" +
                                child.body["id"].dump() + "}");
  EXPECT_EQ(cycle.status, 400) << cycle.body.dump();
  EXPECT_EQ(cycle.body["error"]["field"], "parent_id");
  // The plan of a movement must be a plan, and the plan of one movement only.
  auto law = server_->get("/api/v1/documents?q=06%2F2022%2FQH15").body["items"][0]["id"];
  auto not_a_plan = create(R"(,"plan_document_id":)" + law.dump());
  EXPECT_EQ(not_a_plan.status, 400);
  EXPECT_EQ(not_a_plan.body["error"]["field"], "plan_document_id");
  auto taken = server_->get("/api/v1/documents?q=05%2FKH-BDT").body["items"][0]["id"];
  auto twice = create(R"(,"plan_document_id":)" + taken.dump());
  EXPECT_EQ(twice.status, 409) << twice.body.dump();
  // Without a unit nor a symbol, a plan cannot be numbered.
  auto plan = server_->post("/api/v1/movements/" + parent.body["id"].dump() + "/plan", R"({"issued_on":"2026-01-05"})");
  EXPECT_EQ(plan.status, 400);
  EXPECT_EQ(plan.body["error"]["field"], "symbol");
  EXPECT_EQ(server_->get("/api/v1/movements/999999").status, 404);
}

TEST_P(Movements, OnlyThoseWhoManageMovementsLaunchThem) {
  TestServer staff(*db_);
  ASSERT_EQ(staff.login("nhanvien", "demo1234").status, 200);
  EXPECT_EQ(staff.get("/api/v1/movements").status, 200);
  auto refused = staff.post("/api/v1/movements", R"({"name":"X","authority":"Y","level":"agency","kind":"regular",)"
                                                 R"("starts_on":"2026-01-01","ends_on":"2026-12-31"})");
  EXPECT_EQ(refused.status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, Movements, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
