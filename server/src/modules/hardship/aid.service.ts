import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { aidBudget, aidRecord } from './aid.schema.js';
import { hardshipFile } from './hardship.schema.js';
import { org } from '../org/org.schema.js';
import { requireFileInScope } from './file.record.js';
import { actorOf, auditOf } from './hardship.shared.js';
import { decodeUpload } from './attachment.service.js';
import { loadRules } from './rules.service.js';
import { checkCaps, normaliseCauseKey, type AidLike } from '../../../../common/src/hardship-caps.js';
import { formatYuan } from '../../../../common/src/hardship-tier.js';
import type { AidKind } from '../../../../common/src/hardship-vocab.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import { escapeLike, ownedScopeSql, scopeCovers } from '../../platform/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { z } from 'zod';
import type { AidInput, AidListQuery, BudgetBody, BudgetUpdateBody, ReceiptInput } from './aid.contract.js';

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

function receiptColumns(r: z.infer<typeof ReceiptInput> | undefined) {
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

async function requireAidInScope(c: Ctx, exec: Executor, id: string) {
  const [row] = await exec.select({ a: aidRecord, path: org.path }).from(aidRecord).innerJoin(org, eq(org.id, aidRecord.orgId)).where(eq(aidRecord.id, id));
  if (!row || !scopeCovers(c.actor.scope, { id: row.a.orgId, path: row.path })) throw errors.notFound('帮扶记录', 'aid record');
  return row.a;
}

/** Attach the signed receipt afterwards (upload or on-screen signature). */
export async function attachReceipt(c: Ctx, aidId: string, input: z.infer<typeof ReceiptInput>) {
  const cols = receiptColumns(input);
  return c.db.transaction(async (tx) => {
    const a = await requireAidInScope(c, tx, aidId);
    if (a.receiptKind) throw errors.conflict('该笔帮扶已有签收凭证', 'This payment already has a receipt');
    await tx.update(aidRecord).set(cols).where(eq(aidRecord.id, aidId));
    await appendAudit(tx, auditOf(actorOf(c), a.orgId, 'hardship.aid_receipt', a.fileId, { changes: { aidId, receipt: input.kind, mime: cols.receiptMime, size: cols.receiptData?.length } }));
    return { ok: true as const };
  });
}

export async function readReceipt(c: Ctx, aidId: string) {
  const a = await requireAidInScope(c, c.db, aidId);
  if (!a.receiptData || !a.receiptMime) throw errors.notFound('签收凭证', 'receipt');
  await c.db.transaction((tx) => appendAudit(tx, auditOf(actorOf(c), a.orgId, 'hardship.aid_receipt_read', a.fileId, { changes: { aidId } })));
  return { mime: a.receiptMime, data: a.receiptData };
}

export async function listAid(c: Ctx, p: z.infer<typeof AidListQuery>) {
  const w: SQL[] = [ownedScopeSql(c.actor.scope, aidRecord.orgId)];
  if (p.year) w.push(sql`${aidRecord.paidOn} >= ${p.year + '-01-01'} AND ${aidRecord.paidOn} <= ${p.year + '-12-31'}`);
  if (p.kind) w.push(eq(aidRecord.kind, p.kind));
  if (p.campaignId) w.push(eq(aidRecord.campaignId, p.campaignId));
  if (p.fileId) w.push(eq(aidRecord.fileId, p.fileId));
  if (p.under) w.push(sql`${aidRecord.orgId} IN (SELECT o.id FROM org o WHERE o.path LIKE (SELECT u.path || '%' FROM org u WHERE u.id = ${p.under}))`);
  if (p.from) w.push(sql`${aidRecord.paidOn} >= ${p.from}`);
  if (p.to) w.push(sql`${aidRecord.paidOn} <= ${p.to}`);
  if (p.budgetId) w.push(eq(aidRecord.budgetId, p.budgetId));
  if (p.q) w.push(sql`${aidRecord.fileId} IN (SELECT ${hardshipFile.id} FROM ${hardshipFile} WHERE ${hardshipFile.name} LIKE ${'%' + escapeLike(p.q) + '%'} OR ${hardshipFile.fileNo} = ${p.q.toUpperCase()})`);
  const where = and(...w)!;
  const rows = await c.db
    .select({ a: aidRecord, fileNo: hardshipFile.fileNo, name: hardshipFile.name, orgName: org.name, budgetLine: aidBudget.line })
    .from(aidRecord).innerJoin(hardshipFile, eq(hardshipFile.id, aidRecord.fileId)).innerJoin(org, eq(org.id, aidRecord.orgId))
    .leftJoin(aidBudget, eq(aidBudget.id, aidRecord.budgetId))
    .where(where).orderBy(desc(aidRecord.paidOn), desc(aidRecord.id)).limit(p.pageSize).offset((p.page - 1) * p.pageSize);
  const [{ total, totalFen }] = (await c.db.select({ total: sql<number>`count(*)::int`, totalFen: sql<string>`coalesce(sum(${aidRecord.amountFen}), 0)::text` })
    .from(aidRecord).where(where)) as [{ total: number; totalFen: string }];
  return {
    items: rows.map(({ a, fileNo, name, orgName, budgetLine }) => ({
      id: a.id, fileId: a.fileId, fileNo, name, orgId: a.orgId, orgName, kind: a.kind, amountFen: Number(a.amountFen), paidOn: a.paidOn, payer: a.payer,
      recipientName: a.recipientName, causeKey: a.causeKey, budgetId: a.budgetId, budgetLine, campaignId: a.campaignId, hasReceipt: !!a.receiptKind,
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

export async function listBudgets(c: Ctx, year?: number, forOrgId?: string) {
  // forOrgId: the budgets a household of that union may be paid from (lockBudget's rule): its own fund or one above it.
  const chargeable = forOrgId ? sql`(SELECT u.path FROM org u WHERE u.id = ${forOrgId}) LIKE ${org.path} || '%'` : undefined;
  const rows = await c.db.select({ b: aidBudget, orgName: org.name }).from(aidBudget).innerJoin(org, eq(org.id, aidBudget.orgId))
    .where(and(ownedScopeSql(c.actor.scope, aidBudget.orgId), year ? eq(aidBudget.year, year) : undefined, chargeable)).orderBy(desc(aidBudget.year), org.path, aidBudget.line);
  return rows.map((r) => presentBudget({ ...r.b, orgName: r.orgName }));
}

export async function createBudget(c: Ctx, input: z.infer<typeof BudgetBody>) {
  return c.db.transaction(async (tx) => {
    const [o] = await tx.select({ id: org.id, path: org.path, name: org.name }).from(org).where(eq(org.id, input.orgId));
    if (!o || !scopeCovers(c.actor.scope, o)) throw errors.notFound('工会组织', 'organisation');
    const [dup] = await tx.select({ id: aidBudget.id }).from(aidBudget).where(and(eq(aidBudget.orgId, input.orgId), eq(aidBudget.year, input.year), eq(aidBudget.line, input.line)));
    if (dup) throw errors.conflict('该工会该年度已有同名预算科目，请修改原预算', 'This union already has that budget line for the year');
    const id = uuidv7();
    const [b] = await tx.insert(aidBudget).values({ id, ...input }).returning();
    await appendAudit(tx, { ...auditOf(actorOf(c), input.orgId, 'hardship.budget_create', id, { entity: 'aid_budget', changes: input }) });
    return presentBudget({ ...b!, orgName: o.name });
  });
}

export async function updateBudget(c: Ctx, id: string, input: z.infer<typeof BudgetUpdateBody>) {
  return c.db.transaction(async (tx) => {
    const [row] = await tx.select({ b: aidBudget, path: org.path, name: org.name }).from(aidBudget).innerJoin(org, eq(org.id, aidBudget.orgId)).where(eq(aidBudget.id, id)).for('update', { of: aidBudget });
    if (!row || !scopeCovers(c.actor.scope, { id: row.b.orgId, path: row.path })) throw errors.notFound('资金预算', 'budget');
    if (row.b.version !== input.version) throw errors.versionConflict();
    if (input.allocatedFen < Number(row.b.spentFen)) throw errors.invalid(`预算不能低于已支出的 ${formatYuan(Number(row.b.spentFen))} 元`, 'The allocation cannot fall below what is already spent');
    const [b] = await tx.update(aidBudget).set({ allocatedFen: input.allocatedFen, note: input.note, version: input.version + 1, updatedAt: new Date() }).where(eq(aidBudget.id, id)).returning();
    await appendAudit(tx, auditOf(actorOf(c), row.b.orgId, 'hardship.budget_update', id, { entity: 'aid_budget', changes: { allocatedFen: { from: Number(row.b.allocatedFen), to: input.allocatedFen } } }));
    return presentBudget({ ...b!, orgName: row.name });
  });
}
