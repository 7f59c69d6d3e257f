import crypto from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { disputeCase, disputeInstalment, disputeMilestone, disputeParty, disputeReferral } from './dispute.schema.js';
import { lawyer, legalAidRequest } from './legal-aid.schema.js';
import { mediatorNames, orgNames } from './dispute.repo.js';
import { clockRule } from './dispute.service.js';
import { org } from '../org/org.schema.js';
import { mobileIndexOf } from '../member/member.record.js';
import type { WorkerAccount } from '../portal/portal.service.js';
import { breachSince, milestoneDues } from '../../../../common/src/dispute-records.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { maskMobile } from '../../../../common/src/mobile.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import type { PublicCtx, Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { LegalAidApply, PortalLegalAid } from '../../../../common/src/contracts/legal-aid.js';
import type { PortalCaseDetailT } from '../../../../common/src/contracts/portal-cases.js';

/**
 * The worker's side of rights protection (docs/rights.md "The worker's side"): a legal-aid request
 * filed online (the public page or the portal) and followed by its number and mobile, and the
 * portal's read-only view of the worker's own dispute and legal-aid cases. A worker reaches a case
 * only through their own mobile (the blind index) or their linked ID number; anything else is 404.
 */

const digitsOf = (mobile: string) => mobile.replace(/^\+?86/, '').replace(/[\s-]/g, '');

/** The union asked must exist and be active; online requests go to any union (its centre or a federation's). */
async function requireUnion(exec: Executor, orgId: string) {
  const [o] = await exec.select({ id: org.id, name: org.name, active: org.active }).from(org).where(eq(org.id, orgId));
  if (!o || !o.active) throw errors.notFound('受理的工会', 'union');
  return o;
}

async function insertOnline(
  s: Services,
  tx: Executor,
  input: PortalLegalAid & { mobile: string; consentVersion: string | null },
  who: { accountId: string | null; ip: string },
) {
  const o = await requireUnion(tx, input.orgId);
  const requestedOn = todayInChina();
  const res = (await tx.execute(sql`SELECT nextval('legal_aid_seq')::bigint AS n`)) as unknown as { rows: { n: number | string }[] };
  const requestNo = 'FY' + requestedOn.slice(0, 4) + String(res.rows[0]!.n).padStart(6, '0');
  const id = uuidv7();
  await tx.insert(legalAidRequest).values({
    id,
    requestNo,
    orgId: o.id,
    channel: 'online',
    kind: input.kind,
    type: input.type,
    status: 'requested',
    requestedOn,
    applicantName: input.applicantName,
    mobileCipher: s.keys.encrypt(input.mobile),
    mobileMasked: maskMobile(input.mobile),
    mobileIndex: mobileIndexOf(s.keys, input.mobile),
    employerName: input.employerName,
    employerUscc: input.employerUscc,
    summary: input.summary,
  });
  await appendAudit(tx, {
    actorName: who.accountId ? `职工门户 / portal ${who.accountId}` : '网上申请 / online',
    ip: who.ip,
    orgId: o.id,
    action: 'legal_aid.create',
    entity: 'legal_aid_request',
    entityId: id,
    changes: {
      requestNo,
      kind: input.kind,
      channel: 'online',
      type: input.type,
      mobile: '[encrypted]',
      consentVersion: input.consentVersion,
      portal: !!who.accountId,
    },
  });
  return { requestNo, orgName: o.name, requestedOn };
}

/** A legal-aid request from the public page, with separate consent to the processing of the worker's data. */
export async function applyLegalAidOnline(s: PublicCtx, input: LegalAidApply) {
  const { consent, mobile, ...rest } = input;
  if (!mobile) throw errors.invalid('请填写手机号，用于查询办理进度', 'A mobile is required to follow the request');
  return s.db.transaction((tx) => insertOnline(s, tx, { ...rest, mobile: digitsOf(mobile), consentVersion: consent.version }, { accountId: null, ip: s.ip }));
}

/** A legal-aid request from the portal: the signed-in worker's own mobile is the request's. */
export async function portalLegalAid(s: PublicCtx, account: WorkerAccount, input: PortalLegalAid) {
  const mobile = s.keys.decrypt(account.mobileCipher);
  return s.db.transaction((tx) => insertOnline(s, tx, { ...input, mobile, consentVersion: null }, { accountId: account.id, ip: s.ip }));
}

const notFollowed = () => new AppError(404, 'LEGAL_AID_NOT_FOUND', '未查到该申请：请核对申请编号和手机号', 'No request found for this number and mobile');

/** The progress of a legal-aid request, only for someone who knows its number and its mobile (one answer for either wrong). */
export async function followLegalAid(s: PublicCtx, requestNo: string, mobile: string) {
  const idx = mobileIndexOf(s.keys, digitsOf(mobile));
  const [r] = await s.db.select().from(legalAidRequest).where(eq(legalAidRequest.requestNo, requestNo.trim().toUpperCase()));
  if (!r?.mobileIndex || r.mobileIndex.length !== idx.length || !crypto.timingSafeEqual(Buffer.from(r.mobileIndex), Buffer.from(idx))) throw notFollowed();
  return presentFollow(s.db, r);
}

async function presentFollow(exec: Executor, r: typeof legalAidRequest.$inferSelect) {
  const [names, l] = await Promise.all([
    orgNames(exec, [r.orgId]),
    r.lawyerId ? exec.select({ name: lawyer.name, firm: lawyer.firm }).from(lawyer).where(eq(lawyer.id, r.lawyerId)) : Promise.resolve([]),
  ]);
  return {
    requestNo: r.requestNo,
    status: r.status,
    kind: r.kind,
    type: r.type,
    orgName: names.get(r.orgId) ?? '',
    requestedOn: r.requestedOn,
    assignedOn: r.assignedOn,
    lawyerName: l[0]?.name ?? null,
    lawyerFirm: l[0]?.firm ?? null,
    declineReason: r.declineReason,
    closedOn: r.closedOn,
    outcomeKind: r.outcomeKind,
  };
}

// ── The portal's "my cases" ──────────────────────────────────────────────────────────────────────

const notMine = () => errors.notFound('案件', 'case');

/** Whether the dispute is the worker's own: their mobile is an applicant's, or their linked ID number is a party's. */
async function ownDispute(exec: Executor, account: WorkerAccount, id: string) {
  const [d] = await exec.select().from(disputeCase).where(eq(disputeCase.id, id));
  if (!d) throw notMine();
  if (d.mobileIndexes.includes(account.mobileIndex)) return d;
  if (account.idIndex) {
    const [p] = await exec
      .select({ id: disputeParty.id })
      .from(disputeParty)
      .where(and(eq(disputeParty.disputeId, id), eq(disputeParty.idIndex, account.idIndex)));
    if (p) return d;
  }
  throw notMine();
}

const STEPS: Record<string, string> = {
  received: '调解中心已受理，将指派调解员并与您联系。',
  mediating: '调解员正在调解，请按通知参加调解会议。调解期限届满仍未达成协议的，您可以申请劳动争议仲裁。',
  agreed: '已达成调解协议，用人单位应按履行计划付款。双方可在协议生效后30日内向人民法院申请司法确认。',
  failed: '调解未达成协议，您可以依法申请劳动争议仲裁。',
  closed: '案件已办结。',
  rejected: '调解中心未受理本案，请按告知的途径办理。',
};

/** One of the worker's own cases, read-only: status, clocks (all calendar days) and next steps. Not audited as a cadre read: it is the data subject's own. */
export async function portalCaseDetail(s: Services, account: WorkerAccount, kind: 'dispute' | 'legal_aid', id: string): Promise<PortalCaseDetailT> {
  const today = todayInChina();
  const clock = (key: string, label: string, due: string | null | undefined) =>
    due ? [{ key, label, due, unit: 'calendar_days' as const, overdue: due < today }] : [];
  if (kind === 'legal_aid') {
    const [r] = await s.db.select().from(legalAidRequest).where(eq(legalAidRequest.id, id));
    if (!r?.mobileIndex || r.mobileIndex !== account.mobileIndex) throw notMine();
    const f = await presentFollow(s.db, r);
    return {
      kind,
      id: r.id,
      ref: r.requestNo,
      status: r.status,
      type: r.type,
      orgName: f.orgName,
      submittedOn: r.requestedOn,
      handler: f.lawyerName ? `${f.lawyerName}（${f.lawyerFirm}）` : null,
      clocks: [],
      nextSteps: [
        r.status === 'requested'
          ? '工会正在审查您的申请，将指派援助律师并与您联系。'
          : r.status === 'assigned'
            ? '援助律师已指派，请保持电话畅通，按律师要求准备材料。'
            : r.status === 'declined'
              ? `工会决定不予援助：${r.declineReason ?? ''}`
              : '法律援助已办结。',
      ],
      payments: null,
      referral: null,
    };
  }
  const d = await ownDispute(s.db, account, id);
  const [names, mediator, instalments, refs, milestones, rule] = await Promise.all([
    orgNames(s.db, [d.orgId]),
    mediatorNames(s.db, [d.mediatorId]),
    s.db.select().from(disputeInstalment).where(eq(disputeInstalment.disputeId, id)).orderBy(asc(disputeInstalment.seq)),
    s.db.select().from(disputeReferral).where(eq(disputeReferral.disputeId, id)),
    s.db.select().from(disputeMilestone).where(eq(disputeMilestone.disputeId, id)),
    clockRule(s, d.receivedOn),
  ]);
  const open = d.status === 'received' || d.status === 'mediating';
  const list = instalments.map((i) => ({
    seq: i.seq,
    dueOn: i.dueOn,
    amountFen: Number(i.amountFen),
    paidFen: Number(i.paidFen),
    paidOn: i.paidOn,
    missed: !i.paidOn && i.dueOn < today,
  }));
  const breach = d.status === 'agreed' ? breachSince(list, today) : null;
  const dues = milestoneDues(milestones, rule);
  const ref = refs[0];
  const steps = [STEPS[d.status] ?? ''];
  if (breach) steps.push('用人单位未按调解协议履行，您可以依法申请劳动争议仲裁（《劳动争议调解仲裁法》第十五条），调解中心将协助移送卷宗。');
  if (ref) steps.push(`本案已于${ref.referredOn}移送${ref.commission}，请关注仲裁委员会的通知。`);
  const nextUnpaid = list.find((i) => !i.paidOn);
  return {
    kind,
    id: d.id,
    ref: d.caseNo,
    status: d.status,
    type: d.type,
    orgName: names.get(d.orgId) ?? '',
    submittedOn: d.receivedOn,
    handler: d.mediatorId ? (mediator.get(d.mediatorId) ?? null) : null,
    clocks: [
      ...(open ? clock('mediation', '调解期限（15日）', d.mediationDue) : []),
      ...(open && d.limitationState === 'within' ? clock('limitation', '仲裁时效（1年）', d.limitationDue) : []),
      ...(d.status === 'agreed' ? clock('confirmation', '申请司法确认（30日）', d.confirmationDue) : []),
      ...(d.status === 'agreed' && nextUnpaid ? clock('instalment', `第${nextUnpaid.seq}期履行期限`, nextUnpaid.dueOn) : []),
      ...clock('acceptance', '仲裁受理期限（5日）', milestones.some((m) => m.kind === 'acceptance') ? null : dues.acceptanceDue),
      ...clock('award', '仲裁裁决期限', milestones.some((m) => m.kind === 'award') ? null : dues.awardDue),
      ...clock('suit', '起诉期限（15日）', dues.suitDue),
    ],
    nextSteps: steps.filter(Boolean),
    payments: list.length
      ? {
          amountFen: list.reduce((a, i) => a + i.amountFen, 0),
          paidFen: list.reduce((a, i) => a + i.paidFen, 0),
          outstandingFen: list.reduce((a, i) => a + i.amountFen - i.paidFen, 0),
          breachSince: breach,
          instalments: list,
        }
      : null,
    referral: ref ? { referredOn: ref.referredOn, commission: ref.commission } : null,
  };
}
