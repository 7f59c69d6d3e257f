/** Work plans and supervision (重点工作 · 督办): from the speech to a plan, tasks on 13710, live KPIs (docs/plans.md). */
import { z } from 'zod';
import {
  endpoints,
  FileBody,
  HistoryEntrySchema,
  IdParams,
  isoDate,
  optionalText,
  order,
  PageQuery,
  cappedPageOf,
  pageOf,
  requiredText,
  version,
} from './kit.js';
import { KPI_METRIC_KEYS, REPORT_CADENCE_KEYS, TASK_STATUSES } from '../plan-vocab.js';

/** A speech: pasted text, or a .txt/.docx file (base64), at most 2 MB. */
export const PLAN_SOURCE_MAX_BYTES = 2 * 1024 * 1024;
export const ExtractBody = z
  .strictObject({
    text: z.string().max(200_000, '文本过长（不超过20万字）/ text too long').optional(),
    fileName: z.string().trim().max(200).optional(),
    /** base64 of the file. */
    data: z
      .string()
      .max(Math.ceil((PLAN_SOURCE_MAX_BYTES * 4) / 3) + 8, '文件超过2MB / file over 2 MB')
      .optional(),
  })
  .refine((b) => (b.text && b.text.trim()) || b.data, { message: '请粘贴讲话稿或上传文件 / paste a speech or upload a file', path: ['text'] });

const Trigger = z.object({ module: z.string(), phrase: z.string() });
export const ExtractedItem = z.object({
  text: z.string(),
  kind: z.enum(['directive', 'target', 'campaign']),
  modules: z.array(z.string()),
  triggers: z.array(Trigger),
  quantity: z
    .object({ value: z.number().nullable(), unit: z.string(), raw: z.string(), placeholder: z.boolean().optional(), bound: z.string().optional() })
    .optional(),
  deadline: z.string().optional(),
  name: z.string().optional(),
  kpi: z.object({ metric: z.string(), phrase: z.string() }).optional(),
  point: z.string().optional(),
});
export const Extracted = z.object({
  title: z.string().nullable(),
  sections: z.array(z.object({ no: z.string(), heading: z.string(), items: z.array(ExtractedItem) })),
});

const kpiMetric = z.enum(KPI_METRIC_KEYS as [string, ...string[]], {
  error: '该指标暂无实时数据来源，请改为进展报告 / no live source for this metric; use progress reports',
});
const TaskInput = z.strictObject({
  section: optionalText(200),
  title: requiredText(500, '请填写任务内容', 'the task is required'),
  kind: z.enum(['directive', 'target', 'campaign']).default('directive'),
  modules: z.array(z.string().max(40)).max(12).default([]),
  triggers: z
    .array(z.strictObject({ module: z.string().max(40), phrase: z.string().max(100) }))
    .max(20)
    .default([]),
  orgId: z.uuid('责任单位不正确 / invalid owner').optional(),
  lead: optionalText(40),
  coOwners: optionalText(200),
  profile: z.string().trim().max(20).default('13710'),
  major: z.boolean().default(false),
  kpiMetric: kpiMetric.nullish(),
  kpiTarget: z.number().int().min(0).max(2_000_000_000).nullish(),
  kpiUnit: optionalText(10),
  kpiDue: isoDate.nullish(),
  /** Progress reported weekly or monthly (the next report's due date follows each report). */
  reportCadence: z.enum(REPORT_CADENCE_KEYS as [string, ...string[]], { error: '报告周期为每周或每月 / weekly or monthly' }).nullish(),
});
export const PlanCreateBody = z.strictObject({
  orgId: z.uuid('制定单位不正确 / invalid union'),
  year: z.number().int().min(2000, '年度不正确 / invalid year').max(2100, '年度不正确 / invalid year'),
  title: requiredText(200, '请填写计划名称', 'the title is required'),
  source: optionalText(200),
  tasks: z.array(TaskInput).max(500, '一次最多500项任务 / at most 500 tasks'),
});
export type PlanCreate = z.infer<typeof PlanCreateBody>;

const RagCounts = z.object({ red: z.number(), yellow: z.number(), green: z.number(), done: z.number() });
export const PlanSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  title: z.string(),
  source: z.string().nullable(),
  version: z.number(),
  tasks: z.number(),
  rag: RagCounts,
  progress: z.number(),
  createdAt: z.string(),
});
export const PlanListQuery = z.strictObject({
  ...PageQuery,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(40).optional(),
});

export const TaskListQuery = z.strictObject({
  ...PageQuery,
  planId: z.uuid().optional(),
  parentId: z.uuid().optional(),
  under: z.uuid().optional(),
  status: z.enum([...TASK_STATUSES, 'open', 'all']).default('all'),
  rag: z.enum(['red', 'yellow', 'green', 'done']).optional(),
  q: z.string().trim().max(40).optional(),
  sort: z.enum(['due', 'updatedAt', 'progress']).default('due'),
  order: order('asc'),
});
const Due = z.object({ field: z.enum(['deployDue', 'reportDue', 'closeDue']), due: z.string(), days: z.number() }).nullable();
export const TaskSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  parentId: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  section: z.string().nullable(),
  title: z.string(),
  kind: z.string(),
  modules: z.array(z.string()),
  lead: z.string().nullable(),
  coOwners: z.string().nullable(),
  profile: z.string(),
  major: z.boolean(),
  status: z.string(),
  assignedOn: z.string(),
  deployDue: z.string().nullable(),
  reportDue: z.string().nullable(),
  closeDue: z.string().nullable(),
  provisional: z.boolean(),
  /** The next open deadline, and the days to it (negative: overdue by). */
  next: Due,
  rag: z.enum(['red', 'yellow', 'green', 'done']),
  /** Overdue: the union above the owner sees it on its supervision list (督办). */
  escalatedTo: z.string().nullable(),
  kpiMetric: z.string().nullable(),
  kpiTarget: z.number().nullable(),
  kpiUnit: z.string().nullable(),
  kpiDue: z.string().nullable(),
  progress: z.number(),
  lastReportOn: z.string().nullable(),
  reportCadence: z.string().nullable(),
  nextReportDue: z.string().nullable(),
  /** The periodic report is overdue (its due date passed). */
  reportOverdue: z.boolean(),
  childCount: z.number(),
  version: z.number(),
  updatedAt: z.string(),
});
export const TaskDetail = TaskSchema.extend({
  triggers: z.array(Trigger),
  /** The KPI's value now, for the owner's subtree, where it has a live source. */
  kpi: z
    .object({
      metric: z.string(),
      zh: z.string(),
      en: z.string(),
      unit: z.string(),
      value: z.number(),
      target: z.number().nullable(),
      progress: z.number().nullable(),
      /** One value a day recorded by the daily job, oldest first; the last is today's, computed now. */
      history: z.array(z.object({ on: z.string(), value: z.number() })),
    })
    .nullable(),
  reports: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      reportedOn: z.string(),
      progress: z.number().nullable(),
      note: z.string(),
      evidence: z.string().nullable(),
      actorName: z.string(),
    }),
  ),
  childTasks: z.array(TaskSchema),
  actions: z.array(z.enum(['deploy', 'report', 'requestClose', 'approveClose', 'returnClose'])),
  can: z.object({ edit: z.boolean(), split: z.boolean() }),
});
export const TaskUpdateBody = TaskInput.omit({ section: true, kind: true, modules: true, triggers: true, orgId: true }).extend({ version });
export const TaskStepBody = z.strictObject({
  note: optionalText(2000),
  evidence: optionalText(2000),
  progress: z.number().int().min(0, '进度为0–100 / progress 0–100').max(100, '进度为0–100 / progress 0–100').optional(),
  version,
});
export const SplitBody = z.strictObject({
  orgIds: z.array(z.uuid('承办单位不正确 / invalid union')).min(1, '请选择承办单位 / choose the unions').max(100),
  /** Each child's share of the KPI target ("每区不少于…"). */
  kpiTarget: z.number().int().min(0).max(2_000_000_000).nullish(),
  version,
});
export const BoardQuery = z.strictObject({ planId: z.uuid().optional() });
export const BoardRow = z.object({ orgId: z.string(), orgName: z.string(), red: z.number(), yellow: z.number(), green: z.number(), done: z.number() });
export const OverdueReport = z.object({ taskId: z.string(), title: z.string(), orgName: z.string(), cadence: z.string(), due: z.string(), days: z.number() });
export const PlanFigures = z.object({
  tasks: z.number(),
  rag: RagCounts,
  escalated: z.number(),
  byOwner: z.array(BoardRow),
  closedThisMonth: z.number(),
  /** Weekly or monthly progress reports past their due date, oldest first (at most 50). */
  overdueReports: z.array(OverdueReport),
  overdueReportCount: z.number(),
});
export const MetricSchema = z.object({ key: z.string(), zh: z.string(), en: z.string(), unit: z.string(), module: z.string() });

const TASK = '/api/plan-tasks/:id';
const step = (name: string, summary: string) =>
  ({ method: 'POST', path: `${TASK}/${name}`, access: 'plan.report', summary, params: IdParams, body: TaskStepBody, response: TaskDetail }) as const;
export const planApi = endpoints('重点工作 plan', {
  extract: {
    method: 'POST',
    path: '/api/plans/extract',
    access: 'plan.write',
    summary: '从讲话稿或工作报告提取计划建议（离线、可解释）/ propose a plan from a speech',
    body: ExtractBody,
    response: Extracted,
    bodyLimit: Math.ceil((PLAN_SOURCE_MAX_BYTES * 4) / 3) + 64 * 1024,
  },
  metrics: {
    method: 'GET',
    path: '/api/plans/metrics',
    access: 'plan.read',
    summary: '可实时计算的指标 / live KPI catalogue',
    response: z.array(MetricSchema),
  },
  list: { method: 'GET', path: '/api/plans', access: 'plan.read', summary: '工作计划 / plans in scope', query: PlanListQuery, response: pageOf(PlanSchema) },
  get: { method: 'GET', path: '/api/plans/:id', access: 'plan.read', summary: '计划详情 / one plan', params: IdParams, response: PlanSchema },
  history: {
    method: 'GET',
    path: '/api/plans/:id/history',
    access: 'plan.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/plans',
    access: 'plan.write',
    summary: '采纳建议，生成计划和任务 / accept a plan with its tasks',
    body: PlanCreateBody,
    response: PlanSchema,
    status: 201,
  },
  tasks: {
    method: 'GET',
    path: '/api/plan-tasks',
    access: 'plan.read',
    summary: '任务台账 / the task ledger',
    query: TaskListQuery,
    response: cappedPageOf(TaskSchema),
  },
  ledger: {
    method: 'GET',
    path: '/api/plan-tasks/ledger',
    access: 'plan.read',
    summary: '导出台账（xlsx）/ the ledger as xlsx',
    query: TaskListQuery,
    response: FileBody('xlsx'),
    file: true,
  },
  board: {
    method: 'GET',
    path: '/api/plan-tasks/board',
    access: 'plan.read',
    summary: '红黄绿督办看板（按责任单位）/ the red-yellow-green board by owner',
    query: BoardQuery,
    response: PlanFigures,
  },
  task: { method: 'GET', path: TASK, access: 'plan.read', summary: '任务详情：时限、进展、指标 / one task', params: IdParams, response: TaskDetail },
  taskHistory: {
    method: 'GET',
    path: `${TASK}/history`,
    access: 'plan.read',
    summary: '任务变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  updateTask: {
    method: 'PUT',
    path: TASK,
    access: 'plan.write',
    summary: '修改任务 / edit a task',
    params: IdParams,
    body: TaskUpdateBody,
    response: TaskDetail,
  },
  split: {
    method: 'POST',
    path: `${TASK}/split`,
    access: 'plan.write',
    summary: '分解到下级工会（进度逐级汇总）/ split to subordinate unions',
    params: IdParams,
    body: SplitBody,
    response: TaskDetail,
  },
  deploy: step('deploy', '部署（1日内）/ deploy'),
  report: step('report', '报告进展 / report progress'),
  requestClose: step('request-close', '申请销号（附佐证）/ ask to close, with evidence'),
  approveClose: { ...step('approve-close', '批准销号 / approve the closing'), access: 'plan.supervise' },
  returnClose: { ...step('return-close', '退回销号申请 / send the closing back'), access: 'plan.supervise' },
});
