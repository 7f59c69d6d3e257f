import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Aid budgets (帮扶资金预算) per org, year and budget line. `spent_fen` is kept in step by every aid
 * record in the same transaction, under a row lock, so two payments can never overspend together.
 */
export const aidBudget = pgTable(
  'aid_budget',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    line: text('line').notNull(),
    allocatedFen: bigint('allocated_fen', { mode: 'number' }).notNull(),
    spentFen: bigint('spent_fen', { mode: 'number' }).notNull().default(0),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('aid_budget_org_year_line_uq').on(t.orgId, t.year, t.line)],
);

/**
 * One payment or service (帮扶/救助 record), real-name, to the head of the household, a listed
 * household member or a proxy (代领, with the relation and the reason). Its proof (签领凭证: an
 * on-screen signature, a photo of the signed receipt or roster, a bank record) is what the way of
 * paying (`method`) needs under the rule in force (common/src/hardship-proof.ts); until then the
 * payment is 待补签领 (`proof_status` = pending). `org_id` is the file's union (the scope column);
 * `budget_id` the fund charged, which belongs to that union or one above it (`payer_org_id`).
 */
export const aidRecord = pgTable(
  'aid_record',
  {
    id: uuid('id').primaryKey(),
    fileId: uuid('file_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on').notNull(),
    budgetId: uuid('budget_id').notNull(),
    payerOrgId: uuid('payer_org_id').notNull(),
    payer: text('payer').notNull(),
    method: text('method').notNull().default('cash'),
    recipientKind: text('recipient_kind').notNull().default('head'),
    /** The household member who received it (recipient_kind member). */
    recipientMemberId: uuid('recipient_member_id'),
    recipientName: text('recipient_name').notNull(),
    /** The recipient's relation to the worker: self, the member's relationship, or the proxy's stated relation. */
    recipientRelation: text('recipient_relation').notNull().default('self'),
    proxyReason: text('proxy_reason'),
    causeKey: text('cause_key'),
    campaignId: uuid('campaign_id'),
    note: text('note'),
    receiptKind: text('receipt_kind'),
    receiptMime: text('receipt_mime'),
    receiptData: bytes('receipt_data'),
    receiptAt: timestamp('receipt_at', { withTimezone: true }),
    proofStatus: text('proof_status').notNull().default('complete'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('aid_record_file_idx').on(t.fileId, t.paidOn),
    index('aid_record_org_date_idx').on(t.orgId, t.paidOn),
    index('aid_record_budget_idx').on(t.budgetId),
    index('aid_record_campaign_idx').on(t.campaignId),
    /** 待补签领 by paying union, oldest first (the list filter and the warning scan). */
    index('aid_record_proof_pending_idx')
      .on(t.payerOrgId, t.paidOn)
      .where(sql`${t.proofStatus} = 'pending'`),
    /** A campaign pays a household once. */
    uniqueIndex('aid_record_campaign_file_uq').on(t.campaignId, t.fileId),
  ],
);

/** Configurable caps (帮扶标准上限), dated, with their source; see common/src/hardship-caps.ts. */
export const aidCap = pgTable('aid_cap', {
  id: uuid('id').primaryKey(),
  kind: text('kind'),
  rule: text('rule').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }),
  maxCount: integer('max_count'),
  effectiveFrom: date('effective_from').notNull(),
  effectiveTo: date('effective_to'),
  source: text('source').notNull(),
  weak: boolean('weak').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A campaign (e.g. Spring Festival 送温暖): households selected by tier, cause and area, paid in one step. */
export const aidCampaign = pgTable(
  'aid_campaign',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** Cash, goods or transfer: the proof each payment of the campaign needs. */
    method: text('method').notNull().default('cash'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on').notNull(),
    budgetId: uuid('budget_id').notNull(),
    criteria: jsonb('criteria').$type<Record<string, unknown>>().notNull(),
    households: integer('households').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    skipped: jsonb('skipped').$type<{ fileId: string; fileNo: string; reason: string }[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('aid_campaign_org_idx').on(t.orgId, t.paidOn)],
);
