#pragma once
// Restructuring: the event that ends units and names their successors (sắp xếp, hợp nhất,
// sáp nhập, chia tách). The 2023 change of the Ban Dân tộc from 5 departments to 3, the 2025
// merger into the Sở Dân tộc và Tôn giáo, the end of the districts on 01/07/2025.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/organisation/unit.hpp"

namespace tdkt::domain {

struct Succession {
  UnitId predecessor;
  UnitId successor;
  bool transfer_members = false;  // open memberships move to the successor on the effective date
};

struct Restructuring {
  RestructuringId id;
  std::string title;         // "Sắp xếp các phòng chuyên môn thuộc Ban Dân tộc"
  std::string legal_basis;   // "Quyết định số 17/2023/QĐ-UBND"
  CivilDate effective_date;  // first day of the new shape; ended units' last day is the day before
  std::vector<UnitId> ended;
  std::vector<UnitId> started;
  std::vector<Succession> successions;
};

// A restructuring as requested: units to end, units to create (referred to by a key chosen by
// the caller), and successions from ended units to new or existing units.
struct NewUnitInRestructuring {
  std::string key;                        // caller's handle, unique within the request
  UnitDraft draft;                        // draft.period.from is forced to the effective date
  std::optional<std::string> parent_key;  // parent created by the same event
};

struct SuccessionRequest {
  UnitId predecessor;
  std::optional<UnitId> successor_id;
  std::optional<std::string> successor_key;
  bool transfer_members = false;
};

struct RestructuringRequest {
  std::string title;
  std::string legal_basis;
  CivilDate effective_date;
  std::vector<UnitId> ends;
  std::vector<NewUnitInRestructuring> creates;
  std::vector<SuccessionRequest> successions;
};

// Checks a request against the units it touches. `units` must hold every unit named in `ends`
// and in successions by id, and `active_children` the units still valid on the effective date
// whose parent is in `ends`. Returns the first problem with the field it concerns.
Status check_restructuring(const RestructuringRequest& request, const std::map<UnitId, Unit>& units,
                           const std::vector<Unit>& active_children);

}  // namespace tdkt::domain
