// The targets (chỉ tiêu) of a movement: per unit, a chart of completion per indicator (SVG
// built with DOM calls), the table of plan, latest actual, completion and status, each target's
// measured values; officers add targets and record values. Numbers are read and written the
// Vietnamese way ("124.249,27"), completion as "57,36 %".

import {
  askOnPage,
  api,
  applyPermissions,
  bindAsOfForm,
  can,
  clearFormErrors,
  dataTable,
  el,
  enhanceDateInputs,
  formatDate,
  formatDecimal,
  formatPercent,
  link,
  notice,
  parseDate,
  parseVietnameseNumber,
  setStatus,
  setTitle,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  todayIso,
  whileBusy,
} from './common.js';

const SVG = 'http://www.w3.org/2000/svg';
const movementId = Number(/^\/movements\/(\d+)\/targets\/?$/.exec(location.pathname)?.[1] ?? 0) || null;

const title = document.getElementById('page-title');
const movementLink = document.getElementById('movement-link');
const period = document.getElementById('movement-period');
const loadState = document.getElementById('load-state');
const unitsBox = document.getElementById('units');
const exportLink = document.getElementById('export-link');
const targetForm = document.getElementById('target-form');
const targetStatus = document.getElementById('target-status');
const unitSelect = document.getElementById('t-unit');

const shell = startShell();
let shownDay = todayIso();
let data = null;

// ---------------------------------------------------------------- chart

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

// What the chart writes after a bar: the figure and the status in words (never colour alone).
function barText(target) {
  if (target.completion === null) {
    if (!target.latest) return `Chưa có số liệu — ${target.status_label}`;
    return `${formatDecimal(target.latest.value)} ${target.measure} — ${target.status_label}`;
  }
  return `${formatPercent(target.completion)} — ${target.status_label}`;
}

const ROW = 50;
const TOP = 22;
const BAR_WIDTH = 470;
const WIDTH = 780;

// Horizontal bars of completion, one per target; a dashed line at 100 %.
function chart(unit) {
  const targets = unit.targets;
  const largest = Math.max(100, ...targets.map((target) => Math.min(target.completion ?? 0, 150)));
  const x = (percent) => (Math.min(percent, largest) / largest) * BAR_WIDTH;
  const height = TOP + targets.length * ROW + 4;
  const described = targets.map((target) => `${target.indicator}: ${barText(target)}`).join('; ');
  const chartNode = svg('svg', {
    class: 'target-chart',
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'img',
    'aria-label': `Tỷ lệ hoàn thành các chỉ tiêu của ${unit.unit.name}. ${described}`,
    preserveAspectRatio: 'xMinYMin meet',
  });
  chartNode.append(svg('title', {}, `Tỷ lệ hoàn thành các chỉ tiêu của ${unit.unit.name}`));
  targets.forEach((target, index) => {
    const top = TOP + index * ROW;
    const row = svg('g', { class: 'chart-row', 'data-target-id': target.id });
    row.append(svg('text', { x: 0, y: top + 13, class: 'chart-label' }, `${target.position}. ${target.indicator}`));
    row.append(svg('rect', { x: 0, y: top + 20, width: BAR_WIDTH, height: 18, class: 'track' }));
    const width = target.completion === null ? 0 : Math.max(x(target.completion), target.completion > 0 ? 2 : 0);
    const bar = svg('rect', { x: 0, y: top + 20, width, height: 18, class: `bar status-${target.status}` });
    bar.append(svg('title', {}, `${target.indicator}: ${barText(target)}`));
    row.append(bar);
    if (target.expected !== null && target.completion !== null && target.status !== 'achieved') {
      const at = x(target.expected);
      const marker = svg('line', { x1: at, x2: at, y1: top + 17, y2: top + 41, class: 'expected' });
      marker.append(svg('title', {}, `Tiến độ cần đạt: ${formatPercent(target.expected)}`));
      row.append(marker);
    }
    row.append(
      svg('text', { x: Math.max(width, 0) + 8, y: top + 34, class: 'chart-value' }, barText(target)),
    );
    chartNode.append(row);
  });
  const hundred = x(100);
  chartNode.append(
    svg('line', { x1: hundred, x2: hundred, y1: 14, y2: height, class: 'hundred' }),
    svg('text', { x: hundred, y: 11, class: 'chart-axis', 'text-anchor': 'middle' }, '100 %'),
  );
  return el('figure', { class: 'chart' }, chartNode, el('figcaption', { class: 'hint' },
    'Thanh: tỷ lệ hoàn thành; vạch đứt: 100 % kế hoạch; vạch đứng ngắn: tiến độ cần đạt. Màu theo tình trạng, có ghi chữ bên cạnh.'));
}

// ---------------------------------------------------------------- table and history

function statusBadge(target) {
  return el('span', { class: `badge status-${target.status}` }, target.status_label);
}

function amount(value, measure) {
  return `${formatDecimal(value)} ${measure}`;
}

async function deleteValue(target, measurement, button) {
  const what = `${amount(measurement.value, target.measure)} ngày ${formatDate(measurement.measured_on)}`;
  if (!(await askOnPage(button, `Xóa số liệu ${what} của chỉ tiêu “${target.indicator}”? Thao tác này không hoàn tác được.`))) {
    return;
  }
  try {
    await whileBusy(button, 'Đang xóa…', () =>
      api(`/api/v1/targets/${target.id}/values/${measurement.measured_on}`, { method: 'DELETE' }),
    );
  } catch (error) {
    window.alert(error.message);
    return;
  }
  await load(shownDay);
}

async function deleteTarget(target, button) {
  const count = target.measurements.length;
  const values = count ? ` cùng ${count} số liệu đã ghi` : '';
  if (!(await askOnPage(button, `Xóa chỉ tiêu “${target.indicator}”${values}? Thao tác này không hoàn tác được.`))) return;
  try {
    await whileBusy(button, 'Đang xóa…', () => api(`/api/v1/targets/${target.id}`, { method: 'DELETE' }));
  } catch (error) {
    window.alert(error.message);
    return;
  }
  await load(shownDay);
}

function history(target) {
  if (!target.measurements.length) return el('span', { class: 'empty-value' }, 'Chưa có số liệu');
  const items = [...target.measurements].reverse().map((measurement) =>
    el(
      'li',
      {},
      `${formatDate(measurement.measured_on)}: ${amount(measurement.value, target.measure)}`,
      measurement.note ? el('span', { class: 'meta' }, ` — ${measurement.note}`) : null,
      can('manage_movements')
        ? el(
            'button',
            {
              type: 'button',
              class: 'small secondary',
              'aria-label': `Xóa số liệu ngày ${formatDate(measurement.measured_on)} của chỉ tiêu ${target.indicator}`,
              onclick: (event) => deleteValue(target, measurement, event.currentTarget),
            },
            'Xóa',
          )
        : null,
    ),
  );
  return el(
    'details',
    { class: 'target-history' },
    el('summary', {}, `${target.measurements.length} số liệu`),
    el('ul', { class: 'plain-list' }, items),
  );
}

function targetTable(unit) {
  const manage = can('manage_movements');
  const columns = [
    { label: 'STT' },
    { label: 'Chỉ tiêu' },
    { label: 'Kế hoạch', class: 'number' },
    { label: 'Thực hiện mới nhất', class: 'number' },
    { label: 'Tỷ lệ hoàn thành', class: 'number' },
    { label: 'Tình trạng' },
    { label: 'Lịch sử số liệu' },
  ];
  if (manage) columns.push({ label: 'Thao tác' });
  const rows = unit.targets.map((target) => {
    const row = [
      String(target.position),
      {
        content: [
          el('strong', {}, target.indicator),
          target.group_name ? el('span', { class: 'meta' }, ` (${target.group_name})`) : null,
          el('span', { class: 'meta' }, ` — hạn ${formatDate(target.due_on)}`),
        ],
      },
      amount(target.plan_value, target.measure),
      target.latest
        ? {
            content: [
              amount(target.latest.value, target.measure),
              el('span', { class: 'meta' }, ` (${formatDate(target.latest.measured_on)})`),
            ],
          }
        : el('span', { class: 'empty-value' }, 'Chưa có'),
      target.completion === null
        ? el('span', { class: 'empty-value' }, target.latest ? 'Không tính (kế hoạch 0)' : '—')
        : formatPercent(target.completion),
      statusBadge(target),
      history(target),
    ];
    if (manage) {
      row.push(
        el(
          'button',
          {
            type: 'button',
            class: 'small secondary',
            'aria-label': `Xóa chỉ tiêu ${target.indicator}`,
            onclick: (event) => deleteTarget(target, event.currentTarget),
          },
          'Xóa',
        ),
      );
    }
    return row;
  });
  return dataTable({ caption: `Chỉ tiêu của ${unit.unit.name}`, columns, rows, className: 'targets-table' });
}

// ---------------------------------------------------------------- recording a value

function valueForm(unit) {
  const suffix = unit.unit.id;
  const ids = { target: `v-target-${suffix}`, day: `v-day-${suffix}`, value: `v-value-${suffix}`, note: `v-note-${suffix}` };
  const select = el(
    'select',
    { id: ids.target, name: 'target_id' },
    unit.targets.map((target) => el('option', { value: target.id }, `${target.position}. ${target.indicator} (${target.measure})`)),
  );
  const dayInput = el('input', {
    id: ids.day,
    name: 'measured_on',
    class: 'date-text',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: 'dd/mm/yyyy',
  });
  const valueInput = el('input', {
    id: ids.value,
    name: 'value',
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    placeholder: 'Ví dụ: 124.249,27',
  });
  const noteInput = el('input', { id: ids.note, name: 'note', type: 'text', autocomplete: 'off', maxlength: '500' });
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const button = el('button', { type: 'submit' }, 'Ghi số liệu');
  const form = el(
    'form',
    { class: 'value-form', novalidate: true, 'aria-label': `Ghi số liệu thực hiện cho ${unit.unit.name}` },
    el(
      'div',
      { class: 'form-grid' },
      el('div', { class: 'field wide' }, el('label', { for: ids.target }, 'Chỉ tiêu'), select),
      el(
        'div',
        { class: 'field' },
        el('label', { for: ids.day }, 'Ngày số liệu ', el('span', { class: 'required' }, '(bắt buộc)')),
        el('div', { class: 'date-input' }, dayInput),
      ),
      el(
        'div',
        { class: 'field' },
        el('label', { for: ids.value }, 'Giá trị thực hiện (lũy kế) ', el('span', { class: 'required' }, '(bắt buộc)')),
        valueInput,
      ),
      el('div', { class: 'field wide' }, el('label', { for: ids.note }, 'Nguồn số liệu, ghi chú'), noteInput),
    ),
    el('div', { class: 'actions' }, button),
    status,
  );
  dayInput.value = formatDate(todayIso());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    setStatus(status, '');
    const measuredOn = parseDate(dayInput.value);
    if (!measuredOn) {
      showFormError(form, { field: 'measured_on', message: 'Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 30/06/2023.' });
      return;
    }
    const value = parseVietnameseNumber(valueInput.value);
    if (value === null) {
      showFormError(form, {
        field: 'value',
        message: 'Giá trị không hợp lệ. Hãy nhập số, dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần thập phân, ví dụ 124.249,27.',
      });
      return;
    }
    if (value < 0) {
      showFormError(form, { field: 'value', message: 'Giá trị thực hiện không được âm.' });
      return;
    }
    try {
      await whileBusy(button, 'Đang ghi…', () =>
        api(`/api/v1/targets/${select.value}/values`, {
          method: 'POST',
          body: { measured_on: measuredOn, value, note: noteInput.value },
        }),
      );
    } catch (error) {
      showFormError(form, error);
      return;
    }
    await load(shownDay);
    document.getElementById(`unit-${suffix}-status`)?.replaceChildren(
      `Đã ghi số liệu ngày ${formatDate(measuredOn)}.`,
    );
  });
  enhanceDateInputs(form);
  return el(
    'details',
    { class: 'edit' },
    el('summary', {}, 'Ghi số liệu thực hiện'),
    form,
  );
}

// ---------------------------------------------------------------- page

function summaryText(summary) {
  const parts = [`${summary.targets} chỉ tiêu`];
  const counts = [
    [summary.achieved, 'đã đạt'],
    [summary.on_track, 'đúng tiến độ'],
    [summary.behind, 'chậm tiến độ'],
    [summary.overdue, 'quá hạn, chưa đạt'],
    [summary.not_measured, 'chưa có số liệu'],
    [summary.no_plan, 'không có kế hoạch để so'],
  ].filter(([count]) => count > 0);
  if (counts.length) parts.push(counts.map(([count, label]) => `${count} ${label}`).join(', '));
  const mean =
    summary.mean_completion === null
      ? 'chưa tính được tỷ lệ hoàn thành bình quân'
      : `tỷ lệ hoàn thành bình quân ${formatPercent(summary.mean_completion)} (mỗi chỉ tiêu tính tối đa 100 %)`;
  return `${parts.join(': ')}; ${mean}.`;
}

function unitSection(unit) {
  const headingId = `unit-${unit.unit.id}-title`;
  return el(
    'section',
    { class: 'panel target-unit', 'aria-labelledby': headingId, 'data-unit-id': unit.unit.id },
    el('h2', { id: headingId }, link(`/units/${unit.unit.id}`, unit.unit.name)),
    el('p', { class: 'target-summary' }, summaryText(unit.summary)),
    el('p', { id: `unit-${unit.unit.id}-status`, class: 'status ok', role: 'status', 'aria-live': 'polite' }),
    chart(unit),
    targetTable(unit),
    can('manage_movements') ? valueForm(unit) : null,
  );
}

function render() {
  if (!data.units.length) {
    show(
      unitsBox,
      notice(
        can('manage_movements')
          ? 'Phong trào này chưa có chỉ tiêu nào. Thêm chỉ tiêu đầu tiên bằng biểu mẫu “Thêm chỉ tiêu” bên dưới.'
          : 'Phong trào này chưa có chỉ tiêu nào.',
      ),
    );
    return;
  }
  show(unitsBox, data.units.map(unitSection));
}

async function load(day) {
  shownDay = day;
  exportLink.href = `/api/v1/movements/${movementId}/targets/export?as_of=${day}`;
  showLoading(loadState, 'Đang tải chỉ tiêu…');
  try {
    [data] = await Promise.all([api(`/api/v1/movements/${movementId}/targets?as_of=${day}`), shell]);
  } catch (error) {
    unitsBox.replaceChildren();
    if (error.status === 404) {
      title.textContent = 'Không tìm thấy phong trào';
      setTitle('Không tìm thấy phong trào');
      show(loadState, notice(error.message, 'error'), el('p', {}, link('/movements', 'Về danh sách phong trào')));
      return;
    }
    showError(loadState, error);
    return;
  }
  show(loadState);
  const movement = data.movement;
  title.textContent = `Chỉ tiêu: ${movement.name}`;
  setTitle('Chỉ tiêu', movement.name);
  movementLink.textContent = movement.name;
  movementLink.href = `/movements/${movement.id}`;
  period.textContent = `Thời gian phong trào: ${formatDate(movement.starts_on)} – ${formatDate(movement.ends_on)}. Tình hình đến ngày ${formatDate(data.as_of)}.`;
  period.hidden = false;
  render();
  fillUnits();
}

// ---------------------------------------------------------------- adding a target

let unitsLoaded = false;
async function fillUnits() {
  if (unitsLoaded || !can('manage_movements')) return;
  unitsLoaded = true;
  const flat = [];
  const walk = (nodes, depth) => {
    for (const node of nodes) {
      flat.push({ id: node.id, name: `${'— '.repeat(depth)}${node.name}` });
      walk(node.children ?? [], depth + 1);
    }
  };
  try {
    const tree = await api(`/api/v1/units?as_of=${data.movement.starts_on}`);
    walk(tree.units, 0);
  } catch {
    unitsLoaded = false;
    return;
  }
  unitSelect.replaceChildren(
    el('option', { value: '' }, '— Chọn đơn vị —'),
    flat.map((unit) => el('option', { value: unit.id, selected: unit.id === data.movement.unit_id }, unit.name)),
  );
  const due = document.getElementById('t-due');
  if (!due.value) due.value = formatDate(data.movement.ends_on);
}

targetForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(targetForm);
  setStatus(targetStatus, '');
  const form = targetForm.elements;
  const plan = parseVietnameseNumber(form.plan_value.value);
  const checks = [
    [!form.unit_id.value, 'unit_id', 'Chưa chọn đơn vị thực hiện.'],
    [!form.indicator.value.trim(), 'indicator', 'Chưa nhập tên chỉ tiêu.'],
    [!form.measure.value.trim(), 'measure', 'Chưa nhập đơn vị tính (ví dụ: triệu đồng, nhiệm vụ, %).'],
    [
      plan === null,
      'plan_value',
      'Kế hoạch không hợp lệ. Hãy nhập số, dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần thập phân, ví dụ 216.613.',
    ],
    [plan !== null && plan < 0, 'plan_value', 'Giá trị kế hoạch không được âm.'],
    [!parseDate(form.due_on.value), 'due_on', 'Hạn hoàn thành không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2023.'],
  ];
  const failed = checks.find(([bad]) => bad);
  if (failed) {
    showFormError(targetForm, { field: failed[1], message: failed[2] });
    return;
  }
  const body = {
    unit_id: Number(form.unit_id.value),
    group_name: form.group_name.value,
    indicator: form.indicator.value,
    measure: form.measure.value,
    plan_value: plan,
    due_on: parseDate(form.due_on.value),
  };
  const button = targetForm.querySelector('button[type="submit"]');
  try {
    await whileBusy(button, 'Đang thêm…', () =>
      api(`/api/v1/movements/${movementId}/targets`, { method: 'POST', body }),
    );
  } catch (error) {
    showFormError(targetForm, error);
    return;
  }
  setStatus(targetStatus, `Đã thêm chỉ tiêu “${body.indicator.trim()}”.`, 'ok');
  form.indicator.value = '';
  form.plan_value.value = '';
  await load(shownDay);
});

// ---------------------------------------------------------------- start

if (!movementId) {
  title.textContent = 'Địa chỉ trang không hợp lệ';
  show(loadState, notice('Địa chỉ trang không chỉ rõ phong trào.', 'error'));
} else {
  shell.then(() => applyPermissions(), () => {});
  enhanceDateInputs(targetForm);
  bindAsOfForm({
    form: document.getElementById('as-of-form'),
    input: document.getElementById('as-of'),
    todayButton: document.getElementById('as-of-today'),
    load,
  });
}
