import crypto from 'node:crypto';
import fs from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { importBatch } from '../member.schema.js';
import { requireOrgInScope } from '../../org/org.service.js';
import { maskOrgName } from '../../../../../common/src/org.js';
import { todayInChina } from '../../../../../common/src/dates.js';
import { ROSTER_COLUMN_BY_FIELD } from '../../../../../common/src/roster-headers.js';
import { AppError, errors } from '../../../platform/errors.js';
import { scopeCovers } from '../../../platform/scope.js';
import * as repo from './import.repo.js';
import { runParse, type ParseMode } from './roster-host.js';
import { RosterFileError } from './roster-reader.js';
import type { HeaderInfo } from './roster-parse.js';
import { rowData, type SealedChunk, type SealedRow } from './roster-seal.js';
import { dropStoredFile, holdBatch, resetBatchRows, storedFile, storeFile } from './import.recovery.js';
import { appendAudit } from '../../../platform/audit.js';
import type { RowError } from './roster-row.js';
import type { Ctx } from '../../../platform/context.js';
import type { Executor } from '../../../db/client.js';

/**
 * Roster import, first half: upload → import_batch ('parsing') → the file is parsed and validated
 * off the request path (worker thread) → every chunk is encrypted (buildMemberRecord) and staged in
 * import_row, problems in import_error → in-file duplicates found set-based → 'preview' with the
 * counts a commit would produce. Plaintext ID numbers and mobiles never reach the database.
 * The commit is in import.commit.ts.
 */

export interface ImportOptions {
  /** Rows per staged chunk (default 2,000: a COPY each on PostgreSQL; larger chunks raised the server's peak RSS). */
  chunkSize?: number;
  mode?: ParseMode;
}

export interface ImportJob {
  phase: 'parsing' | 'committing';
  phaseStartedAt: number;
  rowsDone: number;
  cancelled: boolean;
  done: Promise<void>;
}

/** Jobs running in this process: progress and rate between database updates, cancellation, and a promise tests and the CLI can await. */
export const jobs = new Map<string, ImportJob>();

export async function waitForImport(batchId: string): Promise<void> {
  await jobs.get(batchId)?.done;
}

/** Data rows per second of the running phase. */
export function rateOf(job: ImportJob | undefined, rowsDone: number, startedAt: Date, finishedAt: Date | null): number {
  const since = job ? job.phaseStartedAt : startedAt.getTime();
  const until = job || !finishedAt ? Date.now() : finishedAt.getTime();
  const secs = (until - since) / 1000;
  return secs > 0.05 ? Math.round((job?.rowsDone ?? rowsDone) / secs) : 0;
}

export const actorIdOf = (c: Ctx) => (c.actor.userId && /^[0-9a-f-]{36}$/i.test(c.actor.userId) ? c.actor.userId : null);

/** Imports go to one grassroots union the caller may see (out of scope looks missing). */
export async function requireImportTarget(c: Ctx, exec: Executor, orgId: string) {
  if (!c.actor.permissions.has('member.import')) throw errors.forbidden('member.import');
  const o = await requireOrgInScope(c, exec, orgId);
  if (o.level !== 'grassroots') throw errors.invalid('会员名册只能导入到基层工会', 'A roster can only be imported into a grassroots union');
  if (!o.active) throw errors.invalid('该工会已停用', 'That union is deactivated');
  return o;
}

async function hashFile(input: { bytes?: Uint8Array; path?: string }): Promise<string> {
  const h = crypto.createHash('sha256');
  if (input.bytes) h.update(input.bytes);
  else for await (const chunk of fs.createReadStream(input.path!)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export interface StartInput {
  orgId: string;
  fileName: string;
  bytes?: Uint8Array;
  path?: string;
  /** Delete `path` when parsing ends (uploads in a temporary file). */
  removeAfter?: boolean;
}

/**
 * Create the batch and start parsing in the background; resolves as soon as the batch exists. The
 * file is kept in the import folder until the batch ends, so an interrupted import can start again
 * from it (import.recovery.ts).
 */
export async function startImport(c: Ctx, input: StartInput, opts: ImportOptions = {}): Promise<{ batchId: string }> {
  if (!input.bytes && !input.path) throw errors.invalid('请选择要导入的文件', 'Choose a file to import');
  const target = await requireImportTarget(c, c.db, input.orgId);
  const id = uuidv7();
  const fileName = (input.fileName || 'roster').slice(0, 200);
  const release = await holdBatch(c, id);
  let stored: string;
  try {
    await c.db.insert(importBatch).values({ id, orgId: target.id, actorId: actorIdOf(c), fileName, fileHash: await hashFile(input), status: 'parsing' });
    stored = await storeFile(c, id, input);
  } catch (e) {
    await release();
    throw e;
  }
  launchParse(c, id, target.id, { orgId: target.id, fileName, path: stored }, opts, release);
  return { batchId: id };
}

/** Parse a batch's stored file in the background, holding the batch until it ends. */
function launchParse(c: Ctx, id: string, orgId: string, input: StartInput, opts: ImportOptions, release: () => Promise<void>) {
  const job: ImportJob = { phase: 'parsing', phaseStartedAt: Date.now(), rowsDone: 0, cancelled: false, done: Promise.resolve() };
  jobs.set(id, job);
  job.done = parseBatch(c, id, orgId, input, job, opts).finally(async () => {
    jobs.delete(id);
    await release();
  });
}

/**
 * Start a batch that failed because the server stopped (or any failure that left its file stored)
 * again from the same stored file: errors and staged rows are cleared and the batch is parsed anew.
 */
export async function restartImport(c: Ctx, id: string, opts: ImportOptions = {}): Promise<{ batchId: string }> {
  const b = await requireBatchInScope(c, c.db, id);
  await requireImportTarget(c, c.db, b.batch.orgId);
  const notRestartable = (zh: string, en: string) => new AppError(409, 'IMPORT_NOT_RESTARTABLE', zh, en);
  if (b.batch.status !== 'failed') throw notRestartable('只有失败的批次可以重新开始', 'Only a failed batch can be restarted');
  const file = storedFile(c, id);
  if (!fs.existsSync(file)) throw notRestartable('已上传的文件已不在服务器上，请重新上传', 'The uploaded file is no longer kept; upload it again');
  if ((await hashFile({ path: file })) !== b.batch.fileHash)
    throw notRestartable('服务器上保存的文件与原上传文件不一致，请重新上传', 'The stored file differs from the upload; upload it again');
  const release = await holdBatch(c, id);
  try {
    const claimed = await c.db.transaction(async (tx) => {
      const rows = await tx
        .update(importBatch)
        .set({
          status: 'parsing',
          total: 0,
          valid: 0,
          rejected: 0,
          created: 0,
          updated: 0,
          unchanged: 0,
          rowsDone: 0,
          message: null,
          startedAt: new Date(),
          finishedAt: null,
        })
        .where(and(eq(importBatch.id, id), eq(importBatch.status, 'failed')))
        .returning({ id: importBatch.id });
      if (!rows.length) return false;
      await resetBatchRows(tx, id);
      await appendAudit(tx, {
        actorId: actorIdOf(c),
        actorName: c.actor.username,
        ip: c.ip,
        orgId: b.batch.orgId,
        action: 'member.import_restart',
        entity: 'import_batch',
        entityId: id,
        changes: { status: ['failed', 'parsing'] },
        detail: `roster ${b.batch.fileName}`.slice(0, 300),
      });
      return true;
    });
    if (!claimed) throw notRestartable('该批次已在处理中', 'This batch is already being processed');
  } catch (e) {
    await release();
    throw e;
  }
  launchParse(c, id, b.batch.orgId, { orgId: b.batch.orgId, fileName: b.batch.fileName, path: file }, opts, release);
  return { batchId: id };
}

/**
 * GONGHUI_IMPORT_DEBUG=1 logs how long each step takes (for tuning on either engine) to stderr;
 * GONGHUI_IMPORT_DEBUG=/path/file appends the lines to that file instead (a server under a benchmark).
 */
export async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const debug = process.env.GONGHUI_IMPORT_DEBUG;
  if (!debug) return fn();
  const t = performance.now();
  try {
    return await fn();
  } finally {
    const line = `[import] ${label}: ${(performance.now() - t).toFixed(0)} ms`;
    if (debug.startsWith('/')) fs.appendFileSync(debug, line + '\n');
    else console.error(line);
  }
}

const errorRow = (batchId: string, e: RowError, values?: Record<string, string>, idIndex?: string): repo.ErrorRow => ({
  batchId,
  rowNo: e.row,
  column: e.column,
  code: e.code,
  message: e.message,
  raw: { ...(values ? { values } : {}), messageEn: e.messageEn, ...(idIndex ? { idIndex } : {}) },
});

async function parseBatch(c: Ctx, batchId: string, orgId: string, input: StartInput, job: ImportJob, opts: ImportOptions): Promise<void> {
  let header: HeaderInfo | null = null;
  try {
    await runParse(
      {
        source: input.bytes ? { bytes: input.bytes } : { path: input.path! },
        fileName: input.fileName,
        today: todayInChina(),
        chunkSize: opts.chunkSize ?? 2000,
        copyBatchId: c.database.engine === 'postgres' ? batchId : undefined,
      },
      {
        onHeader: async (h) => {
          header = h;
          if (h.warnings.length)
            await repo.insertErrors(
              c.db,
              h.warnings.map((w) => errorRow(batchId, w)),
            );
        },
        onChunk: async (chunk) => {
          await stageChunk(c, batchId, orgId, header!, chunk);
          job.rowsDone = chunk.rowsDone;
        },
        isCancelled: () => job.cancelled,
      },
      { ring: c.keys, secretKeyHex: c.config.secretKeyHex, dataDir: c.config.dataDir },
      opts.mode,
    );
    if (job.cancelled) return;
    await finishPreview(c, batchId, header!);
  } catch (e) {
    if (job.cancelled) return;
    // A file that cannot be read will not read better on a restart: only other failures keep it.
    if (e instanceof RosterFileError) dropStoredFile(c, batchId);
    const f =
      e instanceof RosterFileError ? e : new RosterFileError('PARSE_FAILED', `导入失败：${(e as Error).message}`, `The import failed: ${(e as Error).message}`);
    await c.db
      .transaction(async (tx) => {
        await repo.clearStaging(tx, batchId);
        await repo.insertErrors(tx, [errorRow(batchId, { row: repo.FILE_ROW, column: null, code: f.code, message: f.zh, messageEn: f.en })]);
        await tx
          .update(importBatch)
          .set({ status: 'failed', message: f.zh, finishedAt: new Date() })
          .where(and(eq(importBatch.id, batchId), eq(importBatch.status, 'parsing')));
      })
      .catch(() => undefined);
  }
}

/** Stage one sealed chunk; reject rows held by another union and card numbers already in use. */
async function stageChunk(c: Ctx, batchId: string, orgId: string, header: HeaderInfo, chunk: SealedChunk) {
  const idHeader = header.columns.find((x) => x.field === 'idNumber')!.header;
  const cardHeader = header.columns.find((x) => x.field === 'cardNo')?.header ?? ROSTER_COLUMN_BY_FIELD.get('cardNo')!.label;
  const errs: repo.ErrorRow[] = [];
  for (const r of chunk.invalid) for (const e of r.errors) errs.push(errorRow(batchId, e, r.raw, r.idIndex ?? undefined));
  const [held, taken] = await timed('stage: checks', () =>
    Promise.all([
      repo.heldElsewhere(
        c.db,
        orgId,
        chunk.valid.map((v) => v.idIndex),
      ),
      repo.cardsTaken(
        c.db,
        chunk.valid.flatMap((v) => (v.cardNo ? [v.cardNo] : [])),
      ),
    ]),
  );
  const heldBy = new Map(held.map((h) => [h.idIndex, h]));
  const cardOwner = new Map(taken.map((t) => [t.cardNo, t.idIndex]));
  const rows: SealedRow[] = [];
  const kept: number[] = [];
  const rawOf = (i: number) => (JSON.parse(rowData(chunk, i)) as { raw?: Record<string, string> }).raw ?? {};
  chunk.valid.forEach((v, i) => {
    const h = heldBy.size ? heldBy.get(v.idIndex) : undefined;
    const owner = v.cardNo && cardOwner.size ? cardOwner.get(v.cardNo) : undefined;
    if (h) errs.push(errorRow(batchId, heldElsewhereError(c, v.rowNo, idHeader, h), rawOf(i), v.idIndex));
    else if (owner && owner !== v.idIndex) {
      errs.push(
        errorRow(
          batchId,
          {
            row: v.rowNo,
            column: cardHeader,
            code: 'CARD_NO_TAKEN',
            message: `“${cardHeader}”已被其他会员使用`,
            messageEn: `${cardHeader}: the card number belongs to another member`,
          },
          rawOf(i),
          v.idIndex,
        ),
      );
    } else {
      rows.push(v);
      kept.push(i);
    }
  });
  // The kept rows' COPY lines, as views into the transferred buffer (the whole buffer when all are kept).
  let lines: Uint8Array[] | undefined;
  if (chunk.copy) {
    const { bytes, ends } = chunk.copy;
    lines = kept.length === chunk.valid.length ? [bytes] : kept.map((i) => bytes.subarray(i === 0 ? 0 : ends[i - 1]!, ends[i]!));
    if (!rows.length) lines = [];
  }
  await timed('stage: rows', () => repo.stageRows(c.database, batchId, rows, lines));
  await timed('stage: errors', () =>
    c.db.transaction(async (tx) => {
      await repo.insertErrors(tx, errs);
      await tx.update(importBatch).set({ rowsDone: chunk.rowsDone }).where(eq(importBatch.id, batchId));
    }),
  );
}

export function heldElsewhereError(c: Ctx, row: number, idHeader: string, h: repo.Holding): RowError {
  const union = scopeCovers(c.actor.scope, { id: h.orgId, path: h.orgPath }) ? h.orgName : maskOrgName(h.orgName);
  return {
    row,
    column: idHeader,
    code: 'MEMBER_HELD_ELSEWHERE',
    message: `此人已是“${union}”的会员，一人只能有一个会籍；如工作变动请办理会员关系接转`,
    messageEn: `This person is already a member of "${union}"; one person holds one membership — use a transfer instead`,
  };
}

async function finishPreview(c: Ctx, batchId: string, header: HeaderInfo) {
  const idHeader = header.columns.find((x) => x.field === 'idNumber')!.header;
  const cardHeader = header.columns.find((x) => x.field === 'cardNo')?.header ?? null;
  await c.db.transaction(async (tx) => {
    await timed('preview: analyze', async () => {
      await tx.execute(sql`ANALYZE import_row`); // fresh statistics for the set-based checks below
      await tx.execute(sql`ANALYZE import_error`);
    });
    await timed('preview: duplicates', () => repo.rejectInFileDuplicates(tx, batchId, idHeader, cardHeader));
    const p = await timed('preview: counts', () => repo.predictCounts(tx, batchId));
    const rejected = await timed('preview: rejected', () => repo.rejectedCount(tx, batchId));
    const [{ total }] = (await repo.rows<{ total: number }>(tx, sql`SELECT rows_done AS total FROM import_batch WHERE id = ${batchId}`)) as [{ total: number }];
    await tx
      .update(importBatch)
      .set({
        status: 'preview',
        total,
        valid: p.valid,
        rejected,
        created: p.created,
        updated: p.updated,
        unchanged: p.unchanged,
        rowsDone: total,
        message: null,
        finishedAt: new Date(),
      })
      .where(and(eq(importBatch.id, batchId), eq(importBatch.status, 'parsing')));
  });
}

/** Load a batch whose union the caller may see; anything else looks missing. */
export async function requireBatchInScope(c: Ctx, exec: Executor, id: string) {
  const b = await repo.getBatch(exec, id);
  if (!b || !scopeCovers(c.actor.scope, { id: b.batch.orgId, path: b.orgPath })) throw errors.notFound('导入批次', 'import batch');
  return b;
}

/** Stop a batch that is parsing or waiting for commit; staging rows are dropped, errors kept. */
export async function cancelImport(c: Ctx, id: string) {
  const b = await requireBatchInScope(c, c.db, id);
  if (!['parsing', 'preview', 'failed'].includes(b.batch.status)) {
    throw new AppError(
      409,
      'IMPORT_NOT_CANCELLABLE',
      b.batch.status === 'committing' ? '正在提交，不能取消' : '该批次已结束，不能取消',
      'This batch can no longer be cancelled',
    );
  }
  const job = jobs.get(id);
  if (job) job.cancelled = true;
  await c.db.transaction(async (tx) => {
    await repo.clearStaging(tx, id);
    await tx.update(importBatch).set({ status: 'cancelled', finishedAt: new Date() }).where(eq(importBatch.id, id));
  });
  await job?.done.catch(() => undefined);
  await repo.clearStaging(c.db, id);
  dropStoredFile(c, id);
}
