// "Đăng ký thi đua": the registration campaigns, newest year first, and for the officer the form
// that opens one (movement, year, deadline, honours, the units that must register).

import {
  api,
  can,
  clearFormErrors,
  dataTable,
  el,
  enhanceDateInputs,
  formatDate,
  link,
  notice,
  parseDate,
  queryParam,
  setStatus,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  todayIso,
  whileBusy,
} from './common.js';

function statusBadge(campaign) {
  const kind = campaign.status === 'open' || campaign.status === 'reopened' ? 'ok' : 'off';
  return el('span', { class: `badge ${kind}` }, campaign.status_label);
}

const results = document.getElementById('results');
const form = document.getElementById('campaign-form');
const movementSelect = document.getElementById('c-movement');
const yearInput = document.getElementById('c-year');
const deadlineInput = document.getElementById('c-deadline');
const honoursBox = document.getElementById('c-honours');
const unitsBox = document.getElementById('c-units');
const openStatus = document.getElementById('open-status');

let movements = [];

// "/campaigns?movement_id=7" (the link on a movement's page) lists that movement's campaigns
// and chooses it in the form that opens one.
const movementFilter = queryParam('movement_id');

function showCampaigns(data) {
  const items = movementFilter
    ? data.items.filter((campaign) => String(campaign.movement_id) === movementFilter)
    : data.items;
  const showAll = movementFilter ? el('p', {}, link('/campaigns', 'Xem đợt đăng ký của mọi phong trào')) : null;
  if (!items.length) {
    show(
      results,
      notice(movementFilter ? 'Phong trào này chưa có đợt đăng ký nào.' : 'Chưa có đợt đăng ký nào.'),
      showAll,
    );
    return;
  }
  data = { ...data, items };
  show(
    results,
    showAll,
    dataTable({
      caption: 'Các đợt đăng ký thi đua',
      columns: [{ label: 'Năm' }, { label: 'Phong trào' }, { label: 'Hạn đăng ký' }, { label: 'Trạng thái' }],
      rows: data.items.map((campaign) => [
        String(campaign.year),
        link(`/campaigns/${campaign.id}`, campaign.movement_name),
        formatDate(campaign.deadline) +
          (campaign.reopened_until ? ` (mở lại đến ${formatDate(campaign.reopened_until)})` : ''),
        statusBadge(campaign),
      ]),
    }),
  );
}

function checkbox(name, value, label, id) {
  return el(
    'div',
    { class: 'checkbox' },
    el('input', { type: 'checkbox', name, value, id }),
    el('label', { for: id }, label),
  );
}

function fillHonours(honours) {
  const whom = (honour) =>
    honour.for_persons && honour.for_units ? 'cá nhân, tập thể' : honour.for_units ? 'tập thể' : 'cá nhân';
  honoursBox.replaceChildren(
    ...honours.map((honour) =>
      checkbox('honour', honour.code, `${honour.name} (${whom(honour)})`, `c-honour-${honour.code}`),
    ),
  );
}

// The units valid on the deadline, indented under their parents.
async function loadUnits() {
  const day = parseDate(deadlineInput.value) ?? todayIso();
  const chosen = new Set([...unitsBox.querySelectorAll('input:checked')].map((input) => input.value));
  try {
    const data = await api(`/api/v1/units?as_of=${day}`);
    const items = [];
    const walk = (nodes, depth) => {
      for (const node of nodes) {
        const item = checkbox('unit', String(node.id), node.name, `c-unit-${node.id}`);
        item.style.marginInlineStart = `${depth * 1.5}rem`;
        if (chosen.has(String(node.id))) item.querySelector('input').checked = true;
        items.push(item);
        walk(node.children ?? [], depth + 1);
      }
    };
    walk(data.units, 0);
    unitsBox.replaceChildren(...(items.length ? items : [notice('Không có đơn vị nào hoạt động vào ngày này.')]));
  } catch (error) {
    unitsBox.replaceChildren(notice(error.message, 'error'));
  }
}

async function prepareForm(honours) {
  fillHonours(honours);
  try {
    const data = await api('/api/v1/movements');
    movements = data.items;
    movementSelect.append(
      ...movements.map((movement) =>
        el('option', { value: String(movement.id) }, `${movement.name} (${formatDate(movement.starts_on)} – ${formatDate(movement.ends_on)})`),
      ),
    );
  } catch (error) {
    setStatus(openStatus, error.message, 'error');
  }
  movementSelect.addEventListener('change', () => {
    const movement = movements.find((item) => String(item.id) === movementSelect.value);
    if (movement && !yearInput.value) yearInput.value = movement.starts_on.slice(0, 4);
  });
  if (movementFilter && movements.some((item) => String(item.id) === movementFilter)) {
    movementSelect.value = movementFilter;
    movementSelect.dispatchEvent(new Event('change'));
  }
  deadlineInput.addEventListener('change', loadUnits);
  enhanceDateInputs(form);
  await loadUnits();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(form);
  setStatus(openStatus, '');
  const deadline = parseDate(deadlineInput.value);
  if (!movementSelect.value) return showFormError(form, { field: 'movement_id', message: 'Chọn phong trào.' });
  if (!/^\d{4}$/.test(yearInput.value.trim())) return showFormError(form, { field: 'year', message: 'Ghi năm, ví dụ 2026.' });
  if (!deadline) {
    return showFormError(form, { field: 'deadline', message: 'Hạn đăng ký không hợp lệ; ghi theo dạng ngày/tháng/năm.' });
  }
  const body = {
    movement_id: Number(movementSelect.value),
    year: Number(yearInput.value.trim()),
    deadline,
    honours: [...honoursBox.querySelectorAll('input:checked')].map((input) => input.value),
    unit_ids: [...unitsBox.querySelectorAll('input:checked')].map((input) => Number(input.value)),
  };
  try {
    const created = await whileBusy(form.querySelector('button[type="submit"]'), 'Đang mở…', () =>
      api('/api/v1/campaigns', { method: 'POST', body }),
    );
    location.assign(`/campaigns/${created.id}`);
  } catch (error) {
    const field = /^honours/.test(error.field) ? 'honours' : /^unit_ids/.test(error.field) ? 'unit_ids' : error.field;
    showFormError(form, { ...error, field, message: error.message });
  }
});

async function main() {
  showLoading(results);
  await startShell().catch(() => null);
  try {
    const data = await api('/api/v1/campaigns');
    showCampaigns(data);
    if (can('manage_movements')) await prepareForm(data.honours);
  } catch (error) {
    showError(results, error);
  }
}

main();
