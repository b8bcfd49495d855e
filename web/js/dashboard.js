// "Tổng quan" (/): the main counts of the system today, each leading to its page.

import { api, el, formatLongDate, formatNumber, show, showError, showLoading, startShell } from './common.js';

const asOf = document.getElementById('as-of');
const counts = document.getElementById('counts');

// The cards in display order; a card whose count the server leaves out (the number of
// accounts is only given to administrators) is not shown.
const CARDS = [
  { key: 'units', label: 'Đơn vị đang hoạt động', href: '/units', hint: 'Xem cơ cấu tổ chức' },
  { key: 'agencies', label: 'Cơ quan', href: '/units', hint: 'Xem cơ cấu tổ chức' },
  { key: 'people_visible', label: 'Cá nhân trong phạm vi được xem', href: '/people', hint: 'Tìm cá nhân' },
  {
    key: 'restructurings',
    label: 'Đợt sắp xếp tổ chức',
    href: '/units#restructurings-panel',
    hint: 'Xem các đợt sắp xếp',
  },
  { key: 'blocs', label: 'Khối thi đua', href: '/units#blocs-panel', hint: 'Xem các khối thi đua' },
  { key: 'accounts', label: 'Tài khoản', href: '/admin/accounts', hint: 'Quản trị tài khoản' },
];

function card({ label, href, hint }, value) {
  return el(
    'li',
    {},
    el(
      'a',
      { class: 'stat-card', href },
      el('span', { class: 'stat-number' }, formatNumber(value)),
      el('span', { class: 'stat-label' }, label),
      el('span', { class: 'stat-hint' }, hint),
    ),
  );
}

async function start() {
  startShell();
  showLoading(counts, 'Đang tải số liệu…');
  try {
    const data = await api('/api/v1/dashboard');
    asOf.textContent = `Số liệu tính đến ${formatLongDate(data.today)}.`;
    const shown = CARDS.filter((item) => typeof data[item.key] === 'number');
    show(counts, el('ul', { class: 'stat-cards' }, shown.map((item) => card(item, data[item.key]))));
  } catch (error) {
    showError(counts, error);
  }
}

start();
