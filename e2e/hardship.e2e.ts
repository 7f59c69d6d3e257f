/**
 * Hardship assistance in the browser: a worker's self-check (public, nothing stored); a district cadre opens a
 * household file after a visit and watches the tier appear with its computation, takes it through
 * check and review to filed, records aid against a budget with an on-screen signature (the budget's
 * remaining amount drops by exactly that much), runs the warning check (the new household near the
 * line raises one warning; a second run raises none) and closes the warning with the action taken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2EEnv } from './harness';
import { choose, chooseFirst, closeContext, openPage, prepare } from './ui';
import { computeIdCheck } from '../common/src/id-number';

const PORT = 3403;
let env: E2EEnv;

const first17 = '11010119860214' + '327';
const HOUSEHOLD = { name: '司马晓川', id: first17 + computeIdCheck(first17), mobile: '13930000017' };
/** One person, 10,800 yuan a year: 900 yuan a month, 1.06 × the city's line of 850 (439900, since 2026-07-01): relative hardship, inside the 1.2 × monitoring band. */
const ANNUAL_INCOME = '10800';
const AID_YUAN = 600;

/** "¥1,234.50" → 123450 fen. */
const fenOf = (text: string) => {
  const m = /¥([\d,]+)\.(\d{2})/.exec(text);
  if (!m) throw new Error(`no amount in "${text}"`);
  return Number(m[1]!.replaceAll(',', '')) * 100 + Number(m[2]);
};

async function workflowStep(page: Page, action: 'check' | 'review'): Promise<string> {
  await page.getByTestId(`hs-action-${action}`).click();
  await page.getByTestId(`hs-action-modal-${action}`).waitFor();
  await page.getByTestId('hs-action-approve').getByText('通过', { exact: true }).click();
  await page.getByTestId('hs-action-note').fill('入户核实情况属实');
  await page.getByTestId('hs-action-submit').click();
  // After the step the page reloads the file: wait for that answer and for the page to show it.
  const reloaded = page.waitForResponse((r) => r.request().method() === 'GET' && /\/api\/hardship\/files\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname));
  await page.getByTestId('hs-action-confirm').click();
  const { status } = (await (await reloaded).json()) as { status: string };
  await expect.poll(() => page.getByTestId('hs-file-detail').getAttribute('data-file-status')).toBe(status);
  return status;
}

describe('hardship assistance', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  /** The page of the running test: screenshotted when the test fails. */
  const open = () => openPage(env);

  let unionName = '';
  let fileUrl = '';

  it('a worker checks their household on the public self-check page, without signing in', async () => {
    const page = await open();
    await page.goto('/login');
    await page.getByTestId('login-link-hardship-self-check').click();
    await page.getByTestId('hs-selfcheck-form').waitFor();
    await page.getByTestId('hs-selfcheck-householdSize').fill('3');
    await page.getByTestId('hs-selfcheck-annualIncome').fill('30000');
    await page.getByTestId('hs-selfcheck-rigidMedical').fill('5000');
    await page.getByTestId('hs-selfcheck-submit').click();
    const result = page.getByTestId('hs-selfcheck-result');
    await result.waitFor();
    // (30,000 − 5,000) ÷ 12 ÷ 3 = 694.44 yuan a month, below the city's 850: deep hardship.
    expect(await result.getAttribute('data-tier')).toBe('deep');
    await expect.poll(() => result.innerText()).toContain('694.44');
    await env.shot(page, 'hardship-self-check');
    await closeContext(page);
  }, 180_000);

  it('a district cadre opens a file after a visit and the tier appears with its computation', async () => {
    const g = prepare(await env.newPage());
    await env.login(g, 'grassroots');
    unionName = (await g.getByTestId('header-org').innerText()).trim();
    await closeContext(g);

    const page = await open();
    await env.login(page, 'district');
    await page.getByTestId('menu-hardship-files').click();
    await page.getByTestId('hs-files-table').waitFor();
    await page.getByTestId('hs-file-new').click();
    await page.getByTestId('hs-file-form').waitFor();
    await choose(page, 'hs-file-form-orgId', unionName, unionName.slice(0, 8));
    await page.getByTestId('hs-file-form-name').fill(HOUSEHOLD.name);
    await page.getByTestId('hs-file-form-idNumber').fill(HOUSEHOLD.id);
    await page.getByTestId('hs-file-form-mobile').fill(HOUSEHOLD.mobile);
    await choose(page, 'hs-file-form-health', '健康');
    await choose(page, 'hs-file-form-employmentStatus', '灵活就业');
    await choose(page, 'hs-file-form-hukouType', '城镇户籍');
    await page.getByTestId('hs-file-form-annualIncome').fill(ANNUAL_INCOME);
    // The region by name (the city), never by its code.
    await page.getByTestId('hs-file-form-regionCode').click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '江城' }).first().click();
    await page.keyboard.press('Escape');
    await choose(page, 'hs-file-form-mainCause', '收入低');
    // Opened after a visit (主动发现): the visit is recorded with the file.
    await page.getByTestId('hs-file-form-visitor').fill('王建国');
    await page.getByTestId('hs-file-form-findings').fill('入户走访：独居，灵活就业收入不稳定');
    await env.shot(page, 'hardship-file-form');
    await page.getByTestId('hs-file-save').click();

    // The detail page: the tier was computed by the server, never typed.
    await page.waitForURL(/\/hardship\/files\/[0-9a-f-]{36}$/);
    fileUrl = new URL(page.url()).pathname;
    const panel = page.getByTestId('tier-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-tier')).toBe('relative');
    await panel.getByTestId('tier-relative').waitFor();
    await expect.poll(() => page.getByTestId('tier-per-capita').innerText()).toContain('900.00');
    await expect.poll(() => page.getByTestId('tier-line').innerText()).toContain('850.00');
    expect(await page.getByTestId('hs-file-id-number').innerText()).not.toContain(HOUSEHOLD.id.slice(6, 14));
    await env.shot(page, 'hardship-file-tier');

    // Check by the union, then the review levels above, until it is filed.
    let status = await workflowStep(page, 'check');
    for (let level = 0; level < 3 && status !== 'filed'; level++) status = await workflowStep(page, 'review');
    expect(await page.getByTestId('hs-file-detail').getAttribute('data-file-status')).toBe('filed');
    await closeContext(page);
  }, 300_000);

  it('records aid against a budget with an on-screen signature; the budget’s remaining amount drops by it', async () => {
    const page = await open();
    await env.login(page, 'district');
    await page.goto(fileUrl);
    await page.getByTestId('hs-file-detail').waitFor();
    await page.getByTestId('hs-aid-new').click();
    await page.getByTestId('hs-aid-modal').waitFor();
    await page.getByTestId('hs-aid-amount').fill(String(AID_YUAN));
    // The way of paying has no default: it decides the proof (cash: a signature or the signed roster).
    await page.getByTestId('hs-aid-method').getByText('现金', { exact: true }).click();

    const budget = await chooseFirst(page, 'hs-aid-budget');
    const budgetId = budget.innerTestId!.replace('hs-aid-budget-option-', '');
    const remainingBefore = fenOf(budget.text);

    // The recipient signs on the screen.
    const pad = page.getByTestId('hs-aid-signature');
    await pad.scrollIntoViewIfNeeded(); // the form is taller than the window: the way of paying and the recipient come first
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + box.height / 2 + (i % 2 ? 25 : -25));
    await page.mouse.up();
    await env.shot(page, 'hardship-aid-modal');
    await page.getByTestId('hs-aid-save').click();
    await page.getByTestId('hs-aid-modal').waitFor({ state: 'hidden' });
    const row = page.getByTestId('hs-aid-table').locator('.ant-table-row', { hasText: `¥${AID_YUAN}.00` });
    await row.first().waitFor();
    await row.first().locator('[data-testid^=hs-aid-receipt-]').waitFor();
    // Paid to the head of the household by default, and shown as such.
    expect(await row.first().locator('[data-testid^=hs-aid-recipient-]').innerText()).toContain('（本人）');

    await page.goto('/hardship/aid');
    await page.getByTestId('hs-aid-tab-budgets').click();
    const remaining = page.getByTestId(`hs-budget-remaining-${budgetId}`);
    await remaining.waitFor();
    await expect.poll(async () => fenOf(await remaining.innerText())).toBe(remainingBefore - AID_YUAN * 100);
    await env.shot(page, 'hardship-budgets');
    await closeContext(page);
  }, 240_000);

  it('lists the payments still without their proof (待补签领) and adds one later: the row leaves the list', async () => {
    const page = await open();
    await env.login(page, 'district');
    await page.goto('/hardship/aid?proof=pending');
    const first = page.locator('[data-testid^=hs-aid-proof-add-]').first();
    await first.waitFor();
    const id = (await first.getAttribute('data-testid'))!.replace('hs-aid-proof-add-', '');
    await env.shot(page, 'hardship-aid-pending');
    await first.click();
    await page.getByTestId('hs-proof-modal').waitFor();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 7)]);
    await page.getByTestId('hs-proof-modal').locator('input[type=file]').setInputFiles({ name: 'signed-roster.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('hs-proof-kind').locator('.ant-radio-wrapper').first().click();
    await env.shot(page, 'hardship-aid-proof');
    await page.getByTestId('hs-proof-save').click();
    await page.getByTestId('hs-proof-modal').waitFor({ state: 'hidden' });
    await page.getByTestId(`hs-aid-row-${id}`).waitFor({ state: 'detached' });
    await closeContext(page);
  }, 240_000);

  it('a relapse is evaluated on the current figures: refused with the numbers and still monitored, or back to the check', async () => {
    const page = await open();
    await env.login(page, 'district');
    await page.goto('/hardship/files');
    const exited = (await (await page.request.get('/api/hardship/files?status=exited&pageSize=1')).json()) as { items: { id: string }[] };
    await page.goto(`/hardship/files/${exited.items[0]!.id}`);
    await page.getByTestId('hs-file-detail').waitFor();
    const relapse = async (annualYuan: string | null) => {
      await page.getByTestId('hs-action-relapse').click();
      await page.getByTestId('hs-action-modal-relapse').waitFor();
      if (annualYuan !== null) await page.getByTestId('hs-action-annualIncome').fill(annualYuan);
      await page.getByTestId('hs-action-note').fill('家庭成员患病，收入下降');
      await page.getByTestId('hs-action-submit').click();
      await page.getByTestId('hs-action-confirm').click();
      const result = page.getByTestId('hs-relapse-result');
      await result.waitFor();
      const eligible = await result.getAttribute('data-eligible');
      const text = await result.innerText();
      await env.shot(page, `hardship-relapse-${eligible === 'true' ? 'eligible' : 'refused'}`);
      // The confirmation that asked before the call may still be fading out: close the modal that holds the result.
      const resultModal = page.locator('.ant-modal-confirm', { has: result });
      await resultModal.locator('.ant-modal-confirm-btns button').click();
      await resultModal.waitFor({ state: 'hidden' });
      return { eligible, text };
    };
    // With an income far above the line, the relapse is refused with the per-person income against it.
    const refused = await relapse('1000000');
    expect(refused.eligible).toBe('false');
    expect(refused.text).toContain('人均月收入');
    expect(refused.text).toContain('低保标准');
    await expect.poll(() => page.getByTestId('hs-file-detail').getAttribute('data-file-status')).toBe('exited');
    // With what the household earns now, it qualifies: back to the union's check, the same file.
    const eligible = await relapse('1000');
    expect(eligible.eligible).toBe('true');
    await expect.poll(() => page.getByTestId('hs-file-detail').getAttribute('data-file-status')).toBe('applied');
    await page.getByTestId('hs-action-check').waitFor();
    await closeContext(page);
  }, 240_000);

  it('runs the warning check: the household near the line raises one warning, a second run none; closing needs the action taken', async () => {
    const page = await open();
    await env.login(page, 'district');
    await page.getByTestId('menu-hardship-warnings').click();
    await page.getByTestId('hs-warnings-table').waitFor();

    await page.getByTestId('hs-warning-scan').click();
    const result = page.getByTestId('hs-warning-scan-result');
    await result.waitFor();
    expect(Number(await result.getAttribute('data-raised'))).toBeGreaterThanOrEqual(1);
    await result.getByTestId('hs-warning-scan-rule-near_line').waitFor();
    await env.shot(page, 'hardship-warning-scan');

    await page.getByTestId('hs-warning-scan').click();
    // The result panel stays on the page and is replaced by the second run's answer.
    await expect.poll(async () => Number(await page.getByTestId('hs-warning-scan-result').getAttribute('data-raised')), { timeout: 60_000 }).toBe(0);

    // The household's warnings (the link from its file): exactly one, near the line.
    const fileId = fileUrl.split('/').pop()!;
    await page.goto(`/hardship/warnings?fileId=${fileId}`);
    const row = page.getByTestId('hs-warnings-table').locator('.ant-table-row', { hasText: HOUSEHOLD.name });
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    await row.locator('[data-testid^=hs-warning-close-]').click();
    await page.getByTestId('hs-warning-action').waitFor();
    // Without the action taken it is not closed.
    await page.getByTestId('hs-warning-close-submit').click();
    await page.locator('.ant-modal .ant-form-item-explain-error').first().waitFor();
    await page.getByTestId('hs-warning-action').fill('已入户走访，协助办理临时救助并推荐就业岗位');
    await page.getByTestId('hs-warning-close-submit').click();
    await page.getByTestId('hs-warning-action').waitFor({ state: 'hidden' });

    await page.goto(`/hardship/warnings?fileId=${fileId}&status=closed`);
    const closed = page.getByTestId('hs-warnings-table').locator('.ant-table-row', { hasText: HOUSEHOLD.name });
    await closed.locator('[data-testid^=hs-warning-closed-]').getByText('推荐就业岗位').waitFor();
    await env.shot(page, 'hardship-warning-closed');
    await closeContext(page);
  }, 240_000);
});
