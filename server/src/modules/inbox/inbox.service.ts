import crypto from 'node:crypto';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { userNotification } from './inbox.schema.js';
import { appUser, role, userRole } from '../user/user.schema.js';
import { errors } from '../../platform/errors.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { Permission } from '../../../../common/src/permissions.js';
import type { NOTIFICATION_KINDS } from '../../../../common/src/contracts/inbox.js';

/** One message to one user. `dedupeKey` (unique per user) makes a repeated job write it once. */
export interface UserMessage {
  userId: string;
  kind: (typeof NOTIFICATION_KINDS)[number];
  title: string;
  body: string;
  link?: string | null;
  dedupeKey?: string | null;
}

/**
 * The active users of each of these unions whose roles grant `permission`: who hears of a union's
 * deadlines (docs/inbox.md). A union with no such user gets nothing; its board still shows the task.
 */
export async function usersWith(exec: Executor, orgIds: readonly string[], permission: Permission): Promise<Map<string, string[]>> {
  const byOrg = new Map<string, string[]>();
  if (!orgIds.length) return byOrg;
  const rows = await exec
    .selectDistinct({ id: appUser.id, orgId: appUser.orgId })
    .from(appUser)
    .innerJoin(userRole, eq(userRole.userId, appUser.id))
    .innerJoin(role, eq(role.id, userRole.roleId))
    .where(and(eq(appUser.active, true), inArray(appUser.orgId, [...new Set(orgIds)]), sql`${role.permissions} @> ${JSON.stringify([permission])}::jsonb`));
  for (const r of rows) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r.id]);
  return byOrg;
}

/** Put messages in users' inboxes inside the caller's transaction; a message already written (same user and key) is skipped. Returns how many were written. */
export async function notifyUsers(exec: Executor, messages: readonly UserMessage[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < messages.length; i += 500) {
    const rows = messages.slice(i, i + 500).map((m) => ({
      id: crypto.randomUUID(),
      userId: m.userId,
      kind: m.kind,
      title: m.title.slice(0, 100),
      body: m.body.slice(0, 1000),
      link: m.link ?? null,
      dedupeKey: m.dedupeKey ?? null,
    }));
    written += (await exec.insert(userNotification).values(rows).onConflictDoNothing().returning({ id: userNotification.id })).length;
  }
  return written;
}

async function unreadOf(exec: Executor, userId: string): Promise<number> {
  const [r] = await exec
    .select({ n: count() })
    .from(userNotification)
    .where(and(eq(userNotification.userId, userId), isNull(userNotification.readAt)));
  return Number(r?.n ?? 0);
}

export async function listInbox(c: Ctx, q: { page: number; pageSize: number; unread?: 'true' }) {
  const where = and(eq(userNotification.userId, c.actor.userId), q.unread ? isNull(userNotification.readAt) : undefined);
  const rows = await c.db
    .select()
    .from(userNotification)
    .where(where)
    .orderBy(desc(userNotification.createdAt), desc(userNotification.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await c.db.select({ n: count() }).from(userNotification).where(where);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      readAt: r.readAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    unread: await unreadOf(c.db, c.actor.userId),
  };
}

export async function unreadCount(c: Ctx) {
  return { unread: await unreadOf(c.db, c.actor.userId) };
}

/** Mark one of the caller's own messages read; anyone else's is a 404, as if it did not exist. */
export async function markRead(c: Ctx, id: string) {
  const [row] = await c.db
    .select({ id: userNotification.id, readAt: userNotification.readAt })
    .from(userNotification)
    .where(and(eq(userNotification.id, id), eq(userNotification.userId, c.actor.userId)));
  if (!row) throw errors.notFound('消息', 'notification');
  if (!row.readAt) await c.db.update(userNotification).set({ readAt: new Date() }).where(eq(userNotification.id, id));
  return { ok: true as const, unread: await unreadOf(c.db, c.actor.userId) };
}

export async function markAllRead(c: Ctx) {
  const done = await c.db
    .update(userNotification)
    .set({ readAt: new Date() })
    .where(and(eq(userNotification.userId, c.actor.userId), isNull(userNotification.readAt)))
    .returning({ id: userNotification.id });
  return { ok: true as const, updated: done.length, unread: 0 };
}
