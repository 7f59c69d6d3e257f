import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import type { Services } from '../../platform/context.js';
import { workerNotification } from './portal.schema.js';

/**
 * Deadline reminders (截止提醒) in the worker's inbox: a linked worker hears of their own items whose
 * deadline falls within REMINDER_DAYS **calendar** days from today (China time), inclusive:
 * - a pending join application's answer date (`join_application.due_on`, 15 working days, computed
 *   by the deadline module when it was submitted);
 * - an open hardship file's next review (`hardship_file.next_review_due`);
 * - a dispute case's mediation due date while it is received or mediating (`dispute_case.mediation_due`).
 * The deadlines are the ones their modules stored; nothing is recomputed here. Each reminder carries
 * the key kind:id:deadline, unique per account, so a run twice a day (or a job run hourly) writes it
 * once, and a moved deadline is a new reminder. docs/portal.md, "Deadline reminders".
 */
export const REMINDER_DAYS = 3;

interface Due {
  account_id: string;
  kind: 'join' | 'hardship' | 'dispute';
  item_id: string;
  ref: string;
  due: string;
}

const WHAT: Record<Due['kind'], string> = { join: '入会申请', hardship: '困难职工档案复核', dispute: '劳动争议调解' };

export async function runPortalReminders(s: Services, opts: { today?: string; days?: number } = {}) {
  const today = opts.today ?? todayInChina();
  const until = addDays(today, opts.days ?? REMINDER_DAYS);
  const due = await s.database.query<Due>(sql`
    SELECT wa.id AS account_id, 'join' AS kind, ja.id AS item_id, ja.app_no AS ref, ja.due_on::text AS due
      FROM join_application ja JOIN worker_account wa ON wa.id_index = ja.id_index
     WHERE wa.member_id IS NOT NULL AND ja.status = 'pending' AND ja.due_on BETWEEN ${today} AND ${until}
    UNION ALL
    SELECT wa.id, 'hardship', hf.id, hf.file_no, hf.next_review_due::text
      FROM hardship_file hf JOIN worker_account wa ON (wa.member_id = hf.member_id OR wa.id_index = hf.id_index)
     WHERE wa.member_id IS NOT NULL AND hf.status IN ('applied', 'reviewing', 'filed') AND hf.next_review_due BETWEEN ${today} AND ${until}
    UNION ALL
    SELECT wa.id, 'dispute', dc.id, dc.case_no, dc.mediation_due::text
      FROM dispute_case dc JOIN worker_account wa ON wa.mobile_index = ANY(dc.mobile_indexes)
     WHERE wa.member_id IS NOT NULL AND dc.status IN ('received', 'mediating') AND dc.mediation_due BETWEEN ${today} AND ${until}`);
  if (!due.length) return { written: 0 };
  const written = await s.db
    .insert(workerNotification)
    .values(
      due.map((d) => {
        const left = Math.round((Date.parse(d.due) - Date.parse(today)) / 86_400_000);
        return {
          id: crypto.randomUUID(),
          accountId: d.account_id,
          title: `截止提醒：${WHAT[d.kind]}`,
          body: `您的${WHAT[d.kind]}（${d.ref}）将于 ${d.due} 到期${left ? `，还有 ${left} 天` : '，就在今天'}。`,
          link: '/m',
          dedupeKey: `${d.kind}:${d.item_id}:${d.due}`,
        };
      }),
    )
    .onConflictDoNothing()
    .returning({ id: workerNotification.id });
  return { written: written.length };
}
