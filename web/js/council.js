// The council (/council): councils by term with their members and roles (the officer adds and
// removes members, changes roles), the sessions of the selected council with a link to each,
// setting up a session for a review, and establishing a new council.

import {
  api,
  can,
  confirmButton,
  clearFormErrors,
  dataTable,
  el,
  enhanceDateInputs,
  formatDate,
  formatPeriod,
  notice,
  parseDate,
  queryParam,
  setStatus,
  setTitle,
  show,
  showError,
  showFormError,
  startShell,
  todayIso,
  updateQuery,
  whileBusy,
} from './common.js';

const councilsBox = document.getElementById('councils');
const councilPanel = document.getElementById('council-panel');
const membersBox = document.getElementById('members');
const membersStatus = document.getElementById('members-status');
const sessionsPanel = document.getElementById('sessions-panel');
const sessionsBox = document.getElementById('sessions');
const memberForm = document.getElementById('member-form');
const sessionForm = document.getElementById('session-form');
const councilForm = document.getElementById('council-form');

let councils = [];
let current = null;

function councilBody(council, members) {
  return {
    unit_id: council.unit_id,
    name: council.name,
    term_from: council.term_from,
    term_to: council.term_to,
    document_id: council.document_id,
    members: members.map((m) => ({ person_id: m.person_id, role: m.role, position: m.position })),
  };
}

async function saveMembers(members, done) {
  try {
    current = await api(`/api/v1/councils/${current.id}`, { method: 'PUT', body: councilBody(current, members) });
    setStatus(membersStatus, done, 'ok');
    renderCouncil();
  } catch (error) {
    setStatus(membersStatus, error.message, 'error');
  }
}

function renderCouncil() {
  councilPanel.hidden = false;
  sessionsPanel.hidden = false;
  setTitle(current.name);
  document.getElementById('members-title').textContent = `Thành viên — ${current.name}`;
  document.getElementById('council-details').replaceChildren(
    el('dt', {}, 'Cơ quan'),
    el('dd', {}, current.unit_name),
    el('dt', {}, 'Nhiệm kỳ'),
    el('dd', {}, formatPeriod(current.term_from, current.term_to)),
    el('dt', {}, 'Số thành viên'),
    el('dd', {}, String(current.members.length)),
  );
  if (!current.members.length) {
    show(membersBox, notice('Hội đồng chưa có thành viên.'));
    return;
  }
  const manage = can('manage_reviews');
  const columns = ['STT', 'Họ và tên', 'Chức vụ', 'Vai trò trong Hội đồng'];
  if (manage) columns.push('Thao tác');
  show(
    membersBox,
    dataTable({
      caption: 'Thành viên Hội đồng',
      columns,
      rows: current.members.map((member, index) => {
        const row = [String(index + 1), el('a', { href: `/people/${member.person_id}` }, member.name), member.position,
          member.role_label];
        if (manage) {
          row.push(
            confirmButton('Bỏ khỏi Hội đồng', `Bỏ ${member.name} khỏi Hội đồng?`, () =>
              saveMembers(
                current.members.filter((m) => m.person_id !== member.person_id),
                `Đã bỏ ${member.name} khỏi Hội đồng.`,
              )),
          );
        }
        return row;
      }),
    }),
  );
}

async function loadSessions() {
  try {
    const data = await api('/api/v1/sessions');
    const mine = data.items.filter((s) => s.council_id === current.id);
    if (!mine.length) {
      show(sessionsBox, notice('Hội đồng chưa có phiên họp nào.'));
      return;
    }
    show(
      sessionsBox,
      dataTable({
        caption: 'Phiên họp của Hội đồng',
        columns: ['Ngày họp', 'Đợt xét', 'Địa điểm', 'Trạng thái', 'Biên bản'],
        rows: mine.map((s) => [
          el('a', { href: `/sessions/${s.id}` }, formatDate(s.held_on)),
          s.review_name,
          s.place,
          s.status_label,
          s.minutes ? el('a', { href: `/documents/${s.minutes.id}` }, `Số ${s.minutes.number}`) : '—',
        ]),
      }),
    );
  } catch (error) {
    showError(sessionsBox, error);
  }
}

async function select(id) {
  current = councils.find((c) => c.id === id) ?? null;
  if (!current) return;
  updateQuery({ id });
  renderCouncil();
  await loadSessions();
}

async function loadCouncils() {
  try {
    const data = await api('/api/v1/councils');
    councils = data.items;
    if (!councils.length) {
      show(councilsBox, notice('Chưa có Hội đồng nào. Cán bộ thi đua thành lập Hội đồng ở cuối trang.'));
      return;
    }
    show(
      councilsBox,
      dataTable({
        caption: 'Hội đồng Thi đua - Khen thưởng',
        columns: ['Tên Hội đồng', 'Cơ quan', 'Nhiệm kỳ', 'Số thành viên'],
        rows: councils.map((c) => {
          const open = el('a', { href: `/council?id=${c.id}` }, c.name);
          open.addEventListener('click', (event) => {
            event.preventDefault();
            select(c.id);
          });
          return [open, c.unit_name, formatPeriod(c.term_from, c.term_to), String(c.members.length)];
        }),
      }),
    );
    const wanted = Number(queryParam('id')) || councils[0].id;
    await select(wanted);
  } catch (error) {
    showError(councilsBox, error);
  }
}

// ---------------------------------------------------------------- forms

let searchTimer = null;
const personSelect = document.getElementById('m-person');
document.getElementById('m-search').addEventListener('input', (event) => {
  clearTimeout(searchTimer);
  const q = event.target.value.trim();
  searchTimer = setTimeout(async () => {
    if (!q) {
      personSelect.replaceChildren();
      return;
    }
    try {
      const params = new URLSearchParams({ q, limit: '20', as_of: todayIso() });
      const data = await api(`/api/v1/people?${params}`);
      personSelect.replaceChildren(
        ...(data.items.length
          ? data.items.map((p) => el('option', { value: String(p.id) }, p.full_name))
          : [el('option', { value: '' }, 'Không tìm thấy ai')]),
      );
    } catch (error) {
      personSelect.replaceChildren(el('option', { value: '' }, error.message));
    }
  }, 250);
});

memberForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(memberForm);
  const personId = Number(personSelect.value);
  if (!personId) return showFormError(memberForm, { field: 'person_id', message: 'Chưa chọn cá nhân.' });
  const members = [
    ...current.members,
    { person_id: personId, role: memberForm.elements.role.value, position: memberForm.elements.position.value },
  ];
  await whileBusy(memberForm.querySelector('button[type=submit]'), 'Đang lưu…', () =>
    saveMembers(members, 'Đã thêm thành viên.'));
});

async function loadReviews() {
  const select = document.getElementById('s-review');
  try {
    const data = await api('/api/v1/reviews');
    const open = data.items.filter((r) => r.status === 'open');
    select.replaceChildren(
      ...(open.length
        ? open.map((r) => el('option', { value: String(r.id) }, `${r.name} (năm ${r.year})`))
        : [el('option', { value: '' }, 'Chưa có đợt xét đang mở')]),
    );
  } catch (error) {
    select.replaceChildren(el('option', { value: '' }, error.message));
  }
}

sessionForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(sessionForm);
  const reviewId = Number(sessionForm.elements.review_id.value);
  if (!reviewId) return showFormError(sessionForm, { field: 'review_id', message: 'Chưa chọn đợt xét.' });
  const heldOn = parseDate(sessionForm.elements.held_on.value);
  if (!heldOn) return showFormError(sessionForm, { field: 'held_on', message: 'Ngày họp viết theo dạng dd/mm/yyyy.' });
  const place = sessionForm.elements.place.value.trim();
  if (!place) return showFormError(sessionForm, { field: 'place', message: 'Chưa nhập địa điểm họp.' });
  await whileBusy(sessionForm.querySelector('button[type=submit]'), 'Đang lập…', async () => {
    try {
      const created = await api('/api/v1/sessions', {
        method: 'POST',
        body: { council_id: current.id, review_id: reviewId, held_on: heldOn, place },
      });
      window.location.assign(`/sessions/${created.id}`);
    } catch (error) {
      showFormError(sessionForm, error);
    }
  });
});

async function loadUnits() {
  const select = document.getElementById('c-unit');
  try {
    const data = await api(`/api/v1/units?as_of=${todayIso()}`);
    select.replaceChildren(...data.units.map((u) => el('option', { value: String(u.id) }, u.name)));
  } catch (error) {
    select.replaceChildren(el('option', { value: '' }, error.message));
  }
}

councilForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(councilForm);
  const name = councilForm.elements.name.value.trim();
  if (!name) return showFormError(councilForm, { field: 'name', message: 'Chưa nhập tên Hội đồng.' });
  const from = parseDate(councilForm.elements.term_from.value);
  if (!from) return showFormError(councilForm, { field: 'term_from', message: 'Ngày viết theo dạng dd/mm/yyyy.' });
  const to = parseDate(councilForm.elements.term_to.value);
  if (!to) return showFormError(councilForm, { field: 'term_to', message: 'Ngày viết theo dạng dd/mm/yyyy.' });
  await whileBusy(councilForm.querySelector('button[type=submit]'), 'Đang lưu…', async () => {
    try {
      const created = await api('/api/v1/councils', {
        method: 'POST',
        body: { name, unit_id: Number(councilForm.elements.unit_id.value), term_from: from, term_to: to, members: [] },
      });
      setStatus(document.getElementById('council-status'), `Đã thành lập "${created.name}". Thêm thành viên ở trên.`, 'ok');
      updateQuery({ id: created.id });
      await loadCouncils();
    } catch (error) {
      showFormError(councilForm, error);
    }
  });
});

async function start() {
  await startShell();
  enhanceDateInputs();
  await loadCouncils();
  if (can('manage_reviews')) {
    loadReviews();
    loadUnits();
  }
}

start();
