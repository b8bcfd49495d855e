// One movement: who launched it, its period, the movement it implements and those implementing
// it, its legal bases, content items, waves and occasions, solutions and assignments; its plan
// (or, for those who may, the form that drafts the plan from the movement); links to its
// targets and registration campaigns; and the form that changes it.

import {
  api,
  can,
  clearFormErrors,
  el,
  enhanceDateInputs,
  formatDate,
  formatPeriod,
  link,
  notice,
  parseDate,
  pathId,
  setStatus,
  setTitle,
  show,
  showFormError,
  showLoading,
  startShell,
  todayIso,
  whileBusy,
} from './common.js';
import { buildMovementForm, showMovementError } from './movement-form.js';

const movementId = pathId();
const shell = startShell();

const title = document.getElementById('movement-title');
const lead = document.getElementById('movement-lead');
const crumb = document.getElementById('crumb');
const loadState = document.getElementById('load-state');
const content = document.getElementById('movement-content');
const details = document.getElementById('movement-details');
const links = document.getElementById('movement-links');
const body = document.getElementById('movement-body');
const planState = document.getElementById('plan-state');
const planDraft = document.getElementById('plan-draft');
const planForm = document.getElementById('plan-form');

const blank = (text) => (text ? text : el('span', { class: 'empty-value' }, 'Chưa có thông tin'));

function movementLink(item) {
  return el('span', {}, link(`/movements/${item.id}`, item.name), ` (${item.authority}, ${item.period})`);
}

function documentItem(doc) {
  return el('li', {}, link(`/documents/${doc.id}`, `${doc.type_label} ${doc.number}`), ` ngày ${formatDate(doc.issued_on)} của ${doc.issuer}: ${doc.summary}`);
}

function renderDetails(movement) {
  const rows = [
    ['Tên phong trào', movement.name],
    ['Chủ đề', movement.theme],
    ['Cấp phát động', `${movement.authority} (${movement.level_label})`],
    ['Hình thức', movement.kind_label],
    ['Thời gian', formatPeriod(movement.starts_on, movement.ends_on)],
    ['Thực hiện theo', movement.parent ? movementLink(movement.parent) : 'Không thực hiện theo phong trào nào trong tdkt'],
    [
      'Phong trào thực hiện theo phong trào này',
      movement.children.length ? el('ul', { class: 'bullet-list' }, movement.children.map((child) => el('li', {}, movementLink(child)))) : 'Chưa có',
    ],
    [
      'Văn bản căn cứ',
      movement.implemented_documents.length
        ? el('ul', { class: 'bullet-list' }, movement.implemented_documents.map(documentItem))
        : 'Chưa chọn văn bản căn cứ',
    ],
  ];
  details.replaceChildren(...rows.flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, blank(value))]));
  links.replaceChildren(
    link(`/movements/${movement.id}/targets`, 'Chỉ tiêu và tiến độ', { class: 'button-link secondary' }),
    ' ',
    link(`/campaigns?movement_id=${movement.id}`, 'Đăng ký thi đua', { class: 'button-link secondary' }),
  );
}

function section(heading, ...nodes) {
  return [el('h3', {}, heading), ...nodes];
}

function renderBody(movement) {
  const nodes = [];
  if (movement.purposes.length) nodes.push(...section('Mục đích', el('ul', { class: 'bullet-list' }, movement.purposes.map((line) => el('li', {}, line)))));
  if (movement.requirements.length) nodes.push(...section('Yêu cầu', el('ul', { class: 'bullet-list' }, movement.requirements.map((line) => el('li', {}, line)))));
  if (movement.content_items.length) {
    nodes.push(
      ...section(
        'Nội dung thi đua',
        el(
          'ol',
          { class: 'content-items' },
          movement.content_items.map((item) =>
            el('li', {}, el('strong', {}, item.title), ...item.text.split('\n').filter(Boolean).map((line) => el('p', {}, line))),
          ),
        ),
      ),
    );
  }
  if (movement.waves.length) {
    nodes.push(
      ...section(
        'Các đợt thi đua',
        el(
          'ul',
          { class: 'bullet-list waves' },
          movement.waves.map((wave) =>
            el(
              'li',
              {},
              el('strong', {}, `${wave.name} (${formatDate(wave.starts_on)} – ${formatDate(wave.ends_on)})`),
              wave.occasions.length
                ? el(
                    'ul',
                    {},
                    wave.occasions.map((occasion) => el('li', {}, occasion.on ? `${occasion.name} — ${formatDate(occasion.on)}` : occasion.name)),
                  )
                : null,
            ),
          ),
        ),
      ),
    );
  }
  if (movement.solutions.length) nodes.push(...section('Giải pháp thực hiện', el('ol', {}, movement.solutions.map((line) => el('li', {}, line)))));
  if (movement.assignments.length) {
    nodes.push(
      ...section(
        'Phân công thực hiện',
        el(
          'ul',
          { class: 'bullet-list' },
          movement.assignments.map((item) =>
            el('li', {}, item.unit_name ? link(`/units/${item.unit_id}`, item.unit_name) : `Đơn vị mã ${item.unit_id}`, `: ${item.task}`),
          ),
        ),
      ),
    );
  }
  show(body, ...(nodes.length ? nodes : [notice('Phong trào chưa có mục đích, nội dung, đợt thi đua hay phân công. Sửa phong trào để bổ sung.')]));
}

function renderPlan(movement) {
  if (movement.plan_document) {
    const doc = movement.plan_document;
    show(
      planState,
      el(
        'p',
        {},
        link(`/documents/${doc.id}`, `Kế hoạch số ${doc.number}`),
        ` ngày ${formatDate(doc.issued_on)}: ${doc.summary}`,
      ),
      doc.drafted
        ? el(
            'p',
            { class: 'downloads' },
            el('a', { class: 'button-link', href: `/api/v1/documents/${doc.id}/docx`, download: '' }, 'Tải DOCX'),
            ' ',
            el('a', { class: 'button-link secondary', href: `/api/v1/documents/${doc.id}/pdf`, download: '' }, 'Tải PDF'),
          )
        : null,
    );
    planDraft.hidden = true;
    return;
  }
  const mayDraft = can('manage_movements') && can('manage_documents');
  show(planState, notice(mayDraft ? 'Phong trào chưa có kế hoạch. Lập kế hoạch bên dưới.' : 'Phong trào chưa có kế hoạch.'));
  planDraft.hidden = !mayDraft;
}

function startPlanForm(movement) {
  enhanceDateInputs(planForm);
  planForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(planForm);
    const data = new FormData(planForm);
    const issued = parseDate(String(data.get('issued_on') ?? ''));
    if (!issued) {
      showFormError(planForm, { field: 'issued_on', message: 'Ngày ban hành không hợp lệ; nhập theo dạng dd/mm/yyyy.' });
      return;
    }
    if (issued > todayIso()) {
      showFormError(planForm, { field: 'issued_on', message: 'Ngày ban hành không được sau hôm nay.' });
      return;
    }
    const request = { issued_on: issued };
    for (const name of ['symbol', 'issuer_parent', 'signer_name', 'signer_authority', 'signer_position']) {
      const value = String(data.get(name) ?? '').trim();
      if (value) request[name] = value;
    }
    request.recipients = String(data.get('recipients') ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    await whileBusy(planForm.querySelector('button[type="submit"]'), 'Đang lập kế hoạch…', async () => {
      try {
        const doc = await api(`/api/v1/movements/${movement.id}/plan`, { method: 'POST', body: request });
        await refresh();
        // The drafting form is gone now that the plan exists: the news goes above the plan.
        planState.prepend(el('p', { class: 'status success', role: 'status' }, `Đã lập Kế hoạch số ${doc.number} và vào sổ văn bản.`));
      } catch (error) {
        showFormError(planForm, error);
      }
    });
  });
}

async function startEdit(movement) {
  const form = document.getElementById('edit-form');
  const controls = await buildMovementForm(form, { submitLabel: 'Lưu thay đổi' });
  controls.fill(movement);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { body: request, error } = controls.read();
    if (error) {
      showMovementError(form, controls, error);
      return;
    }
    await whileBusy(form.querySelector('button[type="submit"]'), 'Đang lưu…', async () => {
      try {
        await api(`/api/v1/movements/${movement.id}`, { method: 'PUT', body: request });
        setStatus(form.querySelector('.status'), 'Đã lưu thay đổi của phong trào.', 'success');
        await refresh();
      } catch (failure) {
        showMovementError(form, controls, failure);
      }
    });
  });
}

async function refresh() {
  const movement = await api(`/api/v1/movements/${movementId}`);
  title.textContent = movement.name;
  crumb.textContent = movement.name;
  lead.textContent = `${movement.authority} · ${movement.kind_label} · ${formatPeriod(movement.starts_on, movement.ends_on)}`;
  lead.hidden = false;
  setTitle(movement.name, 'Phong trào thi đua');
  renderDetails(movement);
  renderPlan(movement);
  renderBody(movement);
  return movement;
}

async function start() {
  if (!movementId) {
    show(loadState, notice('Địa chỉ trang không hợp lệ.', 'error'), el('p', {}, link('/movements', 'Quay lại danh sách phong trào')));
    return;
  }
  showLoading(loadState, 'Đang tải phong trào…');
  let movement;
  try {
    await shell;
    movement = await refresh();
  } catch (error) {
    crumb.textContent = 'Không tìm thấy';
    show(loadState, notice(error.message, 'error'), el('p', {}, link('/movements', 'Quay lại danh sách phong trào')));
    return;
  }
  loadState.replaceChildren();
  content.hidden = false;
  startPlanForm(movement);
  if (can('manage_movements')) startEdit(movement).catch((error) => show(document.getElementById('edit-form'), notice(error.message, 'error')));
}

start();
