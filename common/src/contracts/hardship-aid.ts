/**
 * Aid (帮扶救助), budgets (帮扶资金预算) and campaigns (送温暖等集中帮扶) — docs/hardship.md. Money
 * is integer fen; a payment is checked against the caps in force (common/src/hardship-caps.ts) and
 * the budget's remaining amount before it is saved.
 */
import { z } from 'zod';
import { AID_KINDS, AID_METHODS, CAUSES, FILE_STATUSES, PROOF_STATUSES, RECIPIENT_KINDS, TIERS } from '../hardship-vocab.js';
import { endpoints, fen, FileBody, HistoryEntrySchema, IdParams, isoDate, OkSchema, optionalText, PageQuery, pageOf, version } from './kit.js';

/** The JSON body of a receipt upload: a 5 MB scan, base64-encoded, is about 6.7 MB (the same limit as a file's attachments). */
export const RECEIPT_BODY_LIMIT = 7 * 1024 * 1024 + 512 * 1024;

const positive = fen.refine((v) => v > 0, '金额须大于0 / amount must be positive');
const year = z.coerce.number().int().min(2000).max(2100);

/** Proof sent with a payment or afterwards: the kinds a new record may carry (the old generic `upload` is only read). */
export const NEW_PROOF_KINDS = ['signature', 'signed_roster', 'bank_record'] as const;
export const ReceiptInput = z.strictObject({
  /** `signature`: the on-screen signature as PNG; `signed_roster`: a photo or scan of the signed receipt or roster; `bank_record`: the bank's transfer record (PDF/JPG/PNG). */
  kind: z.enum(NEW_PROOF_KINDS, { error: '凭证类型不正确 / unknown proof kind' }),
  data: z.string().min(1).max(RECEIPT_BODY_LIMIT),
});

/**
 * Who received the aid: the head of the household (the worker), a household member listed on the
 * file, or a proxy (代领) who must give their name, their relation to the household and the reason.
 */
const recipientShape = {
  recipientKind: z.enum(RECIPIENT_KINDS, { error: '请选择领取人：户主本人、家庭成员或代领 / choose the recipient' }),
  /** The listed household member (recipientKind member). */
  recipientMemberId: z.uuid('请选择领取的家庭成员 / choose the household member').nullish(),
  proxyName: optionalText(40),
  proxyRelation: optionalText(20),
  proxyReason: optionalText(200),
};
type RecipientFields = {
  recipientKind: string;
  recipientMemberId?: string | null;
  proxyName?: string | null;
  proxyRelation?: string | null;
  proxyReason?: string | null;
};
function checkRecipient(v: RecipientFields, ctx: z.RefinementCtx) {
  const need = (path: string, zh: string, en: string) => ctx.addIssue({ code: 'custom', path: [path], message: `${zh} / ${en}` });
  if (v.recipientKind === 'member' && !v.recipientMemberId)
    need('recipientMemberId', '请选择领取的家庭成员（须为档案登记的家庭成员）', 'choose a household member listed on the file');
  if (v.recipientKind === 'proxy') {
    if (!v.proxyName) need('proxyName', '代领须填写代领人姓名', 'a proxy needs their name');
    if (!v.proxyRelation) need('proxyRelation', '代领须填写代领人与困难职工的关系', 'a proxy needs their relation to the worker');
    if (!v.proxyReason || v.proxyReason.length < 2) need('proxyReason', '代领须说明原因（如住院、行动不便）', 'a proxy needs the reason');
  }
  if (v.recipientKind !== 'member' && v.recipientMemberId)
    need('recipientMemberId', '只有家庭成员领取时才选择家庭成员', 'a household member is chosen only when one receives it');
  if (v.recipientKind !== 'proxy' && (v.proxyName || v.proxyRelation || v.proxyReason))
    need('proxyName', '只有代领时才填写代领人信息', 'proxy details are for a proxy only');
}

export const AidBody = z
  .strictObject({
    kind: z.enum(AID_KINDS, { error: '帮扶类型不正确 / unknown aid kind' }),
    /** Cash, goods or a bank transfer: decides which proof the payment needs (common/src/hardship-proof.ts). */
    method: z.enum(AID_METHODS, { error: '请选择发放方式：现金、实物或银行转账 / choose cash, goods or transfer' }),
    amountFen: positive,
    paidOn: isoDate,
    budgetId: z.uuid('请选择资金预算 / choose the budget'),
    payer: optionalText(60),
    ...recipientShape,
    causeKey: optionalText(60),
    note: optionalText(500),
    /** Left out: the payment is 待补签领 until its proof is added. */
    receipt: ReceiptInput.optional(),
  })
  .superRefine(checkRecipient);
export const AidResult = z.object({ id: z.string(), budgetRemainingFen: z.number(), hasReceipt: z.boolean(), proofStatus: z.enum(PROOF_STATUSES) });

/** Adding the proof later (补签领): the proof, and who signed when it was not the recipient recorded (a campaign's payee signing through a proxy, say). */
export const ProofLaterBody = ReceiptInput.extend({
  recipientKind: recipientShape.recipientKind.optional(),
  recipientMemberId: recipientShape.recipientMemberId,
  proxyName: recipientShape.proxyName,
  proxyRelation: recipientShape.proxyRelation,
  proxyReason: recipientShape.proxyReason,
}).superRefine((v, ctx) => (v.recipientKind ? checkRecipient(v as RecipientFields, ctx) : undefined));

export const AidListQuery = z
  .strictObject({
    ...PageQuery,
    year: year.optional(),
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
    q: z
      .string()
      .trim()
      .max(40, '关键字不超过40字 / at most 40 characters')
      .optional()
      .transform((v) => (v ? v : undefined)),
    /** 待补签领 (pending) or complete. */
    proof: z.enum(PROOF_STATUSES).optional(),
    /** Paid from the budgets of this union (the paying union), whichever union the household belongs to. */
    payerOrgId: z.uuid().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期 / the end date cannot be before the start date' });
    }
  });
export const AidItem = z.object({
  id: z.string(),
  fileId: z.string(),
  fileNo: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.string(),
  amountFen: z.number(),
  paidOn: z.string(),
  payer: z.string(),
  recipientName: z.string(),
  causeKey: z.string().nullable(),
  budgetId: z.string(),
  budgetLine: z.string().nullable(),
  /** The budget's union (the household's own or one above it), named only where it lies in the caller's scope. */
  budgetOrgName: z.string().nullable(),
  campaignId: z.string().nullable(),
  hasReceipt: z.boolean(),
  method: z.string(),
  recipientKind: z.string(),
  recipientRelation: z.string(),
  proxyReason: z.string().nullable(),
  receiptKind: z.string().nullable(),
  proofStatus: z.string(),
  /** Days since the payment while its proof is missing (null when complete). */
  proofPendingDays: z.number().nullable(),
});
/** `totalFen`: the amount over every record matching the filter, not just this page. */
export const AidPage = pageOf(AidItem).extend({ totalFen: z.number() });

export const BudgetBody = z.strictObject({
  orgId: z.uuid('请选择工会 / choose the union'),
  year: z.number().int().min(2000).max(2100),
  line: z.string().trim().min(1).max(40).default('帮扶资金'),
  allocatedFen: fen,
  note: optionalText(200),
});
export const BudgetUpdateBody = z.strictObject({ allocatedFen: fen, note: optionalText(200), version });
export const BudgetQuery = z.strictObject({
  ...PageQuery,
  /** One budget (a picker naming its current value). */
  id: z.uuid().optional(),
  year: year.optional(),
  /** Only the budgets that may be charged for this union's households: its own and those of the unions above it. */
  forOrgId: z.uuid().optional(),
  /** Budgets of a union and the unions below it. */
  under: z.uuid().optional(),
  /** Part of the union's name or of the budget line. */
  q: z.string().trim().max(40).optional(),
});
export const BudgetItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  line: z.string(),
  allocatedFen: z.number(),
  spentFen: z.number(),
  remainingFen: z.number(),
  note: z.string().nullable(),
  version: z.number(),
});
/** `totals`: allocated, spent and remaining over every budget matching the filter, not just this page. */
export const BudgetPage = pageOf(BudgetItem).extend({ totals: z.object({ allocatedFen: z.number(), spentFen: z.number(), remainingFen: z.number() }) });

export const CampaignCriteria = z.strictObject({
  tiers: z.array(z.enum(TIERS)).max(3).default([]),
  causes: z.array(z.enum(CAUSES)).max(CAUSES.length).default([]),
  /** Only households whose union lies under this org (an area). */
  underOrgId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  statuses: z.array(z.enum(FILE_STATUSES)).max(5).default(['filed']),
});
export const CampaignBody = z.strictObject({
  name: z.string().trim().min(2).max(60),
  kind: z.enum(AID_KINDS).default('festival'),
  method: z.enum(AID_METHODS, { error: '请选择发放方式：现金、实物或银行转账 / choose cash, goods or transfer' }).default('cash'),
  amountFen: positive,
  paidOn: isoDate,
  budgetId: z.uuid(),
  criteria: CampaignCriteria,
});
export const CampaignPreview = z.object({
  households: z.number(),
  totalFen: z.number(),
  budgetRemainingFen: z.number(),
  skipped: z.array(z.object({ fileId: z.string(), fileNo: z.string(), reason: z.string() })),
});
export const CampaignListQuery = z.strictObject({ ...PageQuery, year: year.optional(), kind: z.enum(AID_KINDS).optional() });
export const CampaignItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  kind: z.string(),
  amountFen: z.number(),
  paidOn: z.string(),
  budgetId: z.string(),
  budgetLine: z.string().nullable(),
  households: z.number(),
  totalFen: z.number(),
  skippedCount: z.number(),
  createdAt: z.string(),
  method: z.string(),
  /** Payments of the campaign (in the caller's scope) still 待补签领. */
  pendingProofs: z.number(),
});
export const RosterQuery = z.strictObject({ format: z.enum(['xlsx', 'pdf']).default('xlsx') });

const History = z.array(HistoryEntrySchema);

export const hardshipAidApi = endpoints('帮扶救助与资金 aid', {
  record: {
    method: 'POST',
    path: '/api/hardship/files/:id/aid',
    access: 'aid.write',
    summary: '登记帮扶（先核对帮扶标准上限和预算余额；实名签收）/ record aid (caps and budget checked first)',
    params: IdParams,
    body: AidBody,
    response: AidResult,
    status: 201,
    bodyLimit: RECEIPT_BODY_LIMIT,
  },
  list: {
    method: 'GET',
    path: '/api/hardship/aid',
    access: 'hardship.read',
    summary: '帮扶记录（管辖范围内）/ aid records in scope',
    query: AidListQuery,
    response: AidPage,
  },
  attachReceipt: {
    method: 'POST',
    path: '/api/hardship/aid/:id/receipt',
    access: 'aid.write',
    summary: '补签领：补交签领凭证（签名、签领单/名册照片或银行转账记录；可注明代领），记入审计 / add the missing proof, audited',
    params: IdParams,
    body: ProofLaterBody,
    response: OkSchema,
    bodyLimit: RECEIPT_BODY_LIMIT,
  },
  receipt: {
    method: 'GET',
    path: '/api/hardship/aid/:id/receipt',
    access: 'hardship.read',
    summary: '查看签收凭证（记入审计）/ the receipt, audited',
    params: IdParams,
    response: FileBody('PDF, JPEG or PNG'),
    file: true,
  },

  budgets: {
    method: 'GET',
    path: '/api/hardship/budgets',
    access: 'hardship.read',
    summary: '帮扶资金预算（预算、已支出、余额）/ budgets with spent and remaining',
    query: BudgetQuery,
    response: BudgetPage,
  },
  createBudget: {
    method: 'POST',
    path: '/api/hardship/budgets',
    access: 'budget.manage',
    summary: '新建年度预算 / allocate a budget',
    body: BudgetBody,
    response: BudgetItem,
    status: 201,
  },
  updateBudget: {
    method: 'PUT',
    path: '/api/hardship/budgets/:id',
    access: 'budget.manage',
    summary: '调整预算 / change the allocation',
    params: IdParams,
    body: BudgetUpdateBody,
    response: BudgetItem,
  },
  budgetHistory: {
    method: 'GET',
    path: '/api/hardship/budgets/:id/history',
    access: 'hardship.read',
    summary: '预算的变更记录（审计）/ the budget’s history',
    params: IdParams,
    response: History,
  },

  campaigns: {
    method: 'GET',
    path: '/api/hardship/campaigns',
    access: 'hardship.read',
    summary: '送温暖等集中帮扶活动 / campaigns',
    query: CampaignListQuery,
    response: pageOf(CampaignItem),
  },
  previewCampaign: {
    method: 'POST',
    path: '/api/hardship/campaigns/preview',
    access: 'aid.write',
    summary: '预览：符合条件的户数、金额、因超标准跳过的家庭 / preview a campaign',
    body: CampaignBody,
    response: CampaignPreview,
  },
  createCampaign: {
    method: 'POST',
    path: '/api/hardship/campaigns',
    access: 'aid.write',
    summary: '一次生成集中帮扶记录（按类别、原因、区域选户）/ run a campaign',
    body: CampaignBody,
    response: CampaignPreview.extend({ id: z.string() }),
    status: 201,
  },
  campaignHistory: {
    method: 'GET',
    path: '/api/hardship/campaigns/:id/history',
    access: 'hardship.read',
    summary: '活动的记录（审计：发放、名册导出）/ the campaign’s history',
    params: IdParams,
    response: History,
  },
  roster: {
    method: 'GET',
    path: '/api/hardship/campaigns/:id/roster',
    access: 'hardship.read',
    summary: '签收名册（xlsx 或 PDF，记入审计）/ signature roster',
    params: IdParams,
    query: RosterQuery,
    response: FileBody('xlsx or PDF'),
    file: true,
  },
});

export type AidInput = z.infer<typeof AidBody>;
export type AidListParams = z.infer<typeof AidListQuery>;
export type AidItem = z.infer<typeof AidItem>;
export type ReceiptInput = z.infer<typeof ReceiptInput>;
export type ProofLaterInput = z.infer<typeof ProofLaterBody>;
export type BudgetInput = z.infer<typeof BudgetBody>;
export type BudgetUpdate = z.infer<typeof BudgetUpdateBody>;
export type BudgetListParams = z.infer<typeof BudgetQuery>;
export type BudgetItem = z.infer<typeof BudgetItem>;
export type CampaignInput = z.infer<typeof CampaignBody>;
export type CampaignListParams = z.infer<typeof CampaignListQuery>;
export type CampaignItem = z.infer<typeof CampaignItem>;
export type CampaignPreview = z.infer<typeof CampaignPreview>;
