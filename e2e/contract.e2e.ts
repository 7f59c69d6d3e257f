/**
 * Collective bargaining in the browser (docs/contracts.md): a district cadre sends a written request
 * for an employer without a contract, records the answer, the negotiators and a round, drafts from
 * the clause library, records the congress vote (a vote short of a majority of all delegates is
 * refused on screen), both chiefs sign, the contract is filed and, its review period past, takes
 * effect; the district's coverage figure moves by one employer and its workers.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2EEnv } from './harness';
import { choose, prepare } from './ui';
import { addDays, todayInChina } from '../common/src/dates';

const PORT = 3406;
let env: E2EEnv;
const day = (n: number) => addDays(todayInChina(), n);

async function fillDate(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** Open a step's form from its button, fill it, submit, and wait for the record to reach `status`. */
async function stepTo(page: Page, action: string, form: string, fill: () => Promise<void>, status: string) {
  await page.getByTestId(`contract-action-${action}`).click();
  await page.getByTestId(`contract-step-${form}`).waitFor();
  await fill();
  await page.getByTestId(`contract-step-${form}-submit`).click();
  await page.getByTestId(`contract-step-${form}`).waitFor({ state: 'detached' });
  await page.getByTestId('contract-detail').getByTestId(`contract-status-${status}`).waitFor();
}

describe('collective bargaining', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  it('request → answer → rounds → congress vote → signing → filing → in force, and the coverage figure moves', async () => {
    const page = prepare(await env.newPage());
    onTestFailed(async () => {
      await env.shot(page, 'FAIL-contract-main-path').catch(() => undefined);
    });
    await env.login(page, 'district');

    // An employer of the district with no bargaining at all, 100–999 workers (a congress of at least 30 votes).
    const orgs = (await (await page.request.get('/api/orgs?level=grassroots&kind=enterprise&pageSize=100&sort=code&order=asc')).json()) as {
      items: { id: string; name: string; employeeCount: number | null }[];
    };
    let employer: { id: string; name: string; employeeCount: number | null } | undefined;
    for (const o of orgs.items.filter((x) => (x.employeeCount ?? 0) >= 100 && (x.employeeCount ?? 0) < 1000)) {
      const hits = (await (await page.request.get(`/api/contracts?q=${encodeURIComponent(o.name)}`)).json()) as { total: number };
      if (hits.total === 0) {
        employer = o;
        break;
      }
    }
    expect(employer, 'an employer of the district without a contract').toBeTruthy();
    const workers = employer!.employeeCount!;

    await page.goto('/contracts/coverage');
    await page.getByTestId('coverage-total-covered').waitFor();
    const coveredBefore = Number(await page.getByTestId('coverage-total-covered').innerText());
    const workersBefore = Number((await page.getByTestId('coverage-total-workers').innerText()).replaceAll(',', ''));
    await env.shot(page, 'contract-coverage-before');

    // The written request (要约): the answer is due in 20 calendar days.
    await page.goto('/contracts');
    await page.getByTestId('contract-new').click();
    await page.getByTestId('contract-form').waitFor();
    await page.getByTestId('contract-form-title').fill(`${employer!.name}集体合同`);
    await choose(page, 'contract-form-partyOrgIds', employer!.name, employer!.name.slice(0, 6));
    await fillDate(page, 'contract-form-requestOn', day(-60));
    await env.shot(page, 'contract-request-form');
    await page.getByTestId('contract-form-submit').click();
    await page.getByTestId('contract-detail').getByTestId('contract-status-requested').waitFor();
    await page.getByTestId('contract-clock').waitFor();

    await stepTo(
      page,
      'answer',
      'answer',
      async () => {
        await fillDate(page, 'contract-step-answer-answeredOn', day(-55));
        await page.getByTestId('contract-step-answer-answer').fill('企业书面回复：同意开展集体协商。');
      },
      'negotiating',
    );

    // Three a side with a chief each.
    await page.getByTestId('contract-action-negotiators').click();
    await page.getByTestId('contract-step-negotiators').waitFor();
    const names = ['周建国', '吴秀兰', '郑海涛', '王志刚', '冯丽', '陈明'];
    for (const [i, n] of names.entries()) await page.getByTestId(`contract-seat-${i}-name`).fill(n);
    await page.getByTestId('contract-step-negotiators-submit').click();
    await page.getByTestId('contract-step-negotiators').waitFor({ state: 'detached' });
    await page.getByTestId('contract-negotiators').getByText('周建国').waitFor();

    await page.getByTestId('contract-action-round').click();
    await page.getByTestId('contract-step-round').waitFor();
    await fillDate(page, 'contract-step-round-heldOn', day(-50));
    await page.getByTestId('contract-step-round-minutes').fill('第一次协商：双方就年度工资调整幅度交换意见。');
    await page.getByTestId('contract-step-round-agreed').fill('工作时间与休息休假');
    await page.getByTestId('contract-step-round-submit').click();
    await page.getByTestId('contract-round-1').waitFor();

    // The draft from the clause library.
    await stepTo(
      page,
      'draft',
      'draft',
      async () => {
        for (const [i, clause] of ['年度工资调整', '女职工特殊保护'].entries()) {
          await page.getByTestId('contract-clause-library').click();
          await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: clause }).first().click();
          await page.getByTestId(`contract-clause-${i}`).waitFor();
        }
        await env.shot(page, 'contract-draft');
      },
      'draft',
    );

    // The congress vote: 30 delegates, 20 present, 15 for is a majority of those present but not of all: refused.
    await page.getByTestId('contract-action-vote').click();
    await page.getByTestId('contract-step-vote').waitFor();
    await fillDate(page, 'contract-step-vote-heldOn', day(-45));
    await page.getByTestId('contract-step-vote-delegates').fill('30');
    await page.getByTestId('contract-step-vote-present').fill('20');
    await page.getByTestId('contract-step-vote-for').fill('15');
    await page.getByTestId('contract-step-vote-against').fill('5');
    await page.getByTestId('contract-vote-check').getByText('赞成票应超过全体代表的半数（16票）').waitFor();
    await page.getByTestId('contract-step-vote-submit').click();
    // The server's refusal lands on the form, with the numbers.
    await page
      .getByTestId('contract-step-vote')
      .getByText(/表决未通过.*赞成票应超过全体代表的半数（16票），现有15票，差1票/)
      .first()
      .waitFor();
    await env.shot(page, 'contract-vote-refused');
    await page.getByTestId('contract-step-vote-for').fill('16');
    await page.getByTestId('contract-step-vote-against').fill('4');
    await page.getByTestId('contract-step-vote-submit').click();
    await page.getByTestId('contract-step-vote').waitFor({ state: 'detached' });
    await page.getByTestId('contract-detail').getByTestId('contract-status-adopted').waitFor();

    await stepTo(page, 'sign', 'sign', () => fillDate(page, 'contract-step-sign-signedOn', day(-40)), 'signed');
    await page.getByTestId('contract-filing-due').waitFor();
    await stepTo(
      page,
      'file',
      'file',
      async () => {
        await fillDate(page, 'contract-step-file-filedOn', day(-30));
        await page.getByTestId('contract-step-file-authority').fill('滨江区人力资源和社会保障局');
      },
      'filed',
    );

    // Fifteen days have passed with no objection: in force.
    await page.getByTestId('contract-action-takeEffect').click();
    await page.getByTestId('contract-action-takeEffect-ok').click();
    await page.getByTestId('contract-detail').getByTestId('contract-status-effective').waitFor();
    await expect.poll(() => page.getByTestId('contract-effective-on').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await env.shot(page, 'contract-effective');

    await page.goto('/contracts/coverage');
    await page.getByTestId('coverage-total-covered').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('coverage-total-covered').innerText())).toBe(coveredBefore + 1);
    expect(Number((await page.getByTestId('coverage-total-workers').innerText()).replaceAll(',', ''))).toBe(workersBefore + workers);
    await env.shot(page, 'contract-coverage-after');
  }, 300_000);
  it("a larger employer's congress: the delegate roster and election records, and an election short of the quota refused with the numbers", async () => {
    const page = prepare(await env.newPage());
    onTestFailed(async () => {
      await env.shot(page, 'FAIL-congress-roster').catch(() => undefined);
    });
    await env.login(page, 'district');
    const list = (await (await page.request.get('/api/congresses?pageSize=100')).json()) as {
      items: { id: string; workforce: number; minDelegates: number | null }[];
    };
    const big = list.items.find((k) => k.workforce >= 1000);
    expect(big, 'a demo congress of 1,000 workers or more in the district').toBeTruthy();

    await page.goto(`/congresses/${big!.id}`);
    await page.getByTestId('congress-roster-link').click();
    await page
      .getByTestId('roster-terms')
      .getByText(/第\d+届/)
      .first()
      .waitFor();
    await page.getByTestId('roster-delegates').locator('tbody tr').first().waitFor();
    await env.shot(page, 'congress-roster');

    // One delegate for a workforce of 1,000 or more: refused with the quota and the numbers.
    await page.getByTestId('roster-elect').click();
    await page.getByTestId('election-form').waitFor();
    await page.getByTestId('election-form-electorate').fill(String(big!.workforce));
    await page.getByTestId('election-form-voted').fill(String(big!.workforce - 10));
    await page.getByTestId('delegate-row-0').getByPlaceholder('代表姓名').fill('赵红梅');
    await page.getByTestId('election-form-submit').click();
    await page
      .getByText(new RegExp(`职工${big!.workforce}人应选代表不少于${big!.minDelegates}人，现有1人`))
      .first()
      .waitFor();
    await env.shot(page, 'congress-election-refused');
  }, 120_000);
});
