#include "domain/documents/register.hpp"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

RegisteredDocument plan() {
  RegisteredDocument document;
  document.type = DocumentType::kPlan;
  document.number = *parse_document_number("05/KH-BDT");
  document.issued_on = *CivilDate::from_ymd(2023, 2, 3);
  document.year = 2023;
  document.issuer = "Ban Dân tộc tỉnh Bình Phước";
  document.place = "Bình Phước";
  document.summary = "Phát động phong trào thi đua năm 2023";
  document.own = true;
  return document;
}

TEST(DocumentNumber, ParsesTheFormsWrittenOnDocuments) {
  auto plain = parse_document_number("5/KH-BDT");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->number, 5);
  EXPECT_EQ(plain->symbol, "KH-BDT");
  EXPECT_EQ(plain->text(), "05/KH-BDT");
  auto dated = parse_document_number("01/2021/TT-UBDT");
  ASSERT_TRUE(dated);
  EXPECT_EQ(dated->year, 2021);
  EXPECT_EQ(dated->symbol, "TT-UBDT");
  auto party = parse_document_number("34-CT/TW");
  ASSERT_TRUE(party);
  EXPECT_EQ(party->text(), "34-CT/TW");
  EXPECT_EQ(dated->text(), "01/2021/TT-UBDT");
  for (const char* bad : {"", "KH-BDT", "0/KH-BDT", "05/"}) {
    auto refused = parse_document_number(bad);
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().field, "number") << bad;
  }
}

// Found by fuzz/document_number (fuzz/regressions/document_number): text() wrote numbers that read
// back as other numbers, so a stored number could change on its way through the register.
TEST(DocumentNumber, TextReadsBackAsTheSameNumber) {
  for (const char* written : {"02/2021/2021/DT", "1-2021/A-B", "5/2021/CT/TW", "34-CT/TW", "7/1800/AB"}) {
    auto parsed = parse_document_number(written);
    ASSERT_TRUE(parsed) << written;
    auto again = parse_document_number(parsed->text());
    ASSERT_TRUE(again) << parsed->text();
    EXPECT_EQ(again->number, parsed->number) << written;
    EXPECT_EQ(again->year, parsed->year) << written;
    EXPECT_EQ(again->symbol, parsed->symbol) << written;
  }
  EXPECT_EQ(parse_document_number("02/2021/2021/DT")->text(), "02/2021/2021/DT");
  EXPECT_EQ(parse_document_number("1-2021/A-B")->text(), "01-2021/A-B");
}

TEST(CheckDocument, RefusesACitationOfItself) {
  auto document = plan();
  document.id = DocumentId{7};
  document.cites = {DocumentId{3}, DocumentId{7}};
  auto refused = check_document(document, 2026);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "cites");
  document.cites = {DocumentId{3}};
  EXPECT_TRUE(check_document(document, 2026));
}

TEST(CheckDocument, RefusesADraftedBodyForAnotherIssuersDocument) {
  auto document = plan();
  document.own = false;
  document.body = {{"paragraph", "Nội dung."}};
  auto refused = check_document(document, 2026);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "body");
}

}  // namespace
}  // namespace tdkt::domain
