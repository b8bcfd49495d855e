// The storage contract of nominations and reviews, on SQLite and on PostgreSQL: every field
// round-trips, the filters of a listing, moving into and out of a review, a re-checked verdict,
// and one live nomination per subject, honour and year held by the schema too.

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace tdkt::testing {
namespace {

namespace rules = domain::rules;

class NominationStorage : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    const auto system = app::Actor::system();
    auto unit = [&](const char* name, std::optional<UnitId> parent) {
      domain::UnitDraft draft{name,   "",         parent ? domain::UnitKind::kDepartment : domain::UnitKind::kAgency,
                              parent, "Đồng Nai", {date("2020-01-01"), std::nullopt}};
      return db_->context().organisation().create_unit(system, draft)->id;
    };
    agency_ = unit("Sở Dân tộc và Tôn giáo", std::nullopt);
    office_ = unit("Văn phòng", agency_);
    domain::PersonDraft draft;
    draft.family_name = "Lý Thị";
    draft.given_name = "Sáng";
    person_ = db_->context().people().create(system, draft)->id;
  }

  domain::Nomination nomination(const char* honour) const {
    domain::Nomination nomination;
    nomination.year = 2026;
    nomination.subject = {rules::SubjectKind::kPerson, person_.value};
    nomination.honour = honour;
    nomination.unit = office_;
    nomination.verdict = "ineligible";
    nomination.verdict_json = R"([{"rule":"LDTT.rating","met":false}])";
    nomination.rule_set = "ND152_2025";
    nomination.justification = "Giải trình\nhai đoạn";
    nomination.achievement = "Thành tích";
    nomination.created_at = "2026-11-22T03:00:00Z";
    nomination.created_by = "canbo";
    return nomination;
  }

  std::unique_ptr<TestDatabase> db_;
  UnitId agency_, office_;
  PersonId person_;
};

TEST_P(NominationStorage, NominationsAndReviewsRoundTrip) {
  auto& store = db_->context().database();
  NominationId id;
  ReviewId review;
  {
    auto work = store.write();
    id = work->nominations().insert(nomination("LDTT"));
    domain::Review draft;
    draft.year = 2026;
    draft.unit = agency_;
    draft.name = "Xét khen thưởng năm 2026";
    draft.decision_date = date("2026-12-20");
    draft.created_at = "2026-11-22T03:00:00Z";
    draft.created_by = "canbo";
    review = work->nominations().insert_review(draft);
    work->commit();
  }
  {
    auto work = store.read();
    auto found = work->nominations().find(id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->subject, (domain::SubjectRef{rules::SubjectKind::kPerson, person_.value}));
    EXPECT_EQ(found->honour, "LDTT");
    EXPECT_EQ(found->unit, office_);
    EXPECT_FALSE(found->registration);
    EXPECT_FALSE(found->review);
    EXPECT_EQ(found->verdict_json, R"([{"rule":"LDTT.rating","met":false}])");
    EXPECT_EQ(found->justification, "Giải trình\nhai đoạn");
    EXPECT_EQ(found->status, domain::NominationStatus::kProposed);
    auto stored_review = work->nominations().find_review(review);
    ASSERT_TRUE(stored_review);
    EXPECT_EQ(stored_review->decision_date, date("2026-12-20"));
    EXPECT_EQ(stored_review->status, domain::ReviewStatus::kOpen);
    EXPECT_EQ(work->nominations().list_reviews(2026).size(), 1U);
    EXPECT_TRUE(work->nominations().list_reviews(2025).empty());
  }
  {
    auto work = store.write();
    work->nominations().set_review(id, review, domain::NominationStatus::kInReview);
    work->nominations().set_verdict(id, "eligible", "[]", "ND152_2025");
    work->nominations().set_review_status(review, domain::ReviewStatus::kClosed);
    work->commit();
  }
  {
    auto work = store.read();
    const auto in_review = work->nominations().list_review(review);
    ASSERT_EQ(in_review.size(), 1U);
    EXPECT_EQ(in_review[0].status, domain::NominationStatus::kInReview);
    EXPECT_EQ(in_review[0].verdict, "eligible");
    EXPECT_EQ(in_review[0].verdict_json, "[]");
    EXPECT_EQ(work->nominations().find_review(review)->status, domain::ReviewStatus::kClosed);
    app::NominationQuery query;
    query.year = 2026;
    query.units = std::vector<UnitId>{office_};
    EXPECT_EQ(work->nominations().list(query).size(), 1U);
    query.units = std::vector<UnitId>{agency_};
    EXPECT_TRUE(work->nominations().list(query).empty());
    query.units.reset();
    query.status = domain::NominationStatus::kProposed;
    EXPECT_TRUE(work->nominations().list(query).empty());
  }
}

TEST_P(NominationStorage, OneLiveNominationPerSubjectHonourAndYear) {
  auto& store = db_->context().database();
  NominationId first;
  {
    auto work = store.write();
    first = work->nominations().insert(nomination("LDTT"));
    work->nominations().insert(nomination("CSTDCS"));
    work->commit();
  }
  {
    auto again = store.write();
    EXPECT_ANY_THROW(again->nominations().insert(nomination("LDTT")));
  }
  {
    auto work = store.write();
    ASSERT_TRUE(work->nominations().find_live(2026, {rules::SubjectKind::kPerson, person_.value}, "LDTT"));
    work->nominations().set_status(first, domain::NominationStatus::kWithdrawn);
    EXPECT_FALSE(work->nominations().find_live(2026, {rules::SubjectKind::kPerson, person_.value}, "LDTT"));
    work->nominations().insert(nomination("LDTT"));  // a withdrawn one does not count
    work->commit();
  }
  auto work = store.read();
  app::NominationQuery query;
  query.subject = domain::SubjectRef{rules::SubjectKind::kPerson, person_.value};
  EXPECT_EQ(work->nominations().list(query).size(), 3U);
}

INSTANTIATE_TEST_SUITE_P(Backends, NominationStorage, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
