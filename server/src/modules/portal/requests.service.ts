import crypto from 'node:crypto';
import { and, count, desc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import { maskMobile, normaliseMobile, MOBILE_PROBLEM_MESSAGES } from '../../../../common/src/mobile.js';
import { normaliseEducation, normalisePoliticalStatus } from '../../../../common/src/member-vocab.js';
import type { ChangeField } from '../../../../common/src/contracts/portal.js';
import { member } from '../member/member.schema.js';
import { org } from '../org/org.schema.js';
import { requireMemberInScope } from '../member/member.service.js';
import { mobileIndexOf } from '../member/member.record.js';
import { startForEmployerChange } from '../member/transfer/transfer.start.js';
import { isUniqueViolation, loadTargetUnion } from '../member/join/join.shared.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import { resource } from '../../platform/resource.js';
import { ownedScopeSql } from '../../platform/scope.js';
import type { Ctx, Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import { notifyWorker } from './notify.js';
import { workerAccount, workerChangeRequest } from './portal.schema.js';
import type { WorkerAccount } from './portal.service.js';

/**
 * Requests to change my details (信息变更申请) and unlinking (docs/portal.md). A worker asks on 我的;
 * the union holding the membership approves or rejects in its scope; approval writes the member record
 * with the member module's version check and audit, and a change of employer opens a transfer
 * (会员关系接转) to the new union through the member module's transfer flow.
 */

type Req = typeof workerChangeRequest.$inferSelect;

const FIELD_ZH: Record<ChangeField, string> = {
  mobile: '手机号',
  address: '住址',
  education: '学历',
  politicalStatus: '政治面貌',
  occupation: '职业',
  employer: '工作单位',
};

const requests = resource({
  table: workerChangeRequest,
  entity: 'worker_change_request',
  noun: ['变更申请', 'change request'],
  orgColumn: workerChangeRequest.orgId,
  idColumn: workerChangeRequest.id,
  versionColumn: workerChangeRequest.version,
  filters: {
    status: (v: string) => eq(workerChangeRequest.status, v as Req['status']),
    field: (v: string) => eq(workerChangeRequest.field, v as ChangeField),
  },
  sorts: { createdAt: workerChangeRequest.createdAt },
});

type MemberRow = typeof member.$inferSelect;

/** The field as stored (its blind index or cipher for encrypted ones), hashed: what approval compares. */
export function storedHash(
  m: Pick<MemberRow, 'mobileIndex' | 'addressCipher' | 'education' | 'politicalStatus' | 'occupation' | 'employerName' | 'orgId'>,
  field: ChangeField,
) {
  const v = {
    mobile: m.mobileIndex,
    address: m.addressCipher,
    education: m.education,
    politicalStatus: m.politicalStatus,
    occupation: m.occupation,
    employer: `${m.employerName ?? ''}|${m.orgId}`,
  }[field];
  return crypto
    .createHash('sha256')
    .update(field + ':' + (v ?? ''))
    .digest('hex');
}

const notLinked = () => new AppError(403, 'NOT_LINKED', '请先关联会员档案', 'Link your member record first');

/** An address shown masked: the first 6 characters (city and district), the rest hidden. */
export function maskAddress(a: string): string {
  const t = a.trim();
  return t.length <= 6 ? t.slice(0, 2) + '****' : t.slice(0, 6) + '****';
}

/** The new value checked and normalised for its field, with what may be shown of it. */
export function checkValue(field: ChangeField, raw: string): { value: string; masked: string } {
  const bad = (zh: string, en: string) => errors.invalid(zh, en, { field: 'value' });
  switch (field) {
    case 'mobile': {
      const m = normaliseMobile(raw);
      if (!m.ok) throw bad(MOBILE_PROBLEM_MESSAGES[m.code].zh, MOBILE_PROBLEM_MESSAGES[m.code].en);
      return { value: m.value, masked: maskMobile(m.value) };
    }
    case 'address':
      if (raw.length < 5) throw bad('请填写完整住址（至少5个字）', 'Give the full address (at least 5 characters)');
      return { value: raw, masked: maskAddress(raw) };
    case 'education': {
      const v = normaliseEducation(raw);
      if (!v) throw bad(`学历“${raw}”不在可选范围内`, `Unknown education "${raw}"`);
      return { value: v, masked: v };
    }
    case 'politicalStatus': {
      const v = normalisePoliticalStatus(raw);
      if (!v) throw bad(`政治面貌“${raw}”不在可选范围内`, `Unknown political status "${raw}"`);
      return { value: v, masked: v };
    }
    default:
      return { value: raw.slice(0, 100), masked: raw.slice(0, 100) };
  }
}

async function unionNames(exec: Executor, ids: (string | null)[]) {
  const want = [...new Set(ids.filter((x): x is string => !!x))];
  if (!want.length) return new Map<string, string>();
  const rows = await exec.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, want));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const mine = (r: Req, names: Map<string, string>) => ({
  id: r.id,
  field: r.field,
  valueMasked: r.valueMasked,
  toUnionName: r.toOrgId ? (names.get(r.toOrgId) ?? null) : null,
  status: r.status,
  rejectReason: r.rejectReason,
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
});

/** The worker's own requests about the record linked now: none once unlinked. */
export async function myChangeRequests(s: Services, account: WorkerAccount) {
  if (!account.memberId) return [];
  const rows = await s.db
    .select()
    .from(workerChangeRequest)
    .where(and(eq(workerChangeRequest.accountId, account.id), eq(workerChangeRequest.memberId, account.memberId)))
    .orderBy(desc(workerChangeRequest.createdAt))
    .limit(50);
  const names = await unionNames(
    s.db,
    rows.map((r) => r.toOrgId),
  );
  return rows.map((r) => mine(r, names));
}

export async function requestChange(
  s: Services,
  account: WorkerAccount,
  body: { field: ChangeField; value: string; toOrgId?: string; note?: string },
  ip: string,
) {
  if (!account.memberId) throw notLinked();
  const [m] = await s.db.select().from(member).where(eq(member.id, account.memberId));
  if (!m) throw notLinked();
  const { value, masked } = checkValue(body.field, body.value);
  let toOrgId: string | null = null;
  if (body.field === 'employer') {
    if (!body.toOrgId) throw errors.invalid('变更工作单位须选择新单位的工会', 'A new employer needs the new union', { field: 'toOrgId' });
    const target = await loadTargetUnion(s.db, body.toOrgId);
    if (!target) throw errors.invalid('新工会须为在用的基层工会或乡镇（街道）、园区工会', 'The new union must be an active grassroots or street/park union');
    if (target.id === m.orgId) throw errors.invalid('新工会与现所在工会相同', 'The new union is your current union');
    toOrgId = target.id;
  }
  const row = {
    id: crypto.randomUUID(),
    accountId: account.id,
    memberId: m.id,
    orgId: m.orgId,
    field: body.field,
    valueCipher: s.keys.encrypt(value),
    valueMasked: masked,
    toOrgId,
    note: body.note ?? null,
    memberVersion: m.version,
    baseHash: storedHash(m, body.field),
    status: 'pending' as const,
  };
  const inserted = await s.db.transaction(async (tx) => {
    try {
      const [r] = await tx.insert(workerChangeRequest).values(row).returning();
      await appendAudit(tx, {
        actorName: 'worker:' + account.mobileMasked,
        orgId: m.orgId,
        action: 'portal.change_request',
        entity: 'worker_change_request',
        entityId: row.id,
        ip,
        changes: { field: body.field, value: masked, ...(toOrgId ? { toOrgId } : {}) },
      });
      return r!;
    } catch (e) {
      if (isUniqueViolation(e, 'worker_change_request_one_open_uq'))
        throw errors.conflict('该项信息已有一项待审核的变更申请', 'A request to change this detail is already waiting');
      throw e;
    }
  });
  return mine(inserted, await unionNames(s.db, [toOrgId]));
}

/** Rows for the union's list, with member and union names. */
async function withNames(exec: Executor, rows: Req[]) {
  const memberIds = [...new Set(rows.map((r) => r.memberId))];
  const names = memberIds.length
    ? new Map((await exec.select({ id: member.id, name: member.name }).from(member).where(inArray(member.id, memberIds))).map((r) => [r.id, r.name] as const))
    : new Map<string, string>();
  const unions = await unionNames(exec, [...rows.map((r) => r.orgId), ...rows.map((r) => r.toOrgId)]);
  return rows.map((r) => ({
    ...mine(r, unions),
    memberId: r.memberId,
    memberName: names.get(r.memberId) ?? '',
    orgId: r.orgId,
    orgName: unions.get(r.orgId) ?? '',
    note: r.note,
    transferId: r.transferId,
    version: r.version,
  }));
}

export async function listChangeRequests(c: Ctx, q: { page: number; pageSize: number; status?: Req['status']; field?: ChangeField }) {
  const page = await requests.list(c, { ...q, sort: 'createdAt', order: 'desc' });
  return { ...page, items: await withNames(c.db, page.items) };
}

const notPending = () => new AppError(409, 'REQUEST_DECIDED', '该申请已处理，不能重复处理', 'This request has already been decided');

/**
 * Approve: the member record takes the new value, in one transaction with the decision, only if that
 * field of the record is unchanged since the request (else 409: reject it, and the worker asks again);
 * the record's row is written with its version check like every member edit. Encrypted
 * fields are audited as changed, never by value. A new employer opens the transfer to the new union.
 */
export async function approveChange(c: Ctx, id: string, version: number) {
  return c.db.transaction(async (tx) => {
    const req = await requests.get(c, id, { exec: tx, lock: true });
    if (req.status !== 'pending') throw notPending();
    if (req.version !== version) throw errors.versionConflict();
    const m = await requireMemberInScope(c, tx, req.memberId);
    if (storedHash(m, req.field) !== req.baseHash)
      throw new AppError(
        409,
        'MEMBER_CHANGED',
        '会员档案的该项信息在申请提交后已被修改，请核对后驳回，由职工重新申请',
        'That detail of the member record changed after the request; reject it and let the worker ask again',
      );
    const value = c.keys.decrypt(req.valueCipher);
    const set: Partial<typeof member.$inferInsert> = {};
    let audited: unknown = value;
    if (req.field === 'mobile') {
      Object.assign(set, { mobileCipher: c.keys.encrypt(value), mobileIndex: mobileIndexOf(c.keys, value), mobileMasked: maskMobile(value) });
      audited = '[changed]';
    } else if (req.field === 'address') {
      Object.assign(set, { addressCipher: c.keys.encrypt(value), addressMasked: maskAddress(value) });
      audited = '[changed]';
    } else if (req.field === 'employer') set.employerName = value;
    else set[req.field] = value;
    const [after] = await tx
      .update(member)
      .set({ ...set, version: m.version + 1, updatedAt: new Date() })
      .where(and(eq(member.id, m.id), eq(member.version, m.version)))
      .returning({ id: member.id });
    if (!after) throw errors.versionConflict();
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: m.orgId,
      action: 'member.update',
      entity: 'member',
      entityId: m.id,
      changes: { [req.field === 'employer' ? 'employerName' : req.field]: audited },
      detail: `worker change request ${req.id}`,
    });
    let transferId: string | null = null;
    if (req.field === 'employer' && req.toOrgId) {
      transferId = (await startForEmployerChange(c, tx, { memberId: m.id, toOrgId: req.toOrgId, reason: `职工申请变更工作单位：${value}` })).id;
    }
    const { after: done } = await requests.update(
      c,
      tx,
      id,
      version,
      { status: 'approved', decidedBy: c.actor.userId, decidedAt: new Date(), transferId },
      { action: 'portal.change_approve', changes: { status: 'approved', field: req.field, ...(transferId ? { transferId } : {}) } },
    );
    await notifyWorker(tx, {
      accountId: req.accountId,
      title: '信息变更已通过',
      body: `您申请变更的${FIELD_ZH[req.field]}已由工会审核通过${transferId ? '，会员关系转接已发起，待新单位工会确认' : ''}。`,
      link: '/m',
    });
    return (await withNames(tx, [done]))[0]!;
  });
}

export async function rejectChange(c: Ctx, id: string, version: number, reason: string) {
  return c.db.transaction(async (tx) => {
    const req = await requests.get(c, id, { exec: tx, lock: true });
    if (req.status !== 'pending') throw notPending();
    const { after } = await requests.update(
      c,
      tx,
      id,
      version,
      { status: 'rejected', rejectReason: reason, decidedBy: c.actor.userId, decidedAt: new Date() },
      { action: 'portal.change_reject', changes: { status: 'rejected', field: req.field }, detail: reason },
    );
    await notifyWorker(tx, {
      accountId: req.accountId,
      title: '信息变更未通过',
      body: `您申请变更的${FIELD_ZH[req.field]}未通过审核：${reason}`,
      link: '/m',
    });
    return (await withNames(tx, [after]))[0]!;
  });
}

/** The worker unlinks their own account: the record, its card and its applications are no longer shown. */
export async function workerUnlink(s: Services, account: WorkerAccount, ip: string) {
  if (!account.memberId) throw notLinked();
  const memberId = account.memberId;
  await s.db.transaction(async (tx) => {
    await tx.update(workerAccount).set({ memberId: null, idIndex: null, linkedAt: null }).where(eq(workerAccount.id, account.id));
    const [m] = await tx.select({ orgId: member.orgId }).from(member).where(eq(member.id, memberId));
    await appendAudit(tx, {
      actorName: 'worker:' + account.mobileMasked,
      orgId: m?.orgId ?? null,
      action: 'portal.unlink',
      entity: 'member',
      entityId: memberId,
      ip,
      changes: { accountId: account.id, by: 'worker' },
    });
  });
}

/** A cadre of the member's union unlinks the account (a changed mobile, a mistaken link), audited with the reason. */
export async function adminUnlink(c: Ctx, memberId: string, reason: string) {
  await c.db.transaction(async (tx) => {
    const m = await requireMemberInScope(c, tx, memberId);
    const done = await tx
      .update(workerAccount)
      .set({ memberId: null, idIndex: null, linkedAt: null })
      .where(eq(workerAccount.memberId, m.id))
      .returning({ id: workerAccount.id });
    if (!done.length) throw errors.notFound('关联的职工账号', 'linked worker account');
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: m.orgId,
      action: 'portal.unlink',
      entity: 'member',
      entityId: m.id,
      changes: { accountId: done[0]!.id, by: 'union' },
      detail: reason,
    });
    await notifyWorker(tx, { accountId: done[0]!.id, title: '账号已解除关联', body: `所在工会已解除您的账号与会员档案的关联：${reason}`, link: '/m' });
  });
  return { ok: true as const };
}

/** The portal's dashboard figures in the caller's scope (members' unions). */
export async function portalFigures(c: Ctx) {
  const inScope = ownedScopeSql(c.actor.scope, member.orgId);
  const since = new Date(Date.now() - 30 * 86_400_000);
  const [[linked], [signedIn], [open]] = await Promise.all([
    c.db
      .select({ n: count() })
      .from(workerAccount)
      .innerJoin(member, eq(member.id, workerAccount.memberId))
      .where(and(isNotNull(workerAccount.memberId), inScope)),
    c.db
      .select({ n: count() })
      .from(workerAccount)
      .innerJoin(member, eq(member.id, workerAccount.memberId))
      .where(and(isNotNull(workerAccount.memberId), inScope, gt(workerAccount.lastSignInAt, since))),
    c.db
      .select({ n: count() })
      .from(workerChangeRequest)
      .where(and(requests.inScope(c), eq(workerChangeRequest.status, 'pending'))),
  ]);
  return { linked: Number(linked?.n ?? 0), signedIn30d: Number(signedIn?.n ?? 0), openRequests: Number(open?.n ?? 0) };
}
