// Reviews (/reviews): the annual reviews (đợt xét khen thưởng) with their nomination counts;
// the officer creates one for a year, the agency unit and the decision date that picks the rule set.

import {
  api,
  clearFormErrors,
  dataTable,
  el,
  enhanceDateInputs,
  formatDate,
  notice,
  parseDate,
  setDateInput,
  setStatus,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  todayIso,
  whileBusy,
} from './common.js';

const listBox = document.getElementById('reviews');
const form = document.getElementById('create-form');
const unitSelect = document.getElementById('c-unit');

async function loadReviews() {
  showLoading(listBox);
  try {
    const data = await api('/api/v1/reviews');
    if (!data.items.length) {
      show(listBox, notice('Chưa có đợt xét khen thưởng nào.'));
      return;
    }
    show(
      listBox,
      dataTable({
        caption: 'Các đợt xét khen thưởng',
        columns: [
          { label: 'Đợt xét' },
          { label: 'Năm' },
          { label: 'Cơ quan' },
          { label: 'Ngày xét' },
          { label: 'Số đề nghị' },
          { label: 'Trạng thái' },
        ],
        rows: data.items.map((item) => [
          el('a', { href: `/reviews/${item.id}` }, item.name),
          String(item.year),
          item.unit_name,
          formatDate(item.decision_date),
          String(item.nomination_count),
          el('span', { class: `badge ${item.status === 'open' ? 'ok' : 'off'}` }, item.status_label),
        ]),
      }),
    );
  } catch (error) {
    showError(listBox, error);
  }
}

// The agencies (top-level units) valid today, then the others, indented.
async function loadUnits() {
  try {
    const data = await api(`/api/v1/units?as_of=${todayIso()}`);
    const options = [];
    const walk = (nodes, depth) => {
      for (const node of nodes) {
        options.push(el('option', { value: String(node.id) }, `${' '.repeat(depth * 2)}${node.name}`));
        walk(node.children ?? [], depth + 1);
      }
    };
    walk(data.units, 0);
    unitSelect.replaceChildren(...options);
  } catch (error) {
    unitSelect.replaceChildren(el('option', { value: '' }, error.message));
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(form);
  const name = form.elements.name.value.trim();
  const year = Number(form.elements.year.value);
  const day = parseDate(form.elements.decision_date.value);
  if (!name) return showFormError(form, { field: 'name', message: 'Chưa nhập tên đợt xét.' });
  if (!Number.isInteger(year) || year < 1975 || year > 2100) {
    return showFormError(form, { field: 'year', message: 'Năm phải là số từ 1975 đến 2100.' });
  }
  if (!day) return showFormError(form, { field: 'decision_date', message: 'Ngày xét phải có dạng dd/mm/yyyy.' });
  if (!unitSelect.value) return showFormError(form, { field: 'unit_id', message: 'Chưa chọn cơ quan xét.' });
  const button = form.querySelector('button[type="submit"]');
  await whileBusy(button, 'Đang tạo…', async () => {
    try {
      const created = await api('/api/v1/reviews', {
        method: 'POST',
        body: { name, year, decision_date: day, unit_id: Number(unitSelect.value) },
      });
      setStatus(document.getElementById('create-status'), `Đã tạo đợt xét "${created.name}".`, 'ok');
      location.href = `/reviews/${created.id}`;
    } catch (error) {
      showFormError(form, error);
    }
  });
});

startShell();
enhanceDateInputs(form);
form.elements.year.value = String(new Date().getFullYear());
setDateInput(form.elements.decision_date, todayIso());
loadReviews();
loadUnits();
