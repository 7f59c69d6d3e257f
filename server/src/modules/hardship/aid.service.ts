import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { aidBudget, aidRecord } from './aid.schema.js';
import { hardshipFile } from './hardship.schema.js';
import { org } from '../org/org.schema.js';
import { requireFileInScope } from './file.record.js';
import { aidRecords, budgets } from './aid.repo.js';
import { actorOf, auditOf } from './hardship.shared.js';
import { decodeUpload } from './attachment.service.js';
import { loadRules } from './rules.service.js';
import { checkCaps, normaliseCauseKey, type AidLike } from '../../../../common/src/hardship-caps.js';
import { formatYuan } from '../../../../common/src/hardship-tier.js';
import type { AidKind } from '../../../../common/src/hardship-vocab.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import { scopeCovers } from '../../platform/scope.js';
import { requireOrgInScope } from '../org/org.service.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { AidInput, AidListParams, BudgetInput, BudgetListParams, BudgetUpdate, ReceiptInput } from '../../../../common/src/contracts/hardship-aid.js';

/**
 * Aid records (帮扶/救助) against budgets. Before saving: the caps in force (common/src/hardship-caps.ts)
 * and the budget's remaining amount, read under a row lock (SELECT … FOR UPDATE) in the same
 * transaction that adds to `spent_fen`, so concurrent payments cannot overspend.
 */

export function capError(v: ReturnType<typeof checkCaps>) {
  return new AppError(409, 'AID_CAP_EXCEEDED', v.map((x) => x.message).join('；'), v.map((x) => x.messageEn).join('; '), { violations: v });
}

export function budgetError(remaining: number, amount: number) {
  return new AppError(409, 'BUDGET_EXCEEDED', `预算余额不足：剩余 ${formatYuan(remaining)} 元，本次需 ${formatYuan(amount)} 元`, `Not enough budget left: ${formatYuan(remaining)} yuan remaining, ${formatYuan(amount)} needed`, { remainingFen: remaining, amountFen: amount });
}

/** Lock a budget the caller may charge for a union at `chargedOrgPath`: in scope, and that union's own fund or one above it. */
export async function lockBudget(c: Ctx, exec: Executor, budgetId: string, chargedOrgPaths: string[], year: number) {
  const [row] = await exec.select({ b: aidBudget, path: org.path, name: org.name }).from(aidBudget).innerJoin(org, eq(org.id, aidBudget.orgId)).where(eq(aidBudget.id, budgetId)).for('update', { of: aidBudget });
  if (!row || !scopeCovers(c.actor.scope, { id: row.b.orgId, path: row.path })) throw errors.notFound('资金预算', 'budget');
  if (!chargedOrgPaths.every((p) => p.startsWith(row.path))) throw errors.invalid('只能使用本工会或上级工会的帮扶资金', 'The budget must belong to the household’s union or a union above it');
  if (row.b.year !== year) throw errors.invalid(`发放日期不在预算年度 ${row.b.year} 内`, `The payment date is outside budget year ${row.b.year}`);
  return { ...row.b, allocatedFen: Number(row.b.allocatedFen), spentFen: Number(row.b.spentFen), orgName: row.name };
}

export async function aidHistory(exec: Executor, fileId: string, year: string): Promise<AidLike[]> {
  const rows = await exec.select({ kind: aidRecord.kind, amountFen: aidRecord.amountFen, paidOn: aidRecord.paidOn, causeKey: aidRecord.causeKey }).from(aidRecord)
    .where(and(eq(aidRecord.fileId, fileId), sql`${aidRecord.paidOn} >= ${year + '-01-01'} AND ${aidRecord.paidOn} <= ${year + '-12-31'}`));
  return rows.map((r) => ({ kind: r.kind as AidKind, amountFen: Number(r.amountFen), paidOn: r.paidOn, causeKey: r.causeKey }));
}

function receiptColumns(r: ReceiptInput | undefined) {
  if (!r) return { receiptKind: null, receiptMime: null, receiptData: null, receiptAt: null };
  const { bytes, mime } = decodeUpload(r.data, r.kind === 'signature' ? ['image/png'] : undefined);
  return { receiptKind: r.kind, receiptMime: mime, receiptData: bytes, receiptAt: new Date() };
}

/** Record one payment for a household: caps, then budget, then insert and charge, in one transaction. */
export async function recordAid(c: Ctx, fileId: string, input: AidInput) {
  const today = todayInChina();
  if (input.paidOn > today) throw errors.invalid('发放日期不能晚于今天', 'The payment date is in the future');
  const receipt = receiptColumns(input.receipt);
  return c.db.transaction(async (tx) => {
    const f = await requireFileInScope(c, tx, fileId, { lock: true });
    if (!['filed', 'exited'].includes(f.status)) throw new AppError(409, 'HARDSHIP_WRONG_STATUS', '只有已建档（或脱困监测期内）的家庭可以登记帮扶', 'Only filed (or monitored) households can receive aid');
    const rules = await loadRules(tx);
    const proposed: AidLike = { kind: input.kind, amountFen: input.amountFen, paidOn: input.paidOn, causeKey: normaliseCauseKey(input.causeKey) };
    const violations = checkCaps(rules.caps, proposed, await aidHistory(tx, fileId, input.paidOn.slice(0, 4)));
    if (violations.length) throw capError(violations);
    const budget = await lockBudget(c, tx, input.budgetId, [f.orgPath], Number(input.paidOn.slice(0, 4)));
    const remaining = budget.allocatedFen - budget.spentFen;
    if (input.amountFen > remaining) throw budgetError(remaining, input.amountFen);
    const id = uuidv7();
    await tx.insert(aidRecord).values({
      id, fileId, orgId: f.orgId, kind: input.kind, amountFen: input.amountFen, paidOn: input.paidOn, budgetId: budget.id, payerOrgId: budget.orgId,
      payer: input.payer ?? `${c.actor.displayName}（${budget.line}）`, recipientName: input.recipientName, recipientRelation: input.recipientRelation,
      causeKey: proposed.causeKey, note: input.note, ...receipt, createdBy: c.actor.userId,
    });
    await tx.update(aidBudget).set({ spentFen: sql`${aidBudget.spentFen} + ${input.amountFen}`, updatedAt: new Date() }).where(eq(aidBudget.id, budget.id));
    await appendAudit(tx, auditOf(actorOf(c), f.orgId, 'hardship.aid', fileId, { changes: { aidId: id, kind: input.kind, amountFen: input.amountFen, paidOn: input.paidOn, budgetId: budget.id, recipientName: input.recipientName, receipt: receipt.receiptKind } }));
    return { id, budgetRemainingFen: remaining - input.amountFen, hasReceipt: !!receipt.receiptKind };
  });
}

/** Attach the signed receipt afterwards (upload or on-screen signature). */
export async function attachReceipt(c: Ctx, aidId: string, input: ReceiptInput) {
  const cols = receiptColumns(input);
  return c.db.transaction(async (tx) => {
    const a = await aidRecords.get(c, aidId, { exec: tx, lock: true });
    if (a.receiptKind) throw errors.conflict('该笔帮扶已有签收凭证', 'This payment already has a receipt');
    await tx.update(aidRecord).set(cols).where(eq(aidRecord.id, aidId));
    await appendAudit(tx, auditOf(actorOf(c), a.orgId, 'hardship.aid_receipt', a.fileId, { changes: { aidId, receipt: input.kind, mime: cols.receiptMime, size: cols.receiptData?.length } }));
    return { ok: true as const };
  });
}

export async function readReceipt(c: Ctx, aidId: string) {
  const a = await aidRecords.get(c, aidId);
  if (!a.receiptData || !a.receiptMime) throw errors.notFound('签收凭证', 'receipt');
  await c.db.transaction((tx) => appendAudit(tx, auditOf(actorOf(c), a.orgId, 'hardship.aid_receipt_read', a.fileId, { changes: { aidId } })));
  return { mime: a.receiptMime, data: a.receiptData };
}

export async function listAid(c: Ctx, p: AidListParams) {
  const where = aidRecords.where(c, p);
  const rows = await c.db
    .select({ a: aidRecord, fileNo: hardshipFile.fileNo, name: hardshipFile.name, orgName: org.name, budgetLine: aidBudget.line, budgetOrg: sql<{ id: string; name: string; path: string } | null>`(SELECT json_build_object('id', bo.id, 'name', bo.name, 'path', bo.path) FROM org bo WHERE bo.id = ${aidBudget.orgId})` })
    .from(aidRecord).innerJoin(hardshipFile, eq(hardshipFile.id, aidRecord.fileId)).innerJoin(org, eq(org.id, aidRecord.orgId))
    .leftJoin(aidBudget, eq(aidBudget.id, aidRecord.budgetId))
    .where(where).orderBy(desc(aidRecord.paidOn), desc(aidRecord.id)).limit(p.pageSize).offset((p.page - 1) * p.pageSize);
  const [{ total, totalFen }] = (await c.db.select({ total: sql<number>`count(*)::int`, totalFen: sql<string>`coalesce(sum(${aidRecord.amountFen}), 0)::text` })
    .from(aidRecord).where(where)) as [{ total: number; totalFen: string }];
  return {
    // A budget of a union above the caller's scope (the household's district, say) is named by its line only, as its union is not the caller's to see.
    items: rows.map(({ a, fileNo, name, orgName, budgetLine, budgetOrg }) => ({
      id: a.id, fileId: a.fileId, fileNo, name, orgId: a.orgId, orgName, kind: a.kind, amountFen: Number(a.amountFen), paidOn: a.paidOn, payer: a.payer,
      recipientName: a.recipientName, causeKey: a.causeKey, budgetId: a.budgetId, budgetLine, budgetOrgName: budgetOrg && scopeCovers(c.actor.scope, budgetOrg) ? budgetOrg.name : null, campaignId: a.campaignId, hasReceipt: !!a.receiptKind,
    })),
    total, totalFen: Number(totalFen), page: p.page, pageSize: p.pageSize,
  };
}

// ---------------------------------------------------------------------------------------------
// Budgets

const presentBudget = (b: typeof aidBudget.$inferSelect & { orgName: string }) => ({
  id: b.id, orgId: b.orgId, orgName: b.orgName, year: b.year, line: b.line, allocatedFen: Number(b.allocatedFen), spentFen: Number(b.spentFen),
  remainingFen: Number(b.allocatedFen) - Number(b.spentFen), note: b.note, version: b.version,
});

/** One page of budgets, the upper unions' first (by the tree), with the totals over every matching budget. */
export async function listBudgets(c: Ctx, p: BudgetListParams) {
  const where = budgets.where(c, p);
  const rows = await c.db.select({ b: aidBudget, orgName: org.name }).from(aidBudget).innerJoin(org, eq(org.id, aidBudget.orgId))
    .where(where).orderBy(desc(aidBudget.year), asc(org.path), asc(aidBudget.line), asc(aidBudget.id)).limit(p.pageSize).offset((p.page - 1) * p.pageSize);
  const [t] = (await c.db.select({
    total: sql<number>`count(*)::int`, allocated: sql<string>`coalesce(sum(${aidBudget.allocatedFen}), 0)::text`, spent: sql<string>`coalesce(sum(${aidBudget.spentFen}), 0)::text`,
  }).from(aidBudget).where(where)) as [{ total: number; allocated: string; spent: string }];
  return {
    items: rows.map((r) => presentBudget({ ...r.b, orgName: r.orgName })),
    total: t.total, page: p.page, pageSize: p.pageSize,
    totals: { allocatedFen: Number(t.allocated), spentFen: Number(t.spent), remainingFen: Number(t.allocated) - Number(t.spent) },
  };
}

export async function createBudget(c: Ctx, input: BudgetInput) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, input.orgId);
    const [dup] = await tx.select({ id: aidBudget.id }).from(aidBudget).where(and(eq(aidBudget.orgId, input.orgId), eq(aidBudget.year, input.year), eq(aidBudget.line, input.line)));
    if (dup) throw errors.conflict('该工会该年度已有同名预算科目，请修改原预算', 'This union already has that budget line for the year');
    const b = await budgets.create(c, tx, { id: uuidv7(), ...input }, { action: 'hardship.budget_create', changes: input });
    return presentBudget({ ...b, orgName: o.name });
  });
}

/** Change the allocation (optimistic lock); it may not fall below what is already spent. */
export async function updateBudget(c: Ctx, id: string, input: BudgetUpdate) {
  return c.db.transaction(async (tx) => {
    const before = await budgets.get(c, id, { exec: tx, lock: true });
    if (before.version !== input.version) throw errors.versionConflict();
    if (input.allocatedFen < Number(before.spentFen)) throw errors.invalid(`预算不能低于已支出的 ${formatYuan(Number(before.spentFen))} 元`, 'The allocation cannot fall below what is already spent');
    const { after } = await budgets.update(c, tx, id, input.version, { allocatedFen: input.allocatedFen, note: input.note }, {
      action: 'hardship.budget_update', changes: { allocatedFen: { from: Number(before.allocatedFen), to: input.allocatedFen } },
    });
    const [o] = await tx.select({ name: org.name }).from(org).where(eq(org.id, after.orgId));
    return presentBudget({ ...after, orgName: o!.name });
  });
}
