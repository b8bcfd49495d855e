// One council session (/sessions/{id}): date, place, attendance with the quorum of the rule set in
// force, the agenda with each honour's threshold, the signed-in member's ballot buttons, the
// officer's form for the written votes of absent members (and every member's paper ballot in a
// session declared a paper-ballot session before it opens), the tally (a secret item shows only
// how many have voted until the session closes), opening and closing with confirmation, and the
// link to the minutes (biên bản) once closed.

import {
  api,
  confirmButton,
  clearFormErrors,
  dataTable,
  el,
  formatDate,
  formatTimestamp,
  notice,
  pathId,
  setStatus,
  setTitle,
  show,
  showError,
  showFormError,
  startShell,
  whileBusy,
} from './common.js';

const sessionId = pathId();
const base = `/api/v1/sessions/${sessionId}`;
const loadState = document.getElementById('load-state');
const content = document.getElementById('session-content');
const officerStatus = document.getElementById('officer-status');
const voteStatus = document.getElementById('vote-status');
const attendanceForm = document.getElementById('attendance-form');
const writtenForm = document.getElementById('written-form');

const CHOICES = [
  ['approve', 'Tán thành'],
  ['reject', 'Không tán thành'],
  ['abstain', 'Không biểu quyết'],
];
const ATTENDANCE = [
  ['present', 'Có mặt'],
  ['absent_written', 'Vắng, có phiếu bằng văn bản'],
  ['absent', 'Vắng'],
];

let session = null;

function detail(term, ...value) {
  return [el('dt', {}, term), el('dd', {}, ...value)];
}

function renderDetails() {
  setTitle(`Phiên họp ngày ${formatDate(session.held_on)}`);
  document.getElementById('crumb').textContent = `Phiên họp ngày ${formatDate(session.held_on)}`;
  document.getElementById('session-title').textContent = `Phiên họp ${session.council_name}`;
  const minutes = session.minutes
    ? el('a', { href: `/documents/${session.minutes.id}` }, `Biên bản số ${session.minutes.number}`)
    : 'Lập khi kết thúc phiên họp';
  document.getElementById('session-details').replaceChildren(
    ...detail('Đợt xét', session.review_name),
    ...detail('Ngày họp', formatDate(session.held_on)),
    ...detail('Địa điểm', session.place),
    ...detail('Trạng thái', session.status_label),
    ...detail('Khai mạc', session.opened_at ? formatTimestamp(session.opened_at) : '—'),
    ...detail('Kết thúc', session.closed_at ? formatTimestamp(session.closed_at) : '—'),
    ...detail('Bộ tiêu chuẩn', session.rule_set),
    ...detail(
      'Hình thức biểu quyết',
      session.paper_ballot
        ? 'Phiếu giấy: cán bộ ghi phiếu của từng thành viên'
        : 'Thành viên tự biểu quyết trên trang; cán bộ ghi phiếu bằng văn bản của thành viên vắng mặt',
    ),
    ...detail('Biên bản', minutes),
  );
  const quorum = document.getElementById('quorum');
  quorum.textContent = `${session.quorum.met ? 'Đủ' : 'Chưa đủ'} số thành viên có mặt: ${session.quorum.text}`;
  quorum.className = session.quorum.met ? 'notice' : 'notice error';

  const actions = document.getElementById('officer-actions');
  actions.replaceChildren();
  if (session.can_manage && session.status === 'planned') {
    actions.append(
      confirmButton('Khai mạc phiên họp', 'Khai mạc phiên họp? Sau khi khai mạc không sửa điểm danh.', () =>
        act('/open', 'Đã khai mạc phiên họp.'), { className: '' }),
      ' ',
      session.paper_ballot
        ? confirmButton('Bỏ hình thức phiếu giấy', 'Thành viên có mặt sẽ tự biểu quyết trên trang?', () =>
          setPaperBallot(false))
        : confirmButton(
          'Đăng ký phiên bỏ phiếu giấy',
          'Thành viên bỏ phiếu giấy và cán bộ ghi phiếu của từng người? Chỉ đổi được trước khi khai mạc.',
          () => setPaperBallot(true),
        ),
    );
  }
  if (session.can_manage && session.status === 'open') {
    actions.append(
      confirmButton(
        'Kết thúc và lập biên bản',
        'Kết thúc phiên họp? Kết quả biểu quyết được chốt, không nhận thêm phiếu, biên bản được lập và cấp số.',
        () => act('/close', 'Đã kết thúc phiên họp và lập biên bản.'),
        { className: '' },
      ),
    );
  }
}

async function act(path, done) {
  try {
    session = await api(base + path, { method: 'POST', body: {} });
    render();
    setStatus(officerStatus, done, 'ok');
  } catch (error) {
    setStatus(officerStatus, error.message, 'error');
  }
}

async function setPaperBallot(paper) {
  try {
    session = await api(`${base}/paper-ballot`, { method: 'PUT', body: { paper_ballot: paper } });
    render();
    setStatus(officerStatus, paper ? 'Đã đăng ký phiên bỏ phiếu giấy.' : 'Thành viên tự biểu quyết trên trang.', 'ok');
  } catch (error) {
    setStatus(officerStatus, error.message, 'error');
  }
}

function renderAttendance() {
  const editable = session.can_manage && session.status === 'planned';
  document.getElementById('attendance-actions').hidden = !editable;
  show(
    document.getElementById('attendance'),
    dataTable({
      caption: `Thành viên Hội đồng (${session.quorum.present}/${session.quorum.members} có mặt)`,
      columns: ['Họ và tên', 'Chức vụ', 'Vai trò', 'Điểm danh'],
      rows: session.members.map((member) => {
        let cell = member.attendance_label;
        if (editable) {
          cell = el(
            'select',
            { name: `attendance-${member.person_id}`, 'data-person': String(member.person_id),
              'aria-label': `Điểm danh ${member.name}` },
            ...ATTENDANCE.map(([value, label]) =>
              el('option', value === member.attendance ? { value, selected: '' } : { value }, label)),
          );
        }
        return [member.name, member.position, member.role_label, cell];
      }),
    }),
  );
}

async function vote(item, choice) {
  try {
    session = await api(`${base}/ballots`, { method: 'POST', body: { nomination_id: item.nomination_id, choice } });
    render();
    setStatus(voteStatus, `Đã ghi biểu quyết của bạn cho ${item.subject_name} – ${item.honour_name}.`, 'ok');
  } catch (error) {
    setStatus(voteStatus, error.message, 'error');
  }
}

function tallyText(item) {
  if (item.sealed) {
    return `Bỏ phiếu kín: đã bỏ phiếu ${item.voted}/${item.members}; kết quả công bố khi kết thúc phiên họp`;
  }
  const parts = [
    `Tán thành ${item.approvals}/${item.members}`,
    `không tán thành ${item.rejections}`,
    `không biểu quyết ${item.abstentions}`,
    `đã bỏ phiếu ${item.voted}/${item.members}`,
  ];
  return parts.join('; ');
}

function voterList(item) {
  if (item.sealed) return 'Bỏ phiếu kín: không hiện ai đã bỏ phiếu khi phiên họp chưa kết thúc';
  if (!item.voters.length) return 'Chưa ai bỏ phiếu';
  return item.voters
    .map((v) => `${v.name}${v.written ? ' (bằng văn bản)' : ''}${v.choice_label ? `: ${v.choice_label}` : ''}`)
    .join('; ');
}

function renderAgenda() {
  if (!session.items.length) {
    show(document.getElementById('agenda'), notice('Đợt xét chưa có đề nghị nào đang chờ Hội đồng xét.'));
    return;
  }
  const member = session.actor_member_id !== null;
  const columns = ['STT', 'Đối tượng', 'Danh hiệu', 'Tỷ lệ cần đạt', 'Kết quả biểu quyết', 'Người đã bỏ phiếu'];
  if (member) columns.push('Biểu quyết của bạn');
  show(
    document.getElementById('agenda'),
    dataTable({
      caption: 'Các đề nghị khen thưởng',
      columns,
      rows: session.items.map((item) => {
        let result = tallyText(item);
        if (item.passed !== null) result = `${item.passed ? 'ĐẠT' : 'KHÔNG ĐẠT'} — ${result}`;
        const row = [
          String(item.position),
          item.subject_name,
          item.honour_name,
          `${item.threshold_text}; cần ít nhất ${item.required}/${item.members} tán thành`,
          result,
          voterList(item),
        ];
        if (member) {
          if (item.actor_may_vote) {
            const buttons = el('span', { class: 'actions' });
            for (const [choice, label] of CHOICES) {
              const button = el('button', { type: 'button', class: choice === 'approve' ? '' : 'secondary' }, label);
              button.addEventListener('click', () => whileBusy(button, 'Đang ghi…', () => vote(item, choice)));
              buttons.append(button);
            }
            row.push(buttons);
          } else {
            row.push(item.actor_voted ? 'Đã biểu quyết' : item.actor_refusal || '—');
          }
        }
        return row;
      }),
    }),
  );
}

function renderWrittenForm() {
  const panel = document.getElementById('written-panel');
  // Paper ballots of every member present in a paper-ballot session; otherwise only the written
  // votes of members absent with one.
  const people = session.members.filter((m) =>
    session.paper_ballot ? m.attendance !== 'absent' : m.attendance === 'absent_written');
  panel.hidden = !(session.can_manage && session.status === 'open' && people.length);
  if (panel.hidden) return;
  document.getElementById('written-title').textContent = session.paper_ballot
    ? 'Ghi phiếu của thành viên (phiếu giấy, phiếu bằng văn bản của thành viên vắng mặt)'
    : 'Ghi phiếu bằng văn bản của thành viên vắng mặt';
  writtenForm.elements.person_id.replaceChildren(
    ...people.map((m) => el('option', { value: String(m.person_id) }, `${m.name} (${m.attendance_label})`)),
  );
  writtenForm.elements.nomination_id.replaceChildren(
    ...session.items.map((item) =>
      el('option', { value: String(item.nomination_id) }, `${item.position}. ${item.subject_name} – ${item.honour_name}`)),
  );
}

function render() {
  renderDetails();
  renderAttendance();
  renderAgenda();
  renderWrittenForm();
}

attendanceForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const attendance = [...attendanceForm.querySelectorAll('select[data-person]')].map((select) => ({
    person_id: Number(select.dataset.person),
    attendance: select.value,
  }));
  const status = document.getElementById('attendance-status');
  await whileBusy(attendanceForm.querySelector('button[type=submit]'), 'Đang lưu…', async () => {
    try {
      session = await api(`${base}/attendance`, { method: 'PUT', body: { attendance } });
      render();
      setStatus(status, 'Đã lưu điểm danh.', 'ok');
    } catch (error) {
      setStatus(status, error.message, 'error');
    }
  });
});

writtenForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(writtenForm);
  const body = {
    person_id: Number(writtenForm.elements.person_id.value),
    nomination_id: Number(writtenForm.elements.nomination_id.value),
    choice: writtenForm.elements.choice.value,
  };
  await whileBusy(writtenForm.querySelector('button[type=submit]'), 'Đang ghi…', async () => {
    try {
      session = await api(`${base}/ballots`, { method: 'POST', body });
      render();
      setStatus(document.getElementById('written-status'), 'Đã ghi phiếu.', 'ok');
    } catch (error) {
      showFormError(writtenForm, error);
    }
  });
});

async function start() {
  await startShell();
  try {
    session = await api(base);
    loadState.replaceChildren();
    content.hidden = false;
    render();
  } catch (error) {
    showError(loadState, error);
  }
}

start();
