// "Thống kê" (/statistics): grants by year, level, honour, unit, gender and ethnicity with their
// charts, registrations against grants, the targets' completion, and the statistical forms of the
// Ministry of Home Affairs filled from the records; each as Excel.

import {
  api,
  dataTable,
  el,
  formatDate,
  formatNumber,
  formatPercent,
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
import { barChart } from './charts.js';

const form = document.getElementById('years-form');
const yearsStatus = document.getElementById('years-status');
const xlsxLink = document.getElementById('xlsx-link');
const state = document.getElementById('statistics-state');
const panel = document.getElementById('statistics');
const formForm = document.getElementById('form-form');
const formState = document.getElementById('form-state');
const formXlsx = document.getElementById('form-xlsx-link');
const thisYear = new Date().getFullYear();

// A year typed in a field: a whole number between 1945 and 9999, or an error naming the field.
function readYear(input, label) {
  const text = input.value.trim();
  if (!/^\d{4}$/.test(text) || Number(text) < 1945) {
    const error = new Error(`${label} phải là một năm có 4 chữ số, từ 1945 trở đi (ví dụ ${thisYear}).`);
    error.field = input.name;
    throw error;
  }
  return Number(text);
}

function breakdown(container, rows, { caption, horizontal = false, personsOnly = false, href = () => null }) {
  if (rows.length === 0) {
    show(container, notice('Không có khen thưởng nào.'));
    return;
  }
  const series = [{ label: 'Cá nhân', values: rows.map((row) => row.individuals) }];
  if (!personsOnly) series.push({ label: 'Tập thể', values: rows.map((row) => row.collectives) });
  show(
    container,
    barChart({ caption, labels: rows.map((row) => row.label), series, stacked: true, horizontal, hrefs: rows.map(href) }),
  );
}

function registrationsTable(rows) {
  if (rows.length === 0) return notice('Không có đợt đăng ký thi đua nào trong những năm này.');
  return dataTable({
    caption: 'Đăng ký thi đua và kết quả khen thưởng',
    columns: [
      'Năm',
      'Phong trào',
      'Danh hiệu đăng ký',
      { label: 'Số đăng ký', class: 'number' },
      { label: 'Được khen thưởng', class: 'number' },
      { label: 'Tỷ lệ', class: 'number' },
    ],
    rows: rows.map((row) => [
      String(row.year),
      link(`/campaigns/${row.campaign_id}`, row.movement),
      row.honour_name,
      formatNumber(row.registered),
      formatNumber(row.granted),
      formatPercent(row.registered > 0 ? (100 * row.granted) / row.registered : 0),
    ]),
  });
}

function targetsTable(rows) {
  if (rows.length === 0) return notice('Không có chỉ tiêu nào trong các phong trào của những năm này.');
  return dataTable({
    caption: 'Mức độ hoàn thành chỉ tiêu',
    columns: [
      'Phong trào',
      { label: 'Số chỉ tiêu', class: 'number' },
      { label: 'Đạt', class: 'number' },
      { label: 'Đúng tiến độ', class: 'number' },
      { label: 'Chậm tiến độ', class: 'number' },
      { label: 'Quá hạn', class: 'number' },
      { label: 'Chưa có số liệu', class: 'number' },
      { label: 'Hoàn thành bình quân', class: 'number' },
    ],
    rows: rows.map((row) => [
      link(`/movements/${row.movement_id}/targets`, row.movement),
      formatNumber(row.targets),
      formatNumber(row.achieved),
      formatNumber(row.on_track),
      formatNumber(row.behind),
      formatNumber(row.overdue),
      formatNumber(row.not_measured),
      row.mean_completion === null ? '—' : formatPercent(row.mean_completion),
    ]),
  });
}

async function load() {
  let from;
  let to;
  try {
    from = readYear(form.elements.from_year, 'Năm đầu');
    to = readYear(form.elements.to_year, 'Năm cuối');
  } catch (error) {
    showFormError(form, error);
    setStatus(yearsStatus, error.message, 'error');
    return;
  }
  setStatus(yearsStatus, '');
  updateQuery({ from_year: from, to_year: to });
  const query = `from_year=${from}&to_year=${to}`;
  xlsxLink.href = `/api/v1/statistics/xlsx?${query}`;
  panel.hidden = true;
  showLoading(state, 'Đang đếm số liệu…');
  try {
    const data = await api(`/api/v1/statistics?${query}`);
    state.replaceChildren();
    panel.hidden = false;
    const period = from === to ? `năm ${from}` : `từ năm ${from} đến năm ${to}`;
    document.getElementById('totals').textContent =
      `Khen thưởng ${period}: ${formatNumber(data.individuals)} cá nhân và ${formatNumber(data.collectives)} tập thể.`;
    // The award history's list of what a row counts, where its filters can say it.
    const grants = (filter) => `/grants?from=${from}&to=${to}&${filter}`;
    breakdown(document.getElementById('by-year'), data.by_year, {
      caption: 'Số khen thưởng theo năm',
      href: (row) => `/grants?year=${row.key}`,
    });
    breakdown(document.getElementById('by-level'), data.by_level, {
      caption: 'Số khen thưởng theo cấp quyết định',
      href: (row) => (row.key === 'unknown' ? null : grants(`level=${row.key}`)),
    });
    breakdown(document.getElementById('by-honour'), data.by_honour, {
      caption: 'Số khen thưởng theo danh hiệu, hình thức',
      horizontal: true,
      href: (row) => grants(`honour=${encodeURIComponent(row.key)}`),
    });
    breakdown(document.getElementById('by-unit'), data.by_unit, {
      caption: 'Số khen thưởng theo đơn vị',
      horizontal: true,
      href: (row) => (row.key.startsWith('unit:') ? grants(`unit_id=${row.key.slice(5)}`) : null),
    });
    breakdown(document.getElementById('by-gender'), data.by_gender, {
      caption: 'Số cá nhân được khen thưởng theo giới tính',
      personsOnly: true,
    });
    breakdown(document.getElementById('by-ethnicity'), data.by_ethnicity, {
      caption: 'Số cá nhân được khen thưởng theo dân tộc',
      horizontal: true,
      personsOnly: true,
    });
    show(document.getElementById('registrations'), registrationsTable(data.registrations));
    show(document.getElementById('targets'), targetsTable(data.targets));
  } catch (error) {
    if (error.field) showFormError(form, error);
    showError(state, error);
  }
}

function formTable(data) {
  const columns = [
    { label: 'Chỉ tiêu (A)' },
    { label: 'Mã số (B)' },
    { label: 'Đơn vị tính (C)' },
    { label: 'Tổng số (1)', class: 'number' },
    ...data.columns.map((column) => ({ label: `${column.label} (${column.code})`, class: 'number' })),
  ];
  const table = dataTable({
    caption: data.title,
    className: 'form-table',
    collapse: false,
    columns,
    rows: data.rows.map((row) =>
      row.heading
        ? [{ content: row.label, class: 'heading' }, ...columns.slice(1).map(() => '')]
        : [
            row.label,
            row.code,
            row.measure,
            formatNumber(row.total),
            ...row.cells.map((count) => formatNumber(count)),
          ],
    ),
  });
  const notes = data.rows
    .filter((row) => !row.heading && row.note)
    .map((row) => el('li', {}, `Mã số ${row.code}: ${row.note}`));
  const leftOut = data.left_out.map((item) =>
    el('li', {}, `Không thuộc cột nào của biểu, không tính: ${item.honour_name} (${formatNumber(item.count)}).`),
  );
  return [
    el(
      'p',
      {},
      `Biểu số ${data.code} — ${data.title}. Năm ${data.year}: khen thưởng quyết định từ ngày ${formatDate(data.from)} đến ngày ${formatDate(
        data.to,
      )}. Đơn vị báo cáo: ${data.reporter || '(chưa có văn bản của cơ quan trong sổ)'}. Đơn vị nhận báo cáo: ${data.recipient}. Ngày nhận báo cáo: ${data.received_by}.`,
    ),
    data.unverified ? notice(`Lưu ý: ${data.note}`, 'warn') : null,
    table,
    notes.length + leftOut.length > 0 ? el('ul', { class: 'notes' }, ...leftOut, ...notes) : null,
  ];
}

async function loadForm() {
  let year;
  try {
    year = readYear(formForm.elements.year, 'Năm báo cáo');
  } catch (error) {
    showFormError(formForm, error);
    show(formState, notice(error.message, 'error'));
    return;
  }
  const code = formForm.elements.code.value;
  const query = `code=${encodeURIComponent(code)}&year=${year}`;
  formXlsx.href = `/api/v1/statistics/form/xlsx?${query}`;
  showLoading(formState, 'Đang lập biểu…');
  try {
    show(formState, ...formTable(await api(`/api/v1/statistics/form?${query}`)));
  } catch (error) {
    showError(formState, error);
  }
}

async function loadForms() {
  const select = formForm.elements.code;
  try {
    const { items } = await api('/api/v1/statistics/forms');
    if (items.length === 0) {
      show(formState, notice('Chưa có biểu mẫu thống kê nào.'));
      return;
    }
    select.replaceChildren(...items.map((item) => el('option', { value: item.code }, `${item.code} — ${item.title}`)));
    await loadForm();
  } catch (error) {
    showError(formState, error);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
formForm.addEventListener('submit', (event) => {
  event.preventDefault();
  loadForm();
});

startShell();
form.elements.from_year.value = queryParam('from_year') || String(thisYear - 3);
form.elements.to_year.value = queryParam('to_year') || String(thisYear);
formForm.elements.year.value = String(thisYear);
load();
loadForms();
