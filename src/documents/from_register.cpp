#include "documents/from_register.hpp"

#include "core/text.hpp"

namespace tdkt::documents {
namespace {

Block::Kind block_kind(const std::string& kind) {
  if (kind == "heading1") return Block::Kind::kHeading1;
  if (kind == "heading2") return Block::Kind::kHeading2;
  if (kind == "heading3") return Block::Kind::kHeading3;
  if (kind == "centered") return Block::Kind::kCentered;
  if (kind == "bullet") return Block::Kind::kBullet;
  if (kind == "table_header") return Block::Kind::kTableHeader;
  if (kind == "table_row") return Block::Kind::kTableRow;
  return Block::Kind::kParagraph;
}

std::vector<Block> blocks(const std::vector<domain::DocumentBlock>& source) {
  std::vector<Block> out;
  out.reserve(source.size());
  for (const auto& block : source)
    out.push_back({block_kind(block.kind), block.text});
  return out;
}

// Under its parent body the agency drops the place both share: "Ban Dân tộc tỉnh Bình Phước"
// under "UBND tỉnh Bình Phước" is headed "BAN DÂN TỘC", as on the agency's own papers.
std::string header_name(const std::string& issuer, const std::string& parent) {
  for (const char* level : {" tỉnh ", " thành phố ", " huyện ", " xã "}) {
    const auto at = issuer.rfind(level);
    if (at == std::string::npos || at == 0) continue;
    const auto place = text::fold(issuer.substr(at));
    const auto folded_parent = text::fold(parent);
    if (!folded_parent.empty() && folded_parent.size() >= place.size() &&
        folded_parent.compare(folded_parent.size() - place.size(), place.size(), place) == 0) {
      return issuer.substr(0, at);
    }
  }
  return issuer;
}

}  // namespace

OfficialDocument official_document(const domain::RegisteredDocument& document) {
  OfficialDocument out;
  out.issuer_parent = text::upper(document.issuer_parent);
  out.issuer = text::upper(header_name(document.issuer, document.issuer_parent));
  out.number = document.number.text();
  out.place = document.place;
  out.date = document.issued_on;
  out.kind_name = std::string(domain::kind_heading(document.type));
  out.summary = document.summary;
  out.preamble = blocks(document.preamble);
  out.body = blocks(document.body);
  out.signer_authority = document.signer_authority;
  out.signer_position = document.signer_position;
  out.signer_name = document.signer_name;
  out.recipients = document.recipients;
  return out;
}

}  // namespace tdkt::documents
