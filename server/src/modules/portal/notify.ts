import crypto from 'node:crypto';
import { and, count, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import { workerAccount, workerNotification } from './portal.schema.js';
import type { Executor } from '../../db/client.js';

/**
 * Whom a notification is for, any of: an account, the account linked to a member, the account
 * linked to an ID number (its blind index), the account signed in with a mobile (its blind index).
 */
export interface WorkerRecipient {
  accountId?: string;
  memberId?: string;
  idIndex?: string;
  mobileIndex?: string;
}

/**
 * Put a message in a worker's in-app inbox (消息). Any module may call it inside its own
 * transaction; a person without a worker account simply gets nothing. Returns how many inboxes got it.
 */
export async function notifyWorker(exec: Executor, to: WorkerRecipient & { title: string; body: string; link?: string | null }): Promise<number> {
  const any: SQL[] = [];
  if (to.accountId) any.push(eq(workerAccount.id, to.accountId));
  if (to.memberId) any.push(eq(workerAccount.memberId, to.memberId));
  if (to.idIndex) any.push(eq(workerAccount.idIndex, to.idIndex));
  if (to.mobileIndex) any.push(eq(workerAccount.mobileIndex, to.mobileIndex));
  if (!any.length) return 0;
  const where = or(...any);
  const accounts = await exec.select({ id: workerAccount.id }).from(workerAccount).where(where);
  if (!accounts.length) return 0;
  await exec
    .insert(workerNotification)
    .values(
      accounts.map((a) => ({ id: crypto.randomUUID(), accountId: a.id, title: to.title.slice(0, 100), body: to.body.slice(0, 1000), link: to.link ?? null })),
    );
  return accounts.length;
}

export async function listNotifications(exec: Executor, accountId: string, page: number, pageSize: number) {
  const rows = await exec
    .select()
    .from(workerNotification)
    .where(eq(workerNotification.accountId, accountId))
    .orderBy(desc(workerNotification.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ n }] = (await exec.select({ n: count() }).from(workerNotification).where(eq(workerNotification.accountId, accountId))) as [{ n: number }];
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      link: r.link,
      readAt: r.readAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    total: Number(n),
    page,
    pageSize,
  };
}

export async function markAllRead(exec: Executor, accountId: string) {
  await exec
    .update(workerNotification)
    .set({ readAt: new Date() })
    .where(and(eq(workerNotification.accountId, accountId), isNull(workerNotification.readAt)));
}
