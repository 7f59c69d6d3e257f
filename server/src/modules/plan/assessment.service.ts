import { and, asc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { assessment, assessmentAppeal, assessmentEntry, assessmentIndicator, type IndicatorDef, type ScoreItem } from './assessment.schema.js';
import { org } from '../org/org.schema.js';
import { resource } from '../../platform/resource.js';
import { step, guard } from '../../platform/workflow.js';
import { registerDeadlineOwner } from '../../platform/deadline-recompute.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import { requireOrgInScope } from '../org/org.service.js';
import { escapeLike } from '../../platform/scope.js';
import { kpiValue } from './plan.service.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { allowedActions } from '../../../../common/src/workflow.js';
import { isLiveMetric, KPI_METRICS } from '../../../../common/src/plan-vocab.js';
import {
  APPEAL_MACHINE,
  ASSESSMENT_MACHINE,
  autoScore,
  ENTRY_MACHINE,
  rankByTotal,
  WEIGHT_TOTAL,
  weightSum,
  type AssessmentAction,
} from '../../../../common/src/assessment-vocab.js';
import type { AssessmentCreate } from '../../../../common/src/contracts/assessment.js';

type AssessmentRow = typeof assessment.$inferSelect;
type EntryRow = typeof assessmentEntry.$inferSelect;
type AppealRow = typeof assessmentAppeal.$inferSelect;

registerDeadlineOwner('assessment', assessment, assessment.id, assessment.orgId);

const A_TABLE = { table: assessment, id: assessment.id, status: assessment.status, version: assessment.version };
const E_TABLE = { table: assessmentEntry, id: assessmentEntry.id, status: assessmentEntry.status, version: assessmentEntry.version };
const P_TABLE = { table: assessmentAppeal, id: assessmentAppeal.id, status: assessmentAppeal.status, version: assessmentAppeal.version };

/** Assessments run by unions in scope (the assessing union's column). */
export const assessments = resource<typeof assessment, { year?: number; q?: string }>({
  table: assessment,
  entity: 'assessment',
  noun: ['考核', 'assessment'],
  orgColumn: assessment.orgId,
  idColumn: assessment.id,
  versionColumn: assessment.version,
  filters: { year: (v) => eq(assessment.year, v), q: (v) => sql`${assessment.title} ILIKE ${'%' + escapeLike(v) + '%'}` },
  sorts: { year: assessment.year },
});

/** Entries of the assessed unions in scope: a union sees its own entries, the level above those of its children. */
export const entries = resource<typeof assessmentEntry, { assessmentId?: string; year?: number }>({
  table: assessmentEntry,
  entity: 'assessment_entry',
  noun: ['考核结果', 'assessment entry'],
  orgColumn: assessmentEntry.orgId,
  idColumn: assessmentEntry.id,
  versionColumn: assessmentEntry.version,
  filters: {
    assessmentId: (v) => eq(assessmentEntry.assessmentId, v),
    year: (v) => sql`${assessmentEntry.assessmentId} IN (SELECT id FROM assessment WHERE year = ${v})`,
  },
  sorts: { rank: assessmentEntry.rank },
});

const rowsOf = <T>(got: unknown) => (Array.isArray(got) ? got : (got as { rows: unknown[] }).rows) as T[];
const round2 = (n: number) => Math.round(n * 100) / 100;

async function indicatorsOf(exec: Executor, assessmentId: string): Promise<IndicatorDef[]> {
  const [r] = await exec.select().from(assessmentIndicator).where(eq(assessmentIndicator.assessmentId, assessmentId));
  return r?.items ?? [];
}

async function orgNames(exec: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const got = await exec.execute(
    sql`SELECT id, name FROM org WHERE id IN (${sql.join(
      [...new Set(ids)].map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  return new Map(rowsOf<{ id: string; name: string }>(got).map((r) => [r.id, r.name]));
}

/** The appeal period is open on its last day and closed the day after (common/src/assessment-vocab.ts APPEAL_RULE). */
export const appealOpen = (a: Pick<AssessmentRow, 'status' | 'appealDue'>, today: string) => a.status === 'published' && !!a.appealDue && today <= a.appealDue;

function presentEntry(e: EntryRow, a: Pick<AssessmentRow, 'title' | 'year'>, orgName: string) {
  return {
    id: e.id,
    assessmentId: e.assessmentId,
    assessmentTitle: a.title,
    year: a.year,
    orgId: e.orgId,
    orgName,
    status: e.status,
    selfTotal: e.selfTotal,
    total: e.total,
    rank: e.rank,
    items: e.items,
    version: e.version,
  };
}

const presentAppeal = (p: AppealRow, orgName: string) => ({
  id: p.id,
  entryId: p.entryId,
  orgName,
  status: p.status,
  filedOn: p.filedOn,
  reason: p.reason,
  answer: p.answer,
  outcome: p.outcome,
  answeredOn: p.answeredOn,
  version: p.version,
});

async function statsOf(exec: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, { entries: number; submitted: number; open: number }>();
  const list = sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );
  const got = await exec.execute(sql`
    SELECT a.id,
      (SELECT count(*)::int FROM assessment_entry e WHERE e.assessment_id = a.id) AS entries,
      (SELECT count(*)::int FROM assessment_entry e WHERE e.assessment_id = a.id AND e.status <> 'pending') AS submitted,
      (SELECT count(*)::int FROM assessment_appeal p WHERE p.assessment_id = a.id AND p.status = 'open') AS open
    FROM assessment a WHERE a.id IN (${list})`);
  return new Map(rowsOf<{ id: string; entries: number; submitted: number; open: number }>(got).map((r) => [r.id, r]));
}

function presentAssessment(a: AssessmentRow, orgName: string, s: { entries: number; submitted: number; open: number } | undefined) {
  return {
    id: a.id,
    orgId: a.orgId,
    orgName,
    year: a.year,
    title: a.title,
    status: a.status,
    entries: Number(s?.entries ?? 0),
    submitted: Number(s?.submitted ?? 0),
    publishedOn: a.publishedOn,
    appealDue: a.appealDue,
    openAppeals: Number(s?.open ?? 0),
    version: a.version,
  };
}

export async function listAssessments(c: Ctx, q: Parameters<typeof assessments.list>[1]) {
  const page = await assessments.list(c, { ...q, sort: 'year', order: 'desc' });
  const ids = page.items.map((a) => a.id);
  const [stats, names] = await Promise.all([
    statsOf(c.db, ids),
    orgNames(
      c.db,
      page.items.map((a) => a.orgId),
    ),
  ]);
  return {
    items: page.items.map((a) => presentAssessment(a, names.get(a.orgId) ?? '', stats.get(a.id))),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

/** One assessment with its ranking: the entries of the unions directly below the assessing union that the caller's scope covers. */
export async function getAssessment(c: Ctx, id: string) {
  const a = await assessments.get(c, id);
  const today = todayInChina();
  const [indicators, rows, appeals, stats] = await Promise.all([
    indicatorsOf(c.db, a.id),
    c.db
      .select()
      .from(assessmentEntry)
      .where(entries.where(c, { assessmentId: a.id }))
      .orderBy(sql`${assessmentEntry.rank} NULLS LAST`, sql`${assessmentEntry.total} DESC NULLS LAST`, asc(assessmentEntry.id)),
    c.db.select().from(assessmentAppeal).where(eq(assessmentAppeal.assessmentId, a.id)).orderBy(asc(assessmentAppeal.createdAt)),
    statsOf(c.db, [a.id]),
  ]);
  const names = await orgNames(c.db, [a.orgId, ...rows.map((e) => e.orgId), ...appeals.map((p) => p.orgId)]);
  return {
    ...presentAssessment(a, names.get(a.orgId) ?? '', stats.get(a.id)),
    indicators,
    ranking: rows.map((e) => presentEntry(e, a, names.get(e.orgId) ?? '')),
    appeals: appeals.map((p) => presentAppeal(p, names.get(p.orgId) ?? '')),
    appealOpen: appealOpen(a, today),
    actions: allowedActions(ASSESSMENT_MACHINE, a.status, c.actor.permissions) as AssessmentAction[],
  };
}

/** A scheme for the unions directly below `orgId`; its weights must add up to 100. */
export async function createAssessment(c: Ctx, body: AssessmentCreate) {
  const sum = weightSum(body.indicators.map((i) => i.weight));
  if (sum !== WEIGHT_TOTAL) {
    throw new AppError(400, 'VALIDATION_FAILED', `指标权重合计为${sum}，应为${WEIGHT_TOTAL}`, `the weights add up to ${sum}, not ${WEIGHT_TOTAL}`, {
      fields: [{ path: 'body.indicators', message: `权重合计${sum}，应为${WEIGHT_TOTAL}`, messageEn: `weights add up to ${sum}, not ${WEIGHT_TOTAL}` }],
    });
  }
  const id = await c.db.transaction(async (tx) => {
    await requireOrgInScope(c, tx, body.orgId);
    const children = await tx
      .select({ id: org.id })
      .from(org)
      .where(and(eq(org.parentId, body.orgId), eq(org.active, true)))
      .orderBy(asc(org.code));
    if (!children.length) throw errors.invalid('该工会没有下级工会，无法考核', 'this union has no subordinate unions to assess');
    const a = await assessments.create(
      c,
      tx,
      { id: uuidv7(), orgId: body.orgId, year: body.year, title: body.title, status: 'self_assessment' },
      { action: 'assessment.create', changes: { title: body.title, year: body.year, indicators: body.indicators.length, entries: children.length } },
    );
    const defs: IndicatorDef[] = body.indicators.map((i) => ({
      id: uuidv7(),
      name: i.name,
      weight: i.weight,
      kind: i.kind,
      metric: i.kind === 'auto' ? (i.metric ?? null) : null,
      target: i.kind === 'auto' ? (i.target ?? null) : null,
      unit: i.kind === 'auto' && i.metric && isLiveMetric(i.metric) ? KPI_METRICS[i.metric].unit : null,
      description: i.description ?? null,
    }));
    await tx.insert(assessmentIndicator).values({ assessmentId: a.id, items: defs });
    await tx.insert(assessmentEntry).values(
      children.map((ch) => ({
        id: uuidv7(),
        assessmentId: a.id,
        orgId: ch.id,
        items: defs.map((d) => ({ indicatorId: d.id, value: null, self: null, evidence: null, review: null, note: null })),
      })),
    );
    return a.id;
  });
  return getAssessment(c, id);
}

/** Close the self-assessment, rank (every entry reviewed) or publish (the appeal period starts, in working days). */
export async function assessmentStep(c: Ctx, id: string, action: AssessmentAction, body: { version: number }) {
  const today = todayInChina();
  await c.db.transaction(async (tx) => {
    const a = await assessments.get(c, id, { exec: tx, lock: true });
    if (a.version !== body.version) throw errors.versionConflict();
    guard(c, ASSESSMENT_MACHINE, action, a);
    const set: Record<string, unknown> = {};
    let changes: Record<string, unknown> = {};
    if (action === 'rank') {
      const rows = await tx.select().from(assessmentEntry).where(eq(assessmentEntry.assessmentId, a.id));
      const left = rows.filter((e) => e.status !== 'reviewed').length;
      if (left) throw errors.conflict(`尚有${left}个单位未评审，不能排名`, `${left} unions are not reviewed yet`);
      changes = { ranked: await rerank(tx, a.id) };
    }
    if (action === 'publish') set.publishedOn = today;
    await step(c, tx, ASSESSMENT_MACHINE, A_TABLE, action, { row: a, set, changes });
  });
  return getAssessment(c, id);
}

/** Rank the entries of an assessment by total (1, 2, 2, 4); returns how many. */
async function rerank(tx: Executor, assessmentId: string) {
  const got = await tx.execute(sql`SELECT e.id, e.total, o.name FROM assessment_entry e JOIN org o ON o.id = e.org_id WHERE e.assessment_id = ${assessmentId}`);
  const ranked = rankByTotal(
    rowsOf<{ id: string; total: number | null; name: string }>(got).map((r) => ({ id: r.id, name: r.name, total: Number(r.total ?? 0) })),
  );
  for (const r of ranked) await tx.update(assessmentEntry).set({ rank: r.rank }).where(eq(assessmentEntry.id, r.id));
  return ranked.length;
}

async function assessmentRow(exec: Executor, id: string) {
  const [a] = await exec.select().from(assessment).where(eq(assessment.id, id));
  if (!a) throw errors.notFound('考核', 'assessment');
  return a;
}

export async function listEntries(c: Ctx, q: Parameters<typeof entries.list>[1]) {
  const page = await entries.list(c, { ...q, sort: 'rank', order: 'asc' });
  const aIds = [...new Set(page.items.map((e) => e.assessmentId))];
  const heads = aIds.length
    ? await c.db
        .select({ id: assessment.id, title: assessment.title, year: assessment.year })
        .from(assessment)
        .where(
          sql`${assessment.id} IN (${sql.join(
            aIds.map((i) => sql`${i}`),
            sql`, `,
          )})`,
        )
    : [];
  const byId = new Map(heads.map((h) => [h.id, h]));
  const names = await orgNames(
    c.db,
    page.items.map((e) => e.orgId),
  );
  return { ...page, items: page.items.map((e) => presentEntry(e, byId.get(e.assessmentId)!, names.get(e.orgId) ?? '')) };
}

export async function getEntry(c: Ctx, id: string) {
  const e = await entries.get(c, id);
  const a = await assessmentRow(c.db, e.assessmentId);
  const [indicators, appeals] = await Promise.all([
    indicatorsOf(c.db, a.id),
    c.db.select().from(assessmentAppeal).where(eq(assessmentAppeal.entryId, e.id)).orderBy(asc(assessmentAppeal.createdAt)),
  ]);
  const names = await orgNames(c.db, [e.orgId]);
  const today = todayInChina();
  const p = c.actor.permissions;
  const open = appealOpen(a, today);
  const aboveInScope = await assessments
    .get(c, a.id)
    .then(() => true)
    .catch(() => false);
  return {
    ...presentEntry(e, a, names.get(e.orgId) ?? ''),
    assessmentStatus: a.status,
    indicators,
    appealDue: a.appealDue,
    appealOpen: open,
    appeals: appeals.map((x) => presentAppeal(x, names.get(x.orgId) ?? '')),
    can: {
      selfAssess: p.has('plan.report') && a.status === 'self_assessment',
      review: p.has('plan.write') && a.status === 'review' && aboveInScope,
      appeal: p.has('plan.report') && open && !appeals.some((x) => x.status === 'open'),
    },
  };
}

function scoreError(path: string, zh: string, en: string) {
  return new AppError(400, 'VALIDATION_FAILED', zh, en, { fields: [{ path, message: zh, messageEn: en }] });
}

/** The live value and the automatic score of each automatic indicator, for the assessed union's subtree. */
async function autoItems(exec: Executor, defs: IndicatorDef[], orgId: string) {
  const out = new Map<string, { value: number; score: number }>();
  for (const d of defs) {
    if (d.kind !== 'auto' || !d.metric || !isLiveMetric(d.metric)) continue;
    const value = await kpiValue(exec, d.metric, orgId);
    out.set(d.id, { value, score: autoScore(value, d.target ?? 0, d.weight) });
  }
  return out;
}

/** Manual scores of a body, checked against the indicators' weights; evidence required for a self-assessed score above zero. */
function manualScores(
  defs: IndicatorDef[],
  items: { indicatorId: string; score: number; evidence?: string | null; note?: string | null }[],
  needEvidence: boolean,
) {
  const given = new Map(items.map((i, n) => [i.indicatorId, { ...i, n }]));
  const out = new Map<string, { score: number; text: string | null }>();
  for (const d of defs) {
    if (d.kind !== 'manual') continue;
    const g = given.get(d.id);
    if (!g) throw scoreError('body.items', `请为“${d.name}”评分`, `score “${d.name}”`);
    if (g.score > d.weight)
      throw scoreError(`body.items.${g.n}.score`, `“${d.name}”得分不能超过权重${d.weight}`, `“${d.name}” scores at most its weight ${d.weight}`);
    const text = (needEvidence ? g.evidence : g.note)?.trim() || null;
    if (needEvidence && g.score > 0 && !text) throw scoreError(`body.items.${g.n}.evidence`, `“${d.name}”请附佐证材料`, `“${d.name}” needs evidence`);
    out.set(d.id, { score: round2(g.score), text });
  }
  return out;
}

/** The assessed union's self-assessment: automatic indicators read from the live KPIs, manual ones scored with evidence. */
export async function selfAssess(c: Ctx, id: string, body: { items: { indicatorId: string; score: number; evidence?: string | null }[]; version: number }) {
  await c.db.transaction(async (tx) => {
    const e = await entries.get(c, id, { exec: tx, lock: true });
    if (e.version !== body.version) throw errors.versionConflict();
    const a = await assessmentRow(tx, e.assessmentId);
    if (a.status !== 'self_assessment') throw errors.conflict('自评已结束', 'the self-assessment is closed');
    guard(c, ENTRY_MACHINE, 'selfAssess', e);
    const defs = await indicatorsOf(tx, a.id);
    const manual = manualScores(defs, body.items, true);
    const auto = await autoItems(tx, defs, e.orgId);
    const prev = new Map(e.items.map((i) => [i.indicatorId, i]));
    const items: ScoreItem[] = defs.map((d) => ({
      indicatorId: d.id,
      value: auto.get(d.id)?.value ?? null,
      self: auto.get(d.id)?.score ?? manual.get(d.id)?.score ?? 0,
      evidence: manual.get(d.id)?.text ?? null,
      review: prev.get(d.id)?.review ?? null,
      note: prev.get(d.id)?.note ?? null,
    }));
    const selfTotal = round2(items.reduce((s, i) => s + (i.self ?? 0), 0));
    await step(c, tx, ENTRY_MACHINE, E_TABLE, 'selfAssess', { row: e, set: { items, selfTotal }, changes: { selfTotal } });
  });
  return getEntry(c, id);
}

/** The review by the assessing union (the level above): automatic indicators re-read, manual ones scored. */
export async function reviewEntry(c: Ctx, id: string, body: { items: { indicatorId: string; score: number; note?: string | null }[]; version: number }) {
  await c.db.transaction(async (tx) => {
    const e = await entries.get(c, id, { exec: tx, lock: true });
    if (e.version !== body.version) throw errors.versionConflict();
    const a = await assessments.get(c, e.assessmentId, { exec: tx });
    if (a.status !== 'review') throw errors.conflict('考核不在评审阶段', 'the assessment is not in review');
    guard(c, ENTRY_MACHINE, 'review', e);
    const defs = await indicatorsOf(tx, a.id);
    const manual = manualScores(defs, body.items, false);
    const auto = await autoItems(tx, defs, e.orgId);
    const prev = new Map(e.items.map((i) => [i.indicatorId, i]));
    const items: ScoreItem[] = defs.map((d) => ({
      indicatorId: d.id,
      value: auto.get(d.id)?.value ?? null,
      self: prev.get(d.id)?.self ?? null,
      evidence: prev.get(d.id)?.evidence ?? null,
      review: auto.get(d.id)?.score ?? manual.get(d.id)?.score ?? 0,
      note: manual.get(d.id)?.text ?? null,
    }));
    const total = round2(items.reduce((s, i) => s + (i.review ?? 0), 0));
    await step(c, tx, ENTRY_MACHINE, E_TABLE, 'review', { row: e, set: { items, total }, changes: { total } });
  });
  return getEntry(c, id);
}

/** An appeal by the assessed union, within the appeal period after publication. */
export async function fileAppeal(c: Ctx, id: string, body: { reason: string; version: number }) {
  const today = todayInChina();
  await c.db.transaction(async (tx) => {
    const e = await entries.get(c, id, { exec: tx, lock: true });
    if (e.version !== body.version) throw errors.versionConflict();
    const a = await assessmentRow(tx, e.assessmentId);
    if (a.status !== 'published') throw errors.conflict('结果公布后方可申诉', 'an appeal is possible once the result is published');
    if (!appealOpen(a, today)) {
      throw errors.conflict(`申诉期已于${a.appealDue}届满（公布后5个工作日）`, `the appeal period ended on ${a.appealDue} (5 working days after publication)`);
    }
    const [open] = await tx
      .select({ id: assessmentAppeal.id })
      .from(assessmentAppeal)
      .where(and(eq(assessmentAppeal.entryId, e.id), eq(assessmentAppeal.status, 'open')));
    if (open) throw errors.conflict('已有待答复的申诉', 'an appeal is already awaiting an answer');
    const appealId = uuidv7();
    await tx.insert(assessmentAppeal).values({ id: appealId, assessmentId: a.id, entryId: e.id, orgId: e.orgId, filedOn: today, reason: body.reason });
    await tx
      .update(assessmentEntry)
      .set({ version: e.version + 1, updatedAt: new Date() })
      .where(eq(assessmentEntry.id, e.id));
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: e.orgId,
      action: 'assessment.appeal',
      entity: 'assessment_appeal',
      entityId: appealId,
      changes: { entryId: e.id, reason: body.reason },
      detail: null,
    });
  });
  return getEntry(c, id);
}

/** The assessing union's answer; an upheld appeal may set the entry's total anew, and the ranking is recomputed. */
export async function answerAppeal(c: Ctx, id: string, body: { answer: string; outcome: 'upheld' | 'dismissed'; total?: number | null; version: number }) {
  const today = todayInChina();
  const assessmentId = await c.db.transaction(async (tx) => {
    const [p] = await tx.select().from(assessmentAppeal).where(eq(assessmentAppeal.id, id)).for('update');
    if (!p) throw errors.notFound('申诉', 'appeal');
    const a = await assessments.get(c, p.assessmentId, { exec: tx });
    if (p.version !== body.version) throw errors.versionConflict();
    const adjust = body.outcome === 'upheld' && body.total != null;
    await step(c, tx, APPEAL_MACHINE, P_TABLE, 'answer', {
      row: p,
      input: body,
      set: { answer: body.answer, outcome: body.outcome, answeredOn: today },
      changes: { outcome: body.outcome, answer: body.answer, ...(adjust ? { total: body.total } : {}) },
    });
    if (adjust) {
      await tx
        .update(assessmentEntry)
        .set({ total: round2(body.total!), updatedAt: new Date() })
        .where(eq(assessmentEntry.id, p.entryId));
      await rerank(tx, a.id);
    }
    return a.id;
  });
  return getAssessment(c, assessmentId);
}

/** The result sheet: rank, union, each indicator's reviewed score, self-assessed and final totals. */
export async function resultSheet(c: Ctx, id: string) {
  const a = await getAssessment(c, id);
  const columns: [string, number][] = [
    ['名次', 6],
    ['单位', 28],
    ...a.indicators.map((i): [string, number] => [`${i.name}（${i.weight}）`, 14]),
    ['自评得分', 10],
    ['考核得分', 10],
  ];
  const rows = a.ranking.map((e) => {
    const by = new Map(e.items.map((i) => [i.indicatorId, i]));
    return [e.rank, e.orgName, ...a.indicators.map((i) => by.get(i.id)?.review ?? null), e.selfTotal, e.total];
  });
  return { a, columns, rows };
}
