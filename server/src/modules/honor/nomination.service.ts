import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { honorCall, honorNomination, honorObjection, honorRecord } from './honor.schema.js';
import { competition, competitionEntry } from '../competition/competition.schema.js';
import { member } from '../member/member.schema.js';
import { calls, nominations, objections, orgCovered, orgsById, records } from './honor.repo.js';
import { canManageCall, checkList } from './call.service.js';
import { requireOrgInScope } from '../org/org.service.js';
import { NOMINATION_FLOW } from '../../../../common/src/honor-workflow.js';
import { allowedActions } from '../../../../common/src/workflow.js';
import {
  CATEGORIES,
  CLEARANCE_AGENCIES,
  CLEARANCE_AGENCY_LABELS,
  HONOR_KIND_LABELS,
  HONOR_OUTSIDE_QUOTA_RULE,
  inCategory,
  mayGoOutsideQuota,
  unclearedAgencies,
  type HonorKind,
} from '../../../../common/src/honor-rules.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { ruleOn } from '../../platform/rules.js';
import { step } from '../../platform/workflow.js';
import { AppError, errors } from '../../platform/errors.js';
import { scopeCovers } from '../../platform/scope.js';
import { appendAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { NominationInput, NominationListParams } from '../../../../common/src/contracts/honor.js';

type NominationRow = typeof honorNomination.$inferSelect;
type CallRow = typeof honorCall.$inferSelect;
const W = { table: honorNomination, id: honorNomination.id, status: honorNomination.status, version: honorNomination.version };
const LEVEL_PREFIX: Record<string, { level: string; zh: string }> = {
  national: { level: 'national', zh: '全国' },
  province: { level: 'province', zh: '省' },
  city: { level: 'city', zh: '市' },
  county: { level: 'county', zh: '区（县）' },
  street: { level: 'county', zh: '街道' },
  grassroots: { level: 'employer', zh: '' },
};

const categoriesOf = (n: NominationRow) => CATEGORIES.filter((cat) => inCategory({ ...n, occupation: n.occupation as never }, cat));

function presentItem(n: NominationRow, names: Map<string, { name: string }>, callTitle: string, openObjections: number) {
  return {
    id: n.id,
    callId: n.callId,
    callTitle,
    orgId: n.orgId,
    orgName: names.get(n.orgId)?.name ?? '',
    quotaOrgId: n.quotaOrgId,
    kind: n.kind,
    name: n.name,
    employer: n.employer,
    post: n.post,
    occupation: n.occupation,
    categories: categoriesOf(n),
    status: n.status,
    outsideQuota: n.outsideQuota,
    clearedCount: n.clearance.filter((x) => x.result === 'clear').length,
    openObjections,
    certificateNo: null as string | null,
    version: n.version,
  };
}

export async function listNominations(c: Ctx, q: NominationListParams) {
  const page = await nominations.list(c, q);
  const names = await orgsById(
    c.db,
    page.items.map((n) => n.orgId),
  );
  const callIds = [...new Set(page.items.map((n) => n.callId))];
  const titles = new Map(
    callIds.length
      ? (await c.db.select({ id: honorCall.id, title: honorCall.title }).from(honorCall).where(inArray(honorCall.id, callIds))).map((r) => [r.id, r.title])
      : [],
  );
  return { ...page, items: page.items.map((n) => presentItem(n, names, titles.get(n.callId) ?? '', 0)) };
}

/** The unions that may act on a nomination at its level: the quota holder endorses, the calling union reviews and approves. */
async function actorRole(c: Ctx, exec: Executor, n: NominationRow, call: CallRow) {
  const review = c.actor.permissions.has('honor.review');
  return {
    callBody: await canManageCall(c, exec, call),
    quotaBody: review && !!n.quotaOrgId && (await orgCovered(c, exec, n.quotaOrgId)),
  };
}

/** Why approval is not possible yet: notice not over, an agency not clear, an objection unanswered or upheld. */
async function blockersOf(exec: Executor, n: NominationRow, call: CallRow) {
  const out: { zh: string; en: string }[] = [];
  const today = todayInChina();
  if (call.status !== 'notice' || !call.noticeTo) out.push({ zh: '尚未公示', en: 'Not yet published' });
  else if (today <= call.noticeTo) out.push({ zh: `公示期至 ${call.noticeTo}，期满后方可批准`, en: `The notice runs until ${call.noticeTo}` });
  const uncleared = unclearedAgencies(n.clearance);
  if (uncleared.length)
    out.push({ zh: `联审未全部通过：${uncleared.map((a) => CLEARANCE_AGENCY_LABELS[a].zh).join('、')}`, en: `Not cleared by: ${uncleared.join(', ')}` });
  const objs = await exec
    .select({ status: honorObjection.status, finding: honorObjection.finding })
    .from(honorObjection)
    .where(eq(honorObjection.nominationId, n.id));
  const open = objs.filter((o) => o.status !== 'answered').length;
  if (open) out.push({ zh: `有${open}件异议尚未答复`, en: `${open} objections are not answered` });
  if (objs.some((o) => o.finding === 'upheld')) out.push({ zh: '异议经核实属实，不予批准', en: 'An objection was upheld' });
  return out;
}

export async function getNomination(c: Ctx, id: string) {
  const n = await nominations.get(c, id);
  const [call] = await c.db.select().from(honorCall).where(eq(honorCall.id, n.callId));
  const role = await actorRole(c, c.db, n, call!);
  const names = await orgsById(c.db, [n.orgId]);
  const objs = role.callBody ? await c.db.select().from(honorObjection).where(eq(honorObjection.nominationId, id)).orderBy(honorObjection.receivedAt) : [];
  const openObjections = objs.filter((o) => o.status !== 'answered').length;
  const [rec] = n.recordId ? await c.db.select({ certificateNo: honorRecord.certificateNo }).from(honorRecord).where(eq(honorRecord.id, n.recordId)) : [];
  const actions = allowedActions(NOMINATION_FLOW, n.status, c.actor.permissions).filter((a) => {
    if (a === 'endorse') return role.quotaBody;
    if (a === 'submit') return false; // the list is submitted as a whole (…/calls/:id/submit)
    if (a === 'reject') return ['nominated', 'endorsed'].includes(n.status) ? role.quotaBody || role.callBody : role.callBody;
    if (a === 'withdraw') return true;
    return role.callBody;
  });
  return {
    ...presentItem(n, names, call!.title, openObjections),
    certificateNo: rec?.certificateNo ?? null,
    memberId: n.memberId,
    deeds: n.deeds,
    migrantWorker: n.migrantWorker,
    nonPublic: n.nonPublic,
    team: n.team,
    gigWorker: n.gigWorker,
    woman: n.woman,
    frontline: n.frontline,
    recommendation: n.recommendation,
    competitionEntryId: n.competitionEntryId,
    rejectReason: n.rejectReason,
    callStatus: call!.status,
    noticeFrom: call!.noticeFrom,
    noticeTo: call!.noticeTo,
    clearance: CLEARANCE_AGENCIES.map((a) => n.clearance.find((x) => x.agency === a) ?? { agency: a, result: 'pending', on: null, note: null }),
    uncleared: unclearedAgencies(n.clearance),
    objections: objs.map(presentObjection(n.name)),
    recordId: n.recordId,
    actions,
    blockers: n.status === 'recommended' ? await blockersOf(c.db, n, call!) : [],
    can: { clearance: ['submitted', 'recommended'].includes(n.status) && c.actor.permissions.has('honor.write') && (role.callBody || role.quotaBody) },
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

export const presentObjection = (nomineeName: string) => (o: typeof honorObjection.$inferSelect) => ({
  id: o.id,
  nominationId: o.nominationId,
  nomineeName,
  content: o.content,
  receivedAt: o.receivedAt.toISOString(),
  status: o.status,
  finding: o.finding,
  answer: o.answer,
  answeredOn: o.answeredOn,
  contactMasked: o.contactMasked,
  named: !!o.nameCipher,
});

/** The nearest union on the unit's path (the unit itself first) that holds a quota of `kind` in the call. */
function quotaHolder(call: CallRow, unitPath: string, kind: string): string | null {
  const ids = unitPath.split('/').filter(Boolean).reverse();
  return ids.find((id) => call.quotas.some((q) => q.orgId === id && q.kind === kind)) ?? null;
}

export async function nominate(c: Ctx, body: NominationInput) {
  return c.db.transaction(async (tx) => {
    const call = await calls.get(c, body.callId, { exec: tx, lock: true });
    if (call.status !== 'nominating') throw errors.conflict('该评选不在推荐阶段', 'The call is not taking nominations');
    const unit = await requireOrgInScope(c, tx, body.orgId);
    const callOrg = (await orgsById(tx, [call.orgId])).get(call.orgId)!;
    if (!unit.path.startsWith(callOrg.path)) throw errors.invalid('推荐单位不在发布评选的工会之下', 'The unit is not below the calling union');
    if (!call.kinds.includes(body.kind))
      throw new AppError(400, 'VALIDATION_FAILED', `本次评选没有${HONOR_KIND_LABELS[body.kind].zh}`, `The call has no ${body.kind}`, {
        fields: [{ path: 'body.kind', message: '不在本次评选中', messageEn: 'not in the call' }],
      });
    if (body.memberId) {
      const [m] = await tx.select({ orgId: member.orgId }).from(member).where(eq(member.id, body.memberId));
      if (!m || !(await orgCovered(c, tx, m.orgId))) throw errors.notFound('会员', 'member');
    }
    let outsideQuota = false;
    if (body.competitionEntryId) {
      const entry = await entryWithRank(tx, body.competitionEntryId);
      if (!entry) throw errors.notFound('竞赛成绩', 'contest result');
      const rule = await ruleOn(c, HONOR_OUTSIDE_QUOTA_RULE, todayInChina(), tx);
      if (!mayGoOutsideQuota(rule, body.kind, entry)) {
        throw errors.invalid(
          `该竞赛成绩不符合单列推荐条件（须为${rule.competitionLevels.join('、')}级竞赛第${rule.maxRank}名以内的获奖者，荣誉限${rule.kinds.map((k) => HONOR_KIND_LABELS[k as HonorKind].zh).join('、')}）`,
          'This contest result does not allow a nomination outside the quota',
        );
      }
      outsideQuota = true;
    }
    const quotaOrgId = quotaHolder(call, unit.path, body.kind);
    if (!outsideQuota) {
      if (!quotaOrgId)
        throw errors.conflict(`本单位及上级工会没有本次评选${HONOR_KIND_LABELS[body.kind as HonorKind].zh}的名额`, `No quota of ${body.kind} for this unit`);
      const quota = call.quotas.filter((q) => q.orgId === quotaOrgId && q.kind === body.kind).reduce((s, q) => s + q.n, 0);
      const [used] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(honorNomination)
        .where(
          and(
            eq(honorNomination.callId, call.id),
            eq(honorNomination.quotaOrgId, quotaOrgId),
            eq(honorNomination.kind, body.kind),
            eq(honorNomination.outsideQuota, false),
            notInArray(honorNomination.status, ['rejected', 'withdrawn']),
          ),
        );
      if (used!.n >= quota)
        throw new AppError(
          409,
          'QUOTA_FULL',
          `${HONOR_KIND_LABELS[body.kind].zh}名额${quota}个，已推荐${used!.n}人，名额已满`,
          `Quota of ${quota} used up (${used!.n} nominated)`,
          { needed: quota, have: used!.n, off: used!.n + 1 - quota },
        );
    }
    const { callId, orgId, competitionEntryId, ...rest } = body;
    const row = await nominations.create(
      c,
      tx,
      {
        id: uuidv7(),
        callId,
        orgId,
        quotaOrgId: quotaOrgId ?? call.orgId,
        competitionEntryId,
        outsideQuota,
        ...rest,
        clearance: CLEARANCE_AGENCIES.map((agency) => ({ agency, result: 'pending', on: null, note: null })),
      },
      { action: 'honor.nominate' },
    );
    return { id: row.id, status: row.status, version: row.version };
  });
}

/** A contest entry with its rank in its event (by score, highest first) and the contest's level. */
export async function entryWithRank(exec: Executor, id: string) {
  const rows = (await exec.execute(sql`
    SELECT e.id, e.winner, c.level AS competition_level,
      (SELECT count(*)::int + 1 FROM competition_entry o WHERE o.competition_id = e.competition_id AND o.event = e.event AND o.score_centi > e.score_centi) AS rank,
      e.score_centi
    FROM ${competitionEntry} e JOIN ${competition} c ON c.id = e.competition_id WHERE e.id = ${id}`)) as unknown as {
    rows: { id: string; winner: boolean; competition_level: string; rank: number; score_centi: number | null }[];
  };
  const r = rows.rows[0];
  return r ? { competitionLevel: r.competition_level, rank: r.score_centi === null ? null : Number(r.rank), winner: r.winner } : null;
}

type Act = 'endorse' | 'review' | 'approve' | 'reject' | 'withdraw';

export async function nominationStep(c: Ctx, id: string, action: Act, input: { version?: number; reason?: string }) {
  return c.db.transaction(async (tx) => {
    const n = await nominations.get(c, id, { exec: tx, lock: true });
    if (input.version !== undefined && n.version !== input.version) throw errors.versionConflict();
    const [call] = await tx.select().from(honorCall).where(eq(honorCall.id, n.callId)).for('update');
    const role = await actorRole(c, tx, n, call!);
    if (action === 'endorse' && !role.quotaBody) throw errors.forbidden('由持有名额的工会审核');
    if ((action === 'review' || action === 'approve') && !role.callBody) throw errors.forbidden('由发布评选的工会评审');
    if (action === 'reject' && !(role.callBody || (role.quotaBody && ['nominated', 'endorsed'].includes(n.status))))
      throw errors.forbidden('由审核该推荐的工会办理');
    if (action === 'review' && call!.status !== 'reviewing' && call!.status !== 'nominating')
      throw errors.conflict('评选已进入公示，不能再评审', 'The call is past review');
    let set: Record<string, unknown> = {};
    if (action === 'reject' || action === 'withdraw') set = { rejectReason: input.reason };
    if (action === 'approve') {
      const blockers = await blockersOf(tx, n, call!);
      if (blockers.length)
        throw new AppError(
          409,
          'NOT_READY',
          `暂不能批准：${blockers.map((b) => b.zh).join('；')}`,
          `Cannot approve yet: ${blockers.map((b) => b.en).join('; ')}`,
          { blockers },
        );
      const callOrg = (await orgsById(tx, [call!.orgId])).get(call!.orgId)!;
      const lv = LEVEL_PREFIX[callOrg.level] ?? { level: 'city', zh: '' };
      const seq = ((await tx.execute(sql`SELECT nextval('honor_cert_seq')::int AS n`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
      const certificateNo = `RY${call!.year}${String(seq).padStart(6, '0')}`;
      const rec = await records.create(
        c,
        tx,
        {
          id: uuidv7(),
          orgId: n.orgId,
          memberId: n.memberId,
          callId: call!.id,
          nominationId: n.id,
          kind: n.kind,
          level: lv.level,
          title: `${lv.zh}${HONOR_KIND_LABELS[n.kind as HonorKind].zh}`,
          year: call!.year,
          name: n.name,
          employer: n.employer,
          post: n.post,
          certificateNo,
          awardedOn: todayInChina(),
        },
        { action: 'honor.record_create' },
      );
      set = { recordId: rec.id };
    }
    const after = (await step(c, tx, NOMINATION_FLOW, W, action, { row: n, input: input as Record<string, unknown>, set })) as NominationRow;
    return { id: after.id, status: after.status, version: after.version, recordId: after.recordId };
  });
}

/** Submit a union's list: refused with the numbers when it breaks a quota, a floor or a ceiling. */
export async function submitList(c: Ctx, callId: string, orgId: string) {
  return c.db.transaction(async (tx) => {
    const call = await calls.get(c, callId, { exec: tx, lock: true });
    if (!c.actor.permissions.has('honor.review') || !(await orgCovered(c, tx, orgId))) throw errors.notFound('工会组织', 'organisation');
    if (!['nominating', 'reviewing'].includes(call.status)) throw errors.conflict('该评选不在报送阶段', 'The call is not taking lists');
    const check = await checkList(c, tx, call, orgId);
    if (!check.passes) {
      throw new AppError(
        409,
        'QUOTA_CHECK_FAILED',
        `推荐名单不符合名额或比例要求：${check.problems.map((p) => p.zh).join('；')}`,
        `The list breaks the call's quota or floors: ${check.problems.map((p) => p.en).join('; ')}`,
        check,
      );
    }
    const endorsed = await tx
      .select()
      .from(honorNomination)
      .where(and(eq(honorNomination.callId, callId), eq(honorNomination.quotaOrgId, orgId), eq(honorNomination.status, 'endorsed')));
    for (const n of endorsed) await step(c, tx, NOMINATION_FLOW, W, 'submit', { row: n });
    return checkList(c, tx, call, orgId);
  });
}

export async function recordClearance(c: Ctx, id: string, body: { agency: string; result: string; on: string; note: string | null }) {
  return c.db.transaction(async (tx) => {
    const n = await nominations.get(c, id, { exec: tx, lock: true });
    const [call] = await tx.select().from(honorCall).where(eq(honorCall.id, n.callId));
    const role = await actorRole(c, tx, n, call!);
    if (!(
      role.callBody ||
      (n.quotaOrgId &&
        scopeCovers(c.actor.scope, { id: n.quotaOrgId, path: (await orgsById(tx, [n.quotaOrgId])).get(n.quotaOrgId)!.path }) &&
        c.actor.permissions.has('honor.review'))
    )) {
      throw errors.forbidden('联审意见由评审机关登记');
    }
    if (!['submitted', 'recommended'].includes(n.status))
      throw errors.conflict('报送后、批准前登记联审意见', 'Clearance is recorded after submission and before approval');
    const clearance = CLEARANCE_AGENCIES.map((a) =>
      a === body.agency
        ? { agency: a, result: body.result, on: body.on, note: body.note }
        : (n.clearance.find((x) => x.agency === a) ?? { agency: a, result: 'pending', on: null, note: null }),
    );
    const { after } = await nominations.update(
      c,
      tx,
      id,
      undefined,
      { clearance },
      { action: 'honor.clearance', changes: { agency: body.agency, result: body.result, on: body.on } },
    );
    return { id: after.id, status: after.status, version: after.version };
  });
}

export async function listObjections(c: Ctx, callId: string) {
  const call = await calls.get(c, callId);
  if (!(await canManageCall(c, c.db, call))) throw errors.forbidden('异议仅评审机关可查看');
  const rows = await c.db
    .select({ o: honorObjection, name: honorNomination.name })
    .from(honorObjection)
    .innerJoin(honorNomination, eq(honorNomination.id, honorObjection.nominationId))
    .where(eq(honorObjection.callId, callId))
    .orderBy(honorObjection.receivedAt);
  return rows.map((r) => presentObjection(r.name)(r.o));
}

export async function answerObjection(c: Ctx, id: string, body: { status: 'investigating' | 'answered'; finding: string | null; answer: string | null }) {
  return c.db.transaction(async (tx) => {
    const o = await objections.get(c, id, { exec: tx, lock: true });
    if (o.status === 'answered') throw errors.conflict('该异议已答复', 'Already answered');
    const set =
      body.status === 'answered' ? { status: 'answered', finding: body.finding, answer: body.answer, answeredOn: todayInChina() } : { status: 'investigating' };
    const { after } = await objections.update(c, tx, id, undefined, set, {
      action: body.status === 'answered' ? 'honor.objection_answer' : 'honor.objection_investigate',
    });
    const [n] = await tx.select({ name: honorNomination.name }).from(honorNomination).where(eq(honorNomination.id, o.nominationId));
    return presentObjection(n!.name)(after);
  });
}

/** Audit of an objection lodged by the public: no actor, the receipt number only. */
export async function auditObjection(tx: Executor, o: { id: string; orgId: string; receiptNo: string }, ip: string) {
  await appendAudit(tx, {
    actorId: null,
    actorName: null,
    ip,
    orgId: o.orgId,
    action: 'honor.objection_lodge',
    entity: 'honor_objection',
    entityId: o.id,
    changes: { receiptNo: o.receiptNo },
  });
}
