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
}

export const PLAN_FILLERS: { prefix: string; param: string; targets: (s: PlanSiblings) => Target[] }[] = [
  { prefix: '/api/plans/:id', param: 'id', targets: (s) => s.plans },
  { prefix: '/api/plan-tasks/:id', param: 'id', targets: (s) => s.planTasks },
  { prefix: '/api/projects/:id', param: 'id', targets: (s) => s.projects },
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
  return {
    projects: [{ id: proj.json().id, version: proj.json().version, secrets: [`${label}实事项目`] }],
    plans: [{ id: plan.id, version: plan.version, secrets: [`${label}重点工作`] }],
    planTasks: tasks.items.map((t: { id: string; version: number }) => ({ id: t.id, version: t.version, secrets: [`${label}的任务`] })),
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
  ]);
}
