// Nominations (/nominations): the candidates of a year from the registrations with the verdict
// of the rules and why the others are not eligible; "Đề nghị" opens the form, which asks for a
// written justification when the verdict is not eligible; the nominations sent, with withdrawal.

import {
  api,
  clearFormErrors,
  confirmButton,
  dataTable,
  el,
  formatTimestamp,
  notice,
  queryParam,
  setStatus,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  updateQuery,
  whileBusy,
} from './common.js';
import { reasonsBlock } from './verdicts.js';

const yearForm = document.getElementById('year-form');
const yearInput = document.getElementById('f-year');
const candidatesBox = document.getElementById('candidates');
const ownBox = document.getElementById('own');
const panel = document.getElementById('nominate-panel');
const form = document.getElementById('nominate-form');
const justificationField = document.getElementById('justification-field');
const formStatus = document.getElementById('nominate-status');

let year = Number(queryParam('year')) || new Date().getFullYear();
let chosen = null;

function nominationLabel(id) {
  return `Đề nghị số ${id}`;
}

function openForm(candidate) {
  chosen = candidate;
  clearFormErrors(form);
  form.reset();
  setStatus(formStatus, '');
  document.getElementById('nominate-subject').textContent =
    `${candidate.subject_kind_label} ${candidate.subject_name} (${candidate.unit_name}) — ${candidate.honour_name} năm ${year}`;
  show(
    document.getElementById('nominate-verdict'),
    reasonsBlock(candidate.verdict, candidate.verdict_label, candidate.reasons, candidate.rule_set),
  );
  justificationField.hidden = candidate.verdict === 'eligible';
  panel.hidden = false;
  document.getElementById('n-achievement').focus();
}

async function loadCandidates() {
  showLoading(candidatesBox);
  try {
    const data = await api(`/api/v1/nominations/candidates?year=${year}`);
    if (!data.items.length) {
      show(candidatesBox, notice(`Chưa có đăng ký thi đua nào của năm ${year} trong phạm vi của bạn.`));
      return;
    }
    const eligible = data.items.filter((item) => item.verdict === 'eligible').length;
    setStatus(
      document.getElementById('candidates-status'),
      `${data.items.length} ứng viên, ${eligible} đủ điều kiện theo bộ tiêu chuẩn.`,
    );
    const rows = data.items.map((item) => [
      el('span', {}, item.subject_name, el('br'), el('span', { class: 'muted' }, item.subject_kind_label)),
      item.unit_name,
      item.honour_name,
      reasonsBlock(item.verdict, item.verdict_label, item.reasons, item.rule_set),
      item.nomination_id
        ? el('span', { class: 'badge ok' }, nominationLabel(item.nomination_id))
        : (() => {
            const button = el('button', { type: 'button' }, 'Đề nghị');
            button.addEventListener('click', () => openForm(item));
            return button;
          })(),
    ]);
    show(
      candidatesBox,
      dataTable({
        caption: `Ứng viên năm ${year}`,
        columns: [
          { label: 'Họ tên / Tập thể' },
          { label: 'Đơn vị' },
          { label: 'Danh hiệu đăng ký' },
          { label: 'Kết quả kiểm tra' },
          { label: 'Thao tác' },
        ],
        rows,
      }),
    );
  } catch (error) {
    showError(candidatesBox, error);
  }
}

async function loadOwn() {
  showLoading(ownBox);
  try {
    const data = await api(`/api/v1/nominations?year=${year}`);
    if (!data.items.length) {
      show(ownBox, notice(`Chưa có đề nghị khen thưởng nào của năm ${year}.`));
      return;
    }
    const rows = data.items.map((item) => [
      String(item.id),
      el('span', {}, item.subject_name, el('br'), el('span', { class: 'muted' }, item.subject_kind_label)),
      item.unit_name,
      item.honour_name,
      reasonsBlock(item.verdict, item.verdict_label, item.reasons, item.rule_set),
      item.justification || '—',
      el(
        'span',
        {},
        item.status_label,
        item.review_id ? el('br') : null,
        item.review_id ? el('a', { href: `/reviews/${item.review_id}` }, item.review_name) : null,
      ),
      `${formatTimestamp(item.created_at)} (${item.created_by})`,
      item.status === 'proposed' || item.status === 'in_review'
        ? confirmButton('Rút đề nghị', `Rút ${nominationLabel(item.id).toLowerCase()}?`, async () => {
            try {
              await api(`/api/v1/nominations/${item.id}/withdraw`, { method: 'POST', body: {} });
              setStatus(document.getElementById('own-status'), `Đã rút ${nominationLabel(item.id).toLowerCase()}.`, 'ok');
              await Promise.all([loadOwn(), loadCandidates()]);
            } catch (error) {
              setStatus(document.getElementById('own-status'), error.message, 'error');
            }
          })
        : '',
    ]);
    show(
      ownBox,
      dataTable({
        caption: `Đề nghị năm ${year}`,
        columns: [
          { label: 'Số' },
          { label: 'Họ tên / Tập thể' },
          { label: 'Đơn vị đề nghị' },
          { label: 'Danh hiệu' },
          { label: 'Kết quả kiểm tra' },
          { label: 'Giải trình' },
          { label: 'Trạng thái' },
          { label: 'Gửi lúc' },
          { label: 'Thao tác' },
        ],
        rows,
      }),
    );
  } catch (error) {
    showError(ownBox, error);
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!chosen) return;
  clearFormErrors(form);
  const body = {
    subject_kind: chosen.subject_kind,
    subject_id: chosen.subject_id,
    honour: chosen.honour,
    year,
    unit_id: chosen.unit_id,
    registration_id: chosen.registration_id,
    achievement: form.elements.achievement.value,
  };
  if (chosen.verdict !== 'eligible') {
    body.justification = form.elements.justification.value;
    if (!body.justification.trim()) {
      showFormError(form, {
        field: 'justification',
        message: 'Đề nghị này không đủ điều kiện theo tiêu chuẩn: cần nhập giải trình bằng văn bản.',
      });
      return;
    }
  }
  const button = form.querySelector('button[type="submit"]');
  await whileBusy(button, 'Đang gửi…', async () => {
    try {
      const created = await api('/api/v1/nominations', { method: 'POST', body });
      panel.hidden = true;
      chosen = null;
      setStatus(
        document.getElementById('own-status'),
        `Đã gửi ${nominationLabel(created.id).toLowerCase()}: ${created.subject_name} — ${created.honour_name}.`,
        'ok',
      );
      await Promise.all([loadOwn(), loadCandidates()]);
    } catch (error) {
      showFormError(form, error);
    }
  });
});

document.getElementById('nominate-cancel').addEventListener('click', () => {
  panel.hidden = true;
  chosen = null;
});

yearForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = Number(yearInput.value);
  if (!Number.isInteger(value) || value < 1975 || value > 2100) {
    clearFormErrors(yearForm);
    showFormError(yearForm, { field: 'year', message: 'Năm phải là số từ 1975 đến 2100.' });
    return;
  }
  clearFormErrors(yearForm);
  year = value;
  updateQuery({ year: String(year) });
  panel.hidden = true;
  loadCandidates();
  loadOwn();
});

startShell();
yearInput.value = String(year);
loadCandidates();
loadOwn();
