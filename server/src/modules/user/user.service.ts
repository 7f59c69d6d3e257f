import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { appUser, role, userRole } from './user.schema.js';
import { org } from '../org/org.schema.js';
import { canGrantRole, roleExceedsActor } from './grants.js';
import { acceptNewPassword, recordPassword } from '../auth/auth.service.js';
import { destroyUserSessions } from '../auth/session.js';
import { requireOrgInScope } from '../org/org.service.js';
import { AppError, errors } from '../../platform/errors.js';
import { appendAudit, diffFields } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { UserCreate, UserListParams, UserUpdate } from '../../../../common/src/contracts/user.js';
import { users } from './user.repo.js';

type UserRow = typeof appUser.$inferSelect;

/** A temporary password that satisfies the level-3 policy; shown once, must be changed at first sign-in. */
export function temporaryPassword(): string {
  const pick = (set: string, n: number) => Array.from({ length: n }, () => set[crypto.randomInt(set.length)]).join('');
  const chars = [...pick('ABCDEFGHJKMNPQRSTUVWXYZ', 3), ...pick('abcdefghijkmnpqrstuvwxyz', 4), ...pick('23456789', 3), ...pick('@#%+=!', 2)];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

async function present(exec: Executor, rows: UserRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((u) => u.id);
  const roles = await exec
    .select({ userId: userRole.userId, id: role.id, name: role.name })
    .from(userRole)
    .innerJoin(role, eq(role.id, userRole.roleId))
    .where(inArray(userRole.userId, ids));
  const orgs = await exec
    .select({ id: org.id, name: org.name })
    .from(org)
    .where(inArray(org.id, [...new Set(rows.map((u) => u.orgId))]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const now = Date.now();
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    orgId: u.orgId,
    orgName: orgName.get(u.orgId) ?? '',
    roles: roles.filter((r) => r.userId === u.id).map((r) => ({ id: r.id, name: r.name })),
    active: u.active,
    locked: !!u.lockedUntil && u.lockedUntil.getTime() > now,
    totpEnabled: u.totpEnabled,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    version: u.version,
  }));
}

export async function listUsers(c: Ctx, p: UserListParams) {
  const page = await users.list(c, p);
  return { ...page, items: await present(c.db, page.items) };
}

/** An account the caller may see, or 404 (docs/architecture.md, invariant 1). */
const requireUserInScope = (c: Ctx, exec: Executor, id: string): Promise<UserRow> => users.get(c, id, { exec });

export async function getUser(c: Ctx, id: string) {
  return (await present(c.db, [await requireUserInScope(c, c.db, id)]))[0]!;
}

async function checkRoles(c: Ctx, exec: Executor, roleIds: string[], target: { id: string; path: string }) {
  const ids = [...new Set(roleIds)];
  if (!ids.length) return ids;
  const roles = await exec.select().from(role).where(inArray(role.id, ids));
  if (roles.length !== ids.length) throw errors.invalid('所选角色不存在', 'A chosen role does not exist');
  for (const r of roles) {
    const why = await canGrantRole(exec, c.actor, r, target);
    if (why) throw new AppError(403, 'GRANT_NOT_ALLOWED', `不能授予角色“${r.name}”：${why}`, `You may not grant role "${r.name}"`);
  }
  return ids;
}

const auditBase = (c: Ctx) => ({ actorId: c.actor.userId, actorName: c.actor.username, ip: c.ip });

export async function createUser(c: Ctx, input: UserCreate) {
  return c.db.transaction(async (tx) => {
    const target = await requireOrgInScope(c, tx, input.orgId);
    if (!target.active) throw errors.invalid('所属组织已停用', 'The organisation is deactivated');
    const [dup] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, input.username));
    if (dup) throw errors.conflict(`用户名 ${input.username} 已存在`, `Username ${input.username} is taken`, { field: 'username' });
    const roleIds = await checkRoles(c, tx, input.roleIds, target);
    const id = uuidv7();
    const temp = input.password ? null : temporaryPassword();
    const hash = await acceptNewPassword(c, tx, id, input.username, input.password ?? temp!);
    const [u] = await tx
      .insert(appUser)
      .values({ id, username: input.username, displayName: input.displayName, orgId: target.id, passwordHash: hash, mustChangePassword: true })
      .returning();
    await recordPassword(tx, id, hash);
    if (roleIds.length) await tx.insert(userRole).values(roleIds.map((roleId) => ({ userId: id, roleId })));
    await appendAudit(tx, {
      ...auditBase(c),
      orgId: target.id,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      changes: { username: input.username, displayName: input.displayName, orgId: target.id, roleIds, password: '[redacted]' },
    });
    return { ...(await present(tx, [u!]))[0]!, temporaryPassword: temp };
  });
}

export async function updateUser(c: Ctx, id: string, input: UserUpdate) {
  return c.db.transaction(async (tx) => {
    const before = await requireUserInScope(c, tx, id);
    if (before.version !== input.version) throw errors.versionConflict();
    if (id === c.actor.userId && !input.active) throw errors.invalid('不能停用自己的账号', 'You cannot deactivate your own account');
    const target = await requireOrgInScope(c, tx, input.orgId);
    const current = (await tx.select({ roleId: userRole.roleId }).from(userRole).where(eq(userRole.userId, id))).map((r) => r.roleId);
    const wanted = [...new Set(input.roleIds)];
    const added = wanted.filter((r) => !current.includes(r));
    // Every role the user keeps or gains must be grantable at the (possibly new) org; removing is always allowed.
    await checkRoles(c, tx, before.orgId === target.id ? added : wanted, target);
    await tx.delete(userRole).where(eq(userRole.userId, id));
    if (wanted.length) await tx.insert(userRole).values(wanted.map((roleId) => ({ userId: id, roleId })));
    const [after] = await tx
      .update(appUser)
      .set({ displayName: input.displayName, orgId: target.id, active: input.active, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(appUser.id, id), eq(appUser.version, input.version)))
      .returning();
    if (!after) throw errors.versionConflict();
    if (!input.active || before.orgId !== target.id) await destroyUserSessions(tx, id);
    await appendAudit(tx, {
      ...auditBase(c),
      orgId: target.id,
      action: 'user.update',
      entity: 'user',
      entityId: id,
      changes: {
        ...diffFields(before, { displayName: input.displayName, orgId: target.id, active: input.active }),
        ...(added.length || wanted.length !== current.length ? { roleIds: { from: current, to: wanted } } : {}),
      },
    });
    return (await present(tx, [after]))[0]!;
  });
}

/** Taking over an account (giving it a new password) needs at least the grants it holds: nobody resets a stronger account. */
async function requireNotStronger(c: Ctx, exec: Executor, u: UserRow) {
  const held = await exec
    .select({ name: role.name, permissions: role.permissions, scopeKind: role.scopeKind, scopeOrgIds: role.scopeOrgIds })
    .from(userRole)
    .innerJoin(role, eq(role.id, userRole.roleId))
    .where(eq(userRole.userId, u.id));
  const [target] = await exec.select({ id: org.id, path: org.path }).from(org).where(eq(org.id, u.orgId));
  for (const r of held) {
    const why = await roleExceedsActor(exec, c.actor, r, target!);
    if (why)
      throw new AppError(
        403,
        'GRANT_NOT_ALLOWED',
        `该账号的角色“${r.name}”超出您的权限，不能重置其密码：${why}`,
        `The account holds role "${r.name}", which exceeds your own grants`,
      );
  }
}

export async function resetPassword(c: Ctx, id: string) {
  return c.db.transaction(async (tx) => {
    const u = await requireUserInScope(c, tx, id);
    await requireNotStronger(c, tx, u);
    const temp = temporaryPassword();
    const hash = await acceptNewPassword(c, tx, u.id, u.username, temp);
    await tx
      .update(appUser)
      .set({
        passwordHash: hash,
        mustChangePassword: true,
        passwordChangedAt: new Date(),
        failedLogins: 0,
        lockedUntil: null,
        version: u.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(appUser.id, id));
    await recordPassword(tx, id, hash);
    await destroyUserSessions(tx, id);
    await appendAudit(tx, {
      ...auditBase(c),
      orgId: u.orgId,
      action: 'user.reset_password',
      entity: 'user',
      entityId: id,
      changes: { password: '[redacted]' },
    });
    return { temporaryPassword: temp };
  });
}

export async function unlockUser(c: Ctx, id: string) {
  return c.db.transaction(async (tx) => {
    const u = await requireUserInScope(c, tx, id);
    const [after] = await tx
      .update(appUser)
      .set({ failedLogins: 0, lockedUntil: null, version: u.version + 1, updatedAt: new Date() })
      .where(eq(appUser.id, id))
      .returning();
    await appendAudit(tx, { ...auditBase(c), orgId: u.orgId, action: 'user.unlock', entity: 'user', entityId: id });
    return (await present(tx, [after!]))[0]!;
  });
}
