// The storage contract of registration campaigns, on SQLite and on PostgreSQL: campaigns with
// their units in the order given, the consolidation written back, registrations of persons and
// units, one registration per subject and honour held by the schema too.

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace tdkt::testing {
namespace {

namespace rules = domain::rules;

class CampaignStorage : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    const auto system = app::Actor::system();
    auto unit = [&](const char* name, std::optional<UnitId> parent) {
      domain::UnitDraft draft{name,   "",           parent ? domain::UnitKind::kDepartment : domain::UnitKind::kAgency,
                              parent, "Bình Phước", {date("2016-01-01"), std::nullopt}};
      return db_->context().organisation().create_unit(system, draft)->id;
    };
    agency_ = unit("Ban Dân tộc", std::nullopt);
    office_ = unit("Văn phòng", agency_);
    domain::PersonDraft draft;
    draft.family_name = "Phạm Minh";
    draft.given_name = "Tuấn";
    person_ = db_->context().people().create(system, draft)->id;
    db_->execute(
        "INSERT INTO movement (name, theme, authority, level, kind, starts_on, ends_on, search_text) VALUES "
        "('Thi đua năm 2023', '', 'Ban Dân tộc', 'agency', 'regular', '2023-01-01', '2023-12-31', ' thi dua')");
    movement_ = MovementId{db_->count("movement")};
  }

  domain::Campaign campaign() const {
    domain::Campaign campaign;
    campaign.movement = movement_;
    campaign.year = 2023;
    campaign.deadline = date("2023-02-28");
    campaign.honours = {"LDTT", "TTLDTT"};
    campaign.units = {{office_, std::nullopt, {}}, {agency_, std::nullopt, {}}};
    return campaign;
  }

  std::unique_ptr<TestDatabase> db_;
  UnitId agency_, office_;
  PersonId person_;
  MovementId movement_;
};

TEST_P(CampaignStorage, ACampaignKeepsItsUnitsHonoursAndConsolidation) {
  auto& store = db_->context().database();
  CampaignId id;
  {
    auto work = store.write();
    id = work->campaigns().insert_campaign(campaign());
    work->commit();
  }
  {
    auto work = store.read();
    auto found = work->campaigns().find_campaign(id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->movement, movement_);
    EXPECT_EQ(found->year, 2023);
    EXPECT_EQ(found->deadline, date("2023-02-28"));
    EXPECT_FALSE(found->reopened_until);
    EXPECT_EQ(found->honours, (std::vector<std::string>{"LDTT", "TTLDTT"}));
    ASSERT_EQ(found->units.size(), 2U);
    EXPECT_EQ(found->units[0].unit, office_) << "the units keep the order given";
    EXPECT_EQ(found->units[1].unit, agency_);
    EXPECT_TRUE(work->campaigns().find_campaign_for(movement_, 2023));
    EXPECT_FALSE(work->campaigns().find_campaign_for(movement_, 2024));
    EXPECT_FALSE(work->campaigns().find_campaign(CampaignId{id.value + 1}));
  }
  {
    auto work = store.write();
    auto found = *work->campaigns().find_campaign(id);
    found.reopened_until = date("2023-03-10");
    found.units[0].consolidated_on = date("2023-03-01");
    found.units[0].consolidated_by = "truongphong";
    found.consolidated_on = date("2023-03-12");
    found.consolidated_by = "canbo";
    work->campaigns().update_campaign(found);
    work->commit();
  }
  auto work = store.read();
  auto updated = *work->campaigns().find_campaign(id);
  EXPECT_EQ(updated.reopened_until, date("2023-03-10"));
  EXPECT_EQ(updated.units[0].consolidated_on, date("2023-03-01"));
  EXPECT_EQ(updated.units[0].consolidated_by, "truongphong");
  EXPECT_FALSE(updated.units[1].consolidated_on);
  EXPECT_EQ(updated.consolidated_on, date("2023-03-12"));
  EXPECT_EQ(updated.consolidated_by, "canbo");
  EXPECT_EQ(work->campaigns().list_campaigns().size(), 1U);
}

TEST_P(CampaignStorage, RegistrationsOfPersonsAndUnitsOnePerSubjectAndHonour) {
  auto& store = db_->context().database();
  auto work = store.write();
  const auto id = work->campaigns().insert_campaign(campaign());
  domain::Registration person{RegistrationId{},
                              id,
                              office_,
                              {rules::SubjectKind::kPerson, person_.value},
                              "LDTT",
                              date("2023-02-10"),
                              domain::RegistrationSource::kEntered,
                              "Ghi chú"};
  domain::Registration unit{RegistrationId{},
                            id,
                            office_,
                            {rules::SubjectKind::kUnit, office_.value},
                            "TTLDTT",
                            date("2023-02-11"),
                            domain::RegistrationSource::kImported,
                            ""};
  person.id = work->campaigns().insert_registration(person);
  unit.id = work->campaigns().insert_registration(unit);
  work->commit();

  auto read = store.read();
  const auto all = read->campaigns().registrations(id);
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].subject, person.subject);
  EXPECT_EQ(all[0].honour, "LDTT");
  EXPECT_EQ(all[0].registered_on, date("2023-02-10"));
  EXPECT_EQ(all[0].note, "Ghi chú");
  EXPECT_EQ(all[0].unit, office_);
  EXPECT_EQ(all[1].subject, unit.subject);
  EXPECT_EQ(all[1].source, domain::RegistrationSource::kImported);
  EXPECT_EQ(read->campaigns().find_registration(unit.id)->honour, "TTLDTT");
  read.reset();

  // The schema refuses a second registration of the same subject for the same honour.
  {
    auto again = store.write();
    EXPECT_ANY_THROW(again->campaigns().insert_registration(person));
  }
  auto remove = store.write();
  remove->campaigns().delete_registration(person.id);
  remove->commit();
  auto after = store.read();
  EXPECT_FALSE(after->campaigns().find_registration(person.id));
  EXPECT_EQ(after->campaigns().registrations(id).size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignStorage, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
