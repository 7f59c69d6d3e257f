/** Dated rules (common/src/rules.ts): every rule with its versions, and adding a version. */
import { z } from 'zod';
import { endpoints, isoDate, requiredText } from './kit.js';

export const RuleVersionSchema = z.object({
  effectiveFrom: z.string(),
  value: z.unknown(),
  source: z.string(),
  weak: z.array(z.string()),
  /** Shipped with the code, or entered by an administrator. */
  origin: z.enum(['default', 'entered']),
  enteredBy: z.string().nullable(),
});
export const RuleSchema = z.object({
  key: z.string(),
  zh: z.string(),
  en: z.string(),
  fields: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })),
  inForce: RuleVersionSchema,
  versions: z.array(RuleVersionSchema),
  /** Whether the caller may add a version (rule.manage, with a scope covering the whole tree). */
  canEdit: z.boolean(),
});
export const RuleKeyParams = z.strictObject({ key: z.string().regex(/^[a-z_]+\.[a-z_]+$/, '规则编号不正确 / malformed rule key') });
export const RuleVersionBody = z.strictObject({
  effectiveFrom: isoDate,
  value: z.record(z.string(), z.unknown()),
  source: requiredText(300, '请填写依据（文件名称和条款）', 'the source (document and article) is required').refine(
    (s) => s.length >= 4,
    '依据至少4个字 / the source is too short',
  ),
});

export const rulesApi = endpoints('规则 rules', {
  list: {
    method: 'GET',
    path: '/api/rules',
    access: 'authenticated',
    summary: '规则及其生效版本（含依据）/ rules with their dated versions and sources',
    response: z.array(RuleSchema),
  },
  addVersion: {
    method: 'POST',
    path: '/api/rules/:key/versions',
    access: 'rule.manage',
    summary: '新增规则版本（自生效日起适用）/ add a version from its date',
    params: RuleKeyParams,
    body: RuleVersionBody,
    response: RuleSchema,
    status: 201,
  },
});

export type Rule = z.infer<typeof RuleSchema>;
