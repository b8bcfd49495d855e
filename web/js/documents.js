// "Sổ văn bản": the documents of the register, filtered by keyword (accents optional), type,
// year and origin, with the filters kept in the address; for the roles that may, the form that
// registers a document and, for the agency's own ones, shows the number tdkt will give.

import {
  api,
  can,
  clearFormErrors,
  dataTable,
  el,
  enhanceDateInputs,
  formatDate,
  formatNumber,
  isAbort,
  link,
  notice,
  parseDate,
  queryParam,
  setStatus,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  todayIso,
  updateQuery,
  whileBusy,
} from './common.js';

const DEBOUNCE_MS = 300;

const shell = startShell();

// ---------------------------------------------------------------- document numbers

// "05/KH-BDT", "01/2021/TT-UBDT", "34-CT/TW" -> { number, year, symbol }, or null; the same
// forms the server accepts (domain/documents/register.cpp), so that mistakes show at once.
const SYMBOL = /^(?:[^\x00-\x7F]|[A-Za-z0-9./-]){1,60}$/;

function parseNumber(text) {
  const match = /^(\d{1,6})([/-])(.+)$/.exec(text);
  if (!match || Number(match[1]) <= 0) return null;
  let [, digits, separator, rest] = match;
  let year = null;
  const dated = /^(\d{4})\/(.+)$/.exec(rest);
  if (separator === '/' && dated && Number(dated[1]) >= 1945 && Number(dated[1]) <= 2100) {
    year = Number(dated[1]);
    rest = dated[2];
  }
  return SYMBOL.test(rest) ? { number: Number(digits), year, symbol: rest } : null;
}

const tidy = (text) => String(text ?? '').trim().replace(/\s+/g, ' ');

// ---------------------------------------------------------------- the list

const filterForm = document.getElementById('filter-form');
const qInput = document.getElementById('f-q');
const typeFilter = document.getElementById('f-type');
const yearFilter = document.getElementById('f-year');
const ownFilter = document.getElementById('f-own');
const clearButton = document.getElementById('f-clear');
const listStatus = document.getElementById('list-status');
const results = document.getElementById('results');

let filters = { q: '', type: '', year: '', own: false };
let listController = null;
let filterTimer = 0;

function filtersFromUrl() {
  const own = queryParam('own');
  return {
    q: queryParam('q').trim(),
    type: queryParam('type'),
    year: queryParam('year').trim(),
    own: own === 'true' || own === '1',
  };
}

function showFilters() {
  qInput.value = filters.q;
  typeFilter.value = filters.type;
  yearFilter.value = filters.year;
  ownFilter.checked = filters.own;
}

const filtered = () => Boolean(filters.q || filters.type || filters.year || filters.own);

// The type options come with the first answer of the API; a type from the address is kept.
function fillTypes(select, types) {
  if (select.options.length > 1) return;
  const wanted = select === typeFilter ? filters.type : select.value;
  select.append(...types.map((type) => el('option', { value: type.code }, type.label)));
  select.value = wanted;
}

function documentRow(doc) {
  return [
    { content: doc.number, class: 'doc-number' },
    formatDate(doc.issued_on),
    doc.type_label,
    doc.issuer,
    link(`/documents/${doc.id}`, doc.summary),
  ];
}

function renderList(items) {
  if (!items.length) {
    const hint = 'Không tìm thấy văn bản nào với bộ lọc đang chọn; hãy bỏ bớt điều kiện lọc.';
    setStatus(listStatus, filtered() ? hint : '');
    show(results, notice('Chưa có văn bản nào phù hợp.'));
    return;
  }
  const count = formatNumber(items.length);
  setStatus(listStatus, filtered() ? `Tìm thấy ${count} văn bản phù hợp.` : `Sổ có ${count} văn bản.`);
  show(
    results,
    dataTable({
      caption: 'Danh sách văn bản, mới nhất trước',
      className: 'documents-table',
      columns: [
        { label: 'Số, ký hiệu' },
        { label: 'Ngày ban hành' },
        { label: 'Loại' },
        { label: 'Cơ quan ban hành' },
        { label: 'Trích yếu' },
      ],
      rows: items.map(documentRow),
    }),
  );
}

// Loads the list for the current filters; resolves to its items (null when it failed or was
// replaced by a newer request).
async function loadList() {
  listController?.abort();
  listController = new AbortController();
  const { signal } = listController;
  if (results.querySelector('table')) {
    results.setAttribute('aria-busy', 'true');
    setStatus(listStatus, 'Đang tìm…');
  } else {
    showLoading(results, 'Đang tải sổ văn bản…');
  }
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.type) params.set('type', filters.type);
  if (filters.year) params.set('year', filters.year);
  if (filters.own) params.set('own', 'true');
  try {
    const data = await api(`/api/v1/documents?${params}`, { signal });
    fillTypes(typeFilter, data.types);
    renderList(data.items);
    return data.items;
  } catch (error) {
    if (isAbort(error)) return null;
    setStatus(listStatus, '');
    showError(results, error);
    return null;
  }
}

// Reads the filter form; a year that is not four digits is pointed out instead of sent.
function readFilters() {
  const year = yearFilter.value.trim();
  if (year && !/^\d{4}$/.test(year)) {
    return { error: { field: 'year', message: 'Năm ban hành gồm 4 chữ số, ví dụ 2023.' } };
  }
  return { values: { q: tidy(qInput.value), type: typeFilter.value, year, own: ownFilter.checked } };
}

// `force` reloads even when the filters are unchanged (the "Lọc" button retries a failure).
function applyFilters({ push = false, force = false } = {}) {
  clearTimeout(filterTimer);
  clearFormErrors(filterForm);
  const { values, error } = readFilters();
  if (error) {
    showFormError(filterForm, error);
    return null;
  }
  const same = Object.entries(values).every(([key, value]) => filters[key] === value);
  filters = values;
  updateQuery({ q: values.q, type: values.type, year: values.year, own: values.own ? 'true' : null }, { push });
  return same && !force ? Promise.resolve(null) : loadList();
}

// Typing waits for a pause; choices apply at once.
const applySoon = () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => applyFilters(), DEBOUNCE_MS);
};
qInput.addEventListener('input', applySoon);
yearFilter.addEventListener('input', applySoon);
typeFilter.addEventListener('change', () => applyFilters({ push: true }));
ownFilter.addEventListener('change', () => applyFilters({ push: true }));
filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  applyFilters({ push: true, force: true });
});
clearButton.addEventListener('click', () => {
  filterForm.reset();
  applyFilters({ push: true });
  qInput.focus();
});
window.addEventListener('popstate', () => {
  filters = filtersFromUrl();
  showFilters();
  clearFormErrors(filterForm);
  loadList();
});

// ---------------------------------------------------------------- registering a document

const form = document.getElementById('document-form');
const typeSelect = document.getElementById('d-type');
const ownBox = document.getElementById('d-own');
const ownHint = document.getElementById('d-own-hint');
const assignField = document.getElementById('assign-field');
const assignBox = document.getElementById('d-assign');
const symbolField = document.getElementById('symbol-field');
const symbolInput = document.getElementById('d-symbol');
const nextNumber = document.getElementById('next-number');
const numberField = document.getElementById('number-field');
const numberInput = document.getElementById('d-number');
const numberHint = document.getElementById('d-number-hint');
const gapField = document.getElementById('gap-field');
const gapInput = document.getElementById('d-gap');
const issuedInput = document.getElementById('d-issued');
const placeRequired = document.getElementById('place-required');
const citesBox = document.getElementById('d-cites');
const registerStatus = document.getElementById('register-status');

const OWN_HINT = ownHint.textContent;
const NUMBER_HINT = numberHint.textContent;
const thisYear = () => Number(todayIso().slice(0, 4));

// Every document of the register, newest first: the choices for "Căn cứ" and where the
// agency's own details are taken from.
let registerDocuments = [];
let numberController = null;
let numberTimer = 0;

const value = (name) => tidy(form.elements.namedItem(name).value);
const autoNumber = () => ownBox.checked && assignBox.checked;

// The year the document will be numbered in: that of the date of issue, else this year.
function numberingYear() {
  const iso = parseDate(issuedInput.value);
  return iso ? Number(iso.slice(0, 4)) : thisYear();
}

// Shows the parts of the form that fit the choices: a number given by tdkt needs only the
// symbol; a number written by hand is typed whole; the reason for skipping numbers only when
// the number skips some.
function showMode() {
  const own = ownBox.checked;
  assignField.hidden = !own;
  symbolField.hidden = !autoNumber();
  numberField.hidden = autoNumber();
  placeRequired.hidden = !own;
  if (autoNumber() || !own) showGap(false);
  checkNumberSoon();
}

function showGap(needed, text = '') {
  gapField.hidden = !needed;
  numberHint.textContent = text || NUMBER_HINT;
}

// The agency's own documents share the issuer, the parent body and the place: when they are
// still empty they are taken from its latest document, and the hint says so.
function fillAgencyDetails() {
  const latest = registerDocuments.find((doc) => doc.own);
  if (!latest) return;
  const filled = [];
  for (const [name, label] of [
    ['issuer', 'cơ quan ban hành'],
    ['issuer_parent', 'cơ quan chủ quản'],
    ['place', 'địa danh'],
  ]) {
    const input = form.elements.namedItem(name);
    if (!input.value.trim() && latest[name]) {
      input.value = latest[name];
      filled.push(label);
    }
  }
  ownHint.textContent = filled.length
    ? `${OWN_HINT} Đã điền sẵn ${filled.join(', ')} theo văn bản ${latest.number}; hãy sửa nếu khác.`
    : OWN_HINT;
}

function checkNumberSoon() {
  clearTimeout(numberTimer);
  numberTimer = setTimeout(checkNumber, DEBOUNCE_MS);
}

// Asks the server for the next number of the symbol: shown as "Số sẽ cấp" when tdkt numbers
// the document, compared with the typed number otherwise (a higher one skips numbers and
// needs a reason; a lower one was given already).
async function checkNumber() {
  numberController?.abort();
  if (!ownBox.checked) return;
  const auto = assignBox.checked;
  const typed = auto ? null : parseNumber(value('number'));
  const symbol = auto ? value('symbol') : typed?.symbol;
  if (auto && !symbol) {
    nextNumber.textContent = 'Nhập ký hiệu để xem số sẽ cấp.';
    return;
  }
  if (!auto && !typed) {
    showGap(false);
    return;
  }
  if (auto && !SYMBOL.test(symbol)) {
    nextNumber.textContent = 'Ký hiệu chỉ gồm chữ, số và các dấu - / . ; ví dụ KH-BDT.';
    return;
  }
  numberController = new AbortController();
  const year = typed?.year ?? numberingYear();
  const params = new URLSearchParams({ symbol, year: String(year) });
  try {
    const next = await api(`/api/v1/document-numbers/next?${params}`, { signal: numberController.signal });
    const sequence = `ký hiệu ${next.symbol} năm ${year}`;
    if (auto) {
      nextNumber.textContent = `Số sẽ cấp: ${next.text} (năm ${year})`;
    } else if (typed.number > next.number) {
      showGap(true, `Số tiếp theo của ${sequence} là ${next.text}; số ${value('number')} sẽ bỏ qua các số ở giữa.`);
    } else if (typed.number < next.number) {
      showGap(false, `Số này đã được cấp; số tiếp theo của ${sequence} là ${next.text}.`);
    } else {
      showGap(false, `Đúng số tiếp theo của ${sequence}.`);
    }
  } catch (error) {
    if (isAbort(error)) return;
    if (auto) nextNumber.textContent = error.message;
    else showGap(false, error.message);
  }
}

function fillCites() {
  const chosen = new Set([...form.querySelectorAll('input[name="cite"]:checked')].map((box) => box.value));
  if (!registerDocuments.length) {
    citesBox.replaceChildren(el('p', { class: 'hint' }, 'Sổ chưa có văn bản nào.'));
    return;
  }
  citesBox.replaceChildren(
    ...registerDocuments.map((doc) => {
      const id = `cite-${doc.id}`;
      return el(
        'div',
        { class: 'checkbox' },
        el('input', { type: 'checkbox', id, name: 'cite', value: doc.id, checked: chosen.has(String(doc.id)) }),
        el(
          'label',
          { for: id },
          el('strong', {}, doc.number),
          ` — ${doc.type_label}, ${formatDate(doc.issued_on)}: ${doc.summary}`,
        ),
      );
    }),
  );
}

async function loadRegister() {
  try {
    const data = await api('/api/v1/documents');
    registerDocuments = data.items;
    fillTypes(typeSelect, data.types);
    fillCites();
  } catch (error) {
    citesBox.replaceChildren(notice(`Chưa tải được danh sách văn bản để chọn căn cứ. ${error.message}`, 'error'));
  }
}

// The form's values as the API takes them, or the first mistake, in the order of the form.
function readDocumentForm() {
  const fail = (field, message) => ({ error: { field, message } });
  const own = ownBox.checked;
  if (!typeSelect.value) return fail('type', 'Vui lòng chọn loại văn bản.');
  const body = { type: typeSelect.value, own };
  let typed = null;
  if (autoNumber()) {
    const symbol = value('symbol');
    if (!symbol) return fail('symbol', 'Vui lòng nhập ký hiệu văn bản, ví dụ KH-BDT.');
    if (!SYMBOL.test(symbol) || /^\d{4}\//.test(symbol)) {
      return fail('symbol', 'Ký hiệu chỉ gồm chữ, số và các dấu - / . (không có số năm); ví dụ KH-BDT.');
    }
    Object.assign(body, { assign_number: true, symbol });
  } else {
    const number = value('number');
    if (!number) return fail('number', 'Vui lòng nhập số, ký hiệu của văn bản, ví dụ 05/KH-BDT.');
    typed = parseNumber(number);
    if (!typed) return fail('number', 'Số, ký hiệu không đúng dạng; ví dụ: 05/KH-BDT, 01/2021/TT-UBDT, 34-CT/TW.');
    body.number = number;
  }
  if (!gapField.hidden) {
    if (!value('gap_reason')) return fail('gap_reason', 'Vui lòng ghi lý do bỏ số, hoặc sửa lại số cho đúng số tiếp theo.');
    body.gap_reason = value('gap_reason');
  }
  if (!issuedInput.value.trim()) return fail('issued_on', 'Vui lòng nhập ngày ban hành.');
  const issued = parseDate(issuedInput.value);
  if (!issued) return fail('issued_on', 'Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 03/02/2023.');
  const year = Number(issued.slice(0, 4));
  if (year < 1945 || year > thisYear()) return fail('issued_on', `Năm ban hành phải từ 1945 đến ${thisYear()}.`);
  if (typed?.year && typed.year !== year) {
    return fail('number', `Năm trong số, ký hiệu (${typed.year}) khác năm ban hành (${year}).`);
  }
  body.issued_on = issued;
  for (const name of ['issuer', 'issuer_parent', 'place', 'signer_name', 'signer_authority', 'signer_position', 'summary']) {
    body[name] = value(name);
  }
  if (!body.issuer) return fail('issuer', 'Vui lòng nhập cơ quan ban hành.');
  if (own && !body.place) return fail('place', 'Vui lòng nhập địa danh; văn bản của cơ quan ghi địa danh trước ngày ban hành.');
  if (!body.summary) return fail('summary', 'Vui lòng nhập trích yếu (nội dung tóm tắt của văn bản).');
  body.recipients = form.elements
    .namedItem('recipients')
    .value.split('\n')
    .map(tidy)
    .filter(Boolean);
  body.cites = [...form.querySelectorAll('input[name="cite"]:checked')].map((box) => Number(box.value));
  return { values: body };
}

// The server names the field of its error; with tdkt numbering, "number" means the symbol.
function serverError(failure) {
  // A number above the next one is refused until the reason for the gap is given.
  const skips = failure.status === 400 && failure.field === 'number' && /bỏ số|bỏ qua/.test(failure.message);
  if (skips && ownBox.checked && !assignBox.checked) {
    showGap(true);
    showFormError(form, { field: 'gap_reason', message: failure.message });
    return;
  }
  showFormError(form, failure, autoNumber() ? { number: 'symbol' } : {});
}

function resetForm() {
  form.reset();
  issuedInput.value = formatDate(todayIso());
  nextNumber.textContent = '';
  ownHint.textContent = OWN_HINT;
  showMode();
}

// After registering: the list shows the new document, dropping the filters if they hide it.
async function showRegistered(doc) {
  const items = await loadList();
  if (items && !items.some((item) => item.id === doc.id) && filtered()) {
    filterForm.reset();
    await applyFilters({ push: true });
    setStatus(listStatus, `${listStatus.textContent} Đã bỏ bộ lọc để hiện văn bản vừa vào sổ.`);
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(form);
  setStatus(registerStatus, '');
  const { values, error } = readDocumentForm();
  if (error) {
    showFormError(form, error);
    return;
  }
  let doc;
  try {
    doc = await whileBusy(form.querySelector('button[type="submit"]'), 'Đang vào sổ…', () =>
      api('/api/v1/documents', { method: 'POST', body: values }),
    );
  } catch (failure) {
    serverError(failure);
    return;
  }
  resetForm();
  setStatus(registerStatus, `Đã vào sổ văn bản số ${doc.number}. `, 'ok');
  registerStatus.append(link(`/documents/${doc.id}`, 'Xem văn bản'));
  await Promise.all([showRegistered(doc), loadRegister()]);
});

form.addEventListener('input', () => setStatus(registerStatus, ''));
ownBox.addEventListener('change', () => {
  if (ownBox.checked) fillAgencyDetails();
  else ownHint.textContent = OWN_HINT;
  showMode();
});
assignBox.addEventListener('change', showMode);
symbolInput.addEventListener('input', checkNumberSoon);
numberInput.addEventListener('input', checkNumberSoon);
// The sequences restart every year, so the date of issue changes the number.
issuedInput.addEventListener('input', checkNumberSoon);
issuedInput.addEventListener('change', checkNumberSoon);

// ---------------------------------------------------------------- start

filters = filtersFromUrl();
showFilters();
loadList();
shell.then(
  () => {
    if (!can('manage_documents')) return;
    resetForm();
    enhanceDateInputs(form);
    loadRegister();
  },
  () => {},
);
