// "Đăng nhập" (/login): signs in and goes back to the page that asked for it.

import { api, clearFormErrors, el, queryParam, showFormError, whileBusy } from './common.js';

const form = document.getElementById('login-form');
const username = document.getElementById('username');
const password = document.getElementById('password');
const message = document.getElementById('login-message');
const alert = document.getElementById('login-alert');

const REASONS = {
  expired: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  logged_out: 'Bạn đã đăng xuất. Hẹn gặp lại.',
};

// Where to go after signing in: `next` when it is a page of this site, otherwise the overview.
function destination() {
  const next = queryParam('next');
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  const url = new URL(next, location.origin);
  if (url.origin !== location.origin || url.pathname.startsWith('/login') || url.pathname.startsWith('/api/')) {
    return '/';
  }
  return url.pathname + url.search + url.hash;
}

function showAlert(text) {
  alert.replaceChildren(text ? el('p', { class: 'form-error' }, text) : '');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFormErrors(form);
  showAlert('');
  const credentials = { username: username.value.trim(), password: password.value };
  if (!credentials.username) {
    showFormError(form, { field: 'username', message: 'Vui lòng nhập tên đăng nhập.' });
    return;
  }
  if (!credentials.password) {
    showFormError(form, { field: 'password', message: 'Vui lòng nhập mật khẩu.' });
    return;
  }
  try {
    await whileBusy(form.querySelector('button[type="submit"]'), 'Đang đăng nhập…', () =>
      api('/api/v1/login', { method: 'POST', body: credentials, anonymous: true }),
    );
  } catch (error) {
    message.replaceChildren();
    showAlert(error.message);
    const field = error.field === 'username' ? username : password;
    field.setAttribute('aria-invalid', 'true');
    if (field === password) password.value = '';
    field.focus();
    return;
  }
  location.replace(destination());
});

for (const input of [username, password]) {
  input.addEventListener('input', () => input.removeAttribute('aria-invalid'));
}

document.getElementById('show-password').addEventListener('change', (event) => {
  password.type = event.currentTarget.checked ? 'text' : 'password';
});

const reason = REASONS[queryParam('reason')];
if (reason) message.replaceChildren(el('p', { class: 'notice' }, reason));
