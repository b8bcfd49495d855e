// Statistics, the Home Affairs forms and the dashboard over a real server on loopback, on both
// backends, on the demo: every breakdown counted again here from the award history the API lists,
// the forms read back from their XLSX with the right rows and totals, the dashboard's figures
// against the records, and bad input refused without a change.

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "excel/xlsx_reader.hpp"
#include "rules_io/rule_files.hpp"
#include "rules_io/statistical_forms.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

using Json = nlohmann::json;

// 0602.N/BNV-TĐKT and 0603.N/BNV-TĐKT, URL-encoded.
constexpr const char* k0602 = "0602.N%2FBNV-T%C4%90KT";
constexpr const char* k0603 = "0603.N%2FBNV-T%C4%90KT";

class Statistics : public DemoServerTest {
 protected:
  // {individuals, collectives} by the key of a breakdown.
  static std::map<std::string, std::pair<int, int>> rows_of(const Json& rows) {
    std::map<std::string, std::pair<int, int>> out;
    for (const auto& row : rows) {
      EXPECT_EQ(row["total"], row["individuals"].get<int>() + row["collectives"].get<int>()) << row.dump();
      out[row["key"].get<std::string>()] = {row["individuals"].get<int>(), row["collectives"].get<int>()};
    }
    return out;
  }
};

TEST_P(Statistics, EveryBreakdownCountsTheAwardHistory) {
  auto history = server_->get("/api/v1/grants?from=2020&to=2026");
  ASSERT_EQ(history.status, 200) << history.body.dump();
  std::map<std::string, std::pair<int, int>> years;
  std::map<std::string, std::pair<int, int>> levels;
  std::map<std::string, std::pair<int, int>> honours;
  int individuals = 0;
  int collectives = 0;
  for (const auto& item : history.body["items"]) {
    const bool person = item["subject_kind"] == "person";
    auto add = [&](auto& into, const std::string& key) { (person ? into[key].first : into[key].second) += 1; };
    add(years, std::to_string(item["year"].get<int>()));
    add(levels, item["level"].is_null() ? "unknown" : item["level"].get<std::string>());
    add(honours, item["honour"].get<std::string>());
    (person ? individuals : collectives) += 1;
  }
  ASSERT_GT(individuals, 100);  // the demo's grants of 2021–2025, the 48 of 631/QĐ-UBND among them

  auto stats = server_->get("/api/v1/statistics?from_year=2020&to_year=2026");
  ASSERT_EQ(stats.status, 200) << stats.body.dump();
  EXPECT_EQ(stats.body["individuals"], individuals);
  EXPECT_EQ(stats.body["collectives"], collectives);
  EXPECT_EQ(rows_of(stats.body["by_year"]), years);
  EXPECT_EQ(rows_of(stats.body["by_level"]), levels);
  EXPECT_EQ(rows_of(stats.body["by_honour"]), honours);
  // Units, genders and ethnicities split the same grants (genders and ethnicities: persons only).
  for (const char* breakdown : {"by_unit", "by_gender", "by_ethnicity"}) {
    int persons = 0;
    int units = 0;
    for (const auto& [key, counts] : rows_of(stats.body[breakdown])) {
      persons += counts.first;
      units += counts.second;
    }
    EXPECT_EQ(persons, individuals) << breakdown;
    EXPECT_EQ(units, std::string(breakdown) == "by_unit" ? collectives : 0) << breakdown;
  }
  // The ethnic-minority individuals of 631/QĐ-UBND are counted by their ethnicity and gender.
  const auto ethnicities = rows_of(stats.body["by_ethnicity"]);
  EXPECT_TRUE(ethnicities.contains("Xtiêng")) << stats.body["by_ethnicity"].dump();
  EXPECT_TRUE(rows_of(stats.body["by_gender"]).contains("female"));

  // Registrations of the 2023 campaign by honour, against the campaign's own list.
  auto campaigns = server_->get("/api/v1/campaigns");
  ASSERT_EQ(campaigns.status, 200);
  std::int64_t campaign_2023 = 0;
  for (const auto& item : campaigns.body["items"])
    if (item["year"] == 2023) campaign_2023 = item["id"].get<std::int64_t>();
  ASSERT_NE(campaign_2023, 0) << campaigns.body.dump();
  auto registered = server_->get("/api/v1/campaigns/" + std::to_string(campaign_2023) + "/registrations");
  ASSERT_EQ(registered.status, 200);
  std::map<std::string, int> by_honour;
  for (const auto& item : registered.body["items"])
    ++by_honour[item["honour"].get<std::string>()];
  std::map<std::string, int> reported;
  for (const auto& row : stats.body["registrations"]) {
    if (row["campaign_id"] != campaign_2023) continue;
    reported[row["honour"].get<std::string>()] = row["registered"].get<int>();
    EXPECT_LE(row["granted"].get<int>(), row["registered"].get<int>());
  }
  EXPECT_EQ(reported, by_honour);
  ASSERT_FALSE(stats.body["targets"].empty());  // the 2023 movement's targets
  for (const auto& row : stats.body["targets"]) {
    EXPECT_EQ(row["targets"], row["achieved"].get<int>() + row["on_track"].get<int>() + row["behind"].get<int>() +
                                  row["overdue"].get<int>() + row["not_measured"].get<int>() +
                                  row["no_plan"].get<int>())
        << row.dump();
  }

  // A grant written for 2023 moves the count of 2023, and of its honour.
  auto before = rows_of(server_->get("/api/v1/statistics?year=2023").body["by_honour"]);
  auto people = server_->get("/api/v1/people?q=Tuấn");
  ASSERT_FALSE(people.body["items"].empty());
  const auto person = people.body["items"][0]["id"].get<std::int64_t>();
  ASSERT_EQ(server_
                ->post("/api/v1/grants", Json{{"subject_kind", "person"},
                                              {"subject_id", person},
                                              {"honour", "GK"},
                                              {"year", 2023},
                                              {"decision_number", "09/QĐ-BDT"},
                                              {"decision_date", "2024-01-10"},
                                              {"authority", "Trưởng Ban Dân tộc tỉnh Bình Phước"}}
                                             .dump())
                .status,
            201);
  auto after = rows_of(server_->get("/api/v1/statistics?year=2023").body["by_honour"]);
  EXPECT_EQ(after["GK"].first, before["GK"].first + 1);

  // The workbook holds the same figures: the year sheet's total row.
  auto xlsx = server_->get_raw("/api/v1/statistics/xlsx?from_year=2020&to_year=2026");
  ASSERT_EQ(xlsx.status, 200);
  auto book = excel::read_xlsx(xlsx.body);
  ASSERT_TRUE(book) << book.error().message;
  const auto* sheet = book->sheet("Theo năm");
  ASSERT_NE(sheet, nullptr);
  const auto& total = sheet->rows.back();
  EXPECT_EQ(total.text(1), "Tổng cộng");
  EXPECT_EQ(total.text(2), std::to_string(individuals + 1));
  EXPECT_EQ(total.text(3), std::to_string(collectives));
  for (const char* name : {"Theo cấp", "Theo hình thức", "Theo đơn vị", "Theo giới tính", "Theo dân tộc",
                           "Đăng ký - khen thưởng", "Chỉ tiêu"})
    EXPECT_NE(book->sheet(name), nullptr) << name;
}

// The rows of a form's sheet by mã số (column B): the total (column 1) and the columns after it.
std::map<std::string, std::vector<int>> form_rows(const excel::Sheet& sheet) {
  std::map<std::string, std::vector<int>> out;
  for (const auto& row : sheet.rows) {
    const auto* code = row.cell(1);
    const auto* total = row.cell(3);
    if (code == nullptr || total == nullptr || total->kind != excel::CellKind::kNumber) continue;
    std::vector<int> values;
    for (std::size_t column = 3; column < row.cells.size(); ++column)
      values.push_back(static_cast<int>(row.cells[column].number));
    out[code->text] = values;
  }
  return out;
}

int sum(const std::vector<int>& values, std::size_t from = 1) {
  int out = 0;
  for (std::size_t i = from; i < values.size(); ++i)
    out += values[i];
  return out;
}

TEST_P(Statistics, TheProvincialFormReadsBackWithItsRowsAndTotals) {
  auto xlsx = server_->get_raw(std::string("/api/v1/statistics/form/xlsx?code=") + k0603 + "&year=2023");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_NE(xlsx.header("Content-Type").find("spreadsheetml"), std::string::npos);
  auto book = excel::read_xlsx(xlsx.body);
  ASSERT_TRUE(book) << book.error().message;
  ASSERT_EQ(book->sheets.size(), 1U);
  const auto& sheet = book->sheets[0];
  EXPECT_EQ(sheet.rows[0].text(0), "Biểu số: 0603.N/BNV-TĐKT");
  EXPECT_EQ(sheet.rows[0].text(4), "Đơn vị báo cáo: Ban Dân tộc tỉnh Bình Phước");
  EXPECT_EQ(sheet.rows[1].text(4), "Đơn vị nhận báo cáo: Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)");
  EXPECT_EQ(sheet.rows[2].text(0), "Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo");
  bool title = false;
  bool period = false;
  for (const auto& row : sheet.rows) {
    title = title || row.text(0).starts_with("SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH");
    period = period || row.text(0) == "Năm 2023 (từ ngày 01/12/2022 đến ngày 30/11/2023)";
  }
  EXPECT_TRUE(title);
  EXPECT_TRUE(period);

  const auto rows = form_rows(sheet);
  std::vector<std::string> codes;
  for (const auto& [code, values] : rows)
    codes.push_back(code);
  EXPECT_EQ(codes, (std::vector<std::string>{"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
                                             "13", "14", "15", "16", "17"}));
  for (const auto& [code, values] : rows) {
    ASSERT_EQ(values.size(), 5U) << code;       // Tổng số and the four columns
    EXPECT_EQ(values[0], sum(values)) << code;  // column 1 is the sum of the columns
  }
  // By subject: collectives, households and individuals make the total; the categories of
  // individuals make the individuals; the types of commendation make the total again.
  const auto total = rows.at("01");
  for (std::size_t column = 0; column < total.size(); ++column) {
    EXPECT_EQ(total[column], rows.at("02")[column] + rows.at("04")[column] + rows.at("05")[column]) << column;
    int people = 0;
    for (const char* code : {"06", "07", "08", "09", "10"})
      people += rows.at(code)[column];
    EXPECT_EQ(rows.at("05")[column], people) << column;
    int types = 0;
    for (const char* code : {"11", "12", "13", "14", "15", "16", "17"})
      types += rows.at(code)[column];
    EXPECT_EQ(total[column], types) << column;
  }

  // The total is the provincial grants of the form's honours decided in the period, from the
  // award history; the provincial emulation titles (Tập thể lao động xuất sắc) are left out.
  auto history = server_->get("/api/v1/grants?from=2021&to=2024");
  int expected = 0;
  int persons = 0;
  int bang_khen = 0;
  std::map<std::string, int> outside;
  const std::set<std::string> counted{"BK_TINH", "CSTD_TINH", "CO_TINH"};
  for (const auto& item : history.body["items"]) {
    if (item["level"] != "province" || item["decision_date"].is_null()) continue;
    const auto day = item["decision_date"].get<std::string>();
    if (day < "2022-12-01" || day > "2023-11-30") continue;
    if (!counted.contains(item["honour"].get<std::string>())) {
      ++outside[item["honour_name"].get<std::string>()];
      continue;
    }
    ++expected;
    persons += item["subject_kind"] == "person" ? 1 : 0;
    bang_khen += item["honour"] == "BK_TINH" ? 1 : 0;
  }
  EXPECT_GE(expected, 55);  // 48 of 631/QĐ-UBND, the NQ 52 grants, the chair's Bằng khen
  EXPECT_EQ(total[0], expected);
  EXPECT_EQ(rows.at("05")[0], persons);
  EXPECT_EQ(total[1], bang_khen);
  EXPECT_EQ(rows.at("03")[0], 0);  // no enterprise
  EXPECT_EQ(rows.at("04")[0], 0);  // no household

  auto json = server_->get(std::string("/api/v1/statistics/form?code=") + k0603 + "&year=2023");
  ASSERT_EQ(json.status, 200) << json.body.dump();
  EXPECT_EQ(json.body["counted"], expected);
  std::map<std::string, int> left_out;
  for (const auto& item : json.body["left_out"])
    left_out[item["honour_name"].get<std::string>()] = item["count"];
  EXPECT_EQ(left_out, outside);
  EXPECT_FALSE(outside.empty());  // the 2 Tập thể lao động xuất sắc of 2022
}

TEST_P(Statistics, TheStateFormCountsThePrimeMinistersBangKhen) {
  auto json = server_->get(std::string("/api/v1/statistics/form?code=") + k0602 + "&year=2023");
  ASSERT_EQ(json.status, 200) << json.body.dump();
  EXPECT_EQ(json.body["from"], "2022-12-01");
  EXPECT_EQ(json.body["to"], "2023-11-30");
  std::size_t bk_person = 0;
  for (std::size_t i = 0; i < json.body["columns"].size(); ++i)
    if (json.body["columns"][i]["code"] == "7b") bk_person = i;
  ASSERT_NE(bk_person, 0U);
  std::map<std::string, Json> rows;
  for (const auto& row : json.body["rows"])
    if (!row["heading"].get<bool>()) rows[row["code"].get<std::string>()] = row;
  EXPECT_EQ(rows["01"]["total"], 1);
  EXPECT_EQ(rows["01"]["cells"][bk_person], 1);
  EXPECT_EQ(rows["03"]["total"], 1);  // proposed through the province
  EXPECT_EQ(rows["09"]["total"], 1);  // an individual
  EXPECT_EQ(rows["15"]["total"], 1);  // thường xuyên
  EXPECT_TRUE(rows["02"]["untracked"].get<bool>());
  EXPECT_FALSE(rows["02"]["note"].get<std::string>().empty());

  auto xlsx = server_->get_raw(std::string("/api/v1/statistics/form/xlsx?code=") + k0602 + "&year=2023");
  ASSERT_EQ(xlsx.status, 200);
  auto book = excel::read_xlsx(xlsx.body);
  ASSERT_TRUE(book) << book.error().message;
  const auto read = form_rows(book->sheets.at(0));
  EXPECT_EQ(read.size(), 19U);  // mã số 01–03 and 06–21
  EXPECT_EQ(read.at("01")[0], 1);
  EXPECT_EQ(read.at("01")[1 + bk_person], 1);
}

TEST_P(Statistics, AYearWithoutRecordsIsAnHonestEmptyForm) {
  auto stats = server_->get("/api/v1/statistics?year=1990");
  ASSERT_EQ(stats.status, 200) << stats.body.dump();
  EXPECT_EQ(stats.body["individuals"], 0);
  EXPECT_TRUE(stats.body["by_year"].empty());
  EXPECT_TRUE(stats.body["registrations"].empty());
  auto form = server_->get(std::string("/api/v1/statistics/form?code=") + k0603 + "&year=1990");
  ASSERT_EQ(form.status, 200);
  for (const auto& row : form.body["rows"]) {
    if (!row["heading"].get<bool>()) {
      EXPECT_EQ(row["total"], 0) << row.dump();
    }
  }
  auto xlsx = server_->get_raw(std::string("/api/v1/statistics/form/xlsx?code=") + k0603 + "&year=1990");
  ASSERT_EQ(xlsx.status, 200);
  auto book = excel::read_xlsx(xlsx.body);
  ASSERT_TRUE(book);
  EXPECT_EQ(form_rows(book->sheets.at(0)).at("01")[0], 0);
}

TEST_P(Statistics, BadInputIsRefusedNamingTheField) {
  const auto audit_before = db_->count("audit_log");
  auto reversed = server_->get("/api/v1/statistics?from_year=2024&to_year=2023");
  EXPECT_EQ(reversed.status, 400);
  EXPECT_EQ(reversed.body["error"]["field"], "to_year");
  auto word = server_->get("/api/v1/statistics?year=abc");
  EXPECT_EQ(word.status, 400);
  EXPECT_EQ(word.body["error"]["field"], "year");
  auto too_long = server_->get("/api/v1/statistics?from_year=1950&to_year=2026");
  EXPECT_EQ(too_long.status, 400);
  EXPECT_EQ(too_long.body["error"]["field"], "to_year");
  auto unknown = server_->get("/api/v1/statistics/form?code=0999.N&year=2023");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.body["error"]["field"], "code");
  EXPECT_NE(unknown.body["error"]["message"].get<std::string>().find("0999.N"), std::string::npos);
  auto bad_year = server_->get_raw(std::string("/api/v1/statistics/form/xlsx?code=") + k0603 + "&year=20x3");
  EXPECT_EQ(bad_year.status, 400);
  EXPECT_EQ(db_->count("audit_log"), audit_before);
}

TEST_P(Statistics, TheDashboardCountsWhatIsOutstanding) {
  auto dashboard = server_->get("/api/v1/dashboard");
  ASSERT_EQ(dashboard.status, 200) << dashboard.body.dump();
  const auto& body = dashboard.body;
  const auto today = body["today"].get<std::string>();
  const auto year = today.substr(0, 4);

  // This year's grants by level, against the award history of the year.
  auto history = server_->get("/api/v1/grants?year=" + year);
  int persons = 0;
  int units = 0;
  for (const auto& item : history.body["items"])
    (item["subject_kind"] == "person" ? persons : units) += 1;
  int shown_persons = 0;
  int shown_units = 0;
  for (const auto& row : body["grants_this_year"]) {
    shown_persons += row["individuals"].get<int>();
    shown_units += row["collectives"].get<int>();
  }
  EXPECT_EQ(shown_persons, persons);
  EXPECT_EQ(shown_units, units);

  // Nominations of the year by stage, against the nominations listed.
  auto nominations = server_->get("/api/v1/nominations?year=" + year);
  ASSERT_EQ(nominations.status, 200);
  int staged = 0;
  for (const auto& stage : body["nominations"])
    staged += stage["count"].get<int>();
  EXPECT_EQ(staged, static_cast<int>(nominations.body["nominations"].size()));

  EXPECT_LE(body["targets_behind"].get<int>(), body["targets_total"].get<int>());
  EXPECT_LE(body["complaints_overdue"].get<int>(), body["complaints_open"].get<int>());
  std::string previous;
  for (const auto& item : body["deadlines"]) {
    const auto due = item["due"].get<std::string>();
    EXPECT_GE(due, today);
    EXPECT_GE(due, previous);
    EXPECT_FALSE(item["what"].get<std::string>().empty());
    previous = due;
  }
  // The 2026 campaign of the demo is open with units yet to register, for the officer.
  EXPECT_GE(body["open_campaigns"].get<int>(), 0);

  // A viewer sees the dashboard without the officer's work queues.
  ASSERT_EQ(server_->login("thu_xem").status, 200);
  auto viewer = server_->get("/api/v1/dashboard");
  ASSERT_EQ(viewer.status, 200);
  EXPECT_EQ(viewer.body["registrations_outstanding"], 0);
  EXPECT_EQ(viewer.body["complaints_open"], 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, Statistics, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

// The forms compiled in load, and every honour their columns count is in the honour catalogue.
TEST(StatisticalForms, TheBuiltInFormsLoadAndNameKnownHonours) {
  const auto& forms = rules_io::builtin_statistics();
  ASSERT_TRUE(forms) << forms.error().message;
  ASSERT_EQ(forms->forms.size(), 2U);
  EXPECT_NE(forms->find("0602.N/BNV-TĐKT"), nullptr);
  EXPECT_NE(forms->find("0603.N/BNV-TĐKT"), nullptr);
  const auto& library = rules_io::builtin_rule_library();
  ASSERT_TRUE(library);
  for (const auto& form : forms->forms) {
    EXPECT_FALSE(form.legal_basis.empty());
    for (const auto& column : form.columns)
      for (const auto& honour : column.honours)
        EXPECT_TRUE(library->catalogue().find(honour).has_value()) << form.code << " " << honour;
  }
  EXPECT_EQ(forms->categories.classify("Phó Giám đốc Sở"), "department_leader");
  EXPECT_EQ(forms->categories.classify("Giám đốc công ty"), "entrepreneur");
  EXPECT_EQ(forms->categories.classify("Phó trưởng phòng"), "other_leader");
  EXPECT_EQ(forms->categories.classify("Chuyên viên"), "direct");
  EXPECT_EQ(forms->categories.classify(""), "direct");
}

TEST(StatisticalForms, AMalformedFormIsRefusedNamingTheField) {
  const auto& forms = rules_io::builtin_statistics();
  ASSERT_TRUE(forms);
  const auto& categories = forms->categories;
  auto parse = [&](const std::string& json) {
    return rules_io::parse_statistical_form(json, "statistics/x.json", categories);
  };
  const std::string good =
      R"({"code":"X","title":"T","legal_basis":"B","levels":["province"],)"
      R"("columns":[{"code":"2","label":"Bằng khen","honours":["BK_TINH"]}],"rows":[{"code":"01","label":"Tổng số"}]})";
  ASSERT_TRUE(parse(good)) << parse(good).error().message;
  auto no_level = nlohmann::json::parse(good);
  no_level["levels"] = Json::array();
  EXPECT_EQ(parse(no_level.dump()).error().field, "statistics/x.json:levels");
  auto bad_level = nlohmann::json::parse(good);
  bad_level["levels"] = {"county"};
  EXPECT_EQ(parse(bad_level.dump()).error().field, "statistics/x.json:levels");
  auto twice = nlohmann::json::parse(good);
  twice["rows"].push_back({{"code", "01"}, {"label", "Lặp"}});
  EXPECT_EQ(parse(twice.dump()).error().field, "statistics/x.json:rows[1].code");
  auto unknown_category = nlohmann::json::parse(good);
  unknown_category["rows"].push_back({{"code", "02"}, {"label", "+ Ai"}, {"staff_category", "astronaut"}});
  EXPECT_EQ(parse(unknown_category.dump()).error().field, "statistics/x.json:rows[1].staff_category");
  auto untracked = nlohmann::json::parse(good);
  untracked["rows"].push_back({{"code", "02"}, {"label", "- Hộ"}, {"untracked", true}});
  EXPECT_EQ(parse(untracked.dump()).error().field, "statistics/x.json:rows[1].note");
  auto due = nlohmann::json::parse(good);
  due["due"] = "02-30";  // not a day of any year
  EXPECT_EQ(parse(due.dump()).error().field, "statistics/x.json:due");
  due["due"] = "15/12";
  EXPECT_EQ(parse(due.dump()).error().field, "statistics/x.json:due");
  auto period = nlohmann::json::parse(good);
  period["period"] = {{"start", "13-01"}, {"end", "11-30"}};
  EXPECT_EQ(parse(period.dump()).error().field, "statistics/x.json:period");
  EXPECT_FALSE(parse("[]"));
  // Found by fuzz/statistical_forms (fuzz/regressions/statistical_forms): a flag of another type
  // made nlohmann's value() throw instead of refusing the file.
  auto heading = nlohmann::json::parse(good);
  heading["rows"][0]["heading"] = 1;
  EXPECT_EQ(parse(heading.dump()).error().field, "statistics/x.json:rows[0].heading");
  auto rest = nlohmann::json::parse(good);
  rest["columns"][0]["rest"] = "yes";
  EXPECT_EQ(parse(rest.dump()).error().field, "statistics/x.json:columns[0].rest");
  auto unverified = nlohmann::json::parse(good);
  unverified["unverified"] = nullptr;
  const auto refused = parse(unverified.dump());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "statistics/x.json:unverified");
  EXPECT_NE(refused.error().message.find("true hoặc false"), std::string::npos) << refused.error().message;
}

}  // namespace
}  // namespace tdkt::testing
