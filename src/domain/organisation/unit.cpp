#include "domain/organisation/unit.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"

namespace tdkt::domain {

std::string_view to_string(UnitKind kind) {
  switch (kind) {
    case UnitKind::kAgency: return "agency";
    case UnitKind::kDepartment: return "department";
    case UnitKind::kDistrictOffice: return "district_office";
    case UnitKind::kCommuneOffice: return "commune_office";
  }
  return "agency";
}

std::optional<UnitKind> unit_kind_from_string(std::string_view text) {
  for (auto kind : {UnitKind::kAgency, UnitKind::kDepartment, UnitKind::kDistrictOffice, UnitKind::kCommuneOffice}) {
    if (to_string(kind) == text) return kind;
  }
  return std::nullopt;
}

std::string_view vietnamese_label(UnitKind kind) {
  switch (kind) {
    case UnitKind::kAgency: return "Cơ quan";
    case UnitKind::kDepartment: return "Phòng";
    case UnitKind::kDistrictOffice: return "Cơ quan công tác dân tộc cấp huyện";
    case UnitKind::kCommuneOffice: return "Cơ quan công tác dân tộc cấp xã";
  }
  return "Cơ quan";
}

Status check_unit_draft(const UnitDraft& draft, std::string_view field_prefix) {
  const std::string prefix(field_prefix);
  if (text::normalize(draft.name).empty()) {
    return Error::invalid(prefix + "name", "Tên đơn vị không được để trống.");
  }
  if (draft.name.size() > 300) {
    return Error::invalid(prefix + "name", "Tên đơn vị dài quá 300 ký tự.");
  }
  if (draft.short_name.size() > 30) {
    return Error::invalid(prefix + "short_name", "Ký hiệu viết tắt dài quá 30 ký tự.");
  }
  if (!draft.period.valid()) {
    return Error::invalid(prefix + "valid_to", "Ngày kết thúc (" + draft.period.to->vn() + ") phải sau ngày bắt đầu (" +
                                                   draft.period.from.vn() + ").");
  }
  return {};
}

Status check_parent_covers(const Unit& parent, const Period& child, std::string_view field) {
  if (parent.period.covers(child)) return {};
  std::string parent_span = "từ " + parent.period.from.vn();
  if (parent.period.to) parent_span += " đến " + parent.period.to->vn();
  return Error::conflict(ErrorCode::kConflict, std::string(field),
                         "Đơn vị cấp trên \"" + parent.name + "\" chỉ tồn tại " + parent_span +
                             ", không bao trùm thời gian tồn tại của đơn vị này.");
}

std::vector<UnitNode> build_tree(std::vector<Unit> units) {
  std::map<UnitId, std::vector<std::size_t>> children_of;
  std::vector<std::size_t> roots;
  std::map<UnitId, std::size_t> index;
  for (std::size_t i = 0; i < units.size(); ++i)
    index[units[i].id] = i;
  std::vector<std::string> keys;
  keys.reserve(units.size());
  for (const auto& unit : units)
    keys.push_back(text::collation_key(unit.name));
  for (std::size_t i = 0; i < units.size(); ++i) {
    const auto& parent = units[i].parent;
    if (parent && index.contains(*parent)) {
      children_of[*parent].push_back(i);
    } else {
      roots.push_back(i);
    }
  }
  auto by_name = [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; };
  auto build = [&](auto&& self, std::size_t i) -> UnitNode {
    UnitNode node{units[i], {}};
    auto& kids = children_of[units[i].id];
    std::sort(kids.begin(), kids.end(), by_name);
    for (auto child : kids)
      node.children.push_back(self(self, child));
    return node;
  };
  std::sort(roots.begin(), roots.end(), by_name);
  std::vector<UnitNode> forest;
  for (auto root : roots)
    forest.push_back(build(build, root));
  return forest;
}

}  // namespace tdkt::domain
