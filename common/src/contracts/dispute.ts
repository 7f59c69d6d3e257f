/**
 * Labour disputes (劳动争议, docs/rights.md): the cases of the joint mediation centre (劳动纠纷联调
 * 中心), their workflow (common/src/dispute-workflow.ts) and statutory clocks
 * (common/src/dispute-rules.ts), the mediator panel, and the worker's public intake and follow-up.
 * Money is integer fen; ID numbers and mobiles leave the server masked, and only …/unmask reveals
 * them (audited).
 */
import { z } from 'zod';
import { IdNumberInput, MobileInput } from '../hardship-input.js';
import { DISPUTE_CHANNELS, DISPUTE_STATUSES, DISPUTE_TYPES, MEDIATOR_KINDS, REFER_TO } from '../dispute-vocab.js';
import { DISPUTE_ACTIONS } from '../dispute-workflow.js';
import { UsccInput } from './org.js';
import { cappedPageOf, endpoints, fen, flag, HistoryEntrySchema, IdParams, isoDate, optionalText, order, PageQuery, requiredText, version } from './kit.js';

const personName = z.string().trim().min(1, '请填写姓名 / name is required').max(40, '姓名不超过40字 / at most 40 characters');

/** One applicant (申请人); representatives (代表人) of a collective case are marked. */
export const ApplicantInput = z.strictObject({
  name: personName,
  idNumber: IdNumberInput.nullish().transform((v) => v ?? null),
  mobile: MobileInput.nullish().transform((v) => v ?? null),
  representative: z.boolean().default(false),
});

/** What a case holds, however it arrived. */
const caseFields = {
  type: z.enum(DISPUTE_TYPES, { error: '请选择争议类型 / choose the type of dispute' }),
  applicants: z.array(ApplicantInput).min(1, '至少填写一名申请人 / at least one applicant').max(50, '最多登记50名申请人，其余计入人数 / at most 50 listed'),
  /** Workers sharing the claim (a collective case lists its representatives and gives the number). */
  workerCount: z.number({ error: '请填写涉及人数 / number of workers' }).int().min(1, '涉及人数至少为1 / at least 1').max(100_000),
  employerName: requiredText(100, '请填写用人单位名称', 'employer name is required'),
  employerUscc: UsccInput.nullish().transform((v) => v ?? null),
  /** The platform company, for gig workers (新就业形态劳动者). */
  platformName: optionalText(100),
  amountClaimedFen: fen.default(0),
  facts: requiredText(4000, '请填写事实与理由', 'facts are required'),
  outcomeSought: requiredText(1000, '请填写请求事项', 'outcome sought is required'),
  /** When the worker knew of the infringement: the 1-year limitation counts from it (Art. 27). */
  knewOn: isoDate.nullish().transform((v) => v ?? null),
  /** Still employed there: a wage claim is then not time-barred (Art. 27 para. 4). */
  employmentOngoing: z.boolean().default(false),
};

export const DisputeCreateBody = z.strictObject({
  /** The handling body: the union whose mediation centre receives the case. */
  orgId: z.uuid('请选择受理的调解组织 / choose the handling body'),
  channel: z.enum(DISPUTE_CHANNELS.filter((c) => c !== 'online') as ['walk_in', 'hotline', 'court_delegated', 'arbitration_referral'], {
    error: '请选择受理渠道 / choose the channel',
  }),
  receivedOn: isoDate.optional(),
  /** 诉前委派: the court's case number and the date the case must go back to the court. */
  courtCaseNo: optionalText(60),
  courtReturnOn: isoDate.nullish().transform((v) => v ?? null),
  /** 仲裁委移送: the commission's reference. */
  referralNo: optionalText(60),
  ...caseFields,
});

export const AssignBody = z.strictObject({
  /** Left out: the panel's member with the fewest open cases among those who take this type. */
  mediatorId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  note: optionalText(500),
});
export const TransferBody = z.strictObject({
  toOrgId: z.uuid('请选择接收的调解组织 / choose the receiving body'),
  reason: requiredText(500, '请填写移交原因', 'reason is required'),
});
export const SessionBody = z.strictObject({
  heldOn: isoDate,
  attendees: optionalText(200),
  notes: requiredText(4000, '请填写调解记录', 'notes are required'),
});
export const AgreeBody = z.strictObject({
  terms: requiredText(4000, '请填写协议内容', 'terms are required'),
  amountFen: fen.default(0),
  effectiveOn: isoDate.optional(),
});
export const FailBody = z.strictObject({
  reason: requiredText(500, '请填写调解不成的原因', 'reason is required'),
  advice: optionalText(1000),
});
export const CloseBody = z.strictObject({ note: optionalText(500) });
export const RejectBody = z.strictObject({
  reason: requiredText(500, '请填写不予受理的理由', 'reason is required'),
  referTo: z.enum(REFER_TO, { error: '请选择建议前往的机构 / choose where to go instead' }),
});

export const DisputeListQuery = z.strictObject({
  ...PageQuery,
  /** Case number, or a word of the employer's or platform's name. */
  q: z.string().trim().max(60).optional(),
  status: z.enum(DISPUTE_STATUSES).optional(),
  type: z.enum(DISPUTE_TYPES).optional(),
  channel: z.enum(DISPUTE_CHANNELS).optional(),
  under: z.uuid().optional(),
  mediatorId: z.uuid().optional(),
  /** Open cases with a statutory clock past its day (mediation, or the court's return date). */
  overdue: flag,
  /** Open cases whose mediation ends within 3 days. */
  dueSoon: flag,
  collective: flag,
  sort: z.enum(['receivedOn', 'mediationDue', 'amount']).default('receivedOn'),
  order: order('desc'),
});

const Clock = z.object({ due: z.string().nullable(), overdue: z.boolean() });

export const DisputeListItem = z.object({
  id: z.string(),
  caseNo: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  channel: z.string(),
  type: z.string(),
  status: z.string(),
  receivedOn: z.string(),
  employerName: z.string(),
  platformName: z.string().nullable(),
  firstApplicant: z.string(),
  workerCount: z.number(),
  collective: z.boolean(),
  amountClaimedFen: z.number(),
  mediatorName: z.string().nullable(),
  mediationDue: z.string().nullable(),
  courtReturnOn: z.string().nullable(),
  limitationState: z.string(),
  overdue: z.boolean(),
  version: z.number(),
});
export const DisputePage = cappedPageOf(DisputeListItem);

const Applicant = z.object({
  id: z.string(),
  name: z.string(),
  idMasked: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  representative: z.boolean(),
});
const Session = z.object({ id: z.string(), heldOn: z.string(), attendees: z.string().nullable(), notes: z.string(), mediatorName: z.string().nullable() });

export const DisputeDetail = DisputeListItem.extend({
  employerUscc: z.string().nullable(),
  /** The employer's union, when one with this credit code exists and lies in the caller's scope. */
  employerUnion: z.object({ id: z.string(), name: z.string() }).nullable(),
  facts: z.string(),
  outcomeSought: z.string(),
  knewOn: z.string().nullable(),
  employmentOngoing: z.boolean(),
  limitationDue: z.string().nullable(),
  courtCaseNo: z.string().nullable(),
  referralNo: z.string().nullable(),
  mediatorId: z.string().nullable(),
  assignedOn: z.string().nullable(),
  agreementTerms: z.string().nullable(),
  agreementAmountFen: z.number().nullable(),
  agreedOn: z.string().nullable(),
  confirmationDue: z.string().nullable(),
  failReason: z.string().nullable(),
  advice: z.string().nullable(),
  rejectReason: z.string().nullable(),
  referTo: z.string().nullable(),
  closedOn: z.string().nullable(),
  clocks: z.object({ mediation: Clock, courtReturn: Clock, confirmation: Clock }),
  applicants: z.array(Applicant),
  sessions: z.array(Session),
  /** The workflow steps this caller may take on this case now. */
  actions: z.array(z.enum(DISPUTE_ACTIONS)),
  can: z.object({ session: z.boolean(), unmask: z.boolean() }),
});
export const DisputeRef = z.object({ id: z.string(), caseNo: z.string(), status: z.string(), version: z.number() });
export const DisputeUnmasked = z.object({
  applicants: z.array(z.object({ id: z.string(), name: z.string(), idNumber: z.string().nullable(), mobile: z.string().nullable() })),
});

const Count = z.object({ key: z.string(), n: z.number() });
export const DisputeFigures = z.object({
  total: z.number(),
  open: z.number(),
  overdue: z.number(),
  byStatus: z.array(Count),
  byType: z.array(Count),
  /** Per child organisation of the caller's own (the districts for the city …). */
  byArea: z.array(z.object({ id: z.string(), name: z.string(), total: z.number(), open: z.number(), overdue: z.number() })),
  /** Agreements among the concluded cases (agreed, or closed after an agreement, against those that failed). */
  agreementRatePermille: z.number().nullable(),
  medianDaysToClose: z.number().nullable(),
  agreedAmountFen: z.number(),
  mediators: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), open: z.number() })),
});

export const MediatorBody = z.strictObject({
  orgId: z.uuid('请选择所属调解组织 / choose the centre'),
  name: personName,
  kind: z.enum(MEDIATOR_KINDS, { error: '请选择调解员类别 / choose the kind' }),
  /** Case types taken; empty: every type. */
  specialties: z.array(z.enum(DISPUTE_TYPES)).max(DISPUTE_TYPES.length).default([]),
  capacity: z.number().int().min(1).max(200).default(10),
  active: z.boolean().default(true),
});
export const MediatorListQuery = z.strictObject({
  ...PageQuery,
  under: z.uuid().optional(),
  kind: z.enum(MEDIATOR_KINDS).optional(),
  sort: z.enum(['name']).default('name'),
  order: order('asc'),
});
export const Mediator = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  kind: z.string(),
  specialties: z.array(z.string()),
  capacity: z.number(),
  active: z.boolean(),
  open: z.number(),
  version: z.number(),
});

const CASE = '/api/disputes/:id';
export const disputeApi = endpoints('劳动争议 dispute', {
  list: {
    method: 'GET',
    path: '/api/disputes',
    access: 'dispute.read',
    summary: '劳动争议案件列表（管辖范围内；overdue=true 为时限已过的案件）/ cases in scope',
    query: DisputeListQuery,
    response: DisputePage,
  },
  dashboard: {
    method: 'GET',
    path: '/api/disputes/dashboard',
    access: 'dispute.read',
    summary: '劳动争议调解概况 / dispute figures in scope',
    response: DisputeFigures,
  },
  get: {
    method: 'GET',
    path: CASE,
    access: 'dispute.read',
    summary: '案件详情（非承办单位查看记入审计）/ one case, read outside the handling body audited',
    params: IdParams,
    response: DisputeDetail,
  },
  history: {
    method: 'GET',
    path: `${CASE}/history`,
    access: 'dispute.read',
    summary: '案件的办理记录（审计）/ the case’s history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/disputes',
    access: 'dispute.write',
    summary: '受理登记（来访、12351热线、法院诉前委派、仲裁委移送）/ record a case',
    body: DisputeCreateBody,
    response: DisputeRef,
    status: 201,
  },
  assign: {
    method: 'POST',
    path: `${CASE}/assign`,
    access: 'dispute.write',
    summary: '指派调解员（未指定时按类型和工作量分配）/ assign a mediator',
    params: IdParams,
    body: AssignBody,
    response: DisputeRef,
  },
  transfer: {
    method: 'POST',
    path: `${CASE}/transfer`,
    access: 'dispute.write',
    summary: '移交其他调解组织（保留办理记录）/ transfer',
    params: IdParams,
    body: TransferBody,
    response: DisputeRef,
  },
  session: {
    method: 'POST',
    path: `${CASE}/sessions`,
    access: 'dispute.write',
    summary: '记录一次调解 / record a session',
    params: IdParams,
    body: SessionBody,
    response: z.object({ id: z.string() }),
    status: 201,
  },
  agree: {
    method: 'POST',
    path: `${CASE}/agree`,
    access: 'dispute.write',
    summary: '达成调解协议 / record the agreement',
    params: IdParams,
    body: AgreeBody,
    response: DisputeRef,
  },
  fail: {
    method: 'POST',
    path: `${CASE}/fail`,
    access: 'dispute.write',
    summary: '调解不成（可申请仲裁）/ no agreement',
    params: IdParams,
    body: FailBody,
    response: DisputeRef,
  },
  close: { method: 'POST', path: `${CASE}/close`, access: 'dispute.write', summary: '结案 / close', params: IdParams, body: CloseBody, response: DisputeRef },
  reject: {
    method: 'POST',
    path: `${CASE}/reject`,
    access: 'dispute.write',
    summary: '不予受理（理由和建议前往的机构）/ reject, saying where to go',
    params: IdParams,
    body: RejectBody,
    response: DisputeRef,
  },
  unmask: {
    method: 'POST',
    path: `${CASE}/unmask`,
    access: 'dispute.unmask',
    summary: '查看当事人完整身份证号和手机号（记入审计）/ reveal, audited',
    params: IdParams,
    response: DisputeUnmasked,
  },
});

export const mediatorApi = endpoints('劳动争议 dispute', {
  list: {
    method: 'GET',
    path: '/api/mediators',
    access: 'dispute.read',
    summary: '调解员名册 / the mediator panel',
    query: MediatorListQuery,
    response: cappedPageOf(Mediator),
  },
  history: {
    method: 'GET',
    path: '/api/mediators/:id/history',
    access: 'dispute.read',
    summary: '调解员变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/mediators',
    access: 'mediator.manage',
    summary: '新增调解员 / add a mediator',
    body: MediatorBody,
    response: Mediator,
    status: 201,
  },
  update: {
    method: 'PUT',
    path: '/api/mediators/:id',
    access: 'mediator.manage',
    summary: '修改调解员 / edit a mediator',
    params: IdParams,
    body: MediatorBody.extend({ version }),
    response: Mediator,
  },
});

/** Per client IP, like the join application and its status. */
const APPLY_LIMIT = { bucket: 'dispute.apply', limit: 10, windowMs: 3_600_000 };
const FOLLOW_LIMIT = { bucket: 'dispute.follow', limit: 30, windowMs: 600_000 };

export const DisputeApplyBody = z.strictObject({
  orgId: z.uuid('请选择调解组织 / choose the mediation centre'),
  ...caseFields,
  applicants: z
    .array(ApplicantInput.extend({ mobile: MobileInput.refine((v) => !!v, '请填写手机号码，用于查询进度 / a mobile is required') }))
    .min(1)
    .max(50),
  consent: z.strictObject({ version: z.string().trim().min(1).max(20), accepted: z.literal(true, { error: '须同意个人信息处理规则 / consent is required' }) }),
});
export const DisputeApplyResult = z.object({
  caseNo: z.string(),
  centreName: z.string(),
  receivedOn: z.string(),
  mediationDue: z.string(),
  limitationState: z.string(),
});
export const FollowQuery = z.strictObject({ caseNo: z.string().trim().min(1).max(30), mobile: z.string().trim().min(1).max(40) });
export const FollowResult = z.object({
  caseNo: z.string(),
  status: z.string(),
  type: z.string(),
  centreName: z.string(),
  receivedOn: z.string(),
  mediationDue: z.string().nullable(),
  mediatorName: z.string().nullable(),
  sessions: z.array(z.object({ heldOn: z.string() })),
  agreedOn: z.string().nullable(),
  advice: z.string().nullable(),
  rejectReason: z.string().nullable(),
  referTo: z.string().nullable(),
  closedOn: z.string().nullable(),
});
export const Centre = z.object({ id: z.string(), name: z.string(), level: z.string() });

export const disputePublicApi = endpoints('劳动争议 dispute', {
  centres: {
    method: 'GET',
    path: '/api/disputes/centres',
    access: 'public',
    summary: '可受理网上申请的调解组织（无需登录）/ centres taking online applications (public)',
    response: z.array(Centre),
    rateLimit: { bucket: 'dispute.centres', limit: 120, windowMs: 60_000 },
  },
  apply: {
    method: 'POST',
    path: '/api/disputes/apply',
    access: 'public',
    summary: '职工网上申请调解（无需登录）/ apply online for mediation (public)',
    body: DisputeApplyBody,
    response: DisputeApplyResult,
    status: 201,
    rateLimit: APPLY_LIMIT,
  },
  follow: {
    method: 'GET',
    path: '/api/disputes/follow',
    access: 'public',
    summary: '凭案件编号和手机号查询进度（无需登录）/ follow a case by its number and mobile (public)',
    query: FollowQuery,
    response: FollowResult,
    rateLimit: FOLLOW_LIMIT,
  },
});

export type DisputeCreate = z.infer<typeof DisputeCreateBody>;
export type DisputeApply = z.infer<typeof DisputeApplyBody>;
export type DisputeListParams = z.infer<typeof DisputeListQuery>;
export type DisputeDetail = z.infer<typeof DisputeDetail>;
export type DisputeListItem = z.infer<typeof DisputeListItem>;
export type MediatorListParams = z.infer<typeof MediatorListQuery>;
export type MediatorInput = z.infer<typeof MediatorBody>;
export type DisputeFiguresT = z.infer<typeof DisputeFigures>;
