/**
 * Labour and skills competitions (劳动和技能竞赛, docs/achievement.md): the contest (organiser,
 * level, sector, period, rules), its participants by event with scores, the ranking and the winners,
 * and the figures (participants, units, sectors; how many are small, non-public or gig employers).
 */
import { z } from 'zod';
import { ACHIEVEMENT_LEVELS } from '../honor-rules.js';
import { COMPETITION_KINDS, SECTORS } from '../competition-vocab.js';
import { endpoints, HistoryEntrySchema, IdParams, isoDate, optionalText, order, PageQuery, cappedPageOf, requiredText, version } from './kit.js';

const fields = {
  orgId: z.uuid('请选择主办工会 / choose the organiser'),
  name: requiredText(120, '请填写竞赛名称', 'name is required'),
  kind: z.enum(COMPETITION_KINDS),
  level: z.enum(ACHIEVEMENT_LEVELS, { error: '竞赛级别不存在 / unknown level' }),
  sector: z.enum(SECTORS, { error: '行业不存在 / unknown sector' }),
  startsOn: isoDate,
  endsOn: isoDate,
  rules: optionalText(4000),
};
const period = (b: { startsOn: string; endsOn: string }) => b.startsOn <= b.endsOn;
const periodError = { error: '结束日期不能早于开始日期 / the end is before the start', path: ['endsOn'] };
export const CompetitionBody = z.strictObject(fields).refine(period, periodError);
export const CompetitionUpdateBody = z.strictObject({ ...fields, version }).refine(period, periodError);

/** A score of 0 to 1000 points with at most two decimals; stored in hundredths. */
export const Score = z
  .number({ error: '成绩应为数字 / the score must be a number' })
  .min(0, '成绩不能为负 / the score cannot be negative')
  .max(1000, '成绩不超过1000分 / at most 1000')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: '成绩最多两位小数 / at most two decimals' });
export const EntryBody = z.strictObject({
  event: requiredText(60, '请填写比赛项目', 'event is required'),
  unitName: requiredText(120, '请填写参赛单位', 'unit is required'),
  unitOrgId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  teamName: optionalText(60),
  personName: optionalText(60),
  memberId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  smallEmployer: z.boolean().default(false),
  nonPublic: z.boolean().default(false),
  gig: z.boolean().default(false),
  score: Score.nullish().transform((v) => v ?? null),
  winner: z.boolean().default(false),
  award: optionalText(40),
});

export const CompetitionListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(40).optional(),
  kind: z.enum(COMPETITION_KINDS).optional(),
  level: z.enum(ACHIEVEMENT_LEVELS).optional(),
  sector: z.enum(SECTORS).optional(),
  year: z.coerce.number().int().min(1950).max(2100).optional(),
  sort: z.enum(['startsOn', 'name']).default('startsOn'),
  order: order('desc'),
});
export const CompetitionItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  kind: z.string(),
  level: z.string(),
  sector: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  participants: z.number(),
  units: z.number(),
  version: z.number(),
});
const Entry = z.object({
  id: z.string(),
  event: z.string(),
  unitName: z.string(),
  unitOrgId: z.string().nullable(),
  teamName: z.string().nullable(),
  personName: z.string().nullable(),
  memberId: z.string().nullable(),
  smallEmployer: z.boolean(),
  nonPublic: z.boolean(),
  gig: z.boolean(),
  score: z.number().nullable(),
  rank: z.number().nullable(),
  winner: z.boolean(),
  award: z.string().nullable(),
  /** A winner this contest's level and rank allow to be put forward outside the quota (单列, rule honor.outside_quota). */
  outsideQuota: z.boolean(),
});
const Figures = z.object({
  participants: z.number(),
  units: z.number(),
  teams: z.number(),
  events: z.number(),
  winners: z.number(),
  smallEmployer: z.number(),
  nonPublic: z.number(),
  gig: z.number(),
});
export const CompetitionDetail = CompetitionItem.extend({
  rules: z.string().nullable(),
  entries: z.array(Entry),
  figures: Figures,
  can: z.object({ edit: z.boolean() }),
});
export const CompetitionFigures = z.object({
  competitions: z.number(),
  byLevel: z.array(z.object({ key: z.string(), n: z.number() })),
  bySector: z.array(z.object({ key: z.string(), n: z.number() })),
  participants: z.number(),
  units: z.number(),
  smallEmployer: z.number(),
  nonPublic: z.number(),
  gig: z.number(),
  winners: z.number(),
});

export const competitionApi = endpoints('劳动和技能竞赛 competition', {
  list: {
    method: 'GET',
    path: '/api/competitions',
    access: 'competition.read',
    summary: '竞赛（本级、上级组织的和管辖范围内的）/ competitions in reach',
    query: CompetitionListQuery,
    response: cappedPageOf(CompetitionItem),
  },
  dashboard: {
    method: 'GET',
    path: '/api/competitions/dashboard',
    access: 'competition.read',
    summary: '竞赛概况：参赛人数、单位、行业，小微、非公、新就业形态 / figures',
    response: CompetitionFigures,
  },
  get: {
    method: 'GET',
    path: '/api/competitions/:id',
    access: 'competition.read',
    summary: '竞赛详情：参赛、成绩、排名、获奖 / a competition',
    params: IdParams,
    response: CompetitionDetail,
  },
  history: {
    method: 'GET',
    path: '/api/competitions/:id/history',
    access: 'competition.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/competitions',
    access: 'competition.write',
    summary: '新建竞赛 / create',
    body: CompetitionBody,
    response: CompetitionItem,
    status: 201,
  },
  update: {
    method: 'PUT',
    path: '/api/competitions/:id',
    access: 'competition.write',
    summary: '修改竞赛 / edit',
    params: IdParams,
    body: CompetitionUpdateBody,
    response: CompetitionItem,
  },
  addEntry: {
    method: 'POST',
    path: '/api/competitions/:id/entries',
    access: 'competition.write',
    summary: '登记参赛（单位、班组、个人）与成绩 / add a participant',
    params: IdParams,
    body: EntryBody,
    response: z.object({ id: z.string() }),
    status: 201,
  },
  updateEntry: {
    method: 'PUT',
    path: '/api/competitions/entries/:id',
    access: 'competition.write',
    summary: '修改成绩与获奖 / edit a result',
    params: IdParams,
    body: EntryBody,
    response: z.object({ id: z.string() }),
  },
});

export type CompetitionInput = z.infer<typeof CompetitionBody>;
export type CompetitionListParams = z.infer<typeof CompetitionListQuery>;
export type CompetitionDetail = z.infer<typeof CompetitionDetail>;
export type EntryInput = z.infer<typeof EntryBody>;
