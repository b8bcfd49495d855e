// The storage contract of targets and attached files, on SQLite and on PostgreSQL, through the
// use cases: amounts and bytes come back exactly as written, every write is audited in its
// transaction, and a refused write leaves every table as it was.

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace tdkt::testing {
namespace {

class TargetsContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto& context = db_->context();
    domain::UnitDraft draft{
        "Ban Dân tộc tỉnh Bình Phước",     "BDT", domain::UnitKind::kAgency, std::nullopt, "Bình Phước",
        {date("2008-01-01"), std::nullopt}};
    auto unit = context.organisation().create_unit(actor_, draft);
    ASSERT_TRUE(unit) << unit.error().message;
    unit_ = unit->id;
    domain::Movement movement;
    movement.name = "Thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc năm 2023";
    movement.authority = "Ban Dân tộc tỉnh Bình Phước";
    movement.starts_on = date("2023-01-01");
    movement.ends_on = date("2023-12-31");
    movement.unit = unit_;
    auto created = context.movements().create(actor_, movement);
    ASSERT_TRUE(created) << created.error().message;
    movement_ = created->id;
    domain::RegisteredDocument document;
    document.type = domain::DocumentType::kPlan;
    document.number = *domain::parse_document_number("05/KH-BDT");
    document.issued_on = date("2023-02-03");
    document.issuer = "Ban Dân tộc tỉnh Bình Phước";
    document.summary = "Phát động phong trào thi đua năm 2023";
    auto registered = context.documents().register_document(actor_, {document, false, ""});
    ASSERT_TRUE(registered) << registered.error().message;
    document_ = registered->id;
  }

  app::TargetService& targets() { return db_->context().targets(); }
  app::AttachmentService& attachments() { return db_->context().attachments(); }

  domain::Target disbursement(double plan) const {
    domain::Target target;
    target.movement = movement_;
    target.unit = unit_;
    target.group_name = "Giải ngân vốn Chương trình MTQG 1719";
    target.indicator = "Giải ngân vốn năm 2022 (tổng)";
    target.measure = "triệu đồng";
    target.plan_value = plan;
    target.due_on = date("2023-12-31");
    return target;
  }

  std::unique_ptr<TestDatabase> db_;
  app::Actor actor_ = app::Actor::system("canbo");
  UnitId unit_;
  MovementId movement_;
  DocumentId document_;
};

TEST_P(TargetsContract, AmountsComeBackExactlyWithCompletionAndStatus) {
  auto created = targets().create(actor_, disbursement(216613));
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->target.position, 1);
  auto second = targets().create(actor_, disbursement(172069));
  ASSERT_TRUE(second);
  EXPECT_EQ(second->target.position, 2);

  ASSERT_TRUE(targets().record(actor_, {created->target.id, date("2023-03-31"), 40000.5, "Quý I"}));
  auto recorded = targets().record(actor_, {created->target.id, date("2023-06-30"), 124249.27, "Sơ kết 6 tháng"});
  ASSERT_TRUE(recorded) << recorded.error().message;

  auto list = targets().list(actor_, movement_, std::nullopt, date("2023-07-15"));
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->units.size(), 1U);
  const auto& unit = list->units[0];
  EXPECT_EQ(unit.unit.id, unit_);
  ASSERT_EQ(unit.targets.size(), 2U);
  const auto& view = unit.targets[0];
  EXPECT_DOUBLE_EQ(view.target.plan_value, 216613);
  ASSERT_EQ(view.measurements.size(), 2U);
  EXPECT_DOUBLE_EQ(view.measurements[0].value, 40000.5);
  EXPECT_DOUBLE_EQ(view.measurements[1].value, 124249.27);
  EXPECT_EQ(view.measurements[1].note, "Sơ kết 6 tháng");
  EXPECT_NEAR(*view.progress.completion, 57.36, 0.005);
  EXPECT_EQ(view.progress.status, domain::TargetStatus::kOnTrack);
  EXPECT_EQ(unit.targets[1].progress.status, domain::TargetStatus::kNotMeasured);
  EXPECT_EQ(unit.summary.targets, 2);
  EXPECT_EQ(unit.summary.on_track, 1);

  // The same day again replaces its value.
  ASSERT_TRUE(targets().record(actor_, {created->target.id, date("2023-06-30"), 130000, ""}));
  auto again = targets().list(actor_, movement_, unit_, date("2023-07-15"));
  EXPECT_EQ(again->units[0].targets[0].measurements.size(), 2U);
  EXPECT_DOUBLE_EQ(again->units[0].targets[0].measurements[1].value, 130000);

  auto history = db_->context().audit().history(actor_, "target_value", created->target.id.value);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 3U);
  EXPECT_EQ((*history)[2].entry.action, "update");
}

TEST_P(TargetsContract, RefusedWritesChangeNothing) {
  auto created = targets().create(actor_, disbursement(100));
  ASSERT_TRUE(created);
  const auto before = db_->fingerprint();

  auto negative = targets().create(actor_, disbursement(-1));
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().field, "plan_value");
  auto stranger = disbursement(10);
  stranger.unit = UnitId{999999};
  auto unknown_unit = targets().create(actor_, stranger);
  ASSERT_FALSE(unknown_unit);
  EXPECT_EQ(unknown_unit.error().field, "unit_id");
  auto elsewhere = disbursement(10);
  elsewhere.movement = MovementId{999999};
  EXPECT_EQ(targets().create(actor_, elsewhere).error().code, ErrorCode::kNotFound);
  auto outside = targets().record(actor_, {created->target.id, date("2022-12-31"), 5, ""});
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().field, "measured_on");
  auto below_zero = targets().record(actor_, {created->target.id, date("2023-06-30"), -5, ""});
  ASSERT_FALSE(below_zero);
  EXPECT_EQ(below_zero.error().field, "value");
  auto viewer = actor_;
  viewer.role = domain::Role::kViewer;
  EXPECT_EQ(targets().create(viewer, disbursement(10)).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(targets().remove(viewer, created->target.id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(targets().remove_measurement(actor_, created->target.id, date("2023-06-30")).error().code,
            ErrorCode::kNotFound);

  EXPECT_EQ(db_->fingerprint(), before);
}

TEST_P(TargetsContract, DeletingATargetDeletesItsValuesAndIsAudited) {
  auto created = targets().create(actor_, disbursement(7));
  ASSERT_TRUE(created);
  ASSERT_TRUE(targets().record(actor_, {created->target.id, date("2023-06-30"), 6, ""}));
  auto updated_target = created->target;
  updated_target.indicator = "Hoàn thành nhiệm vụ UBND tỉnh giao";
  updated_target.measure = "nhiệm vụ";
  auto updated = targets().update(actor_, updated_target);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->target.position, 1);
  EXPECT_EQ(updated->measurements.size(), 1U);

  auto removed = targets().remove_measurement(actor_, created->target.id, date("2023-06-30"));
  ASSERT_TRUE(removed);
  EXPECT_TRUE(removed->measurements.empty());
  ASSERT_TRUE(targets().record(actor_, {created->target.id, date("2023-06-30"), 6, ""}));
  ASSERT_TRUE(targets().remove(actor_, created->target.id));
  EXPECT_EQ(db_->count("target"), 0);
  EXPECT_EQ(db_->count("target_value"), 0);
  auto history = db_->context().audit().history(actor_, "target", created->target.id.value);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 3U);
  EXPECT_EQ((*history)[0].entry.action, "create");
  EXPECT_EQ((*history)[1].entry.action, "update");
  EXPECT_EQ((*history)[2].entry.action, "delete");
  EXPECT_FALSE(db_->context().audit().verify().first_broken);
}

TEST_P(TargetsContract, AttachedFilesComeBackByteForByte) {
  std::string pdf = "%PDF-1.7\n";
  for (int i = 0; i < 4096; ++i)
    pdf += static_cast<char>(i % 256);  // every byte value, NUL included
  auto uploaded = attachments().upload(actor_, document_, "Kế hoạch 05/KH-BDT (bản ký).pdf", pdf);
  ASSERT_TRUE(uploaded) << uploaded.error().message;
  EXPECT_EQ(uploaded->file_name, "KH-BDT (bản ký).pdf");  // a slash separates folders: only the last part stays
  EXPECT_EQ(uploaded->media_type, "application/pdf");
  EXPECT_EQ(uploaded->size_bytes, static_cast<std::int64_t>(pdf.size()));
  EXPECT_EQ(uploaded->sha256.size(), 64U);
  EXPECT_EQ(uploaded->uploaded_by, "canbo");

  auto file = attachments().download(actor_, uploaded->id);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->content, pdf);
  auto list = attachments().list(actor_, document_);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1U);
  EXPECT_EQ((*list)[0].sha256, uploaded->sha256);

  const auto before = db_->fingerprint();
  EXPECT_FALSE(attachments().upload(actor_, document_, "virus.pdf", "MZ\x90"));
  EXPECT_EQ(attachments().upload(actor_, DocumentId{999999}, "a.pdf", pdf).error().code, ErrorCode::kNotFound);
  auto viewer = actor_;
  viewer.role = domain::Role::kViewer;
  EXPECT_EQ(attachments().upload(viewer, document_, "a.pdf", pdf).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(attachments().remove(viewer, uploaded->id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(db_->fingerprint(), before);

  ASSERT_TRUE(attachments().remove(actor_, uploaded->id));
  EXPECT_EQ(attachments().download(actor_, uploaded->id).error().code, ErrorCode::kNotFound);
  auto history = db_->context().audit().history(actor_, "document_attachment", uploaded->id.value);
  ASSERT_EQ(history->size(), 2U);
}

INSTANTIATE_TEST_SUITE_P(Backends, TargetsContract, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
