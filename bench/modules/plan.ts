/**
 * Work supervision in the benchmark (docs/plans.md): the task ledger, its search and the board,
 * and the assessment lists, each timed beside its own SQL through the driver alone (issue target:
 * p95 ≤ 1.5× raw); and the extraction of a 30,000-character report (target: under one second).
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { plan, planTask } from '../../server/src/modules/plan/plan.schema.js';
import { assessment, assessmentEntry, assessmentIndicator } from '../../server/src/modules/plan/assessment.schema.js';
import { DEMO_SPEECH } from '../../server/src/seed/demo-plans.js';
import { createRng, addDays } from '../../server/src/seed/prng.js';
import { DEMO_REFERENCE_DATE } from '../../server/src/seed/demo-city.js';
import { extractPlan } from '../../common/src/plan-extract.js';
import { autoScore } from '../../common/src/assessment-vocab.js';
import { summarise } from '../lib/stats.js';
import { fmtMs, type ItemResult } from '../lib/report.js';
import { MODULE_BENCHES, type ModuleBench } from './registry.js';

/** Tasks per unit of scale: about the demo plan's count (the accepted speech's items and their district splits). */
const TASKS_PER_SCALE = 400;
const YEARS = 3;
const STATUSES = ['assigned', 'deployed', 'in_progress', 'closing', 'closed'] as const;
const TITLES = ['职工入会', '困难职工帮扶', '集体协商', '劳动竞赛', '职工之家', '户外劳动者服务站点', '技能培训', '劳动争议调解'];

/** The reference speech repeated and cut to `chars` characters (the 30,000-character report). */
export function longReport(chars = 30_000): string {
  const one = fs.readFileSync(DEMO_SPEECH, 'utf8');
  return one.repeat(Math.ceil(chars / one.length)).slice(0, chars);
}

/** Time the extraction of a 30,000-character report: median and p95 of 30 runs after 3 warm-ups. */
export function extractionItem(log: (m: string) => void): ItemResult {
  const text = longReport();
  for (let i = 0; i < 3; i++) extractPlan(text);
  const ms: number[] = [];
  let items = 0;
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const r = extractPlan(text);
    ms.push(performance.now() - t0);
    items = r.sections.reduce((s, x) => s + x.items.length, 0);
  }
  const S = summarise(ms);
  log(`  plan.extract.30k: p50 ${S.p50.toFixed(1)} ms, p95 ${S.p95.toFixed(1)} ms (${text.length} characters, ${items} items)`);
  return {
    id: 'plan.extract.30k',
    what: '讲话稿提取（3万字）/ extraction of a 30,000-character report',
    ours: `p50 ${fmtMs(S.p50)}, p95 ${fmtMs(S.p95)} (n=${S.n})`,
    limit: '1000 ms (issue target)',
    ratio: S.p95 / 1000,
    ratioLabel: `${(S.p95 / 1000).toFixed(3)} × 1 s`,
    target: 'p95 < 1000 ms',
    met: S.p95 < 1000,
    data: { chars: text.length, items, runs: S },
  };
}

export const planBench: ModuleBench = {
  id: 'plan',
  what: '重点工作督办台账和年度考核 / supervision ledger and yearly assessment',
  async seed(s, { orgs, scale, log }) {
    const rng = createRng(20261204).fork('plan-bench');
    const db = s.database.db;
    const city = orgs.find((o) => o.level === 'city')!;
    const owners = orgs.filter((o) => o.level !== 'grassroots');
    const year = Number(DEMO_REFERENCE_DATE.slice(0, 4));
    const planId = rng.uuid();
    await db.insert(plan).values({ id: planId, orgId: city.id, year, title: `${year}年重点工作（基准测试）` });
    const tasks = Math.round(TASKS_PER_SCALE * scale);
    for (let i = 0; i < tasks; i += 500) {
      const batch = [];
      for (let j = i; j < Math.min(tasks, i + 500); j++) {
        const owner = owners[rng.int(0, owners.length - 1)]!;
        const assignedOn = addDays(DEMO_REFERENCE_DATE, -rng.int(0, 200));
        const status = STATUSES[rng.int(0, STATUSES.length - 1)]!;
        batch.push({
          id: rng.uuid(),
          planId,
          orgId: owner.id,
          title: `${TITLES[j % TITLES.length]}：第${j + 1}项任务`,
          status,
          assignedOn,
          closeDue: status === 'closed' ? null : addDays(assignedOn, rng.int(5, 60)),
          reportCadence: j % 3 === 0 ? 'weekly' : null,
          nextReportDue: j % 3 === 0 && status !== 'closed' ? addDays(assignedOn, 7) : null,
          progress: status === 'closed' ? 100 : rng.int(0, 90),
        });
      }
      await db.insert(planTask).values(batch);
    }
    // Each union with subordinate unions assesses them every year (as many entries as unions, per year).
    const byParent = new Map<string, string[]>();
    for (const o of orgs) if (o.parentId) byParent.set(o.parentId, [...(byParent.get(o.parentId) ?? []), o.id]);
    let assessments = 0;
    let entries = 0;
    for (const [parentId, children] of byParent) {
      for (let y = 1; y <= YEARS; y++) {
        const id = rng.uuid();
        const ind = {
          id: rng.uuid(),
          name: '职工入会率',
          weight: 60,
          kind: 'auto' as const,
          metric: 'member.coverage',
          target: 90,
          unit: '%',
          description: null,
        };
        const man = { id: rng.uuid(), name: '工作实绩', weight: 40, kind: 'manual' as const, metric: null, target: null, unit: null, description: null };
        await db
          .insert(assessment)
          .values({ id, orgId: parentId, year: year - y, title: `${year - y}年度考核`, status: 'published', publishedOn: `${year - y + 1}-01-15` });
        await db.insert(assessmentIndicator).values({ assessmentId: id, items: [ind, man] });
        for (let i = 0; i < children.length; i += 1000) {
          const rows = children.slice(i, i + 1000).map((orgId, k) => {
            const value = rng.int(600, 990) / 10;
            const review = rng.int(20, 40);
            const total = autoScore(value, 90, 60) + review;
            return {
              id: rng.uuid(),
              assessmentId: id,
              orgId,
              status: 'reviewed',
              items: [
                { indicatorId: ind.id, value, self: autoScore(value, 90, 60), evidence: null, review: autoScore(value, 90, 60), note: null },
                { indicatorId: man.id, value: null, self: review, evidence: '台账', review, note: null },
              ],
              selfTotal: total,
              total,
              rank: i + k + 1,
            };
          });
          await db.insert(assessmentEntry).values(rows);
          entries += rows.length;
        }
        assessments++;
      }
    }
    log(`  plan: ${tasks} tasks, ${assessments} assessments, ${entries} entries`);
    return { plan_task: tasks, assessment: assessments, assessment_entry: entries };
  },
  routes: [
    {
      id: 'plan.ledger',
      what: '督办台账（未办结，按时限）/ the ledger, open tasks by deadline',
      url: '/api/plan-tasks?status=open&pageSize=50',
      who: 'city',
      target: { ratio: 1.5 },
    },
    {
      id: 'plan.ledger.search',
      what: '台账搜索 / the ledger searched',
      url: '/api/plan-tasks?q=%E5%85%A5%E4%BC%9A&pageSize=50',
      who: 'district',
      target: { ratio: 1.5 },
    },
    { id: 'plan.board', what: '红黄绿督办看板 / the board', url: '/api/plan-tasks/board', who: 'city', target: { ratio: 1.5 } },
    { id: 'plan.assessments', what: '年度考核列表 / the assessment list', url: '/api/assessments?pageSize=50', who: 'city', target: { ratio: 1.5 } },
    {
      id: 'plan.assessment.entries',
      what: '本单位考核结果 / entries in a district',
      url: '/api/assessment-entries?pageSize=50',
      who: 'district',
      target: { ratio: 1.5 },
    },
  ],
  items: (_s, log) => [extractionItem(log)],
};

MODULE_BENCHES.push(planBench);
