import type { FastifyInstance } from 'fastify';
import { hardshipPublicApi } from '../../../../common/src/contracts/hardship-public.js';
import { applyOnline, selfCheck } from './public.service.js';
import * as V from '../../../../common/src/hardship-vocab.js';
import { CURRENT_CONSENT_VERSION } from '../../../../common/src/member-input.js';
import { mount } from '../../platform/mount.js';

/** Public (no sign-in): the self-check, the online application and the form's vocabularies; per-IP limits are in the contract. */
export async function publicHardshipRoutes(app: FastifyInstance) {
  mount(app, hardshipPublicApi, {
    selfCheck: (c, { body }) => selfCheck(c, body),
    apply: (c, { body }) => applyOnline(c, body),
    meta: () => ({
      tiers: V.labelList(V.TIERS, V.TIER_LABELS),
      causes: V.labelList(V.CAUSES, V.CAUSE_LABELS),
      health: V.labelList(V.HEALTH_STATUSES, V.HEALTH_LABELS),
      disability: V.labelList(V.DISABILITY_GRADES, V.DISABILITY_LABELS),
      employmentStatuses: V.labelList(V.EMPLOYMENT_STATUSES, V.EMPLOYMENT_STATUS_LABELS),
      housing: V.labelList(V.HOUSING_KINDS, V.HOUSING_LABELS),
      maritalStatuses: V.labelList(V.MARITAL_STATUSES, V.MARITAL_LABELS),
      hukouTypes: V.labelList(V.HUKOU_TYPES, V.HUKOU_LABELS),
      relationships: V.labelList(V.RELATIONSHIPS, V.RELATIONSHIP_LABELS),
      fileStatuses: V.labelList(V.FILE_STATUSES, V.FILE_STATUS_LABELS),
      origins: V.labelList(V.FILE_ORIGINS, V.FILE_ORIGIN_LABELS),
      exitReasons: V.labelList(V.EXIT_REASONS, V.EXIT_REASON_LABELS),
      aidKinds: V.labelList(V.AID_KINDS, V.AID_KIND_LABELS),
      attachmentKinds: V.labelList(V.ATTACHMENT_KINDS, V.ATTACHMENT_LABELS),
      visitKinds: V.labelList(V.VISIT_KINDS, V.VISIT_KIND_LABELS),
      warningLevels: V.labelList(V.WARNING_LEVELS, V.WARNING_LEVEL_LABELS),
      warningRules: V.labelList(V.WARNING_RULES, V.WARNING_RULE_LABELS),
      capRules: V.labelList(V.CAP_RULES, V.CAP_RULE_LABELS),
      consentVersion: CURRENT_CONSENT_VERSION,
    }),
  });
}
