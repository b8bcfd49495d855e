// One registration campaign (/campaigns/{id}): its deadline and status; the registration form
// (staff register themselves, unit heads their units and members, the officer anyone); the list
// grouped by unit with withdrawals and the heads' confirmations; the officer's consolidation and
// reopening; who has not registered yet; the Excel form in and the consolidated list out.

import {
  api,
  can,
  confirmButton,
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
  startShell,
  whileBusy,
  postSpreadsheet,
  problemsTable,
} from './common.js';

const campaignId = pathId();
const base = `/api/v1/campaigns/${campaignId}`;
const loadState = document.getElementById('load-state');
const content = document.getElementById('campaign-content');
const registerForm = document.getElementById('register-form');
const subjectSelect = document.getElementById('r-subject');
const honourSelect = document.getElementById('r-honour');
const registerStatus = document.getElementById('register-status');
const listStatus = document.getElementById('list-status');
const officerStatus = document.getElementById('officer-status');

let me = null;
let campaign = null;
let roster = [];

function detail(term, ...value) {
  return [el('dt', {}, term), el('dd', {}, ...value)];
}

function showDetails() {
  const title = `Đăng ký thi đua năm ${campaign.year}`;
  document.getElementById('campaign-title').textContent = title;
  document.getElementById('crumb').textContent = `Năm ${campaign.year}`;
  setTitle(title);
  const kind = campaign.open ? 'ok' : 'off';
  document.getElementById('campaign-details').replaceChildren(
    ...detail('Phong trào', el('a', { href: `/movements/${campaign.movement_id}` }, campaign.movement_name)),
    ...detail('Hạn đăng ký', formatDate(campaign.deadline)),
    ...(campaign.reopened_until ? detail('Mở lại đến', formatDate(campaign.reopened_until)) : []),
    ...detail('Trạng thái', el('span', { class: `badge ${kind}`, id: 'campaign-status' }, campaign.status_label)),
    ...(campaign.consolidated_on
      ? detail('Tổng hợp toàn cơ quan', `${formatDate(campaign.consolidated_on)} (${campaign.consolidated_by})`)
      : []),
    ...detail('Danh hiệu được đăng ký', campaign.honours.map((honour) => honour.name).join('; ')),
    ...detail('Đơn vị phải đăng ký', campaign.units.map((unit) => unit.name).join('; ')),
  );
  const reason = document.getElementById('closed-reason');
  reason.hidden = campaign.open;
  reason.textContent = campaign.closed_reason;
}

// The subjects the signed-in account may register: staff themselves; others everyone listed.
function fillSubjects() {
  const staff = me.account.role === 'staff';
  const options = roster.filter((entry) =>
    staff ? entry.subject_kind === 'person' && entry.subject_id === me.account.person_id : true,
  );
  const unitName = (id) => campaign.units.find((unit) => unit.unit_id === id)?.name ?? '';
  subjectSelect.replaceChildren(
    ...options.map((entry) =>
      el(
        'option',
        { value: `${entry.subject_kind}:${entry.subject_id}` },
        entry.subject_kind === 'unit' ? `Tập thể: ${entry.name}` : `${entry.name} — ${unitName(entry.unit_id)}`,
      ),
    ),
  );
  if (!options.length) {
    subjectSelect.append(el('option', { value: '' }, staff ? 'Bạn không thuộc đơn vị phải đăng ký' : 'Không có ai phải đăng ký'));
  }
  fillHonours();
}

function fillHonours() {
  const kind = subjectSelect.value.split(':')[0];
  const honours = campaign.honours.filter((honour) => (kind === 'unit' ? honour.for_units : honour.for_persons));
  honourSelect.replaceChildren(...honours.map((honour) => el('option', { value: honour.code }, honour.name)));
}

subjectSelect.addEventListener('change', fillHonours);

registerForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(registerForm);
  setStatus(registerStatus, '');
  const [kind, id] = subjectSelect.value.split(':');
  if (!id) return showFormError(registerForm, { field: 'subject_id', message: 'Chọn người hoặc đơn vị đăng ký.' });
  const body = {
    subject_kind: kind,
    subject_id: Number(id),
    honour: honourSelect.value,
    note: document.getElementById('r-note').value,
  };
  try {
    const created = await whileBusy(registerForm.querySelector('button[type="submit"]'), 'Đang đăng ký…', () =>
      api(`${base}/registrations`, { method: 'POST', body }),
    );
    registerForm.reset();
    fillSubjects();
    setStatus(registerStatus, `Đã đăng ký: ${created.subject_name} — ${created.honour_name}.`, 'ok');
    await refresh();
  } catch (error) {
    if (['subject_id', 'honour', 'note'].includes(error.field)) showFormError(registerForm, error);
    else setStatus(registerStatus, error.message, 'error');
  }
});

async function act(work, statusNode, done) {
  try {
    await work();
    setStatus(statusNode, done, 'ok');
    await refresh();
  } catch (error) {
    setStatus(statusNode, error.message, 'error');
  }
}

function unitSection(unit, registrations) {
  const frozen = Boolean(campaign.consolidated_on || unit.consolidated_on);
  const mayConfirm = can('manage_movements') || me.account.role === 'unit_head';
  const status = unit.consolidated_on
    ? el('span', { class: 'badge ok' }, `Đã xác nhận tổng hợp ${formatDate(unit.consolidated_on)} (${unit.consolidated_by})`)
    : el('span', { class: 'badge off' }, 'Chưa xác nhận tổng hợp');
  const rows = registrations.map((item) => [
    item.subject_kind === 'unit' ? `Tập thể: ${item.subject_name}` : item.subject_name,
    item.honour_name,
    formatDate(item.registered_on),
    item.source_label,
    item.note,
    !frozen && can('register')
      ? confirmButton('Rút đăng ký', `Rút đăng ký ${item.honour_name} của ${item.subject_name}?`, () =>
          act(() => api(`/api/v1/registrations/${item.id}`, { method: 'DELETE' }), listStatus, 'Đã rút đăng ký.'),
        )
      : '',
  ]);
  return el(
    'section',
    { class: 'campaign-unit', 'aria-label': unit.name },
    el('h3', {}, unit.name, ' ', status),
    rows.length
      ? dataTable({
          caption: `Đăng ký của ${unit.name}`,
          columns: [
            { label: 'Cá nhân, tập thể' },
            { label: 'Danh hiệu' },
            { label: 'Ngày đăng ký', class: 'nowrap' },
            { label: 'Nguồn' },
            { label: 'Ghi chú' },
            { label: 'Thao tác' },
          ],
          rows,
        })
      : notice('Đơn vị chưa có đăng ký nào.'),
    !frozen && mayConfirm
      ? el(
          'div',
          { class: 'actions' },
          confirmButton(
            'Xác nhận tổng hợp',
            `Xác nhận danh sách đăng ký của ${unit.name}? Sau khi xác nhận, đơn vị không thêm hoặc rút đăng ký được nữa.`,
            () =>
              act(
                () => api(`${base}/units/${unit.unit_id}/consolidate`, { method: 'POST', body: {} }),
                listStatus,
                `Đã xác nhận tổng hợp: ${unit.name}.`,
              ),
          ),
        )
      : null,
  );
}

function showRegistrations(items) {
  const container = document.getElementById('registrations');
  show(
    container,
    campaign.units.map((unit) =>
      unitSection(
        unit,
        items.filter((item) => item.unit_id === unit.unit_id),
      ),
    ),
  );
}

function showReminders(data) {
  const container = document.getElementById('reminders');
  const lines = [];
  for (const unit of data.units) {
    const missing = unit.missing_persons.map((person) => person.name);
    if (unit.unit_expected && !unit.unit_registered) missing.unshift(`Tập thể ${unit.name}`);
    if (!missing.length) continue;
    lines.push(
      el(
        'li',
        {},
        el('strong', {}, unit.name),
        ` (${unit.persons_registered}/${unit.persons_expected} cá nhân đã đăng ký): `,
        missing.join(', '),
      ),
    );
  }
  show(
    container,
    el('p', { class: 'hint' }, `Tính theo thành viên các đơn vị ngày ${formatDate(data.reference_day)}.`),
    lines.length
      ? [
          el('p', {}, `${data.missing_persons} cá nhân và ${data.missing_units} tập thể chưa đăng ký.`),
          el('ul', { class: 'bullet-list' }, lines),
        ]
      : notice('Mọi cá nhân và tập thể phải đăng ký đều đã đăng ký.'),
  );
}

function showOfficerPanel() {
  const box = document.getElementById('consolidate-box');
  box.replaceChildren(
    campaign.consolidated_on
      ? el('p', {}, `Đã tổng hợp toàn cơ quan ngày ${formatDate(campaign.consolidated_on)}; danh sách đã chốt.`)
      : confirmButton(
          'Tổng hợp toàn cơ quan',
          'Tổng hợp và chốt danh sách đăng ký của toàn cơ quan? Sau đó không ai thêm hoặc rút đăng ký được nữa.',
          () =>
            act(() => api(`${base}/consolidate`, { method: 'POST', body: {} }), officerStatus, 'Đã tổng hợp toàn cơ quan.'),
          { className: '' },
        ),
  );
  document.getElementById('reopen-form').hidden = Boolean(campaign.consolidated_on);
}

document.getElementById('reopen-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const reopenForm = event.currentTarget;
  clearFormErrors(reopenForm);
  const until = parseDate(document.getElementById('o-until').value);
  if (!until) return showFormError(reopenForm, { field: 'until', message: 'Ngày không hợp lệ; ghi theo dạng ngày/tháng/năm.' });
  try {
    await api(`${base}/reopen`, { method: 'POST', body: { until } });
    setStatus(officerStatus, `Đã mở lại đăng ký đến ngày ${formatDate(until)}.`, 'ok');
    await refresh();
  } catch (error) {
    if (error.field === 'until') showFormError(reopenForm, error);
    else setStatus(officerStatus, error.message, 'error');
  }
});

// ---------------------------------------------------------------- Excel

const unitPicker = document.getElementById('x-unit');
const formLink = document.getElementById('form-link');
const importForm = document.getElementById('import-form');
const fileInput = document.getElementById('x-file');
const importStatus = document.getElementById('import-status');
const importResult = document.getElementById('import-result');
const applyButton = document.getElementById('x-apply');
let checkedFile = null;

function setFormLink() {
  formLink.href = `${base}/form${unitPicker.value ? `?unit_id=${unitPicker.value}` : ''}`;
}
unitPicker.addEventListener('change', setFormLink);

const postWorkbook = (file, dryRun) => postSpreadsheet(`${base}/import?dry_run=${dryRun}`, file);

const reportText = (data) => `${data.created} đăng ký mới, ${data.unchanged} dòng đã có sẵn`;

fileInput.addEventListener('change', () => {
  applyButton.hidden = true;
  checkedFile = null;
  show(importResult);
  setStatus(importStatus, '');
});

importForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(importForm);
  applyButton.hidden = true;
  const file = fileInput.files[0];
  if (!file) return showFormError(importForm, { field: 'file', message: 'Vui lòng chọn tệp Excel (.xlsx) đã điền.' });
  try {
    const { ok, data } = await whileBusy(importForm.querySelector('button[type="submit"]'), 'Đang kiểm tra…', () =>
      postWorkbook(file, true),
    );
    if (!ok) {
      setStatus(importStatus, data.error?.message ?? 'Tệp không hợp lệ.', 'error');
      show(importResult, data.problems?.length ? problemsTable(data.problems) : null);
      return;
    }
    checkedFile = file;
    setStatus(importStatus, `Tệp hợp lệ: ${reportText(data)}. Chưa ghi gì; bấm “Nhập vào danh sách” để ghi.`, 'ok');
    show(importResult);
    applyButton.hidden = false;
  } catch (error) {
    setStatus(importStatus, error.message, 'error');
  }
});

applyButton.addEventListener('click', async () => {
  if (!checkedFile) return;
  try {
    const { ok, data } = await whileBusy(applyButton, 'Đang nhập…', () => postWorkbook(checkedFile, false));
    if (!ok) {
      setStatus(importStatus, data.error?.message ?? 'Không nhập được.', 'error');
      show(importResult, data.problems?.length ? problemsTable(data.problems) : null);
      return;
    }
    applyButton.hidden = true;
    checkedFile = null;
    fileInput.value = '';
    setStatus(importStatus, `Đã nhập: ${reportText(data)}.`, 'ok');
    await refresh();
  } catch (error) {
    setStatus(importStatus, error.message, 'error');
  }
});

// ---------------------------------------------------------------- loading

async function refresh() {
  const [fresh, registrations, reminders, people] = await Promise.all([
    api(base),
    api(`${base}/registrations`),
    api(`${base}/reminders`),
    api(`${base}/roster`),
  ]);
  campaign = fresh;
  roster = people.items;
  showDetails();
  showRegistrations(registrations.items);
  showReminders(reminders);
  if (can('manage_movements')) showOfficerPanel();
  // Once consolidated, the list is frozen: no registration form, no import.
  const frozen = Boolean(campaign.consolidated_on);
  registerForm.closest('section').hidden = frozen || !can('register');
  importForm.hidden = frozen || !can('register');
  const chosen = subjectSelect.value;
  fillSubjects();
  if ([...subjectSelect.options].some((option) => option.value === chosen)) {
    subjectSelect.value = chosen;
    fillHonours();
  }
}

async function main() {
  if (!campaignId) {
    show(loadState, notice('Địa chỉ không có mã đợt đăng ký.', 'error'));
    return;
  }
  me = await startShell();
  try {
    await refresh();
  } catch (error) {
    document.getElementById('crumb').textContent = 'Không tải được';
    showError(loadState, error);
    return;
  }
  unitPicker.append(...campaign.units.map((unit) => el('option', { value: String(unit.unit_id) }, unit.name)));
  setFormLink();
  document.getElementById('export-link').href = `${base}/export`;
  enhanceDateInputs(document.getElementById('reopen-form'));
  show(loadState);
  content.hidden = false;
}

main();
