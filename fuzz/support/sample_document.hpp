#pragma once
// The document the template targets render: the plan 05/KH-BDT of 03/02/2023 of the demo (seed
// 000), shortened, with every kind of block, a table and recipients.

#include "documents/document.hpp"

namespace tdkt::fuzz {

inline documents::OfficialDocument sample_document() {
  using documents::Block;
  documents::OfficialDocument document;
  document.issuer_parent = "UBND TỈNH BÌNH PHƯỚC";
  document.issuer = "BAN DÂN TỘC";
  document.number = "05/KH-BDT";
  document.place = "Bình Phước";
  document.date = *CivilDate::from_ymd(2023, 2, 3);
  document.kind_name = "KẾ HOẠCH";
  document.summary = "Tổ chức phong trào thi đua\nnăm 2023";
  document.preamble = {{Block::Kind::kParagraph, "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;"}};
  document.body = {
      {Block::Kind::kHeading1, "I. MỤC ĐÍCH, YÊU CẦU"},
      {Block::Kind::kHeading2, "1. Mục đích"},
      {Block::Kind::kHeading3, "a) Đối tượng"},
      {Block::Kind::kCentered, "QUYẾT ĐỊNH:"},
      {Block::Kind::kParagraph, "Đẩy mạnh phong trào thi đua {{không phải chỗ trống}}."},
      {Block::Kind::kBullet, "- Công chức, người lao động"},
      {Block::Kind::kTableHeader, "STT\tHọ và tên\tDanh hiệu"},
      {Block::Kind::kTableRow, "1\tNguyễn Văn Khang\tChiến sĩ thi đua cơ sở"},
  };
  document.signer_authority = "KT. TRƯỞNG BAN";
  document.signer_position = "PHÓ TRƯỞNG BAN";
  document.signer_name = "Nguyễn Văn Khang";
  document.recipients = {"Như trên;", "Lưu: VT."};
  return document;
}

}  // namespace tdkt::fuzz
