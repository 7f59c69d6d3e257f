/**
 * The honours workflow (评选表彰, docs/achievement.md), declared once for the server (which applies
 * each step through the workflow helper) and the web (which draws the steps and the buttons):
 *
 * A call:       draft ─open→ nominating ─close→ reviewing ─publish→ notice ─finish→ decided
 * A nomination: nominated ─endorse→ endorsed ─submit (the list, quota and floors checked)→ submitted
 *               ─review→ recommended ─approve (clearance all clear, notice over, objections answered)→ approved
 *               any open state ─reject (with the reason)→ rejected; nominated/endorsed ─withdraw→ withdrawn
 *
 * The unit nominates with the record of its democratic recommendation; the union holding the quota
 * endorses and submits its list; the calling federation reviews, publishes the 公示 and approves.
 * The 公示's last day is counted from the call's period (common/src/honor-rules.ts noticePeriod).
 */
import { machine } from './workflow.js';

export const CALL_STATUSES = ['draft', 'nominating', 'reviewing', 'notice', 'decided'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_FLOW = machine({
  entity: 'honor_call',
  states: {
    draft: { zh: '草拟', en: 'Draft', color: 'default' },
    nominating: { zh: '推荐中', en: 'Taking nominations', color: 'blue' },
    reviewing: { zh: '审核中', en: 'Under review', color: 'processing' },
    notice: { zh: '公示中', en: 'Public notice', color: 'orange' },
    decided: { zh: '已表彰', en: 'Decided', color: 'green', final: true },
  },
  path: ['draft', 'nominating', 'reviewing', 'notice', 'decided'],
  transitions: {
    open: {
      zh: '发布通知，开始推荐',
      en: 'Open for nominations',
      from: ['draft'],
      to: ['nominating'],
      permission: 'honor.review',
      audit: 'honor.call_open',
      confirm: true,
    },
    close: {
      zh: '截止推荐，进入审核',
      en: 'Close nominations',
      from: ['nominating'],
      to: ['reviewing'],
      permission: 'honor.review',
      audit: 'honor.call_close',
      confirm: true,
    },
    publish: {
      zh: '发布公示',
      en: 'Publish the notice',
      from: ['reviewing'],
      to: ['notice'],
      permission: 'honor.review',
      audit: 'honor.notice_publish',
      starts: { field: 'noticeTo', rule: { n: 5, unit: 'working_days' } },
      confirm: true,
    },
    finish: {
      zh: '结束评选',
      en: 'Finish',
      from: ['notice'],
      to: ['decided'],
      permission: 'honor.review',
      audit: 'honor.call_finish',
      ends: ['noticeTo'],
      confirm: true,
    },
  },
});

export const NOMINATION_STATUSES = ['nominated', 'endorsed', 'submitted', 'recommended', 'approved', 'rejected', 'withdrawn'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const NOMINATION_FLOW = machine({
  entity: 'honor_nomination',
  states: {
    nominated: { zh: '单位推荐', en: 'Nominated', color: 'blue' },
    endorsed: { zh: '已审核待报送', en: 'Endorsed', color: 'cyan' },
    submitted: { zh: '已报送', en: 'Submitted', color: 'processing' },
    recommended: { zh: '拟表彰', en: 'Recommended', color: 'orange' },
    approved: { zh: '已批准', en: 'Approved', color: 'green', final: true },
    rejected: { zh: '未通过', en: 'Rejected', color: 'default', final: true },
    withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'default', final: true },
  },
  path: ['nominated', 'endorsed', 'submitted', 'recommended', 'approved'],
  transitions: {
    endorse: {
      zh: '审核通过（报送单位）',
      en: 'Endorse',
      from: ['nominated'],
      to: ['endorsed'],
      permission: 'honor.review',
      audit: 'honor.nomination_endorse',
      confirm: true,
    },
    submit: { zh: '报送', en: 'Submit', from: ['endorsed'], to: ['submitted'], permission: 'honor.review', audit: 'honor.nomination_submit' },
    review: {
      zh: '评审通过，拟表彰',
      en: 'Recommend',
      from: ['submitted'],
      to: ['recommended'],
      permission: 'honor.review',
      audit: 'honor.nomination_review',
      confirm: true,
    },
    approve: {
      zh: '批准表彰',
      en: 'Approve',
      from: ['recommended'],
      to: ['approved'],
      permission: 'honor.review',
      audit: 'honor.nomination_approve',
      confirm: true,
    },
    reject: {
      zh: '不予通过',
      en: 'Reject',
      from: ['nominated', 'endorsed', 'submitted', 'recommended'],
      to: ['rejected'],
      permission: 'honor.review',
      requires: ['reason'],
      audit: 'honor.nomination_reject',
      confirm: true,
      danger: true,
    },
    withdraw: {
      zh: '撤回推荐',
      en: 'Withdraw',
      from: ['nominated', 'endorsed'],
      to: ['withdrawn'],
      permission: 'honor.write',
      requires: ['reason'],
      audit: 'honor.nomination_withdraw',
      confirm: true,
      danger: true,
    },
  },
});

export const OBJECTION_STATUSES = ['registered', 'investigating', 'answered'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, { zh: string; en: string }> = {
  registered: { zh: '已登记', en: 'Registered' },
  investigating: { zh: '调查核实中', en: 'Investigating' },
  answered: { zh: '已答复', en: 'Answered' },
};
export const OBJECTION_FINDINGS = ['unfounded', 'upheld'] as const;
export const OBJECTION_FINDING_LABELS: Record<(typeof OBJECTION_FINDINGS)[number], { zh: string; en: string }> = {
  unfounded: { zh: '反映不实', en: 'Unfounded' },
  upheld: { zh: '反映属实', en: 'Upheld' },
};
