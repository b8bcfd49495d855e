// "Quản trị tài khoản" (/admin/accounts): the accounts; adding one; and for each account,
// changing its role, unit and linked person, deactivating or activating it, and resetting
// its password.

import {
  askOnPage,
  api,
  clearFormErrors,
  dataTable,
  el,
  formatNumber,
  link,
  notice,
  setStatus,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  todayIso,
  whileBusy,
} from './common.js';
import { ACTIVE_LABELS, fetchRoles } from './accounts.js';
import {
  ERROR_ALIASES,
  MIN_PASSWORD,
  buildAccountForm,
  fillAccountForm,
  readAccountForm,
  resetAccountForm,
} from './account-form.js';
import { fetchPerson } from './person-form.js';
import { fetchUnit, qualifiedName, unitHref } from './units.js';

const list = document.getElementById('accounts');
const listStatus = document.getElementById('accounts-status');
const addForm = document.getElementById('add-form');
const addStatus = document.getElementById('add-status');
const dialog = document.getElementById('edit-dialog');
const editTitle = document.getElementById('edit-title');
const editStatus = document.getElementById('edit-status');
const editForm = document.getElementById('edit-form');

let me = null;
let editing = null;

// ---------------------------------------------------------------- list

async function names(accounts) {
  const units = new Map();
  const people = new Map();
  await Promise.all([
    ...accounts
      .filter((account) => account.scope_unit_id)
      .map(async ({ scope_unit_id: id }) => {
        const unit = await fetchUnit(id);
        units.set(id, unit ? await qualifiedName(unit) : `Đơn vị mã ${id}`);
      }),
    ...accounts
      .filter((account) => account.person_id)
      .map(async ({ person_id: id }) => {
        const person = await fetchPerson(id);
        people.set(id, person ? person.full_name : `Cá nhân mã ${id}`);
      }),
  ]);
  return { units, people };
}

function actionButton(action, account, text, label, handler, kind = 'secondary') {
  return el(
    'button',
    { type: 'button', class: `${kind} small`, 'data-action': action, 'data-id': account.id, 'aria-label': label, onclick: handler },
    text,
  );
}

function actions(account) {
  const own = account.id === me.id;
  const who = `tài khoản ${account.username}`;
  return el(
    'div',
    { class: 'row-actions' },
    actionButton('edit', account, 'Sửa', `Sửa ${who}`, () => openEdit(account)),
    own
      ? link('/account', 'Đổi mật khẩu', { class: 'small-link' })
      : actionButton('reset', account, 'Đặt lại mật khẩu', `Đặt lại mật khẩu của ${who}`, () => resetPassword(account)),
    own
      ? null
      : account.active
        ? actionButton('toggle', account, 'Vô hiệu hóa', `Vô hiệu hóa ${who}`, (event) => setActive(account, false, event.currentTarget), 'danger')
        : actionButton('toggle', account, 'Kích hoạt', `Kích hoạt ${who}`, () => setActive(account, true)),
    link(`/audit?entity=account&id=${account.id}`, 'Nhật ký', {
      class: 'small-link',
      'aria-label': `Nhật ký thay đổi của ${who}`,
    }),
  );
}

async function render(accounts) {
  if (!accounts.length) {
    show(list, notice('Chưa có tài khoản nào.'));
    return;
  }
  const { units, people } = await names(accounts);
  const inactive = accounts.filter((account) => !account.active).length;
  show(
    list,
    el(
      'p',
      { class: 'muted' },
      `Có ${formatNumber(accounts.length)} tài khoản`,
      inactive ? `, trong đó ${formatNumber(inactive)} đã vô hiệu hóa.` : '.',
    ),
    dataTable({
      caption: 'Danh sách tài khoản',
      className: 'accounts-table',
      columns: [
        { label: 'Tên đăng nhập' },
        { label: 'Họ tên' },
        { label: 'Vai trò' },
        { label: 'Đơn vị được giao' },
        { label: 'Trạng thái', class: 'nowrap' },
        { label: 'Thao tác' },
      ],
      rows: accounts.map((account) => [
        { content: [account.username, account.id === me.id ? el('span', { class: 'meta' }, ' (bạn)') : null] },
        {
          content: [
            account.display_name || el('span', { class: 'empty-value' }, 'Chưa có'),
            account.person_id
              ? el('div', { class: 'meta' }, 'Cá nhân: ', link(`/people/${account.person_id}`, people.get(account.person_id)))
              : null,
          ],
        },
        account.role_label,
        account.scope_unit_id ? link(unitHref(account.scope_unit_id), units.get(account.scope_unit_id)) : '—',
        { content: el('span', { class: account.active ? 'badge ok' : 'badge off' }, ACTIVE_LABELS[account.active]) },
        actions(account),
      ]),
    }),
  );
}

// Reads the accounts again; `focus` ([action, id]) puts the focus back on a row's button.
async function reload(focus = null) {
  try {
    const { accounts } = await api('/api/v1/accounts');
    await render(accounts);
  } catch (error) {
    showError(list, error);
    return;
  }
  if (focus) list.querySelector(`[data-action="${focus[0]}"][data-id="${focus[1]}"]`)?.focus();
}

// ---------------------------------------------------------------- row actions

async function setActive(account, active, button = null) {
  setStatus(listStatus, '');
  if (
    !active &&
    !(await askOnPage(
      button,
      `Vô hiệu hóa tài khoản “${account.username}”? Người dùng bị đăng xuất ngay và không đăng nhập được ` +
        'cho đến khi tài khoản được kích hoạt lại.',
    ))
  ) {
    return;
  }
  try {
    await api(`/api/v1/accounts/${account.id}`, { method: 'PATCH', body: { active } });
  } catch (error) {
    setStatus(listStatus, error.message, 'error');
    return;
  }
  setStatus(
    listStatus,
    active ? `Đã kích hoạt tài khoản “${account.username}”.` : `Đã vô hiệu hóa tài khoản “${account.username}”.`,
    'ok',
  );
  await reload(['toggle', account.id]);
}

function askPassword(account) {
  let question =
    `Nhập mật khẩu mới cho tài khoản “${account.username}” (ít nhất ${MIN_PASSWORD} ký tự).\n` +
    'Người dùng sẽ bị đăng xuất khỏi mọi phiên đang mở.';
  for (;;) {
    const password = window.prompt(question, '');
    if (password === null) return null;
    let problem = '';
    if (password.length < MIN_PASSWORD) problem = `Mật khẩu phải có ít nhất ${MIN_PASSWORD} ký tự.`;
    else if (password === account.username) problem = 'Mật khẩu không được trùng tên đăng nhập.';
    if (!problem) return password;
    question = `${problem}\n\nNhập lại mật khẩu mới cho tài khoản “${account.username}”:`;
  }
}

async function resetPassword(account) {
  setStatus(listStatus, '');
  const password = askPassword(account);
  if (password === null) return;
  try {
    await api(`/api/v1/accounts/${account.id}`, { method: 'PATCH', body: { new_password: password } });
  } catch (error) {
    setStatus(listStatus, error.message, 'error');
    return;
  }
  setStatus(
    listStatus,
    `Đã đặt lại mật khẩu của tài khoản “${account.username}”. Hãy báo mật khẩu mới cho người dùng.`,
    'ok',
  );
}

// ---------------------------------------------------------------- edit dialog

async function openEdit(account) {
  editing = account;
  clearFormErrors(editForm);
  setStatus(editStatus, '');
  editTitle.textContent = `Sửa tài khoản “${account.username}”`;
  await fillAccountForm(editForm, account);
  dialog.showModal();
  editForm.elements.namedItem('display_name').focus();
}

// Only the fields that differ from the account being edited.
function changes(values) {
  const changed = {};
  for (const [name, value] of Object.entries(values)) {
    const before = editing[name] ?? (name === 'display_name' ? '' : null);
    if (value !== before) changed[name] = value;
  }
  return changed;
}

editForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(editForm);
  setStatus(editStatus, '');
  const { values, error } = readAccountForm(editForm, 'edit');
  if (error) {
    showFormError(editForm, error);
    return;
  }
  const changed = changes(values);
  if (!Object.keys(changed).length) {
    setStatus(editStatus, 'Không có thay đổi nào để lưu.');
    return;
  }
  const account = editing;
  try {
    await whileBusy(editForm.querySelector('button[type="submit"]'), 'Đang lưu…', () =>
      api(`/api/v1/accounts/${account.id}`, { method: 'PATCH', body: changed }),
    );
  } catch (failure) {
    showFormError(editForm, failure);
    return;
  }
  dialog.close();
  setStatus(listStatus, `Đã lưu thay đổi của tài khoản “${account.username}”.`, 'ok');
  await reload(['edit', account.id]);
});

editForm.addEventListener('click', (event) => {
  if (event.target instanceof HTMLButtonElement && event.target.value === 'cancel') dialog.close();
});

dialog.addEventListener('close', () => {
  if (editing) list.querySelector(`[data-action="edit"][data-id="${editing.id}"]`)?.focus();
  editing = null;
});

// ---------------------------------------------------------------- add

addForm.addEventListener('input', () => setStatus(addStatus, ''));
addForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(addForm);
  setStatus(addStatus, '');
  const { values, error } = readAccountForm(addForm, 'create');
  if (error) {
    showFormError(addForm, error, ERROR_ALIASES);
    return;
  }
  let created;
  try {
    created = await whileBusy(addForm.querySelector('button[type="submit"]'), 'Đang tạo…', () =>
      api('/api/v1/accounts', { method: 'POST', body: values }),
    );
  } catch (failure) {
    showFormError(addForm, failure, ERROR_ALIASES);
    return;
  }
  resetAccountForm(addForm);
  setStatus(addStatus, `Đã tạo tài khoản “${created.username}” (${created.role_label}).`, 'ok');
  await reload();
});

// ---------------------------------------------------------------- start

async function start() {
  showLoading(list, 'Đang tải danh sách tài khoản…');
  try {
    const [current, { roles, permissions }, { units }] = await Promise.all([
      startShell(),
      fetchRoles(),
      api(`/api/v1/units?as_of=${todayIso()}`),
    ]);
    me = current.account;
    const options = { roles, permissions, units };
    buildAccountForm(addForm, { ...options, idPrefix: 'new', mode: 'create', submitLabel: 'Tạo tài khoản' });
    buildAccountForm(editForm, { ...options, idPrefix: 'edit', mode: 'edit', submitLabel: 'Lưu thay đổi' });
  } catch (error) {
    showError(list, error);
    return;
  }
  await reload();
}

start();
