import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { plan, planKpiReading, planReport, planTask } from '../modules/plan/plan.schema.js';
import { recordKpiReadings } from '../modules/plan/plan.kpi.js';
import type { Services } from '../platform/context.js';
import { project, projectSpend } from '../modules/plan/project.schema.js';
import { extractPlan } from '../../../common/src/plan-extract.js';
import { computeDeadline } from '../../../common/src/deadlines.js';
import { isLiveMetric, KPI_METRICS, REPORT_CADENCES, SLA_RULE, taskRules } from '../../../common/src/plan-vocab.js';
import type { CalendarOverrides } from '../../../common/src/working-days.js';
import type { Executor } from '../db/client.js';
import { createRng, addDays } from './prng.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE, type DemoOrg } from './demo-city.js';

/** The city federation's 2022 plenary work report (an anonymised source text), the demo plan's source. */
export const DEMO_SPEECH = path.resolve(import.meta.dirname, 'texts/speech-city-federation-plenary-2022.txt');

/**
 * The demo city's plan for this year, extracted from the plenary report and accepted: tasks owned by
 * the city and split to the districts, in every state (some overdue, so the board shows red), with
 * their reports; KPIs where a live metric fits. Deterministic: its own PRNG fork.
 */
export async function seedDemoPlans(tx: Executor, orgs: DemoOrg[], calendar?: CalendarOverrides) {
  const rng = createRng(DEMO_DEFAULT_SEED).fork('plans');
  const today = DEMO_REFERENCE_DATE;
  const city = orgs.find((o) => o.level === 'city')!;
  const districts = orgs.filter((o) => o.level === 'county');
  const extracted = extractPlan(fs.readFileSync(DEMO_SPEECH, 'utf8'));
  const profile = SLA_RULE.defaults[0]!.value.profiles[0]!;
  const planId = rng.uuid();
  const year = Number(today.slice(0, 4));
  await tx.insert(plan).values({
    id: planId,
    orgId: city.id,
    year,
    title: `${year}年${extracted.title ? '重点工作（据全委会工作报告）' : '重点工作'}`,
    source: extracted.title ?? '全委会工作报告',
  });
  const items = extracted.sections.flatMap((s) =>
    s.items
      .filter((i) => i.kind !== 'directive' || i.modules.length)
      .slice(0, 8)
      .map((i) => ({ section: `${s.no}、${s.heading}`, item: i })),
  );
  const rows: (typeof planTask.$inferInsert)[] = [];
  const reports: (typeof planReport.$inferInsert)[] = [];
  const make = (t: Omit<typeof planTask.$inferInsert, 'id' | 'planId' | 'assignedOn'> & { age: number; major: boolean }) => {
    const id = rng.uuid();
    const assignedOn = addDays(today, -t.age);
    const r = taskRules(profile, t.major);
    const d = {
      deploy: computeDeadline(assignedOn, r.deploy, calendar).due,
      report: computeDeadline(assignedOn, r.firstReport, calendar).due,
      close: computeDeadline(assignedOn, r.close, calendar).due,
    };
    // How far it got: older tasks further along; a few stuck (overdue, red on the board).
    const roll = rng.next();
    const stage = t.age < 2 ? 0 : roll < 0.05 ? 0 : roll < 0.12 ? 1 : roll < 0.55 ? 2 : roll < 0.65 ? 3 : 4;
    const status = (['assigned', 'deployed', 'in_progress', 'closing', 'closed'] as const)[stage]!;
    const progress = [0, 10, rng.int(20, 90), 100, 100][stage]!;
    rows.push({
      ...t,
      id,
      planId,
      assignedOn,
      status,
      progress,
      deployDue: stage >= 1 ? null : d.deploy,
      reportDue: stage >= 2 ? null : d.report,
      closeDue: stage >= 4 ? null : d.close,
      lastReportOn: stage >= 2 ? addDays(assignedOn, Math.min(t.age, rng.int(2, 20))) : null,
    });
    // Every third open task reports weekly, every third after it monthly (no PRNG draw: the rest of the demo stays as it was).
    const row = rows[rows.length - 1]!;
    const cadence = stage >= 4 ? null : (['weekly', 'monthly', null] as const)[rows.length % 3]!;
    if (cadence) {
      row.reportCadence = cadence;
      row.nextReportDue = computeDeadline(row.lastReportOn ?? assignedOn, REPORT_CADENCES[cadence].rule, calendar).due;
    }
    const say = (kind: string, on: string, note: string, p: number | null, evidence: string | null = null) =>
      reports.push({ id: rng.uuid(), taskId: id, orgId: t.orgId, kind, reportedOn: on, progress: p, note, evidence, actorName: 'demo' });
    if (stage >= 1) say('deploy', addDays(assignedOn, 1), '已召开专题会议部署，明确专人负责', null);
    if (stage >= 2) say('progress', addDays(assignedOn, Math.min(t.age, 3)), '按计划推进，已完成阶段性工作', progress);
    if (stage >= 3) say('close_request', addDays(assignedOn, Math.min(t.age, 6)), '任务已完成，申请销号', 100, '工作总结、现场照片');
    if (stage >= 4) say('closed', addDays(assignedOn, Math.min(t.age, 7)), '经核实，同意销号', 100);
    return id;
  };
  items.forEach(({ section, item }, i) => {
    const metric = item.kpi && isLiveMetric(item.kpi.metric) ? item.kpi.metric : null;
    const major = item.kind === 'campaign' || rng.chance(0.6);
    const age = rng.int(0, 30);
    const parentId = make({
      orgId: city.id,
      section,
      title: item.text.slice(0, 500),
      kind: item.kind,
      modules: item.modules,
      triggers: item.triggers,
      lead: null,
      coOwners: null,
      profile: profile.key,
      major,
      age,
      kpiMetric: metric,
      kpiTarget: metric && item.quantity?.value ? Math.round(item.quantity.value) : null,
      kpiUnit: metric ? KPI_METRICS[metric].unit : null,
      kpiDue: `${year}-12-31`,
    });
    // Every third task is split to the districts ("每区不少于…"): each district carries its share.
    if (i % 3 === 0) {
      for (const d of districts) {
        make({
          orgId: d.id,
          parentId,
          section,
          title: item.text.slice(0, 500),
          kind: item.kind,
          modules: item.modules,
          triggers: item.triggers,
          lead: null,
          coOwners: null,
          profile: profile.key,
          major,
          age: Math.max(0, age - 1),
          kpiMetric: metric,
          kpiTarget: null,
          kpiUnit: metric ? KPI_METRICS[metric].unit : null,
          kpiDue: `${year}-12-31`,
        });
      }
    }
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(planTask).values(rows.slice(i, i + 500));
  for (let i = 0; i < reports.length; i += 500) await tx.insert(planReport).values(reports.slice(i, i + 500));
  // A split task's progress is its children's average.
  await tx.execute(
    sql`UPDATE plan_task p SET progress = c.avg FROM (SELECT parent_id, round(avg(progress))::int AS avg FROM plan_task WHERE parent_id IS NOT NULL GROUP BY parent_id) c WHERE p.id = c.parent_id AND p.status <> 'closed'`,
  );
  const projects = await seedDemoProjects(tx, rng, city, districts, today);
  return { plans: 1, tasks: rows.length, reports: reports.length, projects };
}

/**
 * The city's practical projects of the year (docs/plans.md, "Practical projects"): some on track,
 * one with an overdue milestone, one done, one over budget with its reason.
 */
async function seedDemoProjects(tx: Executor, rng: ReturnType<typeof createRng>, city: DemoOrg, districts: DemoOrg[], today: string) {
  const year = Number(today.slice(0, 4));
  const d = (n: number) => addDays(today, n);
  const owner = (i: number) => districts[i % Math.max(districts.length, 1)] ?? city;
  const list = [
    {
      org: city,
      title: '新建户外劳动者服务站点20个',
      budget: 200_000_00,
      spent: 120_000_00,
      progress: 60,
      status: 'in_progress',
      ms: [
        ['完成选址', d(-60), d(-70)],
        ['全部建成开放', d(90), null],
      ],
    },
    {
      org: owner(0),
      title: '为一线职工免费健康体检1万人次',
      budget: 300_000_00,
      spent: 90_000_00,
      progress: 30,
      status: 'in_progress',
      ms: [
        ['完成招标', d(-20), null],
        ['体检完成', d(120), null],
      ],
    },
    {
      org: owner(1),
      title: '困难职工子女助学200人',
      budget: 100_000_00,
      spent: 100_000_00,
      progress: 100,
      status: 'done',
      ms: [['发放助学金', d(-30), d(-35)]],
    },
    {
      org: city,
      title: '职工技能提升培训5000人次',
      budget: 150_000_00,
      spent: 160_000_00,
      progress: 85,
      status: 'in_progress',
      ms: [
        ['上半年培训', d(-10), d(-12)],
        ['全年完成', d(60), null],
      ],
      reason: '报名人数超出计划，经党组会研究追加',
    },
    { org: owner(2), title: '新建爱心托管班10个', budget: 50_000_00, spent: 0, progress: 0, status: 'planned', ms: [['确定托管点', d(30), null]] },
  ] as const;
  for (const p of list) {
    const id = rng.uuid();
    await tx.insert(project).values({
      id,
      orgId: p.org.id,
      year,
      title: p.title,
      budgetFen: p.budget,
      spentFen: p.spent,
      progress: p.progress,
      status: p.status,
      milestones: p.ms.map(([title, due, doneOn]) => ({ title, due, doneOn })),
    });
    if (p.spent)
      await tx.insert(projectSpend).values({
        id: rng.uuid(),
        projectId: id,
        orgId: p.org.id,
        spentOn: d(-15),
        amountFen: p.spent,
        note: '按进度拨付',
        overBudgetReason: 'reason' in p ? p.reason : null,
        actorName: 'demo',
      });
  }
  return list.length;
}

/**
 * The line of each open task's live KPI (docs/plans.md, "Live KPIs"): today's value as the job
 * records it, and one reading a week for the eight weeks before, rising to it, so that the demo's
 * task pages draw a line against the target. The earlier readings are demo figures: the modules keep
 * no history to recompute them from.
 */
export async function seedDemoKpiReadings(tx: Executor, s: Services, today: string): Promise<number> {
  await recordKpiReadings(s, { today, exec: tx });
  const rows = await tx.select({ taskId: planKpiReading.taskId, value: planKpiReading.value }).from(planKpiReading).where(eq(planKpiReading.onDate, today));
  const back: (typeof planKpiReading.$inferInsert)[] = [];
  for (const r of rows)
    for (let w = 1; w <= 8; w++) back.push({ taskId: r.taskId, onDate: addDays(today, -7 * w), value: Math.round(r.value * (1 - 0.05 * w) * 10) / 10 });
  for (let i = 0; i < back.length; i += 1000) await tx.insert(planKpiReading).values(back.slice(i, i + 1000));
  return rows.length;
}
