import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { appUser, role, userRole } from './user.schema.js';
import { org } from '../org/org.schema.js';
import { canDefineRole, canGrantRole, roleExceedsActor, roleVisible } from './grants.js';
import { scopeCovers } from '../../platform/scope.js';
import { AppError, errors } from '../../platform/errors.js';
import { appendAudit, diffFields } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { RoleInput } from '../../../../common/src/contracts/user.js';
import { roles } from './user.repo.js';

type RoleRow = typeof role.$inferSelect;

async function present(c: Ctx, exec: Executor, rows: RoleRow[]) {
  const orgIds = [...new Set(rows.flatMap((r) => [...r.scopeOrgIds, ...(r.ownerOrgId ? [r.ownerOrgId] : [])]))];
  const orgs = orgIds.length ? await exec.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, orgIds)) : [];
  const name = new Map(orgs.map((o) => [o.id, o.name]));
  const counts = rows.length
    ? await exec
        .select({ roleId: userRole.roleId, n: sql<number>`count(*)::int` })
        .from(userRole)
        .where(
          inArray(
            userRole.roleId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(userRole.roleId)
    : [];
  const actorOrg = { id: c.actor.orgId, path: c.actor.orgPath };
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      description: r.description,
      permissions: r.permissions,
      scopeKind: r.scopeKind,
      scopeOrgs: r.scopeOrgIds.map((id) => ({ id, name: name.get(id) ?? '?' })),
      builtIn: r.builtIn,
      ownerOrgName: r.ownerOrgId ? (name.get(r.ownerOrgId) ?? null) : null,
      userCount: counts.find((x) => x.roleId === r.id)?.n ?? 0,
      grantable: (await canGrantRole(exec, c.actor, r, actorOrg)) === null,
      editable: !r.builtIn && c.actor.permissions.has('role.manage') && (await canDefineRole(exec, c.actor, r)) === null,
      version: r.version,
    })),
  );
}

export async function listRoles(c: Ctx) {
  const rows = await c.db.select().from(role).orderBy(asc(role.builtIn), asc(role.code));
  const visible: RoleRow[] = [];
  for (const r of rows) if (await roleVisible(c.db, c.actor, r)) visible.push(r);
  // built-in first
  visible.sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.code.localeCompare(b.code));
  return present(c, c.db, visible);
}

const requireRole = (c: Ctx, exec: Executor, id: string): Promise<RoleRow> => roles.get(c, id, { exec });

export async function getRole(c: Ctx, id: string) {
  return (await present(c, c.db, [await requireRole(c, c.db, id)]))[0]!;
}

async function checkDefinable(c: Ctx, exec: Executor, input: RoleInput) {
  const why = await canDefineRole(exec, c.actor, input);
  if (why) throw new AppError(403, 'GRANT_NOT_ALLOWED', why, 'You may only grant what you hold, within your scope', { reason: why });
  if (input.scopeKind === 'orgs' && !input.scopeOrgIds.length) throw errors.invalid('“指定组织”数据范围须至少选择一个组织', 'Choose at least one organisation');
}

/**
 * An edit changes the grants of every account holding the role: each must lie inside the editor's
 * scope, and the edited role must not give any of them more than the editor holds where they sit.
 */
async function requireHoldersInScope(c: Ctx, exec: Executor, r: Pick<RoleRow, 'permissions' | 'scopeKind' | 'scopeOrgIds'> & { roleId: string }) {
  const holders = await exec
    .selectDistinct({ id: org.id, path: org.path, name: org.name })
    .from(userRole)
    .innerJoin(appUser, eq(appUser.id, userRole.userId))
    .innerJoin(org, eq(org.id, appUser.orgId))
    .where(eq(userRole.roleId, r.roleId));
  for (const h of holders) {
    const why = !scopeCovers(c.actor.scope, h) ? '持有该角色的账号不在您的管辖范围内' : await roleExceedsActor(exec, c.actor, r, h);
    if (why) {
      throw new AppError(
        403,
        'ROLE_HELD_OUTSIDE_SCOPE',
        `不能修改该角色：“${h.name}”的账号持有它，${why}`,
        'Accounts outside your scope hold this role; their grants would change',
        { org: h.name },
      );
    }
  }
}

const auditBase = (c: Ctx) => ({ actorId: c.actor.userId, actorName: c.actor.username, orgId: c.actor.orgId, ip: c.ip });

export async function createRole(c: Ctx, input: RoleInput) {
  return c.db.transaction(async (tx) => {
    await checkDefinable(c, tx, input);
    const [dup] = await tx.select({ id: role.id }).from(role).where(eq(role.code, input.code));
    if (dup) throw errors.conflict(`角色编码 ${input.code} 已存在`, `Role code ${input.code} exists`, { field: 'code' });
    const id = uuidv7();
    const scopeOrgIds = input.scopeKind === 'orgs' ? [...new Set(input.scopeOrgIds)] : [];
    const [r] = await tx
      .insert(role)
      .values({ id, ...input, scopeOrgIds, ownerOrgId: c.actor.orgId })
      .returning();
    await appendAudit(tx, { ...auditBase(c), action: 'role.create', entity: 'role', entityId: id, changes: diffFields(null, { ...input, scopeOrgIds }) });
    return (await present(c, tx, [r!]))[0]!;
  });
}

export async function updateRole(c: Ctx, id: string, input: RoleInput & { version: number }) {
  return c.db.transaction(async (tx) => {
    const before = await requireRole(c, tx, id);
    if (before.builtIn) throw new AppError(403, 'BUILT_IN_ROLE', '内置角色不能修改', 'Built-in roles cannot be changed');
    if (before.version !== input.version) throw errors.versionConflict();
    // The actor must be able to define both the old and the new role: nobody edits a role stronger than them.
    const whyOld = await canDefineRole(tx, c.actor, before);
    if (whyOld) throw new AppError(403, 'GRANT_NOT_ALLOWED', `不能修改权限超出您的角色：${whyOld}`, 'This role exceeds your own grants');
    const { version, ...fields } = input;
    await checkDefinable(c, tx, fields);
    await requireHoldersInScope(c, tx, { ...fields, roleId: id });
    if (fields.code !== before.code) {
      const [dup] = await tx.select({ id: role.id }).from(role).where(eq(role.code, fields.code));
      if (dup) throw errors.conflict(`角色编码 ${fields.code} 已存在`, `Role code ${fields.code} exists`, { field: 'code' });
    }
    const scopeOrgIds = fields.scopeKind === 'orgs' ? [...new Set(fields.scopeOrgIds)] : [];
    const [after] = await tx
      .update(role)
      .set({ ...fields, scopeOrgIds, version: version + 1, updatedAt: new Date() })
      .where(and(eq(role.id, id), eq(role.version, version)))
      .returning();
    if (!after) throw errors.versionConflict();
    await appendAudit(tx, { ...auditBase(c), action: 'role.update', entity: 'role', entityId: id, changes: diffFields(before, { ...fields, scopeOrgIds }) });
    return (await present(c, tx, [after]))[0]!;
  });
}

export async function deleteRole(c: Ctx, id: string) {
  return c.db.transaction(async (tx) => {
    const r = await requireRole(c, tx, id);
    if (r.builtIn) throw new AppError(403, 'BUILT_IN_ROLE', '内置角色不能删除', 'Built-in roles cannot be deleted');
    const why = await canDefineRole(tx, c.actor, r);
    if (why) throw new AppError(403, 'GRANT_NOT_ALLOWED', `不能删除权限超出您的角色：${why}`, 'This role exceeds your own grants');
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(userRole)
      .where(eq(userRole.roleId, id))) as [{ n: number }];
    if (n > 0) throw new AppError(409, 'ROLE_IN_USE', `该角色仍有${n}个账号在使用，请先移除`, `${n} account(s) still hold this role`, { users: n });
    await tx.delete(role).where(eq(role.id, id));
    await appendAudit(tx, { ...auditBase(c), action: 'role.delete', entity: 'role', entityId: id, changes: { code: r.code, name: r.name } });
    return { ok: true as const };
  });
}
