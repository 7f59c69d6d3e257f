import { MUTUAL_AID_BENEFIT_LABELS, MUTUAL_AID_KIND_LABELS } from '../../../../common/src/mutual-aid-rules';
import { MUTUAL_AID_CLAIM_FLOW } from '../../../../common/src/mutual-aid-workflow';

/** The vocabularies the mutual-aid pages show, from common/ (one source for labels). */
export const KIND_LABELS = MUTUAL_AID_KIND_LABELS;
export const BENEFIT_LABELS = MUTUAL_AID_BENEFIT_LABELS;
export const CLAIM_STATUS_LABELS = MUTUAL_AID_CLAIM_FLOW.states;
/** Where an enrolment's cover stands today (the server's `status`, ENROLMENT_STATUSES). */
export const ENROLMENT_STATUS_LABELS = {
  upcoming: { zh: '待生效', en: 'Not begun', color: 'blue' },
  active: { zh: '保障中', en: 'Covered', color: 'green' },
  ended: { zh: '已到期', en: 'Ended', color: 'default' },
} as const;
