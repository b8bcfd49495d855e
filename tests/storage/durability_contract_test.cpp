// What the store does when something goes wrong, on SQLite and on PostgreSQL (issue 16): a unique
// key taken by a concurrent write is a StoreFailure `conflict` and the unit of work rolls back; a
// lease waits for its timeout and no longer; the audit trail refuses UPDATE, DELETE (and, on
// PostgreSQL, TRUNCATE) from the database itself; anchors read back what they signed.

#include <gtest/gtest.h>

#include "app/audit_anchor.hpp"
#include "security/audit_signing.hpp"
#include "support/test_database.hpp"

namespace tdkt::testing {
namespace {

class Durability : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { db_ = std::make_unique<TestDatabase>(GetParam()); }
  void TearDown() override { db_.reset(); }

  domain::Person make_person(const std::string& given) {
    domain::PersonDraft draft;
    draft.family_name = "Nguyễn";
    draft.middle_name = "Văn";
    draft.given_name = given;
    auto person = db_->context().people().create(app::Actor::system("canbo"), draft);
    EXPECT_TRUE(person) << (person ? "" : person.error().message);
    return *person;
  }

  std::unique_ptr<TestDatabase> db_;
};

TEST_P(Durability, AUniqueKeyTakenByAnotherWriteIsAConflictAndNothingIsKept) {
  db_->add_account("canbo", domain::Role::kOfficer);
  const auto before = db_->fingerprint();
  auto& store = db_->context().database();
  try {
    auto work = store.write();
    // What a concurrent request does between another's check and its insert: the repository
    // inserts without looking, and the database's unique key refuses.
    domain::Account twin{AccountId{}, "canbo", "Cán bộ", domain::Role::kViewer, std::nullopt, std::nullopt, true};
    work->accounts().insert(twin, "x", 0);
    ADD_FAILURE() << "a second account named canbo was inserted";
  } catch (const app::StoreFailure& failure) {
    EXPECT_EQ(failure.error().code, ErrorCode::kConflict);
    EXPECT_NE(failure.error().message.find("cùng lúc"), std::string::npos) << failure.error().message;
  }
  EXPECT_EQ(db_->fingerprint(), before);
  // The connection serves the next write at once.
  EXPECT_EQ(make_person("An").given_name, "An");
}

TEST_P(Durability, ALeaseWaitsForItsTimeoutAndNoLonger) {
  auto narrow = storage::Database::open(db_->location(), 1, std::chrono::milliseconds(50));
  auto held = narrow->read();
  try {
    auto second = narrow->read();
    ADD_FAILURE() << "a second unit of work got the only connection";
  } catch (const app::StoreFailure& failure) {
    EXPECT_EQ(failure.error().code, ErrorCode::kOverloaded);
  }
  held.reset();
  EXPECT_NO_THROW(narrow->read());
}

TEST_P(Durability, TheAuditTrailRefusesUpdateAndDeleteFromTheDatabaseItself) {
  make_person("An");
  make_person("Bình");
  const auto before = db_->fingerprint();
  EXPECT_ANY_THROW(db_->execute("UPDATE audit_log SET actor = 'ai-do' WHERE id = 1"));
  EXPECT_ANY_THROW(db_->execute("DELETE FROM audit_log WHERE id = 2"));
  EXPECT_ANY_THROW(db_->execute("DELETE FROM audit_log"));
  if (GetParam() == "postgresql") {
    EXPECT_ANY_THROW(db_->execute("TRUNCATE audit_log"));
  }
  EXPECT_EQ(db_->fingerprint(), before);
  EXPECT_EQ(db_->count("audit_log"), 2);
  // Appending still works.
  make_person("Cường");
  EXPECT_EQ(db_->count("audit_log"), 3);
  EXPECT_FALSE(db_->context().audit().verify().first_broken);
}

TEST_P(Durability, AnAnchorNamesTheHeadAndComparesWithTheStoredChain) {
  make_person("An");
  make_person("Bình");
  auto& audit = db_->context().audit();
  auto head = audit.head("2026-11-22T08:00:00Z");
  ASSERT_TRUE(head) << head.error().message;
  EXPECT_EQ(head->record, 2);
  EXPECT_EQ(head->records, 2);
  EXPECT_EQ(head->hash.size(), 64U);
  const auto key = security::generate_audit_key();
  security::sign_anchor(*head, key);
  auto read_back = app::parse_anchor_line(head->line());
  ASSERT_TRUE(read_back) << read_back.error().message;
  EXPECT_TRUE(security::anchor_signature_holds(*read_back, key.public_key));
  EXPECT_FALSE(security::anchor_signature_holds(*read_back, security::generate_audit_key().public_key));
  auto forged = *read_back;
  forged.records = 1;
  EXPECT_FALSE(security::anchor_signature_holds(forged, key.public_key));

  make_person("Cường");
  auto check = audit.check_anchors({*read_back});
  EXPECT_FALSE(check.first_broken) << check.reason;
  EXPECT_EQ(check.anchors, 1U);

  // The newest record anchored is deleted (after the guards are dropped, as the file's owner can).
  db_->drop_audit_guards();
  db_->execute("DELETE FROM audit_log WHERE id = 2");
  db_->execute("UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE id = 1) WHERE id = 3");
  check = audit.check_anchors({*read_back});
  ASSERT_TRUE(check.first_broken);
  EXPECT_EQ(*check.first_broken, 3);  // the chain itself breaks at #3 before any anchor is read
}

TEST_P(Durability, AnEmptyOrBrokenTrailIsNotAnchored) {
  auto& audit = db_->context().audit();
  auto empty = audit.head("2026-11-22T08:00:00Z");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kConflict);
  make_person("An");
  db_->drop_audit_guards();
  db_->execute("UPDATE audit_log SET actor = 'ai-do' WHERE id = 1");
  auto broken = audit.head("2026-11-22T08:00:00Z");
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("#1"), std::string::npos) << broken.error().message;
}

INSTANTIATE_TEST_SUITE_P(Backends, Durability, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

TEST(AuditAnchorLine, ReadsBackWhatItWritesAndRefusesTheRest) {
  app::AuditAnchor anchor{
      42, 40, std::string(64, 'a'), "2026-11-22T01:02:03Z", "2026-11-22T08:00:00Z", "0123456789abcdef", "c2lnbmF0dXJl",
      0};
  auto parsed = app::parse_anchor_line(anchor.line());
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->record, 42);
  EXPECT_EQ(parsed->records, 40);
  EXPECT_EQ(parsed->hash, anchor.hash);
  EXPECT_EQ(parsed->signed_text(), anchor.signed_text());
  EXPECT_FALSE(app::parse_anchor_line("tdkt-audit-anchor v1 record=42"));
  auto bad_number = anchor.line();
  bad_number.replace(bad_number.find("record=42"), 9, "record=-4");
  EXPECT_FALSE(app::parse_anchor_line(bad_number));
  auto file = app::parse_anchor_file("# anchors\n\n" + anchor.line() + "\nnot an anchor\n");
  ASSERT_FALSE(file);
  EXPECT_NE(file.error().message.find("Dòng 4"), std::string::npos) << file.error().message;
  auto good = app::parse_anchor_file("# anchors\n" + anchor.line() + "\n" + anchor.line() + "\n");
  ASSERT_TRUE(good);
  ASSERT_EQ(good->size(), 2U);
  EXPECT_EQ((*good)[1].line_number, 3);
}

}  // namespace
}  // namespace tdkt::testing
