/**
 * Innovation studios (劳模和工匠人才创新工作室, docs/achievement.md): registration with a leader
 * (a model worker or craftsman of the registry) and members, alliance membership, results (patents,
 * process improvements, savings in fen, awards, exchange visits), the yearly evaluation with funding.
 */
import { z } from 'zod';
import { ACHIEVEMENT_LEVELS } from '../honor-rules.js';
import { ALLIANCE_KINDS, GRADES, RESULT_KINDS, SECTORS, STUDIO_KINDS } from '../competition-vocab.js';
import { endpoints, fen, HistoryEntrySchema, IdParams, isoDate, optionalText, order, PageQuery, cappedPageOf, requiredText, version } from './kit.js';

const studioFields = {
  orgId: z.uuid('请选择所在单位工会 / choose the host union'),
  name: requiredText(120, '请填写工作室名称', 'name is required'),
  kind: z.enum(STUDIO_KINDS),
  level: z.enum(ACHIEVEMENT_LEVELS),
  sector: z.enum(SECTORS),
  leaderName: requiredText(60, '请填写领衔人', 'leader is required'),
  leaderRecordId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  members: z
    .array(z.strictObject({ name: requiredText(60), post: optionalText(60) }))
    .max(200)
    .default([]),
  allianceId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  foundedOn: isoDate,
};
export const StudioBody = z.strictObject(studioFields);
export const StudioUpdateBody = z.strictObject({ ...studioFields, version });
export const AllianceBody = z.strictObject({
  orgId: z.uuid(),
  name: requiredText(120, '请填写联盟名称', 'name is required'),
  kind: z.enum(ALLIANCE_KINDS),
  foundedOn: isoDate,
});
export const ResultBody = z.strictObject({
  kind: z.enum(RESULT_KINDS, { error: '成果类别不存在 / unknown kind' }),
  title: requiredText(200, '请填写成果名称', 'title is required'),
  onDate: isoDate,
  savingsFen: fen.default(0),
  note: optionalText(1000),
});
export const EvaluationBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  grade: z.enum(GRADES, { error: '评估等次不存在 / unknown grade' }),
  fundingFen: fen.default(0),
  note: optionalText(1000),
});

export const StudioListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(40).optional(),
  kind: z.enum(STUDIO_KINDS).optional(),
  sector: z.enum(SECTORS).optional(),
  allianceId: z.uuid().optional(),
  under: z.uuid().optional(),
  sort: z.enum(['name', 'foundedOn']).default('foundedOn'),
  order: order('desc'),
});
export const StudioItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  kind: z.string(),
  level: z.string(),
  sector: z.string(),
  leaderName: z.string(),
  leaderRecordId: z.string().nullable(),
  memberCount: z.number(),
  allianceId: z.string().nullable(),
  allianceName: z.string().nullable(),
  foundedOn: z.string(),
  results: z.number(),
  savingsFen: z.number(),
  version: z.number(),
});
const Result = z.object({ id: z.string(), kind: z.string(), title: z.string(), onDate: z.string(), savingsFen: z.number(), note: z.string().nullable() });
const Evaluation = z.object({ id: z.string(), year: z.number(), grade: z.string(), fundingFen: z.number(), note: z.string().nullable() });
export const StudioDetail = StudioItem.extend({
  members: z.array(z.object({ name: z.string(), post: z.string().nullable() })),
  results: z.array(Result),
  evaluations: z.array(Evaluation),
  can: z.object({ edit: z.boolean() }),
});
export const Alliance = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  kind: z.string(),
  foundedOn: z.string(),
  studios: z.number(),
});
export const StudioFigures = z.object({
  studios: z.number(),
  byKind: z.array(z.object({ key: z.string(), n: z.number() })),
  alliances: z.number(),
  inAlliance: z.number(),
  results: z.array(z.object({ key: z.string(), n: z.number() })),
  savingsFen: z.number(),
  fundingThisYearFen: z.number(),
});

export const studioApi = endpoints('创新工作室 studio', {
  list: {
    method: 'GET',
    path: '/api/studios',
    access: 'studio.read',
    summary: '创新工作室（管辖范围内）/ studios in scope',
    query: StudioListQuery,
    response: cappedPageOf(StudioItem),
  },
  dashboard: { method: 'GET', path: '/api/studios/dashboard', access: 'studio.read', summary: '创新工作室概况 / figures', response: StudioFigures },
  alliances: {
    method: 'GET',
    path: '/api/studios/alliances',
    access: 'studio.read',
    summary: '工作室联盟（本级、上级组建的和管辖范围内的）/ alliances in reach',
    response: z.array(Alliance),
  },
  createAlliance: {
    method: 'POST',
    path: '/api/studios/alliances',
    access: 'studio.write',
    summary: '组建联盟 / create an alliance',
    body: AllianceBody,
    response: Alliance,
    status: 201,
  },
  get: {
    method: 'GET',
    path: '/api/studios/:id',
    access: 'studio.read',
    summary: '工作室详情：成员、成果、年度评估 / a studio',
    params: IdParams,
    response: StudioDetail,
  },
  history: {
    method: 'GET',
    path: '/api/studios/:id/history',
    access: 'studio.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/studios',
    access: 'studio.write',
    summary: '登记工作室 / register a studio',
    body: StudioBody,
    response: StudioItem,
    status: 201,
  },
  update: {
    method: 'PUT',
    path: '/api/studios/:id',
    access: 'studio.write',
    summary: '修改工作室（含加入联盟）/ edit',
    params: IdParams,
    body: StudioUpdateBody,
    response: StudioItem,
  },
  addResult: {
    method: 'POST',
    path: '/api/studios/:id/results',
    access: 'studio.write',
    summary: '登记成果（专利、工艺改进、节约金额、获奖、观摩交流）/ add a result',
    params: IdParams,
    body: ResultBody,
    response: z.object({ id: z.string() }),
    status: 201,
  },
  evaluate: {
    method: 'POST',
    path: '/api/studios/:id/evaluations',
    access: 'studio.write',
    summary: '年度评估及经费 / yearly evaluation',
    params: IdParams,
    body: EvaluationBody,
    response: z.object({ id: z.string() }),
    status: 201,
  },
});

export type StudioInput = z.infer<typeof StudioBody>;
export type StudioListParams = z.infer<typeof StudioListQuery>;
export type StudioDetail = z.infer<typeof StudioDetail>;
