// Official documents: the plan of seed 000 (Kế hoạch số 05/KH-BDT ngày 03/02/2023 của Ban Dân tộc
// tỉnh Bình Phước) rendered into the Decree 30 template, read back from the DOCX and checked
// against the decree's layout; the template filler's edge cases; the PDF through LibreOffice,
// read back with poppler. The PDF tests need soffice, pdftotext and pdffonts and fail without.
//
// TDKT_DOCUMENTS_SAMPLE_DIR=/some/dir also writes the rendered plan there (ke-hoach-05.docx, .pdf).

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <pugixml.hpp>
#include <sstream>
#include <thread>

#include "core/text.hpp"
#include "documents/docx.hpp"
#include "documents/package.hpp"
#include "documents/pdf.hpp"
#include "support/hostile_files.hpp"

namespace tdkt::documents {
namespace {

namespace fs = std::filesystem;
using Kind = Block::Kind;

constexpr double kTwipsPerMm = 1440.0 / 25.4;

// ---- The document --------------------------------------------------------------------------

// The plan of seed 000 with its diacritics restored, shortened. The seed's signature is cut off
// by the scan: the signer's name is the demo's invented head of the Ban Dân tộc.
OfficialDocument seed_plan() {
  OfficialDocument plan;
  plan.issuer_parent = "UBND TỈNH BÌNH PHƯỚC";
  plan.issuer = "BAN DÂN TỘC";
  plan.number = "05/KH-BDT";
  plan.place = "Bình Phước";
  plan.date = *CivilDate::from_ymd(2023, 2, 3);
  plan.kind_name = "KẾ HOẠCH";
  plan.summary = "Phát động phong trào thi đua thực hiện thắng lợi\nnhiệm vụ công tác dân tộc năm 2023";
  plan.preamble = {
      {Kind::kParagraph,
       "Căn cứ Chỉ thị số 01/CT-UBND ngày 09/01/2023 của UBND tỉnh về việc phát động phong trào thi đua thực "
       "hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, quốc phòng, an ninh năm 2023;"},
  };
  plan.body = {
      {Kind::kParagraph,
       "Nhằm triển khai thực hiện hoàn thành tốt kế hoạch công tác năm 2023 của Ban Dân tộc theo Kế hoạch số "
       "03/KH-BDT ngày 02/02/2022, Ban Dân tộc xây dựng kế hoạch phát động phong trào thi đua thực hiện thắng lợi "
       "nhiệm vụ công tác dân tộc năm 2023 như sau:"},
      {Kind::kHeading1, "I. MỤC ĐÍCH, YÊU CẦU"},
      {Kind::kHeading2, "1. Mục đích"},
      {Kind::kParagraph,
       "Nhằm phát huy tinh thần trách nhiệm của mỗi công chức, người lao động trong thi đua thực hiện thắng lợi "
       "nhiệm vụ công tác dân tộc năm 2023 theo Kế hoạch số 03/KH-BDT ngày 02/02/2022 của Ban Dân tộc; trong đó, "
       "tập trung triển khai thực hiện hoàn thành tốt các nhiệm vụ, mục tiêu Chương trình mục tiêu quốc gia phát "
       "triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi năm 2023, Chương trình giảm 1.000 hộ "
       "nghèo dân tộc thiểu số năm 2023, Mô hình Làng Thanh niên dân tộc thiểu số tỉnh Bình Phước, phát huy tốt "
       "vai trò của già làng tiêu biểu, người có uy tín trong đồng bào dân tộc thiểu số; qua đó, góp phần thực "
       "hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, quốc phòng, an ninh tỉnh Bình Phước năm 2023."},
      {Kind::kBullet,
       "Triển khai, thực hiện các nội dung công tác dân tộc trên địa bàn tỉnh một cách đồng bộ, thống nhất phù "
       "hợp với tình hình thực tế của ngành dân tộc trong thời kỳ mới, đáp ứng yêu cầu phát triển toàn diện và bền "
       "vững vùng đồng bào dân tộc thiểu số."},
      {Kind::kHeading2, "2. Yêu cầu"},
      {Kind::kBullet,
       "Phong trào thi đua được triển khai sâu rộng trong toàn ngành Dân tộc tỉnh Bình Phước, dưới nhiều hình "
       "thức, nội dung phong phú, thiết thực, phù hợp với điều kiện thực tế của từng đơn vị, gắn với việc triển "
       "khai thực hiện nhiệm vụ chuyên môn."},
      {Kind::kBullet,
       "Kịp thời phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến, những sáng kiến, kinh nghiệm hay, mô "
       "hình, cách làm sáng tạo trong thực hiện phong trào thi đua."},
      {Kind::kBullet,
       "Việc tổ chức triển khai thực hiện nghiêm túc, hiệu quả, không phô trương, hình thức. Thông qua việc tổ "
       "chức các phong trào thi đua, phát huy và khuyến khích tính sáng tạo của các tổ chức, cá nhân đề xuất "
       "những giải pháp khắc phục khó khăn để đẩy nhanh tiến độ, thực hiện hoàn thành tốt mục tiêu nhiệm vụ đề ra."},
      {Kind::kHeading1, "II. CHỦ ĐỀ, NỘI DUNG PHONG TRÀO THI ĐUA"},
      {Kind::kHeading2, "1. Chủ đề"},
      {Kind::kParagraph,
       "Cán bộ ngành Dân tộc “Đoàn kết kỷ cương, thực hiện thắng lợi nhiệm vụ công tác dân tộc năm 2023”."},
      {Kind::kHeading2, "2. Nội dung phong trào thi đua"},
      {Kind::kHeading3, "a) Tuyên truyền"},
      {Kind::kParagraph,
       "Tiếp tục tuyên truyền, quán triệt sâu sắc tư tưởng Thi đua ái quốc của Chủ tịch Hồ Chí Minh; Chỉ thị số "
       "34-CT/TW ngày 07/4/2014 của Bộ Chính trị (khóa XI) về tiếp tục đổi mới công tác thi đua, khen thưởng; "
       "phát huy vai trò lãnh đạo, chỉ đạo của cấp ủy, chính quyền các cấp gắn với thực hiện có hiệu quả việc "
       "“Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”."},
      {Kind::kHeading3, "b) Khen thưởng"},
      {Kind::kParagraph,
       "Tiếp tục đổi mới công tác khen thưởng bảo đảm kịp thời, công khai, minh bạch, có tác dụng giáo dục, nêu "
       "gương; quan tâm phát hiện, lựa chọn các tập thể, cá nhân có thành tích xuất sắc để khen thưởng và đề nghị "
       "khen thưởng bảo đảm đúng đối tượng, đánh giá đúng thành tích, trong đó chú trọng khen thưởng người dân "
       "tộc thiểu số tiêu biểu, người lao động trực tiếp có nhiều sáng tạo trong công tác dân tộc."},
      {Kind::kHeading1, "III. TỔ CHỨC THỰC HIỆN"},
      {Kind::kHeading2, "1. Ban Dân tộc"},
      {Kind::kBullet,
       "Tham mưu triển khai thực hiện kế hoạch tổ chức thực hiện công tác dân tộc năm 2023 một cách phù hợp và "
       "hiệu quả."},
      {Kind::kBullet,
       "Theo dõi, hướng dẫn, đôn đốc, thanh tra, kiểm tra và thực hiện sơ kết đánh giá kết quả thực hiện Kế hoạch "
       "định kỳ hằng tháng, quý báo cáo UBND tỉnh."},
      {Kind::kHeading2, "2. Cơ quan công tác dân tộc cấp huyện"},
      {Kind::kBullet,
       "Xây dựng kế hoạch triển khai, tổ chức thực hiện công tác dân tộc năm 2023 phù hợp với tình hình thực tế "
       "của từng địa phương; chịu trách nhiệm trực tiếp và toàn diện trong việc thực hiện các chương trình, dự án "
       "phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số, miền núi, biên giới."},
      {Kind::kParagraph,
       "Trên đây là Kế hoạch phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc năm 2023 "
       "của Ban Dân tộc./."},
  };
  plan.signer_authority = "TRƯỞNG BAN";
  plan.signer_name = "Nguyễn Văn Khang";
  plan.recipients = {"Ban TĐKT tỉnh;",           "TV Khối thi đua 6;", "Cơ quan CTDT cấp huyện;", "LĐ ban, các phòng;",
                     "Công chức, lao động BDT;", "Website BDT;",       "Lưu: VT, TĐKT."};
  return plan;
}

// ---- Reading the DOCX back -----------------------------------------------------------------

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  const auto parsed = doc.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  EXPECT_TRUE(parsed) << parsed.description();
  return doc;
}

std::vector<pugi::xml_node> descendants(pugi::xml_node node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (const auto child : node.children()) {
    if (name == child.name()) out.push_back(child);
    for (const auto below : descendants(child, name))
      out.push_back(below);
  }
  return out;
}

// A paragraph's text: its w:t, with w:br as '\n' and w:tab as '\t'.
std::string text_of(pugi::xml_node paragraph) {
  std::string text;
  for (const auto run : descendants(paragraph, "w:r")) {
    for (const auto child : run.children()) {
      const std::string_view name = child.name();
      if (name == "w:t") text += child.text().get();
      if (name == "w:br") text += '\n';
      if (name == "w:tab") text += '\t';
    }
  }
  return text;
}

std::string style_of(pugi::xml_node paragraph) {
  return paragraph.child("w:pPr").child("w:pStyle").attribute("w:val").value();
}

bool on(pugi::xml_node toggle) {
  if (!toggle) return false;
  const std::string_view value = toggle.attribute("w:val").value();
  return value.empty() || (value != "0" && value != "false");
}

// How a paragraph's first run looks: document defaults, then the paragraph style and its bases,
// then the run's own properties, as Word resolves them.
struct Look {
  std::string font;
  int half_points = 0;
  bool bold = false;
  bool italic = false;
};

void apply(Look& look, pugi::xml_node rpr) {
  if (const auto fonts = rpr.child("w:rFonts"); fonts.attribute("w:ascii"))
    look.font = fonts.attribute("w:ascii").value();
  if (const auto size = rpr.child("w:sz")) look.half_points = size.attribute("w:val").as_int();
  if (const auto bold = rpr.child("w:b")) look.bold = on(bold);
  if (const auto italic = rpr.child("w:i")) look.italic = on(italic);
}

pugi::xml_node style_node(const pugi::xml_document& styles, std::string_view id) {
  for (const auto style : styles.document_element().children("w:style")) {
    if (id == style.attribute("w:styleId").value()) return style;
  }
  return {};
}

Look look_of(const pugi::xml_document& styles, pugi::xml_node paragraph) {
  Look look;
  apply(look, styles.document_element().child("w:docDefaults").child("w:rPrDefault").child("w:rPr"));
  std::vector<pugi::xml_node> chain;
  for (auto style = style_node(styles, style_of(paragraph)); style;
       style = style_node(styles, style.child("w:basedOn").attribute("w:val").value()))
    chain.insert(chain.begin(), style);
  for (const auto style : chain)
    apply(look, style.child("w:rPr"));
  if (const auto runs = descendants(paragraph, "w:r"); !runs.empty()) apply(look, runs.front().child("w:rPr"));
  return look;
}

struct Docx {
  Package parts;
  pugi::xml_document document;
  pugi::xml_document styles;

  pugi::xml_node body() const { return document.document_element().child("w:body"); }
  std::vector<pugi::xml_node> paragraphs() const { return descendants(document, "w:p"); }
  // The first paragraph with exactly this text; an empty node (and a failure) when none.
  pugi::xml_node paragraph(std::string_view text) const {
    for (const auto p : paragraphs()) {
      if (text_of(p) == text) return p;
    }
    ADD_FAILURE() << "no paragraph \"" << text << "\"";
    return {};
  }
  Look look(pugi::xml_node paragraph) const { return look_of(styles, paragraph); }
};

Docx open(const std::string& bytes) {
  Docx docx;
  auto parts = read_package(bytes);
  EXPECT_TRUE(parts) << (parts ? "" : parts.error().message);
  if (!parts) return docx;
  docx.parts = std::move(parts).value();
  docx.document = parse(docx.parts["word/document.xml"]);
  if (docx.parts.contains("word/styles.xml")) docx.styles = parse(docx.parts["word/styles.xml"]);
  return docx;
}

Docx rendered(const OfficialDocument& document) {
  auto bytes = render_docx(document);
  EXPECT_TRUE(bytes) << (bytes ? "" : bytes.error().message);
  return bytes ? open(*bytes) : Docx{};
}

// ---- Files and programs --------------------------------------------------------------------

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "tdkt-docs-test-XXXXXX").string();
    EXPECT_NE(mkdtemp(pattern.data()), nullptr);
    path_ = pattern;
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  fs::path file(const std::string& name, std::string_view bytes) const {
    std::ofstream(path_ / name, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path_ / name;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct Output {
  int status = -1;
  std::string text;
};

// Runs a command line of the test (paths are mkdtemp's, no quoting needed) and reads its stdout.
Output run(const std::string& command) {
  Output out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
    out.text.append(buffer.data(), n);
  out.status = pclose(pipe);
  return out;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\f\r");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\f\r") - first + 1);
}

std::string first_line(const std::string& text) {
  for (const auto& line : lines(text)) {
    if (!trimmed(line).empty()) return trimmed(line);
  }
  return {};
}

// A minimal template written by hand, as Word leaves it: `document_body` goes into w:body.
Package hand_template(const std::string& document_body) {
  const std::string declaration = R"(<?xml version="1.0" encoding="UTF-8"?>)";
  const std::string schemas = "http://schemas.openxmlformats.org/";
  Package parts;
  parts["[Content_Types].xml"] =
      declaration + R"(<Types xmlns=")" + schemas + R"(package/2006/content-types">)" +
      R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)" +
      R"(<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" )" +
      R"(ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";
  parts["_rels/.rels"] = declaration + R"(<Relationships xmlns=")" + schemas + R"(package/2006/relationships">)" +
                         R"(<Relationship Id="rId1" Type=")" + schemas +
                         R"(officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)" +
                         "</Relationships>";
  parts["word/document.xml"] = declaration + R"(<w:document xmlns:w=")" + schemas +
                               R"(wordprocessingml/2006/main"><w:body>)" + document_body +
                               "<w:sectPr/></w:body></w:document>";
  return parts;
}

// ---- Dates ---------------------------------------------------------------------------------

TEST(OfficialDate, PadsDaysBelowTenAndOnlyJanuaryAndFebruary) {
  EXPECT_EQ(official_date(*CivilDate::from_ymd(2023, 2, 3)), "ngày 03 tháng 02 năm 2023");
  EXPECT_EQ(official_date(*CivilDate::from_ymd(2023, 1, 9)), "ngày 09 tháng 01 năm 2023");
  EXPECT_EQ(official_date(*CivilDate::from_ymd(2014, 4, 7)), "ngày 07 tháng 4 năm 2014");
  EXPECT_EQ(official_date(*CivilDate::from_ymd(2022, 7, 22)), "ngày 22 tháng 7 năm 2022");
  EXPECT_EQ(official_date(*CivilDate::from_ymd(2021, 11, 1)), "ngày 01 tháng 11 năm 2021");
  EXPECT_EQ(official_date(*CivilDate::from_ymd(2021, 12, 10)), "ngày 10 tháng 12 năm 2021");
  EXPECT_EQ(place_and_date("Bình Phước", *CivilDate::from_ymd(2023, 2, 3)), "Bình Phước, ngày 03 tháng 02 năm 2023");
}

// ---- The plan of seed 000 in the Decree 30 template ----------------------------------------

TEST(Decree30Docx, PageIsA4WithMarginsInTheDecreesRanges) {
  const auto docx = rendered(seed_plan());
  const auto section = docx.body().child("w:sectPr");
  ASSERT_TRUE(section);
  EXPECT_EQ(section.child("w:pgSz").attribute("w:w").as_int(), 11906);
  EXPECT_EQ(section.child("w:pgSz").attribute("w:h").as_int(), 16838);
  const auto margin = section.child("w:pgMar");
  const auto mm = [&](const char* side) { return margin.attribute(side).as_double() / kTwipsPerMm; };
  // Ranges of Phụ lục I, with half a millimetre for the rounding to whole twips.
  EXPECT_GE(mm("w:top"), 19.5);
  EXPECT_LE(mm("w:top"), 25.5);
  EXPECT_GE(mm("w:bottom"), 19.5);
  EXPECT_LE(mm("w:bottom"), 25.5);
  EXPECT_GE(mm("w:left"), 29.5);
  EXPECT_LE(mm("w:left"), 35.5);
  EXPECT_GE(mm("w:right"), 14.5);
  EXPECT_LE(mm("w:right"), 20.5);
}

TEST(Decree30Docx, BodyIsTimesNewRomanAt13Or14PointsJustifiedAndIndented) {
  const auto docx = rendered(seed_plan());
  const auto paragraph = docx.paragraph(seed_plan().body[3].text);
  ASSERT_TRUE(paragraph);
  EXPECT_EQ(style_of(paragraph), "TdktBody");
  const auto look = docx.look(paragraph);
  EXPECT_EQ(look.font, "Times New Roman");
  EXPECT_TRUE(look.half_points == 26 || look.half_points == 28) << look.half_points;
  EXPECT_FALSE(look.bold);
  EXPECT_FALSE(look.italic);

  const auto style = style_node(docx.styles, "TdktBody");
  EXPECT_STREQ(style.child("w:pPr").child("w:jc").attribute("w:val").value(), "both");
  const auto indent = style.child("w:pPr").child("w:ind").attribute("w:firstLine").as_double() / kTwipsPerMm;
  EXPECT_GE(indent, 9.9);  // 1 to 1.27 cm
  EXPECT_LE(indent, 12.8);
  const auto spacing = style.child("w:pPr").child("w:spacing");
  EXPECT_GE(spacing.attribute("w:before").as_int() + spacing.attribute("w:after").as_int(), 120);  // ≥ 6 pt
  EXPECT_STREQ(spacing.attribute("w:lineRule").value(), "auto");
  EXPECT_GE(spacing.attribute("w:line").as_int(), 240);  // single to 1.5 lines
  EXPECT_LE(spacing.attribute("w:line").as_int(), 360);
}

TEST(Decree30Docx, HeaderHasTheAgencyTheNationalTitleAndTheMottoWithRules) {
  const auto docx = rendered(seed_plan());
  const auto parent = docx.paragraph("UBND TỈNH BÌNH PHƯỚC");
  const auto issuer = docx.paragraph("BAN DÂN TỘC");
  const auto title = docx.paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  const auto motto = docx.paragraph("Độc lập - Tự do - Hạnh phúc");
  ASSERT_TRUE(parent && issuer && title && motto);

  EXPECT_FALSE(docx.look(parent).bold);
  EXPECT_TRUE(docx.look(issuer).bold);
  for (const auto agency : {parent, issuer}) {
    const auto size = docx.look(agency).half_points;
    EXPECT_TRUE(size == 24 || size == 26) << size;
  }
  EXPECT_TRUE(docx.look(title).bold);
  EXPECT_FALSE(docx.look(title).italic);
  EXPECT_TRUE(docx.look(title).half_points == 24 || docx.look(title).half_points == 26);
  EXPECT_TRUE(docx.look(motto).bold);
  EXPECT_TRUE(docx.look(motto).half_points == 26 || docx.look(motto).half_points == 28);

  // Agency left and national title right, in the same row of one table.
  EXPECT_EQ(parent.parent().parent(), title.parent().parent());
  EXPECT_EQ(std::string(parent.parent().name()), "w:tc");
  EXPECT_EQ(parent.parent().next_sibling("w:tc"), title.parent());

  // A rule (a bordered paragraph) right below the issuer and right below the motto.
  for (const auto above : {issuer, motto}) {
    const auto rule = above.next_sibling("w:p");
    ASSERT_TRUE(rule);
    EXPECT_EQ(text_of(rule), "");
    const auto border = style_node(docx.styles, style_of(rule)).child("w:pPr").child("w:pBdr").child("w:top");
    EXPECT_STREQ(border.attribute("w:val").value(), "single") << style_of(rule);
  }
}

TEST(Decree30Docx, NumberAndPlaceDateLines) {
  const auto docx = rendered(seed_plan());
  const auto number = docx.paragraph("Số: 05/KH-BDT");
  const auto date = docx.paragraph("Bình Phước, ngày 03 tháng 02 năm 2023");
  ASSERT_TRUE(number && date);
  EXPECT_EQ(docx.look(number).half_points, 26);
  EXPECT_FALSE(docx.look(number).italic);
  EXPECT_TRUE(docx.look(date).italic);
  EXPECT_FALSE(docx.look(date).bold);
  EXPECT_TRUE(docx.look(date).half_points == 26 || docx.look(date).half_points == 28);
  // The number under the agency, the date under the motto.
  EXPECT_EQ(number.parent().next_sibling("w:tc"), date.parent());
}

TEST(Decree30Docx, KindNameAndSummaryAreBoldAndCentred) {
  const auto docx = rendered(seed_plan());
  const auto kind = docx.paragraph("KẾ HOẠCH");
  const auto summary =
      docx.paragraph("Phát động phong trào thi đua thực hiện thắng lợi\nnhiệm vụ công tác dân tộc năm 2023");
  ASSERT_TRUE(kind && summary);
  EXPECT_EQ(kind.next_sibling("w:p"), summary);
  for (const auto p : {kind, summary}) {
    EXPECT_TRUE(docx.look(p).bold);
    EXPECT_TRUE(docx.look(p).half_points == 26 || docx.look(p).half_points == 28);
    EXPECT_STREQ(style_node(docx.styles, style_of(p)).child("w:pPr").child("w:jc").attribute("w:val").value(),
                 "center");
  }
  // The summary's line break is a real one, in the same run.
  EXPECT_EQ(descendants(summary, "w:br").size(), 1U);
  EXPECT_EQ(descendants(summary, "w:r").size(), 1U);
}

TEST(Decree30Docx, PreambleAndBodyComeInOrderInTheirStyles) {
  const auto plan = seed_plan();
  const auto docx = rendered(plan);
  const auto preamble = docx.paragraph(plan.preamble[0].text);
  ASSERT_TRUE(preamble);
  EXPECT_EQ(style_of(preamble), "TdktPreamble");
  EXPECT_TRUE(docx.look(preamble).italic);

  // Every block follows the one before, directly, in the style of its kind.
  auto p = preamble;
  for (const auto& block : plan.body) {
    p = p.next_sibling();
    ASSERT_STREQ(p.name(), "w:p");
    const auto expected = block.kind == Kind::kBullet ? "- " + block.text : block.text;
    EXPECT_EQ(text_of(p), expected);
  }
  EXPECT_STREQ(p.next_sibling().name(), "w:tbl");  // then the signature block

  const auto heading1 = docx.paragraph("I. MỤC ĐÍCH, YÊU CẦU");
  const auto heading2 = docx.paragraph("1. Mục đích");
  const auto heading3 = docx.paragraph("a) Tuyên truyền");
  const auto bullet = docx.paragraph("- " + plan.body[4].text);
  ASSERT_TRUE(heading1 && heading2 && heading3 && bullet);
  EXPECT_EQ(style_of(heading1), "TdktHeading1");
  EXPECT_TRUE(docx.look(heading1).bold);
  EXPECT_TRUE(docx.look(heading2).bold);
  EXPECT_TRUE(docx.look(heading3).bold && docx.look(heading3).italic);
  EXPECT_EQ(style_of(bullet), "TdktBullet");
  EXPECT_FALSE(docx.look(bullet).bold);
  EXPECT_EQ(docx.look(bullet).font, "Times New Roman");
  // No placeholder paragraph is left behind, in any part.
  for (const auto& [name, data] : docx.parts)
    EXPECT_EQ(data.find("{{"), std::string::npos) << name;
}

TEST(Decree30Docx, RecipientsFollowNoiNhanOneALine) {
  const auto docx = rendered(seed_plan());
  const auto label = docx.paragraph("Nơi nhận:");
  ASSERT_TRUE(label);
  EXPECT_TRUE(docx.look(label).bold);
  EXPECT_TRUE(docx.look(label).italic);
  EXPECT_EQ(docx.look(label).half_points, 24);

  std::vector<std::string> recipients;
  for (auto p = label.next_sibling("w:p"); p; p = p.next_sibling("w:p")) {
    recipients.push_back(text_of(p));
    EXPECT_EQ(docx.look(p).half_points, 22);
    EXPECT_FALSE(docx.look(p).bold);
  }
  EXPECT_EQ(recipients, (std::vector<std::string>{"- Ban TĐKT tỉnh;", "- TV Khối thi đua 6;",
                                                  "- Cơ quan CTDT cấp huyện;", "- LĐ ban, các phòng;",
                                                  "- Công chức, lao động BDT;", "- Website BDT;", "- Lưu: VT, TĐKT."}));
}

TEST(Decree30Docx, SignerBlockBesideTheRecipients) {
  const auto docx = rendered(seed_plan());
  const auto authority = docx.paragraph("TRƯỞNG BAN");
  const auto name = docx.paragraph("Nguyễn Văn Khang");
  ASSERT_TRUE(authority && name);
  EXPECT_TRUE(docx.look(authority).bold);
  EXPECT_TRUE(docx.look(name).bold);
  EXPECT_TRUE(docx.look(name).half_points == 26 || docx.look(name).half_points == 28);
  // No position under the authority: its line is dropped, not left blank.
  EXPECT_EQ(authority.next_sibling("w:p"), name);
  EXPECT_EQ(authority.parent().previous_sibling("w:tc"), docx.paragraph("Nơi nhận:").parent());

  auto deputy = seed_plan();
  deputy.signer_authority = "KT. TRƯỞNG BAN";
  deputy.signer_position = "PHÓ TRƯỞNG BAN";
  deputy.signer_name = "Điểu Thị Hồng";
  const auto signed_for = rendered(deputy);
  const auto kt = signed_for.paragraph("KT. TRƯỞNG BAN");
  ASSERT_TRUE(kt);
  EXPECT_EQ(text_of(kt.next_sibling("w:p")), "PHÓ TRƯỞNG BAN");
  EXPECT_TRUE(signed_for.look(kt.next_sibling("w:p")).bold);
  EXPECT_EQ(text_of(kt.next_sibling("w:p").next_sibling("w:p")), "Điểu Thị Hồng");
}

TEST(Decree30Docx, PageNumbersInAHeaderFromPageTwo) {
  const auto docx = rendered(seed_plan());
  const auto section = docx.body().child("w:sectPr");
  EXPECT_TRUE(section.child("w:titlePg"));

  const auto rels = parse(docx.parts.at("word/_rels/document.xml.rels"));
  const auto target = [&](std::string_view id) {
    for (const auto rel : rels.document_element().children("Relationship")) {
      if (id == rel.attribute("Id").value()) return "word/" + std::string(rel.attribute("Target").value());
    }
    return std::string();
  };
  std::map<std::string, std::string> headers;  // type -> part
  for (const auto ref : section.children("w:headerReference"))
    headers[ref.attribute("w:type").value()] = target(ref.attribute("r:id").value());
  ASSERT_TRUE(headers.contains("default") && headers.contains("first"));
  ASSERT_TRUE(docx.parts.contains(headers["default"]) && docx.parts.contains(headers["first"]));

  const auto has_page_field = [&](const std::string& part) {
    const auto header = parse(docx.parts.at(part));
    for (const auto instr : descendants(header, "w:instrText")) {
      if (std::string_view(instr.text().get()).find("PAGE") != std::string_view::npos) return true;
    }
    for (const auto simple : descendants(header, "w:fldSimple")) {
      if (std::string_view(simple.attribute("w:instr").value()).find("PAGE") != std::string_view::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(has_page_field(headers["default"]));
  EXPECT_FALSE(has_page_field(headers["first"]));
  const auto first = parse(docx.parts.at(headers["first"]));
  for (const auto p : descendants(first, "w:p"))
    EXPECT_EQ(text_of(p), "");

  // Centred in the top margin.
  const auto header = parse(docx.parts.at(headers["default"]));
  const auto number = descendants(header, "w:p").front();
  EXPECT_STREQ(style_node(docx.styles, style_of(number)).child("w:pPr").child("w:jc").attribute("w:val").value(),
               "center");
  const auto size = look_of(docx.styles, number).half_points;
  EXPECT_TRUE(size == 26 || size == 28) << size;
}

// ---- The template filler -------------------------------------------------------------------

TEST(Docx, EscapesXmlSpecialCharacters) {
  auto plan = seed_plan();
  plan.issuer = "A & B <C>";
  plan.body = {{Kind::kParagraph, "\"x\" < 'y' && z > 0 ]]>"}};
  auto bytes = render_docx(plan);
  ASSERT_TRUE(bytes);
  const auto docx = open(*bytes);
  EXPECT_NE(docx.parts.at("word/document.xml").find("A &amp; B &lt;C&gt;"), std::string::npos);
  EXPECT_TRUE(docx.paragraph("A & B <C>"));
  EXPECT_TRUE(docx.paragraph("\"x\" < 'y' && z > 0 ]]>"));
  EXPECT_NE(docx.parts.at("docProps/core.xml").find("<dc:creator>A &amp; B &lt;C&gt;</dc:creator>"), std::string::npos);
}

TEST(Docx, PlaceholderSplitAcrossRunsTakesTheFirstRunsFormatting) {
  // As Word saves a placeholder typed with a spell-check pause and a bold "ber".
  const auto parts =
      hand_template(R"(<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Số: {{num</w:t></w:r>)"
                    R"(<w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>ber</w:t></w:r>)"
                    R"(<w:r><w:t xml:space="preserve">}} - </w:t></w:r><w:r><w:t>{{ place }}</w:t></w:r></w:p>)"
                    R"(<w:p><w:r><w:t>{{</w:t></w:r><w:r><w:t>body}}</w:t></w:r></w:p>)"
                    R"(<w:p><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p>)");
  auto bytes = render_docx(seed_plan(), parts);
  ASSERT_TRUE(bytes) << bytes.error().message;
  const auto docx = open(*bytes);
  const auto number = docx.paragraph("Số: 05/KH-BDT - Bình Phước");
  ASSERT_TRUE(number);
  const auto runs = descendants(number, "w:r");
  ASSERT_EQ(runs.size(), 1U);
  EXPECT_TRUE(runs.front().child("w:rPr").child("w:i"));
  EXPECT_FALSE(runs.front().child("w:rPr").child("w:b"));

  const auto paragraphs = docx.paragraphs();
  ASSERT_EQ(paragraphs.size(), 1 + seed_plan().body.size() + 1);
  EXPECT_EQ(text_of(paragraphs[1]), seed_plan().body[0].text);
  EXPECT_EQ(style_of(paragraphs[1]), "TdktBody");
  EXPECT_EQ(text_of(paragraphs.back()), " ");  // a lone space survives the round trip
}

TEST(Docx, ValuesAreNotReadAsPlaceholders) {
  auto plan = seed_plan();
  plan.issuer = "{{number}}";
  const auto docx = rendered(plan);
  EXPECT_TRUE(docx.paragraph("{{number}}"));
}

TEST(Docx, EmptyOptionalValuesDropTheirLines) {
  auto plan = seed_plan();
  plan.issuer_parent.clear();
  plan.recipients.clear();
  const auto docx = rendered(plan);
  const auto issuer = docx.paragraph("BAN DÂN TỘC");
  ASSERT_TRUE(issuer);
  EXPECT_FALSE(issuer.previous_sibling("w:p"));
  // The recipients' placeholder was the last paragraph of its cell: the cell keeps "Nơi nhận:".
  const auto label = docx.paragraph("Nơi nhận:");
  ASSERT_TRUE(label);
  EXPECT_FALSE(label.next_sibling("w:p"));
}

TEST(Docx, Decree30TemplateIsCompiledInWhole) {
  // "[Content_Types].xml" and the hidden "_rels/.rels" are easy to lose in a CMake glob.
  const auto parts = builtin_template("decree30");
  ASSERT_TRUE(parts);
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
        "word/_rels/document.xml.rels", "word/header1.xml", "word/header2.xml", "docProps/core.xml"})
    EXPECT_TRUE(parts->contains(part)) << part;
}

TEST(Docx, UnknownTemplateIsNotFound) {
  const auto bytes = render_docx(seed_plan(), "decree31");
  ASSERT_FALSE(bytes);
  EXPECT_EQ(bytes.error().code, ErrorCode::kNotFound);
  EXPECT_NE(bytes.error().message.find("decree31"), std::string::npos);
  EXPECT_FALSE(render_docx(seed_plan(), "decree30/word"));
  EXPECT_FALSE(render_docx(seed_plan(), ""));
  EXPECT_EQ(builtin_template_names(), std::vector<std::string>{"decree30"});
}

TEST(Docx, TemplateMistakesAreRefused) {
  const auto unknown = render_docx(seed_plan(), hand_template("<w:p><w:r><w:t>{{numbr}}</w:t></w:r></w:p>"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(unknown.error().field, "template");
  EXPECT_NE(unknown.error().message.find("{{numbr}}"), std::string::npos);

  EXPECT_FALSE(render_docx(seed_plan(), hand_template("<w:p><w:r><w:t>Xem {{body}}</w:t></w:r></w:p>")));
  EXPECT_FALSE(render_docx(seed_plan(), hand_template("<w:p><w:r><w:t>unclosed</w:p>")));
  EXPECT_FALSE(render_docx(seed_plan(), Package{{"word/styles.xml", "<w:styles/>"}}));
}

// Issue 15: a Word part nesting 100 000 elements would overflow the stack of the recursive walks
// of the filler; the part is checked as a stream first and refused at 256 levels.
TEST(Docx, APartNested100000LevelsDeepIsRefusedBeforeItsTreeIsBuilt) {
  std::string deep;
  for (int i = 0; i < 100000; ++i)
    deep += "<w:tbl>";
  for (int i = 0; i < 100000; ++i)
    deep += "</w:tbl>";
  const auto refused = render_docx(seed_plan(), hand_template(deep));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(refused.error().field, "template");
  EXPECT_EQ(refused.error().message,
            "Mẫu văn bản không dùng được: phần \"word/document.xml\" lồng các thẻ XML sâu quá 256 cấp.");
  // An entity declaration never reaches the DOM parser.
  auto parts = hand_template("<w:p><w:r><w:t>{{number}}</w:t></w:r></w:p>");
  parts["docProps/core.xml"] = R"(<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;</x>)";
  const auto doctype = render_docx(seed_plan(), parts);
  ASSERT_FALSE(doctype);
  EXPECT_EQ(doctype.error().message, "Mẫu văn bản không dùng được: phần \"docProps/core.xml\" có khai báo DOCTYPE.");
}

// Found by fuzz/docx_template (fuzz/regressions/docx_template): a part name libzip cannot write
// (control characters, not UTF-8) made rendering an internal error instead of a refused template.
TEST(Docx, RefusesAPartNameThePackageCannotHold) {
  for (const std::string name : {"word/a\x01.xml", "word/\xFF.xml", "media/\x1F.png"}) {
    auto parts = hand_template("<w:p><w:r><w:t>{{number}}</w:t></w:r></w:p>");
    parts[name] = "<x/>";
    const auto refused = render_docx(seed_plan(), parts);
    ASSERT_FALSE(refused) << name;
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(refused.error().field, "template");
    EXPECT_NE(refused.error().message.find("tên phần"), std::string::npos) << refused.error().message;
    EXPECT_TRUE(text::valid_utf8(refused.error().message));
  }
}

// Found by fuzz/docx_template (fuzz/regressions/docx_template): the message quoted a placeholder
// name as the template held it, bytes that are not UTF-8 included. Since the parts are checked as
// streams first (ADR 0012), such bytes are refused as malformed XML
// before any placeholder is read; the message is still valid UTF-8 and names the part.
TEST(Docx, RefusesAPlaceholderThatIsNotUtf8WithAMessageInUtf8) {
  const auto bad = render_docx(seed_plan(), hand_template("<w:p><w:r><w:t>{{numb\xFFr}}</w:t></w:r></w:p>"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.error().field, "template");
  EXPECT_TRUE(text::valid_utf8(bad.error().message)) << bad.error().message;
  EXPECT_TRUE(bad.error().message.starts_with(
      "Mẫu văn bản không dùng được: phần \"word/document.xml\" không phải XML hợp lệ (vị trí"))
      << bad.error().message;
}

TEST(Docx, RefusesTextThatIsNotUtf8AndDropsControlCharacters) {
  auto plan = seed_plan();
  plan.body[2].text = "Mục \xC3\x28";
  const auto bad = render_docx(plan);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.error().field, "body[2].text");

  plan.body[2].text = std::string("Mục\x0C đích\x01") + "\xEF\xBF\xBF";
  const auto docx = rendered(plan);
  EXPECT_TRUE(docx.paragraph("Mục đích"));
}

TEST(Docx, RefusesADocumentWithoutIssuerOrPlace) {
  auto plan = seed_plan();
  plan.issuer = "  ";
  const auto no_issuer = render_docx(plan);
  ASSERT_FALSE(no_issuer);
  EXPECT_EQ(no_issuer.error().field, "issuer");
  plan = seed_plan();
  plan.place.clear();
  EXPECT_FALSE(render_docx(plan));
}

TEST(Docx, SameDocumentSameBytes) {
  const auto first = render_docx(seed_plan());
  const auto second = render_docx(seed_plan());
  ASSERT_TRUE(first && second);
  EXPECT_EQ(*first, *second);
  EXPECT_EQ(first->substr(0, 2), "PK");
}

TEST(Package, RoundTripsAndPutsContentTypesFirst) {
  const Package parts = {{"b.xml", "<b/>"}, {"[Content_Types].xml", "<Types/>"}, {"a/c.bin", std::string("\0\1", 2)}};
  auto zip = write_package(parts);
  ASSERT_TRUE(zip);
  // The first local file header names the content types.
  EXPECT_EQ(zip->substr(30, 19), "[Content_Types].xml");
  auto back = read_package(*zip);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, parts);
}

TEST(Package, RefusesWhatIsNotAZip) {
  const auto garbage = read_package("this is not a zip file at all");
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().code, ErrorCode::kInvalidInput);
  EXPECT_FALSE(read_package(""));
  auto zip = write_package({{"a.xml", std::string(1000, 'a')}});
  ASSERT_TRUE(zip);
  EXPECT_FALSE(read_package(zip->substr(0, zip->size() / 2)));
}

// An entry that inflates past the size it declares is refused, whatever the declared size lets
// through: read in chunks, never allocated from the declaration.
TEST(Package, RefusesAnEntryLargerThanItDeclares) {
  const auto lying = testing::hostile_zip(
      {{"word/document.xml", {"<w:document>", std::string(65536, 'a'), 4, "</w:document>"}, 1024}});
  const auto refused = read_package(lying);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(refused.error().message,
            "Tệp không phải là gói văn bản (zip) đọc được: mục \"word/document.xml\" có kích "
            "thước khác với kích thước khai báo.");
  const auto bomb = testing::hostile_zip(
      {{"word/document.xml", {"<w:document>", std::string(65536, 'a'), 8192, "</w:document>"}, 1024}});
  const auto too_large = read_package(bomb);
  ASSERT_FALSE(too_large);
  EXPECT_EQ(too_large.error().message, "Tệp không phải là gói văn bản (zip) đọc được: nội dung giải nén quá lớn.");
  // Honest sizes read back.
  const auto honest = read_package(testing::hostile_zip({{"a.xml", {"<a>", "b", 3, "</a>"}}}));
  ASSERT_TRUE(honest) << honest.error().message;
  EXPECT_EQ(honest->at("a.xml"), "<a>bbb</a>");
}

// ---- PDF -----------------------------------------------------------------------------------

// The plan's DOCX and PDF, converted once for the PDF tests.
struct SeedPdf {
  std::string docx;
  Result<std::string> pdf = Error{};
};

const SeedPdf& seed_pdf() {
  static const SeedPdf kConverted = [] {
    SeedPdf out;
    auto docx = render_docx(seed_plan());
    if (!docx) return out;
    out.docx = *docx;
    out.pdf = convert_to_pdf(out.docx);
    if (const char* dir = std::getenv("TDKT_DOCUMENTS_SAMPLE_DIR"); dir != nullptr && out.pdf) {
      fs::create_directories(dir);
      std::ofstream(fs::path(dir) / "ke-hoach-05.docx", std::ios::binary) << out.docx;
      std::ofstream(fs::path(dir) / "ke-hoach-05.pdf", std::ios::binary) << *out.pdf;
    }
    return out;
  }();
  return kConverted;
}

TEST(Pdf, KeepsTheVietnameseTextOfThePlan) {
  const auto& seed = seed_pdf();
  ASSERT_TRUE(seed.pdf) << seed.pdf.error().message;
  ScratchDir dir;
  const auto pdf = dir.file("plan.pdf", *seed.pdf);
  const auto text = run("pdftotext -layout -enc UTF-8 " + pdf.string() + " -");
  ASSERT_EQ(text.status, 0) << "pdftotext (poppler-utils) is needed";
  for (const char* expected :
       {"UBND TỈNH BÌNH PHƯỚC", "BAN DÂN TỘC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/KH-BDT", "Bình Phước, ngày 03 tháng 02 năm 2023", "KẾ HOẠCH",
        "Phát động phong trào thi đua thực hiện thắng lợi", "nhiệm vụ công tác dân tộc năm 2023",
        "I. MỤC ĐÍCH, YÊU CẦU", "Nơi nhận:", "- Lưu: VT, TĐKT.", "TRƯỞNG BAN", "Nguyễn Văn Khang"})
    EXPECT_NE(text.text.find(expected), std::string::npos) << expected << "\n" << text.text;
  // The national title on one line of the 10 cm column.
  bool title_line = false;
  for (const auto& line : lines(text.text))
    title_line |= line.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") != std::string::npos;
  EXPECT_TRUE(title_line);
}

TEST(Pdf, NumbersPagesFromTheSecondAtTheTop) {
  const auto& seed = seed_pdf();
  ASSERT_TRUE(seed.pdf) << seed.pdf.error().message;
  ScratchDir dir;
  const auto pdf = dir.file("plan.pdf", *seed.pdf).string();
  const auto info = run("pdfinfo " + pdf);
  ASSERT_EQ(info.status, 0);
  EXPECT_NE(info.text.find("x 841.89 pts (A4)"), std::string::npos) << info.text;
  int pages = 0;
  for (const auto& line : lines(info.text)) {
    if (line.starts_with("Pages:")) pages = std::stoi(line.substr(6));
  }
  ASSERT_GE(pages, 2) << "the plan should run over two pages";
  EXPECT_NE(first_line(run("pdftotext -layout -f 1 -l 1 " + pdf + " -").text).find("UBND TỈNH BÌNH PHƯỚC"),
            std::string::npos);
  for (int page = 2; page <= pages; ++page) {
    const auto n = std::to_string(page);
    EXPECT_EQ(first_line(run("pdftotext -layout -f " + n + " -l " + n + " " + pdf + " -").text), n);
  }
}

TEST(Pdf, EmbedsLiberationSerifOnly) {
  const auto& seed = seed_pdf();
  ASSERT_TRUE(seed.pdf) << seed.pdf.error().message;
  ScratchDir dir;
  const auto fonts = run("pdffonts " + dir.file("plan.pdf", *seed.pdf).string());
  ASSERT_EQ(fonts.status, 0) << "pdffonts (poppler-utils) is needed";
  const auto rows = lines(fonts.text);
  ASSERT_GT(rows.size(), 2U) << fonts.text;
  for (std::size_t i = 2; i < rows.size(); ++i) {  // after the heading and the dashes
    std::istringstream row(rows[i]);
    std::vector<std::string> cells{std::istream_iterator<std::string>(row), {}};
    ASSERT_GE(cells.size(), 7U) << rows[i];
    // No fallback font: every glyph, Vietnamese letters included, came from Liberation Serif.
    EXPECT_NE(cells[0].find("LiberationSerif"), std::string::npos) << rows[i];
    EXPECT_EQ(cells[cells.size() - 5], "yes") << "not embedded: " << rows[i];
  }
}

TEST(Pdf, ConvertsSeveralDocumentsInOneCall) {
  auto decision = seed_plan();
  decision.kind_name = "QUYẾT ĐỊNH";
  decision.number = "12/QĐ-BDT";
  decision.summary = "Về việc khen thưởng";
  decision.body = {{Kind::kCentered, "QUYẾT ĐỊNH:"}, {Kind::kParagraph, "Điều 1. Tặng Giấy khen."}};
  auto plan = render_docx(seed_plan());
  auto second = render_docx(decision);
  ASSERT_TRUE(plan && second);
  const std::vector<std::string> docx = {*plan, *second};
  auto pdfs = convert_all_to_pdf(docx);
  ASSERT_TRUE(pdfs) << pdfs.error().message;
  ASSERT_EQ(pdfs->size(), 2U);
  ScratchDir dir;
  EXPECT_NE(run("pdftotext " + dir.file("1.pdf", (*pdfs)[0]).string() + " -").text.find("Số: 05/KH-BDT"),
            std::string::npos);
  const auto second_text = run("pdftotext " + dir.file("2.pdf", (*pdfs)[1]).string() + " -").text;
  EXPECT_NE(second_text.find("Số: 12/QĐ-BDT"), std::string::npos) << second_text;
  EXPECT_NE(second_text.find("QUYẾT ĐỊNH:"), std::string::npos);
  EXPECT_TRUE(convert_all_to_pdf({}).ok());
}

TEST(Pdf, RefusesWhatIsNotADocx) {
  // LibreOffice would happily print it as plain text.
  const auto started = std::chrono::steady_clock::now();
  const auto garbage = convert_to_pdf("PK this is no document");
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().code, ErrorCode::kInvalidInput);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(500)) << "LibreOffice was started";
  auto zip = write_package({{"hello.txt", "hello"}});
  ASSERT_TRUE(zip);
  EXPECT_FALSE(convert_to_pdf(*zip));
}

TEST(Pdf, DamagedDocumentIsUnavailableWithAMessage) {
  auto parts = builtin_template("decree30");
  ASSERT_TRUE(parts);
  (*parts)["word/document.xml"] = "<w:document><w:body><w:p>not closed";
  auto zip = write_package(*parts);
  ASSERT_TRUE(zip);
  const auto pdf = convert_to_pdf(*zip);
  ASSERT_FALSE(pdf);
  EXPECT_EQ(pdf.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(pdf.error().message.find("LibreOffice"), std::string::npos) << pdf.error().message;
}

TEST(Pdf, MissingConverterIsUnavailable) {
  PdfOptions options;
  options.program = "/nonexistent/soffice";
  const auto docx = render_docx(seed_plan());
  ASSERT_TRUE(docx);
  const auto pdf = convert_to_pdf(*docx, options);
  ASSERT_FALSE(pdf);
  EXPECT_EQ(pdf.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(pdf.error().message.find("Không tìm thấy LibreOffice"), std::string::npos);
  options.program = "tdkt-no-such-converter";
  EXPECT_FALSE(convert_to_pdf(*docx, options));
}

TEST(Pdf, HungConverterIsKilledAtTheTimeout) {
  // A converter that never ends, and starts a child of its own that must die with it.
  ScratchDir dir;
  const auto script = dir.file("hang.sh", "#!/bin/sh\nsleep 300 &\necho $! > \"$(dirname \"$0\")/child\"\nwait\n");
  fs::permissions(script, fs::perms::owner_all);
  PdfOptions options;
  options.program = script.string();
  options.timeout = std::chrono::milliseconds(500);
  const auto docx = render_docx(seed_plan());
  ASSERT_TRUE(docx);
  const auto started = std::chrono::steady_clock::now();
  const auto pdf = convert_to_pdf(*docx, options);
  ASSERT_FALSE(pdf);
  EXPECT_EQ(pdf.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(pdf.error().message.find("quá thời gian"), std::string::npos) << pdf.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  std::ifstream child_file(dir.path() / "child");
  pid_t child = 0;
  ASSERT_TRUE(child_file >> child);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(fs::exists("/proc/" + std::to_string(child) + "/cmdline") &&
               run("cat /proc/" + std::to_string(child) + "/stat").text.find(" Z ") == std::string::npos)
      << "the converter's child outlived it";
}

}  // namespace
}  // namespace tdkt::documents
