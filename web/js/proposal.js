// "Tờ trình đề nghị cấp trên": the nominations sent up, each subject's achievement report, the
// dossier (ZIP of DOCX and PDF), and the form that records the higher authority's decision.

import { api, askOnPage, dataTable, el, enhanceDateInputs, formatDate, link, notice, parseDate, pathId, setStatus, setTitle, show, showError, showFormError, showLoading, startShell, whileBusy } from './common.js';

const id = pathId();
const summary = document.getElementById('summary');
const items = document.getElementById('items');
const panel = document.getElementById('higher-panel');
const form = document.getElementById('higher-form');
const granted = document.getElementById('h-granted');

function render(proposal) {
  const submission = proposal.submission;
  const title = submission ? `Tờ trình số ${submission.number}` : 'Tờ trình';
  document.getElementById('title').textContent = title;
  setTitle(title);
  const lines = [el('p', {}, `Kính gửi: ${proposal.authority}. Trạng thái: ${proposal.status_label}.`)];
  if (submission) {
    lines.push(el('p', {}, `Ngày ${formatDate(submission.issued_on)}. `, link(`/documents/${submission.id}`, 'Tờ trình trong sổ văn bản'),
      ' · ', link(`/api/v1/proposals/${proposal.id}/dossier`, 'Tải hồ sơ (ZIP gồm DOCX và PDF)'),
      ' · ', link(`/api/v1/proposals/${proposal.id}/dossier?pdf=0`, 'Chỉ DOCX')));
  }
  if (proposal.decision_document) {
    const d = proposal.decision_document;
    lines.push(el('p', {}, `Quyết định của cấp trên: số ${d.number} ngày ${formatDate(d.issued_on)} của ${d.issuer}. `,
      link(`/decisions/${proposal.decision_id}`, 'Xem quyết định')));
  }
  show(summary, ...lines);
  show(items, proposal.items.length === 0 ? notice('Tờ trình chưa có đề nghị nào.') : dataTable({
    caption: 'Danh sách đề nghị',
    columns: ['Họ tên / tập thể', 'Chức vụ', 'Đơn vị', 'Danh hiệu', 'Trạng thái', 'Báo cáo thành tích'],
    rows: proposal.items.map((item) => [
      item.subject_name, item.position_title, item.unit_name, item.honour_name, item.status_label,
      link(`/nominations/${item.nomination_id}/achievement-report`, item.report_status_label),
    ]),
  }));
  panel.hidden = proposal.status === 'decided';
  granted.replaceChildren(...proposal.items.map((item) => el('label', {},
    el('input', { type: 'checkbox', name: 'granted', value: String(item.nomination_id), checked: true }),
    ` ${item.subject_name} — ${item.honour_name}`)));
}

async function load() {
  showLoading(items);
  try {
    render(await api(`/api/v1/proposals/${id}`));
  } catch (error) {
    showError(items, error);
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = document.getElementById('higher-status');
  const iso = parseDate(document.getElementById('h-date').value.trim());
  if (!iso) {
    showFormError(form, { field: 'issued_on', message: 'Ngày ban hành viết dạng dd/mm/yyyy, ví dụ 20/12/2026.' });
    return;
  }
  const body = {
    number: form.elements.number.value.trim(),
    issued_on: iso,
    issuer: form.elements.issuer.value.trim(),
    signer_name: form.elements.signer_name.value.trim(),
    granted_nomination_ids: [...granted.querySelectorAll('input:checked')].map((box) => Number(box.value)),
  };
  const notGranted = granted.querySelectorAll('input:not(:checked)').length;
  const button = form.querySelector('button[type=submit]');
  const question = `Ghi nhận quyết định số ${body.number}: ${body.granted_nomination_ids.length} được khen thưởng, ${notGranted} không được? Không hoàn tác được.`;
  if (!(await askOnPage(button, question))) return;
  await whileBusy(button, 'Đang ghi nhận…', async () => {
    try {
      render(await api(`/api/v1/proposals/${id}/higher-decision`, { method: 'POST', body }));
      setStatus(status, 'Đã ghi nhận quyết định của cấp trên.', 'ok');
    } catch (error) {
      showFormError(form, error);
      setStatus(status, error.message, 'error');
    }
  });
});

enhanceDateInputs(form);
startShell();
load();
