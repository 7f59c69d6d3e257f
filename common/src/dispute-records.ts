/**
 * What a dispute case gathers after intake (docs/rights.md "Evidence, agreement, payments,
 * arbitration"): the kinds of evidence, the agreement's signatories, the payment schedule and its
 * breach (劳动争议调解仲裁法 Art. 15), and the arbitration milestones with their statutory days
 * (Arts. 29, 43, 48), counted by common/src/dispute-rules.ts arbitrationDues.
 */
import type { Label } from './dispute-vocab.js';
import { arbitrationDues, DEFAULT_DISPUTE_CLOCKS, type DisputeClockRule } from './dispute-rules.js';
import type { CalendarOverrides } from './working-days.js';

export const EVIDENCE_KINDS = ['contract', 'payslip', 'attendance', 'bank_record', 'chat', 'injury', 'id_document', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, Label> = {
  contract: { zh: '劳动合同', en: 'Employment contract' },
  payslip: { zh: '工资条', en: 'Payslip' },
  attendance: { zh: '考勤记录', en: 'Attendance record' },
  bank_record: { zh: '银行流水', en: 'Bank statement' },
  chat: { zh: '聊天记录', en: 'Messages' },
  injury: { zh: '工伤认定/病历', en: 'Injury decision or medical record' },
  id_document: { zh: '身份证明', en: 'Identity document' },
  other: { zh: '其他', en: 'Other' },
};

/** Who signs the mediation agreement (调解协议书): both parties and the mediator (人民调解法 Art. 29). */
export const SIGNATORY_ROLES = ['applicant', 'employer', 'mediator'] as const;
export type SignatoryRole = (typeof SIGNATORY_ROLES)[number];
export const SIGNATORY_ROLE_LABELS: Record<SignatoryRole, Label> = {
  applicant: { zh: '申请人', en: 'Applicant' },
  employer: { zh: '被申请人（用人单位）', en: 'Respondent (employer)' },
  mediator: { zh: '调解员', en: 'Mediator' },
};
export const SIGNATURE_METHODS = ['on_screen', 'upload'] as const;
export const SIGNATURE_METHOD_LABELS: Record<(typeof SIGNATURE_METHODS)[number], Label> = {
  on_screen: { zh: '屏幕签名', en: 'Signed on screen' },
  upload: { zh: '上传签字页', en: 'Signed page uploaded' },
};

export const REFERRAL_GROUNDS = ['breach', 'no_agreement'] as const;
export const REFERRAL_GROUND_LABELS: Record<(typeof REFERRAL_GROUNDS)[number], Label> = {
  breach: { zh: '不履行调解协议（第十五条）', en: 'Agreement not performed (Art. 15)' },
  no_agreement: { zh: '调解不成（第十四条）', en: 'No agreement (Art. 14)' },
};

export const MILESTONE_KINDS = ['application', 'acceptance', 'hearing', 'extension', 'award'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const MILESTONE_KIND_LABELS: Record<MilestoneKind, Label> = {
  application: { zh: '申请仲裁', en: 'Applied for arbitration' },
  acceptance: { zh: '仲裁受理', en: 'Accepted' },
  hearing: { zh: '开庭', en: 'Hearing' },
  extension: { zh: '延期审理', en: 'Award period extended' },
  award: { zh: '作出裁决', en: 'Award' },
};

export interface Instalment {
  seq: number;
  dueOn: string;
  amountFen: number;
  paidOn: string | null;
}

/**
 * The instalments missed on `today`: unpaid after their due day. One is a breach of the agreement;
 * the other party may then apply for arbitration (劳动争议调解仲裁法 Art. 15).
 */
export function missedInstalments<T extends Instalment>(list: T[], today: string): T[] {
  return list.filter((i) => !i.paidOn && i.dueOn < today);
}

/** The first day of breach: the day after the earliest missed instalment fell due, or null. */
export function breachSince(list: Instalment[], today: string): string | null {
  const missed = missedInstalments(list, today)
    .map((i) => i.dueOn)
    .sort();
  return missed[0] ?? null;
}

/** Which milestone may follow which: an order the commission's procedure imposes (Arts. 29, 43). */
export const MILESTONE_NEEDS: Record<MilestoneKind, MilestoneKind | null> = {
  application: null,
  acceptance: 'application',
  hearing: 'acceptance',
  extension: 'acceptance',
  award: 'acceptance',
};
/** Kinds recorded at most once per case (hearings may be several). */
export const SINGLE_MILESTONES: readonly MilestoneKind[] = ['application', 'acceptance', 'extension', 'award'];

/** The statutory due dates that follow from the recorded milestones (acceptance 5 days, award 45 (+15), suit 15). */
export function milestoneDues(ms: { kind: string; onDate: string }[], r: DisputeClockRule = DEFAULT_DISPUTE_CLOCKS, calendar?: CalendarOverrides) {
  const on = (k: MilestoneKind) => ms.find((m) => m.kind === k)?.onDate ?? null;
  const appliedOn = on('application');
  if (!appliedOn) return { acceptanceDue: null, awardDue: null, suitDue: null };
  return arbitrationDues({ appliedOn, acceptedOn: on('acceptance'), extended: !!on('extension'), awardOn: on('award') }, r, calendar);
}
