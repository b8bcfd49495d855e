// Files attached to documents of the register, through the API on both backends: upload and
// download byte for byte, types decided by the content, the size limit (413), missing records,
// and who may do what.

#include <gtest/gtest.h>

#include "ingest/demo.hpp"
#include "support/test_server.hpp"

namespace tdkt::testing {
namespace {

using namespace std::string_literals;

class Attachments : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    auto demo = ingest::load_demo(db_->context().demo_services());
    ASSERT_TRUE(demo) << demo.error().message;
    server_ = std::make_unique<TestServer>(*db_);
    ASSERT_EQ(server_->login("canbo", "demo1234").status, 200);
    auto found = server_->get("/api/v1/documents?q=05%2FKH-BDT&year=2023");
    for (const auto& item : found.body["items"]) {
      if (item["number"] == "05/KH-BDT") document_ = std::to_string(item["id"].get<std::int64_t>());
    }
    ASSERT_FALSE(document_.empty());
    pdf_ = "%PDF-1.7\n"s;
    for (int i = 0; i < 70000; ++i)
      pdf_ += static_cast<char>((i * 7) % 256);
    pdf_ += "\n%%EOF\n";
  }

  JsonResponse upload(const std::string& name, const std::string& bytes,
                      const std::string& type = "application/octet-stream") {
    return server_->post(
        "/api/v1/documents/" + document_ + "/attachments?file_name=" + httplib::detail::encode_query_param(name), bytes,
        type);
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<TestServer> server_;
  std::string document_;
  std::string pdf_;
};

TEST_P(Attachments, AnUploadedFileComesBackByteForByte) {
  auto uploaded = upload("Kế hoạch 05-KH-BDT: bản ký.pdf", pdf_, "application/pdf");
  ASSERT_EQ(uploaded.status, 201) << uploaded.body.dump();
  EXPECT_EQ(uploaded.body["file_name"], "Kế hoạch 05-KH-BDT_ bản ký.pdf");
  EXPECT_EQ(uploaded.body["media_type"], "application/pdf");
  EXPECT_EQ(uploaded.body["size_bytes"], pdf_.size());
  EXPECT_EQ(uploaded.body["uploaded_by"], "canbo");
  const auto id = std::to_string(uploaded.body["id"].get<std::int64_t>());

  auto list = server_->get("/api/v1/documents/" + document_ + "/attachments");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["items"].size(), 1U);
  EXPECT_EQ(list.body["items"][0]["sha256"], uploaded.body["sha256"]);

  auto file = server_->get_raw("/api/v1/attachments/" + id);
  ASSERT_EQ(file.status, 200);
  EXPECT_TRUE(file.body == pdf_) << "the downloaded file differs from the uploaded one";
  EXPECT_EQ(file.header("Content-Type"), "application/pdf");
  const auto disposition = file.header("Content-Disposition");
  EXPECT_EQ(disposition.rfind("attachment; ", 0), 0U) << disposition;
  // The ASCII fallback, then the UTF-8 name (cpp-httplib's client decodes the percent-encoding).
  EXPECT_NE(disposition.find("filename=\"K___ ho___ch 05-KH-BDT_ b___n k__.pdf\""), std::string::npos) << disposition;
  const auto utf8 = disposition.find("filename*=UTF-8''");
  ASSERT_NE(utf8, std::string::npos) << disposition;
  const auto name = disposition.substr(utf8 + 17);
  EXPECT_TRUE(name == "Kế hoạch 05-KH-BDT_ bản ký.pdf" || name.rfind("K%E1%BA%BF", 0) == 0) << disposition;
  EXPECT_EQ(file.header("X-Content-Type-Options"), "nosniff");

  // A PNG next to it; both listed, oldest first.
  auto png = upload("ảnh chụp.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s, "image/png");
  ASSERT_EQ(png.status, 201) << png.body.dump();
  EXPECT_EQ(server_->get("/api/v1/documents/" + document_ + "/attachments").body["items"].size(), 2U);

  EXPECT_EQ(server_->del("/api/v1/attachments/" + id).status, 204);
  EXPECT_EQ(server_->get_raw("/api/v1/attachments/" + id).status, 404);
  EXPECT_EQ(server_->del("/api/v1/attachments/" + id).status, 404);
}

TEST_P(Attachments, TheContentDecidesTheTypeNotTheName) {
  const auto before = db_->fingerprint();
  auto disguised = upload("quyet-dinh.pdf", "MZ\x90\0\x03\0\0\0\x04\0"s);
  EXPECT_EQ(disguised.status, 400);
  EXPECT_EQ(disguised.body["error"]["field"], "file");
  EXPECT_NE(disguised.body["error"]["message"].get<std::string>().find("không phải là tệp PDF"), std::string::npos);
  auto script = upload("chay.sh", "#!/bin/sh\necho\n");
  EXPECT_EQ(script.status, 400);
  EXPECT_EQ(script.body["error"]["field"], "file_name");
  auto nameless = server_->post("/api/v1/documents/" + document_ + "/attachments", pdf_, "application/pdf");
  EXPECT_EQ(nameless.status, 400);
  EXPECT_EQ(nameless.body["error"]["field"], "file_name");
  EXPECT_EQ(db_->fingerprint(), before);
}

TEST_P(Attachments, AFileAboveTenMebibytesIsRefused) {
  const auto before = db_->fingerprint();
  const std::string huge = "%PDF-1.7\n" + std::string((std::size_t{10} << 20), 'x');
  auto refused = upload("lon.pdf", huge, "application/pdf");
  EXPECT_EQ(refused.status, 413);
  EXPECT_EQ(refused.body["error"]["code"], "too_large");
  EXPECT_EQ(db_->fingerprint(), before);
}

TEST_P(Attachments, MissingRecordsAreNotFound) {
  EXPECT_EQ(server_->get("/api/v1/documents/999999/attachments").status, 404);
  EXPECT_EQ(upload("a.pdf", pdf_).status, 201);
  EXPECT_EQ(server_->post("/api/v1/documents/999999/attachments?file_name=a.pdf", pdf_, "application/pdf").status, 404);
  EXPECT_EQ(server_->get_raw("/api/v1/attachments/999999").status, 404);
  EXPECT_EQ(server_->get("/api/v1/attachments/abc").status, 400);
}

TEST_P(Attachments, ReadersDownloadOnlyManagersUploadAndDelete) {
  auto uploaded = upload("bao-cao.pdf", pdf_);
  ASSERT_EQ(uploaded.status, 201);
  const auto id = std::to_string(uploaded.body["id"].get<std::int64_t>());
  // Signing in writes sessions, so the rows of attachments and of the audit trail are counted.
  const auto files = db_->count("document_attachment");
  const auto audit = db_->count("audit_log");
  for (const char* role : {"hoidong", "truongphong", "nhanvien", "xem"}) {
    ASSERT_EQ(server_->login(role, "demo1234").status, 200) << role;
    EXPECT_EQ(server_->get("/api/v1/documents/" + document_ + "/attachments").status, 200) << role;
    auto file = server_->get_raw("/api/v1/attachments/" + id);
    EXPECT_EQ(file.status, 200) << role;
    EXPECT_TRUE(file.body == pdf_) << role;
    EXPECT_EQ(upload("x.pdf", pdf_).status, 403) << role;
    EXPECT_EQ(server_->del("/api/v1/attachments/" + id).status, 403) << role;
  }
  EXPECT_EQ(db_->count("document_attachment"), files);
  EXPECT_EQ(db_->count("audit_log"), audit);
  server_->forget_session();
  EXPECT_EQ(server_->get("/api/v1/documents/" + document_ + "/attachments").status, 401);
  EXPECT_EQ(server_->get_raw("/api/v1/attachments/" + id).status, 401);
  ASSERT_EQ(server_->login("admin", "demo1234").status, 200);
  EXPECT_EQ(server_->del("/api/v1/attachments/" + id).status, 204);
}

INSTANTIATE_TEST_SUITE_P(Backends, Attachments, ::testing::ValuesIn(kBackends),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace tdkt::testing
