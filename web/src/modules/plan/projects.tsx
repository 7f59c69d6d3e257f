import { PROJECT_STATUS_LABELS } from '../../../../common/src/contracts/project';

/** Project statuses as a vocabulary for StatusTag and filters (docs/plans.md, "Practical projects"). */
export const PROJECT_STATUS = PROJECT_STATUS_LABELS;

/** Milestones typed one a line as "2026-03-31 完成选址" (a calendar date, then the title). */
export function parseMilestones(text: string | undefined): { title: string; due: string }[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(l);
      return m ? { due: m[1]!, title: m[2]!.trim() } : { due: '', title: l };
    });
}
