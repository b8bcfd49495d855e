// The import use cases through the app layer, on both backends (issues 15 and 23, review M7):
// the check runs in a read unit of work (a dry run never takes the write lock), the write runs in
// one short transaction that re-checks what may have changed since the check, and no import runs
// without a permit of the gate, which turns away one import too many.

#include <gtest/gtest.h>

#include <functional>

#include "app/campaign_service.hpp"
#include "app/records_service.hpp"
#include "support/test_database.hpp"

namespace tdkt::testing {
namespace {

namespace rules = domain::rules;

// The real store, with a hook run when a write transaction is asked for: what another user does
// between an import's check and its write.
class InterleavingStore final : public app::Store {
 public:
  explicit InterleavingStore(app::Store& inner) : inner_(inner) {}
  std::unique_ptr<app::UnitOfWork> read() override { return inner_.read(); }
  std::unique_ptr<app::UnitOfWork> write() override {
    if (before_write) std::exchange(before_write, nullptr)();
    return inner_.write();
  }
  std::function<void()> before_write;

 private:
  app::Store& inner_;
};

class Imports : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto& context = db_->context();
    domain::UnitDraft agency{"Sở Dân tộc và Tôn giáo",          "", domain::UnitKind::kAgency, std::nullopt, "Đồng Nai",
                             {date("2020-01-01"), std::nullopt}};
    unit_ = context.organisation().create_unit(system_, agency)->id;
    domain::PersonDraft draft;
    draft.family_name = "Lý Thị";
    draft.given_name = "Sáng";
    person_ = context.people().create(system_, draft)->id;
    domain::Membership membership{MembershipId{}, person_, unit_, "Chuyên viên", {date("2021-01-01"), std::nullopt}};
    ASSERT_TRUE(context.people().add_membership(system_, membership));
    domain::PersonYear stored;
    stored.person = person_;
    stored.year = 2025;
    stored.rating = rules::Rating::kCompletedExcellently;
    stored.months_worked = 12;
    stored.note = "Đã lưu";
    ASSERT_TRUE(context.records().save_person_year(system_, stored));
  }

  // A row that changes the rating of 2025 and leaves the rest as stored.
  app::ImportBatch rating_change() const {
    app::ImportBatch batch;
    app::ImportRow<app::PersonYearEdit> row;
    row.row = 4;
    row.sheet = "Hồ sơ năm";
    row.record.values.person = person_;
    row.record.values.year = 2025;
    row.record.values.rating = rules::Rating::kCompletedWell;
    row.record.set = {app::PersonYearField::kRating};
    batch.person_years.push_back(row);
    return batch;
  }

  std::unique_ptr<TestDatabase> db_;
  app::Actor system_ = app::Actor::system();
  UnitId unit_;
  PersonId person_;
};

TEST_P(Imports, ADryRunNeverTakesTheWriteLock) {
  auto& context = db_->context();
  auto permit = context.imports().enter();
  ASSERT_TRUE(permit);
  const auto before = db_->fingerprint();
  {
    // Another writer holds the write lock (SQLite: BEGIN IMMEDIATE) for the whole dry run; a dry
    // run that asked for it would wait the busy timeout and fail.
    auto writer = context.database().write();
    auto report = context.records().import(system_, *permit, rating_change(), true);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_FALSE(report->applied);
    ASSERT_EQ(report->changes.size(), 1U);
    EXPECT_EQ(report->changes[0].action, app::ChangeAction::kUpdate);
    ASSERT_EQ(report->changes[0].fields.size(), 1U);
    EXPECT_EQ(report->changes[0].fields[0].before, "Hoàn thành xuất sắc nhiệm vụ");
    EXPECT_EQ(report->changes[0].fields[0].after, "Hoàn thành tốt nhiệm vụ");
  }
  EXPECT_EQ(db_->fingerprint(), before);
  // Written, only the rating changes: the months and the note stay as stored.
  auto written = context.records().import(system_, *permit, rating_change(), false);
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_TRUE(written->applied);
  auto records = context.records().person_records(system_, person_);
  ASSERT_TRUE(records);
  ASSERT_EQ(records->years.size(), 1U);
  EXPECT_EQ(records->years[0].rating, rules::Rating::kCompletedWell);
  EXPECT_EQ(records->years[0].months_worked, 12);
  EXPECT_EQ(records->years[0].note, "Đã lưu");
}

TEST_P(Imports, AYearChangedBetweenTheCheckAndTheWriteRefusesTheImport) {
  auto& context = db_->context();
  InterleavingStore store(context.database());
  app::RecordsService records(store, context.clock(), [](std::string_view) { return true; });
  store.before_write = [&] {
    domain::PersonYear edited;
    edited.person = person_;
    edited.year = 2025;
    edited.rating = rules::Rating::kCompleted;
    edited.months_worked = 11;
    ASSERT_TRUE(context.records().save_person_year(system_, edited));
  };
  const auto before = db_->fingerprint();
  auto permit = context.imports().enter();
  ASSERT_TRUE(permit);
  auto refused = records.import(system_, *permit, rating_change(), false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().field, "file");
  EXPECT_NE(refused.error().message.find("Hồ sơ năm 2025 của Lý Thị Sáng vừa được thay đổi"), std::string::npos)
      << refused.error().message;
  // Only the other user's edit is there (its own audit record included).
  EXPECT_NE(db_->fingerprint(), before);
  auto stored = context.records().person_records(system_, person_);
  EXPECT_EQ(stored->years.at(0).rating, rules::Rating::kCompleted);
}

TEST_P(Imports, ACampaignConsolidatedBetweenTheCheckAndTheWriteRefusesTheImport) {
  auto& context = db_->context();
  db_->execute(
      "INSERT INTO movement (name, theme, authority, level, kind, starts_on, ends_on, search_text) VALUES "
      "('Thi đua năm 2026', '', 'Sở', 'agency', 'regular', '2026-01-01', '2026-12-31', ' thi dua 2026')");
  domain::Campaign campaign;
  campaign.movement = MovementId{db_->count("movement")};
  campaign.year = 2026;
  campaign.deadline = date("2026-12-31");
  campaign.honours = {"LDTT"};
  campaign.units = {{unit_, std::nullopt, ""}};
  auto created = context.campaigns().create(system_, campaign);
  ASSERT_TRUE(created) << created.error().message;
  const auto id = created->campaign.id;
  InterleavingStore store(context.database());
  app::CampaignService campaigns(store, context.clock(), context.campaigns().honours());
  store.before_write = [&] { ASSERT_TRUE(context.campaigns().consolidate(system_, id)); };
  app::RegistrationRow row;
  row.row = 4;
  row.sheet = "Đăng ký thi đua";
  row.subject = {rules::SubjectKind::kPerson, person_.value};
  row.honour = "LDTT";
  auto permit = context.imports().enter();
  ASSERT_TRUE(permit);
  // Checked while the campaign was open: valid.
  auto dry = campaigns.import(system_, *permit, id, {row}, true);
  ASSERT_TRUE(dry) << dry.error().message;
  EXPECT_EQ(dry->created, 1);
  // Consolidated before the write: refused, nothing registered.
  auto refused = campaigns.import(system_, *permit, id, {row}, false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(context.campaigns().registrations(system_, id)->empty());
}

TEST(ImportGate, GivesAtMostItsCapacityOfPermitsAndTakesThemBack) {
  app::ImportGate gate(2);
  auto first = gate.enter();
  auto second = gate.enter();
  ASSERT_TRUE(first && second);
  auto third = gate.enter();
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, ErrorCode::kBusy);
  EXPECT_EQ(third.error().message,
            "Máy chủ đang nhập 2 tệp Excel khác; chưa đọc tệp của bạn. Vui lòng thử lại sau ít giây.");
  { auto done = std::move(*first); }
  auto again = gate.enter();
  EXPECT_TRUE(again);
  EXPECT_FALSE(gate.enter());
  EXPECT_EQ(app::ImportGate(0).capacity(), 1);  // clamped: an import can always run alone
}

INSTANTIATE_TEST_SUITE_P(Backends, Imports, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
