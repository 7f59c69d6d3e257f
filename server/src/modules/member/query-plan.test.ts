import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { v7 as uuidv7 } from 'uuid';
import { captureStatements, createTestEnv, type TestEnv } from '../../test/harness.js';
import { generateDemoCity, randomPersonName } from '../../seed/demo-city.js';
import { createRng } from '../../seed/prng.js';
import { org } from '../org/org.schema.js';
import { member } from './member.schema.js';
import { idIndexOf, mobileIndexOf, nameGrams } from './member.record.js';
import { listMembers, oneCharPlan } from './member.service.js';
import { MemberListQuery } from '../../../../common/src/contracts/member.js';
import { computeIdCheck, maskIdNumber } from '../../../../common/src/id-number.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Scope } from '../../platform/scope.js';

/**
 * Query-plan check for the hot member queries: the search must stay on its indexes — the
 * GIN index on name grams for a name part, the blind-index unique index for an exact ID number, the
 * (org_id, status) index for the data-scope predicate — so that a later change (a function wrapped
 * around a column, a dropped index, a rewritten predicate) cannot silently fall back to a
 * sequential scan of a million rows. The statements checked are the ones the service really sends
 * (captured from the driver), explained with sequential scans and hash/merge joins priced out, so the
 * check does not depend on table size or statistics: an index that can serve the predicate is used
 * with an index condition, and a predicate that no index can serve shows up as a Seq Scan.
 */

let env: TestEnv;
let district: { id: string; path: string };
const sample: { name: string; idNumber: string; mobile: string }[] = [];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

function nodes(p: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(p);
  for (const c of p.Plans ?? []) nodes(c, out);
  return out;
}

/** Run fn with the driver's query method wrapped, returning every statement it sent. */
const capture = (fn: () => Promise<unknown>) => captureStatements(env.services, fn);

/** EXPLAIN (FORMAT JSON) of each statement with sequential scans (and hash/merge joins) disabled, on one connection. */
async function explain(statements: { text: string; params: unknown[] }[]): Promise<PlanNode[][]> {
  const run = async (q: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>) => {
    // Price out whole-table strategies so that what remains shows whether each predicate can be
    // served by an index lookup, as it must at a million rows whatever these few thousand suggest.
    for (const k of ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin']) await q(`SET ${k} = off`);
    try {
      const plans: PlanNode[][] = [];
      for (const s of statements) {
        const r = await q(`EXPLAIN (FORMAT JSON) ${s.text}`, s.params);
        const raw = Object.values(r.rows[0]!)[0];
        const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
        plans.push(nodes(json[0]!.Plan));
      }
      return plans;
    } finally {
      for (const k of ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin']) await q(`RESET ${k}`);
    }
  };
  if (env.engine === 'pglite') {
    const lite = env.services.database.driver as PGlite;
    return run((text, params) => lite.query(text, params) as Promise<{ rows: Record<string, unknown>[] }>);
  }
  const client = await (env.services.database.driver as pg.Pool).connect();
  try {
    return await run((text, params) => client.query(text, params as unknown[]));
  } finally {
    client.release();
  }
}

const ctxFor = (scope: Scope): Ctx => ({ ...env.services, actor: { scope, permissions: new Set() } as unknown as Actor, ip: 'test' });

/** The plan of the one statement listMembers sends for these filters, in this scope (page and capped count together). */
async function searchPlan(scope: Scope, filters: Record<string, string>) {
  const params = MemberListQuery.parse(filters);
  const statements = (await capture(() => listMembers(ctxFor(scope), params))).filter((s) => /\bfrom "?member"?\b/i.test(s.text));
  expect(statements).toHaveLength(1);
  return (await explain(statements))[0]!;
}

/** Indexes searched with a condition (a full scan of an index, which the planner may use in place of a disabled Seq Scan, does not count). */
const indexesOn = (plan: PlanNode[]) => plan.filter((n) => n['Index Name'] && n['Index Cond']).map((n) => n['Index Name']!);
const seqScansOfMember = (plan: PlanNode[]) => plan.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'member');

beforeAll(async () => {
  env = await createTestEnv({ seed: false });
  const orgs = generateDemoCity();
  await env.services.db.transaction(async (tx) => {
    for (let i = 0; i < orgs.length; i += 500) await tx.insert(org).values(orgs.slice(i, i + 500).map((o) => ({ ...o, isDemo: true })));
  });
  const d = orgs.find((o) => o.level === 'county')!;
  district = { id: d.id, path: d.path };
  // A few thousand members over the city's unions, with real name grams and blind indexes.
  const unions = orgs.filter((o) => o.level === 'grassroots');
  const rng = createRng(5);
  const keys = env.services.keys;
  const rows: (typeof member.$inferInsert)[] = [];
  for (let i = 0; i < 4000; i++) {
    const u = unions[(i * 7919) % unions.length]!;
    const birth = new Date(Date.UTC(1970, 0, 1) + (i % 12000) * 86_400_000).toISOString().slice(0, 10);
    const first17 = `430102${birth.replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
    const idNumber = first17 + computeIdCheck(first17);
    const name = randomPersonName(rng);
    const mobile = '139' + String(10_000_000 + i).padStart(8, '0');
    if (u.path.startsWith(d.path) && sample.length < 5) sample.push({ name, idNumber, mobile });
    rows.push({
      id: uuidv7(),
      orgId: u.id,
      name,
      nameGrams: nameGrams(name),
      idCipher: 'v1.test.x',
      idIndex: idIndexOf(keys, idNumber),
      idKind: 'resident',
      idMasked: maskIdNumber(idNumber),
      birthDate: birth,
      sex: i % 2 ? 'M' : 'F',
      mobileIndex: mobileIndexOf(keys, mobile),
      mobileMasked: '139****0000',
      employmentForm: i % 5 ? 'standard' : 'courier',
      joinDate: `20${String(10 + (i % 15)).padStart(2, '0')}-03-01`,
      cardNo: 'GH' + String(i + 1).padStart(10, '0'),
      status: i % 20 ? 'active' : 'left',
    });
  }
  for (let i = 0; i < rows.length; i += 500) await env.services.db.insert(member).values(rows.slice(i, i + 500));
  await env.services.db.execute(sql`ANALYZE`);
});

afterAll(async () => {
  await env?.close();
});

describe('member search stays on its indexes', () => {
  const all: Scope = { all: true };
  const districtScope = () => ({ all: false, subtreePaths: [district.path], orgIds: [] }) as Scope;
  const noSeqScan = (plan: PlanNode[]) => expect(seqScansOfMember(plan)).toEqual([]);

  it('a name part is found through the GIN index on name grams', async () => {
    const plan = await searchPlan(all, { q: [...sample[0]!.name].slice(-2).join('') });
    expect(indexesOn(plan)).toContain('member_name_grams_idx');
    noSeqScan(plan);
  });

  it('a two-character name part inside a district still goes through the GIN index on name grams', async () => {
    const plan = await searchPlan(districtScope(), { q: [...sample[0]!.name].slice(-2).join('') });
    expect(indexesOn(plan)).toContain('member_name_grams_idx');
    noSeqScan(plan);
  });

  it('a single character: a rare one through the GIN index, a common one tested on the scope index entries', async () => {
    const [rare] = await env.services.database.query<{ ch: string }>(sql`
      SELECT g AS ch FROM member, unnest(name_grams) g WHERE length(g) = 1 GROUP BY g ORDER BY count(*), g LIMIT 1`);
    const [common] = await env.services.database.query<{ ch: string }>(sql`
      SELECT left(name, 1) AS ch FROM member GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const c = ctxFor(districtScope());
    expect((await oneCharPlan(c, rare!.ch)).via).toBe('grams');
    expect((await oneCharPlan(c, common!.ch)).via).toBe('scan');
    const viaGrams = await searchPlan(districtScope(), { q: rare!.ch });
    expect(indexesOn(viaGrams)).toContain('member_name_grams_idx');
    noSeqScan(viaGrams);
    const viaScan = await searchPlan(districtScope(), { q: common!.ch });
    expect(indexesOn(viaScan)).toContain('member_org_status_idx');
    noSeqScan(viaScan);
  });

  it('the list filters are tested on the scope index entries (it includes them)', async () => {
    const plan = await searchPlan(districtScope(), { employmentForm: 'gig', status: 'active', sex: 'F', minAge: '30', maxAge: '60', joinFrom: '2012-01-01' });
    // Walking the scope index or the join-date range are both index searches; what must not happen is a table scan.
    expect(indexesOn(plan).some((i) => i === 'member_org_status_idx' || i === 'member_join_date_idx')).toBe(true);
    noSeqScan(plan);
  });

  it('an exact ID number is found through the blind-index unique index', async () => {
    const plan = await searchPlan(all, { idNumber: sample[2]!.idNumber });
    expect(indexesOn(plan)).toContain('member_id_index_uq');
    noSeqScan(plan);
  });

  it('an exact mobile is found through its blind index', async () => {
    const plan = await searchPlan(all, { mobile: sample[3]!.mobile });
    expect(indexesOn(plan)).toContain('member_mobile_idx');
    noSeqScan(plan);
  });

  it("a district's scope predicate on org_id uses the (org_id, status) index", async () => {
    const plan = await searchPlan(districtScope(), {});
    expect(indexesOn(plan)).toContain('member_org_status_idx');
    noSeqScan(plan);
  });

  it('a name search inside a district scope never scans the member table', async () => {
    const plan = await searchPlan(districtScope(), { q: sample[4]!.name });
    noSeqScan(plan);
    expect(indexesOn(plan).some((i) => i === 'member_name_grams_idx' || i === 'member_org_status_idx')).toBe(true);
  });
});
