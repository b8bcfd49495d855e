// Numbering under concurrency (issue 16, security review L1), on both backends: sixteen officers
// at once register documents of one symbol (with two spellings of the issuer, which the register's
// unique key does not tie together), issue review reports, draft the plans of sixteen movements,
// and draft the plan of one movement sixteen times. Every number is given once, in sequence; a
// request that loses a race is told 409 `conflict` in Vietnamese, never 500; and what was written
// is what was answered.

#include <gtest/gtest.h>

#include <set>

#include "support/parallel.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

using Json = nlohmann::json;

constexpr int kAtOnce = 16;

// The demo data, an officer of the test's own signed in (DemoServerTest).
class Numbering : public DemoServerTest {
 protected:
  // "01/KH-SDTTG" … "16/KH-SDTTG".
  static std::set<std::string> sequence(const std::string& symbol, int count) {
    std::set<std::string> numbers;
    for (int i = 1; i <= count; ++i)
      numbers.insert((i < 10 ? "0" : "") + std::to_string(i) + "/" + symbol);
    return numbers;
  }

  // The numbers of the answers that are 201, each once; a number answered twice fails the test.
  static std::set<std::string> numbers_of(const std::vector<JsonResponse>& answers) {
    std::set<std::string> numbers;
    for (const auto& answer : answers) {
      if (answer.status != 201) continue;
      const auto number = answer.body.value("number", "");
      EXPECT_TRUE(numbers.insert(number).second) << "number given twice: " << number;
    }
    return numbers;
  }

  static void expect_no_server_error(const std::vector<JsonResponse>& answers) {
    for (const auto& answer : answers) {
      EXPECT_NE(answer.status, 0) << "no answer: " << answer.body.dump();
      EXPECT_LT(answer.status, 500) << answer.body.dump();
    }
  }

  std::int64_t create_movement(int index) {
    auto created =
        server_->post("/api/v1/movements", Json{{"name", "Thi đua chuyên đề số " + std::to_string(index) + " năm 2026"},
                                                {"authority", "Sở Dân tộc và Tôn giáo tỉnh Đồng Nai"},
                                                {"level", "agency"},
                                                {"kind", "thematic"},
                                                {"starts_on", "2026-01-01"},
                                                {"ends_on", "2026-12-31"}}
                                               .dump());
    EXPECT_EQ(created.status, 201) << created.body.dump();
    return created.body.value("id", std::int64_t{0});
  }

  static std::string plan_body(int index) {
    // Two spellings of the issuer: the register's unique key (issuer, number, year) does not tie
    // them together, so only the numbering lock keeps their numbers apart.
    return Json{{"symbol", "KH-SDTTG"},
                {"issued_on", "2026-01-05"},
                {"issuer", index % 2 == 0 ? "Sở Dân tộc và Tôn giáo tỉnh Đồng Nai" : "Sở Dân tộc và Tôn giáo Đồng Nai"},
                {"place", "Đồng Nai"},
                {"signer_name", "Nguyễn Văn Khang"},
                {"signer_authority", "GIÁM ĐỐC"}}
        .dump();
  }
};

TEST_P(Numbering, SixteenDocumentsRegisteredAtOnceGetSixteenNumbersInSequence) {
  const auto documents_before = db_->count("document");
  const auto audited_before = db_->count("audit_log WHERE entity = 'document' AND action = 'create'");
  const auto answers = post_in_parallel(*server_, kAtOnce, [](int i) {
    return ParallelRequest{
        "/api/v1/documents",
        Json{{"type", "plan"},
             {"own", true},
             {"assign_number", true},
             {"symbol", "KH-SDTTG"},
             {"issued_on", "2026-03-02"},
             {"issuer", i % 2 == 0 ? "Sở Dân tộc và Tôn giáo tỉnh Đồng Nai" : "Sở Dân tộc và Tôn giáo Đồng Nai"},
             {"place", "Đồng Nai"},
             {"summary", "Kế hoạch số " + std::to_string(i)},
             {"body", Json::array({{{"kind", "paragraph"}, {"text", "Nội dung."}}})}}
            .dump()};
  });
  expect_no_server_error(answers);
  EXPECT_EQ(count_status(answers, 201), kAtOnce) << describe(answers);
  EXPECT_EQ(numbers_of(answers), sequence("KH-SDTTG", kAtOnce));
  EXPECT_EQ(db_->count("document"), documents_before + kAtOnce);
  EXPECT_EQ(db_->count("document WHERE symbol = 'KH-SDTTG' AND year = 2026"), kAtOnce);
  EXPECT_EQ(db_->count("audit_log WHERE entity = 'document' AND action = 'create'"), audited_before + kAtOnce);
  auto next = server_->get("/api/v1/document-numbers/next?symbol=KH-SDTTG&year=2026");
  ASSERT_EQ(next.status, 200);
  EXPECT_EQ(next.body["text"], "17/KH-SDTTG");
}

TEST_P(Numbering, SixteenReportsIssuedAtOnceGetSixteenNumbersInSequence) {
  const Json body{
      {"from", "2023-01-01"}, {"to", "2023-06-30"}, {"issued_on", "2023-07-10"}, {"signer_authority", "TRƯỞNG BAN"}};
  const auto answers = post_in_parallel(*server_, kAtOnce, [&](int) {
    return ParallelRequest{"/api/v1/reports/review/issue", body.dump()};
  });
  expect_no_server_error(answers);
  EXPECT_EQ(count_status(answers, 201), kAtOnce) << describe(answers);
  EXPECT_EQ(numbers_of(answers), sequence("BC-BDT", kAtOnce));
  EXPECT_EQ(db_->count("document WHERE symbol = 'BC-BDT' AND year = 2023"), kAtOnce);
}

TEST_P(Numbering, PlansOfSixteenMovementsDraftedAtOnceGetSixteenNumbersInSequence) {
  std::vector<std::int64_t> movements;
  for (int i = 0; i < kAtOnce; ++i)
    movements.push_back(create_movement(i));
  const auto answers = post_in_parallel(*server_, kAtOnce, [&](int i) {
    return ParallelRequest{"/api/v1/movements/" + std::to_string(movements[static_cast<std::size_t>(i)]) + "/plan",
                           plan_body(i)};
  });
  expect_no_server_error(answers);
  EXPECT_EQ(count_status(answers, 201), kAtOnce) << describe(answers);
  EXPECT_EQ(numbers_of(answers), sequence("KH-SDTTG", kAtOnce));
  // Each movement points to the plan its own answer named.
  for (int i = 0; i < kAtOnce; ++i) {
    const auto& answer = answers[static_cast<std::size_t>(i)];
    auto movement = server_->get("/api/v1/movements/" + std::to_string(movements[static_cast<std::size_t>(i)]));
    ASSERT_EQ(movement.status, 200);
    EXPECT_EQ(movement.body["plan_document_id"], answer.body["id"]) << movement.body.dump();
  }
}

TEST_P(Numbering, OneMovementsPlanDraftedSixteenTimesAtOnceIsDraftedOnce) {
  const auto movement = create_movement(99);
  const auto documents_before = db_->count("document");
  const auto answers = post_in_parallel(*server_, kAtOnce, [&](int i) {
    return ParallelRequest{"/api/v1/movements/" + std::to_string(movement) + "/plan", plan_body(i)};
  });
  expect_no_server_error(answers);
  EXPECT_EQ(count_status(answers, 201), 1) << describe(answers);
  EXPECT_EQ(count_status(answers, 409), kAtOnce - 1) << describe(answers);
  for (const auto& answer : answers) {
    if (answer.status != 409) continue;
    EXPECT_EQ(answer.body["error"]["code"], "conflict");
    EXPECT_NE(answer.body["error"]["message"].get<std::string>().find("đã có kế hoạch"), std::string::npos)
        << answer.body.dump();
  }
  EXPECT_EQ(numbers_of(answers), sequence("KH-SDTTG", 1));
  EXPECT_EQ(db_->count("document"), documents_before + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, Numbering, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
