import { eq, inArray, lt } from 'drizzle-orm';
import { isPermission, ADMIN_PERMISSIONS, type Permission } from '../../../../common/src/permissions.js';
import { org } from '../org/org.schema.js';
import { appUser, role, session, userRole } from '../user/user.schema.js';
import { randomToken, sha256 } from '../../platform/crypto.js';
import { resolveScope, type OrgRef } from '../../platform/scope.js';
import type { Actor, Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';

export const SESSION_COOKIE = 'gh_sid';

export async function createSession(
  s: Services,
  userId: string,
  stage: 'active' | 'totp',
  meta: { ip: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string }> {
  const sec = await s.settings.security();
  const token = randomToken();
  const csrfToken = randomToken(24);
  await s.db.insert(session).values({
    id: sha256(token),
    userId,
    csrfToken,
    stage,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + sec.absoluteHours * 3600_000),
  });
  return { token, csrfToken };
}

export async function destroySession(s: Services, token: string): Promise<void> {
  await s.db.delete(session).where(eq(session.id, sha256(token)));
}

export async function destroyUserSessions(exec: Executor, userId: string): Promise<void> {
  await exec.delete(session).where(eq(session.userId, userId));
}

/** Resolve the permissions and data scope that a user's roles give, relative to their org. */
export async function loadGrants(exec: Executor, userId: string, userOrg: OrgRef) {
  const roles = await exec
    .select({ permissions: role.permissions, scopeKind: role.scopeKind, scopeOrgIds: role.scopeOrgIds })
    .from(userRole)
    .innerJoin(role, eq(role.id, userRole.roleId))
    .where(eq(userRole.userId, userId));
  const permissions = new Set<Permission>();
  for (const r of roles) for (const p of r.permissions) if (isPermission(p)) permissions.add(p);
  const chosen = [...new Set(roles.flatMap((r) => (r.scopeKind === 'orgs' ? r.scopeOrgIds : [])))];
  const orgsById = new Map<string, OrgRef>();
  if (chosen.length) {
    for (const o of await exec.select({ id: org.id, path: org.path }).from(org).where(inArray(org.id, chosen))) orgsById.set(o.id, o);
  }
  return { permissions, scope: resolveScope(roles, userOrg, orgsById) };
}

/**
 * Turn a session cookie into an Actor, enforcing idle and absolute timeouts. Returns null for an
 * unknown, expired or idle session (which is then deleted).
 */
export async function loadActor(s: Services, token: string): Promise<Actor | 'expired' | null> {
  const id = sha256(token);
  const rows = await s.db
    .select({ session, user: appUser, orgPath: org.path, orgName: org.name, orgLevel: org.level })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .innerJoin(org, eq(org.id, appUser.orgId))
    .where(eq(session.id, id));
  const row = rows[0];
  if (!row) return null;
  const sec = await s.settings.security();
  const now = Date.now();
  if (!row.user.active || row.session.expiresAt.getTime() <= now || row.session.lastSeenAt.getTime() + sec.idleMinutes * 60_000 <= now) {
    await s.db.delete(session).where(eq(session.id, id));
    return 'expired';
  }
  // Touch at most once a minute: idle timeout precision of a minute, far fewer writes.
  if (now - row.session.lastSeenAt.getTime() > 60_000) {
    await s.db.update(session).set({ lastSeenAt: new Date(now) }).where(eq(session.id, id));
  }
  const { permissions, scope } = await loadGrants(s.db, row.user.id, { id: row.user.orgId, path: row.orgPath });
  const passwordExpiresAt =
    sec.passwordMaxAgeDays > 0 && !row.user.isDemo
      ? new Date(row.user.passwordChangedAt.getTime() + sec.passwordMaxAgeDays * 86400_000)
      : null;
  let pending: Actor['pending'] = null;
  if (row.session.stage === 'totp') pending = 'totp';
  else if (row.user.mustChangePassword || (passwordExpiresAt && passwordExpiresAt.getTime() <= now)) pending = 'password_change';
  else if (sec.totpRequiredForAdmins && !row.user.totpEnabled && ADMIN_PERMISSIONS.some((p) => permissions.has(p))) pending = 'totp_enrol';
  return {
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    orgId: row.user.orgId,
    orgPath: row.orgPath,
    orgName: row.orgName,
    orgLevel: row.orgLevel,
    permissions,
    scope,
    sessionId: id,
    csrfToken: row.session.csrfToken,
    pending,
    totpEnabled: row.user.totpEnabled,
    passwordExpiresAt: passwordExpiresAt?.toISOString() ?? null,
  };
}

export async function purgeExpiredSessions(s: Services): Promise<void> {
  await s.db.delete(session).where(lt(session.expiresAt, new Date()));
}
