import { desc, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { proposal } from './training.schema.js';
import { org } from '../org/org.schema.js';
import { member } from '../member/member.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { requireMemberInScope } from '../member/member.service.js';
import { resource } from '../../platform/resource.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { escapeLike, ownedScopeSql, underOrgSql } from '../../platform/scope.js';
import { step } from '../../platform/workflow.js';
import { allowedActions } from '../../../../common/src/workflow.js';
import { PROPOSAL_FLOW } from '../../../../common/src/proposal-workflow.js';
import { todayInChina } from '../../../../common/src/dates.js';
import type { Ctx, Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { z } from 'zod';
import type {
  PortalProposalBody,
  ProposalImplementBody,
  ProposalInput,
  ProposalListParams,
  ProposalStepBody,
} from '../../../../common/src/contracts/proposal.js';

type Row = typeof proposal.$inferSelect;

export const proposals = resource<typeof proposal, ProposalListParams>({
  table: proposal,
  entity: 'proposal',
  noun: ['合理化建议', 'proposal'],
  orgColumn: proposal.orgId,
  idColumn: proposal.id,
  versionColumn: proposal.version,
  filters: {
    q: (v) =>
      sql`(${proposal.title} ILIKE ${'%' + escapeLike(v) + '%'} OR ${proposal.proposerName} ILIKE ${'%' + escapeLike(v) + '%'} OR ${proposal.proposalNo} = ${v})`,
    kind: (v) => eq(proposal.kind, v),
    status: (v) => eq(proposal.status, v),
    under: (v) => underOrgSql(proposal.orgId, v),
  },
  sorts: { submittedOn: proposal.submittedOn, valueFen: proposal.valueFen },
  countCap: 1000,
});

const W = { table: proposal, id: proposal.id, status: proposal.status, version: proposal.version };

async function orgName(exec: Executor, id: string) {
  const [o] = await exec.select({ name: org.name }).from(org).where(eq(org.id, id));
  return o?.name ?? '';
}

const present = (r: Row, orgNameOf: string) => ({
  id: r.id,
  proposalNo: r.proposalNo,
  orgId: r.orgId,
  orgName: orgNameOf,
  proposerName: r.proposerName,
  memberId: r.memberId,
  viaPortal: !!r.workerAccountId,
  kind: r.kind,
  title: r.title,
  status: r.status,
  submittedOn: r.submittedOn,
  valueFen: Number(r.valueFen),
  rewardFen: Number(r.rewardFen),
  version: r.version,
});
const detail = (c: Ctx, r: Row, name: string) => ({
  ...present(r, name),
  content: r.content,
  expected: r.expected,
  opinion: r.opinion,
  implementedOn: r.implementedOn,
  actions: allowedActions(PROPOSAL_FLOW, r.status, c.actor.permissions),
});

/** JY + the year + 8 hex digits of the record's random bits. */
export const proposalNumber = (on: string, id: string) => `JY${on.slice(0, 4)}${id.replace(/-/g, '').slice(-8).toUpperCase()}`;

export async function listProposals(c: Ctx, q: ProposalListParams) {
  const page = await proposals.list(c, q);
  const ids = [...new Set(page.items.map((r) => r.orgId))];
  const names = new Map((ids.length ? await c.db.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, ids)) : []).map((o) => [o.id, o.name]));
  return { ...page, items: page.items.map((r) => present(r, names.get(r.orgId) ?? '')) };
}

export async function getProposal(c: Ctx, id: string) {
  const r = await proposals.get(c, id);
  return detail(c, r, await orgName(c.db, r.orgId));
}

export async function createProposal(c: Ctx, body: ProposalInput) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    if (body.memberId) await requireMemberInScope(c, tx, body.memberId);
    const id = uuidv7();
    const today = todayInChina();
    const row = await proposals.create(c, tx, { id, proposalNo: proposalNumber(today, id), submittedOn: today, ...body }, { action: 'proposal.create' });
    return detail(c, row, o.name);
  });
}

export async function stepProposal(c: Ctx, id: string, action: 'evaluate' | 'adopt' | 'reject', body: z.infer<typeof ProposalStepBody>) {
  return c.db.transaction(async (tx) => {
    const r = await proposals.get(c, id, { exec: tx, lock: true });
    const after = (await step(c, tx, PROPOSAL_FLOW, W, action, {
      row: { ...r, version: body.version },
      input: body,
      set: body.opinion ? { opinion: body.opinion } : {},
      changes: body.opinion ? { opinion: body.opinion } : {},
    })) as Row;
    return detail(c, after, await orgName(tx, after.orgId));
  });
}

/** The implementation: the value created and the reward (fen), on a day not before the submission. */
export async function implementProposal(c: Ctx, id: string, body: z.infer<typeof ProposalImplementBody>) {
  return c.db.transaction(async (tx) => {
    const r = await proposals.get(c, id, { exec: tx, lock: true });
    if (body.implementedOn < r.submittedOn || body.implementedOn > todayInChina())
      throw new AppError(400, 'VALIDATION_FAILED', '实施日期应在提交日期和今天之间', 'The implementation date must lie between the submission and today', {
        fields: [{ path: 'body.implementedOn', message: '实施日期应在提交日期和今天之间', messageEn: 'between the submission and today' }],
      });
    const set = { valueFen: body.valueFen, rewardFen: body.rewardFen, implementedOn: body.implementedOn, ...(body.opinion ? { opinion: body.opinion } : {}) };
    const after = (await step(c, tx, PROPOSAL_FLOW, W, 'implement', { row: { ...r, version: body.version }, input: body, set, changes: set })) as Row;
    return detail(c, after, await orgName(tx, after.orgId));
  });
}

/** Figures in scope and by unit (the proposal's union): count, adopted, implemented, value created and rewards. */
export async function proposalFigures(c: Ctx) {
  const mine = ownedScopeSql(c.actor.scope, proposal.orgId);
  const [byStatus, byUnit] = await Promise.all([
    c.db
      .select({
        key: proposal.status,
        n: sql<number>`count(*)::int`,
        value: sql<number>`coalesce(sum(${proposal.valueFen}), 0)::bigint`,
        reward: sql<number>`coalesce(sum(${proposal.rewardFen}), 0)::bigint`,
      })
      .from(proposal)
      .where(mine)
      .groupBy(proposal.status),
    c.db
      .select({
        id: proposal.orgId,
        name: org.name,
        total: sql<number>`count(*)::int`,
        adopted: sql<number>`count(*) FILTER (WHERE ${proposal.status} IN ('adopted', 'implemented'))::int`,
        implemented: sql<number>`count(*) FILTER (WHERE ${proposal.status} = 'implemented')::int`,
        valueFen: sql<number>`coalesce(sum(${proposal.valueFen}), 0)::bigint`,
        rewardFen: sql<number>`coalesce(sum(${proposal.rewardFen}), 0)::bigint`,
      })
      .from(proposal)
      .innerJoin(org, eq(org.id, proposal.orgId))
      .where(mine)
      .groupBy(proposal.orgId, org.name)
      .orderBy(desc(sql`sum(${proposal.valueFen})`), org.name)
      .limit(50),
  ]);
  return {
    total: byStatus.reduce((n, x) => n + x.n, 0),
    byStatus: byStatus.map((x) => ({ key: x.key, n: x.n })),
    valueFen: byStatus.reduce((n, x) => n + Number(x.value), 0),
    rewardFen: byStatus.reduce((n, x) => n + Number(x.reward), 0),
    byUnit: byUnit.map((u) => ({ ...u, valueFen: Number(u.valueFen), rewardFen: Number(u.rewardFen) })),
  };
}

// ── The worker portal ─────────────────────────────────────────────────────────────────────────

const mine = (r: Row) => ({
  proposalNo: r.proposalNo,
  kind: r.kind,
  title: r.title,
  status: r.status,
  submittedOn: r.submittedOn,
  rewardFen: Number(r.rewardFen),
});

/** A linked worker submits to their own union (the member record's); an unlinked account is refused. */
export async function submitMine(
  s: Services,
  account: { id: string; memberId: string | null; mobileMasked: string },
  body: z.infer<typeof PortalProposalBody>,
  ip: string,
) {
  if (!account.memberId) throw new AppError(409, 'NOT_LINKED', '请先关联会员档案，再提交合理化建议', 'Link your member record before submitting a proposal');
  return s.db.transaction(async (tx) => {
    const [m] = await tx.select({ id: member.id, name: member.name, orgId: member.orgId }).from(member).where(eq(member.id, account.memberId!));
    if (!m) throw new AppError(409, 'NOT_LINKED', '请先关联会员档案，再提交合理化建议', 'Link your member record before submitting a proposal');
    const id = uuidv7();
    const today = todayInChina();
    const [row] = await tx
      .insert(proposal)
      .values({
        id,
        proposalNo: proposalNumber(today, id),
        orgId: m.orgId,
        proposerName: m.name,
        memberId: m.id,
        workerAccountId: account.id,
        submittedOn: today,
        ...body,
      })
      .returning();
    await appendAudit(tx, {
      actorName: 'worker:' + account.mobileMasked,
      ip,
      orgId: m.orgId,
      action: 'proposal.submit',
      entity: 'proposal',
      entityId: id,
      changes: { kind: body.kind, title: body.title },
    });
    return mine(row!);
  });
}

export async function myProposals(s: Services, accountId: string, memberId: string | null) {
  const rows = await s.db
    .select()
    .from(proposal)
    .where(memberId ? sql`(${proposal.workerAccountId} = ${accountId} OR ${proposal.memberId} = ${memberId})` : eq(proposal.workerAccountId, accountId))
    .orderBy(desc(proposal.submittedOn))
    .limit(100);
  return rows.map(mine);
}
