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
      'Ban Dân tộc tỉnh Bình Phước',
      'the agency’s details are taken from its latest document',
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
