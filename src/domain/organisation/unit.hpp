#pragma once
// The organisation over time: units form a tree whose shape changes by restructuring events.
// Pure: no I/O, no clock. Every query that depends on time takes its date.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace tdkt::domain {

enum class UnitKind {
  kAgency,          // cơ quan: Ban Dân tộc, Sở Dân tộc và Tôn giáo, a member agency of a bloc
  kDepartment,      // phòng (and Văn phòng, Thanh tra) inside an agency
  kDistrictOffice,  // cơ quan công tác dân tộc cấp huyện (ended with the districts on 01/07/2025)
  kCommuneOffice,   // cơ quan, bộ phận công tác dân tộc cấp xã
};

std::string_view to_string(UnitKind kind);
std::optional<UnitKind> unit_kind_from_string(std::string_view text);
std::string_view vietnamese_label(UnitKind kind);

struct Unit {
  UnitId id;
  std::string name;        // "Ban Dân tộc tỉnh Bình Phước"
  std::string short_name;  // the symbol used in document numbers: "BDT"
  UnitKind kind = UnitKind::kAgency;
  std::optional<UnitId> parent;
  std::string place;  // the place name written before a document's date: "Bình Phước"
  Period period;
  std::optional<RestructuringId> ended_by;

  bool valid_on(CivilDate day) const { return period.contains(day); }
};

// What a caller supplies to create a unit.
struct UnitDraft {
  std::string name;
  std::string short_name;
  UnitKind kind = UnitKind::kAgency;
  std::optional<UnitId> parent;
  std::string place;
  Period period;
};

// Checks the fields of a draft that need nothing else: a name, a valid period.
Status check_unit_draft(const UnitDraft& draft, std::string_view field_prefix = "");

// A child may exist only while its parent does: the parent's period must cover the child's.
Status check_parent_covers(const Unit& parent, const Period& child, std::string_view field);

// True when giving `unit` the parent `new_parent` would make `unit` its own ancestor.
// `parent_of` answers the current parent of any unit (nullopt for a root).
template <typename ParentOf>
bool would_create_cycle(UnitId unit, UnitId new_parent, ParentOf&& parent_of) {
  std::optional<UnitId> cursor = new_parent;
  for (int depth = 0; cursor && depth < 10'000; ++depth) {
    if (*cursor == unit) return true;
    cursor = parent_of(*cursor);
  }
  return false;
}

// The units valid on a day arranged as a forest, children in name order (Vietnamese collation).
struct UnitNode {
  Unit unit;
  std::vector<UnitNode> children;
};
std::vector<UnitNode> build_tree(std::vector<Unit> units_valid_on_day);

}  // namespace tdkt::domain
