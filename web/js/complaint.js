// One complaint or denunciation: what was received, the deadline (the rule's, or another one with
// its reason), who handles it, the answer; the steps assign, answer, close and record a
// withdrawal, each confirmed before it is sent.

import {
  askOnPage,
  api,
  clearFormErrors,
  el,
  enhanceDateInputs,
  formatDate,
  parseDate,
  pathId,
  setStatus,
  setTitle,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
} from './common.js';

const id = pathId();
const details = document.getElementById('details');
const stepStatus = document.getElementById('step-status');
const assignForm = document.getElementById('assign-form');
const answerForm = document.getElementById('answer-form');
const closeButton = document.getElementById('close-button');
const withdrawButton = document.getElementById('withdraw-button');

function row(label, value) {
  return [el('dt', {}, label), el('dd', {}, value || '—')];
}

function render(item) {
  setTitle(`${item.kind_label} của ${item.from_name}`);
  document.getElementById('title').textContent = `${item.kind_label} của ${item.from_name}`;
  const deadline = [
    formatDate(item.deadline),
    item.overdue ? el('span', { class: 'badge warn' }, ' Quá hạn') : null,
    item.deadline_reason ? ` — đặt khác quy định (${formatDate(item.rule_deadline)}): ${item.deadline_reason}` : ` — ${item.rule_text}`,
    item.rule_unverified ? ' (căn cứ chưa đối chiếu nguyên văn)' : '',
  ];
  show(
    details,
    el(
      'dl',
      { class: 'facts' },
      row('Trạng thái', item.status_label),
      row('Ngày nhận', formatDate(item.received_on)),
      row('Ngày thụ lý', item.accepted_on ? formatDate(item.accepted_on) : ''),
      row('Hình thức nhận', item.channel_label),
      row('Người gửi', [item.from_name, item.from_address ? `, ${item.from_address}` : '']),
      row('Nội dung bị khiếu nại, tố cáo', item.about),
      row('Văn bản', item.about_document_id ? el('a', { href: `/documents/${item.about_document_id}` }, item.about_document_number || `Mã ${item.about_document_id}`) : ''),
      row('Đề nghị khen thưởng', item.about_nomination_id ? `Mã ${item.about_nomination_id}` : ''),
      row('Nội dung đơn', item.content),
      row('Thời hạn giải quyết', deadline),
      row('Người xử lý', item.assigned_to_name ? `${item.assigned_to_name} (giao ngày ${formatDate(item.assigned_on)})` : ''),
      row('Trả lời', item.answered_on ? `${formatDate(item.answered_on)}: ${item.answer}` : item.answer),
      row('Ngày kết thúc', item.closed_on ? formatDate(item.closed_on) : ''),
    ),
  );
  const open = item.status === 'received' || item.status === 'assigned';
  assignForm.hidden = !open;
  answerForm.hidden = !open;
  withdrawButton.hidden = !open;
  closeButton.hidden = item.status !== 'answered';
}

async function load() {
  showLoading(details);
  try {
    render(await api(`/api/v1/complaints/${id}`));
  } catch (error) {
    showError(details, error);
  }
}

function dateOf(input) {
  const text = input.value.trim();
  return text ? parseDate(text) : '';
}

// `button` is where the question is asked on the page: the form's submit button, or the button
// of a step without a form.
async function step(path, body, form, question, button = form?.querySelector('button[type=submit]')) {
  if (!(await askOnPage(button, question))) return;
  try {
    render(await api(`/api/v1/complaints/${id}/${path}`, { method: 'POST', body }));
    setStatus(stepStatus, 'Đã lưu.', 'ok');
    form?.reset();
  } catch (error) {
    if (form) showFormError(form, error);
    else setStatus(stepStatus, error.message, 'error');
  }
}

assignForm.addEventListener('submit', (event) => {
  event.preventDefault();
  clearFormErrors(assignForm);
  const person = assignForm.elements.namedItem('person_id').value.trim();
  if (!/^\d+$/.test(person)) {
    showFormError(assignForm, { field: 'person_id', message: 'Ghi mã cá nhân (số nguyên dương).' });
    return;
  }
  const on = dateOf(assignForm.elements.namedItem('assigned_on'));
  if (on === null) {
    showFormError(assignForm, { field: 'assigned_on', message: 'Ngày không hợp lệ: ghi dd/mm/yyyy.' });
    return;
  }
  step('assign', { person_id: Number(person), ...(on ? { assigned_on: on } : {}) }, assignForm, 'Giao đơn này cho cá nhân đã chọn?');
});

answerForm.addEventListener('submit', (event) => {
  event.preventDefault();
  clearFormErrors(answerForm);
  const answer = answerForm.elements.namedItem('answer').value.trim();
  if (!answer) {
    showFormError(answerForm, { field: 'answer', message: 'Chưa có nội dung trả lời.' });
    return;
  }
  const on = dateOf(answerForm.elements.namedItem('answered_on'));
  if (on === null) {
    showFormError(answerForm, { field: 'answered_on', message: 'Ngày không hợp lệ: ghi dd/mm/yyyy.' });
    return;
  }
  step('answer', { answer, ...(on ? { answered_on: on } : {}) }, answerForm, 'Ghi nhận trả lời đơn này? Sau khi trả lời không sửa được nội dung trả lời.');
});

closeButton.addEventListener('click', () =>
  step('close', {}, null, 'Kết thúc đơn này? Đơn đã kết thúc không sửa được nữa.', closeButton),
);
withdrawButton.addEventListener('click', () =>
  step('withdraw', {}, null, 'Ghi nhận người gửi đã rút đơn (hôm nay)?', withdrawButton),
);

startShell().then(() => {
  enhanceDateInputs();
  if (!id) {
    showError(details, new Error('Địa chỉ không có mã đơn.'));
    return;
  }
  load();
});
