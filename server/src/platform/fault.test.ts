import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../test/harness.js';

/**
 * The fault suite, at test size (`npm run bench` runs it at full size): parallel conflicting edits
 * lose no update (the version check refuses all but one), aid paid in parallel never overspends its
 * budget, and the member counters equal direct counts after writes in parallel. On PGlite the
 * requests interleave at every await on one connection; on PostgreSQL (CI's second pass) they run
 * on the pool's connections at once.
 */
let env: TestEnv;
let rows: <T>(q: SQL) => Promise<T[]>;
let admin: TestClient;

beforeAll(async () => {
  env = await createTestEnv({ members: 1500, hardship: 120 });
  rows = <T>(q: SQL) => env.services.database.query<T>(q);
  admin = await env.login('admin');
}, 240_000);
afterAll(async () => {
  await env?.close();
});

const PARALLEL = 12;

describe('parallel conflicting edits', () => {
  it('of one member: one wins, the others get 409, and the winner’s value is what is stored', async () => {
    const [m] = await rows<{ id: string; version: number; name: string; joinDate: string }>(
      sql`SELECT id, version, name, join_date::text AS "joinDate" FROM member WHERE status = 'active' ORDER BY id LIMIT 1`,
    );
    const res = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        admin.put(`/api/members/${m!.id}`, { fields: { name: `并发${'甲乙丙丁戊己庚辛壬癸子丑'[i]}`, joinDate: m!.joinDate }, version: m!.version }),
      ),
    );
    const codes = res.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(PARALLEL - 1);
    const winner = res.findIndex((r) => r.statusCode === 200);
    const [after] = await rows<{ name: string; version: number }>(sql`SELECT name, version FROM member WHERE id = ${m!.id}`);
    expect(after).toEqual({ name: `并发${'甲乙丙丁戊己庚辛壬癸子丑'[winner]}`, version: m!.version + 1 });
  });

  it('of one organisation and of one hardship file: the same', async () => {
    const [o] = await rows<{ id: string; version: number; level: string; kind: string | null; code: string }>(
      sql`SELECT id, version, level, kind, code FROM org WHERE level = 'grassroots' ORDER BY code LIMIT 1`,
    );
    const orgs = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        admin.put(`/api/orgs/${o!.id}`, { level: o!.level, kind: o!.kind, code: o!.code, name: `并发修改的工会${i}`, version: o!.version }),
      ),
    );
    expect(orgs.map((r) => r.statusCode).sort()).toEqual([200, ...Array(PARALLEL - 1).fill(409)]);
    const [f] = await rows<{ id: string; version: number }>(sql`SELECT id, version FROM hardship_file WHERE status = 'filed' ORDER BY file_no LIMIT 1`);
    const detail = (await admin.get(`/api/hardship/files/${f!.id}`)).json();
    const fields = {
      name: detail.name,
      health: detail.health,
      employmentStatus: detail.employmentStatus,
      hukouType: detail.hukouType,
      mainCause: detail.mainCause,
      annualIncomeFen: detail.annualIncomeFen,
    };
    const files = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        admin.put(`/api/hardship/files/${f!.id}`, { fields: { ...fields, annualIncomeFen: 1_000_000 + i }, version: f!.version }),
      ),
    );
    expect(files.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(files.filter((r) => r.statusCode === 409)).toHaveLength(PARALLEL - 1);
  });
});

describe('aid paid in parallel against one budget', () => {
  it('never spends more than the budget holds', async () => {
    const [f] = await rows<{ id: string; org_id: string; name: string }>(
      sql`SELECT id, org_id, name FROM hardship_file WHERE status = 'filed' ORDER BY file_no LIMIT 1 OFFSET 3`,
    );
    const made = await admin.post('/api/hardship/budgets', { orgId: f!.org_id, year: 2026, line: '并发测试资金', allocatedFen: 100_000 });
    expect(made.statusCode, made.body).toBe(201);
    const budgetId = made.json().id;
    // 12 payments of ¥300 against ¥1,000: at most three can be paid.
    const res = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        admin.post(`/api/hardship/files/${f!.id}/aid`, {
          kind: 'living',
          method: 'cash',
          amountFen: 30_000,
          paidOn: '2026-03-02',
          budgetId,
          recipientKind: 'head',
        }),
      ),
    );
    const ok = res.filter((r) => r.statusCode === 201).length;
    expect(ok).toBe(3);
    expect(res.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'BUDGET_EXCEEDED')).toBe(true);
    const [b] = await rows<{ spent: number; paid: number }>(
      sql`SELECT spent_fen::int AS spent, (SELECT coalesce(sum(amount_fen), 0)::int FROM aid_record WHERE budget_id = ${budgetId}) AS paid FROM aid_budget WHERE id = ${budgetId}`,
    );
    expect(b).toEqual({ spent: 90_000, paid: 90_000 });
  });
});

describe('counters after parallel writes', () => {
  it('equal direct counts after members are registered, changed and moved at the same time', async () => {
    const unions = await rows<{ id: string }>(sql`SELECT id FROM org WHERE level = 'grassroots' ORDER BY code LIMIT 4`);
    const movers = await rows<{ id: string; version: number }>(sql`SELECT id, version FROM member WHERE status = 'active' ORDER BY id DESC LIMIT 8`);
    const id17 = (n: number) => `43990319900101${String(500 + n).padStart(3, '0')}`;
    const { computeIdCheck } = await import('../../../common/src/id-number.js');
    await Promise.all([
      ...Array.from({ length: 8 }, (_, i) =>
        admin.post('/api/members', {
          orgId: unions[i % 4]!.id,
          fields: { name: `并发会员${'甲乙丙丁戊己庚辛'[i]}`, idNumber: id17(i) + computeIdCheck(id17(i)), joinDate: '2026-01-05' },
          consent: { version: '2026-01', method: 'paper' },
        }),
      ),
      ...movers
        .slice(0, 4)
        .map((m) => admin.post(`/api/members/${m.id}/status`, { kind: 'left', onDate: '2026-01-05', reason: '并发退会', version: m.version })),
      ...movers.slice(4).map((m, i) => admin.post('/api/transfers', { memberId: m.id, toOrgId: unions[(i + 1) % 4]!.id, reason: '并发接转' })),
    ]);
    const diff = await rows(sql`
      WITH direct AS (SELECT org_id, count(*)::int AS n, count(*) FILTER (WHERE status = 'active')::int AS active, count(*) FILTER (WHERE status = 'left')::int AS "left",
                             count(*) FILTER (WHERE status = 'transferring')::int AS transferring FROM member GROUP BY org_id)
      SELECT coalesce(d.org_id, t.org_id) AS org_id FROM direct d FULL JOIN member_org_tally t ON t.org_id = d.org_id
      WHERE d.n IS DISTINCT FROM t.n OR d.active IS DISTINCT FROM t.active OR d."left" IS DISTINCT FROM t."left" OR d.transferring IS DISTINCT FROM t.transferring`);
    expect(diff).toEqual([]);
  });
});
