import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { hardshipWarning } from './warning.schema.js';
import { hardshipFile } from './hardship.schema.js';
import { org } from '../org/org.schema.js';
import { appUser } from '../user/user.schema.js';
import { actorOf, auditOf } from './hardship.shared.js';
import { scanWarnings } from './warning.scan.js';
import { WARNING_LEVELS, WARNING_RULES } from '../../../../common/src/hardship-vocab.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import { ownedScopeSql, scopeCovers } from '../../platform/scope.js';
import { PageQuery, pageOf } from '../../platform/contract.js';
import type { Ctx, Services } from '../../platform/context.js';

export const WarningListQuery = z.strictObject({
  ...PageQuery,
  status: z.enum(['open', 'closed', 'all']).default('open'),
  level: z.enum(WARNING_LEVELS).optional(),
  rule: z.enum(WARNING_RULES).optional(),
  overdue: z.enum(['true']).optional(),
  fileId: z.uuid().optional(),
  /** A union and the unions below it (the responsible union's subtree). */
  under: z.uuid().optional(),
});
export const WarningItem = z.object({
  id: z.string(), rule: z.string(), level: z.string(), fileId: z.string().nullable(), fileNo: z.string().nullable(), name: z.string().nullable(),
  orgId: z.string(), orgName: z.string(), explanation: z.string(), figures: z.record(z.string(), z.unknown()), raisedOn: z.string(), dueOn: z.string(),
  overdue: z.boolean(), status: z.string(), actionTaken: z.string().nullable(), closedAt: z.string().nullable(), closedByName: z.string().nullable(),
});
export const WarningPage = pageOf(WarningItem);
export const CloseBody = z.strictObject({ action: z.string().trim().min(4, '请写明采取的措施（至少4个字）/ describe the action taken').max(1000) });
export const ScanResultSchema = z.object({ raised: z.number(), byRule: z.record(z.string(), z.number()), reevaluated: z.number(), ms: z.number() });

export async function listWarnings(c: Ctx, p: z.infer<typeof WarningListQuery>) {
  const today = todayInChina();
  const w: SQL[] = [ownedScopeSql(c.actor.scope, hardshipWarning.orgId)];
  if (p.status !== 'all') w.push(eq(hardshipWarning.status, p.status));
  if (p.level) w.push(eq(hardshipWarning.level, p.level));
  if (p.rule) w.push(eq(hardshipWarning.rule, p.rule));
  if (p.fileId) w.push(eq(hardshipWarning.fileId, p.fileId));
  if (p.under) w.push(sql`${hardshipWarning.orgId} IN (SELECT o.id FROM org o WHERE o.path LIKE (SELECT u.path || '%' FROM org u WHERE u.id = ${p.under}))`);
  if (p.overdue) w.push(sql`${hardshipWarning.status} = 'open' AND ${hardshipWarning.dueOn} < ${today}`);
  const where = and(...w)!;
  const rows = await c.db
    .select({ w: hardshipWarning, fileNo: hardshipFile.fileNo, name: hardshipFile.name, orgName: org.name, closedByName: appUser.displayName })
    .from(hardshipWarning).innerJoin(org, eq(org.id, hardshipWarning.orgId)).leftJoin(hardshipFile, eq(hardshipFile.id, hardshipWarning.fileId))
    .leftJoin(appUser, eq(appUser.id, hardshipWarning.closedBy))
    .where(where)
    .orderBy(sql`CASE ${hardshipWarning.level} WHEN 'red' THEN 0 WHEN 'orange' THEN 1 ELSE 2 END`, asc(hardshipWarning.dueOn), asc(hardshipWarning.id))
    .limit(p.pageSize).offset((p.page - 1) * p.pageSize);
  const [{ total }] = (await c.db.select({ total: sql<number>`count(*)::int` }).from(hardshipWarning).where(where)) as [{ total: number }];
  return {
    items: rows.map(({ w: x, fileNo, name, orgName, closedByName }) => ({
      id: x.id, rule: x.rule, level: x.level, fileId: x.fileId, fileNo, name, orgId: x.orgId, orgName, explanation: x.explanation, figures: x.figures,
      raisedOn: x.raisedOn, dueOn: x.dueOn, overdue: x.status === 'open' && x.dueOn < today, status: x.status, actionTaken: x.actionTaken, closedAt: x.closedAt?.toISOString() ?? null, closedByName,
    })),
    total, page: p.page, pageSize: p.pageSize,
  };
}

/** Close a warning: only with the action taken (销号须写明处置措施). */
export async function closeWarning(c: Ctx, id: string, action: string) {
  return c.db.transaction(async (tx) => {
    const [row] = await tx.select({ w: hardshipWarning, path: org.path }).from(hardshipWarning).innerJoin(org, eq(org.id, hardshipWarning.orgId)).where(eq(hardshipWarning.id, id)).for('update', { of: hardshipWarning });
    if (!row || !scopeCovers(c.actor.scope, { id: row.w.orgId, path: row.path })) throw errors.notFound('预警', 'warning');
    if (row.w.status !== 'open') throw new AppError(409, 'WARNING_CLOSED', '该预警已处置完毕', 'This warning is already closed');
    await tx.update(hardshipWarning).set({ status: 'closed', actionTaken: action, closedBy: c.actor.userId, closedAt: new Date() }).where(eq(hardshipWarning.id, id));
    await appendAudit(tx, auditOf(actorOf(c), row.w.orgId, 'hardship.warning_close', id, { entity: 'hardship_warning', changes: { rule: row.w.rule, level: row.w.level, fileId: row.w.fileId, action } }));
    return { ok: true as const };
  });
}

/** On demand: scan the caller's scope now (audited). */
export async function scanNow(c: Ctx) {
  const calendar = await c.settings.calendar();
  return c.db.transaction(async (tx) => {
    const r = await scanWarnings(tx, { scope: c.actor.scope, calendar });
    await appendAudit(tx, { actorId: c.actor.userId, actorName: c.actor.username, ip: c.ip, orgId: c.actor.orgId, action: 'hardship.warning_scan', changes: { raised: r.raised, byRule: r.byRule, reevaluated: r.reevaluated } });
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
    if (r.raised || r.reevaluated) await appendAudit(tx, { action: 'hardship.warning_scan', actorName: 'job', changes: { raised: r.raised, byRule: r.byRule, reevaluated: r.reevaluated } });
    return r;
  });
}
