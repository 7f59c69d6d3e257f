import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { hotlineCall, lawyer, legalAidRequest, type LawyerRow, type LegalAidRow } from './legal-aid.schema.js';
import { disputes, orgNames } from './dispute.repo.js';
import { escapeLike, underOrgSql } from '../../platform/scope.js';
import { resource } from '../../platform/resource.js';
import { requireOrgInScope } from '../org/org.service.js';
import { appUser } from '../user/user.schema.js';
import { LEGAL_AID_FLOW } from '../../../../common/src/legal-aid-workflow.js';
import { allowedActions } from '../../../../common/src/workflow.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { maskMobile } from '../../../../common/src/mobile.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import { guard, step } from '../../platform/workflow.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { z } from 'zod';
import type {
  HotlineInput,
  HotlineListParams,
  LawyerInput,
  LawyerListParams,
  LegalAidAssignBody,
  LegalAidCloseBody,
  LegalAidInput,
  LegalAidListParams,
} from '../../../../common/src/contracts/legal-aid.js';

/**
 * Legal aid (法律援助, docs/rights.md "Legal aid"): a worker's request (from the 12351 hotline, a
 * visit, online, or the mediation centre) is assigned to a lawyer of the panel — never one who has
 * acted for the employer — who records the hours and the outcome, with the worker's satisfaction.
 * Every hotline call is logged, and may open a request in the same step.
 */

const under = (col: typeof legalAidRequest.orgId | typeof lawyer.orgId | typeof hotlineCall.orgId, v: string) => underOrgSql(col, v);

export const legalAid = resource<typeof legalAidRequest, LegalAidListParams>({
  table: legalAidRequest,
  entity: 'legal_aid',
  noun: ['法律援助申请', 'legal-aid request'],
  orgColumn: legalAidRequest.orgId,
  idColumn: legalAidRequest.id,
  versionColumn: legalAidRequest.version,
  filters: {
    q: (v) =>
      sql`(${legalAidRequest.requestNo} = ${v.toUpperCase()} OR ${legalAidRequest.applicantName} = ${v} OR ${legalAidRequest.employerName} LIKE ${'%' + escapeLike(v) + '%'})`,
    status: (v) => eq(legalAidRequest.status, v),
    kind: (v) => eq(legalAidRequest.kind, v),
    under: (v) => under(legalAidRequest.orgId, v),
    lawyerId: (v) => eq(legalAidRequest.lawyerId, v),
  },
  sorts: { requestedOn: legalAidRequest.requestedOn },
  countCap: 1000,
});
export const lawyers = resource<typeof lawyer, LawyerListParams>({
  table: lawyer,
  entity: 'lawyer',
  noun: ['援助律师', 'lawyer'],
  orgColumn: lawyer.orgId,
  idColumn: lawyer.id,
  versionColumn: lawyer.version,
  filters: { under: (v) => under(lawyer.orgId, v) },
  sorts: { name: lawyer.name },
  countCap: 1000,
});
export const hotline = resource<typeof hotlineCall, HotlineListParams>({
  table: hotlineCall,
  entity: 'hotline_call',
  noun: ['来电记录', 'call'],
  orgColumn: hotlineCall.orgId,
  idColumn: hotlineCall.id,
  filters: {
    under: (v) => under(hotlineCall.orgId, v),
    result: (v) => eq(hotlineCall.result, v),
    today: () => sql`(${hotlineCall.calledAt} AT TIME ZONE 'Asia/Shanghai')::date = ${todayInChina()}`,
  },
  sorts: { calledAt: hotlineCall.calledAt },
  countCap: 1000,
});

const flowTable = { table: legalAidRequest, id: legalAidRequest.id, status: legalAidRequest.status, version: legalAidRequest.version };
const ref = (r: LegalAidRow) => ({ id: r.id, requestNo: r.requestNo, status: r.status, version: r.version });

async function lawyerNames(exec: Executor, ids: (string | null)[]) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map<string, string>();
  return new Map((await exec.select({ id: lawyer.id, name: lawyer.name }).from(lawyer).where(inArray(lawyer.id, list))).map((r) => [r.id, r.name]));
}

function present(c: Ctx, r: LegalAidRow, names: { org: Map<string, string>; lawyer: Map<string, string> }) {
  return {
    id: r.id,
    requestNo: r.requestNo,
    orgId: r.orgId,
    orgName: names.org.get(r.orgId) ?? '',
    channel: r.channel,
    kind: r.kind,
    type: r.type,
    status: r.status,
    requestedOn: r.requestedOn,
    applicantName: r.applicantName,
    mobileMasked: r.mobileMasked,
    employerName: r.employerName,
    employerUscc: r.employerUscc,
    disputeId: r.disputeId,
    summary: r.summary,
    lawyerId: r.lawyerId,
    lawyerName: r.lawyerId ? (names.lawyer.get(r.lawyerId) ?? null) : null,
    assignedOn: r.assignedOn,
    hours: r.minutes === null ? null : r.minutes / 60,
    outcomeKind: r.outcomeKind,
    outcome: r.outcome,
    satisfaction: r.satisfaction,
    declineReason: r.declineReason,
    closedOn: r.closedOn,
    version: r.version,
    actions: allowedActions(LEGAL_AID_FLOW, r.status, c.actor.permissions),
  };
}

async function presentAll(c: Ctx, rows: LegalAidRow[]) {
  const [o, l] = await Promise.all([
    orgNames(
      c.db,
      rows.map((r) => r.orgId),
    ),
    lawyerNames(
      c.db,
      rows.map((r) => r.lawyerId),
    ),
  ]);
  return rows.map((r) => present(c, r, { org: o, lawyer: l }));
}

export async function listLegalAid(c: Ctx, q: LegalAidListParams) {
  const page = await legalAid.list(c, q);
  return { ...page, items: await presentAll(c, page.items) };
}

export async function getLegalAid(c: Ctx, id: string) {
  return (await presentAll(c, [await legalAid.get(c, id)]))[0]!;
}

async function insertRequest(c: Ctx, tx: Executor, input: Omit<LegalAidInput, 'requestedOn'> & { requestedOn: string }) {
  await requireOrgInScope(c, tx, input.orgId);
  if (input.disputeId) await disputes.get(c, input.disputeId, { exec: tx });
  const res = (await tx.execute(sql`SELECT nextval('legal_aid_seq')::bigint AS n`)) as unknown as { rows: { n: number | string }[] };
  const requestNo = 'FY' + input.requestedOn.slice(0, 4) + String(res.rows[0]!.n).padStart(6, '0');
  const { mobile, ...rest } = input;
  return legalAid.create(
    c,
    tx,
    {
      id: uuidv7(),
      requestNo,
      ...rest,
      status: 'requested',
      mobileCipher: mobile ? c.keys.encrypt(mobile) : null,
      mobileMasked: mobile ? maskMobile(mobile) : null,
      createdBy: c.actor.userId,
    },
    { action: 'legal_aid.create', changes: { requestNo, kind: input.kind, channel: input.channel, type: input.type, mobile: mobile ? '[encrypted]' : null } },
  );
}

export async function createLegalAid(c: Ctx, input: LegalAidInput) {
  const requestedOn = input.requestedOn ?? todayInChina();
  if (requestedOn > todayInChina()) throw errors.invalid('申请日期不能晚于今天', 'The date of the request is in the future');
  return c.db.transaction(async (tx) => ref(await insertRequest(c, tx, { ...input, requestedOn })));
}

/** The panels a request may draw on: its union's and those of the unions above it, nearest first. */
async function panelOrgIds(exec: Executor, orgId: string): Promise<string[]> {
  const rows = (await exec.execute(sql`SELECT path FROM org WHERE id = ${orgId}`)) as unknown as { rows: { path: string }[] };
  return (rows.rows[0]?.path ?? '').split('/').filter(Boolean).reverse();
}

async function openLoads(exec: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await exec
    .select({ id: legalAidRequest.lawyerId, n: sql<number>`count(*)::int` })
    .from(legalAidRequest)
    .where(and(inArray(legalAidRequest.lawyerId, ids), eq(legalAidRequest.status, 'assigned')))
    .groupBy(legalAidRequest.lawyerId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}

/** Whether the lawyer has acted for this employer (by its credit code). */
export const conflicted = (l: Pick<LawyerRow, 'conflictUsccs'>, employerUscc: string | null) => !!employerUscc && l.conflictUsccs.includes(employerUscc);

/** Assign a lawyer: the one named (refused on a conflict), or the panel's nearest free one with the specialism and no conflict. */
export async function assignLawyer(c: Ctx, id: string, input: z.infer<typeof LegalAidAssignBody>) {
  return c.db.transaction(async (tx) => {
    const r = await legalAid.get(c, id, { exec: tx, lock: true });
    guard(c, LEGAL_AID_FLOW, 'assign', r);
    const panels = await panelOrgIds(tx, r.orgId);
    const pool = await tx
      .select()
      .from(lawyer)
      .where(and(inArray(lawyer.orgId, panels), eq(lawyer.active, true)));
    const loads = await openLoads(
      tx,
      pool.map((l) => l.id),
    );
    let chosen: LawyerRow | undefined;
    if (input.lawyerId) {
      chosen = pool.find((l) => l.id === input.lawyerId);
      if (!chosen) throw errors.invalid('该律师不在本申请可用的律师名册中或已停用', 'The lawyer is not on a panel this request may use, or is inactive');
      if (conflicted(chosen, r.employerUscc)) {
        throw new AppError(
          409,
          'CONFLICT_OF_INTEREST',
          `利益冲突：${chosen.name}律师曾代理该用人单位，不能承办本申请`,
          `Conflict of interest: ${chosen.name} has acted for this employer`,
        );
      }
    } else {
      const fits = pool.filter(
        (l) =>
          !conflicted(l, r.employerUscc) &&
          (!l.specialties.length || l.specialties.includes(r.type)) &&
          (loads.get(l.id) ?? 0) < l.capacity &&
          l.id !== r.lawyerId,
      );
      fits.sort(
        (a, b) => panels.indexOf(a.orgId) - panels.indexOf(b.orgId) || (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0) || a.name.localeCompare(b.name, 'zh'),
      );
      chosen = fits[0];
      if (!chosen)
        throw new AppError(
          409,
          'NO_LAWYER',
          '没有可指派的律师：名册中无此专长、尚有余量且与用人单位无利益冲突的律师',
          'No lawyer on the panels has this specialism, room and no conflict with the employer',
        );
    }
    const after = await step(c, tx, LEGAL_AID_FLOW, flowTable, 'assign', {
      row: r,
      set: { lawyerId: chosen.id, assignedOn: todayInChina() },
      changes: { lawyer: { from: r.lawyerId, to: chosen.id }, lawyerName: chosen.name },
    });
    return ref(after as LegalAidRow);
  });
}

export async function closeLegalAid(c: Ctx, id: string, input: z.infer<typeof LegalAidCloseBody>) {
  return c.db.transaction(async (tx) => {
    const r = await legalAid.get(c, id, { exec: tx, lock: true });
    const after = await step(c, tx, LEGAL_AID_FLOW, flowTable, 'close', {
      row: r,
      input,
      set: {
        outcomeKind: input.outcomeKind,
        outcome: input.outcome,
        minutes: Math.round(input.hours * 60),
        satisfaction: input.satisfaction,
        closedOn: todayInChina(),
      },
      changes: { outcomeKind: input.outcomeKind, hours: input.hours, satisfaction: input.satisfaction },
    });
    return ref(after as LegalAidRow);
  });
}

export async function declineLegalAid(c: Ctx, id: string, input: { reason: string }) {
  return c.db.transaction(async (tx) => {
    const r = await legalAid.get(c, id, { exec: tx, lock: true });
    const after = await step(c, tx, LEGAL_AID_FLOW, flowTable, 'decline', {
      row: r,
      input,
      set: { declineReason: input.reason, closedOn: todayInChina() },
      detail: input.reason,
    });
    return ref(after as LegalAidRow);
  });
}

async function presentLawyers(exec: Executor, rows: LawyerRow[]) {
  const names = await orgNames(
    exec,
    rows.map((l) => l.orgId),
  );
  const stats = rows.length
    ? await exec
        .select({
          id: legalAidRequest.lawyerId,
          open: sql<number>`count(*) FILTER (WHERE ${legalAidRequest.status} = 'assigned')::int`,
          closed: sql<number>`count(*) FILTER (WHERE ${legalAidRequest.status} = 'closed')::int`,
          minutes: sql<number>`coalesce(sum(${legalAidRequest.minutes}), 0)::int`,
          satisfaction: sql<number | null>`avg(${legalAidRequest.satisfaction})::float`,
        })
        .from(legalAidRequest)
        .where(
          inArray(
            legalAidRequest.lawyerId,
            rows.map((l) => l.id),
          ),
        )
        .groupBy(legalAidRequest.lawyerId)
    : [];
  const by = new Map(stats.map((s) => [s.id!, s]));
  return rows.map((l) => {
    const s = by.get(l.id);
    return {
      id: l.id,
      orgId: l.orgId,
      orgName: names.get(l.orgId) ?? '',
      name: l.name,
      firm: l.firm,
      specialties: l.specialties,
      capacity: l.capacity,
      conflictUsccs: l.conflictUsccs,
      active: l.active,
      open: Number(s?.open ?? 0),
      closed: Number(s?.closed ?? 0),
      hours: Number(s?.minutes ?? 0) / 60,
      satisfaction: s?.satisfaction === null || s?.satisfaction === undefined ? null : Math.round(Number(s.satisfaction) * 10) / 10,
      version: l.version,
    };
  });
}

export async function listLawyers(c: Ctx, q: LawyerListParams) {
  const page = await lawyers.list(c, q);
  return { ...page, items: await presentLawyers(c.db, page.items) };
}
export async function createLawyer(c: Ctx, input: LawyerInput) {
  return c.db.transaction(async (tx) => {
    await requireOrgInScope(c, tx, input.orgId);
    const row = await lawyers.create(
      c,
      tx,
      { id: uuidv7(), ...input, specialties: [...new Set(input.specialties)], conflictUsccs: [...new Set(input.conflictUsccs)] },
      { action: 'lawyer.create' },
    );
    return (await presentLawyers(tx, [row]))[0]!;
  });
}
export async function updateLawyer(c: Ctx, id: string, input: LawyerInput & { version: number }) {
  return c.db.transaction(async (tx) => {
    const { version, ...set } = input;
    await requireOrgInScope(c, tx, set.orgId);
    const { after } = await lawyers.update(
      c,
      tx,
      id,
      version,
      { ...set, specialties: [...new Set(set.specialties)], conflictUsccs: [...new Set(set.conflictUsccs)] },
      { action: 'lawyer.update' },
    );
    return (await presentLawyers(tx, [after]))[0]!;
  });
}

type CallRow = typeof hotlineCall.$inferSelect;
async function presentCalls(exec: Executor, rows: CallRow[]) {
  const names = await orgNames(
    exec,
    rows.map((r) => r.orgId),
  );
  const handlers = [...new Set(rows.map((r) => r.handledBy).filter((x): x is string => !!x))];
  const users = handlers.length ? await exec.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(inArray(appUser.id, handlers)) : [];
  const by = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    calledAt: r.calledAt.toISOString(),
    callerName: r.callerName,
    mobileMasked: r.mobileMasked,
    topic: r.topic,
    summary: r.summary,
    result: r.result,
    legalAidId: r.legalAidId,
    handledByName: r.handledBy ? (by.get(r.handledBy) ?? null) : null,
  }));
}

export async function listCalls(c: Ctx, q: HotlineListParams) {
  const page = await hotline.list(c, q);
  return { ...page, items: await presentCalls(c.db, page.items) };
}

/** Log a 12351 call; a call that asks for legal aid opens the request with it. */
export async function logCall(c: Ctx, input: HotlineInput) {
  if (input.result === 'legal_aid' && !input.aidKind) {
    throw new AppError(400, 'VALIDATION_FAILED', '转法律援助时请选择援助事项', 'Choose what legal aid is asked for', {
      fields: [{ path: 'body.aidKind', message: '请选择援助事项', messageEn: 'required' }],
    });
  }
  const calledAt = input.calledAt ? new Date(input.calledAt) : new Date();
  if (calledAt.getTime() > Date.now() + 60_000) throw errors.invalid('来电时间不能晚于现在', 'The call time is in the future');
  return c.db.transaction(async (tx) => {
    await requireOrgInScope(c, tx, input.orgId);
    const aid =
      input.result === 'legal_aid'
        ? await insertRequest(c, tx, {
            orgId: input.orgId,
            channel: 'hotline',
            kind: input.aidKind!,
            type: input.topic === 'consultation' ? 'other' : input.topic,
            applicantName: input.callerName ?? '来电职工',
            mobile: input.mobile,
            employerName: null,
            employerUscc: null,
            disputeId: null,
            summary: input.summary,
            requestedOn: todayInChina(),
          })
        : null;
    const id = uuidv7();
    const [row] = await tx
      .insert(hotlineCall)
      .values({
        id,
        orgId: input.orgId,
        calledAt,
        callerName: input.callerName,
        mobileCipher: input.mobile ? c.keys.encrypt(input.mobile) : null,
        mobileMasked: input.mobile ? maskMobile(input.mobile) : null,
        topic: input.topic,
        summary: input.summary,
        result: input.result,
        legalAidId: aid?.id ?? null,
        handledBy: c.actor.userId,
      })
      .returning();
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: input.orgId,
      action: 'hotline.log',
      entity: 'hotline_call',
      entityId: id,
      changes: { topic: input.topic, result: input.result, legalAidId: aid?.id ?? null },
    });
    return { ...(await presentCalls(tx, [row!]))[0]!, legalAid: aid ? ref(aid) : null };
  });
}

/** Legal-aid figures for the caller's scope: open, closed, hours, satisfaction, calls this month, by kind, each lawyer's open requests. */
export async function legalAidDashboard(c: Ctx) {
  const scope = legalAid.inScope(c);
  const month = todayInChina().slice(0, 7);
  const [totals, byKind, calls, panel] = await Promise.all([
    c.db
      .select({
        open: sql<number>`count(*) FILTER (WHERE status IN ('requested', 'assigned'))::int`,
        closed: sql<number>`count(*) FILTER (WHERE status = 'closed')::int`,
        declined: sql<number>`count(*) FILTER (WHERE status = 'declined')::int`,
        minutes: sql<number>`coalesce(sum(minutes), 0)::int`,
        satisfaction: sql<number | null>`avg(satisfaction)::float`,
      })
      .from(legalAidRequest)
      .where(scope),
    c.db
      .select({ key: legalAidRequest.kind, n: sql<number>`count(*)::int` })
      .from(legalAidRequest)
      .where(scope)
      .groupBy(legalAidRequest.kind)
      .orderBy(asc(legalAidRequest.kind)),
    c.db
      .select({ n: sql<number>`count(*)::int` })
      .from(hotlineCall)
      .where(and(hotline.inScope(c), sql`to_char(${hotlineCall.calledAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${month}`)),
    c.db
      .select({ id: lawyer.id, name: lawyer.name, firm: lawyer.firm, open: sql<number>`count(${legalAidRequest.id})::int` })
      .from(lawyer)
      .leftJoin(legalAidRequest, and(eq(legalAidRequest.lawyerId, lawyer.id), eq(legalAidRequest.status, 'assigned')))
      .where(and(lawyers.inScope(c), eq(lawyer.active, true)))
      .groupBy(lawyer.id, lawyer.name, lawyer.firm)
      .orderBy(sql`count(${legalAidRequest.id}) DESC`, asc(lawyer.name))
      .limit(20),
  ]);
  const t = totals[0]!;
  return {
    open: Number(t.open),
    closed: Number(t.closed),
    declined: Number(t.declined),
    hours: Number(t.minutes) / 60,
    satisfaction: t.satisfaction === null ? null : Math.round(Number(t.satisfaction) * 10) / 10,
    callsThisMonth: Number(calls[0]?.n ?? 0),
    byKind: byKind.map((r) => ({ key: r.key, n: Number(r.n) })),
    lawyers: panel.map((l) => ({ ...l, open: Number(l.open) })),
  };
}
