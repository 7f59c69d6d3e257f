import { and, asc, eq, gt, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { org, type OrgRow } from './org.schema.js';
import { appUser } from '../user/user.schema.js';
import { escapeLike, orgScopeSql, type Scope } from '../../platform/scope.js';
import { resource } from '../../platform/resource.js';
import { addDays } from '../../../../common/src/dates.js';
import type { Executor } from '../../db/client.js';
import type { OrgListParams } from '../../../../common/src/contracts/org.js';

const parent = alias(org, 'parent');

/** Organisations as a scoped resource: the scope, the list's filters and sorts, history (platform/resource.ts). */
export const orgs = resource<typeof org, OrgListParams>({
  table: org,
  entity: 'org',
  noun: ['工会组织', 'organisation'],
  orgColumn: org.id,
  pathColumn: org.path,
  idColumn: org.id,
  versionColumn: org.version,
  filters: {
    active: (v) => (v === 'all' ? undefined : eq(org.active, v === 'true')),
    level: (v) => eq(org.level, v),
    kind: (v) => eq(org.kind, v),
    parentId: (v) => eq(org.parentId, v),
    under: (v) => sql`${org.path} LIKE (SELECT u.path || '%' FROM org u WHERE u.id = ${v})`,
    q: (v) => {
      const like = '%' + escapeLike(v) + '%';
      return sql`(${org.name} ILIKE ${like} OR ${org.code} ILIKE ${like} OR ${org.uscc} = ${v.toUpperCase()} OR ${org.employerName} ILIKE ${like})`;
    },
    noChair: () => and(isNull(org.chairName), eq(org.level, 'grassroots')),
  },
  sorts: { code: org.code, name: org.name, employeeCount: org.employeeCount, termEnd: org.termEnd, updatedAt: org.updatedAt },
});

/** The term filter counts from today, with the reminder days of the term rule in force. */
export function termFilter(status: OrgListParams['termStatus'], today: string, reminderDays: number): SQL | undefined {
  if (status === 'expired') return lte(org.termEnd, today);
  if (status === 'expiring') return and(gt(org.termEnd, today), lte(org.termEnd, addDays(today, reminderDays)));
  if (status === 'due') return lte(org.termEnd, addDays(today, reminderDays));
  return undefined;
}

export async function getOrg(exec: Executor, id: string): Promise<OrgRow | undefined> {
  const rows = await exec.select().from(org).where(eq(org.id, id));
  return rows[0];
}

export async function getOrgByCode(exec: Executor, code: string): Promise<OrgRow | undefined> {
  const rows = await exec.select().from(org).where(eq(org.code, code));
  return rows[0];
}

export async function getOrgsByIds(exec: Executor, ids: string[]) {
  if (!ids.length) return [];
  return exec.select({ id: org.id, name: org.name, level: org.level, path: org.path }).from(org).where(inArray(org.id, ids));
}

export async function childCounts(exec: Executor, id: string) {
  const [r] = await exec
    .select({ all: sql<number>`count(*)::int`, active: sql<number>`count(*) FILTER (WHERE ${org.active})::int` })
    .from(org)
    .where(eq(org.parentId, id));
  const [u] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(appUser)
    .where(and(eq(appUser.orgId, id), eq(appUser.active, true)));
  return { childCount: r?.all ?? 0, activeChildCount: r?.active ?? 0, userCount: u?.n ?? 0 };
}

/** Children of a node (or the top nodes the scope can see) with their child counts, for the lazy tree. */
export async function treeChildren(exec: Executor, scope: Scope, parentId: string | undefined) {
  // Name the outer table literally: in a select without joins Drizzle renders ${org.id} as a bare
  // "id", which inside this subquery would mean c.id and count nothing.
  const counts = sql<number>`(SELECT count(*)::int FROM org c WHERE c.parent_id = org.id)`;
  const cols = { id: org.id, name: org.name, code: org.code, level: org.level, kind: org.kind, active: org.active, childCount: counts };
  if (parentId) {
    return exec
      .select(cols)
      .from(org)
      .where(and(eq(org.parentId, parentId), orgScopeSql(scope, org.path, org.id)))
      .orderBy(asc(org.code));
  }
  // Top nodes of the scope: in scope, and their parent is not (or they have none).
  return exec
    .select(cols)
    .from(org)
    .leftJoin(parent, eq(parent.id, org.parentId))
    .where(and(orgScopeSql(scope, org.path, org.id), sql`(${org.parentId} IS NULL OR NOT ${orgScopeSql(scope, parent.path, parent.id)})`))
    .orderBy(asc(org.depth), asc(org.code));
}

export async function searchTree(exec: Executor, scope: Scope, q: string) {
  const like = '%' + escapeLike(q) + '%';
  const counts = sql<number>`(SELECT count(*)::int FROM org c WHERE c.parent_id = org.id)`; // see treeChildren
  return exec
    .select({ id: org.id, name: org.name, code: org.code, level: org.level, kind: org.kind, active: org.active, childCount: counts, path: org.path })
    .from(org)
    .where(and(orgScopeSql(scope, org.path, org.id), sql`(${org.name} ILIKE ${like} OR ${org.code} ILIKE ${like})`))
    .orderBy(asc(org.depth), asc(org.code))
    .limit(50);
}

/** Rewrite the paths of a whole subtree after a move: one statement, inside the caller's transaction. */
export async function moveSubtree(exec: Executor, oldPath: string, newPath: string, depthDelta: number) {
  await exec.execute(sql`
    UPDATE org SET path = ${newPath} || substr(path, ${oldPath.length + 1}), depth = depth + ${depthDelta}, updated_at = now()
    WHERE path LIKE ${escapeLike(oldPath) + '%'}`);
}
