/**
 * The worker-facing assistance routes (no sign-in, docs/hardship.md): the self-check, which stores
 * nothing, the online application with its separate consent for health and income data (个人信息
 * 保护法 Arts. 28, 29), and the forms' vocabularies. Each is limited per client IP.
 */
import { z } from 'zod';
import { HardshipFieldsInput, IdNumberInput, MobileInput, TierFiguresInput } from '../hardship-input.js';
import { endpoints, LabelSchema } from './kit.js';

/** Per client IP: a self-check is cheap and nothing is kept; an application opens a file. */
const SELF_CHECK_LIMIT = { bucket: 'hardship.selfCheck', limit: 60, windowMs: 600_000 };
const APPLY_LIMIT = { bucket: 'hardship.apply', limit: 10, windowMs: 3_600_000 };

const Steps = z.array(z.object({ zh: z.string(), en: z.string() }));

/** The tier computation (common/src/hardship-tier.ts TierResult), as the self-check answers it. */
export const TierResultSchema = z.object({
  tier: z.string().nullable(),
  status: z.string(),
  evaluatedOn: z.string(),
  ruleVersion: z.string(),
  ruleSetEffectiveFrom: z.string(),
  line: z
    .object({ id: z.string().nullable(), regionCode: z.string(), effectiveFrom: z.string(), monthlyFen: z.number(), source: z.string(), weak: z.boolean() })
    .nullable(),
  netAnnualFen: z.number(),
  householdSize: z.number(),
  perCapitaMonthlyFen: z.number(),
  ratioPermille: z.number().nullable(),
  accident: z.object({
    disaster: z.boolean(),
    workAccident: z.boolean(),
    costFen: z.number(),
    costSharePermille: z.number().nullable(),
    costRuleMet: z.boolean(),
    met: z.boolean(),
  }),
  migrant: z.object({ applies: z.boolean(), monthsInCity: z.number().nullable(), required: z.number(), ok: z.boolean() }),
  explanation: z.string(),
});

export const SelfCheckBody = TierFiguresInput.extend({
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为6位数字 / region code: 6 digits')
    .optional(),
  householdSize: z.number().int().min(1, '家庭人口至少1人 / at least 1 person').max(30),
}).strict();
export const SelfCheckResult = z.object({ result: TierResultSchema, nextSteps: Steps, stored: z.literal(false) });

export const ApplyBody = z.strictObject({
  orgId: z.uuid('请选择所在单位工会 / choose your union'),
  idNumber: IdNumberInput,
  mobile: MobileInput,
  fields: HardshipFieldsInput,
  consent: z.strictObject({
    version: z.string().trim().min(1).max(20),
    accepted: z.literal(true, { error: '须同意个人信息处理规则（含健康、收入等敏感信息）/ consent is required' }),
  }),
});
export const ApplyResult = z.object({ fileNo: z.string(), status: z.string(), tier: z.string().nullable(), explanation: z.string(), nextSteps: Steps });
export const HardshipMeta = z.record(z.string(), z.union([z.array(LabelSchema), z.string()]));

export const hardshipPublicApi = endpoints('困难职工帮扶 hardship', {
  selfCheck: {
    method: 'POST',
    path: '/api/hardship/self-check',
    access: 'public',
    summary: '困难职工自测（不保存任何数据，无需登录）/ self-check, nothing stored (public)',
    body: SelfCheckBody,
    response: SelfCheckResult,
    rateLimit: SELF_CHECK_LIMIT,
  },
  apply: {
    method: 'POST',
    path: '/api/hardship/apply',
    access: 'public',
    summary: '职工在线申请困难职工建档（须单独同意处理健康、收入等敏感信息，无需登录）/ apply online (public, separate consent)',
    body: ApplyBody,
    response: ApplyResult,
    status: 201,
    rateLimit: APPLY_LIMIT,
  },
  meta: {
    method: 'GET',
    path: '/api/hardship/meta',
    access: 'public',
    summary: '帮扶档案表单的选项（无需登录）/ vocabularies of the forms (public)',
    response: HardshipMeta,
  },
});

export type SelfCheckInput = z.input<typeof SelfCheckBody>;
export type SelfCheckOutput = z.infer<typeof SelfCheckResult>;
export type ApplyInput = z.input<typeof ApplyBody>;
export type ApplyOutput = z.infer<typeof ApplyResult>;
