import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { z } from 'zod';
import type { SelfCheckResult } from '../../../../../common/src/contracts/hardship-public';
import { renderApp } from '../../../test/render';
import SelfCheckPage from './SelfCheckPage';

const answer = (tier: string | null): z.infer<typeof SelfCheckResult> => ({
  result: {
    tier, status: 'ok', evaluatedOn: '2026-12-04', ruleVersion: 'ZJ-2025-1', ruleSetEffectiveFrom: '2025-07-01',
    line: { id: 'l1', regionCode: '330108', effectiveFrom: '2025-07-01', monthlyFen: 132_500, source: '杭民发〔2025〕30号', weak: false },
    netAnnualFen: 2_400_000, householdSize: 3, perCapitaMonthlyFen: 66_667, ratioPermille: 503,
    accident: { disaster: false, workAccident: false, costFen: 0, costSharePermille: null, costRuleMet: false, met: false },
    migrant: { applies: true, monthsInCity: 24, required: 6, ok: true }, explanation: '人均月收入低于低保标准。',
  },
  nextSteps: [{ zh: '联系所在单位工会', en: 'Contact your union' }], stored: false,
});

describe('hardship self-check', () => {
  it('asks for the income and, for a migrant worker, the months in the city; sends money in fen; offers to apply when a tier may apply', async () => {
    let tier: string | null = 'deep';
    const { sent } = renderApp(<SelfCheckPage />, { url: '/hardship/self-check', routes: { 'POST /api/hardship/self-check': () => answer(tier) } });
    expect((await screen.findByTestId('hs-selfcheck-not-stored')).textContent).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('hs-selfcheck-migrant')).getByText('是'));
    await screen.findByTestId('hs-selfcheck-months'); // asked only of a migrant worker
    await act(async () => fireEvent.click(screen.getByTestId('hs-selfcheck-submit')));
    expect(await screen.findByText('请填写家庭年收入')).toBeTruthy();
    expect(await screen.findByText('请填写在城市务工的月数')).toBeTruthy();
    expect(sent.some((s) => s.method === 'POST')).toBe(false);
    const income = screen.getByTestId('hs-selfcheck-annualIncome');
    fireEvent.change(income, { target: { value: '36000' } });
    fireEvent.blur(income);
    fireEvent.change(screen.getByTestId('hs-selfcheck-months'), { target: { value: '24' } });
    await act(async () => fireEvent.click(screen.getByTestId('hs-selfcheck-submit')));
    const result = await screen.findByTestId('hs-selfcheck-result');
    expect(result.dataset.tier).toBe('deep');
    const body = sent.find((s) => s.method === 'POST')!.body as { annualIncomeFen: number; householdSize: number; migrantWorker: boolean; cityWorkSince: string | null };
    expect(body).toMatchObject({ annualIncomeFen: 3_600_000, householdSize: 3, migrantWorker: true });
    expect(body.cityWorkSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.getByTestId('hs-apply-start').textContent).toBe('在线申请困难职工建档');
    tier = null;
    await act(async () => fireEvent.click(screen.getByTestId('hs-selfcheck-submit')));
    await waitFor(() => expect(screen.getByTestId('hs-apply-start').textContent).toBe('情况特殊，仍要在线申请'));
  });
});
