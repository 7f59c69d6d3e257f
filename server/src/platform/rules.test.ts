import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../test/harness.js';
import { addDays, todayInChina } from '../../../common/src/dates.js';

/**
 * Dated rules (common/src/rules.ts): the committee-term rule of the Trade Union Law (three or five
 * years) and the 90-day re-election reminder, as data an administrator can change from a date.
 */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ members: 200, hardship: 10 });
});
afterAll(async () => {
  await env?.close();
});

describe('the committee-term rule', () => {
  it('is listed with its source, the weak part marked, and used by the organisation form', async () => {
    const admin = await env.login('admin');
    const rules = (await admin.get('/api/rules')).json();
    const terms = rules.find((r: { key: string }) => r.key === 'org.committee_terms');
    expect(terms.inForce).toMatchObject({ value: { termYears: [3, 5], reminderDays: 90 }, weak: ['reminderDays'], origin: 'default' });
    expect(terms.inForce.source).toContain('工会法');
    const [o] = await env.services.database.query<{ id: string; version: number; level: string; kind: string; code: string; name: string }>(
      sql`SELECT id, version, level, kind, code, name FROM org WHERE level = 'grassroots' ORDER BY code LIMIT 1`,
    );
    const four = await admin.put(`/api/orgs/${o!.id}`, {
      level: o!.level,
      kind: o!.kind,
      code: o!.code,
      name: o!.name,
      termStart: '2025-01-01',
      termYears: 4,
      version: o!.version,
    });
    expect(four.statusCode).toBe(400);
    expect(four.json().message).toContain('任期只能是3年或5年');
  });

  it('takes a new version from its date: a four-year term is then accepted, and the reminder window moves', async () => {
    const admin = await env.login('admin');
    const district = await env.login('district');
    const body = { effectiveFrom: todayInChina(), value: { termYears: [3, 4, 5], reminderDays: 30 }, source: '某省工会换届选举规定（测试）第五条' };
    expect((await district.post('/api/rules/org.committee_terms/versions', body)).statusCode).toBe(403);
    expect((await admin.post('/api/rules/org.committee_terms/versions', { ...body, value: { termYears: [], reminderDays: 30 } })).statusCode).toBe(400);
    const made = await admin.post('/api/rules/org.committee_terms/versions', body);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().inForce).toMatchObject({ value: { termYears: [3, 4, 5], reminderDays: 30 }, origin: 'entered', weak: [] });
    expect((await admin.post('/api/rules/org.committee_terms/versions', body)).statusCode).toBe(409);
    const [o] = await env.services.database.query<{ id: string; version: number; level: string; kind: string; code: string; name: string }>(
      sql`SELECT id, version, level, kind, code, name FROM org WHERE level = 'grassroots' ORDER BY code LIMIT 1`,
    );
    // A term that ends in 60 days: due with the old 90-day reminder, not with the new 30-day one.
    const start = addDays(todayInChina(), 60 - 4 * 365 - 1);
    const saved = await admin.put(`/api/orgs/${o!.id}`, {
      level: o!.level,
      kind: o!.kind,
      code: o!.code,
      name: o!.name,
      termStart: start,
      termYears: 4,
      version: o!.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().termStatus).toBe('ok');
    const due = (await admin.get(`/api/orgs?termStatus=due&q=${o!.code}&pageSize=5`)).json();
    expect(due.items.map((x: { id: string }) => x.id)).not.toContain(o!.id);
    const audit = await env.services.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'rule.version_add' AND entity_id = 'org.committee_terms'`,
    );
    expect(audit[0]!.n).toBe(1);
  });
});

describe('what the rules pages show', () => {
  it('states each rule and its source, never a file of the project or a placeholder note', async () => {
    const admin = await env.login('admin');
    for (const path of ['/api/rules', '/api/hardship/rules']) {
      const res = await admin.get(path);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body, path).not.toMatch(/\.md\b|DOMAIN|shared\/|标注为 local/);
    }
  });
});
