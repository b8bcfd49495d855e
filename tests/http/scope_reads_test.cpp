// What each role reads, on the demo data with records inside and outside each role's scope
// (support/demo_scope.hpp), on both backends: the ids and names each list and page shows, not
// only its status. The head of the Phòng Tuyên truyền và Địa bàn (truongphong) and its staff
// member (nhanvien) see the department's people and nominations only; the officer, the council
// member and the viewer see the agency's.

#include <gtest/gtest.h>

#include "support/demo_scope.hpp"

namespace tdkt::testing {
namespace {

using Json = nlohmann::json;

class ScopeReads : public DemoScope {
 protected:
  std::set<std::string> names(const std::string& path, const std::string& list, const std::string& field) {
    auto response = server_->get(path);
    EXPECT_EQ(response.status, 200) << path << " -> " << response.body.dump();
    return values<std::string>(response.body[list], field);
  }
  // The names of a unit's members on GET /units/{id}/members.
  std::set<std::string> members(std::int64_t unit) {
    auto response = server_->get("/api/v1/units/" + id(unit) + "/members");
    EXPECT_EQ(response.status, 200) << response.body.dump();
    std::set<std::string> found;
    for (const auto& member : response.body["members"])
      found.insert(member["person"]["full_name"].get<std::string>());
    return found;
  }
  std::string download(const std::string& path) {
    auto response = server_->get_raw(path);
    EXPECT_EQ(response.status, 200) << path << " -> " << response.body.substr(0, 300);
    return response.status == 200 ? workbook_text(response) : std::string();
  }
  static bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
};

TEST_P(ScopeReads, PeopleAndMembersWithinTheScope) {
  for (const char* role : {"truongphong", "nhanvien"}) {
    sign_in(role);
    const auto people = names("/api/v1/people?limit=200", "items", "full_name");
    EXPECT_TRUE(people.contains("Lý Thị Sáng")) << role;
    EXPECT_TRUE(people.contains("Nguyễn Văn An")) << role;
    EXPECT_FALSE(people.contains("Nguyễn Văn Khang")) << role;
    EXPECT_FALSE(people.contains("Lê Thị Thu Hà")) << role;
    EXPECT_FALSE(people.contains("Điểu Xanh")) << role;
    EXPECT_FALSE(people.contains("Trịnh Thị Kim Oanh")) << role << ": left the department";
    for (const auto& path : {"/api/v1/people/" + id(khang_), "/api/v1/people/" + id(khang_) + "/memberships",
                             "/api/v1/people/" + id(khang_) + "/records",
                             "/api/v1/people/" + id(khang_) + "/eligibility", "/api/v1/people/" + id(xanh_)}) {
      auto refused = server_->get(path);
      EXPECT_EQ(refused.status, 403) << role << " " << path;
      EXPECT_FALSE(has(refused.body.dump(), "Khang")) << refused.body.dump();
    }
    // The agency's members: only those of the department below it.
    EXPECT_FALSE(members(agency_).contains("Nguyễn Văn Khang")) << role;
    EXPECT_TRUE(members(ttdb_).contains("Lý Thị Sáng")) << role;
    EXPECT_TRUE(members(vp_).empty()) << role;
    EXPECT_EQ(server_->get("/api/v1/dashboard").body["people_visible"], people.size()) << role;
  }
  for (const char* role : {"canbo", "hoidong", "xem"}) {
    sign_in(role);
    const auto people = names("/api/v1/people?limit=200", "items", "full_name");
    EXPECT_TRUE(people.contains("Nguyễn Văn Khang")) << role;
    EXPECT_TRUE(people.contains("Điểu Xanh")) << role;
    EXPECT_EQ(server_->get("/api/v1/people/" + id(khang_)).body["full_name"], "Nguyễn Văn Khang") << role;
    EXPECT_TRUE(members(agency_).contains("Nguyễn Văn Khang")) << role;
    EXPECT_TRUE(members(vp_).contains("Lê Thị Thu Hà")) << role;
  }
}

TEST_P(ScopeReads, GrantsStatisticsAndExportsCountOnlyPeopleInScope) {
  auto grants = [&](const std::string& role) {
    sign_in(role);
    return names("/api/v1/grants?from=2021&to=2023", "items", "subject_name");
  };
  const auto officer = grants("canbo");
  EXPECT_TRUE(officer.contains("Nguyễn Văn Khang"));
  EXPECT_TRUE(officer.contains("Điểu Xanh"));
  const auto head = grants("truongphong");
  EXPECT_TRUE(head.contains("Lý Thị Sáng"));
  EXPECT_FALSE(head.contains("Nguyễn Văn Khang"));
  EXPECT_FALSE(head.contains("Điểu Xanh"));
  // The summary, the statistics and the export count what the list shows: the summary each
  // person once per honour of the year.
  auto list = server_->get("/api/v1/grants?from=2022&to=2022&subject_kind=person");
  std::set<std::int64_t> persons = values(list.body["items"], "subject_id");
  EXPECT_TRUE(persons.contains(sang_));
  EXPECT_FALSE(persons.contains(khang_));
  std::set<std::pair<std::int64_t, std::string>> granted;
  for (const auto& grant : list.body["items"])
    granted.emplace(grant["subject_id"].get<std::int64_t>(), grant["honour"].get<std::string>());
  EXPECT_EQ(server_->get("/api/v1/grants/summary?from=2022&to=2022").body["individuals"], granted.size());
  auto statistics = server_->get("/api/v1/statistics?from_year=2022&to_year=2022");
  ASSERT_EQ(statistics.status, 200);
  EXPECT_EQ(statistics.body["individuals"], list.body["items"].size()) << statistics.body.dump();
  const auto exported = download("/api/v1/grants/export?from=2021&to=2023");
  EXPECT_TRUE(has(exported, "Lý Thị Sáng"));
  EXPECT_FALSE(has(exported, "Nguyễn Văn Khang"));
  EXPECT_FALSE(has(exported, "Điểu Xanh"));
  sign_in("canbo");
  EXPECT_TRUE(has(download("/api/v1/grants/export?from=2021&to=2023"), "Nguyễn Văn Khang"));
}

TEST_P(ScopeReads, CampaignListsFollowThePeopleScope) {
  const std::string base = "/api/v1/campaigns/" + id(campaign_2026_);
  sign_in("canbo");
  const auto all = names(base + "/registrations", "items", "subject_name");
  EXPECT_TRUE(all.contains("Lê Thị Thu Hà"));
  EXPECT_TRUE(all.contains("Điểu Thị Hồng"));
  EXPECT_TRUE(names(base + "/roster", "items", "name").contains("Nguyễn Văn Khang"));
  EXPECT_EQ(server_->get(base + "/reminders").body["units"].size(), 4U);

  for (const char* role : {"truongphong", "nhanvien"}) {
    sign_in(role);
    // The department's registrations: Sáng, An, Đức and the department itself.
    EXPECT_EQ(names(base + "/registrations", "items", "subject_name"),
              (std::set<std::string>{"Lý Thị Sáng", "Nguyễn Văn An", "Huỳnh Văn Đức", "Phòng Tuyên truyền và Địa bàn"}))
        << role;
    const auto roster = names(base + "/roster", "items", "name");
    EXPECT_TRUE(roster.contains("Lý Thị Sáng")) << role;
    EXPECT_TRUE(roster.contains("Đặng Văn Chuyển")) << role;  // joined the department this year
    EXPECT_FALSE(roster.contains("Nguyễn Văn Khang")) << role;
    EXPECT_FALSE(roster.contains("Lê Thị Thu Hà")) << role;
    // The roster lists the people /people lists, no one else.
    auto people = names("/api/v1/people?limit=200", "items", "full_name");
    for (const auto& name : roster) {
      EXPECT_TRUE(people.contains(name) || name == "Phòng Tuyên truyền và Địa bàn") << role << ": " << name;
    }
    auto reminders = server_->get(base + "/reminders");
    ASSERT_EQ(reminders.status, 200);
    ASSERT_EQ(reminders.body["units"].size(), 1U) << reminders.body.dump();
    EXPECT_EQ(reminders.body["units"][0]["unit_id"], ttdb_);
    const auto missing = values<std::string>(reminders.body["units"][0]["missing_persons"], "name");
    EXPECT_TRUE(missing.contains("Đặng Văn Chuyển")) << reminders.body.dump();
    EXPECT_EQ(reminders.body["missing_persons"], missing.size());
    for (const auto& path : {base + "/form", base + "/export"}) {
      const auto text = download(path);
      EXPECT_TRUE(has(text, "Lý Thị Sáng")) << role << " " << path;
      EXPECT_FALSE(has(text, "Nguyễn Văn Khang")) << role << " " << path;
      EXPECT_FALSE(has(text, "Lê Thị Thu Hà")) << role << " " << path;
    }
  }
}

TEST_P(ScopeReads, ReviewsAndNominationsShowOnlyTheUnitsInScope) {
  const std::string review = "/api/v1/reviews/" + id(review_);
  sign_in("canbo");
  auto full = server_->get(review);
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(values(full.body["nominations"], "id"), (std::set<std::int64_t>{agency_nomination_, ttdb_nomination_}));
  EXPECT_TRUE(has(download(review + "/export"), "Nguyễn Văn Khang"));

  sign_in("truongphong");
  auto scoped = server_->get(review);
  ASSERT_EQ(scoped.status, 200);
  EXPECT_EQ(values(scoped.body["nominations"], "id"), (std::set<std::int64_t>{ttdb_nomination_}));
  EXPECT_FALSE(has(scoped.body.dump(), "Nguyễn Văn Khang")) << scoped.body.dump();
  const auto exported = download(review + "/export");
  EXPECT_TRUE(has(exported, "Lý Thị Sáng"));
  EXPECT_FALSE(has(exported, "Nguyễn Văn Khang"));
  const auto reviews = server_->get("/api/v1/reviews");
  for (const auto& item : reviews.body["items"]) {
    if (item["id"] == review_) {
      EXPECT_EQ(item["nomination_count"], 1) << item.dump();
    }
  }
  EXPECT_EQ(server_->get("/api/v1/nominations/" + id(agency_nomination_)).status, 403);
  EXPECT_EQ(values(server_->get("/api/v1/nominations?year=2026").body["items"], "id"),
            (std::set<std::int64_t>{ttdb_nomination_}));
  // Candidates: the registered subjects of the department only.
  const auto candidates = names("/api/v1/nominations/candidates?year=2026", "items", "subject_name");
  EXPECT_TRUE(candidates.contains("Lý Thị Sáng"));
  EXPECT_FALSE(candidates.contains("Lê Thị Thu Hà"));
  EXPECT_FALSE(candidates.contains("Phạm Minh Tuấn"));
  // The dashboard counts this year's nominations the head may read: one.
  auto nominations_counted = [&] {
    const auto dashboard = server_->get("/api/v1/dashboard");
    int counted = 0;
    for (const auto& stage : dashboard.body["nominations"])
      counted += stage["count"].get<int>();
    return counted;
  };
  EXPECT_EQ(nominations_counted(), 1);
  sign_in("canbo");
  EXPECT_EQ(nominations_counted(), 2);
}

TEST_P(ScopeReads, ASessionShowsAReaderOutsideTheCouncilOnlyTheItemsInScope) {
  const std::string session = "/api/v1/sessions/" + id(session_);
  const std::set<std::int64_t> both{agency_nomination_, ttdb_nomination_};
  for (const char* role : {"canbo", "xem", "hoidong"}) {
    sign_in(role);
    EXPECT_EQ(values(server_->get(session).body["items"], "nomination_id"), both) << role;
  }
  // The head is a member of the council: he votes on the whole agenda.
  sign_in("truongphong");
  auto member = server_->get(session);
  EXPECT_EQ(member.body["actor_member_id"], duc_);
  EXPECT_EQ(values(member.body["items"], "nomination_id"), both);
  // The staff member is not.
  sign_in("nhanvien");
  auto staff = server_->get(session);
  ASSERT_EQ(staff.status, 200);
  EXPECT_EQ(values(staff.body["items"], "nomination_id"), (std::set<std::int64_t>{ttdb_nomination_}));
  EXPECT_FALSE(has(staff.body["items"].dump(), "Nguyễn Văn Khang"));
  const auto sessions = server_->get("/api/v1/sessions");
  for (const auto& listed : sessions.body["items"]) {
    if (listed["id"] == session_) {
      EXPECT_EQ(values(listed["items"], "nomination_id"), (std::set<std::int64_t>{ttdb_nomination_}));
    }
  }
}

TEST_P(ScopeReads, MemberFiguresOfAUnitOutsideTheScopeAreWithheld) {
  const std::string agency = "/api/v1/units/" + id(agency_);
  auto year_2026 = [](const Json& body) {
    for (const auto& year : body["years"]) {
      if (year["year"] == 2026) return year;
    }
    ADD_FAILURE() << "no 2026 in " << body.dump();
    return Json::object();
  };
  sign_in("canbo");
  auto officer = year_2026(server_->get(agency + "/records").body);
  EXPECT_TRUE(officer["members_disciplined"].is_number()) << officer.dump();
  EXPECT_TRUE(officer["members_ldtt"].is_number()) << officer.dump();
  EXPECT_TRUE(has(officer["derived"].dump(), "members_disciplined")) << officer.dump();

  sign_in("truongphong");
  auto head = year_2026(server_->get(agency + "/records").body);
  EXPECT_EQ(head["members"], officer["members"]);  // the headcount stays
  EXPECT_TRUE(head["members_disciplined"].is_null()) << head.dump();
  EXPECT_TRUE(head["members_ldtt"].is_null()) << head.dump();
  EXPECT_TRUE(head["members_completed"].is_null()) << head.dump();
  EXPECT_EQ(head["derived"], Json::array({"members"}));
  auto verdicts = server_->get(agency + "/eligibility?year=2026");
  ASSERT_EQ(verdicts.status, 200) << verdicts.body.dump();
  EXPECT_TRUE(has(verdicts.body["notes"].dump(), "ngoài phạm vi")) << verdicts.body["notes"].dump();
  // The department's own figures are the head's to see.
  auto own = year_2026(server_->get("/api/v1/units/" + id(ttdb_) + "/records").body);
  EXPECT_TRUE(own["members_disciplined"].is_number()) << own.dump();
}

INSTANTIATE_TEST_SUITE_P(Backends, ScopeReads, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
