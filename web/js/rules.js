// "Tiêu chuẩn thi đua, khen thưởng" (/rules): the rule set in force on a date, every honour with
// its clauses and citations — what a lawyer reviews. Data from GET /api/v1/rule-sets.

import {
  api,
  bindAsOfForm,
  dataTable,
  el,
  formatDate,
  formatPeriod,
  isAbort,
  notice,
  show,
  showError,
  showLoading,
  startShell,
} from './common.js';

const form = document.getElementById('as-of-form');
const input = document.getElementById('as-of');
const setsBox = document.getElementById('sets');
const inForceBox = document.getElementById('in-force');
const SUBJECTS = { person: 'Cá nhân', unit: 'Tập thể', household: 'Hộ gia đình' };
let controller = null;

function clauseRows(clauses, depth = 0) {
  return clauses.flatMap((clause) => [
    [
      { content: [el('code', {}, clause.id)], class: depth ? 'nested' : '' },
      clause.text,
      clause.citation,
      clause.unverified
        ? { content: [el('strong', {}, 'Chưa kiểm chứng'), clause.note ? `: ${clause.note}` : ''] }
        : 'Đã kiểm chứng',
    ],
    ...clauseRows(clause.clauses ?? [], depth + 1),
  ]);
}

function clauseTable(caption, clauses) {
  return dataTable({
    caption,
    columns: [{ label: 'Mã tiêu chí' }, { label: 'Nội dung' }, { label: 'Căn cứ' }, { label: 'Kiểm chứng' }],
    rows: clauseRows(clauses),
  });
}

function honourSection(honour) {
  const parts = [
    el('h3', {}, `${honour.name} (${honour.code})`),
    el('p', { class: 'muted' }, `${honour.kind === 'title' ? 'Danh hiệu thi đua' : 'Hình thức khen thưởng'} — ${honour.citation}`),
  ];
  for (const [kind, clauses] of Object.entries(honour.subjects)) {
    parts.push(clauseTable(`${honour.short_name || honour.name}: tiêu chí đối với ${SUBJECTS[kind] ?? kind}`, clauses));
  }
  return el('section', { class: 'rule-honour' }, ...parts);
}

function render(body) {
  const set = body.in_force;
  show(
    setsBox,
    dataTable({
      caption: 'Các bộ tiêu chuẩn',
      columns: [{ label: 'Mã' }, { label: 'Tên' }, { label: 'Hiệu lực' }],
      rows: body.sets.map((item) => [
        item.id === set.id ? { content: [el('strong', {}, item.id)] } : item.id,
        item.name,
        formatPeriod(item.valid_from, item.valid_to),
      ]),
    }),
  );
  const bases = set.legal_bases.map((basis) => basis.title).join('; ');
  const parts = [
    el('p', {}, el('strong', {}, set.name), ` — hiệu lực: ${formatPeriod(set.valid_from, set.valid_to)}.`),
    el('p', { class: 'muted' }, `Căn cứ: ${bases}.`),
  ];
  if (set.layers.length) parts.push(el('p', { class: 'muted' }, `Quy định của tỉnh áp dụng: ${set.layers.join(', ')}.`));
  if (set.guards.length) parts.push(clauseTable('Tiêu chí chung cho mọi hình thức', set.guards));
  for (const honour of set.honours) parts.push(honourSection(honour));
  if (set.quotas.length) {
    parts.push(
      el('h3', {}, 'Tỷ lệ, số lượng khen thưởng'),
      dataTable({
        caption: 'Tỷ lệ khen thưởng',
        columns: [{ label: 'Mã' }, { label: 'Hình thức' }, { label: 'Nội dung' }, { label: 'Căn cứ' }],
        rows: set.quotas.map((quota) => [quota.id, quota.honour, quota.text, quota.citation]),
      }),
    );
  }
  if (set.deadlines.length) {
    parts.push(
      el('h3', {}, 'Thời hạn nộp hồ sơ'),
      dataTable({
        caption: 'Thời hạn',
        columns: [{ label: 'Hình thức' }, { label: 'Hạn' }, { label: 'Căn cứ' }],
        rows: set.deadlines.map((deadline) => [
          deadline.honours.join(', '),
          `${String(deadline.day).padStart(2, '0')}/${String(deadline.month).padStart(2, '0')} năm ${
            deadline.year_offset ? `sau năm xét (+${deadline.year_offset})` : 'xét'
          }`,
          deadline.citation,
        ]),
      }),
    );
  }
  show(inForceBox, ...parts);
}

async function load(iso) {
  controller?.abort();
  controller = new AbortController();
  showLoading(inForceBox, 'Đang tải bộ tiêu chuẩn…');
  try {
    render(await api(`/api/v1/rule-sets?as_of=${encodeURIComponent(iso)}`, { signal: controller.signal }));
  } catch (error) {
    if (isAbort(error)) return;
    show(setsBox, notice(`Không có bộ tiêu chuẩn nào có hiệu lực tại ngày ${formatDate(iso)}.`));
    showError(inForceBox, error);
  }
}

startShell();
bindAsOfForm({ form, input, todayButton: document.getElementById('today'), load });
