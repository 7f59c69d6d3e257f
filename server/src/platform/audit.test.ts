import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { generate } from 'otplib';
import { LEVEL3_PRESET } from '../../../common/src/security-settings.js';
import { addDays, todayInChina } from '../../../common/src/dates.js';
import { verifyAuditChain } from './audit.js';
import { createTestEnv, type TestClient, type TestEnv } from '../test/harness.js';
import type { LightMyRequestResponse } from 'fastify';

/** The TOTP code of the time step k steps from now. */
const totpAt = (secret: string, k: number) => generate({ secret, epoch: (Math.floor(Date.now() / 30_000) + k) * 30 + 15 });

/**
 * docs/architecture.md, invariant 5: every write leaves an audit entry, the log is a hash chain that shows
 * the first altered or missing entry, and secrets never enter it.
 */

let env: TestEnv;
let rows: <T>(q: SQL) => Promise<T[]>;
let admin: TestClient;
let district: TestClient;
/** Every secret value this file types or receives; none may appear in the log. */
const secrets = new Set<string>();
const ids: Record<string, string> = {};
let maxSeq: () => Promise<number>;

beforeAll(async () => {
  env = await createTestEnv({ fresh: true });
  rows = <T>(q: SQL) => env.services.database.query<T>(q);
  maxSeq = async () => (await rows<{ n: number }>(sql`SELECT coalesce(max(seq), 0)::int AS n FROM audit_log`))[0]!.n;
  admin = await env.login('admin');
  district = await env.login('district');
  for (const c of [admin, district]) secrets.add(c.csrf);
  secrets.add('Gonghui@2026');
  const one = async (q: SQL) => (await rows<{ id: string }>(q))[0]!.id;
  ids.street = await one(sql`SELECT id FROM org WHERE code = 'D01S01'`);
  ids.street2 = await one(sql`SELECT id FROM org WHERE code = 'D01S02'`);
  ids.chairRole = await one(sql`SELECT id FROM role WHERE code = 'grassroots_chair'`);
  ids.grassrootsOrg = await one(sql`SELECT org_id AS id FROM app_user WHERE username = 'grassroots'`);
});
afterAll(async () => {
  await env?.close();
});

const ok = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};
const version = async (table: 'org' | 'app_user' | 'role', id: string) =>
  (await rows<{ v: number }>(sql`SELECT version AS v FROM ${sql.identifier(table)} WHERE id = ${id}`))[0]!.v;

/**
 * One successful call of every write route, in an order that builds on itself, with the audit
 * action it must leave. A write route missing here fails 'every write route has a scenario'.
 */
const SCENARIOS: { route: string; action: string; run: () => Promise<unknown> }[] = [
  { route: 'POST /api/auth/login', action: 'auth.login', run: async () => ok((await env.signIn('worker')).res) },
  {
    route: 'POST /api/orgs',
    action: 'org.create',
    run: async () =>
      (ids.org = ok(
        await district.post('/api/orgs', { parentId: ids.street, level: 'grassroots', kind: 'joint', code: 'A0001', name: '审计测试联合工会' }),
      ).id),
  },
  {
    route: 'PUT /api/orgs/:id',
    action: 'org.update',
    run: async () =>
      ok(
        await district.put(`/api/orgs/${ids.org}`, {
          level: 'grassroots',
          kind: 'joint',
          code: 'A0001',
          name: '审计测试联合工会（改）',
          version: await version('org', ids.org!),
        }),
      ),
  },
  {
    route: 'POST /api/orgs/:id/move',
    action: 'org.move',
    run: async () => ok(await district.post(`/api/orgs/${ids.org}/move`, { parentId: ids.street2, version: await version('org', ids.org!) })),
  },
  {
    route: 'POST /api/orgs/:id/deactivate',
    action: 'org.deactivate',
    run: async () => ok(await district.post(`/api/orgs/${ids.org}/deactivate`, { version: await version('org', ids.org!) })),
  },
  {
    route: 'POST /api/orgs/:id/reactivate',
    action: 'org.reactivate',
    run: async () => ok(await district.post(`/api/orgs/${ids.org}/reactivate`, { version: await version('org', ids.org!) })),
  },
  {
    route: 'POST /api/roles',
    action: 'role.create',
    run: async () =>
      (ids.role = ok(await district.post('/api/roles', { code: 'audit_role', name: '审计角色', permissions: ['org.read'], scopeKind: 'own' })).id),
  },
  {
    route: 'PUT /api/roles/:id',
    action: 'role.update',
    run: async () =>
      ok(await district.put(`/api/roles/${ids.role}`, { code: 'audit_role', name: '审计角色二', permissions: [], scopeKind: 'own', version: 1 })),
  },
  { route: 'DELETE /api/roles/:id', action: 'role.delete', run: async () => ok(await district.del(`/api/roles/${ids.role}`)) },
  {
    route: 'POST /api/users',
    action: 'user.create',
    run: async () => {
      const u = ok(
        await district.post('/api/users', {
          username: 'auditee',
          displayName: '审计对象',
          orgId: ids.grassrootsOrg,
          roleIds: [ids.chairRole],
          password: 'First#2026aa',
        }),
      );
      secrets.add('First#2026aa');
      ids.user = u.id;
    },
  },
  {
    route: 'POST /api/auth/password',
    action: 'auth.password_change',
    run: async () => {
      const { client } = await env.signIn('auditee', 'First#2026aa');
      secrets.add(client!.csrf);
      secrets.add('Second#2026bb');
      ok(await client!.post('/api/auth/password', { currentPassword: 'First#2026aa', newPassword: 'Second#2026bb' }));
    },
  },
  {
    route: 'PUT /api/users/:id',
    action: 'user.update',
    run: async () =>
      ok(
        await district.put(`/api/users/${ids.user}`, {
          displayName: '审计对象（改）',
          orgId: ids.grassrootsOrg,
          roleIds: [],
          active: true,
          version: await version('app_user', ids.user!),
        }),
      ),
  },
  {
    route: 'POST /api/users/:id/reset-password',
    action: 'user.reset_password',
    run: async () => secrets.add(ok(await district.post(`/api/users/${ids.user}/reset-password`)).temporaryPassword),
  },
  { route: 'POST /api/users/:id/unlock', action: 'user.unlock', run: async () => ok(await district.post(`/api/users/${ids.user}/unlock`)) },
  {
    route: 'PUT /api/settings/security',
    action: 'settings.update',
    run: async () => ok(await admin.put('/api/settings/security', { ...LEVEL3_PRESET, lockMinutes: 20 })),
  },
  {
    route: 'PUT /api/settings/backup',
    action: 'settings.backup',
    run: async () => ok(await admin.put('/api/settings/backup', { enabled: true, intervalHours: 12, keep: 7 })),
  },
  {
    route: 'PUT /api/settings/calendar',
    action: 'settings.calendar',
    run: async () => ok(await admin.put('/api/settings/calendar', { holidays: ['2031-01-01'], workdays: [] })),
  },
  {
    route: 'PUT /api/settings/calendar/years/:year',
    action: 'settings.calendar',
    run: async () => ok(await admin.put('/api/settings/calendar/years/2036', { holidays: ['2036-01-01'], workdays: [] })),
  },
  {
    route: 'POST /api/auth/totp/setup',
    action: 'auth.totp_setup',
    run: async () => secrets.add((ids.totp = ok(await district.post('/api/auth/totp/setup')).secret)),
  },
  // A TOTP code is good once: enable, sign in and disable use codes of successive time steps (the server accepts ±1).
  {
    route: 'POST /api/auth/totp/enable',
    action: 'auth.totp_enable',
    run: async () => ok(await district.post('/api/auth/totp/enable', { code: await totpAt(ids.totp!, -1) })),
  },
  {
    route: 'POST /api/auth/login/totp',
    action: 'auth.totp',
    run: async () => {
      district = (await env.signIn('district')).client!;
      ok(await district.post('/api/auth/login/totp', { code: await totpAt(ids.totp!, 0) }));
    },
  },
  {
    route: 'POST /api/auth/totp/disable',
    action: 'auth.totp_disable',
    run: async () => ok(await district.post('/api/auth/totp/disable', { code: await totpAt(ids.totp!, 1) })),
  },
  { route: 'POST /api/auth/logout', action: 'auth.logout', run: async () => ok(await (await env.login('worker')).post('/api/auth/logout')) },
];

describe('every write is audited', () => {
  it('every write route under the platform has a scenario here', () => {
    const platform = /^\/api\/(auth|orgs|users|roles|settings|audit|dashboard|health|meta)(\/|$)/;
    const writes = env.routes.filter((r) => platform.test(r.url) && !['GET', 'HEAD', 'OPTIONS'].includes(r.method)).map((r) => `${r.method} ${r.url}`);
    const covered = new Set(SCENARIOS.map((s) => s.route));
    expect(
      writes.filter((w) => !covered.has(w)),
      'add a scenario to SCENARIOS in server/src/platform/audit.test.ts',
    ).toEqual([]);
  });

  it.each(SCENARIOS.map((s) => [s.route, s.action, s] as const))('%s leaves a %s entry', async (_route, _action, s) => {
    const from = await maxSeq();
    await s.run();
    const entries = await rows<{ action: string; result: string; at: Date; actor_name: string | null }>(
      sql`SELECT action, result, at, actor_name FROM audit_log WHERE seq > ${from} ORDER BY seq`,
    );
    expect(entries.map((e) => e.action)).toContain(s.action);
    const entry = entries.find((e) => e.action === s.action)!;
    expect(entry.result).toBe('ok');
    expect(entry.actor_name).toBeTruthy();
    expect(Date.now() - new Date(entry.at).getTime()).toBeLessThan(60_000);
  });

  it('the district sees its own writes in its audit list, with the changed fields', async () => {
    const list = (await district.get('/api/audit?action=org.update&pageSize=50')).json();
    const mine = list.items.find((e: { entityId: string }) => e.entityId === ids.org);
    expect(mine).toMatchObject({
      actorName: 'district',
      entity: 'org',
      result: 'ok',
      changes: { name: { from: '审计测试联合工会', to: '审计测试联合工会（改）' } },
    });
    expect(mine.orgName).toBe('审计测试联合工会（改）');
  });

  it('filters by an organisation and those below it and by China-local days, and names the record an entry concerns', async () => {
    const subtree = async (id: string) =>
      new Set((await rows<{ id: string }>(sql`SELECT id FROM org WHERE path LIKE (SELECT path || '%' FROM org WHERE id = ${id})`)).map((r) => r.id));
    const below2 = (await district.get(`/api/audit?action=org.&under=${ids.street2}&pageSize=200`)).json();
    expect(below2.totalExact).toBe(true);
    const inStreet2 = await subtree(ids.street2!);
    expect(below2.items.length).toBeGreaterThan(0);
    for (const e of below2.items) expect(inStreet2.has(e.orgId)).toBe(true);
    const update = below2.items.find((e: { entityId: string; action: string }) => e.entityId === ids.org && e.action === 'org.update');
    expect(update).toMatchObject({ entity: 'org', entityName: '审计测试联合工会（改）' });
    const below1 = (await district.get(`/api/audit?action=org.&under=${ids.street}&pageSize=200`)).json();
    expect(below1.items.some((e: { entityId: string }) => e.entityId === ids.org)).toBe(false);

    const today = todayInChina();
    const on = (from: string, to: string) => district.get(`/api/audit?action=org.update&from=${from}&to=${to}`).then((r) => r.json().total as number);
    expect(await on(today, today)).toBeGreaterThan(0);
    expect(await on(addDays(today, -3), addDays(today, -1))).toBe(0);
    const accounts = (await admin.get('/api/audit?entity=user&pageSize=5')).json().items as { entityId: string; entityName: string | null }[];
    const [named] = await rows<{ username: string }>(sql`SELECT username FROM app_user WHERE id = ${accounts[0]!.entityId}`);
    expect(accounts[0]!.entityName).toBe(named!.username);
  });
});

describe('secrets stay out of the log', () => {
  it('no password, temporary password, TOTP secret, CSRF token or password hash appears in any entry', async () => {
    const all = await rows<{ seq: number; text: string }>(
      sql`SELECT seq, concat_ws(' ', actor_name, action, entity_id, changes::text, detail) AS text FROM audit_log`,
    );
    expect(secrets.size).toBeGreaterThanOrEqual(8);
    for (const e of all) {
      for (const s of secrets) expect(e.text.includes(s), `seq ${e.seq} holds a secret`).toBe(false);
      expect(e.text).not.toMatch(/scrypt\$/);
    }
    const redacted = await rows<{ changes: unknown }>(
      sql`SELECT changes FROM audit_log WHERE action IN ('user.create', 'auth.password_change', 'user.reset_password')`,
    );
    for (const r of redacted) expect(r.changes).toMatchObject({ password: '[redacted]' });
  });
});

describe('the hash chain', () => {
  it('verifies, also through the API for a user with the whole-platform scope', async () => {
    const report = await verifyAuditChain(env.services.db);
    expect(report).toEqual({ ok: true, checked: await maxSeq() });
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
    expect((await district.get('/api/audit/verify')).statusCode).toBe(403);
  });

  it('stays one chain when many entries are written at once', async () => {
    const from = await maxSeq();
    await Promise.all(Array.from({ length: 20 }, (_, i) => env.signIn(`nobody${i}`, 'x')));
    expect(await maxSeq()).toBe(from + 20);
    expect((await verifyAuditChain(env.services.db, 7)).ok).toBe(true); // small pages cross page borders
  });

  it('refuses to change or delete an entry through the database', async () => {
    const refusal = (q: SQL) =>
      rows(q).then(
        () => 'done',
        (e: { cause?: Error; message: string }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(sql`UPDATE audit_log SET detail = 'x' WHERE seq = 1`)).toMatch(/append-only \(UPDATE\)/);
    expect(await refusal(sql`DELETE FROM audit_log WHERE seq = 1`)).toMatch(/append-only \(DELETE\)/);
    expect(await refusal(sql`TRUNCATE audit_log`)).toMatch(/append-only \(TRUNCATE\)/);
  });

  it('reports the first altered entry, in any field', async () => {
    // Tampering as the database's owner would: the append-only trigger switched off first.
    await rows(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    const n = Math.floor((await maxSeq()) / 2);
    const [{ detail }] = (await rows<{ detail: string | null }>(sql`SELECT detail FROM audit_log WHERE seq = ${n}`)) as [{ detail: string | null }];
    await rows(sql`UPDATE audit_log SET detail = 'x' WHERE seq = ${n}`);
    expect(await verifyAuditChain(env.services.db)).toEqual({ ok: false, checked: n - 1, firstBroken: { seq: n, reason: 'content does not match its hash' } });
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: false, firstBroken: { seq: n } });
    await rows(sql`UPDATE audit_log SET detail = ${detail} WHERE seq = ${n}`);
    expect((await verifyAuditChain(env.services.db)).ok).toBe(true);

    const [{ seq }] = (await rows<{ seq: number }>(sql`SELECT seq FROM audit_log WHERE changes IS NOT NULL AND seq > 1 ORDER BY seq LIMIT 1`)) as [
      { seq: number },
    ];
    await rows(sql`UPDATE audit_log SET changes = jsonb_set(changes, '{forged}', 'true') WHERE seq = ${seq}`);
    expect((await verifyAuditChain(env.services.db)).firstBroken).toEqual({ seq, reason: 'content does not match its hash' });
    await rows(sql`UPDATE audit_log SET changes = changes - 'forged' WHERE seq = ${seq}`);
    expect((await verifyAuditChain(env.services.db)).ok).toBe(true);
  });

  it('reports a deleted entry at the one after the gap', async () => {
    const m = Math.floor((await maxSeq()) / 3);
    await rows(sql`DELETE FROM audit_log WHERE seq = ${m}`);
    const report = await verifyAuditChain(env.services.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ seq: m + 1, reason: `missing entry before ${m + 1} (expected ${m})` });
  });
});
