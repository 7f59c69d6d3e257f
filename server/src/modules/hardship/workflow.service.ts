import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { hardshipFile, hardshipVisit, type HardshipFileRow } from './hardship.schema.js';
import { org } from '../org/org.schema.js';
import { requireFileInScope } from './file.record.js';
import { actorOf, addEvent, auditOf } from './hardship.shared.js';
import { loadRules, paramsOn, tierColumns, tierInputOf } from './rules.service.js';
import { addMonths, evaluateTier, ineligibleSummary } from '../../../../common/src/hardship-tier.js';
import { FILE_FLOW, REASSESS_RULE } from '../../../../common/src/hardship-workflow.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { AppError, errors } from '../../platform/errors.js';
import { appendAudit } from '../../platform/audit.js';
import { guard, step, wrongState } from '../../platform/workflow.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { ExitInput, RelapseInput, VisitInput } from '../../../../common/src/contracts/hardship-files.js';

/**
 * The file workflow (docs/hardship.md; the machine in common/src/hardship-workflow.ts): applied →
 * checked by the grassroots union → reviewed by N levels above (N from the rule set, capped by the
 * levels that exist) → filed → re-assessed yearly → exited with the reason and figures → monitored
 * (planned follow-up visits) → a relapse is evaluated again and, if eligible, checked and reviewed anew. Each step goes through the workflow helper
 * (permission, state, required fields, the re-assessment deadline, the audit entry, a guarded
 * UPDATE so two clicks cannot both succeed); the service adds its rules — eligibility by the tier,
 * whose turn a review level is, the follow-up visits — and the file's event row.
 */

const flowTable = { table: hardshipFile, id: hardshipFile.id, status: hardshipFile.status, version: hardshipFile.version };

/** Ancestors of the file's union, nearest first: level 1 reviews at the first, level 2 at the second … */
export function reviewChain(orgPath: string): string[] {
  return orgPath.split('/').filter(Boolean).slice(0, -1).reverse();
}

export async function nextReviewOrg(exec: Executor, f: HardshipFileRow & { orgPath: string }) {
  const level = f.reviewLevelsDone + 1;
  const id = reviewChain(f.orgPath)[level - 1];
  if (!id) return null;
  const [o] = await exec.select({ id: org.id, name: org.name, path: org.path }).from(org).where(eq(org.id, id));
  return o ? { ...o, level } : null;
}

/** Whether the caller's union may act at a review level: that level's union or one above it. */
export const actsAtLevel = (actorOrgPath: string, levelOrg: { path: string } | null | undefined) => !!levelOrg && levelOrg.path.startsWith(actorOrgPath);

const ref = (f: HardshipFileRow) => ({ id: f.id, fileNo: f.fileNo, status: f.status, tier: f.tier, version: f.version });

async function evaluateNow(exec: Executor, f: HardshipFileRow, today: string) {
  const rules = await loadRules(exec);
  return { rules, tier: evaluateTier(tierInputOf(f, today), rules.lines, rules.ruleSets), params: paramsOn(rules, today) };
}

/** The re-assessment period of the rule set in force (months after filing). */
const reassessRule = (params: { reassessMonths: number }) => ({ ...REASSESS_RULE, n: params.reassessMonths });

type Decision = { approve: boolean; note: string | null };

/** A refusal at the check or at a review level: the reason is required (the step's own field). */
async function reject(c: Ctx, tx: Executor, f: HardshipFileRow, input: Decision, level: number) {
  // A relapse application (the file exited before) refused: the household stays under monitoring.
  const back = f.exitOn !== null;
  const after = await step(c, tx, FILE_FLOW, flowTable, 'reject', {
    row: f,
    input,
    to: back ? 'exited' : 'rejected',
    set: back ? {} : { rejectReason: input.note },
    detail: level ? `level ${level}: ${input.note}` : input.note,
    changes: { ...(level ? { level } : {}), ...(back ? { relapse: true } : {}) },
  });
  await addEvent(tx, f, 'rejected', actorOf(c), { note: input.note, level });
  return ref(after as HardshipFileRow);
}

/** The grassroots union checks an application: pass it up for review (or file it when no level is above), or reject it. */
export async function checkFile(c: Ctx, id: string, input: Decision) {
  return c.db.transaction(async (tx) => {
    const f = await requireFileInScope(c, tx, id, { lock: true });
    guard(c, FILE_FLOW, input.approve ? 'check' : 'reject', f);
    if (f.status !== 'applied') throw wrongState(FILE_FLOW, 'check', f.status);
    if (!input.approve) return reject(c, tx, f, input, 0);
    const today = todayInChina();
    const { tier, params } = await evaluateNow(tx, f, today);
    if (!tier.tier) {
      throw new AppError(
        409,
        'HARDSHIP_NOT_ELIGIBLE',
        `按现行规则不符合建档条件：${tier.explanation.split('\n').pop()}`,
        'The household does not qualify under the rules in force',
        { explanation: tier.explanation },
      );
    }
    const required = Math.min(params.reviewLevels, reviewChain(f.orgPath).length);
    const filed = required === 0;
    const after = (await step(c, tx, FILE_FLOW, flowTable, 'check', {
      row: f,
      input,
      to: filed ? 'filed' : 'reviewing',
      rule: reassessRule(params),
      set: { ...tierColumns(tier), ...(filed ? { filedOn: today, ...(await endMonitoring(tx, f)) } : { reviewLevelsRequired: required, reviewLevelsDone: 0 }) },
      changes: { tier: tier.tier },
    })) as HardshipFileRow;
    await addEvent(tx, f, 'checked', actorOf(c), { note: input.note, level: 0, data: { tier: tier.tier } });
    if (filed) await addEvent(tx, f, 'filed', actorOf(c), { data: { tier: tier.tier } });
    return ref(after);
  });
}

/**
 * A union above reviews the next pending level. The reviewer's union must be that level's union or
 * one above it (an upper union may act for a lower one without an account; the event records who did).
 */
export async function reviewFile(c: Ctx, id: string, input: Decision) {
  return c.db.transaction(async (tx) => {
    const f = await requireFileInScope(c, tx, id, { lock: true });
    guard(c, FILE_FLOW, input.approve ? 'review' : 'reject', f);
    if (f.status !== 'reviewing') throw wrongState(FILE_FLOW, 'review', f.status);
    const level = f.reviewLevelsDone + 1;
    const levelOrgId = reviewChain(f.orgPath)[level - 1];
    const [levelOrg] = levelOrgId ? await tx.select({ path: org.path, name: org.name }).from(org).where(eq(org.id, levelOrgId)) : [];
    if (!actsAtLevel(c.actor.orgPath, levelOrg)) {
      throw new AppError(
        403,
        'NOT_THIS_LEVEL',
        `第${level}级审核应由“${levelOrg?.name ?? '上级工会'}”或其上级工会办理`,
        `Level ${level} is reviewed by ${levelOrg?.name ?? 'the union above'} or a union above it`,
      );
    }
    if (!input.approve) return reject(c, tx, f, input, level);
    const today = todayInChina();
    const done = level >= f.reviewLevelsRequired;
    const { params } = await evaluateNow(tx, f, today);
    const after = (await step(c, tx, FILE_FLOW, flowTable, 'review', {
      row: f,
      input,
      to: done ? 'filed' : 'reviewing',
      rule: reassessRule(params),
      set: { reviewLevelsDone: level, ...(done ? { filedOn: today, ...(await endMonitoring(tx, f)) } : {}) },
      changes: { level },
    })) as HardshipFileRow;
    await addEvent(tx, f, 'reviewed', actorOf(c), { level, note: input.note, data: { onBehalfOf: c.actor.orgId === levelOrgId ? null : levelOrgId } });
    if (done) await addEvent(tx, f, 'filed', actorOf(c), { data: { tier: f.tier } });
    return ref(after);
  });
}

/** Yearly re-assessment (年度复核): re-evaluate with today's rules and set the next due date. */
export async function reassessFile(c: Ctx, id: string, input: { note: string | null }) {
  return c.db.transaction(async (tx) => {
    const f = await requireFileInScope(c, tx, id, { lock: true });
    guard(c, FILE_FLOW, 'reassess', f, input);
    const today = todayInChina();
    const { tier, params } = await evaluateNow(tx, f, today);
    const after = (await step(c, tx, FILE_FLOW, flowTable, 'reassess', {
      row: f,
      input,
      rule: reassessRule(params),
      set: tierColumns(tier),
      changes: { tier: { from: f.tier, to: tier.tier } },
    })) as HardshipFileRow;
    await addEvent(tx, f, 'reassessed', actorOf(c), { note: input.note, data: { tier: tier.tier, perCapitaMonthlyFen: tier.perCapitaMonthlyFen } });
    return { ...ref(after), suggestExit: tier.tier === null, explanation: tier.explanation };
  });
}

/** Exit (解困脱困) with the reason and the figures; starts the monitoring period with planned follow-up visits. */
export async function exitFile(c: Ctx, id: string, input: ExitInput) {
  return c.db.transaction(async (tx) => {
    const f = await requireFileInScope(c, tx, id, { lock: true });
    guard(c, FILE_FLOW, 'exit', f, input);
    const today = todayInChina();
    const figures = {
      annualIncomeFen: input.annualIncomeFen ?? Number(f.annualIncomeFen),
      rigidMedicalFen: input.rigidMedicalFen ?? Number(f.rigidMedicalFen),
      rigidSchoolingFen: input.rigidSchoolingFen ?? Number(f.rigidSchoolingFen),
    };
    const { tier, params } = await evaluateNow(tx, { ...f, ...figures }, today);
    const monitoringUntil = addMonths(today, params.monitoringMonths);
    const after = (await step(c, tx, FILE_FLOW, flowTable, 'exit', {
      row: f,
      input,
      set: { ...figures, ...tierColumns(tier), exitOn: today, exitReason: input.reason, exitNote: input.note, exitSnapshot: tier, monitoringUntil },
      changes: { reason: input.reason, ...figures, monitoringUntil },
    })) as HardshipFileRow;
    const visits = [];
    for (let k = 1; addMonths(today, k * params.followUpIntervalMonths) <= monitoringUntil; k++) {
      visits.push({
        id: uuidv7(),
        fileId: id,
        orgId: f.orgId,
        kind: 'follow_up',
        dueOn: addMonths(today, k * params.followUpIntervalMonths),
        createdBy: c.actor.userId,
      });
    }
    if (visits.length) await tx.insert(hardshipVisit).values(visits);
    await addEvent(tx, f, 'exited', actorOf(c), {
      note: input.note,
      data: { reason: input.reason, ...figures, perCapitaMonthlyFen: tier.perCapitaMonthlyFen, tierAtExit: tier.tier, monitoringUntil },
    });
    return { ...ref(after), monitoringUntil, plannedVisits: visits.map((v) => v.dueOn) };
  });
}

/**
 * Relapse (返困): the exited household is evaluated again on its current figures (the form's, else
 * the file's). Eligible: the same file goes back to `applied` — checked and reviewed like a new
 * application, its history and relapse count kept. Not eligible: refused with the numbers (per
 * person per month against the line), recorded, and the household stays exited, in monitoring.
 */
export async function relapseFile(c: Ctx, id: string, input: RelapseInput) {
  return c.db.transaction(async (tx) => {
    const f = await requireFileInScope(c, tx, id, { lock: true });
    guard(c, FILE_FLOW, 'relapse', f, input);
    const today = todayInChina();
    const figures = {
      annualIncomeFen: input.annualIncomeFen ?? Number(f.annualIncomeFen),
      rigidMedicalFen: input.rigidMedicalFen ?? Number(f.rigidMedicalFen),
      rigidSchoolingFen: input.rigidSchoolingFen ?? Number(f.rigidSchoolingFen),
      accidentCostFen: input.accidentCostFen ?? Number(f.accidentCostFen),
    };
    const { tier } = await evaluateNow(tx, { ...f, ...figures }, today);
    const eligible = tier.tier !== null;
    const summary = eligible ? null : ineligibleSummary(tier);
    const numbers = { perCapitaMonthlyFen: tier.perCapitaMonthlyFen, lineMonthlyFen: tier.line?.monthlyFen ?? null, tier: tier.tier };
    const relapseCount = f.relapseCount + (eligible ? 1 : 0);
    const after = (await step(c, tx, FILE_FLOW, flowTable, 'relapse', {
      row: f,
      input,
      to: eligible ? 'applied' : 'exited',
      set: {
        ...figures,
        ...tierColumns(tier),
        ...(eligible ? { relapseCount, lastRelapseOn: today, reviewLevelsRequired: 0, reviewLevelsDone: 0, rejectReason: null } : {}),
      },
      changes: { eligible, ...figures, ...numbers, relapseCount },
      detail: summary ? `${input.note}；${summary.zh}` : input.note,
    })) as HardshipFileRow;
    await addEvent(tx, f, eligible ? 'relapsed' : 'relapse_refused', actorOf(c), {
      note: summary ? `${input.note}（${summary.zh}）` : input.note,
      data: { ...figures, ...numbers },
    });
    return {
      ...ref(after),
      eligible,
      relapseCount,
      perCapitaMonthlyFen: tier.perCapitaMonthlyFen,
      lineMonthlyFen: tier.line?.monthlyFen ?? null,
      summary: summary?.zh ?? '按现有数据符合困难职工认定条件，已重新提交基层工会核实、上级审核',
      summaryEn: summary?.en ?? 'Eligible on the current figures: back to the check and review',
      explanation: tier.explanation,
      monitoringUntil: after.monitoringUntil,
    };
  });
}

/**
 * A relapse application (a file that exited before) filed again: the monitoring period ends and the
 * follow-up visits still planned are dropped.
 */
async function endMonitoring(tx: Executor, f: HardshipFileRow) {
  if (!f.exitOn) return {};
  await tx.delete(hardshipVisit).where(and(eq(hardshipVisit.fileId, f.id), isNull(hardshipVisit.visitedOn), eq(hardshipVisit.kind, 'follow_up')));
  return { monitoringUntil: null };
}

/** Record a visit: a planned follow-up is marked done, anything else is added. */
export async function recordVisit(c: Ctx, id: string, input: VisitInput) {
  return c.db.transaction(async (tx) => {
    const f = await requireFileInScope(c, tx, id);
    if (input.visitedOn > todayInChina()) throw errors.invalid('走访日期不能晚于今天', 'The visit date is in the future');
    let visitId = input.plannedVisitId;
    if (visitId) {
      const [done] = await tx
        .update(hardshipVisit)
        .set({ visitedOn: input.visitedOn, visitor: input.visitor, findings: input.findings })
        .where(and(eq(hardshipVisit.id, visitId), eq(hardshipVisit.fileId, id), isNull(hardshipVisit.visitedOn)))
        .returning({ id: hardshipVisit.id });
      if (!done) throw errors.notFound('计划回访', 'planned visit');
    } else {
      visitId = uuidv7();
      await tx.insert(hardshipVisit).values({
        id: visitId,
        fileId: id,
        orgId: f.orgId,
        kind: input.kind,
        visitedOn: input.visitedOn,
        visitor: input.visitor,
        findings: input.findings,
        createdBy: c.actor.userId,
      });
    }
    await appendAudit(tx, auditOf(actorOf(c), f.orgId, 'hardship.visit', id, { changes: { visitId, kind: input.kind, visitedOn: input.visitedOn } }));
    return { id: visitId };
  });
}
