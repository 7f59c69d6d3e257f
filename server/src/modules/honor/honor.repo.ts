import { eq, ilike, inArray, sql } from 'drizzle-orm';
import { honorCall, honorNomination, honorObjection, honorRecord } from './honor.schema.js';
import { org } from '../org/org.schema.js';
import { resource } from '../../platform/resource.js';
import { errors } from '../../platform/errors.js';
import { escapeLike, pathIds, scopeCovers, underOrgSql } from '../../platform/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { CallListParams, NominationListParams, RecordListParams } from '../../../../common/src/contracts/honor.js';

const under = (col: typeof honorNomination.orgId | typeof honorRecord.orgId) => (v: string) => underOrgSql(col, v);

/** A call is seen in its union's scope and by the unions below it (they nominate); edited only in its union's scope. */
export const calls = resource<typeof honorCall, CallListParams>({
  table: honorCall,
  entity: 'honor_call',
  noun: ['评选', 'call'],
  orgColumn: honorCall.orgId,
  idColumn: honorCall.id,
  versionColumn: honorCall.version,
  filters: {
    q: (v) => ilike(honorCall.title, `%${escapeLike(v)}%`),
    status: (v) => eq(honorCall.status, v),
    year: (v) => eq(honorCall.year, v),
  },
  sorts: { year: honorCall.year, title: honorCall.title, updatedAt: honorCall.updatedAt },
  countCap: 1000,
  visible: async (c, row, exec) => pathIds(c.actor.orgPath).includes(row.orgId) || (await orgCovered(c, exec, row.orgId)),
});

export const nominations = resource<typeof honorNomination, NominationListParams>({
  table: honorNomination,
  entity: 'honor_nomination',
  noun: ['推荐人选', 'nomination'],
  orgColumn: honorNomination.orgId,
  idColumn: honorNomination.id,
  versionColumn: honorNomination.version,
  filters: {
    callId: (v) => eq(honorNomination.callId, v),
    status: (v) => eq(honorNomination.status, v),
    kind: (v) => eq(honorNomination.kind, v),
    q: (v) => sql`(${honorNomination.name} ILIKE ${'%' + escapeLike(v) + '%'} OR ${honorNomination.employer} ILIKE ${'%' + escapeLike(v) + '%'})`,
    under: under(honorNomination.orgId),
  },
  sorts: { name: honorNomination.name, updatedAt: honorNomination.updatedAt },
  countCap: 1000,
});

/** Objections belong to the calling union (the reviewing body): nobody else reads them. */
export const objections = resource<typeof honorObjection, Record<string, never>>({
  table: honorObjection,
  entity: 'honor_objection',
  noun: ['异议', 'objection'],
  orgColumn: honorObjection.orgId,
  idColumn: honorObjection.id,
  versionColumn: honorObjection.version,
});

export const records = resource<typeof honorRecord, RecordListParams>({
  table: honorRecord,
  entity: 'honor_record',
  noun: ['荣誉记录', 'honour record'],
  orgColumn: honorRecord.orgId,
  idColumn: honorRecord.id,
  versionColumn: honorRecord.version,
  filters: {
    q: (v) =>
      sql`(${honorRecord.name} ILIKE ${'%' + escapeLike(v) + '%'} OR ${honorRecord.employer} ILIKE ${'%' + escapeLike(v) + '%'} OR ${honorRecord.certificateNo} = ${v})`,
    kind: (v) => eq(honorRecord.kind, v),
    level: (v) => eq(honorRecord.level, v),
    year: (v) => eq(honorRecord.year, v),
    memberId: (v) => eq(honorRecord.memberId, v),
    under: under(honorRecord.orgId),
    inHardship: () => inHardshipSql,
  },
  sorts: { year: honorRecord.year, name: honorRecord.name, awardedOn: honorRecord.awardedOn },
  countCap: 1000,
});

/** The holder's household is on the hardship files (filed or in monitoring after exit is not counted). */
export const inHardshipSql = sql<boolean>`EXISTS (SELECT 1 FROM hardship_file hf WHERE hf.member_id = ${honorRecord.memberId} AND hf.status = 'filed')`;

export async function orgCovered(c: Ctx, exec: Executor, orgId: string): Promise<boolean> {
  const [o] = await exec.select({ id: org.id, path: org.path }).from(org).where(eq(org.id, orgId));
  return !!o && scopeCovers(c.actor.scope, o);
}

export async function orgsById(exec: Executor, ids: string[]) {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return new Map<string, { id: string; name: string; path: string; level: string; parentId: string | null }>();
  const rows = await exec
    .select({ id: org.id, name: org.name, path: org.path, level: org.level, parentId: org.parentId })
    .from(org)
    .where(inArray(org.id, uniq));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function orgOrThrow(exec: Executor, id: string) {
  const o = (await orgsById(exec, [id])).get(id);
  if (!o) throw errors.notFound('工会组织', 'organisation');
  return o;
}
