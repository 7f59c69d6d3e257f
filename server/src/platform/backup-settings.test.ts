import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../test/harness.js';

/** The scheduled backups settings (docs/operations.md, "Backup and restore"): defaults, system administrators only, audited. */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ members: 100, hardship: 0 });
});
afterAll(async () => {
  await env?.close();
});

describe('scheduled backups settings', () => {
  it('default to daily, keeping 14, with nothing written yet', async () => {
    const admin = await env.login('admin');
    const res = await admin.get('/api/settings/backup');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ settings: { enabled: true, intervalHours: 24, keep: 14 }, status: { lastAt: null, lastError: null, files: [] } });
  });

  it('a system administrator changes them; the change is audited and the jobs process reads it', async () => {
    const admin = await env.login('admin');
    const res = await admin.put('/api/settings/backup', { enabled: true, intervalHours: 12, keep: 30 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings).toEqual({ enabled: true, intervalHours: 12, keep: 30 });
    expect((await admin.get('/api/settings/backup')).json().settings).toEqual({ enabled: true, intervalHours: 12, keep: 30 });
    const [a] = await env.services.database.query<{ changes: Record<string, unknown> }>(
      sql`SELECT changes FROM audit_log WHERE action = 'settings.backup' ORDER BY seq DESC LIMIT 1`,
    );
    expect(a!.changes).toMatchObject({ intervalHours: expect.anything(), keep: expect.anything() });
  });

  it('refuses values out of range with a message, and anyone but a system administrator', async () => {
    const admin = await env.login('admin');
    const bad = await admin.put('/api/settings/backup', { enabled: true, intervalHours: 24, keep: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('至少保留1份');
    const federation = await env.login('district');
    expect((await federation.get('/api/settings/backup')).statusCode).toBe(403);
    expect((await federation.put('/api/settings/backup', { enabled: false, intervalHours: 24, keep: 14 })).statusCode).toBe(403);
    expect((await admin.get('/api/settings/backup')).json().settings.keep).toBe(30);
  });
});
