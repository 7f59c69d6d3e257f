/**
 * Dashboard figures, city-wide and for one district, through the real route (in-process app,
 * app.inject: guard, session, service, serialisation) beside every SQL statement that request sends
 * (captured, incl. the session lookup) replayed raw through the driver.
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/src/platform/context.js';
import { captureSql, explainStatements, replayRaw } from '../lib/db.js';
import { summarise, timeIt } from '../lib/stats.js';
import { fmtMs, fmtRatio, notMeasured, type ItemResult } from '../lib/report.js';

export interface DashboardOptions {
  /** Stop a route after this many seconds once it has 10 measured calls. */
  budgetSeconds: number;
  warmup: number;
  iterations: number;
  target100ms: boolean;
}

export async function runDashboards(
  s: Services, app: FastifyInstance, cookies: { city: string; district: string }, o: DashboardOptions, members: number, log: (m: string) => void,
): Promise<ItemResult[]> {
  const out: ItemResult[] = [];
  for (const route of ['/api/dashboard/members', '/api/dashboard/orgs']) {
    for (const who of ['city', 'district'] as const) {
      const id = `dashboard.${route.split('/').pop()}.${who}`;
      const what = `dashboard ${route.replace('/api/dashboard/', '')} — ${who === 'city' ? 'whole city' : 'one district'}`;
      const target = who === 'city' && route.endsWith('members') ? `p95 ≤ 100 ms${o.target100ms ? '' : ` (for 1M; this run ${members.toLocaleString('en')})`}` : '—';
      if (!app.hasRoute({ method: 'GET', url: route })) {
        out.push(notMeasured(id, what, `route GET ${route} does not exist yet`, target));
        continue;
      }
      const call = async () => {
        const res = await app.inject({ method: 'GET', url: route, headers: { cookie: cookies[who] } });
        if (res.statusCode !== 200) throw new Error(`${route} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
        return res;
      };
      const { statements } = await captureSql(s, call);
      await explainStatements(s, id, statements, log);
      const svc: number[] = [];
      const raw: number[] = [];
      const deadline = performance.now() + o.budgetSeconds * 1000;
      for (let i = 0; i < o.warmup + o.iterations; i++) {
        if (i >= o.warmup + 10 && performance.now() > deadline) break;
        const a = (await timeIt(call)).ms;
        const b = (await timeIt(() => replayRaw(s, statements))).ms;
        if (i >= o.warmup) {
          svc.push(a);
          raw.push(b);
        }
      }
      const S = summarise(svc);
      const R = summarise(raw);
      const ratio = S.p95 / R.p95;
      log(`  ${id}: route p95 ${S.p95.toFixed(1)} ms, raw p95 ${R.p95.toFixed(1)} ms (${statements.length} statements)`);
      out.push({
        id, what, ours: `p50 ${fmtMs(S.p50)}, p95 ${fmtMs(S.p95)} (n=${S.n})`, limit: `raw SQL p50 ${fmtMs(R.p50)}, p95 ${fmtMs(R.p95)} (${statements.length} statements)`,
        ratio, ratioLabel: `${fmtRatio(ratio)} × raw p95`, target,
        met: target === '—' ? null : S.p95 <= 100,
        data: { route: S, raw: R, statements: statements.map((st) => st.text) },
      });
    }
  }
  return out;
}
