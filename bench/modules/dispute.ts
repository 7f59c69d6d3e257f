/**
 * Rights protection in the benchmark (docs/rights.md): the dispute cases with their records, legal
 * aid and wage arrears at `scale` × the demo volume (1,500 cases; 10× in the full bench), then the
 * main list, a search, the overdue list and the city's rights dashboard, each beside its own SQL
 * replayed through the driver alone (bench/items/routes.ts). Goal: p95 ≤ 1.5× the raw SQL, and
 * ≤ 100 ms for the city dashboard.
 */
import { sql } from 'drizzle-orm';
import { MODULE_BENCHES, type ModuleBench } from './registry.js';
import { DEMO_DISPUTE_COUNT, seedDemoDisputes } from '../../server/src/seed/demo-dispute.js';

export const disputeBench: ModuleBench = {
  id: 'dispute',
  what: 'labour disputes: list, search, overdue clocks, rights dashboard',
  async seed(s, { scale, log }): Promise<Record<string, number>> {
    const count = Math.max(100, Math.round(DEMO_DISPUTE_COUNT * scale));
    const existing = (await s.db.execute(sql`SELECT count(*)::int AS n FROM dispute_case`)) as unknown as { rows: { n: number }[] };
    if (Number(existing.rows[0]?.n ?? 0) > 0) {
      log(`  dispute: ${existing.rows[0]!.n} cases already present, not seeded again`);
      return { dispute_case: Number(existing.rows[0]!.n) };
    }
    const r = await s.db.transaction((tx) => seedDemoDisputes(tx, s.keys, { count }));
    return { dispute_case: r.cases, mediator: r.mediators, lawyer: r.lawyers, legal_aid_request: r.legalAid, hotline_call: r.calls, wage_arrears: r.arrears };
  },
  routes: [
    { id: 'dispute.list', what: 'disputes: the city’s list, first page', url: '/api/disputes?page=1&pageSize=20', who: 'city', target: { ratio: 1.5 } },
    {
      id: 'dispute.search',
      what: 'disputes: search by employer in a district',
      url: '/api/disputes?q=%E5%BB%BA%E6%9D%90&pageSize=20',
      who: 'district',
      target: { ratio: 1.5 },
    },
    {
      id: 'dispute.overdue',
      what: 'disputes: cases with an overdue clock (city)',
      url: '/api/disputes?overdue=true&pageSize=20',
      who: 'city',
      target: { ratio: 1.5 },
    },
    { id: 'dispute.dashboard', what: 'disputes: the city’s rights dashboard', url: '/api/disputes/dashboard', who: 'city', target: { p95Ms: 100, ratio: 1.5 } },
  ],
};

MODULE_BENCHES.push(disputeBench);
