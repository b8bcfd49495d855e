// "Quyết định": one decision, its entries (the annex list), its document (DOCX, PDF) once
// issued; for a draft, the issue form, after a confirmation.

import { api, askOnPage, dataTable, el, enhanceDateInputs, formatDate, link, notice, parseDate, pathId, setStatus, setTitle, show, showError, showFormError, showLoading, startShell, whileBusy } from './common.js';

const id = pathId();
const summary = document.getElementById('summary');
const entries = document.getElementById('entries');
const panel = document.getElementById('issue-panel');
const form = document.getElementById('issue-form');

function render(decision) {
  const document_ = decision.document;
  const title = document_ ? `Quyết định số ${document_.number}` : 'Dự thảo quyết định';
  document.getElementById('title').textContent = title;
  setTitle(title);
  const lines = [
    el('p', {}, decision.title),
    el('p', {}, `Trạng thái: ${decision.status_label}. Thẩm quyền: ${decision.authority || 'Thủ trưởng cơ quan'}.`),
  ];
  if (document_) {
    lines.push(el('p', {}, `Ngày ${formatDate(document_.issued_on)}, ${document_.issuer}. `,
      link(`/documents/${document_.id}`, 'Xem trong sổ văn bản'),
      ...(document_.own ? [' · ', link(`/api/v1/documents/${document_.id}/docx`, 'Tải DOCX'), ' · ',
        link(`/api/v1/documents/${document_.id}/pdf`, 'Tải PDF')] : [])));
  }
  show(summary, ...lines);
  show(entries, decision.entries.length === 0 ? notice('Chưa có ai trong danh sách.') : dataTable({
    caption: 'Danh sách kèm theo',
    columns: ['STT', 'Họ tên / tập thể', 'Chức vụ', 'Đơn vị', 'Danh hiệu', 'Năm', 'Kết quả'],
    rows: decision.entries.map((e) => [
      String(e.position),
      e.subject_kind === 'person' ? link(`/people/${e.subject_id}`, e.subject_name) : link(`/units/${e.subject_id}`, e.subject_name),
      e.position_title,
      e.unit_name,
      e.honour_name,
      String(e.year),
      e.granted ? (decision.status === 'issued' ? 'Được khen thưởng' : 'Dự kiến') : 'Không được khen thưởng',
    ]),
  }));
  panel.hidden = !(decision.kind === 'own' && decision.status === 'draft');
}

async function load() {
  showLoading(entries);
  try {
    render(await api(`/api/v1/decisions/${id}`));
  } catch (error) {
    showError(entries, error);
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = document.getElementById('issue-status');
  const body = {};
  const day = document.getElementById('i-date').value.trim();
  if (day) {
    const iso = parseDate(day);
    if (!iso) {
      showFormError(form, { field: 'issued_on', message: 'Ngày ban hành viết dạng dd/mm/yyyy, ví dụ 20/12/2026.' });
      return;
    }
    body.issued_on = iso;
  }
  for (const name of ['signer_name', 'signer_authority', 'signer_position']) {
    const value = form.elements[name].value.trim();
    if (value) body[name] = value;
  }
  const button = form.querySelector('button[type=submit]');
  const question =
    'Ban hành quyết định? Số quyết định được cấp từ sổ văn bản và khen thưởng được ghi vào hồ sơ từng người; không hoàn tác được.';
  if (!(await askOnPage(button, question))) return;
  await whileBusy(button, 'Đang ban hành…', async () => {
    try {
      render(await api(`/api/v1/decisions/${id}/issue`, { method: 'POST', body }));
      setStatus(status, 'Đã ban hành quyết định.', 'ok');
    } catch (error) {
      showFormError(form, error);
      setStatus(status, error.message, 'error');
    }
  });
});

enhanceDateInputs(form);
startShell();
load();
