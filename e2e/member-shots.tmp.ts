// Temporary: screenshots of the member pages for a visual check. Not a test.
import fs from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { computeIdCheck } from '../common/src/id-number.js';

const BASE = process.env.BASE_URL ?? 'http://localhost:3300';
const OUT = '/tmp/mshots';
fs.mkdirSync(OUT, { recursive: true });
const errors: string[] = [];

async function shot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
}
async function step(name: string, fn: () => Promise<void>) {
  const t0 = Date.now();
  try {
    await fn();
    console.log(`ok ${name} ${Date.now() - t0}ms`);
  } catch (e) {
    console.log(`FAIL ${name}: ${(e as Error).message.split('\n').slice(0, 4).join(' | ')}`);
  }
}
const id = (first17: string) => first17 + computeIdCheck(first17);
const stamp = Date.now().toString().slice(-4);

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => errors.push(`[pageerror] ${e.message}`));
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(`[${m.type()}] ${m.text().slice(0, 300)}`));

  await step('login links', async () => {
    await page.goto(`${BASE}/login`);
    await page.getByTestId('login-public-links').waitFor();
    await shot(page, '01-login');
  });

  const applicantId = id(`11010119900115${stamp.slice(-3)}`);
  let appNo = '';
  await step('join', async () => {
    await page.getByTestId('login-link-join').click();
    await page.getByTestId('join-page').waitFor();
    await shot(page, '02-join-step1');
    await page.getByTestId('join-union-q').fill('电子');
    await page.getByTestId('join-union-search').click();
    await page.getByTestId('join-union-result').first().click();
    await shot(page, '03-join-step1-results');
    await page.getByTestId('join-next').click();
    await page.getByTestId('join-form').waitFor();
    await page.getByTestId('join-submit').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await shot(page, '04-join-form-errors');
    await page.getByTestId('join-name').fill('测试申请人');
    await page.getByTestId('join-idNumber').fill(applicantId);
    await page.getByTestId('join-mobile').fill('13800138000');
    await page.getByTestId('join-employerName').fill('江城测试电子科技有限公司');
    await page.getByTestId('join-consent').check();
    await page.getByTestId('join-submit').click();
    await page.getByTestId('join-app-no').waitFor();
    appNo = (await page.getByTestId('join-app-no').innerText()).trim();
    await shot(page, '05-join-done');
  });

  await step('join status', async () => {
    await page.getByTestId('join-go-status').click();
    await page.getByTestId('join-status-idNumber').fill(applicantId);
    await page.getByTestId('join-status-submit').click();
    await page.getByTestId('join-status-result').waitFor();
    await shot(page, '06-join-status');
  });

  await step('join mobile', async () => {
    const m = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, deviceScaleFactor: 2 });
    const p = await m.newPage();
    await p.goto(`${BASE}/join`);
    await p.getByTestId('join-mode-territorial').click();
    await p.getByTestId('join-union-q').fill('街道');
    await p.getByTestId('join-union-search').click();
    await p.getByTestId('join-union-result').first().click();
    await p.waitForTimeout(300);
    await p.screenshot({ path: `${OUT}/07-join-mobile.png`, fullPage: true });
    await p.getByTestId('join-next').click();
    await p.getByTestId('join-form').waitFor();
    await p.screenshot({ path: `${OUT}/08-join-mobile-form.png`, fullPage: true });
    await m.close();
  });

  await step('admin dashboard', async () => {
    await page.goto(`${BASE}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('Gonghui@2026');
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid=dashboard-chart-member-monthly] canvas').waitFor();
    await page.waitForTimeout(1200);
    await shot(page, '10-dashboard');
  });

  await step('member search', async () => {
    await page.getByTestId('menu-member-search').click();
    await page.locator('[data-testid=member-table] .ant-table-row').first().waitFor();
    await shot(page, '11-member-search');
    await page.getByTestId('member-filter-q').fill('建');
    await page.getByTestId('member-filter-employmentForm').click();
    await page.locator('.ant-select-item-option', { hasText: '新就业形态（全部）' }).click();
    await page.getByTestId('member-search-submit').click();
    await page.waitForURL(/employmentForm=gig/);
    await page.locator('[data-testid=member-table] .ant-table-row').first().waitFor();
    await shot(page, '12-member-search-filtered');
  });

  await step('export modal', async () => {
    await page.getByTestId('member-export-btn').click();
    await page.getByTestId('member-export-plain').click();
    await shot(page, '13-export');
    const dl = page.waitForEvent('download');
    await page.getByTestId('member-export-start').click();
    await page.getByTestId('member-export-plain-ok').click();
    const d = await dl;
    const p = await d.path();
    console.log('export downloaded', d.suggestedFilename(), p && fs.statSync(p).size);
    await page.getByTestId('member-export-modal').waitFor({ state: 'hidden' });
  });

  await step('create form errors', async () => {
    await page.getByTestId('member-create-btn').click();
    await page.getByTestId('member-form').waitFor();
    await page.getByTestId('member-form-name').fill('王五');
    await page.getByTestId('member-form-idNumber').fill('110101199001011234');
    await page.getByTestId('member-form-submit').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await shot(page, '14-member-form-errors');
    await page.keyboard.press('Escape');
  });

  await step('member detail', async () => {
    await page.locator('[data-testid=member-table] .ant-table-row a').first().click();
    await page.getByTestId('member-detail').waitFor();
    await shot(page, '15-member-detail');
    await page.getByTestId('member-unmask-btn').click();
    await page.waitForTimeout(300);
    await shot(page, '16-unmask-confirm');
    await page.getByTestId('member-unmask-ok').click();
    await page.locator('[data-testid=member-id-number][data-revealed=true]').waitFor();
    await shot(page, '17-unmasked');
    await page.getByTestId('member-card-btn').click();
    await page.getByTestId('member-card-qr').waitFor();
    await shot(page, '18-card');
    const href = await page.getByTestId('member-card-verify-link').getAttribute('href');
    await page.keyboard.press('Escape');
    await page.getByTestId('member-status-btn-retained').click();
    await shot(page, '19-status');
    await page.getByTestId('member-status-modal').getByRole('button', { name: /取\s*消/ }).click();
    await page.getByTestId('member-status-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('member-transfer-btn').click();
    await page.getByTestId('transfer-start-toOrg').click();
    await page.getByTestId('transfer-start-toOrg').locator('input').fill('电子');
    await page.waitForTimeout(1000);
    await shot(page, '20-transfer-start');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    if (href) {
      await page.goto(href.replace(/^https?:\/\/[^/]+/, BASE));
      await page.getByTestId('card-verify-result').waitFor();
      await shot(page, '21-card-verify');
    }
  });

  await step('import', async () => {
    await page.goto(`${BASE}/members/import`);
    await page.getByTestId('import-upload-card').waitFor();
    await page.getByTestId('import-org').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    const rows = ['江城市某公司工会会员花名册', '姓名,身份证号码,手机,用工形式,入会时间'];
    for (let i = 0; i < 30; i++) rows.push(`测试${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉戌亥'[i % 12]},${id(`110101198503${10 + (i % 18)}${100 + i}`)},139${String(10000000 + i)},快递员,2024.3.5`);
    rows.push('错误行,110101198501011234,12345,外卖骑手,2024年3月5日');
    await page.locator('input[type=file]').setInputFiles({ name: '花名册.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + rows.join('\r\n'), 'utf8') });
    await shot(page, '22-import-upload');
    await page.getByTestId('import-upload-btn').click();
    await page.locator('[data-testid=import-batch][data-status=preview]').waitFor();
    await shot(page, '23-import-preview');
    await page.getByTestId('import-commit-btn').click();
    await page.getByTestId('import-commit-ok').click();
    await page.getByTestId('import-result').waitFor();
    await shot(page, '24-import-done');
  });

  await step('applications', async () => {
    await page.getByTestId('menu-member-applications').click();
    await page.locator('[data-testid=applications-table] .ant-table-row').first().waitFor();
    await shot(page, '25-applications');
    await page.getByTestId('applications-filter-q').locator('input').fill('测试申请人');
    await page.getByTestId('applications-filter-q').locator('input').press('Enter');
    await page.getByTestId(`application-view-${appNo}`).click();
    await page.getByTestId('application-detail').waitFor();
    await shot(page, '26-application-drawer');
    await page.getByTestId('application-reject-btn').click();
    await page.getByTestId('application-reject-submit').click();
    await page.waitForTimeout(300);
    await shot(page, '27-application-reject');
    await page.keyboard.press('Escape');
  });

  await step('transfers', async () => {
    await page.goto(`${BASE}/members/transfers`);
    await page.locator('[data-testid=transfers-table] .ant-table-row').first().waitFor();
    await shot(page, '28-transfers');
    await page.getByTestId('transfer-incoming-btn').click();
    await page.waitForTimeout(300);
    await shot(page, '29-transfer-incoming');
    await page.keyboard.press('Escape');
  });

  await step('english', async () => {
    await page.getByTestId('lang-en').click();
    await page.goto(`${BASE}/members`);
    await page.locator('[data-testid=member-table] .ant-table-row').first().waitFor();
    await shot(page, '30-member-search-en');
    await page.goto(`${BASE}/dashboard`);
    await page.locator('[data-testid=dashboard-chart-member-monthly] canvas').waitFor();
    await page.waitForTimeout(1200);
    await shot(page, '31-dashboard-en');
    await page.getByTestId('lang-zh').click();
  });

  await step('district + grassroots', async () => {
    await ctx.clearCookies();
    await page.goto(`${BASE}/login`);
    await page.getByTestId('login-username').fill('grassroots');
    await page.getByTestId('login-password').fill('Gonghui@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-user').waitFor();
    await page.goto(`${BASE}/members`);
    await page.locator('[data-testid=member-table] .ant-table-row').first().waitFor();
    await shot(page, '32-grassroots-members');
  });

  await browser.close();
  console.log([...new Set(errors)].slice(0, 30).join('\n'));
}
void main();
