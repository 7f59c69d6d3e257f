import { and, eq, sql } from 'drizzle-orm';
import { importBatch, importError } from '../member.schema.js';
import * as repo from './import.repo.js';
import { hasStoredFile } from './import.recovery.js';
import { jobs, rateOf, requireBatchInScope } from './import.service.js';
import { resource } from '../../../platform/resource.js';
import type { Ctx } from '../../../platform/context.js';
import type { ImportListParams, ImportStatus } from '../../../../../common/src/contracts/member-import.js';

/** Reading batches: status, counts, progress and the first errors, always within the caller's scope. */

/** Batches as a scoped resource, for their history (platform/resource.ts). */
export const importBatches = resource<typeof importBatch, ImportListParams>({
  table: importBatch,
  entity: 'import_batch',
  noun: ['导入批次', 'import batch'],
  orgColumn: importBatch.orgId,
  idColumn: importBatch.id,
});

type BatchRow = typeof importBatch.$inferSelect;
type ErrorRowSel = typeof importError.$inferSelect;

export function presentBatch(b: BatchRow, orgName: string, s?: Pick<Ctx, 'config'>) {
  const job = jobs.get(b.id);
  const running = b.status === 'parsing' || b.status === 'committing';
  return {
    id: b.id,
    orgId: b.orgId,
    orgName,
    fileName: b.fileName,
    status: b.status as ImportStatus,
    total: b.total,
    valid: b.valid,
    rejected: b.rejected,
    created: b.created,
    updated: b.updated,
    unchanged: b.unchanged,
    rowsDone: Math.max(job?.rowsDone ?? 0, b.rowsDone),
    rate: running || b.status === 'preview' ? rateOf(running ? job : undefined, b.rowsDone, b.startedAt, b.finishedAt) : 0,
    message: b.message,
    restartable: b.status === 'failed' && !!s && hasStoredFile(s, b.id),
    startedAt: b.startedAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

export function presentError(e: ErrorRowSel) {
  const raw = (e.raw ?? {}) as unknown as repo.ErrorRaw;
  return {
    row: e.rowNo,
    column: e.column,
    code: e.code,
    message: e.message,
    messageEn: raw.messageEn ?? e.message,
    warning: (repo.WARNING_CODES as readonly string[]).includes(e.code),
  };
}

export async function listImports(c: Ctx, p: ImportListParams) {
  const { items, total } = await repo.listBatches(c.db, c.actor.scope, p);
  return { items: items.map((i) => presentBatch(i.batch, i.orgName, c)), total, page: p.page, pageSize: p.pageSize };
}

export async function getImport(c: Ctx, id: string) {
  const b = await requireBatchInScope(c, c.db, id);
  const [errs, [count]] = await Promise.all([
    repo.firstErrors(c.db, id, 100),
    c.db
      .select({ n: sql<number>`count(*)::int` })
      .from(importError)
      .where(and(eq(importError.batchId, id))),
  ]);
  return { ...presentBatch(b.batch, b.orgName, c), errorCount: count?.n ?? 0, errors: errs.map(presentError) };
}
