// One unit: details, the restructurings that started and ended it, its predecessors and
// successors, and its people on a chosen day.

import {
  api,
  bindAsOfForm,
  can,
  dataTable,
  el,
  formatDate,
  formatPeriod,
  isAbort,
  link,
  notice,
  pathId,
  setTitle,
  show,
  showError,
  showLoading,
  startShell,
  todayIso,
} from './common.js';
import { eligibilityPanel, importPanel, recordsPanel } from './records-view.js';
import { fetchUnit, qualifiedName, restructuringSummary, unitLink, unitMeta } from './units.js';

const unitId = pathId();

const nameHeading = document.getElementById('unit-name');
const crumb = document.getElementById('crumb');
const structureLink = document.getElementById('structure-link');
const loadState = document.getElementById('load-state');
const content = document.getElementById('unit-content');
const details = document.getElementById('unit-details');
const membersForm = document.getElementById('members-form');
const membersInput = document.getElementById('members-as-of');
const membersTitle = document.getElementById('members-title');
const membersNote = document.getElementById('members-note');
const membersBox = document.getElementById('members');

let unit = null;
let controller = null;

const validOn = (iso) => unit.valid_from <= iso && (!unit.valid_to || iso <= unit.valid_to);

async function unitList(units, emptyText) {
  if (!units.length) return notice(emptyText);
  const names = await Promise.all(units.map(qualifiedName));
  return el(
    'ul',
    { class: 'plain-list' },
    units.map((item, i) => el('li', {}, unitLink(item, names[i]), el('div', { class: 'meta' }, unitMeta(item)))),
  );
}

function endText(history) {
  if (history.ended_by) return restructuringSummary(history.ended_by);
  if (unit.valid_to) return `Kết thúc ngày ${formatDate(unit.valid_to)}, không gắn với đợt sắp xếp nào.`;
  return 'Đang hoạt động.';
}

function renderDetails(history, parent) {
  const rows = [
    ['Tên đơn vị', unit.name],
    ['Tên viết tắt', unit.short_name],
    ['Loại đơn vị', unit.kind_label],
    ['Trực thuộc', parent ? unitLink(parent) : unit.parent_id ? `Đơn vị mã ${unit.parent_id}` : ''],
    ['Địa bàn', unit.place],
    ['Thời gian hoạt động', formatPeriod(unit.valid_from, unit.valid_to)],
    [
      'Thành lập theo',
      history.started_by
        ? restructuringSummary(history.started_by)
        : `Không gắn với đợt sắp xếp nào (hoạt động từ ngày ${formatDate(unit.valid_from)}).`,
    ],
    ['Kết thúc theo', endText(history)],
  ].filter(([, value]) => value);
  details.replaceChildren(...rows.flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, value)]));
}

async function renderCurrentSuccessors() {
  const today = todayIso();
  if (!unit.valid_to || unit.valid_to >= today) return;
  const block = document.getElementById('current-successors-block');
  const box = document.getElementById('current-successors');
  block.hidden = false;
  showLoading(box, 'Đang tìm đơn vị kế thừa…');
  try {
    const { successors } = await api(`/api/v1/units/${unitId}/successors?as_of=${today}`);
    show(box, await unitList(successors, `Không có đơn vị nào kế thừa đơn vị này vào hôm nay (${formatDate(today)}).`));
  } catch (error) {
    showError(box, error);
  }
}

// ---------------------------------------------------------------- people on a day

function defaultMembersDay() {
  const today = todayIso();
  if (validOn(today)) return today;
  return unit.valid_to && unit.valid_to < today ? unit.valid_to : unit.valid_from;
}

async function loadMembers(iso) {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  membersTitle.textContent = `Nhân sự tại ngày ${formatDate(iso)}`;
  structureLink.href = `/units?as_of=${iso}`;
  membersNote.textContent = validOn(iso)
    ? ''
    : `Đơn vị không hoạt động vào ngày ${formatDate(iso)} (${formatPeriod(unit.valid_from, unit.valid_to).toLowerCase()}).`;
  showLoading(membersBox, 'Đang tải danh sách nhân sự…');
  try {
    const { members } = await api(`/api/v1/units/${unitId}/members?as_of=${encodeURIComponent(iso)}`, { signal });
    if (!members.length) {
      show(membersBox, notice(`Không có ai công tác tại đơn vị vào ngày ${formatDate(iso)}.`));
      return;
    }
    show(
      membersBox,
      dataTable({
        caption: `Nhân sự tại ngày ${formatDate(iso)}`,
        columns: [
          { label: 'Họ và tên' },
          { label: 'Chức vụ' },
          { label: 'Từ ngày', class: 'nowrap' },
          { label: 'Đến ngày', class: 'nowrap' },
        ],
        rows: members.map(({ person, membership }) => [
          link(`/people/${person.id}`, person.full_name),
          membership.position || '—',
          formatDate(membership.from),
          membership.to ? formatDate(membership.to) : 'nay',
        ]),
      }),
    );
  } catch (error) {
    if (!isAbort(error)) showError(membersBox, error);
  }
}

// ---------------------------------------------------------------- start

async function start() {
  const shell = startShell();
  if (!unitId) {
    show(loadState, notice('Địa chỉ trang không hợp lệ.', 'error'));
    return;
  }
  showLoading(loadState, 'Đang tải thông tin đơn vị…');
  let history;
  try {
    history = await api(`/api/v1/units/${unitId}/history`);
  } catch (error) {
    crumb.textContent = 'Không tải được';
    nameHeading.textContent = 'Không tải được thông tin đơn vị';
    setTitle('Không tải được thông tin đơn vị');
    showError(loadState, error);
    return;
  }
  unit = history.unit;
  document.getElementById('audit-link').href = `/audit?entity=unit&id=${unitId}`;
  const parent = unit.parent_id ? await fetchUnit(unit.parent_id) : null;
  nameHeading.textContent = parent ? `${unit.name} – ${parent.name}` : unit.name;
  crumb.textContent = unit.name;
  setTitle(unit.name, 'Cơ cấu tổ chức');
  show(loadState);
  content.hidden = false;
  renderDetails(history, parent);
  renderCurrentSuccessors();
  shell.then(() => {
    const subject = { kind: 'unit', id: Number(unitId) };
    const verdicts = eligibilityPanel(subject);
    document.getElementById('verdicts').replaceChildren(verdicts.node);
    const records = document.getElementById('records');
    const refresh = () => recordsPanel(records, subject, { onChange: verdicts.reload });
    refresh();
    if (can('manage_records')) {
      document.getElementById('import').replaceChildren(
        importPanel(unitId, () => {
          refresh();
          verdicts.reload();
        }),
      );
    }
  });
  bindAsOfForm({ form: membersForm, input: membersInput, defaultDay: defaultMembersDay, load: loadMembers });
  const lists = [
    ['predecessors', history.predecessors, 'Không có đơn vị tiền thân.'],
    ['successors', history.successors, 'Không có đơn vị kế thừa.'],
  ];
  await Promise.all(
    lists.map(async ([id, units, emptyText]) => {
      const box = document.getElementById(id);
      showLoading(box);
      show(box, await unitList(units, emptyText));
    }),
  );
}

start();
