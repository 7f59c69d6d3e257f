import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { joinApplication, member } from '../member.schema.js';
import { org } from '../../org/org.schema.js';
import { createMember } from '../member.service.js';
import { errors } from '../../../platform/errors.js';
import { appendAudit } from '../../../platform/audit.js';
import { escapeLike, ownedScopeSql, scopeCovers, underOrgSql } from '../../../platform/scope.js';
import { todayInChina } from '../../../../../common/src/dates.js';
import type { IdKind, IdSex } from '../../../../../common/src/id-number.js';
import { addWorkingDays, workingDaysBetween, type CalendarOverrides } from '../../../../../common/src/working-days.js';
import { joinNotPending } from './join.shared.js';
import { notifyWorker } from '../../portal/index.js';
import { mobileIndexOf } from '../member.record.js';
import { isProvisional } from '../../../../../common/src/deadlines.js';
import type { Ctx } from '../../../platform/context.js';
import type { Executor } from '../../../db/client.js';
import { resource } from '../../../platform/resource.js';
import type { JoinListParams } from '../../../../../common/src/contracts/join.js';

/**
 * Online joining, the union's side: applications of unions in the caller's scope, answered within
 * the deadline. Overdue ones are flagged to the union and, through its subtree scope, to the level
 * above (the summary's `overdueBelow`).
 */

/** Applications due within this many working days count as "due soon" on the dashboard. */
export const DUE_SOON_WORKING_DAYS = 3;

/** Applications as a scoped resource, for their history (platform/resource.ts). */
export const joinApplications = resource<typeof joinApplication, JoinListParams>({
  table: joinApplication,
  entity: 'join_application',
  noun: ['入会申请', 'join application'],
  orgColumn: joinApplication.orgId,
  idColumn: joinApplication.id,
});

type AppRow = typeof joinApplication.$inferSelect;
type Payload = {
  idKind?: string;
  birthDate?: string;
  sex?: string;
  ethnicity?: string | null;
  education?: string | null;
  politicalStatus?: string | null;
  employmentForm?: string;
  migrantWorker?: boolean;
  occupation?: string | null;
};

function deadline(a: { status: string; submittedOn: string; dueOn: string }, today: string, cal: CalendarOverrides) {
  if (a.status !== 'pending') return { overdue: false, workingDaysLeft: null, provisional: false };
  return { overdue: a.dueOn < today, workingDaysLeft: workingDaysBetween(today, a.dueOn, cal), provisional: isProvisional(a.submittedOn, a.dueOn, cal) };
}

const listColumns = {
  id: joinApplication.id,
  appNo: joinApplication.appNo,
  name: joinApplication.name,
  idMasked: joinApplication.idMasked,
  mobileMasked: joinApplication.mobileMasked,
  orgId: joinApplication.orgId,
  orgName: org.name,
  employerName: joinApplication.employerName,
  viaTerritorial: joinApplication.viaTerritorial,
  status: joinApplication.status,
  submittedOn: joinApplication.submittedOn,
  dueOn: joinApplication.dueOn,
  decidedAt: joinApplication.decidedAt,
};

export async function listApplications(c: Ctx, p: JoinListParams) {
  const today = todayInChina();
  const where: SQL[] = [ownedScopeSql(c.actor.scope, joinApplication.orgId)];
  if (p.status && p.status !== 'all') where.push(eq(joinApplication.status, p.status));
  if (p.overdue === 'true') where.push(eq(joinApplication.status, 'pending'), lt(joinApplication.dueOn, today));
  if (p.overdue === 'false') where.push(sql`NOT (${joinApplication.status} = 'pending' AND ${joinApplication.dueOn} < ${today})`);
  if (p.q) where.push(sql`${joinApplication.name} LIKE ${'%' + escapeLike(p.q.replace(/\s+/g, '')) + '%'}`);
  if (p.orgId) where.push(underOrgSql(joinApplication.orgId, p.orgId));
  const cond = and(...where);
  const [rows, [{ total }], cal] = await Promise.all([
    c.db
      .select(listColumns)
      .from(joinApplication)
      .innerJoin(org, eq(org.id, joinApplication.orgId))
      .where(cond)
      .orderBy(
        sql`(${joinApplication.status} = 'pending') DESC`,
        sql`CASE WHEN ${joinApplication.status} = 'pending' THEN ${joinApplication.dueOn} END ASC`,
        desc(joinApplication.createdAt),
        desc(joinApplication.id),
      )
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    c.db
      .select({ total: sql<number>`count(*)::int` })
      .from(joinApplication)
      .where(cond) as unknown as Promise<[{ total: number }]>,
    c.settings.calendar(),
  ]);
  return {
    items: rows.map((r) => ({ ...r, decidedAt: r.decidedAt?.toISOString() ?? null, ...deadline(r, today, cal) })),
    total,
    page: p.page,
    pageSize: p.pageSize,
  };
}

/**
 * Pending, overdue and due-soon applications in the caller's scope (the dashboard figure).
 * `overdueBelow` counts the overdue ones of unions other than the caller's own org: for a district
 * or street federation, the subordinate unions that missed the deadline.
 */
export async function joinApplicationSummary(c: Ctx) {
  const today = todayInChina();
  const soon = addWorkingDays(today, DUE_SOON_WORKING_DAYS, await c.settings.calendar());
  const [r] = await c.database.query<{ pending: number; overdue: number; due_soon: number; overdue_below: number }>(sql`
    SELECT count(*)::int AS pending,
           count(*) FILTER (WHERE due_on < ${today})::int AS overdue,
           count(*) FILTER (WHERE due_on >= ${today} AND due_on <= ${soon})::int AS due_soon,
           count(*) FILTER (WHERE due_on < ${today} AND org_id <> ${c.actor.orgId}::uuid)::int AS overdue_below
    FROM join_application
    WHERE status = 'pending' AND ${ownedScopeSql(c.actor.scope, sql`org_id`)}`);
  return { pending: r?.pending ?? 0, overdue: r?.overdue ?? 0, dueSoon: r?.due_soon ?? 0, overdueBelow: r?.overdue_below ?? 0 };
}

/** Load an application of a union in the caller's scope (locked for a decision); anything else looks missing. */
async function requireApplicationInScope(c: Ctx, exec: Executor, id: string, lock = false): Promise<AppRow & { orgName: string }> {
  const q = exec
    .select({ a: joinApplication, orgName: org.name, orgPath: org.path })
    .from(joinApplication)
    .innerJoin(org, eq(org.id, joinApplication.orgId))
    .where(eq(joinApplication.id, id));
  const [r] = lock ? await q.for('update', { of: joinApplication }) : await q;
  if (!r || !scopeCovers(c.actor.scope, { id: r.a.orgId, path: r.orgPath })) throw errors.notFound('入会申请', 'join application');
  return { ...r.a, orgName: r.orgName };
}

export async function getApplication(c: Ctx, id: string) {
  const a = await requireApplicationInScope(c, c.db, id);
  const today = todayInChina();
  const p = a.payload as Payload;
  const [m] = a.memberId ? await c.db.select({ cardNo: member.cardNo }).from(member).where(eq(member.id, a.memberId)) : [];
  return {
    id: a.id,
    appNo: a.appNo,
    name: a.name,
    idMasked: a.idMasked,
    mobileMasked: a.mobileMasked,
    orgId: a.orgId,
    orgName: a.orgName,
    employerName: a.employerName,
    employerUscc: a.employerUscc,
    viaTerritorial: a.viaTerritorial,
    status: a.status,
    submittedOn: a.submittedOn,
    dueOn: a.dueOn,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    ...deadline(a, today, await c.settings.calendar()),
    sex: p.sex ?? '',
    birthDate: p.birthDate ?? '',
    idKind: p.idKind ?? '',
    ethnicity: p.ethnicity ?? null,
    education: p.education ?? null,
    politicalStatus: p.politicalStatus ?? null,
    employmentForm: p.employmentForm ?? 'unknown',
    migrantWorker: !!p.migrantWorker,
    occupation: p.occupation ?? null,
    consentVersion: a.consentVersion,
    consentAt: a.consentAt.toISOString(),
    rejectReason: a.rejectReason,
    memberId: a.memberId,
    cardNo: m?.cardNo ?? null,
  };
}

/**
 * Approve: register the person through createMember in the same transaction (event `joined` or
 * `rejoined` with refId = the application, card number assigned). Someone who became a member
 * elsewhere meanwhile is refused (409 MEMBER_HELD_ELSEWHERE) and the application stays pending.
 */
export async function approveApplication(c: Ctx, id: string, joinDate?: string) {
  return c.db.transaction(async (tx) => {
    const a = await requireApplicationInScope(c, tx, id, true);
    if (a.status !== 'pending') throw joinNotPending();
    const today = todayInChina();
    const on = joinDate ?? today;
    if (on > today) throw errors.invalid('入会日期不能晚于今天', 'The join date cannot be in the future');
    if (on < a.submittedOn) throw errors.invalid('入会日期不能早于申请日期', 'The join date cannot be before the application');
    const p = a.payload as Payload;
    const fields = {
      name: a.name,
      idNumber: c.keys.decrypt(a.idCipher),
      idKind: (p.idKind ?? 'resident') as IdKind,
      birthDate: p.birthDate!,
      sex: p.sex as IdSex,
      mobile: a.mobileCipher ? c.keys.decrypt(a.mobileCipher) : null,
      ethnicity: p.ethnicity ?? null,
      education: p.education ?? null,
      politicalStatus: p.politicalStatus ?? null,
      employmentForm: p.employmentForm ?? 'unknown',
      migrantWorker: !!p.migrantWorker,
      occupation: p.occupation ?? null,
      employerName: a.employerName,
      joinDate: on,
    };
    const memberId = await createMember(c, { orgId: a.orgId, fields, consent: { version: a.consentVersion, method: 'online' } }, { refId: a.id, exec: tx });
    // The consent was given when the worker applied, not when the union approved.
    const [m] = await tx.update(member).set({ consentAt: a.consentAt }).where(eq(member.id, memberId)).returning({ cardNo: member.cardNo });
    await tx.update(joinApplication).set({ status: 'approved', decidedAt: new Date(), decidedBy: c.actor.userId, memberId }).where(eq(joinApplication.id, id));
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: a.orgId,
      action: 'join.approve',
      entity: 'join_application',
      entityId: id,
      changes: { status: { from: 'pending', to: 'approved' }, memberId, joinDate: on },
    });
    await notifyWorker(tx, {
      idIndex: a.idIndex,
      mobileIndex: a.mobileCipher ? mobileIndexOf(c.keys, c.keys.decrypt(a.mobileCipher)) : undefined,
      title: '入会申请已通过',
      body: `您的入会申请（${a.appNo}）已通过，会员卡号 ${m?.cardNo ?? ''}。在“我的”中关联会员档案后即可出示电子会员卡。`,
      link: '/m',
    });
    return { id, status: 'approved', memberId, cardNo: m?.cardNo ?? null };
  });
}

export async function rejectApplication(c: Ctx, id: string, reason: string) {
  return c.db.transaction(async (tx) => {
    const a = await requireApplicationInScope(c, tx, id, true);
    if (a.status !== 'pending') throw joinNotPending();
    await tx
      .update(joinApplication)
      .set({ status: 'rejected', decidedAt: new Date(), decidedBy: c.actor.userId, rejectReason: reason })
      .where(eq(joinApplication.id, id));
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: a.orgId,
      action: 'join.reject',
      entity: 'join_application',
      entityId: id,
      changes: { status: { from: 'pending', to: 'rejected' } },
      detail: reason,
    });
    await notifyWorker(tx, {
      idIndex: a.idIndex,
      mobileIndex: a.mobileCipher ? mobileIndexOf(c.keys, c.keys.decrypt(a.mobileCipher)) : undefined,
      title: '入会申请未通过',
      body: `您的入会申请（${a.appNo}）未通过：${reason}`,
      link: '/join/status',
    });
    return { id, status: 'rejected', memberId: null, cardNo: null };
  });
}
