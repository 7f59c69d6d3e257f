import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { importBatch, importError } from '../member.schema.js';
import { appendAudit } from '../../../platform/audit.js';
import { AppError } from '../../../platform/errors.js';
import * as repo from './import.repo.js';
import type { Services } from '../../../platform/context.js';

/**
 * Crash recovery of roster imports (docs/operations.md, "Crash recovery").
 *
 * - The uploaded file is kept in the import folder (GONGHUI_IMPORT_DIR, default DATA_DIR/imports)
 *   until its batch is done or cancelled, so an interrupted batch can start again from the same file.
 * - While a process parses or commits a batch it holds the batch's lock: on PostgreSQL a session
 *   advisory lock on a connection of its own, which the server frees when a killed process's
 *   connection drops; the embedded database is opened by one process only (db/lock.ts), so there
 *   every running batch belongs to this process.
 * - At start (and every 10 minutes in the jobs process), a batch left 'parsing' or 'committing'
 *   whose lock is free is marked failed with the reason. The commit is one transaction, so a killed
 *   commit wrote nothing; its staging rows are dropped and the restart reads the stored file again.
 */

const BATCH_LOCK = 727011;
/** Stored files of failed batches are kept this long for a restart, then removed. */
const KEEP_FAILED_DAYS = 7;

export function importStoreDir(s: Pick<Services, 'config'>): string {
  return s.config.importDir ?? path.join(s.config.dataDir, 'imports');
}

export const storedFile = (s: Pick<Services, 'config'>, batchId: string) => path.join(importStoreDir(s), `${batchId}.roster`);

export const hasStoredFile = (s: Pick<Services, 'config'>, batchId: string) => fs.existsSync(storedFile(s, batchId));

/** Keep the roster under the batch's id: an upload's temporary file is moved there, any other file copied. Returns the stored path. */
export async function storeFile(
  s: Pick<Services, 'config'>,
  batchId: string,
  input: { path?: string; bytes?: Uint8Array; removeAfter?: boolean },
): Promise<string> {
  const dir = importStoreDir(s);
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  const dest = storedFile(s, batchId);
  const part = `${dest}.part`;
  if (input.bytes) await fs.promises.writeFile(part, input.bytes, { mode: 0o600 });
  else if (input.removeAfter) {
    try {
      await fs.promises.rename(input.path!, part);
    } catch {
      await fs.promises.copyFile(input.path!, part); // another file system
      await fs.promises.rm(input.path!, { force: true });
    }
  } else await fs.promises.copyFile(input.path!, part);
  await fs.promises.chmod(part, 0o600);
  await fs.promises.rename(part, dest);
  return dest;
}

export function dropStoredFile(s: Pick<Services, 'config'>, batchId: string): void {
  fs.rmSync(storedFile(s, batchId), { force: true });
}

/**
 * Hold a batch while this process works on it; returns the release. On PostgreSQL a session lock on
 * a connection of its own (never taken by a transaction of the work itself); refused with 409 when
 * another process holds it.
 */
export async function holdBatch(s: Pick<Services, 'database'>, batchId: string): Promise<() => Promise<void>> {
  if (s.database.engine !== 'postgres') return async () => undefined;
  const client = await (s.database.driver as pg.Pool).connect();
  try {
    const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS ok', [BATCH_LOCK, batchId]);
    if (!r.rows[0]!.ok) throw new AppError(409, 'IMPORT_BUSY', '该批次正在另一个服务进程中处理', 'Another server process is working on this batch');
  } catch (e) {
    client.release();
    throw e;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      await client.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [BATCH_LOCK, batchId]);
      client.release();
    } catch (e) {
      client.release(e as Error); // a broken connection: dropped, and its lock with it
    }
  };
}

const REASON = {
  parsing: { zh: '解析过程中服务中断（进程被终止或重启）', en: 'The server stopped while the file was being checked (process killed or restarted)' },
  committing: {
    zh: '提交过程中服务中断（进程被终止或重启），提交事务已回滚，未写入任何会员数据',
    en: 'The server stopped during the commit (process killed or restarted); the commit was rolled back and nothing was written',
  },
} as const;

/**
 * Find batches left 'parsing' or 'committing' by a process that is gone and mark them failed with
 * the reason (an error row, the message, an audit entry). `running` are the batches this process is
 * working on. Also removes stored files of batches that ended. Returns the ids marked failed.
 */
export async function recoverImports(s: Services, running: ReadonlySet<string> = new Set()): Promise<string[]> {
  const stale = await s.database.query<{ id: string; status: 'parsing' | 'committing'; org_id: string; file_name: string }>(sql`
    SELECT id, status, org_id, file_name FROM import_batch WHERE status IN ('parsing', 'committing') ORDER BY started_at`);
  const failed: string[] = [];
  for (const b of stale) {
    if (running.has(b.id)) continue;
    const marked = await s.db.transaction(async (tx) => {
      if (s.database.engine === 'postgres') {
        const [l] = await repo.rows<{ free: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${BATCH_LOCK}::int, hashtext(${b.id})) AS free`);
        if (!l!.free) return false; // a live process (another replica) is working on it
      }
      const restartable = hasStoredFile(s, b.id);
      const reason = REASON[b.status];
      const zh = `${reason.zh}。${restartable ? '可点击“重新开始”，用已上传的同一文件重新导入。' : '请重新上传文件。'}`;
      const en = `${reason.en}. ${restartable ? 'Restart it to import the same stored file again.' : 'Upload the file again.'}`;
      const [u] = await tx
        .update(importBatch)
        .set({ status: 'failed', message: zh, finishedAt: new Date() })
        .where(and(eq(importBatch.id, b.id), eq(importBatch.status, b.status)))
        .returning({ id: importBatch.id });
      if (!u) return false;
      await repo.clearStaging(tx, b.id);
      await repo.insertErrors(tx, [{ batchId: b.id, rowNo: repo.FILE_ROW, column: null, code: 'IMPORT_INTERRUPTED', message: zh, raw: { messageEn: en } }]);
      await appendAudit(tx, {
        actorName: 'system',
        orgId: b.org_id,
        action: 'member.import_interrupted',
        entity: 'import_batch',
        entityId: b.id,
        changes: { status: [b.status, 'failed'] },
        detail: `roster ${b.file_name}`.slice(0, 300),
      });
      return true;
    });
    if (marked) failed.push(b.id);
  }
  await pruneStoredFiles(s, running);
  return failed;
}

/** Stored files whose batch is done, cancelled, gone, or failed longer than a week ago. */
async function pruneStoredFiles(s: Services, running: ReadonlySet<string>): Promise<void> {
  const dir = importStoreDir(s);
  if (!fs.existsSync(dir)) return;
  const ids = fs
    .readdirSync(dir)
    .flatMap((f) => /^([0-9a-f-]{36})\.roster$/.exec(f)?.[1] ?? [])
    .filter((id) => !running.has(id));
  if (!ids.length) return;
  const keep = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = await s.db
      .select({ id: importBatch.id, status: importBatch.status, finishedAt: importBatch.finishedAt })
      .from(importBatch)
      .where(inArray(importBatch.id, part));
    const cutoff = Date.now() - KEEP_FAILED_DAYS * 86_400_000;
    for (const r of rows)
      if (['parsing', 'preview', 'committing'].includes(r.status) || (r.status === 'failed' && (r.finishedAt?.getTime() ?? Date.now()) > cutoff))
        keep.add(r.id);
  }
  for (const id of ids) if (!keep.has(id)) dropStoredFile(s, id);
  // Temporary files of a store that was cut short (an hour old: one being written now is left alone).
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    if (f.endsWith('.part') && Date.now() - fs.statSync(p).mtimeMs > 3_600_000) fs.rmSync(p, { force: true });
  }
}

/** Errors of a batch that starts again (the staged rows go too). */
export async function resetBatchRows(tx: Parameters<typeof repo.clearStaging>[0], batchId: string): Promise<void> {
  await repo.clearStaging(tx, batchId);
  await tx.delete(importError).where(eq(importError.batchId, batchId));
}
