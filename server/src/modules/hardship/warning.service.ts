import { eq, getTableColumns, sql } from 'drizzle-orm';
import { hardshipWarning } from './warning.schema.js';
import { scanWarnings } from './warning.scan.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { isProvisional } from '../../../../common/src/deadlines.js';
import type { WarningListParams } from '../../../../common/src/contracts/hardship-warnings.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { resource } from '../../platform/resource.js';
import type { Ctx, Services } from '../../platform/context.js';
import { underOrgSql } from '../../platform/scope.js';

/** The most urgent first: red, orange, yellow, then the earliest due (days since 1900 stay far below the factor). */
const urgency = sql`(CASE ${hardshipWarning.level} WHEN 'red' THEN 0 WHEN 'orange' THEN 1 ELSE 2 END) * 1000000 + (${hardshipWarning.dueOn} - DATE '1900-01-01')`;

/** Warnings as a scoped resource (server/src/platform/resource.ts): `org_id` is the responsible union. */
export const warnings = resource<typeof hardshipWarning, WarningListParams>({
  table: hardshipWarning,
  entity: 'hardship_warning',
  noun: ['预警', 'warning'],
  orgColumn: hardshipWarning.orgId,
  idColumn: hardshipWarning.id,
  filters: {
    status: (v) => (v === 'all' ? undefined : eq(hardshipWarning.status, v)),
    level: (v) => eq(hardshipWarning.level, v),
    rule: (v) => eq(hardshipWarning.rule, v),
    fileId: (v) => eq(hardshipWarning.fileId, v),
    under: (v) => underOrgSql(hardshipWarning.orgId, v),
    overdue: () => sql`${hardshipWarning.status} = 'open' AND ${hardshipWarning.dueOn} < ${todayInChina()}`,
  },
  sorts: { urgency },
});

// The outer table named literally: without joins Drizzle renders its columns bare, which the subqueries would read as their own.
const listed = {
  ...getTableColumns(hardshipWarning),
  fileNo: sql<string | null>`(SELECT f.file_no FROM hardship_file f WHERE f.id = hardship_warning.file_id)`,
  name: sql<string | null>`(SELECT f.name FROM hardship_file f WHERE f.id = hardship_warning.file_id)`,
  orgName: sql<string>`(SELECT o.name FROM org o WHERE o.id = hardship_warning.org_id)`,
  closedByName: sql<string | null>`(SELECT u.display_name FROM app_user u WHERE u.id = hardship_warning.closed_by)`,
};
type Listed = typeof hardshipWarning.$inferSelect & { fileNo: string | null; name: string | null; orgName: string; closedByName: string | null };

export async function listWarnings(c: Ctx, p: WarningListParams) {
  const today = todayInChina();
  const [page, cal] = await Promise.all([warnings.list(c, { ...p, sort: 'urgency', order: 'asc' }, { select: listed }), c.settings.calendar()]);
  return {
    ...page,
    items: (page.items as unknown as Listed[]).map((x) => ({
      id: x.id,
      rule: x.rule,
      level: x.level,
      fileId: x.fileId,
      fileNo: x.fileNo,
      name: x.name,
      orgId: x.orgId,
      orgName: x.orgName,
      explanation: x.explanation,
      figures: x.figures,
      raisedOn: x.raisedOn,
      dueOn: x.dueOn,
      overdue: x.status === 'open' && x.dueOn < today,
      status: x.status,
      actionTaken: x.actionTaken,
      closedAt: x.closedAt?.toISOString() ?? null,
      closedByName: x.closedByName,
      provisional: x.status === 'open' && isProvisional(x.raisedOn, x.dueOn, cal),
    })),
  };
}

/** Close a warning: only with the action taken (销号须写明处置措施). */
export async function closeWarning(c: Ctx, id: string, action: string) {
  return c.db.transaction(async (tx) => {
    const w = await warnings.get(c, id, { exec: tx, lock: true });
    if (w.status !== 'open') throw new AppError(409, 'WARNING_CLOSED', '该预警已处置完毕', 'This warning is already closed');
    await warnings.update(
      c,
      tx,
      id,
      undefined,
      { status: 'closed', actionTaken: action, closedBy: c.actor.userId, closedAt: new Date() },
      {
        action: 'hardship.warning_close',
        changes: { rule: w.rule, level: w.level, fileId: w.fileId, action },
      },
    );
    return { ok: true as const };
  });
}

/** On demand: scan the caller's scope now (audited). */
export async function scanNow(c: Ctx) {
  const calendar = await c.settings.calendar();
  return c.db.transaction(async (tx) => {
    const r = await scanWarnings(tx, { scope: c.actor.scope, calendar });
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: c.actor.orgId,
      action: 'hardship.warning_scan',
      changes: { raised: r.raised, byRule: r.byRule, reevaluated: r.reevaluated },
    });
    return r;
  });
}

/** The scheduled job: everything, once (one replica at a time); audited only when it changed something. */
export async function runWarningJob(s: Services) {
  const calendar = await s.settings.calendar();
  return s.db.transaction(async (tx) => {
    const lock = (await tx.execute(sql`SELECT pg_try_advisory_xact_lock(727004) AS ok`)) as unknown as { rows: { ok: boolean }[] };
    if (!lock.rows[0]?.ok) return { raised: 0, byRule: {}, reevaluated: 0, ms: 0 };
    const r = await scanWarnings(tx, { calendar });
    if (r.raised || r.reevaluated)
      await appendAudit(tx, { action: 'hardship.warning_scan', actorName: 'job', changes: { raised: r.raised, byRule: r.byRule, reevaluated: r.reevaluated } });
    return r;
  });
}
