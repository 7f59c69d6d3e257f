import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyOnline, ApplyBody, ApplyResult, selfCheck, SelfCheckBody, SelfCheckResult, type PublicCtx } from './public.service.js';
import { SlidingWindowLimiter } from '../member/join/rate-limit.js';
import * as V from '../../../../common/src/hardship-vocab.js';
import { CURRENT_CONSENT_VERSION } from '../../../../common/src/member-input.js';
import { ErrorSchema } from '../../platform/contract.js';

const tags = ['困难职工帮扶 hardship'];
const E = { 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema };
const Label = z.object({ code: z.string(), zh: z.string(), en: z.string() });

/** Public (no sign-in): the self-check, the online application and the form's vocabularies. Rate-limited per IP (in-process, see join/rate-limit.ts). */
export async function publicHardshipRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limiter = new SlidingWindowLimiter({ selfCheck: { limit: 60, windowMs: 600_000 }, apply: { limit: 10, windowMs: 3_600_000 } });
  const pub = (req: FastifyRequest): PublicCtx => ({ ...app.gh, ip: req.ip });

  r.post('/api/hardship/self-check', {
    config: { access: 'public' },
    schema: { tags, summary: '困难职工自测（不保存任何数据，无需登录）/ self-check, nothing stored (public)', body: SelfCheckBody, response: { 200: SelfCheckResult, ...E } },
  }, (req) => {
    limiter.take('selfCheck', req.ip);
    return selfCheck(pub(req), req.body);
  });

  r.post('/api/hardship/apply', {
    config: { access: 'public' },
    schema: {
      tags, summary: '职工在线申请困难职工建档（须单独同意处理健康、收入等敏感信息，无需登录）/ apply online (public, separate consent)',
      body: ApplyBody, response: { 201: ApplyResult, ...E },
    },
  }, async (req, reply) => {
    limiter.take('apply', req.ip);
    return reply.code(201).send(await applyOnline(pub(req), req.body));
  });

  r.get('/api/hardship/meta', {
    config: { access: 'public' },
    schema: { tags, summary: '帮扶档案表单的选项（无需登录）/ vocabularies of the forms (public)', response: { 200: z.record(z.string(), z.union([z.array(Label), z.string()])) } },
  }, async () => ({
    tiers: V.labelList(V.TIERS, V.TIER_LABELS), causes: V.labelList(V.CAUSES, V.CAUSE_LABELS), health: V.labelList(V.HEALTH_STATUSES, V.HEALTH_LABELS),
    disability: V.labelList(V.DISABILITY_GRADES, V.DISABILITY_LABELS), employmentStatuses: V.labelList(V.EMPLOYMENT_STATUSES, V.EMPLOYMENT_STATUS_LABELS),
    housing: V.labelList(V.HOUSING_KINDS, V.HOUSING_LABELS), maritalStatuses: V.labelList(V.MARITAL_STATUSES, V.MARITAL_LABELS), hukouTypes: V.labelList(V.HUKOU_TYPES, V.HUKOU_LABELS),
    relationships: V.labelList(V.RELATIONSHIPS, V.RELATIONSHIP_LABELS), fileStatuses: V.labelList(V.FILE_STATUSES, V.FILE_STATUS_LABELS), origins: V.labelList(V.FILE_ORIGINS, V.FILE_ORIGIN_LABELS),
    exitReasons: V.labelList(V.EXIT_REASONS, V.EXIT_REASON_LABELS), aidKinds: V.labelList(V.AID_KINDS, V.AID_KIND_LABELS), attachmentKinds: V.labelList(V.ATTACHMENT_KINDS, V.ATTACHMENT_LABELS),
    visitKinds: V.labelList(V.VISIT_KINDS, V.VISIT_KIND_LABELS), warningLevels: V.labelList(V.WARNING_LEVELS, V.WARNING_LEVEL_LABELS), warningRules: V.labelList(V.WARNING_RULES, V.WARNING_RULE_LABELS),
    capRules: V.labelList(V.CAP_RULES, V.CAP_RULE_LABELS), consentVersion: CURRENT_CONSENT_VERSION,
  }));
}
