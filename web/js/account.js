// "Tài khoản" (/account): who is signed in, and changing one's own password.

import {
  api,
  clearFormErrors,
  el,
  link,
  setStatus,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  whileBusy,
} from './common.js';
import { fetchPerson } from './person-form.js';
import { fetchUnit, qualifiedName, unitHref } from './units.js';

const info = document.getElementById('account-info');
const form = document.getElementById('password-form');
const status = document.getElementById('password-status');

const MIN_PASSWORD = 8;

async function renderInfo(account) {
  const [unit, person] = await Promise.all([
    account.scope_unit_id ? fetchUnit(account.scope_unit_id) : null,
    account.person_id ? fetchPerson(account.person_id) : null,
  ]);
  const unitText = unit
    ? link(unitHref(unit.id), await qualifiedName(unit))
    : account.scope_unit_id
      ? `Đơn vị mã ${account.scope_unit_id}`
      : 'Không giao đơn vị';
  const personText = person
    ? link(`/people/${person.id}`, person.full_name)
    : account.person_id
      ? `Cá nhân mã ${account.person_id}`
      : 'Không gắn với cá nhân nào';
  const rows = [
    ['Tên đăng nhập', account.username],
    ['Vai trò', account.role_label],
    ['Đơn vị được giao', unitText],
    ['Cá nhân gắn với tài khoản', personText],
  ];
  show(info, el('dl', { class: 'details' }, rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])));
}

function readForm() {
  const value = (name) => form.elements.namedItem(name).value;
  const current = value('current_password');
  const replacement = value('new_password');
  const repeat = value('repeat_password');
  if (!current) return { error: { field: 'current_password', message: 'Vui lòng nhập mật khẩu hiện tại.' } };
  if (!replacement) return { error: { field: 'new_password', message: 'Vui lòng nhập mật khẩu mới.' } };
  if (replacement.length < MIN_PASSWORD) {
    return { error: { field: 'new_password', message: `Mật khẩu mới phải có ít nhất ${MIN_PASSWORD} ký tự.` } };
  }
  if (replacement === current) {
    return { error: { field: 'new_password', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' } };
  }
  if (repeat !== replacement) {
    return { error: { field: 'repeat_password', message: 'Hai lần nhập mật khẩu mới không khớp nhau.' } };
  }
  return { values: { current_password: current, new_password: replacement } };
}

form.addEventListener('input', () => setStatus(status, ''));
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(form);
  setStatus(status, '');
  const { values, error } = readForm();
  if (error) {
    showFormError(form, error);
    return;
  }
  try {
    await whileBusy(form.querySelector('button[type="submit"]'), 'Đang lưu…', () =>
      api('/api/v1/account/password', { method: 'POST', body: values }),
    );
  } catch (failure) {
    showFormError(form, failure);
    return;
  }
  form.reset();
  setStatus(status, 'Đã đổi mật khẩu. Từ lần đăng nhập sau, hãy dùng mật khẩu mới.', 'ok');
});

async function start() {
  showLoading(info, 'Đang tải thông tin tài khoản…');
  try {
    const { account } = await startShell();
    form.elements.namedItem('username').defaultValue = account.username;
    await renderInfo(account);
  } catch (error) {
    showError(info, error);
  }
}

start();
