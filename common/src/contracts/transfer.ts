/**
 * Membership transfers (会员关系接转): started by the releasing union, the receiving union or the
 * member; complete when both unions have confirmed (一次入会、动态接转).
 */
import { z } from 'zod';
import { endpoints, HistoryEntrySchema, IdParams, PageQuery, pageOf } from './kit.js';

const reason = z.string().trim().min(2, '请填写接转原因（至少2字）/ give a reason (2+ characters)').max(200, '原因不超过200字 / at most 200 characters');
const toOrgId = z.uuid('请选择转入工会 / choose the receiving union');
const idNumber = z.string().trim().min(1, '请填写身份证号 / ID number is required').max(40);

/** Started by the releasing union, for a member in its scope. */
export const TransferOutBody = z.strictObject({ memberId: z.uuid(), toOrgId, reason });
/** Started by the receiving union, which knows only the person's ID number. */
export const TransferInBody = z.strictObject({ idNumber, toOrgId, reason });
/** Started by the member (public): ID number and the mobile on record identify them. */
export const TransferSelfBody = z.strictObject({ idNumber, mobile: z.string().trim().min(1, '请填写手机号 / mobile is required').max(40), toOrgId, reason });
export const TransferReasonBody = z.strictObject({ reason });
export const TransferCancelBody = z.strictObject({ reason: reason.optional() });

export type TransferOut = z.infer<typeof TransferOutBody>;
export type TransferIn = z.infer<typeof TransferInBody>;
export type TransferSelf = z.infer<typeof TransferSelfBody>;

export const TRANSFER_STATUSES = ['pending', 'completed', 'rejected', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const TRANSFER_STATUS_LABELS: Record<TransferStatus, { zh: string; en: string }> = {
  pending: { zh: '办理中', en: 'In progress' },
  completed: { zh: '已办结', en: 'Completed' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  cancelled: { zh: '已撤回', en: 'Cancelled' },
};
export const TRANSFER_INITIATORS = ['from', 'to', 'member'] as const;
export const TRANSFER_INITIATOR_LABELS: Record<(typeof TRANSFER_INITIATORS)[number], { zh: string; en: string }> = {
  from: { zh: '转出方', en: 'Releasing side' },
  to: { zh: '接收方', en: 'Receiving side' },
  member: { zh: '会员本人', en: 'The member' },
};
export const TRANSFER_DIRECTIONS = ['all', 'in', 'out'] as const;
export const TRANSFER_DIRECTION_LABELS: Record<(typeof TRANSFER_DIRECTIONS)[number], { zh: string; en: string }> = {
  all: { zh: '全部', en: 'All' },
  in: { zh: '转入', en: 'Incoming' },
  out: { zh: '转出', en: 'Outgoing' },
};

export const TransferListQuery = z.strictObject({
  ...PageQuery,
  direction: z.enum(TRANSFER_DIRECTIONS).default('all'),
  /** `all` (or none): every status. */
  status: z.enum(['pending', 'completed', 'rejected', 'cancelled', 'all']).optional(),
});
export type TransferListParams = z.infer<typeof TransferListQuery>;

const Side = z.enum(['from', 'to']);
export const TransferItem = z.object({
  id: z.string(),
  /** Null when the member's current union is outside the caller's scope. */
  memberId: z.string().nullable(),
  /** Full when the member's current union is in scope, masked otherwise. */
  memberName: z.string(),
  idMasked: z.string(),
  /** A side outside the caller's scope shows only its masked name: no id. */
  fromOrgId: z.string().nullable(),
  fromUnionName: z.string(),
  toOrgId: z.string().nullable(),
  toUnionName: z.string(),
  initiatedBy: z.enum(TRANSFER_INITIATORS),
  status: z.string(),
  reason: z.string().nullable(),
  closeReason: z.string().nullable(),
  fromConfirmedAt: z.string().nullable(),
  toConfirmedAt: z.string().nullable(),
  completedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Sides that still have to confirm (pending transfers only). */
  awaiting: z.array(Side),
  /** The sides the caller acts for (their scope covers that union). */
  mySides: z.array(Side),
  can: z.object({ confirm: z.boolean(), reject: z.boolean(), cancel: z.boolean() }),
});
export const TransferPage = pageOf(TransferItem);

export const TransferStarted = z.object({
  id: z.string(),
  status: z.string(),
  memberName: z.string(),
  fromUnionName: z.string(),
  toUnionName: z.string(),
  awaiting: z.array(Side),
});
export const TransferSelfResult = z.object({ status: z.string(), toUnionName: z.string(), awaiting: z.array(Side) });
export const TransferDecision = z.object({ id: z.string(), status: z.string(), awaiting: z.array(Side), completedOn: z.string().nullable() });

export const transferApi = endpoints('会员关系接转 transfer', {
  list: {
    method: 'GET',
    path: '/api/transfers',
    access: 'member.transfer',
    summary: '接转列表（转出、转入或全部，管辖范围内）/ transfers in or out of scope',
    query: TransferListQuery,
    response: TransferPage,
  },
  startOutgoing: {
    method: 'POST',
    path: '/api/transfers',
    access: 'member.transfer',
    summary: '转出：原工会发起接转（本方即视为确认）/ start as the releasing union (its side confirmed)',
    body: TransferOutBody,
    response: TransferStarted,
    status: 201,
  },
  startIncoming: {
    method: 'POST',
    path: '/api/transfers/incoming',
    access: 'member.transfer',
    summary: '转入：接收工会凭身份证号发起接转（只显示脱敏姓名和原工会）/ start as the receiving union by ID number',
    body: TransferInBody,
    response: TransferStarted,
    status: 201,
  },
  startSelf: {
    method: 'POST',
    path: '/api/transfers/self',
    access: 'public',
    summary: '会员本人申请接转（身份证号和登记手机号须一致，无需登录）/ a member asks for a transfer (ID number and mobile on record; public)',
    description: '限流：每个IP每小时10次，每个身份证号每小时5次。Rate limits: 10 per IP per hour, 5 per ID number per hour.',
    body: TransferSelfBody,
    response: TransferSelfResult,
    status: 201,
    rateLimit: { bucket: 'transfer.self', limit: 10, windowMs: 3_600_000 },
  },
  history: {
    method: 'GET',
    path: '/api/transfers/:id/history',
    access: 'member.transfer',
    summary: '接转的办理记录（审计）/ the transfer’s history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  confirm: {
    method: 'POST',
    path: '/api/transfers/:id/confirm',
    access: 'member.transfer',
    summary: '确认接转（本方；双方确认后办结）/ confirm your side; completes when both have',
    params: IdParams,
    response: TransferDecision,
  },
  reject: {
    method: 'POST',
    path: '/api/transfers/:id/reject',
    access: 'member.transfer',
    summary: '驳回接转（任一方，须说明理由）/ reject (either side, with a reason)',
    params: IdParams,
    body: TransferReasonBody,
    response: TransferDecision,
  },
  cancel: {
    method: 'POST',
    path: '/api/transfers/:id/cancel',
    access: 'member.transfer',
    summary: '撤回接转（发起方）/ cancel (the initiating side)',
    params: IdParams,
    body: TransferCancelBody,
    response: TransferDecision,
  },
});

export type Transfer = z.infer<typeof TransferItem>;
export type TransferStartedT = z.infer<typeof TransferStarted>;
