import { z } from 'zod';
import { CURRENT_CONSENT_VERSION, MemberFieldsInput } from '../../../../../common/src/member-input.js';
import { todayInChina } from '../../../../../common/src/dates.js';
import { checkUscc, USCC_PROBLEM_MESSAGES } from '../../../../../common/src/uscc.js';
import { ErrorSchema, errorResponses, isoDate, PageQuery, pageOf } from '../../../platform/contract.js';

/** Public routes can also answer 429 (see rate-limit.ts). */
export const publicErrorResponses = { ...errorResponses, 429: ErrorSchema } as const;

export const LookupQuery = z.strictObject({
  q: z.string().trim().min(2, '请至少输入2个字 / type at least 2 characters').max(60, '不超过60字 / at most 60 characters'),
});
export const UnionHit = z.object({
  id: z.string(), name: z.string(), kind: z.string().nullable(), level: z.string(), streetName: z.string().nullable(), districtName: z.string().nullable(),
});
export const TerritorialHit = z.object({ id: z.string(), name: z.string(), districtName: z.string().nullable() });

/**
 * The applicant's details as MemberFieldsInput (the same rules as a member record). The join date
 * is the union's to set on approval, so the applicant may leave it out.
 */
const ApplicantFields = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('joinDate' in v) ? { ...v, joinDate: todayInChina() } : v),
  MemberFieldsInput,
);

export const JoinApplyBody = z.strictObject({
  orgId: z.uuid('请选择要加入的工会 / choose the union'),
  employerName: z.string().trim().min(2, '请填写工作单位 / employer name is required').max(100),
  employerUscc: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .max(40)
      .transform((v, ctx) => {
        const r = checkUscc(v);
        if (r.ok) return r.value;
        const m = USCC_PROBLEM_MESSAGES[r.problem];
        ctx.addIssue({ code: 'custom', message: `${m.zh} / ${m.en}` });
        return z.NEVER;
      })
      .optional(),
  ),
  viaTerritorial: z.boolean(),
  fields: ApplicantFields,
  consent: z.strictObject({
    version: z.literal(CURRENT_CONSENT_VERSION, { error: '请阅读并同意最新版个人信息处理告知书 / agree to the current notice' }),
    agreed: z.literal(true, { error: '须同意个人信息处理告知书才能申请 / consent is required' }),
  }),
});
export type JoinApply = z.infer<typeof JoinApplyBody>;

export const JoinApplyResult = z.object({ appNo: z.string(), unionName: z.string(), submittedOn: z.string(), dueOn: z.string() });

export const StatusQuery = z.strictObject({ appNo: z.string().trim().min(1).max(30), idNumber: z.string().trim().min(1).max(40) });
export const StatusResult = z.object({
  appNo: z.string(), status: z.string(), unionName: z.string(), submittedOn: z.string(), dueOn: z.string(),
  decidedAt: z.string().nullable(), rejectReason: z.string().nullable(), cardNo: z.string().nullable(),
});

export const JOIN_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const JoinListQuery = z.strictObject({
  ...PageQuery,
  status: z.enum(JOIN_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(40).optional(),
  orgId: z.uuid().optional(),
});
export type JoinListParams = z.infer<typeof JoinListQuery>;

export const JoinListItem = z.object({
  id: z.string(), appNo: z.string(), name: z.string(), idMasked: z.string(), mobileMasked: z.string().nullable(), orgId: z.string(), orgName: z.string(),
  employerName: z.string().nullable(), viaTerritorial: z.boolean(), status: z.string(), submittedOn: z.string(), dueOn: z.string(),
  decidedAt: z.string().nullable(), overdue: z.boolean(), workingDaysLeft: z.number().nullable(),
});
export const JoinPage = pageOf(JoinListItem);

export const JoinSummary = z.object({
  pending: z.number(), overdue: z.number(), dueSoon: z.number(),
  /** Overdue applications of unions below the caller's own org: what the level above must chase. */
  overdueBelow: z.number(),
});

export const JoinDetail = JoinListItem.extend({
  sex: z.string(), birthDate: z.string(), idKind: z.string(), employerUscc: z.string().nullable(),
  ethnicity: z.string().nullable(), education: z.string().nullable(), politicalStatus: z.string().nullable(), employmentForm: z.string(),
  migrantWorker: z.boolean(), occupation: z.string().nullable(), consentVersion: z.string(), consentAt: z.string(),
  rejectReason: z.string().nullable(), memberId: z.string().nullable(), cardNo: z.string().nullable(),
});

export const ApproveBody = z.strictObject({ joinDate: isoDate.optional() });
export const RejectBody = z.strictObject({
  reason: z.string().trim().min(2, '请填写不予入会的理由（至少2字）/ give a reason (2+ characters)').max(200, '理由不超过200字 / at most 200 characters'),
});
export const DecisionResult = z.object({ id: z.string(), status: z.string(), memberId: z.string().nullable(), cardNo: z.string().nullable() });
