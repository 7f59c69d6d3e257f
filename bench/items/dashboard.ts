/**
 * Dashboard figures, city-wide and for one district, through the real route (in-process app,
 * app.inject: guard, session, service, serialisation) beside every SQL statement that request sends
 * (captured, incl. the session lookup) replayed raw through the driver. For the member figures, also
 * the plain aggregate over the member table (memberFigures(c, 'members'), what the route did before
 * the member_org_tally counters), for comparison only.
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/src/platform/context.js';
import { captureSql, explainStatements, replayRaw } from '../lib/db.js';
import { summarise, timeIt } from '../lib/stats.js';
import { fmtMs, fmtRatio, notMeasured, type ItemResult } from '../lib/report.js';
import { loadActor } from '../../server/src/modules/auth/session.js';
import { memberFigures } from '../../server/src/modules/member/member-figures.js';

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
      // The plain aggregate over member (the figures before the counters), a few calls: it reads the whole table.
      let plain: ReturnType<typeof summarise> | null = null;
      if (route.endsWith('members')) {
        const actor = await loadActor(s, cookies[who].replace(/^gh_sid=/, ''));
        if (actor && actor !== 'expired') {
          const c = { ...s, actor, ip: '127.0.0.1' };
          const t: number[] = [];
          const until = performance.now() + o.budgetSeconds * 1000;
          for (let i = 0; i < Math.min(o.iterations, 10) && (i < 3 || performance.now() < until); i++) t.push((await timeIt(() => memberFigures(c, 'members'))).ms);
          plain = summarise(t);
        }
      }
      const plainNote = plain ? `; plain aggregate over member p50 ${fmtMs(plain.p50)}, p95 ${fmtMs(plain.p95)} (n=${plain.n})` : '';
      log(`  ${id}: route p95 ${S.p95.toFixed(1)} ms, raw p95 ${R.p95.toFixed(1)} ms (${statements.length} statements)${plainNote}`);
      out.push({
        id, what, ours: `p50 ${fmtMs(S.p50)}, p95 ${fmtMs(S.p95)} (n=${S.n})`, limit: `raw SQL p50 ${fmtMs(R.p50)}, p95 ${fmtMs(R.p95)} (${statements.length} statements)${plainNote}`,
        ratio, ratioLabel: `${fmtRatio(ratio)} × raw p95`, target,
        met: target === '—' ? null : S.p95 <= 100,
        data: { route: S, raw: R, statements: statements.map((st) => st.text), ...(plain ? { plainAggregate: plain } : {}) },
      });
    }
  }
  return out;
}
