// Units (cơ quan, phòng, ...) shared by the organisation, unit and person pages.

import { api, el, formatDate, formatPeriod, link } from './common.js';

// The kinds of unit, as the API labels them (kind_label) where only the code is at hand.
export const UNIT_KIND_LABELS = {
  agency: 'Cơ quan',
  department: 'Phòng',
  district_office: 'Cơ quan công tác dân tộc cấp huyện',
  commune_office: 'Cơ quan công tác dân tộc cấp xã',
};

export function unitHref(id) {
  return `/units/${encodeURIComponent(id)}`;
}

export function unitLink(unit, text = unit.name) {
  return link(unitHref(unit.id), text, { class: 'unit-name' });
}

const unitCache = new Map();

// GET /units/{id}, once per page; null when it cannot be read.
export function fetchUnit(id) {
  if (!unitCache.has(id)) unitCache.set(id, api(`/api/v1/units/${id}`).catch(() => null));
  return unitCache.get(id);
}

// Names such as "Văn phòng" repeat in every agency, so outside the tree a unit is named
// with its parent: "Văn phòng – Sở Dân tộc và Tôn giáo tỉnh Đồng Nai".
export async function qualifiedName(unit) {
  const parent = unit.parent_id ? await fetchUnit(unit.parent_id) : null;
  return parent ? `${unit.name} – ${parent.name}` : unit.name;
}

// "BDT · Từ 01/01/2004 đến 28/02/2025": short name and validity, shown under the name.
export function unitMeta(unit) {
  return [unit.short_name, formatPeriod(unit.valid_from, unit.valid_to)].filter(Boolean).join(' · ');
}

const fold = (text) =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

// The API has no "sector" on a unit, so the provincial ethnic-affairs agencies (Ban Dân tộc,
// Sở Dân tộc và Tôn giáo, ...) are told apart from the other agencies of an emulation bloc
// by their name, or by having departments of their own.
function isEthnicAffairsAgency(node) {
  return fold(node.name).includes('dan toc') || node.children.length > 0;
}

// Top-level units of GET /units, grouped for display: [{ title, units }], empty groups left out.
export function groupUnits(nodes) {
  const groups = [
    { title: 'Cơ quan công tác dân tộc và các phòng trực thuộc', test: (n) => n.kind === 'agency' && isEthnicAffairsAgency(n) },
    { title: 'Cơ quan công tác dân tộc cấp huyện', test: (n) => n.kind === 'district_office' },
    { title: 'Cơ quan công tác dân tộc cấp xã', test: (n) => n.kind === 'commune_office' },
    { title: 'Các cơ quan, đơn vị khác', test: () => true },
  ].map((group) => ({ ...group, units: [] }));
  for (const node of nodes) groups.find((group) => group.test(node)).units.push(node);
  return groups.filter((group) => group.units.length > 0).map(({ title, units }) => ({ title, units }));
}

// Every unit of a tree with a label that names its parents: "Văn phòng – Ban Dân tộc tỉnh ...".
export function flattenUnits(nodes, parents = []) {
  return nodes.flatMap((node) => [
    { unit: node, label: [node.name, ...parents].join(' – ') },
    ...flattenUnits(node.children ?? [], [node.name, ...parents]),
  ]);
}

// <optgroup>s of every unit in a tree (GET /units), grouped as on the organisation page,
// each option labelled with its parents.
export function unitOptions(nodes) {
  return groupUnits(nodes).map((group) =>
    el(
      'optgroup',
      { label: group.title },
      flattenUnits(group.units).map(({ unit, label }) => el('option', { value: unit.id }, label)),
    ),
  );
}

// A restructuring event as a short block: title, legal basis and effective date.
export function restructuringSummary(event) {
  return el(
    'div',
    {},
    el('div', {}, event.title),
    el(
      'div',
      { class: 'meta' },
      `Ngày hiệu lực: ${formatDate(event.effective_date)}`,
      event.legal_basis ? ` · Căn cứ: ${event.legal_basis}` : '',
    ),
  );
}
