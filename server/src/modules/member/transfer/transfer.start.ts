import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { member, transfer } from '../member.schema.js';
import { getMemberByIdIndex } from '../member.repo.js';
import { holdingUnionName, requireMemberInScope } from '../member.service.js';
import { idIndexOf, mobileIndexOf } from '../member.record.js';
import { maskPersonName } from '../card.js';
import { requireOrgInScope } from '../../org/org.service.js';
import { AppError, errors } from '../../../platform/errors.js';
import { appendAudit, type AuditEntry } from '../../../platform/audit.js';
import { isUniqueViolation, loadTargetUnion, type PublicCtx } from '../join/join.shared.js';
import { parseIdNumber } from '../../../../../common/src/id-number.js';
import { normaliseMobile } from '../../../../../common/src/mobile.js';
import type { SlidingWindowLimiter } from '../join/rate-limit.js';
import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../db/client.js';
import type { TransferIn, TransferOut, TransferSelf } from '../../../../../common/src/contracts/transfer.js';

/**
 * Starting a transfer (会员关系接转): the releasing union ('from'), the receiving union ('to') or
 * the member ('member'). The initiating union's side counts as confirmed at once; the member's own
 * request leaves both sides to confirm. While it is open the member's status is 'transferring'
 * (the previous status is kept on the transfer and restored on reject or cancel).
 */

/** Members who can move: they hold an active or retained membership. */
const MOVABLE = ['active', 'retained'];

export const openTransferExists = () =>
  new AppError(
    409,
    'TRANSFER_OPEN_EXISTS',
    '该会员已有一项正在办理的接转，请先办结或撤回',
    'This member already has an open transfer; finish or cancel it first',
  );

type MemberRow = typeof member.$inferSelect;

interface OpenArgs {
  memberId: string;
  toOrgId: string;
  initiatedBy: 'from' | 'to' | 'member';
  reason: string;
  createdBy: string | null;
  audit: Pick<AuditEntry, 'actorId' | 'actorName' | 'ip'>;
}

async function lockMember(tx: Tx, id: string): Promise<MemberRow | undefined> {
  const [m] = await tx.select().from(member).where(eq(member.id, id)).for('update');
  return m;
}

/** The shared rules of every start, inside the caller's transaction. */
async function openTransfer(tx: Tx, a: OpenArgs) {
  const m = await lockMember(tx, a.memberId);
  if (!m) throw errors.notFound('会员', 'member');
  const target = await loadTargetUnion(tx, a.toOrgId);
  if (!target) {
    throw new AppError(
      400,
      'TRANSFER_BAD_TARGET',
      '转入工会须为在用的基层工会或乡镇（街道）、园区工会',
      'The receiving union must be an active grassroots or street/park union',
    );
  }
  if (target.id === m.orgId) throw new AppError(400, 'TRANSFER_SAME_UNION', '转入工会与现所在工会相同', 'The receiving union is the member’s current union');
  const [open] = await tx
    .select({ id: transfer.id })
    .from(transfer)
    .where(and(eq(transfer.memberId, m.id), eq(transfer.status, 'pending')));
  if (open) throw openTransferExists();
  if (!MOVABLE.includes(m.status)) {
    throw new AppError(409, 'TRANSFER_NOT_ALLOWED', '只有在册或保留会籍的会员才能办理接转', 'Only active or retained members can be transferred');
  }
  const id = uuidv7();
  const now = new Date();
  try {
    await tx.insert(transfer).values({
      id,
      memberId: m.id,
      fromOrgId: m.orgId,
      toOrgId: target.id,
      initiatedBy: a.initiatedBy,
      reason: a.reason,
      status: 'pending',
      prevStatus: m.status,
      fromConfirmedAt: a.initiatedBy === 'from' ? now : null,
      toConfirmedAt: a.initiatedBy === 'to' ? now : null,
      createdBy: a.createdBy,
    });
  } catch (e) {
    if (isUniqueViolation(e, 'transfer_one_open_uq')) throw openTransferExists();
    throw e;
  }
  await tx
    .update(member)
    .set({ status: 'transferring', version: m.version + 1, updatedAt: now })
    .where(eq(member.id, m.id));
  await appendAudit(tx, {
    ...a.audit,
    orgId: m.orgId,
    action: a.initiatedBy === 'member' ? 'transfer.request_self' : 'transfer.start',
    entity: 'transfer',
    entityId: id,
    changes: { memberId: m.id, fromOrgId: m.orgId, toOrgId: target.id, initiatedBy: a.initiatedBy },
    detail: a.reason,
  });
  const awaiting = (['from', 'to'] as const).filter((s) => s !== a.initiatedBy);
  return { id, m, target, awaiting };
}

const actorAudit = (c: Ctx) => ({ actorId: c.actor.userId, actorName: c.actor.username, ip: c.ip });

/** The releasing union starts it for a member in its scope; its side is confirmed at once. */
export async function startOutgoing(c: Ctx, input: TransferOut) {
  return c.db.transaction(async (tx) => {
    const m = await requireMemberInScope(c, tx, input.memberId);
    const r = await openTransfer(tx, {
      memberId: m.id,
      toOrgId: input.toOrgId,
      initiatedBy: 'from',
      reason: input.reason,
      createdBy: c.actor.userId,
      audit: actorAudit(c),
    });
    return {
      id: r.id,
      status: 'pending',
      memberName: m.name,
      fromUnionName: await holdingUnionName(tx, c.actor.scope, m.orgId),
      toUnionName: await holdingUnionName(tx, c.actor.scope, r.target.id),
      awaiting: r.awaiting,
    };
  });
}

/**
 * The releasing union approved a member's change of employer on the worker portal (docs/portal.md):
 * the transfer opens in the caller's transaction with the releasing side confirmed, the receiving
 * union still to confirm — the same rules as every other start.
 */
export async function startForEmployerChange(c: Ctx, tx: Tx, input: { memberId: string; toOrgId: string; reason: string }) {
  const r = await openTransfer(tx, { ...input, initiatedBy: 'from', createdBy: c.actor.userId, audit: actorAudit(c) });
  return { id: r.id, awaiting: r.awaiting, toUnionName: r.target.name };
}

const noHolder = () => new AppError(404, 'MEMBER_NOT_FOUND', '没有找到持有会籍的会员：请核对身份证号', 'No member holding a membership has this ID number');

/**
 * The receiving union starts it with the person's ID number: it does not see the member record,
 * only the masked name and the (masked, if outside its scope) holding union.
 */
export async function startIncoming(c: Ctx, input: TransferIn) {
  return c.db.transaction(async (tx) => {
    await requireOrgInScope(c, tx, input.toOrgId);
    const parsed = parseIdNumber(input.idNumber);
    if (!parsed.ok) throw errors.invalid('身份证号不正确', 'The ID number is not valid');
    const m = await getMemberByIdIndex(tx, idIndexOf(c.keys, parsed.value));
    if (!m || !['active', 'retained', 'transferring'].includes(m.status)) throw noHolder();
    const r = await openTransfer(tx, {
      memberId: m.id,
      toOrgId: input.toOrgId,
      initiatedBy: 'to',
      reason: input.reason,
      createdBy: c.actor.userId,
      audit: actorAudit(c),
    });
    return {
      id: r.id,
      status: 'pending',
      memberName: maskPersonName(m.name),
      fromUnionName: await holdingUnionName(tx, c.actor.scope, m.orgId),
      toUnionName: r.target.name,
      awaiting: r.awaiting,
    };
  });
}

const selfNotFound = () =>
  new AppError(404, 'MEMBER_NOT_FOUND', '身份证号和手机号与会员登记信息不符，或您目前没有会籍', 'The ID number and mobile do not match a current member');

/**
 * The member asks (public): accepted only when both the ID number's and the mobile's blind indexes
 * match a member holding an active or retained membership. Neither union has confirmed yet.
 */
export async function startSelf(s: PublicCtx, input: TransferSelf, limiter: SlidingWindowLimiter) {
  const id = parseIdNumber(input.idNumber);
  const mobile = normaliseMobile(input.mobile);
  if (!id.ok || !mobile.ok) throw selfNotFound();
  const idIndex = idIndexOf(s.keys, id.value);
  limiter.take('selfTransferId', idIndex);
  return s.db.transaction(async (tx) => {
    const m = await getMemberByIdIndex(tx, idIndex);
    if (!m || m.mobileIndex !== mobileIndexOf(s.keys, mobile.value) || !['active', 'retained', 'transferring'].includes(m.status)) throw selfNotFound();
    const r = await openTransfer(tx, {
      memberId: m.id,
      toOrgId: input.toOrgId,
      initiatedBy: 'member',
      reason: input.reason,
      createdBy: null,
      audit: { ip: s.ip },
    });
    return { status: 'pending', toUnionName: r.target.name, awaiting: r.awaiting };
  });
}
