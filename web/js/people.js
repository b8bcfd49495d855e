// "Cá nhân": search people by name (accents optional), page through results and, for the
// roles that may, add a person.

import {
  api,
  can,
  clearFormErrors,
  dataTable,
  formatNumber,
  isAbort,
  link,
  notice,
  queryParam,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  updateQuery,
  whileBusy,
} from './common.js';
import { ERROR_ALIASES, GENDER_LABELS, buildPersonForm, readPersonForm } from './person-form.js';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 300;

const searchForm = document.getElementById('search-form');
const input = document.getElementById('q');
const results = document.getElementById('results');
const status = document.getElementById('result-status');
const pager = document.querySelector('.pager');
const pageInfo = document.getElementById('page-info');
const prev = document.getElementById('prev');
const next = document.getElementById('next');
const personForm = document.getElementById('person-form');

let state = { q: '', offset: 0 };
let controller = null;
let timer = 0;

function stateFromUrl() {
  const offset = Number.parseInt(queryParam('offset'), 10);
  return { q: queryParam('q').trim(), offset: Number.isFinite(offset) && offset > 0 ? offset : 0 };
}

function personRow(person) {
  return [
    link(`/people/${person.id}`, person.full_name),
    GENDER_LABELS[person.gender] ?? '',
    { content: person.birth_year ?? '', class: 'number' },
    person.ethnicity,
    person.commune,
    person.province,
  ];
}

function emptyText(q, offset) {
  if (offset > 0) return 'Không còn kết quả nào ở trang này.';
  if (q) return `Không tìm thấy cá nhân nào khớp với “${q}”. Hãy thử gõ ít chữ hơn, ví dụ chỉ tên.`;
  if (can('manage_people')) return 'Chưa có cá nhân nào. Hãy thêm bằng biểu mẫu “Thêm cá nhân” bên dưới.';
  return 'Chưa có cá nhân nào trong phạm vi tài khoản được xem.';
}

function render(page, q) {
  const { items, offset } = page;
  const first = offset + 1;
  const last = offset + items.length;
  if (!items.length) {
    status.textContent = '';
    show(results, notice(emptyText(q, offset)));
  } else {
    const count = formatNumber(items.length);
    const range = first === last ? formatNumber(first) : `${formatNumber(first)}–${formatNumber(last)}`;
    if (offset === 0 && !page.has_more) {
      status.textContent = q ? `Tìm thấy ${count} cá nhân khớp với “${q}”.` : `Có ${count} cá nhân.`;
    } else {
      status.textContent = q ? `Kết quả thứ ${range} khớp với “${q}”.` : `Đang hiển thị người thứ ${range}.`;
    }
    show(
      results,
      dataTable({
        caption: 'Danh sách cá nhân',
        columns: [
          { label: 'Họ và tên' },
          { label: 'Giới tính', class: 'nowrap' },
          { label: 'Năm sinh' },
          { label: 'Dân tộc' },
          { label: 'Xã/phường' },
          { label: 'Tỉnh' },
        ],
        rows: items.map(personRow),
      }),
    );
  }
  prev.disabled = offset === 0;
  next.disabled = !page.has_more;
  pager.hidden = prev.disabled && next.disabled;
  pageInfo.textContent = `Trang ${formatNumber(Math.floor(offset / PAGE_SIZE) + 1)}`;
}

async function search() {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  const { q, offset } = state;
  if (results.childElementCount && results.querySelector('table')) {
    results.setAttribute('aria-busy', 'true');
    status.textContent = 'Đang tìm…';
  } else {
    showLoading(results, 'Đang tải danh sách…');
  }
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (q) params.set('q', q);
  try {
    const page = await api(`/api/v1/people?${params}`, { signal });
    render(page, q);
  } catch (error) {
    if (isAbort(error)) return;
    status.textContent = '';
    pager.hidden = true;
    showError(results, error);
  }
}

function go(target, { push = false } = {}) {
  state = { q: target.q.trim(), offset: target.offset };
  updateQuery({ q: state.q || null, offset: state.offset || null }, { push });
  search();
}

input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (input.value.trim() !== state.q || state.offset !== 0) go({ q: input.value, offset: 0 });
  }, DEBOUNCE_MS);
});

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  go({ q: input.value, offset: 0 });
});

prev.addEventListener('click', () => go({ ...state, offset: Math.max(0, state.offset - PAGE_SIZE) }, { push: true }));
next.addEventListener('click', () => go({ ...state, offset: state.offset + PAGE_SIZE }, { push: true }));

window.addEventListener('popstate', () => {
  state = stateFromUrl();
  input.value = state.q;
  search();
});

personForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(personForm);
  const { values, error } = readPersonForm(personForm);
  if (error) {
    showFormError(personForm, error);
    return;
  }
  const button = personForm.querySelector('button[type="submit"]');
  try {
    await whileBusy(button, 'Đang lưu…', async () => {
      const person = await api('/api/v1/people', { method: 'POST', body: values });
      location.assign(`/people/${person.id}`);
    });
  } catch (failure) {
    showFormError(personForm, failure, ERROR_ALIASES);
  }
});

startShell().then(
  () => {
    if (can('manage_people')) buildPersonForm(personForm, { idPrefix: 'new', submitLabel: 'Thêm cá nhân' });
  },
  () => {},
);
state = stateFromUrl();
input.value = state.q;
search();
