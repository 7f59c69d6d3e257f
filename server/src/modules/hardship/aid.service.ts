import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { aidBudget, aidRecord } from './aid.schema.js';
import { hardshipFile, hardshipHouseholdMember } from './hardship.schema.js';
import { hardshipWarning } from './warning.schema.js';
import { org } from '../org/org.schema.js';
import { requireFileInScope } from './file.record.js';
import { aidRecords, budgets } from './aid.repo.js';
import { actorOf, auditOf } from './hardship.shared.js';
import { decodeUpload } from './attachment.service.js';
import { loadRules } from './rules.service.js';
import { checkCaps, normaliseCauseKey, type AidLike } from '../../../../common/src/hardship-caps.js';
import { formatYuan } from '../../../../common/src/hardship-tier.js';
import {
  AID_METHOD_LABELS,
  PROOF_KIND_LABELS,
  type AidKind,
  type AidMethod,
  type ProofKind,
  type RecipientKind,
} from '../../../../common/src/hardship-vocab.js';
import { AID_PROOF_RULE, proofsFor, proofStatus, type AidProofRule } from '../../../../common/src/hardship-proof.js';
import { ruleOn } from '../../platform/rules.js';
import { daysBetween, todayInChina } from '../../../../common/src/dates.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import { scopeCovers } from '../../platform/scope.js';
import { requireOrgInScope } from '../org/org.service.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type {
  AidInput,
  AidListParams,
  BudgetInput,
  BudgetListParams,
  BudgetUpdate,
  ProofLaterInput,
  ReceiptInput,
} from '../../../../common/src/contracts/hardship-aid.js';

/**
 * Aid records (帮扶/救助) against budgets. Before saving: the caps in force (common/src/hardship-caps.ts)
 * and the budget's remaining amount, read under a row lock (SELECT … FOR UPDATE) in the same
 * transaction that adds to `spent_fen`, so concurrent payments cannot overspend.
 */

export function capError(v: ReturnType<typeof checkCaps>) {
  return new AppError(409, 'AID_CAP_EXCEEDED', v.map((x) => x.message).join('；'), v.map((x) => x.messageEn).join('; '), { violations: v });
}

export function budgetError(remaining: number, amount: number) {
  return new AppError(
    409,
    'BUDGET_EXCEEDED',
    `预算余额不足：剩余 ${formatYuan(remaining)} 元，本次需 ${formatYuan(amount)} 元`,
    `Not enough budget left: ${formatYuan(remaining)} yuan remaining, ${formatYuan(amount)} needed`,
    { remainingFen: remaining, amountFen: amount },
  );
}

/** Lock a budget the caller may charge for a union at `chargedOrgPath`: in scope, and that union's own fund or one above it. */
export async function lockBudget(c: Ctx, exec: Executor, budgetId: string, chargedOrgPaths: string[], year: number) {
  const [row] = await exec
    .select({ b: aidBudget, path: org.path, name: org.name })
    .from(aidBudget)
    .innerJoin(org, eq(org.id, aidBudget.orgId))
    .where(eq(aidBudget.id, budgetId))
    .for('update', { of: aidBudget });
  if (!row || !scopeCovers(c.actor.scope, { id: row.b.orgId, path: row.path })) throw errors.notFound('资金预算', 'budget');
  if (!chargedOrgPaths.every((p) => p.startsWith(row.path)))
    throw errors.invalid('只能使用本工会或上级工会的帮扶资金', 'The budget must belong to the household’s union or a union above it');
  if (row.b.year !== year) throw errors.invalid(`发放日期不在预算年度 ${row.b.year} 内`, `The payment date is outside budget year ${row.b.year}`);
  return { ...row.b, allocatedFen: Number(row.b.allocatedFen), spentFen: Number(row.b.spentFen), orgName: row.name };
}

export async function aidHistory(exec: Executor, fileId: string, year: string): Promise<AidLike[]> {
  const rows = await exec
    .select({ kind: aidRecord.kind, amountFen: aidRecord.amountFen, paidOn: aidRecord.paidOn, causeKey: aidRecord.causeKey })
    .from(aidRecord)
    .where(and(eq(aidRecord.fileId, fileId), sql`${aidRecord.paidOn} >= ${year + '-01-01'} AND ${aidRecord.paidOn} <= ${year + '-12-31'}`));
  return rows.map((r) => ({ kind: r.kind as AidKind, amountFen: Number(r.amountFen), paidOn: r.paidOn, causeKey: r.causeKey }));
}

function receiptColumns(r: ReceiptInput | undefined) {
  if (!r) return { receiptKind: null, receiptMime: null, receiptData: null, receiptAt: null };
  const { bytes, mime } = decodeUpload(r.data, r.kind === 'signature' ? ['image/png'] : undefined);
  return { receiptKind: r.kind, receiptMime: mime, receiptData: bytes, receiptAt: new Date() };
}

/** The proof rule in force on the payment date (common/src/hardship-proof.ts). */
export const proofRuleOn = (c: Pick<Ctx, 'db'>, paidOn: string, exec?: Executor) => ruleOn(c, AID_PROOF_RULE, paidOn, exec);

/** A proof the way of paying does not accept: refused, naming what it needs and the rule's source. */
function checkProofKind(rule: AidProofRule, method: AidMethod, kind: ProofKind | undefined) {
  if (!kind || proofsFor(rule, method).includes(kind)) return;
  const want = proofsFor(rule, method)
    .filter((k) => k !== 'upload')
    .map((k) => PROOF_KIND_LABELS[k].zh)
    .join('或');
  throw new AppError(
    400,
    'PROOF_KIND_MISMATCH',
    `${AID_METHOD_LABELS[method].zh}发放须以${want}为凭，不能以“${PROOF_KIND_LABELS[kind].zh}”代替`,
    `${AID_METHOD_LABELS[method].en} needs: ${proofsFor(rule, method).join(', ')}`,
    {
      fields: [{ path: 'body.receipt.kind', message: `须为${want}`, messageEn: `must be one of ${proofsFor(rule, method).join(', ')}` }],
    },
  );
}

type RecipientIn = {
  recipientKind?: RecipientKind;
  recipientMemberId?: string | null;
  proxyName?: string | null;
  proxyRelation?: string | null;
  proxyReason?: string | null;
};

/**
 * Who received it, checked against the file: the worker (head of the household), a member listed on
 * the file, or a proxy with the relation and the reason (代领).
 */
async function recipientColumns(exec: Executor, f: { id: string; name: string }, r: RecipientIn) {
  if (r.recipientKind === 'member') {
    const [m] = await exec
      .select({ id: hardshipHouseholdMember.id, name: hardshipHouseholdMember.name, relationship: hardshipHouseholdMember.relationship })
      .from(hardshipHouseholdMember)
      .where(and(eq(hardshipHouseholdMember.id, r.recipientMemberId!), eq(hardshipHouseholdMember.fileId, f.id)));
    if (!m) {
      throw new AppError(
        400,
        'RECIPIENT_NOT_IN_HOUSEHOLD',
        '领取人须为户主本人或本档案登记的家庭成员；其他人领取请选择“代领”并注明关系和原因',
        'The recipient must be the head or a household member on the file; anyone else is a proxy',
        {
          fields: [{ path: 'body.recipientMemberId', message: '不是本档案登记的家庭成员', messageEn: 'not a household member on this file' }],
        },
      );
    }
    return { recipientKind: 'member', recipientMemberId: m.id, recipientName: m.name, recipientRelation: m.relationship, proxyReason: null };
  }
  if (r.recipientKind === 'proxy')
    return { recipientKind: 'proxy', recipientMemberId: null, recipientName: r.proxyName!, recipientRelation: r.proxyRelation!, proxyReason: r.proxyReason! };
  return { recipientKind: 'head', recipientMemberId: null, recipientName: f.name, recipientRelation: 'self', proxyReason: null };
}

/** Record one payment for a household: caps, then budget, then insert and charge, in one transaction. */
export async function recordAid(c: Ctx, fileId: string, input: AidInput) {
  const today = todayInChina();
  if (input.paidOn > today) throw errors.invalid('发放日期不能晚于今天', 'The payment date is in the future');
  const proofRule = await proofRuleOn(c, input.paidOn);
  checkProofKind(proofRule, input.method, input.receipt?.kind);
  const receipt = receiptColumns(input.receipt);
  const proof = proofStatus(proofRule, input.method, receipt.receiptKind);
  return c.db.transaction(async (tx) => {
    const f = await requireFileInScope(c, tx, fileId, { lock: true });
    if (!['filed', 'exited'].includes(f.status))
      throw new AppError(
        409,
        'HARDSHIP_WRONG_STATUS',
        '只有已建档（或脱困监测期内）的家庭可以登记帮扶',
        'Only filed (or monitored) households can receive aid',
      );
    const recipient = await recipientColumns(tx, f, input);
    const rules = await loadRules(tx);
    const proposed: AidLike = { kind: input.kind, amountFen: input.amountFen, paidOn: input.paidOn, causeKey: normaliseCauseKey(input.causeKey) };
    const violations = checkCaps(rules.caps, proposed, await aidHistory(tx, fileId, input.paidOn.slice(0, 4)));
    if (violations.length) throw capError(violations);
    const budget = await lockBudget(c, tx, input.budgetId, [f.orgPath], Number(input.paidOn.slice(0, 4)));
    const remaining = budget.allocatedFen - budget.spentFen;
    if (input.amountFen > remaining) throw budgetError(remaining, input.amountFen);
    const id = uuidv7();
    await tx.insert(aidRecord).values({
      id,
      fileId,
      orgId: f.orgId,
      kind: input.kind,
      method: input.method,
      amountFen: input.amountFen,
      paidOn: input.paidOn,
      budgetId: budget.id,
      payerOrgId: budget.orgId,
      payer: input.payer ?? `${c.actor.displayName}（${budget.line}）`,
      ...recipient,
      causeKey: proposed.causeKey,
      note: input.note,
      ...receipt,
      proofStatus: proof,
      createdBy: c.actor.userId,
    });
    await tx
      .update(aidBudget)
      .set({ spentFen: sql`${aidBudget.spentFen} + ${input.amountFen}`, updatedAt: new Date() })
      .where(eq(aidBudget.id, budget.id));
    await appendAudit(
      tx,
      auditOf(actorOf(c), f.orgId, 'hardship.aid', fileId, {
        changes: {
          aidId: id,
          kind: input.kind,
          method: input.method,
          amountFen: input.amountFen,
          paidOn: input.paidOn,
          budgetId: budget.id,
          recipientKind: recipient.recipientKind,
          recipientName: recipient.recipientName,
          recipientRelation: recipient.recipientRelation,
          proxyReason: recipient.proxyReason,
          receipt: receipt.receiptKind,
          proofStatus: proof,
        },
      }),
    );
    return { id, budgetRemainingFen: remaining - input.amountFen, hasReceipt: !!receipt.receiptKind, proofStatus: proof };
  });
}

/**
 * 补签领: add the missing proof afterwards (a signature, a photo of the signed receipt or roster, the
 * bank record), optionally naming who signed when it was not the recipient on record (a proxy, say).
 * Audited; an open 待补签领 warning of the payment is closed with it.
 */
export async function attachReceipt(c: Ctx, aidId: string, input: ProofLaterInput) {
  const cols = receiptColumns(input);
  return c.db.transaction(async (tx) => {
    const a = await aidRecords.get(c, aidId, { exec: tx, lock: true });
    if (a.proofStatus === 'complete') throw errors.conflict('该笔帮扶的签领凭证已齐全', 'This payment already has its proof');
    const rule = await proofRuleOn(c, a.paidOn, tx);
    checkProofKind(rule, a.method as AidMethod, input.kind);
    const [f] = await tx.select({ id: hardshipFile.id, name: hardshipFile.name }).from(hardshipFile).where(eq(hardshipFile.id, a.fileId));
    const recipient = input.recipientKind ? await recipientColumns(tx, f!, input) : null;
    const proof = proofStatus(rule, a.method as AidMethod, input.kind);
    await tx
      .update(aidRecord)
      .set({ ...cols, ...(recipient ?? {}), proofStatus: proof })
      .where(eq(aidRecord.id, aidId));
    await tx
      .update(hardshipWarning)
      .set({ status: 'closed', actionTaken: `已补交签领凭证（${PROOF_KIND_LABELS[input.kind].zh}）`, closedBy: c.actor.userId, closedAt: new Date() })
      .where(and(eq(hardshipWarning.dedupKey, `proof_missing:${aidId}`), eq(hardshipWarning.status, 'open')));
    await appendAudit(
      tx,
      auditOf(actorOf(c), a.orgId, 'hardship.aid_receipt', a.fileId, {
        changes: {
          aidId,
          receipt: input.kind,
          mime: cols.receiptMime,
          size: cols.receiptData?.length,
          proofStatus: { from: a.proofStatus, to: proof },
          ...(recipient ? { recipient } : {}),
        },
      }),
    );
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
  const today = todayInChina();
  const where = aidRecords.where(c, p);
  const rows = await c.db
    .select({
      a: aidRecord,
      fileNo: hardshipFile.fileNo,
      name: hardshipFile.name,
      orgName: org.name,
      budgetLine: aidBudget.line,
      budgetOrg: sql<{
        id: string;
        name: string;
        path: string;
      } | null>`(SELECT json_build_object('id', bo.id, 'name', bo.name, 'path', bo.path) FROM org bo WHERE bo.id = ${aidBudget.orgId})`,
    })
    .from(aidRecord)
    .innerJoin(hardshipFile, eq(hardshipFile.id, aidRecord.fileId))
    .innerJoin(org, eq(org.id, aidRecord.orgId))
    .leftJoin(aidBudget, eq(aidBudget.id, aidRecord.budgetId))
    .where(where)
    .orderBy(desc(aidRecord.paidOn), desc(aidRecord.id))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
  const [{ total, totalFen }] = (await c.db
    .select({ total: sql<number>`count(*)::int`, totalFen: sql<string>`coalesce(sum(${aidRecord.amountFen}), 0)::text` })
    .from(aidRecord)
    .where(where)) as [{ total: number; totalFen: string }];
  return {
    // A budget of a union above the caller's scope (the household's district, say) is named by its line only, as its union is not the caller's to see.
    items: rows.map(({ a, fileNo, name, orgName, budgetLine, budgetOrg }) => ({
      id: a.id,
      fileId: a.fileId,
      fileNo,
      name,
      orgId: a.orgId,
      orgName,
      kind: a.kind,
      amountFen: Number(a.amountFen),
      paidOn: a.paidOn,
      payer: a.payer,
      recipientName: a.recipientName,
      causeKey: a.causeKey,
      budgetId: a.budgetId,
      budgetLine,
      budgetOrgName: budgetOrg && scopeCovers(c.actor.scope, budgetOrg) ? budgetOrg.name : null,
      campaignId: a.campaignId,
      hasReceipt: !!a.receiptKind,
      method: a.method,
      recipientKind: a.recipientKind,
      recipientRelation: a.recipientRelation,
      proxyReason: a.proxyReason,
      receiptKind: a.receiptKind,
      proofStatus: a.proofStatus,
      proofPendingDays: a.proofStatus === 'pending' ? daysBetween(a.paidOn, today) : null,
    })),
    total,
    totalFen: Number(totalFen),
    page: p.page,
    pageSize: p.pageSize,
  };
}

// ---------------------------------------------------------------------------------------------
// Budgets

const presentBudget = (b: typeof aidBudget.$inferSelect & { orgName: string }) => ({
  id: b.id,
  orgId: b.orgId,
  orgName: b.orgName,
  year: b.year,
  line: b.line,
  allocatedFen: Number(b.allocatedFen),
  spentFen: Number(b.spentFen),
  remainingFen: Number(b.allocatedFen) - Number(b.spentFen),
  note: b.note,
  version: b.version,
});

/** One page of budgets, the upper unions' first (by the tree), with the totals over every matching budget. */
export async function listBudgets(c: Ctx, p: BudgetListParams) {
  const where = budgets.where(c, p);
  const rows = await c.db
    .select({ b: aidBudget, orgName: org.name })
    .from(aidBudget)
    .innerJoin(org, eq(org.id, aidBudget.orgId))
    .where(where)
    .orderBy(desc(aidBudget.year), asc(org.path), asc(aidBudget.line), asc(aidBudget.id))
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
  const [t] = (await c.db
    .select({
      total: sql<number>`count(*)::int`,
      allocated: sql<string>`coalesce(sum(${aidBudget.allocatedFen}), 0)::text`,
      spent: sql<string>`coalesce(sum(${aidBudget.spentFen}), 0)::text`,
    })
    .from(aidBudget)
    .where(where)) as [{ total: number; allocated: string; spent: string }];
  return {
    items: rows.map((r) => presentBudget({ ...r.b, orgName: r.orgName })),
    total: t.total,
    page: p.page,
    pageSize: p.pageSize,
    totals: { allocatedFen: Number(t.allocated), spentFen: Number(t.spent), remainingFen: Number(t.allocated) - Number(t.spent) },
  };
}

export async function createBudget(c: Ctx, input: BudgetInput) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, input.orgId);
    const [dup] = await tx
      .select({ id: aidBudget.id })
      .from(aidBudget)
      .where(and(eq(aidBudget.orgId, input.orgId), eq(aidBudget.year, input.year), eq(aidBudget.line, input.line)));
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
    if (input.allocatedFen < Number(before.spentFen))
      throw errors.invalid(`预算不能低于已支出的 ${formatYuan(Number(before.spentFen))} 元`, 'The allocation cannot fall below what is already spent');
    const { after } = await budgets.update(
      c,
      tx,
      id,
      input.version,
      { allocatedFen: input.allocatedFen, note: input.note },
      {
        action: 'hardship.budget_update',
        changes: { allocatedFen: { from: Number(before.allocatedFen), to: input.allocatedFen } },
      },
    );
    const [o] = await tx.select({ name: org.name }).from(org).where(eq(org.id, after.orgId));
    return presentBudget({ ...after, orgName: o!.name });
  });
}
