/** The member registry's vocabularies for the kit (StatusTag, select fields), from common/src/member-vocab.ts. */
import {
  EDUCATION_LABELS, EDUCATION_LEVELS, EMPLOYMENT_FORM_LABELS, EMPLOYMENT_FORMS, employmentFormGroups, ETHNICITIES, GIG_FORMS, MEMBER_STATUS_CHANGE_KINDS, MEMBER_STATUS_CHANGES,
  MEMBER_STATUS_COLORS, MEMBER_STATUS_LABELS, MEMBER_STATUSES, MEMBERSHIP_EVENT_KINDS, MEMBERSHIP_EVENT_LABELS, POLITICAL_STATUS_LABELS, POLITICAL_STATUSES,
} from '../../../../common/src/member-vocab';
import { vocabOf, type Vocab } from '../../kit';

export const STATUSES = vocabOf(MEMBER_STATUSES, MEMBER_STATUS_LABELS, MEMBER_STATUS_COLORS);
/** New forms of employment (新就业形态) are tagged purple; standard employment is plain. */
export const FORMS = vocabOf(EMPLOYMENT_FORMS, EMPLOYMENT_FORM_LABELS, Object.fromEntries(GIG_FORMS.map((f) => [f, 'purple'])));
export const EDUCATION = vocabOf(EDUCATION_LEVELS, EDUCATION_LABELS);
export const POLITICAL = vocabOf(POLITICAL_STATUSES, POLITICAL_STATUS_LABELS);
export const ETHNICITY: Vocab = Object.fromEntries(ETHNICITIES.map((e) => [e, { zh: e, en: e }]));
export const EVENTS = vocabOf(MEMBERSHIP_EVENT_KINDS, MEMBERSHIP_EVENT_LABELS, {
  joined: 'green', rejoined: 'green', transferred_in: 'blue', transferred_out: 'blue', retained: 'orange', left: 'gray',
});
export const STATUS_CHANGES = vocabOf(MEMBER_STATUS_CHANGE_KINDS, MEMBER_STATUS_CHANGES);
export const SEX: Vocab = { M: { zh: '男', en: 'Male' }, F: { zh: '女', en: 'Female' } };
export const YES_NO: Vocab = { true: { zh: '是', en: 'Yes' }, false: { zh: '否', en: 'No' } };
/** How the person consented to the personal-information notice (common/src/member-input.ts ConsentInput). */
export const CONSENT_METHODS: Vocab = {
  paper: { zh: '纸质签字', en: 'Signed on paper' },
  online: { zh: '线上勾选', en: 'Online' },
  app: { zh: '移动端确认', en: 'Mobile app' },
  portal: { zh: '职工端首次登录确认', en: 'Confirmed on the worker portal' },
};
/** Whether the member's own consent is on file; `to_collect` for a record imported from an HR roster (个人信息保护法 Art. 13 (2)). */
export const CONSENT_STATUSES: Vocab = { given: { zh: '本人已同意', en: 'Given' }, to_collect: { zh: '待本人确认', en: 'To be collected' } };

/**
 * The employment forms a person chooses, as grouped Select options (new forms of employment and
 * employees, the new forms first on the gig path); 未填 is never offered: it is what a blank roster
 * cell gives, and the form has no default.
 */
export function employmentFormOptions(pick: (l: { zh: string; en: string }) => string, gigFirst: boolean) {
  return employmentFormGroups(gigFirst).map((g) => ({
    label: pick(g), title: pick(g),
    options: g.forms.map((f) => ({ value: f, label: pick(EMPLOYMENT_FORM_LABELS[f]) })),
  }));
}
