/**
 * Labour-dispute mediation in the browser: a worker applies on the public page on a phone and
 * follows the case by its number and mobile; a district cadre assigns a mediator (by type and
 * workload), records a session, records the agreement and closes the case; the dashboard shows the
 * overdue clocks, and its card opens the list of those cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2EEnv } from './harness';
import { choose, chooseFirst, closeContext, openPage, prepare } from './ui';
import { todayInChina } from '../common/src/dates';

const PORT = 3105;
let env: E2EEnv;
const MOBILE = '13966660001';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function fillDate(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function step(page: Page, action: string, fill: Record<string, string> = {}, confirm = false): Promise<string> {
  await page.getByTestId(`dispute-action-${action}`).click();
  await page.getByTestId(`dispute-step-${action}-modal`).waitFor();
  for (const [k, v] of Object.entries(fill)) await page.getByTestId(`dispute-step-${action}-${k}`).fill(v);
  const reloaded = page.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/disputes\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname));
  await page.getByTestId(`dispute-step-${action}-submit`).click();
  if (confirm) await page.getByTestId(`dispute-step-${action}-confirm-ok`).click();
  const { status } = (await (await reloaded).json()) as { status: string };
  await expect.poll(() => page.getByTestId('dispute-detail').getAttribute('data-status')).toBe(status);
  return status;
}

describe('labour-dispute mediation', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  const open = () => openPage(env);

  let caseNo = '';

  it('a worker applies for mediation on a phone and follows the case with its number and mobile', async () => {
    const d = prepare(await env.newPage());
    await env.login(d, 'district');
    const centre = (await d.getByTestId('header-org').innerText()).trim();
    await closeContext(d);

    const page = await open();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/mediation');
    await page.getByTestId('mediation-apply-form').waitFor();
    await choose(page, 'mediation-apply-orgId', centre);
    await choose(page, 'mediation-apply-type', '拖欠工资');
    await page.getByTestId('mediation-apply-employerName').fill('江城测试物流有限公司');
    await page.getByTestId('mediation-apply-facts').fill('公司拖欠我两个月工资共一万元。');
    await page.getByTestId('mediation-apply-outcomeSought').fill('支付拖欠工资一万元。');
    await page.getByTestId('mediation-apply-applicant-0-name').fill('骑手王小明');
    await page.getByTestId('mediation-apply-applicant-0-mobile').fill(MOBILE);
    await page.getByTestId('mediation-apply-consent').check();
    await env.shot(page, 'dispute-apply-phone');
    await page.getByTestId('mediation-apply-submit').click();
    const done = page.getByTestId('mediation-apply-done');
    await done.waitFor();
    caseNo = (await done.getAttribute('data-case-no'))!;
    expect(caseNo).toMatch(/^TJ\d{10}$/);
    await env.shot(page, 'dispute-apply-done');

    await page.goto(`/mediation/status?caseNo=${caseNo}`);
    await page.getByTestId('mediation-status-mobile').fill('13900000000');
    await page.getByTestId('mediation-status-submit').click();
    await page.getByTestId('mediation-status-error').waitFor();
    await page.getByTestId('mediation-status-mobile').fill(MOBILE);
    await page.getByTestId('mediation-status-submit').click();
    const result = page.getByTestId('mediation-status-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('received');
    await env.shot(page, 'dispute-follow-phone');
    await closeContext(page);
  }, 240_000);

  it('a district cadre assigns a mediator, records a session and the agreement, and closes the case', async () => {
    const page = await open();
    await env.login(page, 'district');
    await page.getByTestId('menu-disputes').click();
    await page.getByTestId('disputes-table').waitFor();
    await page.goto(`/disputes?q=${caseNo}`);
    await page.getByTestId(`dispute-link-${caseNo}`).click();
    await page.getByTestId('dispute-detail').waitFor();
    expect(await page.getByTestId('dispute-detail').getAttribute('data-status')).toBe('received');
    await page.getByTestId('dispute-clock-mediation').waitFor();
    await env.shot(page, 'dispute-received');

    expect(await step(page, 'assign')).toBe('mediating');
    expect((await page.getByTestId('dispute-mediator').innerText()).trim()).not.toBe('—');
    expect(await step(page, 'session', { notes: '双方到场，用人单位同意分两期支付。' })).toBe('mediating');
    await page.getByTestId('dispute-action-agree').click();
    await page.getByTestId('dispute-step-agree-modal').waitFor();
    await page.getByTestId('dispute-step-agree-terms').fill('被申请人于本月底前支付申请人工资一万元。');
    await page.getByTestId('dispute-step-agree-amountFen').fill('10000');
    await env.shot(page, 'dispute-agree-form');
    await page.keyboard.press('Escape');
    await page.getByTestId('dispute-step-agree-modal').waitFor({ state: 'hidden' });
    expect(await step(page, 'agree', { terms: '被申请人于本月底前支付申请人工资一万元。', amountFen: '10000' }, true)).toBe('agreed');
    await page.getByTestId('dispute-clock-confirmation').waitFor();
    await env.shot(page, 'dispute-agreed');

    // Evidence, the payment schedule, the three signatures, the agreement PDF and the payment.
    await page.getByRole('tab', { name: '证据与协议' }).click();
    const records = page.getByTestId('dispute-records');
    await records.waitFor();
    await records.locator('input[type=file]').first().setInputFiles({ name: '工资条.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('dispute-ev-table').getByText('工资条.pdf').waitFor();
    await page.getByTestId('dispute-schedule').click();
    await page.getByTestId('dispute-rec-schedule-modal').waitFor();
    await page.getByTestId('dispute-pay-count').fill('1');
    await page.getByTestId('dispute-rec-schedule-amount0').fill('10000');
    await fillDate(page, 'dispute-rec-schedule-due0', todayInChina());
    await page.getByTestId('dispute-rec-schedule-submit').click();
    await page.getByTestId('dispute-instalment-1').waitFor();
    for (const name of ['骑手王小明', '江城测试物流有限公司 李经理', '调解员陈明']) {
      await page.getByTestId('dispute-sign').click();
      const modal = page.getByTestId('dispute-rec-sign-modal');
      await modal.waitFor();
      await chooseFirst(page, 'dispute-rec-sign-role');
      await page.getByTestId('dispute-rec-sign-signerName').fill(name);
      await modal.locator('input[type=file]').setInputFiles({ name: '签字页.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByTestId('dispute-rec-sign-submit').click();
      await modal.waitFor({ state: 'hidden' });
      await page.getByTestId('dispute-signatures').getByText(name).waitFor();
    }
    await page.getByTestId('dispute-signed-all').waitFor();
    const pdf = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/agreement.pdf'));
    await page.getByTestId('dispute-agreement-pdf').click();
    const pdfRes = await pdf;
    expect(pdfRes.status()).toBe(200);
    expect(pdfRes.headers()['content-type']).toContain('application/pdf');
    await page.getByTestId('dispute-pay').click();
    await page.getByTestId('dispute-rec-pay-modal').waitFor();
    await page.getByTestId('dispute-rec-pay-submit').click();
    await page.getByTestId('dispute-instalment-1').getByText('已付').waitFor();
    await expect.poll(async () => page.getByTestId('dispute-paid').innerText()).toContain('10,000.00 / 协议金额');
    await env.shot(page, 'dispute-agreement-paid');

    expect(await step(page, 'close', {}, true)).toBe('closed');
    await page.getByText('结案').first().waitFor();
    await closeContext(page);
  }, 240_000);

  it('the dashboard shows the overdue clocks; the card opens those cases', async () => {
    const page = await open();
    await env.login(page, 'district');
    await page.goto('/dashboard');
    const card = page.getByTestId('dispute-dash-overdue');
    await card.waitFor();
    await expect.poll(async () => Number((await card.locator('.ant-statistic-content-value').innerText()).replaceAll(',', ''))).toBeGreaterThan(0);
    await page.getByTestId('dispute-dashboard').scrollIntoViewIfNeeded();
    await env.shot(page, 'dispute-dashboard');
    await card.click();
    await page.waitForURL(/\/disputes\?overdue=true/);
    const rows = page.getByTestId('disputes-table').locator('.ant-table-row');
    await rows.first().waitFor();
    await rows.first().locator('[data-overdue=true]').waitFor();
    await env.shot(page, 'dispute-overdue-list');
    await closeContext(page);
  }, 180_000);

  it('a 12351 call that asks for legal aid opens a request, which a lawyer takes and closes', async () => {
    const page = await open();
    await env.login(page, 'district');
    const centre = (await page.getByTestId('header-org').innerText()).trim();
    await page.getByTestId('menu-hotline').click();
    await page.getByTestId('hotline-table').waitFor();
    await page.getByTestId('hotline-new').click();
    await page.getByTestId('hotline-form-modal').waitFor();
    await choose(page, 'hotline-form-orgId', centre, centre.slice(0, 4));
    await page.getByTestId('hotline-form-callerName').fill('来电人赵九');
    await choose(page, 'hotline-form-topic', '拖欠工资');
    await page.getByTestId('hotline-form-summary').fill('工地拖欠三个月工资，请求律师帮助申请仲裁。');
    await choose(page, 'hotline-form-result', '转法律援助');
    await choose(page, 'hotline-form-aidKind', '仲裁代理');
    const made = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/hotline-calls');
    await page.getByTestId('hotline-form-submit').click();
    const { legalAid } = (await (await made).json()) as { legalAid: { requestNo: string } };
    await env.shot(page, 'hotline-log');

    await page.goto(`/legal-aid?q=${legalAid.requestNo}`);
    await page.getByTestId(`legal-aid-assign-${legalAid.requestNo}`).click();
    await page.getByTestId('legal-aid-assign-submit').click();
    await page.getByTestId(`legal-aid-close-${legalAid.requestNo}`).click();
    await choose(page, 'legal-aid-close-outcomeKind', '诉求得到支持');
    await page.getByTestId('legal-aid-close-outcome').fill('代理仲裁，裁决支持全部工资。');
    await page.getByTestId('legal-aid-close-hours').fill('6.5');
    await page.getByTestId('legal-aid-close-submit').click();
    await page.getByTestId('legal-aid-close-confirm-ok').click();
    const row = page.getByTestId(`legal-aid-row-${legalAid.requestNo}`);
    await row.getByTestId('legal-aid-status-closed').waitFor();
    await env.shot(page, 'legal-aid-closed');
    await closeContext(page);
  }, 240_000);

  it('wage arrears: the board and the campaign list; a recovery in two payments clears a case', async () => {
    const page = await open();
    await env.login(page, 'district');
    await page.getByTestId('menu-wage-arrears').click();
    await page.getByTestId('wage-board').waitFor();
    await page.goto('/wage-arrears?campaign=true');
    await page.getByTestId('wage-campaign').waitFor();
    const first = page.getByTestId('wage-table').locator('.ant-table-row').first();
    await first.waitFor();
    await env.shot(page, 'wage-arrears-campaign');
    const caseNo = ((await first.getAttribute('data-testid')) ?? '').replace('wage-row-', '');
    const outstanding = await first.locator('td').nth(5).innerText();
    const fen = Number(outstanding.replace(/[¥,]/g, '')) * 100;
    expect(fen).toBeGreaterThan(0);
    const pay = async (yuanAmount: string) => {
      await page.getByTestId(`wage-recover-${caseNo}`).click();
      await page.getByTestId('wage-recover-amountFen').fill(yuanAmount);
      await page.getByTestId('wage-recover-submit').click();
      await page.getByTestId('wage-recover-modal').waitFor({ state: 'hidden' });
    };
    await page.goto(`/wage-arrears?q=${caseNo}`);
    await page.getByTestId(`wage-row-${caseNo}`).waitFor();
    const half = Math.floor(fen / 2);
    await pay((half / 100).toFixed(2));
    await page.getByTestId(`wage-row-${caseNo}`).getByTestId('wage-status-open').waitFor();
    await pay(((fen - half) / 100).toFixed(2));
    await page.getByTestId(`wage-row-${caseNo}`).getByTestId('wage-status-cleared').waitFor();
    await env.shot(page, 'wage-arrears-cleared');
    await closeContext(page);
  }, 240_000);
});
