import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as rules from './rules.service.js';
import { AID_KINDS, CAP_RULES } from '../../../../common/src/hardship-vocab.js';
import { DEFAULT_RULE_SET } from '../../../../common/src/hardship-tier.js';
import { Fen } from '../../../../common/src/hardship-input.js';
import { ctx } from '../../platform/guard.js';
import { IdParams, errorResponses, isoDate } from '../../platform/contract.js';

const tags = ['帮扶规则 rules'];
const source = z.string().trim().min(2, '请注明来源（文件名称、文号或网址）/ give the source').max(500);
const LineBody = z.strictObject({ regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字'), effectiveFrom: isoDate, monthlyFen: Fen.refine((v) => v > 0, '低保标准须大于0'), source, weak: z.boolean().default(false) });
const LineUpdateBody = z.strictObject({ monthlyFen: Fen.refine((v) => v > 0, '低保标准须大于0'), source, weak: z.boolean().default(false), version: z.number().int().min(1) });
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const Params = z.strictObject({
  deepMultiplePermille: int(100, 10000), relativeMultiplePermille: int(100, 10000), accidentCostPermille: int(1, 10000), migrantMinMonths: int(0, 120),
  nearLineBandPermille: int(100, 10000), monitoringMonths: int(1, 120), followUpIntervalMonths: int(1, 24), reassessMonths: int(1, 60), reviewLevels: int(0, 5),
  areaPeriodMonths: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(6), z.literal(12)]), areaRelapseThreshold: int(1, 100000),
  areaNewDeepThreshold: int(1, 100000), jobLossLookbackDays: int(1, 3650), responseWorkingDays: z.strictObject({ red: int(1, 60), orange: int(1, 60), yellow: int(1, 60) }),
}).refine((p) => p.deepMultiplePermille < p.relativeMultiplePermille, '深度困难倍数须小于相对困难倍数');
const RuleSetBody = z.strictObject({
  version: z.string().trim().min(2).max(40), effectiveFrom: isoDate, params: Params, source,
  weakKeys: z.array(z.enum(Object.keys(DEFAULT_RULE_SET.params) as [string, ...string[]])).default([]),
});
const CapBody = z.strictObject({
  kind: z.enum(AID_KINDS).nullable(), rule: z.enum(CAP_RULES), amountFen: Fen.nullable().default(null), maxCount: int(1, 100).nullable().default(null),
  effectiveFrom: isoDate, effectiveTo: isoDate.nullable().default(null), source, weak: z.boolean().default(false),
});
const Changed = z.object({ id: z.string(), reevaluated: z.number().optional() });
const Overview = z.object({
  today: z.string(), ruleSetInForce: z.object({ version: z.string(), effectiveFrom: z.string() }),
  lines: z.array(z.object({ id: z.string(), regionCode: z.string(), effectiveFrom: z.string(), monthlyFen: z.number(), source: z.string(), weak: z.boolean(), version: z.number() })),
  ruleSets: z.array(z.object({ id: z.string(), version: z.string(), effectiveFrom: z.string(), params: z.record(z.string(), z.unknown()), source: z.string(), weakKeys: z.array(z.string()) })),
  caps: z.array(z.object({
    id: z.string(), kind: z.string().nullable(), rule: z.string(), amountFen: z.number().nullable(), maxCount: z.number().nullable(), effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(), source: z.string(), weak: z.boolean(), version: z.number(),
  })),
});

/** Rule data (低保标准、分档与监测参数、帮扶标准上限): dated, with sources; changes re-evaluate affected files. */
export async function rulesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/hardship/rules', {
    config: { access: 'hardship.read' },
    schema: { tags, summary: '低保标准、分档与预警参数、帮扶标准上限 / rule data', response: { 200: Overview, ...errorResponses } },
  }, (req) => rules.rulesOverview(ctx(app, req)));

  r.post('/api/hardship/rules/lines', {
    config: { access: 'rule.manage' },
    schema: { tags, summary: '新增低保标准（地区×生效日期）/ add a subsistence line', body: LineBody, response: { 201: Changed, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await rules.addLine(ctx(app, req), req.body)));

  r.put('/api/hardship/rules/lines/:id', {
    config: { access: 'rule.manage' },
    schema: { tags, summary: '修改低保标准（重新评定受影响的档案）/ correct a line', params: IdParams, body: LineUpdateBody, response: { 200: Changed, ...errorResponses } },
  }, (req) => rules.updateLine(ctx(app, req), req.params.id, req.body));

  r.post('/api/hardship/rules/sets', {
    config: { access: 'rule.manage' },
    schema: { tags, summary: '新增分档与监测参数版本 / add a dated rule set', body: RuleSetBody, response: { 201: Changed, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await rules.addRuleSet(ctx(app, req), req.body as Parameters<typeof rules.addRuleSet>[1])));

  r.post('/api/hardship/rules/caps', {
    config: { access: 'rule.manage' },
    schema: { tags, summary: '新增帮扶标准上限 / add a cap', body: CapBody, response: { 201: Changed, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await rules.addCap(ctx(app, req), req.body)));

  r.put('/api/hardship/rules/caps/:id', {
    config: { access: 'rule.manage' },
    schema: { tags, summary: '修改帮扶标准上限 / change a cap', params: IdParams, body: CapBody.extend({ version: z.number().int().min(1) }), response: { 200: Changed, ...errorResponses } },
  }, (req) => rules.updateCap(ctx(app, req), req.params.id, req.body));
}
