import { MUTUAL_AID_BENEFIT_LABELS, MUTUAL_AID_KIND_LABELS } from '../../../../common/src/mutual-aid-rules';
import { MUTUAL_AID_CLAIM_FLOW } from '../../../../common/src/mutual-aid-workflow';

/** The vocabularies the mutual-aid pages show, from common/ (one source for labels). */
export const KIND_LABELS = MUTUAL_AID_KIND_LABELS;
export const BENEFIT_LABELS = MUTUAL_AID_BENEFIT_LABELS;
export const CLAIM_STATUS_LABELS = MUTUAL_AID_CLAIM_FLOW.states;
