// "Khen thưởng đã tặng": every grant recorded, filtered by years, level of the deciding authority,
// honour, subject kind, unit subtree and name (accents ignored); the counts by year × level ×
// honour; the list as Excel with the same filters. "/grants?subject=unit:3" is the history of one
// unit with its predecessors' grants, each marked with the unit that received it.

import {
  api,
  clearFormErrors,
  dataTable,
  el,
  formatDate,
  formatNumber,
  link,
  notice,
  queryParam,
  setStatus,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  updateQuery,
} from './common.js';

const form = document.getElementById('filter-form');
const results = document.getElementById('results');
const summaryBox = document.getElementById('summary');
const exportLink = document.getElementById('export-link');
const filterStatus = document.getElementById('filter-status');
const FIELDS = ['from', 'to', 'level', 'honour', 'subject_kind', 'unit_id', 'q'];
const subject = queryParam('subject');

function filters() {
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    const value = form.elements.namedItem(name).value.trim();
    if (value) params.set(name, value);
  }
  if (subject) params.set('subject', subject);
  return params;
}

function subjectCell(item) {
  const href = item.subject_kind === 'person' ? `/people/${item.subject_id}` : `/units/${item.subject_id}`;
  return [
    link(href, item.subject_name),
    item.by_predecessor ? el('span', { class: 'badge off' }, 'Đơn vị tiền thân') : null,
  ];
}

function decisionText(item) {
  return [item.decision_number, item.decision_date ? `ngày ${formatDate(item.decision_date)}` : '']
    .filter(Boolean)
    .join(' ') || '—';
}

function showList(data) {
  if (!data.items.length) {
    show(results, notice('Không có khen thưởng nào khớp điều kiện tra cứu.'));
    return;
  }
  show(
    results,
    el('p', {}, `${formatNumber(data.total)} khen thưởng.`),
    dataTable({
      caption: 'Khen thưởng đã tặng, năm gần nhất trước',
      columns: [
        { label: 'Năm' },
        { label: 'Đối tượng' },
        { label: 'Tên' },
        { label: 'Danh hiệu, hình thức' },
        { label: 'Cấp quyết định' },
        { label: 'Số, ngày quyết định' },
        { label: 'Cơ quan quyết định' },
      ],
      rows: data.items.map((item) => [
        String(item.year),
        item.subject_kind === 'person' ? 'Cá nhân' : 'Tập thể',
        subjectCell(item),
        item.honour_name,
        item.level_label,
        decisionText(item),
        item.authority || '—',
      ]),
    }),
  );
}

function showSummary(data) {
  if (!data.rows.length) {
    show(summaryBox, notice('Chưa có số liệu.'));
    return;
  }
  show(
    summaryBox,
    el('p', {}, `Tổng cộng: ${formatNumber(data.individuals)} lượt cá nhân, ${formatNumber(data.collectives)} lượt tập thể.`),
    dataTable({
      caption: 'Số cá nhân, tập thể được khen theo năm, cấp quyết định và hình thức',
      columns: [{ label: 'Năm' }, { label: 'Cấp quyết định' }, { label: 'Danh hiệu, hình thức' }, { label: 'Cá nhân', class: 'number' }, { label: 'Tập thể', class: 'number' }],
      rows: data.rows.map((row) => [String(row.year), row.level_label, row.honour_name, formatNumber(row.individuals), formatNumber(row.collectives)]),
    }),
  );
}

async function load() {
  const params = filters();
  exportLink.href = `/api/v1/grants/export?${params}`;
  showLoading(results);
  showLoading(summaryBox);
  try {
    const [list, summary] = await Promise.all([
      api(`/api/v1/grants?${params}`),
      api(`/api/v1/grants/summary?${params}`),
    ]);
    showList(list);
    showSummary(summary);
    setStatus(filterStatus, '');
  } catch (error) {
    show(results);
    show(summaryBox);
    if (error.field && FIELDS.includes(error.field)) {
      showFormError(form, error);
    } else {
      showError(results, error);
    }
  }
}

async function fillChoices() {
  const [honours, units] = await Promise.all([api('/api/v1/honours'), api('/api/v1/units')]);
  const honourSelect = form.elements.namedItem('honour');
  for (const honour of honours.honours) honourSelect.append(el('option', { value: honour.code }, honour.name));
  const unitSelect = form.elements.namedItem('unit_id');
  const walk = (nodes, depth) => {
    for (const node of nodes) {
      unitSelect.append(el('option', { value: String(node.id) }, `${'— '.repeat(depth)}${node.name}`));
      walk(node.children ?? [], depth + 1);
    }
  };
  walk(units.units ?? [], 0);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearFormErrors(form);
  for (const name of ['from', 'to']) {
    const value = form.elements.namedItem(name).value.trim();
    if (value && !/^\d{4}$/.test(value)) {
      showFormError(form, { field: name, message: 'Năm gồm 4 chữ số, ví dụ 2023.' });
      return;
    }
  }
  const params = filters();
  updateQuery({ year: '', ...Object.fromEntries(FIELDS.map((name) => [name, params.get(name) ?? ''])) });
  load();
});

startShell().then(async () => {
  try {
    await fillChoices();
  } catch (error) {
    showError(results, error);
    return;
  }
  for (const name of FIELDS) {
    const value = queryParam(name);
    if (value) form.elements.namedItem(name).value = value;
  }
  const year = queryParam('year');
  if (year) {
    form.elements.namedItem('from').value = year;
    form.elements.namedItem('to').value = year;
  }
  if (subject) {
    form.before(el('p', { class: 'lead' }, 'Đang xem khen thưởng của một đối tượng. ', link('/grants', 'Xem toàn cơ quan')));
  }
  load();
});
