import { expect } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { TestClient } from '../../test/harness.js';

/**
 * Work-plan objects for the sibling test (server/src/platform/scope-sibling.test.ts): a plan of a
 * union outside the caller's scope with one task, the bodies that would change them, and the rows
 * that must not change. Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface PlanSiblings {
  plans: Target[];
  planTasks: Target[];
  projects: Target[];
  assessments: Target[];
  assessmentEntries: Target[];
  assessmentAppeals: Target[];
}

export const PLAN_FILLERS: { prefix: string; param: string; targets: (s: PlanSiblings) => Target[] }[] = [
  { prefix: '/api/plans/:id', param: 'id', targets: (s) => s.plans },
  { prefix: '/api/plan-tasks/:id', param: 'id', targets: (s) => s.planTasks },
  { prefix: '/api/projects/:id', param: 'id', targets: (s) => s.projects },
  { prefix: '/api/assessments/:id', param: 'id', targets: (s) => s.assessments },
  { prefix: '/api/assessment-entries/:id', param: 'id', targets: (s) => s.assessmentEntries },
  { prefix: '/api/assessment-appeals/:id', param: 'id', targets: (s) => s.assessmentAppeals },
];

const stepBody = (t: Target) => ({ note: '越权办理', evidence: '越权佐证', progress: 90, version: t.version });
export const PLAN_BODIES: Record<string, (t: Target, own: { orgId: string }) => unknown> = {
  'PUT /api/plan-tasks/:id': (t) => ({ title: '越权修改的任务', profile: '13710', major: false, version: t.version }),
  'POST /api/plan-tasks/:id/split': (t, own) => ({ orgIds: [own.orgId], version: t.version }),
  'POST /api/plan-tasks/:id/deploy': stepBody,
  'POST /api/plan-tasks/:id/report': stepBody,
  'POST /api/plan-tasks/:id/request-close': stepBody,
  'POST /api/plan-tasks/:id/approve-close': stepBody,
  'POST /api/plan-tasks/:id/return-close': stepBody,
  'PUT /api/projects/:id': (t) => ({ title: '越权修改的项目', progress: 99, version: t.version }),
  'POST /api/assessments/:id/review': (t) => ({ version: t.version }),
  'POST /api/assessments/:id/rank': (t) => ({ version: t.version }),
  'POST /api/assessments/:id/publish': (t) => ({ version: t.version }),
  'POST /api/assessment-entries/:id/self': (t) => ({ items: [], version: t.version }),
  'POST /api/assessment-entries/:id/review': (t) => ({ items: [], version: t.version }),
  'POST /api/assessment-entries/:id/appeal': (t) => ({ reason: '越权申诉', version: t.version }),
  'POST /api/assessment-appeals/:id/answer': (t) => ({ answer: '越权答复', outcome: 'upheld', total: 100, version: t.version }),
  'POST /api/projects/:id/spend': (t) => ({ spentOn: '2026-03-01', amountFen: 100, note: '越权支出', overBudgetReason: '越权', version: t.version }),
};

/** A plan of the union `orgId` (outside the caller's scope) with one task, made by `admin`. */
export async function planTargets(admin: TestClient, orgId: string, label: string): Promise<PlanSiblings> {
  const res = await admin.post('/api/plans', { orgId, year: 2026, title: `${label}重点工作`, tasks: [{ title: `${label}的任务` }] });
  expect(res.statusCode, res.body).toBe(201);
  const plan = res.json();
  const tasks = (await admin.get(`/api/plan-tasks?planId=${plan.id}`)).json();
  const proj = await admin.post('/api/projects', {
    orgId,
    year: 2026,
    title: `${label}实事项目`,
    budgetFen: 100_000,
    milestones: [{ title: '启动', due: '2026-02-01' }],
  });
  expect(proj.statusCode, proj.body).toBe(201);
  const assessed = await assessmentTargets(admin, orgId, label);
  return {
    ...assessed,
    projects: [{ id: proj.json().id, version: proj.json().version, secrets: [`${label}实事项目`] }],
    plans: [{ id: plan.id, version: plan.version, secrets: [`${label}重点工作`] }],
    planTasks: tasks.items.map((t: { id: string; version: number }) => ({ id: t.id, version: t.version, secrets: [`${label}的任务`] })),
  };
}

/**
 * A published assessment run by the union above `orgId` (outside the caller's scope), the entry of
 * `orgId` in it and that entry's open appeal.
 */
async function assessmentTargets(admin: TestClient, orgId: string, label: string) {
  const parentId = (await admin.get(`/api/orgs/${orgId}`)).json().parentId as string;
  const title = `${label}年度考核`;
  const made = await admin.post('/api/assessments', { orgId: parentId, year: 2025, title, indicators: [{ name: '工作实绩', weight: 100, kind: 'manual' }] });
  expect(made.statusCode, made.body).toBe(201);
  let a = made.json();
  a = (await admin.post(`/api/assessments/${a.id}/review`, { version: a.version })).json();
  // The entries reviewed side by side (the sibling test's setup stays within its time).
  const reviewed = await Promise.all(
    a.ranking.map((e: { id: string; version: number }) =>
      admin.post(`/api/assessment-entries/${e.id}/review`, { items: [{ indicatorId: a.indicators[0].id, score: 80 }], version: e.version }),
    ),
  );
  for (const r of reviewed) expect(r.statusCode, r.body).toBe(200);
  a = (await admin.get(`/api/assessments/${a.id}`)).json();
  a = (await admin.post(`/api/assessments/${a.id}/rank`, { version: a.version })).json();
  a = (await admin.post(`/api/assessments/${a.id}/publish`, { version: a.version })).json();
  const entry = a.ranking.find((e: { orgId: string }) => e.orgId === orgId);
  const appealed = await admin.post(`/api/assessment-entries/${entry.id}/appeal`, { reason: `${label}的申诉`, version: entry.version });
  expect(appealed.statusCode, appealed.body).toBe(201);
  const appeal = appealed.json().appeals[0];
  return {
    assessments: [{ id: a.id, version: a.version, secrets: [title] }],
    assessmentEntries: [{ id: entry.id, version: appealed.json().version, secrets: [title] }],
    assessmentAppeals: [{ id: appeal.id, version: appeal.version, secrets: [`${label}的申诉`] }],
  };
}

/** Rows that no refused request may change. */
export function planSnapshot(rows: <T>(q: SQL) => Promise<T[]>, ids: SQL) {
  return Promise.all([
    rows(sql`SELECT * FROM plan WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM plan_task WHERE id IN (${ids}) OR parent_id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT id FROM plan_report WHERE task_id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM project WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT id FROM project_spend WHERE project_id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM assessment WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM assessment_entry WHERE id IN (${ids}) OR assessment_id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM assessment_appeal WHERE id IN (${ids}) OR assessment_id IN (${ids}) ORDER BY id`),
  ]);
}
