// "Cơ cấu tổ chức" (/units): the unit tree, the emulation blocs and the restructurings on a
// chosen day.

import {
  api,
  bindAsOfForm,
  dataTable,
  el,
  formatDate,
  formatNumber,
  formatPeriod,
  isAbort,
  notice,
  show,
  showError,
  showLoading,
  startShell,
} from './common.js';
import { groupUnits, unitLink, unitMeta } from './units.js';

const form = document.getElementById('as-of-form');
const input = document.getElementById('as-of');
const unitsBox = document.getElementById('units');
const unitsTitle = document.getElementById('units-title');
const unitsSummary = document.getElementById('units-summary');
const blocsBox = document.getElementById('blocs');
const blocsTitle = document.getElementById('blocs-title');
const eventsBox = document.getElementById('restructurings');

let controller = null;

function countUnits(nodes) {
  return nodes.reduce((total, node) => total + 1 + countUnits(node.children), 0);
}

function unitItem(node) {
  const meta = [unitMeta(node)];
  if (node.children.length) meta.push(`${formatNumber(node.children.length)} đơn vị trực thuộc`);
  return el(
    'li',
    {},
    el('div', { class: 'unit-line' }, unitLink(node), el('span', { class: 'meta' }, meta.join(' · '))),
    node.children.length
      ? el('ul', { 'aria-label': `Đơn vị trực thuộc ${node.name}` }, node.children.map(unitItem))
      : null,
  );
}

function renderUnits(nodes, iso) {
  if (!nodes.length) {
    unitsSummary.textContent = '';
    show(unitsBox, notice(`Không có đơn vị nào hoạt động vào ngày ${formatDate(iso)}. Hãy chọn một ngày khác.`));
    return;
  }
  unitsSummary.textContent = `Có ${formatNumber(countUnits(nodes))} đơn vị hoạt động vào ngày ${formatDate(iso)}.`;
  show(
    unitsBox,
    groupUnits(nodes).map((group) => [el('h3', {}, group.title), el('ul', { class: 'tree' }, group.units.map(unitItem))]),
  );
}

function renderBlocs(blocs, iso) {
  if (!blocs.length) {
    show(blocsBox, notice(`Không có khối thi đua nào vào ngày ${formatDate(iso)}.`));
    return;
  }
  show(
    blocsBox,
    blocs.map((bloc) =>
      el(
        'div',
        { class: 'bloc' },
        el('h3', {}, bloc.name),
        bloc.note ? el('p', {}, bloc.note) : null,
        el('p', { class: 'meta' }, formatPeriod(bloc.valid_from, bloc.valid_to)),
        el('p', {}, `Thành viên tại ngày ${formatDate(iso)} (${formatNumber(bloc.members.length)}):`),
        bloc.members.length
          ? el(
              'ul',
              { class: 'plain-list' },
              bloc.members.map((unit) => el('li', {}, unitLink(unit), ' ', el('span', { class: 'meta' }, unitMeta(unit)))),
            )
          : notice('Khối chưa có thành viên nào vào ngày này.'),
      ),
    ),
  );
}

async function load(iso) {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  unitsTitle.textContent = `Các đơn vị tại ngày ${formatDate(iso)}`;
  blocsTitle.textContent = `Khối thi đua tại ngày ${formatDate(iso)}`;
  unitsSummary.textContent = '';
  showLoading(unitsBox, 'Đang tải cơ cấu tổ chức…');
  showLoading(blocsBox, 'Đang tải khối thi đua…');
  const query = `as_of=${encodeURIComponent(iso)}`;
  const [units, blocs] = await Promise.allSettled([
    api(`/api/v1/units?${query}`, { signal }),
    api(`/api/v1/blocs?${query}`, { signal }),
  ]);
  if (signal.aborted) return;
  if (units.status === 'fulfilled') renderUnits(units.value.units, iso);
  else if (!isAbort(units.reason)) showError(unitsBox, units.reason);
  if (blocs.status === 'fulfilled') renderBlocs(blocs.value.blocs, iso);
  else if (!isAbort(blocs.reason)) showError(blocsBox, blocs.reason);
}

async function loadRestructurings() {
  showLoading(eventsBox, 'Đang tải các đợt sắp xếp…');
  try {
    const { restructurings } = await api('/api/v1/restructurings');
    if (!restructurings.length) {
      show(eventsBox, notice('Chưa ghi nhận đợt sắp xếp tổ chức nào.'));
      return;
    }
    const sorted = [...restructurings].sort((a, b) => a.effective_date.localeCompare(b.effective_date) || a.id - b.id);
    show(
      eventsBox,
      dataTable({
        caption: 'Các đợt sắp xếp tổ chức',
        columns: [{ label: 'Ngày hiệu lực', class: 'nowrap' }, { label: 'Nội dung' }, { label: 'Căn cứ' }],
        rows: sorted.map((event) => [formatDate(event.effective_date), event.title, event.legal_basis || '—']),
      }),
    );
  } catch (error) {
    showError(eventsBox, error);
  }
}

startShell();
bindAsOfForm({ form, input, todayButton: document.getElementById('today'), load });
loadRestructurings();
