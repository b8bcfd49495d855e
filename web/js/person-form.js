// The person form ("Thêm cá nhân" and "Sửa thông tin"), the labels of person fields and a
// cached reader of one person.

import { api, el, todayIso } from './common.js';
import { ETHNICITIES } from './ethnicities.js';

export const GENDER_LABELS = { male: 'Nam', female: 'Nữ', unspecified: 'Không ghi' };

export const FIELD_LABELS = {
  full_name: 'Họ và tên',
  family_name: 'Họ',
  middle_name: 'Tên đệm',
  given_name: 'Tên',
  gender: 'Giới tính',
  birth_year: 'Năm sinh',
  ethnicity: 'Dân tộc',
  village: 'Thôn/ấp',
  commune: 'Xã/phường',
  province: 'Tỉnh',
  note: 'Ghi chú',
};

// The API reports name errors on the parts it splits the full name into.
export const ERROR_ALIASES = { family_name: 'full_name', middle_name: 'full_name', given_name: 'full_name' };

// A person field's value as shown to people ("female" -> "Nữ").
export function displayValue(field, value) {
  if (value === null || value === undefined) return '';
  if (field === 'gender') return GENDER_LABELS[value] ?? String(value);
  return String(value);
}

const FIELDS = [
  { name: 'full_name', required: true, hint: 'Ví dụ: Nguyễn Văn Khang' },
  { name: 'gender', type: 'select' },
  { name: 'birth_year', inputmode: 'numeric', maxlength: '4', hint: 'Bốn chữ số, ví dụ 1985' },
  { name: 'ethnicity', list: 'ethnicity-list', hint: 'Chọn trong danh sách 54 dân tộc hoặc tự nhập' },
  { name: 'village' },
  { name: 'commune' },
  { name: 'province' },
  { name: 'note', type: 'textarea', wide: true },
];

function ethnicityList() {
  return (
    document.getElementById('ethnicity-list') ??
    el('datalist', { id: 'ethnicity-list' }, ETHNICITIES.map((name) => el('option', { value: name })))
  );
}

// Fills `form` with the person fields and a submit button.
export function buildPersonForm(form, { idPrefix, submitLabel }) {
  form.noValidate = true;
  const fields = FIELDS.map((field) => {
    const id = `${idPrefix}-${field.name}`;
    const hintId = field.hint ? `${id}-hint` : null;
    const common = { id, name: field.name, 'aria-describedby': hintId, required: field.required };
    let control;
    if (field.type === 'select') {
      control = el(
        'select',
        common,
        Object.entries(GENDER_LABELS).map(([value, label]) => el('option', { value }, label)),
      );
      control.value = 'unspecified';
    } else if (field.type === 'textarea') {
      control = el('textarea', { ...common, rows: '3' });
    } else {
      control = el('input', {
        ...common,
        type: 'text',
        autocomplete: 'off',
        inputmode: field.inputmode,
        maxlength: field.maxlength,
        list: field.list,
      });
    }
    return el(
      'div',
      { class: field.wide ? 'field wide' : 'field' },
      el('label', { for: id }, FIELD_LABELS[field.name], field.required ? el('span', { class: 'required' }, ' (bắt buộc)') : null),
      control,
      field.hint ? el('p', { class: 'hint', id: hintId }, field.hint) : null,
    );
  });
  form.replaceChildren(
    el('div', { class: 'form-grid' }, fields),
    ethnicityList(),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, submitLabel)),
  );
}

export function fillPersonForm(form, person) {
  for (const field of FIELDS) {
    const value = person[field.name];
    form.elements.namedItem(field.name).value = value === null || value === undefined ? '' : String(value);
  }
}

// The form's values as the API expects them, or { error: { field, message } }.
export function readPersonForm(form) {
  const values = {};
  for (const field of FIELDS) {
    const value = form.elements.namedItem(field.name).value.trim();
    values[field.name] = field.name === 'note' ? value : value.replace(/\s+/g, ' ');
  }
  if (!values.full_name) return { error: { field: 'full_name', message: 'Vui lòng nhập họ và tên.' } };
  if (values.birth_year && !/^\d{4}$/.test(values.birth_year)) {
    return { error: { field: 'birth_year', message: 'Năm sinh phải là số gồm 4 chữ số, ví dụ 1985.' } };
  }
  values.birth_year = values.birth_year ? Number(values.birth_year) : null;
  const thisYear = Number(todayIso().slice(0, 4));
  if (values.birth_year !== null && (values.birth_year < 1900 || values.birth_year > thisYear)) {
    return { error: { field: 'birth_year', message: `Năm sinh phải từ 1900 đến ${thisYear}.` } };
  }
  return { values };
}

// Only the fields that differ from `person`, so that an unchanged name is not re-split.
export function changedFields(person, values) {
  const changes = {};
  for (const [name, value] of Object.entries(values)) {
    const before = person[name] === null || person[name] === undefined ? (name === 'birth_year' ? null : '') : person[name];
    if (value !== before) changes[name] = value;
  }
  return changes;
}

const personCache = new Map();

// GET /people/{id}, once per page; null when it cannot be read (not found or out of scope).
export function fetchPerson(id) {
  if (!personCache.has(id)) personCache.set(id, api(`/api/v1/people/${id}`).catch(() => null));
  return personCache.get(id);
}
