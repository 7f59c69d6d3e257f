import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { bargaining, bargainingParty, bargainingRound, negotiator } from './contract.schema.js';
import { bargainings, listColumns } from './contract.repo.js';
import { org } from '../org/org.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { BARGAINING_MACHINE } from '../../../../common/src/contract-vocab.js';
import {
  BARGAINING_RULE,
  CONGRESS_RULE,
  checkNegotiators,
  checkTerm,
  congressForm,
  contractExpiresOn,
  countVote,
  renewalOpensOn,
  type BargainingRule,
  type Problem,
} from '../../../../common/src/congress-rules.js';
import { computeDeadline, addMonthsClamped } from '../../../../common/src/deadlines.js';
import { calendarCoverage } from '../../../../common/src/working-days.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import { allowedActions } from '../../../../common/src/workflow.js';
import { ruleOn } from '../../platform/rules.js';
import { step, guard } from '../../platform/workflow.js';
import { trackDeadline } from '../../platform/deadline-track.js';
import { registerDeadlineOwner } from '../../platform/deadline-recompute.js';
import { AppError, errors } from '../../platform/errors.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type {
  AnswerBody,
  BargainingCreateBody,
  ContractDetailT,
  ContractListParams,
  DraftBody,
  FileBody,
  NegotiatorsBody,
  ObjectBody,
  PublishBody,
  RoundBody,
  SignBody,
  VacateBody,
  VoteBody,
} from '../../../../common/src/contracts/contract.js';
import type { z } from 'zod';

/**
 * Collective bargaining to an effective contract (docs/contracts.md; the machine in
 * common/src/contract-vocab.ts, the rules in common/src/congress-rules.ts): the written request
 * and its 20-day answer, the negotiators, the rounds, the draft from the clause library, the vote
 * of the congress or assembly (counted here, refused when it fails either test), the chiefs'
 * signatures, filing within 10 days, effect when the 15-day review passes without objection,
 * publication, renewal. Statutory periods are calendar days (common/src/deadlines.ts).
 */

registerDeadlineOwner('bargaining', bargaining, bargaining.id, bargaining.orgId);

type Row = typeof bargaining.$inferSelect;
const flow = { table: bargaining, id: bargaining.id, status: bargaining.status, version: bargaining.version };
/** States in which the negotiators and rounds may still change. */
const OPEN_STATES = ['requested', 'negotiating', 'draft', 'objected'];
const calendarDays = (n: number) => ({ n, unit: 'calendar_days' as const });

export const bargainingRule = (c: Pick<Ctx, 'db'>, today = todayInChina(), exec: Executor = c.db) => ruleOn(c, BARGAINING_RULE, today, exec);

/** A field error in the shape the web places on its form item. */
function fieldError(field: string, zh: string, en: string): AppError {
  return new AppError(400, 'VALIDATION_FAILED', zh, en, { fields: [{ path: `body.${field}`, message: zh, messageEn: en }] });
}

/** A step's date: not in the future, not before the step it follows. */
function checkStepDate(field: string, value: string, today: string, notBefore: { on: string | null | undefined; zh: string; en: string } | null) {
  if (value > today) throw fieldError(field, `日期不能晚于今天（${today}）`, `The date cannot be after today (${today})`);
  if (notBefore?.on && value < notBefore.on)
    throw fieldError(field, `日期不能早于${notBefore.zh}（${notBefore.on}）`, `The date cannot be before ${notBefore.en} (${notBefore.on})`);
}

function problemsError(code: string, lead: { zh: string; en: string }, problems: Problem[], field?: string): AppError {
  const zh = `${lead.zh}：${problems.map((p) => p.zh).join('；')}`;
  const en = `${lead.en}: ${problems.map((p) => p.en).join('; ')}`;
  return new AppError(409, code, zh, en, { problems, ...(field ? { fields: [{ path: `body.${field}`, message: zh, messageEn: en }] } : {}) });
}

/** The open statutory clock of a record (answer, filing or review), as the list and the detail show it. */
function clockOf(r: Row, today: string, calendar: Awaited<ReturnType<Ctx['settings']['calendar']>>) {
  const open = (
    [
      ['answerDue', r.answerDue],
      ['filingDue', r.filingDue],
      ['reviewDue', r.reviewDue],
    ] as const
  ).find(([, d]) => d);
  if (!open) return null;
  const due = open[1]!;
  const provisional = calendarCoverage(Number(due.slice(0, 4)), calendar) === 'weekdays_only';
  return { field: open[0], due, unit: 'calendar_days' as const, overdue: due < today, provisional };
}

/** In force and ending within the renewal window from today (the same test as the list's `expiring` filter). */
export const isExpiring = (r: Row, today: string, rule: BargainingRule) =>
  r.status === 'effective' && !!r.expiresOn && r.expiresOn >= today && r.expiresOn <= addMonthsClamped(today, rule.renewalMonths);

const listItem = (r: Row, extra: { orgName: string; parties: number; workers: number }, clock: ReturnType<typeof clockOf>, expiring: boolean) => ({
  id: r.id,
  orgId: r.orgId,
  orgName: extra.orgName,
  title: r.title,
  scope: r.scope,
  kind: r.kind,
  status: r.status,
  requestOn: r.requestOn,
  effectiveOn: r.effectiveOn,
  expiresOn: r.expiresOn,
  parties: Number(extra.parties),
  workers: Number(extra.workers),
  clock,
  expiring,
  version: r.version,
});

/** Conditions of the list that depend on today and the rule in force (expiring within the renewal window; a clock past its day). */
function dayFilters(q: Partial<ContractListParams>, today: string, rule: BargainingRule): SQL[] {
  const out: SQL[] = [];
  if (q.expiring)
    out.push(sql`${bargaining.status} = 'effective' AND ${bargaining.expiresOn} BETWEEN ${today} AND ${addMonthsClamped(today, rule.renewalMonths)}`);
  if (q.overdue) out.push(sql`(${bargaining.answerDue} < ${today} OR ${bargaining.filingDue} < ${today} OR ${bargaining.reviewDue} < ${today})`);
  return out;
}

export async function listContracts(c: Ctx, q: ContractListParams) {
  const today = todayInChina();
  const [rule, calendar] = await Promise.all([bargainingRule(c, today), c.settings.calendar(c.db)]);
  const page = await bargainings.list(c, q, { extra: dayFilters(q, today, rule), select: listColumns });
  return {
    ...page,
    items: (page.items as unknown as { b: Row; orgName: string; parties: number; workers: number }[]).map((x) =>
      listItem(x.b, x, clockOf(x.b, today, calendar), isExpiring(x.b, today, rule)),
    ),
  };
}

async function partiesOf(exec: Executor, id: string) {
  return exec
    .select({ orgId: bargainingParty.orgId, name: org.name, workforce: bargainingParty.workforce })
    .from(bargainingParty)
    .innerJoin(org, eq(org.id, bargainingParty.orgId))
    .where(eq(bargainingParty.bargainingId, id))
    .orderBy(asc(org.code));
}

async function negotiatorsOf(exec: Executor, id: string) {
  return exec
    .select()
    .from(negotiator)
    .where(eq(negotiator.bargainingId, id))
    .orderBy(asc(negotiator.side), asc(negotiator.vacatedOn), sql`${negotiator.chief} DESC`, asc(negotiator.id));
}

/** The record with everything its page shows, and what the caller may do with it now. */
export async function presentContract(c: Ctx, r: Row, exec: Executor = c.db): Promise<ContractDetailT> {
  const today = todayInChina();
  const [rule, congressRule, calendar, parties, seats, rounds, [runBy], [renewedBy]] = await Promise.all([
    bargainingRule(c, today, exec),
    ruleOn(c, CONGRESS_RULE, today, exec),
    c.settings.calendar(exec),
    partiesOf(exec, r.id),
    negotiatorsOf(exec, r.id),
    exec.select().from(bargainingRound).where(eq(bargainingRound.bargainingId, r.id)).orderBy(asc(bargainingRound.no)),
    exec.select({ name: org.name }).from(org).where(eq(org.id, r.orgId)),
    exec
      .select({ id: bargaining.id })
      .from(bargaining)
      .where(and(eq(bargaining.renewsId, r.id), ne(bargaining.status, 'refused')))
      .limit(1),
  ]);
  const workforce = parties.reduce((s, p) => s + p.workforce, 0);
  const form = congressForm(workforce, congressRule);
  const write = c.actor.permissions.has('contract.write');
  const actions = allowedActions(BARGAINING_MACHINE, r.status, c.actor.permissions).filter((a) => {
    if (a === 'takeEffect') return !!r.reviewDue && today > r.reviewDue;
    if (a === 'expire') return !!r.expiresOn && today > r.expiresOn;
    return true;
  });
  const renewal = r.expiresOn ? { opensOn: renewalOpensOn(r.expiresOn, rule), open: today >= renewalOpensOn(r.expiresOn, rule) } : null;
  return {
    ...listItem(r, { orgName: runBy?.name ?? '', parties: parties.length, workers: workforce }, clockOf(r, today, calendar), isExpiring(r, today, rule)),
    initiatedBy: r.initiatedBy,
    answerDue: r.answerDue,
    answeredOn: r.answeredOn,
    answer: r.answer,
    draft: r.draft,
    termYears: r.termYears,
    signedOn: r.signedOn,
    filingDue: r.filingDue,
    filedOn: r.filedOn,
    filedWith: r.filedWith,
    reviewDue: r.reviewDue,
    objection: r.objection,
    publishedOn: r.publishedOn,
    publishedVia: r.publishedVia,
    renewsId: r.renewsId,
    renewedById: renewedBy?.id ?? null,
    renewal,
    votingBody: { form: form.kind, minDelegates: form.kind === 'congress' ? form.minDelegates : null, delegates: form.kind === 'assembly' ? workforce : null },
    negotiatorProblems: checkNegotiators(seats, rule),
    vote: r.vote ?? null,
    partyList: parties,
    negotiators: seats.map((s) => ({
      id: s.id,
      side: s.side,
      name: s.name,
      chief: s.chief,
      chosenBy: s.chosenBy,
      vacatedOn: s.vacatedOn,
      fillDue: s.filledOn ? null : s.fillDue,
    })),
    rounds: rounds.map((x) => ({ id: x.id, no: x.no, heldOn: x.heldOn, minutes: x.minutes, agreed: x.agreed, open: x.open })),
    actions,
    can: {
      edit: write && OPEN_STATES.includes(r.status),
      publish: write && r.status === 'effective',
      renew: write && !renewedBy && ((r.status === 'effective' && !!renewal?.open) || r.status === 'expired'),
    },
  };
}

export async function getContract(c: Ctx, id: string) {
  return presentContract(c, await bargainings.get(c, id));
}

/** The record in scope, locked for a write inside `tx`, with its version checked. */
async function lockFor(c: Ctx, tx: Executor, id: string, version?: number) {
  const r = await bargainings.get(c, id, { exec: tx, lock: true });
  if (version !== undefined && r.version !== version) throw errors.versionConflict();
  return r;
}

/** Bump the version and audit a change that is not a state change (negotiators, rounds, publication). */
async function touch(c: Ctx, tx: Executor, r: Row, set: Partial<Row>, action: string, changes: Record<string, unknown>) {
  const { after } = await bargainings.update(c, tx, r.id, r.version, set, { action, changes });
  return after;
}

function insertNegotiators(tx: Executor, bargainingId: string, list: z.infer<typeof NegotiatorsBody>['negotiators']) {
  if (!list.length) return Promise.resolve();
  return tx
    .insert(negotiator)
    .values(
      list.map((n) => ({ id: uuidv7(), bargainingId, side: n.side, name: n.name, chief: n.chief, chosenBy: n.side === 'union' ? (n.chosenBy ?? null) : null })),
    );
}

/** A written request to bargain (要约): the other side's answer is due within 20 days (集体合同规定 Art. 32). */
export async function createContract(
  c: Ctx,
  body: z.infer<typeof BargainingCreateBody>,
  opts: { renews?: Row; draft?: Row['draft']; termYears?: number | null } = {},
) {
  const today = todayInChina();
  if (body.requestOn > today) throw fieldError('requestOn', `要约日期不能晚于今天（${today}）`, `The request date cannot be after today (${today})`);
  const ids = [...new Set(body.partyOrgIds)];
  if (body.scope === 'single' && ids.length !== 1)
    throw fieldError('partyOrgIds', '单个企业的集体协商只覆盖一个单位', 'A single-employer bargaining covers one employer');
  return c.db.transaction(async (tx) => {
    const runner = await requireOrgInScope(c, tx, body.orgId);
    const parties = await tx
      .select({ id: org.id, path: org.path, level: org.level, name: org.name, employeeCount: org.employeeCount })
      .from(org)
      .where(inArray(org.id, ids));
    if (parties.length !== ids.length) throw errors.notFound('工会组织', 'organisation');
    for (const p of parties) {
      if (!p.path.startsWith(runner.path)) throw errors.notFound('工会组织', 'organisation');
      if (p.level !== 'grassroots')
        throw fieldError('partyOrgIds', `“${p.name}”不是基层工会，覆盖的单位应选择企业的基层工会`, `${p.name} is not a grassroots union`);
    }
    const rule = await bargainingRule(c, today, tx);
    const seatProblems = body.negotiators.length
      ? checkNegotiators(body.negotiators, rule).filter((p) => p.code.endsWith('_many') || (p.code.endsWith('_chief') && p.have > 1))
      : [];
    if (seatProblems.length)
      throw problemsError('NEGOTIATORS_INVALID', { zh: '协商代表不符合规定', en: 'The negotiators do not meet the rule' }, seatProblems, 'negotiators');
    const answer = computeDeadline(body.requestOn, calendarDays(rule.answerDays), await c.settings.calendar(tx));
    const id = uuidv7();
    const row = await bargainings.create(
      c,
      tx,
      {
        id,
        orgId: body.orgId,
        scope: body.scope,
        kind: body.kind,
        title: body.title,
        initiatedBy: body.initiatedBy,
        requestOn: body.requestOn,
        answerDue: answer.due,
        status: 'requested',
        draft: opts.draft ?? [],
        termYears: opts.termYears ?? null,
        renewsId: opts.renews?.id ?? null,
      },
      {
        action: opts.renews ? 'contract.renew' : 'contract.request',
        changes: {
          title: body.title,
          scope: body.scope,
          kind: body.kind,
          requestOn: body.requestOn,
          answerDue: answer.due,
          parties: ids.length,
          ...(opts.renews ? { renews: opts.renews.id } : {}),
        },
      },
    );
    await tx.insert(bargainingParty).values(parties.map((p) => ({ bargainingId: id, orgId: p.id, workforce: p.employeeCount ?? 0 })));
    await insertNegotiators(tx, id, body.negotiators);
    await trackDeadline(tx, {
      entity: 'bargaining',
      entityId: id,
      field: 'answerDue',
      startOn: body.requestOn,
      rule: calendarDays(rule.answerDays),
      due: answer.due,
      provisional: answer.provisional,
    });
    return presentContract(c, row, tx);
  });
}

/** The other side's written answer: bargaining starts, or it is refused. */
export async function answerRequest(c: Ctx, id: string, body: z.infer<typeof AnswerBody>) {
  return c.db.transaction(async (tx) => {
    const r = await lockFor(c, tx, id, body.version);
    guard(c, BARGAINING_MACHINE, 'answer', r, body);
    checkStepDate('answeredOn', body.answeredOn, todayInChina(), { on: r.requestOn, zh: '要约日期', en: 'the request' });
    const after = await step(c, tx, BARGAINING_MACHINE, flow, 'answer', {
      row: r,
      input: body,
      to: body.agreed ? 'negotiating' : 'refused',
      set: { answeredOn: body.answeredOn, answer: body.answer },
      changes: { answeredOn: body.answeredOn, agreed: body.agreed, late: !!r.answerDue && body.answeredOn > r.answerDue },
    });
    return presentContract(c, after as Row, tx);
  });
}

function requireOpen(r: Row, zh: string, en: string) {
  if (!OPEN_STATES.includes(r.status)) {
    const st = BARGAINING_MACHINE.states[r.status as keyof typeof BARGAINING_MACHINE.states];
    throw new AppError(409, 'WRONG_STATUS', `当前状态“${st?.zh ?? r.status}”不能${zh}`, `A record that is ${st?.en ?? r.status} does not allow ${en}`);
  }
}

/**
 * The negotiators (集体合同规定 Arts. 19–23): equal numbers on both sides, 3–10 each, one chief
 * each; the union side chosen by the workers. The new set replaces the serving one; vacated seats
 * stay on record and count as filled.
 */
export async function setNegotiators(c: Ctx, id: string, body: z.infer<typeof NegotiatorsBody>) {
  if (!c.actor.permissions.has('contract.write')) throw errors.forbidden('contract.write');
  return c.db.transaction(async (tx) => {
    const r = await lockFor(c, tx, id, body.version);
    requireOpen(r, '调整协商代表', 'changing the negotiators');
    const problems = checkNegotiators(body.negotiators, await bargainingRule(c, todayInChina(), tx));
    if (problems.length)
      throw problemsError('NEGOTIATORS_INVALID', { zh: '协商代表不符合规定', en: 'The negotiators do not meet the rule' }, problems, 'negotiators');
    await tx.delete(negotiator).where(and(eq(negotiator.bargainingId, id), isNull(negotiator.vacatedOn)));
    await tx
      .update(negotiator)
      .set({ filledOn: todayInChina() })
      .where(and(eq(negotiator.bargainingId, id), isNull(negotiator.filledOn), sql`${negotiator.vacatedOn} IS NOT NULL`));
    await insertNegotiators(tx, id, body.negotiators);
    const after = await touch(c, tx, r, {}, 'contract.negotiators', {
      union: body.negotiators.filter((n) => n.side === 'union').map((n) => n.name + (n.chief ? '（首席）' : '')),
      employer: body.negotiators.filter((n) => n.side === 'employer').map((n) => n.name + (n.chief ? '（首席）' : '')),
    });
    return presentContract(c, after, tx);
  });
}

/** A negotiator leaves: the seat is to be filled within 15 days (practice; BARGAINING_RULE.vacancyDays). */
export async function vacateSeat(c: Ctx, id: string, body: z.infer<typeof VacateBody>) {
  if (!c.actor.permissions.has('contract.write')) throw errors.forbidden('contract.write');
  return c.db.transaction(async (tx) => {
    const r = await lockFor(c, tx, id, body.version);
    requireOpen(r, '登记代表出缺', 'a vacancy');
    const [seat] = await tx
      .select()
      .from(negotiator)
      .where(and(eq(negotiator.id, body.negotiatorId), eq(negotiator.bargainingId, id)));
    if (!seat || seat.vacatedOn) throw fieldError('negotiatorId', '该协商代表不在任', 'That negotiator is not serving');
    const today = todayInChina();
    checkStepDate('vacatedOn', body.vacatedOn, today, { on: r.requestOn, zh: '要约日期', en: 'the request' });
    const rule = await bargainingRule(c, today, tx);
    const fill = computeDeadline(body.vacatedOn, calendarDays(rule.vacancyDays), await c.settings.calendar(tx));
    await tx.update(negotiator).set({ vacatedOn: body.vacatedOn, fillDue: fill.due }).where(eq(negotiator.id, seat.id));
    const after = await touch(c, tx, r, {}, 'contract.vacate', { name: seat.name, side: seat.side, vacatedOn: body.vacatedOn, fillDue: fill.due });
    return presentContract(c, after, tx);
  });
}

/** A round of bargaining with its minutes, the points agreed and those still open. */
export async function addRound(c: Ctx, id: string, body: z.infer<typeof RoundBody>) {
  if (!c.actor.permissions.has('contract.write')) throw errors.forbidden('contract.write');
  return c.db.transaction(async (tx) => {
    const r = await lockFor(c, tx, id);
    if (!['negotiating', 'draft', 'objected'].includes(r.status)) {
      const st = BARGAINING_MACHINE.states[r.status as keyof typeof BARGAINING_MACHINE.states];
      throw new AppError(
        409,
        'WRONG_STATUS',
        `当前状态“${st?.zh ?? r.status}”不能登记协商会议（对方书面同意协商后方可开始）`,
        `A record that is ${st?.en ?? r.status} takes no rounds (bargaining starts once the other side agrees)`,
      );
    }
    checkStepDate('heldOn', body.heldOn, todayInChina(), { on: r.answeredOn ?? r.requestOn, zh: '对方回应日期', en: 'the answer' });
    const [{ n }] = (await tx
      .select({ n: sql<number>`coalesce(max(${bargainingRound.no}), 0)::int` })
      .from(bargainingRound)
      .where(eq(bargainingRound.bargainingId, id))) as [{ n: number }];
    await tx.insert(bargainingRound).values({
      id: uuidv7(),
      bargainingId: id,
      no: Number(n) + 1,
      heldOn: body.heldOn,
      minutes: body.minutes,
      agreed: body.agreed ?? null,
      open: body.open ?? null,
    });
    const after = await touch(c, tx, r, {}, 'contract.round', { no: Number(n) + 1, heldOn: body.heldOn });
    return presentContract(c, after, tx);
  });
}

/** The draft (合同草案): clauses from the library, a term of 1–3 years; needs the negotiators complete and at least one round. */
export async function saveDraft(c: Ctx, id: string, body: z.infer<typeof DraftBody>) {
  return c.db.transaction(async (tx) => {
    const r = await lockFor(c, tx, id, body.version);
    guard(c, BARGAINING_MACHINE, 'draft', r);
    const rule = await bargainingRule(c, todayInChina(), tx);
    const term = checkTerm(body.termYears, rule);
    if (term) throw fieldError('termYears', term.zh, term.en);
    const seats = await negotiatorsOf(tx, id);
    const problems = checkNegotiators(seats, rule);
    if (problems.length)
      throw problemsError('NEGOTIATORS_INVALID', { zh: '形成草案前协商代表应当齐备', en: 'The negotiators must be complete before the draft' }, problems);
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(bargainingRound)
      .where(eq(bargainingRound.bargainingId, id))) as [{ n: number }];
    if (!Number(n))
      throw new AppError(409, 'NO_ROUNDS', '请先登记至少一次协商会议及其纪要，再形成草案', 'Record at least one round with its minutes before the draft');
    const after = await step(c, tx, BARGAINING_MACHINE, flow, 'draft', {
      row: r,
      set: { draft: body.clauses, termYears: body.termYears },
      changes: { clauses: body.clauses.length, termYears: body.termYears },
    });
    return presentContract(c, after as Row, tx);
  });
}

/**
 * The vote of the congress (or the assembly below 100 workers) on the draft: at least two thirds
 * of the delegates present and more than half of all delegates for it (集体合同规定 Art. 36). A vote
 * that fails either test is refused with the numbers, and nothing is recorded.
 */
export async function recordVote(c: Ctx, id: string, body: z.infer<typeof VoteBody>) {
  return c.db.transaction(async (tx) => {
    const r = await lockFor(c, tx, id, body.version);
    guard(c, BARGAINING_MACHINE, 'vote', r, body);
    const [last] = await tx
      .select({ heldOn: bargainingRound.heldOn })
      .from(bargainingRound)
      .where(eq(bargainingRound.bargainingId, id))
      .orderBy(sql`${bargainingRound.heldOn} DESC`)
      .limit(1);
    checkStepDate('heldOn', body.heldOn, todayInChina(), { on: last?.heldOn, zh: '最后一次协商会议', en: 'the last round' });
    if (r.scope === 'single') {
      const parties = await partiesOf(tx, id);
      const workforce = parties.reduce((s, p) => s + p.workforce, 0);
      const form = congressForm(workforce, await ruleOn(c, CONGRESS_RULE, body.heldOn, tx));
      if (form.kind !== body.body) {
        throw fieldError(
          'body',
          form.kind === 'assembly' ? `职工${workforce}人，不足100人的单位应由职工大会表决` : `职工${workforce}人，应由职工代表大会表决`,
          form.kind === 'assembly' ? `${workforce} workers: the all-worker assembly votes` : `${workforce} workers: the workers' congress votes`,
        );
      }
      if (form.kind === 'congress' && body.delegates < form.minDelegates) {
        throw fieldError(
          'delegates',
          `职工${workforce}人的职代会代表应不少于${form.minDelegates}人，现填${body.delegates}人`,
          `A congress of ${workforce} workers has at least ${form.minDelegates} delegates; ${body.delegates} given`,
        );
      }
    } else {
      // A regional or sector draft goes to the congress (or the assembly) of the employers it covers
      // (劳社部发〔2006〕32号《关于开展区域性行业性集体协商工作的意见》), under the same two tests below.
      const workforce = (await partiesOf(tx, id)).reduce((s, p) => s + p.workforce, 0);
      if (body.body === 'assembly' && body.delegates !== workforce)
        throw fieldError(
          'delegates',
          `职工大会由覆盖单位的全体职工（${workforce}人）表决，现填${body.delegates}人`,
          `The assembly is all ${workforce} workers of the employers covered; ${body.delegates} given`,
        );
      if (body.delegates > workforce)
        throw fieldError(
          'delegates',
          `职工代表不能多于覆盖单位的职工总数（${workforce}人），现填${body.delegates}人`,
          `More delegates than the ${workforce} workers covered; ${body.delegates} given`,
        );
    }
    const v = countVote(body);
    if (!v.passed)
      throw problemsError(
        'VOTE_FAILED',
        { zh: '表决未通过，不能作为通过记录', en: 'The vote fails and is not recorded as adopted' },
        v.problems,
        v.quorum ? 'for' : 'present',
      );
    const vote = {
      body: body.body,
      delegates: body.delegates,
      present: body.present,
      for: body.for,
      against: body.against,
      abstain: body.abstain,
      heldOn: body.heldOn,
    };
    const after = await step(c, tx, BARGAINING_MACHINE, flow, 'vote', { row: r, input: body, to: 'adopted', set: { vote }, changes: { vote } });
    return presentContract(c, after as Row, tx);
  });
}

/** Both chief negotiators sign (Art. 37); the employer files within 10 days (Art. 42). */
export async function signContract(c: Ctx, id: string, body: z.infer<typeof SignBody>) {
  return c.db.transaction(async (tx) => {
    const r = await lockFor(c, tx, id, body.version);
    guard(c, BARGAINING_MACHINE, 'sign', r, body);
    checkStepDate('signedOn', body.signedOn, todayInChina(), { on: r.vote?.heldOn, zh: '表决日期', en: 'the vote' });
    const seats = (await negotiatorsOf(tx, id)).filter((s) => !s.vacatedOn && s.chief);
    const chief = (side: string) => seats.find((s) => s.side === side)?.name;
    if (chief('union') !== body.unionChief)
      throw fieldError(
        'unionChief',
        `职工方首席协商代表为“${chief('union') ?? '未确定'}”，应由其签字`,
        `The union side's chief negotiator (${chief('union') ?? 'none'}) signs`,
      );
    if (chief('employer') !== body.employerChief)
      throw fieldError(
        'employerChief',
        `企业方首席协商代表为“${chief('employer') ?? '未确定'}”，应由其签字`,
        `The employer side's chief negotiator (${chief('employer') ?? 'none'}) signs`,
      );
    const rule = await bargainingRule(c, todayInChina(), tx);
    const after = await step(c, tx, BARGAINING_MACHINE, flow, 'sign', {
      row: r,
      input: body,
      startOn: body.signedOn,
      rule: calendarDays(rule.filingDays),
      set: { signedOn: body.signedOn },
      changes: { signedOn: body.signedOn, unionChief: body.unionChief, employerChief: body.employerChief },
    });
    return presentContract(c, after as Row, tx);
  });
}

/** Filed with the labour administration: in force unless it objects within 15 days of receipt (Art. 47). */
export async function fileContract(c: Ctx, id: string, body: z.infer<typeof FileBody>) {
  return c.db.transaction(async (tx) => {
    const r = await lockFor(c, tx, id, body.version);
    guard(c, BARGAINING_MACHINE, 'file', r, body);
    checkStepDate('filedOn', body.filedOn, todayInChina(), { on: r.signedOn, zh: '签字日期', en: 'the signing' });
    const rule = await bargainingRule(c, todayInChina(), tx);
    const after = await step(c, tx, BARGAINING_MACHINE, flow, 'file', {
      row: r,
      input: body,
      startOn: body.filedOn,
      rule: calendarDays(rule.reviewDays),
      set: { filedOn: body.filedOn, filedWith: body.authority },
      changes: { filedOn: body.filedOn, authority: body.authority, late: !!r.filingDue && body.filedOn > r.filingDue },
    });
    return presentContract(c, after as Row, tx);
  });
}

/** The labour administration objects: back to bargaining with the points raised. */
export async function recordObjection(c: Ctx, id: string, body: z.infer<typeof ObjectBody>) {
  return c.db.transaction(async (tx) => {
    const r = await lockFor(c, tx, id, body.version);
    const after = await step(c, tx, BARGAINING_MACHINE, flow, 'object', { row: r, input: body, set: { objection: body.objection }, detail: body.objection });
    return presentContract(c, after as Row, tx);
  });
}

/**
 * No objection within the review period: the contract is in force from the day after it, for its
 * term. Refused while the period runs.
 */
export async function takeEffect(c: Ctx, id: string, version: number) {
  return c.db.transaction(async (tx) => {
    const r = await lockFor(c, tx, id, version);
    guard(c, BARGAINING_MACHINE, 'takeEffect', r);
    const today = todayInChina();
    if (!r.reviewDue || today <= r.reviewDue) {
      throw new AppError(
        409,
        'REVIEW_RUNNING',
        `审查期至${r.reviewDue}届满，届满前未收到异议方可确认生效`,
        `The review runs until ${r.reviewDue}; the contract takes effect after it without objection`,
      );
    }
    const effectiveOn = addDays(r.reviewDue, 1);
    const expiresOn = contractExpiresOn(effectiveOn, r.termYears ?? 1);
    const after = await step(c, tx, BARGAINING_MACHINE, flow, 'takeEffect', { row: r, set: { effectiveOn, expiresOn }, changes: { effectiveOn, expiresOn } });
    return presentContract(c, after as Row, tx);
  });
}

/** Published to the workers (Art. 48): when and how. */
export async function publishContract(c: Ctx, id: string, body: z.infer<typeof PublishBody>) {
  if (!c.actor.permissions.has('contract.write')) throw errors.forbidden('contract.write');
  return c.db.transaction(async (tx) => {
    const r = await lockFor(c, tx, id, body.version);
    if (r.status !== 'effective') throw new AppError(409, 'WRONG_STATUS', '集体合同生效后方可向职工公布', 'A contract is published once it is in force');
    checkStepDate('publishedOn', body.publishedOn, todayInChina(), { on: r.effectiveOn, zh: '生效日期', en: 'the day it took effect' });
    const after = await touch(c, tx, r, { publishedOn: body.publishedOn, publishedVia: body.publishedVia }, 'contract.publish', {
      publishedOn: body.publishedOn,
      publishedVia: body.publishedVia,
    });
    return presentContract(c, after, tx);
  });
}

/** Renewal: a new request from the old text, parties and negotiators, in the last months of the term or after it. */
export async function renewContract(c: Ctx, id: string, version: number) {
  if (!c.actor.permissions.has('contract.write')) throw errors.forbidden('contract.write');
  const r = await bargainings.get(c, id);
  if (r.version !== version) throw errors.versionConflict();
  const detail = await presentContract(c, r);
  if (!detail.can.renew) {
    if (detail.renewedById) throw new AppError(409, 'ALREADY_RENEWED', '该合同已发起续订', 'A renewal of this contract has already started');
    throw new AppError(
      409,
      'RENEWAL_NOT_OPEN',
      detail.renewal ? `续订自${detail.renewal.opensOn}起可以提出（期满前${(await bargainingRule(c)).renewalMonths}个月）` : '只有已生效或已到期的合同可以续订',
      detail.renewal ? `Renewal may be proposed from ${detail.renewal.opensOn}` : 'Only a contract in force or expired can be renewed',
    );
  }
  const seats = (await negotiatorsOf(c.db, id)).filter((s) => !s.vacatedOn);
  return createContract(
    c,
    {
      orgId: r.orgId,
      scope: r.scope as 'single',
      kind: r.kind as 'general',
      title: r.title.replace(/（续订）$/, '') + '（续订）',
      initiatedBy: 'union',
      requestOn: todayInChina(),
      partyOrgIds: detail.partyList.map((p) => p.orgId),
      negotiators: seats.map((s) => ({ side: s.side as 'union', name: s.name, chief: s.chief, chosenBy: s.chosenBy })),
    },
    { renews: r, draft: r.draft, termYears: r.termYears },
  );
}

/** The term ended: the contract is no longer in force. */
export async function expireContract(c: Ctx, id: string, version: number) {
  return c.db.transaction(async (tx) => {
    const r = await lockFor(c, tx, id, version);
    guard(c, BARGAINING_MACHINE, 'expire', r);
    if (!r.expiresOn || todayInChina() <= r.expiresOn)
      throw new AppError(409, 'TERM_RUNNING', `合同期限至${r.expiresOn}，期满后方可终止`, `The term runs until ${r.expiresOn}`);
    const after = await step(c, tx, BARGAINING_MACHINE, flow, 'expire', { row: r });
    return presentContract(c, after as Row, tx);
  });
}
