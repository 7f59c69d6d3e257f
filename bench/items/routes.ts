/**
 * A route through the real app (in-process app.inject: guard, session, service, serialisation)
 * beside every SQL statement that request sends (captured at the driver, incl. the session lookup)
 * replayed raw through the driver alone, interleaved. The dashboards use it, and every domain
 * module's list, search and dashboard (bench/modules).
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/src/platform/context.js';
import { captureSql, explainStatements, replayRaw } from '../lib/db.js';
import { summarise, timeIt } from '../lib/stats.js';
import { fmtMs, fmtRatio, notMeasured, type ItemResult } from '../lib/report.js';

export interface RouteSpec {
  id: string;
  what: string;
  /** GET url (with its query). */
  url: string;
  who: 'city' | 'district';
  /** p95 at most this many ms, and/or at most this multiple of the raw SQL's p95. */
  target?: { p95Ms?: number; ratio?: number };
  /**
   * Measured calls for a route of a few milliseconds, instead of the run's (40 in a full run): the
   * p95 of 40 calls is their second slowest, and on a shared machine one stall sets it.
   */
  iterations?: number;
}

export interface RouteOptions {
  /** Stop a route after this many seconds once it has 10 measured calls. */
  budgetSeconds: number;
  warmup: number;
  iterations: number;
}

const targetText = (t?: RouteSpec['target']) =>
  !t ? '—' : [t.p95Ms ? `p95 ≤ ${t.p95Ms} ms` : '', t.ratio ? `≤ ${t.ratio}× raw` : ''].filter(Boolean).join(', ');

/** Time one route against its own SQL; `extra` adds notes (a plain aggregate …) to the result. */
export async function measureRoute(
  s: Services,
  app: FastifyInstance,
  cookies: Record<'city' | 'district', string>,
  spec: RouteSpec,
  o: RouteOptions,
  log: (m: string) => void,
  extra?: { note: string; data: Record<string, unknown> },
): Promise<ItemResult> {
  const path = spec.url.split('?')[0]!;
  if (!app.hasRoute({ method: 'GET', url: path }) && !app.printRoutes().includes(path.split('/').pop()!)) {
    return notMeasured(spec.id, spec.what, `route GET ${path} does not exist yet`, targetText(spec.target));
  }
  const call = async () => {
    const res = await app.inject({ method: 'GET', url: spec.url, headers: { cookie: cookies[spec.who] } });
    if (res.statusCode !== 200) throw new Error(`${spec.url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return res;
  };
  const { statements } = await captureSql(s, call);
  await explainStatements(s, spec.id, statements, log);
  const svc: number[] = [];
  const raw: number[] = [];
  const deadline = performance.now() + o.budgetSeconds * 1000;
  const iterations = Math.max(o.iterations, spec.iterations ?? 0);
  for (let i = 0; i < o.warmup + iterations; i++) {
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
  log(`  ${spec.id}: route p95 ${S.p95.toFixed(1)} ms, raw p95 ${R.p95.toFixed(1)} ms (${statements.length} statements)${extra?.note ?? ''}`);
  const t = spec.target;
  return {
    id: spec.id,
    what: spec.what,
    ours: `p50 ${fmtMs(S.p50)}, p95 ${fmtMs(S.p95)} (n=${S.n})`,
    limit: `raw SQL p50 ${fmtMs(R.p50)}, p95 ${fmtMs(R.p95)} (${statements.length} statements)${extra?.note ?? ''}`,
    ratio,
    ratioLabel: `${fmtRatio(ratio)} × raw p95`,
    target: targetText(t),
    met: !t ? null : (t.p95Ms === undefined || S.p95 <= t.p95Ms) && (t.ratio === undefined || ratio <= t.ratio),
    data: { route: S, raw: R, statements: statements.map((st) => st.text), ...(extra?.data ?? {}) },
  };
}
