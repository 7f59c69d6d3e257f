import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as tar from 'tar-stream';
import { createTestEnv, type TestEnv } from '../test/harness.js';
import { backupDatabase, readManifest, restoreDatabase, type BackupManifest } from './backup.js';

/**
 * Backup and restore (docs/operations.md): an archive of one engine restores on the other with the
 * same counts and checksums, and the app works on it; a newer archive, another key or a database
 * holding data are refused with nothing written. On PostgreSQL's CI pass the round trip crosses
 * engines both ways; in `npm test` (PGlite) it goes PGlite → PGlite.
 */
const crossEngine = !!process.env.TEST_DATABASE_URL;
const other = crossEngine ? 'pglite' : undefined;
let src: TestEnv;
let key: string;
let dir: string;
let file: string;
let manifest: BackupManifest;

beforeAll(async () => {
  key = crypto.randomBytes(32).toString('hex');
  src = await createTestEnv({ secretKeyHex: key, members: 500, hardship: 60 });
  const admin = await src.login('admin');
  expect((await admin.get('/api/orgs?pageSize=1')).statusCode).toBe(200);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-backup-'));
  file = path.join(dir, 'gonghui.backup');
  manifest = await backupDatabase(src.services, file);
}, 240_000);
afterAll(async () => {
  await src?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = async (env: TestEnv, table: string) =>
  Number((await env.services.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n);

describe('backup', () => {
  it('writes one archive with a manifest: version, migrations, counts, checksums and the key fingerprint, not the key', async () => {
    expect(manifest).toMatchObject({
      format: 'gonghui-backup/1',
      appVersion: src.services.version,
      engine: src.engine,
      keyFingerprint: src.services.keys.keyId,
    });
    expect(manifest.migrations.count).toBeGreaterThan(8);
    for (const t of ['org', 'member', 'audit_log', 'hardship_file']) expect(manifest.tables.find((x) => x.name === t)?.rows).toBe(await count(src, t));
    expect(manifest.sequences.member_card_seq).toBeGreaterThan(0);
    const bytes = fs.readFileSync(file);
    expect(bytes.includes(Buffer.from(key))).toBe(false);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await readManifest(file)).toEqual(manifest);
  });
});

describe(`restore${crossEngine ? ' on the other engine' : ''}`, () => {
  it('gives identical counts and checksums, and the app starts and serves on it', async () => {
    const dst = await createTestEnv({ seed: false, secretKeyHex: key, engine: other });
    try {
      const m = await restoreDatabase(dst.services, file);
      expect(m.tables.length).toBe(manifest.tables.length);
      for (const t of manifest.tables) expect(await count(dst, t.name), t.name).toBe(t.rows);
      const again = await backupDatabase(dst.services, path.join(dir, 'again.backup'));
      expect(again.tables).toEqual(manifest.tables);
      // The app works on it: sign in, list, decrypt a member's ID number with the same key.
      const admin = await dst.login('admin');
      const members = (await admin.get('/api/members?pageSize=1')).json();
      expect(members.total).toBe((await (await src.login('admin')).get('/api/members?pageSize=1')).json().total);
      expect((await admin.post(`/api/members/${members.items[0].id}/unmask`)).statusCode).toBe(200);
      expect((await admin.get('/api/dashboard/members')).statusCode).toBe(200);
    } finally {
      await dst.close();
    }
  }, 240_000);

  it.runIf(crossEngine)(
    'also the other way: an archive of the embedded database restores on PostgreSQL',
    async () => {
      const k = crypto.randomBytes(32).toString('hex');
      const lite = await createTestEnv({ secretKeyHex: k, members: 300, hardship: 30, engine: 'pglite' });
      const pg = await createTestEnv({ seed: false, secretKeyHex: k });
      try {
        const f = path.join(dir, 'lite.backup');
        const m = await backupDatabase(lite.services, f);
        expect(m.engine).toBe('pglite');
        expect(pg.engine).toBe('postgres');
        await restoreDatabase(pg.services, f);
        expect((await backupDatabase(pg.services, path.join(dir, 'lite-again.backup'))).tables).toEqual(m.tables);
        expect((await (await pg.login('admin')).get('/api/hardship/files?pageSize=1')).statusCode).toBe(200);
      } finally {
        await lite.close();
        await pg.close();
      }
    },
    240_000,
  );

  it('refuses another key, naming both fingerprints, and writes nothing', async () => {
    const dst = await createTestEnv({ seed: false, engine: other });
    try {
      await expect(restoreDatabase(dst.services, file)).rejects.toThrow(new RegExp(`${manifest.keyFingerprint}.*${dst.services.keys.keyId}`));
      expect(await count(dst, 'org')).toBe(0);
    } finally {
      await dst.close();
    }
  });

  it('refuses an archive of a newer version, and a database that holds data', async () => {
    const newer = path.join(dir, 'newer.backup');
    await repack(file, newer, (m) => ({ ...m, appVersion: '99.0.0' }));
    const dst = await createTestEnv({ seed: false, secretKeyHex: key, engine: other });
    try {
      await expect(restoreDatabase(dst.services, newer)).rejects.toThrow(/更新的版本 99\.0\.0/);
      await expect(restoreDatabase(dst.services, path.join(dir, 'missing.backup'))).rejects.toThrow(/找不到备份文件/);
      fs.writeFileSync(path.join(dir, 'junk.backup'), 'not an archive');
      await expect(restoreDatabase(dst.services, path.join(dir, 'junk.backup'))).rejects.toThrow(/已损坏|清单/);
      expect(await count(dst, 'org')).toBe(0);
    } finally {
      await dst.close();
    }
    await expect(restoreDatabase(src.services, file)).rejects.toThrow(/不是空的/);
  });
});

/** Copy an archive with its manifest changed. */
async function repack(from: string, to: string, change: (m: BackupManifest) => BackupManifest) {
  const extract = tar.extract();
  const pack = tar.pack();
  const out = fs.createWriteStream(to);
  pack.pipe(out);
  extract.on('entry', (h, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: unknown) => void chunks.push(c as Buffer));
    stream.on('end', () => {
      let body = Buffer.concat(chunks);
      if (h.name === 'manifest.json') body = Buffer.from(JSON.stringify(change(JSON.parse(body.toString()))));
      pack.entry({ name: h.name, size: body.length }, body, next);
    });
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', () => {
      pack.finalize();
      out.on('close', resolve);
    });
    extract.on('error', reject);
    fs.createReadStream(from).pipe(extract);
  });
}
