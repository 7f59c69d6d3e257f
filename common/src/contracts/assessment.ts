/** Yearly assessment (年度考核) of subordinate unions: schemes, self-assessment, review, ranking, publication, appeals (docs/plans.md). */
import { z } from 'zod';
import { endpoints, FileBody, HistoryEntrySchema, IdParams, optionalText, PageQuery, pageOf, requiredText, version } from './kit.js';
import { KPI_METRIC_KEYS } from '../plan-vocab.js';

const kpiMetric = z.enum(KPI_METRIC_KEYS as [string, ...string[]], {
  error: '该指标暂无实时数据来源，请改为人工评分 / no live source for this metric; score it by hand',
});
export const IndicatorInput = z
  .strictObject({
    name: requiredText(100, '请填写指标名称', 'the indicator name is required'),
    weight: z.number().int('权重为整数 / whole-number weights').min(1, '权重为1–100 / weight 1–100').max(100, '权重为1–100 / weight 1–100'),
    kind: z.enum(['auto', 'manual']),
    metric: kpiMetric.nullish(),
    target: z.number().min(0).max(2_000_000_000).nullish(),
    description: optionalText(500),
  })
  .refine((i) => i.kind === 'manual' || (i.metric && i.target && i.target > 0), {
    message: '自动指标须绑定实时指标并填写目标值 / an automatic indicator needs a live metric and a target',
    path: ['metric'],
  });
export const AssessmentCreateBody = z.strictObject({
  orgId: z.uuid('考核单位不正确 / invalid union'),
  year: z.number().int().min(2000, '年度不正确 / invalid year').max(2100, '年度不正确 / invalid year'),
  title: requiredText(200, '请填写考核名称', 'the title is required'),
  indicators: z.array(IndicatorInput).min(1, '请至少设置一项指标 / at least one indicator').max(40, '最多40项指标 / at most 40 indicators'),
});
export type AssessmentCreate = z.infer<typeof AssessmentCreateBody>;

export const IndicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  weight: z.number(),
  kind: z.enum(['auto', 'manual']),
  metric: z.string().nullable(),
  target: z.number().nullable(),
  unit: z.string().nullable(),
  description: z.string().nullable(),
});
const ScoreItem = z.object({
  indicatorId: z.string(),
  /** The live value (automatic indicators), when it was read. */
  value: z.number().nullable(),
  self: z.number().nullable(),
  evidence: z.string().nullable(),
  review: z.number().nullable(),
  note: z.string().nullable(),
});
export const EntrySchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  assessmentTitle: z.string(),
  year: z.number(),
  orgId: z.string(),
  orgName: z.string(),
  status: z.string(),
  selfTotal: z.number().nullable(),
  total: z.number().nullable(),
  rank: z.number().nullable(),
  items: z.array(ScoreItem),
  version: z.number(),
});
export const AppealSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  orgName: z.string(),
  status: z.string(),
  filedOn: z.string(),
  reason: z.string(),
  answer: z.string().nullable(),
  outcome: z.string().nullable(),
  answeredOn: z.string().nullable(),
  version: z.number(),
});
export const AssessmentSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  title: z.string(),
  status: z.string(),
  entries: z.number(),
  submitted: z.number(),
  publishedOn: z.string().nullable(),
  appealDue: z.string().nullable(),
  openAppeals: z.number(),
  version: z.number(),
});
export const AssessmentDetail = AssessmentSchema.extend({
  indicators: z.array(IndicatorSchema),
  /** The ranking: the unions directly below the assessing union, in the caller's scope. */
  ranking: z.array(EntrySchema),
  appeals: z.array(AppealSchema),
  /** Whether an appeal may still be filed today (published, and the period not over). */
  appealOpen: z.boolean(),
  actions: z.array(z.enum(['startReview', 'rank', 'publish'])),
});
export const EntryDetail = EntrySchema.extend({
  assessmentStatus: z.string(),
  indicators: z.array(IndicatorSchema),
  appealDue: z.string().nullable(),
  appealOpen: z.boolean(),
  appeals: z.array(AppealSchema),
  can: z.object({ selfAssess: z.boolean(), review: z.boolean(), appeal: z.boolean() }),
});
export const AssessmentListQuery = z.strictObject({
  ...PageQuery,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(40).optional(),
});
export const EntryListQuery = z.strictObject({
  ...PageQuery,
  assessmentId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const StepBody = z.strictObject({ version });
const score = z.number().min(0, '得分不能为负 / score cannot be negative').max(100, '得分不超过100 / score at most 100');
export const SelfBody = z.strictObject({
  items: z.array(z.strictObject({ indicatorId: z.uuid(), score, evidence: optionalText(2000) })).max(40),
  version,
});
export const ReviewBody = z.strictObject({
  items: z.array(z.strictObject({ indicatorId: z.uuid(), score, note: optionalText(500) })).max(40),
  version,
});
export const AppealBody = z.strictObject({ reason: requiredText(2000, '请填写申诉理由', 'the reason is required'), version });
export const AnswerBody = z.strictObject({
  answer: requiredText(2000, '请填写答复意见', 'the answer is required'),
  outcome: z.enum(['upheld', 'dismissed']),
  /** An upheld appeal may set the entry's total anew (the ranking is recomputed). */
  total: z.number().min(0).max(100).nullish(),
  version,
});

const A = '/api/assessments/:id';
const E = '/api/assessment-entries/:id';
const flow = (name: string, summary: string) =>
  ({ method: 'POST', path: `${A}/${name}`, access: 'plan.write', summary, params: IdParams, body: StepBody, response: AssessmentDetail }) as const;
export const assessmentApi = endpoints('年度考核 assessment', {
  list: {
    method: 'GET',
    path: '/api/assessments',
    access: 'plan.read',
    summary: '考核方案 / assessments run in scope',
    query: AssessmentListQuery,
    response: pageOf(AssessmentSchema),
  },
  get: {
    method: 'GET',
    path: A,
    access: 'plan.read',
    summary: '考核详情和排名 / one assessment with its ranking',
    params: IdParams,
    response: AssessmentDetail,
  },
  history: { method: 'GET', path: `${A}/history`, access: 'plan.read', summary: '变更记录 / history', params: IdParams, response: z.array(HistoryEntrySchema) },
  create: {
    method: 'POST',
    path: '/api/assessments',
    access: 'plan.write',
    summary: '制定考核方案（权重合计100）/ a scheme whose weights add up to 100',
    body: AssessmentCreateBody,
    response: AssessmentDetail,
    status: 201,
  },
  startReview: flow('review', '结束自评、开始评审 / close the self-assessment'),
  rank: flow('rank', '排名 / rank'),
  publish: flow('publish', '公布结果（申诉期开始）/ publish (the appeal period starts)'),
  sheet: {
    method: 'GET',
    path: `${A}/sheet`,
    access: 'plan.read',
    summary: '导出结果表（xlsx）/ the result sheet as xlsx',
    params: IdParams,
    response: FileBody('xlsx'),
    file: true,
  },
  entries: {
    method: 'GET',
    path: '/api/assessment-entries',
    access: 'plan.read',
    summary: '本单位的考核 / entries of unions in scope',
    query: EntryListQuery,
    response: pageOf(EntrySchema),
  },
  entry: { method: 'GET', path: E, access: 'plan.read', summary: '一个单位的考核 / one entry', params: IdParams, response: EntryDetail },
  selfAssess: {
    method: 'POST',
    path: `${E}/self`,
    access: 'plan.report',
    summary: '提交自评 / submit the self-assessment',
    params: IdParams,
    body: SelfBody,
    response: EntryDetail,
  },
  review: {
    method: 'POST',
    path: `${E}/review`,
    access: 'plan.write',
    summary: '上级评审 / review by the level above',
    params: IdParams,
    body: ReviewBody,
    response: EntryDetail,
  },
  appeal: {
    method: 'POST',
    path: `${E}/appeal`,
    access: 'plan.report',
    summary: '申诉（公布后申诉期内）/ appeal within the period',
    params: IdParams,
    body: AppealBody,
    response: EntryDetail,
    status: 201,
  },
  answer: {
    method: 'POST',
    path: '/api/assessment-appeals/:id/answer',
    access: 'plan.write',
    summary: '答复申诉 / answer an appeal',
    params: IdParams,
    body: AnswerBody,
    response: AssessmentDetail,
  },
});
