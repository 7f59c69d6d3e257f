import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { plan, planTask } from './plan.schema.js';
import { org } from '../org/org.schema.js';
import { notifyUsers, usersWith, type UserMessage } from '../inbox/inbox.service.js';
import { OPEN, nextDueSql } from './plan.service.js';
import { ruleOn } from '../../platform/rules.js';
import type { Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import { deadlineState, type DayCount } from '../../../../common/src/deadlines.js';
import { SLA_RULE } from '../../../../common/src/plan-vocab.js';

/**
 * Supervision reminders (督办提醒), in the inbox of the cadres concerned (docs/plans.md, "Reminders
 * and escalation"). For every running deadline of an open task (deploy, first report, close):
 * - **before it:** from REMIND_BEFORE day before the due date, counted in the deadline's own days
 *   (working days on the holiday calendar for a working-day profile, calendar days otherwise), the
 *   users of the owner union who report on tasks (`plan.report`) are reminded;
 * - **overdue:** the day after it passes, the same users are told it is overdue, and the users of
 *   the union above who supervise (`plan.supervise`) get an escalation (督办升级).
 * Each message is keyed by task, stage and due date, so the hourly job writes it once and a moved
 * deadline is a new message. Deadlines come as stored; nothing is recomputed here.
 */
export const REMIND_BEFORE = 1;

const STAGES = {
  deployDue: { zh: '部署', unitOf: (p: Profile) => p.unit },
  reportDue: { zh: '首次报告进展', unitOf: (p: Profile) => p.unit },
  closeDue: { zh: '办结', unitOf: (p: Profile, major: boolean): DayCount => (major ? 'months' : p.unit) },
} as const;
type Field = keyof typeof STAGES;
interface Profile {
  key: string;
  unit: 'working_days' | 'calendar_days';
}

/** How far ahead to look: one working day before a due date can lie many calendar days back over a long holiday. */
const HORIZON_DAYS = 12;
/** A task's title as a message quotes it: directives read from a speech can run to a paragraph. */
const short = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

export async function runPlanReminders(s: Services, opts: { today?: string; exec?: Executor } = {}) {
  const exec = opts.exec ?? s.db;
  const today = opts.today ?? todayInChina();
  const calendar = await s.settings.calendar(exec);
  const { profiles } = await ruleOn(s, SLA_RULE, today, exec);
  const parent = alias(org, 'parent_org');
  const horizon = addDays(today, HORIZON_DAYS);
  const rows = await exec
    .select({
      id: planTask.id,
      title: planTask.title,
      orgId: planTask.orgId,
      orgName: org.name,
      parentId: org.parentId,
      parentName: parent.name,
      profile: planTask.profile,
      major: planTask.major,
      deployDue: planTask.deployDue,
      reportDue: planTask.reportDue,
      closeDue: planTask.closeDue,
      planTitle: plan.title,
    })
    .from(planTask)
    .innerJoin(org, eq(org.id, planTask.orgId))
    .innerJoin(plan, eq(plan.id, planTask.planId))
    .leftJoin(parent, eq(parent.id, org.parentId))
    .where(
      and(
        inArray(planTask.status, OPEN),
        // LEAST skips the stages already ended (their due date is null).
        sql`${nextDueSql} <= ${horizon}`,
      ),
    );

  type Pending = { to: 'owner' | 'parent'; orgId: string; msg: Omit<UserMessage, 'userId'> };
  const pending: Pending[] = [];
  for (const t of rows) {
    const profile = profiles.find((p) => p.key === t.profile) ?? profiles[0]!;
    for (const field of Object.keys(STAGES) as Field[]) {
      const due = t[field];
      if (!due) continue;
      const stage = STAGES[field];
      const state = deadlineState(due, today, stage.unitOf(profile, t.major), calendar);
      const link = `/plans/tasks/${t.id}`;
      const what = `「${short(t.title)}」（${short(t.planTitle)}）`;
      if (!state.overdue && state.left <= REMIND_BEFORE) {
        const dayWord = state.unit === 'working_days' ? '个工作日' : '天';
        pending.push({
          to: 'owner',
          orgId: t.orgId,
          msg: {
            kind: 'plan.reminder',
            title: `督办提醒：${stage.zh}${state.left === 0 ? '今天到期' : `将于 ${due} 到期`}`,
            body: `${what}的${stage.zh}时限为 ${due}${state.left === 0 ? '，就在今天' : `，还有 ${state.left} ${dayWord}`}。`,
            link,
            dedupeKey: `plan:remind:${t.id}:${field}:${due}`,
          },
        });
      } else if (state.overdue) {
        pending.push({
          to: 'owner',
          orgId: t.orgId,
          msg: {
            kind: 'plan.overdue',
            title: `督办：${stage.zh}已逾期`,
            body: `${what}的${stage.zh}时限 ${due} 已过${t.parentName ? `，已报${t.parentName}督办` : ''}，请尽快办理并报告进展。`,
            link,
            dedupeKey: `plan:overdue:${t.id}:${field}:${due}`,
          },
        });
        if (t.parentId) {
          pending.push({
            to: 'parent',
            orgId: t.parentId,
            msg: {
              kind: 'plan.escalation',
              title: `逾期督办：${t.orgName}`,
              body: `${t.orgName}承办的${what}${stage.zh}时限 ${due} 已过，请督促办理。`,
              link,
              dedupeKey: `plan:escalate:${t.id}:${field}:${due}`,
            },
          });
        }
      }
    }
  }
  if (!pending.length) return { reminders: 0, overdue: 0, escalations: 0, written: 0 };
  const owners = await usersWith(exec, [...new Set(pending.filter((p) => p.to === 'owner').map((p) => p.orgId))], 'plan.report');
  const supervisors = await usersWith(exec, [...new Set(pending.filter((p) => p.to === 'parent').map((p) => p.orgId))], 'plan.supervise');
  const messages: UserMessage[] = pending.flatMap((p) =>
    ((p.to === 'owner' ? owners : supervisors).get(p.orgId) ?? []).map((userId) => ({ ...p.msg, userId })),
  );
  const written = await notifyUsers(exec, messages);
  const n = (k: UserMessage['kind']) => pending.filter((p) => p.msg.kind === k).length;
  return { reminders: n('plan.reminder'), overdue: n('plan.overdue'), escalations: n('plan.escalation'), written };
}
