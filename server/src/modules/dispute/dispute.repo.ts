import { and, eq, inArray, sql } from 'drizzle-orm';
import { disputeCase, mediator } from './dispute.schema.js';
import { org } from '../org/org.schema.js';
import { escapeLike, underOrgSql } from '../../platform/scope.js';
import { resource } from '../../platform/resource.js';
import { todayInChina } from '../../../../common/src/dates.js';
import type { DisputeListParams, MediatorListParams } from '../../../../common/src/contracts/dispute.js';
import type { Executor } from '../../db/client.js';

const under = (col: typeof disputeCase.orgId | typeof mediator.orgId, v: string) => underOrgSql(col, v);

/** Open cases with a statutory clock past its day: mediation (Art. 14) or the court's return date of a delegated case. */
export const overdueSql = (today: string) =>
  sql`(${disputeCase.status} IN ('received', 'mediating') AND (${disputeCase.mediationDue} < ${today} OR ${disputeCase.courtReturnOn} < ${today}))`;

/** The cases as a scoped resource: the handling body's scope in every list and count, 404 outside it. */
export const disputes = resource<typeof disputeCase, DisputeListParams>({
  table: disputeCase,
  entity: 'dispute',
  noun: ['劳动争议案件', 'dispute case'],
  orgColumn: disputeCase.orgId,
  idColumn: disputeCase.id,
  versionColumn: disputeCase.version,
  filters: {
    q: (v) =>
      sql`(${disputeCase.caseNo} = ${v.toUpperCase()} OR ${disputeCase.employerName} LIKE ${'%' + escapeLike(v) + '%'} OR ${disputeCase.platformName} LIKE ${'%' + escapeLike(v) + '%'})`,
    status: (v) => eq(disputeCase.status, v),
    type: (v) => eq(disputeCase.type, v),
    channel: (v) => eq(disputeCase.channel, v),
    under: (v) => under(disputeCase.orgId, v),
    mediatorId: (v) => eq(disputeCase.mediatorId, v),
    overdue: () => overdueSql(todayInChina()),
    dueSoon: () =>
      sql`(${disputeCase.status} IN ('received', 'mediating') AND ${disputeCase.mediationDue} BETWEEN ${todayInChina()} AND (${todayInChina()}::date + 3))`,
    collective: () => eq(disputeCase.collective, true),
  },
  sorts: { receivedOn: disputeCase.receivedOn, mediationDue: disputeCase.mediationDue, amount: disputeCase.amountClaimedFen },
  countCap: 1000,
});

export const mediators = resource<typeof mediator, MediatorListParams>({
  table: mediator,
  entity: 'mediator',
  noun: ['调解员', 'mediator'],
  orgColumn: mediator.orgId,
  idColumn: mediator.id,
  versionColumn: mediator.version,
  filters: { under: (v) => under(mediator.orgId, v), kind: (v) => eq(mediator.kind, v) },
  sorts: { name: mediator.name },
  countCap: 1000,
});

/** Names of the given unions. */
export async function orgNames(exec: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await exec.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Names of the given mediators. */
export async function mediatorNames(exec: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await exec.select({ id: mediator.id, name: mediator.name }).from(mediator).where(inArray(mediator.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Open cases per mediator (the workload that assignment balances). */
export async function openLoads(exec: Executor, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await exec
    .select({ id: disputeCase.mediatorId, n: sql<number>`count(*)::int` })
    .from(disputeCase)
    .where(and(inArray(disputeCase.mediatorId, ids), inArray(disputeCase.status, ['received', 'mediating'])))
    .groupBy(disputeCase.mediatorId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}
