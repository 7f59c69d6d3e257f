import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv, statementsSent } from '../../test/harness.js';
import { loadActor } from '../auth/session.js';
import { listMembers, MEMBER_COUNT_CAP } from './member.service.js';
import { MemberListQuery } from '../../../../common/src/contracts/member.js';
import type { Ctx } from '../../platform/context.js';

/**
 * The search's total: counted only up to a cap, so a broad search does not count a
 * whole district for every page. Below the cap and on the last page it is exact; above it, the
 * total is the cap with `totalExact: false` (the page shows "共 1,000+ 条").
 */

let env: TestEnv;
let admin: TestClient;
let c: Ctx;
let all: number;

/** Every statement the service sends, through the driver. */
const statementsOf = (fn: () => Promise<unknown>) => statementsSent(env.services, fn);

beforeAll(async () => {
  env = await createTestEnv();
  admin = await env.login('admin');
  const token = admin.cookie.replace(/^gh_sid=/, '');
  const actor = await loadActor(env.services, token);
  if (!actor || actor === 'expired') throw new Error('no admin actor');
  c = { ...env.services, actor, ip: 'test' };
  const [r] = await env.services.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM member`);
  all = r!.n;
});
afterAll(() => env?.close());

const list = (q: Record<string, string | number>, cap?: number) =>
  listMembers(c, MemberListQuery.parse(Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)]))), cap);

describe('member search total', () => {
  it('is exact below the cap and capped above it, through the API', async () => {
    expect(all).toBeGreaterThan(100);
    const r = (await admin.get('/api/members?pageSize=20')).json();
    expect(r).toMatchObject({ total: Math.min(all, MEMBER_COUNT_CAP), totalExact: all <= MEMBER_COUNT_CAP, page: 1, pageSize: 20 });
    expect(r.items).toHaveLength(20);
    const few = (await admin.get('/api/members?pageSize=20&employmentForm=courier&status=left')).json();
    const [n] = await env.services.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM member WHERE employment_form = 'courier' AND status = 'left'`,
    );
    expect(n!.n).toBeLessThan(MEMBER_COUNT_CAP);
    expect(few).toMatchObject({ total: n!.n, totalExact: true });
  });

  it('stops at the cap and says so', async () => {
    const r = await list({ pageSize: 20 }, 50);
    expect(r).toMatchObject({ total: 50, totalExact: false });
    expect(r.items).toHaveLength(20);
  });

  it('past the cap, gives the planner’s estimate of all matches (shown as "约 N"), within a factor of two once the table is analysed', async () => {
    await env.services.database.query(sql`ANALYZE member`);
    const r = await list({ pageSize: 20 }, 50);
    expect(r.totalEstimate).toBeGreaterThan(50);
    expect(r.totalEstimate!).toBeGreaterThanOrEqual(all / 2);
    expect(r.totalEstimate!).toBeLessThanOrEqual(all * 2);
    const exact = await list({ pageSize: 20 });
    if (exact.totalExact) expect(exact.totalEstimate).toBeUndefined();
  });

  it('paging on past the cap moves the bound along', async () => {
    const r = await list({ pageSize: 20, page: 5 }, 50);
    expect(r).toMatchObject({ total: 150, totalExact: false, page: 5 });
    expect(r.items).toHaveLength(20);
  });

  it('is exact on the last page, whatever the cap', async () => {
    const last = Math.ceil(all / 20);
    const r = await list({ pageSize: 20, page: last }, 50);
    if (all % 20 !== 0) expect(r).toMatchObject({ total: all, totalExact: true });
    expect(r.items).toHaveLength(all - (last - 1) * 20);
  });

  it('sends the page and its count as one statement', async () => {
    const [m] = await env.services.database.query<{ card_no: string }>(sql`SELECT card_no FROM member LIMIT 1`);
    let r: Awaited<ReturnType<typeof list>> | undefined;
    const sent = await statementsOf(async () => {
      r = await list({ cardNo: m!.card_no });
    });
    expect(r).toMatchObject({ total: 1, totalExact: true });
    expect(sent.filter((s) => /\bfrom "?member"?\b/i.test(s))).toHaveLength(1);
    const broad = await statementsOf(async () => {
      r = await list({ pageSize: 20 }, 50);
    });
    expect(r).toMatchObject({ total: 50, totalExact: false });
    // Past the cap, one more: the plan (not a run) of the count, for its estimate.
    expect(broad.filter((s) => /\bfrom "?member"?\b/i.test(s) && !/^EXPLAIN/.test(s))).toHaveLength(1);
    expect(broad.filter((s) => /^EXPLAIN/.test(s))).toHaveLength(1);
  });

  it('gives the same pages whether it sorts the counted hits or walks the sort order past the cap', async () => {
    for (const [sort, order] of [
      ['joinDate', 'desc'],
      ['name', 'asc'],
      ['cardNo', 'desc'],
      ['birthDate', 'asc'],
    ] as const) {
      const [expected] = await env.services.database.query<{ ids: string[] }>(sql`
        SELECT array_agg(id::text ORDER BY ${sql.raw({ joinDate: 'join_date', name: 'name', cardNo: 'card_no', birthDate: 'birth_date' }[sort])} ${sql.raw(order)}, id) AS ids FROM member`);
      for (const page of [1, 3]) {
        const want = expected!.ids.slice((page - 1) * 10, page * 10);
        const sorted = await list({ pageSize: 10, page, sort, order }, all + 10);
        const walked = await list({ pageSize: 10, page, sort, order }, 5);
        expect(
          sorted.items.map((i) => i.id),
          `${sort} ${order} page ${page} from the hits`,
        ).toEqual(want);
        expect(
          walked.items.map((i) => i.id),
          `${sort} ${order} page ${page} walked`,
        ).toEqual(want);
      }
    }
  });

  it('past the end, counts to give the real total', async () => {
    const r = await list({ pageSize: 20, page: 10_000 }, 50);
    expect(r).toMatchObject({ total: all, totalExact: true, items: [] });
  });

  it('a search with fewer hits than a page is exact', async () => {
    const [m] = await env.services.database.query<{ name: string }>(sql`SELECT name FROM member ORDER BY name LIMIT 1`);
    const [n] = await env.services.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM member WHERE name = ${m!.name}`);
    const r = await list({ q: m!.name });
    expect(r.total).toBeGreaterThanOrEqual(n!.n);
    expect(r.totalExact).toBe(true);
    expect(r.items.length).toBe(Math.min(r.total, 20));
    const none = await list({ q: '鑫鑫鑫鑫' });
    expect(none).toMatchObject({ total: 0, totalExact: true, items: [] });
  });

  it('an exact cap boundary: n == cap is exact, n == cap + 1 is not', async () => {
    const exact = await list({ pageSize: 10 }, all);
    expect(exact).toMatchObject({ total: all, totalExact: true });
    const over = await list({ pageSize: 10 }, all - 1);
    expect(over).toMatchObject({ total: all - 1, totalExact: false });
  });
});
