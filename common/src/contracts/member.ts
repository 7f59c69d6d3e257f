/** The member registry (会员实名制): search, records, status changes, card, export, dashboard figures. */
import { z } from 'zod';
import { ConsentInput, MemberFieldsInput, MemberFieldsPatch } from '../member-input.js';
import { MEMBER_STATUS_CHANGE_KINDS, MEMBER_STATUSES, type MemberStatusChangeKind } from '../member-vocab.js';
import { endpoints, FileBody, HistoryEntrySchema, IdParams, isoDate, OkSchema, optionalText, order, PageQuery, cappedPageOf, version } from './kit.js';

export const MemberCreateBody = z.strictObject({ orgId: z.uuid('请选择所属工会'), fields: MemberFieldsInput, consent: ConsentInput });
/** An edit: leave `idNumber` / `mobile` out to keep the stored (encrypted) values. */
export const MemberUpdateBody = z.strictObject({ fields: MemberFieldsPatch, version });
/** 保留会籍, 退会, 恢复: which status each starts from is MEMBER_STATUS_CHANGES (common/src/member-vocab.ts). */
export const MemberStatusBody = z.strictObject({
  kind: z.enum(MEMBER_STATUS_CHANGE_KINDS as [MemberStatusChangeKind, ...MemberStatusChangeKind[]], { error: '办理事项不正确 / unknown change' }),
  onDate: isoDate,
  reason: optionalText(200),
  version,
});

const memberFilters = {
  q: z.string().trim().max(40).optional(),
  idNumber: z.string().trim().max(40).optional(),
  mobile: z.string().trim().max(40).optional(),
  cardNo: z.string().trim().toUpperCase().max(20).optional(),
  orgId: z.uuid().optional(),
  employmentForm: z.string().trim().max(40).optional(),
  migrantWorker: z.enum(['true', 'false']).optional(),
  /** `to_collect`: imported from an HR roster, the member has not yet confirmed the notice (docs/operations.md). */
  consentStatus: z.enum(['given', 'to_collect']).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  joinFrom: isoDate.optional(),
  joinTo: isoDate.optional(),
  sex: z.enum(['M', 'F']).optional(),
  minAge: z.coerce.number().int().min(0).max(120).optional(),
  maxAge: z.coerce.number().int().min(0).max(120).optional(),
};
export const MemberListQuery = z.strictObject({
  ...PageQuery,
  ...memberFilters,
  sort: z.enum(['joinDate', 'name', 'cardNo', 'birthDate']).default('joinDate'),
  order: order('desc'),
});
export const MemberExportQuery = z.strictObject({
  ...memberFilters,
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  unmask: z.enum(['true', 'false']).default('false'),
});

export const MemberListItem = z.object({
  id: z.string(),
  name: z.string(),
  idMasked: z.string(),
  mobileMasked: z.string().nullable(),
  sex: z.string(),
  age: z.number(),
  orgId: z.string(),
  orgName: z.string(),
  employmentForm: z.string(),
  migrantWorker: z.boolean(),
  status: z.string(),
  joinDate: z.string(),
  cardNo: z.string(),
  version: z.number(),
});
/** `totalExact: false`: there are more than `total` matches (the count stops at a cap); `totalEstimate` says about how many. */
export const MemberPage = cappedPageOf(MemberListItem);
export const MemberDetail = MemberListItem.extend({
  idKind: z.string(),
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  /** The imported roster's own words for the employment form (劳动合同制, 劳务派遣 …), or null. */
  employmentFormText: z.string().nullable(),
  occupation: z.string().nullable(),
  employerName: z.string().nullable(),
  consentVersion: z.string().nullable(),
  consentAt: z.string().nullable(),
  consentMethod: z.string().nullable(),
  /** 个人信息保护法 Art. 13: `consent`, or `hr_management` for a roster imported from HR records. */
  legalBasis: z.enum(['consent', 'hr_management']),
  consentStatus: z.enum(['given', 'to_collect']),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      onDate: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      reason: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  openTransfer: z.object({ id: z.string(), fromOrgId: z.string(), toOrgId: z.string(), createdAt: z.string() }).nullable(),
  /** What the caller may do with this record now: reveal, edit, start a transfer, and each status change. */
  can: z.object({ unmask: z.boolean(), edit: z.boolean(), transfer: z.boolean(), retained: z.boolean(), left: z.boolean(), reactivated: z.boolean() }),
});
export const Unmasked = z.object({ idNumber: z.string(), mobile: z.string().nullable() });

export const MemberCard = z.object({
  cardNo: z.string(),
  name: z.string(),
  orgName: z.string(),
  joinDate: z.string(),
  status: z.string(),
  token: z.string(),
  verifyUrl: z.string(),
  qrDataUrl: z.string(),
});
export const CardVerifyQuery = z.strictObject({ token: z.string().min(1).max(500) });
export const CardVerifyResult = z.object({
  valid: z.boolean(),
  reason: z.string().nullable(),
  maskedName: z.string().optional(),
  unionName: z.string().optional(),
  status: z.string().optional(),
});
const Created = z.object({ id: z.string() });

export const memberApi = endpoints('会员 member', {
  list: {
    method: 'GET',
    path: '/api/members',
    access: 'member.read',
    summary: '会员查询（管辖范围内）/ search members in scope',
    query: MemberListQuery,
    response: MemberPage,
  },
  get: {
    method: 'GET',
    path: '/api/members/:id',
    access: 'member.read',
    summary: '会员详情与会籍时间线 / member with history',
    params: IdParams,
    response: MemberDetail,
  },
  history: {
    method: 'GET',
    path: '/api/members/:id/history',
    access: 'member.read',
    summary: '会员记录的变更记录（审计）/ the record’s history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/members',
    access: 'member.write',
    summary: '登记会员 / register a member',
    body: MemberCreateBody,
    response: Created,
    status: 201,
  },
  update: {
    method: 'PUT',
    path: '/api/members/:id',
    access: 'member.write',
    summary: '修改会员信息 / update',
    params: IdParams,
    body: MemberUpdateBody,
    response: Created,
  },
  changeStatus: {
    method: 'POST',
    path: '/api/members/:id/status',
    access: 'member.write',
    summary: '保留会籍、退会、恢复 / retain, leave, reactivate',
    params: IdParams,
    body: MemberStatusBody,
    response: OkSchema,
  },
  unmask: {
    method: 'POST',
    path: '/api/members/:id/unmask',
    access: 'member.unmask',
    summary: '查看完整身份证号和手机号（记入审计）/ reveal, audited',
    params: IdParams,
    response: Unmasked,
  },
  card: {
    method: 'GET',
    path: '/api/members/:id/card',
    access: 'member.read',
    summary: '电子会员卡 / electronic card',
    params: IdParams,
    response: MemberCard,
  },
  verifyCard: {
    method: 'GET',
    path: '/api/cards/verify',
    access: 'public',
    summary: '核验会员卡（仅显示脱敏姓名和工会）/ verify a card',
    query: CardVerifyQuery,
    response: CardVerifyResult,
    rateLimit: { bucket: 'card.verify', limit: 120, windowMs: 60_000 },
  },
});

/** The roster export (server/src/modules/member/export): the current search as a file, streamed and audited. */
export const memberExportApi = endpoints('会员 member', {
  export: {
    method: 'GET',
    path: '/api/members/export',
    access: 'member.export',
    file: true,
    query: MemberExportQuery,
    summary: '导出会员名册（当前查询条件，流式；unmask=true 需 member.unmask，记入审计）/ export the current search, streamed',
    description:
      'Same filters as GET /api/members. CSV is UTF-8 with a BOM; XLSX cells are text. ID numbers and mobiles are masked unless unmask=true ' +
      '(403 without member.unmask). Cells starting with = + - @, tab or CR get a leading apostrophe. X-Total-Count gives the row count.',
    response: FileBody('the file: text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  },
});

const UnionCount = z.object({ id: z.string(), name: z.string(), members: z.number(), active: z.number() });

/** The member figures of the dashboard, all inside the caller's scope (server/src/modules/member/member-figures.ts). */
export const MemberFigures = z.object({
  asOf: z.string(),
  /** Members by status; `holding` = active + retained + transferring (everyone but those who left). */
  totals: z.object({ all: z.number(), holding: z.number(), active: z.number(), retained: z.number(), transferring: z.number(), left: z.number() }),
  byUnion: z.object({
    /** The 20 grassroots unions with most members (holding). */
    top: z.array(UnionCount),
    /** The caller's own child organisations with the members of their whole subtree. */
    byChild: z.array(UnionCount),
  }),
  /** Holding members by employment form; gig = every new-employment-form worker (八大群体, ride-hailing, other flexible). */
  byEmploymentForm: z.object({
    standard: z.number(),
    /** New forms of employment (the eight groups, ride-hailing, other flexible work). */
    gig: z.number(),
    /** 未填: a roster left the form blank — neither standard nor new-form. */
    unknown: z.number(),
    /** Agency, part-time and re-employed retirees: employees outside both groups above. */
    otherEmployees: z.number(),
    migrantWorkers: z.number(),
    forms: z.array(z.object({ key: z.string(), label: z.string(), gig: z.boolean(), n: z.number() })),
  }),
  /** The last 12 months, oldest first: joins (joined, rejoined, transferred_in) and leavers (left, transferred_out) by event date. */
  monthly: z.array(z.object({ month: z.string(), joins: z.number(), leavers: z.number() })),
  /**
   * Active members ÷ employee_count of grassroots unions. `overall` over every grassroots union with
   * employees on record; `lowest`: the 20 lowest among unions with ≥ 25 employees that have members
   * at all (unions with none are listed under `withoutMembers`).
   */
  membershipRate: z.object({
    overall: z.number().nullable(),
    activeMembers: z.number(),
    employees: z.number(),
    lowest: z.array(z.object({ id: z.string(), name: z.string(), employees: z.number(), active: z.number(), rate: z.number() })),
  }),
  /** Active grassroots unions without a single holding member: how many, and the first 20 by code. */
  withoutMembers: z.object({
    count: z.number(),
    first: z.array(z.object({ id: z.string(), name: z.string(), code: z.string(), employees: z.number().nullable() })),
  }),
  /** Pending online join applications, and those past their 15-working-day answer date. */
  applications: z.object({ pending: z.number(), overdue: z.number(), dueSoon: z.number(), overdueBelow: z.number() }),
});

/** The dashboard's member section (the organisation figures are dashboardApi's). */
export const memberDashboardApi = endpoints('首页 dashboard', {
  members: {
    method: 'GET',
    path: '/api/dashboard/members',
    access: 'dashboard.read',
    summary: '会员概况（本人管辖范围）/ member figures in scope',
    response: MemberFigures,
  },
});

export type MemberListItemT = z.infer<typeof MemberListItem>;
export type MemberDetailT = z.infer<typeof MemberDetail>;
export type MemberCreate = z.infer<typeof MemberCreateBody>;
export type MemberUpdate = z.infer<typeof MemberUpdateBody>;
export type MemberStatusChange = z.infer<typeof MemberStatusBody>;
export type MemberListParams = z.infer<typeof MemberListQuery>;
export type MemberFiguresT = z.infer<typeof MemberFigures>;
export type MemberCardT = z.infer<typeof MemberCard>;
