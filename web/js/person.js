// One person: details, edit form, memberships (add, delete) and the change history.

import {
  api,
  clearFormErrors,
  dataTable,
  el,
  enhanceDateInputs,
  formatDate,
  formatTimestamp,
  notice,
  parseDate,
  pathId,
  setTitle,
  show,
  showError,
  showFormError,
  showLoading,
  todayIso,
  whileBusy,
} from './common.js';
import {
  ERROR_ALIASES,
  FIELD_LABELS,
  buildPersonForm,
  changedFields,
  displayValue,
  fillPersonForm,
  readPersonForm,
} from './person-form.js';
import { fetchUnit, flattenUnits, groupUnits, qualifiedName, unitHref } from './units.js';

const personId = pathId();

const nameHeading = document.getElementById('person-name');
const crumb = document.getElementById('crumb');
const loadState = document.getElementById('load-state');
const content = document.getElementById('person-content');
const details = document.getElementById('person-details');
const editForm = document.getElementById('person-form');
const saveStatus = document.getElementById('save-status');
const membershipsBox = document.getElementById('memberships');
const membershipStatus = document.getElementById('membership-status');
const membershipsTitle = document.getElementById('memberships-title');
const membershipForm = document.getElementById('membership-form');
const unitSelect = document.getElementById('m-unit');
const unitHint = document.getElementById('m-unit-hint');
const fromInput = document.getElementById('m-from');
const toInput = document.getElementById('m-to');
const auditBox = document.getElementById('audit');

let person = null;

function setStatus(node, text, ok = false) {
  node.textContent = text;
  node.classList.toggle('ok', ok);
}

// ---------------------------------------------------------------- details and edit form

const DETAIL_FIELDS = ['full_name', 'gender', 'birth_year', 'ethnicity', 'village', 'commune', 'province', 'note'];

function valueOrBlank(text) {
  return text ? text : el('span', { class: 'empty-value' }, 'Chưa có thông tin');
}

function renderPerson() {
  nameHeading.textContent = person.full_name;
  crumb.textContent = person.full_name;
  setTitle(person.full_name, 'Cá nhân');
  details.replaceChildren(
    ...DETAIL_FIELDS.flatMap((field) => [
      el('dt', {}, FIELD_LABELS[field]),
      el('dd', {}, valueOrBlank(displayValue(field, person[field]))),
    ]),
  );
}

editForm.addEventListener('input', () => setStatus(saveStatus, ''));
editForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(editForm);
  setStatus(saveStatus, '');
  const { values, error } = readPersonForm(editForm);
  if (error) {
    showFormError(editForm, error);
    return;
  }
  const changes = changedFields(person, values);
  if (!Object.keys(changes).length) {
    setStatus(saveStatus, 'Không có thay đổi nào để lưu.');
    return;
  }
  try {
    await whileBusy(editForm.querySelector('button[type="submit"]'), 'Đang lưu…', async () => {
      const saved = await api(`/api/v1/people/${personId}`, { method: 'PATCH', body: changes });
      person = { ...saved, memberships: person.memberships };
    });
    renderPerson();
    fillPersonForm(editForm, person);
    setStatus(saveStatus, 'Đã lưu.', true);
    loadAudit();
  } catch (failure) {
    showFormError(editForm, failure, ERROR_ALIASES);
  }
});

// ---------------------------------------------------------------- memberships

async function unitLabels(memberships) {
  const labels = new Map();
  await Promise.all(
    memberships.map(async ({ unit_id: id, unit_name: name }) => {
      const unit = await fetchUnit(id);
      labels.set(id, unit ? await qualifiedName(unit) : name || `Đơn vị mã ${id}`);
    }),
  );
  return labels;
}

function periodText(membership) {
  return `${formatDate(membership.from)} – ${membership.to ? formatDate(membership.to) : 'nay'}`;
}

async function deleteMembership(membership, label) {
  const what = [membership.position, label].filter(Boolean).join(', ');
  if (!window.confirm(`Xóa quá trình công tác “${what}” (${periodText(membership)})?\n\nThao tác này không hoàn tác được.`)) return;
  try {
    await api(`/api/v1/memberships/${membership.id}`, { method: 'DELETE' });
    setStatus(membershipStatus, `Đã xóa quá trình công tác “${what}”.`, true);
    await refreshMemberships();
    membershipsTitle.focus();
  } catch (error) {
    setStatus(membershipStatus, error.message);
  }
}

async function renderMemberships() {
  const memberships = person.memberships ?? [];
  if (!memberships.length) {
    show(membershipsBox, notice('Chưa có quá trình công tác nào.'));
    return;
  }
  showLoading(membershipsBox, 'Đang tải quá trình công tác…');
  const labels = await unitLabels(memberships);
  show(
    membershipsBox,
    dataTable({
      caption: 'Quá trình công tác',
      columns: [
        { label: 'Đơn vị' },
        { label: 'Chức vụ' },
        { label: 'Từ ngày', class: 'nowrap' },
        { label: 'Đến ngày', class: 'nowrap' },
        { label: 'Thao tác' },
      ],
      rows: memberships.map((membership) => {
        const label = labels.get(membership.unit_id);
        return [
          el('a', { href: unitHref(membership.unit_id) }, label),
          membership.position || '—',
          formatDate(membership.from),
          membership.to ? formatDate(membership.to) : 'nay',
          el(
            'button',
            {
              type: 'button',
              class: 'danger',
              'aria-label': `Xóa quá trình công tác tại ${label}, ${periodText(membership)}`,
              onclick: () => deleteMembership(membership, label),
            },
            'Xóa',
          ),
        ];
      }),
    }),
  );
}

async function refreshMemberships() {
  const fresh = await api(`/api/v1/people/${personId}`);
  person = { ...person, memberships: fresh.memberships };
  await renderMemberships();
}

// The unit list of the form: units that exist on the start day (today until one is typed).
let unitsDay = null;
let unitsRequest = 0;

async function loadUnitOptions(iso) {
  if (iso === unitsDay) return;
  unitsDay = iso;
  const request = ++unitsRequest;
  const selected = unitSelect.value;
  unitSelect.disabled = true;
  unitHint.textContent = 'Đang tải danh sách đơn vị…';
  try {
    const { units } = await api(`/api/v1/units?as_of=${encodeURIComponent(iso)}`);
    if (request !== unitsRequest) return;
    const groups = groupUnits(units).map((group) =>
      el(
        'optgroup',
        { label: group.title },
        flattenUnits(group.units).map(({ unit, label }) => el('option', { value: unit.id }, label)),
      ),
    );
    unitSelect.replaceChildren(el('option', { value: '' }, '— Chọn đơn vị —'), ...groups);
    if ([...unitSelect.options].some((option) => option.value === selected)) unitSelect.value = selected;
    const day = iso === todayIso() ? `hôm nay (${formatDate(iso)})` : `ngày ${formatDate(iso)}`;
    unitHint.textContent = units.length
      ? `Các đơn vị hoạt động vào ${day}; danh sách thay đổi theo “Từ ngày”.`
      : `Không có đơn vị nào hoạt động vào ${day}. Hãy kiểm tra lại “Từ ngày”.`;
  } catch (error) {
    if (request !== unitsRequest) return;
    unitsDay = null;
    unitHint.textContent = error.message;
  } finally {
    if (request === unitsRequest) unitSelect.disabled = false;
  }
}

fromInput.addEventListener('change', () => {
  const iso = parseDate(fromInput.value);
  if (iso) loadUnitOptions(iso);
});

function readMembershipForm() {
  const from = parseDate(fromInput.value);
  const to = toInput.value.trim() ? parseDate(toInput.value) : '';
  const invalid = 'Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 01/05/2023.';
  if (!fromInput.value.trim()) return { error: { field: 'from', message: 'Vui lòng nhập ngày bắt đầu.' } };
  if (!from) return { error: { field: 'from', message: invalid } };
  if (to === null) return { error: { field: 'to', message: invalid } };
  if (to && to < from) return { error: { field: 'to', message: 'Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.' } };
  if (!unitSelect.value) return { error: { field: 'unit_id', message: 'Vui lòng chọn đơn vị.' } };
  const position = membershipForm.elements.namedItem('position').value.trim().replace(/\s+/g, ' ');
  return { values: { unit_id: Number(unitSelect.value), position, from, to: to || null } };
}

membershipForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(membershipForm);
  setStatus(membershipStatus, '');
  const { values, error } = readMembershipForm();
  if (error) {
    showFormError(membershipForm, error);
    return;
  }
  const unitName = unitSelect.selectedOptions[0]?.textContent ?? '';
  try {
    await whileBusy(membershipForm.querySelector('button[type="submit"]'), 'Đang lưu…', () =>
      api(`/api/v1/people/${personId}/memberships`, { method: 'POST', body: values }),
    );
    membershipForm.reset();
    for (const input of membershipForm.querySelectorAll('input.date-text')) input.dispatchEvent(new Event('input'));
    loadUnitOptions(todayIso());
    setStatus(membershipStatus, `Đã thêm quá trình công tác tại ${unitName}.`, true);
    await refreshMemberships();
  } catch (failure) {
    showFormError(membershipForm, failure);
  }
});

// ---------------------------------------------------------------- change history

const ACTIONS = { create: 'Tạo mới', update: 'Cập nhật', delete: 'Xóa' };
const FIELD_ORDER = Object.keys(FIELD_LABELS);

function shownValue(field, value) {
  const text = displayValue(field, value);
  return text ? text : el('span', { class: 'empty-value' }, '(trống)');
}

function auditChanges(record) {
  const before = record.before ?? {};
  const after = record.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(
    (a, b) => (FIELD_ORDER.indexOf(a) + 1 || 99) - (FIELD_ORDER.indexOf(b) + 1 || 99),
  );
  const label = (field) => FIELD_LABELS[field] ?? field;
  if (record.before && record.after) {
    const changed = fields.filter((field) => (before[field] ?? '') !== (after[field] ?? ''));
    if (!changed.length) return notice('Không có trường nào thay đổi.');
    return dataTable({
      caption: 'Các trường đã thay đổi',
      className: 'diff-table',
      collapse: false,
      columns: [{ label: 'Thông tin' }, { label: 'Trước' }, { label: 'Sau' }],
      rows: changed.map((field) => [
        label(field),
        { content: shownValue(field, before[field]), class: 'diff-old' },
        { content: shownValue(field, after[field]), class: 'diff-new' },
      ]),
    });
  }
  const values = record.after ?? record.before;
  const filled = fields.filter((field) => values[field]);
  return dataTable({
    caption: record.after ? 'Thông tin ban đầu' : 'Thông tin trước khi xóa',
    className: 'diff-table',
    collapse: false,
    columns: [{ label: 'Thông tin' }, { label: record.after ? 'Giá trị ban đầu' : 'Giá trị trước khi xóa' }],
    rows: filled.map((field) => [label(field), shownValue(field, values[field])]),
  });
}

async function loadAudit() {
  showLoading(auditBox, 'Đang tải lịch sử thay đổi…');
  try {
    const { records } = await api(`/api/v1/audit?entity=person&id=${personId}`);
    if (!records.length) {
      show(auditBox, notice('Chưa có thay đổi nào được ghi nhận.'));
      return;
    }
    const newest = [...records].sort((a, b) => b.id - a.id);
    show(
      auditBox,
      el(
        'ol',
        { class: 'audit-list' },
        newest.map((record) =>
          el(
            'li',
            {},
            el(
              'p',
              { class: 'meta' },
              el('strong', {}, ACTIONS[record.action] ?? record.action),
              ` · ${formatTimestamp(record.at)}`,
              record.actor ? ` · Người thực hiện: ${record.actor}` : '',
            ),
            auditChanges(record),
          ),
        ),
      ),
    );
  } catch (error) {
    showError(auditBox, error);
  }
}

// ---------------------------------------------------------------- start

async function start() {
  if (!personId) {
    show(loadState, notice('Địa chỉ trang không hợp lệ.', 'error'));
    return;
  }
  showLoading(loadState, 'Đang tải thông tin cá nhân…');
  try {
    person = await api(`/api/v1/people/${personId}`);
  } catch (error) {
    crumb.textContent = 'Không tải được';
    nameHeading.textContent = 'Không tải được thông tin cá nhân';
    setTitle('Không tải được thông tin cá nhân');
    showError(loadState, error);
    return;
  }
  show(loadState);
  content.hidden = false;
  membershipsTitle.tabIndex = -1;
  renderPerson();
  buildPersonForm(editForm, { idPrefix: 'edit', submitLabel: 'Lưu thay đổi' });
  fillPersonForm(editForm, person);
  enhanceDateInputs(membershipForm);
  loadUnitOptions(todayIso());
  renderMemberships();
  loadAudit();
}

start();
