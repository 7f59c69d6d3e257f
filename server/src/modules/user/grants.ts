import { eq, inArray } from 'drizzle-orm';
import { isPermission } from '../../../../common/src/permissions.js';
import { org } from '../org/org.schema.js';
import { resolveScope, scopeCovers, scopeWithin, type OrgRef } from '../../platform/scope.js';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';

export interface RoleLike {
  permissions: string[];
  scopeKind: string;
  scopeOrgIds: string[];
  ownerOrgId: string | null;
  builtIn: boolean;
}

export async function orgRefs(exec: Executor, ids: string[]): Promise<Map<string, OrgRef>> {
  if (!ids.length) return new Map();
  const rows = await exec.select({ id: org.id, path: org.path }).from(org).where(inArray(org.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A role is visible to an actor when it is built in or was defined by an org in their scope. */
export async function roleVisible(exec: Executor, actor: Actor, r: RoleLike): Promise<boolean> {
  if (r.builtIn || !r.ownerOrgId) return true;
  const ref = (await orgRefs(exec, [r.ownerOrgId])).get(r.ownerOrgId);
  return !!ref && scopeCovers(actor.scope, ref);
}

/**
 * Whether the actor may define a role like this: only permissions they hold and a scope that
 * cannot reach beyond theirs ('all' only for those who have it; chosen orgs inside their scope).
 */
export async function canDefineRole(exec: Executor, actor: Actor, r: Pick<RoleLike, 'permissions' | 'scopeKind' | 'scopeOrgIds'>): Promise<string | null> {
  const unknown = r.permissions.filter((p) => !isPermission(p));
  if (unknown.length) return `未知权限：${unknown.join('、')}`;
  const missing = r.permissions.filter((p) => !actor.permissions.has(p as never));
  if (missing.length) return `不能授予自己没有的权限：${missing.join('、')}`;
  if (r.scopeKind === 'all' && !actor.scope.all) return '不能授予“全部”数据范围';
  if (r.scopeKind === 'orgs') {
    const refs = await orgRefs(exec, r.scopeOrgIds);
    if (refs.size !== new Set(r.scopeOrgIds).size) return '指定组织不存在';
    if ([...refs.values()].some((o) => !scopeCovers(actor.scope, o))) return '指定组织超出您的管辖范围';
  }
  return null;
}

/** Whether the actor may give this role to a user of `target` org: permissions held and resolved scope within theirs. */
export async function canGrantRole(exec: Executor, actor: Actor, r: RoleLike, target: OrgRef): Promise<string | null> {
  if (!(await roleVisible(exec, actor, r))) return '角色不存在';
  const outside = await heldOutsideOwner(exec, r, target);
  if (outside) return outside;
  return roleExceedsActor(exec, actor, r, target);
}

/**
 * A defined role is held only inside its owner's subtree: the org that defines a role may edit it
 * later, so an account outside that subtree holding it would let the owner change the grants of
 * an account it does not administer. Built-in roles belong to nobody and are edited by nobody.
 */
export async function heldOutsideOwner(exec: Executor, r: Pick<RoleLike, 'ownerOrgId' | 'builtIn'>, target: OrgRef): Promise<string | null> {
  if (r.builtIn || !r.ownerOrgId) return null;
  const owner = (await orgRefs(exec, [r.ownerOrgId])).get(r.ownerOrgId);
  if (owner && target.path.startsWith(owner.path)) return null;
  const [named] = await exec.select({ name: org.name }).from(org).where(eq(org.id, r.ownerOrgId));
  return `该角色由“${named?.name ?? '其他组织'}”定义，只能授予其本级及下级组织的账号`;
}

/** Why the role, held at `target`, gives more than the actor has (permissions or resolved scope); null when it does not. */
export async function roleExceedsActor(
  exec: Executor,
  actor: Actor,
  r: Pick<RoleLike, 'permissions' | 'scopeKind' | 'scopeOrgIds'>,
  target: OrgRef,
): Promise<string | null> {
  const missing = r.permissions.filter((p) => !actor.permissions.has(p as never));
  if (missing.length) return `不能授予自己没有的权限：${missing.join('、')}`;
  const refs = await orgRefs(exec, r.scopeOrgIds);
  const resolved = resolveScope([r], target, refs);
  const pathOf = (id: string) => (id === target.id ? target.path : refs.get(id)?.path);
  if (!scopeWithin(resolved, actor.scope, pathOf)) return '该角色的数据范围超出您的管辖范围';
  return null;
}
