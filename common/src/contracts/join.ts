/**
 * Online joining (入会申请): a worker finds the union and applies without an account; the union
 * answers within 15 working days (JOIN_REPLY_WORKING_DAYS); the employer is never told.
 */
import { z } from 'zod';
import { CURRENT_CONSENT_VERSION, MemberFieldsInput } from '../member-input.js';
import { todayInChina } from '../dates.js';
import { checkUscc, USCC_PROBLEM_MESSAGES } from '../uscc.js';
import { endpoints, HistoryEntrySchema, IdParams, isoDate, PageQuery, pageOf, type RateLimit } from './kit.js';

export const JOIN_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type JoinStatus = (typeof JOIN_STATUSES)[number];
export const JOIN_STATUS_LABELS: Record<JoinStatus, { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

export const LookupQuery = z.strictObject({
  q: z.string().trim().min(2, '请至少输入2个字 / type at least 2 characters').max(60, '不超过60字 / at most 60 characters'),
});
export const UnionHit = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  level: z.string(),
  streetName: z.string().nullable(),
  districtName: z.string().nullable(),
  /** The union of a platform or trade of new forms of employment (common/src/employer-keywords.ts): the join form offers those forms first. */
  platform: z.boolean(),
});
export const TerritorialHit = z.object({ id: z.string(), name: z.string(), districtName: z.string().nullable() });
/**
 * An area the platform serves, from the union tree: a city or county federation (its region by
 * name and 6-digit code) or a street/park union (the territorial union of its area). A flat list;
 * `parentId` links a node to the area above it.
 */
export const AreaNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  level: z.enum(['province', 'city', 'county', 'street']),
  name: z.string(),
  /** The region's name (the federation's name without 总工会), or the street/park union's name. */
  areaName: z.string(),
  regionCode: z.string().nullable(),
});
export type AreaNodeT = z.infer<typeof AreaNode>;

/**
 * The applicant's details as MemberFieldsInput (the same rules as a member record). The join date
 * is the union's to set on approval, so the applicant may leave it out.
 */
const ApplicantFields = z
  .preprocess((v) => (v && typeof v === 'object' && !Array.isArray(v) && !('joinDate' in v) ? { ...v, joinDate: todayInChina() } : v), MemberFieldsInput)
  .superRefine((f, ctx) => {
    // The applicant chooses: 未填 is only what a blank roster cell gives.
    if (f.employmentForm === 'unknown') ctx.addIssue({ code: 'custom', path: ['employmentForm'], message: '请选择用工形式 / choose the form of employment' });
  });

export const JoinApplyBody = z.strictObject({
  orgId: z.uuid('请选择要加入的工会 / choose the union'),
  employerName: z.string().trim().min(2, '请填写工作单位 / employer name is required').max(100),
  employerUscc: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .max(40)
      .transform((v, ctx) => {
        const r = checkUscc(v);
        if (r.ok) return r.value;
        const m = USCC_PROBLEM_MESSAGES[r.problem];
        ctx.addIssue({ code: 'custom', message: `${m.zh} / ${m.en}` });
        return z.NEVER;
      })
      .optional(),
  ),
  viaTerritorial: z.boolean(),
  fields: ApplicantFields,
  consent: z.strictObject({
    version: z.literal(CURRENT_CONSENT_VERSION, { error: '请阅读并同意最新版个人信息处理告知书 / agree to the current notice' }),
    agreed: z.literal(true, { error: '须同意个人信息处理告知书才能申请 / consent is required' }),
  }),
});
export type JoinApply = z.infer<typeof JoinApplyBody>;

export const JoinApplyResult = z.object({
  appNo: z.string(),
  unionName: z.string(),
  submittedOn: z.string(),
  dueOn: z.string(),
  /** The due date reaches a year whose holiday arrangement is not entered yet: it may still move (docs/rules.md, "Deadlines"). */
  provisional: z.boolean(),
});

export const StatusQuery = z.strictObject({ appNo: z.string().trim().min(1).max(30), idNumber: z.string().trim().min(1).max(40) });
export const StatusResult = z.object({
  appNo: z.string(),
  status: z.string(),
  unionName: z.string(),
  submittedOn: z.string(),
  dueOn: z.string(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  cardNo: z.string().nullable(),
  provisional: z.boolean(),
});

export const JoinListQuery = z.strictObject({
  ...PageQuery,
  /** `all` (or none): every status. */
  status: z.enum(['pending', 'approved', 'rejected', 'all']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(40).optional(),
  orgId: z.uuid().optional(),
});
export type JoinListParams = z.infer<typeof JoinListQuery>;

export const JoinListItem = z.object({
  id: z.string(),
  appNo: z.string(),
  name: z.string(),
  idMasked: z.string(),
  mobileMasked: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  employerName: z.string().nullable(),
  viaTerritorial: z.boolean(),
  status: z.string(),
  submittedOn: z.string(),
  dueOn: z.string(),
  decidedAt: z.string().nullable(),
  overdue: z.boolean(),
  workingDaysLeft: z.number().nullable(),
  /** The due date reaches a year whose holiday arrangement is not entered yet: counted on weekends and the statutory holidays, recomputed when it is (docs/rules.md, "Deadlines"). */
  provisional: z.boolean(),
});
export const JoinPage = pageOf(JoinListItem);

export const JoinSummary = z.object({
  pending: z.number(),
  overdue: z.number(),
  dueSoon: z.number(),
  /** Overdue applications of unions below the caller's own org: what the level above must chase. */
  overdueBelow: z.number(),
});

export const JoinDetail = JoinListItem.extend({
  sex: z.string(),
  birthDate: z.string(),
  idKind: z.string(),
  employerUscc: z.string().nullable(),
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  employmentForm: z.string(),
  migrantWorker: z.boolean(),
  occupation: z.string().nullable(),
  consentVersion: z.string(),
  consentAt: z.string(),
  rejectReason: z.string().nullable(),
  memberId: z.string().nullable(),
  cardNo: z.string().nullable(),
});

export const ApproveBody = z.strictObject({ joinDate: isoDate.optional() });
export const RejectBody = z.strictObject({
  reason: z.string().trim().min(2, '请填写不予入会的理由（至少2字）/ give a reason (2+ characters)').max(200, '理由不超过200字 / at most 200 characters'),
});
export const DecisionResult = z.object({ id: z.string(), status: z.string(), memberId: z.string().nullable(), cardNo: z.string().nullable() });

/** Per-IP limits of the public routes (counted in the server process, see platform/mount.ts). */
const lookupLimit: RateLimit = { bucket: 'join.lookup', limit: 120, windowMs: 60_000 };

export const joinApi = endpoints('入会申请 join', {
  unions: {
    method: 'GET',
    path: '/api/join/unions',
    access: 'public',
    summary: '查找单位工会（名称或统一社会信用代码，无需登录）/ find the employer’s union by name or credit code (public)',
    query: LookupQuery,
    response: z.array(UnionHit),
    rateLimit: lookupLimit,
  },
  territorial: {
    method: 'GET',
    path: '/api/join/territorial',
    access: 'public',
    summary: '查找工作地的乡镇（街道）、园区工会（单位没有工会时，无需登录）/ find the territorial street/park union (public)',
    query: LookupQuery,
    response: z.array(TerritorialHit),
    rateLimit: lookupLimit,
  },
  areas: {
    method: 'GET',
    path: '/api/join/areas',
    access: 'public',
    summary:
      '平台服务的地区（市、县区及其乡镇街道、园区工会，按名称；无需登录）/ the areas served: cities, counties and their street/park unions, by name (public)',
    response: z.array(AreaNode),
    rateLimit: lookupLimit,
  },
  apply: {
    method: 'POST',
    path: '/api/join/applications',
    access: 'public',
    summary:
      '提交入会申请（无需登录；不通知用人单位；工会15个工作日内答复）/ apply to join (public; the employer is not notified; answer within 15 working days)',
    description: '限流：每个IP每小时20次，每个身份证号每天5份申请。Rate limits: 20 per IP per hour, 5 applications per ID number per day.',
    body: JoinApplyBody,
    response: JoinApplyResult,
    status: 201,
    rateLimit: { bucket: 'join.apply', limit: 20, windowMs: 3_600_000 },
  },
  status: {
    method: 'GET',
    path: '/api/join/applications/status',
    access: 'public',
    summary: '查询入会申请结果（须同时提供申请编号和身份证号，无需登录）/ look up an outcome by application number and ID number (public)',
    query: StatusQuery,
    response: StatusResult,
    rateLimit: { bucket: 'join.status', limit: 30, windowMs: 600_000 },
  },
  list: {
    method: 'GET',
    path: '/api/join/applications',
    access: 'join.review',
    summary: '入会申请列表（管辖范围内，含逾期标记）/ applications in scope, with overdue flags',
    query: JoinListQuery,
    response: JoinPage,
  },
  summary: {
    method: 'GET',
    path: '/api/join/applications/summary',
    access: 'join.review',
    summary: '待办、逾期、即将到期的入会申请数（管辖范围内）/ pending, overdue and due-soon counts in scope',
    response: JoinSummary,
  },
  get: {
    method: 'GET',
    path: '/api/join/applications/:id',
    access: 'join.review',
    summary: '入会申请详情（脱敏）/ application detail, masked',
    params: IdParams,
    response: JoinDetail,
  },
  history: {
    method: 'GET',
    path: '/api/join/applications/:id/history',
    access: 'join.review',
    summary: '入会申请的办理记录（审计）/ the application’s history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  approve: {
    method: 'POST',
    path: '/api/join/applications/:id/approve',
    access: 'join.review',
    summary: '批准入会（登记会员并发放会员卡）/ approve: registers the member and issues the card',
    params: IdParams,
    body: ApproveBody,
    response: DecisionResult,
  },
  reject: {
    method: 'POST',
    path: '/api/join/applications/:id/reject',
    access: 'join.review',
    summary: '不予入会（须说明理由）/ reject with a reason',
    params: IdParams,
    body: RejectBody,
    response: DecisionResult,
  },
});

export type UnionHitT = z.infer<typeof UnionHit>;
export type JoinApplyResultT = z.infer<typeof JoinApplyResult>;
export type JoinStatusResultT = z.infer<typeof StatusResult>;
export type JoinListItemT = z.infer<typeof JoinListItem>;
export type JoinDetailT = z.infer<typeof JoinDetail>;
