// The award history (tra cứu khen thưởng) over a real server on loopback, on both backends: a
// unit's history continues across a restructuring (a predecessor's grant appears in the
// successor's history, marked), the agency's grants filtered by year, honour, level, unit subtree,
// subject kind and an accent-free name, the counts by year × level × honour, the Excel export
// read back, the people scope of a unit head, and bad filters refused with their field.
// Today is 22/11/2026 (the test clock).

#include <gtest/gtest.h>

#include <set>

#include "excel/xlsx_reader.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

using Json = nlohmann::json;

class Grants : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto& context = db_->context();
    const auto system = app::Actor::system();
    auto unit = [&](const char* name, std::optional<UnitId> parent) {
      domain::UnitDraft draft{name,   "",         parent ? domain::UnitKind::kDepartment : domain::UnitKind::kAgency,
                              parent, "Đồng Nai", {date("2015-01-01"), std::nullopt}};
      auto created = context.organisation().create_unit(system, draft);
      EXPECT_TRUE(created) << created.error().message;
      return created->id;
    };
    old_agency_ = unit("Ban Dân tộc tỉnh Bình Phước", std::nullopt);
    agency_ = unit("Sở Dân tộc và Tôn giáo", std::nullopt);
    office_ = unit("Văn phòng", agency_);
    other_ = unit("Sở Tư pháp", std::nullopt);
    // Bình Phước's Ban Dân tộc merges into the Sở on 01/03/2025.
    domain::RestructuringRequest merger;
    merger.title = "Hợp nhất Ban Dân tộc tỉnh Bình Phước vào Sở Dân tộc và Tôn giáo";
    merger.legal_basis = "Nghị quyết 1662/NQ-UBTVQH15";
    merger.effective_date = date("2025-03-01");
    merger.ends = {old_agency_};
    merger.successions = {{old_agency_, agency_, std::nullopt, false}};
    auto restructured = context.organisation().restructure(system, merger);
    EXPECT_TRUE(restructured) << restructured.error().message;

    auto person = [&](const char* family, const char* given, UnitId unit_id) {
      domain::PersonDraft draft;
      draft.family_name = family;
      draft.given_name = given;
      const auto id = context.people().create(system, draft)->id;
      domain::Membership membership{MembershipId{}, id, unit_id, "Chuyên viên", {date("2020-01-01"), std::nullopt}};
      EXPECT_TRUE(context.people().add_membership(system, membership));
      return id;
    };
    thuy_ = person("Điểu Thị", "Thủy", office_);
    khang_ = person("Nguyễn Văn", "Khang", agency_);
    outsider_ = person("Trần Văn", "Ngoài", other_);
    head_ = person("Lê Thị Thu", "Hà", office_);

    auto grant = [&](domain::rules::SubjectKind kind, std::int64_t id, const char* honour, int year, const char* number,
                     const char* authority) {
      domain::GrantRecord record;
      record.subject = {kind, id};
      record.honour = honour;
      record.year = year;
      record.decision_number = number;
      record.authority = authority;
      record.source = domain::GrantSource::kDecided;
      auto added = context.records().add_grant(system, record);
      EXPECT_TRUE(added) << added.error().message;
    };
    using domain::rules::SubjectKind;
    grant(SubjectKind::kUnit, old_agency_.value, "TTLDXS", 2023, "120/QĐ-UBND", "Chủ tịch UBND tỉnh Bình Phước");
    grant(SubjectKind::kUnit, agency_.value, "TTLDXS", 2025, "88/QĐ-UBND", "Chủ tịch UBND tỉnh Đồng Nai");
    grant(SubjectKind::kUnit, office_.value, "TTLDTT", 2023, "12/QĐ-BDT", "Trưởng Ban Dân tộc");
    grant(SubjectKind::kPerson, thuy_.value, "LDTT", 2023, "12/QĐ-BDT", "Trưởng Ban Dân tộc");
    grant(SubjectKind::kPerson, thuy_.value, "CSTDCS", 2023, "12/QĐ-BDT", "Trưởng Ban Dân tộc");
    grant(SubjectKind::kPerson, khang_.value, "LDTT", 2023, "12/QĐ-BDT", "Trưởng Ban Dân tộc");
    grant(SubjectKind::kPerson, khang_.value, "BK_TINH", 2024, "45/QĐ-UBND", "Chủ tịch UBND tỉnh");
    grant(SubjectKind::kPerson, outsider_.value, "LDTT", 2023, "3/QĐ-STP", "Giám đốc Sở Tư pháp");

    db_->add_account("canbo", domain::Role::kOfficer, agency_);
    db_->add_account("truongphong", domain::Role::kUnitHead, office_, head_);
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("canbo").status, 200);
  }
  void TearDown() override {
    server_.reset();
    db_.reset();
  }

  // (subject_name, honour, year) of each item, to compare as a set.
  static std::multiset<std::string> keys(const JsonResponse& response) {
    std::multiset<std::string> out;
    for (const auto& item : response.body["items"]) {
      out.insert(item["subject_name"].get<std::string>() + "|" + item["honour"].get<std::string>() + "|" +
                 std::to_string(item["year"].get<int>()));
    }
    return out;
  }

  template <typename Call>
  void expect_refused(Call&& call, const std::string& field) {
    const auto before = db_->fingerprint();
    JsonResponse response = call();
    EXPECT_EQ(response.status, 400) << response.body.dump();
    EXPECT_EQ(response.body["error"]["code"], "invalid_input") << response.body.dump();
    EXPECT_EQ(response.body["error"]["field"], field) << response.body.dump();
    EXPECT_FALSE(response.body["error"]["message"].get<std::string>().empty());
    EXPECT_EQ(db_->fingerprint(), before);
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
  UnitId old_agency_, agency_, office_, other_;
  PersonId thuy_, khang_, outsider_, head_;
};

TEST_P(Grants, AUnitsHistoryIncludesItsPredecessorsGrantsMarked) {
  auto history = server_->get("/api/v1/grants?subject=unit:" + std::to_string(agency_.value));
  ASSERT_EQ(history.status, 200) << history.body.dump();
  ASSERT_EQ(history.body["items"].size(), 2U) << history.body.dump();
  bool predecessor_seen = false;
  bool own_seen = false;
  for (const auto& item : history.body["items"]) {
    if (item["year"] == 2023) {
      predecessor_seen = true;
      EXPECT_EQ(item["subject_id"], old_agency_.value);
      EXPECT_EQ(item["subject_name"], "Ban Dân tộc tỉnh Bình Phước");
      EXPECT_TRUE(item["by_predecessor"].get<bool>());
      EXPECT_EQ(item["decision_number"], "120/QĐ-UBND");
    } else {
      own_seen = true;
      EXPECT_EQ(item["subject_id"], agency_.value);
      EXPECT_FALSE(item["by_predecessor"].get<bool>());
    }
    EXPECT_EQ(item["level"], "province");  // Tập thể lao động xuất sắc: decided by the provincial chair
  }
  EXPECT_TRUE(predecessor_seen && own_seen);
  // The predecessor's own history does not include its successor's grants.
  auto old = server_->get("/api/v1/grants?subject=unit:" + std::to_string(old_agency_.value));
  ASSERT_EQ(old.status, 200);
  EXPECT_EQ(keys(old), (std::multiset<std::string>{"Ban Dân tộc tỉnh Bình Phước|TTLDXS|2023"}));
}

TEST_P(Grants, APersonsHistoryHasEveryGrantOverTheYears) {
  auto history = server_->get("/api/v1/grants?subject=" + std::to_string(khang_.value));  // a bare id: a person
  ASSERT_EQ(history.status, 200) << history.body.dump();
  EXPECT_EQ(keys(history), (std::multiset<std::string>{"Nguyễn Văn Khang|LDTT|2023", "Nguyễn Văn Khang|BK_TINH|2024"}));
  EXPECT_EQ(history.body["items"][0]["year"], 2024);  // newest first
  EXPECT_EQ(history.body["items"][0]["level_label"], "Chủ tịch UBND tỉnh");
}

TEST_P(Grants, FiltersByYearHonourLevelSubtreeKindAndAccentFreeName) {
  auto all = server_->get("/api/v1/grants");
  ASSERT_EQ(all.status, 200) << all.body.dump();
  EXPECT_EQ(all.body["total"], 8);

  auto year = server_->get("/api/v1/grants?year=2023&honour=LDTT");
  EXPECT_EQ(keys(year), (std::multiset<std::string>{"Điểu Thị Thủy|LDTT|2023", "Nguyễn Văn Khang|LDTT|2023",
                                                    "Trần Văn Ngoài|LDTT|2023"}));

  auto agency_level = server_->get("/api/v1/grants?level=agency&from=2023&to=2023&subject_kind=person");
  EXPECT_EQ(keys(agency_level), (std::multiset<std::string>{"Điểu Thị Thủy|LDTT|2023", "Điểu Thị Thủy|CSTDCS|2023",
                                                            "Nguyễn Văn Khang|LDTT|2023", "Trần Văn Ngoài|LDTT|2023"}));
  for (const auto& item : agency_level.body["items"])
    EXPECT_EQ(item["level_label"], "Thủ trưởng cơ quan");

  // The agency's subtree: its members, its office, and its predecessor; not the Sở Tư pháp.
  auto subtree = server_->get("/api/v1/grants?unit_id=" + std::to_string(agency_.value) + "&year=2023");
  EXPECT_EQ(keys(subtree), (std::multiset<std::string>{"Ban Dân tộc tỉnh Bình Phước|TTLDXS|2023",
                                                       "Văn phòng|TTLDTT|2023", "Điểu Thị Thủy|LDTT|2023",
                                                       "Điểu Thị Thủy|CSTDCS|2023", "Nguyễn Văn Khang|LDTT|2023"}));

  auto collectives = server_->get("/api/v1/grants?subject_kind=unit");
  EXPECT_EQ(collectives.body["total"], 3);

  auto name = server_->get("/api/v1/grants?q=dieu%20thuy");
  EXPECT_EQ(keys(name), (std::multiset<std::string>{"Điểu Thị Thủy|LDTT|2023", "Điểu Thị Thủy|CSTDCS|2023"}));
  auto reordered = server_->get("/api/v1/grants?q=THU%20%C4%91ieu");  // each word starts a word of the name
  EXPECT_EQ(reordered.body["total"], 2);
  auto none = server_->get("/api/v1/grants?q=hieu");
  EXPECT_EQ(none.body["total"], 0);
}

TEST_P(Grants, SummaryCountsIndividualsAndCollectivesByYearLevelAndHonour) {
  auto summary = server_->get("/api/v1/grants/summary");
  ASSERT_EQ(summary.status, 200) << summary.body.dump();
  EXPECT_EQ(summary.body["individuals"], 5);
  EXPECT_EQ(summary.body["collectives"], 3);
  std::map<std::string, std::pair<int, int>> cells;
  for (const auto& row : summary.body["rows"]) {
    cells[std::to_string(row["year"].get<int>()) + "|" + row["level"].get<std::string>() + "|" +
          row["honour"].get<std::string>()] = {row["individuals"].get<int>(), row["collectives"].get<int>()};
  }
  EXPECT_EQ(cells["2023|agency|LDTT"], std::make_pair(3, 0));
  EXPECT_EQ(cells["2023|agency|CSTDCS"], std::make_pair(1, 0));
  EXPECT_EQ(cells["2023|agency|TTLDTT"], std::make_pair(0, 1));
  EXPECT_EQ(cells["2023|province|TTLDXS"], std::make_pair(0, 1));
  EXPECT_EQ(cells["2024|province|BK_TINH"], std::make_pair(1, 0));
  EXPECT_EQ(cells["2025|province|TTLDXS"], std::make_pair(0, 1));
  EXPECT_EQ(cells.size(), 6U);
  EXPECT_EQ(summary.body["rows"][0]["year"], 2025);  // newest first

  auto filtered = server_->get("/api/v1/grants/summary?year=2023&level=province");
  EXPECT_EQ(filtered.body["individuals"], 0);
  EXPECT_EQ(filtered.body["collectives"], 1);
}

TEST_P(Grants, TheExportIsAWorkbookWithTheListAndTheCounts) {
  auto file = server_->get_raw("/api/v1/grants/export?year=2023");
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(file.header("Content-Disposition").find("Khen-thuong-da-tang-2023.xlsx"), std::string::npos);
  auto workbook = excel::read_xlsx(file.body);
  ASSERT_TRUE(workbook) << workbook.error().message;
  const auto* list = workbook->sheet("Danh sách");
  ASSERT_NE(list, nullptr);
  int grants = 0;
  bool thuy = false;
  for (const auto& row : list->rows) {
    if (row.cells.size() > 5 && row.cells[1].kind == excel::CellKind::kNumber) {
      ++grants;
      EXPECT_EQ(row.text(1), "2023");
      thuy = thuy || (row.text(4) == "Điểu Thị Thủy" && row.text(5) == "Chiến sĩ thi đua cơ sở");
    }
  }
  EXPECT_EQ(grants, 6);
  EXPECT_TRUE(thuy);
  const auto* totals = workbook->sheet("Tổng hợp");
  ASSERT_NE(totals, nullptr);
  bool ldtt = false;
  for (const auto& row : totals->rows)
    ldtt = ldtt || (row.text(2) == "Lao động tiên tiến" && row.text(3) == "3" && row.text(4) == "0");
  EXPECT_TRUE(ldtt);
}

TEST_P(Grants, AUnitHeadSeesOnlyThePeopleOfTheirScope) {
  ASSERT_EQ(server_->login("truongphong").status, 200);
  auto persons = server_->get("/api/v1/grants?subject_kind=person");
  ASSERT_EQ(persons.status, 200) << persons.body.dump();
  EXPECT_EQ(keys(persons), (std::multiset<std::string>{"Điểu Thị Thủy|LDTT|2023", "Điểu Thị Thủy|CSTDCS|2023"}));
  auto outside = server_->get("/api/v1/grants?subject=person:" + std::to_string(khang_.value));
  EXPECT_EQ(outside.status, 403) << outside.body.dump();
  EXPECT_EQ(outside.body["error"]["code"], "forbidden");
}

TEST_P(Grants, BadFiltersAreRefusedWithTheirField) {
  expect_refused([&] { return server_->get("/api/v1/grants?year=hai-nghin"); }, "year");
  expect_refused([&] { return server_->get("/api/v1/grants?from=2024&to=2023"); }, "to");
  expect_refused([&] { return server_->get("/api/v1/grants?honour=XYZ"); }, "honour");
  expect_refused([&] { return server_->get("/api/v1/grants/summary?level=tinh"); }, "level");
  expect_refused([&] { return server_->get("/api/v1/grants?unit_id=999999"); }, "unit_id");
  expect_refused([&] { return server_->get("/api/v1/grants?subject_kind=household"); }, "subject_kind");
  expect_refused([&] { return server_->get("/api/v1/grants?subject=group:3"); }, "subject");
  expect_refused([&] { return server_->get("/api/v1/grants?subject=unit:999999"); }, "subject");
  expect_refused([&] { return server_->get("/api/v1/grants/export?q=" + std::string(201, 'a')); }, "q");
}

INSTANTIATE_TEST_SUITE_P(Backends, Grants, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
