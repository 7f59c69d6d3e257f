/**
 * Honours in the browser (docs/achievement.md): a city call with a district's quota; a unit's
 * nominations; the quota check refusing a list one teacher short (needed, have, short by) and passing
 * it with one more; review; each agency's clearance; the public notice, where someone objects without
 * signing in; the objection answered by the reviewing body; approval waiting for the notice to end.
 * Then a district call whose notice has ended: approval, the certificate, the holder on the member record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2EEnv } from './harness';
import { choose, closeContext, openPage, prepare } from './ui';

const PORT = 3107;
/** The machine is slow and shared: UI waits poll for up to 30 s. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });
let env: E2EEnv;
const CALL = '江城市五一劳动奖章评选（浏览器测试）';
const UNIT = '滨江高新技术产业园区联合工会委员会';
const AGENCIES = ['discipline', 'market', 'tax', 'audit', 'work_safety', 'environment', 'social_insurance'];

interface Nominee {
  name: string;
  occupation: string;
  flags: string[];
}
const A: Nominee = { name: '甲产业工人', occupation: '产业工人', flags: ['农民工', '非公有制企业'] };
const B: Nominee = { name: '乙产业工人', occupation: '产业工人', flags: ['新就业形态', '非公有制企业'] };
const C: Nominee = { name: '丙技术员', occupation: '其他一线职工和专业技术人员', flags: [] };
const D: Nominee = { name: '丁教师', occupation: '教师和科研人员', flags: [] };

async function nominate(page: Page, n: Nominee) {
  await page.getByTestId('honor-nominate').click();
  await page.getByTestId('honor-nom-form').waitFor();
  await choose(page, 'honor-nom-form-orgId', UNIT, '滨江高新');
  await page.getByTestId('honor-nom-form-name').fill(n.name);
  await page.getByTestId('honor-nom-form-employer').fill('滨江高新区演示企业');
  await choose(page, 'honor-nom-form-occupation', n.occupation);
  for (const f of n.flags) await page.getByTestId('honor-nom-form-flags').getByText(f, { exact: true }).click();
  await page.getByTestId('honor-nom-form-deeds').fill('扎根一线多年，完成技术革新多项，带出徒弟二十余名。');
  await page.getByTestId('honor-nom-form-recommendation.votesFor').fill('80');
  await page.getByTestId('honor-nom-form-recommendation.votesTotal').fill('95');
  await page.getByTestId('honor-nom-save').click();
  await page.getByTestId(`honor-nom-link-${n.name}`).waitFor();
}

/** Open a nomination from the call's list, take one step (with its confirmation), come back. */
async function stepOn(page: Page, name: string, action: string, expected: string) {
  await page.getByTestId(`honor-nom-link-${name}`).click();
  await page.getByTestId(`honor-nom-${action}`).click();
  await page.getByTestId(`honor-nom-${action}-ok`).click();
  await poll(() => page.getByTestId('honor-nom').getAttribute('data-status')).toBe(expected);
  await page.goBack();
  await page.getByTestId(`honor-nom-link-${name}`).waitFor();
}

async function callStep(page: Page, action: string, expected: string) {
  await page.getByTestId(`honor-call-${action}`).click();
  await page.getByTestId(`honor-call-${action}-ok`).click();
  await poll(() => page.getByTestId('honor-call').getAttribute('data-status')).toBe(expected);
}

describe('honours from call to record', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  const open = () => openPage(env);

  let callUrl = '';

  it('call → nominations → the quota check with its numbers → submission → review → clearance → public notice', async () => {
    const page = await open();
    await env.login(page, 'admin');
    await page.goto('/honors/calls');
    await page.getByTestId('honor-call-new').click();
    await choose(page, 'honor-call-form-orgId', '江城市总工会', '江城市总工会');
    await page.getByTestId('honor-call-form-title').fill(CALL);
    await page.getByTestId('honor-call-save').click();
    await poll(() => page.getByTestId('honor-call').getAttribute('data-status')).toBe('draft');
    callUrl = new URL(page.url()).pathname;
    // The ACFTU 2022 floors are the call's defaults.
    await page.getByTestId('honor-call-floors-industrial_worker-labor_medal').waitFor();
    await page.getByTestId('honor-quota-add').click();
    await choose(page, 'honor-quota-form-orgId', '滨江区总工会', '滨江区总工会');
    await page.getByTestId('honor-quota-form-n').fill('4');
    await page.getByTestId('honor-quota-save').click();
    await page.getByTestId('honor-quotas').getByText('滨江区总工会').waitFor();
    await callStep(page, 'open', 'nominating');

    for (const n of [A, B, C]) await nominate(page, n);
    for (const n of [A, B, C]) await stepOn(page, n.name, 'endorse', 'endorsed');
    await choose(page, 'honor-check-org', '滨江区总工会', '滨江区总工会');
    await page.getByTestId('honor-check-run').click();
    const result = page.getByTestId('honor-check-result');
    await poll(() => result.getAttribute('data-passes')).toBe('false');
    // Three medals: teachers and researchers ≥ 20% needs 1, the list has 0.
    await poll(() => result.innerText()).toContain('教师和科研人员应不少于20%（3人中1人），现有0人，差1人');
    await env.shot(page, 'honor-quota-check-fails');

    await nominate(page, D);
    await stepOn(page, D.name, 'endorse', 'endorsed');
    await choose(page, 'honor-check-org', '滨江区总工会', '滨江区总工会');
    await page.getByTestId('honor-check-run').click();
    await poll(() => result.getAttribute('data-passes')).toBe('true');
    await page.getByTestId('honor-check-submit').click();
    await poll(() => page.getByTestId('honor-quotas').innerText()).toContain('是');

    await callStep(page, 'close', 'reviewing');
    for (const n of [A, B, C, D]) await stepOn(page, n.name, 'review', 'recommended');

    // Clearance of A by all seven agencies.
    await page.getByTestId(`honor-nom-link-${A.name}`).click();
    for (const a of AGENCIES) {
      await page.getByTestId(`honor-clear-${a}`).click();
      await page.getByTestId('honor-clear-save').click();
      await poll(() => page.getByTestId(`honor-clearance-${a}`).getAttribute('data-result')).toBe('clear');
    }
    await env.shot(page, 'honor-clearance');
    await page.goBack();
    await page.getByTestId('honor-call-publish').click();
    await page.getByTestId('honor-publish-save').click();
    await poll(() => page.getByTestId('honor-call').getAttribute('data-status')).toBe('notice');
    await env.shot(page, 'honor-call-notice');
    await closeContext(page);
  }, 900_000);

  it('anyone objects on the public notice; the reviewing body answers; approval waits for the notice to end', async () => {
    const callId = callUrl.split('/').pop()!;
    const pub = prepare(await env.browser.newPage({ baseURL: env.baseUrl, viewport: { width: 390, height: 844 } }));
    await pub.goto(`/notices/${callId}`);
    await pub.getByTestId(`public-nominee-${A.name}`).waitFor();
    expect(await pub.getByTestId('public-notice-nominees').innerText()).not.toMatch(/\d{17}[\dX]|1\d{10}/);
    await choose(pub, 'public-objection-nominee', A.name);
    await pub.getByTestId('public-objection-content').fill('反映该同志的技术革新成果署名存在争议，请核实。');
    await pub.getByTestId('public-objection-contact').fill('13912345678');
    await pub.getByTestId('public-objection-submit').click();
    await pub.getByTestId('public-objection-done').waitFor();
    await env.shot(pub, 'honor-public-notice');
    await closeContext(pub);

    const page = await open();
    await env.login(page, 'admin');
    await page.goto(callUrl);
    const objections = page.getByTestId('honor-objections');
    await objections.getByText('139****78').waitFor();
    expect(await objections.innerText()).not.toContain('13912345678');
    await objections.locator('[data-testid^="honor-objection-answer-"]').first().click();
    await page.getByTestId('honor-answer-form-finding').getByText('反映不实').click();
    await page.getByTestId('honor-answer-form-answer').fill('经核实，技术革新成果署名无误。');
    await page.getByTestId('honor-answer-save').click();
    await objections.getByText('经核实，技术革新成果署名无误。').waitFor();
    await page.getByTestId(`honor-nom-link-${A.name}`).click();
    await poll(() => page.getByTestId('honor-nom-blockers').innerText()).toContain('期满后方可批准');
    expect(await page.getByTestId('honor-nom-approve').isDisabled()).toBe(true);
    await closeContext(page);
  }, 600_000);

  it('a nominee whose notice has ended and who is cleared is approved; the honour shows on the member record', async () => {
    const page = await open();
    await env.login(page, 'district');
    await page.goto('/honors/calls?status=notice');
    await page.getByText('先进工作者评选').first().click();
    await page.getByTestId('honor-call-nominations-page').locator('[data-testid^="honor-nom-link-"]').first().click();
    await page.getByTestId('honor-nom-approve').click();
    await page.getByTestId('honor-nom-approve-ok').click();
    await poll(() => page.getByTestId('honor-nom').getAttribute('data-status')).toBe('approved');
    await poll(() => page.getByTestId('honor-nom-approved').innerText()).toMatch(/RY\d{10}/);
    await page.getByTestId('honor-nom-approved').getByRole('link').click();
    await page.getByTestId('honor-record').waitFor();
    await page.getByTestId('honor-record-fields').getByRole('link', { name: '查看' }).first().click();
    await page.getByTestId('member-honors').getByText('区（县）先进工作者').waitFor();
    await env.shot(page, 'honor-on-member-record');
    await closeContext(page);
  }, 300_000);
  it('a contest with its figures and ranked entries, a studio with its alliance and results, the dashboard sections', async () => {
    const page = await open();
    await env.login(page, 'admin');
    await page.goto('/competitions?level=national');
    await page.getByTestId('competitions-table').getByRole('link').first().click();
    await page.getByTestId('competition-figures').waitFor();
    await page.getByTestId('competition-entries').getByText('一等奖').first().waitFor();
    await env.shot(page, 'competition-detail');
    await page.goto('/studios');
    await page.getByTestId('studio-alliances').getByText('江城市智能制造创新工作室联盟').waitFor();
    await env.shot(page, 'studios');
    await page.getByTestId('studios-table').getByRole('link').first().click();
    await page.getByTestId('studio-results').waitFor();
    await env.shot(page, 'studio-detail');
    await page.goto('/dashboard');
    await page.getByTestId('dash-honor').waitFor();
    await page.getByTestId('dash-achievement').waitFor();
    await env.shot(page, 'dashboard-achievement');
    await closeContext(page);
  }, 300_000);
});
