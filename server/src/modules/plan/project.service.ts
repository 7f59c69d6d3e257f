import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { project, projectSpend } from './project.schema.js';
import { org } from '../org/org.schema.js';
import { resource } from '../../platform/resource.js';
import { errors } from '../../platform/errors.js';
import { requireOrgInScope } from '../org/org.service.js';
import { escapeLike } from '../../platform/scope.js';
import type { Ctx, PublicCtx } from '../../platform/context.js';
import { todayInChina } from '../../../../common/src/dates.js';
import type { ProjectCreate, ProjectUpdate, Spend } from '../../../../common/src/contracts/project.js';

type ProjectRow = typeof project.$inferSelect;

/** A milestone not done whose calendar due date is before today (docs/plans.md, "Practical projects"). */
const overdueSql = (today: string) =>
  sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${project.milestones}) m WHERE m->>'doneOn' IS NULL AND m->>'due' < ${today})`;

export const projects = resource<typeof project, { year?: number; status?: string; overdue?: string; q?: string }>({
  table: project,
  entity: 'project',
  noun: ['实事项目', 'project'],
  orgColumn: project.orgId,
  idColumn: project.id,
  versionColumn: project.version,
  filters: {
    year: (v) => eq(project.year, v),
    status: (v) => eq(project.status, v),
    overdue: () => overdueSql(todayInChina()),
    q: (v) => sql`${project.title} ILIKE ${'%' + escapeLike(v) + '%'}`,
  },
  sorts: { year: project.year, progress: project.progress },
});

export function presentProject(p: ProjectRow, orgName: string, today = todayInChina()) {
  const milestones = p.milestones.map((m) => ({ title: m.title, due: m.due, doneOn: m.doneOn, overdue: !m.doneOn && m.due < today }));
  return {
    id: p.id,
    orgId: p.orgId,
    orgName,
    year: p.year,
    title: p.title,
    description: p.description,
    budgetFen: p.budgetFen,
    spentFen: p.spentFen,
    overBudget: p.spentFen > p.budgetFen,
    progress: p.progress,
    status: p.status,
    milestones,
    overdueMilestones: milestones.filter((m) => m.overdue).length,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

async function orgNames(c: { db: Ctx['db'] }, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await c.db
    .select({ id: org.id, name: org.name })
    .from(org)
    .where(inArray(org.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listProjects(c: Ctx, q: Parameters<typeof projects.list>[1]) {
  const page = await projects.list(c, { ...q, sort: q.sort ?? 'year', order: q.order ?? 'desc' });
  const names = await orgNames(
    c,
    page.items.map((p) => p.orgId),
  );
  return { items: page.items.map((p) => presentProject(p, names.get(p.orgId) ?? '')), total: page.total, page: page.page, pageSize: page.pageSize };
}

export async function getProject(c: Ctx, id: string) {
  const p = await projects.get(c, id);
  const names = await orgNames(c, [p.orgId]);
  const spends = await c.db.select().from(projectSpend).where(eq(projectSpend.projectId, id)).orderBy(asc(projectSpend.spentOn), asc(projectSpend.createdAt));
  return {
    ...presentProject(p, names.get(p.orgId) ?? ''),
    spends: spends.map((s) => ({
      id: s.id,
      spentOn: s.spentOn,
      amountFen: s.amountFen,
      note: s.note,
      overBudgetReason: s.overBudgetReason,
      actorName: s.actorName,
    })),
  };
}

export async function createProject(c: Ctx, body: ProjectCreate) {
  const id = await c.db.transaction(async (tx) => {
    await requireOrgInScope(c, tx, body.orgId);
    const p = await projects.create(
      c,
      tx,
      {
        id: uuidv7(),
        orgId: body.orgId,
        year: body.year,
        title: body.title,
        description: body.description ?? null,
        budgetFen: body.budgetFen,
        milestones: body.milestones,
        createdBy: c.actor.userId,
      },
      { action: 'project.create', changes: { title: body.title, year: body.year, budgetFen: body.budgetFen, milestones: body.milestones.length } },
    );
    return p.id;
  });
  return getProject(c, id);
}

export async function updateProject(c: Ctx, id: string, body: ProjectUpdate) {
  const { version, ...rest } = body;
  const set: Partial<typeof project.$inferInsert> = { updatedAt: new Date() };
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) (set as Record<string, unknown>)[k] = v;
  await c.db.transaction(async (tx) => {
    const cur = await projects.get(c, id, { exec: tx, lock: true });
    if (body.budgetFen !== undefined && body.budgetFen < cur.spentFen)
      throw errors.invalid('预算不能低于已支出金额', 'the budget cannot be below what has been spent', { spentFen: cur.spentFen });
    if (body.status === 'done') set.progress = 100;
    await projects.update(c, tx, id, version, set, { action: 'project.update' });
  });
  return getProject(c, id);
}

/** Record spending; a total past the budget needs its reason, stated on the record and in the audit. */
export async function recordSpend(c: Ctx, id: string, body: Spend) {
  await c.db.transaction(async (tx) => {
    const cur = await projects.get(c, id, { exec: tx, lock: true });
    const total = cur.spentFen + body.amountFen;
    if (total > cur.budgetFen && !body.overBudgetReason)
      throw errors.invalid(
        `支出合计将超出预算（预算${(cur.budgetFen / 100).toFixed(2)}元，合计${(total / 100).toFixed(2)}元），请填写超预算原因`,
        'the spending would exceed the budget; state the over-budget reason',
        { budgetFen: cur.budgetFen, totalFen: total },
      );
    await tx.insert(projectSpend).values({
      id: uuidv7(),
      projectId: id,
      orgId: cur.orgId,
      spentOn: body.spentOn,
      amountFen: body.amountFen,
      note: body.note,
      overBudgetReason: total > cur.budgetFen ? body.overBudgetReason : null,
      actorName: c.actor.username,
    });
    await projects.update(
      c,
      tx,
      id,
      body.version,
      { spentFen: total, updatedAt: new Date() },
      {
        action: 'project.spend',
        changes: { amountFen: body.amountFen, spentOn: body.spentOn, note: body.note, overBudgetReason: body.overBudgetReason ?? null },
      },
    );
  });
  return getProject(c, id);
}

/** The public progress page: projects of the federation and the unions below it for a year; no names of people, no spending lines. */
export async function publicProjects(c: PublicCtx, query: { orgId?: string; year?: number }) {
  const q = { year: query.year ?? Number(todayInChina().slice(0, 4)) };
  const [fed] = await c.db
    .select({ id: org.id, name: org.name, path: org.path })
    .from(org)
    .where(query.orgId ? eq(org.id, query.orgId) : isNull(org.parentId))
    .orderBy(asc(org.path))
    .limit(1);
  if (!fed) throw errors.notFound('工会组织', 'organisation');
  const rows = await c.db
    .select({ p: project, orgName: org.name })
    .from(project)
    .innerJoin(org, eq(org.id, project.orgId))
    .where(and(eq(project.year, q.year), sql`${org.path} LIKE ${escapeLike(fed.path) + '%'}`))
    .orderBy(desc(project.progress), asc(project.title))
    .limit(500);
  return {
    federation: fed.name,
    year: q.year,
    projects: rows.map(({ p, orgName }) => ({
      title: p.title,
      orgName,
      budgetFen: p.budgetFen,
      progress: p.progress,
      status: p.status,
      milestones: p.milestones.map((m) => ({ title: m.title, due: m.due, done: !!m.doneOn })),
    })),
  };
}
