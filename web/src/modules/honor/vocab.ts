import { vocabOf } from '../../kit';
import * as R from '../../../../common/src/honor-rules';
import { CALL_FLOW, NOMINATION_FLOW, OBJECTION_FINDING_LABELS, OBJECTION_FINDINGS, OBJECTION_STATUS_LABELS, OBJECTION_STATUSES } from '../../../../common/src/honor-workflow';

/** Vocabularies of the honour pages, from common/ (one source for labels). */
export const HONOR_KINDS = vocabOf(R.HONOR_KINDS, R.HONOR_KIND_LABELS);
export const OCCUPATIONS = vocabOf(R.OCCUPATIONS, R.OCCUPATION_LABELS);
export const CATEGORIES = vocabOf(R.CATEGORIES, R.CATEGORY_LABELS);
export const AGENCIES = vocabOf(R.CLEARANCE_AGENCIES, R.CLEARANCE_AGENCY_LABELS);
export const CLEARANCE = vocabOf(R.CLEARANCE_RESULTS, R.CLEARANCE_RESULT_LABELS, { pending: 'default', clear: 'green', objection: 'red' });
export const CARE_KINDS = vocabOf(R.CARE_KINDS, R.CARE_KIND_LABELS);
export const LEVELS = vocabOf(R.ACHIEVEMENT_LEVELS, R.ACHIEVEMENT_LEVEL_LABELS);
export const CALL_STATUS = Object.fromEntries(Object.entries(CALL_FLOW.states).map(([k, v]) => [k, { zh: v.zh, en: v.en, color: v.color }]));
export const NOMINATION_STATUS = Object.fromEntries(Object.entries(NOMINATION_FLOW.states).map(([k, v]) => [k, { zh: v.zh, en: v.en, color: v.color }]));
export const OBJECTION_STATUS = vocabOf(OBJECTION_STATUSES, OBJECTION_STATUS_LABELS, { registered: 'red', investigating: 'orange', answered: 'green' });
export const OBJECTION_FINDING = vocabOf(OBJECTION_FINDINGS, OBJECTION_FINDING_LABELS);
export const NOTICE_UNITS = { working_days: { zh: '个工作日', en: 'working days' }, calendar_days: { zh: '日（自然日）', en: 'calendar days' } };
export const RECOMMEND_METHODS = { congress: { zh: '职代会（职工大会）', en: 'Workers’ congress' }, assembly: { zh: '职工代表民主推荐会', en: 'Delegates’ meeting' }, meeting: { zh: '班组（科室）民主推荐', en: 'Team meeting' } };
