import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { RulesOverview } from '../../../../../common/src/contracts/hardship-rules';
import { renderApp, signedIn } from '../../../test/render';
import RulesPage from './RulesPage';

const overview: RulesOverview = {
  today: '2026-12-04',
  ruleSetInForce: { version: 'ZJ-2025-1', effectiveFrom: '2025-07-01' },
  lines: [{ id: 'l1', regionCode: '330108', effectiveFrom: '2025-07-01', monthlyFen: 132_500, source: '杭州市民政局 杭民发〔2025〕30号', weak: false, version: 1 }],
  ruleSets: [{ id: 'r1', version: 'ZJ-2025-1', effectiveFrom: '2025-07-01', params: {}, source: '浙江省总工会困难职工帮扶办法（2025）', weakKeys: [] }],
  caps: [],
};
const ORG = '00000000-0000-7000-8000-000000000002';
const district = { id: ORG, parentId: '00000000-0000-7000-8000-000000000001', name: '滨江区总工会' };

describe('hardship rules', () => {
  it('shows the lines with their sources and the rule set in force, read-only for a reader', async () => {
    renderApp(<RulesPage />, { me: signedIn({}, ['hardship.read']), routes: { 'GET /api/hardship/rules': () => overview } });
    expect((await screen.findByTestId('hs-rules-in-force')).textContent).toBe('现行规则 ZJ-2025-1（2025-07-01 起）');
    expect(screen.getByTestId('hs-line-row-l1').textContent).toContain('杭州市民政局 杭民发〔2025〕30号');
    expect(screen.getByTestId('hs-rules-alert').textContent).toContain('仅供查阅');
    expect(screen.queryByTestId('hs-line-new')).toBeNull();
  });

  it('lets a rule manager below the top organisation read but not change them, as the server would refuse', async () => {
    const { sent } = renderApp(<RulesPage />, {
      me: signedIn({ orgId: ORG }, ['hardship.read', 'rule.manage', 'org.read']),
      routes: { 'GET /api/hardship/rules': () => overview, [`GET /api/orgs/${ORG}`]: () => district },
    });
    await screen.findByTestId('hs-line-row-l1');
    await waitFor(() => expect(sent.some((s) => s.url.pathname === `/api/orgs/${ORG}`)).toBe(true));
    await waitFor(() => expect(screen.getByTestId('hs-rules-alert').textContent).toContain('仅供查阅'));
    expect(screen.queryByTestId('hs-line-new')).toBeNull();
  });

  it('lets a rule manager with the whole platform in scope change them', async () => {
    const me = { ...signedIn({ orgId: ORG }, ['hardship.read', 'rule.manage']), scope: { all: true, subtreeCount: 300, orgCount: 300 } };
    renderApp(<RulesPage />, { me, routes: { 'GET /api/hardship/rules': () => overview } });
    expect(await screen.findByTestId('hs-line-new')).toBeTruthy();
    expect(screen.getByTestId('hs-rules-alert').textContent).not.toContain('仅供查阅');
  });
});
