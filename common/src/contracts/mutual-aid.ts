/**
 * Mutual aid (职工互助保障, docs/mutual-aid.md): plans a federation runs (accident 1 year, women's
 * special illness 2 years, serious illness 3 years), the unit unions' enrolment of their members
 * (by list or from an xlsx roster), and claims with their documents, reviewed and paid.
 */
import { z } from 'zod';
import { MUTUAL_AID_KINDS } from '../mutual-aid-rules.js';
import { MUTUAL_AID_CLAIM_STATUSES } from '../mutual-aid-workflow.js';
import { UPLOAD_BODY_LIMIT } from './hardship-files.js';
import {
  cappedPageOf,
  endpoints,
  fen,
  FileBody,
  HistoryEntrySchema,
  IdParams,
  isoDate,
  optionalText,
  order,
  PageQuery,
  type RateLimit,
  requiredText,
  version,
} from './kit.js';

export const CLAIM_BENEFITS = ['medical', 'disability', 'death', 'illness'] as const;
export const DOCUMENT_KINDS = ['diagnosis', 'invoice', 'assessment', 'id_card', 'other'] as const;

export const PlanBody = z.strictObject({
  orgId: z.uuid('请选择举办计划的工会 / choose the union running the plan'),
  kind: z.enum(MUTUAL_AID_KINDS, { error: '保障类型不正确 / unknown kind of plan' }),
  name: requiredText(120, '请填写计划名称', 'name is required'),
  /** The fee per member for the whole period, in fen. */
  feeFen: fen.refine((v) => v > 0, '缴费金额须大于0 / the fee must be above 0'),
  /** The most a claim pays, in fen. */
  maxPayoutFen: fen.refine((v) => v > 0, '最高给付须大于0 / the maximum payout must be above 0'),
  /** The unified start date (统一生效日) of cover for members paid before it. */
  startsOn: isoDate,
});
export const Plan = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.string(),
  name: z.string(),
  feeFen: z.number(),
  maxPayoutFen: z.number(),
  startsOn: z.string(),
  coverYears: z.number(),
  /** All the plan's enrolments. */
  enrolled: z.number(),
  /** Those of the caller's own unions (the enrolments the caller can list). */
  enrolledInScope: z.number(),
  version: z.number(),
});
export const PlanListQuery = z.strictObject({
  ...PageQuery,
  kind: z.enum(MUTUAL_AID_KINDS).optional(),
  /** Plans starting (统一生效日) in this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Plans run by this union or one below it. */
  under: z.uuid().optional(),
});

export const EnrolBody = z
  .strictObject({
    memberIds: z.array(z.uuid()).max(500, '一次最多500人 / at most 500 at once').default([]),
    /** Or the members' ID numbers, pasted (a problem's row is the number's place in this list). */
    idNumbers: z
      .array(z.string().trim().min(15, '身份证号不完整 / incomplete ID number').max(18, '身份证号过长 / ID number too long'))
      .max(500, '一次最多500个身份证号 / at most 500 ID numbers at once')
      .default([]),
    paidOn: isoDate,
  })
  .refine((b) => b.memberIds.length + b.idNumbers.length > 0, {
    message: '请选择会员或填写身份证号 / choose members or give their ID numbers',
    path: ['memberIds'],
  });
export const EnrolImportBody = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/\.xlsx$/i, '请上传 xlsx 文件 / an xlsx file please'),
  /** The roster, base64: one member's ID number a row, in the first column with the header 身份证号. */
  data: z.string().min(1).max(UPLOAD_BODY_LIMIT),
  paidOn: isoDate,
});
export const EnrolResult = z.object({
  enrolled: z.number(),
  already: z.number(),
  problems: z.array(z.object({ row: z.number().nullable(), zh: z.string(), en: z.string() })),
});
/** Where an enrolment's cover stands today: not begun, in force, over. */
export const ENROLMENT_STATUSES = ['upcoming', 'active', 'ended'] as const;
export const Enrolment = z.object({
  id: z.string(),
  planId: z.string(),
  planName: z.string(),
  kind: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  paidOn: z.string(),
  feeFen: z.number(),
  coverFrom: z.string(),
  coverTo: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
});
export const EnrolmentListQuery = z.strictObject({
  ...PageQuery,
  planId: z.uuid().optional(),
  memberId: z.uuid().optional(),
  under: z.uuid().optional(),
  status: z.enum(ENROLMENT_STATUSES).optional(),
  sort: z.enum(['coverFrom', 'paidOn']).default('coverFrom'),
  order: order('desc'),
});

const claimFields = {
  benefit: z.enum(CLAIM_BENEFITS, { error: '给付项目不正确 / unknown benefit' }),
  /** The accident's day, or the day of the diagnosis. */
  eventOn: isoDate,
  assessedOn: isoDate.nullish().transform((v) => v ?? null),
  amountFen: fen.refine((v) => v > 0, '申请金额须大于0 / the amount must be above 0'),
  description: requiredText(1000, '请说明事故或疾病经过', 'describe what happened'),
};
export const ClaimBody = z.strictObject({ enrolmentId: z.uuid('请选择参保记录 / choose the enrolment'), ...claimFields });
export const DocumentBody = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS, { error: '材料类型不正确 / unknown kind of document' }),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/^[^/\\]+$/, '文件名不能包含路径 / no paths'),
  data: z.string().min(1).max(UPLOAD_BODY_LIMIT),
});
export const WorkerClaimBody = z.strictObject({ ...ClaimBody.shape, document: DocumentBody.optional() });

export const ClaimListQuery = z.strictObject({
  ...PageQuery,
  status: z.enum(MUTUAL_AID_CLAIM_STATUSES).optional(),
  planId: z.uuid().optional(),
  under: z.uuid().optional(),
  sort: z.enum(['filedAt', 'eventOn']).default('filedAt'),
  order: order('desc'),
});
const Document = z.object({ id: z.string(), kind: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() });
export const Claim = z.object({
  id: z.string(),
  claimNo: z.string(),
  status: z.string(),
  planId: z.string(),
  planName: z.string(),
  kind: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  benefit: z.string(),
  eventOn: z.string(),
  assessedOn: z.string().nullable(),
  amountFen: z.number(),
  approvedFen: z.number().nullable(),
  coverFrom: z.string(),
  coverTo: z.string(),
  filedBy: z.string(),
  filedAt: z.string(),
  paidOn: z.string().nullable(),
  reason: z.string().nullable(),
  version: z.number(),
});
export const ClaimDetail = Claim.extend({
  description: z.string(),
  documents: z.array(Document),
  actions: z.array(z.string()),
  can: z.object({ attach: z.boolean() }),
});
export const ApproveBody = z.strictObject({ approvedFen: fen.refine((v) => v > 0, '核准金额须大于0 / above 0'), note: optionalText(500), version });
export const PayBody = z.strictObject({ paidOn: isoDate, version });
export const RejectBody = z.strictObject({ reason: requiredText(500, '请填写不予给付的理由', 'give the reason'), version });

export const MutualAidFigures = z.object({
  members: z.number(),
  enrolled: z.number(),
  byKind: z.array(z.object({ kind: z.string(), enrolled: z.number() })),
  claims: z.array(z.object({ status: z.string(), n: z.number() })),
  paidFen: z.number(),
  paidCount: z.number(),
});

export const mutualAidApi = endpoints('职工互助保障 mutual aid', {
  plans: {
    method: 'GET',
    path: '/api/mutual-aid/plans',
    access: 'mutual_aid.read',
    summary: '互助保障计划 / plans',
    query: PlanListQuery,
    response: cappedPageOf(Plan),
  },
  plan: { method: 'GET', path: '/api/mutual-aid/plans/:id', access: 'mutual_aid.read', summary: '计划详情 / one plan', params: IdParams, response: Plan },
  createPlan: {
    method: 'POST',
    path: '/api/mutual-aid/plans',
    access: 'mutual_aid.review',
    summary: '设立互助保障计划 / set up a plan',
    body: PlanBody,
    response: Plan,
    status: 201,
  },
  enrol: {
    method: 'POST',
    path: '/api/mutual-aid/plans/:id/enrolments',
    access: 'mutual_aid.write',
    summary: '为会员参保（名单）/ enrol members by list',
    params: IdParams,
    body: EnrolBody,
    response: EnrolResult,
  },
  enrolImport: {
    method: 'POST',
    path: '/api/mutual-aid/plans/:id/enrolments/import',
    access: 'mutual_aid.write',
    summary: '为会员参保（xlsx 名单）/ enrol members from an xlsx roster',
    params: IdParams,
    body: EnrolImportBody,
    response: EnrolResult,
    bodyLimit: UPLOAD_BODY_LIMIT,
  },
  enrolTemplate: {
    method: 'GET',
    path: '/api/mutual-aid/enrolments/template.xlsx',
    access: 'mutual_aid.write',
    summary: '下载参保名单模板 / download the roster template',
    response: FileBody('xlsx'),
    file: true,
  },
  enrolments: {
    method: 'GET',
    path: '/api/mutual-aid/enrolments',
    access: 'mutual_aid.read',
    summary: '参保记录 / enrolments in scope',
    query: EnrolmentListQuery,
    response: cappedPageOf(Enrolment),
  },
  claims: {
    method: 'GET',
    path: '/api/mutual-aid/claims',
    access: 'mutual_aid.read',
    summary: '互助金申请 / claims in scope',
    query: ClaimListQuery,
    response: cappedPageOf(Claim),
  },
  claim: {
    method: 'GET',
    path: '/api/mutual-aid/claims/:id',
    access: 'mutual_aid.read',
    summary: '申请详情 / one claim',
    params: IdParams,
    response: ClaimDetail,
  },
  claimHistory: {
    method: 'GET',
    path: '/api/mutual-aid/claims/:id/history',
    access: 'mutual_aid.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  fileClaim: {
    method: 'POST',
    path: '/api/mutual-aid/claims',
    access: 'mutual_aid.write',
    summary: '代会员申请互助金 / file a claim for a member',
    body: ClaimBody,
    response: ClaimDetail,
    status: 201,
  },
  attach: {
    method: 'POST',
    path: '/api/mutual-aid/claims/:id/documents',
    access: 'mutual_aid.write',
    summary: '上传申请材料（PDF/JPG/PNG，≤5MB，base64）/ attach a document',
    params: IdParams,
    body: DocumentBody,
    response: Document,
    status: 201,
    bodyLimit: UPLOAD_BODY_LIMIT,
  },
  document: {
    method: 'GET',
    path: '/api/mutual-aid/documents/:id',
    access: 'mutual_aid.read',
    summary: '下载申请材料（记入审计）/ download a document, audited',
    params: IdParams,
    response: FileBody('PDF, JPEG or PNG'),
    file: true,
  },
  approve: {
    method: 'POST',
    path: '/api/mutual-aid/claims/:id/approve',
    access: 'mutual_aid.review',
    summary: '核准给付 / approve',
    params: IdParams,
    body: ApproveBody,
    response: ClaimDetail,
  },
  pay: {
    method: 'POST',
    path: '/api/mutual-aid/claims/:id/pay',
    access: 'mutual_aid.review',
    summary: '登记给付 / record the payout',
    params: IdParams,
    body: PayBody,
    response: ClaimDetail,
  },
  reject: {
    method: 'POST',
    path: '/api/mutual-aid/claims/:id/reject',
    access: 'mutual_aid.review',
    summary: '不予给付 / reject',
    params: IdParams,
    body: RejectBody,
    response: ClaimDetail,
  },
  dashboard: { method: 'GET', path: '/api/mutual-aid/dashboard', access: 'mutual_aid.read', summary: '互助保障概况 / figures', response: MutualAidFigures },
});

export const WorkerCover = z.object({
  enrolmentId: z.string(),
  planName: z.string(),
  kind: z.string(),
  coverFrom: z.string(),
  coverTo: z.string(),
  active: z.boolean(),
  benefits: z.array(z.string()),
});
export const WorkerClaim = z.object({
  id: z.string(),
  claimNo: z.string(),
  planName: z.string(),
  benefit: z.string(),
  eventOn: z.string(),
  amountFen: z.number(),
  approvedFen: z.number().nullable(),
  status: z.string(),
  filedAt: z.string(),
  paidOn: z.string().nullable(),
  reason: z.string().nullable(),
});
export const WorkerMutualAid = z.object({ linked: z.boolean(), covers: z.array(WorkerCover), claims: z.array(WorkerClaim) });

const workerRead: RateLimit = { bucket: 'portal-read', limit: 300, windowMs: 60_000 };
const workerFile: RateLimit = { bucket: 'portal-mutual-aid-claim', limit: 10, windowMs: 3_600_000 };

export const portalMutualAidApi = endpoints('职工互助保障（职工）worker mutual aid', {
  mine: {
    method: 'GET',
    path: '/api/portal/mutual-aid',
    access: 'public',
    summary: '我的保障和申请 / my cover and claims',
    response: WorkerMutualAid,
    rateLimit: workerRead,
  },
  file: {
    method: 'POST',
    path: '/api/portal/mutual-aid/claims',
    access: 'public',
    summary: '申请互助金 / file a claim',
    body: WorkerClaimBody,
    response: WorkerClaim,
    status: 201,
    rateLimit: workerFile,
    bodyLimit: UPLOAD_BODY_LIMIT,
  },
});

export type PlanInput = z.infer<typeof PlanBody>;
export type PlanListParams = z.infer<typeof PlanListQuery>;
export type EnrolmentListParams = z.infer<typeof EnrolmentListQuery>;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export type ClaimListParams = z.infer<typeof ClaimListQuery>;
export type ClaimInput = z.infer<typeof ClaimBody>;
export type DocumentInput = z.infer<typeof DocumentBody>;
export type ClaimDetailT = z.infer<typeof ClaimDetail>;
export type PlanT = z.infer<typeof Plan>;
export type EnrolmentT = z.infer<typeof Enrolment>;
export type ClaimT = z.infer<typeof Claim>;
export type WorkerMutualAidT = z.infer<typeof WorkerMutualAid>;
export type MutualAidFiguresT = z.infer<typeof MutualAidFigures>;
