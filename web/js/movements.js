// "Phong trào thi đua": the movements, filtered by keyword (accents optional), level and whether
// they run today, with the filters kept in the address; for the roles that may, the form that
// launches a movement, which then opens on its own page.

import {
  api,
  can,
  dataTable,
  el,
  formatPeriod,
  isAbort,
  link,
  notice,
  queryParam,
  setStatus,
  show,
  showError,
  showLoading,
  startShell,
  todayIso,
  updateQuery,
  whileBusy,
} from './common.js';
import { buildMovementForm, showMovementError } from './movement-form.js';

const shell = startShell();

const filterForm = document.getElementById('filter-form');
const qInput = document.getElementById('f-q');
const levelFilter = document.getElementById('f-level');
const activeFilter = document.getElementById('f-active');
const clearButton = document.getElementById('f-clear');
const listStatus = document.getElementById('list-status');
const results = document.getElementById('results');

let controller = null;

function filtersFromUrl() {
  return { q: queryParam('q').trim(), level: queryParam('level'), active: queryParam('active') === 'true' };
}

function showFilters(filters) {
  qInput.value = filters.q;
  levelFilter.value = filters.level;
  activeFilter.checked = filters.active;
}

function table(items) {
  return dataTable({
    caption: 'Danh sách phong trào thi đua',
    columns: ['Phong trào', 'Cấp phát động', 'Cấp', 'Hình thức', 'Thời gian', 'Kế hoạch'],
    rows: items.map((item) => [
      link(`/movements/${item.id}`, item.name),
      item.authority,
      item.level_label,
      item.kind_label,
      formatPeriod(item.starts_on, item.ends_on),
      item.plan_document_id ? link(`/documents/${item.plan_document_id}`, 'Xem kế hoạch') : 'Chưa có',
    ]),
  });
}

async function load(filters) {
  controller?.abort();
  controller = new AbortController();
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.level) params.set('level', filters.level);
  if (filters.active) params.set('active_on', todayIso());
  showLoading(results, 'Đang tải danh sách phong trào…');
  try {
    const data = await api(`/api/v1/movements?${params}`, { signal: controller.signal });
    if (levelFilter.options.length === 1) {
      for (const level of data.levels) levelFilter.append(el('option', { value: level.code }, level.label));
      levelFilter.value = filters.level;
    }
    const filtered = filters.q || filters.level || filters.active;
    setStatus(listStatus, data.items.length ? `${data.items.length} phong trào.` : '');
    show(
      results,
      data.items.length
        ? table(data.items)
        : notice(filtered ? 'Không có phong trào nào khớp với bộ lọc.' : 'Chưa có phong trào nào. Cán bộ thi đua có thể phát động phong trào ở trên.'),
    );
  } catch (error) {
    if (!isAbort(error)) showError(results, error);
  }
}

filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const filters = { q: qInput.value.trim(), level: levelFilter.value, active: activeFilter.checked };
  updateQuery({ q: filters.q, level: filters.level, active: filters.active ? 'true' : '' }, { push: true });
  load(filters);
});
clearButton.addEventListener('click', () => {
  const filters = { q: '', level: '', active: false };
  showFilters(filters);
  updateQuery({ q: '', level: '', active: '' }, { push: true });
  load(filters);
});
window.addEventListener('popstate', () => {
  const filters = filtersFromUrl();
  showFilters(filters);
  load(filters);
});

async function startCreate() {
  const form = document.getElementById('movement-form');
  const controls = await buildMovementForm(form, { submitLabel: 'Phát động phong trào' });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { body, error } = controls.read();
    if (error) {
      showMovementError(form, controls, error);
      return;
    }
    const status = form.querySelector('.status');
    await whileBusy(form.querySelector('button[type="submit"]'), 'Đang lưu…', async () => {
      try {
        const created = await api('/api/v1/movements', { method: 'POST', body });
        setStatus(status, 'Đã phát động phong trào; đang mở trang phong trào…', 'success');
        window.location.assign(`/movements/${created.id}`);
      } catch (failure) {
        showMovementError(form, controls, failure);
      }
    });
  });
}

async function start() {
  const filters = filtersFromUrl();
  showFilters(filters);
  load(filters);
  await shell;
  if (can('manage_movements')) startCreate().catch((error) => show(document.getElementById('movement-form'), notice(error.message, 'error')));
}

start();
