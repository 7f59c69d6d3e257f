import crypto from 'node:crypto';
import { and, asc, count, desc, eq, inArray, sql, type AnyColumn } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { mutualAidClaim, mutualAidDocument, mutualAidEnrolment, mutualAidPlan } from './mutual-aid.schema.js';
import { org } from '../org/org.schema.js';
import { member } from '../member/member.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { maskPersonName } from '../member/card.js';
import { idIndexOf } from '../member/member.record.js';
import { decodeUpload } from '../hardship/attachment.service.js';
import { readRoster, flattenCell } from '../member/import/roster-reader.js';
import { resource } from '../../platform/resource.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import { inScopeOrAboveSql, ownedScopeSql, scopeCovers, underOrgSql } from '../../platform/scope.js';
import { step } from '../../platform/workflow.js';
import { allowedActions } from '../../../../common/src/workflow.js';
import { todayInChina } from '../../../../common/src/dates.js';
import {
  claimProblem,
  coverEnd,
  coverStart,
  covers,
  MUTUAL_AID_BENEFITS,
  mutualAidRuleOn,
  type MutualAidKind,
} from '../../../../common/src/mutual-aid-rules.js';
import { MUTUAL_AID_CLAIM_FLOW } from '../../../../common/src/mutual-aid-workflow.js';
import type { Ctx, Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type {
  ClaimInput,
  ClaimListParams,
  DocumentInput,
  EnrolmentListParams,
  EnrolmentStatus,
  PlanInput,
  PlanListParams,
} from '../../../../common/src/contracts/mutual-aid.js';
import type { workerAccount } from '../portal/portal.schema.js';

type PlanRow = typeof mutualAidPlan.$inferSelect;
type EnrolmentRow = typeof mutualAidEnrolment.$inferSelect;
type ClaimRow = typeof mutualAidClaim.$inferSelect;
type Worker = typeof workerAccount.$inferSelect;

const underSql = (col: typeof mutualAidEnrolment.orgId | typeof mutualAidClaim.orgId) => (v: string) => underOrgSql(col, v);

/** An enrolment's cover today: not begun, in force (both ends included), over. */
function enrolmentStatusSql(status: EnrolmentStatus, today: string) {
  if (status === 'upcoming') return sql`${mutualAidEnrolment.coverFrom} > ${today}`;
  if (status === 'ended') return sql`${mutualAidEnrolment.coverTo} < ${today}`;
  return and(sql`${mutualAidEnrolment.coverFrom} <= ${today}`, sql`${mutualAidEnrolment.coverTo} >= ${today}`)!;
}
const enrolmentStatus = (e: { coverFrom: string; coverTo: string }, today: string): EnrolmentStatus =>
  e.coverFrom > today ? 'upcoming' : e.coverTo < today ? 'ended' : 'active';

export const enrolments = resource<typeof mutualAidEnrolment, EnrolmentListParams>({
  table: mutualAidEnrolment,
  entity: 'mutual_aid_enrolment',
  noun: ['参保记录', 'enrolment'],
  orgColumn: mutualAidEnrolment.orgId,
  idColumn: mutualAidEnrolment.id,
  filters: {
    planId: (v) => eq(mutualAidEnrolment.planId, v),
    memberId: (v) => eq(mutualAidEnrolment.memberId, v),
    under: underSql(mutualAidEnrolment.orgId),
    status: (v) => enrolmentStatusSql(v, todayInChina()),
  },
  sorts: { coverFrom: mutualAidEnrolment.coverFrom, paidOn: mutualAidEnrolment.paidOn },
  countCap: 1000,
});

export const claims = resource<typeof mutualAidClaim, ClaimListParams>({
  table: mutualAidClaim,
  entity: 'mutual_aid_claim',
  noun: ['互助金申请', 'claim'],
  orgColumn: mutualAidClaim.orgId,
  idColumn: mutualAidClaim.id,
  versionColumn: mutualAidClaim.version,
  filters: {
    status: (v) => eq(mutualAidClaim.status, v),
    planId: (v) => eq(mutualAidClaim.planId, v),
    under: underSql(mutualAidClaim.orgId),
  },
  sorts: { filedAt: mutualAidClaim.createdAt, eventOn: mutualAidClaim.eventOn },
  countCap: 1000,
});

const flowTable = { table: mutualAidClaim, id: mutualAidClaim.id, status: mutualAidClaim.status, version: mutualAidClaim.version };

async function orgNames(exec: Executor, ids: string[]) {
  const u = [...new Set(ids)];
  if (!u.length) return new Map<string, string>();
  return new Map((await exec.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, u))).map((r) => [r.id, r.name]));
}
async function memberNames(exec: Executor, ids: string[]) {
  const u = [...new Set(ids)];
  if (!u.length) return new Map<string, string>();
  return new Map((await exec.select({ id: member.id, name: member.name }).from(member).where(inArray(member.id, u))).map((r) => [r.id, r.name]));
}
async function plansById(exec: Executor, ids: string[]) {
  const u = [...new Set(ids)];
  if (!u.length) return new Map<string, PlanRow>();
  return new Map((await exec.select().from(mutualAidPlan).where(inArray(mutualAidPlan.id, u))).map((p) => [p.id, p]));
}

// ---- plans: run by a federation, seen by its scope and by the unions below it ----

const enrolledN = sql<number>`(SELECT count(*)::int FROM mutual_aid_enrolment e WHERE e.plan_id = mutual_aid_plan.id)`;

function presentPlan(p: PlanRow, orgName: string, enrolled: number, enrolledInScope: number) {
  return {
    id: p.id,
    orgId: p.orgId,
    orgName,
    kind: p.kind,
    name: p.name,
    feeFen: Number(p.feeFen),
    maxPayoutFen: Number(p.maxPayoutFen),
    startsOn: p.startsOn,
    coverYears: p.coverYears,
    enrolled,
    enrolledInScope,
    version: p.version,
  };
}

/** How many of each plan's enrolments are the caller's to see (the members of their own unions). */
async function enrolledInScope(c: Ctx, planIds: string[]) {
  if (!planIds.length) return new Map<string, number>();
  const rows = await c.db
    .select({ planId: mutualAidEnrolment.planId, n: count() })
    .from(mutualAidEnrolment)
    .where(and(inArray(mutualAidEnrolment.planId, planIds), ownedScopeSql(c.actor.scope, mutualAidEnrolment.orgId)))
    .groupBy(mutualAidEnrolment.planId);
  return new Map(rows.map((r) => [r.planId, Number(r.n)]));
}

const planVisible = (c: Ctx) => inScopeOrAboveSql(c.actor.scope, c.actor.orgPath, mutualAidPlan.orgId);

export async function listPlans(c: Ctx, q: PlanListParams) {
  const where = and(
    planVisible(c),
    q.kind ? eq(mutualAidPlan.kind, q.kind) : undefined,
    q.year ? and(sql`${mutualAidPlan.startsOn} >= ${`${q.year}-01-01`}`, sql`${mutualAidPlan.startsOn} <= ${`${q.year}-12-31`}`) : undefined,
    q.under ? underOrgSql(mutualAidPlan.orgId, q.under) : undefined,
  );
  const [rows, [n]] = await Promise.all([
    c.db
      .select({ p: mutualAidPlan, enrolled: enrolledN })
      .from(mutualAidPlan)
      .where(where)
      .orderBy(desc(mutualAidPlan.startsOn), asc(mutualAidPlan.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    c.db.select({ n: count() }).from(mutualAidPlan).where(where),
  ]);
  const [on, mine] = await Promise.all([
    orgNames(
      c.db,
      rows.map((r) => r.p.orgId),
    ),
    enrolledInScope(
      c,
      rows.map((r) => r.p.id),
    ),
  ]);
  return {
    items: rows.map((r) => presentPlan(r.p, on.get(r.p.orgId) ?? '', r.enrolled, mine.get(r.p.id) ?? 0)),
    total: Number(n?.n ?? 0),
    totalExact: true,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function requirePlan(c: Ctx, exec: Executor, id: string) {
  const [p] = await exec
    .select()
    .from(mutualAidPlan)
    .where(and(eq(mutualAidPlan.id, id), planVisible(c)));
  if (!p) throw errors.notFound('互助保障计划', 'plan');
  return p;
}

export async function getPlan(c: Ctx, id: string) {
  const p = await requirePlan(c, c.db, id);
  const [[n], on] = await Promise.all([
    c.db.select({ n: count() }).from(mutualAidEnrolment).where(eq(mutualAidEnrolment.planId, id)),
    orgNames(c.db, [p.orgId]),
  ]);
  const mine = await enrolledInScope(c, [id]);
  return presentPlan(p, on.get(p.orgId) ?? '', Number(n?.n ?? 0), mine.get(id) ?? 0);
}

export async function createPlan(c: Ctx, body: PlanInput) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    const coverYears = mutualAidRuleOn(body.startsOn).coverYears[body.kind];
    const id = uuidv7();
    const [p] = await tx
      .insert(mutualAidPlan)
      .values({ id, ...body, coverYears })
      .returning();
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: body.orgId,
      action: 'mutual_aid.plan_create',
      entity: 'mutual_aid_plan',
      entityId: id,
      changes: { ...body, coverYears },
    });
    return presentPlan(p!, o.name, 0, 0);
  });
}

// ---- enrolment: the unit union enrols and pays for its members ----

type Problem = { row: number | null; zh: string; en: string };

async function enrolMembers(c: Ctx, tx: Executor, plan: PlanRow, memberIds: string[], paidOn: string, problems: Problem[], rowOf?: Map<string, number>) {
  const planPath = (await tx.select({ path: org.path }).from(org).where(eq(org.id, plan.orgId)))[0]?.path ?? '';
  const rows = memberIds.length
    ? await tx
        .select({ id: member.id, orgId: member.orgId, sex: member.sex, status: member.status, name: member.name, path: org.path })
        .from(member)
        .innerJoin(org, eq(org.id, member.orgId))
        .where(and(inArray(member.id, memberIds), ownedScopeSql(c.actor.scope, member.orgId)))
    : [];
  const found = new Map(rows.map((r) => [r.id, r]));
  const ok: typeof rows = [];
  for (const id of memberIds) {
    const m = found.get(id);
    const row = rowOf?.get(id) ?? null;
    if (!m) problems.push({ row, zh: '会员不存在或不在您的管理范围内', en: 'No such member in your scope' });
    else if (!m.path.startsWith(planPath)) problems.push({ row, zh: `${m.name}不在该计划举办工会的范围内`, en: `${m.name} is outside the plan's union` });
    else if (m.status !== 'active') problems.push({ row, zh: `${m.name}不是在册会员`, en: `${m.name} is not an active member` });
    else if (plan.kind === 'women_illness' && m.sex !== 'F')
      problems.push({ row, zh: `${m.name}：女职工特殊疾病保障只接受女职工参保`, en: `${m.name}: the women's illness plan is for women only` });
    else ok.push(m);
  }
  const from = coverStart(plan.startsOn, paidOn);
  const to = coverEnd(from, plan.coverYears);
  const inserted = ok.length
    ? await tx
        .insert(mutualAidEnrolment)
        .values(ok.map((m) => ({ id: uuidv7(), planId: plan.id, orgId: m.orgId, memberId: m.id, paidOn, feeFen: plan.feeFen, coverFrom: from, coverTo: to })))
        .onConflictDoNothing()
        .returning({ id: mutualAidEnrolment.id, orgId: mutualAidEnrolment.orgId })
    : [];
  const perOrg = new Map<string, number>();
  for (const r of inserted) perOrg.set(r.orgId, (perOrg.get(r.orgId) ?? 0) + 1);
  for (const [orgId, n] of perOrg) {
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId,
      action: 'mutual_aid.enrol',
      entity: 'mutual_aid_plan',
      entityId: plan.id,
      changes: { enrolled: n, paidOn, coverFrom: from, coverTo: to },
    });
  }
  return { enrolled: inserted.length, already: ok.length - inserted.length, problems };
}

/**
 * The member with this ID number (by its blind index) in the caller's scope: a number held outside
 * it reads as unknown, so the answer does not tell whether someone is a member elsewhere.
 */
async function memberIdByIdNumber(c: Ctx, exec: Executor, idNumber: string) {
  const [m] = await exec
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.idIndex, idIndexOf(c.keys, idNumber.toUpperCase())), ownedScopeSql(c.actor.scope, member.orgId)));
  return m?.id;
}
const NO_SUCH_ID_NUMBER = { zh: '未找到该身份证号的会员', en: 'No member with this ID number' };

/** Enrol members chosen by id, and those whose ID numbers were pasted (a problem's row is the number's place in that list). */
export async function enrol(c: Ctx, planId: string, body: { memberIds: string[]; idNumbers?: string[]; paidOn: string }) {
  return c.db.transaction(async (tx) => {
    const plan = await requirePlan(c, tx, planId);
    const problems: Problem[] = [];
    const ids = [...body.memberIds];
    const rowOf = new Map<string, number>();
    for (const [i, idNumber] of (body.idNumbers ?? []).entries()) {
      const id = await memberIdByIdNumber(c, tx, idNumber);
      if (!id) problems.push({ row: i + 1, ...NO_SUCH_ID_NUMBER });
      else {
        ids.push(id);
        if (!rowOf.has(id)) rowOf.set(id, i + 1);
      }
    }
    return enrolMembers(c, tx, plan, [...new Set(ids)], body.paidOn, problems, rowOf);
  });
}

/** Enrol from an xlsx roster (the member import's reader): the column headed 身份证号, or the first one. */
export async function enrolFromXlsx(c: Ctx, planId: string, body: { fileName: string; data: string; paidOn: string }) {
  await requirePlan(c, c.db, planId);
  const bytes = Buffer.from(body.data.replace(/^data:[^;,]*;base64,/, ''), 'base64');
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw errors.invalid('文件不是 xlsx 格式', 'The file is not an xlsx workbook');
  const problems: Problem[] = [];
  const ids: string[] = [];
  const rowOf = new Map<string, number>();
  let col = 0;
  try {
    for await (const r of readRoster({ bytes }, 'xlsx')) {
      if (r.sheet !== 0) break;
      const cells = r.cells.map((x) => String(flattenCell(x) ?? '').trim());
      if (r.rowNo === 1) {
        const i = cells.findIndex((x) => /身份证/.test(x));
        if (i >= 0) {
          col = i;
          continue;
        }
      }
      const idNumber = (cells[col] ?? '').toUpperCase();
      if (!idNumber) continue;
      if (ids.length >= 5000) throw errors.invalid('一次最多导入5000人', 'At most 5000 rows at once');
      const id = await memberIdByIdNumber(c, c.db, idNumber);
      if (!id) problems.push({ row: r.rowNo, ...NO_SUCH_ID_NUMBER });
      else {
        ids.push(id);
        rowOf.set(id, r.rowNo);
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw errors.invalid('无法读取 xlsx 文件', 'The xlsx file cannot be read');
  }
  return c.db.transaction(async (tx) => {
    const plan = await requirePlan(c, tx, planId);
    return enrolMembers(c, tx, plan, [...new Set(ids)], body.paidOn, problems, rowOf);
  });
}

function presentEnrolment(e: EnrolmentRow, p: PlanRow | undefined, orgName: string, memberName: string, today: string) {
  return {
    id: e.id,
    planId: e.planId,
    planName: p?.name ?? '',
    kind: p?.kind ?? '',
    orgId: e.orgId,
    orgName,
    memberId: e.memberId,
    memberName: maskPersonName(memberName),
    paidOn: e.paidOn,
    feeFen: Number(e.feeFen),
    coverFrom: e.coverFrom,
    coverTo: e.coverTo,
    status: enrolmentStatus(e, today),
  };
}

export async function listEnrolments(c: Ctx, q: EnrolmentListParams) {
  const page = await enrolments.list(c, q);
  const [ps, on, mn] = await Promise.all([
    plansById(
      c.db,
      page.items.map((e) => e.planId),
    ),
    orgNames(
      c.db,
      page.items.map((e) => e.orgId),
    ),
    memberNames(
      c.db,
      page.items.map((e) => e.memberId),
    ),
  ]);
  const today = todayInChina();
  return { ...page, items: page.items.map((e) => presentEnrolment(e, ps.get(e.planId), on.get(e.orgId) ?? '', mn.get(e.memberId) ?? '', today)) };
}

// ---- claims ----

function presentClaim(k: ClaimRow, p: PlanRow | undefined, e: { coverFrom: string; coverTo: string } | undefined, orgName: string, memberName: string) {
  return {
    id: k.id,
    claimNo: k.claimNo,
    status: k.status,
    planId: k.planId,
    planName: p?.name ?? '',
    kind: p?.kind ?? '',
    orgId: k.orgId,
    orgName,
    memberId: k.memberId,
    memberName,
    benefit: k.benefit,
    eventOn: k.eventOn,
    assessedOn: k.assessedOn,
    amountFen: Number(k.amountFen),
    approvedFen: k.approvedFen === null ? null : Number(k.approvedFen),
    coverFrom: e?.coverFrom ?? '',
    coverTo: e?.coverTo ?? '',
    filedBy: k.filedBy,
    filedAt: k.createdAt.toISOString(),
    paidOn: k.paidOn,
    reason: k.reason,
    version: k.version,
  };
}

export async function listClaims(c: Ctx, q: ClaimListParams) {
  const page = await claims.list(c, q);
  const ids = (f: (k: ClaimRow) => string) => page.items.map(f);
  const [ps, on, mn, es] = await Promise.all([
    plansById(
      c.db,
      ids((k) => k.planId),
    ),
    orgNames(
      c.db,
      ids((k) => k.orgId),
    ),
    memberNames(
      c.db,
      ids((k) => k.memberId),
    ),
    enrolmentsById(
      c.db,
      ids((k) => k.enrolmentId),
    ),
  ]);
  return {
    ...page,
    items: page.items.map((k) => presentClaim(k, ps.get(k.planId), es.get(k.enrolmentId), on.get(k.orgId) ?? '', maskPersonName(mn.get(k.memberId) ?? ''))),
  };
}

async function enrolmentsById(exec: Executor, ids: string[]) {
  const u = [...new Set(ids)];
  if (!u.length) return new Map<string, EnrolmentRow>();
  return new Map((await exec.select().from(mutualAidEnrolment).where(inArray(mutualAidEnrolment.id, u))).map((e) => [e.id, e]));
}

async function claimDetail(c: Ctx, exec: Executor, k: ClaimRow) {
  const [ps, on, mn, es, docs] = await Promise.all([
    plansById(exec, [k.planId]),
    orgNames(exec, [k.orgId]),
    memberNames(exec, [k.memberId]),
    enrolmentsById(exec, [k.enrolmentId]),
    exec
      .select({
        id: mutualAidDocument.id,
        kind: mutualAidDocument.kind,
        fileName: mutualAidDocument.fileName,
        mime: mutualAidDocument.mime,
        size: mutualAidDocument.size,
        createdAt: mutualAidDocument.createdAt,
      })
      .from(mutualAidDocument)
      .where(eq(mutualAidDocument.claimId, k.id))
      .orderBy(asc(mutualAidDocument.createdAt)),
  ]);
  return {
    ...presentClaim(k, ps.get(k.planId), es.get(k.enrolmentId), on.get(k.orgId) ?? '', mn.get(k.memberId) ?? ''),
    description: k.description,
    documents: docs.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
    actions: allowedActions(MUTUAL_AID_CLAIM_FLOW, k.status, c.actor.permissions),
    can: { attach: c.actor.permissions.has('mutual_aid.write') && k.status === 'submitted' },
  };
}

/** A claim holds health information (PIPL Art. 28): reading it is audited. */
export async function getClaim(c: Ctx, id: string) {
  const k = await claims.get(c, id);
  await c.db.transaction((tx) =>
    appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: k.orgId,
      action: 'mutual_aid.claim_read',
      entity: 'mutual_aid_claim',
      entityId: id,
    }),
  );
  return claimDetail(c, c.db, k);
}

const claimNo = (id: string, day: string) => `HZ${day.replace(/-/g, '')}-${id.slice(-6).toUpperCase()}`;

function checkClaim(plan: PlanRow, e: EnrolmentRow, input: ClaimInput) {
  if (input.eventOn > todayInChina())
    throw errors.invalid('事故或确诊日期不能晚于今天', 'The event cannot be in the future', {
      fields: [{ path: 'body.eventOn', message: '不能晚于今天', messageEn: 'not after today' }],
    });
  if (!MUTUAL_AID_BENEFITS[plan.kind as MutualAidKind].includes(input.benefit))
    throw errors.invalid('该保障计划不支付此项目', 'The plan does not pay for this', {
      fields: [{ path: 'body.benefit', message: '该计划不含此给付项目', messageEn: 'not in this plan' }],
    });
  const p = claimProblem(plan.kind as MutualAidKind, { from: e.coverFrom, to: e.coverTo }, input);
  if (p) throw new AppError(422, p.code, p.zh, p.en, { coverFrom: e.coverFrom, coverTo: e.coverTo, eventOn: input.eventOn });
  if (input.amountFen > Number(plan.maxPayoutFen))
    throw errors.invalid(
      `申请金额超过该计划最高给付 ${Number(plan.maxPayoutFen) / 100} 元`,
      `The amount exceeds the plan's maximum of ${Number(plan.maxPayoutFen) / 100} yuan`,
    );
}

async function insertClaim(
  tx: Executor,
  e: EnrolmentRow,
  plan: PlanRow,
  input: ClaimInput,
  by: { filedBy: 'union' | 'worker'; accountId: string | null; actorId: string | null; actorName: string; ip: string | null },
) {
  checkClaim(plan, e, input);
  const id = uuidv7();
  const [k] = await tx
    .insert(mutualAidClaim)
    .values({
      id,
      claimNo: claimNo(id, todayInChina()),
      enrolmentId: e.id,
      planId: e.planId,
      orgId: e.orgId,
      memberId: e.memberId,
      status: 'submitted',
      benefit: input.benefit,
      eventOn: input.eventOn,
      assessedOn: input.assessedOn,
      amountFen: input.amountFen,
      description: input.description,
      filedBy: by.filedBy,
      accountId: by.accountId,
    })
    .returning();
  await appendAudit(tx, {
    actorId: by.actorId,
    actorName: by.actorName,
    ip: by.ip,
    orgId: e.orgId,
    action: 'mutual_aid.claim_file',
    entity: 'mutual_aid_claim',
    entityId: id,
    changes: { benefit: input.benefit, eventOn: input.eventOn, assessedOn: input.assessedOn, amountFen: input.amountFen, filedBy: by.filedBy },
  });
  return k!;
}

export async function fileClaim(c: Ctx, input: ClaimInput) {
  return c.db.transaction(async (tx) => {
    const e = await enrolments.get(c, input.enrolmentId, { exec: tx });
    const [plan] = await tx.select().from(mutualAidPlan).where(eq(mutualAidPlan.id, e.planId));
    const k = await insertClaim(tx, e, plan!, input, { filedBy: 'union', accountId: null, actorId: c.actor.userId, actorName: c.actor.username, ip: c.ip });
    return claimDetail(c, tx, k);
  });
}

async function storeDocument(
  tx: Executor,
  claim: ClaimRow,
  input: DocumentInput,
  uploadedBy: string,
  audit: { actorId: string | null; actorName: string; ip: string | null },
) {
  const { bytes, mime } = decodeUpload(input.data);
  const id = uuidv7();
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const [d] = await tx
    .insert(mutualAidDocument)
    .values({
      id,
      claimId: claim.id,
      orgId: claim.orgId,
      kind: input.kind,
      fileName: input.fileName,
      mime,
      size: bytes.length,
      sha256,
      data: bytes,
      uploadedBy,
    })
    .returning();
  await appendAudit(tx, {
    ...audit,
    orgId: claim.orgId,
    action: 'mutual_aid.document_add',
    entity: 'mutual_aid_claim',
    entityId: claim.id,
    changes: { documentId: id, kind: input.kind, fileName: input.fileName, mime, size: bytes.length, sha256 },
  });
  return { id, kind: d!.kind, fileName: d!.fileName, mime, size: d!.size, createdAt: d!.createdAt.toISOString() };
}

export async function attachDocument(c: Ctx, claimId: string, input: DocumentInput) {
  return c.db.transaction(async (tx) => {
    const k = await claims.get(c, claimId, { exec: tx, lock: true });
    if (k.status !== 'submitted') throw errors.conflict('申请已审核，不能再补充材料', 'The claim has been reviewed; no more documents');
    return storeDocument(tx, k, input, c.actor.username, { actorId: c.actor.userId, actorName: c.actor.username, ip: c.ip });
  });
}

export async function readDocument(c: Ctx, id: string) {
  const [row] = await c.db
    .select({ d: mutualAidDocument, path: org.path })
    .from(mutualAidDocument)
    .innerJoin(org, eq(org.id, mutualAidDocument.orgId))
    .where(eq(mutualAidDocument.id, id));
  if (!row || !scopeCovers(c.actor.scope, { id: row.d.orgId, path: row.path })) throw errors.notFound('申请材料', 'document');
  await c.db.transaction((tx) =>
    appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: row.d.orgId,
      action: 'mutual_aid.document_read',
      entity: 'mutual_aid_claim',
      entityId: row.d.claimId,
      changes: { documentId: id, fileName: row.d.fileName },
    }),
  );
  return row.d;
}

export async function approveClaim(c: Ctx, id: string, input: { approvedFen: number; note?: string | null; version: number }) {
  return c.db.transaction(async (tx) => {
    const k = await claims.get(c, id, { exec: tx, lock: true });
    if (k.version !== input.version) throw errors.versionConflict();
    const [plan] = await tx.select().from(mutualAidPlan).where(eq(mutualAidPlan.id, k.planId));
    if (input.approvedFen > Number(plan!.maxPayoutFen))
      throw errors.invalid(
        `核准金额超过该计划最高给付 ${Number(plan!.maxPayoutFen) / 100} 元`,
        `Above the plan's maximum of ${Number(plan!.maxPayoutFen) / 100} yuan`,
      );
    const after = await step(c, tx, MUTUAL_AID_CLAIM_FLOW, flowTable, 'approve', {
      row: k,
      input,
      set: { approvedFen: input.approvedFen },
      changes: { approvedFen: input.approvedFen },
      detail: input.note ?? null,
    });
    return claimDetail(c, tx, after as ClaimRow);
  });
}

export async function payClaim(c: Ctx, id: string, input: { paidOn: string; version: number }) {
  return c.db.transaction(async (tx) => {
    const k = await claims.get(c, id, { exec: tx, lock: true });
    if (k.version !== input.version) throw errors.versionConflict();
    const after = await step(c, tx, MUTUAL_AID_CLAIM_FLOW, flowTable, 'pay', {
      row: k,
      input,
      set: { paidOn: input.paidOn },
      changes: { paidOn: input.paidOn },
    });
    return claimDetail(c, tx, after as ClaimRow);
  });
}

export async function rejectClaim(c: Ctx, id: string, input: { reason: string; version: number }) {
  return c.db.transaction(async (tx) => {
    const k = await claims.get(c, id, { exec: tx, lock: true });
    if (k.version !== input.version) throw errors.versionConflict();
    const after = await step(c, tx, MUTUAL_AID_CLAIM_FLOW, flowTable, 'reject', { row: k, input, set: { reason: input.reason }, detail: input.reason });
    return claimDetail(c, tx, after as ClaimRow);
  });
}

// ---- dashboard ----

export async function figures(c: Ctx) {
  const inScope = (col: AnyColumn) => ownedScopeSql(c.actor.scope, col);
  const [[m], [e], byKind, byStatus, [paid]] = await Promise.all([
    c.db
      .select({ n: count() })
      .from(member)
      .where(and(inScope(member.orgId), eq(member.status, 'active'))),
    c.db
      .select({ n: sql<number>`count(DISTINCT ${mutualAidEnrolment.memberId})::int` })
      .from(mutualAidEnrolment)
      .where(and(inScope(mutualAidEnrolment.orgId), sql`${mutualAidEnrolment.coverTo} >= ${todayInChina()}`)),
    c.db
      .select({ kind: mutualAidPlan.kind, n: count() })
      .from(mutualAidEnrolment)
      .innerJoin(mutualAidPlan, eq(mutualAidPlan.id, mutualAidEnrolment.planId))
      .where(and(inScope(mutualAidEnrolment.orgId), sql`${mutualAidEnrolment.coverTo} >= ${todayInChina()}`))
      .groupBy(mutualAidPlan.kind),
    c.db.select({ status: mutualAidClaim.status, n: count() }).from(mutualAidClaim).where(inScope(mutualAidClaim.orgId)).groupBy(mutualAidClaim.status),
    c.db
      .select({ fen: sql<string>`coalesce(sum(${mutualAidClaim.approvedFen}), 0)`, n: count() })
      .from(mutualAidClaim)
      .where(and(inScope(mutualAidClaim.orgId), eq(mutualAidClaim.status, 'paid'))),
  ]);
  return {
    members: Number(m?.n ?? 0),
    enrolled: Number(e?.n ?? 0),
    byKind: byKind.map((r) => ({ kind: r.kind, enrolled: Number(r.n) })),
    claims: byStatus.map((r) => ({ status: r.status, n: Number(r.n) })),
    paidFen: Number(paid?.fen ?? 0),
    paidCount: Number(paid?.n ?? 0),
  };
}

// ---- the worker's side: only their own cover and claims ----

function presentWorkerClaim(k: ClaimRow, planName: string) {
  return {
    id: k.id,
    claimNo: k.claimNo,
    planName,
    benefit: k.benefit,
    eventOn: k.eventOn,
    amountFen: Number(k.amountFen),
    approvedFen: k.approvedFen === null ? null : Number(k.approvedFen),
    status: k.status,
    filedAt: k.createdAt.toISOString(),
    paidOn: k.paidOn,
    reason: k.reason,
  };
}

export async function workerMutualAid(s: Services, w: Worker) {
  if (!w.memberId) return { linked: false, covers: [], claims: [] };
  const today = todayInChina();
  const [es, ks] = await Promise.all([
    s.db
      .select({ e: mutualAidEnrolment, p: mutualAidPlan })
      .from(mutualAidEnrolment)
      .innerJoin(mutualAidPlan, eq(mutualAidPlan.id, mutualAidEnrolment.planId))
      .where(eq(mutualAidEnrolment.memberId, w.memberId))
      .orderBy(desc(mutualAidEnrolment.coverTo))
      .limit(50),
    s.db
      .select({ k: mutualAidClaim, planName: mutualAidPlan.name })
      .from(mutualAidClaim)
      .innerJoin(mutualAidPlan, eq(mutualAidPlan.id, mutualAidClaim.planId))
      .where(eq(mutualAidClaim.memberId, w.memberId))
      .orderBy(desc(mutualAidClaim.createdAt))
      .limit(50),
  ]);
  return {
    linked: true,
    covers: es.map(({ e, p }) => ({
      enrolmentId: e.id,
      planName: p.name,
      kind: p.kind,
      coverFrom: e.coverFrom,
      coverTo: e.coverTo,
      active: covers({ from: e.coverFrom, to: e.coverTo }, today),
      benefits: [...MUTUAL_AID_BENEFITS[p.kind as MutualAidKind]],
    })),
    claims: ks.map((r) => presentWorkerClaim(r.k, r.planName)),
  };
}

export async function workerFileClaim(s: Services, w: Worker, input: ClaimInput & { document?: DocumentInput }, ip: string) {
  if (!w.memberId) throw errors.conflict('请先在“我的”中关联会员身份', 'Link your membership first');
  return s.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ e: mutualAidEnrolment, p: mutualAidPlan })
      .from(mutualAidEnrolment)
      .innerJoin(mutualAidPlan, eq(mutualAidPlan.id, mutualAidEnrolment.planId))
      .where(and(eq(mutualAidEnrolment.id, input.enrolmentId), eq(mutualAidEnrolment.memberId, w.memberId!)));
    if (!row) throw errors.notFound('您的参保记录', 'enrolment of yours');
    const who = { actorId: null, actorName: 'worker:' + w.mobileMasked, ip };
    const k = await insertClaim(tx, row.e, row.p, input, { filedBy: 'worker', accountId: w.id, ...who });
    if (input.document) await storeDocument(tx, k, input.document, who.actorName, who);
    return presentWorkerClaim(k, row.p.name);
  });
}
