// One review (/reviews/{id}): each nomination with its verdict badge, reasons, justification and
// place in the quotas of the rule set in force on the decision date; the officer gathers the
// waiting nominations, takes one out, re-checks the verdicts and closes the review; Excel export.

import {
  api,
  can,
  confirmButton,
  dataTable,
  el,
  formatDate,
  notice,
  pathId,
  setStatus,
  setTitle,
  show,
  showError,
  showLoading,
  startShell,
  whileBusy,
} from './common.js';
import { quotaBlock, reasonsBlock } from './verdicts.js';

const reviewId = pathId();
const base = `/api/v1/reviews/${reviewId}`;
const loadState = document.getElementById('load-state');
const content = document.getElementById('review-content');
const entriesBox = document.getElementById('entries');
const waitingBox = document.getElementById('waiting');
const officerStatus = document.getElementById('officer-status');
const gatherForm = document.getElementById('gather-form');

let review = null;

function detail(term, ...value) {
  return [el('dt', {}, term), el('dd', {}, ...value)];
}

function showReview(data) {
  review = data;
  const title = data.name;
  document.getElementById('review-title').textContent = title;
  document.getElementById('crumb').textContent = `Năm ${data.year}`;
  setTitle(title);
  document
    .getElementById('review-details')
    .replaceChildren(
      ...detail('Năm xét', String(data.year)),
      ...detail('Cơ quan', data.unit_name),
      ...detail('Ngày xét', formatDate(data.decision_date)),
      ...detail('Bộ tiêu chuẩn', data.rule_set ? `${data.rule_set} — ${data.rule_set_name}` : data.rule_set_name || '—'),
      ...detail('Trạng thái', el('span', { class: `badge ${data.status === 'open' ? 'ok' : 'off'}` }, data.status_label)),
      ...detail('Số đề nghị', String(data.nominations.length)),
    );
  const breaches = document.getElementById('quota-breaches');
  breaches.replaceChildren(
    ...(data.quota_breaches.length
      ? [el('div', { class: 'notice error' }, el('p', {}, 'Vượt giới hạn số lượng:'), el('ul', {}, data.quota_breaches.map((text) => el('li', {}, text))))]
      : []),
  );
  document.getElementById('export-link').href = `${base}/export`;
  document.getElementById('decisions-link').href = `/decisions?review_id=${data.id}`;
  const open = data.status === 'open';
  const actions = document.getElementById('officer-actions');
  actions.replaceChildren(
    ...(open
      ? [
          confirmButton('Kiểm tra lại tiêu chuẩn', 'Kiểm tra lại mọi đề nghị theo bộ tiêu chuẩn của ngày xét?', async () => {
            try {
              showReview(await api(`${base}/recheck`, { method: 'POST', body: {} }));
              setStatus(officerStatus, 'Đã kiểm tra lại các đề nghị.', 'ok');
            } catch (error) {
              setStatus(officerStatus, error.message, 'error');
            }
          }),
          ' ',
          confirmButton('Kết thúc đợt xét', 'Kết thúc đợt xét? Sau đó không thay đổi được danh sách.', async () => {
            try {
              showReview(await api(`${base}/close`, { method: 'POST', body: {} }));
              setStatus(officerStatus, 'Đã kết thúc đợt xét.', 'ok');
              loadWaiting();
            } catch (error) {
              setStatus(officerStatus, error.message, 'error');
            }
          }),
        ]
      : [notice('Đợt xét đã kết thúc.')]),
  );
  showEntries();
  document.getElementById('gather-panel').hidden = !open || !can('manage_reviews');
}

function showEntries() {
  if (!review.nominations.length) {
    show(entriesBox, notice('Chưa có đề nghị nào trong đợt xét này.'));
    return;
  }
  const manage = can('manage_reviews') && review.status === 'open';
  const rows = review.nominations.map((item, index) => [
    String(index + 1),
    el('span', {}, item.subject_name, el('br'), el('span', { class: 'muted' }, item.subject_kind_label)),
    item.unit_name,
    item.honour_name,
    reasonsBlock(item.verdict, item.verdict_label, item.reasons, item.rule_set),
    quotaBlock(item.quotas),
    item.justification || '—',
    item.status_label,
    manage && item.status === 'in_review'
      ? confirmButton('Đưa ra', `Đưa ${item.subject_name} ra khỏi đợt xét?`, async () => {
          try {
            showReview(await api(`${base}/nominations/${item.id}`, { method: 'DELETE' }));
            setStatus(document.getElementById('entries-status'), `Đã đưa ${item.subject_name} ra khỏi đợt xét.`, 'ok');
            loadWaiting();
          } catch (error) {
            setStatus(document.getElementById('entries-status'), error.message, 'error');
          }
        })
      : '',
  ]);
  show(
    entriesBox,
    dataTable({
      caption: 'Các đề nghị trong đợt xét',
      columns: [
        { label: 'STT' },
        { label: 'Họ tên / Tập thể' },
        { label: 'Đơn vị đề nghị' },
        { label: 'Danh hiệu' },
        { label: 'Kết quả kiểm tra' },
        { label: 'Giới hạn số lượng' },
        { label: 'Giải trình' },
        { label: 'Trạng thái' },
        { label: 'Thao tác' },
      ],
      rows,
    }),
  );
}

async function loadWaiting() {
  if (!review || review.status !== 'open' || !can('manage_reviews')) return;
  showLoading(waitingBox);
  try {
    const data = await api(`/api/v1/nominations?year=${review.year}&status=proposed`);
    if (!data.items.length) {
      show(waitingBox, notice(`Không có đề nghị năm ${review.year} nào đang chờ xét.`));
      return;
    }
    show(
      waitingBox,
      data.items.map((item) =>
        el(
          'div',
          { class: 'checkbox' },
          el('input', { type: 'checkbox', id: `g-${item.id}`, name: 'nomination', value: String(item.id) }),
          el(
            'label',
            { for: `g-${item.id}` },
            `${item.subject_name} (${item.unit_name}) — ${item.honour_name} — ${item.verdict_label}`,
            item.justification ? ' — có giải trình' : '',
          ),
        ),
      ),
    );
  } catch (error) {
    showError(waitingBox, error);
  }
}

gatherForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const ids = [...gatherForm.querySelectorAll('input[name="nomination"]:checked')].map((input) => Number(input.value));
  const status = document.getElementById('gather-status');
  if (!ids.length) {
    setStatus(status, 'Chưa chọn đề nghị nào.', 'error');
    return;
  }
  const button = gatherForm.querySelector('button[type="submit"]');
  await whileBusy(button, 'Đang thực hiện…', async () => {
    try {
      showReview(await api(`${base}/nominations`, { method: 'POST', body: { nomination_ids: ids } }));
      setStatus(status, `Đã đưa ${ids.length} đề nghị vào đợt xét.`, 'ok');
      loadWaiting();
    } catch (error) {
      setStatus(status, error.message, 'error');
    }
  });
});

async function load() {
  showLoading(loadState);
  try {
    showReview(await api(base));
    loadState.replaceChildren();
    content.hidden = false;
    loadWaiting();
  } catch (error) {
    showError(loadState, error);
  }
}

// The officer's controls depend on the role: read the session before the review.
startShell()
  .catch(() => null)
  .then(load);
