#include <gtest/gtest.h>

#include <map>

#include "domain/organisation/restructuring.hpp"
#include "domain/organisation/unit.hpp"

namespace tdkt::domain {
namespace {

CivilDate d(int y, unsigned m, unsigned day) {
  return *CivilDate::from_ymd(y, m, day);
}

Unit unit(std::int64_t id, std::string name, std::optional<std::int64_t> parent, Period period) {
  Unit result;
  result.id = UnitId{id};
  result.name = std::move(name);
  result.kind = parent ? UnitKind::kDepartment : UnitKind::kAgency;
  if (parent) result.parent = UnitId{*parent};
  result.period = period;
  return result;
}

TEST(UnitDraft, NeedsANameAndAValidPeriod) {
  UnitDraft draft{"  ", "", UnitKind::kAgency, std::nullopt, "", {d(2023, 1, 1), std::nullopt}};
  auto status = check_unit_draft(draft);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().field, "name");
  draft.name = "Văn phòng";
  draft.period.to = d(2022, 12, 31);
  status = check_unit_draft(draft);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().field, "valid_to");
  EXPECT_NE(status.error().message.find("31/12/2022"), std::string::npos);
}

TEST(Cycle, DetectsAUnitMadeItsOwnAncestor) {
  std::map<UnitId, std::optional<UnitId>> parents{
      {UnitId{1}, std::nullopt}, {UnitId{2}, UnitId{1}}, {UnitId{3}, UnitId{2}}};
  auto parent_of = [&](UnitId id) { return parents.at(id); };
  EXPECT_TRUE(would_create_cycle(UnitId{1}, UnitId{3}, parent_of));
  EXPECT_TRUE(would_create_cycle(UnitId{2}, UnitId{2}, parent_of));
  EXPECT_FALSE(would_create_cycle(UnitId{3}, UnitId{1}, parent_of));
}

TEST(Tree, NestsChildrenInVietnameseNameOrder) {
  const Period always{d(2020, 1, 1), std::nullopt};
  auto forest =
      build_tree({unit(1, "Ban Dân tộc", std::nullopt, always), unit(3, "Văn phòng", 1, always),
                  unit(2, "Phòng Tuyên truyền và Địa bàn", 1, always), unit(4, "Phòng Chính sách Dân tộc", 1, always),
                  unit(5, "Đơn vị khác", std::nullopt, always)});
  ASSERT_EQ(forest.size(), 2U);
  EXPECT_EQ(forest[0].unit.name, "Ban Dân tộc");
  EXPECT_EQ(forest[1].unit.name, "Đơn vị khác");
  ASSERT_EQ(forest[0].children.size(), 3U);
  EXPECT_EQ(forest[0].children[0].unit.name, "Phòng Chính sách Dân tộc");
  EXPECT_EQ(forest[0].children[1].unit.name, "Phòng Tuyên truyền và Địa bàn");
  EXPECT_EQ(forest[0].children[2].unit.name, "Văn phòng");
}

class RestructuringCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    units_[UnitId{1}] = unit(1, "Ban Dân tộc", std::nullopt, {d(2004, 1, 1), std::nullopt});
    units_[UnitId{2}] = unit(2, "Văn phòng", 1, {d(2016, 1, 1), std::nullopt});
    units_[UnitId{3}] = unit(3, "Thanh tra", 1, {d(2016, 1, 1), std::nullopt});
    request_.title = "Sắp xếp các phòng";
    request_.effective_date = d(2023, 5, 1);
    request_.ends = {UnitId{2}, UnitId{3}};
    request_.creates.push_back(
        {"vp", UnitDraft{"Văn phòng", "VP", UnitKind::kDepartment, UnitId{1}, "", {d(2023, 5, 1), std::nullopt}},
         std::nullopt});
    request_.successions.push_back({UnitId{2}, std::nullopt, std::string("vp"), true});
  }
  std::map<UnitId, Unit> units_;
  RestructuringRequest request_;
};

TEST_F(RestructuringCheck, AcceptsAWellFormedRequest) {
  EXPECT_TRUE(check_restructuring(request_, units_, {}));
}

TEST_F(RestructuringCheck, RefusesEndingAUnitTwice) {
  request_.ends.emplace_back(2);
  auto status = check_restructuring(request_, units_, {});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kAlreadyEnded);
  EXPECT_EQ(status.error().field, "ends[2]");
}

TEST_F(RestructuringCheck, RefusesEndingAUnitAlreadyEnded) {
  units_[UnitId{3}].period.to = d(2022, 12, 31);
  units_[UnitId{3}].ended_by = RestructuringId{7};
  auto status = check_restructuring(request_, units_, {});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kAlreadyEnded);
  EXPECT_NE(status.error().message.find("31/12/2022"), std::string::npos);
}

TEST_F(RestructuringCheck, RefusesLeavingChildrenOfAnEndedUnitActive) {
  request_.ends = {UnitId{1}};
  request_.successions.clear();
  auto status = check_restructuring(request_, units_, {units_[UnitId{2}]});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  EXPECT_NE(status.error().message.find("Văn phòng"), std::string::npos);
}

TEST_F(RestructuringCheck, RefusesASuccessorKeyThatIsNotCreated) {
  request_.successions[0].successor_key = "khong_co";
  auto status = check_restructuring(request_, units_, {});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().field, "successions[0].to_key");
}

TEST_F(RestructuringCheck, RefusesAnEffectiveDateBeforeTheUnitStarted) {
  request_.effective_date = d(2015, 1, 1);
  auto status = check_restructuring(request_, units_, {});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().field, "effective_date");
}

}  // namespace
}  // namespace tdkt::domain
