/** Practical projects (实事项目): a federation's yearly list, budgets, milestones, spending, progress (docs/plans.md). */
import { z } from 'zod';
import { endpoints, fen, FileBody, HistoryEntrySchema, IdParams, isoDate, optionalText, PageQuery, pageOf, requiredText, version } from './kit.js';

export const PROJECT_STATUSES = ['planned', 'in_progress', 'done', 'suspended'] as const;
export const PROJECT_STATUS_LABELS: Record<(typeof PROJECT_STATUSES)[number], { zh: string; en: string }> = {
  planned: { zh: '未启动', en: 'Planned' },
  in_progress: { zh: '推进中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  suspended: { zh: '暂停', en: 'Suspended' },
};
const status = z.enum(PROJECT_STATUSES, { error: '状态不正确 / invalid status' });

/** A milestone: its due date is a calendar date (the day it is due, whatever the day of the week). */
const Milestone = z.strictObject({
  title: requiredText(200, '请填写节点名称', 'the milestone is required'),
  due: isoDate,
  doneOn: isoDate.nullish().transform((v) => v ?? null),
});
const year = z.number().int().min(2000, '年度不正确 / invalid year').max(2100, '年度不正确 / invalid year');
const progress = z.number().int().min(0, '进度应在0至100之间 / progress is 0–100').max(100, '进度应在0至100之间 / progress is 0–100');

export const ProjectCreateBody = z.strictObject({
  orgId: z.uuid('责任单位不正确 / invalid owner union'),
  year,
  title: requiredText(200, '请填写项目名称', 'the title is required'),
  description: optionalText(2000),
  budgetFen: fen,
  milestones: z.array(Milestone).max(50, '最多50个节点 / at most 50 milestones').default([]),
});
export const ProjectUpdateBody = z.strictObject({
  title: requiredText(200, '请填写项目名称', 'the title is required').optional(),
  description: optionalText(2000),
  budgetFen: fen.optional(),
  milestones: z.array(Milestone).max(50, '最多50个节点 / at most 50 milestones').optional(),
  progress: progress.optional(),
  status: status.optional(),
  version,
});
/** A spending record; the total may pass the budget only with a stated reason. */
export const SpendBody = z.strictObject({
  spentOn: isoDate,
  amountFen: fen.refine((v) => v > 0, '金额应大于0 / amount must be positive'),
  note: requiredText(200, '请填写支出用途', 'say what it was spent on'),
  overBudgetReason: optionalText(500),
  version,
});

export const MilestoneSchema = z.object({ title: z.string(), due: z.string(), doneOn: z.string().nullable(), overdue: z.boolean() });
export const SpendSchema = z.object({
  id: z.string(),
  spentOn: z.string(),
  amountFen: z.number(),
  note: z.string(),
  overBudgetReason: z.string().nullable(),
  actorName: z.string(),
});
export const ProjectSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  budgetFen: z.number(),
  spentFen: z.number(),
  overBudget: z.boolean(),
  progress: z.number(),
  status: z.string(),
  milestones: z.array(MilestoneSchema),
  overdueMilestones: z.number(),
  version: z.number(),
  updatedAt: z.string(),
});
export const ProjectDetail = ProjectSchema.extend({ spends: z.array(SpendSchema) });
export const ProjectListQuery = z.strictObject({
  ...PageQuery,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: status.optional(),
  overdue: z.enum(['true']).optional(),
  q: z.string().trim().max(40).optional(),
});
/** The public progress page: no login, no personal data (no people's names, no spending lines). */
export const PublicProjectQuery = z.strictObject({
  /** The federation whose projects are shown; by default the top of the tree (the city). */
  orgId: z.uuid('工会编号不正确 / invalid union').optional(),
  /** By default the current year, China time. */
  year: z.coerce.number().int().min(2000, '年度不正确 / invalid year').max(2100, '年度不正确 / invalid year').optional(),
});
export const PublicProject = z.object({
  title: z.string(),
  orgName: z.string(),
  budgetFen: z.number(),
  progress: z.number(),
  status: z.string(),
  milestones: z.array(z.object({ title: z.string(), due: z.string(), done: z.boolean() })),
});
export const PublicProjects = z.object({ federation: z.string(), year: z.number(), projects: z.array(PublicProject) });

const PUBLIC_LIMIT = { bucket: 'project.public', limit: 120, windowMs: 60_000 };
const P = '/api/projects/:id';
export const projectApi = endpoints('实事项目 project', {
  list: {
    method: 'GET',
    path: '/api/projects',
    access: 'plan.read',
    summary: '实事项目 / practical projects in scope',
    query: ProjectListQuery,
    response: pageOf(ProjectSchema),
  },
  export: {
    method: 'GET',
    path: '/api/projects/export',
    access: 'plan.read',
    summary: '导出实事项目清单（xlsx）/ the projects list as xlsx',
    query: ProjectListQuery,
    response: FileBody('xlsx'),
    file: true,
  },
  get: { method: 'GET', path: P, access: 'plan.read', summary: '项目详情 / one project', params: IdParams, response: ProjectDetail },
  history: { method: 'GET', path: `${P}/history`, access: 'plan.read', summary: '变更记录 / history', params: IdParams, response: z.array(HistoryEntrySchema) },
  create: {
    method: 'POST',
    path: '/api/projects',
    access: 'plan.write',
    summary: '新增实事项目 / add a project',
    body: ProjectCreateBody,
    response: ProjectDetail,
    status: 201,
  },
  update: {
    method: 'PUT',
    path: P,
    access: 'plan.write',
    summary: '更新项目（进度、节点、状态）/ update a project',
    params: IdParams,
    body: ProjectUpdateBody,
    response: ProjectDetail,
  },
  spend: {
    method: 'POST',
    path: `${P}/spend`,
    access: 'plan.write',
    summary: '登记支出 / record spending',
    params: IdParams,
    body: SpendBody,
    response: ProjectDetail,
    status: 201,
  },
  publicList: {
    method: 'GET',
    path: '/api/public/projects',
    access: 'public',
    summary: '实事项目进展公示（无需登录，不含个人信息）/ the year’s projects and their progress (public)',
    query: PublicProjectQuery,
    response: PublicProjects,
    rateLimit: PUBLIC_LIMIT,
  },
});

export type ProjectCreate = z.infer<typeof ProjectCreateBody>;
export type ProjectUpdate = z.infer<typeof ProjectUpdateBody>;
export type Spend = z.infer<typeof SpendBody>;
