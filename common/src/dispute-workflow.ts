/**
 * The labour-dispute case workflow (docs/rights.md, "The case workflow"), declared once for the
 * server (server/src/modules/dispute/dispute.service.ts applies each step through the workflow
 * helper) and the web (the case page draws the steps and the buttons the server allows):
 *
 *   received ─assign→ mediating ─agree→ agreed ─close→ closed
 *      │  └──────────────┴─fail→ failed (arbitration open) ─close→ closed
 *      └─reject (reason, where to go)→ rejected
 *   transfer: to another body's centre, back to received, the history kept.
 *
 * The mediation clock (劳动争议调解仲裁法 Art. 14) starts at receipt, not at a step: the intake
 * tracks it; agreeing, failing or rejecting ends it. An agreement starts the 30 days to apply for
 * judicial confirmation (人民调解法 Art. 33).
 */
import { machine } from './workflow.js';
import { DISPUTE_STATUS_LABELS } from './dispute-vocab.js';
import { confirmationRule } from './dispute-rules.js';

export const DISPUTE_FLOW = machine({
  entity: 'dispute',
  states: {
    received: { ...DISPUTE_STATUS_LABELS.received, color: 'blue' },
    mediating: { ...DISPUTE_STATUS_LABELS.mediating, color: 'processing' },
    agreed: { ...DISPUTE_STATUS_LABELS.agreed, color: 'green' },
    failed: { ...DISPUTE_STATUS_LABELS.failed, color: 'orange' },
    closed: { ...DISPUTE_STATUS_LABELS.closed, color: 'default', final: true },
    rejected: { ...DISPUTE_STATUS_LABELS.rejected, color: 'default', final: true },
  },
  path: ['received', 'mediating', 'agreed', 'closed'],
  transitions: {
    assign: {
      zh: '指派调解员',
      en: 'Assign a mediator',
      from: ['received', 'mediating'],
      to: ['mediating'],
      permission: 'dispute.write',
      audit: 'dispute.assign',
    },
    transfer: {
      zh: '移交其他调解组织',
      en: 'Transfer',
      from: ['received', 'mediating'],
      to: ['received'],
      permission: 'dispute.write',
      requires: ['toOrgId', 'reason'],
      audit: 'dispute.transfer',
      confirm: true,
    },
    agree: {
      zh: '达成调解协议',
      en: 'Record the agreement',
      from: ['mediating'],
      to: ['agreed'],
      permission: 'dispute.write',
      requires: ['terms'],
      audit: 'dispute.agree',
      starts: { field: 'confirmationDue', rule: confirmationRule() },
      ends: ['mediationDue'],
      confirm: true,
    },
    fail: {
      zh: '调解不成',
      en: 'No agreement',
      from: ['received', 'mediating'],
      to: ['failed'],
      permission: 'dispute.write',
      requires: ['reason'],
      audit: 'dispute.fail',
      ends: ['mediationDue'],
      confirm: true,
      danger: true,
    },
    close: {
      zh: '结案',
      en: 'Close',
      from: ['agreed', 'failed'],
      to: ['closed'],
      permission: 'dispute.write',
      audit: 'dispute.close',
      ends: ['confirmationDue'],
      confirm: true,
    },
    reject: {
      zh: '不予受理',
      en: 'Reject',
      from: ['received'],
      to: ['rejected'],
      permission: 'dispute.write',
      requires: ['reason', 'referTo'],
      audit: 'dispute.reject',
      ends: ['mediationDue'],
      confirm: true,
      danger: true,
    },
  },
});

export type DisputeAction = keyof typeof DISPUTE_FLOW.transitions;
export const DISPUTE_ACTIONS = Object.keys(DISPUTE_FLOW.transitions) as DisputeAction[];
