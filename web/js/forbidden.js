// The page served with status 403 in place of a page the role may not open.

import { startShell } from './common.js';

startShell().then(
  ({ account }) => {
    document.getElementById('reason').textContent =
      `Tài khoản “${account.username}” (vai trò: ${account.role_label}) không được dùng chức năng này.`;
  },
  () => {},
);
