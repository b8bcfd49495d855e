// Targets through the API on both backends: the targets of seed 004 from the demo (57,36 % of
// the 2022 disbursement plan), setting and measuring targets, the refusals (a negative plan or
// value, a day outside the movement, a unit that does not exist), and the Excel export read back.

#include <gtest/gtest.h>

#include <set>

#include "excel/xlsx_reader.hpp"
#include "ingest/demo.hpp"
#include "ingest/targets_workbook.hpp"
#include "support/parallel.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

constexpr const char* kBdt2023 = "Thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc năm 2023";

class Targets : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto& context = db_->context();
    auto demo = ingest::load_demo(context.demo_services());
    ASSERT_TRUE(demo) << demo.error().message;
    EXPECT_EQ(demo->targets, 10);
    EXPECT_EQ(demo->target_values, 10);
    auto movements = context.movements().list(app::Actor::system(), {});
    ASSERT_TRUE(movements);
    for (const auto& movement : *movements) {
      if (movement.name == kBdt2023) {
        movement_ = movement.id.value;
        unit_ = movement.unit->value;
      }
    }
    ASSERT_NE(movement_, 0);
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("canbo", "demo1234").status, 200);
  }

  std::string targets_path(const std::string& query = "") const {
    return "/api/v1/movements/" + std::to_string(movement_) + "/targets" + query;
  }

  // The demo target named `indicator`, from a listing judged on `as_of`.
  nlohmann::json find(const std::string& indicator, const std::string& as_of = "2023-07-15") {
    auto list = server_->get(targets_path("?as_of=" + as_of));
    EXPECT_EQ(list.status, 200) << list.body.dump();
    for (const auto& unit : list.body["units"]) {
      for (const auto& target : unit["targets"]) {
        if (target["indicator"] == indicator) return target;
      }
    }
    ADD_FAILURE() << "no target " << indicator;
    return {};
  }

  JsonResponse create(const std::string& fields) {
    return server_->post(targets_path(), R"({"unit_id":)" + std::to_string(unit_) + fields);
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
  std::int64_t movement_ = 0;
  std::int64_t unit_ = 0;
};

TEST_P(Targets, TheDemoHoldsTheFiguresOfSeed004) {
  auto list = server_->get(targets_path("?as_of=2023-07-15"));
  ASSERT_EQ(list.status, 200) << list.body.dump();
  EXPECT_EQ(list.body["as_of"], "2023-07-15");
  EXPECT_EQ(list.body["movement"]["name"], kBdt2023);
  ASSERT_EQ(list.body["units"].size(), 1U);
  const auto& unit = list.body["units"][0];
  EXPECT_EQ(unit["unit"]["name"], "Ban Dân tộc tỉnh Bình Phước");
  ASSERT_EQ(unit["targets"].size(), 10U);

  const auto total_2022 = find("Giải ngân vốn năm 2022 (tổng)");
  EXPECT_EQ(total_2022["measure"], "triệu đồng");
  EXPECT_DOUBLE_EQ(total_2022["plan_value"].get<double>(), 216613);
  EXPECT_DOUBLE_EQ(total_2022["latest"]["value"].get<double>(), 124249.27);
  EXPECT_DOUBLE_EQ(total_2022["completion"].get<double>(), 57.36);
  EXPECT_EQ(total_2022["status"], "on_track");
  EXPECT_DOUBLE_EQ(total_2022["expected"].get<double>(), 49.59);

  EXPECT_DOUBLE_EQ(find("Giải ngân vốn đầu tư phát triển (ĐTPT) năm 2022")["completion"].get<double>(), 68.57);
  EXPECT_DOUBLE_EQ(find("Giải ngân vốn sự nghiệp (SN) năm 2022")["completion"].get<double>(), 14.06);
  const auto total_2023 = find("Giải ngân vốn năm 2023 (tổng)");
  EXPECT_DOUBLE_EQ(total_2023["completion"].get<double>(), 8.34);
  EXPECT_EQ(total_2023["status"], "behind");
  EXPECT_DOUBLE_EQ(find("Giải ngân vốn đầu tư phát triển (ĐTPT) năm 2023")["completion"].get<double>(), 11.97);
  EXPECT_DOUBLE_EQ(find("Giải ngân vốn sự nghiệp (SN) năm 2023")["completion"].get<double>(), 0.93);
  EXPECT_DOUBLE_EQ(find("Hoàn thành nhiệm vụ UBND tỉnh giao về công tác dân tộc")["completion"].get<double>(), 85.71);
  const auto articles = find("Tin, bài tuyên truyền trên Trang thông tin điện tử, Fanpage Ban Dân tộc");
  EXPECT_TRUE(articles["completion"].is_null());
  EXPECT_EQ(articles["status"], "no_plan");
  const auto signed_share = find("Văn bản phát hành qua phần mềm quản lý văn bản được ký số");
  EXPECT_EQ(signed_share["measure"], "%");
  EXPECT_EQ(signed_share["status"], "achieved");

  EXPECT_EQ(unit["summary"]["targets"], 10);
  EXPECT_EQ(unit["summary"]["achieved"], 1);
  EXPECT_EQ(unit["summary"]["no_plan"], 1);

  // Today (22/11/2026) the year is long over: what fell short is overdue.
  EXPECT_EQ(find("Giải ngân vốn năm 2022 (tổng)", "2026-11-22")["status"], "overdue");
  auto today = server_->get(targets_path());
  EXPECT_EQ(today.body["as_of"], "2026-11-22");
  EXPECT_EQ(today.body["units"][0]["summary"]["overdue"], 8);
}

TEST_P(Targets, OfficersSetTargetsAndRecordValues) {
  auto created = create(R"(,"group_name":"Tuyên truyền","indicator":"Tờ gấp pháp luật","measure":"bản",)"
                        R"("plan_value":15000,"due_on":"2023-12-31"})");
  ASSERT_EQ(created.status, 201) << created.body.dump();
  EXPECT_EQ(created.body["position"], 11);
  EXPECT_EQ(created.body["status"], "overdue");  // today is past the due date, nothing measured
  const auto id = std::to_string(created.body["id"].get<std::int64_t>());

  auto recorded =
      server_->post("/api/v1/targets/" + id + "/values", R"({"measured_on":"2023-06-30","value":7500,"note":"02 tờ"})");
  ASSERT_EQ(recorded.status, 201) << recorded.body.dump();
  EXPECT_DOUBLE_EQ(recorded.body["completion"].get<double>(), 50);
  EXPECT_EQ(recorded.body["measurements"].size(), 1U);
  auto more = server_->post("/api/v1/targets/" + id + "/values", R"({"measured_on":"2023-12-31","value":15000})");
  ASSERT_EQ(more.status, 201);
  EXPECT_EQ(more.body["status"], "achieved");

  auto updated =
      server_->put("/api/v1/targets/" + id, R"({"unit_id":)" + std::to_string(unit_) +
                                                R"json(,"indicator":"Tờ gấp pháp luật (Hỏi - Đáp)",)json"
                                                R"("measure":"bản","plan_value":20000,"due_on":"2023-12-31"})");
  ASSERT_EQ(updated.status, 200) << updated.body.dump();
  EXPECT_DOUBLE_EQ(updated.body["completion"].get<double>(), 75);
  EXPECT_EQ(updated.body["position"], 11);

  auto removed_value = server_->del("/api/v1/targets/" + id + "/values/2023-12-31");
  ASSERT_EQ(removed_value.status, 200) << removed_value.body.dump();
  EXPECT_DOUBLE_EQ(removed_value.body["latest"]["value"].get<double>(), 7500);
  EXPECT_EQ(server_->del("/api/v1/targets/" + id + "/values/2023-12-31").status, 404);
  EXPECT_EQ(server_->del("/api/v1/targets/" + id + "/values/31-12-2023").status, 400);

  EXPECT_EQ(server_->del("/api/v1/targets/" + id).status, 204);
  EXPECT_EQ(server_->del("/api/v1/targets/" + id).status, 404);
  EXPECT_EQ(db_->count("target"), 10);
}

TEST_P(Targets, BadInputIsRefusedInVietnameseNamingTheField) {
  const auto before = db_->fingerprint();
  auto negative = create(R"(,"indicator":"Giải ngân","measure":"triệu đồng","plan_value":-5,"due_on":"2023-12-31"})");
  EXPECT_EQ(negative.status, 400);
  EXPECT_EQ(negative.body["error"]["code"], "invalid_input");
  EXPECT_EQ(negative.body["error"]["field"], "plan_value");
  EXPECT_EQ(negative.body["error"]["message"], "Giá trị kế hoạch không được âm.");

  auto no_unit = server_->post(
      targets_path(), R"({"unit_id":999999,"indicator":"X","measure":"bản","plan_value":5,"due_on":"2023-12-31"})");
  EXPECT_EQ(no_unit.status, 400);
  EXPECT_EQ(no_unit.body["error"]["field"], "unit_id");
  EXPECT_EQ(no_unit.body["error"]["message"], "Không có đơn vị mã 999999.");

  auto late = create(R"(,"indicator":"X","measure":"bản","plan_value":5,"due_on":"2024-01-31"})");
  EXPECT_EQ(late.status, 400);
  EXPECT_EQ(late.body["error"]["field"], "due_on");

  auto text_plan = create(R"(,"indicator":"X","measure":"bản","plan_value":"5","due_on":"2023-12-31"})");
  EXPECT_EQ(text_plan.status, 400);
  EXPECT_EQ(text_plan.body["error"]["field"], "plan_value");

  auto unknown_field = create(R"(,"indicator":"X","measure":"bản","plan_value":5,"due_on":"2023-12-31","x":1})");
  EXPECT_EQ(unknown_field.status, 400);
  EXPECT_EQ(unknown_field.body["error"]["code"], "unknown_field");

  EXPECT_EQ(server_
                ->post("/api/v1/movements/999999/targets",
                       R"({"unit_id":1,"indicator":"X","measure":"bản","plan_value":5,"due_on":"2023-12-31"})")
                .status,
            404);

  const auto target = std::to_string(find("Giải ngân vốn năm 2023 (tổng)")["id"].get<std::int64_t>());
  auto negative_value =
      server_->post("/api/v1/targets/" + target + "/values", R"({"measured_on":"2023-09-30","value":-1})");
  EXPECT_EQ(negative_value.status, 400);
  EXPECT_EQ(negative_value.body["error"]["field"], "value");
  EXPECT_EQ(negative_value.body["error"]["message"], "Giá trị thực hiện không được âm.");

  auto outside = server_->post("/api/v1/targets/" + target + "/values", R"({"measured_on":"2022-12-31","value":10})");
  EXPECT_EQ(outside.status, 400);
  EXPECT_EQ(outside.body["error"]["field"], "measured_on");
  EXPECT_NE(outside.body["error"]["message"].get<std::string>().find("nằm ngoài thời gian của phong trào"),
            std::string::npos);

  EXPECT_EQ(server_->post("/api/v1/targets/999999/values", R"({"measured_on":"2023-09-30","value":1})").status, 404);
  EXPECT_EQ(server_->get(targets_path("?unit_id=999999")).status, 400);
  EXPECT_EQ(server_->get(targets_path("?as_of=31/12/2023")).status, 400);
  EXPECT_EQ(server_->get("/api/v1/movements/999999/targets").status, 404);
  EXPECT_EQ(db_->fingerprint(), before);

  // A viewer reads, and may not write (signing in writes a session, so count the rows instead).
  const auto values = db_->count("target_value");
  const auto audit = db_->count("audit_log");
  ASSERT_EQ(server_->login("xem", "demo1234").status, 200);
  EXPECT_EQ(server_->get(targets_path()).status, 200);
  auto forbidden = server_->post("/api/v1/targets/" + target + "/values", R"({"measured_on":"2023-09-30","value":1})");
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(forbidden.body["error"]["code"], "forbidden");
  EXPECT_EQ(db_->count("target_value"), values);
  EXPECT_EQ(db_->count("audit_log"), audit);
}

TEST_P(Targets, TheExportListsEveryTargetByUnitWithCompletionAndStatus) {
  auto file = server_->get_raw(targets_path("/export?as_of=2023-07-15"));
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(file.header("Content-Disposition").find(".xlsx"), std::string::npos);
  auto book = excel::read_xlsx(file.body);
  ASSERT_TRUE(book) << book.error().message;
  const auto* sheet = book->sheet(ingest::kTargetsSheet);
  ASSERT_NE(sheet, nullptr);
  // Two title rows, the header, then one row per target.
  ASSERT_EQ(sheet->rows.size(), 13U);
  EXPECT_EQ(sheet->rows[2].text(ingest::kTargetColumnCompletion), "Tỷ lệ hoàn thành (%)");
  bool found = false;
  for (std::size_t i = 3; i < sheet->rows.size(); ++i) {
    const auto& row = sheet->rows[i];
    EXPECT_EQ(row.text(ingest::kTargetColumnUnit), "Ban Dân tộc tỉnh Bình Phước");
    if (row.text(ingest::kTargetColumnIndicator) != "Giải ngân vốn năm 2022 (tổng)") continue;
    found = true;
    EXPECT_DOUBLE_EQ(row.cell(ingest::kTargetColumnPlan)->number, 216613);
    EXPECT_DOUBLE_EQ(row.cell(ingest::kTargetColumnActual)->number, 124249.27);
    EXPECT_DOUBLE_EQ(row.cell(ingest::kTargetColumnCompletion)->number, 57.36);
    EXPECT_EQ(row.text(ingest::kTargetColumnStatus), "Đúng tiến độ");
  }
  EXPECT_TRUE(found);
  const auto* values = book->sheet(ingest::kTargetValuesSheet);
  ASSERT_NE(values, nullptr);
  EXPECT_EQ(values->rows.size(), 2U + 10U);  // title, header, ten values
}

// Sixteen targets of one unit set at once (issue 16): each takes the next position, none twice.
TEST_P(Targets, SixteenTargetsSetAtOnceTakeSixteenPositions) {
  const auto answers = post_in_parallel(*server_, 16, [&](int i) {
    return ParallelRequest{targets_path(), nlohmann::json{{"unit_id", unit_},
                                                          {"indicator", "Chỉ tiêu số " + std::to_string(i)},
                                                          {"measure", "bản"},
                                                          {"plan_value", 100},
                                                          {"due_on", "2023-12-31"}}
                                               .dump()};
  });
  EXPECT_EQ(count_status(answers, 201), 16) << describe(answers);
  std::set<int> positions;
  for (const auto& answer : answers) {
    if (answer.status == 201) positions.insert(answer.body["position"].get<int>());
  }
  std::set<int> expected;
  for (int position = 11; position <= 26; ++position)
    expected.insert(position);
  EXPECT_EQ(positions, expected);
}

INSTANTIATE_TEST_SUITE_P(Backends, Targets, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
