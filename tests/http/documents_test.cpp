// The document register through the API on both backends: registering, the numbering of the
// agency's own documents (next number, never reused, never skipped silently), citations, and
// the plan of seed 000 drafted from the demo data as DOCX in the Decree 30 layout and as PDF.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>

#include "documents/package.hpp"
#include "ingest/demo.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

class Documents : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto& context = db_->context();
    auto demo = ingest::load_demo(context.demo_services());
    ASSERT_TRUE(demo) << demo.error().message;
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("canbo", "demo1234").status, 200);
  }

  std::int64_t plan_id() {
    auto found = server_->get("/api/v1/documents?q=05%2FKH-BDT&year=2023");
    EXPECT_EQ(found.status, 200);
    for (const auto& item : found.body["items"]) {
      if (item["number"] == "05/KH-BDT") return item["id"].get<std::int64_t>();
    }
    ADD_FAILURE() << found.body.dump();
    return 0;
  }

  JsonResponse register_plan(const std::string& extra) {
    return server_->post(
        "/api/v1/documents",
        R"({"type":"plan","own":true,"issued_on":"2026-03-02","issuer":"Sở Dân tộc và Tôn giáo tỉnh Đồng Nai",)"
        R"("issuer_parent":"UBND tỉnh Đồng Nai","place":"Đồng Nai","summary":"Phát động thi đua năm 2026",)"
        R"("body":[{"kind":"paragraph","text":"Nội dung."}])" +
            extra + "}");
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(Documents, TheRegisterListsTheDemoDocumentsWithTheirCitations) {
  auto plan = server_->get("/api/v1/documents/" + std::to_string(plan_id()));
  ASSERT_EQ(plan.status, 200) << plan.body.dump();
  EXPECT_EQ(plan.body["summary"],
            "Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc năm 2023");
  EXPECT_EQ(plan.body["issued_on"], "2023-02-03");
  std::set<std::string> cited;
  for (const auto& item : plan.body["cited_documents"])
    cited.insert(item["number"].get<std::string>());
  EXPECT_TRUE(cited.contains("01/CT-UBND"));
  EXPECT_TRUE(cited.contains("34-CT/TW"));
  EXPECT_TRUE(cited.contains("01/2021/TT-UBDT"));
  // Accent-free search over number, issuer and summary.
  auto search = server_->get("/api/v1/documents?q=thi%20dua%20khen%20thuong");
  ASSERT_EQ(search.status, 200);
  EXPECT_GE(search.body["items"].size(), 2U);
}

TEST_P(Documents, OwnDocumentsAreNumberedInSequenceWithoutReuseOrSilentGaps) {
  auto next = server_->get("/api/v1/document-numbers/next?symbol=KH-SDTTG&year=2026");
  ASSERT_EQ(next.status, 200) << next.body.dump();
  EXPECT_EQ(next.body["text"], "01/KH-SDTTG");
  auto first = register_plan(R"(,"assign_number":true,"symbol":"KH-SDTTG")");
  ASSERT_EQ(first.status, 201) << first.body.dump();
  EXPECT_EQ(first.body["number"], "01/KH-SDTTG");
  auto second = register_plan(R"(,"assign_number":true,"symbol":"KH-SDTTG")");
  ASSERT_EQ(second.status, 201) << second.body.dump();
  EXPECT_EQ(second.body["number"], "02/KH-SDTTG");

  const auto before = db_->fingerprint();
  auto reused = register_plan(R"(,"number":"02/KH-SDTTG")");
  EXPECT_EQ(reused.status, 409) << reused.body.dump();
  EXPECT_EQ(reused.body["error"]["field"], "number");
  auto skipped = register_plan(R"(,"number":"05/KH-SDTTG")");
  EXPECT_EQ(skipped.status, 400) << skipped.body.dump();
  EXPECT_NE(skipped.body["error"]["message"].get<std::string>().find("là 3"), std::string::npos);
  auto malformed = register_plan(R"(,"number":"KH-SDTTG")");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.body["error"]["field"], "number");
  auto unknown_citation = register_plan(R"(,"assign_number":true,"symbol":"KH-SDTTG","cites":[999999])");
  EXPECT_EQ(unknown_citation.status, 400);
  EXPECT_EQ(unknown_citation.body["error"]["field"], "cites");
  auto bad_block =
      register_plan(R"(,"assign_number":true,"symbol":"KH-SDTTG","preamble":[{"kind":"table","text":"x"}])");
  EXPECT_EQ(bad_block.status, 400);
  EXPECT_EQ(bad_block.body["error"]["field"], "preamble[0].kind");
  EXPECT_EQ(db_->fingerprint(), before);

  // A gap with its reason is accepted, and the sequence continues after it.
  auto gap = register_plan(R"(,"number":"05/KH-SDTTG","gap_reason":"Các số 03, 04 cấp trên sổ giấy")");
  EXPECT_EQ(gap.status, 201) << gap.body.dump();
  auto after = server_->get("/api/v1/document-numbers/next?symbol=KH-SDTTG&year=2026");
  EXPECT_EQ(after.body["number"], 6);
}

TEST_P(Documents, OnlyThoseWhoManageDocumentsRegisterThem) {
  ASSERT_EQ(server_->login("hoidong", "demo1234").status, 200);
  auto refused = register_plan(R"(,"assign_number":true,"symbol":"KH-SDTTG")");
  EXPECT_EQ(refused.status, 403) << refused.body.dump();
  EXPECT_EQ(server_->get("/api/v1/documents").status, 200);
}

// The plan of seed 000, drafted from the demo data: read the DOCX back and check the layout
// Decree 30/2020/NĐ-CP asks for.
TEST_P(Documents, ThePlanOfSeed000ComesOutAsADocxInTheDecree30Layout) {
  auto response = server_->client().Get("/api/v1/documents/" + std::to_string(plan_id()) + "/docx");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  EXPECT_EQ(response->get_header_value("Content-Type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_NE(response->get_header_value("Content-Disposition").find("plan-05-KH-BDT-2023.docx"), std::string::npos);
  auto package = documents::read_package(response->body);
  ASSERT_TRUE(package) << package.error().message;
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(package->at("word/document.xml").c_str()));
  const auto section = document.select_node("//w:sectPr").node();
  ASSERT_TRUE(section);
  EXPECT_STREQ(section.child("w:pgSz").attribute("w:w").value(), "11906");  // A4: 210 mm
  EXPECT_STREQ(section.child("w:pgSz").attribute("w:h").value(), "16838");  // 297 mm
  const auto margin = section.child("w:pgMar");
  const auto mm = [](const pugi::xml_attribute& twips) { return twips.as_double() * 25.4 / 1440.0; };
  EXPECT_GE(mm(margin.attribute("w:top")), 19.9);
  EXPECT_LE(mm(margin.attribute("w:top")), 25.1);
  EXPECT_GE(mm(margin.attribute("w:left")), 29.9);
  EXPECT_LE(mm(margin.attribute("w:left")), 35.1);
  EXPECT_GE(mm(margin.attribute("w:right")), 14.9);
  EXPECT_LE(mm(margin.attribute("w:right")), 20.1);

  std::vector<std::string> paragraphs;
  for (const auto& node : document.select_nodes("//w:p")) {
    std::string text;
    for (const auto& run : node.node().select_nodes(".//w:t"))
      text += run.node().text().get();
    paragraphs.push_back(text);
  }
  const auto has = [&](const std::string& wanted) {
    return std::find(paragraphs.begin(), paragraphs.end(), wanted) != paragraphs.end();
  };
  EXPECT_TRUE(has("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  EXPECT_TRUE(has("Độc lập - Tự do - Hạnh phúc"));
  EXPECT_TRUE(has("UBND TỈNH BÌNH PHƯỚC"));
  EXPECT_TRUE(has("BAN DÂN TỘC"));
  EXPECT_TRUE(has("Số: 05/KH-BDT"));
  EXPECT_TRUE(has("Bình Phước, ngày 03 tháng 02 năm 2023"));
  EXPECT_TRUE(has("KẾ HOẠCH"));
  EXPECT_TRUE(has("Nơi nhận:"));
  EXPECT_TRUE(has("- Ban TĐKT tỉnh;"));
  EXPECT_TRUE(has("- Lưu: VT, TĐKT."));
  EXPECT_TRUE(has("I. MỤC ĐÍCH, YÊU CẦU"));

  // Body text in Times New Roman (Liberation Serif on Linux) at 14 pt, from the template's styles.
  pugi::xml_document styles;
  ASSERT_TRUE(styles.load_string(package->at("word/styles.xml").c_str()));
  const auto defaults = styles.select_node("//w:docDefaults//w:rPr").node();
  EXPECT_STREQ(defaults.child("w:rFonts").attribute("w:ascii").value(), "Times New Roman");
  const auto size = defaults.child("w:sz").attribute("w:val").as_int();
  EXPECT_TRUE(size == 26 || size == 28) << size;
}

TEST_P(Documents, ThePlanOfSeed000ComesOutAsAPdfWithItsVietnameseText) {
  auto response = server_->client().Get("/api/v1/documents/" + std::to_string(plan_id()) + "/pdf");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  EXPECT_EQ(response->get_header_value("Content-Type"), "application/pdf");
  const auto folder = std::filesystem::temp_directory_path() / ("tdkt-pdf-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  const auto pdf = folder / "plan.pdf";
  std::ofstream(pdf, std::ios::binary) << response->body;
  const auto text_file = folder / "plan.txt";
  const auto command = "pdftotext -enc UTF-8 " + pdf.string() + " " + text_file.string();
  ASSERT_EQ(std::system(command.c_str()), 0) << "pdftotext is missing (scripts/install-deps.sh installs poppler-utils)";
  std::ifstream in(text_file);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove_all(folder);
  for (const char* wanted : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 05/KH-BDT",
                             "Bình Phước, ngày 03 tháng 02 năm 2023", "KẾ HOẠCH", "MỤC ĐÍCH, YÊU CẦU", "Nơi nhận:"}) {
    EXPECT_NE(text.find(wanted), std::string::npos) << wanted;
  }
}

TEST_P(Documents, ADocumentNotDraftedInTdktHasNoDocx) {
  auto list = server_->get("/api/v1/documents?type=law");
  ASSERT_EQ(list.status, 200);
  ASSERT_FALSE(list.body["items"].empty());
  const auto id = std::to_string(list.body["items"][0]["id"].get<std::int64_t>());
  auto refused = server_->get("/api/v1/documents/" + id + "/docx");
  EXPECT_EQ(refused.status, 409) << refused.body.dump();
  EXPECT_EQ(server_->get("/api/v1/documents/999999").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, Documents, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
