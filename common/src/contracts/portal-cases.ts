/**
 * The worker's own dispute and legal-aid cases in the portal (docs/rights.md "The worker's side"):
 * a read-only detail of one case — its status, clocks and next steps — found only through the
 * signed-in worker's mobile or linked ID number (404 otherwise), and a legal-aid request filed from
 * the portal.
 */
import { z } from 'zod';
import { endpoints } from './kit.js';
import { LegalAidApplyResult, PortalLegalAidBody } from './legal-aid.js';

const readLimit = { bucket: 'portal.read', limit: 120, windowMs: 60_000 };

export const PortalCaseParams = z.strictObject({
  kind: z.enum(['dispute', 'legal_aid'], { error: '案件类别错误 / unknown kind of case' }),
  id: z.uuid('编号格式错误 / invalid id'),
});
export const PortalCaseClock = z.object({
  /** `mediation`, `limitation`, `confirmation`, `instalment`, `acceptance`, `award`, `suit`. */
  key: z.string(),
  label: z.string(),
  due: z.string(),
  /** Every clock here counts calendar days (劳动争议调解仲裁法, 人民调解法). */
  unit: z.literal('calendar_days'),
  overdue: z.boolean(),
});
export const PortalCaseDetail = z.object({
  kind: z.enum(['dispute', 'legal_aid']),
  id: z.string(),
  ref: z.string(),
  status: z.string(),
  type: z.string(),
  orgName: z.string(),
  submittedOn: z.string(),
  /** The mediator or the lawyer handling it. */
  handler: z.string().nullable(),
  clocks: z.array(PortalCaseClock),
  /** What happens next, in plain words (zh-CN). */
  nextSteps: z.array(z.string()),
  /** The agreement's payments, for a dispute with a schedule. */
  payments: z
    .object({
      amountFen: z.number(),
      paidFen: z.number(),
      outstandingFen: z.number(),
      breachSince: z.string().nullable(),
      instalments: z.array(
        z.object({ seq: z.number(), dueOn: z.string(), amountFen: z.number(), paidFen: z.number(), paidOn: z.string().nullable(), missed: z.boolean() }),
      ),
    })
    .nullable(),
  referral: z.object({ referredOn: z.string(), commission: z.string() }).nullable(),
});

export const portalCasesApi = endpoints('职工门户 portal', {
  caseDetail: {
    method: 'GET',
    path: '/api/portal/cases/:kind/:id',
    access: 'public',
    summary: '我的案件详情（仅本人，只读）/ one of my own cases, read-only',
    params: PortalCaseParams,
    response: PortalCaseDetail,
    rateLimit: readLimit,
  },
  requestLegalAid: {
    method: 'POST',
    path: '/api/portal/legal-aid',
    access: 'public',
    summary: '在门户申请法律援助 / request legal aid from the portal',
    body: PortalLegalAidBody,
    response: LegalAidApplyResult,
    status: 201,
    rateLimit: { bucket: 'legal_aid.apply', limit: 10, windowMs: 3_600_000 },
  },
});
export type PortalCaseDetailT = z.infer<typeof PortalCaseDetail>;
