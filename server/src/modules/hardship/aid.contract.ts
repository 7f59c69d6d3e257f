import { z } from 'zod';
import { AID_KINDS, CAUSES, FILE_STATUSES, TIERS } from '../../../../common/src/hardship-vocab.js';
import { Fen } from '../../../../common/src/hardship-input.js';
import { isoDate, PageQuery, pageOf } from '../../platform/contract.js';
import { UPLOAD_BODY_LIMIT } from './attachment.service.js';

const Positive = Fen.refine((v) => v > 0, '金额须大于0 / amount must be positive');
const text = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

export const ReceiptInput = z.strictObject({
  /** `upload`: a scan (PDF/JPG/PNG); `signature`: the on-screen signature as PNG (data URL or base64). */
  kind: z.enum(['upload', 'signature']),
  data: z.string().min(1).max(UPLOAD_BODY_LIMIT),
});

export const AidBody = z.strictObject({
  kind: z.enum(AID_KINDS, { error: '帮扶类型不正确 / unknown aid kind' }),
  amountFen: Positive,
  paidOn: isoDate,
  budgetId: z.uuid('请选择资金预算 / choose the budget'),
  payer: text(60),
  recipientName: z.string().trim().min(1, '请填写领取人姓名（实名）/ recipient name is required').max(40),
  recipientRelation: z.enum(['self', 'spouse', 'child', 'parent', 'other']).default('self'),
  causeKey: text(60),
  note: text(500),
  receipt: ReceiptInput.optional(),
});
export const AidResult = z.object({ id: z.string(), budgetRemainingFen: z.number(), hasReceipt: z.boolean() });

export const AidListQuery = z.strictObject({
  ...PageQuery,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(AID_KINDS).optional(),
  under: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  /** One household's aid history (its file page). */
  fileId: z.uuid().optional(),
  /** Paid-on date range, both ends included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  budgetId: z.uuid('资金预算编号不正确 / invalid budget id').optional(),
  /** Part of the household's name, or its file number. */
  q: z.string().trim().max(40, '关键字不超过40字 / at most 40 characters').optional().transform((v) => (v ? v : undefined)),
}).superRefine((v, ctx) => {
  if (v.from && v.to && v.from > v.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期 / the end date cannot be before the start date' });
  }
});
export const AidItem = z.object({
  id: z.string(), fileId: z.string(), fileNo: z.string(), name: z.string(), orgId: z.string(), orgName: z.string(), kind: z.string(), amountFen: z.number(),
  paidOn: z.string(), payer: z.string(), recipientName: z.string(), causeKey: z.string().nullable(), budgetId: z.string(), budgetLine: z.string().nullable(), campaignId: z.string().nullable(), hasReceipt: z.boolean(),
});
/** `totalFen`: the amount over every record matching the filter, not just this page. */
export const AidPage = pageOf(AidItem).extend({ totalFen: z.number() });

export const BudgetBody = z.strictObject({
  orgId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  line: z.string().trim().min(1).max(40).default('帮扶资金'),
  allocatedFen: Fen,
  note: text(200),
});
export const BudgetUpdateBody = z.strictObject({ allocatedFen: Fen, note: text(200), version: z.number().int().min(1) });
export const BudgetQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Only the budgets that may be charged for this union's households: its own and those of the unions above it. */
  forOrgId: z.uuid().optional(),
});
export const BudgetItem = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), year: z.number(), line: z.string(), allocatedFen: z.number(), spentFen: z.number(),
  remainingFen: z.number(), note: z.string().nullable(), version: z.number(),
});

export const CampaignCriteria = z.strictObject({
  tiers: z.array(z.enum(TIERS)).max(3).default([]),
  causes: z.array(z.enum(CAUSES)).max(CAUSES.length).default([]),
  /** Only households whose union lies under this org (an area). */
  underOrgId: z.uuid().nullish().transform((v) => v ?? null),
  statuses: z.array(z.enum(FILE_STATUSES)).max(5).default(['filed']),
});
export const CampaignBody = z.strictObject({
  name: z.string().trim().min(2).max(60),
  kind: z.enum(AID_KINDS).default('festival'),
  amountFen: Positive,
  paidOn: isoDate,
  budgetId: z.uuid(),
  criteria: CampaignCriteria,
});
export const CampaignPreviewBody = CampaignBody;
export const CampaignPreview = z.object({
  households: z.number(), totalFen: z.number(), budgetRemainingFen: z.number(),
  skipped: z.array(z.object({ fileId: z.string(), fileNo: z.string(), reason: z.string() })),
});
export const CampaignItem = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), name: z.string(), kind: z.string(), amountFen: z.number(), paidOn: z.string(), budgetId: z.string(),
  households: z.number(), totalFen: z.number(), skippedCount: z.number(), createdAt: z.string(),
});
export const RosterQuery = z.strictObject({ format: z.enum(['xlsx', 'pdf']).default('xlsx') });

export type AidInput = z.infer<typeof AidBody>;
export type CampaignInput = z.infer<typeof CampaignBody>;
