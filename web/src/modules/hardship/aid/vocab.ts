/**
 * The vocabularies of the aid, rule, warning and public pages, for the kit's StatusTag and select
 * fields: the code lists and zh/en labels of common/src/hardship-vocab.ts with their tag colours.
 */
import * as V from '../../../../../common/src/hardship-vocab';
import { RECIPIENT_RELATIONS } from '../../../../../common/src/contracts/hardship-aid';
import { WARNING_STATUSES } from '../../../../../common/src/contracts/hardship-warnings';
import { vocabOf } from '../../../kit';

export const AID_KINDS = vocabOf(V.AID_KINDS, V.AID_KIND_LABELS, { festival: 'red' });
export const CAP_RULES = vocabOf(V.CAP_RULES, V.CAP_RULE_LABELS);
export const TIERS = vocabOf(V.TIERS, V.TIER_LABELS, { deep: 'red', relative: 'orange', accident: 'purple' });
export const CAUSES = vocabOf(V.CAUSES, V.CAUSE_LABELS);
export const FILE_STATUSES = vocabOf(V.FILE_STATUSES, V.FILE_STATUS_LABELS, { applied: 'blue', reviewing: 'processing', filed: 'green' });
export const LIVE_STATUSES = V.LIVE_STATUSES;
export const WARNING_LEVELS = vocabOf(V.WARNING_LEVELS, V.WARNING_LEVEL_LABELS, { red: 'red', orange: 'orange', yellow: 'gold' });
export const WARNING_RULES = vocabOf(V.WARNING_RULES, V.WARNING_RULE_LABELS);
export const WARNING_STATUS = vocabOf(WARNING_STATUSES, {
  open: { zh: '待处置', en: 'Open' },
  closed: { zh: '已销号', en: 'Closed' },
  all: { zh: '全部', en: 'All' },
}, { open: 'processing', closed: 'success' });
export const HUKOU = vocabOf(V.HUKOU_TYPES, V.HUKOU_LABELS);
export const HEALTH = vocabOf(V.HEALTH_STATUSES, V.HEALTH_LABELS);
export const DISABILITY = vocabOf(V.DISABILITY_GRADES, V.DISABILITY_LABELS);
export const EMPLOYMENT = vocabOf(V.EMPLOYMENT_STATUSES, V.EMPLOYMENT_STATUS_LABELS);
export const RELATIONSHIPS = vocabOf(V.RELATIONSHIPS, V.RELATIONSHIP_LABELS);
/** Who signed for a payment (领取人与职工关系). */
export const RECIPIENTS = vocabOf(RECIPIENT_RELATIONS, {
  self: { zh: '本人', en: 'The worker' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  other: { zh: '其他', en: 'Other' },
});
