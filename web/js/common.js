// Shared helpers for every page: JSON API calls, dates, DOM building (text only, never
// innerHTML), loading/empty/error states, form error display and URL state.

const NETWORK_MESSAGE =
  'Không kết nối được với máy chủ tdkt. Vui lòng kiểm tra kết nối mạng hoặc thử lại sau ít phút.';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

// ---------------------------------------------------------------- DOM

// el('a', { href: '/x', class: 'y' }, 'text', otherNode): children are appended as text
// nodes or elements; attributes are set with setAttribute; on* keys add event listeners.
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function link(href, text, props = {}) {
  return el('a', { href, ...props }, text);
}

export function notice(text, kind = 'empty') {
  return el('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : null }, text);
}

export function showLoading(container, text = 'Đang tải dữ liệu…') {
  container.setAttribute('aria-busy', 'true');
  container.replaceChildren(notice(text, 'loading'));
}

export function show(container, ...nodes) {
  container.removeAttribute('aria-busy');
  container.replaceChildren(...nodes.flat(Infinity).filter(Boolean));
}

export function showError(container, error) {
  show(container, notice(error.message || 'Đã có lỗi xảy ra.', 'error'));
}

// A table in a scrollable, keyboard-focusable region; on phones each row of a `collapse`
// table becomes a card whose cells are labelled from data-label (see app.css).
// columns: [{ label, class }], rows: [[cell, ...]] where a cell is text, a node or
// { content, class }.
export function dataTable({ caption, columns, rows, className = '', collapse = true }) {
  const cell = (tag, value, column) => {
    const spec = value && typeof value === 'object' && !(value instanceof Node) ? value : { content: value };
    return el(
      tag,
      { class: spec.class ?? column?.class, scope: tag === 'th' ? 'col' : null, 'data-label': tag === 'td' ? column?.label : null },
      spec.content ?? '',
    );
  };
  const table = el(
    'table',
    { class: className },
    caption ? el('caption', { class: 'visually-hidden' }, caption) : null,
    el('thead', {}, el('tr', {}, columns.map((column) => cell('th', column.label, column)))),
    el('tbody', {}, rows.map((row) => el('tr', {}, row.map((value, i) => cell('td', value, columns[i]))))),
  );
  const wrapClass = collapse ? 'table-wrap collapse' : 'table-wrap';
  return el('div', { class: wrapClass, role: 'region', tabindex: '0', 'aria-label': caption }, table);
}

// ---------------------------------------------------------------- API

export class ApiError extends Error {
  constructor(message, { status = 0, code = '', field = '' } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export function isAbort(error) {
  return error?.name === 'AbortError';
}

// Calls the JSON API. Resolves to the parsed body (null for 204); rejects with ApiError
// carrying the server's Vietnamese message and field. An unreachable server also shows the
// page banner until the next successful call.
export async function api(path, { method = 'GET', body, signal } = {}) {
  const init = { method, signal, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (isAbort(error)) throw error;
    setBanner(NETWORK_MESSAGE);
    throw new ApiError(NETWORK_MESSAGE, { code: 'network' });
  }
  setBanner('');
  if (response.status === 204) return null;
  let data = null;
  try {
    data = await response.json();
  } catch (error) {
    if (isAbort(error)) throw error;
  }
  if (!response.ok || data === null) {
    const detail = data?.error ?? {};
    const fallback = response.ok
      ? 'Máy chủ trả về dữ liệu không hợp lệ.'
      : `Máy chủ báo lỗi (mã ${response.status}). Vui lòng thử lại hoặc báo quản trị viên.`;
    throw new ApiError(detail.message || fallback, {
      status: response.status,
      code: detail.code ?? '',
      field: detail.field ?? '',
    });
  }
  return data;
}

function setBanner(message) {
  const banner = document.getElementById('banner');
  if (!banner) return;
  if (!message) banner.replaceChildren();
  else if (banner.textContent !== message) banner.replaceChildren(el('p', {}, message));
}

// ---------------------------------------------------------------- dates

const pad = (n) => String(n).padStart(2, '0');

// Today in Vietnam as YYYY-MM-DD (the server counts days the same way).
export function todayIso() {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  } catch {
    const now = new Date();
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
}

// "2023-05-01" -> "01/05/2023"; empty for null.
export function formatDate(iso) {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

// Accepts dd/mm/yyyy (also d/m/yyyy, with - or . as separator, or ddmmyyyy) and
// yyyy-mm-dd. Returns ISO "yyyy-mm-dd", or null when the text is not a real date.
export function parseDate(text) {
  const value = String(text ?? '').trim();
  let match;
  let day;
  let month;
  let year;
  if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value))) [, day, month, year] = match;
  else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(value))) [, day, month, year] = match;
  else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value))) [, year, month, day] = match;
  else return null;
  [day, month, year] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function addDays(iso, days) {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// "Từ 01/01/2004 đến nay" / "Từ 01/01/2004 đến 28/02/2025".
export function formatPeriod(from, to) {
  return `Từ ${formatDate(from)} đến ${to ? formatDate(to) : 'nay'}`;
}

// "2026-11-22T05:35:10Z" -> "22/11/2026 12:35" (giờ Việt Nam).
export function formatTimestamp(text) {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(date);
  const time = new Intl.DateTimeFormat('vi-VN', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${formatDate(day)} ${time}`;
}

const numberFormat = new Intl.NumberFormat('vi-VN');
export function formatNumber(value) {
  return numberFormat.format(value);
}

// Date fields are text inputs (class "date-text") that accept dd/mm/yyyy; this adds a small
// native calendar button next to each one and keeps both in step.
export function enhanceDateInputs(root = document) {
  for (const input of root.querySelectorAll('input.date-text:not([data-enhanced])')) {
    input.dataset.enhanced = 'true';
    const label = root.querySelector(`label[for="${input.id}"]`)?.textContent.trim() ?? 'ngày';
    const picker = el('input', {
      type: 'date',
      class: 'date-picker',
      'aria-label': `Chọn trên lịch: ${label}`,
      title: 'Chọn trên lịch',
    });
    const syncPicker = () => {
      picker.value = parseDate(input.value) ?? '';
    };
    input.addEventListener('input', syncPicker);
    input.addEventListener('change', syncPicker);
    picker.addEventListener('change', () => {
      if (!picker.value) return;
      input.value = formatDate(picker.value);
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const open = () => {
      try {
        picker.showPicker();
      } catch {
        // Older browsers: the native control still works on its own.
      }
    };
    picker.addEventListener('click', open);
    picker.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
    input.after(picker);
    syncPicker();
  }
}

export function setDateInput(input, iso) {
  input.value = formatDate(iso);
  input.dispatchEvent(new Event('input'));
}

// ---------------------------------------------------------------- forms

// A field error shown next to the control named `error.field` (after `aliases`), or at
// the top of the form when no control matches.
export function showFormError(form, error, aliases = {}) {
  const name = aliases[error.field] ?? error.field;
  const control = name ? form.elements.namedItem(name) : null;
  if (control instanceof HTMLElement) {
    const id = `${control.id || name}-error`;
    const message = el('p', { class: 'field-error', id, role: 'alert' }, error.message);
    (control.closest('.field') ?? control.parentElement).append(message);
    control.dataset.describedby = control.getAttribute('aria-describedby') ?? '';
    control.setAttribute('aria-describedby', `${control.dataset.describedby} ${id}`.trim());
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  } else {
    form.prepend(el('p', { class: 'form-error', role: 'alert' }, error.message));
  }
}

export function clearFormErrors(form) {
  for (const node of form.querySelectorAll('.field-error, .form-error')) node.remove();
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    const described = control.dataset.describedby;
    if (described) control.setAttribute('aria-describedby', described);
    else control.removeAttribute('aria-describedby');
    delete control.dataset.describedby;
  }
}

// Disables the submit button while `work` runs and shows `busyText` on it.
export async function whileBusy(button, busyText, work) {
  const text = button.textContent;
  button.disabled = true;
  button.textContent = busyText;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.textContent = text;
  }
}

// ---------------------------------------------------------------- URL state

export function queryParam(name) {
  return new URLSearchParams(location.search).get(name) ?? '';
}

// Writes `params` into the query string (empty values are removed).
export function updateQuery(params, { push = false } = {}) {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value === '' || value === null || value === undefined) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  if (url.href === location.href) return;
  history[push ? 'pushState' : 'replaceState'](null, '', url);
}

// The numeric id at the end of the path: /people/12 -> 12.
export function pathId() {
  const match = /\/(\d+)\/?$/.exec(location.pathname);
  return match ? Number(match[1]) : null;
}

export function setTitle(...parts) {
  document.title = [...parts, 'tdkt — Thi đua, Khen thưởng'].filter(Boolean).join(' — ');
}
