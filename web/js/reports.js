// "Báo cáo sơ kết, tổng kết": the figures of the review report of a period, each number opening
// the list it counts, and the draft as DOCX or PDF (GET /api/v1/reports/review…).

import {
  api,
  askOnPage,
  clearFormErrors,
  dataTable,
  el,
  enhanceDateInputs,
  formatDate,
  formatDecimal,
  formatPercent,
  link,
  notice,
  parseDate,
  queryParam,
  setDateInput,
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

const form = document.getElementById('period-form');
const state = document.getElementById('report-state');
const report = document.getElementById('report');
const issueForm = document.getElementById('issue-form');
const NARRATIVE = ['situation', 'highlights', 'strengths', 'weaknesses', 'lessons', 'direction'];
let period = null;  // { from, to } of the figures shown

// A count that opens the list it counts.
function counted(count, what, items) {
  if (!items.length) return el('span', {}, `${count} ${what}`);
  return el('details', { class: 'counted' }, el('summary', {}, `${count} ${what}`), el('ul', {}, items));
}

function grantItem(item) {
  const href = item.subject_kind === 'person' ? `/people/${item.subject_id}` : `/units/${item.subject_id}`;
  const decided = item.decision_number
    ? ` — Quyết định số ${item.decision_number}${item.decision_date ? ` ngày ${formatDate(item.decision_date)}` : ''}`
    : '';
  return el('li', {}, link(href, item.subject_name), `: ${item.honour_name} năm ${item.year}${decided}`);
}

function movementList(title, list) {
  return el(
    'div',
    {},
    el('h3', {}, title),
    list.length
      ? el('ul', {}, list.map((m) => el('li', {}, link(`/movements/${m.id}`, m.name),
        ` (${m.authority}, ${formatDate(m.starts_on)} – ${formatDate(m.ends_on)})`)))
      : notice('Không có phong trào nào ở cấp này trong kỳ.'),
  );
}

function number(value) {
  return value === null ? '–' : formatDecimal(value);
}

function targetRows(items, withUnit) {
  return items.map((t) => [
    link(`/movements/${t.movement_id}/targets`, t.indicator),
    ...(withUnit ? [t.unit] : []),
    `${number(t.plan_value)} ${t.measure}`,
    t.latest === null ? 'Chưa có số liệu' : `${number(t.latest.value)} ${t.measure}`,
    t.completion === null ? t.status_label : `${formatPercent(t.completion)} (${t.status_label})`,
  ]);
}

function renderTargets(data) {
  show(
    document.getElementById('targets'),
    ...(data.targets.length
      ? data.targets.map((movement) =>
          el(
            'div',
            {},
            el('h3', {}, link(`/movements/${movement.movement_id}/targets`, movement.movement)),
            dataTable({
              caption: `Chỉ tiêu của phong trào ${movement.movement}`,
              columns: ['Chỉ tiêu', 'Đơn vị', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ'],
              rows: targetRows(movement.items, true),
            }),
          ),
        )
      : [notice('Các phong trào trong kỳ chưa có chỉ tiêu nào được giao.')]),
  );
  show(
    document.getElementById('next'),
    el('h3', {}, `Chỉ tiêu chưa đạt có hạn sau kỳ (${data.open_targets.length})`),
    data.open_targets.length
      ? dataTable({
          caption: 'Chỉ tiêu còn phải thực hiện',
          columns: ['Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ'],
          rows: targetRows(data.open_targets, false),
        })
      : notice('Không còn chỉ tiêu nào chưa đạt có hạn sau kỳ báo cáo.'),
    movementList(`Phong trào tiếp tục hoặc sẽ triển khai (${data.next_movements.length})`, data.next_movements),
  );
}

// The narrative of the report issued before, offered as a start for the officer's text.
function renderPrevious(data) {
  const box = document.getElementById('previous');
  const previous = data.previous;
  if (!previous) {
    show(box, notice('Chưa có báo cáo sơ kết, tổng kết nào ban hành trước kỳ này để lấy làm bản khởi đầu.'));
    return;
  }
  const button = el('button', { type: 'button', class: 'secondary', id: 'use-previous' }, 'Lấy nội dung báo cáo kỳ trước');
  const status = el('p', { class: 'status', role: 'status' });
  button.addEventListener('click', async () => {
    const filled = NARRATIVE.filter((name) => issueForm.elements[name].value.trim() !== '');
    if (filled.length && !(await askOnPage(button, 'Các ô đã viết sẽ được thay bằng nội dung báo cáo kỳ trước. Tiếp tục?')))
      return;
    for (const name of NARRATIVE) issueForm.elements[name].value = previous.narrative[name] || '';
    setStatus(status, `Đã lấy nội dung của Báo cáo số ${previous.number}; sửa lại cho kỳ này trước khi ban hành.`, 'ok');
  });
  show(
    box,
    el(
      'p',
      {},
      'Báo cáo kỳ trước: ',
      link(`/documents/${previous.id}`, `số ${previous.number} ngày ${formatDate(previous.issued_on)}`),
      ` — ${previous.summary}. `,
      button,
    ),
    status,
  );
}

function render(data, from, to) {
  renderTargets(data);
  renderPrevious(data);
  const query = `from=${from}&to=${to}`;
  document.getElementById('summary').textContent =
    `Báo cáo ${data.period_text} của ${data.issuer || 'cơ quan'} (ký hiệu ${data.symbol}): ${data.individuals} cá nhân và ` +
    `${data.collectives} tập thể được khen thưởng, ${data.documents.length} văn bản chỉ đạo, ` +
    `${data.complaints.received} đơn thư khiếu nại, tố cáo.`;
  document.getElementById('docx-link').href = `/api/v1/reports/review/docx?${query}`;
  document.getElementById('pdf-link').href = `/api/v1/reports/review/pdf?${query}`;
  show(
    document.getElementById('documents'),
    data.documents.length
      ? dataTable({
          caption: 'Văn bản của cơ quan ban hành trong kỳ',
          columns: ['Văn bản', 'Ngày', 'Trích yếu'],
          rows: data.documents.map((d) => [link(`/documents/${d.id}`, `${d.type_label} số ${d.number}`), formatDate(d.issued_on), d.summary]),
        })
      : notice('Trong kỳ cơ quan chưa ban hành văn bản nào được ghi trong sổ văn bản.'),
  );
  show(
    document.getElementById('movements'),
    movementList(`Do Trung ương phát động (${data.movements.national.length})`, data.movements.national),
    movementList(`Do tỉnh phát động (${data.movements.provincial.length})`, data.movements.provincial),
    movementList(`Do cơ quan phát động (${data.movements.own.length})`, data.movements.own),
  );
  const byKind = (row, kind) => row.items.filter((item) => item.subject_kind === kind).map(grantItem);
  show(
    document.getElementById('grants'),
    dataTable({
      caption: 'Khen thưởng theo cấp',
      columns: ['Cấp khen thưởng', 'Cá nhân', 'Tập thể'],
      rows: [
        ...data.grants.map((row) => [
          row.label,
          counted(row.individuals, 'cá nhân', byKind(row, 'person')),
          counted(row.collectives, 'tập thể', byKind(row, 'unit')),
        ]),
        [el('strong', {}, 'Tổng cộng'), el('strong', {}, String(data.individuals)), el('strong', {}, String(data.collectives))],
      ],
    }),
  );
  const c = data.complaints;
  const council = data.council;
  show(
    document.getElementById('others'),
    el('p', {}, c.received
      ? `Tiếp nhận ${c.received} đơn (${c.complaints} khiếu nại, ${c.denunciations} tố cáo); đã trả lời ${c.answered}, đang giải quyết ${c.open}, quá hạn ${c.overdue}. `
      : 'Trong kỳ không có đơn thư khiếu nại, tố cáo về thi đua, khen thưởng. ', link('/complaints', 'Sổ khiếu nại, tố cáo')),
    el('p', {}, council
      ? [link(`/council?id=${council.id}`, council.name),
          `: ${council.members} thành viên, nhiệm kỳ ${formatDate(council.term_from)} – ${formatDate(council.term_to)}; họp ${council.sessions} phiên trong kỳ.`]
      : 'Chưa có Hội đồng Thi đua - Khen thưởng có nhiệm kỳ bao gồm cuối kỳ báo cáo.'),
  );
  report.hidden = false;
}

async function load(from, to) {
  report.hidden = true;
  showLoading(state);
  try {
    const data = await api(`/api/v1/reports/review?from=${from}&to=${to}`);
    state.replaceChildren();
    period = { from, to };
    render(data, from, to);
  } catch (error) {
    showError(state, error);
  }
}

function submit() {
  clearFormErrors(form);
  const from = parseDate(form.elements.from.value);
  if (!from) return showFormError(form, { field: 'from', message: 'Ngày đầu kỳ viết dạng dd/mm/yyyy, ví dụ 01/01/2023.' });
  const to = parseDate(form.elements.to.value);
  if (!to) return showFormError(form, { field: 'to', message: 'Ngày cuối kỳ viết dạng dd/mm/yyyy, ví dụ 30/06/2023.' });
  updateQuery({ from, to });
  return load(from, to);
}

function preset(fromMonthDay, toMonthDay) {
  const chosen = parseDate(form.elements.from.value);
  const year = chosen ? chosen.slice(0, 4) : String(new Date().getFullYear());
  setDateInput(form.elements.from, `${year}-${fromMonthDay}`);
  setDateInput(form.elements.to, `${year}-${toMonthDay}`);
  submit();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  submit();
});
document.getElementById('first-half').addEventListener('click', () => preset('01-01', '06-30'));
document.getElementById('whole-year').addEventListener('click', () => preset('01-01', '12-31'));

issueForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(issueForm);
  const status = document.getElementById('issue-status');
  if (!period) return;
  const issuedOn = parseDate(issueForm.elements.issued_on.value);
  if (!issuedOn) {
    showFormError(issueForm, { field: 'issued_on', message: 'Ngày ban hành viết dạng dd/mm/yyyy, ví dụ 10/07/2023.' });
    return;
  }
  const narrative = Object.fromEntries(NARRATIVE.map((name) => [name, issueForm.elements[name].value]));
  const body = { from: period.from, to: period.to, issued_on: issuedOn, narrative };
  for (const name of ['signer_name', 'signer_authority', 'signer_position']) {
    const value = issueForm.elements[name].value.trim();
    if (value) body[name] = value;
  }
  const button = issueForm.querySelector('button[type=submit]');
  const question = 'Ban hành báo cáo? Báo cáo được cấp số tiếp theo trong sổ văn bản; số đã cấp không dùng lại.';
  if (!(await askOnPage(button, question))) return;
  await whileBusy(button, 'Đang ban hành…', async () => {
    try {
      const created = await api('/api/v1/reports/review/issue', { method: 'POST', body });
      show(
        status,
        `Đã ban hành Báo cáo số ${created.number} ngày ${formatDate(created.issued_on)}. `,
        link(`/documents/${created.id}`, 'Xem trong sổ văn bản'),
        ' · ',
        link(`/api/v1/documents/${created.id}/docx`, 'Tải DOCX'),
        ' · ',
        link(`/api/v1/documents/${created.id}/pdf`, 'Tải PDF'),
      );
      status.className = 'status ok';
    } catch (error) {
      showFormError(issueForm, error, { 'narrative.situation': 'situation', 'narrative.highlights': 'highlights',
        'narrative.strengths': 'strengths', 'narrative.weaknesses': 'weaknesses', 'narrative.lessons': 'lessons',
        'narrative.direction': 'direction' });
      setStatus(status, error.message, 'error');
    }
  });
});

enhanceDateInputs(form);
enhanceDateInputs(issueForm);
setDateInput(issueForm.elements.issued_on, todayIso());
startShell();
const year = new Date().getFullYear();
setDateInput(form.elements.from, queryParam('from') || `${year}-01-01`);
setDateInput(form.elements.to, queryParam('to') || `${year}-06-30`);
submit();
