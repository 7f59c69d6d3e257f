import { sql, type SQL } from 'drizzle-orm';

/**
 * Inbox objects for the sibling test (server/src/platform/scope-sibling.test.ts): a message in
 * another user's inbox, which the caller may neither read nor mark. Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface InboxSiblings {
  notifications: Target[];
}

export const INBOX_FILLERS: { prefix: string; param: string; targets: (s: InboxSiblings) => Target[] }[] = [
  { prefix: '/api/inbox/:id', param: 'id', targets: (s) => s.notifications },
];

type Rows = <T>(q: SQL) => Promise<T[]>;

/** An unread message to the user `username`. */
export async function inboxTargets(rows: Rows, username: string, label: string): Promise<InboxSiblings> {
  const [n] = await rows<{ id: string }>(
    sql`INSERT INTO user_notification (id, user_id, kind, title, body)
        SELECT gen_random_uuid(), id, 'plan.reminder', ${label + '督办提醒'}, ${label + '的任务将到期'} FROM app_user WHERE username = ${username} RETURNING id`,
  );
  return { notifications: [{ id: n!.id, version: 1, secrets: [label + '督办提醒'] }] };
}

export const inboxSnapshot = (rows: Rows, list: SQL) => rows(sql`SELECT * FROM user_notification WHERE id IN (${list}) ORDER BY id`);
