// Roles, permissions and account labels shared by the administration pages and the audit view.

import { api } from './common.js';

let rolesRequest = null;

// GET /api/v1/roles, once per page: { roles: [{ role, label, permissions }], permissions: [{ permission, label }] }.
export function fetchRoles() {
  rolesRequest ??= api('/api/v1/roles').catch((error) => {
    rolesRequest = null;
    throw error;
  });
  return rolesRequest;
}

// The Vietnamese label of a role code ("unit_head" -> "Trưởng đơn vị"), or the code itself.
export function roleLabel(roles, code) {
  return roles.find((role) => role.role === code)?.label ?? code;
}

export const ACTIVE_LABELS = { true: 'Đang hoạt động', false: 'Đã vô hiệu hóa' };
