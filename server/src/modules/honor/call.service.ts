import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { honorCall, honorNomination } from './honor.schema.js';
import { calls, orgCovered, orgsById, orgOrThrow } from './honor.repo.js';
import { org } from '../org/org.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { CALL_FLOW } from '../../../../common/src/honor-workflow.js';
import { allowedActions } from '../../../../common/src/workflow.js';
import {
  checkFloors,
  floorFigures,
  HONOR_CALL_RULE,
  HONOR_KIND_LABELS,
  impossibleFloors,
  noticeOpen,
  noticePeriod,
  CATEGORY_LABELS,
  type Floor,
  type HonorKind,
  type Quota,
} from '../../../../common/src/honor-rules.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import { ruleOn, ruleVersions } from '../../platform/rules.js';
import { step } from '../../platform/workflow.js';
import { AppError, errors } from '../../platform/errors.js';
import { inScopeOrAboveSql } from '../../platform/scope.js';
import { versionOn } from '../../../../common/src/rules.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { CallInput, CallListParams } from '../../../../common/src/contracts/honor.js';

type CallRow = typeof honorCall.$inferSelect;
type NominationRow = typeof honorNomination.$inferSelect;
const W = { table: honorCall, id: honorCall.id, status: honorCall.status, version: honorCall.version };
const INACTIVE = ['rejected', 'withdrawn'];
/** Nominations that make up a union's list (endorsed and beyond). */
const ON_LIST = ['endorsed', 'submitted', 'recommended', 'approved'];

/** Whether the caller runs the call: honor.review and the calling union in scope. */
export async function canManageCall(c: Ctx, exec: Executor, call: { orgId: string }): Promise<boolean> {
  return c.actor.permissions.has('honor.review') && (await orgCovered(c, exec, call.orgId));
}
async function requireManage(c: Ctx, exec: Executor, call: CallRow) {
  if (!(await canManageCall(c, exec, call))) throw errors.forbidden('评选由发布评选的工会办理');
}

const presentItem = (r: CallRow, orgName: string, n: number) => ({
  id: r.id,
  orgId: r.orgId,
  orgName,
  title: r.title,
  year: r.year,
  kinds: r.kinds,
  status: r.status,
  nominationDeadline: r.nominationDeadline,
  noticeFrom: r.noticeFrom,
  noticeTo: r.noticeTo,
  noticeDays: r.noticeDays,
  noticeUnit: r.noticeUnit,
  nominations: n,
  version: r.version,
});

export async function listCalls(c: Ctx, q: CallListParams) {
  const cond = inScopeOrAboveSql(c.actor.scope, c.actor.orgPath, honorCall.orgId);
  const filters = [
    q.q ? sql`${honorCall.title} ILIKE ${'%' + q.q.replace(/[\\%_]/g, (x) => '\\' + x) + '%'}` : undefined,
    q.status ? eq(honorCall.status, q.status) : undefined,
    q.year ? eq(honorCall.year, q.year) : undefined,
  ];
  const where = and(cond, ...filters.filter(Boolean));
  const sortCol = q.sort === 'year' ? honorCall.year : q.sort === 'title' ? honorCall.title : honorCall.updatedAt;
  const n = sql<number>`(SELECT count(*)::int FROM honor_nomination hn WHERE hn.call_id = honor_call.id AND hn.status NOT IN ('rejected', 'withdrawn'))`;
  const [rows, total] = await Promise.all([
    c.db
      .select({ call: honorCall, orgName: org.name, n })
      .from(honorCall)
      .innerJoin(org, eq(org.id, honorCall.orgId))
      .where(where)
      .orderBy(q.order === 'asc' ? sql`${sortCol} ASC` : desc(sortCol), desc(honorCall.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    c.db
      .select({ n: sql<number>`count(*)::int` })
      .from(honorCall)
      .where(where),
  ]);
  return { items: rows.map((r) => presentItem(r.call, r.orgName, r.n)), total: total[0]!.n, totalExact: true, page: q.page, pageSize: q.pageSize };
}

async function activeNominations(exec: Executor, callId: string): Promise<NominationRow[]> {
  return exec
    .select()
    .from(honorNomination)
    .where(and(eq(honorNomination.callId, callId), notInArray(honorNomination.status, INACTIVE)));
}

/** Quotas with what each union used (active nominations inside the quota), its 单列 nominations, and whether its list is in. */
function quotaUse(call: CallRow, noms: NominationRow[], names: Map<string, { name: string }>) {
  return call.quotas.map((q) => {
    const mine = noms.filter((n) => n.quotaOrgId === q.orgId && n.kind === q.kind);
    const used = mine.filter((n) => !n.outsideQuota).length;
    return {
      orgId: q.orgId,
      orgName: names.get(q.orgId)?.name ?? '',
      kind: q.kind,
      quota: q.n,
      used,
      left: q.n - used,
      outside: mine.filter((n) => n.outsideQuota).length,
      submitted: mine.some((n) => ['submitted', 'recommended', 'approved'].includes(n.status)),
    };
  });
}

const asNominee = (n: NominationRow) => ({ ...n, occupation: n.occupation as never, kind: n.kind as HonorKind });
const floorKey = (fs: Floor[]) => fs.map((f) => [f.category, f.kinds.join('+'), f.op, f.pct ?? '', f.count ?? ''].join(':')).join('|');
/** The call's floors narrowed to the kinds it awards (a default floor of the 先锋号 says nothing of a call for 劳动模范). */
const floorsOf = (call: CallRow): Floor[] =>
  call.floors.map((f) => ({ ...f, kinds: f.kinds.filter((k) => call.kinds.includes(k)) })).filter((f) => f.kinds.length > 0);

export async function getCall(c: Ctx, id: string) {
  const call = await calls.get(c, id);
  const noms = await activeNominations(c.db, id);
  const names = await orgsById(c.db, [call.orgId, ...call.quotas.map((q) => q.orgId)]);
  const manage = await canManageCall(c, c.db, call);
  const listed = noms.filter((n) => ON_LIST.includes(n.status) && !n.outsideQuota);
  return {
    ...presentItem(call, names.get(call.orgId)?.name ?? '', noms.length),
    floors: call.floors,
    floorSource: call.floorSource,
    note: call.note,
    quotas: quotaUse(call, noms, names),
    figures: floorFigures(floorsOf(call), listed.map(asNominee)),
    noticeOpen: noticeOpen(call, todayInChina()),
    actions: manage ? allowedActions(CALL_FLOW, call.status, c.actor.permissions) : [],
    can: {
      edit: manage && ['draft', 'nominating'].includes(call.status),
      nominate: call.status === 'nominating' && c.actor.permissions.has('honor.write'),
      objections: manage,
    },
    createdAt: call.createdAt.toISOString(),
    updatedAt: call.updatedAt.toISOString(),
  };
}

/** Floors that cannot all be met, and quotas given to unions outside the calling union's subtree, are refused before anything is stored. */
async function checkCallInput(exec: Executor, callOrg: { id: string; path: string }, floors: Floor[], quotas: Quota[], kinds: string[]) {
  const impossible = impossibleFloors(floors);
  if (impossible.length) {
    const f = impossible[0]!;
    throw new AppError(
      400,
      'FLOORS_IMPOSSIBLE',
      `${HONOR_KIND_LABELS[f.kind].zh}的${f.group.map((g) => CATEGORY_LABELS[g].zh).join('、')}比例下限合计${f.sum}%，超过100%，无法同时满足`,
      `The floors of ${f.group.join(', ')} for ${f.kind} add up to ${f.sum}%, above 100%`,
      { impossible, fields: [{ path: 'body.floors', message: `合计${f.sum}%，超过100%`, messageEn: `sum ${f.sum}% > 100%` }] },
    );
  }
  const names = await orgsById(
    exec,
    quotas.map((q) => q.orgId),
  );
  for (const [i, q] of quotas.entries()) {
    const o = names.get(q.orgId);
    if (!o || o.id === callOrg.id || !o.path.startsWith(callOrg.path)) {
      throw new AppError(400, 'VALIDATION_FAILED', '名额只能分配给本级以下的工会', 'Quotas go to unions below the calling union', {
        fields: [{ path: `body.quotas.${i}.orgId`, message: '不是下级工会', messageEn: 'not below the calling union' }],
      });
    }
    if (!kinds.includes(q.kind))
      throw new AppError(
        400,
        'VALIDATION_FAILED',
        `名额的荣誉种类不在本次评选中：${HONOR_KIND_LABELS[q.kind].zh}`,
        `The quota's kind is not in the call: ${q.kind}`,
        { fields: [{ path: `body.quotas.${i}.kind`, message: '不在本次评选中', messageEn: 'not in the call' }] },
      );
  }
}

export async function createCall(c: Ctx, body: CallInput) {
  const today = todayInChina();
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    const rule = await ruleOn(c, HONOR_CALL_RULE, today, tx);
    const source = versionOn(await ruleVersions(c, HONOR_CALL_RULE), today).source;
    const floors = body.floors ?? rule.floors;
    await checkCallInput(tx, o, floors, body.quotas, body.kinds);
    const row = await calls.create(
      c,
      tx,
      {
        id: uuidv7(),
        orgId: o.id,
        title: body.title,
        year: body.year,
        kinds: body.kinds,
        nominationDeadline: body.nominationDeadline,
        noticeDays: body.noticeDays ?? rule.noticeDays,
        noticeUnit: body.noticeUnit ?? rule.noticeUnit,
        floors,
        floorSource: body.floors ? '本次评选通知确定' : source,
        quotas: body.quotas,
        note: body.note,
      },
      { action: 'honor.call_create' },
    );
    return presentItem(row, o.name, 0);
  });
}

export async function updateCall(c: Ctx, id: string, body: CallInput & { version: number }) {
  return c.db.transaction(async (tx) => {
    const call = await calls.get(c, id, { exec: tx, lock: true });
    await requireManage(c, tx, call);
    if (!['draft', 'nominating'].includes(call.status))
      throw errors.conflict('推荐截止后不能修改评选的名额和比例', 'A call cannot change after nominations close');
    if (body.orgId !== call.orgId) throw errors.invalid('不能更换发布评选的工会', 'The calling union cannot change');
    const o = await orgOrThrow(tx, call.orgId);
    const floors = body.floors ?? call.floors;
    await checkCallInput(tx, o, floors, body.quotas, body.kinds);
    const { after } = await calls.update(
      c,
      tx,
      id,
      body.version,
      {
        title: body.title,
        year: body.year,
        kinds: body.kinds,
        nominationDeadline: body.nominationDeadline,
        noticeDays: body.noticeDays ?? call.noticeDays,
        noticeUnit: body.noticeUnit ?? call.noticeUnit,
        floors,
        floorSource: body.floors && floorKey(body.floors) !== floorKey(call.floors) ? '本次评选通知确定' : call.floorSource,
        quotas: body.quotas,
        note: body.note,
      },
      { action: 'honor.call_update' },
    );
    return presentItem(after, o.name, 0);
  });
}

/** open, close and finish: the state change, with the checks each needs. */
export async function callStep(c: Ctx, id: string, action: 'open' | 'close' | 'finish', version: number) {
  return c.db.transaction(async (tx) => {
    const call = await calls.get(c, id, { exec: tx, lock: true });
    await requireManage(c, tx, call);
    if (call.version !== version) throw errors.versionConflict();
    if (action === 'finish') {
      const today = todayInChina();
      if (call.noticeTo && today <= call.noticeTo)
        throw errors.conflict(`公示期至 ${call.noticeTo}，期满后方可结束评选`, `The notice runs until ${call.noticeTo}`);
      const [open] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(honorNomination)
        .where(and(eq(honorNomination.callId, id), inArray(honorNomination.status, ['nominated', 'endorsed', 'submitted', 'recommended'])));
      if (open!.n > 0) throw errors.conflict(`还有${open!.n}名推荐人选未作决定（批准或不予通过）`, `${open!.n} nominations are still undecided`);
    }
    const after = (await step(c, tx, CALL_FLOW, W, action, { row: call })) as CallRow;
    return presentItem(after, (await orgOrThrow(tx, call.orgId)).name, 0);
  });
}

/** 发布公示: every submitted list reviewed; the period counted from its first day as the call says (working or calendar days). */
export async function publishCall(c: Ctx, id: string, noticeFrom: string, version: number) {
  const today = todayInChina();
  return c.db.transaction(async (tx) => {
    const call = await calls.get(c, id, { exec: tx, lock: true });
    await requireManage(c, tx, call);
    if (call.version !== version) throw errors.versionConflict();
    if (noticeFrom < addDays(today, -30))
      throw new AppError(400, 'VALIDATION_FAILED', '公示开始日期不能早于30天前', 'The notice cannot start more than 30 days ago', {
        fields: [{ path: 'body.noticeFrom', message: '不能早于30天前', messageEn: 'too far back' }],
      });
    const [pending] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(honorNomination)
      .where(and(eq(honorNomination.callId, id), eq(honorNomination.status, 'submitted')));
    if (pending!.n > 0) throw errors.conflict(`还有${pending!.n}名已报送人选未评审`, `${pending!.n} submitted nominations are not reviewed yet`);
    const [rec] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(honorNomination)
      .where(and(eq(honorNomination.callId, id), eq(honorNomination.status, 'recommended')));
    if (!rec!.n) throw errors.conflict('没有拟表彰人选，无法公示', 'Nobody is recommended: nothing to publish');
    const rule = { n: call.noticeDays, unit: call.noticeUnit as 'working_days' | 'calendar_days' };
    const period = noticePeriod(noticeFrom, rule, await c.settings.calendar(tx));
    const after = (await step(c, tx, CALL_FLOW, W, 'publish', {
      row: call,
      startOn: addDays(noticeFrom, -1),
      rule: rule.unit === 'working_days' ? rule : { ...rule, rollForward: false },
      set: { noticeFrom },
      changes: { noticeFrom, noticeTo: period.to },
    })) as CallRow;
    return presentItem(after, (await orgOrThrow(tx, call.orgId)).name, rec!.n);
  });
}

/** The quota check of one union's list (its endorsed and submitted nominations): quotas, floors and ceilings, with the numbers. */
export async function checkList(c: Ctx, exec: Executor, call: CallRow, orgId: string) {
  const noms = await activeNominations(exec, call.id);
  const names = await orgsById(exec, [orgId, ...call.quotas.map((q) => q.orgId)]);
  const quotas = quotaUse(call, noms, names).filter((q) => q.orgId === orgId);
  const list = noms.filter((n) => n.quotaOrgId === orgId && ON_LIST.includes(n.status) && !n.outsideQuota);
  const problems = [
    ...quotas
      .filter((q) => q.left < 0)
      .map((q) => ({
        code: 'quota',
        zh: `${HONOR_KIND_LABELS[q.kind as HonorKind].zh}名额${q.quota}个，已推荐${q.used}人，超出${-q.left}人`,
        en: `${q.kind}: quota ${q.quota}, ${q.used} nominated`,
        needed: q.quota,
        have: q.used,
        off: -q.left,
      })),
    ...checkFloors(floorsOf(call), list.map(asNominee)).map((p) => ({
      code: `${p.op === 'min' ? 'floor' : 'ceiling'}.${p.category}`,
      zh: p.zh,
      en: p.en,
      needed: p.needed,
      have: p.have,
      off: p.off,
    })),
  ];
  if (!list.length) problems.push({ code: 'empty', zh: '没有已审核的推荐人选可报送', en: 'No endorsed nominations to submit', needed: 1, have: 0, off: 1 });
  return {
    orgId,
    orgName: names.get(orgId)?.name ?? '',
    passes: problems.length === 0,
    quotas,
    figures: floorFigures(floorsOf(call), list.map(asNominee)),
    problems,
  };
}

export async function checkListFor(c: Ctx, id: string, orgId: string) {
  const call = await calls.get(c, id);
  if (!(await orgCovered(c, c.db, orgId)) && !(await canManageCall(c, c.db, call))) throw errors.notFound('工会组织', 'organisation');
  return checkList(c, c.db, call, orgId);
}
