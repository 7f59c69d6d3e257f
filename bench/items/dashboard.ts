/**
 * Dashboard figures, city-wide and for one district, through the real route (in-process app,
 * app.inject: guard, session, service, serialisation) beside every SQL statement that request sends
 * (captured, incl. the session lookup) replayed raw through the driver. For the member figures, also
 * the plain aggregate over the member table (memberFigures(c, 'members'), what the route did before
 * the member_org_tally counters), for comparison only.
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/src/platform/context.js';
import { summarise, timeIt } from '../lib/stats.js';
import { fmtMs, type ItemResult } from '../lib/report.js';
import { measureRoute } from './routes.js';
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
  s: Services,
  app: FastifyInstance,
  cookies: { city: string; district: string },
  o: DashboardOptions,
  members: number,
  log: (m: string) => void,
): Promise<ItemResult[]> {
  const out: ItemResult[] = [];
  for (const route of ['/api/dashboard/members', '/api/dashboard/orgs']) {
    for (const who of ['city', 'district'] as const) {
      const id = `dashboard.${route.split('/').pop()}.${who}`;
      const what = `dashboard ${route.replace('/api/dashboard/', '')} — ${who === 'city' ? 'whole city' : 'one district'}`;
      const cityMembers = who === 'city' && route.endsWith('members');
      // The plain aggregate over member (the figures before the counters), a few calls: it reads the whole table.
      let plain: ReturnType<typeof summarise> | null = null;
      if (route.endsWith('members')) {
        const actor = await loadActor(s, cookies[who].replace(/^gh_sid=/, ''));
        if (actor && actor !== 'expired') {
          const c = { ...s, actor, ip: '127.0.0.1' };
          const t: number[] = [];
          const until = performance.now() + o.budgetSeconds * 1000;
          for (let i = 0; i < Math.min(o.iterations, 10) && (i < 3 || performance.now() < until); i++)
            t.push((await timeIt(() => memberFigures(c, 'members'))).ms);
          plain = summarise(t);
        }
      }
      const note = plain ? `; plain aggregate over member p50 ${fmtMs(plain.p50)}, p95 ${fmtMs(plain.p95)} (n=${plain.n})` : '';
      const r = await measureRoute(
        s,
        app,
        cookies,
        { id, what, url: route, who, target: cityMembers ? { p95Ms: 100 } : undefined },
        o,
        log,
        plain ? { note, data: { plainAggregate: plain } } : undefined,
      );
      if (cityMembers && !o.target100ms) r.target += ` (for 1M; this run ${members.toLocaleString('en')})`;
      out.push(r);
    }
  }
  return out;
}
