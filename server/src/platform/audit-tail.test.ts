import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../test/harness.js';
import { archiveAuditLog, loadAuditSigner, verifyAuditLog, writeCheckpoint, type AuditSigner } from './audit-tail.js';

/**
 * The audit log's tail (docs/architecture.md, invariant 5, docs/operations.md "The audit log"): signed
 * checkpoints kept outside the database find the newest entries cut away, as the chain finds an
 * altered field or a deleted middle entry; entries younger than six months cannot be archived, and
 * archived ones leave a signed anchor so the rest still verifies.
 */
let env: TestEnv;
let rows: <T>(q: SQL) => Promise<T[]>;
let signer: AuditSigner;
let dir: string;
const maxSeq = async () => (await rows<{ n: number }>(sql`SELECT coalesce(max(seq), 0)::int AS n FROM audit_log`))[0]!.n;

beforeAll(async () => {
  env = await createTestEnv();
  rows = <T>(q: SQL) => env.services.database.query<T>(q);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-audit-'));
  signer = loadAuditSigner({ dataDir: dir, persist: true });
  for (let i = 0; i < 5; i++) await env.signIn(`nobody${i}`, 'wrong');
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('signed checkpoints', () => {
  it('writes the head to the database and to the file outside it, signed with a key that is not the data key', async () => {
    const cp = await writeCheckpoint(env.services.db, signer);
    expect(cp).toMatchObject({ seq: await maxSeq(), keyId: signer.keyId });
    const line = JSON.parse(fs.readFileSync(path.join(dir, 'audit-checkpoints.log'), 'utf8').trim());
    expect(line).toEqual(cp);
    expect(fs.statSync(path.join(dir, 'audit-signing.key')).mode & 0o777).toBe(0o600);
    expect(await writeCheckpoint(env.services.db, signer)).toBeNull(); // nothing new since
    expect(await verifyAuditLog(env.services.db, signer)).toMatchObject({ ok: true, checkpoint: { seq: cp!.seq } });
  });

  it('finds the newest entries deleted, even when the database copies of the checkpoints go with them', async () => {
    await env.signIn('nobody-late', 'wrong');
    await env.signIn('nobody-later', 'wrong');
    await writeCheckpoint(env.services.db, signer);
    const head = await maxSeq();
    await rows(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    await rows(sql`DELETE FROM audit_log WHERE seq > ${head - 2}`);
    await rows(sql`DELETE FROM audit_checkpoint`);
    const r = await verifyAuditLog(env.services.db, signer);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toEqual({ seq: head - 1, reason: expect.stringContaining(`reaches entry ${head}, the log ends at ${head - 2}`) });
  });

  it('is what the audit page’s check reports: the server’s own checkpoints find the newest entries deleted', async () => {
    const admin = await env.login('admin');
    await env.signIn('nobody-last', 'wrong');
    const cp = (await writeCheckpoint(env.services.db, env.services.auditSigner))!;
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true, checkpoint: { seq: cp.seq } }); // this signer's checkpoints start after the cut above
    await rows(sql`DELETE FROM audit_log WHERE seq >= ${cp.seq - 1}`);
    const report = (await admin.get('/api/audit/verify')).json();
    expect(report).toMatchObject({ ok: false, firstBroken: { reason: expect.stringContaining(`reaches entry ${cp.seq}`) } });
  });

  it('refuses a checkpoint signed with another key', async () => {
    const other = loadAuditSigner({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gh-audit-x-')),
      persist: false,
      file: path.join(dir, 'audit-checkpoints.log'),
    });
    expect(other.keyId).not.toBe(signer.keyId);
    const forged = {
      ...JSON.parse(fs.readFileSync(path.join(dir, 'audit-checkpoints.log'), 'utf8').trim().split('\n')[0]!),
      signature: other.sign('anything'),
    };
    fs.appendFileSync(path.join(dir, 'audit-checkpoints.log'), JSON.stringify(forged) + '\n');
    expect((await verifyAuditLog(env.services.db, signer)).firstBroken?.reason).toMatch(/invalid signature/);
  });
});

describe('retention and archives', () => {
  it('keeps six months: a later cut-off is refused and nothing is removed', async () => {
    const fresh = await createTestEnv({ seed: false });
    try {
      const s = loadAuditSigner({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gh-audit-r-')), persist: false, file: null });
      await expect(archiveAuditLog(fresh.services.db, s, '2099-01-01', path.join(dir, 'never.jsonl'))).rejects.toThrow(/6个月|6 months/);
      expect(fs.existsSync(path.join(dir, 'never.jsonl'))).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  it('archives old entries to a signed file and leaves an anchor the chain starts from', async () => {
    const fresh = await createTestEnv({ seed: false });
    try {
      const q = <T>(x: SQL) => fresh.services.database.query<T>(x);
      // Entries written a year ago (their hashes cover their dates), then three of today.
      const s = loadAuditSigner({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gh-audit-a-')), persist: false, file: null });
      await q(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await q(sql`DELETE FROM audit_log`);
      await q(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      const { appendAudit } = await import('./audit.js');
      const realNow = Date.now;
      Date.now = () => realNow() - 400 * 86_400_000;
      const RealDate = Date;
      globalThis.Date = class extends RealDate {
        constructor(...a: ConstructorParameters<typeof Date>) {
          super(...((a.length ? a : [realNow() - 400 * 86_400_000]) as [number]));
        }
      } as DateConstructor;
      try {
        for (let i = 0; i < 4; i++) await fresh.services.db.transaction((tx) => appendAudit(tx, { actorName: 'old', action: 'auth.login', result: 'failed' }));
      } finally {
        globalThis.Date = RealDate;
        Date.now = realNow;
      }
      for (let i = 0; i < 3; i++) await fresh.services.db.transaction((tx) => appendAudit(tx, { actorName: 'new', action: 'auth.login', result: 'failed' }));
      const out = path.join(dir, 'archive.jsonl');
      const r = await archiveAuditLog(fresh.services.db, s, new Date(realNow() - 300 * 86_400_000).toISOString().slice(0, 10), out);
      expect(r).toMatchObject({ archived: 4, uptoSeq: 4 });
      const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(5);
      expect(JSON.parse(lines[4]!).archive).toMatchObject({ uptoSeq: 4, keyId: s.keyId });
      const left = await q<{ seq: number }>(sql`SELECT seq FROM audit_log ORDER BY seq`);
      expect(left.map((x) => x.seq)).toEqual([5, 6, 7, 8]); // the three new ones and the archive's own entry
      expect(await verifyAuditLog(fresh.services.db, s)).toMatchObject({ ok: true, archivedUpTo: 4, checked: 4 });
      // Deleting what follows the anchor is still found.
      await q(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await q(sql`DELETE FROM audit_log WHERE seq = 5`);
      expect((await verifyAuditLog(fresh.services.db, s)).firstBroken).toEqual({ seq: 6, reason: 'missing entry before 6 (expected 5)' });
    } finally {
      await fresh.close();
    }
  });
});
