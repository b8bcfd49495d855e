#pragma once
// The demo data (DemoServerTest) with real records inside and outside each role's scope, on the
// backend the test is instantiated with, for the permission matrix and the scope tests. The demo accounts (password
// demo1234): admin, canbo (officer), hoidong (council member), truongphong (head of the Phòng
// Tuyên truyền và Địa bàn, Huỳnh Văn Đức), nhanvien (staff member of that department, Lý Thị
// Sáng), xem (viewer). Added here as the system:
// - a nomination proposed by the agency for Nguyễn Văn Khang (the director: outside the
//   department) and one proposed by the department for Sáng, both gathered into a review of 2026
//   with a session of the Sở's council (Đức is a member of it, Sáng is not);
// - an initiative of Khang's, and a transferee (Văn phòng in 2025, the department from 2026);
// - the 2026 campaign reopened until the end of the month, so that registrations reach the
//   scope checks.
// Demo persons used as they are: Điểu Xanh (never a member of any unit), Trịnh Thị Kim Oanh (left
// the department on 31/12/2024), Lê Thị Thu Hà (Văn phòng).

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "excel/xlsx_reader.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {

class DemoScope : public DemoServerTest {
 protected:
  static constexpr const char* kDemoPassword = "demo1234";

  void SetUp() override {
    DemoServerTest::SetUp();
    if (HasFatalFailure()) return;
    auto& context = db_->context();
    const auto system = app::Actor::system();
    const auto today = db_->clock().today();
    for (const auto& unit : context.organisation().units(today)) {
      if (unit.name == "Sở Dân tộc và Tôn giáo tỉnh Đồng Nai") agency_ = unit.id.value;
    }
    for (const auto& unit : context.organisation().units(today)) {
      if (!unit.parent || unit.parent->value != agency_) continue;
      if (unit.name == "Phòng Tuyên truyền và Địa bàn") ttdb_ = unit.id.value;
      if (unit.name == "Văn phòng") vp_ = unit.id.value;
    }
    ASSERT_NE(agency_, 0);
    ASSERT_NE(ttdb_, 0);
    ASSERT_NE(vp_, 0);
    khang_ = person("Nguyễn Văn Khang");
    sang_ = person("Lý Thị Sáng");
    duc_ = person("Huỳnh Văn Đức");
    an_ = person("Nguyễn Văn An");
    ha_ = person("Lê Thị Thu Hà");
    tuan_ = person("Phạm Minh Tuấn");
    xanh_ = person("Điểu Xanh");
    oanh_ = person("Trịnh Thị Kim Oanh");
    ASSERT_TRUE(context.people().memberships(system, PersonId{xanh_})->empty());

    const auto khang_memberships = context.people().memberships(system, PersonId{khang_});
    ASSERT_TRUE(khang_memberships && !khang_memberships->empty());
    khang_membership_ = khang_memberships->back().id.value;
    const auto khang_records = context.records().person_records(system, PersonId{khang_});
    ASSERT_TRUE(khang_records && !khang_records->grants.empty());
    khang_grant_ = khang_records->grants.back().id.value;
    khang_grant_year_ = khang_records->grants.back().year;
    domain::InitiativeRecord initiative;
    initiative.subject = {domain::rules::SubjectKind::kPerson, khang_};
    initiative.year = 2025;
    initiative.title = "Số hóa hồ sơ thi đua của Sở";
    auto added = context.records().add_initiative(system, initiative);
    ASSERT_TRUE(added) << added.error().message;
    khang_initiative_ = added->id.value;

    domain::PersonDraft draft;
    draft.family_name = "Đặng Văn";
    draft.given_name = "Chuyển";
    transferee_ = context.people().create(system, draft)->id.value;
    ASSERT_TRUE(context.people().add_membership(
        system,
        {MembershipId{}, PersonId{transferee_}, UnitId{vp_}, "Chuyên viên", {date("2025-07-01"), date("2025-12-31")}}));
    ASSERT_TRUE(context.people().add_membership(
        system,
        {MembershipId{}, PersonId{transferee_}, UnitId{ttdb_}, "Chuyên viên", {date("2026-01-01"), std::nullopt}}));

    const auto campaigns = context.campaigns().list(system);
    ASSERT_TRUE(campaigns);
    for (const auto& item : *campaigns) {
      if (item.campaign.year == 2023) campaign_2023_ = item.campaign.id.value;
      if (item.campaign.year == 2026) campaign_2026_ = item.campaign.id.value;
    }
    ASSERT_NE(campaign_2026_, 0);
    auto reopened = context.campaigns().reopen(system, CampaignId{campaign_2026_}, date("2026-11-30"));
    ASSERT_TRUE(reopened) << reopened.error().message;
    const auto registrations = context.campaigns().registrations(system, CampaignId{campaign_2026_});
    ASSERT_TRUE(registrations);
    for (const auto& item : *registrations) {
      if (item.registration.subject.id == ha_ && item.subject_name == "Lê Thị Thu Hà") {
        ha_registration_ = item.registration.id.value;
      }
    }
    ASSERT_NE(ha_registration_, 0);

    auto nominate = [&](std::int64_t subject, std::int64_t unit) {
      app::NominationRequest request;
      request.subject = {domain::rules::SubjectKind::kPerson, subject};
      request.honour = "LDTT";
      request.year = 2026;
      request.unit = UnitId{unit};
      request.justification = "Giải trình của đơn vị (dữ liệu thử).";
      auto made = context.nominations().nominate(system, request);
      EXPECT_TRUE(made) << made.error().message;
      return made ? made->nomination.id.value : 0;
    };
    agency_nomination_ = nominate(khang_, agency_);
    ttdb_nomination_ = nominate(sang_, ttdb_);
    auto review =
        context.nominations().create_review(system, {2026, UnitId{agency_}, "Xét khen thưởng năm 2026 (thử)", today});
    ASSERT_TRUE(review) << review.error().message;
    review_ = review->review.id.value;
    ASSERT_TRUE(context.nominations().gather(system, ReviewId{review_},
                                             {NominationId{agency_nomination_}, NominationId{ttdb_nomination_}}));
    const auto councils = context.council().list(system);
    ASSERT_TRUE(councils);
    for (const auto& council : *councils) {
      if (council.council.unit.value == agency_) council_ = council.council.id.value;
    }
    ASSERT_NE(council_, 0);
    auto session =
        context.council().create_session(system, {CouncilId{council_}, ReviewId{review_}, today, "Phòng họp Sở"});
    ASSERT_TRUE(session) << session.error().message;
    session_ = session->session.id.value;
  }

  std::int64_t person(const std::string& name) {
    app::PeopleListRequest search;
    search.q = name;
    search.limit = 200;
    const auto page = db_->context().people().list(app::Actor::system(), search);
    for (const auto& found : page->items) {
      if (found.full_name() == name) return found.id.value;
    }
    ADD_FAILURE() << name << " is not in the demo";
    return 0;
  }

  // Signs in as a demo account.
  void sign_in(const std::string& role) { ASSERT_EQ(server_->login(role, kDemoPassword).status, 200) << role; }

  static std::string id(std::int64_t value) { return std::to_string(value); }

  // The values of `field` of every element of a JSON array.
  template <typename T = std::int64_t>
  static std::set<T> values(const nlohmann::json& list, const std::string& field) {
    std::set<T> found;
    for (const auto& item : list)
      found.insert(item.at(field).get<T>());
    return found;
  }

  // Every cell of every sheet of an .xlsx download, one line per row.
  static std::string workbook_text(const RawResponse& response) {
    auto book = excel::read_xlsx(response.body);
    if (!book) {
      ADD_FAILURE() << "not a workbook: " << book.error().message;
      return {};
    }
    std::string text;
    for (const auto& sheet : book->sheets) {
      for (const auto& row : sheet.rows) {
        for (const auto& cell : row.cells)
          text += cell.text + "|";
        text += "\n";
      }
    }
    return text;
  }

  std::int64_t agency_ = 0, ttdb_ = 0, vp_ = 0;
  std::int64_t khang_ = 0, sang_ = 0, duc_ = 0, an_ = 0, ha_ = 0, tuan_ = 0, xanh_ = 0, oanh_ = 0, transferee_ = 0;
  std::int64_t khang_membership_ = 0, khang_grant_ = 0, khang_initiative_ = 0;
  int khang_grant_year_ = 0;
  std::int64_t campaign_2023_ = 0, campaign_2026_ = 0, ha_registration_ = 0;
  std::int64_t agency_nomination_ = 0, ttdb_nomination_ = 0, review_ = 0, council_ = 0, session_ = 0;
};

}  // namespace tdkt::testing
