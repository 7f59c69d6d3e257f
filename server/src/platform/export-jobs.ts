import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { AppError, errors } from './errors.js';
import type { Ctx } from './context.js';
import type { Permission } from '../../../common/src/permissions.js';

/**
 * Exports in the background (docs/architecture.md, "Long work"): a long export — a whole city's
 * roster, a ledger — is written to a temporary file while the user works on; the page shows how
 * many rows are done and offers the file when it is ready. A module registers its export kind (its
 * permission and the function that streams it); the job belongs to the user who started it and
 * only they can see or download it. Jobs and files live in this process for an hour (with several
 * replicas, route a user's requests to one of them, or use the direct download).
 */
export interface ExportRun {
  stream: Readable;
  /** Rows the export will write (for the progress bar). */
  rows: number;
  fileName: string;
  contentType: string;
}

export interface ExportKind {
  permission: Permission;
  /** Start the export (checks and audit included) and report rows done through `progress`. */
  start(c: Ctx, query: Record<string, unknown>, progress: (rowsDone: number) => void): Promise<ExportRun>;
}

const kinds = new Map<string, ExportKind>();

export function registerExport(kind: string, def: ExportKind): void {
  kinds.set(kind, def);
}

export interface ExportJob {
  id: string;
  kind: string;
  userId: string;
  status: 'running' | 'done' | 'failed';
  rowsDone: number;
  rows: number;
  fileName: string;
  contentType: string;
  bytes: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  path: string;
}

const jobs = new Map<string, ExportJob>();
const KEEP_MS = 60 * 60_000;

function sweep() {
  const now = Date.now();
  for (const [id, j] of jobs) {
    if (j.status !== 'running' && j.finishedAt && now - Date.parse(j.finishedAt) > KEEP_MS) {
      fs.rm(j.path, { force: true }, () => undefined);
      jobs.delete(id);
    }
  }
}

const present = (j: ExportJob) => ({
  id: j.id,
  kind: j.kind,
  status: j.status,
  rowsDone: j.rowsDone,
  rows: j.rows,
  fileName: j.fileName,
  bytes: j.bytes,
  error: j.error,
  startedAt: j.startedAt,
  finishedAt: j.finishedAt,
});

/** Start an export of `kind` for the caller; it runs on while they work. */
export async function startExportJob(c: Ctx, kind: string, query: Record<string, unknown>) {
  sweep();
  const def = kinds.get(kind);
  if (!def) throw errors.invalid(`没有这种导出：${kind}`, `No such export: ${kind}`);
  if (!c.actor.permissions.has(def.permission)) throw errors.forbidden(def.permission);
  const running = [...jobs.values()].filter((j) => j.userId === c.actor.userId && j.status === 'running').length;
  if (running >= 3)
    throw new AppError(429, 'EXPORTS_BUSY', '您已有3个导出正在进行，请等其完成后再试', 'You already have three exports running; wait for one to finish');
  const id = crypto.randomUUID();
  const job: ExportJob = {
    id,
    kind,
    userId: c.actor.userId,
    status: 'running',
    rowsDone: 0,
    rows: 0,
    fileName: '',
    contentType: '',
    bytes: 0,
    error: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    path: path.join(os.tmpdir(), `gonghui-export-${id}`),
  };
  // The kind's own checks (scope, unmask permission …) run now, so a refusal answers this request.
  const run = await def.start(c, query, (n) => void (job.rowsDone = n));
  Object.assign(job, { rows: run.rows, fileName: run.fileName, contentType: run.contentType });
  jobs.set(id, job);
  const file = fs.createWriteStream(job.path, { mode: 0o600 });
  file.on('drain', () => void (job.bytes = file.bytesWritten));
  pipeline(run.stream, file).then(
    () => Object.assign(job, { status: 'done', rowsDone: job.rows, bytes: file.bytesWritten, finishedAt: new Date().toISOString() }),
    (e: Error) => {
      Object.assign(job, { status: 'failed', error: e.message.slice(0, 300), finishedAt: new Date().toISOString() });
      fs.rm(job.path, { force: true }, () => undefined);
    },
  );
  return present(job);
}

function mine(c: Ctx, id: string): ExportJob {
  const j = jobs.get(id);
  // Someone else's job looks like no job at all.
  if (!j || j.userId !== c.actor.userId) throw errors.notFound('导出任务', 'export');
  return j;
}

export function getExportJob(c: Ctx, id: string) {
  return present(mine(c, id));
}

export function listExportJobs(c: Ctx) {
  sweep();
  return [...jobs.values()]
    .filter((j) => j.userId === c.actor.userId)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .map(present);
}

/** The finished file. */
export function exportFile(c: Ctx, id: string): { stream: Readable; fileName: string; contentType: string; bytes: number } {
  const j = mine(c, id);
  if (j.status !== 'done')
    throw new AppError(
      409,
      'EXPORT_NOT_READY',
      j.status === 'failed' ? `导出失败：${j.error}` : '导出尚未完成',
      j.status === 'failed' ? `The export failed: ${j.error}` : 'The export is not finished yet',
    );
  return { stream: fs.createReadStream(j.path), fileName: j.fileName, contentType: j.contentType, bytes: j.bytes };
}
