// "Khiếu nại, tố cáo": the complaints received, newest first, with their deadline and the overdue
// flag; the form that receives one (the deadline comes from the rules unless another one is given
// with its reason); filters by period, status and overdue; the list as Excel.

import {
  api,
  clearFormErrors,
  dataTable,
  el,
  enhanceDateInputs,
  formatDate,
  link,
  notice,
  parseDate,
  setStatus,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  whileBusy,
} from './common.js';

const form = document.getElementById('complaint-form');
const filterForm = document.getElementById('filter-form');
const results = document.getElementById('results');
const exportLink = document.getElementById('export-link');
const formStatus = document.getElementById('form-status');

// A typed date (dd/mm/yyyy) as ISO, '' when empty, null when unreadable.
function isoOf(input) {
  const text = input.value.trim();
  if (!text) return '';
  return parseDate(text);
}

function filterParams() {
  const params = new URLSearchParams();
  for (const name of ['from', 'to']) {
    const iso = isoOf(filterForm.elements.namedItem(name));
    if (iso) params.set(name, iso);
  }
  const status = filterForm.elements.namedItem('status').value;
  if (status) params.set('status', status);
  if (filterForm.elements.namedItem('overdue').checked) params.set('overdue', 'true');
  return params;
}

function deadlineCell(item) {
  return [
    formatDate(item.deadline),
    item.overdue ? el('span', { class: 'badge warn' }, 'Quá hạn') : null,
  ];
}

async function load() {
  const params = filterParams();
  exportLink.href = `/api/v1/complaints/export?${params}`;
  showLoading(results);
  try {
    const data = await api(`/api/v1/complaints?${params}`);
    if (!data.items.length) {
      show(results, notice('Không có đơn thư khiếu nại, tố cáo trong kỳ'));
      return;
    }
    show(
      results,
      el('p', {}, `${data.total} đơn, trong đó ${data.overdue} đơn quá hạn.`),
      dataTable({
        caption: 'Đơn khiếu nại, tố cáo, mới nhận trước',
        columns: [{ label: 'Ngày nhận' }, { label: 'Loại' }, { label: 'Người gửi' }, { label: 'Nội dung' }, { label: 'Người xử lý' }, { label: 'Hạn giải quyết' }, { label: 'Trạng thái' }],
        rows: data.items.map((item) => [
          formatDate(item.received_on),
          item.kind_label,
          link(`/complaints/${item.id}`, item.from_name),
          item.about,
          item.assigned_to_name || '—',
          deadlineCell(item),
          item.status_label,
        ]),
      }),
    );
  } catch (error) {
    if (error.field && ['from', 'to', 'status'].includes(error.field)) {
      show(results);
      showFormError(filterForm, error);
    } else {
      showError(results, error);
    }
  }
}

// The body of POST/PUT /api/v1/complaints from the form; a field error when a date is unreadable.
export function complaintBody(target) {
  const value = (name) => target.elements.namedItem(name).value.trim();
  const body = {
    kind: value('kind'),
    channel: value('channel'),
    from_name: value('from_name'),
    from_address: value('from_address'),
    about: value('about'),
    content: value('content'),
    complex: target.elements.namedItem('complex').checked,
    remote_area: target.elements.namedItem('remote_area').checked,
    deadline_reason: value('deadline_reason'),
  };
  for (const name of ['received_on', 'accepted_on', 'deadline']) {
    const iso = isoOf(target.elements.namedItem(name));
    if (iso === null) return { error: { field: name, message: 'Ngày không hợp lệ: ghi dd/mm/yyyy, ví dụ 03/02/2023.' } };
    if (iso) body[name] = iso;
  }
  for (const name of ['about_document_id', 'about_nomination_id']) {
    const text = value(name);
    if (!text) continue;
    if (!/^\d+$/.test(text)) return { error: { field: name, message: 'Mã phải là một số nguyên dương.' } };
    body[name] = Number(text);
  }
  return { body };
}

form?.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(form);
  const { body, error } = complaintBody(form);
  if (error) {
    showFormError(form, error);
    return;
  }
  await whileBusy(form.querySelector('button[type=submit]'), 'Đang lưu…', async () => {
    try {
      const created = await api('/api/v1/complaints', { method: 'POST', body });
      form.reset();
      setStatus(formStatus, `Đã tiếp nhận đơn của ${created.from_name}; hạn giải quyết ${formatDate(created.deadline)} (${created.rule_text}).`, 'ok');
      load();
    } catch (failure) {
      showFormError(form, failure);
    }
  });
});

filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  clearFormErrors(filterForm);
  for (const name of ['from', 'to']) {
    if (isoOf(filterForm.elements.namedItem(name)) === null) {
      showFormError(filterForm, { field: name, message: 'Ngày không hợp lệ: ghi dd/mm/yyyy.' });
      return;
    }
  }
  load();
});

startShell().then(() => {
  enhanceDateInputs();
  load();
});
