// "Báo cáo thành tích": the report of one nominated subject (Mẫu 05 of the Decree 152 annex for
// individuals, the collective form for units), pre-filled from the records, filled by the
// subject's unit and confirmed by its head.

import { api, askOnPage, pathId, setStatus, setTitle, startShell, whileBusy, showFormError, clearFormErrors } from './common.js';

const match = /\/nominations\/(\d+)\//.exec(location.pathname);
const id = match ? Number(match[1]) : pathId();
const form = document.getElementById('report-form');
const status = document.getElementById('report-status');
const TEXT = ['name', 'position', 'unit', 'profile', 'duties', 'achievements', 'measures'];

function render(report) {
  const title = `Báo cáo thành tích đề nghị tặng ${report.honour_name} năm ${report.year}`;
  document.getElementById('title').textContent = title;
  setTitle(title);
  document.getElementById('lead').textContent = `${report.collective ? 'Tập thể' : 'Cá nhân'}: ${report.name}. Trạng thái: ${report.stored ? report.status_label : 'chưa lưu (điền sẵn từ hồ sơ)'}${report.confirmed_by ? `, xác nhận: ${report.confirmed_by}` : ''}.`;
  for (const name of TEXT) form.elements[name].value = report[name] ?? '';
  form.elements.ratings.value = report.ratings.join('\n');
  form.elements.previous_grants.value = report.previous_grants.join('\n');
}

function lines(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

async function load() {
  try {
    render(await api(`/api/v1/nominations/${id}/achievement-report`));
  } catch (error) {
    setStatus(status, error.message, 'error');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearFormErrors(form);
  const body = {};
  for (const name of TEXT) body[name] = form.elements[name].value;
  body.ratings = lines(form.elements.ratings.value);
  body.previous_grants = lines(form.elements.previous_grants.value);
  whileBusy(form.querySelector('button[type=submit]'), 'Đang lưu…', async () => {
    try {
      render(await api(`/api/v1/nominations/${id}/achievement-report`, { method: 'PUT', body }));
      setStatus(status, 'Đã lưu báo cáo. Thủ trưởng đơn vị cần xác nhận lại.', 'ok');
    } catch (error) {
      showFormError(form, error);
      setStatus(status, error.message, 'error');
    }
  });
});

document.getElementById('confirm').addEventListener('click', async (event) => {
  const button = event.currentTarget;
  if (!(await askOnPage(button, 'Xác nhận báo cáo thành tích đã lưu? Báo cáo xác nhận được đưa vào hồ sơ trình cấp trên.'))) return;
  whileBusy(button, 'Đang xác nhận…', async () => {
    try {
      render(await api(`/api/v1/nominations/${id}/achievement-report/confirm`, { method: 'POST', body: {} }));
      setStatus(status, 'Đã xác nhận báo cáo thành tích.', 'ok');
    } catch (error) {
      showFormError(form, error);
      setStatus(status, error.message, 'error');
    }
  });
});

startShell();
load();
