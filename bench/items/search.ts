/**
 * Member search in a district's scope through the service (listMembers: scope predicate, filters,
 * blind-index hashing, ORM, presentation) beside the very same SQL statements sent raw through the
 * driver (captured from the service call, replayed with the same concurrency).
 */
import { listMembers } from '../../server/src/modules/member/member.service.js';
import { MemberListQuery } from '../../common/src/contracts/member.js';
import { loadActor } from '../../server/src/modules/auth/session.js';
import type { Ctx, Services } from '../../server/src/platform/context.js';
import { captureSql, explainStatements, replayRaw, type Captured } from '../lib/db.js';
import { summarise, timeIt, type Summary } from '../lib/stats.js';
import { fmtMs, fmtRatio, type ItemResult } from '../lib/report.js';
import type { DatasetFiles } from '../lib/dataset.js';

export interface SearchCase {
  id: string;
  what: string;
  /** Query parameters for the n-th variant (different people, same shape). */
  params: (n: number) => Record<string, string>;
}

export function searchCases(samples: DatasetFiles['samples']): SearchCase[] {
  const three = samples.filter((s) => [...s.name].length === 3);
  const withMobile = samples.filter((s) => s.mobile);
  const at = <T>(list: T[], n: number) => list[n % list.length]!;
  return [
    { id: 'search.name', what: 'search: full name (2–3 chars)', params: (n) => ({ q: at(samples, n).name }) },
    {
      id: 'search.namePart',
      what: 'search: given-name part (2 chars)',
      params: (n) => ({ q: [...at(three.length ? three : samples, n).name].slice(-2).join('') }),
    },
    { id: 'search.surname', what: 'search: one character (surname)', params: (n) => ({ q: [...at(samples, n).name][0]! }) },
    { id: 'search.idNumber', what: 'search: exact ID number (blind index)', params: (n) => ({ idNumber: at(samples, n).idNumber }) },
    {
      id: 'search.mobile',
      what: 'search: exact mobile (blind index)',
      params: (n) => ({ mobile: at(withMobile.length ? withMobile : samples, n).mobile ?? '13800000000' }),
    },
    {
      id: 'search.filters',
      what: 'search: filters (gig, active, F, age 30–40, joined ≥ 2020)',
      params: (n) => ({ employmentForm: 'gig', status: 'active', sex: 'F', minAge: String(30 + (n % 3)), maxAge: '40', joinFrom: '2020-01-01' }),
    },
    { id: 'search.list', what: 'search: no filter (first page of the district)', params: () => ({}) },
  ];
}

/** Samples a case always gets, whatever its time budget. */
export const MIN_SAMPLES = 10;

export interface SearchOptions {
  /** Stop a case after this many seconds once it has MIN_SAMPLES measured calls. */
  budgetSeconds: number;
  variants: number;
  warmup: number;
  iterations: number;
  target50ms: boolean;
}

/** Measure one case: service vs raw replay of the captured statements, interleaved. */
async function measureCase(s: Services, c: Ctx, sc: SearchCase, o: SearchOptions, log: (m: string) => void) {
  const variants: { params: ReturnType<typeof MemberListQuery.parse>; statements: Captured[]; total: number }[] = [];
  for (let n = 0; n < o.variants; n++) {
    const params = MemberListQuery.parse(sc.params(n));
    const { value, statements } = await captureSql(s, () => listMembers(c, params));
    variants.push({ params, statements, total: value.total });
  }
  await explainStatements(s, sc.id, variants[0]!.statements, log);
  const svc: number[] = [];
  const raw: number[] = [];
  const total = o.warmup + o.iterations;
  const deadline = performance.now() + o.budgetSeconds * 1000;
  for (let i = 0; i < total; i++) {
    // A slow case (seconds per call at 1M) stops at its time budget once it has enough samples.
    if (i >= o.warmup + MIN_SAMPLES && performance.now() > deadline) break;
    const v = variants[i % variants.length]!;
    const a = async (): Promise<unknown> => listMembers(c, v.params);
    const b = async (): Promise<unknown> => replayRaw(s, v.statements);
    const first = i % 2 === 0 ? a : b;
    const second = i % 2 === 0 ? b : a;
    const t1 = (await timeIt(first)).ms;
    const t2 = (await timeIt(second)).ms;
    if (i < o.warmup) continue;
    (first === a ? svc : raw).push(t1);
    (second === a ? svc : raw).push(t2);
  }
  const avgTotal = Math.round(variants.reduce((acc, v) => acc + v.total, 0) / variants.length);
  return { service: summarise(svc), raw: summarise(raw), statements: variants[0]!.statements.length, avgTotal };
}

export function searchItem(
  sc: SearchCase,
  r: { service: Summary; raw: Summary; statements: number; avgTotal: number },
  target50ms: boolean,
  members: number,
): ItemResult {
  const ratio = r.service.p95 / r.raw.p95;
  const metRatio = ratio <= 1.5;
  const metAbs = r.service.p95 <= 50;
  return {
    id: sc.id,
    what: `${sc.what} — ${r.avgTotal.toLocaleString('en')} hits`,
    ours: `p50 ${fmtMs(r.service.p50)}, p95 ${fmtMs(r.service.p95)} (n=${r.service.n})`,
    limit: `raw SQL p50 ${fmtMs(r.raw.p50)}, p95 ${fmtMs(r.raw.p95)}`,
    ratio,
    ratioLabel: `${fmtRatio(ratio)} × raw p95`,
    target: `p95 ≤ 1.5 × raw and ≤ 50 ms${target50ms ? '' : ` (50 ms is for 1M; this run ${members.toLocaleString('en')})`}`,
    met: metRatio && metAbs,
    data: { service: r.service, raw: r.raw, statementsPerCall: r.statements, avgTotal: r.avgTotal },
  };
}

export async function runSearch(
  s: Services,
  token: string,
  samples: DatasetFiles['samples'],
  o: SearchOptions,
  members: number,
  log: (m: string) => void,
): Promise<ItemResult[]> {
  const actor = await loadActor(s, token);
  if (!actor || actor === 'expired') throw new Error('bench district session not valid');
  const c: Ctx = { ...s, actor, ip: '127.0.0.1' };
  const out: ItemResult[] = [];
  for (const sc of searchCases(samples)) {
    const r = await measureCase(s, c, sc, o, log);
    log(`  ${sc.id}: service p95 ${r.service.p95.toFixed(1)} ms, raw p95 ${r.raw.p95.toFixed(1)} ms (${r.avgTotal} hits)`);
    out.push(searchItem(sc, r, o.target50ms, members));
  }
  return out;
}
