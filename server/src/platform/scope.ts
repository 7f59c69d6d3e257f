import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { ScopeKind } from '../../../common/src/permissions.js';

/**
 * A user's data scope: everything, or a set of subtrees (materialised path prefixes) plus single
 * orgs. It becomes one SQL predicate that every list, count, dashboard and export query takes,
 * and one in-memory check for single-record reads and writes (docs/architecture.md, invariant 1).
 */
export type Scope = { all: true } | { all: false; subtreePaths: string[]; orgIds: string[] };

export interface ScopedRole {
  scopeKind: ScopeKind | string;
  scopeOrgIds: string[];
}

export interface OrgRef {
  id: string;
  path: string;
}

/** Resolve the union of the roles' scopes relative to the holder's org. Pure. */
export function resolveScope(roles: ScopedRole[], userOrg: OrgRef, orgsById: Map<string, OrgRef>): Scope {
  const subtrees: string[] = [];
  const single: string[] = [];
  for (const r of roles) {
    switch (r.scopeKind) {
      case 'all':
        return { all: true };
      case 'subtree':
        subtrees.push(userOrg.path);
        break;
      case 'own':
        single.push(userOrg.id);
        break;
      case 'orgs':
        for (const id of r.scopeOrgIds) {
          const o = orgsById.get(id);
          if (o) subtrees.push(o.path);
        }
        break;
    }
  }
  return normaliseScope(subtrees, single, orgsById, userOrg);
}

function normaliseScope(subtrees: string[], single: string[], orgsById: Map<string, OrgRef>, userOrg: OrgRef): Scope {
  const sorted = [...new Set(subtrees)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
  const pathOf = (id: string) => (id === userOrg.id ? userOrg.path : orgsById.get(id)?.path);
  const orgIds = [...new Set(single)].filter((id) => {
    const p = pathOf(id);
    return !p || !kept.some((k) => p.startsWith(k));
  });
  return { all: false, subtreePaths: kept.sort(), orgIds: orgIds.sort() };
}

/** Whether the org (id and path) lies inside the scope. */
export function scopeCovers(scope: Scope, org: OrgRef): boolean {
  if (scope.all) return true;
  return scope.orgIds.includes(org.id) || scope.subtreePaths.some((p) => org.path.startsWith(p));
}

/** Whether every org of `inner` lies inside `outer` (an administrator may grant only within their scope). */
export function scopeWithin(inner: Scope, outer: Scope, pathOf: (id: string) => string | undefined): boolean {
  if (outer.all) return true;
  if (inner.all) return false;
  return (
    inner.subtreePaths.every((p) => outer.subtreePaths.some((o) => p.startsWith(o))) &&
    inner.orgIds.every((id) => {
      const p = pathOf(id);
      return p !== undefined && scopeCovers(outer, { id, path: p });
    })
  );
}

/** The predicate for the org table itself. */
export function orgScopeSql(scope: Scope, pathCol: AnyColumn | SQL, idCol: AnyColumn | SQL): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = scope.subtreePaths.map((p) => sql`${pathCol} LIKE ${escapeLike(p) + '%'}`);
  if (scope.orgIds.length)
    parts.push(
      sql`${idCol} IN (${sql.join(
        scope.orgIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  if (!parts.length) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** The predicate for any org-owned table: its org id must belong to an org in scope. */
export function ownedScopeSql(scope: Scope, orgIdCol: AnyColumn | SQL): SQL {
  if (scope.all) return sql`true`;
  const direct = scope.orgIds.length
    ? sql`${orgIdCol} IN (${sql.join(
        scope.orgIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : null;
  if (!scope.subtreePaths.length) return direct ?? sql`false`;
  const sub = sql`${orgIdCol} IN (SELECT o.id FROM org o WHERE ${sql.join(
    scope.subtreePaths.map((p) => sql`o.path LIKE ${escapeLike(p) + '%'}`),
    sql` OR `,
  )})`;
  return direct ? sql`(${sub} OR ${direct})` : sub;
}

/** A list's `under` filter: the row's org is the chosen org or below it (a filter inside the scope, not the scope itself). */
export function underOrgSql(orgIdCol: AnyColumn | SQL, orgId: string): SQL {
  return sql`${orgIdCol} IN (SELECT o.id FROM org o WHERE o.path LIKE (SELECT u.path || '%' FROM org u WHERE u.id = ${orgId}))`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** The ids of the caller's own org and the unions above it, read from its materialised path. */
export function pathIds(orgPath: string): string[] {
  return orgPath.split('/').filter(Boolean);
}

/**
 * Records a federation issues downward (a call for honours, a contest, an alliance): seen in the
 * owner's scope, and by the unions below the owner, who take part. Only the owner's scope edits them.
 */
export function inScopeOrAboveSql(scope: Scope, orgPath: string, orgIdCol: AnyColumn | SQL): SQL {
  const above = pathIds(orgPath);
  if (scope.all || !above.length) return ownedScopeSql(scope, orgIdCol);
  return sql`(${ownedScopeSql(scope, orgIdCol)} OR ${orgIdCol} IN (${sql.join(
    above.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}))`;
}
