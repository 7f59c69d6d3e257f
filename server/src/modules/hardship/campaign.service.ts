import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { aidBudget, aidCampaign, aidRecord } from './aid.schema.js';
import { hardshipFile } from './hardship.schema.js';
import { org } from '../org/org.schema.js';
import { actorOf, auditOf } from './hardship.shared.js';
import { budgetError, lockBudget } from './aid.service.js';
import { loadRules } from './rules.service.js';
import { checkCaps, normaliseCauseKey, type AidLike } from '../../../../common/src/hardship-caps.js';
import type { AidKind } from '../../../../common/src/hardship-vocab.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { appendAudit } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import { escapeLike, ownedScopeSql, scopeCovers } from '../../platform/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import { campaigns } from './aid.repo.js';
import type { CampaignInput, CampaignListParams } from '../../../../common/src/contracts/hardship-aid.js';

/**
 * Campaigns (e.g. Spring Festival 送温暖): select households by tier, cause and area inside the
 * caller's scope and under the budget's union, check each against the caps (those that would break
 * one are skipped and listed), check the total against the budget under its row lock, and create
 * every aid record in one transaction.
 */

interface Selected {
  id: string;
  fileNo: string;
  name: string;
  orgId: string;
  path: string;
}

async function select(c: Ctx, exec: Executor, input: CampaignInput, budgetPath: string) {
  const k = input.criteria;
  let underPath: string | null = null;
  if (k.underOrgId) {
    const [u] = await exec.select({ id: org.id, path: org.path }).from(org).where(eq(org.id, k.underOrgId));
    if (!u || !scopeCovers(c.actor.scope, u)) throw errors.notFound('工会组织', 'organisation');
    underPath = u.path;
  }
  const rows = await exec
    .select({ id: hardshipFile.id, fileNo: hardshipFile.fileNo, name: hardshipFile.name, orgId: hardshipFile.orgId, path: org.path })
    .from(hardshipFile)
    .innerJoin(org, eq(org.id, hardshipFile.orgId))
    .where(
      and(
        ownedScopeSql(c.actor.scope, hardshipFile.orgId),
        inArray(hardshipFile.status, k.statuses.length ? k.statuses : ['filed']),
        k.tiers.length ? inArray(hardshipFile.tier, k.tiers) : undefined,
        k.causes.length
          ? sql`(${hardshipFile.mainCause} IN (${sql.join(
              k.causes.map((x) => sql`${x}`),
              sql`, `,
            )}) OR ${hardshipFile.otherCauses} && ARRAY[${sql.join(
              k.causes.map((x) => sql`${x}`),
              sql`, `,
            )}]::text[])`
          : undefined,
        sql`${org.path} LIKE ${escapeLike(budgetPath) + '%'}`,
        underPath ? sql`${org.path} LIKE ${escapeLike(underPath) + '%'}` : undefined,
      ),
    )
    .orderBy(asc(org.path), asc(hardshipFile.fileNo));
  return rows as Selected[];
}

/** Split the selection into payable households and skipped ones (with the cap that stops them). */
async function plan(c: Ctx, exec: Executor, input: CampaignInput, budgetPath: string) {
  const files = await select(c, exec, input, budgetPath);
  const rules = await loadRules(exec);
  const year = input.paidOn.slice(0, 4);
  const history = new Map<string, AidLike[]>();
  for (let i = 0; i < files.length; i += 1000) {
    const ids = files.slice(i, i + 1000).map((f) => f.id);
    const rows = await exec
      .select({ fileId: aidRecord.fileId, kind: aidRecord.kind, amountFen: aidRecord.amountFen, paidOn: aidRecord.paidOn, causeKey: aidRecord.causeKey })
      .from(aidRecord)
      .where(and(inArray(aidRecord.fileId, ids), sql`${aidRecord.paidOn} BETWEEN ${year + '-01-01'} AND ${year + '-12-31'}`));
    for (const r of rows) {
      const list = history.get(r.fileId) ?? [];
      list.push({ kind: r.kind as AidKind, amountFen: Number(r.amountFen), paidOn: r.paidOn, causeKey: r.causeKey });
      history.set(r.fileId, list);
    }
  }
  const proposed: AidLike = { kind: input.kind, amountFen: input.amountFen, paidOn: input.paidOn, causeKey: normaliseCauseKey(input.name) };
  const pay: Selected[] = [];
  const skipped: { fileId: string; fileNo: string; reason: string }[] = [];
  for (const f of files) {
    const v = checkCaps(rules.caps, proposed, history.get(f.id) ?? []);
    if (v.length) skipped.push({ fileId: f.id, fileNo: f.fileNo, reason: v.map((x) => x.message).join('；') });
    else pay.push(f);
  }
  return { pay, skipped, totalFen: pay.length * input.amountFen };
}

async function budgetFor(c: Ctx, exec: Executor, input: CampaignInput, lock: boolean) {
  if (input.paidOn > todayInChina()) throw errors.invalid('发放日期不能晚于今天', 'The payment date is in the future');
  if (lock) return lockBudget(c, exec, input.budgetId, [], Number(input.paidOn.slice(0, 4)));
  const [row] = await exec
    .select({ b: aidBudget, path: org.path, name: org.name })
    .from(aidBudget)
    .innerJoin(org, eq(org.id, aidBudget.orgId))
    .where(eq(aidBudget.id, input.budgetId));
  if (!row || !scopeCovers(c.actor.scope, { id: row.b.orgId, path: row.path })) throw errors.notFound('资金预算', 'budget');
  return { ...row.b, allocatedFen: Number(row.b.allocatedFen), spentFen: Number(row.b.spentFen), orgName: row.name };
}

async function pathOf(exec: Executor, orgId: string) {
  const [o] = await exec.select({ path: org.path }).from(org).where(eq(org.id, orgId));
  return o!.path;
}

export async function previewCampaign(c: Ctx, input: CampaignInput) {
  const b = await budgetFor(c, c.db, input, false);
  const p = await plan(c, c.db, input, await pathOf(c.db, b.orgId));
  return { households: p.pay.length, totalFen: p.totalFen, budgetRemainingFen: b.allocatedFen - b.spentFen, skipped: p.skipped };
}

export async function createCampaign(c: Ctx, input: CampaignInput) {
  return c.db.transaction(async (tx) => {
    const b = await budgetFor(c, tx, input, true);
    const p = await plan(c, tx, input, await pathOf(tx, b.orgId));
    if (!p.pay.length) throw errors.invalid('没有符合条件的困难职工家庭', 'No household matches the criteria');
    const remaining = b.allocatedFen - b.spentFen;
    if (p.totalFen > remaining) throw budgetError(remaining, p.totalFen);
    const id = uuidv7();
    await tx.insert(aidCampaign).values({
      id,
      orgId: b.orgId,
      name: input.name,
      kind: input.kind,
      method: input.method,
      amountFen: input.amountFen,
      paidOn: input.paidOn,
      budgetId: b.id,
      criteria: input.criteria,
      households: p.pay.length,
      totalFen: p.totalFen,
      skipped: p.skipped,
      createdBy: c.actor.userId,
    });
    const payer = `${b.orgName}（${input.name}）`;
    for (let i = 0; i < p.pay.length; i += 500) {
      await tx.insert(aidRecord).values(
        p.pay.slice(i, i + 500).map((f) => ({
          id: uuidv7(),
          fileId: f.id,
          orgId: f.orgId,
          kind: input.kind,
          method: input.method,
          amountFen: input.amountFen,
          paidOn: input.paidOn,
          budgetId: b.id,
          payerOrgId: b.orgId,
          // Paid to the head of each household; the proof (the signed roster) follows, so each payment starts 待补签领.
          payer,
          recipientKind: 'head',
          recipientName: f.name,
          recipientRelation: 'self',
          causeKey: normaliseCauseKey(input.name),
          campaignId: id,
          proofStatus: 'pending',
          createdBy: c.actor.userId,
        })),
      );
    }
    await tx
      .update(aidBudget)
      .set({ spentFen: sql`${aidBudget.spentFen} + ${p.totalFen}`, updatedAt: new Date() })
      .where(eq(aidBudget.id, b.id));
    await appendAudit(
      tx,
      auditOf(actorOf(c), b.orgId, 'hardship.campaign', id, {
        entity: 'aid_campaign',
        changes: { name: input.name, households: p.pay.length, totalFen: p.totalFen, skipped: p.skipped.length, criteria: input.criteria },
      }),
    );
    return { id, households: p.pay.length, totalFen: p.totalFen, budgetRemainingFen: remaining - p.totalFen, skipped: p.skipped };
  });
}

export async function listCampaigns(c: Ctx, p: CampaignListParams) {
  const page = await campaigns.list(
    c,
    { ...p, sort: 'paidOn', order: 'desc' },
    {
      // The outer table named literally: without joins Drizzle renders its columns bare, which the subqueries would read as their own.
      select: {
        ...getTableColumns(aidCampaign),
        orgName: sql<string>`(SELECT o.name FROM org o WHERE o.id = aid_campaign.org_id)`,
        budgetLine: sql<string | null>`(SELECT b.line FROM aid_budget b WHERE b.id = aid_campaign.budget_id)`,
        pendingProofs: sql<number>`(SELECT count(*)::int FROM aid_record r WHERE r.campaign_id = aid_campaign.id AND r.proof_status = 'pending' AND ${ownedScopeSql(c.actor.scope, sql`r.org_id`)})`,
      },
    },
  );
  const rows = page.items as unknown as (typeof aidCampaign.$inferSelect & { orgName: string; budgetLine: string | null; pendingProofs: number })[];
  return {
    ...page,
    items: rows.map((k) => ({
      id: k.id,
      orgId: k.orgId,
      orgName: k.orgName,
      name: k.name,
      kind: k.kind,
      amountFen: Number(k.amountFen),
      paidOn: k.paidOn,
      budgetId: k.budgetId,
      budgetLine: k.budgetLine,
      households: k.households,
      totalFen: Number(k.totalFen),
      skippedCount: k.skipped.length,
      createdAt: k.createdAt.toISOString(),
      method: k.method,
      pendingProofs: Number(k.pendingProofs),
    })),
  };
}

/** The campaign and its payees for the signature roster; only payees inside the caller's scope are listed. */
export async function campaignRoster(c: Ctx, id: string) {
  const k = await campaigns.get(c, id);
  const [o] = await c.db.select({ name: org.name }).from(org).where(eq(org.id, k.orgId));
  const lines = await c.db
    .select({
      fileNo: hardshipFile.fileNo,
      head: hardshipFile.name,
      name: aidRecord.recipientName,
      idMasked: hardshipFile.idMasked,
      orgName: org.name,
      tier: hardshipFile.tier,
      amountFen: aidRecord.amountFen,
      recipientKind: aidRecord.recipientKind,
      recipientRelation: aidRecord.recipientRelation,
      proxyReason: aidRecord.proxyReason,
      proofStatus: aidRecord.proofStatus,
    })
    .from(aidRecord)
    .innerJoin(hardshipFile, eq(hardshipFile.id, aidRecord.fileId))
    .innerJoin(org, eq(org.id, aidRecord.orgId))
    .where(and(eq(aidRecord.campaignId, id), ownedScopeSql(c.actor.scope, aidRecord.orgId)))
    .orderBy(asc(org.path), asc(hardshipFile.fileNo));
  return { campaign: { ...k, orgName: o!.name }, lines: lines.map((l) => ({ ...l, amountFen: Number(l.amountFen) })) };
}
