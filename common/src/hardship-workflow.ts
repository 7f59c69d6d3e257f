/**
 * The hardship file workflow (建档流程, docs/hardship.md "The file workflow"), declared once for the
 * server (server/src/modules/hardship/workflow.service.ts applies each step through the workflow
 * helper) and the web (the file page draws the steps and the buttons the server allows):
 *
 *   applied ─check→ reviewing ─review (level 1 … N)→ filed ─exit→ exited ─relapse→ applied (eligible)
 *      └─────────── reject (with the reason) ──────────→ rejected          └──→ exited (refused, still monitored)
 *
 * The check passes an application up for review, or files it at once when no level is above the
 * union; each review passes one level, the last one files it. A filed household is re-assessed
 * yearly (the next date is a deadline counted in months of the rule set in force). Exit ends that
 * deadline and starts the monitoring period. A relapse (返困) re-evaluates the household on its
 * current figures: eligible, the same file goes back to `applied` and through the check and review
 * like a new application (its history and relapse count stay); not eligible, it is refused with the
 * figures and the household stays exited, in monitoring. Refusing a relapse application at the check
 * or a review level also returns it to `exited` (docs/hardship.md "Workflow").
 */
import { machine } from './workflow.js';
import { DEFAULT_RULE_SET } from './hardship-tier.js';
import { FILE_STATUS_LABELS } from './hardship-vocab.js';
import type { DeadlineRule } from './deadlines.js';

/**
 * The yearly re-assessment (年度复核): `reassessMonths` of the rule set in force after filing, the
 * corresponding day of that month (no moving off rest days: it is a due date for the union, not a
 * legal period). The service passes the figure of the rule set in force.
 */
export const REASSESS_RULE: DeadlineRule = { n: DEFAULT_RULE_SET.params.reassessMonths, unit: 'months', rollForward: false };

const reassess = { field: 'nextReviewDue', rule: REASSESS_RULE } as const;

export const FILE_FLOW = machine({
  entity: 'hardship_file',
  states: {
    applied: { ...FILE_STATUS_LABELS.applied, color: 'blue' },
    reviewing: { ...FILE_STATUS_LABELS.reviewing, color: 'processing' },
    filed: { ...FILE_STATUS_LABELS.filed, color: 'green' },
    exited: { ...FILE_STATUS_LABELS.exited, color: 'default' },
    rejected: { ...FILE_STATUS_LABELS.rejected, color: 'default', final: true },
  },
  path: ['applied', 'reviewing', 'filed', 'exited'],
  transitions: {
    check: {
      zh: '基层工会核实',
      en: 'Check',
      from: ['applied'],
      to: ['reviewing', 'filed'],
      permission: 'hardship.write',
      audit: 'hardship.check',
      starts: { ...reassess, when: ['filed'] },
      confirm: true,
    },
    review: {
      zh: '上级审核',
      en: 'Review',
      from: ['reviewing'],
      to: ['reviewing', 'filed'],
      permission: 'hardship.review',
      audit: 'hardship.review',
      starts: { ...reassess, when: ['filed'] },
      confirm: true,
    },
    reject: {
      zh: '不予建档',
      en: 'Reject',
      from: ['applied', 'reviewing'],
      to: ['rejected', 'exited'],
      permission: 'hardship.write',
      permissionFrom: { reviewing: 'hardship.review' },
      requires: ['note'],
      audit: 'hardship.reject',
      confirm: true,
      danger: true,
    },
    reassess: {
      zh: '年度复核',
      en: 'Re-assess',
      from: ['filed'],
      to: ['filed'],
      permission: 'hardship.write',
      audit: 'hardship.reassess',
      starts: reassess,
      confirm: true,
    },
    exit: {
      zh: '解困脱困',
      en: 'Exit',
      from: ['filed'],
      to: ['exited'],
      permission: 'hardship.write',
      requires: ['reason'],
      audit: 'hardship.exit',
      ends: ['nextReviewDue'],
      confirm: true,
    },
    relapse: {
      zh: '登记返困',
      en: 'Relapse',
      from: ['exited'],
      to: ['applied', 'exited'],
      permission: 'hardship.write',
      requires: ['note'],
      audit: 'hardship.relapse',
      confirm: true,
      danger: true,
    },
  },
});

export type FileAction = keyof typeof FILE_FLOW.transitions;
export const FILE_ACTIONS = Object.keys(FILE_FLOW.transitions) as FileAction[];
