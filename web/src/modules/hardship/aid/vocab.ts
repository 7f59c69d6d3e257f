/**
 * The vocabularies of the aid, rule, warning and public pages, for the kit's StatusTag and select
 * fields: the code lists and zh/en labels of common/src/hardship-vocab.ts with their tag colours.
 */
import * as V from '../../../../../common/src/hardship-vocab';
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
/** How aid was handed over, the proof it carries, whether that proof is missing (待补签领), and who received it (户主/家庭成员/代领). */
export const AID_METHODS = vocabOf(V.AID_METHODS, V.AID_METHOD_LABELS, { transfer: 'blue', goods: 'purple' });
export const PROOF_KINDS = vocabOf(V.PROOF_KINDS, V.PROOF_KIND_LABELS);
export const PROOF_STATUSES = vocabOf(V.PROOF_STATUSES, V.PROOF_STATUS_LABELS, { complete: 'success', pending: 'warning' });
export const RECIPIENT_KINDS = vocabOf(V.RECIPIENT_KINDS, V.RECIPIENT_KIND_LABELS, { proxy: 'orange' });
