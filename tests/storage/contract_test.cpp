// The storage contract: the same tests, through the same use cases, on SQLite and on
// PostgreSQL. A refused write must leave the database exactly as it was.

#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/demo.hpp"
#include "support/test_database.hpp"

namespace tdkt::testing {
namespace {

using domain::UnitKind;

class StorageContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { db_ = std::make_unique<TestDatabase>(GetParam()); }

  app::OrganisationService& organisation() { return db_->context().organisation(); }
  app::PeopleService& people() { return db_->context().people(); }

  domain::Unit make_unit(const std::string& name, std::optional<UnitId> parent, const char* from,
                         const char* to = nullptr) {
    domain::UnitDraft draft{name,   "",           parent ? UnitKind::kDepartment : UnitKind::kAgency,
                            parent, "Bình Phước", {date(from), to ? std::optional<CivilDate>(date(to)) : std::nullopt}};
    auto unit = organisation().create_unit(actor_, draft);
    EXPECT_TRUE(unit) << (unit ? "" : unit.error().message);
    return *unit;
  }

  domain::Person make_person(const std::string& family, const std::string& middle, const std::string& given) {
    domain::PersonDraft draft;
    draft.family_name = family;
    draft.middle_name = middle;
    draft.given_name = given;
    auto person = people().create(actor_, draft);
    EXPECT_TRUE(person) << (person ? "" : person.error().message);
    return *person;
  }

  std::vector<std::string> names(const std::vector<domain::Person>& list) {
    std::vector<std::string> result;
    for (const auto& person : list)
      result.push_back(person.full_name());
    return result;
  }

  std::unique_ptr<TestDatabase> db_;
  app::Actor actor_ = app::Actor::system("canbo");
};

TEST_P(StorageContract, MigrationsAreNumberedAndIdempotent) {
  auto& database = db_->context().database();
  EXPECT_EQ(database.schema_version(), 11);
  EXPECT_EQ(database.pending_migrations(), 0);
  EXPECT_EQ(database.migrate(), 0);
}

TEST_P(StorageContract, TreeAsOfADateFollowsValidity) {
  auto agency = make_unit("Ban Dân tộc", std::nullopt, "2004-01-01");
  make_unit("Văn phòng", agency.id, "2016-01-01");
  make_unit("Thanh tra", agency.id, "2016-01-01", "2023-04-30");
  make_unit("Phòng Chính sách Dân tộc", agency.id, "2023-05-01");

  auto before = organisation().tree(date("2022-12-31"));
  ASSERT_EQ(before.size(), 1U);
  ASSERT_EQ(before[0].children.size(), 2U);
  EXPECT_EQ(before[0].children[0].unit.name, "Thanh tra");
  EXPECT_EQ(before[0].children[1].unit.name, "Văn phòng");

  auto after = organisation().tree(date("2023-05-01"));
  ASSERT_EQ(after[0].children.size(), 2U);
  EXPECT_EQ(after[0].children[0].unit.name, "Phòng Chính sách Dân tộc");
  EXPECT_TRUE(organisation().tree(date("2003-12-31")).empty());
}

TEST_P(StorageContract, AChildCannotOutliveItsParent) {
  auto agency = make_unit("Sở Ngoại vụ", std::nullopt, "2004-01-01", "2025-02-28");
  const auto fingerprint = db_->fingerprint();
  domain::UnitDraft draft{"Văn phòng", "", UnitKind::kDepartment, agency.id, "", {date("2020-01-01"), std::nullopt}};
  auto refused = organisation().create_unit(actor_, draft);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().field, "parent_id");
  EXPECT_EQ(db_->fingerprint(), fingerprint);
}

TEST_P(StorageContract, AUnitCannotBecomeItsOwnAncestor) {
  auto agency = make_unit("Ban Dân tộc", std::nullopt, "2004-01-01");
  auto office = make_unit("Văn phòng", agency.id, "2016-01-01");
  const auto fingerprint = db_->fingerprint();
  app::UnitPatch patch;
  patch.parent = std::optional<UnitId>(office.id);
  auto refused = organisation().update_unit(actor_, agency.id, patch);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kCycle);
  EXPECT_EQ(db_->fingerprint(), fingerprint);

  patch.parent = std::optional<UnitId>(agency.id);
  auto self = organisation().update_unit(actor_, agency.id, patch);
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().code, ErrorCode::kCycle);
}

TEST_P(StorageContract, RestructuringEndsUnitsNamesSuccessorsAndMovesMembers) {
  auto agency = make_unit("Ban Dân tộc", std::nullopt, "2004-01-01");
  auto office = make_unit("Văn phòng", agency.id, "2016-01-01");
  auto inspection = make_unit("Thanh tra", agency.id, "2016-01-01");
  auto person = make_person("Võ", "Thành", "Nhân");
  ASSERT_TRUE(people().add_membership(
      actor_, {MembershipId{}, person.id, inspection.id, "Chánh Thanh tra", {date("2020-01-01"), std::nullopt}}));

  domain::RestructuringRequest request;
  request.title = "Sắp xếp các phòng";
  request.legal_basis = "Quyết định số 17/2023/QĐ-UBND";
  request.effective_date = date("2023-05-01");
  request.ends = {office.id, inspection.id};
  request.creates.push_back({"vp", {"Văn phòng", "VP", UnitKind::kDepartment, agency.id, "", {}}, std::nullopt});
  request.successions.push_back({office.id, std::nullopt, std::string("vp"), false});
  request.successions.push_back({inspection.id, std::nullopt, std::string("vp"), true});
  auto event = organisation().restructure(actor_, request);
  ASSERT_TRUE(event) << event.error().message;
  ASSERT_EQ(event->started.size(), 1U);
  const UnitId successor = event->started[0];

  auto ended = organisation().unit(inspection.id);
  EXPECT_EQ(ended->period.to, date("2023-04-30"));
  EXPECT_EQ(ended->ended_by, event->id);

  auto now = organisation().successors_on(inspection.id, date("2026-11-22"));
  ASSERT_TRUE(now);
  ASSERT_EQ(now->size(), 1U);
  EXPECT_EQ((*now)[0].id, successor);
  auto then = organisation().successors_on(inspection.id, date("2022-01-01"));
  ASSERT_EQ(then->size(), 1U);
  EXPECT_EQ((*then)[0].id, inspection.id);

  auto memberships = people().memberships(actor_, person.id);
  ASSERT_EQ(memberships->size(), 2U);
  EXPECT_EQ((*memberships)[0].period.to, date("2023-04-30"));
  EXPECT_EQ((*memberships)[1].unit, successor);
  EXPECT_EQ((*memberships)[1].period.from, date("2023-05-01"));
  EXPECT_EQ((*memberships)[1].position, "Chánh Thanh tra");

  auto history = organisation().history(successor);
  ASSERT_TRUE(history);
  EXPECT_EQ(history->predecessors.size(), 2U);
  ASSERT_TRUE(history->started_by);
  EXPECT_EQ(history->started_by->legal_basis, "Quyết định số 17/2023/QĐ-UBND");

  // Ending a unit a second time is refused and changes nothing.
  const auto fingerprint = db_->fingerprint();
  domain::RestructuringRequest again;
  again.title = "Lần nữa";
  again.effective_date = date("2024-01-01");
  again.ends = {inspection.id};
  auto refused = organisation().restructure(actor_, again);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kAlreadyEnded);
  EXPECT_EQ(db_->fingerprint(), fingerprint);
}

TEST_P(StorageContract, RestructuringRefusesToOrphanActiveChildren) {
  auto agency = make_unit("Ban Dân tộc", std::nullopt, "2004-01-01");
  make_unit("Văn phòng", agency.id, "2016-01-01");
  const auto fingerprint = db_->fingerprint();
  domain::RestructuringRequest request;
  request.title = "Giải thể";
  request.effective_date = date("2025-03-01");
  request.ends = {agency.id};
  auto refused = organisation().restructure(actor_, request);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(db_->fingerprint(), fingerprint);
}

TEST_P(StorageContract, SearchIgnoresAccentsAndCaseAndSortsTheVietnameseWay) {
  make_person("Nguyễn", "Văn", "Khang");
  make_person("Nguyễn", "Thị", "An");
  make_person("Nguyễn", "Văn", "An");
  make_person("Đỗ", "Văn", "Bình");
  make_person("Trần", "Nguyên", "Hưng");
  make_person("Lê", "", "Ngụy");

  auto all = people().list(actor_, {"", std::nullopt, std::nullopt, 0, 50});
  ASSERT_TRUE(all);
  EXPECT_EQ(names(all->items), (std::vector<std::string>{"Nguyễn Thị An", "Nguyễn Văn An", "Đỗ Văn Bình",
                                                         "Trần Nguyên Hưng", "Nguyễn Văn Khang", "Lê Ngụy"}));

  auto found = people().list(actor_, {"NGUYEN van", std::nullopt, std::nullopt, 0, 50});
  EXPECT_EQ(names(found->items), (std::vector<std::string>{"Nguyễn Văn An", "Nguyễn Văn Khang"}));

  // Words match at their start: "nguy" finds every Nguyễn, Nguyên and Ngụy, but "guy" finds nobody.
  EXPECT_EQ(people().list(actor_, {"nguy", std::nullopt, std::nullopt, 0, 50})->items.size(), 5U);
  EXPECT_TRUE(people().list(actor_, {"guy", std::nullopt, std::nullopt, 0, 50})->items.empty());
  EXPECT_EQ(names(people().list(actor_, {"hung", std::nullopt, std::nullopt, 0, 50})->items),
            std::vector<std::string>{"Trần Nguyên Hưng"});
  // Characters that mean something to LIKE are folded away, not interpreted.
  EXPECT_TRUE(people().list(actor_, {"%_'", std::nullopt, std::nullopt, 0, 50})->items.size() == 6U);
}

TEST_P(StorageContract, PagesThroughPeople) {
  for (int i = 0; i < 7; ++i)
    make_person("Nguyễn", "Văn", "Người " + std::to_string(i));
  auto first = people().list(actor_, {"", std::nullopt, std::nullopt, 0, 3});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->items.size(), 3U);
  EXPECT_TRUE(first->has_more);
  auto last = people().list(actor_, {"", std::nullopt, std::nullopt, 6, 3});
  EXPECT_EQ(last->items.size(), 1U);
  EXPECT_FALSE(last->has_more);
  auto bad = people().list(actor_, {"", std::nullopt, std::nullopt, 0, 500});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "limit");
}

TEST_P(StorageContract, MembershipsNeverOverlapAndStayInsideTheUnitsLife) {
  auto agency = make_unit("Ban Dân tộc", std::nullopt, "2004-01-01");
  auto office = make_unit("Văn phòng", agency.id, "2016-01-01", "2023-04-30");
  auto person = make_person("Lê", "Thị Thu", "Hà");
  ASSERT_TRUE(people().add_membership(
      actor_, {MembershipId{}, person.id, office.id, "Chánh Văn phòng", {date("2020-01-01"), date("2023-04-30")}}));
  const auto fingerprint = db_->fingerprint();

  auto overlap = people().add_membership(
      actor_, {MembershipId{}, person.id, agency.id, "Phó Trưởng ban", {date("2023-01-01"), std::nullopt}});
  ASSERT_FALSE(overlap);
  EXPECT_EQ(overlap.error().code, ErrorCode::kOverlap);

  auto outside = people().add_membership(
      actor_, {MembershipId{}, person.id, office.id, "Chuyên viên", {date("2023-05-01"), std::nullopt}});
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().field, "unit_id");
  EXPECT_EQ(db_->fingerprint(), fingerprint);

  ASSERT_TRUE(people().add_membership(
      actor_, {MembershipId{}, person.id, agency.id, "Phó Trưởng ban", {date("2023-05-01"), std::nullopt}}));
  auto in_office = people().members(actor_, office.id, date("2022-06-01"));
  ASSERT_EQ(in_office->size(), 1U);
  EXPECT_EQ((*in_office)[0].person.id, person.id);
  EXPECT_TRUE(people().members(actor_, office.id, date("2023-05-01"))->empty());
  EXPECT_EQ(people().members(actor_, agency.id, date("2024-01-01"))->size(), 1U);

  auto in_unit = people().list(actor_, {"", office.id, date("2022-06-01"), 0, 50});
  EXPECT_EQ(in_unit->items.size(), 1U);
  EXPECT_TRUE(people().list(actor_, {"", office.id, date("2024-06-01"), 0, 50})->items.empty());
}

TEST_P(StorageContract, EveryWriteLeavesAnAuditRecordWithBeforeAndAfter) {
  auto person = make_person("Nguyễn", "Văn", "Khang");
  auto draft = domain::PersonDraft{"Nguyễn", "Văn", "Khương", domain::Gender::kMale, 1970, "Kinh", "", "", "", ""};
  ASSERT_TRUE(people().update(actor_, person.id, draft));
  auto history = db_->context().audit().history(actor_, "person", person.id.value);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2U);
  EXPECT_EQ((*history)[0].entry.action, "create");
  EXPECT_FALSE((*history)[0].entry.before);
  const auto& update = (*history)[1].entry;
  EXPECT_EQ(update.action, "update");
  EXPECT_EQ(update.actor, "canbo");
  auto field = [](const app::Snapshot& snapshot, const std::string& name) {
    for (const auto& [key, value] : snapshot) {
      if (key == name) return value;
    }
    return std::string("<none>");
  };
  EXPECT_EQ(field(*update.before, "given_name"), "Khang");
  EXPECT_EQ(field(*update.after, "given_name"), "Khương");
  EXPECT_EQ(db_->count("audit_log"), 2);
}

TEST_P(StorageContract, BlocsGroupAgenciesOverTime) {
  auto agency = make_unit("Ban Dân tộc tỉnh Bình Phước", std::nullopt, "2004-01-01");
  auto other = make_unit("Sở Tư pháp tỉnh Bình Phước", std::nullopt, "2004-01-01");
  auto department = make_unit("Văn phòng", agency.id, "2016-01-01");
  auto bloc =
      organisation().create_bloc(actor_, {BlocId{}, "Khối thi đua số 6", "", {date("2020-01-01"), std::nullopt}});
  ASSERT_TRUE(bloc);
  ASSERT_TRUE(organisation().add_bloc_member(actor_, {bloc->id, agency.id, {date("2020-01-01"), date("2025-02-28")}}));
  ASSERT_TRUE(organisation().add_bloc_member(actor_, {bloc->id, other.id, {date("2020-01-01"), std::nullopt}}));
  EXPECT_FALSE(organisation().add_bloc_member(actor_, {bloc->id, department.id, {date("2020-01-01"), std::nullopt}}));
  auto twice = organisation().add_bloc_member(actor_, {bloc->id, other.id, {date("2024-01-01"), std::nullopt}});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kOverlap);
  EXPECT_EQ(organisation().blocs(date("2023-01-01"))[0].members.size(), 2U);
  EXPECT_EQ(organisation().blocs(date("2025-06-01"))[0].members.size(), 1U);
}

TEST_P(StorageContract, BackupWritesAUsableCopy) {
  make_person("Nguyễn", "Văn", "Khang");
  const auto file = std::filesystem::temp_directory_path() /
                    ("tdkt-backup-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + GetParam());
  std::filesystem::remove(file);
  auto done = db_->context().database().backup(file.string());
  ASSERT_TRUE(done) << done.error().message;
  ASSERT_TRUE(std::filesystem::exists(file));
  EXPECT_GT(std::filesystem::file_size(file), 1000U);
  if (GetParam() == "sqlite") {
    server::Context copy({storage::Backend::kSqlite, file.string()}, 1);
    EXPECT_EQ(copy.people().list(actor_, {"khang", std::nullopt, std::nullopt, 0, 10})->items.size(), 1U);
  }
  std::filesystem::remove(file);
}

TEST_P(StorageContract, DemoDataShowsTheRestructuringsOfTheSeeds) {
  auto summary = ingest::load_demo(db_->context().demo_services());
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_GE(summary->people, 18);

  auto departments_of_ban = [&](const char* day) {
    for (const auto& node : organisation().tree(date(day))) {
      if (node.unit.name == "Ban Dân tộc tỉnh Bình Phước") return node.children.size();
    }
    return std::size_t{0};
  };
  EXPECT_EQ(departments_of_ban("2022-12-31"), 5U);
  EXPECT_EQ(departments_of_ban("2023-06-30"), 3U);

  std::optional<UnitId> ban;
  for (const auto& unit : organisation().units(date("2022-12-31"))) {
    if (unit.name == "Ban Dân tộc tỉnh Bình Phước") ban = unit.id;
  }
  ASSERT_TRUE(ban);
  auto successors = organisation().successors_on(*ban, date("2025-12-31"));
  ASSERT_TRUE(successors);
  ASSERT_EQ(successors->size(), 1U);
  EXPECT_EQ((*successors)[0].name, "Sở Dân tộc và Tôn giáo tỉnh Đồng Nai");

  // Staff follow the units: the head of the Ban is at the Sở of Đồng Nai today.
  auto found = people().list(actor_, {"nguyen van khang", std::nullopt, std::nullopt, 0, 10});
  ASSERT_EQ(found->items.size(), 1U);
  auto memberships = people().memberships(actor_, found->items[0].id);
  ASSERT_EQ(memberships->size(), 3U);
  EXPECT_EQ((*memberships)[2].unit, (*successors)[0].id);
  EXPECT_EQ((*memberships)[2].position, "Trưởng ban");

  auto nguyen_van = people().list(actor_, {"nguyen van", std::nullopt, std::nullopt, 0, 50});
  ASSERT_GE(nguyen_van->items.size(), 3U);
  for (const auto& person : nguyen_van->items) {
    EXPECT_EQ(person.full_name().rfind("Nguyễn Văn ", 0), 0U) << person.full_name();
  }
}

TEST_P(StorageContract, TheAuditChainDetectsChangesMadeBehindTdktsBack) {
  auto person = make_person("Nguyễn", "Văn", "Khang");
  auto draft = domain::PersonDraft{"Nguyễn", "Văn", "Khương", domain::Gender::kMale, 1970, "Kinh", "", "", "", ""};
  ASSERT_TRUE(people().update(actor_, person.id, draft));
  make_person("Lê", "Thị", "Hà");
  auto& audit = db_->context().audit();
  auto intact = audit.verify();
  EXPECT_EQ(intact.records, 3);
  EXPECT_FALSE(intact.first_broken);

  // Someone who owns the database drops its guards and edits the "after" of the second record.
  db_->drop_audit_guards();
  db_->execute("UPDATE audit_log SET after_json = REPLACE(after_json, 'Khương', 'Khang') WHERE id = 2");
  auto edited = audit.verify();
  ASSERT_TRUE(edited.first_broken);
  EXPECT_EQ(*edited.first_broken, 2);
  EXPECT_NE(edited.reason.find("bị sửa"), std::string::npos);
}

TEST_P(StorageContract, TheAuditChainDetectsADeletedRecord) {
  make_person("Nguyễn", "Văn", "Khang");
  make_person("Lê", "Thị", "Hà");
  make_person("Trần", "Quốc", "Hưng");
  db_->drop_audit_guards();
  db_->execute("DELETE FROM audit_log WHERE id = 2");
  auto broken = db_->context().audit().verify();
  ASSERT_TRUE(broken.first_broken);
  EXPECT_EQ(*broken.first_broken, 3);
}

TEST_P(StorageContract, RolesAreEnforcedInTheUseCasesThemselves) {
  auto agency = make_unit("Ban Dân tộc", std::nullopt, "2004-01-01");
  app::Actor staff{"nhanvien", std::nullopt, domain::Role::kStaff, agency.id, std::nullopt, "Nhân viên"};
  const auto before = db_->fingerprint();
  domain::UnitDraft draft{"Văn phòng", "", UnitKind::kDepartment, agency.id, "", {date("2020-01-01"), std::nullopt}};
  auto refused = organisation().create_unit(staff, draft);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  domain::PersonDraft person;
  person.given_name = "An";
  EXPECT_EQ(people().create(staff, person).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(db_->context().audit().history(staff, "unit", agency.id.value).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(db_->fingerprint(), before);
}

// ---- Yearly records, grants, initiatives (issue 4) ----------------------------------------

TEST_P(StorageContract, PersonYearsAreStoredReplacedAndAudited) {
  auto& records = db_->context().records();
  const auto person = make_person("Lý", "Thị", "Sáng");
  domain::PersonYear year;
  year.person = person.id;
  year.year = 2024;
  year.rating = domain::Rating::kCompletedWell;
  year.months_worked = 5;
  year.leave_months = 6;
  year.notable_achievement = domain::rules::Known::kYes;
  ASSERT_TRUE(records.save_person_year(actor_, year));
  year.rating = domain::Rating::kCompletedExcellently;
  year.discipline = domain::DisciplineLevel::kReprimand;
  year.discipline_date = date("2024-09-12");
  ASSERT_TRUE(records.save_person_year(actor_, year));

  auto stored = records.person_records(actor_, person.id);
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->years.size(), 1U);  // one row per year: replaced, not added
  const auto& back = stored->years.front();
  EXPECT_EQ(back.rating, domain::Rating::kCompletedExcellently);
  EXPECT_EQ(back.months_worked, 5);
  EXPECT_EQ(back.leave_months, 6);
  EXPECT_EQ(back.counted_months(), 11);
  EXPECT_EQ(back.discipline, domain::DisciplineLevel::kReprimand);
  EXPECT_EQ(back.discipline_date, date("2024-09-12"));
  EXPECT_EQ(back.notable_achievement, domain::rules::Known::kYes);

  auto history = db_->context().audit().history(actor_, "person_year", person.id.value);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2U);
  EXPECT_EQ(history->at(0).entry.action, "create");
  EXPECT_EQ(history->at(1).entry.action, "update");

  ASSERT_TRUE(records.delete_person_year(actor_, person.id, 2024));
  EXPECT_TRUE(records.person_records(actor_, person.id)->years.empty());
}

TEST_P(StorageContract, RefusedRecordsChangeNothing) {
  auto& records = db_->context().records();
  domain::PersonDraft draft;
  draft.family_name = "Điểu";
  draft.given_name = "Xanh";
  draft.birth_year = 1990;
  const auto person = *people().create(actor_, draft);
  domain::GrantRecord grant;
  grant.subject = {domain::rules::SubjectKind::kPerson, person.id.value};
  grant.honour = "LDTT";
  grant.year = 2023;
  ASSERT_TRUE(records.add_grant(actor_, grant));
  const auto before = db_->fingerprint();

  auto duplicate = records.add_grant(actor_, grant);  // the same merit title twice in a year
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  auto unknown = grant;
  unknown.honour = "KHONG_CO";
  EXPECT_EQ(records.add_grant(actor_, unknown).error().field, "honour");
  auto unborn = grant;
  unborn.year = 1985;
  EXPECT_EQ(records.add_grant(actor_, unborn).error().field, "year");  // before the person was born
  auto future = grant;
  future.year = 2027;
  EXPECT_EQ(records.add_grant(actor_, future).error().field, "year");

  domain::PersonYear year;
  year.person = person.id;
  year.year = 2025;
  year.months_worked = 8;
  year.leave_months = 6;  // 14 months in a year
  EXPECT_EQ(records.save_person_year(actor_, year).error().field, "leave_months");
  year.leave_months = std::nullopt;
  year.months_worked = 13;
  EXPECT_EQ(records.save_person_year(actor_, year).error().field, "months_worked");
  year.months_worked = 12;
  year.discipline_date = date("2025-03-01");  // a date without a sanction
  EXPECT_EQ(records.save_person_year(actor_, year).error().field, "discipline_date");

  domain::InitiativeRecord initiative;
  initiative.subject = grant.subject;
  initiative.year = 2024;
  initiative.title = "Sáng kiến";
  initiative.used_for = "CSTDCS";  // used, but for which year?
  EXPECT_EQ(records.add_initiative(actor_, initiative).error().field, "used_for_year");
  EXPECT_EQ(db_->fingerprint(), before);
}

TEST_P(StorageContract, AUnitKeepsItsPredecessorsRecordsAndDerivesMemberCounts) {
  auto& records = db_->context().records();
  const auto old_unit = make_unit("Ban Dân tộc tỉnh Bình Phước", std::nullopt, "2004-01-01");
  domain::RestructuringRequest request;
  request.title = "Thành lập Sở Dân tộc và Tôn giáo";
  request.effective_date = date("2025-03-01");
  request.ends = {old_unit.id};
  domain::NewUnitInRestructuring created;
  created.key = "so";
  created.draft.name = "Sở Dân tộc và Tôn giáo";
  created.draft.kind = UnitKind::kAgency;
  request.creates.push_back(created);
  domain::SuccessionRequest succession;
  succession.predecessor = old_unit.id;
  succession.successor_key = "so";
  succession.transfer_members = true;
  request.successions.push_back(succession);
  auto event = organisation().restructure(actor_, request);
  ASSERT_TRUE(event) << event.error().message;
  const auto new_unit = event->started.at(0);

  domain::UnitYear year;
  year.unit = old_unit.id;
  year.year = 2024;
  year.rating = domain::Rating::kCompletedExcellently;
  ASSERT_TRUE(records.save_unit_year(actor_, year));
  domain::GrantRecord grant;
  grant.subject = {domain::rules::SubjectKind::kUnit, old_unit.id.value};
  grant.honour = "TTLDXS";
  grant.year = 2024;
  ASSERT_TRUE(records.add_grant(actor_, grant));

  // Two members in 2024, both rated, one with LĐTT.
  for (const char* given : {"An", "Bình"}) {
    const auto person = make_person("Nguyễn", "Văn", given);
    ASSERT_TRUE(people().add_membership(
        actor_, {MembershipId{}, person.id, old_unit.id, "", {date("2020-01-01"), date("2024-12-31")}}));
    domain::PersonYear rated;
    rated.person = person.id;
    rated.year = 2024;
    rated.rating = domain::Rating::kCompletedWell;
    ASSERT_TRUE(records.save_person_year(actor_, rated));
    if (std::string(given) == "An") {
      domain::GrantRecord ldtt;
      ldtt.subject = {domain::rules::SubjectKind::kPerson, person.id.value};
      ldtt.honour = "LDTT";
      ldtt.year = 2024;
      ASSERT_TRUE(records.add_grant(actor_, ldtt));
    }
  }

  auto view = records.unit_records(actor_, new_unit);
  ASSERT_TRUE(view) << view.error().message;
  ASSERT_EQ(view->lineage.size(), 2U);
  EXPECT_EQ(view->lineage.at(1), old_unit.id);
  ASSERT_EQ(view->years.size(), 1U);
  const auto& inherited = view->years.front();
  EXPECT_EQ(inherited.recorded_by, old_unit.id);
  EXPECT_EQ(inherited.record.members, 2);
  EXPECT_EQ(inherited.record.members_completed, 2);
  EXPECT_EQ(inherited.record.members_ldtt, 1);
  EXPECT_TRUE(inherited.derived_members);
  ASSERT_EQ(view->grants.size(), 1U);
  EXPECT_EQ(view->grants.front().honour, "TTLDXS");

  // The engine sees the predecessor's grant: the successor's chain continues.
  app::EligibilityRequest wanted;
  wanted.subject = {domain::rules::SubjectKind::kUnit, new_unit.value};
  wanted.year = 2024;
  wanted.decision_date = date("2025-01-15");
  auto report = db_->context().eligibility().evaluate(actor_, wanted);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->notes.empty());
  bool judged = false;
  for (const auto& result : report->results) {
    if (result.honour->code != "TTLDTT") continue;
    judged = true;
    // Rated HTXSNV, but 1 of 2 members with LĐTT is 50%: below the 70% the rule asks.
    EXPECT_EQ(result.verdict, domain::rules::Verdict::kIneligible);
  }
  EXPECT_TRUE(judged);
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageContract, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
