// Attached files: what the content is (magic bytes, not the name), and file names fit for a
// Content-Disposition header.

#include "domain/documents/attachment.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"

namespace tdkt::domain {
namespace {

using namespace std::string_literals;

const std::string kPdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"s;
const std::string kPng = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s;
const std::string kJpeg = "\xFF\xD8\xFF\xE0\0\x10JFIF\0"s;
const std::string kCfb = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0"s;
const std::string kDocx =
    "PK\x03\x04\x14\0\0\0\x08\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x13\0\0\0[Content_Types].xml...word/document.xml"s;

TEST(AttachmentType, IsReadFromTheContent) {
  EXPECT_EQ(*attachment_media_type(kPdf, "QĐ 15.pdf"), "application/pdf");
  EXPECT_EQ(*attachment_media_type(kPng, "scan.PNG"), "image/png");
  EXPECT_EQ(*attachment_media_type(kJpeg, "anh.jpg"), "image/jpeg");
  EXPECT_EQ(*attachment_media_type(kJpeg, "anh.jpeg"), "image/jpeg");
  EXPECT_EQ(*attachment_media_type(kCfb, "cu.doc"), "application/msword");
  EXPECT_EQ(*attachment_media_type(kCfb, "bang.xls"), "application/vnd.ms-excel");
  EXPECT_EQ(*attachment_media_type(kDocx, "ke-hoach.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

TEST(AttachmentType, RefusesANameThatLiesAboutTheContent) {
  // An executable renamed .pdf, a PNG named .pdf, a DOCX named .xlsx.
  auto renamed = attachment_media_type("MZ\x90\0\x03\0\0\0"s, "quyet-dinh.pdf");
  ASSERT_FALSE(renamed);
  EXPECT_EQ(renamed.error().field, "file");
  EXPECT_FALSE(attachment_media_type(kPng, "scan.pdf"));
  EXPECT_FALSE(attachment_media_type(kDocx, "bang.xlsx"));
  EXPECT_FALSE(attachment_media_type(kCfb, "cu.docx"));
}

TEST(AttachmentType, RefusesOtherKindsEmptyFilesAndTooLargeOnes) {
  auto script = attachment_media_type("#!/bin/sh\n", "chay.sh");
  ASSERT_FALSE(script);
  EXPECT_EQ(script.error().field, "file_name");
  EXPECT_FALSE(attachment_media_type("", "rong.pdf"));
  const std::string huge = "%PDF-" + std::string(kMaxAttachmentBytes, 'x');
  auto large = attachment_media_type(huge, "lon.pdf");
  ASSERT_FALSE(large);
  EXPECT_EQ(large.error().code, ErrorCode::kTooLarge);
}

TEST(AttachmentName, KeepsVietnameseAndDropsFoldersAndReservedCharacters) {
  EXPECT_EQ(*sanitize_file_name("Quyết định khen thưởng.pdf"), "Quyết định khen thưởng.pdf");
  EXPECT_EQ(*sanitize_file_name("C:\\Users\\canbo\\scan.pdf"), "scan.pdf");
  EXPECT_EQ(*sanitize_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(*sanitize_file_name("a\"b;c\r\nd.pdf"), "a_b_c__d.pdf");
  EXPECT_EQ(*sanitize_file_name("..hidden.pdf"), "hidden.pdf");
  EXPECT_FALSE(sanitize_file_name(""));
  EXPECT_FALSE(sanitize_file_name("thu-muc/"));
  EXPECT_FALSE(sanitize_file_name("\xFF\xFE.pdf"));
  const auto long_name = *sanitize_file_name(std::string(300, 'a') + "ệ.pdf");
  EXPECT_EQ(long_name.size(), 150U);
  EXPECT_EQ(long_name.substr(long_name.size() - 4), ".pdf");
}

// Found by fuzz/attachment (fuzz/regressions/attachment), and by the code review: a file of 4 to 29
// bytes starting like a ZIP made substr throw std::out_of_range, a 500 instead of a refusal.
TEST(AttachmentType, RefusesAShortFileThatStartsLikeAZip) {
  for (std::size_t size = 4; size < 80; ++size) {
    const std::string bytes = "PK\x03\x04" + std::string(size - 4, '\0');
    for (const char* name : {"du-thao.odt", "to-trinh.docx", "bang.xlsx"}) {
      auto refused = attachment_media_type(bytes, name);
      ASSERT_FALSE(refused) << size << " " << name;
      EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
      EXPECT_EQ(refused.error().field, "file");
      EXPECT_NE(refused.error().message.find("không phải là tệp"), std::string::npos) << refused.error().message;
    }
  }
  const std::string odt = "PK\x03\x04"s + std::string(26, '\0') + "mimetypeapplication/vnd.oasis.opendocument.text";
  EXPECT_EQ(*attachment_media_type(odt, "du-thao.odt"), "application/vnd.oasis.opendocument.text");
  EXPECT_FALSE(attachment_media_type(odt.substr(0, odt.size() - 1), "du-thao.odt"));
}

// Found by fuzz/attachment (fuzz/regressions/attachment): what follows the last dot was kept whole
// as the "extension", so a long name with an early dot stayed longer than 150 characters.
TEST(AttachmentName, CutsALongNameWhoseLastDotIsFarFromTheEnd) {
  const auto cut = *sanitize_file_name("Báo cáo. " + std::string(300, 'x'));
  EXPECT_EQ(text::length(cut), 150U);
  EXPECT_TRUE(cut.starts_with("Báo cáo. ")) << cut;
  const auto kept = *sanitize_file_name(std::string(200, 'a') + ".docx");
  EXPECT_EQ(kept, std::string(145, 'a') + ".docx");
}

}  // namespace
}  // namespace tdkt::domain
