// "Vai trò và quyền" (/admin/roles): which role may do what, as a roles × permissions table.

import { dataTable, el, show, showError, showLoading, startShell } from './common.js';
import { fetchRoles } from './accounts.js';

const matrix = document.getElementById('matrix');

function mark(allowed) {
  return {
    class: allowed ? 'mark yes' : 'mark no',
    content: [
      el('span', { 'aria-hidden': 'true' }, allowed ? '✓' : '—'),
      el('span', { class: 'visually-hidden' }, allowed ? 'Có' : 'Không'),
    ],
  };
}

async function start() {
  showLoading(matrix, 'Đang tải danh sách vai trò…');
  try {
    const [{ account }, { roles, permissions }] = await Promise.all([startShell(), fetchRoles()]);
    show(
      matrix,
      dataTable({
        caption: 'Quyền của từng vai trò',
        className: 'matrix',
        rowHeaders: true,
        columns: [{ label: 'Vai trò' }, ...permissions.map((permission) => ({ label: permission.label }))],
        rows: roles.map((role) => [
          role.role === account.role
            ? { content: [role.label, el('span', { class: 'own-role' }, ' (vai trò của bạn)')] }
            : role.label,
          ...permissions.map((permission) => mark(role.permissions.includes(permission.permission))),
        ]),
      }),
    );
  } catch (error) {
    showError(matrix, error);
  }
}

start();
