/**
 * Proposals (合理化建议 / 五小, docs/achievement.md), declared once for the server and the web:
 *
 * submitted ─evaluate→ evaluating ─adopt→ adopted ─implement (value created, reward)→ implemented
 * submitted/evaluating ─reject (with the reason)→ rejected
 *
 * A worker submits on the portal or a cadre records one for the unit; the unit's union evaluates,
 * adopts and records the implementation with the value it created and the reward paid.
 */
import { machine } from './workflow.js';

export const PROPOSAL_STATUSES = ['submitted', 'evaluating', 'adopted', 'implemented', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_FLOW = machine({
  entity: 'proposal',
  states: {
    submitted: { zh: '已提交', en: 'Submitted', color: 'blue' },
    evaluating: { zh: '评估中', en: 'Being evaluated', color: 'processing' },
    adopted: { zh: '已采纳', en: 'Adopted', color: 'cyan' },
    implemented: { zh: '已实施', en: 'Implemented', color: 'green', final: true },
    rejected: { zh: '未采纳', en: 'Not adopted', color: 'red', final: true },
  },
  path: ['submitted', 'evaluating', 'adopted', 'implemented'],
  transitions: {
    evaluate: { zh: '开始评估', en: 'Start evaluating', from: ['submitted'], to: ['evaluating'], permission: 'proposal.write', audit: 'proposal.evaluate' },
    adopt: {
      zh: '采纳',
      en: 'Adopt',
      from: ['evaluating'],
      to: ['adopted'],
      permission: 'proposal.write',
      requires: ['opinion'],
      audit: 'proposal.adopt',
      confirm: true,
    },
    implement: {
      zh: '登记实施效果',
      en: 'Record the implementation',
      from: ['adopted'],
      to: ['implemented'],
      permission: 'proposal.write',
      audit: 'proposal.implement',
      confirm: true,
    },
    reject: {
      zh: '不予采纳',
      en: 'Do not adopt',
      from: ['submitted', 'evaluating'],
      to: ['rejected'],
      permission: 'proposal.write',
      requires: ['opinion'],
      audit: 'proposal.reject',
      confirm: true,
      danger: true,
    },
  },
});
