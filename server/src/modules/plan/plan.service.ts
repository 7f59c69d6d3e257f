import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import mammoth from 'mammoth';
import iconv from 'iconv-lite';
import { plan, planKpiReading, planReport, planTask } from './plan.schema.js';
import { org } from '../org/org.schema.js';
import { resource } from '../../platform/resource.js';
import { step, guard } from '../../platform/workflow.js';
import { trackDeadline } from '../../platform/deadline-track.js';
import { registerDeadlineOwner } from '../../platform/deadline-recompute.js';
import { appendAudit } from '../../platform/audit.js';
import { ruleOn } from '../../platform/rules.js';
import { AppError, errors } from '../../platform/errors.js';
import { requireOrgInScope } from '../org/org.service.js';
import { escapeLike, underOrgSql } from '../../platform/scope.js';

const rowsOf = <T>(got: unknown) => (Array.isArray(got) ? got : (got as { rows: unknown[] }).rows) as T[];
/** Calendar days from `today` to `due` (negative: overdue by). */
const daysUntil = (today: string, due: string) => Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000);
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import { computeDeadline } from '../../../../common/src/deadlines.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { extractPlan } from '../../../../common/src/plan-extract.js';
import { allowedActions } from '../../../../common/src/workflow.js';
import {
  isLiveMetric,
  KPI_METRICS,
  REPORT_CADENCES,
  SLA_RULE,
  TASK_MACHINE,
  taskRules,
  type KpiMetric,
  type Rag,
  type ReportCadence,
  type TaskAction,
} from '../../../../common/src/plan-vocab.js';
import { GIG_FORMS } from '../../../../common/src/member-vocab.js';
import { CONTRACT_EMPLOYER_KINDS } from '../../../../common/src/contract-vocab.js';
import type { PlanCreate } from '../../../../common/src/contracts/plan.js';
import { PLAN_SOURCE_MAX_BYTES } from '../../../../common/src/contracts/plan.js';

type PlanRow = typeof plan.$inferSelect;
type TaskRow = typeof planTask.$inferSelect;

registerDeadlineOwner('plan_task', planTask, planTask.id, planTask.orgId);

const subtreeOf = (orgId: string, column: SQL | typeof planTask.orgId) => underOrgSql(column, orgId);

export const plans = resource<typeof plan, { year?: number; q?: string }>({
  table: plan,
  entity: 'plan',
  noun: ['工作计划', 'plan'],
  orgColumn: plan.orgId,
  idColumn: plan.id,
  versionColumn: plan.version,
  filters: { year: (v) => eq(plan.year, v), q: (v) => sql`${plan.title} ILIKE ${'%' + escapeLike(v) + '%'}` },
  sorts: { year: plan.year },
});

/** The task states still running (not closed). */
export const OPEN = ['assigned', 'deployed', 'in_progress', 'closing'];
/** The next open deadline of a task (the earliest of those still running). */
export const nextDueSql = sql`LEAST(${planTask.deployDue}, ${planTask.reportDue}, ${planTask.closeDue})`;

export const tasks = resource<typeof planTask, { planId?: string; parentId?: string; under?: string; status?: string; rag?: string; q?: string }>({
  table: planTask,
  entity: 'plan_task',
  noun: ['任务', 'task'],
  orgColumn: planTask.orgId,
  idColumn: planTask.id,
  versionColumn: planTask.version,
  filters: {
    planId: (v) => eq(planTask.planId, v),
    parentId: (v) => eq(planTask.parentId, v),
    under: (v) => subtreeOf(v, planTask.orgId),
    status: (v) => (v === 'all' ? undefined : v === 'open' ? inArray(planTask.status, OPEN) : eq(planTask.status, v)),
    rag: (v) => {
      const today = todayInChina();
      const soon = addDaysIso(today, 2);
      if (v === 'done') return eq(planTask.status, 'closed');
      const open = inArray(planTask.status, OPEN);
      if (v === 'red') return and(open, sql`${nextDueSql} < ${today}`);
      if (v === 'yellow') return and(open, sql`${nextDueSql} BETWEEN ${today} AND ${soon}`);
      return and(open, sql`(${nextDueSql} IS NULL OR ${nextDueSql} > ${soon})`);
    },
    q: (v) => sql`${planTask.title} ILIKE ${'%' + escapeLike(v) + '%'}`,
  },
  sorts: { due: sql`${nextDueSql}`, updatedAt: planTask.updatedAt, progress: planTask.progress },
  countCap: 1000,
});

function addDaysIso(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Red when a deadline passed, yellow when one falls within two days, green otherwise; closed: done. */
export function ragOf(
  t: Pick<TaskRow, 'status' | 'deployDue' | 'reportDue' | 'closeDue'>,
  today: string,
): { rag: Rag; next: { field: 'deployDue' | 'reportDue' | 'closeDue'; due: string; days: number } | null } {
  if (t.status === 'closed') return { rag: 'done', next: null };
  const dues = (['deployDue', 'reportDue', 'closeDue'] as const).filter((f) => t[f]).map((f) => ({ field: f, due: t[f]!, days: daysUntil(today, t[f]!) }));
  dues.sort((a, b) => a.due.localeCompare(b.due));
  const next = dues[0] ?? null;
  if (!next) return { rag: 'green', next };
  return { rag: next.days < 0 ? 'red' : next.days <= 2 ? 'yellow' : 'green', next };
}

interface Names {
  orgName: string;
  parentOrgName: string | null;
  planTitle: string;
  children: number;
}

export function presentTask(t: TaskRow, n: Names, today = todayInChina()) {
  const { rag, next } = ragOf(t, today);
  return {
    id: t.id,
    planId: t.planId,
    planTitle: n.planTitle,
    parentId: t.parentId,
    orgId: t.orgId,
    orgName: n.orgName,
    section: t.section,
    title: t.title,
    kind: t.kind,
    modules: t.modules,
    lead: t.lead,
    coOwners: t.coOwners,
    profile: t.profile,
    major: t.major,
    status: t.status,
    assignedOn: t.assignedOn,
    deployDue: t.deployDue,
    reportDue: t.reportDue,
    closeDue: t.closeDue,
    provisional: t.provisional,
    next,
    rag,
    escalatedTo: rag === 'red' ? n.parentOrgName : null,
    kpiMetric: t.kpiMetric,
    kpiTarget: t.kpiTarget,
    kpiUnit: t.kpiUnit,
    kpiDue: t.kpiDue,
    progress: t.progress,
    lastReportOn: t.lastReportOn,
    reportCadence: t.reportCadence,
    nextReportDue: t.nextReportDue,
    reportOverdue: t.status !== 'closed' && !!t.nextReportDue && t.nextReportDue < today,
    childCount: n.children,
    version: t.version,
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** Names shown beside tasks, fetched for a page of them in one statement. */
async function namesOf(exec: Executor, rows: TaskRow[]): Promise<Map<string, Names>> {
  if (!rows.length) return new Map();
  const ids = rows.map((r) => r.id);
  const got = await exec.execute(sql`
    SELECT t.id, o.name AS org_name, p.name AS parent_org_name, pl.title AS plan_title,
      (SELECT count(*)::int FROM plan_task c WHERE c.parent_id = t.id) AS children
    FROM plan_task t JOIN org o ON o.id = t.org_id LEFT JOIN org p ON p.id = o.parent_id JOIN plan pl ON pl.id = t.plan_id
    WHERE t.id IN (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`);
  const list = (Array.isArray(got) ? got : (got as { rows: unknown[] }).rows) as {
    id: string;
    org_name: string;
    parent_org_name: string | null;
    plan_title: string;
    children: number;
  }[];
  return new Map(list.map((r) => [r.id, { orgName: r.org_name, parentOrgName: r.parent_org_name, planTitle: r.plan_title, children: Number(r.children) }]));
}

export async function listTasks(c: Ctx, q: Parameters<typeof tasks.list>[1]) {
  const page = await tasks.list(c, q);
  const names = await namesOf(c.db, page.items);
  const today = todayInChina();
  return { ...page, items: page.items.map((t) => presentTask(t, names.get(t.id)!, today)) };
}

// ---------------------------------------------------------------------------------------------
// The extraction

/** Read a pasted text or an uploaded .txt/.docx, and propose the plan. */
export async function extract(body: { text?: string; fileName?: string; data?: string }) {
  let text = body.text ?? '';
  if (body.data) {
    const bytes = Buffer.from(body.data, 'base64');
    if (!bytes.length) throw errors.invalid('文件是空的', 'the file is empty');
    if (bytes.length > PLAN_SOURCE_MAX_BYTES) throw errors.invalid('文件超过2MB', 'the file is over 2 MB');
    const name = (body.fileName ?? '').toLowerCase();
    if (name.endsWith('.docx') || bytes.subarray(0, 2).toString('latin1') === 'PK') {
      try {
        text = (await mammoth.extractRawText({ buffer: bytes })).value;
      } catch {
        throw errors.invalid('无法读取该Word文件（请另存为.docx或粘贴文本）', 'this Word file cannot be read (save it as .docx or paste the text)');
      }
    } else {
      if (bytes.includes(0)) throw errors.invalid('不是文本文件（请上传.txt或.docx）', 'not a text file (upload .txt or .docx)');
      const utf8 = bytes.toString('utf8');
      text = utf8.includes('\uFFFD') ? iconv.decode(bytes, 'gbk') : utf8;
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) throw errors.invalid('没有可读取的文字', 'no text to read');
  return extractPlan(text);
}

// ---------------------------------------------------------------------------------------------
// Plans and tasks

/** The next periodic report's due date: a week or a month (calendar) after `from`, by the one deadline module. */
export async function nextReportDue(c: Ctx, exec: Executor, cadence: string | null | undefined, from: string): Promise<string | null> {
  if (!cadence || !(cadence in REPORT_CADENCES)) return null;
  return computeDeadline(from, REPORT_CADENCES[cadence as ReportCadence].rule, await c.settings.calendar(exec)).due;
}

async function profileOf(c: Ctx, exec: Executor, key: string, today: string) {
  const { profiles } = await ruleOn(c, SLA_RULE, today, exec);
  const p = profiles.find((x) => x.key === key);
  if (!p) {
    throw new AppError(400, 'VALIDATION_FAILED', `未知的督办时限方案“${key}”`, `unknown deadline profile “${key}”`, {
      fields: [
        { path: 'body.profile', message: `可选：${profiles.map((x) => x.key).join('、')}`, messageEn: `one of ${profiles.map((x) => x.key).join(', ')}` },
      ],
    });
  }
  return p;
}

/** The deadlines of a task assigned on `on`, computed on the holiday calendar and tracked for its changes. */
async function startDeadlines(c: Ctx, tx: Executor, id: string, on: string, profileKey: string, major: boolean) {
  const p = await profileOf(c, tx, profileKey, on);
  const r = taskRules(p, major);
  const cal = await c.settings.calendar(tx);
  const deploy = computeDeadline(on, r.deploy, cal);
  const report = computeDeadline(on, r.firstReport, cal);
  const close = computeDeadline(on, r.close, cal);
  for (const [field, rule, d] of [
    ['deployDue', r.deploy, deploy],
    ['reportDue', r.firstReport, report],
    ['closeDue', r.close, close],
  ] as const) {
    await trackDeadline(tx, { entity: 'plan_task', entityId: id, field, startOn: on, rule, due: d.due, provisional: d.provisional });
  }
  return { deployDue: deploy.due, reportDue: report.due, closeDue: close.due, provisional: deploy.provisional || report.provisional || close.provisional };
}

function presentPlan(p: PlanRow, orgName: string, stats: { tasks: number; red: number; yellow: number; green: number; done: number; progress: number }) {
  return {
    id: p.id,
    orgId: p.orgId,
    orgName,
    year: p.year,
    title: p.title,
    source: p.source,
    version: p.version,
    tasks: stats.tasks,
    rag: { red: stats.red, yellow: stats.yellow, green: stats.green, done: stats.done },
    progress: stats.progress,
    createdAt: p.createdAt.toISOString(),
  };
}

async function planStats(exec: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, { tasks: number; red: number; yellow: number; green: number; done: number; progress: number }>();
  const today = todayInChina();
  const soon = addDaysIso(today, 2);
  const got = await exec.execute(sql`
    SELECT plan_id,
      count(*)::int AS tasks,
      count(*) FILTER (WHERE status <> 'closed' AND LEAST(deploy_due, report_due, close_due) < ${today})::int AS red,
      count(*) FILTER (WHERE status <> 'closed' AND LEAST(deploy_due, report_due, close_due) BETWEEN ${today} AND ${soon})::int AS yellow,
      count(*) FILTER (WHERE status = 'closed')::int AS done,
      coalesce(round(avg(progress)), 0)::int AS progress
    FROM plan_task WHERE parent_id IS NULL AND plan_id IN (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )}) GROUP BY plan_id`);
  const rows = (Array.isArray(got) ? got : (got as { rows: unknown[] }).rows) as {
    plan_id: string;
    tasks: number;
    red: number;
    yellow: number;
    done: number;
    progress: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.plan_id,
      { tasks: r.tasks, red: r.red, yellow: r.yellow, done: r.done, green: r.tasks - r.red - r.yellow - r.done, progress: r.progress },
    ]),
  );
}

const EMPTY = { tasks: 0, red: 0, yellow: 0, green: 0, done: 0, progress: 0 };

export async function listPlans(c: Ctx, q: Parameters<typeof plans.list>[1]) {
  const page = await plans.list(c, { ...q, sort: 'year', order: 'desc' });
  const stats = await planStats(
    c.db,
    page.items.map((p) => p.id),
  );
  const orgNames = await orgNamesOf(
    c.db,
    page.items.map((p) => p.orgId),
  );
  return {
    items: page.items.map((p) => presentPlan(p, orgNames.get(p.orgId) ?? '', stats.get(p.id) ?? EMPTY)),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

async function orgNamesOf(exec: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await exec
    .select({ id: org.id, name: org.name })
    .from(org)
    .where(inArray(org.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function getPlan(c: Ctx, id: string) {
  const p = await plans.get(c, id);
  const stats = await planStats(c.db, [p.id]);
  const names = await orgNamesOf(c.db, [p.orgId]);
  return presentPlan(p, names.get(p.orgId) ?? '', stats.get(p.id) ?? EMPTY);
}

/** Accept a (reviewed) proposal: the plan and its tasks, each on its deadline profile from today. */
export async function createPlan(c: Ctx, body: PlanCreate) {
  const today = todayInChina();
  const id = await c.db.transaction(async (tx) => {
    await requireOrgInScope(c, tx, body.orgId);
    for (const t of body.tasks) if (t.orgId && t.orgId !== body.orgId) await requireOrgInScope(c, tx, t.orgId);
    const p = await plans.create(
      c,
      tx,
      { id: uuidv7(), orgId: body.orgId, year: body.year, title: body.title, source: body.source ?? null, createdBy: c.actor.userId },
      {
        action: 'plan.create',
        changes: { title: body.title, year: body.year, tasks: body.tasks.length },
      },
    );
    for (const t of body.tasks) {
      const taskId = uuidv7();
      const dues = await startDeadlines(c, tx, taskId, today, t.profile, t.major);
      await tx.insert(planTask).values({
        id: taskId,
        planId: p.id,
        orgId: t.orgId ?? body.orgId,
        section: t.section ?? null,
        title: t.title,
        kind: t.kind,
        modules: t.modules,
        triggers: t.triggers,
        lead: t.lead ?? null,
        coOwners: t.coOwners ?? null,
        profile: t.profile,
        major: t.major,
        status: 'assigned',
        assignedOn: today,
        ...dues,
        kpiMetric: t.kpiMetric ?? null,
        kpiTarget: t.kpiTarget ?? null,
        kpiUnit: t.kpiUnit ?? (t.kpiMetric ? KPI_METRICS[t.kpiMetric as KpiMetric].unit : null),
        kpiDue: t.kpiDue ?? null,
        reportCadence: t.reportCadence ?? null,
        nextReportDue: await nextReportDue(c, tx, t.reportCadence, today),
      });
    }
    return p.id;
  });
  return getPlan(c, id);
}

// ---------------------------------------------------------------------------------------------
// Live KPIs

/** A metric's value now for the union `orgId` and those below it. */
export async function kpiValue(exec: Executor, metric: KpiMetric, orgId: string, today = todayInChina()): Promise<number> {
  const year = today.slice(0, 4);
  const from = `${year}-01-01`;
  const until = `${year}-12-31`;
  /** Fen to 万元 with one decimal, as targets such as 筹集帮扶资金500万元 are written. */
  const wan = (fen: number) => Math.round(fen / 100_000) / 10;
  const under = (col: SQL) => subtreeOf(orgId, col);
  const one = async (q: SQL) => {
    const r = await exec.execute(q);
    const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { v: number | string | null }[];
    return Number(rows[0]?.v ?? 0);
  };
  switch (metric) {
    case 'member.count':
      return one(sql`SELECT coalesce(sum(t.active + t.retained), 0) AS v FROM member_org_tally t WHERE ${under(sql`t.org_id`)}`);
    case 'member.coverage': {
      const members = await one(sql`SELECT coalesce(sum(t.active + t.retained), 0) AS v FROM member_org_tally t WHERE ${under(sql`t.org_id`)}`);
      const employees = await one(
        sql`SELECT coalesce(sum(o.employee_count), 0) AS v FROM org o WHERE o.level = 'grassroots' AND o.active AND ${under(sql`o.id`)}`,
      );
      return employees ? Math.round((members / employees) * 1000) / 10 : 0;
    }
    case 'member.gig_joined':
      return one(
        sql`SELECT count(*) AS v FROM member m WHERE m.status IN ('active', 'retained') AND m.employment_form IN (${sql.join(
          GIG_FORMS.map((f) => sql`${f}`),
          sql`, `,
        )}) AND ${under(sql`m.org_id`)}`,
      );
    case 'join.answered_in_time':
      return one(sql`SELECT CASE WHEN count(*) = 0 THEN 0 ELSE round(100.0 * count(*) FILTER (WHERE (a.decided_at AT TIME ZONE 'Asia/Shanghai')::date <= a.due_on) / count(*), 1) END AS v
        FROM join_application a WHERE a.decided_at IS NOT NULL AND to_char(a.submitted_on, 'YYYY') = ${year} AND ${under(sql`a.org_id`)}`);
    case 'hardship.exited':
      return one(
        sql`SELECT count(DISTINCT e.file_id) AS v FROM hardship_event e WHERE e.kind = 'exit' AND to_char(e.on_date, 'YYYY') = ${year} AND ${under(sql`e.org_id`)}`,
      );
    case 'warning.closed_on_time':
      return one(sql`SELECT CASE WHEN count(*) = 0 THEN 0 ELSE round(100.0 * count(*) FILTER (WHERE (w.closed_at AT TIME ZONE 'Asia/Shanghai')::date <= w.due_on) / count(*), 1) END AS v
        FROM hardship_warning w WHERE w.status = 'closed' AND to_char(w.raised_on, 'YYYY') = ${year} AND ${under(sql`w.org_id`)}`);
    case 'aid.paid':
      return wan(
        await one(sql`SELECT coalesce(sum(r.amount_fen), 0) AS v FROM aid_record r WHERE r.paid_on BETWEEN ${from} AND ${until} AND ${under(sql`r.org_id`)}`),
      );
    case 'dispute.resolved':
      return one(sql`SELECT count(*) AS v FROM dispute_case d WHERE d.agreed_on BETWEEN ${from} AND ${until} AND ${under(sql`d.org_id`)}`);
    case 'wage_arrears.recovered':
      return wan(
        await one(
          sql`SELECT coalesce(sum(r.amount_fen), 0) AS v FROM wage_recovery r WHERE r.paid_on BETWEEN ${from} AND ${until} AND ${under(sql`r.org_id`)}`,
        ),
      );
    case 'collective_contract.coverage': {
      // As the coverage page counts it (docs/contracts.md): unionised employers with a contract in force today.
      const kinds = sql.join(
        CONTRACT_EMPLOYER_KINDS.map((k) => sql`${k}`),
        sql`, `,
      );
      const rows = await exec.execute(sql`
        SELECT count(g.id)::int AS employers,
               count(g.id) FILTER (WHERE EXISTS (
                 SELECT 1 FROM bargaining_party p JOIN bargaining b ON b.id = p.bargaining_id
                 WHERE p.org_id = g.id AND b.status = 'effective' AND (b.expires_on IS NULL OR b.expires_on >= ${today})))::int AS covered
        FROM org g WHERE g.level = 'grassroots' AND g.active AND g.kind IN (${kinds}) AND ${under(sql`g.id`)}`);
      const r = ((Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { employers: number; covered: number }[])[0];
      return r && Number(r.employers) ? Math.round((Number(r.covered) / Number(r.employers)) * 1000) / 10 : 0;
    }
    case 'competition.participants':
      return one(sql`SELECT count(*) AS v FROM competition_entry e JOIN competition k ON k.id = e.competition_id
        WHERE k.starts_on BETWEEN ${from} AND ${until} AND ${under(sql`e.org_id`)}`);
    case 'training.certified':
      return one(sql`SELECT count(*) AS v FROM skill_certificate s WHERE s.issued_on BETWEEN ${from} AND ${until} AND ${under(sql`s.org_id`)}`);
    case 'event.held':
      return one(
        sql`SELECT count(*) AS v FROM union_event e WHERE e.starts_on BETWEEN ${from} AND ${today < until ? today : until} AND ${under(sql`e.org_id`)}`,
      );
  }
}

/** How many daily readings a task page draws. */
export const KPI_HISTORY_DAYS = 120;

/** A task's daily KPI readings (plan.kpi.ts), oldest first, ending with today's value computed now. */
async function kpiHistory(exec: Executor, taskId: string, today: string, now: number) {
  const rows = await exec
    .select({ on: planKpiReading.onDate, value: planKpiReading.value })
    .from(planKpiReading)
    .where(and(eq(planKpiReading.taskId, taskId), sql`${planKpiReading.onDate} < ${today}`))
    .orderBy(desc(planKpiReading.onDate))
    .limit(KPI_HISTORY_DAYS - 1);
  return [...rows.reverse(), { on: today, value: now }];
}

// ---------------------------------------------------------------------------------------------
// One task

export async function getTask(c: Ctx, id: string) {
  const t = await tasks.get(c, id);
  const [names, reports, children] = await Promise.all([
    namesOf(c.db, [t]),
    c.db.select().from(planReport).where(eq(planReport.taskId, t.id)).orderBy(asc(planReport.createdAt)),
    tasks.list(c, { parentId: t.id, page: 1, pageSize: 100, sort: 'due', order: 'asc' }),
  ]);
  const childNames = await namesOf(c.db, children.items);
  const today = todayInChina();
  let kpi = null;
  if (t.kpiMetric && isLiveMetric(t.kpiMetric)) {
    const m = KPI_METRICS[t.kpiMetric];
    const value = await kpiValue(c.db, t.kpiMetric, t.orgId, today);
    kpi = {
      metric: t.kpiMetric,
      zh: m.zh,
      en: m.en,
      unit: m.unit,
      value,
      target: t.kpiTarget,
      progress: t.kpiTarget ? Math.min(100, Math.round((value / t.kpiTarget) * 100)) : null,
      history: await kpiHistory(c.db, t.id, today, value),
    };
  }
  const p = c.actor.permissions;
  return {
    ...presentTask(t, names.get(t.id)!, today),
    triggers: t.triggers,
    kpi,
    reports: reports.map((r) => ({
      id: r.id,
      kind: r.kind,
      reportedOn: r.reportedOn,
      progress: r.progress,
      note: r.note,
      evidence: r.evidence,
      actorName: r.actorName,
    })),
    childTasks: children.items.map((x) => presentTask(x, childNames.get(x.id)!, today)),
    actions: allowedActions(TASK_MACHINE, t.status, p) as TaskAction[],
    can: { edit: p.has('plan.write') && t.status !== 'closed', split: p.has('plan.write') && t.status !== 'closed' },
  };
}

export async function updateTask(
  c: Ctx,
  id: string,
  body: {
    title: string;
    lead?: string | null;
    coOwners?: string | null;
    profile: string;
    major: boolean;
    kpiMetric?: string | null;
    kpiTarget?: number | null;
    kpiUnit?: string | null;
    kpiDue?: string | null;
    reportCadence?: string | null;
    version: number;
  },
) {
  await c.db.transaction(async (tx) => {
    const t = await tasks.get(c, id, { exec: tx, lock: true });
    if (t.status === 'closed') throw new AppError(409, 'WRONG_STATUS', '已销号的任务不能修改', 'a closed task cannot be edited');
    // Not given: the cadence stays as it was.
    const cadence = body.reportCadence === undefined ? t.reportCadence : body.reportCadence;
    const due = cadence === t.reportCadence ? t.nextReportDue : await nextReportDue(c, tx, cadence, t.lastReportOn ?? todayInChina());
    await profileOf(c, tx, body.profile, todayInChina());
    await tasks.update(
      c,
      tx,
      id,
      body.version,
      {
        title: body.title,
        lead: body.lead ?? null,
        coOwners: body.coOwners ?? null,
        profile: body.profile,
        major: body.major,
        kpiMetric: body.kpiMetric ?? null,
        kpiTarget: body.kpiTarget ?? null,
        kpiUnit: body.kpiUnit ?? null,
        kpiDue: body.kpiDue ?? null,
        reportCadence: cadence,
        nextReportDue: due,
        updatedAt: new Date(),
      },
      { action: 'plan.task.update' },
    );
  });
  return getTask(c, id);
}

/** Split a task to unions below its owner: each gets a task of its own; the parent's progress rolls up from them. */
export async function splitTask(c: Ctx, id: string, body: { orgIds: string[]; kpiTarget?: number | null; version: number }) {
  const today = todayInChina();
  await c.db.transaction(async (tx) => {
    const t = await tasks.get(c, id, { exec: tx, lock: true });
    if (t.version !== body.version) throw errors.versionConflict();
    if (t.status === 'closed') throw new AppError(409, 'WRONG_STATUS', '已销号的任务不能分解', 'a closed task cannot be split');
    const [owner] = await tx.select({ path: org.path }).from(org).where(eq(org.id, t.orgId));
    for (const orgId of new Set(body.orgIds)) {
      const o = await requireOrgInScope(c, tx, orgId);
      if (o.id === t.orgId || !o.path.startsWith(owner!.path)) {
        throw new AppError(400, 'VALIDATION_FAILED', `“${o.name}”不是责任单位的下级工会`, `“${o.name}” is not below the owner`, {
          fields: [{ path: 'body.orgIds', message: '只能分解给下级工会', messageEn: 'only to unions below the owner' }],
        });
      }
      const childId = uuidv7();
      const dues = await startDeadlines(c, tx, childId, today, t.profile, t.major);
      await tx.insert(planTask).values({
        id: childId,
        planId: t.planId,
        parentId: t.id,
        orgId,
        section: t.section,
        title: t.title,
        kind: t.kind,
        modules: t.modules,
        triggers: t.triggers,
        profile: t.profile,
        major: t.major,
        status: 'assigned',
        assignedOn: today,
        ...dues,
        closeDue: t.closeDue ?? dues.closeDue,
        kpiMetric: t.kpiMetric,
        kpiTarget: body.kpiTarget ?? null,
        kpiUnit: t.kpiUnit,
        kpiDue: t.kpiDue,
      });
      await appendAudit(tx, {
        actorId: c.actor.userId,
        actorName: c.actor.username,
        ip: c.ip,
        orgId,
        action: 'plan.task.split',
        entity: 'plan_task',
        entityId: childId,
        changes: { parentId: t.id, orgId },
        detail: null,
      });
    }
    await tx
      .update(planTask)
      .set({ version: t.version + 1, updatedAt: new Date() })
      .where(eq(planTask.id, t.id));
  });
  return getTask(c, id);
}

const REPORT_KIND: Record<TaskAction, string> = {
  deploy: 'deploy',
  report: 'progress',
  requestClose: 'close_request',
  approveClose: 'closed',
  returnClose: 'returned',
};

/** One workflow step of a task, with its report; a child's progress rolls up to its parent. */
export async function taskStep(
  c: Ctx,
  id: string,
  action: TaskAction,
  body: { note?: string | null; evidence?: string | null; progress?: number; version: number },
) {
  const today = todayInChina();
  await c.db.transaction(async (tx) => {
    const t = await tasks.get(c, id, { exec: tx, lock: true });
    if (t.version !== body.version) throw errors.versionConflict();
    guard(c, TASK_MACHINE, action, t, body);
    const progress = action === 'approveClose' ? 100 : (body.progress ?? (action === 'requestClose' ? 100 : undefined));
    const set: Record<string, unknown> = {};
    if (progress !== undefined) set.progress = progress;
    if (action === 'report' || action === 'requestClose') {
      set.lastReportOn = today;
      set.nextReportDue = await nextReportDue(c, tx, t.reportCadence, today);
    }
    if (action === 'approveClose') set.nextReportDue = null;
    await step(c, tx, TASK_MACHINE, { table: planTask, id: planTask.id, status: planTask.status, version: planTask.version }, action, {
      row: t,
      input: body,
      set,
      changes: { ...(progress !== undefined ? { progress } : {}), ...(body.note ? { note: body.note } : {}) },
    });
    await tx.insert(planReport).values({
      id: uuidv7(),
      taskId: t.id,
      orgId: t.orgId,
      kind: REPORT_KIND[action],
      reportedOn: today,
      progress: progress ?? null,
      note: body.note?.trim() || TASK_MACHINE.transitions[action].zh,
      evidence: body.evidence ?? null,
      actorName: c.actor.username,
    });
    if (t.parentId) {
      await tx.execute(sql`UPDATE plan_task SET progress = (SELECT coalesce(round(avg(progress)), 0)::int FROM plan_task WHERE parent_id = ${t.parentId}), updated_at = now()
        WHERE id = ${t.parentId}`);
    }
  });
  return getTask(c, id);
}

// ---------------------------------------------------------------------------------------------
// The board

/** Red, yellow, green and closed tasks by owner in scope (optionally of one plan); escalated: overdue tasks of the unions below the caller's own. */
export async function board(c: Ctx, planId?: string) {
  const today = todayInChina();
  const soon = addDaysIso(today, 2);
  const where = tasks.where(c, planId ? { planId } : {});
  const got = await c.db.execute(sql`
    SELECT plan_task.org_id, o.name AS org_name,
      count(*) FILTER (WHERE plan_task.status <> 'closed' AND LEAST(plan_task.deploy_due, plan_task.report_due, plan_task.close_due) < ${today})::int AS red,
      count(*) FILTER (WHERE plan_task.status <> 'closed' AND LEAST(plan_task.deploy_due, plan_task.report_due, plan_task.close_due) BETWEEN ${today} AND ${soon})::int AS yellow,
      count(*) FILTER (WHERE plan_task.status <> 'closed' AND (LEAST(plan_task.deploy_due, plan_task.report_due, plan_task.close_due) IS NULL OR LEAST(plan_task.deploy_due, plan_task.report_due, plan_task.close_due) > ${soon}))::int AS green,
      count(*) FILTER (WHERE plan_task.status = 'closed')::int AS done,
      count(*) FILTER (WHERE plan_task.status = 'closed' AND plan_task.updated_at >= date_trunc('month', now()))::int AS closed_month,
      count(*) FILTER (WHERE plan_task.status <> 'closed' AND LEAST(plan_task.deploy_due, plan_task.report_due, plan_task.close_due) < ${today} AND plan_task.org_id <> ${c.actor.orgId})::int AS escalated
    FROM plan_task JOIN org o ON o.id = plan_task.org_id WHERE ${where} GROUP BY plan_task.org_id, o.name ORDER BY red DESC, yellow DESC, o.name`);
  const rows = (Array.isArray(got) ? got : (got as { rows: unknown[] }).rows) as {
    org_id: string;
    org_name: string;
    red: number;
    yellow: number;
    green: number;
    done: number;
    closed_month: number;
    escalated: number;
  }[];
  const sum = (k: 'red' | 'yellow' | 'green' | 'done' | 'closed_month' | 'escalated') => rows.reduce((s, r) => s + Number(r[k]), 0);
  const late = rowsOf<{ id: string; title: string; org_name: string; cadence: string; due: string; total: number }>(
    await c.db.execute(sql`
    SELECT plan_task.id, plan_task.title, o.name AS org_name, plan_task.report_cadence AS cadence, plan_task.next_report_due::text AS due, count(*) OVER ()::int AS total
    FROM plan_task JOIN org o ON o.id = plan_task.org_id
    WHERE ${where} AND plan_task.status <> 'closed' AND plan_task.next_report_due < ${today}
    ORDER BY plan_task.next_report_due, plan_task.id LIMIT 50`),
  );
  return {
    overdueReports: late.map((r) => ({ taskId: r.id, title: r.title, orgName: r.org_name, cadence: r.cadence, due: r.due, days: -daysUntil(today, r.due) })),
    overdueReportCount: Number(late[0]?.total ?? 0),
    tasks: sum('red') + sum('yellow') + sum('green') + sum('done'),
    rag: { red: sum('red'), yellow: sum('yellow'), green: sum('green'), done: sum('done') },
    escalated: sum('escalated'),
    closedThisMonth: sum('closed_month'),
    byOwner: rows.slice(0, 50).map((r) => ({ orgId: r.org_id, orgName: r.org_name, red: r.red, yellow: r.yellow, green: r.green, done: r.done })),
  };
}
