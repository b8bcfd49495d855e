// One person: details, memberships and, for the roles that may, the edit form, adding and
// deleting memberships, and the change history.

import {
  askOnPage,
  api,
  can,
  clearFormErrors,
  dataTable,
  el,
  enhanceDateInputs,
  formatDate,
  notice,
  parseDate,
  pathId,
  setStatus,
  setTitle,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  todayIso,
  whileBusy,
} from './common.js';
import { auditTable } from './audit-view.js';
import { eligibilityPanel, recordsPanel } from './records-view.js';
import {
  ERROR_ALIASES,
  FIELD_LABELS,
  buildPersonForm,
  changedFields,
  displayValue,
  fillPersonForm,
  readPersonForm,
} from './person-form.js';
import { fetchUnit, qualifiedName, unitHref, unitOptions } from './units.js';

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
const auditLink = document.getElementById('audit-link');

const shell = startShell();
let person = null;

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
    setStatus(saveStatus, 'Đã lưu.', 'ok');
    if (can('read_audit')) loadAudit();
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

async function deleteMembership(membership, label, button) {
  const what = [membership.position, label].filter(Boolean).join(', ');
  const question = `Xóa quá trình công tác “${what}” (${periodText(membership)})? Thao tác này không hoàn tác được.`;
  if (!(await askOnPage(button, question))) return;
  try {
    await api(`/api/v1/memberships/${membership.id}`, { method: 'DELETE' });
    setStatus(membershipStatus, `Đã xóa quá trình công tác “${what}”.`, 'ok');
    await refreshMemberships();
    membershipsTitle.focus();
  } catch (error) {
    setStatus(membershipStatus, error.message, 'error');
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
  const editable = can('manage_people');
  show(
    membershipsBox,
    dataTable({
      caption: 'Quá trình công tác',
      columns: [
        { label: 'Đơn vị' },
        { label: 'Chức vụ' },
        { label: 'Từ ngày', class: 'nowrap' },
        { label: 'Đến ngày', class: 'nowrap' },
        editable ? { label: 'Thao tác' } : null,
      ].filter(Boolean),
      rows: memberships.map((membership) => {
        const label = labels.get(membership.unit_id);
        return [
          el('a', { href: unitHref(membership.unit_id) }, label),
          membership.position || '—',
          formatDate(membership.from),
          membership.to ? formatDate(membership.to) : 'nay',
          editable
            ? el(
                'button',
                {
                  type: 'button',
                  class: 'danger',
                  'aria-label': `Xóa quá trình công tác tại ${label}, ${periodText(membership)}`,
                  onclick: (event) => deleteMembership(membership, label, event.currentTarget),
                },
                'Xóa',
              )
            : null,
        ].filter((cell) => cell !== null);
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
    unitSelect.replaceChildren(el('option', { value: '' }, '— Chọn đơn vị —'), ...unitOptions(units));
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
    loadUnitOptions(todayIso());
    setStatus(membershipStatus, `Đã thêm quá trình công tác tại ${unitName}.`, 'ok');
    await refreshMemberships();
  } catch (failure) {
    showFormError(membershipForm, failure);
  }
});

// ---------------------------------------------------------------- change history

async function loadAudit() {
  showLoading(auditBox, 'Đang tải lịch sử thay đổi…');
  try {
    const { records } = await api(`/api/v1/audit?entity=person&id=${personId}`);
    show(
      auditBox,
      records.length
        ? await auditTable(records, `Lịch sử thay đổi thông tin của ${person.full_name}`)
        : notice('Chưa có thay đổi nào được ghi nhận.'),
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
    [person] = await Promise.all([api(`/api/v1/people/${personId}`), shell]);
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
  renderMemberships();
  const verdicts = eligibilityPanel({ kind: 'person', id: Number(personId) });
  document.getElementById('verdicts').replaceChildren(verdicts.node);
  recordsPanel(document.getElementById('records'), { kind: 'person', id: Number(personId) }, { onChange: verdicts.reload });
  if (can('manage_people')) {
    buildPersonForm(editForm, { idPrefix: 'edit', submitLabel: 'Lưu thay đổi' });
    fillPersonForm(editForm, person);
    enhanceDateInputs(membershipForm);
    loadUnitOptions(todayIso());
  }
  if (can('read_audit')) {
    auditLink.href = `/audit?entity=person&id=${personId}`;
    loadAudit();
  }
}

start();
