// One document of the register: its details, what it cites and what cites it, and for a
// document drafted in tdkt the DOCX and PDF files and a read-only preview of its content.

import {
  askOnPage,
  api,
  can,
  clearFormErrors,
  el,
  formatBytes,
  formatDate,
  formatLongDate,
  formatTimestamp,
  link,
  notice,
  pathId,
  setStatus,
  setTitle,
  show,
  showError,
  showFormError,
  showLoading,
  startShell,
  uploadFile,
  whileBusy,
} from './common.js';

const documentId = pathId();

const title = document.getElementById('document-title');
const crumb = document.getElementById('crumb');
const summary = document.getElementById('document-summary');
const loadState = document.getElementById('load-state');
const content = document.getElementById('document-content');
const details = document.getElementById('document-details');
const files = document.getElementById('files');
const previewSection = document.getElementById('preview-section');
const preview = document.getElementById('preview');

const shell = startShell();

// ---------------------------------------------------------------- details

function blank(text) {
  return text ? text : el('span', { class: 'empty-value' }, 'Chưa có thông tin');
}

// "Chỉ thị 01/CT-UBND" (the link), then "ngày 09/01/2023 của …: trích yếu".
function citation(doc) {
  return el(
    'li',
    {},
    link(`/documents/${doc.id}`, `${doc.type_label} ${doc.number}`),
    ` ngày ${formatDate(doc.issued_on)} của ${doc.issuer}: ${doc.summary}`,
  );
}

function citationList(docs, empty) {
  return docs.length ? el('ul', { class: 'bullet-list' }, docs.map(citation)) : blank(empty);
}

// "Nguyễn Văn Khang (KT. TRƯỞNG BAN, PHÓ TRƯỞNG BAN)".
function signerText(doc) {
  const role = [doc.signer_authority, doc.signer_position].filter(Boolean).join(', ');
  if (!doc.signer_name) return role;
  return role ? `${doc.signer_name} (${role})` : doc.signer_name;
}

function renderDetails(doc, citedBy) {
  const rows = [
    ['Số, ký hiệu', doc.number],
    ['Loại văn bản', doc.type_label],
    ['Ngày ban hành', doc.place ? `${doc.place}, ${formatLongDate(doc.issued_on)}` : formatLongDate(doc.issued_on)],
    ['Cơ quan ban hành', doc.issuer],
    ['Cơ quan chủ quản', doc.issuer_parent],
    ['Nguồn', doc.own ? 'Văn bản của cơ quan (số do tdkt cấp)' : 'Văn bản của cơ quan khác'],
    ['Người ký', signerText(doc)],
    ['Trích yếu', doc.summary],
    [
      'Nơi nhận',
      doc.recipients?.length ? el('ul', { class: 'bullet-list' }, doc.recipients.map((item) => el('li', {}, item))) : '',
    ],
    ['Căn cứ', citationList(doc.cited_documents ?? [], 'Không căn cứ văn bản nào trong sổ')],
  ];
  if (citedBy) rows.push(['Được căn cứ bởi', citationList(citedBy, 'Chưa có văn bản nào trong sổ căn cứ vào văn bản này')]);
  details.replaceChildren(...rows.flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, blank(value))]));
}

// ---------------------------------------------------------------- drafted content

const HEADINGS = { heading1: 'h3', heading2: 'h4', heading3: 'h5' };

// Blocks as they read on paper: headings, centred lines, paragraphs, and runs of bullets
// gathered into one list.
function blockNodes(blocks, className) {
  const nodes = [];
  let list = null;
  for (const block of blocks) {
    if (block.kind === 'bullet') {
      list ??= el('ul', { class: className });
      list.append(el('li', {}, block.text));
      if (!nodes.includes(list)) nodes.push(list);
      continue;
    }
    list = null;
    const tag = HEADINGS[block.kind] ?? 'p';
    nodes.push(el(tag, { class: [className, block.kind === 'centered' ? 'centered' : ''].filter(Boolean).join(' ') }, block.text));
  }
  return nodes;
}

function renderPreview(doc) {
  const heading = doc.type === 'official_letter' || doc.type === 'other' ? null : doc.type_label.toUpperCase();
  preview.replaceChildren(
    el(
      'header',
      { class: 'preview-head' },
      heading ? el('p', { class: 'preview-kind' }, heading) : null,
      el('p', { class: 'preview-summary' }, heading ? doc.summary : `V/v ${doc.summary}`),
    ),
    ...blockNodes(doc.preamble ?? [], 'preamble'),
    ...blockNodes(doc.body ?? [], null),
  );
}

// ---------------------------------------------------------------- attached files

const attachmentsBox = document.getElementById('attachments');
const attachmentForm = document.getElementById('attachment-form');
const attachmentInput = document.getElementById('attachment-file');
const attachmentStatus = document.getElementById('attachment-status');
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

async function deleteAttachment(attachment, button) {
  if (!(await askOnPage(button, `Xóa tệp đính kèm “${attachment.file_name}”? Thao tác này không hoàn tác được.`))) return;
  setStatus(attachmentStatus, '');
  try {
    await whileBusy(button, 'Đang xóa…', () => api(`/api/v1/attachments/${attachment.id}`, { method: 'DELETE' }));
  } catch (error) {
    setStatus(attachmentStatus, error.message, 'error');
    return;
  }
  setStatus(attachmentStatus, `Đã xóa tệp “${attachment.file_name}”.`, 'ok');
  await loadAttachments();
}

function attachmentItem(attachment) {
  return el(
    'li',
    {},
    el('a', { href: `/api/v1/attachments/${attachment.id}`, download: attachment.file_name }, attachment.file_name),
    el(
      'span',
      { class: 'meta' },
      `${formatBytes(attachment.size_bytes)} — tải lên ${formatTimestamp(attachment.uploaded_at)} bởi ${attachment.uploaded_by}`,
    ),
    can('manage_documents')
      ? el(
          'button',
          {
            type: 'button',
            class: 'small secondary',
            'aria-label': `Xóa tệp ${attachment.file_name}`,
            onclick: (event) => deleteAttachment(attachment, event.currentTarget),
          },
          'Xóa',
        )
      : null,
  );
}

async function loadAttachments() {
  showLoading(attachmentsBox, 'Đang tải danh sách tệp…');
  try {
    const { items } = await api(`/api/v1/documents/${documentId}/attachments`);
    show(
      attachmentsBox,
      items.length
        ? el('ul', { class: 'plain-list attachment-list' }, items.map(attachmentItem))
        : notice('Văn bản chưa có tệp đính kèm.'),
    );
  } catch (error) {
    showError(attachmentsBox, error);
  }
}

attachmentForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(attachmentForm);
  setStatus(attachmentStatus, '');
  const file = attachmentInput.files?.[0];
  if (!file) {
    showFormError(attachmentForm, { field: 'file', message: 'Chưa chọn tệp để đính kèm.' });
    return;
  }
  if (file.size > MAX_ATTACHMENT_BYTES) {
    showFormError(attachmentForm, {
      field: 'file',
      message: `Tệp “${file.name}” nặng ${formatBytes(file.size)}, quá giới hạn 10 MB.`,
    });
    return;
  }
  const button = document.getElementById('attachment-upload');
  try {
    await whileBusy(button, 'Đang tải lên…', () =>
      uploadFile(`/api/v1/documents/${documentId}/attachments?file_name=${encodeURIComponent(file.name)}`, file),
    );
  } catch (error) {
    showFormError(attachmentForm, { field: 'file', message: error.message });
    return;
  }
  attachmentInput.value = '';
  setStatus(attachmentStatus, `Đã đính kèm tệp “${file.name}”.`, 'ok');
  await loadAttachments();
});

// ---------------------------------------------------------------- start

function showMissing(text, error) {
  crumb.textContent = 'Không tìm thấy';
  title.textContent = text;
  setTitle(text, 'Sổ văn bản');
  show(
    loadState,
    error ? notice(error.message, 'error') : null,
    el('p', {}, link('/documents', 'Quay lại sổ văn bản')),
  );
}

async function start() {
  if (!documentId) {
    showMissing('Địa chỉ trang không hợp lệ');
    return;
  }
  showLoading(loadState, 'Đang tải văn bản…');
  let doc;
  try {
    [doc] = await Promise.all([api(`/api/v1/documents/${documentId}`), shell]);
  } catch (error) {
    if (error.status === 404) {
      showMissing('Không tìm thấy văn bản', {
        message: `Sổ văn bản không có văn bản mã ${documentId}. Có thể địa chỉ trang bị gõ sai; hãy tìm văn bản trong sổ.`,
      });
      return;
    }
    crumb.textContent = 'Không tải được';
    title.textContent = 'Không tải được văn bản';
    setTitle('Không tải được văn bản', 'Sổ văn bản');
    showError(loadState, error);
    return;
  }
  show(loadState);
  title.textContent = `${doc.type_label} số ${doc.number}`;
  crumb.textContent = doc.number;
  summary.textContent = doc.summary;
  summary.hidden = false;
  setTitle(doc.number, 'Sổ văn bản');
  renderDetails(doc, null);
  content.hidden = false;
  loadAttachments();
  if (doc.drafted) {
    document.getElementById('docx-link').href = `/api/v1/documents/${doc.id}/docx`;
    document.getElementById('pdf-link').href = `/api/v1/documents/${doc.id}/pdf`;
    files.hidden = false;
    renderPreview(doc);
    previewSection.hidden = false;
  }
  // What cites this document is found in the register's list; the details stand without it.
  try {
    const { items } = await api('/api/v1/documents');
    renderDetails(doc, items.filter((item) => item.cites.includes(doc.id)));
  } catch {
    // The list is a convenience here: the page already shows the document itself.
  }
}

start();
