import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';
import { sql } from 'drizzle-orm';
import type { Services } from './context.js';
import type { Executor } from '../db/client.js';

/**
 * Backup and restore on either engine (docs/operations.md, "Backup and restore").
 *
 * One archive (tar): `manifest.json` — the application version, the migration level, the engine,
 * each table's row count and SHA-256, the sequences, and the fingerprint of the data key (never the
 * key itself) — then one gzipped JSON-lines file per table, its rows in primary-key order as
 * PostgreSQL's `row_to_json` writes them (in UTC). The same bytes come out of PGlite and of a
 * PostgreSQL server, so an archive restores on the other engine and the checksums prove it.
 *
 * Derived tables (the member and event sign-up counters kept by triggers) are not restored row by row: the triggers
 * rebuild them while the members are inserted, and their checksums are compared like any other.
 */

export const BACKUP_FORMAT = 'gonghui-backup/1';
/** Tables kept by triggers from others: rebuilt on restore, checked by checksum. */
const DERIVED = new Set(['member_org_tally', 'member_form_tally', 'event_tally']);
const PAGE = 5000;

export interface TableManifest {
  name: string;
  rows: number;
  sha256: string;
  derived?: true;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  appVersion: string;
  /** Number of migrations applied, and the last one's tag. */
  migrations: { count: number; last: string | null };
  engine: 'pglite' | 'postgres';
  createdAt: string;
  /** Fingerprint of the data-encryption key: a restore needs the same key (GONGHUI_SECRET_KEY or DATA_DIR/secret.key). */
  keyFingerprint: string;
  auditKeyId: string;
  sequences: Record<string, number>;
  tables: TableManifest[];
}

export class BackupError extends Error {
  constructor(
    public readonly zh: string,
    public readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

const rowsOf = async <T>(exec: Executor, q: ReturnType<typeof sql>) => ((await exec.execute(q)) as unknown as { rows: T[] }).rows;

/** The platform's tables (the migrations' own bookkeeping lives in the `drizzle` schema and is not one). */
async function tables(exec: Executor): Promise<{ name: string; pk: string[] }[]> {
  const names = await rowsOf<{ name: string }>(exec, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const out: { name: string; pk: string[] }[] = [];
  for (const { name } of names) {
    const pk = await rowsOf<{ col: string }>(
      exec,
      sql`
      SELECT a.attname AS col FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = ${'public.' + name}::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    );
    if (!pk.length) throw new Error(`table ${name} has no primary key: a backup needs one to read it in a stable order`);
    out.push({ name, pk: pk.map((p) => p.col) });
  }
  return out;
}

async function migrationLevel(exec: Executor): Promise<{ count: number; last: string | null }> {
  const [r] = await rowsOf<{ count: number; created_at: string | null }>(
    exec,
    sql`SELECT count(*)::int AS count, max(created_at)::text AS created_at FROM drizzle.__drizzle_migrations`,
  );
  const journal = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../db/migrations/meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const last = journal.entries.find((e) => String(e.when) === r?.created_at)?.tag ?? null;
  return { count: r?.count ?? 0, last };
}

/** Each row of a table as JSON text, in primary-key order, a page at a time. */
async function* tableRows(exec: Executor, t: { name: string; pk: string[] }): AsyncGenerator<string> {
  const table = sql.identifier(t.name);
  const order = sql.join(
    t.pk.map((c) => sql.identifier(c)),
    sql`, `,
  );
  let after: unknown[] | null = null;
  for (;;) {
    const where = after
      ? sql`WHERE (${order}) > (${sql.join(
          after.map((v) => sql`${v}`),
          sql`, `,
        )})`
      : sql``;
    const page: (Record<string, unknown> & { __j: string })[] = await rowsOf<Record<string, unknown> & { __j: string }>(
      exec,
      sql`SELECT row_to_json(t)::text AS __j, ${sql.join(
        t.pk.map((c) => sql`t.${sql.identifier(c)}::text AS ${sql.identifier('__k_' + c)}`),
        sql`, `,
      )} FROM ${table} t ${where} ORDER BY ${order} LIMIT ${PAGE}`,
    );
    for (const r of page) yield r.__j;
    if (page.length < PAGE) return;
    const last: Record<string, unknown> = page[page.length - 1]!;
    after = t.pk.map((c) => last['__k_' + c]);
  }
}

/** Rows and SHA-256 of a table as the backup writes it (also used to check a restore). */
async function digest(exec: Executor, t: { name: string; pk: string[] }, sink?: (line: string) => void): Promise<{ rows: number; sha256: string }> {
  const h = crypto.createHash('sha256');
  let rows = 0;
  for await (const line of tableRows(exec, t)) {
    h.update(line + '\n');
    sink?.(line);
    rows++;
  }
  return { rows, sha256: h.digest('hex') };
}

/** A consistent snapshot to read from: one repeatable-read transaction, times in UTC. */
async function inSnapshot<T>(s: Services, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return s.db.transaction(async (tx) => {
    if (s.database.engine === 'postgres') await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`);
    await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);
    return fn(tx);
  });
}

/** Write the whole database to `file` (written under a temporary name and renamed when complete). */
export async function backupDatabase(s: Services, file: string, log: (m: string) => void = () => undefined): Promise<BackupManifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-backup-'));
  try {
    const manifest = await inSnapshot(s, async (tx) => {
      const list = await tables(tx);
      const out: TableManifest[] = [];
      for (const t of list) {
        const gz = zlib.createGzip({ level: 6 });
        const done = pipeline(gz, fs.createWriteStream(path.join(work, `${t.name}.jsonl.gz`)));
        const d = await digest(tx, t, (line) => gz.write(line + '\n'));
        gz.end();
        await done;
        out.push({ name: t.name, ...d, ...(DERIVED.has(t.name) ? { derived: true as const } : {}) });
        log(`${t.name}: ${d.rows}`);
      }
      const seqs = await rowsOf<{ name: string; value: number }>(
        tx,
        sql`SELECT sequencename AS name, coalesce(last_value, 0)::bigint AS value FROM pg_sequences WHERE schemaname = 'public'`,
      );
      return {
        format: BACKUP_FORMAT,
        appVersion: s.version,
        migrations: await migrationLevel(tx),
        engine: s.database.engine,
        createdAt: new Date().toISOString(),
        keyFingerprint: s.keys.keyId,
        auditKeyId: s.auditSigner.keyId,
        sequences: Object.fromEntries(seqs.map((q) => [q.name, Number(q.value)])),
        tables: out,
      } satisfies BackupManifest;
    });
    const tmp = `${file}.part`;
    const pack = tar.pack();
    const written = pipeline(pack, fs.createWriteStream(tmp, { mode: 0o600 }));
    const json = Buffer.from(JSON.stringify(manifest, null, 2));
    pack.entry({ name: 'manifest.json', size: json.length }, json);
    for (const t of manifest.tables) {
      const p = path.join(work, `${t.name}.jsonl.gz`);
      await new Promise<void>((resolve, reject) => {
        const entry = pack.entry({ name: `tables/${t.name}.jsonl.gz`, size: fs.statSync(p).size }, (e) => (e ? reject(e) : resolve()));
        fs.createReadStream(p).on('error', reject).pipe(entry);
      });
    }
    pack.finalize();
    await written;
    fs.renameSync(tmp, file);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Read an archive's manifest, and extract its table files into `dir`. */
async function unpack(file: string, dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest | null = null;
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    if (header.name === 'manifest.json') {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => void chunks.push(c as Buffer));
      stream.on('end', () => {
        manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BackupManifest;
        next();
      });
    } else if (/^tables\/[a-z0-9_]+\.jsonl\.gz$/.test(header.name)) {
      stream.pipe(fs.createWriteStream(path.join(dir, path.basename(header.name)))).on('finish', next);
    } else {
      stream.resume();
      stream.on('end', next);
    }
  });
  try {
    await pipeline(fs.createReadStream(file), extract);
  } catch {
    throw new BackupError('备份文件已损坏或不是本系统的备份', 'The file is damaged or not a Gonghui backup');
  }
  if (!manifest || (manifest as BackupManifest).format !== BACKUP_FORMAT)
    throw new BackupError('备份文件缺少清单或格式不符', 'The archive has no manifest or an unknown format');
  return manifest;
}

/** Whether version `a` (x.y.z) is newer than `b`. */
function newer(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return false;
}

/**
 * Restore an archive into an empty database (migrated to this version, holding nothing but the
 * built-in roles). Refused — with nothing written — for an archive of a newer version or migration
 * level, a data key whose fingerprint differs, or a database that holds data. All tables are
 * restored in one transaction, then every table's rows and checksum are compared with the manifest.
 */
export async function restoreDatabase(s: Services, file: string, log: (m: string) => void = () => undefined): Promise<BackupManifest> {
  if (!fs.existsSync(file)) throw new BackupError(`找不到备份文件：${file}`, `No such file: ${file}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-restore-'));
  try {
    const m = await unpack(file, work);
    if (newer(m.appVersion, s.version))
      throw new BackupError(
        `备份来自更新的版本 ${m.appVersion}，当前为 ${s.version}：请先升级本系统`,
        `The archive is from a newer version (${m.appVersion}; this is ${s.version}): upgrade first`,
      );
    const level = await migrationLevel(s.db);
    if (m.migrations.count > level.count)
      throw new BackupError(
        `备份的数据库结构（第 ${m.migrations.count} 版）比当前（第 ${level.count} 版）新：请先升级本系统`,
        `The archive's schema (${m.migrations.count} migrations) is newer than this one (${level.count})`,
      );
    if (m.keyFingerprint !== s.keys.keyId) {
      throw new BackupError(
        `加密密钥不一致：备份使用指纹为 ${m.keyFingerprint} 的密钥，当前密钥指纹为 ${s.keys.keyId}。请用原密钥启动（GONGHUI_SECRET_KEY 或 DATA_DIR/secret.key）`,
        `Key mismatch: the archive was encrypted with key ${m.keyFingerprint}, this installation has ${s.keys.keyId}; start with the original key (GONGHUI_SECRET_KEY or DATA_DIR/secret.key)`,
      );
    }
    const here = await tables(s.db);
    // Empty: no organisation and no account yet (the start-up only installs built-in roles and default rules).
    const [{ n }] = await rowsOf<{ n: number }>(s.db, sql`SELECT (SELECT count(*) FROM org) + (SELECT count(*) FROM app_user) AS n`);
    if (Number(n) > 0)
      throw new BackupError(
        '目标数据库不是空的：请恢复到新的空数据目录或空数据库',
        'The target database is not empty: restore into an empty DATA_DIR or database',
      );
    for (const t of m.tables) {
      if (!here.some((h) => h.name === t.name)) throw new BackupError(`当前版本没有表 ${t.name}`, `This version has no table ${t.name}`);
    }
    await s.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`);
      // What the start-up installed (built-in roles, default rules and their audit entry) is replaced
      // by the archive's own; the append-only audit log lets this transaction clear it (see audit-tail.ts).
      await tx.execute(sql`SELECT set_config('gonghui.audit_archive', 'on', true)`);
      for (const h of here) await tx.execute(sql`DELETE FROM ${sql.identifier(h.name)}`);
      await tx.execute(sql`SELECT set_config('gonghui.audit_archive', 'off', true)`);
      for (const t of m.tables) {
        if (t.derived) continue;
        const lines = readline.createInterface({
          input: fs.createReadStream(path.join(work, `${t.name}.jsonl.gz`)).pipe(zlib.createGunzip()),
          crlfDelay: Infinity,
        });
        let batch: string[] = [];
        const flush = async () => {
          if (!batch.length) return;
          const json = `[${batch.join(',')}]`;
          await tx.execute(sql`INSERT INTO ${sql.identifier(t.name)} SELECT * FROM json_populate_recordset(NULL::${sql.identifier(t.name)}, ${json}::json)`);
          batch = [];
        };
        for await (const line of lines) {
          if (!line) continue;
          batch.push(line);
          if (batch.length >= 2000) await flush();
        }
        await flush();
        log(`${t.name}: ${t.rows}`);
      }
      for (const [name, value] of Object.entries(m.sequences)) {
        if (value > 0) await tx.execute(sql`SELECT setval(${'public.' + name}, ${value})`);
      }
      const byName = new Map(here.map((h) => [h.name, h]));
      for (const t of m.tables) {
        const d = await digest(tx, byName.get(t.name)!);
        if (d.rows !== t.rows || d.sha256 !== t.sha256) {
          throw new BackupError(
            `恢复后表 ${t.name} 与备份不一致（${d.rows} 行，备份为 ${t.rows} 行），已回滚`,
            `Table ${t.name} differs from the archive after restoring (${d.rows} rows, archive ${t.rows}); rolled back`,
          );
        }
      }
    });
    return m;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Read only the manifest of an archive. */
export async function readManifest(file: string): Promise<BackupManifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-manifest-'));
  try {
    return await unpack(file, work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
