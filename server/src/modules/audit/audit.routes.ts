import type { FastifyInstance } from 'fastify';
import { eq, gte, like, lt, sql } from 'drizzle-orm';
import { auditApi, type AuditListParams } from '../../../../common/src/contracts/audit.js';
import { addDays } from '../../../../common/src/dates.js';
import { auditLog } from './audit.schema.js';
import { mount } from '../../platform/mount.js';
import { resource } from '../../platform/resource.js';
import { escapeLike, underOrgSql } from '../../platform/scope.js';
import { verifyAuditLog } from '../../platform/audit-tail.js';
import { AppError } from '../../platform/errors.js';

/** The start of a China-local day as an instant. */
const chinaDayStart = (d: string) => new Date(d + 'T00:00:00+08:00');

/** Entries belong to the org they name (the record's, or the actor's); the scope decides which a caller reads. */
const entries = resource<typeof auditLog, AuditListParams>({
  table: auditLog,
  entity: 'audit',
  noun: ['审计记录', 'audit entry'],
  orgColumn: auditLog.orgId,
  idColumn: auditLog.seq,
  filters: {
    actor: (v) => eq(auditLog.actorName, v),
    action: (v) => like(auditLog.action, escapeLike(v) + '%'),
    entity: (v) => eq(auditLog.entity, v),
    entityId: (v) => eq(auditLog.entityId, v),
    result: (v) => eq(auditLog.result, v),
    under: (v) => underOrgSql(auditLog.orgId, v),
    from: (v) => gte(auditLog.at, chinaDayStart(v)),
    to: (v) => lt(auditLog.at, chinaDayStart(addDays(v, 1))),
  },
  // The log only grows: beyond this a page says "10,000+" instead of counting every entry in scope.
  countCap: 10_000,
});

/** The names of the records an entry may concern that have one worth showing (their ids are uuids). */
const entityName = sql<string | null>`CASE ${auditLog.entity}
  WHEN 'org' THEN (SELECT o.name FROM org o WHERE o.id = ${auditLog.entityId}::uuid)
  WHEN 'user' THEN (SELECT u.username FROM app_user u WHERE u.id = ${auditLog.entityId}::uuid)
  WHEN 'role' THEN (SELECT r.name FROM role r WHERE r.id = ${auditLog.entityId}::uuid) END`;

type Listed = { e: typeof auditLog.$inferSelect; orgName: string | null; entityName: string | null };

export async function auditRoutes(app: FastifyInstance) {
  mount(app, auditApi, {
    list: (c, { query }) =>
      entries.list(c, query, {
        select: { e: auditLog, orgName: sql<string | null>`(SELECT o.name FROM org o WHERE o.id = ${auditLog.orgId})`, entityName },
        map: (row) => {
          const { e, orgName, entityName: name } = row as unknown as Listed;
          return {
            seq: e.seq,
            at: e.at.toISOString(),
            actorName: e.actorName,
            orgId: e.orgId,
            orgName,
            action: e.action,
            entity: e.entity,
            entityId: e.entityId,
            entityName: name,
            changes: e.changes,
            ip: e.ip,
            result: e.result,
            detail: e.detail,
          };
        },
      }),
    verify: (c) => {
      if (!c.actor.scope.all)
        throw new AppError(403, 'FORBIDDEN', '只有全部数据范围的用户可以校验整条审计链', 'Only users with the whole-platform scope can verify the full chain');
      return verifyAuditLog(c.db, c.auditSigner);
    },
  });
}
