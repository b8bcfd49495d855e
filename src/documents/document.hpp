#pragma once
// Official documents (văn bản hành chính): plans, decisions, reports, submissions, as the values
// that fill a layout of Decree 30/2020/NĐ-CP. The model knows nothing of DOCX or PDF; docx.hpp
// renders it into a template, pdf.hpp converts the result.

#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"

namespace tdkt::documents {

// One paragraph of the preamble or the body. The text carries its own numbering ("I.", "1.",
// "a)"), as officers write it; the kind only chooses the paragraph style of the template.
struct Block {
  enum class Kind {
    kHeading1,   // "I. MỤC ĐÍCH, YÊU CẦU": bold
    kHeading2,   // "1. Mục đích": bold
    kHeading3,   // "a) Đối tượng": bold italic
    kCentered,   // "QUYẾT ĐỊNH:", "Phần thứ nhất": bold, centred, not indented
    kParagraph,  // body text: justified, first line indented; in the preamble, italic
    kBullet,     // a dash item: the text without its dash, the renderer writes "- "
    // A row of a table (the annex list of a decision): cells separated by '\t'; consecutive rows
    // make one bordered table, header rows in bold.
    kTableHeader,
    kTableRow,
  };
  Kind kind = Kind::kParagraph;
  std::string text;
};

struct OfficialDocument {
  std::string issuer_parent;    // "UBND TỈNH BÌNH PHƯỚC" (cơ quan chủ quản); may be empty
  std::string issuer;           // "BAN DÂN TỘC"
  std::string number;           // "05/KH-BDT", rendered "Số: 05/KH-BDT"
  std::string place;            // "Bình Phước"
  CivilDate date;               // rendered "Bình Phước, ngày 03 tháng 02 năm 2023"
  std::string kind_name;        // "KẾ HOẠCH"
  std::string summary;          // trích yếu; '\n' breaks the line where the drafter wants it
  std::vector<Block> preamble;  // căn cứ ban hành: one paragraph each
  std::vector<Block> body;
  std::string signer_authority;         // "KT. TRƯỞNG BAN", or the position itself: "TRƯỞNG BAN"
  std::string signer_position;          // "PHÓ TRƯỞNG BAN" under "KT. …"; empty when the authority says it
  std::string signer_name;              // "Nguyễn Văn Khang"
  std::vector<std::string> recipients;  // "Như trên;", "Lưu: VT." without the dash
};

// The date as Decree 30 writes it: "ngày 03 tháng 02 năm 2023", "ngày 07 tháng 4 năm 2014".
// A zero goes before days below 10 and before months 1 and 2 only, so that nobody can turn
// "1" into "11" or "2" into "12"; other months stay bare. Same as CivilDate::vn_long.
std::string official_date(CivilDate date);

// "Bình Phước, ngày 03 tháng 02 năm 2023".
std::string place_and_date(std::string_view place, CivilDate date);

}  // namespace tdkt::documents
