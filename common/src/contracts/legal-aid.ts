/**
 * Legal aid (法律援助, docs/rights.md "Legal aid"): requests for consultation, drafting or
 * representation, the lawyer panel with its conflict check, and the 12351 hotline log. Mobiles leave
 * the server masked.
 */
import { z } from 'zod';
import { MobileInput } from '../hardship-input.js';
import { DISPUTE_TYPES, HOTLINE_RESULTS, LEGAL_AID_CHANNELS, LEGAL_AID_KINDS, LEGAL_AID_OUTCOMES, LEGAL_AID_STATUSES } from '../dispute-vocab.js';
import { LEGAL_AID_ACTIONS } from '../legal-aid-workflow.js';
import { UsccInput } from './org.js';
import { cappedPageOf, endpoints, flag, HistoryEntrySchema, IdParams, isoDate, optionalText, order, PageQuery, requiredText, version } from './kit.js';

const personName = z.string().trim().min(1, '请填写姓名 / name is required').max(40, '姓名不超过40字 / at most 40 characters');

export const LegalAidBody = z.strictObject({
  orgId: z.uuid('请选择受理的工会 / choose the handling union'),
  channel: z.enum(LEGAL_AID_CHANNELS, { error: '请选择受理渠道 / choose the channel' }),
  kind: z.enum(LEGAL_AID_KINDS, { error: '请选择援助事项 / choose what is asked for' }),
  type: z.enum(DISPUTE_TYPES, { error: '请选择争议类型 / choose the type of dispute' }),
  applicantName: personName,
  mobile: MobileInput.nullish().transform((v) => v ?? null),
  employerName: optionalText(100),
  employerUscc: UsccInput.nullish().transform((v) => v ?? null),
  /** The dispute case this request helps with, if any (must be in the caller's scope). */
  disputeId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  summary: requiredText(2000, '请填写咨询或求助事项', 'describe the request'),
  requestedOn: isoDate.optional(),
});
export const LegalAidAssignBody = z.strictObject({
  lawyerId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
});
export const LegalAidCloseBody = z.strictObject({
  outcomeKind: z.enum(LEGAL_AID_OUTCOMES, { error: '请选择办理结果 / choose the outcome' }),
  outcome: requiredText(2000, '请填写办理情况', 'describe the outcome'),
  /** Time spent, in hours (half hours allowed). */
  hours: z.number({ error: '请填写工时 / hours' }).min(0).max(2000).multipleOf(0.5, '工时以0.5小时为单位 / in half hours'),
  satisfaction: z
    .number()
    .int()
    .min(1, '满意度为1至5分 / 1 to 5')
    .max(5, '满意度为1至5分 / 1 to 5')
    .nullish()
    .transform((v) => v ?? null),
});
export const LegalAidDeclineBody = z.strictObject({ reason: requiredText(500, '请填写不予援助的理由', 'reason is required') });

export const LegalAidListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(60).optional(),
  status: z.enum(LEGAL_AID_STATUSES).optional(),
  kind: z.enum(LEGAL_AID_KINDS).optional(),
  under: z.uuid().optional(),
  lawyerId: z.uuid().optional(),
  sort: z.enum(['requestedOn']).default('requestedOn'),
  order: order('desc'),
});
export const LegalAidItem = z.object({
  id: z.string(),
  requestNo: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  channel: z.string(),
  kind: z.string(),
  type: z.string(),
  status: z.string(),
  requestedOn: z.string(),
  applicantName: z.string(),
  mobileMasked: z.string().nullable(),
  employerName: z.string().nullable(),
  employerUscc: z.string().nullable(),
  disputeId: z.string().nullable(),
  summary: z.string(),
  lawyerId: z.string().nullable(),
  lawyerName: z.string().nullable(),
  assignedOn: z.string().nullable(),
  hours: z.number().nullable(),
  outcomeKind: z.string().nullable(),
  outcome: z.string().nullable(),
  satisfaction: z.number().nullable(),
  declineReason: z.string().nullable(),
  closedOn: z.string().nullable(),
  version: z.number(),
  /** The workflow steps this caller may take now. */
  actions: z.array(z.enum(LEGAL_AID_ACTIONS)),
});
export const LegalAidRef = z.object({ id: z.string(), requestNo: z.string(), status: z.string(), version: z.number() });

export const LawyerBody = z.strictObject({
  orgId: z.uuid('请选择所属工会 / choose the union'),
  name: personName,
  firm: requiredText(100, '请填写律师事务所', 'law firm is required'),
  specialties: z.array(z.enum(DISPUTE_TYPES)).max(DISPUTE_TYPES.length).default([]),
  capacity: z.number().int().min(1).max(100).default(5),
  conflictUsccs: z
    .array(UsccInput.pipe(z.string({ error: '请填写统一社会信用代码 / credit code required' })))
    .max(200)
    .default([]),
  active: z.boolean().default(true),
});
export const LawyerListQuery = z.strictObject({ ...PageQuery, under: z.uuid().optional(), sort: z.enum(['name']).default('name'), order: order('asc') });
export const Lawyer = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  firm: z.string(),
  specialties: z.array(z.string()),
  capacity: z.number(),
  conflictUsccs: z.array(z.string()),
  active: z.boolean(),
  open: z.number(),
  closed: z.number(),
  hours: z.number(),
  satisfaction: z.number().nullable(),
  version: z.number(),
});

export const HotlineBody = z.strictObject({
  orgId: z.uuid('请选择接听的工会 / choose the union'),
  calledAt: z.iso.datetime({ offset: true, error: '来电时间格式不正确 / call time' }).optional(),
  callerName: optionalText(40),
  mobile: MobileInput.nullish().transform((v) => v ?? null),
  topic: z.enum([...DISPUTE_TYPES, 'consultation'] as const, { error: '请选择来电事项 / choose the topic' }),
  summary: requiredText(2000, '请填写来电内容', 'summary is required'),
  result: z.enum(HOTLINE_RESULTS, { error: '请选择处理结果 / choose the result' }),
  /** With result `legal_aid`: what is asked for; the request is opened with the call. */
  aidKind: z.enum(LEGAL_AID_KINDS).optional(),
});
export const HotlineListQuery = z.strictObject({
  ...PageQuery,
  under: z.uuid().optional(),
  result: z.enum(HOTLINE_RESULTS).optional(),
  today: flag,
  sort: z.enum(['calledAt']).default('calledAt'),
  order: order('desc'),
});
export const HotlineCall = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  calledAt: z.string(),
  callerName: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  topic: z.string(),
  summary: z.string(),
  result: z.string(),
  legalAidId: z.string().nullable(),
  handledByName: z.string().nullable(),
});

export const LegalAidFigures = z.object({
  open: z.number(),
  closed: z.number(),
  declined: z.number(),
  hours: z.number(),
  satisfaction: z.number().nullable(),
  callsThisMonth: z.number(),
  byKind: z.array(z.object({ key: z.string(), n: z.number() })),
  lawyers: z.array(z.object({ id: z.string(), name: z.string(), firm: z.string(), open: z.number() })),
});

const AID = '/api/legal-aid/:id';
export const legalAidApi = endpoints('法律援助 legal aid', {
  list: {
    method: 'GET',
    path: '/api/legal-aid',
    access: 'legal_aid.read',
    summary: '法律援助申请列表 / legal-aid requests in scope',
    query: LegalAidListQuery,
    response: cappedPageOf(LegalAidItem),
  },
  dashboard: {
    method: 'GET',
    path: '/api/legal-aid/dashboard',
    access: 'legal_aid.read',
    summary: '法律援助概况 / legal-aid figures in scope',
    response: LegalAidFigures,
  },
  get: { method: 'GET', path: AID, access: 'legal_aid.read', summary: '法律援助申请 / one request', params: IdParams, response: LegalAidItem },
  history: {
    method: 'GET',
    path: `${AID}/history`,
    access: 'legal_aid.read',
    summary: '办理记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/legal-aid',
    access: 'legal_aid.write',
    summary: '受理法律援助申请 / record a request',
    body: LegalAidBody,
    response: LegalAidRef,
    status: 201,
  },
  assign: {
    method: 'POST',
    path: `${AID}/assign`,
    access: 'legal_aid.write',
    summary: '指派律师（利益冲突审查；未指定时按专长和工作量）/ assign a lawyer, conflict-checked',
    params: IdParams,
    body: LegalAidAssignBody,
    response: LegalAidRef,
  },
  close: {
    method: 'POST',
    path: `${AID}/close`,
    access: 'legal_aid.write',
    summary: '办结（工时、结果、满意度）/ close with hours, outcome and satisfaction',
    params: IdParams,
    body: LegalAidCloseBody,
    response: LegalAidRef,
  },
  decline: {
    method: 'POST',
    path: `${AID}/decline`,
    access: 'legal_aid.write',
    summary: '不予援助 / decline',
    params: IdParams,
    body: LegalAidDeclineBody,
    response: LegalAidRef,
  },
});
export const lawyerApi = endpoints('法律援助 legal aid', {
  list: {
    method: 'GET',
    path: '/api/lawyers',
    access: 'legal_aid.read',
    summary: '援助律师名册 / the lawyer panel',
    query: LawyerListQuery,
    response: cappedPageOf(Lawyer),
  },
  history: {
    method: 'GET',
    path: '/api/lawyers/:id/history',
    access: 'legal_aid.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/lawyers',
    access: 'lawyer.manage',
    summary: '新增援助律师 / add a lawyer',
    body: LawyerBody,
    response: Lawyer,
    status: 201,
  },
  update: {
    method: 'PUT',
    path: '/api/lawyers/:id',
    access: 'lawyer.manage',
    summary: '修改援助律师 / edit a lawyer',
    params: IdParams,
    body: LawyerBody.extend({ version }),
    response: Lawyer,
  },
});
export const hotlineApi = endpoints('法律援助 legal aid', {
  list: {
    method: 'GET',
    path: '/api/hotline-calls',
    access: 'legal_aid.read',
    summary: '12351热线来电记录 / the 12351 call log',
    query: HotlineListQuery,
    response: cappedPageOf(HotlineCall),
  },
  create: {
    method: 'POST',
    path: '/api/hotline-calls',
    access: 'legal_aid.write',
    summary: '登记来电（可同时受理法律援助）/ log a call',
    body: HotlineBody,
    response: HotlineCall.extend({ legalAid: LegalAidRef.nullable() }),
    status: 201,
  },
});

export type LegalAidInput = z.infer<typeof LegalAidBody>;
export type LegalAidListParams = z.infer<typeof LegalAidListQuery>;
export type LawyerInput = z.infer<typeof LawyerBody>;
export type LawyerListParams = z.infer<typeof LawyerListQuery>;
export type HotlineInput = z.infer<typeof HotlineBody>;
export type HotlineListParams = z.infer<typeof HotlineListQuery>;
export type LegalAidItemT = z.infer<typeof LegalAidItem>;
export type LegalAidFiguresT = z.infer<typeof LegalAidFigures>;

// ── The worker's own requests: online from the public page or the portal, and following one ──────

const AID_APPLY_LIMIT = { bucket: 'legal_aid.apply', limit: 10, windowMs: 3_600_000 };
const AID_FOLLOW_LIMIT = { bucket: 'legal_aid.follow', limit: 30, windowMs: 600_000 };

/** What a worker fills in online: the union to ask, what for, about what, and how to reach them (their mobile follows the request). */
const workerRequestFields = {
  orgId: z.uuid('请选择受理的工会 / choose the union to ask'),
  kind: z.enum(LEGAL_AID_KINDS, { error: '请选择援助事项 / choose what is asked for' }),
  type: z.enum(DISPUTE_TYPES, { error: '请选择争议类型 / choose the type of dispute' }),
  applicantName: personName,
  employerName: optionalText(100),
  employerUscc: UsccInput.nullish().transform((v) => v ?? null),
  summary: requiredText(2000, '请填写咨询或求助事项', 'describe the request'),
};
export const LegalAidApplyBody = z.strictObject({
  ...workerRequestFields,
  mobile: MobileInput,
  consent: z.strictObject({ version: z.string().trim().min(1).max(20), accepted: z.literal(true, { error: '须同意个人信息处理规则 / consent is required' }) }),
});
/** From the portal: the signed-in worker's mobile is the request's. */
export const PortalLegalAidBody = z.strictObject(workerRequestFields);
export const LegalAidApplyResult = z.object({ requestNo: z.string(), orgName: z.string(), requestedOn: z.string() });
export const LegalAidFollowQuery = z.strictObject({ requestNo: z.string().trim().min(1).max(30), mobile: z.string().trim().min(1).max(40) });
export const LegalAidFollowResult = z.object({
  requestNo: z.string(),
  status: z.string(),
  kind: z.string(),
  type: z.string(),
  orgName: z.string(),
  requestedOn: z.string(),
  assignedOn: z.string().nullable(),
  /** The lawyer's name and firm once assigned. */
  lawyerName: z.string().nullable(),
  lawyerFirm: z.string().nullable(),
  declineReason: z.string().nullable(),
  closedOn: z.string().nullable(),
  outcomeKind: z.string().nullable(),
});

export const legalAidPublicApi = endpoints('法律援助 legal aid', {
  apply: {
    method: 'POST',
    path: '/api/legal-aid/apply',
    access: 'public',
    summary: '职工网上申请法律援助（无需登录）/ apply online for legal aid (public)',
    body: LegalAidApplyBody,
    response: LegalAidApplyResult,
    status: 201,
    rateLimit: AID_APPLY_LIMIT,
  },
  follow: {
    method: 'GET',
    path: '/api/legal-aid/follow',
    access: 'public',
    summary: '凭申请编号和手机号查询进度（无需登录）/ follow a request by its number and mobile (public)',
    query: LegalAidFollowQuery,
    response: LegalAidFollowResult,
    rateLimit: AID_FOLLOW_LIMIT,
  },
});

export type LegalAidApply = z.infer<typeof LegalAidApplyBody>;
export type PortalLegalAid = z.infer<typeof PortalLegalAidBody>;
