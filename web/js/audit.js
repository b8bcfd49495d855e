// "Nhật ký thay đổi" (/audit?entity=person&id=12): the change history of one record.

import {
  api,
  clearFormErrors,
  el,
  formatDate,
  formatNumber,
  isAbort,
  link,
  notice,
  queryParam,
  setTitle,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  updateQuery,
} from './common.js';
import { ENTITY_LABELS, auditTable } from './audit-view.js';
import { fetchPerson } from './person-form.js';
import { fetchUnit, qualifiedName, unitHref } from './units.js';

const form = document.getElementById('audit-form');
const entitySelect = document.getElementById('entity');
const idInput = document.getElementById('record-id');
const title = document.getElementById('history-title');
const subject = document.getElementById('subject');
const history = document.getElementById('history');

let controller = null;

entitySelect.replaceChildren(
  ...Object.entries(ENTITY_LABELS).map(([value, label]) => el('option', { value }, label)),
);

// What the record is, when it can be read: a name, linked to its page where it has one.
const SUBJECTS = {
  person: async (id) => {
    const person = await fetchPerson(id);
    return person && link(`/people/${id}`, person.full_name);
  },
  person_year: async (id) => {
    const person = await fetchPerson(id);
    return person && link(`/people/${id}`, person.full_name);
  },
  unit: async (id) => {
    const unit = await fetchUnit(id);
    return unit && link(unitHref(id), await qualifiedName(unit));
  },
  unit_year: async (id) => {
    const unit = await fetchUnit(id);
    return unit && link(unitHref(id), await qualifiedName(unit));
  },
  restructuring: async (id) => {
    const event = await api(`/api/v1/restructurings/${id}`).catch(() => null);
    return event && `${event.title} (hiệu lực ngày ${formatDate(event.effective_date)})`;
  },
  account: async (id) => {
    const data = await api('/api/v1/accounts').catch(() => null);
    const account = data?.accounts.find((item) => item.id === id);
    return account && `${account.username}${account.display_name ? ` — ${account.display_name}` : ''}`;
  },
};

const isEntity = (entity) => Object.hasOwn(ENTITY_LABELS, entity);

function parseId(text) {
  const value = String(text).trim();
  return /^\d{1,12}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

async function load(entity, id) {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  const what = `${ENTITY_LABELS[entity]} mã ${id}`;
  title.textContent = `Lịch sử thay đổi: ${what}`;
  setTitle(`Nhật ký ${what}`);
  subject.replaceChildren();
  showLoading(history, 'Đang tải nhật ký…');
  const named = SUBJECTS[entity]?.(id).catch(() => null);
  try {
    const { records } = await api(`/api/v1/audit?entity=${encodeURIComponent(entity)}&id=${id}`, { signal });
    const name = await named;
    if (signal.aborted) return;
    subject.replaceChildren(
      ...(name ? [`${ENTITY_LABELS[entity]}: `, name, '. '] : []),
      records.length ? `${formatNumber(records.length)} lần thay đổi, mới nhất ở trên.` : '',
    );
    show(
      history,
      records.length
        ? await auditTable(records, `Lịch sử thay đổi: ${what}`)
        : notice(`Chưa có thay đổi nào được ghi nhận cho ${what.charAt(0).toLowerCase()}${what.slice(1)}.`),
    );
  } catch (error) {
    if (!isAbort(error)) showError(history, error);
  }
}

function showRequested() {
  clearFormErrors(form);
  const entity = queryParam('entity');
  const rawId = queryParam('id');
  if (isEntity(entity)) entitySelect.value = entity;
  idInput.value = rawId;
  const id = parseId(rawId);
  if (isEntity(entity) && id) {
    load(entity, id);
    return;
  }
  controller?.abort();
  title.textContent = 'Lịch sử thay đổi';
  subject.replaceChildren();
  show(history, notice('Chọn loại bản ghi, nhập mã rồi bấm “Xem nhật ký”.'));
  if (entity && !isEntity(entity)) {
    showFormError(form, { field: 'entity', message: `Loại bản ghi “${entity}” trong địa chỉ không có trong nhật ký.` });
  } else if (rawId && !id) {
    showFormError(form, { field: 'id', message: `Mã “${rawId}” trong địa chỉ không hợp lệ; mã là một số nguyên dương.` });
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearFormErrors(form);
  const id = parseId(idInput.value);
  if (!id) {
    showFormError(form, {
      field: 'id',
      message: idInput.value.trim() ? 'Mã phải là một số nguyên dương, ví dụ 12.' : 'Vui lòng nhập mã bản ghi.',
    });
    return;
  }
  updateQuery({ entity: entitySelect.value, id }, { push: true });
  load(entitySelect.value, id);
});

window.addEventListener('popstate', showRequested);

startShell();
showRequested();
