import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from './audit.schema.js';
import { ctx } from '../../platform/guard.js';
import { escapeLike, ownedScopeSql } from '../../platform/scope.js';
import { PageQuery, errorResponses, isoDate, pageOf } from '../../platform/contract.js';
import { verifyAuditChain } from '../../platform/audit.js';
import { addDays } from '../../../../common/src/dates.js';
import { AppError } from '../../platform/errors.js';

const tags = ['审计 audit'];

const AuditQuery = z.strictObject({
  ...PageQuery,
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(32).optional(),
  entityId: z.string().trim().max(64).optional(),
  result: z.enum(['ok', 'denied', 'failed']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const AuditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  changes: z.unknown(),
  ip: z.string().nullable(),
  result: z.string(),
  detail: z.string().nullable(),
});

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/audit', {
    config: { access: 'audit.read' },
    schema: { tags, summary: '审计日志（本人管辖范围）/ audit entries in scope', querystring: AuditQuery, response: { 200: pageOf(AuditEntrySchema), ...errorResponses } },
  }, async (req) => {
    const c = ctx(app, req);
    const q = req.query;
    const where: SQL[] = [ownedScopeSql(c.actor.scope, auditLog.orgId)];
    if (q.actor) where.push(eq(auditLog.actorName, q.actor));
    if (q.action) where.push(like(auditLog.action, escapeLike(q.action) + '%'));
    if (q.entity) where.push(eq(auditLog.entity, q.entity));
    if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
    if (q.result) where.push(eq(auditLog.result, q.result));
    // Dates are China-local days.
    if (q.from) where.push(gte(auditLog.at, new Date(q.from + 'T00:00:00+08:00')));
    if (q.to) where.push(lt(auditLog.at, new Date(addDays(q.to, 1) + 'T00:00:00+08:00')));
    const cond = and(...where);
    const rows = await c.db
      .select({ e: auditLog, orgName: sql<string | null>`(SELECT o.name FROM org o WHERE o.id = ${auditLog.orgId})` })
      .from(auditLog)
      .where(cond)
      .orderBy(desc(auditLog.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [{ total }] = (await c.db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(cond)) as [{ total: number }];
    return {
      items: rows.map(({ e, orgName }) => ({
        seq: e.seq, at: e.at.toISOString(), actorName: e.actorName, orgId: e.orgId, orgName, action: e.action, entity: e.entity,
        entityId: e.entityId, changes: e.changes, ip: e.ip, result: e.result, detail: e.detail,
      })),
      total, page: q.page, pageSize: q.pageSize,
    };
  });

  r.get('/api/audit/verify', {
    config: { access: 'audit.read' },
    schema: {
      tags, summary: '校验审计日志哈希链 / verify the hash chain',
      response: { 200: z.object({ ok: z.boolean(), checked: z.number(), firstBroken: z.object({ seq: z.number(), reason: z.string() }).optional() }), ...errorResponses },
    },
  }, async (req) => {
    const c = ctx(app, req);
    if (!c.actor.scope.all) throw new AppError(403, 'FORBIDDEN', '只有全部数据范围的用户可以校验整条审计链', 'Only users with the whole-platform scope can verify the full chain');
    return verifyAuditChain(c.db);
  });
}
