import { vocabOf } from '../../kit';
import {
  EVIDENCE_KIND_LABELS, EVIDENCE_KINDS, MILESTONE_KIND_LABELS, MILESTONE_KINDS, REFERRAL_GROUND_LABELS, REFERRAL_GROUNDS, SIGNATORY_ROLE_LABELS, SIGNATORY_ROLES,
  SIGNATURE_METHOD_LABELS, SIGNATURE_METHODS,
} from '../../../../common/src/dispute-records';

/** The vocabularies of a case's evidence, agreement and arbitration (common/src/dispute-records.ts). */
export const EVIDENCE_KIND = vocabOf(EVIDENCE_KINDS, EVIDENCE_KIND_LABELS);
export const SIGNATORY_ROLE = vocabOf(SIGNATORY_ROLES, SIGNATORY_ROLE_LABELS);
export const SIGNATURE_METHOD = vocabOf(SIGNATURE_METHODS, SIGNATURE_METHOD_LABELS);
export const REFERRAL_GROUND = vocabOf(REFERRAL_GROUNDS, REFERRAL_GROUND_LABELS, { breach: 'red', no_agreement: 'orange' });
export const MILESTONE_KIND = vocabOf(MILESTONE_KINDS, MILESTONE_KIND_LABELS);
