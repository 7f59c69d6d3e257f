/**
 * A cadre's notification inbox (消息): deadline reminders and escalations addressed to the users of a
 * union, read from the bell in the web app's header (docs/inbox.md). A user reads and marks only
 * their own messages; another user's message is a 404.
 */
import { z } from 'zod';
import { endpoints, flag, IdParams, pageOf, PageQuery } from './kit.js';

export const NOTIFICATION_KINDS = ['plan.reminder', 'plan.overdue', 'plan.escalation'] as const;

export const UserNotification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserNotification = z.output<typeof UserNotification>;

export const InboxQuery = z.strictObject({ ...PageQuery, unread: flag });

export const inboxApi = endpoints('消息 inbox', {
  list: {
    method: 'GET',
    path: '/api/inbox',
    access: 'authenticated',
    summary: '我的消息（新消息在前）/ my notifications, newest first',
    query: InboxQuery,
    response: pageOf(UserNotification).extend({ unread: z.number().int() }),
  },
  unread: {
    method: 'GET',
    path: '/api/inbox/unread',
    access: 'authenticated',
    summary: '未读消息数 / how many are unread',
    response: z.object({ unread: z.number().int() }),
  },
  read: {
    method: 'POST',
    path: '/api/inbox/:id/read',
    access: 'authenticated',
    summary: '标为已读 / mark one read',
    params: IdParams,
    response: z.object({ ok: z.literal(true), unread: z.number().int() }),
  },
  readAll: {
    method: 'POST',
    path: '/api/inbox/read-all',
    access: 'authenticated',
    summary: '全部标为已读 / mark all read',
    response: z.object({ ok: z.literal(true), updated: z.number().int(), unread: z.number().int() }),
  },
});
