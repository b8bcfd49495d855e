// Yearly records, grants, initiatives and the verdicts computed from them, through the API on
// both backends, on the demo data: what the person and unit pages show, and every refusal.

#include <gtest/gtest.h>

#include "ingest/demo.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

class Records : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto& context = db_->context();
    auto demo = ingest::load_demo(context.demo_services());
    ASSERT_TRUE(demo) << demo.error().message;
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("canbo", "demo1234").status, 200);
  }

  std::int64_t person(const std::string& name) {
    app::PeopleListRequest search;
    search.q = name;
    auto found = db_->context().people().list(app::Actor::system(), search);
    EXPECT_TRUE(found && !found->items.empty()) << name;
    return found->items.at(0).id.value;
  }

  std::int64_t unit(const std::string& name) {
    for (const auto& candidate : db_->context().organisation().units(date("2026-11-22"))) {
      if (candidate.name == name) return candidate.id.value;
    }
    ADD_FAILURE() << "no unit " << name;
    return 0;
  }

  static const nlohmann::json* result(const JsonResponse& response, const std::string& honour) {
    for (const auto& item : response.body["results"]) {
      if (item["honour"] == honour) return &item;
    }
    return nullptr;
  }

  template <typename Call>
  void expect_refused(Call&& call, int status, const std::string& code, const std::string& field) {
    const auto before = db_->fingerprint();
    JsonResponse response = call();
    EXPECT_EQ(response.status, status) << response.body.dump();
    EXPECT_EQ(response.body["error"]["code"], code) << response.body.dump();
    EXPECT_EQ(response.body["error"]["field"], field) << response.body.dump();
    EXPECT_FALSE(response.body["error"]["message"].get<std::string>().empty());
    EXPECT_EQ(db_->fingerprint(), before) << "a refused request changed the database";
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(Records, APersonsVerdictsExplainEveryClauseWithItsCitation) {
  const auto tuan = person("Phạm Minh Tuấn");
  auto verdicts = server_->get("/api/v1/people/" + std::to_string(tuan) + "/eligibility");
  ASSERT_EQ(verdicts.status, 200) << verdicts.body.dump();
  EXPECT_EQ(verdicts.body["year"], 2026);
  EXPECT_EQ(verdicts.body["rule_set"], "L06_2026");  // in force on 22/11/2026
  const auto* cstdcs = result(verdicts, "CSTDCS");
  ASSERT_NE(cstdcs, nullptr);
  EXPECT_EQ((*cstdcs)["verdict"], "eligible");
  for (const auto& reason : (*cstdcs)["reasons"]) {
    EXPECT_FALSE(reason["citation"].get<std::string>().empty()) << reason.dump();
    EXPECT_FALSE(reason["text"].get<std::string>().empty()) << reason.dump();
  }
  // CSTĐCS in 2024 and 2025 but not (yet) 2026: the provincial title names the missing year.
  const auto* provincial = result(verdicts, "CSTD_TINH");
  ASSERT_NE(provincial, nullptr);
  EXPECT_EQ((*provincial)["verdict"], "ineligible");
  bool names_2026 = false;
  for (const auto& reason : (*provincial)["reasons"]) {
    if (reason.contains("missing_years")) names_2026 = reason["missing_years"] == nlohmann::json::array({2026});
  }
  EXPECT_TRUE(names_2026) << provincial->dump();
  EXPECT_FALSE(verdicts.body["path"].empty());

  // Judged for 2024 on a date in 2025 the earlier rule set applies, and the chain is shorter.
  auto earlier =
      server_->get("/api/v1/people/" + std::to_string(tuan) + "/eligibility?year=2024&decision_date=2025-01-15");
  ASSERT_EQ(earlier.status, 200);
  EXPECT_EQ(earlier.body["rule_set"], "ND98_2023");
}

TEST_P(Records, RecordsChangeTheVerdicts) {
  const auto sang = std::to_string(person("Lý Thị Sáng"));
  auto before = server_->get("/api/v1/people/" + sang + "/eligibility");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ((*result(before, "LDTT"))["verdict"], "eligible");
  // Maternity leave counts as work: 5 months worked and 6 of leave are 11 months.
  auto records = server_->get("/api/v1/people/" + sang + "/records");
  ASSERT_EQ(records.status, 200);
  bool leave_counted = false;
  for (const auto& year : records.body["years"]) {
    if (year["year"] == 2024) leave_counted = year["counted_months"] == 11;
  }
  EXPECT_TRUE(leave_counted) << records.body.dump();

  // Rated "not completed" for 2026: LĐTT is no longer within reach.
  auto saved = server_->put("/api/v1/people/" + sang + "/years/2026", R"({"rating":"KHTNV","months_worked":12})");
  ASSERT_EQ(saved.status, 200) << saved.body.dump();
  auto after = server_->get("/api/v1/people/" + sang + "/eligibility");
  EXPECT_EQ((*result(after, "LDTT"))["verdict"], "ineligible");

  // No rating at all: the verdict is insufficient_data and names what is missing.
  ASSERT_EQ(server_->put("/api/v1/people/" + sang + "/years/2026", R"({"months_worked":12})").status, 200);
  auto unknown = server_->get("/api/v1/people/" + sang + "/eligibility");
  const auto* ldtt = result(unknown, "LDTT");
  EXPECT_EQ((*ldtt)["verdict"], "insufficient_data");
  EXPECT_EQ((*ldtt)["missing"], nlohmann::json::array({"years.2026.rating"}));

  // A pending disciplinary process blocks every honour.
  ASSERT_EQ(server_
                ->put("/api/v1/people/" + sang + "/years/2026",
                      R"({"rating":"HTXSNV","months_worked":12,"discipline_pending":true})")
                .status,
            200);
  auto blocked = server_->get("/api/v1/people/" + sang + "/eligibility");
  for (const auto& item : blocked.body["results"])
    EXPECT_EQ(item["verdict"], "ineligible") << item["honour"];
}

TEST_P(Records, AUnitsChainContinuesAcrossTheRestructuring) {
  const auto agency = std::to_string(unit("Sở Dân tộc và Tôn giáo tỉnh Đồng Nai"));
  auto records = server_->get("/api/v1/units/" + agency + "/records");
  ASSERT_EQ(records.status, 200) << records.body.dump();
  bool from_binh_phuoc = false;
  for (const auto& item : records.body["lineage"])
    from_binh_phuoc = from_binh_phuoc || item["name"] == "Ban Dân tộc tỉnh Bình Phước";
  EXPECT_TRUE(from_binh_phuoc);
  std::set<int> grant_years;
  for (const auto& grant : records.body["grants"])
    if (grant["honour"] == "TTLDXS") grant_years.insert(grant["year"].get<int>());
  EXPECT_EQ(grant_years, (std::set<int>{2022, 2023, 2024, 2025}));
  auto verdicts = server_->get("/api/v1/units/" + agency + "/eligibility");
  ASSERT_EQ(verdicts.status, 200) << verdicts.body.dump();
  EXPECT_FALSE(verdicts.body["notes"].empty());
  EXPECT_NE(result(verdicts, "TTLDXS"), nullptr);
}

TEST_P(Records, GrantsAndInitiativesAreAddedAndRemoved) {
  const auto an = person("Nguyễn Văn An");
  auto grant = server_->post(
      "/api/v1/grants",
      R"({"subject_kind":"person","subject_id":)" + std::to_string(an) +
          R"(,"honour":"GK","year":2024,"type":"sudden","decision_number":"15/QĐ-SDTTG","decision_date":"2024-05-02","authority":"Giám đốc Sở"})");
  ASSERT_EQ(grant.status, 201) << grant.body.dump();
  EXPECT_EQ(grant.body["honour_name"], "Giấy khen");
  EXPECT_EQ(grant.body["type_label"], "Đột xuất");
  const auto grant_id = std::to_string(grant.body["id"].get<std::int64_t>());
  auto changed =
      server_->patch("/api/v1/grants/" + grant_id, R"({"honour":"GK","year":2024,"note":"Phòng chống lụt bão"})");
  EXPECT_EQ(changed.status, 200) << changed.body.dump();
  EXPECT_EQ(changed.body["type"], "merit");  // a full replacement: the type went back to the default

  auto initiative = server_->post(
      "/api/v1/initiatives", R"({"subject_kind":"person","subject_id":)" + std::to_string(an) +
                                 R"(,"year":2025,"title":"Bản đồ số các thôn đặc biệt khó khăn","level":"province"})");
  ASSERT_EQ(initiative.status, 201) << initiative.body.dump();
  auto records = server_->get("/api/v1/people/" + std::to_string(an) + "/records");
  EXPECT_EQ(records.body["initiatives"].size(), 1U);
  EXPECT_EQ(server_->del("/api/v1/grants/" + grant_id).status, 204);
  EXPECT_EQ(server_->del("/api/v1/grants/" + grant_id).status, 404);
  EXPECT_EQ(server_->del("/api/v1/initiatives/" + std::to_string(initiative.body["id"].get<std::int64_t>())).status,
            204);
}

TEST_P(Records, BadInputIsRefusedWithTheFieldAndChangesNothing) {
  const auto sang = std::to_string(person("Lý Thị Sáng"));  // born 1992
  const auto path = "/api/v1/people/" + sang;
  expect_refused([&] { return server_->put(path + "/years/2026", R"({"rating":"XUAT_SAC"})"); }, 400, "invalid_input",
                 "rating");
  expect_refused([&] { return server_->put(path + "/years/2026", R"({"months_worked":13})"); }, 400, "invalid_input",
                 "months_worked");
  expect_refused([&] { return server_->put(path + "/years/2027", R"({"rating":"HTNV"})"); }, 400, "invalid_input",
                 "year");
  expect_refused([&] { return server_->put(path + "/years/2026", R"({"ratings":"HTNV"})"); }, 400, "unknown_field",
                 "ratings");
  const auto grant = [&](const std::string& fields) {
    return server_->post("/api/v1/grants", R"({"subject_kind":"person","subject_id":)" + sang + "," + fields + "}");
  };
  expect_refused([&] { return grant(R"("honour":"HUAN_CHUONG_VANG","year":2020)"); }, 400, "invalid_input", "honour");
  expect_refused([&] { return grant(R"("honour":"LDTT","year":1980)"); }, 400, "invalid_input", "year");
  expect_refused([&] { return grant(R"("honour":"LDTT","year":2023)"); }, 409, "conflict", "honour");  // held already
  expect_refused([&] { return grant(R"("honour":"LDTT","year":2020,"type":"khac")"); }, 400, "invalid_input", "type");
  expect_refused(
      [&] {
        return server_->post("/api/v1/grants",
                             R"({"subject_kind":"household","subject_id":1,"honour":"LDTT","year":2020})");
      },
      400, "invalid_input", "subject_kind");
  // A year before any rule set is answered with an error, not a guess.
  auto too_early = server_->get(path + "/eligibility?year=2023&decision_date=2024-01-15");
  EXPECT_EQ(too_early.status, 400) << too_early.body.dump();
  EXPECT_EQ(too_early.body["error"]["field"], "year");
  auto no_set = server_->get(path + "/eligibility?decision_date=2023-06-01");
  EXPECT_EQ(no_set.status, 400);
  EXPECT_EQ(no_set.body["error"]["field"], "decision_date");
}

INSTANTIATE_TEST_SUITE_P(Backends, Records, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
