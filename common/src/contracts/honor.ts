/**
 * Honours from call to record (评选表彰, docs/achievement.md): the call with its quotas and floors,
 * nominations with the democratic recommendation, the quota check, clearance (一票否决), the public
 * notice (公示) with objections, approval and the record; the registry of holders (劳模工匠) with
 * care records. The public notice routes need no sign-in and show only what such notices show.
 */
import { z } from 'zod';
import {
  CARE_KINDS,
  CATEGORIES,
  CLEARANCE_AGENCIES,
  CLEARANCE_RESULTS,
  FloorSchema,
  HONOR_KINDS,
  ACHIEVEMENT_LEVELS,
  NOTICE_UNITS,
  OCCUPATIONS,
} from '../honor-rules.js';
import { CALL_FLOW, CALL_STATUSES, NOMINATION_FLOW, NOMINATION_STATUSES, OBJECTION_FINDINGS } from '../honor-workflow.js';
import { endpoints, fen, HistoryEntrySchema, IdParams, isoDate, optionalText, order, PageQuery, cappedPageOf, requiredText, version } from './kit.js';

const honorKind = z.enum(HONOR_KINDS, { error: '荣誉种类不存在 / unknown honour kind' });
const VersionBody = z.strictObject({ version });

export const QuotaSchema = z.strictObject({
  orgId: z.uuid('请选择分配名额的工会 / choose the union'),
  kind: honorKind,
  n: z.number().int().min(0, '名额不能为负 / quota cannot be negative').max(10_000),
});

const callFields = {
  orgId: z.uuid('请选择发布评选的工会 / choose the calling union'),
  title: requiredText(120, '请填写评选名称', 'title is required'),
  year: z.number().int().min(1950).max(2100),
  kinds: z.array(honorKind).min(1, '请选择评选的荣誉种类 / choose at least one kind').max(HONOR_KINDS.length),
  nominationDeadline: isoDate.nullish().transform((v) => v ?? null),
  /** Left out: the rule in force (honor.call_defaults). */
  noticeDays: z.number().int().min(1, '公示期至少1天 / at least 1 day').max(60).optional(),
  noticeUnit: z.enum(NOTICE_UNITS).optional(),
  /** Left out: the floors of the rule in force (the ACFTU 2022 notice by default). */
  floors: z.array(FloorSchema).max(40).optional(),
  quotas: z.array(QuotaSchema).max(2000).default([]),
  note: optionalText(2000),
};
export const CallBody = z.strictObject(callFields);
export const CallUpdateBody = z.strictObject({ ...callFields, version });
export const PublishBody = z.strictObject({ noticeFrom: isoDate, version });
export const SubmitListBody = z.strictObject({ orgId: z.uuid() });

export const CallListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(40).optional(),
  status: z.enum(CALL_STATUSES).optional(),
  year: z.coerce.number().int().min(1950).max(2100).optional(),
  sort: z.enum(['year', 'title', 'updatedAt']).default('updatedAt'),
  order: order('desc'),
});

const Floor = z.object({ category: z.string(), kinds: z.array(z.string()), op: z.string(), pct: z.number().nullable(), count: z.number().nullable() });
const FloorFigure = z.object({
  index: z.number(),
  kind: z.string(),
  category: z.string(),
  op: z.string(),
  pct: z.number().nullable(),
  count: z.number().nullable(),
  total: z.number(),
  needed: z.number(),
  have: z.number(),
  off: z.number(),
  met: z.boolean(),
});
const QuotaUse = z.object({
  orgId: z.string(),
  orgName: z.string(),
  kind: z.string(),
  quota: z.number(),
  used: z.number(),
  left: z.number(),
  outside: z.number(),
  submitted: z.boolean(),
});

export const CallItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  year: z.number(),
  kinds: z.array(z.string()),
  status: z.string(),
  nominationDeadline: z.string().nullable(),
  noticeFrom: z.string().nullable(),
  noticeTo: z.string().nullable(),
  noticeDays: z.number(),
  noticeUnit: z.string(),
  nominations: z.number(),
  version: z.number(),
});
export const CallDetail = CallItem.extend({
  floors: z.array(Floor),
  quotas: z.array(QuotaUse),
  note: z.string().nullable(),
  floorSource: z.string(),
  /** The floors against every list submitted or endorsed so far (the call's whole list). */
  figures: z.array(FloorFigure),
  noticeOpen: z.boolean(),
  actions: z.array(z.enum(Object.keys(CALL_FLOW.transitions) as [keyof typeof CALL_FLOW.transitions])),
  can: z.object({ edit: z.boolean(), nominate: z.boolean(), objections: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** The union whose list is checked; left out: the caller's own. */
export const CheckQuery = z.strictObject({ orgId: z.uuid().optional() });
export const ListCheck = z.object({
  orgId: z.string(),
  orgName: z.string(),
  passes: z.boolean(),
  quotas: z.array(QuotaUse),
  figures: z.array(FloorFigure),
  problems: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string(), needed: z.number(), have: z.number(), off: z.number() })),
});

const Recommendation = z
  .strictObject({
    method: z.enum(['congress', 'assembly', 'meeting'], { error: '请选择民主推荐方式 / choose how the unit recommended' }),
    on: isoDate,
    votesFor: z.number().int().min(0).max(100_000),
    votesTotal: z.number().int().min(1, '参加推荐人数至少1人 / at least one voter').max(100_000),
    note: optionalText(1000),
  })
  .refine((r) => r.votesFor <= r.votesTotal, { error: '赞成票不能多于参加推荐人数 / more votes for than voters', path: ['votesFor'] });

export const NominationBody = z.strictObject({
  callId: z.uuid(),
  /** The unit (grassroots union) putting the nominee forward: the scope column. */
  orgId: z.uuid('请选择推荐单位 / choose the nominating unit'),
  kind: honorKind,
  name: requiredText(120, '请填写被推荐人（集体）名称', 'name is required'),
  memberId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  employer: requiredText(120, '请填写工作单位', 'employer is required'),
  post: optionalText(60),
  occupation: z.enum(OCCUPATIONS, { error: '请选择人员类别 / choose the category' }),
  migrantWorker: z.boolean().default(false),
  nonPublic: z.boolean().default(false),
  team: z.boolean().default(false),
  gigWorker: z.boolean().default(false),
  woman: z.boolean().default(false),
  frontline: z.boolean().default(false),
  deeds: z.string().trim().min(10, '主要事迹不少于10字 / deeds: at least 10 characters').max(4000),
  recommendation: Recommendation,
  /** A contest result that puts the nominee forward outside the quota (单列). */
  competitionEntryId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
});
export const ReasonBody = z.strictObject({ reason: z.string().trim().min(2, '请说明理由 / give the reason').max(500) });
export const ClearanceBody = z.strictObject({
  agency: z.enum(CLEARANCE_AGENCIES, { error: '部门不存在 / unknown agency' }),
  result: z.enum(CLEARANCE_RESULTS),
  on: isoDate,
  note: optionalText(500),
});

export const NominationListQuery = z.strictObject({
  ...PageQuery,
  callId: z.uuid().optional(),
  status: z.enum(NOMINATION_STATUSES).optional(),
  kind: honorKind.optional(),
  q: z.string().trim().max(40).optional(),
  under: z.uuid().optional(),
  sort: z.enum(['name', 'updatedAt']).default('updatedAt'),
  order: order('desc'),
});
export const NominationItem = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  quotaOrgId: z.string().nullable(),
  kind: z.string(),
  name: z.string(),
  employer: z.string(),
  post: z.string().nullable(),
  occupation: z.string(),
  categories: z.array(z.string()),
  status: z.string(),
  outsideQuota: z.boolean(),
  clearedCount: z.number(),
  openObjections: z.number(),
  certificateNo: z.string().nullable(),
  version: z.number(),
});
const Clearance = z.object({ agency: z.string(), result: z.string(), on: z.string().nullable(), note: z.string().nullable() });
const Objection = z.object({
  id: z.string(),
  nominationId: z.string(),
  nomineeName: z.string(),
  content: z.string(),
  receivedAt: z.string(),
  status: z.string(),
  finding: z.string().nullable(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  /** The objector's contact, masked: their identity is protected (only the reviewing body sees even this). */
  contactMasked: z.string().nullable(),
  named: z.boolean(),
});
export const NominationDetail = NominationItem.extend({
  memberId: z.string().nullable(),
  deeds: z.string(),
  migrantWorker: z.boolean(),
  nonPublic: z.boolean(),
  team: z.boolean(),
  gigWorker: z.boolean(),
  woman: z.boolean(),
  frontline: z.boolean(),
  recommendation: z.object({ method: z.string(), on: z.string(), votesFor: z.number(), votesTotal: z.number(), note: z.string().nullable() }),
  competitionEntryId: z.string().nullable(),
  rejectReason: z.string().nullable(),
  callStatus: z.string(),
  noticeFrom: z.string().nullable(),
  noticeTo: z.string().nullable(),
  clearance: z.array(Clearance),
  uncleared: z.array(z.string()),
  /** Only for the reviewing body (the calling union's scope with honor.review); empty otherwise. */
  objections: z.array(Objection),
  recordId: z.string().nullable(),
  actions: z.array(z.enum(Object.keys(NOMINATION_FLOW.transitions) as [keyof typeof NOMINATION_FLOW.transitions])),
  /** Why approval is not possible yet (clearance, notice, objections), in both languages. */
  blockers: z.array(z.object({ zh: z.string(), en: z.string() })),
  can: z.object({ clearance: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const NominationRef = z.object({ id: z.string(), status: z.string(), version: z.number(), recordId: z.string().nullable().optional() });

export const ObjectionAnswerBody = z
  .strictObject({
    status: z.enum(['investigating', 'answered']),
    finding: z
      .enum(OBJECTION_FINDINGS)
      .nullish()
      .transform((v) => v ?? null),
    answer: optionalText(2000),
  })
  .refine((b) => b.status !== 'answered' || (b.finding && b.answer), {
    error: '答复须写明核实结论和答复内容 / an answer needs the finding and the text',
    path: ['answer'],
  });

// Records: the registry of holders (劳模工匠) and care.
export const RecordBody = z.strictObject({
  orgId: z.uuid('请选择所在工会 / choose the union'),
  memberId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  kind: honorKind,
  level: z.enum(ACHIEVEMENT_LEVELS),
  title: requiredText(120, '请填写荣誉称号', 'title is required'),
  year: z.number().int().min(1950).max(2100),
  name: requiredText(60, '请填写姓名（集体名称）', 'name is required'),
  employer: optionalText(120),
  post: optionalText(60),
  certificateNo: optionalText(40),
  awardedOn: isoDate,
});
export const RecordListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(40).optional(),
  kind: honorKind.optional(),
  level: z.enum(ACHIEVEMENT_LEVELS).optional(),
  year: z.coerce.number().int().min(1950).max(2100).optional(),
  memberId: z.uuid().optional(),
  under: z.uuid().optional(),
  inHardship: z.enum(['true']).optional(),
  sort: z.enum(['year', 'name', 'awardedOn']).default('awardedOn'),
  order: order('desc'),
});
export const RecordItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  memberId: z.string().nullable(),
  kind: z.string(),
  level: z.string(),
  title: z.string(),
  year: z.number(),
  name: z.string(),
  employer: z.string().nullable(),
  post: z.string().nullable(),
  certificateNo: z.string().nullable(),
  awardedOn: z.string(),
  /** The holder's household is on the hardship files (filed): a reminder to care. */
  inHardship: z.boolean(),
  careCount: z.number(),
  version: z.number(),
});
export const CareBody = z.strictObject({
  kind: z.enum(CARE_KINDS, { error: '关爱类别不存在 / unknown kind' }),
  on: isoDate,
  amountFen: fen.default(0),
  note: optionalText(500),
});
const Care = z.object({ id: z.string(), kind: z.string(), on: z.string(), amountFen: z.number(), note: z.string().nullable(), byName: z.string().nullable() });
export const RecordDetail = RecordItem.extend({
  callId: z.string().nullable(),
  nominationId: z.string().nullable(),
  care: z.array(Care),
  can: z.object({ care: z.boolean() }),
});

export const HonorFigures = z.object({
  calls: z.array(z.object({ key: z.string(), n: z.number() })),
  nominations: z.array(z.object({ key: z.string(), n: z.number() })),
  holders: z.number(),
  holdersByKind: z.array(z.object({ key: z.string(), n: z.number() })),
  holdersInHardship: z.number(),
  careThisYear: z.object({ n: z.number(), fen: z.number() }),
  openObjections: z.number(),
  inNotice: z.array(z.object({ id: z.string(), title: z.string(), noticeTo: z.string().nullable() })),
});

const CALL = '/api/honors/calls/:id';
const NOM = '/api/honors/nominations/:id';
const REC = '/api/honors/records/:id';
export const honorApi = endpoints('评选表彰 honor', {
  listCalls: {
    method: 'GET',
    path: '/api/honors/calls',
    access: 'honor.read',
    summary: '评选通知（本级、上级发给本单位的和管辖范围内的）/ calls in reach',
    query: CallListQuery,
    response: cappedPageOf(CallItem),
  },
  getCall: {
    method: 'GET',
    path: CALL,
    access: 'honor.read',
    summary: '评选详情：名额、比例要求及达标情况 / a call with quotas and floor figures',
    params: IdParams,
    response: CallDetail,
  },
  callHistory: {
    method: 'GET',
    path: `${CALL}/history`,
    access: 'honor.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  createCall: {
    method: 'POST',
    path: '/api/honors/calls',
    access: 'honor.review',
    summary: '新建评选（比例要求默认取现行规则）/ create a call',
    body: CallBody,
    response: CallItem,
    status: 201,
  },
  updateCall: {
    method: 'PUT',
    path: CALL,
    access: 'honor.review',
    summary: '修改评选（草拟、推荐阶段）/ edit',
    params: IdParams,
    body: CallUpdateBody,
    response: CallItem,
  },
  openCall: {
    method: 'POST',
    path: `${CALL}/open`,
    access: 'honor.review',
    summary: '发布通知开始推荐 / open',
    params: IdParams,
    body: VersionBody,
    response: CallItem,
  },
  closeCall: {
    method: 'POST',
    path: `${CALL}/close`,
    access: 'honor.review',
    summary: '截止推荐 / close nominations',
    params: IdParams,
    body: VersionBody,
    response: CallItem,
  },
  publishCall: {
    method: 'POST',
    path: `${CALL}/publish`,
    access: 'honor.review',
    summary: '发布公示（公示期按评选设定计算）/ publish the notice',
    params: IdParams,
    body: PublishBody,
    response: CallItem,
  },
  finishCall: {
    method: 'POST',
    path: `${CALL}/finish`,
    access: 'honor.review',
    summary: '结束评选 / finish',
    params: IdParams,
    body: VersionBody,
    response: CallItem,
  },
  checkList: {
    method: 'GET',
    path: `${CALL}/check`,
    access: 'honor.read',
    summary: '名额和比例核验（所需、现有、差额）/ the quota check of a union’s list',
    params: IdParams,
    query: CheckQuery,
    response: ListCheck,
  },
  submitList: {
    method: 'POST',
    path: `${CALL}/submit`,
    access: 'honor.review',
    summary: '报送推荐名单（不符合名额或比例的不予报送）/ submit a union’s list',
    params: IdParams,
    body: SubmitListBody,
    response: ListCheck,
  },
  objections: {
    method: 'GET',
    path: `${CALL}/objections`,
    access: 'honor.review',
    summary: '公示异议（仅评审机关可见）/ objections, for the reviewing body',
    params: IdParams,
    response: z.array(Objection),
  },

  listNominations: {
    method: 'GET',
    path: '/api/honors/nominations',
    access: 'honor.read',
    summary: '推荐人选 / nominations in scope',
    query: NominationListQuery,
    response: cappedPageOf(NominationItem),
  },
  getNomination: { method: 'GET', path: NOM, access: 'honor.read', summary: '推荐人选详情 / a nomination', params: IdParams, response: NominationDetail },
  nominationHistory: {
    method: 'GET',
    path: `${NOM}/history`,
    access: 'honor.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  nominate: {
    method: 'POST',
    path: '/api/honors/nominations',
    access: 'honor.write',
    summary: '单位推荐（附民主推荐记录，占用名额）/ nominate',
    body: NominationBody,
    response: NominationRef,
    status: 201,
  },
  endorse: {
    method: 'POST',
    path: `${NOM}/endorse`,
    access: 'honor.review',
    summary: '名额单位审核 / endorse',
    params: IdParams,
    body: VersionBody,
    response: NominationRef,
  },
  review: {
    method: 'POST',
    path: `${NOM}/review`,
    access: 'honor.review',
    summary: '评审通过拟表彰 / recommend',
    params: IdParams,
    body: VersionBody,
    response: NominationRef,
  },
  approve: {
    method: 'POST',
    path: `${NOM}/approve`,
    access: 'honor.review',
    summary: '批准表彰并登记荣誉（须联审全部通过、公示期满、异议已答复）/ approve',
    params: IdParams,
    body: VersionBody,
    response: NominationRef,
  },
  reject: {
    method: 'POST',
    path: `${NOM}/reject`,
    access: 'honor.review',
    summary: '不予通过 / reject',
    params: IdParams,
    body: ReasonBody,
    response: NominationRef,
  },
  withdraw: {
    method: 'POST',
    path: `${NOM}/withdraw`,
    access: 'honor.write',
    summary: '撤回推荐 / withdraw',
    params: IdParams,
    body: ReasonBody,
    response: NominationRef,
  },
  clearance: {
    method: 'PUT',
    path: `${NOM}/clearance`,
    access: 'honor.write',
    summary: '登记部门联审意见（一票否决）/ record an agency’s clearance',
    params: IdParams,
    body: ClearanceBody,
    response: NominationRef,
  },
  answerObjection: {
    method: 'POST',
    path: '/api/honors/objections/:id/answer',
    access: 'honor.review',
    summary: '异议调查与答复 / investigate and answer',
    params: IdParams,
    body: ObjectionAnswerBody,
    response: Objection,
  },

  listRecords: {
    method: 'GET',
    path: '/api/honors/records',
    access: 'honor.read',
    summary: '劳模工匠和荣誉获得者 / holders in scope',
    query: RecordListQuery,
    response: cappedPageOf(RecordItem),
  },
  getRecord: { method: 'GET', path: REC, access: 'honor.read', summary: '荣誉记录与关爱 / a holder', params: IdParams, response: RecordDetail },
  recordHistory: {
    method: 'GET',
    path: `${REC}/history`,
    access: 'honor.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  createRecord: {
    method: 'POST',
    path: '/api/honors/records',
    access: 'honor.write',
    summary: '登记荣誉获得者（以往表彰）/ register a holder',
    body: RecordBody,
    response: RecordItem,
    status: 201,
  },
  addCare: {
    method: 'POST',
    path: `${REC}/care`,
    access: 'honor.write',
    summary: '登记关爱（津贴、体检、疗休养、走访）/ record care',
    params: IdParams,
    body: CareBody,
    response: z.object({ id: z.string() }),
    status: 201,
  },
  dashboard: { method: 'GET', path: '/api/honors/dashboard', access: 'honor.read', summary: '评选表彰和劳模工匠概况 / figures', response: HonorFigures },
});

// The public notice (公示): no sign-in; names, employers, posts and deeds only.
const OBJECTION_LIMIT = { bucket: 'honor.objection', limit: 10, windowMs: 3_600_000 };
const NOTICE_READ_LIMIT = { bucket: 'honor.notice', limit: 300, windowMs: 600_000 };
export const PublicNominee = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  employer: z.string(),
  post: z.string().nullable(),
  deeds: z.string(),
});
export const PublicNotice = z.object({
  id: z.string(),
  title: z.string(),
  orgName: z.string(),
  year: z.number(),
  noticeFrom: z.string(),
  noticeTo: z.string(),
  noticeDays: z.number(),
  noticeUnit: z.string(),
  open: z.boolean(),
  nominees: z.array(PublicNominee),
});
export const ObjectionBody = z.strictObject({
  nominationId: z.uuid('请选择异议对象 / choose the nominee'),
  content: z.string().trim().min(10, '异议内容不少于10字 / at least 10 characters').max(4000),
  /** Optional: a named objection is easier to verify; the name and contact are kept encrypted and shown to no one but the reviewing body, masked. */
  name: optionalText(40),
  contact: optionalText(60),
});
export const honorPublicApi = endpoints('评选表彰 honor', {
  notices: {
    method: 'GET',
    path: '/api/public/notices',
    access: 'public',
    summary: '正在公示的评选（无需登录）/ notices open now (public)',
    response: z.array(PublicNotice.omit({ nominees: true })),
    rateLimit: NOTICE_READ_LIMIT,
  },
  notice: {
    method: 'GET',
    path: '/api/public/notices/:id',
    access: 'public',
    summary: '公示名单（姓名、单位、职务、事迹；无需登录）/ a notice (public)',
    params: IdParams,
    response: PublicNotice,
    rateLimit: NOTICE_READ_LIMIT,
  },
  object: {
    method: 'POST',
    path: '/api/public/notices/:id/objections',
    access: 'public',
    summary: '在公示期内提出异议（无需登录）/ lodge an objection within the period (public)',
    params: IdParams,
    body: ObjectionBody,
    response: z.object({ receiptNo: z.string(), receivedAt: z.string() }),
    status: 201,
    rateLimit: OBJECTION_LIMIT,
  },
});

export type CallInput = z.infer<typeof CallBody>;
export type CallDetail = z.infer<typeof CallDetail>;
export type NominationInput = z.infer<typeof NominationBody>;
export type NominationDetail = z.infer<typeof NominationDetail>;
export type RecordDetail = z.infer<typeof RecordDetail>;
export type HonorFigures = z.infer<typeof HonorFigures>;
export type CallListParams = z.infer<typeof CallListQuery>;
export type NominationListParams = z.infer<typeof NominationListQuery>;
export type RecordListParams = z.infer<typeof RecordListQuery>;
export type PublicNotice = z.infer<typeof PublicNotice>;
export { CATEGORIES };
