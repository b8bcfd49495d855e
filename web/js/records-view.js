// Yearly records, grants received, initiatives and the verdicts computed from them, for the
// person and unit pages. One module for both: a subject is { kind: 'person' | 'unit', id }.

import {
  askOnPage,
  api,
  can,
  clearFormErrors,
  dataTable,
  el,
  formatDate,
  notice,
  parseDate,
  setStatus,
  show,
  showError,
  showFormError,
  showLoading,
  todayIso,
  whileBusy,
  XLSX_TYPE,
  postSpreadsheet,
  problemsTable,
} from './common.js';

export const RATINGS = [
  ['HTXSNV', 'Hoàn thành xuất sắc nhiệm vụ'],
  ['HTTNV', 'Hoàn thành tốt nhiệm vụ'],
  ['HTNV', 'Hoàn thành nhiệm vụ'],
  ['KHTNV', 'Không hoàn thành nhiệm vụ'],
];
const DISCIPLINE = [
  ['none', 'Không'],
  ['khien_trach', 'Khiển trách'],
  ['canh_cao', 'Cảnh cáo'],
  ['ha_bac_luong', 'Hạ bậc lương'],
  ['giang_chuc', 'Giáng chức'],
  ['cach_chuc', 'Cách chức'],
  ['buoc_thoi_viec', 'Buộc thôi việc'],
];
const LEVELS = [
  ['unit', 'Cơ sở'],
  ['province', 'Tỉnh'],
  ['national', 'Toàn quốc'],
];
const VERDICTS = {
  eligible: { text: 'Đủ điều kiện', class: 'ok' },
  ineligible: { text: 'Chưa đủ điều kiện', class: 'off' },
  insufficient_data: { text: 'Thiếu dữ liệu', class: 'warn' },
};

const base = ({ kind, id }) => `/api/v1/${kind === 'person' ? 'people' : 'units'}/${id}`;

function knownText(value) {
  if (value === true) return 'Có';
  if (value === false) return 'Không';
  return '—';
}

function outcomeText(met) {
  if (met === true) return el('span', { class: 'badge ok' }, 'Đạt');
  if (met === false) return el('span', { class: 'badge off' }, 'Không đạt');
  return el('span', { class: 'badge warn' }, 'Chưa có dữ liệu');
}

// ---------------------------------------------------------------- form helpers

let fieldCounter = 0;

function field(label, control, { hint = '', wide = false } = {}) {
  const id = control.id || `rf-${++fieldCounter}`;
  control.id = id;
  const hintNode = hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  return el('div', { class: wide ? 'field wide' : 'field' }, el('label', { for: id }, label), control, hintNode);
}

function select(name, options, { blank = null, value = '' } = {}) {
  const node = el(
    'select',
    { name },
    blank === null ? null : el('option', { value: '' }, blank),
    options.map(([code, label]) => el('option', { value: code }, label)),
  );
  node.value = value ?? '';
  return node;
}

function input(name, { type = 'text', value = '', ...props } = {}) {
  const node = el('input', { name, type, autocomplete: 'off', ...props });
  node.value = value ?? '';
  return node;
}

function triState(name, value) {
  return select(
    name,
    [
      ['yes', 'Có'],
      ['no', 'Không'],
    ],
    { blank: 'Chưa ghi nhận', value: value === true ? 'yes' : value === false ? 'no' : '' },
  );
}

function readTriState(form, name) {
  const value = form.elements.namedItem(name).value;
  return value === 'yes' ? true : value === 'no' ? false : null;
}

function readInt(form, name, label, { min = 0, max = 100000 } = {}) {
  const text = form.elements.namedItem(name).value.trim();
  if (!text) return { value: null };
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    return { error: { field: name, message: `${label} phải là số nguyên từ ${min} đến ${max}.` } };
  }
  return { value: Number(text) };
}

function readDate(form, name) {
  const text = form.elements.namedItem(name).value.trim();
  if (!text) return { value: null };
  const iso = parseDate(text);
  if (!iso) return { error: { field: name, message: 'Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 15/01/2025.' } };
  return { value: iso };
}

function yearOptions(from, to) {
  const years = [];
  for (let year = to; year >= from; year -= 1) years.push([String(year), String(year)]);
  return years;
}

// ---------------------------------------------------------------- verdicts

function reasonRows(reasons, depth = 0) {
  return reasons.flatMap((reason) => [
    [
      el('span', { class: depth ? 'sub-reason' : null }, reason.text),
      outcomeText(reason.met),
      el('span', { class: 'citation' }, reason.citation, reason.unverified ? el('span', { class: 'unverified', title: reason.note }, ' (chưa kiểm chứng)') : null),
    ],
    ...reasonRows(reason.details ?? [], depth + 1),
  ]);
}

function verdictCard(result) {
  const verdict = VERDICTS[result.verdict] ?? VERDICTS.insufficient_data;
  const summary = el(
    'summary',
    {},
    el('span', { class: 'honour-name' }, result.name),
    ' ',
    el('span', { class: `badge ${verdict.class}` }, verdict.text),
  );
  const missing = result.missing?.length
    ? el('p', { class: 'hint' }, `Cần bổ sung: ${result.missing.join(', ')}.`)
    : null;
  const deadline = result.deadline
    ? el('p', { class: 'hint' }, `${result.deadline.text} (${result.deadline.citation}).`)
    : null;
  return el(
    'details',
    { class: 'verdict', 'data-honour': result.honour, 'data-verdict': result.verdict, open: result.verdict !== 'ineligible' },
    summary,
    dataTable({
      caption: `Các điều kiện của ${result.name}`,
      columns: [{ label: 'Điều kiện' }, { label: 'Kết quả', class: 'nowrap' }, { label: 'Căn cứ' }],
      rows: reasonRows(result.reasons),
    }),
    missing,
    deadline,
  );
}

export function eligibilityPanel(subject) {
  const thisYear = Number(todayIso().slice(0, 4));
  const box = el('div', { class: 'verdicts', 'aria-live': 'polite' });
  const yearSelect = select('year', yearOptions(2024, thisYear), { value: String(thisYear) });
  const dateInput = input('decision_date', { value: formatDate(todayIso()), class: 'date-text', inputmode: 'numeric', placeholder: 'dd/mm/yyyy' });
  const form = el(
    'form',
    { class: 'inline-form', novalidate: true },
    field('Năm xét', yearSelect),
    field('Ngày quyết định', dateInput, { hint: 'Chọn bộ tiêu chuẩn có hiệu lực vào ngày này.' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Xét lại')),
  );
  async function load() {
    clearFormErrors(form);
    const day = parseDate(dateInput.value);
    if (!day) {
      showFormError(form, { field: 'decision_date', message: 'Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm.' });
      return;
    }
    showLoading(box, 'Đang xét tiêu chuẩn…');
    try {
      const data = await api(`${base(subject)}/eligibility?year=${yearSelect.value}&decision_date=${day}`);
      const counts = { eligible: 0, ineligible: 0, insufficient_data: 0 };
      for (const result of data.results) counts[result.verdict] += 1;
      show(
        box,
        el(
          'p',
          { class: 'rule-set' },
          `Năm ${data.year}, xét theo bộ tiêu chuẩn “${data.rule_set_name}” (có hiệu lực vào ngày ${formatDate(data.decision_date)}`,
          data.layers?.length ? `, kèm quy định của tỉnh` : '',
          `). Đủ điều kiện: ${counts.eligible}; chưa đủ: ${counts.ineligible}; thiếu dữ liệu: ${counts.insufficient_data}.`,
        ),
        data.notes.map((text) => el('p', { class: 'hint' }, text)),
        data.results.map(verdictCard),
        el('h3', {}, 'Hướng phấn đấu tiếp theo'),
        data.path.length
          ? el('ul', { class: 'path' }, data.path.map((step) => el('li', { 'data-honour': step.honour }, step.text)))
          : notice('Chưa xác định được danh hiệu nào có thể đạt trong 6 năm tới theo dữ liệu hiện có.'),
      );
    } catch (error) {
      showError(box, error);
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  yearSelect.addEventListener('change', load);
  load();
  return { node: el('div', {}, form, box), reload: load };
}

// ---------------------------------------------------------------- person years

function personYearForm(onSaved, subject) {
  const thisYear = Number(todayIso().slice(0, 4));
  const status = el('p', { class: 'status', role: 'status' });
  const form = el(
    'form',
    { novalidate: true, class: 'record-form' },
    el(
      'div',
      { class: 'form-grid' },
      field('Năm', select('year', yearOptions(2000, thisYear), { value: String(thisYear) })),
      field('Xếp loại', select('rating', RATINGS, { blank: 'Chưa xếp loại' })),
      field('Số tháng công tác', input('months_worked', { inputmode: 'numeric', maxlength: 2 }), { hint: '0–12 tháng làm việc thực tế.' }),
      field('Số tháng nghỉ thai sản', input('leave_months', { inputmode: 'numeric', maxlength: 2 }), {
        hint: 'Được tính là thời gian công tác (Nghị định 152/2025/NĐ-CP, Điều 4 khoản 5).',
      }),
      field('Kỷ luật', select('discipline', DISCIPLINE, { value: 'none' })),
      field('Ngày quyết định kỷ luật', input('discipline_date', { class: 'date-text', inputmode: 'numeric', placeholder: 'dd/mm/yyyy' })),
      field('Đang xem xét kỷ luật, điều tra, thanh tra', triState('discipline_pending')),
      field('Nội dung đang xem xét', input('pending_note', { maxlength: 500 }), { wide: true }),
      field('Thành tích được ghi nhận trong năm', triState('notable_achievement'), {
        hint: 'Căn cứ xét Giấy khen, Bằng khen.',
      }),
      field('Ghi chú', input('note', { maxlength: 1000 }), { wide: true }),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Lưu hồ sơ năm')),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    setStatus(status, '');
    const months = readInt(form, 'months_worked', 'Số tháng công tác', { max: 12 });
    const leave = readInt(form, 'leave_months', 'Số tháng nghỉ thai sản', { max: 12 });
    const date = readDate(form, 'discipline_date');
    const error = months.error ?? leave.error ?? date.error;
    if (error) {
      showFormError(form, error);
      return;
    }
    const year = form.elements.namedItem('year').value;
    const body = {
      rating: form.elements.namedItem('rating').value || null,
      months_worked: months.value,
      leave_months: leave.value,
      discipline: form.elements.namedItem('discipline').value,
      discipline_date: date.value,
      discipline_pending: readTriState(form, 'discipline_pending') === true,
      pending_note: form.elements.namedItem('pending_note').value.trim(),
      notable_achievement: readTriState(form, 'notable_achievement'),
      note: form.elements.namedItem('note').value.trim(),
    };
    try {
      await whileBusy(form.querySelector('button[type="submit"]'), 'Đang lưu…', () =>
        api(`${base(subject)}/years/${year}`, { method: 'PUT', body }),
      );
      setStatus(status, `Đã lưu hồ sơ năm ${year}.`, 'ok');
      onSaved();
    } catch (failure) {
      showFormError(form, failure);
    }
  });
  form.fill = (record) => {
    const set = (name, value) => {
      form.elements.namedItem(name).value = value ?? '';
    };
    set('year', String(record.year));
    set('rating', record.rating ?? '');
    set('months_worked', record.months_worked ?? '');
    set('leave_months', record.leave_months ?? '');
    set('discipline', record.discipline ?? 'none');
    set('discipline_date', formatDate(record.discipline_date));
    set('discipline_pending', record.discipline_pending ? 'yes' : '');
    set('pending_note', record.pending_note);
    set('notable_achievement', record.notable_achievement === true ? 'yes' : record.notable_achievement === false ? 'no' : '');
    set('note', record.note);
    form.elements.namedItem('rating').focus();
  };
  return form;
}

function unitYearForm(onSaved, subject) {
  const thisYear = Number(todayIso().slice(0, 4));
  const status = el('p', { class: 'status', role: 'status' });
  const counts = [
    ['members', 'Tổng số thành viên'],
    ['members_completed', 'Số hoàn thành nhiệm vụ trở lên'],
    ['members_ldtt', 'Số đạt Lao động tiên tiến'],
    ['members_cstdcs', 'Số đạt Chiến sĩ thi đua cơ sở'],
    ['members_disciplined', 'Số bị kỷ luật từ cảnh cáo'],
  ];
  const form = el(
    'form',
    { novalidate: true, class: 'record-form' },
    el(
      'div',
      { class: 'form-grid' },
      field('Năm', select('year', yearOptions(2000, thisYear), { value: String(thisYear) })),
      field('Xếp loại tập thể', select('rating', RATINGS, { blank: 'Chưa xếp loại' })),
      counts.map(([name, label]) =>
        field(label, input(name, { inputmode: 'numeric', maxlength: 6 }), { hint: 'Để trống: tính từ hồ sơ năm của các thành viên.' }),
      ),
      field('Dẫn đầu cụm, khối thi đua', triState('leads_bloc')),
      field('Thành tích được ghi nhận trong năm', triState('notable_achievement')),
      field('Đang bị thanh tra, điều tra', triState('discipline_pending')),
      field('Ghi chú', input('note', { maxlength: 1000 }), { wide: true }),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Lưu hồ sơ năm')),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    setStatus(status, '');
    const body = {
      rating: form.elements.namedItem('rating').value || null,
      leads_bloc: readTriState(form, 'leads_bloc'),
      notable_achievement: readTriState(form, 'notable_achievement'),
      discipline_pending: readTriState(form, 'discipline_pending') === true,
      note: form.elements.namedItem('note').value.trim(),
    };
    for (const [name, label] of counts) {
      const value = readInt(form, name, label);
      if (value.error) {
        showFormError(form, value.error);
        return;
      }
      body[name] = value.value;
    }
    const year = form.elements.namedItem('year').value;
    try {
      await whileBusy(form.querySelector('button[type="submit"]'), 'Đang lưu…', () =>
        api(`${base(subject)}/years/${year}`, { method: 'PUT', body }),
      );
      setStatus(status, `Đã lưu hồ sơ năm ${year}.`, 'ok');
      onSaved();
    } catch (failure) {
      showFormError(form, failure);
    }
  });
  form.fill = (record) => {
    const set = (name, value) => {
      form.elements.namedItem(name).value = value ?? '';
    };
    set('year', String(record.year));
    set('rating', record.rating ?? '');
    for (const [name] of counts) set(name, record.stored && !record.derived?.includes(name) ? record[name] : '');
    set('leads_bloc', record.leads_bloc === true ? 'yes' : record.leads_bloc === false ? 'no' : '');
    set('notable_achievement', record.notable_achievement === true ? 'yes' : record.notable_achievement === false ? 'no' : '');
    set('discipline_pending', record.discipline_pending ? 'yes' : '');
    set('note', record.note);
    form.elements.namedItem('rating').focus();
  };
  return form;
}

function grantForm(onSaved, subject, honours) {
  const thisYear = Number(todayIso().slice(0, 4));
  const status = el('p', { class: 'status', role: 'status' });
  const options = honours.honours
    .filter((honour) => !honour.subjects.length || honour.subjects.includes(subject.kind))
    .map((honour) => [honour.code, honour.name]);
  const form = el(
    'form',
    { novalidate: true, class: 'record-form' },
    el(
      'div',
      { class: 'form-grid' },
      field('Danh hiệu, hình thức', select('honour', options, { blank: '— Chọn —' }), { wide: true }),
      field('Năm được khen', select('year', yearOptions(1990, thisYear), { value: String(thisYear - 1) })),
      field('Loại khen thưởng', select('type', honours.grant_types.map((type) => [type.code, type.label]), { value: 'merit' }), {
        hint: 'Khen đột xuất, chuyên đề không tính vào chuỗi thành tích.',
      }),
      field('Số quyết định', input('decision_number', { maxlength: 100, placeholder: 'Ví dụ: 631/QĐ-UBND' })),
      field('Ngày quyết định', input('decision_date', { class: 'date-text', inputmode: 'numeric', placeholder: 'dd/mm/yyyy' })),
      field('Cấp quyết định', input('authority', { maxlength: 300, placeholder: 'Ví dụ: Chủ tịch UBND tỉnh Đồng Nai' }), { wide: true }),
      field('Ghi chú', input('note', { maxlength: 1000 }), { wide: true }),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Thêm khen thưởng')),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    setStatus(status, '');
    if (!form.elements.namedItem('honour').value) {
      showFormError(form, { field: 'honour', message: 'Vui lòng chọn danh hiệu, hình thức khen thưởng.' });
      return;
    }
    const date = readDate(form, 'decision_date');
    if (date.error) {
      showFormError(form, date.error);
      return;
    }
    const body = {
      subject_kind: subject.kind,
      subject_id: subject.id,
      honour: form.elements.namedItem('honour').value,
      year: Number(form.elements.namedItem('year').value),
      type: form.elements.namedItem('type').value,
      decision_number: form.elements.namedItem('decision_number').value.trim(),
      decision_date: date.value,
      authority: form.elements.namedItem('authority').value.trim(),
      note: form.elements.namedItem('note').value.trim(),
    };
    try {
      await whileBusy(form.querySelector('button[type="submit"]'), 'Đang lưu…', () =>
        api('/api/v1/grants', { method: 'POST', body }),
      );
      setStatus(status, `Đã thêm khen thưởng năm ${body.year}.`, 'ok');
      form.reset();
      onSaved();
    } catch (failure) {
      showFormError(form, failure);
    }
  });
  return form;
}

function initiativeForm(onSaved, subject, honours) {
  const thisYear = Number(todayIso().slice(0, 4));
  const status = el('p', { class: 'status', role: 'status' });
  const form = el(
    'form',
    { novalidate: true, class: 'record-form' },
    el(
      'div',
      { class: 'form-grid' },
      field('Tên sáng kiến, đề tài', input('title', { maxlength: 500 }), { wide: true }),
      field('Năm công nhận', select('year', yearOptions(1990, thisYear), { value: String(thisYear) })),
      field('Phạm vi ảnh hưởng', select('level', LEVELS, { value: 'unit' })),
      field('Quyết định công nhận', input('recognised_by', { maxlength: 200 })),
      field('Đã dùng để xét danh hiệu', select('used_for', honours.honours.map((honour) => [honour.code, honour.name]), { blank: 'Chưa dùng' }), {
        hint: 'Mỗi sáng kiến chỉ được dùng một lần để xét khen thưởng.',
      }),
      field('Năm được khen', select('used_for_year', yearOptions(1990, thisYear), { blank: '—' })),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Thêm sáng kiến')),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    setStatus(status, '');
    const title = form.elements.namedItem('title').value.trim();
    if (!title) {
      showFormError(form, { field: 'title', message: 'Vui lòng nhập tên sáng kiến, đề tài.' });
      return;
    }
    const usedYear = form.elements.namedItem('used_for_year').value;
    const body = {
      subject_kind: subject.kind,
      subject_id: subject.id,
      title,
      year: Number(form.elements.namedItem('year').value),
      level: form.elements.namedItem('level').value,
      recognised_by: form.elements.namedItem('recognised_by').value.trim(),
      used_for: form.elements.namedItem('used_for').value,
      used_for_year: usedYear ? Number(usedYear) : null,
    };
    try {
      await whileBusy(form.querySelector('button[type="submit"]'), 'Đang lưu…', () =>
        api('/api/v1/initiatives', { method: 'POST', body }),
      );
      setStatus(status, `Đã thêm sáng kiến “${title}”.`, 'ok');
      form.reset();
      onSaved();
    } catch (failure) {
      showFormError(form, failure);
    }
  });
  return form;
}

// ---------------------------------------------------------------- the records panel

function deleteButton(label, confirmText, path, after, status) {
  return el(
    'button',
    {
      type: 'button',
      class: 'danger',
      'aria-label': label,
      onclick: async (event) => {
        if (!(await askOnPage(event.currentTarget, `${confirmText} Thao tác này không hoàn tác được.`))) return;
        try {
          await api(path, { method: 'DELETE' });
          setStatus(status, 'Đã xóa.', 'ok');
          after();
        } catch (error) {
          setStatus(status, error.message, 'error');
        }
      },
    },
    'Xóa',
  );
}

// Renders the yearly records, grants and initiatives of `subject` into `container`, with the
// forms for those who may change them. `onChange` runs after every change (to re-judge).
export async function recordsPanel(container, subject, { onChange = () => {}, names = new Map() } = {}) {
  const editable = can('manage_records');
  const status = el('p', { class: 'status', role: 'status' });
  const yearsBox = el('div');
  const grantsBox = el('div');
  const initiativesBox = el('div');
  let honours = { honours: [], grant_types: [] };
  try {
    honours = await api('/api/v1/honours');
  } catch (error) {
    showError(container, error);
    return;
  }
  const refresh = async () => {
    await load();
    onChange();
  };
  const yearForm = subject.kind === 'person' ? personYearForm(refresh, subject) : unitYearForm(refresh, subject);

  async function load() {
    showLoading(yearsBox, 'Đang tải hồ sơ năm…');
    let data;
    try {
      data = await api(`${base(subject)}/records`);
    } catch (error) {
      showError(yearsBox, error);
      return;
    }
    const years = [...data.years].sort((a, b) => b.year - a.year);
    const personColumns = [
      { label: 'Năm', class: 'nowrap' },
      { label: 'Xếp loại' },
      { label: 'Tháng công tác', class: 'nowrap' },
      { label: 'Kỷ luật' },
      { label: 'Đang xem xét' },
      { label: 'Thành tích' },
    ];
    const unitColumns = [
      { label: 'Năm', class: 'nowrap' },
      { label: 'Xếp loại' },
      { label: 'Thành viên' },
      { label: 'HTNV trở lên' },
      { label: 'LĐTT' },
      { label: 'CSTĐCS' },
      { label: 'Ghi nhận bởi' },
    ];
    const lineageNames = new Map((data.lineage ?? []).map((unit) => [unit.id, unit.name]));
    const derivedMark = (record, name) =>
      record[name] === null ? '—' : record.derived?.includes(name) ? `${record[name]} (tính từ hồ sơ thành viên)` : String(record[name]);
    const rowFor = (record) =>
      subject.kind === 'person'
        ? [
            String(record.year),
            record.rating_label,
            record.counted_months === null
              ? '—'
              : record.leave_months
                ? `${record.counted_months} (gồm ${record.leave_months} tháng nghỉ thai sản)`
                : String(record.counted_months),
            record.discipline === 'none' ? 'Không' : `${record.discipline_label}${record.discipline_date ? ` (${formatDate(record.discipline_date)})` : ''}`,
            record.discipline_pending ? `Có${record.pending_note ? `: ${record.pending_note}` : ''}` : 'Không',
            knownText(record.notable_achievement),
          ]
        : [
            String(record.year),
            record.rating_label,
            derivedMark(record, 'members'),
            derivedMark(record, 'members_completed'),
            derivedMark(record, 'members_ldtt'),
            derivedMark(record, 'members_cstdcs'),
            record.recorded_by === subject.id ? 'Đơn vị này' : lineageNames.get(record.recorded_by) ?? `Đơn vị mã ${record.recorded_by}`,
          ];
    const actions = (record) => {
      if (!editable) return [];
      const own = subject.kind === 'person' || (record.stored && record.recorded_by === subject.id);
      return [
        el(
          'div',
          { class: 'row-actions' },
          el('button', { type: 'button', onclick: () => yearForm.fill(record), 'aria-label': `Sửa hồ sơ năm ${record.year}` }, 'Sửa'),
          own
            ? deleteButton(`Xóa hồ sơ năm ${record.year}`, `Xóa hồ sơ năm ${record.year}?`, `${base(subject)}/years/${record.year}`, refresh, status)
            : null,
        ),
      ];
    };
    const columns = [...(subject.kind === 'person' ? personColumns : unitColumns), ...(editable ? [{ label: 'Thao tác' }] : [])];
    show(
      yearsBox,
      years.length
        ? dataTable({ caption: 'Hồ sơ các năm', columns, rows: years.map((record) => [...rowFor(record), ...actions(record)]) })
        : notice('Chưa có hồ sơ năm nào.'),
    );

    const grants = [...data.grants].sort((a, b) => b.year - a.year);
    show(
      grantsBox,
      grants.length
        ? dataTable({
            caption: 'Khen thưởng đã nhận',
            columns: [
              { label: 'Năm', class: 'nowrap' },
              { label: 'Danh hiệu, hình thức' },
              { label: 'Loại' },
              { label: 'Quyết định' },
              { label: 'Cấp quyết định' },
              ...(subject.kind === 'unit' ? [{ label: 'Đơn vị nhận' }] : []),
              ...(editable ? [{ label: 'Thao tác' }] : []),
            ],
            rows: grants.map((grant) => [
              String(grant.year),
              grant.honour_name,
              grant.type_label,
              [grant.decision_number, grant.decision_date ? `ngày ${formatDate(grant.decision_date)}` : ''].filter(Boolean).join(' ') || '—',
              grant.authority || '—',
              ...(subject.kind === 'unit' ? [grant.subject_id === subject.id ? 'Đơn vị này' : lineageNames.get(grant.subject_id) ?? names.get(grant.subject_id) ?? ''] : []),
              ...(editable
                ? [deleteButton(`Xóa khen thưởng ${grant.honour_name} năm ${grant.year}`, `Xóa khen thưởng “${grant.honour_name}” năm ${grant.year}?`, `/api/v1/grants/${grant.id}`, refresh, status)]
                : []),
            ]),
          })
        : notice('Chưa có khen thưởng nào được ghi nhận.'),
    );

    show(
      initiativesBox,
      data.initiatives.length
        ? dataTable({
            caption: 'Sáng kiến, đề tài',
            columns: [
              { label: 'Mã', class: 'nowrap' },
              { label: 'Năm', class: 'nowrap' },
              { label: 'Tên sáng kiến, đề tài' },
              { label: 'Phạm vi' },
              { label: 'Quyết định công nhận' },
              { label: 'Đã dùng để xét' },
              ...(editable ? [{ label: 'Thao tác' }] : []),
            ],
            // The code the verdicts use when they name an initiative ("SK-2").
            rows: data.initiatives.map((item) => [
              `SK-${item.id}`,
              String(item.year),
              item.title,
              item.level_label,
              item.recognised_by || '—',
              item.used_for ? `${item.used_for} năm ${item.used_for_year}` : 'Chưa dùng',
              ...(editable
                ? [deleteButton(`Xóa sáng kiến ${item.title}`, `Xóa sáng kiến “${item.title}”?`, `/api/v1/initiatives/${item.id}`, refresh, status)]
                : []),
            ]),
          })
        : notice('Chưa có sáng kiến, đề tài nào.'),
    );
  }

  show(
    container,
    status,
    el('h3', {}, 'Hồ sơ các năm'),
    yearsBox,
    editable ? el('details', { class: 'edit', id: 'year-form' }, el('summary', {}, 'Nhập hoặc sửa hồ sơ một năm'), yearForm) : null,
    el('h3', {}, 'Khen thưởng đã nhận'),
    grantsBox,
    editable ? el('details', { class: 'edit' }, el('summary', {}, 'Thêm khen thưởng đã nhận'), grantForm(refresh, subject, honours)) : null,
    el('h3', {}, 'Sáng kiến, đề tài'),
    initiativesBox,
    editable ? el('details', { class: 'edit' }, el('summary', {}, 'Thêm sáng kiến, đề tài'), initiativeForm(refresh, subject, honours)) : null,
  );
  const originalFill = yearForm.fill;
  yearForm.fill = (record) => {
    yearForm.closest('details').open = true;
    originalFill(record);
  };
  await load();
}

// ---------------------------------------------------------------- Excel in and out


const postWorkbook = (file, dryRun) => postSpreadsheet(`/api/v1/imports/records?dry_run=${dryRun}`, file);

function reportText(report) {
  return (
    `${report.person_years_created} hồ sơ năm mới, ${report.person_years_updated} hồ sơ năm được cập nhật, ` +
    `${report.person_years_unchanged} hồ sơ năm không đổi, ` +
    `${report.grants_created} khen thưởng, ${report.initiatives_created} sáng kiến`
  );
}

const RECORD_NAMES = { person_year: 'Hồ sơ năm', grant: 'Khen thưởng', initiative: 'Sáng kiến' };
const ACTION_NAMES = { create: 'Thêm mới', update: 'Cập nhật', unchanged: 'Không đổi' };

// What an import does, per person and per unit: each record with its fields before → after,
// and the rows left unchanged (issue 23: the officer sees it before anything is written).
export function changesTable(changes) {
  const kindOrder = { person: 0, unit: 1 };
  const sorted = changes
    .map((change, index) => ({ change, index }))
    .sort(
      (a, b) =>
        (kindOrder[a.change.subject_kind] ?? 2) - (kindOrder[b.change.subject_kind] ?? 2) ||
        a.change.subject_name.localeCompare(b.change.subject_name, 'vi') ||
        a.change.subject_id - b.change.subject_id ||
        a.index - b.index,
    )
    .map(({ change }) => change);
  const shown = (text) => (text === '' ? el('em', {}, '(trống)') : text);
  return dataTable({
    caption: 'Những gì tệp sẽ thay đổi',
    className: 'import-changes',
    columns: [{ label: 'Đối tượng' }, { label: 'Hồ sơ' }, { label: 'Thay đổi' }, { label: 'Dòng', class: 'nowrap' }],
    rows: sorted.map((change) => [
      `${change.subject_name} (${change.subject_kind === 'unit' ? 'tập thể' : 'cá nhân'}, mã ${change.subject_id})`,
      `${RECORD_NAMES[change.record] ?? change.record} ${change.year} — ${ACTION_NAMES[change.action] ?? change.action}`,
      change.fields.length
        ? el(
            'ul',
            { class: 'plain-list changes' },
            change.fields.map((field) =>
              el(
                'li',
                {},
                `${field.label}: `,
                change.action === 'create' ? shown(field.after) : [shown(field.before), ' → ', shown(field.after)],
              ),
            ),
          )
        : 'Không thay đổi',
      `${change.sheet}, dòng ${change.row}`,
    ]),
  });
}

// The unit page's Excel panel: the form pre-filled with the unit's members for a year, and the
// import of a filled form — checked first, its changes shown, written only when the officer
// confirms.
export function importPanel(unitId, onImported) {
  const thisYear = Number(todayIso().slice(0, 4));
  const yearSelect = select('year', yearOptions(2000, thisYear), { value: String(thisYear) });
  const download = el('a', { class: 'button-link', download: true }, 'Tải mẫu Excel');
  const setLink = () => {
    download.href = `/api/v1/imports/records/form?unit_id=${unitId}&year=${yearSelect.value}`;
  };
  yearSelect.addEventListener('change', setLink);
  setLink();
  const fileInput = el('input', { type: 'file', name: 'file', accept: `.xlsx,${XLSX_TYPE}` });
  const status = el('p', { class: 'status', role: 'status' });
  const result = el('div', { 'aria-live': 'polite' });
  const apply = el('button', { type: 'button', hidden: true }, 'Ghi vào hồ sơ');
  const form = el(
    'form',
    { novalidate: true, class: 'record-form' },
    el('div', { class: 'form-grid' }, field('Năm của mẫu', yearSelect), el('div', { class: 'field' }, download)),
    el(
      'div',
      { class: 'form-grid' },
      field('Tệp Excel đã điền (.xlsx)', fileInput, { hint: 'Kiểm tra trước; chỉ ghi khi mọi dòng đều hợp lệ.' }),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Kiểm tra tệp'), apply),
    status,
    result,
  );
  let checkedFile = null;
  fileInput.addEventListener('change', () => {
    apply.hidden = true;
    checkedFile = null;
    show(result);
    setStatus(status, '');
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    setStatus(status, '');
    apply.hidden = true;
    const file = fileInput.files[0];
    if (!file) {
      showFormError(form, { field: 'file', message: 'Vui lòng chọn tệp Excel (.xlsx) đã điền.' });
      return;
    }
    try {
      const { ok, data } = await whileBusy(form.querySelector('button[type="submit"]'), 'Đang kiểm tra…', () =>
        postWorkbook(file, true),
      );
      if (!ok) {
        setStatus(status, data.error?.message ?? 'Tệp không hợp lệ.', 'error');
        show(result, data.problems?.length ? problemsTable(data.problems) : null);
        return;
      }
      checkedFile = file;
      setStatus(
        status,
        `Tệp hợp lệ: ${reportText(data)}. Chưa ghi gì; xem các thay đổi dưới đây rồi bấm “Ghi vào hồ sơ” để ghi.`,
        'ok',
      );
      show(result, data.changes?.length ? changesTable(data.changes) : notice('Tệp không có dòng nào để ghi.'));
      apply.hidden = false;
    } catch (error) {
      setStatus(status, error.message, 'error');
    }
  });
  apply.addEventListener('click', async () => {
    if (!checkedFile) return;
    try {
      const { ok, data } = await whileBusy(apply, 'Đang ghi…', () => postWorkbook(checkedFile, false));
      if (!ok) {
        setStatus(status, data.error?.message ?? 'Không ghi được.', 'error');
        show(result, data.problems?.length ? problemsTable(data.problems) : null);
        return;
      }
      apply.hidden = true;
      checkedFile = null;
      form.reset();
      setLink();
      setStatus(status, `Đã ghi: ${reportText(data)}.`, 'ok');
      show(result, data.changes?.length ? changesTable(data.changes) : null);
      onImported();
    } catch (error) {
      setStatus(status, error.message, 'error');
    }
  });
  return form;
}
