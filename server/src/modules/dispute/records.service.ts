import { zipSync } from 'fflate';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  disputeEvidence,
  disputeInstalment,
  disputeCase,
  disputeMilestone,
  disputeParty,
  disputePayment,
  disputeReferral,
  disputeSignature,
  type DisputeCaseRow,
} from './dispute.schema.js';
import { disputes, mediatorNames, orgNames } from './dispute.repo.js';
import { clockRule } from './dispute.service.js';
import { agreementPdf } from './agreement-pdf.js';
import { referralBundlePdf } from './referral-pdf.js';
import { notifyWorker } from '../portal/index.js';
import { acceptUpload, attachmentInScope, decodeUpload } from '../../platform/attachments.js';
import {
  breachSince,
  MILESTONE_KIND_LABELS,
  MILESTONE_NEEDS,
  milestoneDues,
  missedInstalments,
  SINGLE_MILESTONES,
  SIGNATORY_ROLES,
  type MilestoneKind,
} from '../../../../common/src/dispute-records.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { Services } from '../../platform/context.js';
import type { EvidenceInput, MilestoneInput, PaymentInput, ReferralInput, ScheduleInput, SignInput } from '../../../../common/src/contracts/dispute-records.js';

/**
 * Evidence, the mediation agreement's signatures and payment schedule, the referral to arbitration
 * after a breach (劳动争议调解仲裁法 Art. 15) or a failed mediation (Art. 14), and the arbitration
 * milestones (docs/rights.md "Evidence, agreement, payments, arbitration"). Every call first finds
 * the case in the caller's scope (404 outside it); every write is audited on the case.
 */

const wrongStatus = (zh: string, en: string) => new AppError(409, 'WRONG_STATUS', zh, en);
const audit = (c: Ctx, tx: Executor, d: { id: string; orgId: string }, action: string, changes: Record<string, unknown>, detail?: string | null) =>
  appendAudit(tx, {
    actorId: c.actor.userId,
    actorName: c.actor.username,
    ip: c.ip,
    orgId: d.orgId,
    action,
    entity: 'dispute',
    entityId: d.id,
    changes,
    detail: detail ?? null,
  });
const load = (c: Ctx, tx: Executor, id: string) => disputes.get(c, id, { exec: tx, lock: true });
const notFuture = (date: string, zh: string, en: string) => {
  if (date > todayInChina()) throw errors.invalid(`${zh}不能晚于今天`, `${en} is in the future`);
};
/** Cases that may go to arbitration: referred by the centre, transferred by the commission, or concluded without agreement. */
const arbitrationOpen = (d: DisputeCaseRow, referred: boolean) => referred || d.channel === 'arbitration_referral' || !!d.failReason;

async function instalmentsOf(exec: Executor, id: string) {
  const rows = await exec.select().from(disputeInstalment).where(eq(disputeInstalment.disputeId, id)).orderBy(asc(disputeInstalment.seq));
  return rows.map((r) => ({ ...r, amountFen: Number(r.amountFen), paidFen: Number(r.paidFen) }));
}

/** The payments of a case by instalment, oldest first. */
async function paymentsOf(exec: Executor, id: string) {
  const rows = await exec
    .select({ seq: disputePayment.seq, amountFen: disputePayment.amountFen, paidOn: disputePayment.paidOn, note: disputePayment.note })
    .from(disputePayment)
    .where(eq(disputePayment.disputeId, id))
    .orderBy(asc(disputePayment.paidOn), asc(disputePayment.createdAt));
  const bySeq = new Map<number, { amountFen: number; paidOn: string; note: string | null }[]>();
  for (const r of rows) bySeq.set(r.seq, [...(bySeq.get(r.seq) ?? []), { amountFen: Number(r.amountFen), paidOn: r.paidOn, note: r.note }]);
  return bySeq;
}

export async function disputeRecords(c: Ctx, id: string) {
  const d = await disputes.get(c, id);
  const today = todayInChina();
  const [evidence, signatures, instalments, referral, milestones, rule, payments] = await Promise.all([
    c.db
      .select({
        id: disputeEvidence.id,
        kind: disputeEvidence.kind,
        fileName: disputeEvidence.fileName,
        mime: disputeEvidence.mime,
        size: disputeEvidence.size,
        createdAt: disputeEvidence.createdAt,
      })
      .from(disputeEvidence)
      .where(eq(disputeEvidence.disputeId, id))
      .orderBy(asc(disputeEvidence.createdAt)),
    c.db
      .select({
        role: disputeSignature.role,
        signerName: disputeSignature.signerName,
        signedOn: disputeSignature.signedOn,
        method: disputeSignature.method,
        mime: disputeSignature.mime,
      })
      .from(disputeSignature)
      .where(eq(disputeSignature.disputeId, id)),
    instalmentsOf(c.db, id),
    c.db.select().from(disputeReferral).where(eq(disputeReferral.disputeId, id)),
    c.db.select().from(disputeMilestone).where(eq(disputeMilestone.disputeId, id)).orderBy(asc(disputeMilestone.onDate), asc(disputeMilestone.createdAt)),
    clockRule(c, d.receivedOn),
    paymentsOf(c.db, id),
  ]);
  const write = c.actor.permissions.has('dispute.write');
  const breach = d.status === 'agreed' ? breachSince(instalments, today) : null;
  const ref = referral[0];
  signatures.sort((a, b) => SIGNATORY_ROLES.indexOf(a.role as never) - SIGNATORY_ROLES.indexOf(b.role as never));
  return {
    evidence: evidence.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    agreement: d.agreedOn
      ? {
          agreedOn: d.agreedOn,
          amountFen: d.agreementAmountFen === null ? null : Number(d.agreementAmountFen),
          signatures: signatures.map((s) => ({ role: s.role, signerName: s.signerName, signedOn: s.signedOn, method: s.method, hasImage: !!s.mime })),
          signedByAll: SIGNATORY_ROLES.every((r) => signatures.some((s) => s.role === r)),
        }
      : null,
    instalments: instalments.map((i) => ({
      seq: i.seq,
      dueOn: i.dueOn,
      amountFen: i.amountFen,
      paidOn: i.paidOn,
      paidFen: i.paidFen,
      outstandingFen: i.amountFen - i.paidFen,
      note: i.note,
      missed: !i.paidOn && i.dueOn < today,
      payments: payments.get(i.seq) ?? [],
    })),
    paidFen: instalments.reduce((a, i) => a + i.paidFen, 0),
    outstandingFen: instalments.reduce((a, i) => a + i.amountFen - i.paidFen, 0),
    breachSince: breach,
    referral: ref
      ? {
          ground: ref.ground,
          referredOn: ref.referredOn,
          commission: ref.commission,
          note: ref.note,
          missed: ref.file.missed.length,
          evidence: ref.file.evidence.length,
        }
      : null,
    milestones: milestones.map((m) => ({ id: m.id, kind: m.kind, onDate: m.onDate, reference: m.reference, note: m.note })),
    dues: milestoneDues(milestones, rule),
    can: {
      evidence: write && d.status !== 'rejected' && d.status !== 'closed',
      sign: write && d.status === 'agreed',
      schedule: write && d.status === 'agreed' && !instalments.some((i) => i.paidFen > 0),
      pay: write && d.status === 'agreed' && instalments.some((i) => !i.paidOn),
      refer: write && !ref && ((d.status === 'agreed' && !!breach) || d.status === 'failed'),
      milestone: write && arbitrationOpen(d, !!ref),
      bundle: !!ref,
    },
  };
}

// ── Evidence ─────────────────────────────────────────────────────────────────────────────────────

export async function addEvidence(c: Ctx, id: string, input: EvidenceInput) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    if (d.status === 'rejected' || d.status === 'closed')
      throw wrongStatus('已结案或不予受理的案件不能再添加证据', 'Evidence cannot be added to a closed or rejected case');
    const { bytes, mime, sha256 } = acceptUpload(input.data);
    const eid = uuidv7();
    await tx.insert(disputeEvidence).values({
      id: eid,
      disputeId: id,
      orgId: d.orgId,
      kind: input.kind,
      fileName: input.fileName,
      mime,
      size: bytes.length,
      sha256,
      data: bytes,
      uploadedBy: c.actor.userId,
    });
    await audit(c, tx, d, 'dispute.evidence_add', { evidenceId: eid, kind: input.kind, fileName: input.fileName, mime, size: bytes.length, sha256 });
    return { id: eid, kind: input.kind, fileName: input.fileName, mime, size: bytes.length, sha256 };
  });
}

/** Evidence found through its own union (the platform's attachment service): 404 outside the scope. */
const evidenceInScope = (c: Ctx, id: string) => attachmentInScope(c, disputeEvidence, id, { zh: '证据材料', en: 'evidence' });

/** A download of evidence (it may hold pay, health or identity data): audited. */
export async function readEvidence(c: Ctx, id: string) {
  const e = await evidenceInScope(c, id);
  await c.db.transaction((tx) => audit(c, tx, { id: e.disputeId, orgId: e.orgId }, 'dispute.evidence_read', { evidenceId: id, fileName: e.fileName }));
  return e;
}

export async function deleteEvidence(c: Ctx, id: string) {
  const e = await evidenceInScope(c, id);
  await c.db.transaction(async (tx) => {
    const [ref] = await tx.select({ file: disputeReferral.file }).from(disputeReferral).where(eq(disputeReferral.disputeId, e.disputeId));
    if (ref?.file.evidence.some((x) => x.id === id))
      throw new AppError(409, 'IN_REFERRAL', '该证据已随卷宗移送仲裁，不能删除', 'The evidence went to arbitration with the file and cannot be deleted');
    await tx.delete(disputeEvidence).where(eq(disputeEvidence.id, id));
    await audit(c, tx, { id: e.disputeId, orgId: e.orgId }, 'dispute.evidence_delete', { evidenceId: id, fileName: e.fileName, sha256: e.sha256 });
  });
}

// ── The agreement: schedule, signatures, payments, the PDF ───────────────────────────────────────

/** The payment schedule of an agreement: instalments summing to the agreed amount, due on or after the agreement; replaceable until a payment is recorded. */
export async function setSchedule(c: Ctx, id: string, input: ScheduleInput) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    if (d.status !== 'agreed') throw wrongStatus('只有已达成调解协议的案件可以设定履行计划', 'Only a case with an agreement has a payment schedule');
    const existing = await instalmentsOf(tx, id);
    if (existing.some((i) => i.paidFen > 0))
      throw wrongStatus('已登记履行款，履行计划不能再修改', 'A payment has been recorded; the schedule can no longer change');
    const total = input.instalments.reduce((a, i) => a + i.amountFen, 0);
    const agreed = Number(d.agreementAmountFen ?? 0);
    const fields = (path: string, zh: string, en: string) =>
      new AppError(400, 'VALIDATION_FAILED', zh, en, { fields: [{ path: `body.${path}`, message: zh, messageEn: en }] });
    if (total !== agreed)
      throw fields(
        'instalments',
        `各期金额合计 ${(total / 100).toFixed(2)} 元，应等于协议金额 ${(agreed / 100).toFixed(2)} 元`,
        `The instalments add up to ${total} fen, not the agreed ${agreed} fen`,
      );
    input.instalments.forEach((i, n) => {
      if (d.agreedOn && i.dueOn < d.agreedOn)
        throw fields(`instalments.${n}.dueOn`, `第${n + 1}期的履行日期早于协议生效日期`, `Instalment ${n + 1} falls due before the agreement`);
      if (n > 0 && i.dueOn < input.instalments[n - 1]!.dueOn)
        throw fields(`instalments.${n}.dueOn`, `第${n + 1}期的履行日期早于上一期`, `Instalment ${n + 1} falls due before the one before it`);
    });
    await tx.delete(disputeInstalment).where(eq(disputeInstalment.disputeId, id));
    await tx
      .insert(disputeInstalment)
      .values(
        input.instalments.map((i, n) => ({ id: uuidv7(), disputeId: id, orgId: d.orgId, seq: n + 1, dueOn: i.dueOn, amountFen: i.amountFen, note: i.note })),
      );
    await audit(c, tx, d, 'dispute.schedule', { instalments: input.instalments.map((i) => ({ dueOn: i.dueOn, amountFen: i.amountFen })) });
    return { ok: true as const };
  });
}

/** A signature of the agreement (人民调解法 Art. 29: signed by the parties and the mediator), one per role, with the drawn signature or the signed page. */
export async function signAgreement(c: Ctx, id: string, input: SignInput) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    if (d.status !== 'agreed') throw wrongStatus('只有已达成调解协议的案件可以登记签署', 'Only an agreement can be signed');
    if (!input.image)
      throw errors.invalid(
        input.method === 'on_screen' ? '请在屏幕上签名' : '请上传签字页',
        input.method === 'on_screen' ? 'Sign on the screen' : 'Upload the signed page',
      );
    const { bytes, mime } = decodeUpload(input.image, input.method === 'on_screen' ? ['image/png'] : ['application/pdf', 'image/jpeg', 'image/png']);
    const signedOn = input.signedOn ?? todayInChina();
    notFuture(signedOn, '签署日期', 'The signing date');
    if (d.agreedOn && signedOn < d.receivedOn) throw errors.invalid('签署日期不能早于受理日期', 'The signing date is before receipt');
    const [done] = await tx
      .select({ id: disputeSignature.id })
      .from(disputeSignature)
      .where(and(eq(disputeSignature.disputeId, id), eq(disputeSignature.role, input.role)));
    if (done) throw new AppError(409, 'ALREADY_SIGNED', '该方已签署调解协议书', 'This party has already signed');
    await tx.insert(disputeSignature).values({
      id: uuidv7(),
      disputeId: id,
      orgId: d.orgId,
      role: input.role,
      signerName: input.signerName,
      signedOn,
      method: input.method,
      mime,
      image: bytes,
      createdBy: c.actor.userId,
    });
    await audit(c, tx, d, 'dispute.sign', { role: input.role, signerName: input.signerName, signedOn, method: input.method });
    return { ok: true as const };
  });
}

/**
 * A payment against one instalment, whole or partial (left without an amount, what is outstanding).
 * The instalment's paid sum is kept in the same transaction; it is paid (`paid_on`) on the day the
 * last of it came in. More than is outstanding is refused; an instalment still short after its due
 * day is missed, a breach of the agreement (劳动争议调解仲裁法 Art. 15).
 */
export async function recordPayment(c: Ctx, id: string, input: PaymentInput) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    if (d.status !== 'agreed') throw wrongStatus('只有履行中的调解协议可以登记履行款', 'Payments are recorded on an agreement being performed');
    notFuture(input.paidOn, '付款日期', 'The payment date');
    if (d.agreedOn && input.paidOn < d.agreedOn) throw errors.invalid('付款日期不能早于协议生效日期', 'The payment is before the agreement');
    const [row] = await tx
      .select()
      .from(disputeInstalment)
      .where(and(eq(disputeInstalment.disputeId, id), eq(disputeInstalment.seq, input.seq)));
    if (!row) throw errors.invalid(`履行计划中没有第${input.seq}期`, `No instalment ${input.seq} in the schedule`);
    if (row.paidOn)
      throw new AppError(409, 'ALREADY_PAID', `第${input.seq}期已于${row.paidOn}付清`, `Instalment ${input.seq} was paid in full on ${row.paidOn}`);
    const outstanding = Number(row.amountFen) - Number(row.paidFen);
    const amountFen = input.amountFen ?? outstanding;
    if (amountFen > outstanding)
      throw new AppError(
        400,
        'VALIDATION_FAILED',
        `第${input.seq}期尚欠 ${(outstanding / 100).toFixed(2)} 元，付款金额不能超过`,
        `Instalment ${input.seq} has ${outstanding} fen outstanding; the payment is more`,
        { fields: [{ path: 'body.amountFen', message: '付款金额超过未付金额', messageEn: 'more than is outstanding' }] },
      );
    const paidFen = Number(row.paidFen) + amountFen;
    const full = paidFen === Number(row.amountFen);
    await tx.insert(disputePayment).values({
      id: uuidv7(),
      disputeId: id,
      orgId: d.orgId,
      seq: input.seq,
      amountFen,
      paidOn: input.paidOn,
      note: input.note,
      createdBy: c.actor.userId,
    });
    await tx
      .update(disputeInstalment)
      .set({ paidFen, paidOn: full ? input.paidOn : null })
      .where(eq(disputeInstalment.id, row.id));
    await audit(c, tx, d, 'dispute.payment', {
      seq: input.seq,
      amountFen,
      paidOn: input.paidOn,
      outstandingFen: Number(row.amountFen) - paidFen,
      full,
      late: input.paidOn > row.dueOn,
    });
    return { ok: true as const };
  });
}

/** The mediation agreement (调解协议书) as a PDF: parties, terms, the schedule and the signature records. */
export async function printAgreement(c: Ctx, id: string) {
  const d = await disputes.get(c, id);
  if (!d.agreedOn) throw wrongStatus('本案未达成调解协议', 'The case has no agreement');
  const [parties, signatures, instalments, centre, mediatorName] = await Promise.all([
    c.db.select().from(disputeParty).where(eq(disputeParty.disputeId, id)).orderBy(asc(disputeParty.seq)),
    c.db.select().from(disputeSignature).where(eq(disputeSignature.disputeId, id)),
    instalmentsOf(c.db, id),
    orgNames(c.db, [d.orgId]),
    mediatorNames(c.db, [d.mediatorId]),
  ]);
  const pdf = await agreementPdf({
    caseNo: d.caseNo,
    centreName: centre.get(d.orgId) ?? '',
    mediatorName: d.mediatorId ? (mediatorName.get(d.mediatorId) ?? null) : null,
    applicants: parties.map((p) => ({ name: p.name, idMasked: p.idMasked, representative: p.representative })),
    workerCount: d.workerCount,
    employerName: d.employerName,
    employerUscc: d.employerUscc,
    type: d.type,
    facts: d.facts,
    outcomeSought: d.outcomeSought,
    terms: d.agreementTerms ?? '',
    amountFen: Number(d.agreementAmountFen ?? 0),
    agreedOn: d.agreedOn,
    confirmationDue: d.confirmationDue,
    instalments,
    signatures: SIGNATORY_ROLES.map((r) => signatures.find((s) => s.role === r))
      .filter((s) => !!s)
      .map((s) => ({ role: s.role, signerName: s.signerName, signedOn: s.signedOn, method: s.method, mime: s.mime, image: s.image })),
  });
  await c.db.transaction((tx) => audit(c, tx, d, 'dispute.agreement_pdf', { bytes: pdf.length }));
  return { pdf, fileName: `调解协议书-${d.caseNo}.pdf` };
}

// ── Arbitration ──────────────────────────────────────────────────────────────────────────────────

/**
 * Refer the case to arbitration with its file assembled: after a missed instalment (the agreement
 * not performed, Art. 15) or a failed mediation (Art. 14). Once per case.
 */
export async function referToArbitration(c: Ctx, id: string, input: ReferralInput) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    const today = todayInChina();
    const referredOn = input.referredOn ?? today;
    notFuture(referredOn, '移送日期', 'The referral date');
    const [done] = await tx.select({ id: disputeReferral.id }).from(disputeReferral).where(eq(disputeReferral.disputeId, id));
    if (done) throw new AppError(409, 'ALREADY_REFERRED', '本案已转仲裁', 'The case has already been referred to arbitration');
    const instalments = await instalmentsOf(tx, id);
    const missed = missedInstalments(instalments, today);
    let ground: 'breach' | 'no_agreement';
    if (d.status === 'agreed' && missed.length) ground = 'breach';
    else if (d.status === 'failed') ground = 'no_agreement';
    else
      throw wrongStatus(
        '只有不履行调解协议（有逾期未付的分期）或调解不成的案件可以转仲裁',
        'Only an agreement with a missed instalment, or a failed mediation, goes to arbitration',
      );
    const evidence = await tx
      .select({ id: disputeEvidence.id, kind: disputeEvidence.kind, fileName: disputeEvidence.fileName })
      .from(disputeEvidence)
      .where(eq(disputeEvidence.disputeId, id))
      .orderBy(asc(disputeEvidence.createdAt));
    const file = {
      missed: missed.map((i) => ({ seq: i.seq, dueOn: i.dueOn, amountFen: i.amountFen, paidFen: i.paidFen })),
      evidence,
      agreedOn: d.agreedOn,
      agreementAmountFen: d.agreementAmountFen === null ? null : Number(d.agreementAmountFen),
    };
    await tx.insert(disputeReferral).values({
      id: uuidv7(),
      disputeId: id,
      orgId: d.orgId,
      ground,
      referredOn,
      commission: input.commission,
      note: input.note,
      file,
      createdBy: c.actor.userId,
    });
    await audit(
      c,
      tx,
      d,
      'dispute.refer',
      { ground, referredOn, commission: input.commission, missed: file.missed.length, evidence: evidence.length },
      input.note,
    );
    await notifyApplicants(tx, d, {
      title: '案件已转仲裁',
      body: `您的劳动争议案件（${d.caseNo}）${ground === 'breach' ? '因用人单位未按调解协议履行' : '因调解不成'}，已于${referredOn}移送${input.commission}，卷宗随附。`,
    });
    return { ok: true as const };
  });
}

/** Tell the case's workers (by the applicants' mobiles and ID numbers) in their portal inbox; those without an account get nothing. */
async function notifyApplicants(tx: Executor, d: { id: string; mobileIndexes: string[] }, msg: { title: string; body: string }) {
  const ids = await tx.select({ idIndex: disputeParty.idIndex }).from(disputeParty).where(eq(disputeParty.disputeId, d.id));
  const to = [...d.mobileIndexes.map((m) => ({ mobileIndex: m })), ...ids.filter((p) => p.idIndex).map((p) => ({ idIndex: p.idIndex! }))];
  let n = 0;
  // One message per account, however many of its keys match.
  const seen = new Set<string>();
  for (const r of to) {
    const key = JSON.stringify(r);
    if (seen.has(key)) continue;
    seen.add(key);
    n += await notifyWorker(tx, { ...r, ...msg, link: `/m/cases/dispute/${d.id}` });
  }
  return n;
}

/**
 * The referral's file as one PDF (仲裁移送卷宗): summary, parties, agreement, payment record, evidence
 * list; `withEvidence`, a ZIP of that PDF and the evidence files themselves. Audited.
 */
export async function printReferralBundle(c: Ctx, id: string, withEvidence = false) {
  const d = await disputes.get(c, id);
  const [ref] = await c.db.select().from(disputeReferral).where(eq(disputeReferral.disputeId, id));
  if (!ref) throw wrongStatus('本案尚未转仲裁', 'The case has not been referred to arbitration');
  const [parties, instalments, payments, evidence, centre, mediatorName] = await Promise.all([
    c.db.select().from(disputeParty).where(eq(disputeParty.disputeId, id)).orderBy(asc(disputeParty.seq)),
    instalmentsOf(c.db, id),
    paymentsOf(c.db, id),
    c.db.select({ id: disputeEvidence.id, sha256: disputeEvidence.sha256 }).from(disputeEvidence).where(eq(disputeEvidence.disputeId, id)),
    orgNames(c.db, [d.orgId]),
    mediatorNames(c.db, [d.mediatorId]),
  ]);
  const held = new Map(evidence.map((e) => [e.id, e.sha256]));
  const pdf = await referralBundlePdf({
    caseNo: d.caseNo,
    centreName: centre.get(d.orgId) ?? '',
    mediatorName: d.mediatorId ? (mediatorName.get(d.mediatorId) ?? null) : null,
    receivedOn: d.receivedOn,
    applicants: parties.map((p) => ({ name: p.name, idMasked: p.idMasked, representative: p.representative })),
    workerCount: d.workerCount,
    employerName: d.employerName,
    employerUscc: d.employerUscc,
    type: d.type,
    amountClaimedFen: d.amountClaimedFen === null ? null : Number(d.amountClaimedFen),
    facts: d.facts,
    outcomeSought: d.outcomeSought,
    agreement: d.agreedOn ? { agreedOn: d.agreedOn, terms: d.agreementTerms ?? '', amountFen: Number(d.agreementAmountFen ?? 0) } : null,
    failReason: d.failReason,
    referral: { ground: ref.ground, referredOn: ref.referredOn, commission: ref.commission, note: ref.note },
    instalments: instalments.map((i) => ({ ...i, payments: payments.get(i.seq) ?? [] })),
    missedSeqs: ref.file.missed.map((m) => m.seq),
    evidence: ref.file.evidence.map((e) => ({ kind: e.kind, fileName: e.fileName, sha256: held.get(e.id) ?? null, present: held.has(e.id) })),
  });
  const fileName = `仲裁移送卷宗-${d.caseNo}.pdf`;
  if (!withEvidence) {
    await c.db.transaction((tx) => audit(c, tx, d, 'dispute.referral_pdf', { bytes: pdf.length }));
    return { data: pdf, fileName };
  }
  // The package for the arbitration commission: the file and, under 证据/, each evidence file the
  // referral lists, numbered in its order (the PDF's list gives their SHA-256 to check them by).
  const ids = ref.file.evidence.map((e) => e.id);
  const files = ids.length
    ? await c.db
        .select({ id: disputeEvidence.id, fileName: disputeEvidence.fileName, data: disputeEvidence.data })
        .from(disputeEvidence)
        .where(and(eq(disputeEvidence.disputeId, id), inArray(disputeEvidence.id, ids)))
    : [];
  const byId = new Map(files.map((f) => [f.id, f]));
  const entries: Record<string, Uint8Array> = { [fileName]: pdf };
  ids.forEach((eid, i) => {
    const f = byId.get(eid);
    if (f) entries[`证据/${String(i + 1).padStart(2, '0')}-${f.fileName.replace(/[\\/:*?"<>|]/g, '_')}`] = f.data;
  });
  // Stored, not deflated: scans and PDFs are compressed already.
  const zip = Buffer.from(zipSync(entries, { level: 0 }));
  await c.db.transaction((tx) => audit(c, tx, d, 'dispute.referral_zip', { bytes: zip.length, evidence: Object.keys(entries).length - 1 }));
  return { data: zip, fileName: `仲裁移送卷宗-${d.caseNo}.zip` };
}

export const BREACH_JOB_ACTOR = '系统：履行监督 / breach monitor';

/**
 * The breach job: an instalment of an agreement being performed that is past its due day and not
 * fully paid is a breach (劳动争议调解仲裁法 Art. 15). Once per instalment, the worker is told in
 * their portal inbox (arbitration is open to them) and the handling body gets a `dispute.breach`
 * entry in the case's history (the case page and the dashboard show the breach from the data).
 * Idempotent (`breach_notice_on`), dated by the day.
 */
export async function runBreachJob(s: Pick<Services, 'db'>, today: string = todayInChina()) {
  return s.db.transaction(async (tx) => {
    const lock = (await tx.execute(sql`SELECT pg_try_advisory_xact_lock(727014) AS ok`)) as unknown as { rows: { ok: boolean }[] };
    if (!lock.rows[0]?.ok) return { cases: 0, notified: 0 };
    const due = await tx
      .select({
        id: disputeInstalment.id,
        disputeId: disputeInstalment.disputeId,
        seq: disputeInstalment.seq,
        dueOn: disputeInstalment.dueOn,
        amountFen: disputeInstalment.amountFen,
        paidFen: disputeInstalment.paidFen,
      })
      .from(disputeInstalment)
      .innerJoin(disputeCase, eq(disputeCase.id, disputeInstalment.disputeId))
      .where(
        and(isNull(disputeInstalment.paidOn), isNull(disputeInstalment.breachNoticeOn), lt(disputeInstalment.dueOn, today), eq(disputeCase.status, 'agreed')),
      );
    if (!due.length) return { cases: 0, notified: 0 };
    const caseIds = [...new Set(due.map((r) => r.disputeId))];
    const cases = await tx.select().from(disputeCase).where(inArray(disputeCase.id, caseIds));
    let notified = 0;
    for (const d of cases) {
      const missed = due.filter((r) => r.disputeId === d.id);
      const owed = missed.reduce((a, r) => a + Number(r.amountFen) - Number(r.paidFen), 0);
      notified += await notifyApplicants(tx, d, {
        title: '用人单位未按调解协议履行',
        body: `您的劳动争议案件（${d.caseNo}）第${missed.map((r) => r.seq).join('、')}期履行款逾期未付清，尚欠 ${(owed / 100).toFixed(2)} 元。您可以依法申请劳动争议仲裁（《劳动争议调解仲裁法》第十五条），调解中心将协助移送卷宗。`,
      });
      await appendAudit(tx, {
        actorName: BREACH_JOB_ACTOR,
        orgId: d.orgId,
        action: 'dispute.breach',
        entity: 'dispute',
        entityId: d.id,
        changes: { missed: missed.map((r) => ({ seq: r.seq, dueOn: r.dueOn, outstandingFen: Number(r.amountFen) - Number(r.paidFen) })) },
      });
    }
    await tx
      .update(disputeInstalment)
      .set({ breachNoticeOn: today })
      .where(
        inArray(
          disputeInstalment.id,
          due.map((r) => r.id),
        ),
      );
    return { cases: cases.length, notified };
  });
}

/** An arbitration milestone, in the commission's order (application → acceptance → hearing / extension → award), each once but hearings. */
export async function recordMilestone(c: Ctx, id: string, input: MilestoneInput) {
  return c.db.transaction(async (tx) => {
    const d = await load(c, tx, id);
    const [ref] = await tx
      .select({ id: disputeReferral.id, referredOn: disputeReferral.referredOn })
      .from(disputeReferral)
      .where(eq(disputeReferral.disputeId, id));
    if (!arbitrationOpen(d, !!ref))
      throw wrongStatus(
        '只有已转仲裁、仲裁委移送或调解不成的案件可以登记仲裁节点',
        'Milestones are recorded for cases referred to or from arbitration, or after a failed mediation',
      );
    notFuture(input.onDate, '节点日期', 'The milestone date');
    const kind = input.kind as MilestoneKind;
    const ms = await tx.select().from(disputeMilestone).where(eq(disputeMilestone.disputeId, id));
    const label = MILESTONE_KIND_LABELS[kind].zh;
    if (SINGLE_MILESTONES.includes(kind) && ms.some((m) => m.kind === kind))
      throw new AppError(409, 'MILESTONE_EXISTS', `已登记“${label}”`, `“${MILESTONE_KIND_LABELS[kind].en}” is already recorded`);
    const need = MILESTONE_NEEDS[kind];
    const before = need ? ms.find((m) => m.kind === need) : null;
    if (need && !before)
      throw new AppError(409, 'MILESTONE_ORDER', `请先登记“${MILESTONE_KIND_LABELS[need].zh}”`, `Record “${MILESTONE_KIND_LABELS[need].en}” first`);
    if (before && input.onDate < before.onDate)
      throw errors.invalid(`“${label}”的日期不能早于“${MILESTONE_KIND_LABELS[need!].zh}”`, `The date is before “${MILESTONE_KIND_LABELS[need!].en}”`);
    if (kind === 'application' && ref && input.onDate < ref.referredOn)
      throw errors.invalid('申请仲裁的日期不能早于转仲裁日期', 'The application is before the referral');
    if (kind === 'extension' && ms.some((m) => m.kind === 'award')) throw wrongStatus('已作出裁决，不能再延期', 'The award has been made');
    await tx.insert(disputeMilestone).values({
      id: uuidv7(),
      disputeId: id,
      orgId: d.orgId,
      kind,
      onDate: input.onDate,
      reference: input.reference,
      note: input.note,
      createdBy: c.actor.userId,
    });
    await audit(c, tx, d, 'dispute.milestone', { kind, onDate: input.onDate, reference: input.reference }, input.note);
    return { ok: true as const };
  });
}

/** Rows of the case held by the handling body, moved with it on a transfer. */
export async function moveRecords(tx: Executor, id: string, toOrgId: string) {
  for (const t of [disputeEvidence, disputeSignature, disputeInstalment, disputePayment, disputeReferral, disputeMilestone])
    await tx.update(t).set({ orgId: toOrgId }).where(eq(t.disputeId, id));
}
