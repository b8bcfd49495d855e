// The form of a movement, shared by "Phong trào thi đua" (launching one) and a movement's page
// (changing it): name, launching authority and level, kind, period, the movement it implements,
// the documents it implements, purposes, requirements, numbered content items, waves with the
// occasions they celebrate, solutions and the tasks assigned to units. Rows of the repeated
// parts are added and removed in place; dates are typed dd/mm/yyyy.

import { api, clearFormErrors, el, enhanceDateInputs, formatDate, parseDate, setDateInput } from './common.js';

const tidy = (text) => String(text ?? '').trim().replace(/\s+/g, ' ');
const lines = (text) =>
  String(text ?? '')
    .split('\n')
    .map(tidy)
    .filter(Boolean);

let uid = 0;
const nextId = (prefix) => `${prefix}-${(uid += 1)}`;

function field(label, control, { wide = false, hint = '' } = {}) {
  const hintId = hint ? `${control.id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return el(
    'div',
    { class: wide ? 'field wide' : 'field' },
    el('label', { for: control.id }, label),
    control,
    hint ? el('p', { class: 'hint', id: hintId }, hint) : null,
  );
}

function dateInput(name, id) {
  return el('input', {
    id,
    name,
    class: 'date-text',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: 'dd/mm/yyyy',
  });
}

// Units valid today, flattened from the tree, for the assignment pickers.
async function loadUnits() {
  const data = await api('/api/v1/units');
  const out = [];
  const walk = (nodes, depth) => {
    for (const node of nodes) {
      out.push({ id: node.id, name: `${'— '.repeat(depth)}${node.name}` });
      walk(node.children ?? [], depth + 1);
    }
  };
  walk(data.units ?? [], 0);
  return out;
}

// "Kỷ niệm 94 năm Ngày thành lập Đảng (03/02/2024)" <-> { name, on }.
function occasionText(occasion) {
  return occasion.on ? `${occasion.name} (${formatDate(occasion.on)})` : occasion.name;
}
function parseOccasion(text) {
  const match = /^(.*)\((\d{1,2}\/\d{1,2}\/\d{4})\)\s*$/.exec(text);
  if (match) {
    const on = parseDate(match[2].trim());
    if (on) return { name: tidy(match[1]), on };
  }
  return { name: text, on: null };
}

// A list of rows with "Thêm …" and a "Xóa" button per row.
function repeater({ legend, addLabel, makeRow, hint }) {
  const rows = el('div', { class: 'repeat-rows' });
  const add = (value) => {
    const row = makeRow(value ?? {});
    const remove = el('button', { type: 'button', class: 'secondary small' }, 'Xóa dòng này');
    remove.addEventListener('click', () => row.remove());
    row.append(el('div', { class: 'actions' }, remove));
    rows.append(row);
    enhanceDateInputs(row);
    return row;
  };
  const addButton = el('button', { type: 'button', class: 'secondary' }, addLabel);
  addButton.addEventListener('click', () => add().querySelector('input, textarea, select')?.focus());
  const box = el(
    'fieldset',
    { class: 'field wide repeat' },
    el('legend', {}, legend),
    hint ? el('p', { class: 'hint' }, hint) : null,
    rows,
    el('div', { class: 'actions' }, addButton),
  );
  return { box, rows, add, clear: () => rows.replaceChildren() };
}

// Builds the form's controls into `form` (an empty <form>) and returns { fill, read }.
export async function buildMovementForm(form, { submitLabel }) {
  const [units, movements, documents] = await Promise.all([
    loadUnits(),
    api('/api/v1/movements'),
    api('/api/v1/documents'),
  ]);
  const name = el('textarea', { id: nextId('m-name'), name: 'name', rows: '2', maxlength: '500', required: true });
  const theme = el('input', { id: nextId('m-theme'), name: 'theme', type: 'text', maxlength: '200', autocomplete: 'off' });
  const authority = el('input', {
    id: nextId('m-authority'),
    name: 'authority',
    type: 'text',
    maxlength: '300',
    autocomplete: 'off',
    placeholder: 'Ví dụ: Ủy ban nhân dân tỉnh Bình Phước',
  });
  const level = el(
    'select',
    { id: nextId('m-level'), name: 'level' },
    movements.levels.map((item) => el('option', { value: item.code }, item.label)),
  );
  const kind = el(
    'select',
    { id: nextId('m-kind'), name: 'kind' },
    movements.kinds.map((item) => el('option', { value: item.code }, item.label)),
  );
  const starts = dateInput('starts_on', nextId('m-starts'));
  const ends = dateInput('ends_on', nextId('m-ends'));
  const parent = el('select', { id: nextId('m-parent'), name: 'parent_id' }, el('option', { value: '' }, '— Không —'));
  for (const item of movements.items) {
    parent.append(el('option', { value: String(item.id) }, `${item.name} (${item.authority}, ${item.period})`));
  }
  const unit = el('select', { id: nextId('m-unit'), name: 'unit_id' }, el('option', { value: '' }, '— Không —'));
  for (const item of units) unit.append(el('option', { value: String(item.id) }, item.name));
  const implementsBox = el('div', { class: 'check-list' });
  for (const doc of documents.items) {
    const id = nextId('m-doc');
    implementsBox.append(
      el(
        'div',
        { class: 'checkbox' },
        el('input', { id, type: 'checkbox', value: String(doc.id), name: 'implements' }),
        el('label', { for: id }, `${doc.type_label} ${doc.number} (${formatDate(doc.issued_on)}) — ${doc.summary}`),
      ),
    );
  }
  const purposes = el('textarea', { id: nextId('m-purposes'), name: 'purposes', rows: '3' });
  const requirements = el('textarea', { id: nextId('m-requirements'), name: 'requirements', rows: '3' });
  const solutions = el('textarea', { id: nextId('m-solutions'), name: 'solutions', rows: '3' });

  const items = repeater({
    legend: 'Nội dung thi đua (đánh số theo thứ tự)',
    addLabel: 'Thêm nội dung',
    makeRow: (value) => {
      const title = el('input', { id: nextId('m-item-title'), type: 'text', maxlength: '500', 'data-part': 'title' });
      const text = el('textarea', { id: nextId('m-item-text'), rows: '3', 'data-part': 'text' });
      title.value = value.title ?? '';
      text.value = value.text ?? '';
      return el('div', { class: 'repeat-row form-grid' }, field('Tên nội dung', title, { wide: true }), field('Chi tiết', text, { wide: true }));
    },
  });
  const waves = repeater({
    legend: 'Các đợt thi đua',
    addLabel: 'Thêm đợt thi đua',
    hint: 'Mỗi đợt nằm trong thời gian của phong trào. Sự kiện chào mừng: mỗi dòng một sự kiện, có thể kèm ngày trong ngoặc, ví dụ “Kỷ niệm 49 năm ngày giải phóng miền Nam (30/04/2024)”.',
    makeRow: (value) => {
      const waveName = el('input', { id: nextId('m-wave-name'), type: 'text', maxlength: '300', 'data-part': 'name', placeholder: 'Ví dụ: Đợt thi đua thứ nhất' });
      const from = dateInput('', nextId('m-wave-from'));
      from.dataset.part = 'starts_on';
      const to = dateInput('', nextId('m-wave-to'));
      to.dataset.part = 'ends_on';
      const occasions = el('textarea', { id: nextId('m-wave-occasions'), rows: '3', 'data-part': 'occasions' });
      waveName.value = value.name ?? '';
      occasions.value = (value.occasions ?? []).map(occasionText).join('\n');
      const row = el(
        'div',
        { class: 'repeat-row form-grid' },
        field('Tên đợt', waveName),
        field('Từ ngày', from),
        field('Đến ngày', to),
        field('Sự kiện chào mừng', occasions, { wide: true }),
      );
      if (value.starts_on) setDateInput(from, value.starts_on);
      if (value.ends_on) setDateInput(to, value.ends_on);
      return row;
    },
  });
  const assignments = repeater({
    legend: 'Phân công thực hiện',
    addLabel: 'Thêm đơn vị được giao',
    makeRow: (value) => {
      const picker = el('select', { id: nextId('m-assign-unit'), 'data-part': 'unit_id' }, el('option', { value: '' }, '— Chọn đơn vị —'));
      for (const item of units) picker.append(el('option', { value: String(item.id) }, item.name));
      if (value.unit_id && !units.some((item) => item.id === value.unit_id)) {
        picker.append(el('option', { value: String(value.unit_id) }, value.unit_name ?? `Đơn vị mã ${value.unit_id}`));
      }
      picker.value = value.unit_id ? String(value.unit_id) : '';
      const task = el('textarea', { id: nextId('m-assign-task'), rows: '2', 'data-part': 'task' });
      task.value = value.task ?? '';
      return el('div', { class: 'repeat-row form-grid' }, field('Đơn vị', picker), field('Nhiệm vụ', task, { wide: true }));
    },
  });

  form.replaceChildren(
    el(
      'div',
      { class: 'form-grid' },
      field('Tên phong trào (bắt buộc)', name, { wide: true, hint: 'Ví dụ: Toàn tỉnh chung sức xây dựng Nông thôn mới' }),
      field('Chủ đề', theme),
      field('Cấp phát động (bắt buộc)', authority),
      field('Cấp', level),
      field('Hình thức', kind),
      field('Từ ngày (bắt buộc)', starts),
      field('Đến ngày (bắt buộc)', ends),
      field('Thực hiện theo phong trào', parent, { wide: true, hint: 'Phong trào cấp trên mà phong trào này triển khai.' }),
      field('Đơn vị phát động', unit, { hint: 'Cơ quan, đơn vị tổ chức phong trào; dùng để lập kế hoạch.' }),
      el('fieldset', { class: 'field wide cites' }, el('legend', {}, 'Văn bản căn cứ'), implementsBox),
      field('Mục đích', purposes, { wide: true, hint: 'Mỗi ý một dòng.' }),
      field('Yêu cầu', requirements, { wide: true, hint: 'Mỗi ý một dòng.' }),
      items.box,
      waves.box,
      field('Giải pháp thực hiện', solutions, { wide: true, hint: 'Mỗi giải pháp một dòng; được đánh số khi lập kế hoạch.' }),
      assignments.box,
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, submitLabel)),
    el('p', { class: 'status', role: 'status' }),
  );
  enhanceDateInputs(form);

  function fill(movement) {
    name.value = movement.name ?? '';
    theme.value = movement.theme ?? '';
    authority.value = movement.authority ?? '';
    level.value = movement.level ?? 'agency';
    kind.value = movement.kind ?? 'regular';
    if (movement.starts_on) setDateInput(starts, movement.starts_on);
    if (movement.ends_on) setDateInput(ends, movement.ends_on);
    parent.value = movement.parent_id ? String(movement.parent_id) : '';
    for (const option of parent.options) option.disabled = movement.id !== undefined && option.value === String(movement.id);
    unit.value = movement.unit_id ? String(movement.unit_id) : '';
    const chosen = new Set((movement.implements ?? []).map(String));
    for (const box of implementsBox.querySelectorAll('input')) box.checked = chosen.has(box.value);
    purposes.value = (movement.purposes ?? []).join('\n');
    requirements.value = (movement.requirements ?? []).join('\n');
    solutions.value = (movement.solutions ?? []).join('\n');
    items.clear();
    for (const item of movement.content_items ?? []) items.add(item);
    waves.clear();
    for (const wave of movement.waves ?? []) waves.add(wave);
    assignments.clear();
    for (const assignment of movement.assignments ?? []) assignments.add(assignment);
  }

  // The request body, or { error: { field, message } } for what the browser can tell at once.
  function read() {
    const part = (row, key) => row.querySelector(`[data-part="${key}"]`);
    const body = {
      name: tidy(name.value),
      theme: tidy(theme.value),
      authority: tidy(authority.value),
      level: level.value,
      kind: kind.value,
      purposes: lines(purposes.value),
      requirements: lines(requirements.value),
      solutions: lines(solutions.value),
      implements: [...implementsBox.querySelectorAll('input:checked')].map((box) => Number(box.value)),
      content_items: [],
      waves: [],
      assignments: [],
    };
    if (!body.name) return { error: { field: 'name', message: 'Chưa nhập tên phong trào.' } };
    if (!body.authority) return { error: { field: 'authority', message: 'Chưa nhập cấp phát động.' } };
    body.starts_on = parseDate(starts.value);
    if (!body.starts_on) return { error: { field: 'starts_on', message: 'Ngày bắt đầu không hợp lệ; nhập theo dạng dd/mm/yyyy.' } };
    body.ends_on = parseDate(ends.value);
    if (!body.ends_on) return { error: { field: 'ends_on', message: 'Ngày kết thúc không hợp lệ; nhập theo dạng dd/mm/yyyy.' } };
    if (body.ends_on < body.starts_on) return { error: { field: 'ends_on', message: 'Ngày kết thúc trước ngày bắt đầu.' } };
    if (parent.value) body.parent_id = Number(parent.value);
    if (unit.value) body.unit_id = Number(unit.value);
    for (const row of items.rows.children) {
      const title = tidy(part(row, 'title').value);
      const text = String(part(row, 'text').value ?? '').trim();
      if (!title && !text) continue;
      if (!title) return { error: { control: part(row, 'title'), message: 'Chưa nhập tên nội dung thi đua.' } };
      body.content_items.push({ title, text });
    }
    for (const row of waves.rows.children) {
      const waveName = tidy(part(row, 'name').value);
      if (!waveName) return { error: { control: part(row, 'name'), message: 'Chưa nhập tên đợt thi đua.' } };
      const from = parseDate(part(row, 'starts_on').value);
      const to = parseDate(part(row, 'ends_on').value);
      if (!from) return { error: { control: part(row, 'starts_on'), message: 'Ngày bắt đầu đợt không hợp lệ (dd/mm/yyyy).' } };
      if (!to) return { error: { control: part(row, 'ends_on'), message: 'Ngày kết thúc đợt không hợp lệ (dd/mm/yyyy).' } };
      if (from < body.starts_on || to > body.ends_on) {
        return {
          error: {
            control: part(row, from < body.starts_on ? 'starts_on' : 'ends_on'),
            message: `Đợt “${waveName}” nằm ngoài thời gian của phong trào (${formatDate(body.starts_on)} – ${formatDate(body.ends_on)}).`,
          },
        };
      }
      body.waves.push({ name: waveName, starts_on: from, ends_on: to, occasions: lines(part(row, 'occasions').value).map(parseOccasion) });
    }
    for (const row of assignments.rows.children) {
      const unitId = part(row, 'unit_id').value;
      const task = tidy(part(row, 'task').value);
      if (!unitId && !task) continue;
      if (!unitId) return { error: { control: part(row, 'unit_id'), message: 'Chưa chọn đơn vị được giao.' } };
      if (!task) return { error: { control: part(row, 'task'), message: 'Chưa nhập nhiệm vụ được giao.' } };
      body.assignments.push({ unit_id: Number(unitId), task });
    }
    for (const wave of body.waves) for (const occasion of wave.occasions) if (!occasion.on) delete occasion.on;
    return { body };
  }

  // Shows an error next to the control it is about: a named field, a row's control, or the
  // server's indexed field ("waves[1].starts_on").
  function controlFor(error) {
    if (error.control) return error.control;
    const match = /^(content_items|waves|assignments)\[(\d+)\]\.?(\w+)?/.exec(error.field ?? '');
    if (match) {
      const box = { content_items: items, waves, assignments }[match[1]];
      const row = box.rows.children[Number(match[2])];
      return row?.querySelector(`[data-part="${match[3]}"]`) ?? row?.querySelector('input, textarea, select') ?? null;
    }
    const byName = error.field ? form.elements.namedItem(error.field.replace(/\[\d+\]$/, '')) : null;
    return byName instanceof HTMLElement ? byName : null;
  }

  return { fill, read, controlFor };
}

// Clears the form's messages, then shows `error` by its control (linked to it for screen
// readers, as common.js showFormError does) or at the top of the form.
export function showMovementError(form, controls, error) {
  clearFormErrors(form);
  const control = controls.controlFor(error);
  if (!control) {
    form.prepend(el('p', { class: 'form-error', role: 'alert' }, error.message));
    return;
  }
  const id = `${control.id}-error`;
  (control.closest('.field') ?? control.parentElement).append(el('p', { class: 'field-error', id, role: 'alert' }, error.message));
  control.dataset.describedby = control.getAttribute('aria-describedby') ?? '';
  control.setAttribute('aria-describedby', `${control.dataset.describedby} ${id}`.trim());
  control.setAttribute('aria-invalid', 'true');
  control.focus();
}
