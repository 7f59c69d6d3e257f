/**
 * Rule data of the assistance work (docs/hardship.md): local subsistence lines (低保标准), dated
 * sets of the tier and monitoring parameters (分档与监测参数) and the aid caps (帮扶标准上限) — each
 * dated and with its source (docs/architecture.md, invariant 9). Installation-wide: only an administrator
 * whose scope covers the top organisation changes them; a change re-evaluates the affected files.
 */
import { z } from 'zod';
import { AID_KINDS, CAP_RULES } from '../hardship-vocab.js';
import { DEFAULT_RULE_SET } from '../hardship-tier.js';
import { endpoints, fen, HistoryEntrySchema, IdParams, isoDate, version } from './kit.js';

const source = z.string().trim().min(2, '请注明来源（文件名称、文号或网址）/ give the source').max(500);
const monthly = fen.refine((v) => v > 0, '低保标准须大于0 / the line must be above 0');
const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const LineBody = z.strictObject({
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字 / region code: 6 digits'),
  effectiveFrom: isoDate,
  monthlyFen: monthly,
  source,
  weak: z.boolean().default(false),
});
export const LineUpdateBody = z.strictObject({ monthlyFen: monthly, source, weak: z.boolean().default(false), version });

/** The parameters of a rule set (common/src/hardship-tier.ts HardshipParams), bounded. */
export const RuleParams = z
  .strictObject({
    deepMultiplePermille: int(100, 10000),
    relativeMultiplePermille: int(100, 10000),
    accidentCostPermille: int(1, 10000),
    migrantMinMonths: int(0, 120),
    nearLineBandPermille: int(100, 10000),
    monitoringMonths: int(1, 120),
    followUpIntervalMonths: int(1, 24),
    reassessMonths: int(1, 60),
    reviewLevels: int(0, 5),
    areaPeriodMonths: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(6), z.literal(12)]),
    areaRelapseThreshold: int(1, 100000),
    areaNewDeepThreshold: int(1, 100000),
    jobLossLookbackDays: int(1, 3650),
    responseWorkingDays: z.strictObject({ red: int(1, 60), orange: int(1, 60), yellow: int(1, 60) }),
  })
  .refine((p) => p.deepMultiplePermille < p.relativeMultiplePermille, {
    message: '深度困难倍数须小于相对困难倍数 / the deep multiple must be below the relative one',
    path: ['deepMultiplePermille'],
  });
export const PARAM_KEYS = Object.keys(DEFAULT_RULE_SET.params) as (keyof typeof DEFAULT_RULE_SET.params)[];
export const RuleSetBody = z.strictObject({
  /** The rule set's own version label (e.g. tiers-2027.1), not an optimistic-lock version. */
  version: z.string().trim().min(2).max(40),
  effectiveFrom: isoDate,
  params: RuleParams,
  source,
  weakKeys: z.array(z.enum(PARAM_KEYS as [string, ...string[]])).default([]),
});
export const CapBody = z.strictObject({
  kind: z.enum(AID_KINDS).nullable(),
  rule: z.enum(CAP_RULES),
  amountFen: fen.nullable().default(null),
  maxCount: int(1, 100).nullable().default(null),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().default(null),
  source,
  weak: z.boolean().default(false),
});
export const CapUpdateBody = CapBody.extend({ version });

/** What a change answers: the record's id and how many files were re-evaluated. */
export const RuleChanged = z.object({ id: z.string(), reevaluated: z.number().optional() });
export const SubsistenceLineItem = z.object({
  id: z.string(),
  regionCode: z.string(),
  effectiveFrom: z.string(),
  monthlyFen: z.number(),
  source: z.string(),
  weak: z.boolean(),
  version: z.number(),
});
export const RuleSetItem = z.object({
  id: z.string(),
  version: z.string(),
  effectiveFrom: z.string(),
  params: z.record(z.string(), z.unknown()),
  source: z.string(),
  weakKeys: z.array(z.string()),
});
export const CapItem = z.object({
  id: z.string(),
  kind: z.string().nullable(),
  rule: z.string(),
  amountFen: z.number().nullable(),
  maxCount: z.number().nullable(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  source: z.string(),
  weak: z.boolean(),
  version: z.number(),
});
export const RulesOverview = z.object({
  today: z.string(),
  ruleSetInForce: z.object({ version: z.string(), effectiveFrom: z.string() }),
  lines: z.array(SubsistenceLineItem),
  ruleSets: z.array(RuleSetItem),
  caps: z.array(CapItem),
});

export const hardshipRulesApi = endpoints('帮扶规则 rules', {
  overview: {
    method: 'GET',
    path: '/api/hardship/rules',
    access: 'hardship.read',
    summary: '低保标准、分档与预警参数、帮扶标准上限 / rule data',
    response: RulesOverview,
  },
  addLine: {
    method: 'POST',
    path: '/api/hardship/rules/lines',
    access: 'rule.manage',
    summary: '新增低保标准（地区×生效日期）/ add a subsistence line',
    body: LineBody,
    response: RuleChanged,
    status: 201,
  },
  updateLine: {
    method: 'PUT',
    path: '/api/hardship/rules/lines/:id',
    access: 'rule.manage',
    summary: '修改低保标准（重新评定受影响的档案）/ correct a line',
    params: IdParams,
    body: LineUpdateBody,
    response: RuleChanged,
  },
  lineHistory: {
    method: 'GET',
    path: '/api/hardship/rules/lines/:id/history',
    access: 'rule.manage',
    summary: '低保标准的变更记录（审计）/ the line’s history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  addRuleSet: {
    method: 'POST',
    path: '/api/hardship/rules/sets',
    access: 'rule.manage',
    summary: '新增分档与监测参数版本 / add a dated rule set',
    body: RuleSetBody,
    response: RuleChanged,
    status: 201,
  },
  addCap: {
    method: 'POST',
    path: '/api/hardship/rules/caps',
    access: 'rule.manage',
    summary: '新增帮扶标准上限 / add a cap',
    body: CapBody,
    response: RuleChanged,
    status: 201,
  },
  updateCap: {
    method: 'PUT',
    path: '/api/hardship/rules/caps/:id',
    access: 'rule.manage',
    summary: '修改帮扶标准上限 / change a cap',
    params: IdParams,
    body: CapUpdateBody,
    response: RuleChanged,
  },
  capHistory: {
    method: 'GET',
    path: '/api/hardship/rules/caps/:id/history',
    access: 'rule.manage',
    summary: '帮扶标准的变更记录（审计）/ the cap’s history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
});

export type LineInput = z.infer<typeof LineBody>;
export type RuleSetInput = z.infer<typeof RuleSetBody>;
export type CapInput = z.infer<typeof CapBody>;
export type SubsistenceLineItem = z.infer<typeof SubsistenceLineItem>;
export type RuleSetItem = z.infer<typeof RuleSetItem>;
export type CapItem = z.infer<typeof CapItem>;
export type RulesOverview = z.infer<typeof RulesOverview>;
