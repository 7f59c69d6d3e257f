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
    // The process's clock, not the database's: the two timeouts are checked against it.
    lastSeenAt: new Date(),
    expiresAt: new Date(Date.now() + sec.absoluteHours * 3600_000),
  });
  return { token, csrfToken };
}

export async function destroySession(s: Services, token: string): Promise<void> {
  await s.db.delete(session).where(eq(session.id, sha256(token)));
  invalidateActors(s);
}

export async function destroyUserSessions(exec: Executor, userId: string): Promise<void> {
  await exec.delete(session).where(eq(session.userId, userId));
  // The transaction may still be open: drop the user's actors in every cache now (the guard drops
  // them all again once the request that did this has committed).
  for (const ref of liveCaches) {
    const c = ref.deref();
    if (!c) continue;
    c.generation++;
    c.entries.forEach((e, id, m) => e.actor.userId === userId && m.delete(id));
  }
}

/**
 * The actor cache: a signed-in (not pending) session's actor is kept in this process for
 * ACTOR_CACHE_MS, so a burst of requests does not reload user, org, roles and scope each time.
 * Within that window the session's absolute expiry, idle timeout and password expiry are still
 * checked on every request (from the values loaded with it). The process drops every cached actor
 * whenever it handles a state-changing request (the guard's onSend hook, after the handler has
 * committed) and on logout, so a change made through this process (role removed, permissions
 * edited, user deactivated, logout) holds from the next request on; a change made through another
 * process (a second replica, the CLI) holds within ACTOR_CACHE_MS.
 */
export const ACTOR_CACHE_MS = 5_000;

interface CachedActor {
  actor: Actor;
  at: number;
  expiresAt: number;
  lastSeenAt: number;
}
interface ActorCache {
  entries: Map<string, CachedActor>;
  /** Bumped by every invalidation: a load that began before one is not stored. */
  generation: number;
  sweptAt: number;
}
const caches = new WeakMap<object, ActorCache>();
const liveCaches = new Set<WeakRef<ActorCache>>();

function cacheOf(s: Pick<Services, 'db'>): ActorCache {
  let c = caches.get(s.db);
  if (!c) {
    c = { entries: new Map(), generation: 0, sweptAt: Date.now() };
    caches.set(s.db, c);
    liveCaches.add(new WeakRef(c));
  }
  return c;
}

/** Forget cached actors (all of this database's, or one user's): their next request reloads them. */
export function invalidateActors(s: Pick<Services, 'db'>, userId?: string): void {
  const c = cacheOf(s);
  c.generation++;
  if (userId === undefined) c.entries.clear();
  else c.entries.forEach((e, id, m) => e.actor.userId === userId && m.delete(id));
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
  const cache = cacheOf(s);
  const hit = cache.entries.get(id);
  if (hit) {
    const now = Date.now();
    const sec = await s.settings.security();
    const fresh = now - hit.at < ACTOR_CACHE_MS;
    const valid =
      hit.expiresAt > now &&
      hit.lastSeenAt + sec.idleMinutes * 60_000 > now &&
      !(hit.actor.passwordExpiresAt && Date.parse(hit.actor.passwordExpiresAt) <= now);
    if (fresh && valid && cache.entries.get(id) === hit) {
      if (now - hit.lastSeenAt > 60_000) {
        hit.lastSeenAt = now;
        await s.db
          .update(session)
          .set({ lastSeenAt: new Date(now) })
          .where(eq(session.id, id));
      }
      return hit.actor;
    }
    cache.entries.delete(id);
  }
  const generation = cache.generation;
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
    await s.db
      .update(session)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(session.id, id));
  }
  const { permissions, scope } = await loadGrants(s.db, row.user.id, { id: row.user.orgId, path: row.orgPath });
  const passwordExpiresAt =
    sec.passwordMaxAgeDays > 0 && !row.user.isDemo ? new Date(row.user.passwordChangedAt.getTime() + sec.passwordMaxAgeDays * 86400_000) : null;
  let pending: Actor['pending'] = null;
  if (row.session.stage === 'totp') pending = 'totp';
  else if (row.user.mustChangePassword || (passwordExpiresAt && passwordExpiresAt.getTime() <= now)) pending = 'password_change';
  else if (sec.totpRequiredForAdmins && !row.user.totpEnabled && ADMIN_PERMISSIONS.some((p) => permissions.has(p))) pending = 'totp_enrol';
  const actor: Actor = {
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
  // Only finished sign-ins are cached: a pending one changes stage with its very next request.
  if (!pending && cache.generation === generation) {
    if (now - cache.sweptAt > ACTOR_CACHE_MS) {
      cache.sweptAt = now;
      cache.entries.forEach((e, k, m) => now - e.at >= ACTOR_CACHE_MS && m.delete(k));
    }
    const lastSeenAt = now - row.session.lastSeenAt.getTime() > 60_000 ? now : row.session.lastSeenAt.getTime();
    cache.entries.set(id, { actor, at: now, expiresAt: row.session.expiresAt.getTime(), lastSeenAt });
  }
  return actor;
}

export async function purgeExpiredSessions(s: Services): Promise<void> {
  await s.db.delete(session).where(lt(session.expiresAt, new Date()));
}
