// Shared helpers for every page: JSON API calls, the session and page shell (navigation,
// signed-in user, sign-out), dates, DOM building (text only, never innerHTML),
// loading/empty/error states, form error display and URL state.

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
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === '') continue;
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
  const text = error.code === 'network' ? 'Chưa tải được dữ liệu vì không kết nối được với máy chủ.' : error.message;
  show(container, notice(text || 'Đã có lỗi xảy ra.', 'error'));
}

// A status line under a form or list: kind '' (neutral), 'ok' or 'error'.
export function setStatus(node, text, kind = '') {
  node.textContent = text;
  node.classList.remove('ok', 'error');
  if (kind) node.classList.add(kind);
}

// A table in a scrollable, keyboard-focusable region; on phones each row of a `collapse`
// table becomes a card whose cells are labelled from data-label (see app.css).
// columns: [{ label, class }] or labels, rows: [[cell, ...]] where a cell is text, a node or
// { content, class } (content may be a list of pieces). With `rowHeaders` the first cell of
// each row is its header.
export function dataTable({ caption, columns: given, rows, className = '', collapse = true, rowHeaders = false }) {
  const columns = given.map((column) => (typeof column === 'string' ? { label: column } : column));
  const cell = (tag, value, column, scope = null) => {
    const spec = value && typeof value === 'object' && !(value instanceof Node) ? value : { content: value };
    // Several pieces stay together in one box, so that a phone card keeps them beside the label.
    const content = Array.isArray(spec.content) ? el('div', {}, spec.content) : spec.content;
    return el(
      tag,
      { class: spec.class ?? column?.class, scope, 'data-label': tag === 'td' ? column?.label : null },
      content ?? '',
    );
  };
  const bodyCell = (value, i) =>
    rowHeaders && i === 0 ? cell('th', value, columns[i], 'row') : cell('td', value, columns[i]);
  const table = el(
    'table',
    { class: className },
    caption ? el('caption', { class: 'visually-hidden' }, caption) : null,
    el('thead', {}, el('tr', {}, columns.map((column) => cell('th', column.label, column, 'col')))),
    el('tbody', {}, rows.map((row) => el('tr', {}, row.map(bodyCell)))),
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

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Calls the JSON API. Resolves to the parsed body (null for 204); rejects with ApiError
// carrying the server's Vietnamese message and field. An unreachable server also shows the
// page banner until the next successful call.
//
// Unsafe methods carry the session's anti-forgery token (X-CSRF-Token); when the server
// rejects it (another sign-in replaced the session), the token is read again and the request
// retried once. A 401 means the session is over: the browser goes to the sign-in page and the
// returned promise never settles. `anonymous: true` (the sign-in form) turns both off.
export async function api(path, { method = 'GET', body, signal, anonymous = false } = {}) {
  const unsafe = UNSAFE_METHODS.has(method);
  for (let attempt = 0; ; attempt += 1) {
    const init = { method, signal, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    if (unsafe && !anonymous) init.headers['X-CSRF-Token'] = (await session()).csrf_token;
    let response;
    try {
      response = await fetch(path, init);
    } catch (error) {
      if (isAbort(error)) throw error;
      setBanner(NETWORK_MESSAGE);
      throw new ApiError(NETWORK_MESSAGE, { code: 'network' });
    }
    setBanner('');
    if (response.status === 401 && !anonymous) return goToLogin('expired');
    if (response.status === 204) return null;
    let data = null;
    try {
      data = await response.json();
    } catch (error) {
      if (isAbort(error)) throw error;
    }
    if (response.ok && data !== null) return data;
    const detail = data?.error ?? {};
    if (detail.code === 'csrf_failed' && unsafe && !anonymous && attempt === 0) {
      forgetSession();
      continue;
    }
    const fallback = response.ok
      ? 'Máy chủ trả về dữ liệu không hợp lệ.'
      : `Máy chủ báo lỗi (mã ${response.status}). Vui lòng thử lại hoặc báo quản trị viên.`;
    throw new ApiError(detail.message || fallback, {
      status: response.status,
      code: detail.code ?? '',
      field: detail.field ?? '',
    });
  }
}

function setBanner(message) {
  const banner = document.getElementById('banner');
  if (!banner) return;
  if (!message) banner.replaceChildren();
  else if (banner.textContent !== message) banner.replaceChildren(el('p', {}, message));
}

// ---------------------------------------------------------------- dates

const pad = (n) => String(n).padStart(2, '0');

// The calendar day of `date` in Việt Nam as YYYY-MM-DD (the server counts days the same way).
function vietnamDay(date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function todayIso() {
  return vietnamDay(new Date());
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

// "Từ 01/01/2004 đến nay" / "Từ 01/01/2004 đến 28/02/2025".
export function formatPeriod(from, to) {
  return `Từ ${formatDate(from)} đến ${to ? formatDate(to) : 'nay'}`;
}

// "2026-11-22T05:35:10Z" -> "22/11/2026 12:35" (giờ Việt Nam).
export function formatTimestamp(text) {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  const time = new Intl.DateTimeFormat('vi-VN', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${formatDate(vietnamDay(date))} ${time}`;
}

// "2026-11-22" -> "ngày 22 tháng 11 năm 2026", written as in administrative documents
// (Nghị định 30/2020/NĐ-CP): a day below 10 and the months 1 and 2 take a leading zero.
export function formatLongDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!match) return iso ?? '';
  const [, year, month, day] = match;
  const monthText = Number(month) <= 2 ? month : String(Number(month));
  return `ngày ${day} tháng ${monthText} năm ${year}`;
}

const numberFormat = new Intl.NumberFormat('vi-VN');
export function formatNumber(value) {
  return numberFormat.format(value);
}

// Date fields are text inputs (class "date-text") that accept dd/mm/yyyy. Where the browser
// can open its own calendar on request, a calendar button is added next to each one.
export function enhanceDateInputs(root = document) {
  if (!('showPicker' in HTMLInputElement.prototype)) return;
  for (const input of root.querySelectorAll('input.date-text:not([data-enhanced])')) {
    input.dataset.enhanced = 'true';
    const label = root.querySelector(`label[for="${input.id}"]`)?.firstChild?.textContent.trim() ?? 'ngày';
    const picker = el('input', { type: 'date', class: 'date-picker', tabindex: '-1', 'aria-hidden': 'true' });
    const button = el('button', {
      type: 'button',
      class: 'date-button secondary',
      'aria-label': `Chọn trên lịch: ${label}`,
      title: 'Chọn trên lịch',
    });
    button.addEventListener('click', () => {
      picker.value = parseDate(input.value) ?? '';
      try {
        picker.showPicker();
      } catch {
        input.focus();
      }
    });
    picker.addEventListener('change', () => {
      if (!picker.value) return;
      input.value = formatDate(picker.value);
      input.focus();
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    input.after(button, picker);
  }
}

export function setDateInput(input, iso) {
  input.value = formatDate(iso);
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

// A button that asks on the page before it acts: the first click shows "Đồng ý" / "Hủy".
export function confirmButton(label, question, action, { className = 'secondary' } = {}) {
  const box = el('span', { class: 'confirm-box' });
  const start = el('button', { type: 'button', class: className }, label);
  const reset = () => box.replaceChildren(start);
  start.addEventListener('click', () => {
    const yes = el('button', { type: 'button' }, 'Đồng ý');
    const no = el('button', { type: 'button', class: 'secondary' }, 'Hủy');
    yes.addEventListener('click', async () => {
      await whileBusy(yes, 'Đang thực hiện…', action);
      reset();
    });
    no.addEventListener('click', reset);
    box.replaceChildren(el('span', { class: 'confirm-question' }, question), ' ', yes, ' ', no);
    yes.focus();
  });
  reset();
  return box;
}

// Asks on the page, in place of `button` (a form's submit button), before a step that cannot be
// undone; resolves true on "Đồng ý", false on "Hủy".
export function askOnPage(button, question) {
  return new Promise((resolve) => {
    const yes = el('button', { type: 'button' }, 'Đồng ý');
    const no = el('button', { type: 'button', class: 'secondary' }, 'Hủy');
    const box = el('span', { class: 'confirm-box' }, el('span', { class: 'confirm-question' }, question), ' ', yes, ' ', no);
    button.hidden = true;
    button.after(box);
    const finish = (answer) => {
      box.remove();
      button.hidden = false;
      if (!answer) button.focus();
      resolve(answer);
    };
    yes.addEventListener('click', () => finish(true));
    no.addEventListener('click', () => finish(false));
    yes.focus();
  });
}

// Binds a one-date form (a text date field named as_of) to the address's ?as_of=: shows the
// day from the address (or defaultDay()), and on submit, change, the "today" button and
// back/forward calls load(iso). Returns { choose } to move to another day from code.
export function bindAsOfForm({ form, input, todayButton = null, defaultDay = todayIso, load }) {
  let shown = null;
  const display = (iso) => {
    shown = iso;
    setDateInput(input, iso);
    load(iso);
  };
  const choose = (iso) => {
    clearFormErrors(form);
    if (iso === shown) return;
    updateQuery({ as_of: iso === defaultDay() ? null : iso }, { push: true });
    display(iso);
  };
  const fromAddress = () => {
    clearFormErrors(form);
    const raw = queryParam('as_of');
    const iso = raw ? parseDate(raw) : null;
    display(iso ?? defaultDay());
    if (raw && !iso) {
      showFormError(form, {
        field: 'as_of',
        message: `Ngày “${raw}” trong địa chỉ không hợp lệ; đang hiển thị ngày ${formatDate(defaultDay())}.`,
      });
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const iso = parseDate(input.value);
    if (!iso) {
      clearFormErrors(form);
      showFormError(form, {
        field: 'as_of',
        message: 'Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2022.',
      });
      return;
    }
    choose(iso);
  });
  input.addEventListener('change', () => {
    const iso = parseDate(input.value);
    if (iso) choose(iso);
  });
  todayButton?.addEventListener('click', () => choose(todayIso()));
  window.addEventListener('popstate', fromAddress);
  enhanceDateInputs(form);
  fromAddress();
  return { choose };
}

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

// ---------------------------------------------------------------- session and page shell

// What every role may do; the navigation falls back to it when the session cannot be read.
const BASELINE_PERMISSIONS = ['read_organisation', 'read_people'];

// The menu, from the page table the server declares every page in once (web/pages.json): it
// arrives with the page as a JSON data block, each item with the permission its page needs.
const NAV_ITEMS = (() => {
  const data = document.getElementById('tdkt-menu');
  try {
    return JSON.parse(data?.textContent ?? '[]');
  } catch {
    return [];
  }
})();

let sessionRequest = null;
let signedIn = null;
let leaving = false;

// GET /api/v1/session, once per page: { account, csrf_token, permissions }.
export function session() {
  sessionRequest ??= api('/api/v1/session').then(
    (data) => {
      signedIn = data;
      return data;
    },
    (error) => {
      sessionRequest = null;
      throw error;
    },
  );
  return sessionRequest;
}

function forgetSession() {
  sessionRequest = null;
}

// Whether the signed-in role has `permission`; false until session() has resolved.
export function can(permission) {
  return Boolean(signedIn?.permissions?.includes(permission));
}

// Leaves for the sign-in page, which comes back here afterwards. reason: 'expired' (the
// page says "Phiên đăng nhập đã hết hạn") or 'logged_out'. The returned promise never
// settles, so that callers do not show errors while the browser is leaving.
export function goToLogin(reason = '') {
  if (!leaving) {
    leaving = true;
    const params = new URLSearchParams();
    if (reason !== 'logged_out') params.set('next', location.pathname + location.search + location.hash);
    if (reason) params.set('reason', reason);
    location.assign(`/login?${params}`);
  }
  return new Promise(() => {});
}

// aria-current for a navigation link: "page" on its own page, "true" on pages below it.
function currentMark(href) {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === href) return 'page';
  return href !== '/' && path.startsWith(`${href}/`) ? 'true' : null;
}

async function logout(event) {
  const button = event.currentTarget;
  button.disabled = true;
  try {
    await api('/api/v1/logout', { method: 'POST', body: {} });
  } catch (error) {
    button.disabled = false;
    setBanner(`Chưa đăng xuất được. ${error.message}`);
    return;
  }
  goToLogin('logged_out');
}

function userBox(account) {
  return el(
    'div',
    { class: 'user-box' },
    el(
      'p',
      { class: 'user-who' },
      el('span', { class: 'visually-hidden' }, 'Đang đăng nhập: '),
      el('strong', { class: 'user-name' }, account.display_name || account.username),
      el('span', { class: 'visually-hidden' }, ', vai trò: '),
      el('span', { class: 'user-role' }, account.role_label),
    ),
    el('a', { href: '/account', class: 'user-link', 'aria-current': currentMark('/account') }, 'Tài khoản'),
    el('button', { type: 'button', class: 'logout', onclick: logout }, 'Đăng xuất'),
  );
}

function renderMenu(menu, data) {
  const permissions = data?.permissions ?? BASELINE_PERMISSIONS;
  const items = NAV_ITEMS.filter((item) => !item.needs || permissions.includes(item.needs));
  menu.replaceChildren(
    el(
      'nav',
      { class: 'site-nav', 'aria-label': 'Chức năng chính' },
      el('ul', {}, items.map((item) => el('li', {}, el('a', { href: item.href, 'aria-current': currentMark(item.href) }, item.label)))),
    ),
    data ? userBox(data.account) : null,
  );
}

// Shows the elements marked data-requires="permission" that the role may use (they start
// hidden in the HTML, so that nothing flashes before the session is known).
export function applyPermissions(root = document) {
  for (const node of root.querySelectorAll('[data-requires]')) node.hidden = !can(node.dataset.requires);
}

// The shell of every page but the sign-in page: reads the session, fills the header with the
// navigation the role may use, the signed-in user and "Đăng xuất", and reveals the controls
// the role may use. Resolves to the session.
export function startShell() {
  const inner = document.querySelector('.site-header .inner');
  const menu = el('div', { class: 'site-menu', id: 'site-menu' });
  const toggle = el(
    'button',
    { type: 'button', class: 'nav-toggle', 'aria-expanded': 'false', 'aria-controls': 'site-menu' },
    'Danh mục',
  );
  const setOpen = (open) => {
    toggle.setAttribute('aria-expanded', String(open));
    menu.classList.toggle('open', open);
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.classList.contains('open')) {
      setOpen(false);
      toggle.focus();
    }
  });
  inner?.append(toggle, menu);
  const request = session();
  request.then(
    (data) => {
      renderMenu(menu, data);
      applyPermissions();
    },
    () => renderMenu(menu, null),
  );
  return request;
}

// ---------------------------------------------------------------- Vietnamese numbers and files

const decimalFormats = new Map();
// 124249.27 -> "124.249,27"; `digits` fixes the number of decimals (default: up to two).
export function formatDecimal(value, digits = null) {
  const key = digits ?? 'auto';
  if (!decimalFormats.has(key)) {
    decimalFormats.set(
      key,
      new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits ?? 0, maximumFractionDigits: digits ?? 2 }),
    );
  }
  return decimalFormats.get(key).format(value);
}

// 57.36 -> "57,36 %"; null or undefined -> "".
export function formatPercent(value) {
  return value === null || value === undefined ? '' : `${formatDecimal(value, 2)} %`;
}

// A number typed the Vietnamese way: "124.249,27", "124249,27", "2.400", "57,36", "0". Dots
// group thousands (three digits each), the comma starts the decimals. Returns null when the
// text is not such a number ("124.5" is refused: a dot never starts decimals here).
export function parseVietnameseNumber(text) {
  const compact = String(text ?? '').replace(/[\s\u00a0]/g, '');
  if (!/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(compact)) return null;
  const value = Number(compact.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

// 1536 -> "1,5 KB"; 10485760 -> "10 MB" (1 KB = 1024 bytes, as the upload limit counts).
export function formatBytes(bytes) {
  if (bytes < 1024) return `${formatDecimal(bytes, 0)} byte`;
  if (bytes < 1024 * 1024) return `${formatDecimal(bytes / 1024, 1)} KB`;
  return `${formatDecimal(bytes / (1024 * 1024), 1)} MB`;
}

// Sends a file as the raw body of a POST (with the session's CSRF token), as api() does for
// JSON: resolves to the parsed answer, rejects with ApiError.
export async function uploadFile(path, file) {
  for (let attempt = 0; ; attempt += 1) {
    const headers = {
      Accept: 'application/json',
      'Content-Type': file.type || 'application/octet-stream',
      'X-CSRF-Token': (await session()).csrf_token,
    };
    let response;
    try {
      response = await fetch(path, { method: 'POST', headers, body: file });
    } catch (error) {
      setBanner(NETWORK_MESSAGE);
      throw new ApiError(NETWORK_MESSAGE, { code: 'network' });
    }
    setBanner('');
    if (response.status === 401) return goToLogin('expired');
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (response.ok && data !== null) return data;
    const detail = data?.error ?? {};
    if (detail.code === 'csrf_failed' && attempt === 0) {
      forgetSession();
      continue;
    }
    const fallback =
      response.status === 413
        ? 'Tệp quá lớn (tối đa 10 MB).'
        : `Máy chủ báo lỗi (mã ${response.status}). Vui lòng thử lại hoặc báo quản trị viên.`;
    throw new ApiError(detail.message || fallback, {
      status: response.status,
      code: detail.code ?? '',
      field: detail.field ?? '',
    });
  }
}

// ---------------------------------------------------------------- Excel imports

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Sends a filled Excel form to an import (`path` carries ?dry_run=); resolves to { ok, data }
// either way: the report when it was accepted, the error and each row's problems when refused.
export async function postSpreadsheet(path, file) {
  const csrf = (await session()).csrf_token;
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': XLSX_TYPE, 'X-CSRF-Token': csrf, Accept: 'application/json' },
    body: file,
  });
  const data = await response.json().catch(() => null);
  if (!data) throw new Error(`Máy chủ báo lỗi (mã ${response.status}).`);
  return { ok: response.ok, data };
}

// The rows an import refused: sheet, row number and what is wrong.
export function problemsTable(problems) {
  return dataTable({
    caption: 'Các dòng chưa hợp lệ',
    columns: [{ label: 'Trang' }, { label: 'Dòng', class: 'nowrap' }, { label: 'Lỗi' }],
    rows: problems.map((problem) => [problem.sheet, String(problem.row), problem.message]),
  });
}
