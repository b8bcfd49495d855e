// Shared by the nomination and review pages: the verdict badge and the list of reasons (clauses
// with their citations) and the quota place.

import { el } from './common.js';

const VERDICT_CLASS = { eligible: 'ok', ineligible: 'off verdict-no', insufficient_data: 'warn' };

export function verdictBadge(verdict, label) {
  return el('span', { class: `badge ${VERDICT_CLASS[verdict] ?? 'warn'}` }, label);
}

function reasonItem(reason) {
  const mark = reason.met ? '✓' : reason.outcome === 'unknown' ? '?' : '✗';
  const status = reason.met ? 'Đạt' : reason.outcome === 'unknown' ? 'Chưa đủ dữ liệu' : 'Không đạt';
  return el(
    'li',
    { class: reason.met ? 'reason-met' : 'reason-unmet' },
    el('span', { 'aria-hidden': 'true' }, `${mark} `),
    el('span', { class: 'visually-hidden' }, `${status}: `),
    reason.text,
    reason.citation ? el('span', { class: 'citation' }, ` (${reason.citation})`) : null,
    reason.unverified ? el('span', { class: 'badge warn' }, 'chưa kiểm chứng') : null,
    reason.details?.length ? el('ul', {}, reason.details.map(reasonItem)) : null,
  );
}

// The reasons in a <details>: open when the verdict is not eligible (the "why not" is the point).
export function reasonsBlock(verdict, label, reasons, ruleSet = '') {
  const unmet = reasons.filter((reason) => !reason.met).length;
  const summary =
    verdict === 'eligible'
      ? `Đạt cả ${reasons.length} tiêu chuẩn`
      : `${unmet} tiêu chuẩn không đạt hoặc chưa đủ dữ liệu`;
  return el(
    'details',
    { class: 'verdict', 'data-verdict': verdict, open: verdict === 'eligible' ? null : '' },
    el('summary', {}, verdictBadge(verdict, label), ' ', summary, ruleSet ? ` — bộ tiêu chuẩn ${ruleSet}` : ''),
    reasons.length ? el('ul', { class: 'reasons' }, reasons.map(reasonItem)) : el('p', {}, 'Không có lý do được ghi.'),
  );
}

export function quotaBlock(quotas) {
  if (!quotas?.length) return el('span', { class: 'muted' }, 'Không có giới hạn số lượng');
  return el(
    'ul',
    { class: 'quota-places' },
    quotas.map((place) =>
      el(
        'li',
        {},
        el('span', { class: `badge ${place.exceeds ? 'off verdict-no' : 'ok'}` }, place.text),
        place.citation ? el('span', { class: 'citation' }, ` (${place.citation})`) : null,
      ),
    ),
  );
}

