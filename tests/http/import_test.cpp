// The Excel import of yearly records, grants and initiatives over a real server on loopback, on
// both backends and the demo data: the form downloaded for a unit, a filled workbook checked
// (dry run) then imported, and every refusal leaving the database exactly as it was.

#include <gtest/gtest.h>

#include <set>

#include "excel/xlsx_reader.hpp"
#include "excel/xlsx_writer.hpp"
#include "ingest/demo.hpp"
#include "support/hostile_files.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

using excel::CellValue;

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const std::vector<std::string> kPersonHeader{"Mã cá nhân",
                                             "Họ và tên",
                                             "Năm",
                                             "Xếp loại",
                                             "Số tháng công tác",
                                             "Số tháng nghỉ thai sản",
                                             "Kỷ luật",
                                             "Ngày quyết định kỷ luật",
                                             "Đang xem xét kỷ luật",
                                             "Nội dung đang xem xét",
                                             "Thành tích được ghi nhận",
                                             "Ghi chú"};
const std::vector<std::string> kGrantHeader{
    "Đối tượng",      "Mã",     "Tên", "Danh hiệu", "Năm", "Loại khen thưởng", "Số quyết định", "Ngày quyết định",
    "Cấp quyết định", "Ghi chú"};
const std::vector<std::string> kInitiativeHeader{"Mã cá nhân",
                                                 "Họ và tên",
                                                 "Năm",
                                                 "Tên sáng kiến, đề tài",
                                                 "Phạm vi",
                                                 "Quyết định công nhận",
                                                 "Đã dùng cho danh hiệu",
                                                 "Năm được khen"};

using Rows = std::vector<std::vector<CellValue>>;

CellValue t(const std::string& text) {
  return CellValue::text(text);
}
CellValue n(std::int64_t value) {
  return CellValue::integer(value);
}
CellValue e() {
  return CellValue::empty();
}

// A filled workbook with the three data sheets (a sheet with no rows keeps its header).
std::string workbook(const Rows& years, const Rows& grants = {}, const Rows& initiatives = {}) {
  excel::XlsxWriter writer;
  auto add = [&writer](const char* name, const std::vector<std::string>& header, const Rows& rows) {
    auto& sheet = writer.add_sheet(name);
    sheet.write_title("Nhập hồ sơ", 1);
    sheet.write_header(header);
    for (const auto& row : rows)
      sheet.write_row(row);
  };
  add("Hồ sơ năm", kPersonHeader, years);
  add("Khen thưởng", kGrantHeader, grants);
  add("Sáng kiến", kInitiativeHeader, initiatives);
  auto bytes = writer.finish();
  EXPECT_TRUE(bytes) << bytes.error().message;
  return bytes ? *bytes : std::string();
}

class ImportApi : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto& context = db_->context();
    auto summary = ingest::load_demo(context.demo_services());
    ASSERT_TRUE(summary) << summary.error().message;
    const auto system = app::Actor::system();
    auto find_person = [&](const char* name) {
      app::PeopleListRequest search;
      search.q = name;
      return context.people().list(system, search)->items.at(0).id.value;
    };
    sang_ = find_person("Lý Thị Sáng");
    khang_ = find_person("Nguyễn Văn Khang");
    for (const auto& unit : context.organisation().units(date("2026-11-22"))) {
      if (unit.name == "Sở Dân tộc và Tôn giáo tỉnh Đồng Nai") agency_ = unit.id.value;
    }
    for (const auto& unit : context.organisation().units(date("2026-11-22"))) {
      if (unit.name == "Phòng Tuyên truyền và Địa bàn" && unit.parent && unit.parent->value == agency_) {
        ttdb_ = unit.id.value;
      }
    }
    ASSERT_NE(ttdb_, 0);
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("canbo", "demo1234").status, 200);
  }
  void TearDown() override {
    server_.reset();
    db_.reset();
  }

  JsonResponse upload(const std::string& bytes, bool dry_run, const std::string& type = kXlsxType) {
    return server_->post(std::string("/api/v1/imports/records?dry_run=") + (dry_run ? "true" : "false"), bytes, type);
  }

  // Asserts that an import was refused with `status` and changed nothing; returns the answer.
  JsonResponse expect_refused(const std::string& bytes, int status, const std::string& code,
                              const std::string& type = kXlsxType) {
    const auto before = db_->fingerprint();
    auto response = upload(bytes, false, type);
    EXPECT_EQ(response.status, status) << response.body.dump();
    EXPECT_EQ(response.body["error"]["code"], code) << response.body.dump();
    EXPECT_FALSE(response.body["error"]["message"].get<std::string>().empty());
    EXPECT_EQ(db_->fingerprint(), before) << "a refused import changed the database";
    return response;
  }

  // The year `year` of a person as the API shows it, or null.
  nlohmann::json stored_year(std::int64_t person, int year) {
    auto records = server_->get("/api/v1/people/" + std::to_string(person) + "/records");
    EXPECT_EQ(records.status, 200) << records.body.dump();
    for (const auto& item : records.body["years"]) {
      if (item["year"] == year) return item;
    }
    return nullptr;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
  std::int64_t sang_ = 0, khang_ = 0, agency_ = 0, ttdb_ = 0;
};

TEST_P(ImportApi, DownloadsTheFormOfAUnitPrefilledWithItsMembers) {
  const auto unit = std::to_string(ttdb_);
  auto form = server_->get_raw("/api/v1/imports/records/form?unit_id=" + unit + "&year=2026");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_EQ(form.header("Content-Type"), kXlsxType);
  const auto disposition = form.header("Content-Disposition");
  EXPECT_EQ(disposition.rfind("attachment;", 0), 0U) << disposition;
  EXPECT_NE(disposition.find("Mau-nhap-ho-so-2026.xlsx"), std::string::npos) << disposition;
  EXPECT_EQ(form.header("Cache-Control"), "no-store");

  auto book = excel::read_xlsx(form.body);
  ASSERT_TRUE(book) << book.error().message;
  const auto* years = book->sheet("Hồ sơ năm");
  ASSERT_NE(years, nullptr);
  ASSERT_NE(book->sheet("Khen thưởng"), nullptr);
  ASSERT_NE(book->sheet("Sáng kiến"), nullptr);
  ASSERT_NE(book->sheet("Danh mục"), nullptr);
  EXPECT_EQ(years->rows.at(0).text(0), "HỒ SƠ THI ĐUA NĂM 2026 — Phòng Tuyên truyền và Địa bàn");

  // One row per member of the unit today (22/11/2026, before the end of the year), in order.
  auto members = server_->get("/api/v1/units/" + unit + "/members?as_of=2026-11-22");
  ASSERT_EQ(members.status, 200);
  ASSERT_FALSE(members.body["members"].empty());
  ASSERT_EQ(years->rows.size(), 3 + members.body["members"].size());
  bool stored_seen = false;
  for (std::size_t i = 0; i < members.body["members"].size(); ++i) {
    const auto& person = members.body["members"][i]["person"];
    const auto& row = years->rows[3 + i];
    EXPECT_EQ(row.text(0), std::to_string(person["id"].get<std::int64_t>()));
    EXPECT_EQ(row.text(1), person["full_name"].get<std::string>());
    EXPECT_EQ(row.text(2), "2026");
    const auto stored = stored_year(person["id"].get<std::int64_t>(), 2026);
    if (!stored.is_null() && !stored["rating"].is_null()) {
      EXPECT_EQ(row.text(3), stored["rating_label"].get<std::string>());
      stored_seen = true;
    }
  }
  EXPECT_TRUE(stored_seen) << "the demo records some 2026 ratings of this unit";

  // Returned untouched, the form changes nothing but rewrites the stored years as they are.
  auto untouched = upload(form.body, true);
  ASSERT_EQ(untouched.status, 200) << untouched.body.dump();
  EXPECT_EQ(untouched.body["person_years_created"], 0);

  // Without a unit: a blank form; a year out of range or an unknown unit: refused.
  auto blank = server_->get_raw("/api/v1/imports/records/form");
  ASSERT_EQ(blank.status, 200);
  auto blank_book = excel::read_xlsx(blank.body);
  ASSERT_TRUE(blank_book);
  EXPECT_EQ(blank_book->sheet("Hồ sơ năm")->rows.size(), 3U);
  EXPECT_EQ(blank_book->sheet("Hồ sơ năm")->rows[0].text(0), "HỒ SƠ THI ĐUA NĂM 2026");
  for (const char* year : {"2027", "1999", "hai"}) {
    auto refused = server_->get(std::string("/api/v1/imports/records/form?year=") + year);
    EXPECT_EQ(refused.status, 400) << year;
    EXPECT_EQ(refused.body["error"]["field"], "year");
  }
  auto unknown = server_->get("/api/v1/imports/records/form?unit_id=999999&year=2025");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.body["error"]["field"], "unit_id");
}

TEST_P(ImportApi, ADryRunChangesNothingThenTheImportStoresEveryRow) {
  auto honours = server_->get("/api/v1/honours");
  std::string gk_name;
  for (const auto& honour : honours.body["honours"]) {
    if (honour["code"] == "GK") gk_name = honour["name"];
  }
  ASSERT_FALSE(gk_name.empty());
  const auto before_2025 = stored_year(sang_, 2025);
  const auto bytes =
      workbook({{n(sang_), t("Ly Thi Sang"), n(2025), t("Hoan thanh xuat sac nhiem vu"), n(10), n(2), t("Không"), e(),
                 t("Không"), e(), t("Có"), t("Nhập từ Excel")}},
               {{t("Cá nhân"), n(sang_), t("Lý Thị Sáng"), t(gk_name), n(2025), t("Đột xuất"), t("77/QĐ-SDTTG"),
                 t("20/06/2025"), t("Giám đốc Sở Dân tộc và Tôn giáo tỉnh Đồng Nai")}},
               {{n(sang_), t("Lý Thị Sáng"), n(2025), t("Sổ tay tuyên truyền song ngữ"), t("Cơ sở"), t("5/QĐ-HĐSK")}});

  const auto before = db_->fingerprint();
  auto dry = upload(bytes, true);
  ASSERT_EQ(dry.status, 200) << dry.body.dump();
  EXPECT_EQ(dry.body["applied"], false);
  EXPECT_EQ(dry.body["dry_run"], true);
  EXPECT_EQ(dry.body["person_years_created"].get<int>() + dry.body["person_years_updated"].get<int>(), 1);
  EXPECT_EQ(dry.body["person_years_updated"], before_2025.is_null() ? 0 : 1);
  EXPECT_EQ(dry.body["grants_created"], 1);
  EXPECT_EQ(dry.body["initiatives_created"], 1);
  EXPECT_TRUE(dry.body["problems"].empty());
  EXPECT_EQ(db_->fingerprint(), before) << "a dry run changed the database";

  auto real = upload(bytes, false);
  ASSERT_EQ(real.status, 200) << real.body.dump();
  EXPECT_EQ(real.body["applied"], true);
  EXPECT_EQ(real.body["dry_run"], false);
  EXPECT_EQ(real.body["grants_created"], 1);

  const auto year = stored_year(sang_, 2025);
  ASSERT_FALSE(year.is_null());
  EXPECT_EQ(year["rating"], "HTXSNV");
  EXPECT_EQ(year["months_worked"], 10);
  EXPECT_EQ(year["leave_months"], 2);
  EXPECT_EQ(year["notable_achievement"], true);
  EXPECT_EQ(year["note"], "Nhập từ Excel");
  auto records = server_->get("/api/v1/people/" + std::to_string(sang_) + "/records");
  bool grant_seen = false;
  for (const auto& grant : records.body["grants"]) {
    if (grant["decision_number"] == "77/QĐ-SDTTG") {
      grant_seen = true;
      EXPECT_EQ(grant["honour"], "GK");
      EXPECT_EQ(grant["type"], "sudden");
      EXPECT_EQ(grant["decision_date"], "2025-06-20");
    }
  }
  EXPECT_TRUE(grant_seen) << records.body.dump();
  bool initiative_seen = false;
  for (const auto& initiative : records.body["initiatives"]) {
    if (initiative["title"] == "Sổ tay tuyên truyền song ngữ") initiative_seen = true;
  }
  EXPECT_TRUE(initiative_seen) << records.body.dump();

  // The same grant again is a duplicate: refused, with the row named.
  const auto again = expect_refused(bytes, 400, "invalid_input");
  ASSERT_FALSE(again.body["problems"].empty()) << again.body.dump();
  EXPECT_EQ(again.body["problems"][0]["sheet"], "Khen thưởng");
  EXPECT_EQ(again.body["problems"][0]["row"], 3);
}

TEST_P(ImportApi, AFormSentBackUntouchedChangesNothing) {
  auto form = server_->get_raw("/api/v1/imports/records/form?unit_id=" + std::to_string(ttdb_) + "&year=2026");
  ASSERT_EQ(form.status, 200);
  const auto before = db_->fingerprint();
  auto imported = upload(form.body, false);
  ASSERT_EQ(imported.status, 200) << imported.body.dump();
  EXPECT_GT(imported.body["person_years_unchanged"].get<int>(), 0);  // the demo has 2026 records for the department
  EXPECT_EQ(imported.body["person_years_updated"], 0);
  EXPECT_EQ(imported.body["person_years_created"], 0);
  EXPECT_EQ(db_->fingerprint(), before) << "rows equal to the stored years were written again";
}

TEST_P(ImportApi, OneBadRowAmongGoodOnesRefusesTheWholeFile) {
  const auto bytes = workbook({
      {n(sang_), t("Lý Thị Sáng"), n(2025), t("HTTNV"), n(12)},                            // row 3
      {n(sang_), t("Lý Thị Sáng"), n(2024), t("Hoàn thành rất tốt"), n(12)},               // row 4: bad rating
      {n(sang_), t("Lý Thị Sáng"), n(2023), t("HTNV"), n(12), e(), e(), t("31/02/2023")},  // row 5: bad date
  });
  auto refused = expect_refused(bytes, 400, "invalid_input");
  EXPECT_EQ(refused.body["error"]["field"], "file");
  EXPECT_EQ(refused.body["error"]["message"], "Tệp có 2 dòng không hợp lệ; chưa nhập dòng nào.");
  ASSERT_EQ(refused.body["problems"].size(), 2U) << refused.body.dump();
  EXPECT_EQ(refused.body["problems"][0]["sheet"], "Hồ sơ năm");
  EXPECT_EQ(refused.body["problems"][0]["row"], 4);
  EXPECT_EQ(refused.body["problems"][0]["field"], "rating");
  EXPECT_EQ(refused.body["problems"][1]["row"], 5);
  EXPECT_EQ(refused.body["problems"][1]["field"], "discipline_date");

  // Readable, but refused by the rules of a year: 10 months worked and 4 counted as leave.
  auto rules = expect_refused(workbook({{n(sang_), t("Lý Thị Sáng"), n(2025), t("HTTNV"), n(10), n(4)},
                                        {n(sang_), t("Lý Thị Sáng"), n(2019), t("HTTNV"), n(12)}}),
                              400, "invalid_input");
  ASSERT_EQ(rules.body["problems"].size(), 1U) << rules.body.dump();
  EXPECT_EQ(rules.body["problems"][0]["row"], 3);
  EXPECT_EQ(rules.body["problems"][0]["field"], "leave_months");
  EXPECT_EQ(rules.body["error"]["message"], "Tệp có 1 dòng không hợp lệ; chưa nhập dòng nào.");

  // A value kept from the stored year counts too, and the message says where it came from: the
  // demo stores 5 months worked and 6 of leave for 2024, so 12 months worked with the leave cell
  // left empty make 18.
  auto kept =
      expect_refused(workbook({{n(sang_), t("Lý Thị Sáng"), n(2024), t("HTTNV"), n(12)}}), 400, "invalid_input");
  ASSERT_EQ(kept.body["problems"].size(), 1U) << kept.body.dump();
  EXPECT_EQ(kept.body["problems"][0]["field"], "leave_months");
  EXPECT_NE(kept.body["problems"][0]["message"].get<std::string>().find(
                "Cột \"Số tháng nghỉ thai sản\" để trống nên giữ giá trị đã lưu (6); muốn xóa giá trị này thì ghi "
                "(xóa) vào ô."),
            std::string::npos)
      << kept.body.dump();
  // Erased explicitly, the row is valid.
  auto erased = upload(workbook({{n(sang_), t("Lý Thị Sáng"), n(2024), t("HTTNV"), n(12), t("(xóa)")}}), true);
  ASSERT_EQ(erased.status, 200) << erased.body.dump();
  ASSERT_EQ(erased.body["changes"].size(), 1U);
  EXPECT_EQ(
      erased.body["changes"][0]["fields"],
      nlohmann::json::parse(R"([{"field":"months_worked","label":"Số tháng công tác","before":"5","after":"12"},)"
                            R"({"field":"leave_months","label":"Số tháng nghỉ thai sản","before":"6","after":""}])"));
}

TEST_P(ImportApi, ANameThatIsNotThePersonsIsRefused) {
  auto refused =
      expect_refused(workbook({{n(sang_), t("Nguyễn Văn Khang"), n(2025), t("HTTNV"), n(12)}}), 400, "invalid_input");
  ASSERT_EQ(refused.body["problems"].size(), 1U) << refused.body.dump();
  EXPECT_EQ(refused.body["problems"][0]["field"], "name");
  EXPECT_NE(refused.body["problems"][0]["message"].get<std::string>().find("Lý Thị Sáng"), std::string::npos);
  // An id nobody has.
  auto unknown = expect_refused(workbook({{n(987654), t("Ai Đó"), n(2025), t("HTTNV")}}), 400, "invalid_input");
  EXPECT_EQ(unknown.body["problems"][0]["row"], 3);
}

TEST_P(ImportApi, OnlyAccountsThatManageRecordsMayImport) {
  const auto bytes = workbook({{n(sang_), t("Lý Thị Sáng"), n(2025), t("HTTNV"), n(12)}});
  for (const char* role : {"nhanvien", "xem", "hoidong"}) {
    ASSERT_EQ(server_->login(role, "demo1234").status, 200) << role;
    auto refused = expect_refused(bytes, 403, "forbidden");
    EXPECT_NE(refused.body["error"]["message"].get<std::string>().find("khoản \""), std::string::npos);
    EXPECT_EQ(server_->get("/api/v1/imports/records/form").status, 403) << role;
  }
  // The head of the department imports for its members, not for a person of another unit.
  ASSERT_EQ(server_->login("truongphong", "demo1234").status, 200);
  auto outside =
      expect_refused(workbook({{n(khang_), t("Nguyễn Văn Khang"), n(2025), t("HTTNV"), n(12)}}), 400, "invalid_input");
  EXPECT_EQ(outside.body["problems"][0]["row"], 3);
  auto inside = upload(bytes, false);
  EXPECT_EQ(inside.status, 200) << inside.body.dump();
  EXPECT_EQ(server_->get_raw("/api/v1/imports/records/form?unit_id=" + std::to_string(ttdb_)).status, 200);
  server_->forget_session();
  EXPECT_EQ(upload(bytes, true).status, 401);
}

TEST_P(ImportApi, RefusesWhatIsNotTheForm) {
  auto text = expect_refused("Mã cá nhân;Năm\n1;2025\n", 415, "unsupported_media_type", "text/plain");
  EXPECT_EQ(text.body["error"]["field"], "file");
  auto garbage = expect_refused("PK\x03\x04 không phải tệp xlsx", 400, "invalid_input");
  EXPECT_EQ(garbage.body["error"]["field"], "file");
  EXPECT_FALSE(garbage.body.contains("problems"));

  excel::XlsxWriter writer;
  writer.add_sheet("Sheet1").write_header({"Mã", "Tên"});
  auto other = writer.finish();
  ASSERT_TRUE(other);
  auto not_form = expect_refused(*other, 400, "invalid_input");
  EXPECT_EQ(not_form.body["error"]["message"],
            "Tệp không phải mẫu nhập hồ sơ của tdkt: không có trang \"Hồ sơ năm\", \"Khen thưởng\" hoặc \"Sáng "
            "kiến\".");

  const auto before = db_->fingerprint();
  auto flag = server_->post("/api/v1/imports/records?dry_run=maybe", workbook({}), kXlsxType);
  EXPECT_EQ(flag.status, 400);
  EXPECT_EQ(flag.body["error"]["field"], "dry_run");
  EXPECT_EQ(db_->fingerprint(), before);
}

// ---- Imports never guess (issue 23) -------------------------------------------------------------

// What was met: the officer renamed the header "Xếp loại" to "Kết quả đánh giá"; the file was
// reported valid, and writing it erased the year's rating of every person of the sheet while
// their LĐTT grants of that year stayed. The file is now refused naming both headers.
TEST_P(ImportApi, AWorkbookWithARenamedRatingHeaderIsRefusedAndNoRatingIsErased) {
  auto members = server_->get("/api/v1/units/" + std::to_string(ttdb_) + "/members?as_of=2026-11-22");
  ASSERT_EQ(members.status, 200);
  Rows rows;
  std::vector<std::pair<std::int64_t, std::string>> rated;  // person, stored rating code
  for (const auto& member : members.body["members"]) {
    const auto id = member["person"]["id"].get<std::int64_t>();
    const auto stored = stored_year(id, 2026);
    if (stored.is_null() || stored["rating"].is_null()) continue;
    rated.emplace_back(id, stored["rating"].get<std::string>());
    // The officer's file: the ratings typed under the renamed header, months worked unchanged.
    const auto months = stored["months_worked"].is_number() ? stored["months_worked"].get<int>() : 12;
    rows.push_back({n(id), t(member["person"]["full_name"].get<std::string>()), n(2026),
                    t(stored["rating_label"].get<std::string>()), n(months)});
  }
  ASSERT_GE(rated.size(), 2U) << "the demo records 2026 ratings for this department";
  auto header = kPersonHeader;
  header[3] = "Kết quả đánh giá";
  excel::XlsxWriter writer;
  auto& sheet = writer.add_sheet("Hồ sơ năm");
  sheet.write_title("HỒ SƠ THI ĐUA NĂM 2026", 1);
  sheet.write_header(header);
  for (const auto& row : rows)
    sheet.write_row(row);
  auto bytes = writer.finish();
  ASSERT_TRUE(bytes);

  for (const bool dry_run : {true, false}) {
    const auto before = db_->fingerprint();
    auto refused = upload(*bytes, dry_run);
    EXPECT_EQ(refused.status, 400) << refused.body.dump();
    EXPECT_EQ(refused.body["error"]["code"], "invalid_input");
    EXPECT_EQ(refused.body["error"]["field"], "file");
    const auto message = refused.body["error"]["message"].get<std::string>();
    EXPECT_NE(message.find("Trang \"Hồ sơ năm\" không đúng mẫu"), std::string::npos) << message;
    EXPECT_NE(message.find("thiếu cột \"Xếp loại\""), std::string::npos) << message;
    EXPECT_NE(message.find("cột D có tiêu đề \"Kết quả đánh giá\" không có trong mẫu"), std::string::npos) << message;
    EXPECT_EQ(db_->fingerprint(), before);
  }
  for (const auto& [id, rating] : rated)
    EXPECT_EQ(stored_year(id, 2026)["rating"], rating) << "person " << id;
}

TEST_P(ImportApi, AnEmptyCellLeavesTheStoredValueAndTheMarkerErasesIt) {
  auto first = upload(workbook({{n(sang_), t("Lý Thị Sáng"), n(2025), t("HTXSNV"), n(10), e(), t("Không"), e(),
                                 t("Không"), e(), t("Có"), t("Ghi chú cũ")}}),
                      false);
  ASSERT_EQ(first.status, 200) << first.body.dump();
  // The rating cell left empty, the months changed, the note and the achievement erased.
  auto second = upload(
      workbook({{n(sang_), t("Lý Thị Sáng"), n(2025), e(), n(12), e(), e(), e(), e(), e(), t("(xóa)"), t("(XÓA)")}}),
      false);
  ASSERT_EQ(second.status, 200) << second.body.dump();
  EXPECT_EQ(second.body["person_years_updated"], 1);
  const auto year = stored_year(sang_, 2025);
  ASSERT_FALSE(year.is_null());
  EXPECT_EQ(year["rating"], "HTXSNV");  // kept: the cell was empty
  EXPECT_EQ(year["months_worked"], 12);
  EXPECT_EQ(year["note"], "");
  EXPECT_TRUE(year["notable_achievement"].is_null()) << year.dump();
  // The marker where nothing can be erased is a problem, and nothing is written.
  auto misplaced =
      expect_refused(workbook({}, {{t("Cá nhân"), n(sang_), t("Lý Thị Sáng"), t("LDTT"), n(2024), e(), t("(xóa)")}}),
                     400, "invalid_input");
  ASSERT_EQ(misplaced.body["problems"].size(), 1U) << misplaced.body.dump();
  EXPECT_EQ(misplaced.body["problems"][0]["field"], "decision_number");
}

TEST_P(ImportApi, TheDryRunListsEachChangeBeforeAndAfterAndTheRowsLeftUnchanged) {
  ASSERT_EQ(upload(workbook({{n(sang_), t("Lý Thị Sáng"), n(2025), t("HTXSNV"), n(10)},
                             {n(khang_), t("Nguyễn Văn Khang"), n(2025), t("HTTNV"), n(12)}}),
                   false)
                .status,
            200);
  const auto before = db_->fingerprint();
  auto dry = upload(
      workbook({{n(sang_), t("Lý Thị Sáng"), n(2025), t("HTTNV"), n(10), e(), e(), e(), e(), e(), e(), t("(xóa)")},
                {n(khang_), t("Nguyễn Văn Khang"), n(2025), t("HTTNV"), n(12)}},
               {{t("Cá nhân"), n(sang_), t("Lý Thị Sáng"), t("GK"), n(2025), t("Đột xuất"), t("9/QĐ-SDTTG")}}),
      true);
  ASSERT_EQ(dry.status, 200) << dry.body.dump();
  EXPECT_EQ(db_->fingerprint(), before) << "a dry run changed the database";
  const auto& changes = dry.body["changes"];
  ASSERT_EQ(changes.size(), 3U) << dry.body.dump();
  // Sáng: the rating changes; the note was empty and stays so, so it is no change.
  EXPECT_EQ(changes[0]["sheet"], "Hồ sơ năm");
  EXPECT_EQ(changes[0]["row"], 3);
  EXPECT_EQ(changes[0]["subject_kind"], "person");
  EXPECT_EQ(changes[0]["subject_id"], sang_);
  EXPECT_EQ(changes[0]["subject_name"], "Lý Thị Sáng");
  EXPECT_EQ(changes[0]["record"], "person_year");
  EXPECT_EQ(changes[0]["year"], 2025);
  EXPECT_EQ(changes[0]["action"], "update");
  ASSERT_EQ(changes[0]["fields"].size(), 1U) << changes[0].dump();
  EXPECT_EQ(changes[0]["fields"][0]["field"], "rating");
  EXPECT_EQ(changes[0]["fields"][0]["label"], "Xếp loại");
  EXPECT_EQ(changes[0]["fields"][0]["before"], "Hoàn thành xuất sắc nhiệm vụ");
  EXPECT_EQ(changes[0]["fields"][0]["after"], "Hoàn thành tốt nhiệm vụ");
  // Khang: the row equals what is stored.
  EXPECT_EQ(changes[1]["subject_id"], khang_);
  EXPECT_EQ(changes[1]["action"], "unchanged");
  EXPECT_TRUE(changes[1]["fields"].empty());
  // The grant: created, with what it records.
  EXPECT_EQ(changes[2]["sheet"], "Khen thưởng");
  EXPECT_EQ(changes[2]["record"], "grant");
  EXPECT_EQ(changes[2]["action"], "create");
  bool number_listed = false;
  for (const auto& field : changes[2]["fields"]) {
    if (field["field"] == "decision_number" && field["after"] == "9/QĐ-SDTTG" && field["before"] == "") {
      number_listed = true;
    }
  }
  EXPECT_TRUE(number_listed) << changes[2].dump();
  EXPECT_EQ(dry.body["person_years_updated"], 1);
  EXPECT_EQ(dry.body["person_years_unchanged"], 1);
}

// ---- Uploads that cannot blow up (issue 15) ------------------------------------------------------

TEST_P(ImportApi, HostileWorkbooksAreRefusedWithAStableCodeAndChangeNothing) {
  auto empty_cells =
      expect_refused(testing::empty_cells_workbook("Hồ sơ năm", std::uint64_t{52} * 1024), 413, "too_large");
  EXPECT_EQ(empty_cells.body["error"]["field"], "file");
  EXPECT_EQ(empty_cells.body["error"]["message"],
            "Tệp Excel quá lớn: trang tính \"Hồ sơ năm\" sau khi giải nén vượt quá 20 MB.");
  auto lying =
      expect_refused(testing::lying_sheet_workbook("Hồ sơ năm", 1024, std::uint64_t{1} << 30), 413, "too_large");
  EXPECT_EQ(lying.body["error"]["message"],
            "Tệp Excel quá lớn: trang tính \"Hồ sơ năm\" sau khi giải nén vượt quá 20 MB.");
  auto rows = expect_refused(testing::empty_rows_workbook("Hồ sơ năm", 1000000), 413, "too_large");
  EXPECT_EQ(rows.body["error"]["message"], "Trang tính \"Hồ sơ năm\" có quá nhiều dòng (tối đa 20.000 dòng).");
  auto strings = expect_refused(testing::shared_strings_workbook("Hồ sơ năm", 200000), 413, "too_large");
  EXPECT_EQ(strings.body["error"]["message"], "Tệp Excel có quá nhiều chuỗi dùng chung (tối đa 100.000 chuỗi).");
  auto deep = expect_refused(testing::deep_sheet_workbook("Hồ sơ năm", 100000), 400, "invalid_input");
  EXPECT_EQ(deep.body["error"]["field"], "file");
  EXPECT_NE(deep.body["error"]["message"].get<std::string>().find("lồng các thẻ XML sâu quá 64 cấp"),
            std::string::npos);
  // The server still answers.
  EXPECT_EQ(server_->get("/api/v1/health").status, 200);
}

TEST_P(ImportApi, AnImportBeyondTheOnesRunningIsTurnedAwayBusy) {
  auto& gate = db_->context().imports();
  ASSERT_EQ(gate.capacity(), 2);
  // Two imports running (held here, so that the third request comes while they run).
  auto first = gate.enter();
  auto second = gate.enter();
  ASSERT_TRUE(first && second);
  const auto bytes = workbook({{n(sang_), t("Lý Thị Sáng"), n(2025), t("HTTNV"), n(12)}});
  const auto before = db_->fingerprint();
  auto result = server_->client().Post("/api/v1/imports/records?dry_run=false", bytes, kXlsxType);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 429);
  const auto body = nlohmann::json::parse(result->body);
  EXPECT_EQ(body["error"]["code"], "busy");
  EXPECT_EQ(body["error"]["message"],
            "Máy chủ đang nhập 2 tệp Excel khác; chưa đọc tệp của bạn. Vui lòng thử lại sau ít giây.");
  EXPECT_EQ(result->get_header_value("Retry-After"), "5");
  EXPECT_EQ(db_->fingerprint(), before);
  // One of them ends: the same request goes through.
  { auto done = std::move(*first); }
  auto retried = upload(bytes, false);
  EXPECT_EQ(retried.status, 200) << retried.body.dump();
  EXPECT_EQ(retried.body["applied"], true);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportApi, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
