/**
 * The mutual-aid claim workflow (docs/mutual-aid.md "Claims"): submitted ─approve (amount)→
 * approved ─pay→ paid; submitted ─reject (reason)→ rejected. The cover-period and 180-day checks are
 * the service's rules (common/src/mutual-aid-rules.ts), run when the claim is filed.
 */
import { machine } from './workflow.js';

export const MUTUAL_AID_CLAIM_FLOW = machine({
  entity: 'mutual_aid_claim',
  states: {
    submitted: { zh: '待审核', en: 'Submitted', color: 'blue' },
    approved: { zh: '已核准', en: 'Approved', color: 'processing' },
    paid: { zh: '已给付', en: 'Paid', color: 'green', final: true },
    rejected: { zh: '不予给付', en: 'Rejected', color: 'default', final: true },
  },
  path: ['submitted', 'approved', 'paid'],
  transitions: {
    approve: {
      zh: '核准给付',
      en: 'Approve',
      from: ['submitted'],
      to: ['approved'],
      permission: 'mutual_aid.review',
      requires: ['approvedFen'],
      audit: 'mutual_aid.claim_approve',
    },
    pay: {
      zh: '登记给付',
      en: 'Record the payout',
      from: ['approved'],
      to: ['paid'],
      permission: 'mutual_aid.review',
      audit: 'mutual_aid.claim_pay',
      confirm: true,
    },
    reject: {
      zh: '不予给付',
      en: 'Reject',
      from: ['submitted'],
      to: ['rejected'],
      permission: 'mutual_aid.review',
      requires: ['reason'],
      audit: 'mutual_aid.claim_reject',
      confirm: true,
      danger: true,
    },
  },
});

export type MutualAidClaimAction = keyof typeof MUTUAL_AID_CLAIM_FLOW.transitions;
export const MUTUAL_AID_CLAIM_STATUSES = ['submitted', 'approved', 'paid', 'rejected'] as const;
