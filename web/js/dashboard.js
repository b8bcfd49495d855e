// "Tổng quan" (/): what is outstanding today for the officer and leadership (registrations,
// nominations by stage, targets behind plan, complaints overdue, deadlines, grants this year),
// with charts drawn from /api/v1/dashboard by Chart.js (from npm, served by tdkt), and the main
// counts of the organisation, each leading to its page.

import {
  api,
  dataTable,
  el,
  formatDate,
  formatLongDate,
  formatNumber,
  link,
  notice,
  show,
  showError,
  showLoading,
  startShell,
} from './common.js';
import { barChart } from './charts.js';

const asOf = document.getElementById('as-of');
const counts = document.getElementById('counts');
const work = document.getElementById('work');
const nominations = document.getElementById('nominations');
const grants = document.getElementById('grants');
const deadlines = document.getElementById('deadlines');

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

function card({ label, href, hint, warn = false }, value) {
  return el(
    'li',
    {},
    el(
      'a',
      { class: warn ? 'stat-card warn' : 'stat-card', href },
      el('span', { class: 'stat-number' }, formatNumber(value)),
      el('span', { class: 'stat-label' }, label),
      el('span', { class: 'stat-hint' }, hint),
    ),
  );
}

function workCards(data) {
  const nominated = data.nominations.reduce((sum, stage) => sum + stage.count, 0);
  const granted = data.grants_this_year.reduce((sum, row) => sum + row.individuals + row.collectives, 0);
  const items = [
    [
      {
        label: `Lượt chưa đăng ký thi đua (${formatNumber(data.open_campaigns)} đợt đang mở)`,
        href: '/campaigns',
        hint: 'Xem đợt đăng ký',
        warn: data.registrations_outstanding > 0,
      },
      data.registrations_outstanding,
    ],
    [{ label: 'Đề nghị khen thưởng năm nay', href: '/nominations', hint: 'Xem đề nghị' }, nominated],
    [
      {
        label: `Chỉ tiêu chậm tiến độ hoặc quá hạn (trên ${formatNumber(data.targets_total)} chỉ tiêu)`,
        href: '/movements',
        hint: 'Xem phong trào và chỉ tiêu',
        warn: data.targets_behind > 0,
      },
      data.targets_behind,
    ],
    [{ label: 'Khen thưởng năm nay', href: '/statistics', hint: 'Xem thống kê' }, granted],
  ];
  if (data.complaints_open > 0 || data.complaints_overdue > 0) {
    items.push([
      {
        label: `Đơn quá hạn giải quyết (trên ${formatNumber(data.complaints_open)} đơn đang giải quyết)`,
        href: '/complaints',
        hint: 'Xem khiếu nại, tố cáo',
        warn: data.complaints_overdue > 0,
      },
      data.complaints_overdue,
    ]);
  }
  return el('ul', { class: 'stat-cards' }, items.map(([item, value]) => card(item, value)));
}

function nominationChart(data) {
  if (data.nominations.length === 0) return notice('Năm nay chưa có đề nghị khen thưởng nào.');
  return barChart({
    caption: 'Số đề nghị khen thưởng năm nay theo bước xử lý',
    labels: data.nominations.map((stage) => stage.label),
    series: [{ label: 'Đề nghị', values: data.nominations.map((stage) => stage.count) }],
  });
}

function grantChart(data) {
  if (data.grants_this_year.length === 0) return notice('Năm nay chưa có khen thưởng nào được ghi nhận.');
  return barChart({
    caption: 'Số khen thưởng năm nay theo cấp quyết định',
    labels: data.grants_this_year.map((row) => row.label),
    series: [
      { label: 'Cá nhân', values: data.grants_this_year.map((row) => row.individuals) },
      { label: 'Tập thể', values: data.grants_this_year.map((row) => row.collectives) },
    ],
    stacked: true,
  });
}

function deadlineList(data) {
  if (data.deadlines.length === 0) return notice('Không có hạn nào trong 60 ngày tới.');
  return dataTable({
    caption: 'Hạn sắp đến',
    columns: ['Hạn', 'Việc'],
    rows: data.deadlines.map((item) => [formatDate(item.due), link(item.href, item.what)]),
  });
}

async function start() {
  startShell();
  for (const node of [work, counts, nominations, grants, deadlines]) showLoading(node, 'Đang tải số liệu…');
  try {
    const data = await api('/api/v1/dashboard');
    asOf.textContent = `Số liệu tính đến ${formatLongDate(data.today)}.`;
    show(work, workCards(data));
    show(nominations, nominationChart(data));
    show(grants, grantChart(data));
    show(deadlines, deadlineList(data));
    const shown = CARDS.filter((item) => typeof data[item.key] === 'number');
    show(counts, el('ul', { class: 'stat-cards' }, shown.map((item) => card(item, data[item.key]))));
  } catch (error) {
    for (const node of [work, counts, nominations, grants, deadlines]) showError(node, error);
  }
}

start();
