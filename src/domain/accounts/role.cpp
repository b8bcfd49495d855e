#include "domain/accounts/role.hpp"

#include <array>

namespace tdkt::domain {
namespace {

struct RoleInfo {
  Role role;
  std::string_view code;
  std::string_view label;
  std::array<bool, 14> permissions;  // in the order of Permission
  PeopleScope people;
};

// read org, manage org, read people, manage people, read audit, manage accounts, manage records,
// manage documents, manage movements, register, nominate, manage reviews, vote, manage complaints
constexpr std::array<RoleInfo, 6> kRoles{{
    {Role::kAdmin,
     "admin",
     "Quản trị hệ thống",
     {true, true, true, true, true, true, true, true, true, true, true, true, true, true},
     PeopleScope::kAll},
    {Role::kOfficer,
     "officer",
     "Cán bộ thi đua - khen thưởng",
     {true, true, true, true, true, false, true, true, true, true, true, true, false, true},
     PeopleScope::kAll},
    {Role::kCouncilMember,
     "council_member",
     "Thành viên Hội đồng Thi đua - Khen thưởng",
     {true, false, true, false, false, false, false, false, false, false, false, false, true, false},
     PeopleScope::kAll},
    {Role::kUnitHead,
     "unit_head",
     "Trưởng đơn vị",
     {true, false, true, true, false, false, true, false, false, true, true, false, false, false},
     PeopleScope::kSubtree},
    {Role::kStaff,
     "staff",
     "Công chức, viên chức, người lao động",
     {true, false, true, false, false, false, false, false, false, true, false, false, false, false},
     PeopleScope::kOwnUnit},
    {Role::kViewer,
     "viewer",
     "Người xem",
     {true, false, true, false, false, false, false, false, false, false, false, false, false, false},
     PeopleScope::kAll},
}};

struct PermissionInfo {
  Permission permission;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<PermissionInfo, 14> kPermissions{{
    {Permission::kReadOrganisation, "read_organisation", "Xem cơ cấu tổ chức, các đợt sắp xếp, khối thi đua"},
    {Permission::kManageOrganisation, "manage_organisation", "Thêm, sửa đơn vị; sắp xếp tổ chức; khối thi đua"},
    {Permission::kReadPeople, "read_people", "Xem cá nhân và quá trình công tác (trong phạm vi được giao)"},
    {Permission::kManagePeople, "manage_people", "Thêm, sửa cá nhân và quá trình công tác (trong phạm vi được giao)"},
    {Permission::kReadAudit, "read_audit", "Xem nhật ký thay đổi"},
    {Permission::kManageAccounts, "manage_accounts", "Quản lý tài khoản và vai trò"},
    {Permission::kManageRecords, "manage_records",
     "Nhập, sửa hồ sơ năm, sáng kiến và khen thưởng đã nhận (trong phạm vi được giao)"},
    {Permission::kManageDocuments, "manage_documents", "Vào sổ văn bản, cấp số văn bản của cơ quan"},
    {Permission::kManageMovements, "manage_movements",
     "Phát động phong trào, lập kế hoạch; mở đợt đăng ký thi đua; giao và theo dõi chỉ tiêu"},
    {Permission::kRegister, "register",
     "Đăng ký danh hiệu thi đua (của mình; trưởng đơn vị: cho đơn vị và thành viên trong phạm vi)"},
    {Permission::kNominate, "nominate", "Đề nghị khen thưởng (trưởng đơn vị: cho đơn vị và thành viên trong phạm vi)"},
    {Permission::kManageReviews, "manage_reviews",
     "Tổng hợp đợt xét; Hội đồng và phiên họp; quyết định khen thưởng; hồ sơ trình cấp trên"},
    {Permission::kVote, "vote", "Bỏ phiếu trong phiên họp của Hội đồng (thành viên Hội đồng)"},
    {Permission::kManageComplaints, "manage_complaints",
     "Tiếp nhận, phân công, trả lời khiếu nại, tố cáo về thi đua, khen thưởng"},
}};

const RoleInfo& info(Role role) {
  for (const auto& entry : kRoles) {
    if (entry.role == role) return entry;
  }
  return kRoles.back();
}

}  // namespace

std::string_view to_string(Role role) {
  return info(role).code;
}
std::string_view vietnamese_label(Role role) {
  return info(role).label;
}

std::optional<Role> role_from_string(std::string_view text) {
  for (const auto& entry : kRoles) {
    if (entry.code == text) return entry.role;
  }
  return std::nullopt;
}

std::string_view to_string(Permission permission) {
  return kPermissions.at(static_cast<std::size_t>(permission)).code;
}
std::string_view vietnamese_label(Permission permission) {
  return kPermissions.at(static_cast<std::size_t>(permission)).label;
}

bool allows(Role role, Permission permission) {
  return info(role).permissions.at(static_cast<std::size_t>(permission));
}
PeopleScope people_scope(Role role) {
  return info(role).people;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> kAll = [] {
    std::vector<Role> roles;
    roles.reserve(kRoles.size());
    for (const auto& entry : kRoles)
      roles.push_back(entry.role);
    return roles;
  }();
  return kAll;
}

const std::vector<Permission>& all_permissions() {
  static const std::vector<Permission> kAll = [] {
    std::vector<Permission> permissions;
    permissions.reserve(kPermissions.size());
    for (const auto& entry : kPermissions)
      permissions.push_back(entry.permission);
    return permissions;
  }();
  return kAll;
}

}  // namespace tdkt::domain
