/**
 * What a dispute case gathers after intake (docs/rights.md "Evidence, agreement, payments,
 * arbitration"): evidence files (PDF/JPEG/PNG ≤ 5 MB, base64, type by content, downloads audited),
 * the mediation agreement as a PDF with the signatures of both parties and the mediator, its payment
 * schedule and a breach's referral to arbitration (劳动争议调解仲裁法 Art. 15), and the arbitration
 * milestones with their statutory days.
 */
import { z } from 'zod';
import { EVIDENCE_KINDS, MILESTONE_KINDS, SIGNATORY_ROLES, SIGNATURE_METHODS } from '../dispute-records.js';
import { MAX_ATTACHMENT_BYTES, UPLOAD_BODY_LIMIT, UPLOAD_MIME_TYPES } from './hardship-files.js';
import { endpoints, fen, FileBody, IdParams, isoDate, OkSchema, optionalText, requiredText } from './kit.js';

export { MAX_ATTACHMENT_BYTES, UPLOAD_MIME_TYPES };

const fileName = z
  .string()
  .trim()
  .min(1, '请填写文件名 / file name is required')
  .max(120, '文件名不超过120字 / at most 120 characters')
  .refine((v) => !/[/\\]/.test(v) && ![...v].some((ch) => ch.charCodeAt(0) < 32), '文件名不能包含路径或控制字符 / no paths or control characters');
const base64 = z.string().min(1, '文件为空 / the file is empty').max(UPLOAD_BODY_LIMIT, '文件过大 / the file is too large');

export const EvidenceBody = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS, { error: '请选择证据类别 / choose the kind of evidence' }),
  fileName,
  /** The file, base64-encoded (a data: URL is accepted). */
  data: base64,
});

export const ScheduleBody = z.strictObject({
  /** The instalments in order; their sum is the agreed amount. */
  instalments: z
    .array(
      z.strictObject({ dueOn: isoDate, amountFen: fen.refine((v) => v > 0, '每期金额应大于0 / each instalment must be above zero'), note: optionalText(200) }),
    )
    .min(1, '至少一期 / at least one instalment')
    .max(36, '最多36期 / at most 36 instalments'),
});

export const SignBody = z.strictObject({
  role: z.enum(SIGNATORY_ROLES, { error: '请选择签署人身份 / choose who signs' }),
  signerName: requiredText(60, '请填写签署人姓名', 'the signer’s name is required'),
  signedOn: isoDate.optional(),
  method: z.enum(SIGNATURE_METHODS, { error: '请选择签署方式 / choose how it was signed' }),
  /** The drawn signature (PNG) or the scan of the signed page (PDF/JPEG/PNG), base64. */
  image: base64.optional(),
});

export const PaymentBody = z.strictObject({
  seq: z.number({ error: '请选择期次 / choose the instalment' }).int().min(1).max(36),
  paidOn: isoDate,
  /** The amount paid (fen); left out, what is outstanding on the instalment (paid in full). */
  amountFen: fen.refine((v) => v > 0, '付款金额应大于0 / the amount must be above zero').optional(),
  note: optionalText(200),
});

export const ReferralBody = z.strictObject({
  commission: requiredText(100, '请填写仲裁委员会名称', 'the arbitration commission is required'),
  referredOn: isoDate.optional(),
  note: optionalText(500),
});

export const MilestoneBody = z.strictObject({
  kind: z.enum(MILESTONE_KINDS, { error: '请选择仲裁节点 / choose the milestone' }),
  onDate: isoDate,
  /** The commission's case number (仲裁案号) or the award's number. */
  reference: optionalText(60),
  note: optionalText(500),
});

const Evidence = z.object({ id: z.string(), kind: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() });
const Signature = z.object({ role: z.string(), signerName: z.string(), signedOn: z.string(), method: z.string(), hasImage: z.boolean() });
const InstalmentOut = z.object({
  seq: z.number(),
  dueOn: z.string(),
  amountFen: z.number(),
  /** The day it was paid in full (the last payment's), null while anything is outstanding. */
  paidOn: z.string().nullable(),
  paidFen: z.number(),
  outstandingFen: z.number(),
  note: z.string().nullable(),
  /** Past its due day and not fully paid: a breach of the agreement (Art. 15). */
  missed: z.boolean(),
  payments: z.array(z.object({ amountFen: z.number(), paidOn: z.string(), note: z.string().nullable() })),
});
const Milestone = z.object({ id: z.string(), kind: z.string(), onDate: z.string(), reference: z.string().nullable(), note: z.string().nullable() });

export const DisputeRecords = z.object({
  evidence: z.array(Evidence),
  /** The agreement can be printed (the case reached an agreement). */
  agreement: z
    .object({ agreedOn: z.string().nullable(), amountFen: z.number().nullable(), signatures: z.array(Signature), signedByAll: z.boolean() })
    .nullable(),
  instalments: z.array(InstalmentOut),
  paidFen: z.number(),
  outstandingFen: z.number(),
  /** The earliest missed instalment's due day: the agreement is breached (Art. 15). */
  breachSince: z.string().nullable(),
  referral: z
    .object({ ground: z.string(), referredOn: z.string(), commission: z.string(), note: z.string().nullable(), missed: z.number(), evidence: z.number() })
    .nullable(),
  milestones: z.array(Milestone),
  /** Statutory days that follow from the milestones: acceptance 5, award 45 (+15), suit 15. */
  dues: z.object({ acceptanceDue: z.string().nullable(), awardDue: z.string().nullable(), suitDue: z.string().nullable() }),
  can: z.object({
    evidence: z.boolean(),
    sign: z.boolean(),
    schedule: z.boolean(),
    pay: z.boolean(),
    refer: z.boolean(),
    milestone: z.boolean(),
    /** The referral's file can be downloaded as one PDF (仲裁移送卷宗). */
    bundle: z.boolean(),
  }),
});
export const EvidenceRef = Evidence.omit({ createdAt: true }).extend({ sha256: z.string() });

const CASE = '/api/disputes/:id';
export const disputeRecordsApi = endpoints('劳动争议 dispute', {
  records: {
    method: 'GET',
    path: `${CASE}/records`,
    access: 'dispute.read',
    summary: '证据、调解协议、履行计划和仲裁节点 / evidence, agreement, payments, arbitration',
    params: IdParams,
    response: DisputeRecords,
  },
  addEvidence: {
    method: 'POST',
    path: `${CASE}/evidence`,
    access: 'dispute.write',
    summary: '上传证据材料（PDF/JPG/PNG，≤5MB，base64）/ attach evidence',
    params: IdParams,
    body: EvidenceBody,
    response: EvidenceRef,
    status: 201,
    bodyLimit: UPLOAD_BODY_LIMIT,
  },
  evidence: {
    method: 'GET',
    path: '/api/dispute-evidence/:id',
    access: 'dispute.read',
    summary: '下载证据材料（记入审计）/ download evidence, audited',
    params: IdParams,
    response: FileBody('PDF, JPEG or PNG'),
    file: true,
  },
  deleteEvidence: {
    method: 'DELETE',
    path: '/api/dispute-evidence/:id',
    access: 'dispute.write',
    summary: '删除证据材料 / delete evidence',
    params: IdParams,
    response: OkSchema,
  },
  schedule: {
    method: 'PUT',
    path: `${CASE}/schedule`,
    access: 'dispute.write',
    summary: '设定调解协议的履行计划（分期）/ set the payment schedule',
    params: IdParams,
    body: ScheduleBody,
    response: OkSchema,
  },
  sign: {
    method: 'POST',
    path: `${CASE}/signatures`,
    access: 'dispute.write',
    summary: '登记调解协议书的签署（双方当事人和调解员）/ record a signature',
    params: IdParams,
    body: SignBody,
    response: OkSchema,
    status: 201,
    bodyLimit: UPLOAD_BODY_LIMIT,
  },
  agreementPdf: {
    method: 'GET',
    path: `${CASE}/agreement.pdf`,
    access: 'dispute.read',
    summary: '调解协议书（PDF）/ the mediation agreement as PDF',
    params: IdParams,
    response: FileBody('PDF'),
    file: true,
  },
  pay: {
    method: 'POST',
    path: `${CASE}/payments`,
    access: 'dispute.write',
    summary: '登记履行款（可部分付款）/ record a payment against an instalment, whole or partial',
    params: IdParams,
    body: PaymentBody,
    response: OkSchema,
  },
  refer: {
    method: 'POST',
    path: `${CASE}/referral`,
    access: 'dispute.write',
    summary: '转仲裁（不履行协议或调解不成，卷宗随附）/ refer to arbitration with the file',
    params: IdParams,
    body: ReferralBody,
    response: OkSchema,
    status: 201,
  },
  referralBundle: {
    method: 'GET',
    path: `${CASE}/referral.pdf`,
    access: 'dispute.read',
    summary: '仲裁移送卷宗（案情、当事人、协议、履行记录、证据目录，PDF，记入审计）/ the referral file as one PDF, audited',
    params: IdParams,
    response: FileBody('PDF'),
    file: true,
  },
  referralPackage: {
    method: 'GET',
    path: `${CASE}/referral.zip`,
    access: 'dispute.read',
    summary: '仲裁移送卷宗连同证据原件（ZIP：卷宗PDF和每份证据文件，记入审计）/ the referral file with the evidence files themselves, audited',
    params: IdParams,
    response: FileBody('ZIP'),
    file: true,
  },
  milestone: {
    method: 'POST',
    path: `${CASE}/milestones`,
    access: 'dispute.write',
    summary: '登记仲裁节点（申请、受理、开庭、延期、裁决）/ record an arbitration milestone',
    params: IdParams,
    body: MilestoneBody,
    response: OkSchema,
    status: 201,
  },
});

export type DisputeRecordsT = z.infer<typeof DisputeRecords>;
export type EvidenceInput = z.infer<typeof EvidenceBody>;
export type ScheduleInput = z.infer<typeof ScheduleBody>;
export type SignInput = z.infer<typeof SignBody>;
export type PaymentInput = z.infer<typeof PaymentBody>;
export type ReferralInput = z.infer<typeof ReferralBody>;
export type MilestoneInput = z.infer<typeof MilestoneBody>;
