/**
 * The member registry in the browser: import a roster (progress, a rejected row, a corrected file, commit),
 * search, reveal a member (audited), join online as a worker, approve as the union, and look up
 * the outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2EEnv } from './harness';
import { choose, closeContext, prepare } from './ui';
import { computeIdCheck } from '../common/src/id-number';

const PORT = 3402;
let env: E2EEnv;

/** A valid resident ID number (GB 11643 check character) for a Beijing area code the demo city never uses. */
const idNumber = (area: string, birth: string, seq: number) => {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + computeIdCheck(first17);
};

const ROSTER = [
  { name: '欧阳澜汐', id: idNumber('110101', '19880312', 102), mobile: '13910000001', form: '快递员' },
  { name: '端木青禾', id: idNumber('110101', '19920507', 211), mobile: '13910000002', form: '外卖骑手' },
  { name: '上官明远', id: idNumber('110101', '19790921', 315), mobile: '13910000003', form: '正式职工' },
  { name: '诸葛云帆', id: idNumber('110101', '19950101', 417), mobile: '13910000004', form: '网约车司机' },
];
/** Row 4 with its check character changed: the row the preview must reject. */
const badId = (() => {
  const good = ROSTER[3]!.id;
  return good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
})();
/** Title row 1, header row 2, data from row 3: the 4th person is on row 6 of the user's sheet. */
const BAD_ROW = 6;

function rosterCsv(fixed: boolean): Buffer {
  const lines = ['江城端到端测试公司工会会员花名册', '姓名,身份证号码,手机号码,用工形式,入会时间'];
  ROSTER.forEach((p, i) => lines.push([p.name, i === 3 && !fixed ? badId : p.id, p.mobile, p.form, '2024.3.5'].join(',')));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

const applicant = { name: '慕容芷岚', id: idNumber('110102', '19930815', 128), mobile: '13720000008' };

async function uploadRoster(page: Page, fixed: boolean) {
  await page.getByTestId('import-upload-card').waitFor();
  await page
    .getByTestId('import-upload-card')
    .locator('input[type=file]')
    .setInputFiles({ name: fixed ? '花名册（已修正）.csv' : '花名册.csv', mimeType: 'text/csv', buffer: rosterCsv(fixed) });
  await page.getByTestId('import-upload-btn').click();
  // The progress of the parsing phase is on screen until (and after) the preview is ready.
  await page.getByTestId('import-progress').waitFor();
  await page.locator('[data-testid=import-batch][data-status=preview]').waitFor();
}

describe('member registry', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  /** The grassroots union of the demo user `grassroots`: the roster goes there, and the worker applies to it. */
  let unionName = '';
  let memberId = '';
  let appNo = '';

  it('finds the demo grassroots chair’s union', async () => {
    const page = prepare(await env.newPage());
    await env.login(page, 'grassroots');
    unionName = (await page.getByTestId('header-org').innerText()).trim();
    expect(unionName).toMatch(/工会/);
    await closeContext(page);
  }, 180_000);

  it('a district administrator imports a roster: progress, a rejected row, a corrected file, commit', async () => {
    const page = prepare(await env.newPage());
    await env.login(page, 'district');
    await page.getByTestId('menu-member-import').click();
    await page.getByTestId('import-page').waitFor();
    await choose(page, 'import-org', unionName, unionName.slice(0, 8));

    await uploadRoster(page, false);
    await page.getByTestId('import-count-total').getByText('4').waitFor();
    await page.getByTestId('import-count-valid').getByText('3').waitFor();
    await page.getByTestId('import-count-rejected').getByText('1').waitFor();
    await page.getByTestId(`import-error-row-${BAD_ROW}`).getByText('校验位').waitFor();
    await env.shot(page, 'members-import-preview-error');

    // Fix the error: upload the corrected file for the same union (the first batch is cancelled).
    await page.getByTestId('import-reupload-btn').click();
    await page.getByTestId('import-upload-card').waitFor();
    await page.getByTestId('import-org').getByText(unionName).waitFor();
    await uploadRoster(page, true);
    await page.getByTestId('import-count-valid').getByText('4').waitFor();
    await page.getByTestId('import-count-rejected').getByText('0').waitFor();
    expect(await page.getByTestId('import-errors-table').count()).toBe(0);

    await page.getByTestId('import-commit-btn').click();
    await page.getByTestId('import-commit-ok').click();
    await page.getByTestId('import-result').waitFor();
    await page.getByTestId('import-result-created').getByText('4').waitFor();
    await page.getByTestId('import-result-rejected').getByText('0').waitFor();
    await page.locator('[data-testid=import-progress][data-status=done]').waitFor();
    await env.shot(page, 'members-import-done');

    // The history lists both batches: the cancelled one and the committed one.
    await page.locator('[data-testid=import-history-table] .ant-table-row').nth(1).waitFor();
    await closeContext(page);
  }, 300_000);

  it('searches the imported member by part of the name, reveals the ID number, and the audit log shows it', async () => {
    const page = prepare(await env.newPage());
    await env.login(page, 'district');
    await page.getByTestId('menu-member-search').click();
    await page.getByTestId('member-search-page').waitFor();
    await page.getByTestId('member-filter-q').fill('澜汐');
    await page.getByTestId('member-search-submit').click();
    await page.waitForURL(/q=/);
    const row = page.locator('[data-testid=member-table] .ant-table-row', { hasText: '欧阳澜汐' });
    await row.waitFor();
    // Masked in the list: first 6 and last 4 of the ID number.
    await row.getByText(`${ROSTER[0]!.id.slice(0, 6)}********${ROSTER[0]!.id.slice(-4)}`).waitFor();
    await row.getByRole('link', { name: '欧阳澜汐' }).click();

    await page.getByTestId('member-detail').waitFor();
    memberId = (await page.getByTestId('member-detail').getAttribute('data-member-id'))!;
    expect(memberId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByTestId('member-timeline').getByText('入会').waitFor();
    await page.getByTestId('member-unmask-btn').click();
    await page.getByText('此操作将记入审计日志').waitFor();
    await page.getByTestId('member-unmask-ok').click();
    await page.locator('[data-testid=member-id-number][data-revealed=true]', { hasText: ROSTER[0]!.id }).waitFor();
    await page.getByTestId('member-mobile').getByText(ROSTER[0]!.mobile).waitFor();
    await env.shot(page, 'members-detail-unmasked');

    await page.getByTestId('menu-audit').click();
    await page.getByTestId('audit-filter-action').locator('input').fill('member.unmask');
    await page.getByTestId('audit-filter-apply').click();
    const entry = page.locator('[data-testid=audit-table] .ant-table-row', { hasText: 'member.unmask' }).first();
    await entry.waitFor();
    await entry.getByText('district').waitFor();
    await entry.locator('.ant-table-row-expand-icon').click();
    await page.locator('[data-testid^=audit-detail-]', { hasText: memberId }).waitFor();
    await env.shot(page, 'members-audit-unmask');
    await closeContext(page);
  }, 300_000);

  it('a worker applies online without signing in and gets an application number', async () => {
    const page = prepare(await env.newPage());
    await page.goto('/login');
    await page.getByTestId('login-link-join').click();
    await page.getByTestId('join-page').waitFor();
    await page.getByTestId('join-union-q').fill(unionName);
    await page.getByTestId('join-union-search').click();
    await page.locator(`[data-testid=join-union-result][data-name="${unionName}"]`).click();
    await page.getByTestId('join-next').click();

    await page.getByTestId('join-form').waitFor();
    await page.getByTestId('join-name').fill(applicant.name);
    await page.getByTestId('join-idNumber').fill(applicant.id);
    await page.getByTestId('join-mobile').fill(applicant.mobile);
    await choose(page, 'join-employmentForm', '网约送餐员', '送餐');
    await page.getByTestId('join-occupation').fill('外卖骑手');
    await page.getByTestId('join-employerName').fill('江城同城配送站');
    // Consent is required: submitting without it shows the error next to the checkbox.
    await page.getByTestId('join-submit').click();
    await page.getByText('须同意个人信息处理告知书才能提交申请').waitFor();
    await page.getByTestId('join-consent').check();
    await page.getByTestId('join-submit').click();

    await page.getByTestId('join-done').waitFor();
    appNo = (await page.getByTestId('join-app-no').innerText()).trim();
    expect(appNo).toMatch(/^RH\d{14}$/);
    await page.getByTestId('join-done').getByText(unionName).waitFor();
    await env.shot(page, 'members-join-done');
    await closeContext(page);
  }, 180_000);

  it('the union’s chair approves the application and the new member appears in the search', async () => {
    const page = prepare(await env.newPage());
    await env.login(page, 'grassroots');
    await page.getByTestId('menu-member-applications').click();
    await page.getByTestId('applications-page').waitFor();
    await page.getByTestId('applications-filter-q').fill(applicant.name);
    await page.getByTestId('applications-filter-q').press('Enter');
    await page.getByTestId(`application-view-${appNo}`).click();
    await page.locator('[data-testid=application-detail][data-status=pending]').waitFor();
    await page.getByTestId('application-approve-btn').click();
    await page.getByTestId('application-approve-ok').click();
    await page.getByTestId('application-approved').waitFor();
    await env.shot(page, 'members-application-approved');
    // The list shows it as approved once the drawer is closed.
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('application-detail').waitFor({ state: 'hidden' });

    await page.getByTestId('menu-member-search').click();
    await page.getByTestId('member-filter-q').fill('芷岚');
    await page.getByTestId('member-search-submit').click();
    const row = page.locator('[data-testid=member-table] .ant-table-row', { hasText: applicant.name });
    await row.waitFor();
    await row.getByText(unionName).waitFor();
    await closeContext(page);
  }, 180_000);

  it('the applicant looks up the outcome: approved, with a card number', async () => {
    const page = prepare(await env.newPage());
    await page.goto(`/join/status?appNo=${appNo}`);
    await page.getByTestId('join-status-page').waitFor();
    await page.getByTestId('join-status-idNumber').fill(applicant.id);
    await page.getByTestId('join-status-submit').click();
    await page.locator('[data-testid=join-status-result][data-status=approved]').waitFor();
    await page
      .getByTestId('join-status-card')
      .getByText(/^GH\d{10}$/)
      .waitFor();
    await env.shot(page, 'members-join-status-approved');
    await closeContext(page);
  }, 120_000);
});
