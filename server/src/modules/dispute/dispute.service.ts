import crypto from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { disputeCase, disputeParty, disputeSession, mediator, type DisputeCaseRow } from './dispute.schema.js';
import { disputes, mediatorNames, openLoads, orgNames } from './dispute.repo.js';
import { org } from '../org/org.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { DISPUTE_CLOCK_RULE, isCollective, limitationAt, mediationRule, type DisputeClockRule } from '../../../../common/src/dispute-rules.js';
import { DISPUTE_FLOW } from '../../../../common/src/dispute-workflow.js';
import { OPEN_DISPUTE_STATUSES } from '../../../../common/src/dispute-vocab.js';
import { allowedActions } from '../../../../common/src/workflow.js';
import { computeDeadline } from '../../../../common/src/deadlines.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { maskIdNumber } from '../../../../common/src/id-number.js';
import { maskMobile } from '../../../../common/src/mobile.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import { guard, step } from '../../platform/workflow.js';
import { trackDeadline } from '../../platform/deadline-track.js';
import { ruleOn } from '../../platform/rules.js';
import { scopeCovers } from '../../platform/scope.js';
import type { Ctx, PublicCtx, Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { KeyRing } from '../../platform/crypto.js';
import type { z } from 'zod';
import type {
  AgreeBody,
  AssignBody,
  DisputeApply,
  DisputeCreate,
  DisputeListParams,
  FailBody,
  RejectBody,
  SessionBody,
  TransferBody,
} from '../../../../common/src/contracts/dispute.js';

/**
 * Labour-dispute cases (docs/rights.md): intake by a cadre or online, assignment to a mediator of
 * the panel, transfer, sessions, and the outcomes, each step through the workflow helper
 * (common/src/dispute-workflow.ts). The statutory clocks are counted by common/src/dispute-rules.ts
 * on the rule version in force on the day of receipt.
 */

const flowTable = { table: disputeCase, id: disputeCase.id, status: disputeCase.status, version: disputeCase.version };
const mobileIndex = (keys: KeyRing, mobile: string) => keys.blindIndex(mobile, 'mobile');
const ref = (d: DisputeCaseRow) => ({ id: d.id, caseNo: d.caseNo, status: d.status, version: d.version });
const isOpen = (status: string) => (OPEN_DISPUTE_STATUSES as readonly string[]).includes(status);

export const clockRule = (s: Pick<Services, 'db'>, date: string, exec?: Executor): Promise<DisputeClockRule> => ruleOn(s, DISPUTE_CLOCK_RULE, date, exec);

export function isOverdue(d: Pick<DisputeCaseRow, 'status' | 'mediationDue' | 'courtReturnOn'>, today: string): boolean {
  return isOpen(d.status) && ((!!d.mediationDue && d.mediationDue < today) || (!!d.courtReturnOn && d.courtReturnOn < today));
}

export function presentItem(d: DisputeCaseRow, names: { org: Map<string, string>; mediator: Map<string, string> }, today: string) {
  return {
    id: d.id,
    caseNo: d.caseNo,
    orgId: d.orgId,
    orgName: names.org.get(d.orgId) ?? '',
    channel: d.channel,
    type: d.type,
    status: d.status,
    receivedOn: d.receivedOn,
    employerName: d.employerName,
    platformName: d.platformName,
    firstApplicant: d.firstApplicant,
    workerCount: d.workerCount,
    collective: d.collective,
    amountClaimedFen: Number(d.amountClaimedFen),
    mediatorName: d.mediatorId ? (names.mediator.get(d.mediatorId) ?? null) : null,
    mediationDue: d.mediationDue,
    courtReturnOn: d.courtReturnOn,
    limitationState: d.limitationState,
    overdue: isOverdue(d, today),
    version: d.version,
  };
}

export async function listDisputes(c: Ctx, q: DisputeListParams) {
  const page = await disputes.list(c, q);
  const today = todayInChina();
  const [o, m] = await Promise.all([
    orgNames(
      c.db,
      page.items.map((d) => d.orgId),
    ),
    mediatorNames(
      c.db,
      page.items.map((d) => d.mediatorId),
    ),
  ]);
  return { ...page, items: page.items.map((d) => presentItem(d, { org: o, mediator: m }, today)) };
}

/** A case in the caller's scope, locked for a step. */
const load = (c: Ctx, tx: Executor, id: string) => disputes.get(c, id, { exec: tx, lock: true });

export async function getDispute(c: Ctx, id: string) {
  const d = await disputes.get(c, id);
  // Someone outside the handling body (a federation above it) reads the case: recorded.
  if (c.actor.orgId !== d.orgId) {
    await c.db.transaction((tx) =>
      appendAudit(tx, {
        actorId: c.actor.userId,
        actorName: c.actor.username,
        ip: c.ip,
        orgId: d.orgId,
        action: 'dispute.read',
        entity: 'dispute',
        entityId: d.id,
      }),
    );
  }
  const today = todayInChina();
  const [parties, sessions, names, employerUnion] = await Promise.all([
    c.db.select().from(disputeParty).where(eq(disputeParty.disputeId, id)).orderBy(asc(disputeParty.seq)),
    c.db.select().from(disputeSession).where(eq(disputeSession.disputeId, id)).orderBy(asc(disputeSession.heldOn), asc(disputeSession.createdAt)),
    Promise.all([orgNames(c.db, [d.orgId]), mediatorNames(c.db, [d.mediatorId])]),
    d.employerUscc
      ? c.db
          .select({ id: org.id, name: org.name, path: org.path })
          .from(org)
          .where(and(eq(org.uscc, d.employerUscc), eq(org.active, true)))
          .limit(1)
      : Promise.resolve([]),
  ]);
  const sessionMediators = await mediatorNames(
    c.db,
    sessions.map((s) => s.mediatorId),
  );
  const eu = employerUnion[0];
  const clock = (due: string | null, running: boolean) => ({ due, overdue: running && !!due && due < today });
  return {
    ...presentItem(d, { org: names[0], mediator: names[1] }, today),
    employerUscc: d.employerUscc,
    employerUnion: eu && scopeCovers(c.actor.scope, eu) ? { id: eu.id, name: eu.name } : null,
    facts: d.facts,
    outcomeSought: d.outcomeSought,
    knewOn: d.knewOn,
    employmentOngoing: d.employmentOngoing,
    limitationDue: d.limitationDue,
    courtCaseNo: d.courtCaseNo,
    referralNo: d.referralNo,
    mediatorId: d.mediatorId,
    assignedOn: d.assignedOn,
    agreementTerms: d.agreementTerms,
    agreementAmountFen: d.agreementAmountFen === null ? null : Number(d.agreementAmountFen),
    agreedOn: d.agreedOn,
    confirmationDue: d.confirmationDue,
    failReason: d.failReason,
    advice: d.advice,
    rejectReason: d.rejectReason,
    referTo: d.referTo,
    closedOn: d.closedOn,
    clocks: {
      mediation: clock(d.mediationDue, isOpen(d.status)),
      courtReturn: clock(d.courtReturnOn, isOpen(d.status)),
      confirmation: clock(d.confirmationDue, d.status === 'agreed'),
    },
    applicants: parties.map((p) => ({ id: p.id, name: p.name, idMasked: p.idMasked, mobileMasked: p.mobileMasked, representative: p.representative })),
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.heldOn,
      attendees: s.attendees,
      notes: s.notes,
      mediatorName: s.mediatorId ? (sessionMediators.get(s.mediatorId) ?? null) : null,
    })),
    actions: allowedActions(DISPUTE_FLOW, d.status, c.actor.permissions),
    can: { session: c.actor.permissions.has('dispute.write') && d.status === 'mediating', unmask: c.actor.permissions.has('dispute.unmask') },
  };
}

type Intake = Omit<DisputeCreate, 'channel' | 'receivedOn' | 'courtCaseNo' | 'courtReturnOn' | 'referralNo'> & {
  channel: string;
  receivedOn: string;
  courtCaseNo?: string | null;
  courtReturnOn?: string | null;
  referralNo?: string | null;
  consentVersion?: string | null;
};

/** A union that can hold a mediation centre (federations, streets and parks, grassroots unions): active. */
async function requireCentre(exec: Executor, orgId: string) {
  const [o] = await exec.select({ id: org.id, name: org.name, active: org.active }).from(org).where(eq(org.id, orgId));
  if (!o || !o.active) throw errors.notFound('调解组织', 'mediation centre');
  return o;
}

/**
 * Checks of the case as a whole (field formats are the contract's): a collective case (Art. 7) has
 * representatives; the applicants listed are no more than the workers; the court's return date of
 * a delegated case, not before its receipt.
 */
function checkIntake(input: Intake, rule: DisputeClockRule) {
  const fail = (path: string, zh: string, en: string) => {
    throw new AppError(400, 'VALIDATION_FAILED', zh, en, { fields: [{ path: `body.${path}`, message: zh, messageEn: en }] });
  };
  if (input.applicants.length > input.workerCount)
    fail('workerCount', '涉及人数不能少于登记的申请人数', 'The number of workers is smaller than the applicants listed');
  if (isCollective(input.workerCount, rule) && !input.applicants.some((a) => a.representative)) {
    fail(
      'applicants',
      `${rule.collectiveMin}人以上的集体争议应推举代表人（劳动争议调解仲裁法第七条），请标记代表人`,
      `A collective dispute of ${rule.collectiveMin} or more workers needs representatives (Art. 7)`,
    );
  }
  if (input.channel === 'court_delegated' && (!input.courtCaseNo || !input.courtReturnOn)) {
    fail(
      input.courtCaseNo ? 'courtReturnOn' : 'courtCaseNo',
      '法院诉前委派的案件须填写法院案号和退回日期',
      'A court-delegated case needs the court’s case number and return date',
    );
  }
  if (input.courtReturnOn && input.courtReturnOn < input.receivedOn) fail('courtReturnOn', '退回法院日期不能早于受理日期', 'The return date is before receipt');
  if (input.knewOn && input.knewOn > input.receivedOn) fail('knewOn', '知道权利被侵害的日期不能晚于受理日期', 'The day the worker knew is after receipt');
}

/** Insert a case with its applicants; the mediation clock starts at receipt (Art. 14). */
async function insertCase(s: Services, tx: Executor, input: Intake, actor: { userId: string | null; username: string | null; ip: string }) {
  const rule = await clockRule(s, input.receivedOn, tx);
  checkIntake(input, rule);
  const calendar = await s.settings.calendar(tx);
  const limitation = limitationAt({ knewOn: input.knewOn, type: input.type, employmentOngoing: input.employmentOngoing }, input.receivedOn, rule, calendar);
  const mediation = computeDeadline(input.receivedOn, mediationRule(rule), calendar);
  const res = (await tx.execute(sql`SELECT nextval('dispute_case_seq')::bigint AS n`)) as unknown as { rows: { n: number | string }[] };
  const caseNo = 'TJ' + input.receivedOn.slice(0, 4) + String(res.rows[0]!.n).padStart(6, '0');
  const id = uuidv7();
  const mobiles = input.applicants.map((a) => a.mobile).filter((m): m is string => !!m);
  const [row] = await tx
    .insert(disputeCase)
    .values({
      id,
      caseNo,
      orgId: input.orgId,
      channel: input.channel,
      type: input.type,
      status: 'received',
      receivedOn: input.receivedOn,
      knewOn: input.knewOn,
      employmentOngoing: input.employmentOngoing,
      limitationState: limitation.state,
      limitationDue: limitation.due,
      mediationDue: mediation.due,
      courtCaseNo: input.courtCaseNo ?? null,
      courtReturnOn: input.courtReturnOn ?? null,
      referralNo: input.referralNo ?? null,
      employerName: input.employerName,
      employerUscc: input.employerUscc,
      platformName: input.platformName,
      workerCount: input.workerCount,
      collective: isCollective(input.workerCount, rule),
      firstApplicant: input.applicants[0]!.name,
      amountClaimedFen: input.amountClaimedFen,
      facts: input.facts,
      outcomeSought: input.outcomeSought,
      mobileIndexes: [...new Set(mobiles.map((m) => mobileIndex(s.keys, m)))],
      consentVersion: input.consentVersion ?? null,
      createdBy: actor.userId,
    })
    .returning();
  await tx.insert(disputeParty).values(
    input.applicants.map((a, i) => ({
      id: uuidv7(),
      disputeId: id,
      orgId: input.orgId,
      seq: i + 1,
      name: a.name,
      idCipher: a.idNumber ? s.keys.encrypt(a.idNumber.value) : null,
      idIndex: a.idNumber ? s.keys.blindIndex(a.idNumber.value, 'id') : null,
      idMasked: a.idNumber ? maskIdNumber(a.idNumber.value) : null,
      mobileCipher: a.mobile ? s.keys.encrypt(a.mobile) : null,
      mobileMasked: a.mobile ? maskMobile(a.mobile) : null,
      representative: a.representative,
    })),
  );
  await trackDeadline(tx, {
    entity: 'dispute',
    entityId: id,
    field: 'mediationDue',
    startOn: input.receivedOn,
    rule: mediationRule(rule),
    due: mediation.due,
    provisional: mediation.provisional,
  });
  await appendAudit(tx, {
    actorId: actor.userId,
    actorName: actor.username ?? 'public',
    ip: actor.ip,
    orgId: input.orgId,
    action: actor.userId ? 'dispute.create' : 'dispute.apply',
    entity: 'dispute',
    entityId: id,
    changes: {
      caseNo,
      channel: input.channel,
      type: input.type,
      workerCount: input.workerCount,
      amountClaimedFen: input.amountClaimedFen,
      limitation: limitation.state,
      mediationDue: mediation.due,
      applicants: '[encrypted]',
    },
  });
  return { row: row!, limitation, mediation };
}

export async function createDispute(c: Ctx, input: DisputeCreate) {
  const today = todayInChina();
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) throw errors.invalid('受理日期不能晚于今天', 'The date of receipt is in the future');
  return c.db.transaction(async (tx) => {
    await requireOrgInScope(c, tx, input.orgId);
    await requireCentre(tx, input.orgId);
    const { row } = await insertCase(c, tx, { ...input, receivedOn }, { userId: c.actor.userId, username: c.actor.username, ip: c.ip });
    return ref(row);
  });
}

/** A worker applies online: the case is received by the chosen centre the same day. */
export async function applyOnline(s: PublicCtx, input: DisputeApply) {
  const today = todayInChina();
  return s.db.transaction(async (tx) => {
    const o = await requireCentre(tx, input.orgId);
    const { consent, ...rest } = input;
    const { row, limitation, mediation } = await insertCase(
      s,
      tx,
      { ...rest, channel: 'online', receivedOn: today, consentVersion: consent.version },
      { userId: null, username: null, ip: s.ip },
    );
    return { caseNo: row.caseNo, centreName: o.name, receivedOn: today, mediationDue: mediation.due, limitationState: limitation.state };
  });
}

const notFollowed = () => new AppError(404, 'DISPUTE_NOT_FOUND', '未查到该案件：请核对案件编号和手机号', 'No case found for this case number and mobile');

/** The progress of a case, only for someone who knows its number and an applicant's mobile. */
export async function followCase(s: PublicCtx, caseNo: string, mobile: string) {
  const digits = mobile.replace(/^\+?86/, '').replace(/[\s-]/g, '');
  const idx = mobileIndex(s.keys, digits);
  const [d] = await s.db.select().from(disputeCase).where(eq(disputeCase.caseNo, caseNo.trim().toUpperCase()));
  // One answer whether the number or the mobile was wrong.
  if (!d || !d.mobileIndexes.some((m) => m.length === idx.length && crypto.timingSafeEqual(Buffer.from(m), Buffer.from(idx)))) throw notFollowed();
  const [centre, names, sessions] = await Promise.all([
    orgNames(s.db, [d.orgId]),
    mediatorNames(s.db, [d.mediatorId]),
    s.db.select({ heldOn: disputeSession.heldOn }).from(disputeSession).where(eq(disputeSession.disputeId, d.id)).orderBy(asc(disputeSession.heldOn)),
  ]);
  return {
    caseNo: d.caseNo,
    status: d.status,
    type: d.type,
    centreName: centre.get(d.orgId) ?? '',
    receivedOn: d.receivedOn,
    mediationDue: isOpen(d.status) ? d.mediationDue : null,
    mediatorName: d.mediatorId ? (names.get(d.mediatorId) ?? null) : null,
    sessions,
    agreedOn: d.agreedOn,
    advice: d.advice,
    rejectReason: d.rejectReason,
    referTo: d.referTo,
    closedOn: d.closedOn,
  };
}

/** The centres a worker may apply to online: the federations (city and districts). */
export async function centres(s: PublicCtx) {
  return s.db
    .select({ id: org.id, name: org.name, level: org.level })
    .from(org)
    .where(and(inArray(org.level, ['city', 'county']), eq(org.active, true)))
    .orderBy(asc(org.path));
}

/** The panels a case may draw on: its centre's and those of the unions above it, nearest first. */
async function panelOrgIds(exec: Executor, orgId: string): Promise<string[]> {
  const [o] = await exec.select({ path: org.path }).from(org).where(eq(org.id, orgId));
  return (o?.path ?? '').split('/').filter(Boolean).reverse();
}

/**
 * Assign a mediator: the one named (of a panel the case may draw on), or the active member of the
 * nearest panel who takes this type and has the fewest open cases, below their capacity.
 */
export async function assignMediator(c: Ctx, id: string, input: z.infer<typeof AssignBody>) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    guard(c, DISPUTE_FLOW, 'assign', d);
    const panels = await panelOrgIds(tx, d.orgId);
    const pool = await tx
      .select()
      .from(mediator)
      .where(and(inArray(mediator.orgId, panels), eq(mediator.active, true)));
    const loads = await openLoads(
      tx,
      pool.map((m) => m.id),
    );
    let chosen;
    if (input.mediatorId) {
      chosen = pool.find((m) => m.id === input.mediatorId);
      if (!chosen) throw errors.invalid('该调解员不在本案可用的调解员名册中或已停用', 'The mediator is not on a panel this case may use, or is inactive');
    } else {
      const fits = pool.filter(
        (m) => (!m.specialties.length || m.specialties.includes(d.type)) && (loads.get(m.id) ?? 0) < m.capacity && m.id !== d.mediatorId,
      );
      fits.sort(
        (a, b) => panels.indexOf(a.orgId) - panels.indexOf(b.orgId) || (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0) || a.name.localeCompare(b.name, 'zh'),
      );
      chosen = fits[0];
      if (!chosen)
        throw new AppError(
          409,
          'NO_MEDIATOR',
          '没有可分配的调解员：名册中无受理此类案件且尚有余量的调解员，请在调解员名册中添加或手动指定',
          'No mediator on the panels takes this type with room for another case',
        );
    }
    const today = todayInChina();
    const after = await step(c, tx, DISPUTE_FLOW, flowTable, 'assign', {
      row: d,
      set: { mediatorId: chosen.id, assignedOn: today },
      changes: { mediator: { from: d.mediatorId, to: chosen.id }, mediatorName: chosen.name },
      detail: input.note,
    });
    return ref(after as DisputeCaseRow);
  });
}

/** Transfer to another body's centre: back to received there, without a mediator; the history stays with the case. */
export async function transferCase(c: Ctx, id: string, input: z.infer<typeof TransferBody>) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    guard(c, DISPUTE_FLOW, 'transfer', d, input);
    if (input.toOrgId === d.orgId) throw errors.invalid('接收组织与当前承办组织相同', 'The case is already with this body');
    const to = await requireCentre(tx, input.toOrgId);
    const after = await step(c, tx, DISPUTE_FLOW, flowTable, 'transfer', {
      row: d,
      input,
      set: { orgId: to.id, mediatorId: null, assignedOn: null },
      changes: { org: { from: d.orgId, to: to.id }, toName: to.name },
      detail: input.reason,
    });
    await tx.update(disputeParty).set({ orgId: to.id }).where(eq(disputeParty.disputeId, id));
    await tx.update(disputeSession).set({ orgId: to.id }).where(eq(disputeSession.disputeId, id));
    return ref(after as DisputeCaseRow);
  });
}

export async function recordSession(c: Ctx, id: string, input: z.infer<typeof SessionBody>) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    if (d.status !== 'mediating')
      throw new AppError(409, 'WRONG_STATUS', '只有调解中的案件可以记录调解', 'Sessions are recorded while the case is being mediated');
    if (input.heldOn > todayInChina()) throw errors.invalid('调解日期不能晚于今天', 'The session date is in the future');
    if (input.heldOn < d.receivedOn) throw errors.invalid('调解日期不能早于受理日期', 'The session is before receipt');
    const sid = uuidv7();
    await tx.insert(disputeSession).values({
      id: sid,
      disputeId: id,
      orgId: d.orgId,
      heldOn: input.heldOn,
      attendees: input.attendees,
      notes: input.notes,
      mediatorId: d.mediatorId,
      createdBy: c.actor.userId,
    });
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: d.orgId,
      action: 'dispute.session',
      entity: 'dispute',
      entityId: id,
      changes: { sessionId: sid, heldOn: input.heldOn },
    });
    return { id: sid };
  });
}

/** An agreement: mediation ends, the 30 days to apply for judicial confirmation start (人民调解法 Art. 33). */
export async function agree(c: Ctx, id: string, input: z.infer<typeof AgreeBody>) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    guard(c, DISPUTE_FLOW, 'agree', d, input);
    const effectiveOn = input.effectiveOn ?? todayInChina();
    if (effectiveOn > todayInChina() || effectiveOn < d.receivedOn)
      throw errors.invalid('协议生效日期应在受理日期和今天之间', 'The agreement’s date must lie between receipt and today');
    const rule = await clockRule(c, effectiveOn, tx);
    const after = await step(c, tx, DISPUTE_FLOW, flowTable, 'agree', {
      row: d,
      input,
      startOn: effectiveOn,
      rule: { n: rule.confirmationDays, unit: 'calendar_days' },
      set: { agreementTerms: input.terms, agreementAmountFen: input.amountFen, agreedOn: effectiveOn },
      changes: { amountFen: input.amountFen, agreedOn: effectiveOn },
    });
    return ref(after as DisputeCaseRow);
  });
}

/** No agreement: mediation ends and arbitration is open (Art. 14); the reason and advice are kept. */
export async function failMediation(c: Ctx, id: string, input: z.infer<typeof FailBody>) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    const after = await step(c, tx, DISPUTE_FLOW, flowTable, 'fail', {
      row: d,
      input,
      set: { failReason: input.reason, advice: input.advice },
      detail: input.reason,
    });
    return ref(after as DisputeCaseRow);
  });
}

export async function closeCase(c: Ctx, id: string, input: { note: string | null }) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    const after = await step(c, tx, DISPUTE_FLOW, flowTable, 'close', { row: d, input, set: { closedOn: todayInChina() }, detail: input.note });
    return ref(after as DisputeCaseRow);
  });
}

/** Outside the centre's remit: rejected with the reason and the body to go to instead. */
export async function rejectCase(c: Ctx, id: string, input: z.infer<typeof RejectBody>) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    const after = await step(c, tx, DISPUTE_FLOW, flowTable, 'reject', {
      row: d,
      input,
      set: { rejectReason: input.reason, referTo: input.referTo, closedOn: todayInChina() },
      changes: { referTo: input.referTo },
      detail: input.reason,
    });
    return ref(after as DisputeCaseRow);
  });
}

export async function unmaskParties(c: Ctx, id: string) {
  const d = await disputes.get(c, id);
  const parties = await c.db.select().from(disputeParty).where(eq(disputeParty.disputeId, id)).orderBy(asc(disputeParty.seq));
  await c.db.transaction((tx) =>
    appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: d.orgId,
      action: 'dispute.unmask',
      entity: 'dispute',
      entityId: id,
    }),
  );
  return {
    applicants: parties.map((p) => ({
      id: p.id,
      name: p.name,
      idNumber: p.idCipher ? c.keys.decrypt(p.idCipher) : null,
      mobile: p.mobileCipher ? c.keys.decrypt(p.mobileCipher) : null,
    })),
  };
}
