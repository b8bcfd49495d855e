// Browser tests of the tdkt web interface: node --test with playwright-core driving the
// system's Chromium (never a downloaded browser).
//
//   TDKT_E2E_URL=http://127.0.0.1:18282 node --test
//
// TDKT_E2E_URL is a running tdkt serving a fresh demo database (tdkt init --demo); the demo
// accounts use the password demo1234. CHROMIUM overrides /usr/bin/chromium, and every test
// saves a screenshot to $TDKT_E2E_OUTPUT (default test-output/e2e).

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { fillCells } from './xlsx-fill.mjs';

const BASE_URL = process.env.TDKT_E2E_URL;
const OUTPUT = process.env.TDKT_E2E_OUTPUT || 'test-output/e2e';
const PASSWORD = 'demo1234';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

let browser;

before(async () => {
  assert.ok(
    BASE_URL,
    'TDKT_E2E_URL is not set: start tdkt on a loopback port with a demo database and pass its address, ' +
      'e.g. TDKT_E2E_URL=http://127.0.0.1:18282 node --test',
  );
  await mkdir(OUTPUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

after(async () => {
  await browser?.close();
});

// Runs `body(page, helpers)` in a browser context of its own and always saves a screenshot
// named `name`. Script errors, CSP violations and console errors fail the test; a failure
// message carries the page address, its visible text and what the console said.
async function inBrowser(name, body, { viewport = DESKTOP } = {}) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`lỗi script: ${error.message}`));
  page.on('console', (message) => {
    // A refused request (401, 403) is an expected answer in some tests, not a page fault.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console.error: ${message.text()}`);
    }
  });
  page.on('dialog', (dialog) => dialog.dismiss());
  const screenshot = (shotName = name) =>
    page.screenshot({ path: path.join(OUTPUT, `${shotName}.png`), fullPage: true });
  try {
    await body(page, { screenshot });
    assert.deepEqual(problems, [], `lỗi trên trang ${page.url()}`);
  } catch (error) {
    const text = await page
      .locator('body')
      .innerText({ timeout: 1000 })
      .catch(() => '(không đọc được nội dung trang)');
    error.message +=
      `\n--- trang: ${page.url()}` +
      `\n--- nội dung hiển thị:\n${text.slice(0, 2000)}` +
      (problems.length ? `\n--- console:\n${problems.join('\n')}` : '');
    throw error;
  } finally {
    await screenshot().catch(() => {});
    await context.close();
  }
}

async function login(page, username, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function loginAs(page, username) {
  await login(page, username);
  await page.waitForURL((url) => url.pathname !== '/login', { timeout: 10_000 });
  // The shell has read the session once the signed-in user is in the header (folded behind
  // "Danh mục" on phones).
  await page.locator('.user-box').waitFor({ state: 'attached' });
}

// The dashboard cards as { label: number }.
async function dashboardCounts(page) {
  await page.locator('.stat-card').first().waitFor();
  const cards = await page.locator('.stat-card').evaluateAll((nodes) =>
    nodes.map((node) => ({
      label: node.querySelector('.stat-label').textContent.trim(),
      number: node.querySelector('.stat-number').textContent.trim(),
    })),
  );
  return Object.fromEntries(cards.map(({ label, number }) => [label, Number(number.replace(/\D/g, ''))]));
}

const scrollWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

test('(a) a wrong password shows the Vietnamese error and stays on /login', async () => {
  await inBrowser('a-wrong-password', async (page) => {
    await login(page, 'xem', 'mat-khau-sai');
    const alert = page.locator('#login-alert');
    await alert.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(await page.getByLabel('Mật khẩu', { exact: true }).inputValue(), '', 'the wrong password is cleared');
  });
});

test('(b) canbo signs in and lands on the dashboard with counts', async () => {
  await inBrowser('b-dashboard', async (page) => {
    await loginAs(page, 'canbo');
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
    const expected = await (await page.request.get('/api/v1/dashboard')).json();
    const counts = await dashboardCounts(page);
    assert.deepEqual(
      {
        units: counts['Đơn vị đang hoạt động'],
        agencies: counts['Cơ quan'],
        people: counts['Cá nhân trong phạm vi được xem'],
        restructurings: counts['Đợt sắp xếp tổ chức'],
        blocs: counts['Khối thi đua'],
      },
      {
        units: expected.units,
        agencies: expected.agencies,
        people: expected.people_visible,
        restructurings: expected.restructurings,
        blocs: expected.blocs,
      },
      'the cards show the counts of GET /api/v1/dashboard',
    );
    assert.ok(expected.units > 0 && expected.people_visible > 0, 'the demo database has units and people');
    assert.equal(counts['Tài khoản'], undefined, 'an officer is not shown the number of accounts');
    const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expected.today);
    const monthText = Number(month) <= 2 ? month : String(Number(month));
    await page.getByText(`ngày ${day} tháng ${monthText} năm ${year}`).waitFor();
    await page.locator('.user-box').getByText('Cán bộ thi đua - khen thưởng').waitFor();
  });
});

test('(c) searching people for "nguyen van" lists only Nguyễn Văn …', async () => {
  await inBrowser('c-people-search', async (page) => {
    await loginAs(page, 'canbo');
    await page.goto('/people');
    await page.getByLabel('Tìm theo họ tên (không cần dấu)').fill('nguyen van');
    await page.locator('#result-status').getByText('nguyen van').waitFor();
    const names = await page.locator('#results tbody tr td:first-child a').allTextContents();
    assert.ok(names.length > 0, 'the demo database has people called Nguyễn Văn …');
    const others = names.filter((name) => !name.startsWith('Nguyễn Văn '));
    assert.deepEqual(others, [], `every name starts with “Nguyễn Văn ”; all names: ${names.join(', ')}`);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'nguyen van', 'the search is kept in the address');
  });
});

test('(d) nhanvien is refused /admin/accounts and has no Quản trị link', async () => {
  await inBrowser('d-forbidden', async (page) => {
    await loginAs(page, 'nhanvien');
    const response = await page.goto('/admin/accounts');
    assert.equal(response.status(), 403);
    await page.getByRole('heading', { name: 'Bạn không có quyền truy cập trang này' }).waitFor();
    await page.locator('.user-box').waitFor({ state: 'attached' });
    const nav = page.getByRole('navigation', { name: 'Chức năng chính' });
    const links = await nav.getByRole('link').allTextContents();
    assert.ok(links.includes('Tổng quan') && links.includes('Cá nhân'), `the nav is shown: ${links.join(', ')}`);
    assert.ok(!links.includes('Quản trị'), `no “Quản trị” in the nav: ${links.join(', ')}`);
    assert.ok(!links.includes('Nhật ký'), `no “Nhật ký” for staff: ${links.join(', ')}`);
    assert.equal(await page.locator('a[href="/admin/accounts"]').count(), 0);
    await page.getByRole('link', { name: 'Về trang Tổng quan' }).waitFor();
  });
});

test('(e) logging out returns to /login and protected pages redirect there', async () => {
  await inBrowser('e-logout', async (page) => {
    await loginAs(page, 'canbo');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    const session = await page.request.get('/api/v1/session');
    assert.equal(session.status(), 401, 'the session is over on the server too');
    await page.goto('/people');
    const url = new URL(page.url());
    assert.equal(url.pathname, '/login', 'a protected page sends the signed-out user to /login');
    assert.equal(url.searchParams.get('next'), '/people');
  });
});

test('(f) at 375×812 the dashboard and the people list do not scroll sideways', async () => {
  await inBrowser(
    'f-people-375',
    async (page, { screenshot }) => {
      await loginAs(page, 'canbo');
      await dashboardCounts(page);
      const dashboardWidth = await scrollWidth(page);
      await screenshot('f-dashboard-375');
      assert.ok(dashboardWidth <= PHONE.width, `dashboard scrollWidth ${dashboardWidth} > ${PHONE.width}`);
      await page.goto('/people');
      await page.locator('#results tbody tr').first().waitFor();
      const peopleWidth = await scrollWidth(page);
      assert.ok(peopleWidth <= PHONE.width, `people list scrollWidth ${peopleWidth} > ${PHONE.width}`);
    },
    { viewport: PHONE },
  );
});

test('(g) the administrator adds an account and it is listed', async () => {
  await inBrowser('g-admin-accounts', async (page) => {
    await loginAs(page, 'admin');
    const nav = page.getByRole('navigation', { name: 'Chức năng chính' });
    await nav.getByRole('link', { name: 'Quản trị' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/accounts');
    const table = page.locator('.accounts-table');
    await table.getByRole('cell', { name: 'canbo', exact: true }).waitFor();
    const form = page.locator('#add-form');
    await form.getByLabel('Tên đăng nhập').fill('kiemthu.e2e');
    await form.getByLabel('Họ tên hiển thị').fill('Kiểm Thử Tự Động');
    await form.getByLabel('Vai trò').selectOption({ label: 'Người xem' });
    await form.getByLabel('Mật khẩu ban đầu').fill('ngan');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await form.locator('.field-error').getByText('Mật khẩu phải có ít nhất 8 ký tự.').waitFor();
    await form.getByLabel('Mật khẩu ban đầu').fill('kiemthu-2026');
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.locator('#add-status').getByText('Đã tạo tài khoản “kiemthu.e2e”').waitFor();
    const row = table.locator('tr', { has: page.getByRole('cell', { name: 'kiemthu.e2e', exact: true }) });
    await row.getByText('Kiểm Thử Tự Động').waitFor();
    await row.getByText('Người xem').waitFor();
    await row.getByText('Đang hoạt động').waitFor();
  });
});

test('(h) a person page shows the year’s verdicts with reasons and citations, and a new record re-judges them', async () => {
  await inBrowser('h-person-verdicts', async (page) => {
    await loginAs(page, 'canbo');
    await page.goto('/people');
    await page.getByLabel('Tìm theo họ tên (không cần dấu)').fill('pham minh tuan');
    await page.locator('#results').getByRole('link', { name: 'Phạm Minh Tuấn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phạm Minh Tuấn' }).waitFor();
    const personId = new URL(page.url()).pathname.split('/').pop();

    // Judge 2026 on 22/11/2026 whatever today is, so the demo's records decide.
    const panel = page.locator('#verdicts');
    await panel.getByLabel('Năm xét').selectOption('2026');
    await panel.getByLabel('Ngày quyết định').fill('22/11/2026');
    await panel.getByRole('button', { name: 'Xét lại' }).click();
    const expected = await (
      await page.request.get(`/api/v1/people/${personId}/eligibility?year=2026&decision_date=2026-11-22`)
    ).json();
    await panel.locator('details.verdict').nth(expected.results.length - 1).waitFor();
    const labels = { eligible: 'Đủ điều kiện', ineligible: 'Chưa đủ điều kiện', insufficient_data: 'Thiếu dữ liệu' };
    for (const result of expected.results) {
      const card = panel.locator(`details.verdict[data-honour="${result.honour}"]`);
      await card.locator('summary').getByText(result.name).waitFor();
      assert.equal((await card.locator('summary .badge').textContent()).trim(), labels[result.verdict], result.honour);
    }
    // Every clause of CSTĐCS is shown with its text, its outcome and its citation.
    const cstdcs = panel.locator('details.verdict[data-honour="CSTDCS"]');
    assert.equal(await cstdcs.getAttribute('data-verdict'), 'eligible');
    await cstdcs.getByText('Luật Thi đua, khen thưởng 2022, Điều 23 khoản 1').first().waitFor();
    await cstdcs.getByText('Đạt tiêu chuẩn Lao động tiên tiến năm 2026').waitFor();
    const provincial = panel.locator('details.verdict[data-honour="CSTD_TINH"]');
    await provincial.locator('summary').click();
    await provincial.getByText('còn thiếu năm 2026').waitFor();
    await panel.locator('ul.path li').first().waitFor();

    // The officer records 2026 as "not completed": Lao động tiên tiến is no longer met.
    const records = page.locator('#records');
    await records.getByText('Nhập hoặc sửa hồ sơ một năm').click();
    const form = records.locator('#year-form form');
    await form.getByLabel('Năm', { exact: true }).selectOption('2026');
    await form.getByLabel('Xếp loại').selectOption({ label: 'Không hoàn thành nhiệm vụ' });
    await form.getByLabel('Số tháng công tác').fill('12');
    await form.getByRole('button', { name: 'Lưu hồ sơ năm' }).click();
    await form.getByText('Đã lưu hồ sơ năm 2026.').waitFor();
    await panel.locator('details.verdict[data-honour="LDTT"][data-verdict="ineligible"]').waitFor();
    await records.getByRole('cell', { name: 'Không hoàn thành nhiệm vụ' }).waitFor();

    // A month count out of range is refused on the page, in Vietnamese, before anything is sent.
    await form.getByLabel('Số tháng công tác').fill('13');
    await form.getByRole('button', { name: 'Lưu hồ sơ năm' }).click();
    await form.locator('.field-error').getByText('Số tháng công tác phải là số nguyên từ 0 đến 12.').waitFor();
  });
});

test('(i) the document register: an accent-free search, a drafted plan with its DOCX, a new plan numbered by tdkt; the council cannot register', async () => {
  await inBrowser('i-documents', async (page, { screenshot }) => {
    await loginAs(page, 'canbo');
    await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Văn bản' }).click();
    await page.waitForURL((url) => url.pathname === '/documents');
    await page.getByRole('heading', { level: 1, name: 'Sổ văn bản' }).waitFor();

    // "ke hoach 2023" finds the plan of 2023 without typing any accent.
    const results = page.locator('#results');
    await page.getByLabel('Từ khóa (không cần dấu)').fill('ke hoach 2023');
    await page.locator('#list-status').getByText('Tìm thấy').waitFor();
    const numbers = await results.locator('tbody tr td:first-child').allTextContents();
    assert.deepEqual(numbers, ['05/KH-BDT'], `only the plan of 2023 matches; found: ${numbers.join(', ')}`);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'ke hoach 2023', 'the search is kept in the address');
    await results.getByRole('link', { name: /^Phát động phong trào thi đua/ }).click();

    // The drafted plan: its date written out, what it cites, its files and its content.
    await page.waitForURL((url) => /^\/documents\/\d+$/.test(url.pathname));
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch số 05/KH-BDT' }).waitFor();
    const details = page.locator('#document-details');
    await details.getByText('ngày 03 tháng 02 năm 2023').waitFor();
    await details.getByRole('link', { name: 'Chỉ thị 01/CT-UBND' }).waitFor();
    await details.getByText('Lưu: VT, TĐKT.').waitFor();
    const docx = page.getByRole('link', { name: 'Tải DOCX' });
    const response = await page.request.get(await docx.getAttribute('href'));
    assert.equal(response.status(), 200);
    assert.equal(
      response.headers()['content-type'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.match(await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href'), /^\/api\/v1\/documents\/\d+\/pdf$/);
    await page.locator('#preview p.preamble').first().waitFor();
    assert.ok((await page.locator('#preview h3').count()) > 0, 'the preview shows the plan’s headings');
    await screenshot('i-document-detail');

    // Back in the register, a new plan numbered by tdkt under its own symbol.
    await page.getByRole('navigation', { name: 'Đường dẫn' }).getByRole('link', { name: 'Sổ văn bản' }).click();
    await page.waitForURL((url) => url.pathname === '/documents');
    await page.locator('summary', { hasText: 'Vào sổ văn bản' }).click();
    const form = page.locator('#document-form');
    await form.getByLabel('Loại văn bản').selectOption({ label: 'Kế hoạch' });
    await form.getByRole('checkbox', { name: 'Văn bản của cơ quan', exact: true }).check();
    assert.ok(await form.getByRole('checkbox', { name: 'Cấp số tự động' }).isChecked(), 'tdkt numbers by default');
    await form.getByRole('textbox', { name: /^Ký hiệu/ }).fill('KH-E2E');
    await form.locator('#next-number').getByText('Số sẽ cấp: 01/KH-E2E').waitFor();
    assert.equal(
      await form.getByRole('textbox', { name: /^Cơ quan ban hành/ }).inputValue(),
      'Sở Dân tộc và Tôn giáo tỉnh Đồng Nai',
      'the agency’s details are taken from its latest own document (the 2025 decision on the council)',
    );
    await form.getByRole('textbox', { name: 'Người ký', exact: true }).fill('Nguyễn Văn Khang');
    await form.getByRole('textbox', { name: 'Thẩm quyền ký', exact: true }).fill('TRƯỞNG BAN');
    await form.getByRole('textbox', { name: 'Nơi nhận', exact: true }).fill('Ban TĐKT tỉnh;\nLưu: VT, TĐKT.');
    await form.getByRole('checkbox', { name: /^05\/KH-BDT/ }).check();

    // Without a summary nothing is sent and the field says why, in Vietnamese.
    const submit = form.getByRole('button', { name: 'Vào sổ văn bản' });
    await submit.click();
    await form.locator('.field-error').getByText('Vui lòng nhập trích yếu').waitFor();
    const summary = form.getByRole('textbox', { name: /^Trích yếu/ });
    assert.equal(await summary.getAttribute('aria-invalid'), 'true');
    await summary.fill('Kiểm thử sổ văn bản tự động');
    await submit.click();
    await form.locator('#register-status').getByText('Đã vào sổ văn bản số 01/KH-E2E.').waitFor();
    const row = results.locator('tr', { has: page.getByRole('cell', { name: '01/KH-E2E', exact: true }) });
    await row.getByRole('link', { name: 'Kiểm thử sổ văn bản tự động' }).waitFor();
    await row.getByText('Kế hoạch').waitFor();
    const next = await (await page.request.get('/api/v1/document-numbers/next?symbol=KH-E2E')).json();
    assert.equal(next.text, '02/KH-E2E', 'the number 01 is used');
  });

  await inBrowser(
    'i-documents-375-hoidong',
    async (page, { screenshot }) => {
      await loginAs(page, 'hoidong');
      await page.goto('/documents');
      await page.locator('.user-box').waitFor({ state: 'attached' });
      await page.locator('#results tbody tr').first().waitFor();
      assert.equal(await page.locator('summary', { hasText: 'Vào sổ văn bản' }).isVisible(), false);
      assert.equal(await page.locator('#document-form').isVisible(), false, 'no register form for the council');
      const listWidth = await scrollWidth(page);
      assert.ok(listWidth <= PHONE.width, `register scrollWidth ${listWidth} > ${PHONE.width}`);
      await screenshot('i-documents-375');
      await page.locator('#results').getByRole('link', { name: /^Phát động phong trào thi đua/ }).click();
      await page.locator('#preview h3').first().waitFor();
      const detailWidth = await scrollWidth(page);
      assert.ok(detailWidth <= PHONE.width, `document page scrollWidth ${detailWidth} > ${PHONE.width}`);
    },
    { viewport: PHONE },
  );
});

test('(j) the officer downloads a unit’s Excel form, has it checked, and imports it', async () => {
  await inBrowser('j-records-import', async (page) => {
    await loginAs(page, 'canbo');
    const units = await (await page.request.get('/api/v1/units')).json();
    const find = (list) => {
      for (const unit of list) {
        if (unit.name === 'Phòng Tuyên truyền và Địa bàn') return unit;
        const inner = find(unit.children ?? []);
        if (inner) return inner;
      }
      return null;
    };
    const department = find(units.units);
    assert.ok(department, 'the demo has the department');
    await page.goto(`/units/${department.id}`);
    const panel = page.locator('#import');
    await panel.getByLabel('Năm của mẫu').selectOption('2026');
    const href = await panel.getByRole('link', { name: 'Tải mẫu Excel' }).getAttribute('href');
    const form = await page.request.get(href);
    assert.equal(form.status(), 200);
    assert.equal(form.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    // Not a spreadsheet: refused with a Vietnamese message, nothing written.
    await panel.getByLabel('Tệp Excel đã điền (.xlsx)').setInputFiles({
      name: 'ghi-chu.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('không phải bảng tính'),
    });
    await panel.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await panel.locator('.status.error').getByText('không phải bảng tính Excel', { exact: false }).waitFor();

    // The form as downloaded (pre-filled with the stored 2026 records) is valid; importing it
    // rewrites the same values.
    await panel.getByLabel('Tệp Excel đã điền (.xlsx)').setInputFiles({
      name: 'mau.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await form.body(),
    });
    await panel.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await panel.locator('.status.ok').getByText('Tệp hợp lệ:', { exact: false }).waitFor();
    await panel.getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
    await panel.locator('.status.ok').getByText('Đã ghi:', { exact: false }).waitFor();
  });
});

test('(j2) checking a filled Excel form lists each change, before → after, before anything is written (issue 23)', async () => {
  await inBrowser('j2-import-changes', async (page) => {
    await loginAs(page, 'canbo');
    const units = await (await page.request.get('/api/v1/units')).json();
    const find = (list) => {
      for (const unit of list) {
        if (unit.name === 'Phòng Tuyên truyền và Địa bàn') return unit;
        const inner = find(unit.children ?? []);
        if (inner) return inner;
      }
      return null;
    };
    const department = find(units.units);
    assert.ok(department, 'the demo has the department');
    // The form lists the members on the last day of 2026 or today, whichever comes first.
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(new Date())
        .map((part) => [part.type, part.value]),
    );
    const today = `${parts.year}-${parts.month}-${parts.day}`;
    const asOf = today < '2026-12-31' ? today : '2026-12-31';
    const members = await (await page.request.get(`/api/v1/units/${department.id}/members?as_of=${asOf}`)).json();
    let row = 0;
    let before = '';
    for (const [index, member] of members.members.entries()) {
      const records = await (await page.request.get(`/api/v1/people/${member.person.id}/records`)).json();
      const year = records.years.find((item) => item.year === 2026);
      if (year?.rating && year.rating !== 'KHTNV') {
        row = 4 + index; // title, instruction, header, then one row per member
        before = year.rating_label;
        break;
      }
    }
    assert.ok(row > 0, 'a member of the department has a 2026 rating');

    await page.goto(`/units/${department.id}`);
    const panel = page.locator('#import');
    await panel.getByLabel('Năm của mẫu').selectOption('2026');
    const href = await panel.getByRole('link', { name: 'Tải mẫu Excel' }).getAttribute('href');
    const form = await page.request.get(href);
    assert.equal(form.status(), 200);
    const filled = fillCells(await form.body(), [{ row, column: 'D', text: 'Không hoàn thành nhiệm vụ' }]);
    await panel.getByLabel('Tệp Excel đã điền (.xlsx)').setInputFiles({
      name: 'mau-da-dien.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: filled,
    });
    await panel.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await panel.locator('.status.ok').getByText('xem các thay đổi dưới đây', { exact: false }).waitFor();
    const table = panel.locator('table.import-changes');
    const changed = table.locator('tr', { hasText: `Xếp loại: ${before} → Không hoàn thành nhiệm vụ` });
    assert.equal(await changed.count(), 1, 'the changed rating is listed before → after');
    assert.match(await changed.innerText(), /Hồ sơ năm 2026 — Cập nhật/);
    assert.match(await changed.innerText(), new RegExp(`Hồ sơ năm, dòng ${row}`));
    assert.ok((await table.locator('tr', { hasText: 'Không thay đổi' }).count()) >= 1, 'unchanged rows are listed');
    // Nothing written until the officer confirms: the stored rating is the same.
    const person = members.members[row - 4].person.id;
    const records = await (await page.request.get(`/api/v1/people/${person}/records`)).json();
    assert.equal(records.years.find((item) => item.year === 2026).rating_label, before);
    await panel.getByRole('button', { name: 'Ghi vào hồ sơ' }).waitFor();
  });
});

test('(k) a registration campaign end to end: opened, registered on the page, Excel form filled and imported, consolidated, exported; a late registration refused with the reason', async () => {
  // Dates around today (Vietnam's day, as the server counts): the movement runs from 60 days ago
  // to 60 days ahead; one campaign closes in 30 days, another closed yesterday.
  const dayIso = (offset) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(new Date(Date.now() + offset * 86_400_000))
        .map((part) => [part.type, part.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
  const dmy = (iso) => iso.split('-').reverse().join('/');
  const today = dayIso(0);
  const year = Number(today.slice(0, 4));
  let campaignUrl = '';
  let lateCampaign = 0;

  await inBrowser('k-campaign-open', async (page, { screenshot }) => {
    await loginAs(page, 'canbo');
    const { csrf_token: csrf } = await (await page.request.get('/api/v1/session')).json();
    const post = async (url, data) => {
      const response = await page.request.post(url, { data, headers: { 'X-CSRF-Token': csrf } });
      assert.equal(response.status(), 201, `${url}: ${await response.text()}`);
      return response.json();
    };
    const movement = (name) => ({
      name,
      authority: 'Sở Dân tộc và Tôn giáo tỉnh Đồng Nai',
      level: 'agency',
      kind: 'regular',
      starts_on: dayIso(-60),
      ends_on: dayIso(60),
    });
    const open = await post('/api/v1/movements', movement(`Thi đua hoàn thành nhiệm vụ năm ${year} (thử)`));
    const closed = await post('/api/v1/movements', movement(`Thi đua chuyên đề năm ${year} (thử)`));

    // The officer opens the campaign on the page.
    await page.goto('/campaigns');
    await page.locator('#open-title').click();
    const form = page.locator('#campaign-form');
    await form.getByLabel('Phong trào').selectOption(String(open.id));
    await form.locator('#c-year').fill(String(year));
    await form.locator('#c-deadline').fill(dmy(dayIso(30)));
    await form.locator('#c-deadline').dispatchEvent('change');
    for (const honour of ['LDTT', 'CSTDCS', 'TTLDTT']) await form.locator(`#c-honour-${honour}`).check();
    await form.getByLabel('Sở Dân tộc và Tôn giáo tỉnh Đồng Nai', { exact: true }).check();
    await form.getByLabel('Phòng Tuyên truyền và Địa bàn', { exact: true }).check();
    await screenshot('k-campaign-form');
    await form.getByRole('button', { name: 'Mở đợt đăng ký' }).click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    campaignUrl = new URL(page.url()).pathname;
    await page.locator('#campaign-status').getByText('Đang nhận đăng ký').waitFor();

    // A campaign whose deadline was yesterday, opened through the API.
    const units = await (await page.request.get(`/api/v1/units?as_of=${today}`)).json();
    const find = (list, name) => {
      for (const unit of list) {
        if (unit.name === name) return unit;
        const inner = find(unit.children ?? [], name);
        if (inner) return inner;
      }
      return null;
    };
    const department = find(units.units, 'Phòng Tuyên truyền và Địa bàn');
    const late = await post('/api/v1/campaigns', {
      movement_id: closed.id,
      year,
      deadline: dayIso(-1),
      honours: ['LDTT'],
      unit_ids: [department.id],
    });
    lateCampaign = late.id;
  });

  await inBrowser('k-campaign-staff', async (page, { screenshot }) => {
    await loginAs(page, 'nhanvien');
    await page.goto(campaignUrl);
    const form = page.locator('#register-form');
    await form.getByLabel('Người, đơn vị đăng ký').selectOption({ label: 'Lý Thị Sáng — Phòng Tuyên truyền và Địa bàn' });
    await form.getByLabel('Danh hiệu').selectOption({ label: 'Chiến sĩ thi đua cơ sở' });
    await form.getByRole('button', { name: 'Đăng ký' }).click();
    await form.locator('.status.ok').getByText('Đã đăng ký: Lý Thị Sáng — Chiến sĩ thi đua cơ sở.').waitFor();
    await page.locator('#registrations').getByRole('cell', { name: 'Lý Thị Sáng' }).waitFor();
    await screenshot('k-campaign-registered');

    // After the deadline: refused with the reason, in Vietnamese.
    await page.goto(`/campaigns/${lateCampaign}`);
    await page.locator('#closed-reason').getByText(`Hạn đăng ký là ${dmy(dayIso(-1))}`, { exact: false }).waitFor();
    await form.getByLabel('Danh hiệu').selectOption({ label: 'Lao động tiên tiến' });
    await form.getByRole('button', { name: 'Đăng ký' }).click();
    await form
      .locator('.status.error')
      .getByText(`Hạn đăng ký là ${dmy(dayIso(-1))}; đợt đăng ký đã đóng`, { exact: false })
      .waitFor();
    await form.getByText('Cán bộ thi đua - khen thưởng có thể mở lại đăng ký', { exact: false }).waitFor();
  });

  await inBrowser('k-campaign-excel', async (page, { screenshot }) => {
    await loginAs(page, 'canbo');
    await page.goto(campaignUrl);
    const excel = page.locator('#excel-title').locator('..');
    await excel.getByLabel('Mẫu đăng ký của').selectOption({ label: 'Phòng Tuyên truyền và Địa bàn' });
    const href = await excel.getByRole('link', { name: 'Tải mẫu đăng ký' }).getAttribute('href');
    const download = await page.request.get(href);
    assert.equal(download.status(), 200);
    assert.equal(download.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    // Fill the form as a user does: an honour for the department and for two members who have not
    // registered. The form lists, after three heading rows, the roster in order, one row per
    // registration (or one empty row).
    const unitId = new URL(href, page.url()).searchParams.get('unit_id');
    const roster = await (await page.request.get(`/api/v1${campaignUrl}/roster?unit_id=${unitId}`)).json();
    const cells = [];
    let row = 4;
    for (const entry of roster.items) {
      if (!entry.honours.length && cells.length < 3) {
        cells.push({ row, column: 'E', text: entry.subject_kind === 'unit' ? 'TTLDTT' : 'Lao động tiên tiến' });
      }
      row += Math.max(1, entry.honours.length);
    }
    assert.equal(cells.length, 3, 'the department and two members to register');
    const filled = fillCells(await download.body(), cells);

    const file = excel.getByLabel('Tệp mẫu đăng ký đã điền (.xlsx)');
    await file.setInputFiles({ name: 'khong-phai.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('không phải bảng tính') });
    await excel.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await excel.locator('.status.error').getByText('không phải', { exact: false }).waitFor();

    await file.setInputFiles({ name: 'mau-dang-ky.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: filled });
    await excel.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await excel.locator('.status.ok').getByText('Tệp hợp lệ: 3 đăng ký mới, 1 dòng đã có sẵn', { exact: false }).waitFor();
    await excel.getByRole('button', { name: 'Nhập vào danh sách' }).click();
    await excel.locator('.status.ok').getByText('Đã nhập: 3 đăng ký mới', { exact: false }).waitFor();
    await page.locator('#registrations').getByRole('cell', { name: 'Nhập từ Excel' }).first().waitFor();
    await screenshot('k-campaign-imported');
  });

  await inBrowser('k-campaign-consolidated', async (page, { screenshot }) => {
    // The head of the department confirms the department's list.
    await loginAs(page, 'truongphong');
    await page.goto(campaignUrl);
    const department = page.getByRole('region', { name: 'Phòng Tuyên truyền và Địa bàn', exact: true });
    await department.getByRole('button', { name: 'Xác nhận tổng hợp' }).click();
    await department.getByRole('button', { name: 'Đồng ý' }).click();
    await department.getByText('Đã xác nhận tổng hợp', { exact: false }).waitFor();

    // The officer: who has not registered, then the whole agency consolidated and exported.
    await loginAs(page, 'canbo');
    await page.goto(campaignUrl);
    await page.locator('#reminders').getByText('chưa đăng ký', { exact: false }).first().waitFor();
    const officer = page.locator('#officer-title').locator('..');
    await officer.getByRole('button', { name: 'Tổng hợp toàn cơ quan' }).click();
    await officer.getByRole('button', { name: 'Đồng ý' }).click();
    await page.locator('#campaign-status').getByText('Đã tổng hợp toàn cơ quan').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Rút đăng ký' }).count(), 0, 'the list is frozen');
    const exported = await page.request.get(await page.getByRole('link', { name: 'Xuất danh sách tổng hợp' }).getAttribute('href'));
    assert.equal(exported.status(), 200);
    assert.equal(exported.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal((await exported.body()).subarray(0, 2).toString(), 'PK', 'an .xlsx is a ZIP package');
    await screenshot('k-campaign-consolidated');
  });
});

test('(l) targets: progress per unit with a chart', async () => {
  await inBrowser('l-targets', async (page, { screenshot }) => {
    await loginAs(page, 'canbo');
    const { items } = await (await page.request.get('/api/v1/movements')).json();
    const movement = items.find((item) => item.name === 'Thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc năm 2023');
    assert.ok(movement, 'the demo has the movement of the Ban Dân tộc for 2023');

    // As of 15/07/2023, just after the half-year report of seed 004.
    await page.goto(`/movements/${movement.id}/targets?as_of=2023-07-15`);
    await page.getByRole('heading', { level: 1, name: /^Chỉ tiêu: / }).waitFor();
    const unit = page.locator('section.target-unit', { has: page.getByRole('heading', { name: 'Ban Dân tộc tỉnh Bình Phước' }) });
    const chart = unit.locator('svg.target-chart');
    await chart.waitFor();
    assert.equal(await chart.locator('rect.bar').count(), 10, 'one bar per target');
    assert.equal(await chart.locator('line.hundred').count(), 1, 'the 100 % line');
    await chart.getByText('57,36 % — Đúng tiến độ', { exact: true }).waitFor();
    await chart.getByText('8,34 % — Chậm tiến độ', { exact: true }).waitFor();
    const table = unit.locator('table.targets-table');
    const row = table.locator('tbody tr', { hasText: 'Giải ngân vốn năm 2022 (tổng)' });
    await row.getByRole('cell', { name: '57,36 %', exact: true }).waitFor();
    await row.getByRole('cell', { name: '216.613 triệu đồng', exact: true }).waitFor();
    await row.getByText('124.249,27 triệu đồng').first().waitFor();
    await row.locator('.badge.status-on_track').getByText('Đúng tiến độ').waitFor();
    assert.match(await page.getByRole('link', { name: 'Tải Excel (.xlsx)' }).getAttribute('href'), /\/targets\/export\?as_of=2023-07-15$/);
    await screenshot('l-targets-chart');

    // A new value for the 2023 disbursement, typed the Vietnamese way: the chart and completion follow.
    await unit.locator('summary', { hasText: 'Ghi số liệu thực hiện' }).click();
    const form = unit.locator('form.value-form');
    await form.getByLabel('Chỉ tiêu').selectOption({ label: '4. Giải ngân vốn năm 2023 (tổng) (triệu đồng)' });
    await form.getByRole('textbox', { name: /^Ngày số liệu/ }).fill('15/07/2023');
    await form.getByRole('textbox', { name: /^Giá trị thực hiện/ }).fill('12.34,5');
    await form.getByRole('button', { name: 'Ghi số liệu' }).click();
    await form.locator('.field-error').getByText('Giá trị không hợp lệ', { exact: false }).waitFor();
    await form.getByRole('textbox', { name: /^Giá trị thực hiện/ }).fill('198.573');
    await form.getByRole('textbox', { name: /^Nguồn số liệu/ }).fill('Kiểm thử e2e');
    await form.getByRole('button', { name: 'Ghi số liệu' }).click();
    await page.locator('section.target-unit svg.target-chart').getByText('60,00 % — Đúng tiến độ', { exact: true }).waitFor();
    const updated = page.locator('table.targets-table tbody tr', { hasText: 'Giải ngân vốn năm 2023 (tổng)' });
    await updated.getByRole('cell', { name: '60,00 %', exact: true }).waitFor();
    await updated.getByText('198.573 triệu đồng', { exact: false }).first().waitFor();
    await updated.locator('summary', { hasText: '2 số liệu' }).click();
    await updated.getByText('15/07/2023: 198.573 triệu đồng').waitFor();
    await screenshot('l-targets-recorded');
  });

  await inBrowser('l-targets-viewer', async (page) => {
    await loginAs(page, 'xem');
    const { items } = await (await page.request.get('/api/v1/movements')).json();
    const movement = items.find((item) => item.name === 'Thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc năm 2023');
    await page.goto(`/movements/${movement.id}/targets`);
    await page.locator('svg.target-chart rect.bar').first().waitFor();
    assert.equal(await page.locator('form.value-form').count(), 0, 'no value form for a viewer');
    assert.equal(await page.locator('#target-form').isVisible(), false, 'no target form for a viewer');
    assert.equal(await page.getByRole('button', { name: 'Xóa' }).count(), 0, 'no delete buttons for a viewer');
  });
});

test('(n) the document page lists, uploads and refuses attached files', async () => {
  await inBrowser('m-attachments', async (page) => {
    await loginAs(page, 'canbo');
    const { items } = await (await page.request.get('/api/v1/documents?q=05%2FKH-BDT')).json();
    await page.goto(`/documents/${items[0].id}`);
    const section = page.locator('#attachments-section');
    await section.getByText('Văn bản chưa có tệp đính kèm.').waitFor();
    const input = section.getByLabel('Chọn tệp để đính kèm');
    await input.setInputFiles({ name: 'giả-mạo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ không phải PDF') });
    await section.getByRole('button', { name: 'Tải lên' }).click();
    await section.locator('.field-error').getByText('không phải là tệp PDF', { exact: false }).waitFor();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x41), Buffer.from('\n%%EOF\n')]);
    await input.setInputFiles({ name: 'Kế hoạch 05 (bản ký).pdf', mimeType: 'application/pdf', buffer: pdf });
    await section.getByRole('button', { name: 'Tải lên' }).click();
    await section.locator('#attachment-status').getByText('Đã đính kèm tệp “Kế hoạch 05 (bản ký).pdf”.').waitFor();
    const link = section.getByRole('link', { name: 'Kế hoạch 05 (bản ký).pdf' });
    await section.getByText('2,0 KB', { exact: false }).waitFor();
    const file = await page.request.get(await link.getAttribute('href'));
    assert.equal(file.status(), 200);
    assert.ok(Buffer.compare(await file.body(), pdf) === 0, 'the file comes back byte for byte');

    // Deleting asks on the page: "Hủy" keeps the file, "Đồng ý" deletes it.
    await input.setInputFiles({ name: 'Bản nháp.pdf', mimeType: 'application/pdf', buffer: pdf });
    await section.getByRole('button', { name: 'Tải lên' }).click();
    await section.getByRole('link', { name: 'Bản nháp.pdf' }).waitFor();
    await section.getByRole('button', { name: 'Xóa tệp Bản nháp.pdf' }).click();
    await section.getByText('Xóa tệp đính kèm “Bản nháp.pdf”? Thao tác này không hoàn tác được.').waitFor();
    await section.getByRole('button', { name: 'Hủy' }).click();
    await section.getByRole('button', { name: 'Xóa tệp Bản nháp.pdf' }).click();
    await section.getByRole('button', { name: 'Đồng ý' }).click();
    await section.getByRole('link', { name: 'Bản nháp.pdf' }).waitFor({ state: 'detached' });
    await link.waitFor();
  });
});

test('(m) the officer launches a movement with a wave, is told when the wave is outside its period, and drafts its plan; a viewer only reads', async () => {
  await inBrowser('m-movements', async (page, { screenshot }) => {
    await loginAs(page, 'canbo');
    await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Phong trào' }).click();
    await page.waitForURL((url) => url.pathname === '/movements');
    await page.getByRole('heading', { level: 1, name: 'Phong trào thi đua' }).waitFor();

    // The demo's movements, found without accents: the province's and the agency's rural movement.
    const results = page.locator('#results');
    await page.getByLabel('Từ khóa (không cần dấu)').fill('nong thon moi');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.locator('#list-status').getByText('2 phong trào.').waitFor();
    await results.getByRole('cell', { name: 'Ủy ban nhân dân tỉnh Bình Phước' }).waitFor();
    await results.getByRole('link', { name: 'Xem kế hoạch' }).waitFor();

    // Launching one: a wave that starts before the movement is refused where it is typed.
    await page.locator('summary', { hasText: 'Phát động phong trào' }).click();
    const form = page.locator('#movement-form');
    await form.getByRole('textbox', { name: /^Tên phong trào/ }).fill('Thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc, tôn giáo');
    await form.getByRole('textbox', { name: /^Cấp phát động/ }).fill('Sở Dân tộc và Tôn giáo tỉnh Đồng Nai');
    await form.getByLabel('Cấp', { exact: true }).selectOption('agency');
    await form.getByLabel('Hình thức', { exact: true }).selectOption('by_wave');
    await form.getByRole('textbox', { name: /^Từ ngày/ }).first().fill('01/01/2026');
    await form.getByRole('textbox', { name: /^Đến ngày/ }).first().fill('31/12/2026');
    await form.getByLabel('Đơn vị phát động').selectOption({ label: 'Sở Dân tộc và Tôn giáo tỉnh Đồng Nai' });
    await form.getByRole('textbox', { name: 'Mục đích' }).fill('Phát huy tinh thần trách nhiệm của công chức.\nBiểu dương kịp thời các điển hình.');
    await form.getByRole('button', { name: 'Thêm nội dung' }).click();
    await form.getByRole('textbox', { name: 'Tên nội dung' }).fill('Thi đua hoàn thành tốt nhiệm vụ chính trị');
    await form.getByRole('button', { name: 'Thêm đợt thi đua' }).click();
    const wave = form.locator('.repeat-row').last();
    await wave.getByRole('textbox', { name: 'Tên đợt' }).fill('Đợt thi đua thứ nhất');
    await wave.getByRole('textbox', { name: 'Từ ngày' }).fill('01/12/2025');
    await wave.getByRole('textbox', { name: 'Đến ngày' }).fill('30/06/2026');
    await wave.getByRole('textbox', { name: 'Sự kiện chào mừng' }).fill('Kỷ niệm 96 năm Ngày thành lập Đảng (03/02/2026)');
    await form.getByRole('button', { name: 'Phát động phong trào' }).click();
    await wave.locator('.field-error').getByText('nằm ngoài thời gian của phong trào').waitFor();
    await wave.getByRole('textbox', { name: 'Từ ngày' }).fill('01/01/2026');
    await form.getByRole('button', { name: 'Phát động phong trào' }).click();

    // Its page: the wave with its occasion; then the plan drafted and numbered by tdkt.
    await page.waitForURL((url) => /^\/movements\/\d+$/.test(url.pathname));
    await page.getByRole('heading', { level: 1, name: 'Thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc, tôn giáo' }).waitFor();
    const body = page.locator('#movement-body');
    await body.getByText('Đợt thi đua thứ nhất (01/01/2026 – 30/06/2026)').waitFor();
    await body.getByText('Kỷ niệm 96 năm Ngày thành lập Đảng — 03/02/2026').waitFor();
    await page.locator('#plan-state').getByText('Phong trào chưa có kế hoạch').waitFor();
    await page.locator('summary', { hasText: 'Lập kế hoạch từ phong trào' }).click();
    const plan = page.locator('#plan-form');
    await plan.getByRole('textbox', { name: /^Ngày ban hành/ }).fill('02/01/2026');
    await plan.getByRole('textbox', { name: 'Thẩm quyền ký' }).fill('GIÁM ĐỐC');
    await plan.getByRole('textbox', { name: 'Nơi nhận' }).fill('Ban TĐKT tỉnh;\nLưu: VT, VP.');
    await plan.getByRole('button', { name: 'Lập kế hoạch' }).click();
    await page.locator('#plan-state').getByText('Đã lập Kế hoạch số 01/KH-SDTTG và vào sổ văn bản.').waitFor();
    const planLink = page.locator('#plan-state').getByRole('link', { name: 'Kế hoạch số 01/KH-SDTTG' });
    await planLink.waitFor();
    const docx = await page.request.get(await page.locator('#plan-state').getByRole('link', { name: 'Tải DOCX' }).getAttribute('href'));
    assert.equal(docx.status(), 200);
    await screenshot('m-movement');
    await planLink.click();
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch số 01/KH-SDTTG' }).waitFor();
    await page.locator('#preview').getByText('Đợt thi đua thứ nhất (01/01/2026 - 30/06/2026): thi đua lập thành tích chào mừng Kỷ niệm 96 năm Ngày thành lập Đảng (03/02/2026).').waitFor();
  });

  await inBrowser('m-movements-viewer', async (page) => {
    await loginAs(page, 'xem');
    await page.goto('/movements');
    await page.locator('#results tbody tr').first().waitFor();
    assert.equal(await page.locator('summary', { hasText: 'Phát động phong trào' }).isVisible(), false, 'no launch form for a viewer');
    await page.locator('#results').getByRole('link', { name: 'Ngành Công tác dân tộc tỉnh Đồng Nai năm 2024' }).click();
    await page.locator('#movement-body').getByText('Đợt thi đua thứ hai').waitFor();
    assert.equal(await page.locator('summary', { hasText: 'Sửa phong trào' }).isVisible(), false, 'no edit form for a viewer');
    assert.equal(await page.locator('#plan-draft').isVisible(), false);
  });
});

test('(o) the annual review of 2026: nominations with verdicts, the council votes with quorum, minutes, a decision for LĐTT and CSTĐCS, a dossier for a Bằng khen of the provincial chair, the higher decision, and the grants on each person’s page', async () => {
  let reviewPath = '';
  let sessionPath = '';

  // The officer nominates from the 2026 registrations; one the rules refuse (a pending inspection)
  // goes forward only with a written justification.
  await inBrowser('o-nominations', async (page, { screenshot }) => {
    await loginAs(page, 'canbo');
    await page.goto('/nominations?year=2026');
    const candidates = page.locator('#candidates');
    // (k) may have registered some of them this year too: the row of the demo's honour, first.
    const honours = {
      'Lê Thị Thu Hà': 'Lao động tiên tiến',
      'Lý Thị Sáng': 'Lao động tiên tiến',
      'Nguyễn Văn An': 'Lao động tiên tiến',
      'Phạm Minh Tuấn': 'Chiến sĩ thi đua cơ sở',
      'Điểu Thị Hồng': 'Bằng khen',
    };
    const row = (name) => candidates.getByRole('row').filter({ hasText: name }).filter({ hasText: honours[name] }).first();
    await row('Lê Thị Thu Hà').waitFor();
    await row('Nguyễn Văn An').getByText('Không đang bị xem xét kỷ luật').waitFor();
    const form = page.locator('#nominate-form');
    // A refused nomination needs a justification: An's is refused by the demo's records (and
    // Tuấn's once test (h) has added a record of 2026 for him).
    const nominate = async (name, justification = 'Đề nghị Hội đồng xem xét thành tích nổi bật trong năm.') => {
      await row(name).getByRole('button', { name: 'Đề nghị' }).click();
      await form.getByLabel('Tóm tắt thành tích').fill(`Hoàn thành xuất sắc nhiệm vụ năm 2026 (${name}).`);
      if (await form.getByLabel(/^Giải trình/).isVisible()) {
        await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
        await form.getByText('cần nhập giải trình bằng văn bản').waitFor();
        await form.getByLabel(/^Giải trình/).fill(justification);
      }
      await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
      await page.locator('#own-status').getByText(`: ${name} — `).waitFor();
    };
    for (const name of ['Lê Thị Thu Hà', 'Lý Thị Sáng', 'Phạm Minh Tuấn', 'Điểu Thị Hồng']) await nominate(name);
    await nominate('Nguyễn Văn An', 'Kết luận thanh tra số 09/KL-TTr không nêu trách nhiệm cá nhân; đề nghị Hội đồng xem xét.');
    await candidates.getByRole('row').filter({ hasText: 'Nguyễn Văn An' }).getByText(/Đề nghị số \d+/).waitFor();
    await screenshot('o-nominations');

    // A review of the year gathers them; each shows its verdict, reasons and justification.
    await page.goto('/reviews');
    const create = page.locator('#create-form');
    await create.getByLabel(/^Tên đợt xét/).fill('Xét khen thưởng năm 2026');
    await create.getByLabel(/^Năm/).fill('2026');
    await create.getByLabel(/^Ngày xét/).fill('04/12/2026');
    await create.getByLabel(/^Cơ quan xét/).selectOption({ label: 'Sở Dân tộc và Tôn giáo tỉnh Đồng Nai' });
    await create.getByRole('button', { name: 'Tạo đợt xét' }).click();
    await page.waitForURL(/\/reviews\/\d+$/);
    reviewPath = new URL(page.url()).pathname;
    const waiting = page.locator('#waiting');
    await waiting.getByRole('checkbox').first().waitFor();
    assert.equal(await waiting.getByRole('checkbox').count(), 5);
    for (const box of await waiting.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Đưa vào đợt xét' }).click();
    await page.locator('#gather-status').getByText('Đã đưa 5 đề nghị vào đợt xét.').waitFor();
    const entries = page.locator('#entries');
    await entries.getByText('Kết luận thanh tra số 09/KL-TTr không nêu trách nhiệm cá nhân').waitFor();
    await entries.getByRole('row').filter({ hasText: 'Nguyễn Văn An' }).getByText('Không đủ điều kiện').waitFor();
    await entries.getByRole('row').filter({ hasText: 'Lê Thị Thu Hà' }).getByText('Đủ điều kiện').waitFor();
    await screenshot('o-review');

    // The council of the Sở sets up a session of the review, takes attendance and opens it.
    await page.goto('/council');
    await page.locator('#councils').getByRole('link', { name: 'Hội đồng Thi đua - Khen thưởng Sở Dân tộc và Tôn giáo tỉnh Đồng Nai' }).click();
    await page.locator('#members tbody tr').nth(8).waitFor();
    assert.equal(await page.locator('#members tbody tr').count(), 9, 'the council of 9');
    const sessionForm = page.locator('#session-form');
    await sessionForm.getByLabel(/^Đợt xét/).selectOption({ label: 'Xét khen thưởng năm 2026 (năm 2026)' });
    await sessionForm.getByLabel(/^Ngày họp/).fill('04/12/2026');
    await sessionForm.getByLabel(/^Địa điểm/).fill('Phòng họp Sở Dân tộc và Tôn giáo');
    await sessionForm.getByRole('button', { name: 'Lập phiên họp' }).click();
    await page.waitForURL(/\/sessions\/\d+$/);
    sessionPath = new URL(page.url()).pathname;
    await page.getByLabel('Điểm danh Võ Thành Nhân').selectOption('absent_written');
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await page.locator('#attendance-status').getByText('Đã lưu điểm danh.').waitFor();
    await page.locator('#quorum').getByText('Đủ số thành viên có mặt: Có mặt 8/9').waitFor();
    // The members present vote on paper: the officer declares it before opening, then records
    // each paper ballot.
    await page.getByRole('button', { name: 'Đăng ký phiên bỏ phiếu giấy' }).click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await page.locator('#session-details').getByText('Phiếu giấy: cán bộ ghi phiếu của từng thành viên').waitFor();
    await page.getByRole('button', { name: 'Khai mạc phiên họp' }).click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await page.locator('#session-details').getByText('Đang họp').waitFor();
  });

  // A member votes on the page; never on her own nomination.
  await inBrowser('o-member-votes', async (page) => {
    await loginAs(page, 'hoidong');
    await page.goto(sessionPath);
    const agenda = page.locator('#agenda');
    const item = (name) => agenda.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
    await item('Điểu Thị Hồng').getByText('là người được đề nghị khen thưởng').waitFor();
    for (const [name, choice] of [
      ['Lê Thị Thu Hà', 'Tán thành'],
      ['Lý Thị Sáng', 'Tán thành'],
      ['Phạm Minh Tuấn', 'Tán thành'],
      ['Nguyễn Văn An', 'Không tán thành'],
    ]) {
      await item(name).getByRole('button', { name: choice, exact: true }).click();
      await item(name).getByText('Đã biểu quyết').waitFor();
    }
  });

  // The officer, secretary of the council, votes too, records the other members' paper ballots and
  // the written vote of the absent member, closes the session and gets the minutes.
  await inBrowser('o-session', async (page, { screenshot }) => {
    await loginAs(page, 'canbo');
    await page.goto(sessionPath);
    const agenda = page.locator('#agenda');
    const item = (name) => agenda.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
    await item('Phạm Minh Tuấn').getByText('là người được đề nghị khen thưởng').waitFor();
    for (const [name, choice] of [
      ['Lê Thị Thu Hà', 'Tán thành'],
      ['Lý Thị Sáng', 'Tán thành'],
      ['Điểu Thị Hồng', 'Tán thành'],
      ['Nguyễn Văn An', 'Không tán thành'],
    ]) {
      await item(name).getByRole('button', { name: choice, exact: true }).click();
      await item(name).getByText('Đã biểu quyết').waitFor();
    }
    const written = page.locator('#written-form');
    const record = async (member, nominee, choice) => {
      const pick = async (label, text) => {
        const options = await written.getByLabel(label).locator('option').allTextContents();
        await written.getByLabel(label).selectOption({ label: options.find((option) => option.includes(text)) });
      };
      await pick(/^Thành viên/, `${member} (`);
      await pick(/^Đề nghị/, ` ${nominee} – `);
      await written.getByLabel(/^Biểu quyết/).selectOption(choice);
      const answer = page.waitForResponse((response) => response.url().endsWith('/ballots'));
      await written.getByRole('button', { name: 'Ghi phiếu' }).click();
      return (await answer).status();
    };
    const voters = ['Nguyễn Văn Khang', 'Trần Quốc Hưng', 'Lê Thị Thu Hà', 'Võ Thành Nhân', 'Bùi Văn Toàn', 'Đỗ Quang Vinh', 'Huỳnh Văn Đức'];
    for (const member of voters) {
      for (const nominee of ['Lê Thị Thu Hà', 'Lý Thị Sáng', 'Phạm Minh Tuấn', 'Điểu Thị Hồng', 'Nguyễn Văn An']) {
        if (member === nominee) continue;
        assert.equal(await record(member, nominee, nominee === 'Nguyễn Văn An' ? 'reject' : 'approve'), 201, `${member} → ${nominee}`);
      }
    }
    // A member never votes on their own nomination; a second ballot of one member is refused.
    assert.equal(await record('Lê Thị Thu Hà', 'Lê Thị Thu Hà', 'approve'), 409);
    await written.getByText('là người được đề nghị khen thưởng').waitFor();
    assert.equal(await record('Nguyễn Văn Khang', 'Lý Thị Sáng', 'approve'), 409);
    // The secret ballot shows, until the session closes, only how many have voted: neither who
    // nor the running counts.
    await item('Phạm Minh Tuấn').getByText(/^Bỏ phiếu kín: đã bỏ phiếu 8\/9; kết quả công bố khi kết thúc phiên họp$/).waitFor();
    assert.equal(await item('Phạm Minh Tuấn').getByText('Võ Thành Nhân').count(), 0, 'no voter named on a secret item');
    assert.equal(await item('Phạm Minh Tuấn').getByText(/Tán thành \d/).count(), 0, 'no running count on a secret item');
    await screenshot('o-session-open');

    await page.getByRole('button', { name: 'Kết thúc và lập biên bản' }).click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await page.locator('#session-details').getByText('Đã kết thúc').waitFor();
    for (const name of ['Lê Thị Thu Hà', 'Lý Thị Sáng', 'Phạm Minh Tuấn', 'Điểu Thị Hồng'])
      await item(name).getByText(/^ĐẠT — /).waitFor();
    await item('Nguyễn Văn An').getByText(/^KHÔNG ĐẠT — /).waitFor();
    const minutes = page.locator('#session-details').getByRole('link', { name: /^Biên bản số \d+\/BB-HĐTĐKT$/ });
    await minutes.waitFor();
    await screenshot('o-session-closed');
    await minutes.click();
    const docx = await page.request.get(await page.getByRole('link', { name: 'Tải DOCX' }).first().getAttribute('href'));
    assert.equal(docx.status(), 200);
    assert.match(docx.headers()['content-type'], /wordprocessingml/);

    // The head of agency's decision for the LĐTT and CSTĐCS the council approved.
    await page.goto(`/decisions?review_id=${reviewPath.split('/').pop()}`);
    await page.getByRole('button', { name: 'Dự thảo quyết định' }).click();
    await page.waitForURL(/\/decisions\/\d+$/);
    const entries = page.locator('#entries');
    await entries.getByRole('row').filter({ hasText: 'Lê Thị Thu Hà' }).waitFor();
    for (const name of ['Lý Thị Sáng', 'Phạm Minh Tuấn']) await entries.getByRole('row').filter({ hasText: name }).waitFor();
    assert.equal(await entries.getByText('Điểu Thị Hồng').count(), 0, 'the Bằng khen is not the agency’s to decide');
    assert.equal(await entries.getByText('Nguyễn Văn An').count(), 0, 'a rejected nomination is not decided');
    const issue = page.locator('#issue-form');
    await issue.getByRole('textbox', { name: 'Ngày ban hành' }).fill('07/12/2026');
    await issue.getByLabel('Người ký').fill('Nguyễn Văn Khang');
    await issue.getByLabel('Thẩm quyền ký').fill('GIÁM ĐỐC');
    await issue.getByRole('button', { name: 'Ban hành quyết định' }).click();
    await issue.getByText('Ban hành quyết định? Số quyết định được cấp từ sổ văn bản').waitFor();
    await issue.getByRole('button', { name: 'Đồng ý' }).click();
    await page.locator('#issue-status').getByText('Đã ban hành quyết định.').waitFor();
    await page.getByRole('heading', { level: 1, name: /Quyết định số \d+\/QĐ-SDTTG/ }).waitFor();
    const decisionPdf = await page.request.get(await page.getByRole('link', { name: 'Tải DOCX' }).getAttribute('href'));
    assert.equal(decisionPdf.status(), 200);
    await screenshot('o-decision');

    // The proposal to the provincial chair for the Bằng khen, its dossier, and the decision that
    // comes back.
    await page.goto(`/decisions?review_id=${reviewPath.split('/').pop()}`);
    await page.getByLabel('Cấp trình (cho tờ trình)').selectOption('province');
    await page.getByRole('button', { name: 'Lập tờ trình cấp trên' }).click();
    await page.waitForURL(/\/proposals\/\d+$/);
    await page.locator('#items').getByRole('row').filter({ hasText: 'Điểu Thị Hồng' }).waitFor();
    const dossierLink = page.getByRole('link', { name: 'Chỉ DOCX' });
    const dossier = await page.request.get(await dossierLink.getAttribute('href'));
    assert.equal(dossier.status(), 200);
    const zip = await dossier.body();
    assert.equal(zip.subarray(0, 2).toString(), 'PK', 'the dossier is a ZIP');
    assert.ok(zip.includes('.docx'), 'with DOCX files');
    const higher = page.locator('#higher-form');
    await higher.getByLabel(/^Số quyết định/).fill('1234/QĐ-UBND');
    await higher.getByLabel(/^Ngày ban hành/).fill('07/12/2026');
    await higher.getByLabel(/^Cơ quan ban hành/).fill('UBND tỉnh Đồng Nai');
    await higher.getByLabel('Người ký').fill('Võ Tấn Đức');
    await higher.getByRole('button', { name: 'Ghi nhận' }).click();
    await higher.getByRole('button', { name: 'Đồng ý' }).click();
    await page.locator('#higher-status').getByText('Đã ghi nhận quyết định của cấp trên.').waitFor();
    await page.locator('#summary').getByText('Quyết định của cấp trên: số 1234/QĐ-UBND ngày 07/12/2026').waitFor();
    await screenshot('o-proposal');

    // The grants are on each person's page, with the decision that granted them.
    const grantsOf = async (name) => {
      await page.goto(`/people?q=${encodeURIComponent(name)}`);
      await page.getByRole('link', { name, exact: true }).first().click();
      await page.waitForURL(/\/people\/\d+/);
      return page.locator('main');
    };
    const ha = await grantsOf('Lê Thị Thu Hà');
    await ha.getByRole('row').filter({ hasText: 'Lao động tiên tiến' }).filter({ hasText: '2026' }).filter({ hasText: /\/QĐ-SDTTG/ }).first().waitFor();
    const hong = await grantsOf('Điểu Thị Hồng');
    await hong.getByRole('row').filter({ hasText: '1234/QĐ-UBND' }).first().waitFor();
    await screenshot('o-person-grants');
  });
});

test('(p) the review report of the first half of 2023: every figure from the records, a number opens what it counts, the draft downloads', async () => {
  await inBrowser('p-report', async (page) => {
    await loginAs(page, 'canbo');
    await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Báo cáo' }).click();
    await page.waitForURL((url) => url.pathname === '/reports');
    const form = page.locator('#period-form');
    await form.getByRole('textbox', { name: /^Từ ngày/ }).fill('01/01/2023');
    await form.getByRole('textbox', { name: /^Đến ngày/ }).fill('31/12/2023');
    await form.getByRole('button', { name: '6 tháng đầu năm' }).click();
    await page.locator('#summary').getByText(/^Báo cáo 6 tháng đầu năm 2023 của Ban Dân tộc tỉnh Bình Phước/).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('to'), '2023-06-30');
    await page.locator('#documents').getByRole('link', { name: 'Kế hoạch số 05/KH-BDT' }).waitFor();
    const province = page.locator('#grants').getByRole('row').filter({ hasText: 'Khen thưởng cấp tỉnh' });
    const counted = province.locator('details').first();
    const count = Number((await counted.locator('summary').innerText()).match(/\d+/)[0]);
    await counted.locator('summary').click();
    assert.equal(await counted.locator('li').count(), count, 'the number is the length of its list');
    await counted.getByText('Quyết định số 631/QĐ-UBND ngày 21/04/2023').first().waitFor();
    await page.locator('#others').getByText('Trong kỳ không có đơn thư khiếu nại, tố cáo').waitFor();
    await page.locator('#others').getByText('9 thành viên').waitFor();
    const docx = await page.request.get(await page.getByRole('link', { name: 'Tải dự thảo (DOCX)' }).getAttribute('href'));
    assert.equal(docx.status(), 200);
    assert.match(docx.headers()['content-type'], /wordprocessingml/);

    // The officer writes one part and issues the report: the register numbers it.
    const issue = page.locator('#issue-form');
    await issue.getByLabel('Ưu điểm').fill('Các phong trào thi đua được triển khai kịp thời, đúng kế hoạch.');
    await issue.getByRole('textbox', { name: /^Ngày ban hành/ }).fill('10/07/2023');
    await issue.getByLabel('Thẩm quyền ký').fill('TRƯỞNG BAN');
    await issue.getByRole('button', { name: 'Ban hành báo cáo' }).click();
    await issue.getByRole('button', { name: 'Đồng ý' }).click();
    await page.locator('#issue-status').getByText(/^Đã ban hành Báo cáo số 01\/BC-BDT ngày 10\/07\/2023/).waitFor();
    await page.locator('#issue-status').getByRole('link', { name: 'Xem trong sổ văn bản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo số 01/BC-BDT' }).waitFor();
    await page.locator('#preview').getByText('Các phong trào thi đua được triển khai kịp thời, đúng kế hoạch.').waitFor();
    await page.goBack();
    await page.locator('#summary').getByText(/^Báo cáo 6 tháng đầu năm 2023/).waitFor();

    // The targets of the 2023 movement, judged on 30/06/2023, each leading to its movement's targets.
    const targets = page.locator('#targets');
    await targets.getByRole('heading', { level: 3 }).first().waitFor();
    assert.ok((await targets.locator('tbody tr').count()) > 0, 'the period has targets');

    // The second half of 2023 offers the first half's text as a start.
    await form.getByRole('textbox', { name: /^Từ ngày/ }).fill('01/07/2023');
    await form.getByRole('textbox', { name: /^Đến ngày/ }).fill('31/12/2023');
    await form.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.locator('#summary').getByText(/^Báo cáo 6 tháng cuối năm 2023/).waitFor();
    await page.locator('#previous').getByRole('link', { name: 'số 01/BC-BDT ngày 10/07/2023' }).waitFor();
    await issue.getByLabel('Bài học kinh nghiệm').fill('Viết dở.');
    await page.getByRole('button', { name: 'Lấy nội dung báo cáo kỳ trước' }).click();
    await page.locator('#previous').getByRole('button', { name: 'Đồng ý' }).click();
    await page.locator('#previous').getByText('Đã lấy nội dung của Báo cáo số 01/BC-BDT').waitFor();
    assert.equal(await issue.getByLabel('Ưu điểm').inputValue(), 'Các phong trào thi đua được triển khai kịp thời, đúng kế hoạch.');
    assert.equal(await issue.getByLabel('Bài học kinh nghiệm').inputValue(), '', 'the previous report left it empty');

    // A period that ends before it starts is refused with the reason.
    await form.getByRole('textbox', { name: /^Từ ngày/ }).fill('30/06/2023');
    await form.getByRole('textbox', { name: /^Đến ngày/ }).fill('01/01/2023');
    await form.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.locator('#report-state').getByText('trước ngày đầu kỳ').waitFor();
  });
});

test('(q) the dashboard shows what is outstanding with charts drawn from the API, and its figures match the API', async () => {
  await inBrowser('q-dashboard', async (page) => {
    await loginAs(page, 'canbo');
    await page.getByRole('heading', { level: 2, name: 'Việc cần làm' }).waitFor();
    const data = await (await page.request.get('/api/v1/dashboard')).json();
    const counts = await dashboardCounts(page);
    const outstanding = Object.entries(counts).find(([label]) => label.startsWith('Lượt chưa đăng ký thi đua'));
    assert.equal(outstanding?.[1], data.registrations_outstanding);
    const behind = Object.entries(counts).find(([label]) => label.startsWith('Chỉ tiêu chậm tiến độ'));
    assert.equal(behind?.[1], data.targets_behind);
    assert.equal(counts['Đề nghị khen thưởng năm nay'], data.nominations.reduce((sum, stage) => sum + stage.count, 0));

    // The review of 2026 (test o) made nominations and grants this year: both charts are drawn
    // by Chart.js, and the table under each holds the same figures.
    assert.ok(data.nominations.length > 0 && data.grants_this_year.length > 0, 'the demo has 2026 nominations and grants');
    await page.locator('#nominations canvas[data-drawn]').waitFor({ state: 'attached' });
    await page.locator('#grants canvas[data-drawn="2"]').waitFor({ state: 'attached' });
    await page.locator('#nominations summary').click();
    for (const stage of data.nominations) {
      const row = page.locator('#nominations tbody tr').filter({ hasText: stage.label });
      assert.equal((await row.locator('td').first().innerText()).trim(), String(stage.count), stage.label);
    }
    if (data.deadlines.length) {
      await page.locator('#deadlines').getByRole('link', { name: data.deadlines[0].what }).first().waitFor();
    } else {
      await page.locator('#deadlines').getByText('Không có hạn nào trong 60 ngày tới.').waitFor();
    }
  });
});

test('(r) statistics: breakdowns with charts, the Excel workbook, the Home Affairs form filled and downloaded, a bad year refused', async () => {
  await inBrowser('r-statistics', async (page) => {
    await loginAs(page, 'xem');
    await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Thống kê' }).click();
    await page.waitForURL((url) => url.pathname === '/statistics');
    const form = page.locator('#years-form');
    await form.getByRole('textbox', { name: /^Từ năm/ }).fill('2022');
    await form.getByRole('textbox', { name: /^Đến năm/ }).fill('2023');
    await form.getByRole('button', { name: 'Xem thống kê' }).click();
    const data = await (await page.request.get('/api/v1/statistics?from_year=2022&to_year=2023')).json();
    await page
      .locator('#totals')
      .getByText(`Khen thưởng từ năm 2022 đến năm 2023: ${data.individuals} cá nhân và ${data.collectives} tập thể.`)
      .waitFor();
    for (const id of ['by-year', 'by-level', 'by-honour', 'by-unit', 'by-gender', 'by-ethnicity']) {
      await page.locator(`#${id} canvas[data-drawn]`).waitFor({ state: 'attached' });
    }
    await page.locator('#by-ethnicity summary').click();
    const xtieng = data.by_ethnicity.find((row) => row.label === 'Xtiêng');
    assert.ok(xtieng, 'the demo grants Xtiêng individuals');
    const row = page.locator('#by-ethnicity tbody tr').filter({ hasText: 'Xtiêng' });
    assert.equal((await row.locator('td').first().innerText()).trim(), String(xtieng.individuals));
    await page.locator('#registrations').getByRole('link', { name: /Thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc năm 2023/ }).first().waitFor();

    // A row of a breakdown opens the grants it counts.
    const province = data.by_level.find((row) => row.key === 'province');
    await page.locator('#by-level summary').click();
    await page.locator('#by-level').getByRole('link', { name: 'Chủ tịch UBND tỉnh' }).click();
    await page.waitForURL((url) => url.pathname === '/grants' && url.searchParams.get('level') === 'province');
    const listed = await (await page.request.get('/api/v1/grants?from=2022&to=2023&level=province')).json();
    assert.equal(listed.items.length, province.total, 'the list holds what the statistics counted');
    await page.goBack();
    await page.locator('#by-level canvas[data-drawn]').waitFor({ state: 'attached' });
    const workbook = await page.request.get(await page.getByRole('link', { name: 'Tải Excel' }).getAttribute('href'));
    assert.equal(workbook.status(), 200);
    assert.match(workbook.headers()['content-type'], /spreadsheetml/);

    // The provincial form of 2023: the total of mã số 01 is the API's, the titles left out are said.
    const forms = page.locator('#form-form');
    await forms.getByLabel('Biểu mẫu').selectOption('0603.N/BNV-TĐKT');
    await forms.getByRole('textbox', { name: /^Năm báo cáo/ }).fill('2023');
    await forms.getByRole('button', { name: 'Lập biểu' }).click();
    const filled = await (
      await page.request.get(`/api/v1/statistics/form?code=${encodeURIComponent('0603.N/BNV-TĐKT')}&year=2023`)
    ).json();
    await page.locator('#form-state').getByText(/^Biểu số 0603.N\/BNV-TĐKT .* Năm 2023: khen thưởng quyết định từ ngày 01\/12\/2022 đến ngày 30\/11\/2023/).waitFor();
    const total = page.locator('#form-state tbody tr').filter({ has: page.getByRole('cell', { name: '01', exact: true }) });
    assert.equal((await total.locator('td').nth(3).innerText()).trim(), String(filled.rows[0].total));
    await page.locator('#form-state').getByText(/Không thuộc cột nào của biểu, không tính: Tập thể lao động xuất sắc/).waitFor();
    const sheet = await page.request.get(await page.getByRole('link', { name: 'Tải biểu (Excel)' }).getAttribute('href'));
    assert.equal(sheet.status(), 200);
    assert.match(sheet.headers()['content-type'], /spreadsheetml/);

    // A year that is not a year is refused on the page, naming the field.
    await form.getByRole('textbox', { name: /^Đến năm/ }).fill('20x3');
    await form.getByRole('button', { name: 'Xem thống kê' }).click();
    await page.locator('#years-status').getByText('Năm cuối phải là một năm có 4 chữ số').waitFor();
  });
});
