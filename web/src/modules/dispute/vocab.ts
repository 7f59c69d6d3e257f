import { vocabOf } from '../../kit';
import {
  DISPUTE_CHANNEL_LABELS, DISPUTE_CHANNELS, DISPUTE_STATUS_LABELS, DISPUTE_STATUSES, DISPUTE_TYPE_LABELS, DISPUTE_TYPES, MEDIATOR_KIND_LABELS, MEDIATOR_KINDS,
  REFER_TO, REFER_TO_LABELS, LEGAL_AID_KINDS, LEGAL_AID_KIND_LABELS, LEGAL_AID_CHANNELS, LEGAL_AID_CHANNEL_LABELS, LEGAL_AID_STATUSES, LEGAL_AID_STATUS_LABELS,
  LEGAL_AID_OUTCOMES, LEGAL_AID_OUTCOME_LABELS, HOTLINE_RESULTS, HOTLINE_RESULT_LABELS,
} from '../../../../common/src/dispute-vocab';

/** The dispute vocabularies of common/ as the kit's Vocab (labels in both languages, tag colours). */
export const DISPUTE_TYPE = vocabOf(DISPUTE_TYPES, DISPUTE_TYPE_LABELS, { wage_arrears: 'volcano', work_injury: 'red', labour_relation: 'purple' });
export const DISPUTE_CHANNEL = vocabOf(DISPUTE_CHANNELS, DISPUTE_CHANNEL_LABELS, { court_delegated: 'geekblue', arbitration_referral: 'cyan', online: 'green' });
export const DISPUTE_STATUS = vocabOf(DISPUTE_STATUSES, DISPUTE_STATUS_LABELS, { received: 'blue', mediating: 'processing', agreed: 'green', failed: 'orange', closed: 'default', rejected: 'default' });
export const MEDIATOR_KIND = vocabOf(MEDIATOR_KINDS, MEDIATOR_KIND_LABELS);
export const REFER = vocabOf(REFER_TO, REFER_TO_LABELS);
export const LIMITATION = {
  within: { zh: '在时效内', en: 'Within the limitation', color: 'green' },
  expired: { zh: '可能已超过仲裁时效', en: 'Limitation may have expired', color: 'red' },
  not_running: { zh: '劳动关系存续，欠薪不受时效限制', en: 'Not running while employed', color: 'blue' },
  unknown: { zh: '未填写知道权利被侵害的日期', en: 'Day of knowledge not given', color: 'default' },
};

export const LEGAL_AID_KIND = vocabOf(LEGAL_AID_KINDS, LEGAL_AID_KIND_LABELS);
export const LEGAL_AID_CHANNEL = vocabOf(LEGAL_AID_CHANNELS, LEGAL_AID_CHANNEL_LABELS);
export const LEGAL_AID_STATUS = vocabOf(LEGAL_AID_STATUSES, LEGAL_AID_STATUS_LABELS, { requested: 'blue', assigned: 'processing', closed: 'green', declined: 'default' });
export const LEGAL_AID_OUTCOME = vocabOf(LEGAL_AID_OUTCOMES, LEGAL_AID_OUTCOME_LABELS);
export const HOTLINE_RESULT = vocabOf(HOTLINE_RESULTS, HOTLINE_RESULT_LABELS, { legal_aid: 'purple', dispute: 'geekblue' });
export const CALL_TOPIC = { ...DISPUTE_TYPE, consultation: { zh: '一般法律咨询', en: 'General advice' } };

export { EVIDENCE_KIND, MILESTONE_KIND, REFERRAL_GROUND, SIGNATORY_ROLE, SIGNATURE_METHOD } from './records-vocab';
