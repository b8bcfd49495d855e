// Bar charts drawn by Chart.js (npm chart.js, compiled into tdkt and loaded by the page as
// /static/node_modules/chart.js/dist/chart.umd.js, which defines window.Chart). Every chart comes
// with the same figures as a table, shown to screen readers and to anyone who opens "Xem bảng số
// liệu", so that no figure is only in a picture.

import { dataTable, el, formatNumber, link } from './common.js';

const COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#b7791f', '#6b46c1', '#4a5568'];

// { caption, labels: [text], series: [{ label, values: [number] }], stacked, horizontal, hrefs }
// → a <figure> with the canvas and the table of its figures; hrefs[i], when given, makes the
// i-th label of the table a link to the records it counts.
export function barChart({ caption, labels, series, stacked = false, horizontal = false, hrefs = [] }) {
  const canvas = el('canvas', { role: 'img', 'aria-label': caption });
  const table = dataTable({
    caption,
    columns: ['', ...series.map((one) => one.label)],
    rows: labels.map((label, i) => [
      hrefs[i] ? link(hrefs[i], label) : label,
      ...series.map((one) => formatNumber(one.values[i])),
    ]),
    rowHeaders: true,
  });
  const box = el('div', { class: 'chart-canvas' }, canvas);
  // Through the CSSOM: the pages' Content-Security-Policy refuses style attributes.
  box.style.height = `${horizontal ? Math.max(160, 34 * labels.length) : 260}px`;
  const figure = el(
    'figure',
    { class: 'chart' },
    box,
    el('figcaption', {}, caption),
    el('details', {}, el('summary', {}, 'Xem bảng số liệu'), table),
  );
  if (typeof window.Chart !== 'function') {
    // The library did not load: the table is the chart.
    figure.querySelector('details').open = true;
    return figure;
  }
  // Drawn once the figure is in the page (Chart.js measures its container).
  requestAnimationFrame(() => {
    const chart = new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((one, i) => ({
          label: one.label,
          data: one.values,
          backgroundColor: COLOURS[i % COLOURS.length],
        })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        locale: 'vi-VN',
        plugins: { legend: { display: series.length > 1 } },
        scales: {
          x: { stacked, ticks: horizontal ? { precision: 0 } : {} },
          y: { stacked, beginAtZero: true, ticks: horizontal ? {} : { precision: 0 } },
        },
      },
    });
    canvas.dataset.drawn = String(chart.data.datasets.length);
  });
  return figure;
}
