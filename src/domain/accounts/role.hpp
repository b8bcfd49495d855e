#pragma once
// Roles and what each may do. The table lives here, in one place: the use cases ask it, the
// roles page shows it, and the permission-matrix test checks every endpoint against it.

#include <optional>
#include <string_view>
#include <vector>

namespace tdkt::domain {

enum class Role {
  kAdmin,          // quản trị hệ thống: accounts, and everything an officer does
  kOfficer,        // cán bộ thi đua - khen thưởng: manages the agency's records
  kCouncilMember,  // thành viên Hội đồng Thi đua - Khen thưởng: reads what the council reviews
  kUnitHead,       // trưởng đơn vị: manages the people of their unit subtree
  kStaff,          // công chức, viên chức, người lao động: sees their own records and their unit
  kViewer,         // người xem (e.g. the province's emulation board): reads, changes nothing
};

enum class Permission {
  kReadOrganisation,    // units, restructurings, blocs
  kManageOrganisation,  // create and change units, restructure, blocs
  kReadPeople,          // persons and memberships (within the account's scope)
  kManagePeople,        // create and change persons and memberships (within scope)
  kReadAudit,           // the audit trail of a record
  kManageAccounts,      // accounts and roles
  kManageRecords,       // yearly records, initiatives and grants received (within the people scope)
  kManageDocuments,     // register documents and number the agency's own
  kManageMovements,     // movements and plans, registration campaigns, targets
  kRegister,            // registrations for honours: one's own; a unit head's for the unit's subtree
  kNominate,            // nominate subjects for honours: a unit head for the unit's subtree
  kManageReviews,       // reviews, the council and its sessions, decisions, proposals to higher levels
  kVote,                // cast one's own ballot in a council session (a member of the council)
  kManageComplaints,    // receive, assign and answer complaints about emulation work
};

// How far the people permissions reach for a role.
enum class PeopleScope {
  kAll,      // every person
  kSubtree,  // members of the account's unit and its descendants
  kOwnUnit,  // the account's own person and the members of its unit
  kNone,
};

std::string_view to_string(Role role);
std::optional<Role> role_from_string(std::string_view text);
std::string_view vietnamese_label(Role role);
std::string_view to_string(Permission permission);
std::string_view vietnamese_label(Permission permission);

bool allows(Role role, Permission permission);
PeopleScope people_scope(Role role);

const std::vector<Role>& all_roles();
const std::vector<Permission>& all_permissions();

}  // namespace tdkt::domain
