// "Quyết định": the agency's decisions and the proposals to higher authorities; for the officer,
// drafting a decision or a proposal from a review (its approved nominations).

import { api, dataTable, el, formatDate, link, notice, queryParam, setStatus, show, showError, showFormError, showLoading, startShell, whileBusy } from './common.js';

const decisions = document.getElementById('decisions');
const proposals = document.getElementById('proposals');
const form = document.getElementById('draft-form');
const review = queryParam('review_id');
const filter = review ? `?review_id=${encodeURIComponent(review)}` : '';
const reviewSelect = document.getElementById('d-review');

// The reviews to draft from, newest first; the one of the address (?review_id=) chosen.
async function loadReviews() {
  try {
    const data = await api('/api/v1/reviews');
    if (!data.items.length) {
      reviewSelect.replaceChildren(el('option', { value: '' }, 'Chưa có đợt xét nào'));
      return;
    }
    reviewSelect.replaceChildren(
      ...data.items.map((r) => el('option', { value: String(r.id) }, `${r.name} (năm ${r.year}, ${r.status_label.toLowerCase()})`)),
    );
    if (review) reviewSelect.value = review;
  } catch (error) {
    reviewSelect.replaceChildren(el('option', { value: '' }, error.message));
  }
}

function documentText(document) {
  return document ? `${document.number} ngày ${formatDate(document.issued_on)}` : 'Chưa ban hành';
}

async function load() {
  showLoading(decisions);
  showLoading(proposals);
  try {
    const [own, up] = await Promise.all([api(`/api/v1/decisions${filter}`), api(`/api/v1/proposals${filter}`)]);
    show(decisions, own.items.length === 0 ? notice('Chưa có quyết định nào.') : dataTable({
      caption: 'Quyết định khen thưởng',
      columns: ['Quyết định', 'Trích yếu', 'Loại', 'Số người, tập thể', 'Trạng thái'],
      rows: own.items.map((d) => [
        link(`/decisions/${d.id}`, documentText(d.document)),
        d.title,
        d.kind === 'own' ? 'Của cơ quan' : `Của cấp trên (${d.authority})`,
        String(d.entries.filter((e) => e.granted).length),
        d.status_label,
      ]),
    }));
    show(proposals, up.items.length === 0 ? notice('Chưa có tờ trình nào.') : dataTable({
      caption: 'Tờ trình đề nghị cấp trên',
      columns: ['Tờ trình', 'Trình', 'Số đề nghị', 'Trạng thái'],
      rows: up.items.map((p) => [
        link(`/proposals/${p.id}`, documentText(p.submission)),
        p.authority,
        String(p.items.length),
        p.status_label,
      ]),
    }));
  } catch (error) {
    showError(decisions, error);
    show(proposals);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const status = document.getElementById('draft-status');
  const reviewId = Number(reviewSelect.value);
  if (!reviewId) {
    showFormError(form, { field: 'review_id', message: 'Chưa chọn đợt xét.' });
    return;
  }
  const action = event.submitter?.value ?? 'decision';
  whileBusy(event.submitter ?? form.querySelector('button'), 'Đang lập…', async () => {
    try {
      if (action === 'proposal') {
        const created = await api('/api/v1/proposals', {
          method: 'POST',
          body: { review_id: reviewId, authority_level: document.getElementById('d-level').value },
        });
        window.location.href = `/proposals/${created.id}`;
      } else {
        const created = await api('/api/v1/decisions', { method: 'POST', body: { review_id: reviewId } });
        window.location.href = `/decisions/${created.id}`;
      }
    } catch (error) {
      showFormError(form, error);
      setStatus(status, error.message, 'error');
    }
  });
});

startShell();
load();
loadReviews();
