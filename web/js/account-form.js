// The account form of the administration page ("Thêm tài khoản" and "Sửa tài khoản"):
// username, display name, role, assigned unit, linked person (found by name) and, for a new
// account, the initial password.

import { api, el, isAbort } from './common.js';
import { fetchPerson } from './person-form.js';
import { fetchUnit, qualifiedName, unitOptions } from './units.js';

export const MIN_PASSWORD = 8;
const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/;
const SEARCH_DELAY_MS = 300;

// The API reports a bad initial password on "new_password".
export const ERROR_ALIASES = { new_password: 'password' };

function field(id, labelText, control, { hint, required = false, wide = false } = {}) {
  const hintNode = hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  return el(
    'div',
    { class: wide ? 'field wide' : 'field' },
    el('label', { for: id }, labelText, required ? el('span', { class: 'required' }, ' (bắt buộc)') : null),
    control,
    hintNode,
  );
}

function personLabel(person) {
  const place = [person.commune, person.province].filter(Boolean).join(', ');
  const born = person.birth_year ? `sinh ${person.birth_year}` : '';
  const extra = [born, place].filter(Boolean).join(' · ');
  return extra ? `${person.full_name} (${extra})` : person.full_name;
}

function personOption(person) {
  return el('option', { value: person.id }, personLabel(person));
}

const NO_PERSON = '— Không gắn với cá nhân nào —';

// Fills the "Cá nhân gắn với tài khoản" list from what is typed in the search box; the chosen
// person stays in the list.
function attachPersonSearch(form, search, select, status) {
  let timer = 0;
  let controller = null;
  const run = async () => {
    const q = search.value.trim();
    controller?.abort();
    const keep = select.selectedOptions[0]?.value ? select.selectedOptions[0].cloneNode(true) : null;
    const reset = (...options) => {
      select.replaceChildren(el('option', { value: '' }, NO_PERSON), ...options.filter(Boolean));
      select.value = keep?.value ?? '';
    };
    if (!q) {
      reset(keep);
      status.textContent = '';
      return;
    }
    controller = new AbortController();
    status.textContent = 'Đang tìm…';
    try {
      const params = new URLSearchParams({ q, limit: '20' });
      const { items, has_more: more } = await api(`/api/v1/people?${params}`, { signal: controller.signal });
      const found = items.filter((person) => String(person.id) !== keep?.value).map(personOption);
      reset(keep, ...found);
      status.textContent = items.length
        ? `Tìm thấy ${items.length}${more ? '+' : ''} cá nhân khớp với “${q}”; hãy chọn trong danh sách “Cá nhân gắn với tài khoản”.`
        : `Không tìm thấy cá nhân nào khớp với “${q}”.`;
    } catch (error) {
      if (!isAbort(error)) status.textContent = error.message;
    }
  };
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, SEARCH_DELAY_MS);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  // With no display name yet, the linked person's name is a good one.
  select.addEventListener('change', async () => {
    const display = form.elements.namedItem('display_name');
    if (display.value.trim() || !select.value) return;
    const person = await fetchPerson(Number(select.value));
    if (person && !display.value.trim()) display.value = person.full_name;
  });
}

// Fills `form`. mode: 'create' or 'edit'; roles: GET /roles; units: today's tree of GET /units.
export function buildAccountForm(form, { idPrefix, mode, roles, permissions, units, submitLabel }) {
  const id = (name) => `${idPrefix}-${name}`;
  const creating = mode === 'create';
  form.noValidate = true;

  const roleSelect = el(
    'select',
    { id: id('role'), name: 'role', required: true },
    el('option', { value: '' }, '— Chọn vai trò —'),
    roles.map((role) => el('option', { value: role.role }, role.label)),
  );
  const roleHint = el('p', { class: 'hint', id: id('role-hint') });
  roleSelect.setAttribute('aria-describedby', roleHint.id);
  const describeRole = () => {
    const role = roles.find((item) => item.role === roleSelect.value);
    roleHint.textContent = role
      ? `Được: ${permissions
          .filter((permission) => role.permissions.includes(permission.permission))
          .map((permission) => permission.label.charAt(0).toLowerCase() + permission.label.slice(1))
          .join('; ')}.`
      : 'Vai trò quyết định những việc tài khoản được làm.';
  };
  roleSelect.addEventListener('change', describeRole);
  describeRole();

  const search = el('input', {
    id: id('person-q'),
    name: 'person_q',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Ví dụ: nguyen van',
  });
  const searchStatus = el('p', { class: 'hint', id: id('person-q-status'), role: 'status' });
  const personSelect = el('select', { id: id('person'), name: 'person_id' }, el('option', { value: '' }, NO_PERSON));
  attachPersonSearch(form, search, personSelect, searchStatus);

  const fields = [
    creating
      ? field(
          id('username'),
          'Tên đăng nhập',
          el('input', {
            id: id('username'),
            name: 'username',
            type: 'text',
            autocomplete: 'off',
            autocapitalize: 'none',
            spellcheck: 'false',
            maxlength: '40',
            required: true,
          }),
          {
            required: true,
            hint: '3–40 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang. Không đổi được sau khi tạo.',
          },
        )
      : null,
    field(
      id('display-name'),
      'Họ tên hiển thị',
      el('input', { id: id('display-name'), name: 'display_name', type: 'text', autocomplete: 'off', maxlength: '200' }),
      { hint: 'Hiện ở đầu trang khi tài khoản đăng nhập, ví dụ: Nguyễn Văn An.' },
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { for: roleSelect.id }, 'Vai trò', el('span', { class: 'required' }, ' (bắt buộc)')),
      roleSelect,
      roleHint,
    ),
    field(
      id('scope'),
      'Đơn vị được giao',
      el(
        'select',
        { id: id('scope'), name: 'scope_unit_id' },
        el('option', { value: '' }, '— Không giao đơn vị —'),
        unitOptions(units),
      ),
      {
        wide: true,
        hint: 'Bắt buộc với Trưởng đơn vị: tài khoản xem và quản lý cá nhân của đơn vị này và các đơn vị trực thuộc.',
      },
    ),
    el(
      'div',
      { class: 'field wide' },
      el('label', { for: search.id }, 'Tìm cá nhân để gắn với tài khoản'),
      search,
      searchStatus,
    ),
    field(id('person'), 'Cá nhân gắn với tài khoản', personSelect, {
      wide: true,
      hint: 'Công chức, viên chức xem được cá nhân cùng đơn vị với cá nhân được gắn.',
    }),
    creating
      ? field(
          id('password'),
          'Mật khẩu ban đầu',
          el('input', {
            id: id('password'),
            name: 'password',
            type: 'password',
            autocomplete: 'new-password',
            minlength: String(MIN_PASSWORD),
            maxlength: '128',
            required: true,
          }),
          {
            required: true,
            hint: `Ít nhất ${MIN_PASSWORD} ký tự, khác tên đăng nhập. Hãy báo riêng cho người dùng và đề nghị đổi mật khẩu sau lần đăng nhập đầu.`,
          },
        )
      : null,
  ];
  form.replaceChildren(
    el('div', { class: 'form-grid' }, fields),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit' }, submitLabel),
      creating ? null : el('button', { type: 'button', class: 'secondary', value: 'cancel' }, 'Hủy'),
    ),
  );
}

// Puts `account` into an edit form, adding its unit and person to the lists when needed
// (a unit that has since ended is not in today's tree).
export async function fillAccountForm(form, account) {
  const named = (name) => form.elements.namedItem(name);
  named('display_name').value = account.display_name ?? '';
  named('role').value = account.role;
  named('role').dispatchEvent(new Event('change'));
  named('person_q').value = '';
  const scope = named('scope_unit_id');
  const personSelect = named('person_id');
  personSelect.replaceChildren(el('option', { value: '' }, NO_PERSON));
  if (account.scope_unit_id && ![...scope.options].some((option) => option.value === String(account.scope_unit_id))) {
    const unit = await fetchUnit(account.scope_unit_id);
    const text = unit ? `${await qualifiedName(unit)} (không còn hoạt động)` : `Đơn vị mã ${account.scope_unit_id}`;
    scope.append(el('option', { value: account.scope_unit_id }, text));
  }
  scope.value = account.scope_unit_id ?? '';
  if (account.person_id) {
    const person = await fetchPerson(account.person_id);
    personSelect.append(person ? personOption(person) : el('option', { value: account.person_id }, `Cá nhân mã ${account.person_id}`));
  }
  personSelect.value = account.person_id ?? '';
}

// Empties a create form after an account was made.
export function resetAccountForm(form) {
  form.reset();
  const personSelect = form.elements.namedItem('person_id');
  personSelect.replaceChildren(el('option', { value: '' }, NO_PERSON));
  for (const status of form.querySelectorAll('[role="status"]')) status.textContent = '';
  form.elements.namedItem('role').dispatchEvent(new Event('change'));
}

// The form's values as the API expects them, or { error: { field, message } }.
export function readAccountForm(form, mode) {
  const value = (name) => form.elements.namedItem(name)?.value ?? '';
  const idOrNull = (name) => (value(name) ? Number(value(name)) : null);
  const values = {
    display_name: value('display_name').trim().replace(/\s+/g, ' '),
    role: value('role'),
    scope_unit_id: idOrNull('scope_unit_id'),
    person_id: idOrNull('person_id'),
  };
  if (mode === 'create') {
    values.username = value('username').trim();
    values.password = value('password');
    if (!values.username) return { error: { field: 'username', message: 'Vui lòng nhập tên đăng nhập.' } };
    if (!USERNAME_PATTERN.test(values.username)) {
      return {
        error: {
          field: 'username',
          message: 'Tên đăng nhập chỉ gồm 3–40 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.',
        },
      };
    }
  }
  if (!values.role) return { error: { field: 'role', message: 'Vui lòng chọn vai trò.' } };
  // These two roles see people through their unit; without one the account would see nobody.
  if (values.role === 'unit_head' && !values.scope_unit_id) {
    return { error: { field: 'scope_unit_id', message: 'Trưởng đơn vị cần được giao một đơn vị.' } };
  }
  if (values.role === 'staff' && !values.scope_unit_id && !values.person_id) {
    return {
      error: {
        field: 'person_id',
        message: 'Công chức, viên chức cần được gắn với một cá nhân hoặc được giao một đơn vị.',
      },
    };
  }
  if (mode === 'create') {
    if (values.password.length < MIN_PASSWORD) {
      return { error: { field: 'password', message: `Mật khẩu phải có ít nhất ${MIN_PASSWORD} ký tự.` } };
    }
    if (values.password === values.username) {
      return { error: { field: 'password', message: 'Mật khẩu không được trùng tên đăng nhập.' } };
    }
  }
  return { values };
}
