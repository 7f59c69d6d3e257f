import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';
import { member, membershipEvent, transfer } from '../member.schema.js';
import { org } from '../../org/org.schema.js';
import { maskPersonName } from '../card.js';
import { AppError, errors } from '../../../platform/errors.js';
import { appendAudit } from '../../../platform/audit.js';
import { ownedScopeSql, scopeCovers, type Scope } from '../../../platform/scope.js';
import { loadTargetUnion } from '../join/join.shared.js';
import { maskOrgName } from '../../../../../common/src/org.js';
import { todayInChina } from '../../../../../common/src/dates.js';
import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../db/client.js';
import { resource } from '../../../platform/resource.js';
import type { TransferListParams } from '../../../../../common/src/contracts/transfer.js';

/**
 * Deciding a transfer: each union confirms its side (an administrator whose scope covers both may
 * confirm both); the second confirmation completes it in one transaction with the events
 * transferred_out and transferred_in, so the history is preserved. Either side may reject; the
 * initiating side may cancel. Outside both sides' scope a transfer looks missing.
 */

type Side = 'from' | 'to';
type TransferRow = typeof transfer.$inferSelect;

const fromOrg = alias(org, 'from_org');
const toOrg = alias(org, 'to_org');
const memberOrg = alias(org, 'member_org');

function sidesOf(scope: Scope, f: { id: string; path: string }, t: { id: string; path: string }): Side[] {
  const s: Side[] = [];
  if (scopeCovers(scope, f)) s.push('from');
  if (scopeCovers(scope, t)) s.push('to');
  return s;
}

function awaitingOf(t: Pick<TransferRow, 'status' | 'fromConfirmedAt' | 'toConfirmedAt'>): Side[] {
  if (t.status !== 'pending') return [];
  const a: Side[] = [];
  if (!t.fromConfirmedAt) a.push('from');
  if (!t.toConfirmedAt) a.push('to');
  return a;
}

function permissionsOf(t: Pick<TransferRow, 'status' | 'initiatedBy' | 'fromConfirmedAt' | 'toConfirmedAt'>, mine: Side[]) {
  const pending = t.status === 'pending';
  const awaiting = awaitingOf(t);
  return {
    confirm: pending && mine.some((s) => awaiting.includes(s)),
    reject: pending && mine.length > 0,
    cancel: pending && (t.initiatedBy === 'from' || t.initiatedBy === 'to') && mine.includes(t.initiatedBy),
  };
}

export async function listTransfers(c: Ctx, p: TransferListParams) {
  const scope = c.actor.scope;
  const out = ownedScopeSql(scope, transfer.fromOrgId);
  const inn = ownedScopeSql(scope, transfer.toOrgId);
  const where: SQL[] = [p.direction === 'in' ? inn : p.direction === 'out' ? out : or(out, inn)!];
  if (p.status && p.status !== 'all') where.push(eq(transfer.status, p.status));
  const cond = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    c.db
      .select({
        t: transfer,
        name: member.name,
        idMasked: member.idMasked,
        memberOrgId: member.orgId,
        memberOrgPath: memberOrg.path,
        fromName: fromOrg.name,
        fromPath: fromOrg.path,
        toName: toOrg.name,
        toPath: toOrg.path,
      })
      .from(transfer)
      .innerJoin(member, eq(member.id, transfer.memberId))
      .innerJoin(memberOrg, eq(memberOrg.id, member.orgId))
      .innerJoin(fromOrg, eq(fromOrg.id, transfer.fromOrgId))
      .innerJoin(toOrg, eq(toOrg.id, transfer.toOrgId))
      .where(cond)
      .orderBy(sql`(${transfer.status} = 'pending') DESC`, desc(transfer.createdAt), desc(transfer.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    c.db
      .select({ total: sql<number>`count(*)::int` })
      .from(transfer)
      .where(cond) as unknown as Promise<[{ total: number }]>,
  ]);
  const items = rows.map((r) => {
    const t = r.t;
    const f = { id: t.fromOrgId, path: r.fromPath };
    const to = { id: t.toOrgId, path: r.toPath };
    const mine = sidesOf(scope, f, to);
    const seesMember = scopeCovers(scope, { id: r.memberOrgId, path: r.memberOrgPath });
    return {
      id: t.id,
      memberId: seesMember ? t.memberId : null,
      memberName: seesMember ? r.name : maskPersonName(r.name),
      idMasked: r.idMasked,
      fromOrgId: mine.includes('from') ? t.fromOrgId : null,
      fromUnionName: mine.includes('from') ? r.fromName : maskOrgName(r.fromName),
      toOrgId: mine.includes('to') ? t.toOrgId : null,
      toUnionName: mine.includes('to') ? r.toName : maskOrgName(r.toName),
      initiatedBy: t.initiatedBy as 'from' | 'to' | 'member',
      status: t.status,
      reason: t.reason,
      closeReason: t.closeReason,
      fromConfirmedAt: t.fromConfirmedAt?.toISOString() ?? null,
      toConfirmedAt: t.toConfirmedAt?.toISOString() ?? null,
      completedOn: t.completedOn,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      awaiting: awaitingOf(t),
      mySides: mine,
      can: permissionsOf(t, mine),
    };
  });
  return { items, total, page: p.page, pageSize: p.pageSize };
}

/**
 * A transfer's history (its audit entries), for a caller whose scope covers either side: read as a
 * scoped resource of the releasing union, else of the receiving one; outside both it looks missing.
 */
const bySide = (orgColumn: PgColumn) =>
  resource<typeof transfer, TransferListParams>({ table: transfer, entity: 'transfer', noun: ['接转', 'transfer'], orgColumn, idColumn: transfer.id });
const fromSide = bySide(transfer.fromOrgId);
const toSide = bySide(transfer.toOrgId);

export async function transferHistory(c: Ctx, id: string) {
  try {
    return await fromSide.history(c, id);
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return toSide.history(c, id);
    throw e;
  }
}

/** Lock a transfer the caller acts on, with the sides their scope covers; neither side in scope → 404. */
async function requireTransferForCaller(c: Ctx, tx: Tx, id: string) {
  const [t] = await tx.select().from(transfer).where(eq(transfer.id, id)).for('update');
  if (!t) throw errors.notFound('接转', 'transfer');
  const orgs = await tx
    .select({ id: org.id, path: org.path })
    .from(org)
    .where(inArray(org.id, [t.fromOrgId, t.toOrgId]));
  const f = orgs.find((o) => o.id === t.fromOrgId);
  const to = orgs.find((o) => o.id === t.toOrgId);
  const mine = f && to ? sidesOf(c.actor.scope, f, to) : [];
  if (!mine.length) throw errors.notFound('接转', 'transfer');
  if (t.status !== 'pending') throw new AppError(409, 'TRANSFER_NOT_PENDING', '该接转已办结、被驳回或已撤回', 'This transfer is no longer pending');
  return { t, mine };
}

/** The org an audit entry of the caller's decision belongs to: the side they act for. */
const sideOrg = (t: TransferRow, mine: Side[]) => (mine.includes('from') ? t.fromOrgId : t.toOrgId);

const auditOf = (c: Ctx) => ({ actorId: c.actor.userId, actorName: c.actor.username, ip: c.ip });

/** Confirm the caller's side(s); the last confirmation completes the transfer. */
export async function confirmTransfer(c: Ctx, id: string) {
  return c.db.transaction(async (tx) => {
    const { t, mine } = await requireTransferForCaller(c, tx, id);
    const now = new Date();
    const set: Partial<TransferRow> = {};
    if (mine.includes('from') && !t.fromConfirmedAt) set.fromConfirmedAt = now;
    if (mine.includes('to') && !t.toConfirmedAt) set.toConfirmedAt = now;
    if (!Object.keys(set).length)
      throw new AppError(409, 'TRANSFER_AWAITING_OTHER', '本方已确认，正在等待对方工会确认', 'Your side has confirmed; waiting for the other union');
    const confirmed = { ...t, ...set };
    await appendAudit(tx, {
      ...auditOf(c),
      orgId: sideOrg(t, mine),
      action: 'transfer.confirm',
      entity: 'transfer',
      entityId: id,
      changes: { sides: Object.keys(set).map((k) => (k === 'fromConfirmedAt' ? 'from' : 'to')) },
    });
    if (!confirmed.fromConfirmedAt || !confirmed.toConfirmedAt) {
      await tx
        .update(transfer)
        .set({ ...set, updatedAt: now })
        .where(eq(transfer.id, id));
      return { id, status: 'pending', awaiting: awaitingOf(confirmed), completedOn: null };
    }
    const completedOn = await complete(c, tx, t, now);
    await tx
      .update(transfer)
      .set({ ...set, status: 'completed', completedOn, updatedAt: now })
      .where(eq(transfer.id, id));
    return { id, status: 'completed', awaiting: [], completedOn };
  });
}

/** Both sides confirmed: the member moves, with a transferred_out and a transferred_in event dated today. */
async function complete(c: Ctx, tx: Tx, t: TransferRow, now: Date): Promise<string> {
  const [m] = await tx.select().from(member).where(eq(member.id, t.memberId)).for('update');
  if (!m || m.orgId !== t.fromOrgId || m.status !== 'transferring') {
    throw new AppError(
      409,
      'TRANSFER_STALE',
      '会员的会籍情况已变化，请驳回此接转后重新办理',
      'The member’s standing has changed; reject this transfer and start again',
    );
  }
  if (!(await loadTargetUnion(tx, t.toOrgId))) {
    throw new AppError(409, 'TRANSFER_TARGET_INACTIVE', '转入工会已停用，请驳回此接转', 'The receiving union has been deactivated; reject this transfer');
  }
  const today = todayInChina();
  const base = { memberId: m.id, onDate: today, reason: t.reason, refId: t.id, actorId: c.actor.userId };
  await tx.insert(membershipEvent).values([
    { id: uuidv7(), ...base, orgId: t.fromOrgId, kind: 'transferred_out' },
    { id: uuidv7(), ...base, orgId: t.toOrgId, kind: 'transferred_in' },
  ]);
  await tx
    .update(member)
    .set({ orgId: t.toOrgId, status: 'active', version: m.version + 1, updatedAt: now })
    .where(eq(member.id, m.id));
  await appendAudit(tx, {
    ...auditOf(c),
    orgId: t.toOrgId,
    action: 'transfer.complete',
    entity: 'transfer',
    entityId: t.id,
    changes: { memberId: m.id, orgId: { from: t.fromOrgId, to: t.toOrgId }, status: { from: m.status, to: 'active' } },
  });
  return today;
}

/** Close an open transfer without moving anyone: the member's previous status comes back. */
async function close(c: Ctx, tx: Tx, t: TransferRow, mine: Side[], status: 'rejected' | 'cancelled', reason: string | null) {
  const now = new Date();
  await tx.update(transfer).set({ status, closeReason: reason, updatedAt: now }).where(eq(transfer.id, t.id));
  const [m] = await tx.select({ status: member.status, version: member.version }).from(member).where(eq(member.id, t.memberId)).for('update');
  if (m?.status === 'transferring') {
    await tx
      .update(member)
      .set({ status: t.prevStatus ?? 'active', version: m.version + 1, updatedAt: now })
      .where(eq(member.id, t.memberId));
  }
  await appendAudit(tx, {
    ...auditOf(c),
    orgId: sideOrg(t, mine),
    action: status === 'rejected' ? 'transfer.reject' : 'transfer.cancel',
    entity: 'transfer',
    entityId: t.id,
    changes: { status: { from: 'pending', to: status }, memberStatus: { from: m?.status ?? null, to: t.prevStatus ?? 'active' } },
    detail: reason,
  });
  return { id: t.id, status, awaiting: [], completedOn: null };
}

export async function rejectTransfer(c: Ctx, id: string, reason: string) {
  return c.db.transaction(async (tx) => {
    const { t, mine } = await requireTransferForCaller(c, tx, id);
    return close(c, tx, t, mine, 'rejected', reason);
  });
}

export async function cancelTransfer(c: Ctx, id: string, reason?: string) {
  return c.db.transaction(async (tx) => {
    const { t, mine } = await requireTransferForCaller(c, tx, id);
    if (!permissionsOf(t, mine).cancel) {
      throw new AppError(
        403,
        'TRANSFER_NOT_INITIATOR',
        '只有发起方工会可以撤回；您可以驳回此接转',
        'Only the initiating union can cancel; you may reject it instead',
      );
    }
    return close(c, tx, t, mine, 'cancelled', reason ?? null);
  });
}
