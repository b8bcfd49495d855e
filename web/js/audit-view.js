// The change history (nhật ký thay đổi) as people read it: one row per change, newest first,
// with the fields that changed from their old to their new value. Used by the "Nhật ký" page
// and the person page.

import { dataTable, el, formatDate, formatTimestamp, link } from './common.js';
import { ACTIVE_LABELS, fetchRoles, roleLabel } from './accounts.js';
import { FIELD_LABELS as PERSON_FIELD_LABELS, GENDER_LABELS, fetchPerson } from './person-form.js';
import { UNIT_KIND_LABELS, fetchUnit, qualifiedName, unitHref } from './units.js';

export const ENTITY_LABELS = {
  person: 'Cá nhân',
  unit: 'Đơn vị',
  membership: 'Quá trình công tác',
  restructuring: 'Đợt sắp xếp tổ chức',
  bloc: 'Khối thi đua',
  account: 'Tài khoản',
  person_year: 'Hồ sơ năm của cá nhân',
  unit_year: 'Hồ sơ năm của tập thể',
  initiative: 'Sáng kiến, đề tài',
  grant: 'Khen thưởng đã nhận',
  document: 'Văn bản',
  movement: 'Phong trào thi đua',
  campaign: 'Đợt đăng ký thi đua',
  registration: 'Đăng ký thi đua',
  target: 'Chỉ tiêu',
  target_value: 'Kết quả thực hiện chỉ tiêu',
  document_attachment: 'Tệp đính kèm văn bản',
};

export const ACTION_LABELS = {
  create: 'Tạo',
  update: 'Sửa',
  end: 'Kết thúc',
  delete: 'Xóa',
  add_member: 'Thêm đơn vị thành viên',
  change_password: 'Đổi mật khẩu',
  reset_password: 'Đặt lại mật khẩu',
};

const FIELD_LABELS = {
  movement: {
    name: 'Tên phong trào',
    theme: 'Chủ đề',
    authority: 'Cấp phát động',
    level: 'Cấp',
    kind: 'Hình thức',
    starts_on: 'Từ ngày',
    ends_on: 'Đến ngày',
    parent_id: 'Thực hiện theo phong trào',
    unit_id: 'Đơn vị phát động',
    content_items: 'Số nội dung thi đua',
    waves: 'Số đợt thi đua',
    assignments: 'Số đơn vị được giao',
    implements: 'Văn bản căn cứ',
    plan_document_id: 'Kế hoạch',
  },
  person: PERSON_FIELD_LABELS,
  unit: {
    name: 'Tên đơn vị',
    short_name: 'Tên viết tắt',
    kind: 'Loại đơn vị',
    parent_id: 'Trực thuộc',
    place: 'Địa bàn',
    valid_from: 'Hoạt động từ ngày',
    valid_to: 'Hoạt động đến ngày',
  },
  membership: { person_id: 'Cá nhân', unit_id: 'Đơn vị', position: 'Chức vụ', from: 'Từ ngày', to: 'Đến ngày' },
  restructuring: {
    title: 'Nội dung',
    legal_basis: 'Căn cứ',
    effective_date: 'Ngày hiệu lực',
    ended: 'Đơn vị kết thúc hoạt động',
    started: 'Đơn vị thành lập',
    successions: 'Kế thừa',
  },
  bloc: {
    name: 'Tên khối',
    note: 'Ghi chú',
    valid_from: 'Từ ngày',
    valid_to: 'Đến ngày',
    bloc_id: 'Khối thi đua',
    unit_id: 'Đơn vị thành viên',
    from: 'Từ ngày',
    to: 'Đến ngày',
  },
  account: {
    username: 'Tên đăng nhập',
    display_name: 'Họ tên',
    role: 'Vai trò',
    scope_unit_id: 'Đơn vị được giao',
    person_id: 'Cá nhân gắn với tài khoản',
    active: 'Trạng thái',
  },
};

const DATE_FIELDS = new Set(['valid_from', 'valid_to', 'from', 'to', 'effective_date']);
const UNIT_FIELDS = new Set(['unit_id', 'parent_id', 'scope_unit_id']);
const UNIT_LIST_FIELDS = new Set(['ended', 'started']);

const ids = (text) => String(text ?? '').split(',').filter(Boolean).map(Number);
// "3->7,4->7": unit 3 and unit 4 carried on by unit 7.
const successionPairs = (text) =>
  String(text ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split('->').map(Number));

// A person's snapshot keeps the name in three parts; people read it whole.
function readable(entity, snapshot) {
  if (!snapshot || entity !== 'person' || !('family_name' in snapshot)) return snapshot;
  const { family_name: family, middle_name: middle, given_name: given, ...rest } = snapshot;
  return { full_name: [family, middle, given].filter(Boolean).join(' '), ...rest };
}

// The names behind the ids in `records`: { units: Map, people: Map, roles: [] }.
async function resolveNames(records) {
  const unitIds = new Set();
  const personIds = new Set();
  let needsRoles = false;
  for (const record of records) {
    for (const snapshot of [record.before, record.after]) {
      for (const [field, value] of Object.entries(snapshot ?? {})) {
        if (!value) continue;
        if (UNIT_FIELDS.has(field)) unitIds.add(Number(value));
        else if (UNIT_LIST_FIELDS.has(field)) ids(value).forEach((id) => unitIds.add(id));
        else if (field === 'successions') successionPairs(value).flat().forEach((id) => unitIds.add(id));
        else if (field === 'person_id') personIds.add(Number(value));
        else if (field === 'role') needsRoles = true;
      }
    }
  }
  const units = new Map();
  const people = new Map();
  const [roles] = await Promise.all([
    needsRoles ? fetchRoles().then((data) => data.roles, () => []) : [],
    ...[...unitIds].map(async (id) => {
      const unit = await fetchUnit(id);
      if (unit) units.set(id, await qualifiedName(unit));
    }),
    ...[...personIds].map(async (id) => {
      const person = await fetchPerson(id);
      if (person) people.set(id, person.full_name);
    }),
  ]);
  return { units, people, roles };
}

const blank = () => el('span', { class: 'empty-value' }, '(trống)');

function unitRef(names, id) {
  return link(unitHref(id), names.units.get(id) ?? `Đơn vị mã ${id}`);
}

// One field's value as text or a link, the way the rest of the interface shows it.
function fieldValue(field, value, names) {
  if (value === undefined || value === null || value === '') return blank();
  if (DATE_FIELDS.has(field)) return formatDate(value);
  if (UNIT_FIELDS.has(field)) return unitRef(names, Number(value));
  if (UNIT_LIST_FIELDS.has(field)) {
    return el('ul', { class: 'value-list' }, ids(value).map((id) => el('li', {}, unitRef(names, id))));
  }
  if (field === 'successions') {
    return el(
      'ul',
      { class: 'value-list' },
      successionPairs(value).map(([from, to]) =>
        el('li', {}, unitRef(names, from), ' → ', to === undefined ? '' : unitRef(names, to)),
      ),
    );
  }
  if (field === 'person_id') {
    const id = Number(value);
    return link(`/people/${id}`, names.people.get(id) ?? `Cá nhân mã ${id}`);
  }
  if (field === 'bloc_id') return `Khối thi đua mã ${value}`;
  if (field === 'gender') return GENDER_LABELS[value] ?? value;
  if (field === 'kind') return UNIT_KIND_LABELS[value] ?? value;
  if (field === 'role') return roleLabel(names.roles, value);
  if (field === 'active') return ACTIVE_LABELS[value] ?? value;
  return String(value);
}

function fieldOrder(entity) {
  const order = Object.keys(FIELD_LABELS[entity] ?? {});
  return (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99);
}

function label(entity, field) {
  return FIELD_LABELS[entity]?.[field] ?? field;
}

// The "Nội dung thay đổi" cell of one record.
function changes(record, names) {
  const { entity } = record;
  const before = readable(entity, record.before);
  const after = readable(entity, record.after);
  if (!before && !after) {
    return record.action === 'change_password'
      ? 'Người dùng đã tự đổi mật khẩu (mật khẩu không được ghi vào nhật ký).'
      : el('span', { class: 'empty-value' }, 'Không ghi nội dung.');
  }
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort(fieldOrder(entity));
  if (before && after) {
    const changed = fields.filter((field) => (before[field] ?? '') !== (after[field] ?? ''));
    if (!changed.length) {
      return el(
        'span',
        { class: 'empty-value' },
        entity === 'account'
          ? 'Không có trường thông tin nào thay đổi (khi đặt lại mật khẩu, mật khẩu không được ghi vào nhật ký).'
          : 'Không có trường thông tin nào thay đổi.',
      );
    }
    return el(
      'ul',
      { class: 'changes' },
      changed.map((field) =>
        el(
          'li',
          {},
          el('span', { class: 'change-field' }, label(entity, field)),
          ': ',
          el('span', { class: 'visually-hidden' }, 'từ '),
          el('span', { class: 'diff-old' }, fieldValue(field, before[field], names)),
          el('span', { 'aria-hidden': 'true' }, ' → '),
          el('span', { class: 'visually-hidden' }, ' thành '),
          el('span', { class: 'diff-new' }, fieldValue(field, after[field], names)),
        ),
      ),
    );
  }
  const values = after ?? before;
  const filled = fields.filter((field) => values[field]);
  return [
    before ? el('p', { class: 'change-intro' }, 'Nội dung trước khi xóa:') : null,
    el(
      'ul',
      { class: 'changes' },
      filled.map((field) =>
        el('li', {}, el('span', { class: 'change-field' }, label(entity, field)), ': ', fieldValue(field, values[field], names)),
      ),
    ),
  ];
}

// The history table of `records` (as GET /audit returns them), newest first.
export async function auditTable(records, caption = 'Nhật ký thay đổi') {
  const names = await resolveNames(records);
  const newest = [...records].sort((a, b) => b.id - a.id);
  return dataTable({
    caption,
    className: 'audit-table',
    columns: [
      { label: 'Thời điểm', class: 'nowrap' },
      { label: 'Người thực hiện' },
      { label: 'Thao tác' },
      { label: 'Nội dung thay đổi' },
    ],
    rows: newest.map((record) => [
      el('time', { datetime: record.at }, formatTimestamp(record.at)),
      record.actor || '—',
      ACTION_LABELS[record.action] ?? record.action,
      { content: changes(record, names), class: 'audit-changes' },
    ]),
  });
}
