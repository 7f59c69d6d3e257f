import { z } from 'zod';
import { PageQuery, pageOf } from '../../../platform/contract.js';

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
export const TransferListQuery = z.strictObject({
  ...PageQuery,
  direction: z.enum(['in', 'out', 'all']).default('all'),
  status: z.enum(TRANSFER_STATUSES).optional(),
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
  fromOrgId: z.string().nullable(), fromUnionName: z.string(), toOrgId: z.string().nullable(), toUnionName: z.string(),
  initiatedBy: z.enum(['from', 'to', 'member']), status: z.string(), reason: z.string().nullable(), closeReason: z.string().nullable(),
  fromConfirmedAt: z.string().nullable(), toConfirmedAt: z.string().nullable(), completedOn: z.string().nullable(),
  createdAt: z.string(), updatedAt: z.string(),
  /** Sides that still have to confirm (pending transfers only). */
  awaiting: z.array(Side),
  /** The sides the caller acts for (their scope covers that union). */
  mySides: z.array(Side),
  can: z.object({ confirm: z.boolean(), reject: z.boolean(), cancel: z.boolean() }),
});
export const TransferPage = pageOf(TransferItem);

export const TransferStarted = z.object({
  id: z.string(), status: z.string(), memberName: z.string(), fromUnionName: z.string(), toUnionName: z.string(), awaiting: z.array(Side),
});
export const TransferSelfResult = z.object({ status: z.string(), toUnionName: z.string(), awaiting: z.array(Side) });
