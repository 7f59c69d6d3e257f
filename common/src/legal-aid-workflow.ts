/**
 * The legal-aid request workflow (docs/rights.md, "Legal aid"): requested ─assign→ assigned ─close
 * (hours, outcome, the worker's satisfaction)→ closed; requested ─decline (reason)→ declined. A
 * reassignment keeps the request with a lawyer. The conflict check (the lawyer has not acted for the
 * employer) is the service's rule, run before the step.
 */
import { machine } from './workflow.js';
import { LEGAL_AID_STATUS_LABELS } from './dispute-vocab.js';

export const LEGAL_AID_FLOW = machine({
  entity: 'legal_aid',
  states: {
    requested: { ...LEGAL_AID_STATUS_LABELS.requested, color: 'blue' },
    assigned: { ...LEGAL_AID_STATUS_LABELS.assigned, color: 'processing' },
    closed: { ...LEGAL_AID_STATUS_LABELS.closed, color: 'green', final: true },
    declined: { ...LEGAL_AID_STATUS_LABELS.declined, color: 'default', final: true },
  },
  path: ['requested', 'assigned', 'closed'],
  transitions: {
    assign: {
      zh: '指派律师',
      en: 'Assign a lawyer',
      from: ['requested', 'assigned'],
      to: ['assigned'],
      permission: 'legal_aid.write',
      audit: 'legal_aid.assign',
    },
    close: {
      zh: '办结',
      en: 'Close',
      from: ['assigned'],
      to: ['closed'],
      permission: 'legal_aid.write',
      requires: ['outcome', 'outcomeKind'],
      audit: 'legal_aid.close',
      confirm: true,
    },
    decline: {
      zh: '不予援助',
      en: 'Decline',
      from: ['requested'],
      to: ['declined'],
      permission: 'legal_aid.write',
      requires: ['reason'],
      audit: 'legal_aid.decline',
      confirm: true,
      danger: true,
    },
  },
});

export type LegalAidAction = keyof typeof LEGAL_AID_FLOW.transitions;
export const LEGAL_AID_ACTIONS = Object.keys(LEGAL_AID_FLOW.transitions) as LegalAidAction[];
